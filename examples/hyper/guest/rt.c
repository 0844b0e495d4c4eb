/* A guest's runtime (rt.h): SBI console and exit, printing, Sv39 tables. */
#include "rt.h"

/* sbi_call2: ecall with a7 = eid, a6 = fid, a0 = arg; returns a0. In
 * VS-mode an ecall is cause 10, which the hypervisor handles; natively it
 * is cause 9 to the M-mode firmware of start.S. */
static long sbi_call2(u64 eid, u64 fid, u64 arg)
{
    register u64 a0 __asm__("a0") = arg;
    register u64 a1 __asm__("a1") = 0;
    register u64 a6 __asm__("a6") = fid;
    register u64 a7 __asm__("a7") = eid;
    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7) : "memory");
    return (long)a0;
}

/* sbi_putchar: the legacy SBI console putchar (EID 0x01). */
void sbi_putchar(char c)
{
    sbi_call2(0x01, 0, (u64)(u8)c);
}

/* console_putc: print.c's output (puts_, put_hex, put_dec). */
void console_putc(char c) { sbi_putchar(c); }

/* put_kv_dec: print "key: v" and a newline. */
void put_kv_dec(const char *key, u64 v)
{
    puts_(key);
    puts_(": ");
    put_dec(v);
    puts_("\n");
}

/* print_checksum: "checksum: 0x..." as bench/run expects it. */
void print_checksum(u64 v)
{
    puts_("checksum: ");
    put_hex(v);
    puts_("\n");
}

/* guest_exit: end the run with status (the hypervisor's SBI call
 * 0x08000000, which the native firmware serves too). */
void guest_exit(int status)
{
    sbi_call2(0x08000000, 0, (u64)status);
    for (;;)
        ;
}

/* The guest's page-table pool, from _free_start up. */
static u64 pool_next;
static u64 *root;

/* alloc_table: one zeroed 4 KiB page-table page. */
static u64 *alloc_table(void)
{
    if (!pool_next)
        pool_next = (u64)_free_start;
    u64 *t = (u64 *)pool_next;
    pool_next += PAGE_4K;
    for (int i = 0; i < 512; i++)
        t[i] = 0;
    return t;
}

/* vm_init: allocate the Sv39 root table. */
void vm_init(void)
{
    root = alloc_table();
}

/* next_level: the table that table[idx] points to, created if absent. */
static u64 *next_level(u64 *table, unsigned idx)
{
    if (!(table[idx] & PTE_V))
        table[idx] = ((u64)alloc_table() >> 12) << 10 | PTE_V;
    return (u64 *)((table[idx] >> 10) << 12);
}

/* vm_map: map [va, va + size) to [pa, ..) with leaves of `level` (0 = 4 KiB,
 * 1 = 2 MiB), A and D set; the tables are addressed physically, so call it
 * before vm_enable or with the pool identity-mapped. */
void vm_map(u64 va, u64 pa, u64 size, int level, u64 perm)
{
    u64 step = 1UL << (12 + 9 * level);
    for (u64 off = 0; off < size; off += step) {
        u64 *t = root;
        for (int l = 2; l > level; l--)
            t = next_level(t, ((va + off) >> (12 + 9 * l)) & 511);
        t[((va + off) >> (12 + 9 * level)) & 511] =
            ((pa + off) >> 12) << 10 | perm | PTE_V | PTE_A | PTE_D;
    }
}

/* vm_pte: the address of va's 4 KiB leaf PTE (its tables must exist). */
volatile u64 *vm_pte(u64 va)
{
    u64 *t = root;
    for (int l = 2; l > 0; l--)
        t = next_level(t, (va >> (12 + 9 * l)) & 511);
    return &t[(va >> 12) & 511];
}

/* vm_enable: satp = Sv39 with our root, then a full fence. In VS-mode the
 * satp name reaches vsatp and sfence.vma acts on the guest's own
 * translations (priv. spec, "Hypervisor Extension": VS CSRs substitute for
 * the supervisor CSRs when V = 1). */
void vm_enable(void)
{
    csr_write(satp, (8UL << 60) | ((u64)root >> 12));
    __asm__ volatile("sfence.vma" ::: "memory");
}
