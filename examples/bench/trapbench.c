/* trapbench: ecall round trips U -> S -> U under Sv39. M-mode delegates
 * U-mode ecalls to S (medeleg bit 8); the S handler (trapbench_s.S, in pages
 * without the U bit) increments a counter and returns with sret. */
#include "vm.h"

#ifndef ITERS
#define ITERS 3000000UL
#endif

extern char s_trap[], s_area[];

static inline u64 ecall1(u64 a7)
{
    register u64 a0 __asm__("a0") = 0;
    register u64 r7 __asm__("a7") = a7;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(r7) : "memory");
    return a0;
}

static void user_main(void)
{
    puts_("benchmark: trapbench (ecall U -> S -> U, Sv39)\n");
    put_kv_dec("round trips", ITERS);
    u64 h = 0;
    for (u64 i = 0; i < ITERS; i++) {
        ecall1(0);
        h += i;
    }
    u64 count = ecall1(1);
    int ok = count == ITERS;
    put_kv_dec("handler count", count);
    puts_("result: ");
    puts_(ok ? "ok" : "WRONG COUNT");
    puts_("\n");
    print_checksum(mix64(mix64(0, count), h));
    bench_exit(ok ? 0 : 1);
}

int main(void)
{
    pmp_allow_all();
    vm_init();
    vm_map_image(PTE_U);
    csr_write(medeleg, 1UL << 8);
    csr_write(stvec, (u64)s_trap);
    csr_write(sscratch, (u64)s_area);
    csr_write(satp, vm_satp());
    sfence_vma_all();
    rt_priv = PRIV_U;
    enter_lower((u64)user_main, (u64)_stacks_end, PRIV_U);
}
