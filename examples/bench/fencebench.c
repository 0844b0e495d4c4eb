/* fencebench: one hart in S-mode under Sv39 maps a page (write the PTE,
 * sfence.vma with rs1 = va), reads it, unmaps it (PTE = 0, sfence.vma va),
 * in a loop. Each mapping points at one of four physical pages with
 * different contents, so a missed invalidation changes what is read and the
 * checksum. */
#include "vm.h"

#ifndef ITERS
#define ITERS 500000UL
#endif
#define TEST_VA 0x40000000UL

static u64 pages[4][512] __attribute__((aligned(4096)));
static volatile u64 *test_pte;

static void s_main(void)
{
    puts_("benchmark: fencebench (S-mode, Sv39, map/sfence.vma/access/unmap)\n");
    put_kv_dec("iterations", ITERS);
    u64 acc = 0, bad = 0, seed = 12345;
    for (u64 i = 0; i < ITERS; i++) {
        u64 k = xs64(&seed) & 3;
        u64 j = i & 511;
        *test_pte = ((u64)pages[k] >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
        sfence_vma_va(TEST_VA);
        u64 v = ((volatile u64 *)TEST_VA)[j];
        if (v != pages[k][j])
            bad++;
        acc = acc * 31 + v;
        *test_pte = 0;
        sfence_vma_va(TEST_VA);
    }
    put_kv_dec("stale reads", bad);
    puts_("result: ");
    puts_(bad ? "STALE TRANSLATIONS SEEN" : "ok");
    puts_("\n");
    print_checksum(mix64(acc, bad));
    bench_exit(bad ? 1 : 0);
}

int main(void)
{
    for (u64 k = 0; k < 4; k++)
        for (u64 j = 0; j < 512; j++)
            pages[k][j] = (k + 1) << 40 | j * 0x9E3779B9UL;
    pmp_allow_all();
    vm_init();
    vm_map_image(0);
    vm_map_pool();
    test_pte = vm_pte4k(TEST_VA);
    csr_write(satp, vm_satp());
    sfence_vma_all();
    rt_priv = PRIV_S;
    enter_lower((u64)s_main, (u64)_stacks_end, PRIV_S);
}
