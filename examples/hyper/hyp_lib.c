/* The pieces both hypervisor builds use (hyp.h): the console and the
 * power-off on QEMU virt's devices, the catch-alls for traps that mean a
 * hypervisor bug, and the G-stage (Sv39x4) page tables. */
#include "hyp.h"

/* uart_putc: write one byte to the ns16550a, waiting for room. */
void uart_putc(char c)
{
    volatile u8 *uart = (volatile u8 *)UART_BASE;
    while (!(uart[5] & 0x20))
        ;
    uart[0] = (u8)c;
}

/* console_putc: print.c's output (puts_, put_hex, put_dec). */
void console_putc(char c) { uart_putc(c); }

/* machine_exit: power off through sifive_test with the given status (0 is
 * "pass", else (status << 16) | 0x3333 makes QEMU and Pagoda exit with it). */
void machine_exit(u32 status)
{
    volatile u32 *test = (volatile u32 *)TEST_BASE;
    __asm__ volatile("fence" ::: "memory");
    *test = status == 0 ? 0x5555u : ((status << 16) | 0x3333u);
    for (;;)
        __asm__ volatile("wfi");
}

/* m_trap: a trap reached M-mode, which means the hypervisor itself (or the
 * machine) misbehaved: report and stop with status 99. */
void m_trap(void)
{
    puts_("hyper: unexpected trap into M-mode: mcause ");
    put_hex(csr_read(mcause));
    puts_(" mepc ");
    put_hex(csr_read(mepc));
    puts_(" mtval ");
    put_hex(csr_read(mtval));
    puts_("\n");
    machine_exit(99);
}

/* hs_self_trap: a trap taken while the hypervisor itself ran (sscratch was
 * 0): a bug here, not the guest's doing. */
void hs_self_trap(void)
{
    puts_("hyper: trap in the hypervisor: scause ");
    put_hex(csr_read(scause));
    puts_(" sepc ");
    put_hex(csr_read(sepc));
    puts_(" stval ");
    put_hex(csr_read(stval));
    puts_("\n");
    machine_exit(97);
}

/* m_setup: the M-mode setup both builds share. Checks misa.H (without it,
 * says so and exits 2), opens PMP to the lower modes, delegates to HS every
 * exception the hypervisor or the guest handles (medeleg; the VS-level
 * interrupts are delegated by hardware: mideleg's VSSIP/VSTIP/VSEIP/SGEIP
 * bits are read-only one) and lets the lower modes read the counters. */
void m_setup(void)
{
    if (!(csr_read(misa) & (1UL << ('H' - 'A')))) {
        puts_("hyper: this hart has no H extension (misa.H = 0); "
              "run with -cpu max (Pagoda) or -cpu rv64,h=true (QEMU)\n");
        machine_exit(2);
    }
    csr_write(pmpaddr0, ~0UL >> 10);   /* one NAPOT region over everything, RWX */
    csr_write(pmpcfg0, 0x1f);
    /* breakpoints, misaligned accesses, access faults, illegal instructions,
     * ecalls from U and VS, page faults, and the H extension's four causes */
    u64 deleg = (1UL << 0) | (1UL << 1) | (1UL << 2) | (1UL << 3) | (1UL << 4) |
                (1UL << 5) | (1UL << 6) | (1UL << 7) | (1UL << 8) |
                (1UL << CAUSE_ECALL_VS) | (1UL << 12) | (1UL << 13) | (1UL << 15) |
                (1UL << CAUSE_FETCH_GUEST_PF) | (1UL << CAUSE_LOAD_GUEST_PF) |
                (1UL << CAUSE_VIRTUAL_INSN) | (1UL << CAUSE_STORE_GUEST_PF);
    csr_write(medeleg, deleg);
    csr_write(mcounteren, 7);          /* cycle, time, instret for HS, VS */
}

/* The G-stage tables' pool, after the hypervisor's image, up to pool_limit. */
static u64 pool_next, pool_limit;

/* alloc_pages: n zeroed 4 KiB pages from the pool, aligned to `align`. */
u64 *alloc_pages(u64 n, u64 align)
{
    pool_next = (pool_next + align - 1) & ~(align - 1);
    u64 *p = (u64 *)pool_next;
    pool_next += n * 4096;
    if (pool_next > pool_limit) {
        puts_("hyper: out of memory for G-stage tables\n");
        machine_exit(98);
    }
    for (u64 i = 0; i < n * 512; i++)
        p[i] = 0;
    return p;
}

/* The G-stage root: Sv39x4 widens the guest-physical address to 41 bits,
 * the two extra bits index a root table of 2048 entries (16 KiB, 16 KiB
 * aligned) (priv. spec, "Guest Physical Address Translation"). */
static u64 *gstage_root;

/* gstage_init: an empty G-stage root; its tables come from the pool between
 * the end of the hypervisor's image and pool_end. */
void gstage_init(u64 pool_end)
{
    pool_next = (u64)_pool_start;
    pool_limit = pool_end;
    gstage_root = alloc_pages(4, 16384);
}

/* gstage_map: map the guest-physical range [gpa, gpa + size) onto host
 * memory at hpa with permissions perm, in 2 MiB leaves where gpa, hpa and
 * what is left are 2 MiB aligned, else in 4 KiB leaves. Every G-stage leaf
 * must have U = 1: guest accesses are checked as user accesses at this
 * stage ("Guest Physical Address Translation"). A and D are set up front so
 * no G-stage A/D update is needed. */
void gstage_map(u64 gpa, u64 hpa, u64 size, u64 perm)
{
    const u64 mega = 2UL << 20;
    for (u64 end = gpa + size; gpa < end;) {
        int leaf_level = (!(gpa & (mega - 1)) && !(hpa & (mega - 1)) && end - gpa >= mega) ? 1 : 0;
        u64 *table = gstage_root;
        for (int level = 2; level > leaf_level; level--) {
            /* the root's index has 11 bits (GPA[40:30]), the others 9 */
            u64 idx = (gpa >> (12 + 9 * level)) & (level == 2 ? 2047 : 511);
            if (!(table[idx] & PTE_V))
                table[idx] = ((u64)alloc_pages(1, 4096) >> 12) << 10 | PTE_V;
            table = (u64 *)((table[idx] >> 10) << 12);
        }
        table[(gpa >> (12 + 9 * leaf_level)) & 511] =
            (hpa >> 12) << 10 | perm | PTE_U | PTE_A | PTE_D | PTE_V;
        u64 step = leaf_level ? mega : 4096;
        gpa += step;
        hpa += step;
    }
}

/* gstage_hgatp: the hgatp value for these tables: Sv39x4, the VMID, the
 * root's PPN. */
u64 gstage_hgatp(u64 vmid)
{
    return HGATP_SV39X4 | HGATP_VMID(vmid) | ((u64)gstage_root >> 12);
}

/* gstage_enable: write hgatp (WARL: a mode the hart lacks reads back
 * differently, and then the hypervisor stops with status 2) and fence with
 * hfence.gvma (all), so no stale G-stage translation survives. */
void gstage_enable(u64 hgatp)
{
    csr_write(hgatp, hgatp);
    if (csr_read(hgatp) != hgatp) {
        puts_("hyper: hgatp does not take Sv39x4\n");
        machine_exit(2);
    }
    /* hfence.gvma x0, x0, spelled with .insn: GCC 12 takes no "h" in -march */
    __asm__ volatile(".insn r 0x73, 0, 0x31, x0, x0, x0" ::: "memory");
}
