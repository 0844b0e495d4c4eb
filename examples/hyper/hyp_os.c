/* The minimal hypervisor as firmware for the teaching OS (docs/HYPERVISOR.md,
 * "The teaching OS as a guest").
 *
 * It is given to the board with -bios in place of the SBI firmware and the
 * OS with -kernel, the OS's usual command line. It starts in M-mode at
 * 0x80000000 with a0 = hart id and a1 = the device tree, sets up M-mode
 * (PMP, delegation, counters, Sstc) and drops to HS-mode. There it builds
 * the G-stage (Sv39x4): guest-physical = host-physical for the RAM from
 * 0x80200000 to its end (so the disk's DMA with guest-physical addresses
 * lands where the guest meant) and for the devices the OS drives itself;
 * its own 2 MiB at 0x80000000 stay unmapped. It enters the kernel at
 * 0x80200000 in VS-mode with a0 = 0 and a1 = the device tree, as an SBI
 * firmware of the fw_jump kind does.
 *
 * Then it serves the guest's exits: SBI calls (BASE, TIME, IPI, RFENCE,
 * HSM, SRST, DBCN, the legacy console putchar) for one hart; external interrupts of the PLIC's S-mode
 * context, forwarded as VSEI, with the context's claim/complete page
 * emulated (trap and emulate) so that the guest's pending bit follows the
 * PLIC exactly; the test finisher's page, emulated so that the OS's failure
 * code becomes the exit status after the hypervisor's report. The guest's
 * own exceptions and its timer and software interrupts go straight to it
 * (hedeleg, hideleg); guest-page faults elsewhere and virtual-instruction
 * exceptions are reported and stop the machine.
 *
 * Build options: -DWRONG_GSTAGE leaves the virtio-mmio pages out of the
 * G-stage on purpose (hyper-os-gpf.elf): the OS's first disk access is a
 * guest-page fault that the hypervisor reports. */
#include "hyp.h"

#define GUEST_BASE   0x80200000UL   /* the kernel's load address: fw_jump's next stage */
#define PLIC_BASE    0x0c000000UL
/* the PLIC's per-context page: threshold at +0, claim/complete at +4
 * (RISC-V PLIC specification 1.0.0, memory map); on QEMU virt hart 0's
 * contexts are 0 (M-mode) and 1 (S-mode) */
#define PLIC_CONTEXT_PAGE(ctx) (PLIC_BASE + 0x200000 + 0x1000UL * (ctx))
#define PLIC_S_CONTEXT 1
#define VIRTIO_BASE  0x10001000UL   /* eight virtio-mmio slots, 0x1000 apart */
#define VIRTIO_SLOTS 8
#define IOMMU_BASE   0x03010000UL   /* Pagoda's RISC-V IOMMU (-M virt,iommu-sys=on) */
#define ACCEL_BASE   0x04000000UL   /* Pagoda's accelerator (-device pagoda-accel) */

/* CSRs by number, for the assembler's sake (GCC 12's may lack the names of
 * Sstc's and the 1.12 envcfg registers). */
#define CSR_MENVCFG   "0x30a"
#define CSR_HENVCFG   "0x60a"
#define CSR_STIMECMP  "0x14d"
#define CSR_VSTIMECMP "0x24d"
#define ENVCFG_STCE   (1UL << 63)  /* Sstc: stimecmp / vstimecmp exist */
#define csr_write_n(num, v) __asm__ volatile("csrw " num ", %0" :: "r"((u64)(v)) : "memory")
#define csr_read_n(num) ({ u64 __v; __asm__ volatile("csrr %0, " num : "=r"(__v)); __v; })

/* Interrupt bits: S-level in sip/sie/mideleg, VS-level in hvip/hideleg
 * (priv. spec, "Hypervisor Interrupt Registers"). */
#define IRQ_SSI  (1UL << 1)
#define IRQ_STI  (1UL << 5)
#define IRQ_SEI  (1UL << 9)
#define IRQ_VSSI (1UL << 2)
#define IRQ_VSTI (1UL << 6)
#define IRQ_VSEI (1UL << 10)
#define INTERRUPT_BIT (1UL << 63)

/* SBI (specification v2.0): extension ids, errors. */
#define SBI_EXT_BASE   0x10
#define SBI_EXT_TIME   0x54494D45
#define SBI_EXT_IPI    0x735049
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_EXT_HSM    0x48534D
#define SBI_EXT_DBCN   0x4442434E
#define SBI_SUCCESS 0L
#define SBI_ERR_FAILED (-1L)
#define SBI_ERR_INVALID_PARAM (-3L)
#define SBI_ERR_ALREADY_AVAILABLE (-6L)
#define SBI_IMPL_ID 0x50474856      /* "PGHV"; Pagoda's firmware is "PGDA" */

/* Why the hypervisor ran: exits counted by kind, printed at the end. */
static struct {
    u64 total, sbi, set_timer, plic, finisher, external, other;
    u64 claims, empty_claims, completes;   /* of the PLIC accesses */
} exits;

/* What M-mode saw at boot, for HS-mode (which cannot read these). */
static u64 boot_dtb, mvendorid, marchid, mimpid;
/* The guest's RAM: [GUEST_BASE, ram_end) */
static u64 ram_end;

static void hs_main(void) __attribute__((noreturn));

/* m_main: M-mode setup on hart 0 (hart_id = a0, dtb = a1 from the boot ROM).
 * m_setup (hyp_lib.c: misa.H, PMP, medeleg, counters), then the S-level
 * interrupts to HS (mideleg; its VS-level bits are read-only one) and Sstc
 * for HS and VS (menvcfg.STCE); then down to HS-mode. */
void m_main(u64 hart_id, u64 dtb)
{
    (void)hart_id;
    m_setup();
    csr_write(mideleg, IRQ_SSI | IRQ_STI | IRQ_SEI);
    csr_write_n(CSR_MENVCFG, csr_read_n(CSR_MENVCFG) | ENVCFG_STCE);
    if (!(csr_read_n(CSR_MENVCFG) & ENVCFG_STCE)) {
        puts_("hyper: this hart has no Sstc (menvcfg.STCE stays 0): the guest's timer needs vstimecmp\n");
        machine_exit(2);
    }
    csr_write_n(CSR_STIMECMP, ~0UL);   /* HS itself never asks for a timer interrupt */
    boot_dtb = dtb;
    mvendorid = csr_read(mvendorid);
    marchid = csr_read(marchid);
    mimpid = csr_read(mimpid);
    enter_hs((u64)hs_main, (u64)_hs_stack_end);
}

/* be32: the big-endian 32-bit word at p (device-tree byte order). */
static u32 be32(const u8 *p)
{
    return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/* fdt_size: the total size of the flattened device tree at dtb, or 0 if its
 * header's magic is wrong (Devicetree Specification v0.4, 5.2). */
static u64 fdt_size(u64 dtb)
{
    const u8 *h = (const u8 *)dtb;
    return be32(h) == 0xd00dfeed ? be32(h + 4) : 0;
}

/* fdt_memory: the first region of the device tree's memory node, read from
 * its structure block (Devicetree Specification v0.4, 5.4: tokens
 * BEGIN_NODE 1, END_NODE 2, PROP 3, NOP 4, END 9), with two address and two
 * size cells as on QEMU virt. Returns 0 and sets *base and *size, or -1. */
static int fdt_memory(u64 dtb, u64 *base, u64 *size)
{
    const u8 *h = (const u8 *)dtb;
    const u8 *p = h + be32(h + 8);
    const char *strings = (const char *)h + be32(h + 12);
    int depth = 0, in_memory = 0;
    for (;;) {
        u32 tok = be32(p);
        p += 4;
        if (tok == 1) {                       /* BEGIN_NODE, then its name */
            const char *name = (const char *)p;
            depth++;
            const char *m = "memory@";
            int i = 0;
            while (m[i] && name[i] == m[i])
                i++;
            in_memory = depth == 2 && !m[i];
            while (*p)
                p++;
            p = (const u8 *)(((u64)p + 4) & ~3UL);
        } else if (tok == 2) {                /* END_NODE */
            depth--;
            in_memory = 0;
        } else if (tok == 3) {                /* PROP: len, name offset, value */
            u32 len = be32(p), nameoff = be32(p + 4);
            const u8 *val = p + 8;
            const char *pname = strings + nameoff;
            if (in_memory && len >= 16 && pname[0] == 'r' && pname[1] == 'e' &&
                pname[2] == 'g' && pname[3] == 0) {
                *base = (u64)be32(val) << 32 | be32(val + 4);
                *size = (u64)be32(val + 8) << 32 | be32(val + 12);
                return 0;
            }
            p = (const u8 *)(((u64)val + len + 3) & ~3UL);
        } else if (tok != 4) {                /* END, or a malformed tree */
            return -1;
        }
    }
}

/* print_exits: the exit counts, by kind. */
static void print_exits(void)
{
    puts_("hyper: exits: ");
    put_dec(exits.total);
    puts_(" (SBI calls ");
    put_dec(exits.sbi);
    puts_(" of which set_timer ");
    put_dec(exits.set_timer);
    puts_(", PLIC claim/complete page ");
    put_dec(exits.plic);
    puts_(": claims ");
    put_dec(exits.claims);
    puts_(" (empty ");
    put_dec(exits.empty_claims);
    puts_("), completes ");
    put_dec(exits.completes);
    puts_(", external interrupts ");
    put_dec(exits.external);
    puts_(", test finisher ");
    put_dec(exits.finisher);
    puts_(", other ");
    put_dec(exits.other);
    puts_(")\n");
}

/* stop_guest: print why the guest stopped and the exit counts, then power
 * off with status. */
static __attribute__((noreturn)) void stop_guest(const char *why, u64 status)
{
    puts_("hyper: ");
    puts_(why);
    puts_(", status ");
    put_dec(status);
    puts_("\n");
    print_exits();
    machine_exit((u32)status);
}

/* sync_vseip: make the guest's external interrupt (hvip.VSEIP) what the
 * PLIC's S-mode context says now (sip.SEIP, the PLIC's line into this
 * hart). While it is pending HS's own SEIE stays off, or the level-sensitive
 * line would trap to HS again at every instruction of the guest (HS-level
 * interrupts are always enabled while V = 1, priv. spec "Hypervisor
 * Interrupt Registers"); once clear, SEIE is on again so that the next
 * interrupt traps to HS and is forwarded. */
static void sync_vseip(void)
{
    if (csr_read(sip) & IRQ_SEI) {
        csr_set(hvip, IRQ_VSEI);
        csr_clear(sie, IRQ_SEI);
    } else {
        csr_clear(hvip, IRQ_VSEI);
        csr_set(sie, IRQ_SEI);
    }
}

/* hart0_targeted: decode an SBI hart list (SBI spec v2.0, "Hart list
 * parameter": hart_mask_base = -1 means every hart). Returns SBI_SUCCESS and
 * sets *hit if it names hart 0, the guest's only hart, or
 * SBI_ERR_INVALID_PARAM if it names another. */
static long hart0_targeted(u64 mask, u64 base, int *hit)
{
    *hit = 0;
    if (base == ~0UL) {
        *hit = 1;
        return SBI_SUCCESS;
    }
    for (u64 i = 0; i < 64; i++) {
        if (!(mask >> i & 1))
            continue;
        if (base + i != 0)
            return SBI_ERR_INVALID_PARAM;
        *hit = 1;
    }
    return SBI_SUCCESS;
}

/* hfence_vvma: fence the guest's VS-stage translations of [start, start +
 * size) (all of them if size is 0 with start 0, or -1, or over 64 pages, or
 * the range wraps around), of one ASID
 * or (asid < 0) every ASID. hfence.vvma applies to the VMID in hgatp, the
 * guest's (priv. spec, "Hypervisor Memory-Management Fence Instructions");
 * x0 as rs1 or rs2 means every address or ASID, so those forms are spelled
 * out. */
static void hfence_vvma(u64 start, u64 size, long asid)
{
    if ((start == 0 && size == 0) || size > (64UL << 12) || start + size < start) {
        if (asid < 0)
            __asm__ volatile(".insn r 0x73, 0, 0x11, x0, x0, x0" ::: "memory");
        else
            __asm__ volatile(".insn r 0x73, 0, 0x11, x0, x0, %0" :: "r"(asid) : "memory");
        return;
    }
    for (u64 va = start & ~0xfffUL; va < start + size; va += 4096) {
        if (asid < 0)
            __asm__ volatile(".insn r 0x73, 0, 0x11, x0, %0, x0" :: "r"(va) : "memory");
        else
            __asm__ volatile(".insn r 0x73, 0, 0x11, x0, %0, %1" :: "r"(va), "r"(asid) : "memory");
    }
}

/* guest_ram_range: whether [gpa, gpa + n) lies in the guest's RAM, which the
 * hypervisor reaches at the same address (identity G-stage). */
static int guest_ram_range(u64 gpa, u64 n)
{
    return gpa >= GUEST_BASE && gpa <= ram_end && n <= ram_end - gpa;
}

/* sbi_probe: 1 if the hypervisor implements SBI extension eid, else 0. */
static long sbi_probe(u64 eid)
{
    return eid == SBI_LEGACY_PUTCHAR || eid == SBI_EXT_BASE || eid == SBI_EXT_TIME ||
           eid == SBI_EXT_IPI || eid == SBI_EXT_RFENCE || eid == SBI_EXT_HSM || eid == SBI_SRST || eid == SBI_EXT_DBCN;
}

/* sbi_call: serve one SBI call from the guest (a7 = EID, a6 = FID, a0..a5
 * the arguments; SBI spec v2.0 chapter 3) for its single hart 0. Returns
 * the error in a0 and the value in a1. */
static void sbi_call(struct guest_regs *r)
{
    u64 eid = r->x[17], fid = r->x[16];
    u64 a0 = r->x[10], a1 = r->x[11], a2 = r->x[12], a3 = r->x[13], a4 = r->x[14];
    long err = SBI_ERR_NOT_SUPPORTED, val = 0;
    int hit;
    exits.sbi++;
    switch (eid) {
    case SBI_LEGACY_PUTCHAR:                  /* chapter 5: returns in a0 only */
        uart_putc((char)a0);
        r->x[10] = 0;
        return;
    case SBI_EXT_BASE:                        /* chapter 4 */
        err = SBI_SUCCESS;
        switch (fid) {
        case 0: val = 2L << 24; break;        /* specification version 2.0 */
        case 1: val = SBI_IMPL_ID; break;
        case 2: val = 1; break;               /* implementation version */
        case 3: val = sbi_probe(a0); break;
        case 4: val = (long)mvendorid; break;
        case 5: val = (long)marchid; break;
        case 6: val = (long)mimpid; break;
        default: err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    case SBI_EXT_TIME:                        /* chapter 6: set_timer */
        if (fid == 0) {
            /* Sstc: VSTIP is (time + htimedelta >= vstimecmp), and the
             * guest's next set_timer clears it (priv. spec, Sstc) */
            exits.set_timer++;
            csr_write_n(CSR_VSTIMECMP, a0);
            err = SBI_SUCCESS;
        }
        break;
    case SBI_EXT_IPI:                         /* chapter 7: send_ipi */
        if (fid == 0) {
            err = hart0_targeted(a0, a1, &hit);
            if (!err && hit)
                csr_set(hvip, IRQ_VSSI);      /* the guest clears it in its sip */
        }
        break;
    case SBI_EXT_RFENCE:                      /* chapter 8: fences on hart 0 */
        if (fid <= 2) {
            err = hart0_targeted(a0, a1, &hit);
            if (!err && hit) {
                if (fid == 0)
                    __asm__ volatile("fence.i" ::: "memory");
                else
                    hfence_vvma(a2, a3, fid == 2 ? (long)(a4 & 0xffff) : -1);
            }
        }                                     /* the remote hfences: not a hypervisor's guest */
        break;
    case SBI_EXT_HSM:                         /* chapter 9, one hart, always started */
        if (fid == 0)                         /* hart_start */
            err = a0 == 0 ? SBI_ERR_ALREADY_AVAILABLE : SBI_ERR_INVALID_PARAM;
        else if (fid == 1)                    /* hart_stop: the only hart */
            err = SBI_ERR_FAILED;
        else if (fid == 2)                    /* hart_get_status: 0 = STARTED */
            err = a0 == 0 ? SBI_SUCCESS : SBI_ERR_INVALID_PARAM;
        else if (fid == 3)                    /* hart_suspend: retentive, woken at once */
            err = (u32)a0 == 0 ? SBI_SUCCESS : SBI_ERR_NOT_SUPPORTED;
        break;
    case SBI_SRST:                            /* chapter 10: system_reset */
        if (fid == 0 && (u32)a0 == 0)         /* shutdown; reason 1 = system failure */
            stop_guest("guest shut down (SBI SRST)", (u32)a1 == 0 ? 0 : 1);
        if (fid == 0)
            err = (u32)a0 <= 2 ? SBI_ERR_NOT_SUPPORTED : SBI_ERR_INVALID_PARAM;
        break;
    case SBI_EXT_DBCN:                        /* chapter 12: the console */
        if (fid == 0 || fid == 1) {           /* write / read num_bytes at a1:a2 */
            if (a2 != 0 || !guest_ram_range(a1, a0)) {
                err = SBI_ERR_INVALID_PARAM;
                break;
            }
            volatile u8 *uart = (volatile u8 *)UART_BASE;
            u8 *buf = (u8 *)a1;
            u64 n = 0;
            if (fid == 0)
                for (; n < a0; n++)
                    uart_putc((char)buf[n]);
            else
                for (; n < a0 && (uart[5] & 1); n++)   /* LSR.DR: a byte waits */
                    buf[n] = uart[0];
            err = SBI_SUCCESS;
            val = (long)n;
        } else if (fid == 2) {                /* write_byte */
            uart_putc((char)a0);
            err = SBI_SUCCESS;
        }
        break;
    }
    r->x[10] = (u64)err;
    r->x[11] = (u64)val;
}

/* report_and_stop: print a guest-page fault or a virtual-instruction
 * exception with what the hypervisor knows of it, and stop with status. A
 * guest-page fault's guest-physical address is htval << 2 with the low 2
 * bits of stval, which holds the guest-virtual address (hstatus.GVA = 1)
 * ("Hypervisor Trap Value Register (htval)"). */
static __attribute__((noreturn)) void report_and_stop(u64 cause, u64 status)
{
    u64 stval = csr_read(stval);
    if (cause == CAUSE_VIRTUAL_INSN) {
        puts_("hyper: virtual-instruction exception: instruction ");
        put_hex(stval);
    } else if (cause >= CAUSE_FETCH_GUEST_PF) {
        puts_("hyper: guest-page fault (");
        puts_(cause == CAUSE_FETCH_GUEST_PF ? "fetch" :
              cause == CAUSE_LOAD_GUEST_PF ? "load" : "store");
        puts_(") at guest-physical ");
        put_hex((csr_read(htval) << 2) | (stval & 3));
        puts_(", guest-virtual ");
        put_hex(stval);
    } else {
        puts_("hyper: unexpected exit: scause ");
        put_hex(cause);
        puts_(", stval ");
        put_hex(stval);
    }
    puts_(", guest pc ");
    put_hex(csr_read(sepc));
    puts_(" (");
    puts_(csr_read(sstatus) & SSTATUS_SPP ? "VS" : "VU");
    puts_("-mode)\n");
    stop_guest("guest stopped", status);
}

/* hlvx_hu: the 16 bits of guest code at guest-virtual va, read as the guest
 * fetches it: both stages, execute permission, the guest's privilege
 * (hstatus.SPVP) (priv. spec, "Hypervisor Virtual-Machine Load and Store
 * Instructions"). Spelled with .insn: hlvx.hu is 0x64300073 | rs1 | rd. */
static u32 hlvx_hu(u64 va)
{
    u64 v;
    __asm__ volatile(".insn r 0x73, 4, 0x32, %0, %1, x3" : "=r"(v) : "r"(va) : "memory");
    return (u32)(v & 0xffff);
}

/* An access to emulate, decoded from the guest's instruction. */
struct mmio_access {
    int store;          /* 1 for sw / c.sw, 0 for lw / lwu / c.lw */
    int zero_extend;    /* lwu */
    unsigned reg;       /* rd of a load, rs2 of a store */
    unsigned len;       /* 2 or 4: how far sepc moves on */
};

/* decode_word_access: decode the guest instruction at pc as a 32-bit load or
 * store (lw, lwu, sw, c.lw, c.sw: the only widths of the PLIC's and the test
 * finisher's registers). Returns 0, or -1 for any other instruction;
 * *insn_out is the instruction. */
static int decode_word_access(u64 pc, struct mmio_access *a, u32 *insn_out)
{
    u32 insn = hlvx_hu(pc);
    if ((insn & 3) != 3) {                    /* compressed, quadrant 0 (C spec) */
        *insn_out = insn;
        a->len = 2;
        a->zero_extend = 0;
        a->reg = 8 + ((insn >> 2) & 7);       /* rd' or rs2' */
        if ((insn & 3) == 0 && (insn >> 13) == 2) { a->store = 0; return 0; }   /* c.lw */
        if ((insn & 3) == 0 && (insn >> 13) == 6) { a->store = 1; return 0; }   /* c.sw */
        return -1;
    }
    insn |= hlvx_hu(pc + 2) << 16;
    *insn_out = insn;
    a->len = 4;
    u32 opcode = insn & 0x7f, funct3 = (insn >> 12) & 7;
    if (opcode == 0x03 && (funct3 == 2 || funct3 == 6)) {   /* LOAD: lw, lwu */
        a->store = 0;
        a->zero_extend = funct3 == 6;
        a->reg = (insn >> 7) & 31;
        return 0;
    }
    if (opcode == 0x23 && funct3 == 2) {                    /* STORE: sw */
        a->store = 1;
        a->zero_extend = 0;
        a->reg = (insn >> 20) & 31;
        return 0;
    }
    return -1;
}

/* plic_context_access: perform the guest's access at offset off of its
 * PLIC context page on the real one: the threshold (+0) and the claim /
 * complete register (+4) (PLIC spec 1.0.0, "Interrupt Claim Process" and
 * "Interrupt Completion"); the rest of the page is reserved (reads 0,
 * writes ignored). Afterwards the guest's VSEIP follows the line again: a
 * claim takes the source off it, a completion may let it through again. */
static u32 plic_context_access(u64 off, int store, u32 val)
{
    volatile u32 *reg = (volatile u32 *)(PLIC_CONTEXT_PAGE(PLIC_S_CONTEXT) + off);
    if (off == 0 || off == 4) {
        if (store)
            *reg = val;
        else
            val = *reg;
        if (off == 4) {
            exits.claims += !store;
            exits.empty_claims += !store && val == 0;
            exits.completes += store;
        }
    } else if (!store) {
        val = 0;
    }
    sync_vseip();
    return val;
}

/* test_finisher_store: the guest wrote the sifive_test register: 0x5555 is
 * "pass", (code << 16) | 0x3333 "fail with code" (what QEMU's device
 * takes); the hypervisor reports and powers off with that status itself.
 * Other values (a reset) are ignored. */
static void test_finisher_store(u32 val)
{
    if ((val & 0xffff) == 0x5555)
        stop_guest("guest powered off through the test finisher (pass)", 0);
    if ((val & 0xffff) == 0x3333)
        stop_guest("guest powered off through the test finisher (fail)", val >> 16);
}

/* emulate_mmio: the guest's load or store at guest-physical gpa hit a page
 * the G-stage leaves out on purpose (the PLIC's S-mode context, the test
 * finisher). Read the faulting instruction at the guest's pc, perform the
 * access on the device, write the loaded value to the guest's register and
 * move sepc past the instruction. An instruction that is not a 32-bit
 * access, or a misaligned address, stops the guest (status 5). */
static void emulate_mmio(struct guest_regs *r, u64 cause, u64 gpa)
{
    u64 pc = csr_read(sepc);
    struct mmio_access a;
    u32 insn;
    if (decode_word_access(pc, &a, &insn) < 0 || a.store != (cause == CAUSE_STORE_GUEST_PF) ||
        (gpa & 3)) {
        puts_("hyper: cannot emulate the access to guest-physical ");
        put_hex(gpa);
        puts_(" by the instruction ");
        put_hex(insn);
        puts_(" (only aligned lw, lwu, sw, c.lw, c.sw)\n");
        report_and_stop(cause, 5);
    }
    u32 val = a.store && a.reg ? (u32)r->x[a.reg] : 0;
    u64 page = gpa & ~0xfffUL, off = gpa & 0xfff;
    if (page == TEST_BASE) {
        exits.finisher++;
        if (a.store && off == 0)
            test_finisher_store(val);
        val = 0;
    } else {
        exits.plic++;
        val = plic_context_access(off, a.store, val);
    }
    if (!a.store && a.reg)
        r->x[a.reg] = a.zero_extend ? (u64)val : (u64)(int64_t)(int32_t)val;
    csr_write(sepc, pc + a.len);
}

/* hs_trap: an exit from the guest (VS- or VU-mode). */
void hs_trap(struct guest_regs *r)
{
    u64 cause = csr_read(scause);
    exits.total++;
    if (cause & INTERRUPT_BIT) {
        if ((cause & ~INTERRUPT_BIT) == 9) {  /* SEI: the PLIC's S-mode context */
            exits.external++;
            sync_vseip();
            return;
        }
        exits.other++;
        report_and_stop(cause, 4);
    }
    if (cause == CAUSE_ECALL_VS) {
        csr_write(sepc, csr_read(sepc) + 4);
        sbi_call(r);
        return;
    }
    if (cause == CAUSE_LOAD_GUEST_PF || cause == CAUSE_STORE_GUEST_PF) {
        u64 gpa = (csr_read(htval) << 2) | (csr_read(stval) & 3);
        u64 page = gpa & ~0xfffUL;
        /* htinst holds a pseudoinstruction (0x2000, 0x3000, 0x2020, 0x3020)
         * when the fault was on an implicit access of the guest's own
         * VS-stage walk ("Transformed Instruction or Pseudoinstruction for
         * mtinst or htinst"): no instruction to emulate then */
        u64 htinst = csr_read(htinst);
        int walk = htinst != 0 && (htinst & ~0x3020UL) == 0;
        if (!walk && (page == PLIC_CONTEXT_PAGE(PLIC_S_CONTEXT) || page == TEST_BASE)) {
            emulate_mmio(r, cause, gpa);
            return;
        }
    }
    exits.other++;
    report_and_stop(cause, cause == CAUSE_VIRTUAL_INSN ? 4 : 3);
}

/* build_gstage: the guest's G-stage, all identity (guest-physical = host-
 * physical): RAM from GUEST_BASE to its end (read, write, execute, 2 MiB
 * leaves); the UART, the virtio-mmio slots, Pagoda's IOMMU and accelerator
 * pages (read, write; an absent device answers with an access fault, which
 * goes to the guest); the PLIC's priorities, pending bits and enables (its
 * first 2 MiB). Left out: the hypervisor's 2 MiB at 0x80000000, the CLINT,
 * the boot ROM, the PLIC's context pages (hart 0's M-mode context, and the
 * S-mode one that hs_trap emulates) and the test finisher (emulated). */
static void build_gstage(void)
{
    gstage_init(GUEST_BASE);
    gstage_map(GUEST_BASE, GUEST_BASE, ram_end - GUEST_BASE, PTE_R | PTE_W | PTE_X);
    gstage_map(UART_BASE, UART_BASE, 4096, PTE_R | PTE_W);
#ifndef WRONG_GSTAGE
    gstage_map(VIRTIO_BASE, VIRTIO_BASE, VIRTIO_SLOTS * 4096, PTE_R | PTE_W);
#endif
    gstage_map(IOMMU_BASE, IOMMU_BASE, 4096, PTE_R | PTE_W);
    gstage_map(ACCEL_BASE, ACCEL_BASE, 4096, PTE_R | PTE_W);
    gstage_map(PLIC_BASE, PLIC_BASE, 0x200000, PTE_R | PTE_W);
    gstage_enable(gstage_hgatp(1));
}

/* hs_main: HS-mode. Finds the RAM in the device tree, builds the G-stage,
 * sets up the guest's delegation and timer and enters its kernel in
 * VS-mode: sret returns to V = hstatus.SPV and privilege sstatus.SPP
 * ("Hypervisor Status Register (hstatus)", and "Trap Return" for sret). */
static void hs_main(void)
{
    csr_write(stvec, (u64)hs_trap_entry);
    csr_write(sscratch, 0);
    u64 dtb = boot_dtb, size = fdt_size(dtb), ram_base, ram_size;
    if (!size || fdt_memory(dtb, &ram_base, &ram_size) < 0) {
        puts_("hyper: no device tree with a memory node at a1 = ");
        put_hex(dtb);
        puts_("\n");
        machine_exit(2);
    }
    ram_end = ram_base + ram_size;
    if (ram_base > GUEST_BASE || ram_end <= GUEST_BASE + (2UL << 20)) {
        puts_("hyper: the RAM must reach beyond 0x80400000\n");
        machine_exit(2);
    }
    /* the guest must be able to read the tree: when it is not in the guest's
     * RAM, it goes to the top of that RAM (4 KiB aligned) */
    if (!guest_ram_range(dtb, size)) {
        u64 to = (ram_end - size) & ~0xfffUL;
        for (u64 i = 0; i < size; i++)
            ((volatile u8 *)to)[i] = ((const u8 *)dtb)[i];
        dtb = to;
    }
    build_gstage();
    puts_("hyper: HS-mode; guest RAM ");
    put_hex(GUEST_BASE);
    puts_("..");
    put_hex(ram_end);
    puts_(" (guest-physical = host-physical), device tree at ");
    put_hex(dtb);
    puts_("\nhyper: entering the guest kernel at ");
    put_hex(GUEST_BASE);
    puts_(" in VS-mode\n");

    /* The guest handles its own exceptions: misaligned, access faults,
     * illegal instructions, breakpoints, ecalls from VU, page faults; its
     * ecalls (SBI), guest-page faults and virtual instructions come here
     * (hedeleg's bits for causes 10 and 20-23 are read-only zero). Its
     * timer, software and external interrupts are its own too (hideleg). */
    csr_write(hedeleg, (1UL << 0) | (1UL << 1) | (1UL << 2) | (1UL << 3) | (1UL << 4) |
                       (1UL << 5) | (1UL << 6) | (1UL << 7) | (1UL << 8) |
                       (1UL << 12) | (1UL << 13) | (1UL << 15));
    csr_write(hideleg, IRQ_VSSI | IRQ_VSTI | IRQ_VSEI);
    csr_write(hvip, 0);
    csr_write(hcounteren, 7);          /* time: the kernel reads it for its ticks */
    csr_write(htimedelta, 0);
    csr_write_n(CSR_HENVCFG, ENVCFG_STCE);
    csr_write_n(CSR_VSTIMECMP, ~0UL);  /* no guest timer interrupt before it asks */
    csr_write(vsatp, 0);
    csr_write(vsstatus, 0);
    sync_vseip();                      /* SEIE on: the PLIC's interrupts reach HS */
    csr_write(hstatus, (csr_read(hstatus) & ~HSTATUS_SPVP) | HSTATUS_SPV);
    csr_set(sstatus, SSTATUS_SPP);     /* sret to (V)S, not (V)U */
    csr_write(sepc, GUEST_BASE);

    /* the guest's first registers: a0 = hart id 0, a1 = the device tree */
    struct guest_regs *r = (struct guest_regs *)((u64)_hs_stack_end - sizeof(struct guest_regs));
    for (int i = 0; i < 32; i++)
        r->x[i] = 0;
    r->x[11] = dtb;
    enter_guest(r);
}
