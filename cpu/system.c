/* Handlers for system instructions: environment calls, trap returns, wfi,
 * fences, sfence.vma and Svinval, and the Zicsr instructions. */
#include "csr.h"
#include "hart.h"

static const uint8_t ecall_cause[4] = {EXC_ECALL_U, EXC_ECALL_S, 0, EXC_ECALL_M};

/* ecall: from VS-mode it is cause 10, from VU-mode 8 as from U */
void exec_ecall(struct hart *h, const struct insn *d)
{
    (void)d;
    hart_raise(h, h->virt && h->priv == PRIV_S ? EXC_ECALL_VS : ecall_cause[h->priv], 0);
}

void exec_ebreak(struct hart *h, const struct insn *d)
{
    /* tval = the address of the breakpoint (privileged spec: on a
     * breakpoint exception xtval is the faulting virtual address, the pc) */
    hart_raise(h, EXC_BREAKPOINT, hart_pc(h, d));
}

/* mret: privileged spec, "Trap-Return Instructions".  MPRV is cleared when
 * returning to a mode below M; with H, V becomes MPV (unless returning to
 * M) and MPV clears. */
void exec_mret(struct hart *h, const struct insn *d)
{
    if (h->priv < PRIV_M) { hart_illegal(h, d); return; }
    uint64_t s = h->mstatus;
    unsigned mpp = (s >> 11) & 3;
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP; /* MPP set to the least-privileged mode, U */
    if (mpp != PRIV_M) s &= ~MSTATUS_MPRV;
    h->virt = mpp != PRIV_M && (s & MSTATUS_MPV);
    h->mstatus = s & ~MSTATUS_MPV;
    h->priv = (uint8_t)mpp;
    h->next_pc = h->mepc;
    hart_priv_changed(h);
}

/* sret: illegal in U-mode, and in HS-mode when mstatus.TSR = 1; with V =
 * 1 it returns within the guest through vsstatus and vsepc, and is a
 * virtual-instruction exception in VU-mode or with hstatus.VTSR (H
 * chapter, "Virtual-Instruction Exceptions").  From HS-mode V becomes
 * hstatus.SPV, which clears. */
void exec_sret(struct hart *h, const struct insn *d)
{
    if (h->virt) {
        if (h->priv == PRIV_U || (h->hstatus & HSTATUS_VTSR)) { hart_virtual_insn(h, d); return; }
        uint64_t s = h->vsstatus;
        h->priv = (s & MSTATUS_SPP) ? PRIV_S : PRIV_U;
        s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
        h->vsstatus = (s | MSTATUS_SPIE) & ~MSTATUS_SPP;
        h->next_pc = h->vsepc;
        hart_priv_changed(h);
        return;
    }
    if (h->priv < PRIV_S || (h->priv == PRIV_S && (h->mstatus & MSTATUS_TSR))) { hart_illegal(h, d); return; }
    uint64_t s = h->mstatus;
    unsigned spp = (s & MSTATUS_SPP) ? PRIV_S : PRIV_U;
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_SPP;
    s &= ~MSTATUS_MPRV; /* SPP is never M, so MPRV is cleared */
    h->mstatus = s;
    h->priv = (uint8_t)spp;
    if (h->hstatus & HSTATUS_SPV) {
        h->virt = true;
        h->hstatus &= ~HSTATUS_SPV;
    }
    h->next_pc = h->sepc;
    hart_priv_changed(h);
}

/* wfi: with TW = 1, illegal below M-mode; in U-mode always illegal (we do
 * not complete it "within a bounded time"), in VU-mode and, with
 * hstatus.VTW, in VS-mode a virtual-instruction exception.  Otherwise the
 * hart sleeps until an interrupt is pending in mip & mie, whatever the
 * global enables. */
void exec_wfi(struct hart *h, const struct insn *d)
{
    if (h->priv < PRIV_M && (h->mstatus & MSTATUS_TW)) { hart_illegal(h, d); return; }
    if (h->virt && (h->priv == PRIV_U || (h->hstatus & HSTATUS_VTW))) { hart_virtual_insn(h, d); return; }
    if (h->priv == PRIV_U) { hart_illegal(h, d); return; }
    if (!(hart_mip(h) & h->mie)) h->wfi = true;
    h->irq_check = true;
}

void exec_fence(struct hart *h, const struct insn *d)
{
    (void)h; (void)d; /* one hart at a time, in program order: nothing to do */
}

void exec_fence_i(struct hart *h, const struct insn *d)
{
    (void)d;
    /* decoded blocks are compared with memory whenever anything may have
     * written it (fence.i, like every MISC-MEM instruction, moves the code
     * epoch: struct block), so they are always coherent with memory; only
     * drop the fetch page */
    hart_flush_fetch(h);
}

/* sfence.vma rs1, rs2: illegal in U-mode, and in S-mode with mstatus.TVM.
 * With V = 1 it fences the guest's VS-stage translations (of hgatp's
 * VMID), and is a virtual-instruction exception in VU-mode or with
 * hstatus.VTVM. */
static void do_sfence(struct hart *h, const struct insn *d)
{
    if (h->virt) {
        if (h->priv == PRIV_U || (h->hstatus & HSTATUS_VTVM)) { hart_virtual_insn(h, d); return; }
        uint16_t vmid = (uint16_t)((h->hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK);
        mmu_hfence_vvma(h->mmu, vmid, d->rs1 != 0, h->x[d->rs1], d->rs2 != 0, (uint16_t)h->x[d->rs2]);
        hart_flush_fetch(h);
        return;
    }
    if (h->priv == PRIV_U || (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM))) { hart_illegal(h, d); return; }
    mmu_sfence_vma(h->mmu, d->rs1 != 0, h->x[d->rs1], d->rs2 != 0, (uint16_t)h->x[d->rs2]);
    if (__builtin_expect(h->watch != NULL, 0))
        h->watch->fence(h->watch->ctx, h, d->rs1 != 0, h->x[d->rs1], d->rs2 != 0, (uint16_t)h->x[d->rs2]);
    hart_flush_fetch(h);
}

void exec_sfence_vma(struct hart *h, const struct insn *d) { do_sfence(h, d); }
/* Svinval: sinval.vma has the same effect as sfence.vma on our TLB (it is
 * ordered by sfence.w.inval / sfence.inval.ir, which here are no-ops
 * because the hart's memory accesses are already in order). */
void exec_sinval_vma(struct hart *h, const struct insn *d) { do_sfence(h, d); }

void exec_sfence_w_inval(struct hart *h, const struct insn *d)
{
    if (h->virt && h->priv == PRIV_U) hart_virtual_insn(h, d);
    else if (h->priv == PRIV_U) hart_illegal(h, d);
}

/* Would HS-mode reach CSR csr (does it exist there)?  With V = 1, an
 * access that HS-mode could make is a virtual-instruction exception, one
 * it could not an illegal instruction. */
static bool csr_exists_for_hs(struct hart *h, unsigned csr)
{
    uint8_t priv = h->priv;
    bool virt = h->virt;
    uint64_t v;
    h->priv = PRIV_S;
    h->virt = false;
    bool ok = csr_read(h, csr, &v);
    h->priv = priv;
    h->virt = virt;
    return ok;
}

/* The refusal of a CSR access: a virtual-instruction exception when
 * csr_read/csr_write said so (h->csr_virtual), else illegal. */
static void csr_refuse(struct hart *h, const struct insn *d)
{
    if (h->csr_virtual) hart_virtual_insn(h, d);
    else hart_illegal(h, d);
}

/* Zicsr.  Rules (Zicsr chapter): csrrw with rd = x0 does not read the CSR;
 * csrrs/csrrc with rs1 = x0 (or uimm = 0) do not write it, so they are legal
 * on read-only CSRs. */
static void do_csr(struct hart *h, const struct insn *d, uint64_t operand, int op, bool write_always)
{
    unsigned csr = (unsigned)d->imm;
    bool writes = write_always || d->rs1 != 0;
    bool reads = !(op == 0 && d->rd == 0);
    unsigned level = (csr >> 8) & 3;
    h->csr_virtual = false;
    /* read-only CSRs have csr[11:10] = 3; the lowest privilege that may
     * access a CSR is csr[9:8], where 2 is HS-mode's (the hypervisor and
     * VS CSRs) */
    if (writes && (csr >> 10) == 3) { hart_illegal(h, d); return; }
    if (h->virt) {
        /* H chapter, "Virtual-Instruction Exceptions": from VS, H-level
         * CSRs; from VU, S- and H-level ones; M-level ones are illegal */
        if (level == 3) { hart_illegal(h, d); return; }
        if (level == 2 || (level == 1 && h->priv == PRIV_U)) {
            h->csr_virtual = csr_exists_for_hs(h, csr);
            csr_refuse(h, d);
            return;
        }
        if (csr == 0x180 && (h->hstatus & HSTATUS_VTVM)) { hart_virtual_insn(h, d); return; }
        if (level == 1) csr = hyp_vs_alias(csr); /* sstatus is vsstatus, ... */
    } else if (h->priv < level && !(level == 2 && h->priv == PRIV_S && hart_has(h, ISA_H))) {
        hart_illegal(h, d);
        return;
    }
    uint64_t old = 0;
    if ((reads || op != 0) && !csr_read(h, csr, &old)) { csr_refuse(h, d); return; }
    if (writes) {
        uint64_t base = op == 0 ? 0 : csr_rmw_base(h, csr, old);
        uint64_t v = op == 0 ? operand : op == 1 ? (base | operand) : (base & ~operand);
        if (!csr_write(h, csr, v)) { csr_refuse(h, d); return; }
    }
    h->x[d->rd] = old;
}

void exec_csrrw(struct hart *h, const struct insn *d) { do_csr(h, d, h->x[d->rs1], 0, true); }
void exec_csrrs(struct hart *h, const struct insn *d) { do_csr(h, d, h->x[d->rs1], 1, false); }
void exec_csrrc(struct hart *h, const struct insn *d) { do_csr(h, d, h->x[d->rs1], 2, false); }
void exec_csrrwi(struct hart *h, const struct insn *d) { do_csr(h, d, d->rs1, 0, true); }
void exec_csrrsi(struct hart *h, const struct insn *d) { do_csr(h, d, d->rs1, 1, false); }
void exec_csrrci(struct hart *h, const struct insn *d) { do_csr(h, d, d->rs1, 2, false); }
