/* A minimal hypervisor, written to be read (docs/HYPERVISOR.md).
 *
 * It starts bare-metal in M-mode at 0x80000000, delegates the traps it
 * handles to HS-mode and drops there, builds Sv39x4 G-stage page tables that
 * give one guest its RAM (guest-physical 0x80000000.., backed by host memory
 * at GUEST_HOST_BASE) and the UART page, copies the embedded guest image
 * into that RAM and enters it in VS-mode with sret. Then it serves the
 * guest's exits: SBI console putchar and shutdown (with an exit status),
 * guest-page faults (reported, the guest stopped), anything else likewise.
 *
 * Specification references are to the RISC-V privileged architecture
 * (version 20211203), chapter "Hypervisor Extension, Version 1.0", and the
 * RISC-V SBI specification v1.0 for the calls. */
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint8_t u8;

#ifndef GUEST_RAM_MB
#define GUEST_RAM_MB 16
#endif
#define GUEST_RAM_BASE  0x80000000UL              /* guest-physical */
#define GUEST_RAM_SIZE  ((u64)GUEST_RAM_MB << 20)
#define GUEST_HOST_BASE 0x82000000UL              /* where it lives in host RAM */
#define UART_BASE 0x10000000UL
#define TEST_BASE 0x00100000UL                    /* sifive_test: exit status */

#define csr_read(csr) ({ u64 __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "rK"((u64)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "rK"((u64)(v)) : "memory")

/* Bits of the H extension's CSRs used here (priv. spec, "Hypervisor and
 * Virtual Supervisor CSRs"). */
#define HSTATUS_SPV   (1UL << 7)      /* V before the trap; sret returns to V = SPV */
#define HSTATUS_SPVP  (1UL << 8)
#define SSTATUS_SPP   (1UL << 8)
#define HGATP_SV39X4  (8UL << 60)
#define HGATP_VMID(v) ((u64)(v) << 44)

/* Exception causes (priv. spec, mcause table, with the H extension's). */
#define CAUSE_ECALL_VS          10
#define CAUSE_FETCH_GUEST_PF    20
#define CAUSE_LOAD_GUEST_PF     21
#define CAUSE_VIRTUAL_INSN      22
#define CAUSE_STORE_GUEST_PF    23

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)

/* SBI calls the guest may make (SBI spec v1.0): the legacy console
 * putchar (EID 0x01, chapter "Legacy Extensions"), System Reset (EID "SRST")
 * and, for an exit status SRST cannot carry, one call of our own in the
 * experimental range 0x08000000-0x08FFFFFF ("Binary Encoding"). */
#define SBI_LEGACY_PUTCHAR 0x01
#define SBI_SRST           0x53525354
#define SBI_PAGODA_EXIT    0x08000000
#define SBI_ERR_NOT_SUPPORTED (-2L)

/* The guest's registers while the hypervisor runs: x[i] is register i
 * (x[0] unused, x[2] the guest's sp). Laid out as hyp_start.S saves them. */
struct guest_regs { u64 x[32]; };

/* Why the hypervisor ran: exits counted by kind, printed at the end. */
static struct {
    u64 total, putchar, sbi_other, guest_page_faults, other;
} exits;

extern char guest_image[], guest_image_end[];
extern char _pool_start[], _hs_stack_end[];
extern void enter_hs(u64 entry, u64 sp) __attribute__((noreturn));
extern void enter_guest(struct guest_regs *r) __attribute__((noreturn));
extern void hs_trap_entry(void);

/* uart_putc: write one byte to the ns16550a, waiting for room. */
static void uart_putc(char c)
{
    volatile u8 *uart = (volatile u8 *)UART_BASE;
    while (!(uart[5] & 0x20))
        ;
    uart[0] = (u8)c;
}

/* puts_: write a string, LF as CR LF. */
static void puts_(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            uart_putc('\r');
        uart_putc(*s);
    }
}

/* put_hex: write v as 0x and 16 hex digits. */
static void put_hex(u64 v)
{
    puts_("0x");
    for (int i = 60; i >= 0; i -= 4)
        uart_putc("0123456789abcdef"[(v >> i) & 15]);
}

/* put_dec: write v in decimal. */
static void put_dec(u64 v)
{
    char buf[24];
    int n = 0;
    do
        buf[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        uart_putc(buf[--n]);
}

/* machine_exit: power off through sifive_test with the given status (0 is
 * "pass", else (status << 16) | 0x3333 makes QEMU and Pagoda exit with it). */
static __attribute__((noreturn)) void machine_exit(u32 status)
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

static void hs_main(void) __attribute__((noreturn));

/* m_main: M-mode setup. Checks misa.H, opens PMP to the lower modes,
 * delegates to HS every exception the hypervisor or the guest handles
 * (medeleg; the VS-level interrupts are delegated by hardware: mideleg's
 * VSSIP/VSTIP/VSEIP/SGEIP bits are read-only one), lets the lower modes read
 * the counters and drops to HS-mode. */
void m_main(void)
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
    enter_hs((u64)hs_main, (u64)_hs_stack_end);
}

/* The G-stage tables' pool, after the hypervisor's image. */
static u64 pool_next;

/* alloc_pages: n zeroed 4 KiB pages from the pool, aligned to `align`. */
static u64 *alloc_pages(u64 n, u64 align)
{
    if (!pool_next)
        pool_next = (u64)_pool_start;
    pool_next = (pool_next + align - 1) & ~(align - 1);
    u64 *p = (u64 *)pool_next;
    pool_next += n * 4096;
    if (pool_next > GUEST_HOST_BASE) {
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

/* gstage_map_page: map the 4 KiB guest-physical page gpa to host page hpa
 * with permissions perm. Every G-stage leaf must have U = 1: guest accesses
 * are checked as user accesses at this stage ("Guest Physical Address
 * Translation"). A and D are set up front so no G-stage A/D update is needed. */
static void gstage_map_page(u64 gpa, u64 hpa, u64 perm)
{
    u64 *table = gstage_root;
    for (int level = 2; level > 0; level--) {
        /* the root's index has 11 bits (GPA[40:30]), the others 9 */
        u64 idx = (gpa >> (12 + 9 * level)) & (level == 2 ? 2047 : 511);
        if (!(table[idx] & PTE_V))
            table[idx] = ((u64)alloc_pages(1, 4096) >> 12) << 10 | PTE_V;
        table = (u64 *)((table[idx] >> 10) << 12);
    }
    table[(gpa >> 12) & 511] = (hpa >> 12) << 10 | perm | PTE_U | PTE_A | PTE_D | PTE_V;
}

/* build_gstage: guest RAM (GPA GUEST_RAM_BASE.. onto host GUEST_HOST_BASE..)
 * and the UART page (identity, read/write, no execute); nothing else, so the
 * guest cannot reach the hypervisor, the CLINT or sifive_test. Returns the
 * hgatp value: Sv39x4, VMID 1, the root's PPN. */
static u64 build_gstage(void)
{
    gstage_root = alloc_pages(4, 16384);
    for (u64 off = 0; off < GUEST_RAM_SIZE; off += 4096)
        gstage_map_page(GUEST_RAM_BASE + off, GUEST_HOST_BASE + off, PTE_R | PTE_W | PTE_X);
    gstage_map_page(UART_BASE, UART_BASE, PTE_R | PTE_W);
    return HGATP_SV39X4 | HGATP_VMID(1) | ((u64)gstage_root >> 12);
}

/* stop_guest: print why the guest was stopped and the exit counts, then
 * power off with status. */
static __attribute__((noreturn)) void stop_guest(const char *why, u64 status)
{
    puts_("hyper: ");
    puts_(why);
    puts_(", status ");
    put_dec(status);
    puts_("; exits: ");
    put_dec(exits.total);
    puts_(" (putchar ");
    put_dec(exits.putchar);
    puts_(", other SBI ");
    put_dec(exits.sbi_other);
    puts_(", guest-page faults ");
    put_dec(exits.guest_page_faults);
    puts_(", other ");
    put_dec(exits.other);
    puts_(")\n");
    machine_exit((u32)status);
}

/* sbi_call: serve one SBI call from the guest (a7 = EID, a6 = FID, a0.. the
 * arguments); on return a0 = error, a1 = value. */
static void sbi_call(struct guest_regs *r)
{
    u64 eid = r->x[17], fid = r->x[16];
    if (eid == SBI_LEGACY_PUTCHAR) {
        exits.putchar++;
        uart_putc((char)r->x[10]);
        r->x[10] = 0;                 /* legacy calls return in a0 only */
        return;
    }
    exits.sbi_other++;
    if (eid == SBI_SRST && fid == 0 && r->x[10] == 0)      /* shutdown */
        stop_guest("guest shut down (SBI SRST)", r->x[11] == 0 ? 0 : 1);
    if (eid == SBI_PAGODA_EXIT && fid == 0)
        stop_guest("guest exited", r->x[10] & 0xff);
    r->x[10] = (u64)SBI_ERR_NOT_SUPPORTED;
    r->x[11] = 0;
}

/* hs_trap: a trap from the guest (VS-mode). ecalls are SBI calls; a
 * guest-page fault means the guest touched guest-physical memory it was
 * not given: htval holds that address shifted right by 2, the low 2 bits
 * come from stval, which holds the guest-virtual address (hstatus.GVA = 1)
 * ("Hypervisor Trap Value Register (htval)"). */
void hs_trap(struct guest_regs *r)
{
    u64 cause = csr_read(scause);
    exits.total++;
    if (cause == CAUSE_ECALL_VS) {
        csr_write(sepc, csr_read(sepc) + 4);
        sbi_call(r);
        return;
    }
    if (cause == CAUSE_FETCH_GUEST_PF || cause == CAUSE_LOAD_GUEST_PF ||
        cause == CAUSE_STORE_GUEST_PF) {
        exits.guest_page_faults++;
        u64 gpa = (csr_read(htval) << 2) | (csr_read(stval) & 3);
        puts_("hyper: guest-page fault (");
        puts_(cause == CAUSE_FETCH_GUEST_PF ? "fetch" :
              cause == CAUSE_LOAD_GUEST_PF ? "load" : "store");
        puts_(") at guest-physical ");
        put_hex(gpa);
        puts_(", guest-virtual ");
        put_hex(csr_read(stval));
        puts_(", guest pc ");
        put_hex(csr_read(sepc));
        puts_("\n");
        stop_guest("guest stopped", 3);
    }
    exits.other++;
    puts_("hyper: unexpected exit from the guest: scause ");
    put_hex(cause);
    puts_(" stval ");
    put_hex(csr_read(stval));
    puts_(" sepc ");
    put_hex(csr_read(sepc));
    puts_("\n");
    stop_guest("guest stopped", 4);
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

/* hs_main: HS-mode. Builds the G-stage, loads the guest and enters it in
 * VS-mode: sret returns to V = hstatus.SPV and privilege sstatus.SPP
 * ("Hypervisor Status Register (hstatus)", and "Trap Return" for sret). */
static void hs_main(void)
{
    csr_write(stvec, (u64)hs_trap_entry);
    csr_write(sscratch, 0);
    puts_("hyper: HS-mode, guest RAM ");
    put_dec(GUEST_RAM_MB);
    puts_(" MiB at guest-physical ");
    put_hex(GUEST_RAM_BASE);
    puts_(" backed by host ");
    put_hex(GUEST_HOST_BASE);
    puts_("\n");

    u64 hgatp = build_gstage();
    csr_write(hgatp, hgatp);
    if (csr_read(hgatp) != hgatp) {   /* WARL: an unsupported mode reads back differently */
        puts_("hyper: hgatp does not take Sv39x4\n");
        machine_exit(2);
    }
    /* hfence.gvma (all): no stale G-stage translation may survive */
    __asm__ volatile(".insn r 0x73, 0, 0x31, x0, x0, x0" ::: "memory");  /* hfence.gvma */

    /* copy the guest's image to the start of its RAM (its .bss it clears itself) */
    u64 n = (u64)(guest_image_end - guest_image);
    volatile u8 *dst = (volatile u8 *)GUEST_HOST_BASE;
    for (u64 i = 0; i < n; i++)
        dst[i] = (u8)guest_image[i];
    __asm__ volatile("fence.i" ::: "memory");
    puts_("hyper: guest image ");
    put_dec(n);
    puts_(" bytes; entering VS-mode at ");
    put_hex(GUEST_RAM_BASE);
    puts_("\n");

    /* the guest's virtual supervisor state starts clean: no translation,
     * interrupts off, nothing delegated to it */
    csr_write(vsatp, 0);
    csr_write(vsstatus, 0);
    csr_write(hedeleg, 0);
    csr_write(hideleg, 0);
    csr_write(hcounteren, 7);
    csr_write(hstatus, (csr_read(hstatus) & ~HSTATUS_SPVP) | HSTATUS_SPV);
    csr_set(sstatus, SSTATUS_SPP);     /* sret to (V)S, not (V)U */
    csr_write(sepc, GUEST_RAM_BASE);

    /* the guest's first registers: a0 = hart id 0, a1 = no device tree */
    u64 top = (u64)_hs_stack_end;     /* as an integer: it is the end of the stack */
    struct guest_regs *r = (struct guest_regs *)(top - sizeof(struct guest_regs));
    for (int i = 0; i < 32; i++)
        r->x[i] = 0;
    enter_guest(r);
}
