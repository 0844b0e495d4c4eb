/* The hart: fetch with a cached decode, the execution loop, guest memory
 * access through the MMU, traps and interrupts. */
#include "hart.h"
#include "../mmu/line_alloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

void hart_init(struct hart *h, uint32_t hartid, struct phys_mem *pm, const struct hart_config *cfg,
               struct mmu *mmu)
{
    memset(h, 0, sizeof *h);
    h->hartid = hartid;
    h->pm = pm;
    h->cfg = *cfg;
    h->ext = isa_effective(isa_resolve(cfg->ext, cfg->svadu));
    h->cfg.svadu = hart_has(h, ISA_SVADU); /* -cpu ...,svadu=on is --ad=svadu */
    h->mmu = mmu;
    h->mmu_gen = mmu_fetch_generation_ptr(mmu);
    pmp_init(&h->pmp, cfg->pmp_entries == 0 ? 16 : cfg->pmp_entries < 0 ? 0 : cfg->pmp_entries);
    /* zeroed = every tag 0 = empty (untouched blocks stay unmapped) */
    h->blocks = line_calloc((size_t)1 << BLOCK_BITS, sizeof *h->blocks);
    if (!h->blocks) {
        fprintf(stderr, "pagoda: out of memory\n");
        exit(1);
    }
    hart_reset(h, 0x1000);
}

void hart_free(struct hart *h)
{
    line_free(h->blocks);
    h->blocks = NULL;
}

void hart_reset(struct hart *h, uint64_t pc)
{
    memset(h->x, 0, sizeof h->x);
    memset(h->f, 0, sizeof h->f);
    h->pc = pc;
    h->priv = PRIV_M;
    /* misa: MXL = 2 (64-bit) and the letters of -cpu's choice */
    h->misa = isa_misa(h->ext);
    /* UXL = SXL = 2: XLEN is 64 in every mode */
    h->mstatus = (2ull << 32) | (2ull << 34);
    h->medeleg = h->mideleg = h->mie = h->mip = 0;
    h->mtvec = h->stvec = 0;
    h->satp = 0;
    h->mcause = 0;
    h->fcsr = 0;
    h->menvcfg = h->senvcfg = 0;
    h->mcounteren = h->scounteren = h->mcountinhibit = 0;
    h->stimecmp = UINT64_MAX;
    /* H: VSXL = 2 and vsstatus.UXL = 2 (XLEN 64 in VS and VU), and the
     * VS-level interrupts are delegated by mideleg read-only ones */
    h->virt = false;
    h->hstatus = hart_has(h, ISA_H) ? HSTATUS_VSXL & (2ull << 32) : 0;
    h->vsstatus = 2ull << 32;
    h->hedeleg = h->hideleg = h->hvip = h->hcounteren = h->htval = h->htinst = h->hgatp = 0;
    h->henvcfg = h->htimedelta = 0;
    h->vstvec = h->vsscratch = h->vsepc = h->vscause = h->vstval = h->vsatp = 0;
    h->vstimecmp = UINT64_MAX;
    h->mtval2 = h->mtinst = 0;
    h->mideleg = hart_mideleg_fixed(h);
    h->resv_valid = false;
    h->wfi = false;
    h->trap_pending = false;
    h->irq_check = true;
    h->fetch_vpage = UINT64_MAX;
    h->spin_pc = UINT64_MAX;
    trigger_reset(&h->trig);
    hart_update_mem_mode(h);
}

void hart_flush_fetch(struct hart *h) { h->fetch_vpage = UINT64_MAX; }

/* The translation context of an access made with nominal privilege priv
 * and virtualization mode virt: with V = 1 the VS-stage under vsatp with
 * vsstatus's SUM and MXR (mstatus.MXR counts at both stages), henvcfg's
 * ADUE and PBMTE, then the G-stage under hgatp (privileged spec, H
 * chapter, "Two-Stage Address Translation"). */
struct mmu_req hart_mmu_req(const struct hart *h, unsigned priv, bool virt)
{
    bool mxr = (h->mstatus & MSTATUS_MXR) != 0;
    if (!virt)
        return (struct mmu_req){
            .satp = h->satp,
            .priv = (uint8_t)priv,
            .sum = (h->mstatus & MSTATUS_SUM) != 0,
            .mxr = mxr,
            .hw_ad = hart_hw_ad(h),
            .no_pbmt = !((h->menvcfg >> 62) & 1),
        };
    return (struct mmu_req){
        .satp = h->vsatp,
        .priv = (uint8_t)priv,
        .sum = (h->vsstatus & MSTATUS_SUM) != 0,
        .mxr = mxr || (h->vsstatus & MSTATUS_MXR) != 0,
        .hw_ad = h->cfg.svadu ? ((h->henvcfg >> 61) & 1) != 0 : !h->cfg.ad_fault,
        .no_pbmt = !((h->henvcfg >> 62) & 1),
        .virt = true,
        .g_mxr = mxr,
        .g_hw_ad = hart_hw_ad(h),
        .g_no_pbmt = !((h->menvcfg >> 62) & 1),
        .hgatp = h->hgatp,
    };
}

/* An aligned access of at most 8 bytes made with privilege priv needs no
 * translation and can never fail PMP (see pmp.h): M-mode with no locked
 * entry, or S/U-mode with satp Bare (xv6 and firmware before paging is on)
 * while PMP grants S/U everything. */
static inline bool direct_access_ok(const struct hart *h, unsigned priv, bool virt)
{
    if (virt) return false; /* the G-stage translates even under a Bare vsatp */
    return priv == PRIV_M ? h->pmp.m_all_allowed : (h->satp >> 60) == SATP_BARE && h->pmp.su_all_allowed;
}

/* The privilege and virtualization mode of loads and stores: MPRV in
 * M-mode makes them MPP's, and MPV's (privileged spec, "Memory Privilege
 * in mstatus Register"; H chapter, "Machine Status Registers"). */
static inline unsigned data_priv(const struct hart *h, bool *virt)
{
    if ((h->mstatus & MSTATUS_MPRV) && h->priv == PRIV_M) {
        unsigned mpp = (h->mstatus >> 11) & 3;
        *virt = mpp != PRIV_M && (h->mstatus & MSTATUS_MPV);
        return mpp;
    }
    *virt = h->virt;
    return h->priv;
}

void hart_update_mem_mode(struct hart *h)
{
    bool virt;
    unsigned priv = data_priv(h, &virt);
    h->mem_direct = direct_access_ok(h, priv, virt);
    h->xlate_req = hart_mmu_req(h, priv, virt);
    mmu_fast_context(h->mmu, &h->xlate_req);
}

void hart_priv_changed(struct hart *h)
{
    hart_flush_fetch(h); /* the fetch page was translated for the old mode */
    h->irq_check = true;         /* which interrupts are enabled depends on the mode */
    hart_update_mem_mode(h);
}

/* the fetch buffer's generation (PMP writes move it too: mmu_pmp_changed) */
static inline uint64_t generation(const struct hart *h) { return *h->mmu_gen; }

/* The fetch buffer holds the translation of pc's page. */
static inline bool fetch_buffer_holds(const struct hart *h, uint64_t pc)
{
    return (pc & ~0xfffull) == h->fetch_vpage && h->fetch_gen == generation(h);
}

/* ---- traps ---- */

/* Causes whose xtval is a virtual address (of the access, or the pc):
 * with V = 1 a guest virtual address, which GVA reports. */
#define CAUSES_WITH_VA ((1ull << EXC_INSN_MISALIGNED) | (1ull << EXC_INSN_ACCESS) | (1ull << EXC_BREAKPOINT) | \
                        (1ull << EXC_LOAD_MISALIGNED) | (1ull << EXC_LOAD_ACCESS) |                         \
                        (1ull << EXC_STORE_MISALIGNED) | (1ull << EXC_STORE_ACCESS) | (1ull << EXC_INSN_PAGE) | \
                        (1ull << EXC_LOAD_PAGE) | (1ull << EXC_STORE_PAGE) | (1ull << EXC_INSN_GUEST_PAGE) |  \
                        (1ull << EXC_LOAD_GUEST_PAGE) | (1ull << EXC_STORE_GUEST_PAGE))

void hart_raise(struct hart *h, uint64_t cause, uint64_t tval)
{
    h->trap_pending = true;
    h->exc_cause = cause;
    h->exc_tval = tval;
    h->exc_tval2 = h->exc_tinst = 0;
    h->exc_gva = h->virt && ((CAUSES_WITH_VA >> (cause & 63)) & 1);
}

void hart_virtual_insn(struct hart *h, const struct insn *d) { hart_raise(h, EXC_VIRTUAL_INSN, d->raw); }

void hart_illegal(struct hart *h, const struct insn *d)
{
    /* mtval = the faulting instruction's bits (privileged spec, "Machine Trap
     * Value Register": for illegal-instruction traps, the instruction) */
    hart_raise(h, EXC_ILLEGAL, d->raw);
}

void exec_illegal(struct hart *h, const struct insn *d) { hart_illegal(h, d); }

/* xSTATUS after a trap into the mode with enable bit ie (SIE or MIE),
 * previous-enable pie and previous-privilege field pp_shift/pp_mask: xPIE
 * takes xIE, xIE clears, xPP takes the mode trapped from. */
static uint64_t status_on_trap(uint64_t s, uint64_t ie, uint64_t pie, uint64_t pp_mask, uint64_t pp)
{
    s = (s & ~pie) | ((s & ie) ? pie : 0);
    s &= ~ie;
    return (s & ~pp_mask) | pp;
}

/* Enter the trap handler for cause (bit 63 set for interrupts).  Traps go to
 * M-mode unless delegated by medeleg/mideleg to HS (or S), and from V = 1
 * further by hedeleg/hideleg to VS; a trap never moves to a less-privileged
 * mode (privileged spec, "Machine Trap Delegation Registers"; H chapter,
 * "Trap Entry"). */
void hart_trap(struct hart *h, uint64_t cause, uint64_t tval)
{
    bool irq = cause >> 63;
    uint64_t code = cause & 63;
    uint64_t deleg = irq ? h->mideleg : h->medeleg;
    bool virt = h->virt, gva = !irq && h->exc_gva;
    uint64_t tval2 = irq ? 0 : h->exc_tval2, tinst = irq ? 0 : h->exc_tinst;
    if (__builtin_expect(h->watch != NULL, 0))
        h->watch->trap(h->watch->ctx, h, cause, tval);
    if (h->priv <= PRIV_S && ((deleg >> code) & 1)) {
        uint64_t hdeleg = irq ? h->hideleg : h->hedeleg;
        if (virt && ((hdeleg >> code) & 1)) {
            /* to VS-mode: the vs* registers; VS-level interrupts are seen
             * with the S-level numbers (VSSI 2 as SSI 1, ...) */
            h->vscause = irq ? (1ull << 63) | (code - 1) : cause;
            h->vsepc = h->pc;
            h->vstval = tval;
            h->vsstatus = status_on_trap(h->vsstatus, MSTATUS_SIE, MSTATUS_SPIE, MSTATUS_SPP,
                                         h->priv == PRIV_S ? MSTATUS_SPP : 0);
            h->priv = PRIV_S;
            uint64_t base = h->vstvec & ~3ull;
            h->pc = (irq && (h->vstvec & 3) == 1) ? base + 4 * (code - 1) : base;
        } else {
            h->scause = cause;
            h->sepc = h->pc;
            h->stval = tval;
            if (hart_has(h, ISA_H)) {
                h->htval = tval2;
                h->htinst = tinst;
                uint64_t hs = h->hstatus & ~(HSTATUS_SPV | HSTATUS_GVA);
                if (virt) /* SPVP: the nominal privilege, only when trapping from V = 1 */
                    hs = (hs & ~HSTATUS_SPVP) | HSTATUS_SPV | (h->priv == PRIV_S ? HSTATUS_SPVP : 0);
                h->hstatus = hs | (gva ? HSTATUS_GVA : 0);
            }
            h->mstatus = status_on_trap(h->mstatus, MSTATUS_SIE, MSTATUS_SPIE, MSTATUS_SPP,
                                        h->priv == PRIV_S ? MSTATUS_SPP : 0);
            h->priv = PRIV_S;
            h->virt = false;
            uint64_t base = h->stvec & ~3ull;
            h->pc = (irq && (h->stvec & 3) == 1) ? base + 4 * code : base;
        }
    } else {
        h->mcause = cause;
        h->mepc = h->pc;
        h->mtval = tval;
        uint64_t s = status_on_trap(h->mstatus, MSTATUS_MIE, MSTATUS_MPIE, MSTATUS_MPP, (uint64_t)h->priv << 11);
        if (hart_has(h, ISA_H)) {
            h->mtval2 = tval2;
            h->mtinst = tinst;
            s = (s & ~(MSTATUS_MPV | MSTATUS_GVA)) | (virt ? MSTATUS_MPV : 0) | (gva ? MSTATUS_GVA : 0);
        }
        h->mstatus = s;
        h->priv = PRIV_M;
        h->virt = false;
        uint64_t base = h->mtvec & ~3ull;
        h->pc = (irq && (h->mtvec & 3) == 1) ? base + 4 * code : base;
    }
    if (irq) h->n_interrupts++;
    else h->n_exceptions++;
    hart_priv_changed(h);
}

uint64_t hart_mip(const struct hart *h)
{
    uint64_t mip = h->mip | h->mip_ext;
    /* Sstc: with menvcfg.STCE, STIP reflects stimecmp and is not writable
     * (Sstc spec, "Supervisor Timer Register (stimecmp)") */
    if (h->menvcfg >> 63) {
        mip &= ~(1ull << IRQ_STI);
        if (h->mtime && *h->mtime >= h->stimecmp) mip |= 1ull << IRQ_STI;
    }
    /* H: the VS-level bits are hvip's, VSTIP also from vstimecmp with
     * henvcfg.STCE (guest time: mtime + htimedelta) */
    mip |= h->hvip & MIP_VS_BITS;
    if ((h->henvcfg >> 63) && h->mtime && *h->mtime + h->htimedelta >= h->vstimecmp) mip |= 1ull << IRQ_VSTI;
    return mip;
}

/* Priority among simultaneous interrupts: MEI, MSI, MTI, SEI, SSI, STI,
 * then the H extension's SGEI, VSEI, VSSI, VSTI (privileged spec, "Machine
 * Interrupt Registers"; H chapter, "Trap Cause Codes"). */
static const uint8_t irq_order[] = {IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI,
                                    IRQ_SGEI, IRQ_VSEI, IRQ_VSSI, IRQ_VSTI};

bool hart_check_interrupts(struct hart *h)
{
    uint64_t pending = hart_mip(h) & h->mie;
    if (!pending) return false;
    h->wfi = false; /* wfi wakes on any pending enabled-in-mie interrupt */
    /* M-level: below M, or with MIE; HS-level (delegated, not to VS): from
     * V = 1 always, from U, and in HS with SIE; VS-level (hideleg): only
     * with V = 1, in VU or with vsstatus.SIE */
    bool m_on = h->priv < PRIV_M || (h->mstatus & MSTATUS_MIE);
    bool s_on = h->virt || h->priv < PRIV_S || (h->priv == PRIV_S && (h->mstatus & MSTATUS_SIE));
    bool vs_on = h->virt && (h->priv == PRIV_U || (h->vsstatus & MSTATUS_SIE));
    uint64_t m_set = m_on ? pending & ~h->mideleg : 0;
    uint64_t s_set = s_on ? pending & h->mideleg & ~h->hideleg : 0;
    uint64_t vs_set = vs_on ? pending & h->mideleg & h->hideleg : 0;
    uint64_t take = m_set ? m_set : s_set ? s_set : vs_set;
    if (!take) return false;
    for (unsigned i = 0; i < sizeof irq_order; i++) {
        if ((take >> irq_order[i]) & 1) {
            hart_trap(h, (1ull << 63) | irq_order[i], 0);
            return true;
        }
    }
    return false;
}

/* ---- translation ---- */

static const uint8_t page_fault_cause[3] = {EXC_INSN_PAGE, EXC_LOAD_PAGE, EXC_STORE_PAGE};
static const uint8_t access_fault_cause[3] = {EXC_INSN_ACCESS, EXC_LOAD_ACCESS, EXC_STORE_ACCESS};
static const uint8_t guest_page_fault_cause[3] = {EXC_INSN_GUEST_PAGE, EXC_LOAD_GUEST_PAGE, EXC_STORE_GUEST_PAGE};

/* A guest-page fault reports the guest physical address >> 2 in htval or
 * mtval2 and, for an implicit access of the VS-stage walk, htinst's
 * pseudoinstruction: 0x3000 for a read of a 64-bit PTE, 0x3020 for the
 * write of its A/D update (H chapter, "Transformed Instruction or
 * Pseudoinstruction for mtinst or htinst"); an explicit access's htinst is
 * 0, which the specification allows. */
void hart_raise_xlate(struct hart *h, enum mmu_result res, enum mmu_access acc, uint64_t va,
                      const struct mmu_xlate *x)
{
    if (res == MMU_GUEST_PAGE_FAULT) {
        hart_raise(h, guest_page_fault_cause[acc], va);
        h->exc_tval2 = x->gpa >> 2;
        h->exc_tinst = x->g_implicit == 1 ? 0x3000 : x->g_implicit == 2 ? 0x3020 : 0;
        return;
    }
    hart_raise(h, res == MMU_PAGE_FAULT ? page_fault_cause[acc] : access_fault_cause[acc], va);
}

static inline unsigned effective_priv(const struct hart *h, enum mmu_access acc, bool *virt)
{
    /* MPRV: loads and stores (not fetches) use MPP's privilege
     * (privileged spec, "Memory Privilege in mstatus Register") */
    if (acc != MMU_FETCH) return data_priv(h, virt);
    *virt = h->virt;
    return h->priv;
}

/* Translate an access of size bytes at va (not crossing a page); PMP is
 * checked on the whole physical range.  On failure raise the fault (tval =
 * va) and return false. */
static inline __attribute__((always_inline)) bool xlate(struct hart *h, uint64_t va, unsigned size,
                                                       enum mmu_access acc, struct mmu_xlate *out)
{
    bool virt;
    unsigned priv = effective_priv(h, acc, &virt);
    if (direct_access_ok(h, priv, virt) && ((va & 7) + size) <= 8) {
        out->pa = va;
        out->host = phys_ram_ptr(h->pm, va, size);
        return true;
    }
    /* loads and stores use the request kept by hart_update_mem_mode */
    struct mmu_req fetch_req;
    const struct mmu_req *r = &h->xlate_req;
    if (acc == MMU_FETCH) {
        fetch_req = hart_mmu_req(h, priv, virt);
        r = &fetch_req;
    }
    enum mmu_result res = mmu_translate_n(h->mmu, va, size, acc, r, out);
    if (likely(res == MMU_OK)) return true;
    hart_raise_xlate(h, res, acc, va, out);
    return false;
}

/* The access itself, once translated to x. */
static bool access_at(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *val,
                      const struct mmu_xlate *x)
{
    if (x->host) {
        hart_host_access(x->host, size, acc, val);
        return true;
    }
    bool ok = acc == MMU_STORE ? (h->pm->io_store && h->pm->io_store(h->pm->io_ctx, x->pa, size, *val))
                               : (h->pm->io_load && h->pm->io_load(h->pm->io_ctx, x->pa, size, val));
    if (!ok) hart_raise(h, access_fault_cause[acc], va);
    return ok;
}

static bool access_one(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *val)
{
    struct mmu_xlate x;
    if (!xlate(h, va, size, acc, &x)) return false;
    return access_at(h, va, size, acc, val, &x);
}

bool hart_access_general(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *val)
{
    struct mmu_xlate x;
    enum mmu_result res = mmu_translate_n(h->mmu, va, size, acc, &h->xlate_req, &x);
    if (res != MMU_OK) {
        hart_raise_xlate(h, res, acc, va, &x);
        return false;
    }
    return access_at(h, va, size, acc, val, &x);
}

/* A misaligned access, performed (default, as QEMU does) byte by byte.  For
 * a store every byte is translated first, so a fault leaves memory
 * unchanged.  Device memory is not accessed misaligned: access fault. */
static bool access_misaligned(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *val)
{
    if (h->cfg.misaligned_trap) {
        hart_raise(h, acc == MMU_STORE ? EXC_STORE_MISALIGNED : EXC_LOAD_MISALIGNED, va);
        return false;
    }
    uint8_t *hp[8];
    for (unsigned i = 0; i < size; i++) {
        struct mmu_xlate x;
        if (!xlate(h, va + i, 1, acc, &x)) {
            h->exc_tval = va; /* report the access's own address */
            return false;
        }
        hp[i] = x.host;
        if (!hp[i]) {
            hart_raise(h, access_fault_cause[acc], va);
            return false;
        }
    }
    hart_bytes_access(hp, size, acc, val);
    return true;
}

void hart_bytes_access(uint8_t *const *hp, unsigned size, enum mmu_access acc, uint64_t *val)
{
    if (acc == MMU_STORE) {
        for (unsigned i = 0; i < size; i++) *hp[i] = (uint8_t)(*val >> (8 * i));
    } else {
        uint64_t v = 0;
        for (unsigned i = 0; i < size; i++) v |= (uint64_t)*hp[i] << (8 * i);
        *val = v;
    }
}

bool hart_load_slow(struct hart *h, uint64_t va, unsigned size, uint64_t *val)
{
    if (unlikely(va & (size - 1))) return access_misaligned(h, va, size, MMU_LOAD, val);
    bool data_path;
    if (likely(!h->mem_direct)) return hart_access_rest(h, va, size, MMU_LOAD, MMU_DATA_AGAIN, val, &data_path);
    return access_one(h, va, size, MMU_LOAD, val);
}

bool hart_store_slow(struct hart *h, uint64_t va, unsigned size, uint64_t val)
{
    if (unlikely(va & (size - 1))) return access_misaligned(h, va, size, MMU_STORE, &val);
    bool data_path;
    if (likely(!h->mem_direct)) return hart_access_rest(h, va, size, MMU_STORE, MMU_DATA_AGAIN, &val, &data_path);
    return access_one(h, va, size, MMU_STORE, &val);
}

bool hart_amo_translate(struct hart *h, uint64_t va, unsigned size, bool is_lr, uint64_t *pa)
{
    /* AMOs and LR/SC need natural alignment: misaligned raises a
     * store/AMO (or load, for LR) address-misaligned exception */
    enum mmu_access acc = is_lr ? MMU_LOAD : MMU_STORE;
    if (va & (size - 1)) {
        hart_raise(h, is_lr ? EXC_LOAD_MISALIGNED : EXC_STORE_MISALIGNED, va);
        return false;
    }
    struct mmu_xlate x;
    if (!xlate(h, va, size, acc, &x)) return false;
    /* AMOs are only supported on RAM: device memory gives an access fault */
    if (!x.host) {
        hart_raise(h, is_lr ? EXC_LOAD_ACCESS : EXC_STORE_ACCESS, va);
        return false;
    }
    *pa = x.pa;
    return true;
}

/* ---- fetch ---- */

/* PMP allows the whole range [pa, pa+size) for this kind of access. */
static inline bool pmp_ok(struct hart *h, uint64_t pa, unsigned size, enum mmu_access acc)
{
    bool virt;
    return pmp_check(&h->pmp, pa, size, (int)acc, (int)effective_priv(h, acc, &virt));
}

/* Fill the fetch-page cache for the page holding va.  Returns false after
 * raising the fault. */
static bool fetch_page(struct hart *h, uint64_t va)
{
    uint64_t ppage;
    /* the common case under translation, an L1I hit: the MMU's fetch path
     * (the same effects as xlate's, and it checks PMP on the whole page;
     * NULL in M-mode and for anything else) */
    uint8_t *host;
    if (h->virt) {
        const struct mmu_req r = hart_mmu_req(h, h->priv, true);
        host = mmu_fetch_page_virt(h->mmu, va, &r, &ppage);
    } else {
        host = mmu_fetch_page(h->mmu, va, h->satp, h->priv, &ppage);
    }
    if (!host) {
        struct mmu_xlate x;
        if (!xlate(h, va, 2, MMU_FETCH, &x)) return false;
        ppage = x.pa & ~0xfffull;
        /* cache the host pointer only when the whole page is RAM and PMP
         * allows all of it; otherwise each fetch goes through the slow path */
        if (x.host && pmp_ok(h, ppage, 4096, MMU_FETCH)) host = phys_ram_ptr(h->pm, ppage, 4096);
    }
    h->fetch_vpage = host ? va & ~0xfffull : UINT64_MAX;
    h->fetch_ppage = ppage;
    h->fetch_gen = generation(h); /* after the fill this translation made */
    h->fetch_host = host;
    return true;
}

static bool fetch16(struct hart *h, uint64_t va, uint64_t *pa, uint16_t *half)
{
    uint64_t vpage = va & ~0xfffull;
    if (!fetch_buffer_holds(h, vpage)) {
        if (!fetch_page(h, va)) return false;
        if (!h->fetch_host) {
            /* not cacheable: translate and read this halfword directly */
            struct mmu_xlate x;
            uint64_t v;
            if (!xlate(h, va, 2, MMU_FETCH, &x)) return false;
            if (!phys_load(h->pm, x.pa, 2, &v)) {
                hart_raise(h, EXC_INSN_ACCESS, va);
                return false;
            }
            *pa = x.pa;
            *half = (uint16_t)v;
            return true;
        }
    }
    uint64_t off = va & 0xfff;
    *pa = h->fetch_ppage | off;
    memcpy(half, h->fetch_host + off, 2);
    return true;
}

/* Fetch the instruction at pc.  An instruction that straddles a page is
 * fetched in two halves; a fault on the second half reports its address
 * (privileged spec: xtval is the faulting portion's virtual address). */
static inline bool fetch(struct hart *h, uint32_t *raw, uint64_t *pa)
{
    uint64_t pc = h->pc;
    uint64_t off = pc & 0xfff;
    if (likely(fetch_buffer_holds(h, pc) && off <= 0xffc)) {
        memcpy(raw, h->fetch_host + off, 4);
        *pa = h->fetch_ppage | off;
        return true;
    }
    uint16_t lo, hi;
    if (!fetch16(h, pc, pa, &lo)) return false;
    if ((lo & 3) != 3) {
        *raw = lo;
        return true;
    }
    uint64_t pa2;
    if (!fetch16(h, pc + 2, &pa2, &hi)) return false;
    *raw = lo | ((uint32_t)hi << 16);
    return true;
}

/* ---- the loop ---- */

static inline void take_pending_trap(struct hart *h)
{
    h->trap_pending = false;
    hart_trap(h, h->exc_cause, h->exc_tval);
}

/* The marker after the last instruction of a block (HART_NEXT). */
static void block_end(struct hart *h, const struct insn *d)
{
    (void)h;
    (void)d;
}

static const struct insn block_end_marker = {.fn = block_end};

/* One instruction, fetched and decoded on its own: for --trace and a step
 * hook (--log-commits), and for what blocks do not cover (fetch from
 * non-RAM, an instruction that crosses a page). */
static void step(struct hart *h)
{
    uint32_t raw;
    uint64_t pa;
    if (unlikely(!fetch(h, &raw, &pa))) {
        take_pending_trap(h);
        return;
    }
    struct insn one[2]; /* the instruction and the end marker */
    struct insn *d = &one[0];
    insn_decode_ext(raw, h->ext, d);
    one[1] = block_end_marker;
    h->code_epoch++; /* it may write memory */
    d->pcoff = (uint16_t)(h->pc & 0xfff);
    if (h->trace) {
        char dis[96];
        insn_disasm(raw, h->pc, dis, sizeof dis);
        fprintf(h->trace, "core %3u: %c 0x%016" PRIx64 " (0x%0*" PRIx32 ") %s\n", h->hartid, "USHM"[h->priv & 3],
                h->pc, d->len == 2 ? 4 : 8, d->raw, dis);
    }
    if (unlikely(h->trig.armed) && trigger_before(h, d)) return; /* Sdtrig: it trapped or halted */
    const struct hart_step_hook *hook = h->step_hook;
    if (unlikely(hook != NULL)) hook->before(hook->ctx, h, d);
    h->next_pc = h->pc + d->len;
    h->cur = d;
    d->fn(h, d);
    h->x[0] = 0;
    if (unlikely(h->trap_pending)) {
        if (unlikely(hook != NULL)) hook->after(hook->ctx, h, d, false);
        take_pending_trap(h);
        return;
    }
    h->pc = h->next_pc;
    h->instret++;
    if (unlikely(hook != NULL)) hook->after(hook->ctx, h, d, true);
    if (unlikely(h->trig.armed)) trigger_after(h, d); /* Sdtrig: load data, timing after */
}

/* The block's code bytes are still those at p.  Usually whole words that
 * stay inside the page (reading past the block's end is harmless there,
 * the mask drops those bytes); near the page's end, exactly its bytes. */
static inline bool block_code_same(const struct block *b, const uint8_t *p)
{
    uint64_t x;
    if (likely(b->words)) {
        unsigned last = b->words - 1u;
        for (unsigned i = 0; i < last; i++) {
            memcpy(&x, p + 8 * i, 8);
            if (x != b->code[i]) return false;
        }
        memcpy(&x, p + 8 * last, 8);
        return ((x ^ b->code[last]) & b->last_mask) == 0;
    }
    return memcmp(p, b->code, b->bytes) == 0;
}

/* Decode the block starting at page offset off of the fetch page (host
 * bytes p) for a hart with extensions ext.  Returns false when not even the first instruction fits in the
 * page (it crosses into the next one). */
static __attribute__((noinline)) bool block_build(struct block *b, uint64_t pa, const uint8_t *p, unsigned off,
                                                  uint64_t ext)
{
    unsigned n = 0, pos = 0, room = 4096 - off;
    bool writes = false;
    while (n < BLOCK_MAX && pos + 2 <= room) {
        uint16_t lo;
        memcpy(&lo, p + pos, 2);
        unsigned len = (lo & 3) == 3 ? 4 : 2;
        if (pos + len > room) break;
        uint32_t raw = lo;
        if (len == 4) memcpy(&raw, p + pos, 4);
        struct insn *d = &b->insn[n++];
        bool illegal = insn_decode_ext(raw, ext, d) < 0;
        writes |= insn_writes_memory(raw);
        d->pcoff = (uint16_t)(off + pos);
        pos += len;
        if (illegal || insn_ends_block(raw)) break;
    }
    if (n == 0) {
        b->tag = 0;
        return false;
    }
    b->insn[n] = block_end_marker;
    b->tag = ~pa;
    b->n = (uint16_t)n;
    b->bytes = (uint16_t)pos;
    b->end = (uint16_t)(off + pos);
    memset(b->code, 0, sizeof b->code);
    memcpy(b->code, p, pos);
    unsigned words = (pos + 7) / 8;
    b->words = off + 8 * words <= 4096 ? (uint8_t)words : 0;
    b->last_mask = pos % 8 ? (1ull << (8 * (pos % 8))) - 1 : ~0ull;
    b->writes = writes;
    return true;
}

/* The block for the pc, building it if needed; NULL when the pc is to be
 * stepped on its own (or a fetch fault was raised: trap_pending). */
static inline struct block *block_at_pc(struct hart *h)
{
    uint64_t pc = h->pc;
    if (unlikely(!fetch_buffer_holds(h, pc))) {
        if (!fetch_page(h, pc) || !h->fetch_host) return NULL;
    }
    unsigned off = pc & 0xfff;
    uint64_t pa = h->fetch_ppage | off;
    const uint8_t *p = h->fetch_host + off;
    struct block *b = &h->blocks[(pa >> 1) & ((1u << BLOCK_BITS) - 1)];
    bool same = b->tag == ~pa && (b->epoch == h->code_epoch || block_code_same(b, p));
    if (unlikely(!same) && !block_build(b, pa, p, off, h->ext)) return NULL;
    b->epoch = h->code_epoch;
    h->code_epoch += b->writes; /* its stores may change code: check again after */
    return b;
}

/* Leave the block early: its instruction h->cur (of the cnt starting at
 * first) raised a trap or asked for an interrupt check.  Returns the steps
 * taken. */
static __attribute__((noinline)) unsigned block_leave(struct hart *h, const struct insn *first, unsigned cnt)
{
    const struct insn *d = h->cur;
    unsigned i = (unsigned)(d - first);
    if (unlikely(i >= cnt)) {
        /* the chain reached the end marker: every instruction ran (cannot
         * happen while blocks start with block_exit clear; see hart_run) */
        h->instret = h->instret - (cnt - 1) + cnt;
        h->pc = h->next_pc;
        return cnt;
    }
    uint64_t vpage = h->pc & ~0xfffull;
    uint64_t instret = h->instret - (cnt - 1); /* see block_run */
    if (h->trap_pending) {
        h->pc = vpage | d->pcoff;
        h->instret = instret + i;
        take_pending_trap(h);
        return i + 1;
    }
    /* irq_check (e.g. a store to the CLINT): look at interrupts before the
     * next instruction, as hardware would */
    h->instret = instret + i + 1;
    h->pc = i + 1 == cnt ? h->next_pc : vpage | d[1].pcoff;
    return i + 1;
}

/* Run the first cnt instructions of block b (the pc is at its start).
 * Returns the steps taken: cnt, or fewer when an instruction trapped (that
 * step counts) or asked for an interrupt check (irq_check). */
static inline unsigned block_run(struct hart *h, const struct block *b, unsigned cnt)
{
    const struct insn *first = b->insn;
    if (unlikely(cnt < b->n)) {
        /* the budget ends inside the block: run a copy of its head */
        memcpy(h->cut, b->insn, cnt * sizeof *h->cut);
        h->cut[cnt] = block_end_marker;
        first = h->cut;
    }
    /* only the last instruction of a block may jump or read instret (CSR
     * instructions end blocks), so both are set up once, for it; a
     * shortened run ends at the next instruction.  h->pc stays at the
     * block's start (see hart_pc) until the block is left. */
    h->next_pc = (h->pc & ~0xfffull) + (cnt == b->n ? b->end : b->insn[cnt].pcoff);
    h->instret += cnt - 1;
    h->cur = first;
    first->fn(h, first); /* runs the whole chain (HART_NEXT) */
    h->x[0] = 0;
    if (unlikely(h->block_exit)) return block_leave(h, first, cnt);
    h->instret++;
    h->pc = h->next_pc;
    return cnt;
}

/* The registers of a spin-wait check: the integer and FP files. */
struct spin_snapshot {
    uint64_t x[32], f[32];
};

/* A loop that is one block (its last instruction has just jumped back to
 * its start, h->pc) runs again without looking the block up: its page's
 * translation is checked again all the same, and so are its code bytes when
 * it stores (stores: a memset, a copy); without stores nothing it does can
 * change its code.  block_run for a whole block, with what does not change
 * from one turn to the next worked out once.  Returns the budget left.
 *
 * A spin-wait (a loop without stores) ends the hart's turn: when one turn of the loop leaves every
 * register as it found it (checked once every 64 turns), the loop writes
 * nothing, so it will go on doing exactly the same until another hart, a
 * device, an interrupt or time changes something, and none of those
 * happens during this hart's turn.  The rest of the budget is given up
 * (returns 0), as a hart stalled on a pause would, so that idle harts
 * (xv6's waiting for `started`, a lock holder's peers) leave the host to
 * the harts that work; guest time still advances by the whole quantum. */
static inline __attribute__((always_inline)) uint64_t block_loop(struct hart *h, const struct block *b,
                                                                 uint64_t left, bool stores)
{
    /* h->pc stays the block's start while it loops, and is read again
     * rather than kept: fewer values live across the call, no spills */
    const uint64_t end = (h->pc & ~0xfffull) + b->end;
    const uint64_t n = b->n;
    /* a loop that spun at the end of the last turn is looked at after one
     * turn, not 64: idle harts then cost next to nothing per round */
    unsigned turns = !stores && h->pc == h->spin_pc ? 63 : 0;
    struct spin_snapshot snap;
    while (left >= n && !h->irq_check && fetch_buffer_holds(h, h->pc)) {
        if (stores) {
            /* its stores may have rewritten it (the epoch they moved
             * would make block_at_pc compare the same bytes) */
            if (!block_code_same(b, h->fetch_host + (h->pc & 0xfff))) break;
        } else if (unlikely((++turns & 63) == 0)) {
            memcpy(snap.x, h->x, sizeof snap.x);
            memcpy(snap.f, h->f, sizeof snap.f);
        } else if (unlikely((turns & 63) == 1 && turns > 1) && memcmp(snap.x, h->x, sizeof snap.x) == 0 &&
                   memcmp(snap.f, h->f, sizeof snap.f) == 0) {
            h->spin_pc = h->pc;
            return 0; /* a spin-wait: give up the turn */
        }
        h->next_pc = end;
        h->instret += n - 1; /* see block_run */
        h->cur = b->insn;
        b->insn[0].fn(h, b->insn);
        h->x[0] = 0;
        if (unlikely(h->block_exit)) return left - block_leave(h, b->insn, (unsigned)n);
        h->instret++;
        left -= n;
        if (h->next_pc != h->pc) {
            h->pc = h->next_pc;
            break;
        }
    }
    return left;
}

/* Interrupts are looked at only when something that affects them changed
 * (irq_check is set by CSR writes, xRET, traps and the platform's lines).
 * The budget counts steps, traps included, so a hart that traps forever
 * still returns to the scheduler (and its limits), and --max-insns stops
 * exactly: a block is cut short when the budget ends inside it. */
uint64_t hart_run(struct hart *h, uint64_t n)
{
    uint64_t start = h->instret;
    h->code_epoch++; /* other harts and devices may have written code */
    if (h->wfi) {
        if (!h->irq_check) return 0;
        h->irq_check = false;
        hart_check_interrupts(h);
        if (h->wfi) return 0;
    }
    /* --trace, a step hook and armed triggers see every instruction: no blocks then */
    bool one_by_one = h->trace != NULL || h->step_hook != NULL || h->trig.armed;
    for (uint64_t left = n; left;) {
        /* Taking an interrupt sets irq_check again (hart_priv_changed), so
         * look again until no trap is taken: a block must start with
         * block_exit clear, which HART_NEXT_PURE relies on.  (A block that
         * began with irq_check set and whose head of pure instructions ran
         * into its end marker was counted one step too long and resumed
         * past the marker: after an interrupt in the last step of a turn,
         * xv6 jumped to a wrong pc and the budget wrapped around.) */
        while (unlikely(h->irq_check)) {
            h->irq_check = false;
            hart_check_interrupts(h);
            one_by_one |= h->trig.armed; /* a trigger armed by a CSR write (it sets irq_check) */
        }
        if (h->wfi) break;
        struct block *b = unlikely(one_by_one) ? NULL : block_at_pc(h);
        if (unlikely(!b)) {
            if (h->trap_pending) take_pending_trap(h); /* fetch fault */
            else step(h);
            left--;
            if (unlikely(h->trig.halted)) break; /* a debugger's trigger fired: wait for it */
            continue;
        }
        uint64_t pc = h->pc;
        left -= block_run(h, b, b->n < left ? b->n : (unsigned)left);
        if (h->pc == pc)
            left = b->writes ? block_loop(h, b, left, true) : block_loop(h, b, left, false);
    }
    return h->instret - start;
}

void hart_dump(const struct hart *h, FILE *f)
{
    fprintf(f, "hart %u: pc %016" PRIx64 " priv %c\n", h->hartid, h->pc, "USHM"[h->priv & 3]);
    for (int i = 0; i < 32; i += 4)
        fprintf(f, "  %-4s %016" PRIx64 "  %-4s %016" PRIx64 "  %-4s %016" PRIx64 "  %-4s %016" PRIx64 "\n",
                reg_name(i), h->x[i], reg_name(i + 1), h->x[i + 1], reg_name(i + 2), h->x[i + 2],
                reg_name(i + 3), h->x[i + 3]);
    fprintf(f, "  mstatus %016" PRIx64 " mcause %016" PRIx64 " mepc %016" PRIx64 " mtval %016" PRIx64 "\n",
            h->mstatus, h->mcause, h->mepc, h->mtval);
}
