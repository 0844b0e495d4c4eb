/* IPI ring and atomics e2e guest (M-mode, -bios none, -smp 4).
 * Hart i sends a machine software interrupt (CLINT msip) to hart (i+1)%4,
 * ROUNDS times around the ring; each hart counts the IPIs taken by its
 * M-mode interrupt handler and sleeps in wfi in between.  Every round each
 * hart also adds to two shared counters, one with amoadd.w and one with an
 * lr.w/sc.w loop.  Hart 0 checks all counts, prints them on the UART, then
 * prints "IPI OK" and exits 0 through sifive_test (failure: exit 1). */
#include "guest.h"

#define NHARTS 4
#define ROUNDS 1000
#define ADDS 20                       /* per hart per round, per counter */

static volatile uint32_t recv[NHARTS];
static volatile uint32_t stray[NHARTS];
static uint32_t amo_total, lrsc_total, done;

static void send_ipi(unsigned to) { mmio_w32(CLINT_BASE + 4 * to, 1); }

void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    uint64_t h = csr_read(mhartid);
    if (mcause == ((1ULL << 63) | 3)) {
        mmio_w32(CLINT_BASE + 4 * h, 0);   /* clear before counting: no lost IPI */
        mb();
        if (mmio_r32(CLINT_BASE + 4 * h) != 0) stray[h]++;
        recv[h]++;
        return;
    }
    puts_("hart ");
    putdec(h);
    puts_(": unexpected trap mcause=");
    puthex(mcause);
    puts_(" mepc=");
    puthex(mepc);
    puts_(" mtval=");
    puthex(mtval);
    puts_("\n");
    guest_exit(3);
}

static void amo_add(uint32_t *p, uint32_t v)
{
    __asm__ volatile("amoadd.w zero, %1, (%0)" :: "r"(p), "r"(v) : "memory");
}

static void lrsc_add(uint32_t *p, uint32_t v)
{
    uint32_t old, fail;
    __asm__ volatile(
        "1: lr.w.aq %0, (%2)\n"
        "   addw %0, %0, %3\n"
        "   sc.w.rl %1, %0, (%2)\n"
        "   bnez %1, 1b\n"
        : "=&r"(old), "=&r"(fail) : "r"(p), "r"(v) : "memory");
}

/* Sleeps until this hart has taken more than `have` IPIs.  MIE is off while
 * checking, so an IPI between the check and wfi still wakes wfi (§3.3.3). */
static void wait_recv(unsigned h, uint32_t have)
{
    for (;;) {
        csr_clear(mstatus, 8);
        if (recv[h] > have) {
            csr_set(mstatus, 8);
            return;
        }
        __asm__ volatile("wfi");
        csr_set(mstatus, 8);
    }
}

void guest_main(uint64_t hartid)
{
    unsigned h = (unsigned)hartid;
    if (h >= NHARTS)
        for (;;) __asm__ volatile("wfi");
    csr_write(mie, 8);                 /* MSIE */
    csr_set(mstatus, 8);               /* MIE */
    for (uint32_t r = 0; r < ROUNDS; r++) {
        if (h == 0) send_ipi(1);
        wait_recv(h, r);
        for (int k = 0; k < ADDS; k++) {
            amo_add(&amo_total, 1);
            lrsc_add(&lrsc_total, 1);
        }
        if (h != 0) send_ipi((h + 1) % NHARTS);
    }
    amo_add(&done, 1);
    if (h != 0)
        for (;;) __asm__ volatile("wfi");

    for (uint64_t spin = 0; __atomic_load_n(&done, __ATOMIC_ACQUIRE) != NHARTS; spin++)
        if (spin > 100000000) {
            puts_("IPI FAIL: other harts never finished\n");
            guest_exit(1);
        }
    int ok = 1;
    for (unsigned i = 0; i < NHARTS; i++) {
        puts_("hart ");
        putdec(i);
        puts_(" received ");
        putdec(recv[i]);
        puts_(" IPIs\n");
        if (recv[i] != ROUNDS || stray[i]) ok = 0;
    }
    puts_("amoadd total ");
    putdec(amo_total);
    puts_(", lr/sc total ");
    putdec(lrsc_total);
    puts_(" (want ");
    putdec(NHARTS * ROUNDS * ADDS);
    puts_(")\n");
    if (amo_total != NHARTS * ROUNDS * ADDS || lrsc_total != NHARTS * ROUNDS * ADDS) ok = 0;
    puts_(ok ? "IPI OK\n" : "IPI FAIL\n");
    guest_exit(ok ? 0 : 1);
}
