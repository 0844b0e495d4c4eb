/* fencebench-smp4: a TLB shootdown between 4 harts (run with -smp 4). All
 * harts run in S-mode under one Sv39 page table (identity map, S only).
 * Hart 0 repoints a 4 KiB page at one of four physical pages, runs
 * sfence.vma for it, then writes the CLINT msip of harts 1..3 (the CLINT page
 * is mapped for S) and spins until each one acknowledges. A target takes the
 * machine software interrupt in M-mode (rt.c's m_trap clears msip and
 * raises SSIP, delegated to S), sees sip.SSIP after its wfi, executes
 * sfence.vma for the page, reads it and acknowledges through a shared
 * counter. Hart 0 checks what every target read. */
#include "vm.h"

#ifndef ITERS
#define ITERS 30000UL
#endif
#define NHARTS 4
#define TEST_VA 0x40000000UL
#define SSIP (1UL << 1)
#define MSIE (1UL << 3)

static u64 pages[4][512] __attribute__((aligned(4096)));
static volatile u64 *test_pte;
static volatile u64 pt_ready;
struct slot { volatile u64 ready, ack, seen; u64 pad[5]; };
static struct slot slots[NHARTS] __attribute__((aligned(64)));

static void s_worker(void)
{
    u64 h = csr_read(sscratch);      /* hart id, set by M-mode */
    csr_set(sie, SSIP);              /* wfi wakes on SSIP; sstatus.SIE stays 0 */
    fence();
    slots[h].ready = 1;
    for (;;) {
        (void)*(volatile u64 *)TEST_VA;   /* keep a translation cached */
        while (!(csr_read(sip) & SSIP))
            wfi();
        csr_clear(sip, SSIP);
        sfence_vma_va(TEST_VA);
        slots[h].seen = *(volatile u64 *)TEST_VA;
        fence();
        slots[h].ack = slots[h].ack + 1;
    }
}

static void s_main(void)
{
    puts_("benchmark: fencebench-smp4 (S-mode, Sv39, IPI shootdown to 3 harts)\n");
    put_kv_dec("harts", NHARTS);
    put_kv_dec("shootdowns", ITERS);
    for (int h = 1; h < NHARTS; h++)
        while (!slots[h].ready)
            cpu_pause();
    volatile u32 *msip = (volatile u32 *)CLINT_BASE;
    u64 acc = 0, bad = 0, seed = 777;
    for (u64 i = 0; i < ITERS; i++) {
        u64 k = xs64(&seed) & 3;
        *test_pte = ((u64)pages[k] >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
        sfence_vma_va(TEST_VA);
        fence();
        for (int h = 1; h < NHARTS; h++)
            msip[h] = 1;
        for (int h = 1; h < NHARTS; h++)
            while (slots[h].ack != i + 1)
                cpu_pause();
        fence();
        for (int h = 1; h < NHARTS; h++) {
            u64 v = slots[h].seen;
            if (v != pages[k][0])
                bad++;
            acc = mix64(acc, v);
        }
    }
    put_kv_dec("stale reads", bad);
    puts_("result: ");
    puts_(bad ? "STALE TRANSLATIONS SEEN" : "ok");
    puts_("\n");
    print_checksum(mix64(acc, bad));
    bench_exit(bad ? 1 : 0);
}

void secondary_main(u64 hartid)
{
    if (hartid >= NHARTS)
        for (;;)
            wfi();
    while (!pt_ready)
        cpu_pause();
    fence();
    pmp_allow_all();
    csr_write(mideleg, SSIP);
    csr_write(mie, MSIE);
    csr_write(sscratch, hartid);
    csr_write(satp, vm_satp());
    sfence_vma_all();
    enter_lower((u64)s_worker, (u64)_stacks_end - hartid * 65536, PRIV_S);
}

int main(void)
{
    for (u64 k = 0; k < 4; k++)
        for (u64 j = 0; j < 512; j++)
            pages[k][j] = (k + 1) << 40 | j;
    pmp_allow_all();
    vm_init();
    vm_map_image(0);
    vm_map_pool();
    vm_map(CLINT_BASE, CLINT_BASE, PAGE_4K, 0, PTE_R | PTE_W);
    test_pte = vm_pte4k(TEST_VA);
    *test_pte = ((u64)pages[0] >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    rt_priv = PRIV_S;
    fence();
    pt_ready = 1;
    csr_write(satp, vm_satp());
    sfence_vma_all();
    enter_lower((u64)s_main, (u64)_stacks_end, PRIV_S);
}
