#include "vm.h"

u64 *vm_root;
static u64 pool_next;

void pmp_allow_all(void)
{
    /* One NAPOT region covering everything, RWX: without it S and U have
     * no access at all on a machine that implements PMP. */
    csr_write(pmpaddr0, ~0UL >> 10);
    csr_write(pmpcfg0, 0x1f);
}

u64 *vm_alloc_table(void)
{
    if (!pool_next)
        pool_next = (u64)_heap_start;
    if (pool_next + PAGE_4K > (u64)_heap_start + PT_POOL_SIZE) {
        puts_("page-table pool exhausted\n");
        bench_exit(4);
    }
    u64 *t = (u64 *)pool_next;
    pool_next += PAGE_4K;
    for (int i = 0; i < 512; i++)
        t[i] = 0;
    return t;
}

void vm_init(void)
{
    vm_root = vm_alloc_table();
}

static u64 *next_level(u64 *table, unsigned idx)
{
    if (!(table[idx] & PTE_V)) {
        u64 *t = vm_alloc_table();
        table[idx] = ((u64)t >> 12) << 10 | PTE_V;
    }
    return (u64 *)((table[idx] >> 10) << 12);
}

static void map_one(u64 va, u64 pa, int level, u64 perm)
{
    u64 *t = vm_root;
    for (int l = 2; l > level; l--)
        t = next_level(t, (va >> (12 + 9 * l)) & 511);
    t[(va >> (12 + 9 * level)) & 511] = (pa >> 12) << 10 | perm | PTE_V | PTE_A | PTE_D;
}

void vm_map(u64 va, u64 pa, u64 size, int level, u64 perm)
{
    u64 step = 1UL << (12 + 9 * level);
    for (u64 off = 0; off < size; off += step)
        map_one(va + off, pa + off, level, perm);
}

volatile u64 *vm_pte4k(u64 va)
{
    u64 *t = vm_root;
    for (int l = 2; l > 0; l--)
        t = next_level(t, (va >> (12 + 9 * l)) & 511);
    return &t[(va >> 12) & 511];
}

void vm_map_image(u64 user_flag)
{
    u64 base = 0x80000000UL;
    vm_map(base, base, (u64)_super_end - base, 0, PTE_R | PTE_W | PTE_X);
    vm_map((u64)_user_start, (u64)_user_start, (u64)_user_end - (u64)_user_start, 0,
           PTE_R | PTE_W | PTE_X | user_flag);
    vm_map(UART_BASE, UART_BASE, PAGE_4K, 0, PTE_R | PTE_W | user_flag);
}

void vm_map_pool(void)
{
    vm_map((u64)_heap_start, (u64)_heap_start, PT_POOL_SIZE, 0, PTE_R | PTE_W);
}

u64 vm_satp(void)
{
    return SATP_SV39 | ((u64)vm_root >> 12);
}
