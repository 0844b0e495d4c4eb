/* The SBI check of hyper-os.elf (docs/HYPERVISOR.md, "The teaching OS as a
 * guest"): a bare-metal guest linked at 0x80200000 and given with -kernel,
 * which calls what the teaching OS never calls on one hart and checks every
 * answer: BASE (version, id, probes), DBCN, HSM, IPI (VSSIP), TIME (VSTIP),
 * RFENCE (a stale VS-stage translation is gone after remote_sfence_vma),
 * errors for other harts and unknown calls, and the PLIC context page's
 * trap-and-emulate with each encoding the hypervisor decodes (lw, lwu, sw,
 * c.lw, c.sw). It prints a line per check and ends with SBI SRST: reason 0
 * when all passed (status 0), "system failure" (status 1) at the first
 * wrong answer. Built with -DTOUCH_HYPERVISOR it instead reads the
 * hypervisor's memory, which must end in the hypervisor's report. */
#include "rt.h"

#define SBI_BASE   0x10
#define SBI_TIME   0x54494D45
#define SBI_IPI    0x735049
#define SBI_RFENCE 0x52464E43
#define SBI_HSM    0x48534D
#define SBI_SRST   0x53525354
#define SBI_DBCN   0x4442434E
#define ERR_NOT_SUPPORTED (-2L)
#define ERR_INVALID_PARAM (-3L)
#define ERR_ALREADY_AVAILABLE (-6L)

#define KERNEL_BASE 0x80200000UL      /* where the board loaded us */
#define PLIC_S_CONTEXT_PAGE 0x0c201000UL   /* hart 0's S-mode context */
#define ALIAS_VA 0x40000000UL
#define SIP_SSIP (1UL << 1)
#define SIP_STIP (1UL << 5)
#define SIE_STIE (1UL << 5)
#define SSTATUS_SIE (1UL << 1)

struct sbiret { long error, value; };

static u64 page_a[512] __attribute__((aligned(4096)));
static u64 page_b[512] __attribute__((aligned(4096)));
static int checks;
static volatile u64 timer_interrupts;

/* sbi: ecall with a7 = eid, a6 = fid, a0..a4; returns (a0, a1). */
static struct sbiret sbi(u64 eid, u64 fid, u64 x0, u64 x1, u64 x2, u64 x3, u64 x4)
{
    register u64 a0 __asm__("a0") = x0;
    register u64 a1 __asm__("a1") = x1;
    register u64 a2 __asm__("a2") = x2;
    register u64 a3 __asm__("a3") = x3;
    register u64 a4 __asm__("a4") = x4;
    register u64 a6 __asm__("a6") = fid;
    register u64 a7 __asm__("a7") = eid;
    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a3), "r"(a4), "r"(a6), "r"(a7)
                     : "memory");
    return (struct sbiret){(long)a0, (long)a1};
}

/* shutdown: SBI SRST shutdown, reason 0 (none) or 1 (system failure). */
static __attribute__((noreturn)) void shutdown(int failed)
{
    sbi(SBI_SRST, 0, 0, failed ? 1 : 0, 0, 0, 0);
    for (;;)
        ;
}

/* check: print "sbicheck: what: ok", or the wrong value and fail the run. */
static void check(const char *what, u64 got, u64 want)
{
    puts_("sbicheck: ");
    puts_(what);
    checks++;
    if (got == want) {
        puts_(": ok\n");
        return;
    }
    puts_(": WRONG, got ");
    put_hex(got);
    puts_(", expected ");
    put_hex(want);
    puts_("\n");
    shutdown(1);
}

/* check_ret: an sbiret must be (error, value). */
static void check_ret(const char *what, struct sbiret r, long error, long value)
{
    check(what, (u64)r.error << 32 ^ (u64)r.value, (u64)error << 32 ^ (u64)value);
}

/* The PLIC context page by each encoding the hypervisor emulates: .option
 * norvc keeps the assembler from compressing lw and sw. */
static void sw32(u64 addr, u32 v)
{
    __asm__ volatile(".option push\n.option norvc\nsw %1, 0(%0)\n.option pop" :: "r"(addr), "r"(v) : "memory");
}
static u64 lw32(u64 addr)
{
    u64 v;
    __asm__ volatile(".option push\n.option norvc\nlw %0, 0(%1)\n.option pop" : "=r"(v) : "r"(addr) : "memory");
    return v;
}
static u64 lwu32(u64 addr)
{
    u64 v;
    __asm__ volatile("lwu %0, 0(%1)" : "=r"(v) : "r"(addr) : "memory");
    return v;
}
static void csw32(u64 addr, u32 v)
{
    register u64 a __asm__("a0") = addr;
    register u64 d __asm__("a1") = v;
    __asm__ volatile("c.sw %1, 0(%0)" :: "r"(a), "r"(d) : "memory");
}
static u64 clw32(u64 addr)
{
    register u64 a __asm__("a0") = addr;
    register u64 d __asm__("a1");
    __asm__ volatile("c.lw %0, 0(%1)" : "=r"(d) : "r"(a) : "memory");
    return d;
}

/* on_trap: the guest's trap handler (stvec, which is vstvec in VS-mode),
 * used for the timer check: a supervisor timer interrupt is counted and
 * answered with set_timer(-1), which takes VSTIP down; anything else fails
 * the run. (The interrupt is taken rather than polled in sip: QEMU 7.2 does
 * not show a VSTIP that comes from vstimecmp in the guest's sip.) */
static void __attribute__((interrupt("supervisor"), aligned(4))) on_trap(void)
{
    u64 cause = csr_read(scause);
    if (cause == (1UL << 63 | 5)) {
        timer_interrupts++;
        sbi(SBI_TIME, 0, ~0UL, 0, 0, 0, 0);
        return;
    }
    puts_("sbicheck: unexpected trap, scause ");
    put_hex(cause);
    puts_("\n");
    shutdown(1);
}

/* guest_main: the checks, in order, then SRST. */
void guest_main(void)
{
    static const char msg[] = "sbicheck: this line came through DBCN console_write\n";
    puts_("sbicheck: hello through the legacy console putchar\n");
#ifdef TOUCH_HYPERVISOR
    /* -DTOUCH_HYPERVISOR (guest-touchhyp.elf): read the hypervisor's own
     * memory at guest-physical 0x80000000, which its G-stage leaves out: a
     * guest-page fault that the hypervisor reports, stopping with status 3 */
    puts_("sbicheck: reading the hypervisor's memory at 0x80000000\n");
    (void)*(volatile u64 *)0x80000000UL;
    puts_("sbicheck: the read did not fault\n");
    shutdown(1);
#endif

    /* BASE */
    check_ret("base spec version 2.0", sbi(SBI_BASE, 0, 0, 0, 0, 0, 0), 0, 2L << 24);
    check_ret("base implementation id PGHV", sbi(SBI_BASE, 1, 0, 0, 0, 0, 0), 0, 0x50474856);
    static const u64 exts[] = {0x01, SBI_BASE, SBI_TIME, SBI_IPI, SBI_RFENCE, SBI_HSM, SBI_SRST, SBI_DBCN};
    int probed = 0;
    for (unsigned i = 0; i < sizeof exts / sizeof exts[0]; i++)
        probed += sbi(SBI_BASE, 3, exts[i], 0, 0, 0, 0).value == 1;
    check("base probe: all 8 extensions present", (u64)probed, 8);
    check_ret("base probe of an unknown extension", sbi(SBI_BASE, 3, 0x0a000000, 0, 0, 0, 0), 0, 0);
    check_ret("an unknown extension", sbi(0x0a000000, 0, 0, 0, 0, 0, 0), ERR_NOT_SUPPORTED, 0);

    /* DBCN (its buffer addresses are guest-physical; paging is off) */
    u64 n = sizeof msg - 1;
    check_ret("dbcn console_write", sbi(SBI_DBCN, 0, n, (u64)msg, 0, 0, 0), 0, (long)n);
    check_ret("dbcn console_write outside RAM", sbi(SBI_DBCN, 0, 4, 0x1000, 0, 0, 0), ERR_INVALID_PARAM, 0);
    check_ret("dbcn console_write_byte", sbi(SBI_DBCN, 2, '\n', 0, 0, 0, 0), 0, 0);

    /* HSM: one hart, started */
    check_ret("hsm hart_get_status(0) started", sbi(SBI_HSM, 2, 0, 0, 0, 0, 0), 0, 0);
    check_ret("hsm hart_get_status(1)", sbi(SBI_HSM, 2, 1, 0, 0, 0, 0), ERR_INVALID_PARAM, 0);
    check_ret("hsm hart_start(0)", sbi(SBI_HSM, 0, 0, KERNEL_BASE, 0, 0, 0), ERR_ALREADY_AVAILABLE, 0);
    check_ret("hsm hart_start(1)", sbi(SBI_HSM, 0, 1, KERNEL_BASE, 0, 0, 0), ERR_INVALID_PARAM, 0);

    /* IPI: sstatus.SIE is 0, so the pending bit stays to be looked at */
    check("sip.SSIP clear at first", csr_read(sip) & SIP_SSIP, 0);
    check_ret("ipi send_ipi to hart 1", sbi(SBI_IPI, 0, 1, 1, 0, 0, 0), ERR_INVALID_PARAM, 0);
    check("no SSIP from an IPI to another hart", csr_read(sip) & SIP_SSIP, 0);
    check_ret("ipi send_ipi to hart 0", sbi(SBI_IPI, 0, 1, 0, 0, 0, 0), 0, 0);
    check("sip.SSIP set by the IPI", csr_read(sip) & SIP_SSIP, SIP_SSIP);
    __asm__ volatile("csrc sip, %0" :: "r"(SIP_SSIP));
    check("sip.SSIP cleared by the guest", csr_read(sip) & SIP_SSIP, 0);
    check_ret("ipi send_ipi to every hart (base -1)", sbi(SBI_IPI, 0, 0, ~0UL, 0, 0, 0), 0, 0);
    check("sip.SSIP set again", csr_read(sip) & SIP_SSIP, SIP_SSIP);
    __asm__ volatile("csrc sip, %0" :: "r"(SIP_SSIP));

    /* TIME: set_timer a little ahead; STIP comes; a far timer clears it */
    check("sip.STIP clear before set_timer", csr_read(sip) & SIP_STIP, 0);
    check_ret("time set_timer", sbi(SBI_TIME, 0, csr_read(time) + 1000, 0, 0, 0, 0), 0, 0);
    csr_write(stvec, (u64)on_trap);
    __asm__ volatile("csrs sie, %0" :: "r"(SIE_STIE));
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SIE));
    for (u64 i = 0; i < 10000000 && !timer_interrupts; i++)
        ;
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SIE));
    check("timer interrupt taken when the time came", timer_interrupts, 1);
    check("sip.STIP clear after set_timer(-1)", csr_read(sip) & SIP_STIP, 0);

    /* The PLIC's S-mode context page, emulated: threshold (+0), claim (+4) */
    sw32(PLIC_S_CONTEXT_PAGE, 5);
    check("plic threshold by sw then lw", lw32(PLIC_S_CONTEXT_PAGE), 5);
    csw32(PLIC_S_CONTEXT_PAGE, 3);
    check("plic threshold by c.sw then c.lw", clw32(PLIC_S_CONTEXT_PAGE), 3);
    check("plic threshold by lwu", lwu32(PLIC_S_CONTEXT_PAGE), 3);
    sw32(PLIC_S_CONTEXT_PAGE, 0);
    check("plic claim with nothing pending", lw32(PLIC_S_CONTEXT_PAGE + 4), 0);
    check("plic reserved word reads 0", lw32(PLIC_S_CONTEXT_PAGE + 8), 0);

    /* RFENCE: Sv39 on, ALIAS_VA -> page_a read (cached in the TLB), its PTE
     * pointed at page_b without a local fence: after remote_sfence_vma
     * (an hfence.vvma in the hypervisor) the alias must read page_b */
    vm_init();
    vm_map(KERNEL_BASE, KERNEL_BASE, 2 * PAGE_2M, 1, PTE_R | PTE_W | PTE_X);
    vm_map(UART_BASE, UART_BASE, PAGE_4K, 0, PTE_R | PTE_W);
    vm_map(ALIAS_VA, (u64)page_a, PAGE_4K, 0, PTE_R | PTE_W);
    vm_enable();
    /* every access volatile: the compiler must not see through the alias */
    volatile u64 *ident_a = page_a, *ident_b = page_b;
    ident_a[3] = 0xaaaa;
    ident_b[3] = 0xbbbb;
    volatile u64 *alias = (volatile u64 *)ALIAS_VA;
    check("alias reads page A", alias[3], 0xaaaa);
    u64 pte_b = ((u64)page_b >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
    u64 pte_a = ((u64)page_a >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
    *vm_pte(ALIAS_VA) = pte_b;
    __asm__ volatile("fence" ::: "memory");
    check_ret("rfence remote_sfence_vma of the page", sbi(SBI_RFENCE, 1, 1, 0, ALIAS_VA, PAGE_4K, 0), 0, 0);
    check("alias reads page B after the remote fence", alias[3], 0xbbbb);
    *vm_pte(ALIAS_VA) = pte_a;
    __asm__ volatile("fence" ::: "memory");
    check_ret("rfence remote_sfence_vma_asid (ASID 0)", sbi(SBI_RFENCE, 2, 1, 0, ALIAS_VA, PAGE_4K, 0), 0, 0);
    check("alias reads page A again", alias[3], 0xaaaa);
    *vm_pte(ALIAS_VA) = pte_b;
    __asm__ volatile("fence" ::: "memory");
    check_ret("rfence remote_sfence_vma of everything", sbi(SBI_RFENCE, 1, 0, ~0UL, 0, 0, 0), 0, 0);
    check("alias reads page B again", alias[3], 0xbbbb);
    check_ret("rfence remote_fence_i", sbi(SBI_RFENCE, 0, 1, 0, 0, 0, 0), 0, 0);
    check_ret("rfence to hart 1", sbi(SBI_RFENCE, 1, 2, 0, 0, 0, 0), ERR_INVALID_PARAM, 0);
    check_ret("rfence remote_hfence_gvma", sbi(SBI_RFENCE, 3, 1, 0, 0, 0, 0), ERR_NOT_SUPPORTED, 0);

    puts_("sbicheck: all ");
    put_dec((u64)checks);
    puts_(" checks passed\n");
    shutdown(0);
}
