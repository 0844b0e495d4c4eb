/* The PLIC lowers its S-mode output while M-mode sets and clears mip.SSIP
 * (M start, -bios none, -smp 4, every hart then in S-mode).
 * M-mode delegates SEI and SSI (mideleg), enables them in mie, opens PMP
 * to S (pmpaddr0 all ones, NAPOT RWX), routes PLIC source 10 (UART) to
 * each hart's S context 2*h+1 (M context 2*h disabled) and mrets to S with
 * satp 0.  Each of ROUNDS rounds, in step on all harts (barriers):
 *   1. hart 0 raises the UART's THR-empty interrupt (IER = ETBEI): the
 *      PLIC's S outputs go high, every hart sees sip.SEIP = 1 (SIE off);
 *   2. every hart ecalls to M-mode, which does csrs/csrc mip, SSIP 20 times
 *      and leaves SSIP set, as OpenSBI injects an IPI for S-mode: all of it
 *      while the PLIC's line is high;
 *   3. with SIE on: the SSI is taken (cleared through sip) and whoever
 *      claims source 10 clears the condition (IER = 0) and completes;
 *   4. with SIE off: sip.SEIP and mip.SEIP (read by M-mode) must be 0.
 * Privileged spec, "Machine Interrupt Registers (mip and mie)": csrs/csrc
 * on mip modify the software-writable SEIP only, the PLIC's signal is ORed
 * into reads alone; an emulator that writes back the ORed value latches
 * SEIP for good and the hart takes SEIs for ever.  Checks: per hart one SSI
 * per round, SEIs bounded (past STORM the handler reports a storm), source
 * 10 claimed once per round, SEIP 0 after each round.  Prints
 * "PLIC_SEIP OK" and exits 0; failures print "PLIC_SEIP FAIL: ..." and
 * exit 1. */
#include "guest.h"
#include "vio.h"

#define NH 4
#define ROUNDS 20
#define POKES 20
#define STORM (4 * ROUNDS + 20)

#define REQ_POKE 1
#define REQ_READ_MIP 2

#define UR(r) ((volatile uint8_t *)(UART_BASE + (r)))

void s_trap_entry(void);

static volatile uint32_t mreq[NH];
static volatile uint64_t mres[NH];
static uint32_t sei[NH], ssi[NH], uart_claims[NH], empty_claims[NH];
static volatile uint32_t handled_round, round_now;
static uint32_t bar_count, bar_gen, fail_lock;

/* Prints a failure with a value (one hart at a time) and exits 1. */
static void die(unsigned h, const char *what, uint64_t v)
{
    while (__atomic_exchange_n(&fail_lock, 1, __ATOMIC_ACQUIRE))
        ;
    *UR(UART_IER) = 0;
    puts_("PLIC_SEIP FAIL: hart ");
    putdec(h);
    puts_(": ");
    puts_(what);
    puts_(" ");
    putdec(v);
    puts_("\n");
    guest_exit(1);
}

/* M-mode: ecalls from S (mcause 9) carry a request in mreq[hart]. */
void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    unsigned h = (unsigned)csr_read(mhartid);
    (void)mtval;
    if (mcause != 9) {
        puts_("M-mode trap mcause=");
        puthex(mcause);
        puts_(" mepc=");
        puthex(mepc);
        puts_(" ");
        die(h, "unexpected M-mode trap", mcause);
    }
    if (mreq[h] == REQ_POKE) {
        for (int i = 0; i < POKES; i++) {
            __asm__ volatile("csrs mip, %0" :: "r"(1UL << IRQ_SSI));
            __asm__ volatile("csrc mip, %0" :: "r"(1UL << IRQ_SSI));
        }
        __asm__ volatile("csrs mip, %0" :: "r"(1UL << IRQ_SSI));
    } else if (mreq[h] == REQ_READ_MIP) {
        mres[h] = csr_read(mip);
    } else {
        die(h, "bad ecall request", mreq[h]);
    }
    csr_write(mepc, mepc + 4);
}

/* S-mode trap handler: SSI and SEI only. */
void s_trap_handler(uint64_t scause, uint64_t sepc, uint64_t stval)
{
    unsigned h;
    __asm__ volatile("mv %0, tp" : "=r"(h));
    if (scause == (CAUSE_IRQ | IRQ_SSI)) {
        csr_clear(sip, 1UL << IRQ_SSI);
        ssi[h]++;
        return;
    }
    if (scause != (CAUSE_IRQ | IRQ_SEI)) {
        puts_("S-mode trap scause=");
        puthex(scause);
        puts_(" sepc=");
        puthex(sepc);
        puts_(" stval=");
        puthex(stval);
        puts_(" ");
        die(h, "unexpected S-mode trap", scause);
    }
    if (++sei[h] > STORM) die(h, "SEI storm (SEIP stuck?): more SEIs than", STORM);
    uint32_t src = mmio_r32(PLIC_CLAIM(2 * h + 1));
    if (src == 0) {
        empty_claims[h]++;
        return;
    }
    if (src != PLIC_SRC_UART) die(h, "claimed a source that is not the UART:", src);
    uart_claims[h]++;
    *UR(UART_IER) = 0; /* the device's condition is gone */
    handled_round = round_now;
    mmio_w32(PLIC_CLAIM(2 * h + 1), src);
}

/* All NH harts meet here. */
static void barrier(void)
{
    uint32_t g = __atomic_load_n(&bar_gen, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&bar_count, 1, __ATOMIC_ACQ_REL) == NH) {
        __atomic_store_n(&bar_count, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&bar_gen, g + 1, __ATOMIC_RELEASE);
    } else {
        while (__atomic_load_n(&bar_gen, __ATOMIC_ACQUIRE) == g)
            ;
    }
}

/* An ecall to M-mode with request req. */
static void m_call(unsigned h, uint32_t req)
{
    mreq[h] = req;
    __asm__ volatile("ecall" ::: "memory");
}

/* S-mode: the rounds. tp holds the hart id. */
static void s_main(void)
{
    unsigned h;
    __asm__ volatile("mv %0, tp" : "=r"(h));
    for (uint32_t r = 1; r <= ROUNDS; r++) {
        barrier();
        if (h == 0) {
            round_now = r;
            *UR(UART_IER) = UART_IER_ETBEI;
        }
        barrier();
        for (uint64_t spin = 0; !(csr_read(sip) & (1UL << IRQ_SEI)); spin++)
            if (spin > 1000000) die(h, "sip.SEIP never rose for the UART, round", r);
        m_call(h, REQ_POKE);
        barrier();
        csr_set(sstatus, 2);
        for (uint64_t spin = 0; handled_round != r; spin++)
            if (spin > 10000000) die(h, "source 10 never handled, round", r);
        for (volatile int i = 0; i < 2000; i++)
            ;
        csr_clear(sstatus, 2);
        barrier();
        if (csr_read(sip) & (1UL << IRQ_SEI)) {
            die(h, "sip.SEIP reads 1 after the claim, the completion and IER = 0, round", r);
        }
        m_call(h, REQ_READ_MIP);
        if (mres[h] & (1UL << IRQ_SEI)) die(h, "mip.SEIP reads 1 after the round, round", r);
        if (ssi[h] != r) die(h, "SSIs taken (want one per round):", ssi[h]);
    }
    barrier();
    if (h != 0)
        for (;;) __asm__ volatile("wfi");
    uint32_t claims = 0;
    for (unsigned i = 0; i < NH; i++) {
        claims += uart_claims[i];
        puts_("hart ");
        putdec(i);
        puts_(": ");
        putdec(ssi[i]);
        puts_(" SSI, ");
        putdec(sei[i]);
        puts_(" SEI, ");
        putdec(uart_claims[i]);
        puts_(" UART claims, ");
        putdec(empty_claims[i]);
        puts_(" empty claims\n");
    }
    if (claims != ROUNDS) die(0, "UART claims in all (want one per round):", claims);
    puts_("PLIC_SEIP OK\n");
    guest_exit(0);
}

void guest_main(uint64_t hartid)
{
    unsigned h = (unsigned)hartid;
    if (h >= NH)
        for (;;) __asm__ volatile("wfi");
    csr_write(pmpaddr0, ~0UL >> 10);
    csr_write(pmpcfg0, 0x1f); /* NAPOT, RWX: S-mode may use everything */
    csr_write(satp, 0);
    csr_write(medeleg, 0);
    csr_write(mideleg, (1UL << IRQ_SEI) | (1UL << IRQ_SSI));
    csr_write(mie, (1UL << IRQ_SEI) | (1UL << IRQ_SSI));
    csr_write(stvec, (uintptr_t)s_trap_entry);
    mmio_w32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_w32(PLIC_ENABLE(2 * h), 0);
    mmio_w32(PLIC_ENABLE(2 * h + 1), 1u << PLIC_SRC_UART);
    mmio_w32(PLIC_THRESHOLD(2 * h + 1), 0);
    uint64_t ms = csr_read(mstatus);
    ms &= ~(3UL << 11);
    ms |= 1UL << 11;          /* MPP = S */
    ms &= ~2UL;               /* SIE off until a round asks */
    csr_write(mstatus, ms);
    csr_write(mepc, (uintptr_t)s_main);
    __asm__ volatile("mv tp, %0\n\tmret" :: "r"(hartid) : "memory");
    for (;;) ;
}
