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
#include "hyp.h"

#ifndef GUEST_RAM_MB
#define GUEST_RAM_MB 16
#endif
#define GUEST_RAM_BASE  0x80000000UL              /* guest-physical */
#define GUEST_RAM_SIZE  ((u64)GUEST_RAM_MB << 20)
#define GUEST_HOST_BASE 0x82000000UL              /* where it lives in host RAM */

/* SBI calls the guest may make (SBI spec v1.0): the legacy console
 * putchar (EID 0x01, chapter "Legacy Extensions"), System Reset (EID "SRST")
 * and, for an exit status SRST cannot carry, one call of our own in the
 * experimental range 0x08000000-0x08FFFFFF ("Binary Encoding"). */
#define SBI_PAGODA_EXIT    0x08000000

/* Why the hypervisor ran: exits counted by kind, printed at the end. */
static struct {
    u64 total, putchar, sbi_other, guest_page_faults, other;
} exits;

extern char guest_image[], guest_image_end[];

static void hs_main(void) __attribute__((noreturn));

/* m_main: M-mode setup (m_setup in hyp_lib.c: misa.H, PMP, medeleg, the
 * counters), then down to HS-mode. */
void m_main(void)
{
    m_setup();
    enter_hs((u64)hs_main, (u64)_hs_stack_end);
}

/* build_gstage: guest RAM (GPA GUEST_RAM_BASE.. onto host GUEST_HOST_BASE..)
 * and the UART page (identity, read/write, no execute); nothing else, so the
 * guest cannot reach the hypervisor, the CLINT or sifive_test. Returns the
 * hgatp value: Sv39x4, VMID 1, the root's PPN. */
static u64 build_gstage(void)
{
    gstage_init(GUEST_HOST_BASE);
    /* 4 KiB leaves, one at a time: the nested-paging benchmark measures walks
     * that end in 4 KiB G-stage pages */
    for (u64 off = 0; off < GUEST_RAM_SIZE; off += 4096)
        gstage_map(GUEST_RAM_BASE + off, GUEST_HOST_BASE + off, 4096, PTE_R | PTE_W | PTE_X);
    gstage_map(UART_BASE, UART_BASE, 4096, PTE_R | PTE_W);
    return gstage_hgatp(1);
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

    gstage_enable(build_gstage());

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
