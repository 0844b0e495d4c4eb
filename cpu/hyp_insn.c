/* The H extension's instructions: the hypervisor virtual-machine loads and
 * stores (hlv, hlvx, hsv) and the fences hfence.vvma and hfence.gvma
 * (privileged spec, chapter "Hypervisor Extension", "Hypervisor
 * Instructions"). */
#include "hart.h"

/* May the hart run a hypervisor instruction?  In VS- and VU-mode it is a
 * virtual-instruction exception; in U-mode an illegal instruction unless
 * hstatus.HU allows the loads and stores (u_ok); in HS and M it runs. */
static bool hyp_insn_allowed(struct hart *h, const struct insn *d, bool u_ok)
{
    if (h->virt) {
        hart_virtual_insn(h, d);
        return false;
    }
    if (h->priv == PRIV_U && !(u_ok && (h->hstatus & HSTATUS_HU))) {
        hart_illegal(h, d);
        return false;
    }
    return true;
}

/* One access of a hypervisor load or store at va, translated as though V
 * were 1 at the nominal privilege hstatus.SPVP, through the guest's two
 * stages; lvx: HLVX (execute permission instead of read).  A misaligned
 * access is made byte by byte, as an ordinary one is.  Every fault it
 * raises reports a guest virtual address (GVA = 1), even though V = 0. */
static bool hyp_access(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, bool lvx, uint64_t *val)
{
    struct mmu_req r = hart_mmu_req(h, (h->hstatus & HSTATUS_SPVP) ? PRIV_S : PRIV_U, true);
    r.lvx = lvx;
    uint8_t *bytes[8];
    uint64_t pa[8];
    unsigned pieces = (va & (size - 1)) ? size : 1, piece = size / pieces;
    if (pieces > 1 && h->cfg.misaligned_trap) {
        hart_raise(h, acc == MMU_STORE ? EXC_STORE_MISALIGNED : EXC_LOAD_MISALIGNED, va);
        h->exc_gva = true;
        return false;
    }
    for (unsigned i = 0; i < pieces; i++) {
        struct mmu_xlate x;
        enum mmu_result res = mmu_translate_n(h->mmu, va + i * piece, piece, acc, &r, &x);
        if (res != MMU_OK) {
            hart_raise_xlate(h, res, acc, va, &x);
            h->exc_gva = true;
            return false;
        }
        bytes[i] = x.host;
        pa[i] = x.pa;
        if (pieces > 1 && !x.host) { /* device memory is not accessed misaligned */
            hart_raise(h, acc == MMU_STORE ? EXC_STORE_ACCESS : EXC_LOAD_ACCESS, va);
            h->exc_gva = true;
            return false;
        }
    }
    if (pieces == 1) {
        bool ok = true;
        if (bytes[0]) hart_host_access(bytes[0], size, acc, val);
        else if (acc == MMU_STORE) ok = h->pm->io_store && h->pm->io_store(h->pm->io_ctx, pa[0], size, *val);
        else ok = h->pm->io_load && h->pm->io_load(h->pm->io_ctx, pa[0], size, val);
        if (!ok) {
            hart_raise(h, acc == MMU_STORE ? EXC_STORE_ACCESS : EXC_LOAD_ACCESS, va);
            h->exc_gva = true;
        }
        return ok;
    }
    hart_bytes_access(bytes, size, acc, val);
    return true;
}

/* hlv.*, hlvx.*: load size bytes, sign-extended unless zext. */
static void hyp_load(struct hart *h, const struct insn *d, unsigned size, bool zext, bool lvx)
{
    if (!hyp_insn_allowed(h, d, true)) return;
    uint64_t v = 0;
    if (!hyp_access(h, h->x[d->rs1], size, MMU_LOAD, lvx, &v)) return;
    if (!zext && size < 8) {
        unsigned sh = 64 - 8 * size;
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    h->x[d->rd] = v;
}

/* hsv.*: store the low size bytes of rs2. */
static void hyp_store(struct hart *h, const struct insn *d, unsigned size)
{
    if (!hyp_insn_allowed(h, d, true)) return;
    uint64_t v = h->x[d->rs2];
    hyp_access(h, h->x[d->rs1], size, MMU_STORE, false, &v);
}

void exec_hlv_b(struct hart *h, const struct insn *d) { hyp_load(h, d, 1, false, false); }
void exec_hlv_bu(struct hart *h, const struct insn *d) { hyp_load(h, d, 1, true, false); }
void exec_hlv_h(struct hart *h, const struct insn *d) { hyp_load(h, d, 2, false, false); }
void exec_hlv_hu(struct hart *h, const struct insn *d) { hyp_load(h, d, 2, true, false); }
void exec_hlvx_hu(struct hart *h, const struct insn *d) { hyp_load(h, d, 2, true, true); }
void exec_hlv_w(struct hart *h, const struct insn *d) { hyp_load(h, d, 4, false, false); }
void exec_hlv_wu(struct hart *h, const struct insn *d) { hyp_load(h, d, 4, true, false); }
void exec_hlvx_wu(struct hart *h, const struct insn *d) { hyp_load(h, d, 4, true, true); }
void exec_hlv_d(struct hart *h, const struct insn *d) { hyp_load(h, d, 8, false, false); }
void exec_hsv_b(struct hart *h, const struct insn *d) { hyp_store(h, d, 1); }
void exec_hsv_h(struct hart *h, const struct insn *d) { hyp_store(h, d, 2); }
void exec_hsv_w(struct hart *h, const struct insn *d) { hyp_store(h, d, 4); }
void exec_hsv_d(struct hart *h, const struct insn *d) { hyp_store(h, d, 8); }

/* hfence.vvma rs1, rs2: the VS-stage translations of the current VMID
 * (hgatp.VMID), scoped by guest virtual address (rs1 != x0) and ASID
 * (rs2 != x0) as sfence.vma is. */
void exec_hfence_vvma(struct hart *h, const struct insn *d)
{
    if (!hyp_insn_allowed(h, d, false)) return;
    uint16_t vmid = (uint16_t)((h->hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK);
    mmu_hfence_vvma(h->mmu, vmid, d->rs1 != 0, h->x[d->rs1], d->rs2 != 0, (uint16_t)h->x[d->rs2]);
    hart_flush_fetch(h);
}

/* hfence.gvma rs1, rs2: G-stage translations of the guest physical
 * address rs1 << 2 (rs1 != x0) for the VMID in rs2 (rs2 != x0); illegal
 * in HS-mode while mstatus.TVM = 1. */
void exec_hfence_gvma(struct hart *h, const struct insn *d)
{
    if (!hyp_insn_allowed(h, d, false)) return;
    if (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)) {
        hart_illegal(h, d);
        return;
    }
    mmu_hfence_gvma(h->mmu, d->rs1 != 0, h->x[d->rs1] << 2, d->rs2 != 0,
                    (uint16_t)(h->x[d->rs2] & HGATP_VMID_MASK));
    hart_flush_fetch(h);
}
