/* A UART driver that never reads IIR, as xv6-riscv's uart.c (M-mode, -bios
 * none, any number of harts; written for this test).
 * Every hart routes PLIC source 10 to its M-mode context 2*hartid (priority
 * 1, threshold 0), enables MEI and sleeps in wfi; whoever claims the source
 * handles it (the claim makes one hart at a time the owner of the UART
 * state; the others claim 0 and count that).  The handler, as xv6's
 * uartintr: claim, read LSR and drain RBR while LSR.DR, transmit the next
 * byte of the buffered message if there is one (one THR write), complete.
 * Hart 0: initialises the UART as xv6's uartinit (IER 0, divisor, 8N1,
 * FIFO enabled and cleared, IER = ETBEI|ERBFI), which starts the message;
 * spins (interrupts on) until all of it left, lets time pass, then puts the UART in
 * loopback (MCR bit 4) and writes 'Z': an RX interrupt must arrive and the
 * handler must read 'Z' back.  Checks: the message is printed whole (the
 * host checks the line), UART claims <= message length + 4 and at most 8
 * more for the loopback phase, claims of nothing bounded.  Each handler
 * call counts; past STORM calls it reports an interrupt storm and exits 1
 * (a PLIC that re-pends THRE at every completion storms for ever).
 * Prints "UART_NOIIR OK" and exits 0. */
#include "guest.h"
#include "vio.h"

#define NHARTS_MAX 8
#define STORM 5000

static const char msg[] = "uart_noiir: the quick brown fox jumps over the lazy dog 0123456789\r\n";
#define MSGLEN (sizeof msg - 1)

static volatile unsigned tx_pos;           /* next byte of msg to send */
static volatile char rx_buf[16];
static volatile unsigned rx_n;
static uint32_t uart_claims[NHARTS_MAX];   /* claimed source 10 */
static uint32_t empty_claims[NHARTS_MAX];  /* claimed 0: another hart was first */
static uint32_t traps_total, ready, fail_lock;

#define UR(r) ((volatile uint8_t *)(UART_BASE + (r)))

/* Prints a failure (one hart at a time) and exits 1. */
static void die(const char *what, uint64_t v)
{
    while (__atomic_exchange_n(&fail_lock, 1, __ATOMIC_ACQUIRE))
        ;
    *UR(UART_IER) = 0; /* no more UART interrupts while printing */
    puts_("UART_NOIIR FAIL: ");
    puts_(what);
    puts_(" ");
    putdec(v);
    puts_("\n");
    guest_exit(1);
}

/* xv6's uartintr plus uartstart, one byte at a time. */
static void uart_intr(void)
{
    while (*UR(UART_LSR) & UART_LSR_DR) {
        char c = (char)*UR(UART_RBR);
        if (rx_n < sizeof rx_buf) rx_buf[rx_n] = c;
        rx_n = rx_n + 1;
    }
    if (tx_pos < MSGLEN && (*UR(UART_LSR) & UART_LSR_THRE)) {
        *UR(UART_THR) = (uint8_t)msg[tx_pos];
        tx_pos = tx_pos + 1;
    }
}

/* M-mode trap handler: MEI from the PLIC, anything else fails. */
void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    unsigned h = (unsigned)csr_read(mhartid);
    if (mcause != (CAUSE_IRQ | IRQ_MEI)) {
        puts_("mcause ");
        puthex(mcause);
        puts_(" mtval ");
        puthex(mtval);
        puts_(" mepc ");
        puthex(mepc);
        puts_(" ");
        die("unexpected trap on hart", h);
    }
    if (__atomic_add_fetch(&traps_total, 1, __ATOMIC_RELAXED) > STORM)
        die("interrupt storm: more MEI traps than", STORM);
    uint32_t src = mmio_r32(PLIC_CLAIM(2 * h));
    if (src == 0) {
        empty_claims[h]++;
        return;
    }
    if (src != PLIC_SRC_UART) die("claimed a source that is not the UART:", src);
    uart_claims[h]++;
    mb();
    uart_intr();
    mb();
    mmio_w32(PLIC_CLAIM(2 * h), src);
}

/* Sum of a per-hart counter. */
static uint32_t sum(const uint32_t *a)
{
    uint32_t s = 0;
    for (unsigned i = 0; i < NHARTS_MAX; i++) s += __atomic_load_n(&a[i], __ATOMIC_RELAXED);
    return s;
}

/* Spins with interrupts on until *p reaches want.  Not wfi: on several
 * harts another hart may take the last interrupt, and nothing would wake
 * this one. */
static void wait_for(volatile unsigned *p, unsigned want)
{
    while (*p < want)
        ;
}

/* Keeps the hart busy with interrupts on for a while. */
static void let_time_pass(void)
{
    for (volatile unsigned i = 0; i < 20000; i++)
        ;
}

void guest_main(uint64_t hartid)
{
    unsigned h = (unsigned)hartid;
    if (h >= NHARTS_MAX)
        for (;;) __asm__ volatile("wfi");
    mmio_w32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_w32(PLIC_ENABLE(2 * h), 1u << PLIC_SRC_UART);
    mmio_w32(PLIC_THRESHOLD(2 * h), 0);
    csr_write(mie, 1u << IRQ_MEI);
    csr_set(mstatus, 8);
    __atomic_add_fetch(&ready, 1, __ATOMIC_RELEASE);
    if (h != 0)
        for (;;) __asm__ volatile("wfi");

    /* the others are set up or parked (harts beyond NHARTS_MAX): give them
     * time, then start */
    for (volatile unsigned i = 0; i < 5000; i++)
        ;
    unsigned nharts = __atomic_load_n(&ready, __ATOMIC_ACQUIRE);

    /* xv6's uartinit */
    *UR(UART_IER) = 0;
    *UR(UART_LCR) = 0x80;
    *UR(0) = 0x03;
    *UR(1) = 0x00;
    *UR(UART_LCR) = 0x03;
    *UR(UART_FCR) = UART_FCR_ENABLE | UART_FCR_CLEAR;
    *UR(UART_IER) = UART_IER_ETBEI | UART_IER_ERBFI;   /* THR empty: the first interrupt */

    wait_for(&tx_pos, MSGLEN);
    let_time_pass();
    uint32_t msg_claims = sum(uart_claims);
    if (msg_claims > MSGLEN + 4) die("UART claims for the message, more than length + 4:", msg_claims);

    /* loopback: the byte written comes back as received data */
    *UR(UART_MCR) = UART_MCR_LOOP;
    *UR(UART_THR) = 'Z';
    wait_for(&rx_n, 1);
    let_time_pass();
    *UR(UART_IER) = 0;
    *UR(UART_MCR) = 0;
    let_time_pass();
    uint32_t loop_claims = sum(uart_claims) - msg_claims;
    csr_clear(mstatus, 8);

    puts_("uart_noiir: ");
    putdec(nharts);
    puts_(" harts, message of ");
    putdec(MSGLEN);
    puts_(" bytes: ");
    putdec(msg_claims);
    puts_(" UART claims (per hart:");
    for (unsigned i = 0; i < nharts; i++) {
        puts_(" ");
        putdec(uart_claims[i]);
    }
    puts_("), ");
    putdec(sum(empty_claims));
    puts_(" empty claims; loopback: ");
    putdec(loop_claims);
    puts_(" claims, read back ");
    putdec(rx_n);
    puts_(" byte(s)\n");
    if (rx_n != 1 || rx_buf[0] != 'Z') die("loopback: bytes read back (want 1, 'Z'):", rx_n);
    if (loop_claims < 1 || loop_claims > 8) die("loopback: UART claims, want 1..8:", loop_claims);
    if (sum(empty_claims) > nharts * (MSGLEN + 12)) die("empty claims:", sum(empty_claims));
    puts_("UART_NOIIR OK\n");
    guest_exit(0);
}
