/* The H extension's two-stage address translation (privileged spec,
 * "Hypervisor Extension": "Two-Stage Address Translation", "Guest
 * Physical Address Translation", "Guest-Page Faults"): with V=1 a guest
 * virtual address goes through the VS-stage (vsatp) to a guest physical
 * address (GPA), and every GPA, those of the VS-stage's own page tables
 * included, through the G-stage (hgatp) to a supervisor physical address.
 *
 * What is cached (mmu_internal.h, enum tlb_kind): combined VS+G entries
 * (guest VA -> host PA) in the L1s and the L2, tagged with VMID and ASID;
 * G-stage entries (GPA -> host PA, the nested TLB) in the L2, tagged with
 * VMID; the non-leaf PTEs of both stages in the page-walk cache.  A V=0
 * lookup never finds any of them.  docs/MMU.md, "Two-stage translation". */
#include "mmu_fast.h"

/* Where a G-stage translation is made for (struct mmu_xlate.g_implicit):
 * the access's own GPA, an implicit read of a VS-stage PTE, an implicit
 * write of one (its A/D update). */
enum { G_OWN = 0, G_PTE_READ = 1, G_PTE_WRITE = 2 };

/* gflags (tlb_gflags) bits */
#define GF_R 1u
#define GF_W 2u
#define GF_X 4u
#define GF_D 8u

/* One two-stage translation under way. */
struct vwalk {
    struct mmu *m;
    const struct mmu_req *r;
    enum mmu_access acc;    /* the original access */
    unsigned glevels;       /* hgatp's LEVELS (Sv39x4 3, Sv48x4 4, Sv57x4 5), 0 Bare */
    uint64_t groot;         /* the G-stage root table (16 KiB) */
    uint16_t vmid, asid;
    unsigned reads;         /* PTE reads of both stages so far */
    uint64_t gpa;           /* a guest-page fault: the GPA refused */
    uint8_t implicit;       /* and for what (G_OWN, G_PTE_READ, G_PTE_WRITE) */
};

/* The result of a G-stage translation. */
struct gxlate {
    uint64_t pa;
    unsigned size;          /* enum mmu_page_size of the G leaf; MMU_NSIZES with hgatp Bare (any) */
    unsigned gflags;        /* the leaf's R, W, X, D (tlb_gflags) */
    unsigned pbmt;
};

/* hgatp's LEVELS, 0 for Bare (and the reserved modes, which hgatp's WARL
 * MODE field never holds). */
static unsigned hgatp_levels(uint64_t hgatp)
{
    switch (hgatp >> 60) {
    case HGATP_SV39X4: return 3;
    case HGATP_SV48X4: return 4;
    case HGATP_SV57X4: return 5;
    default: return 0;
    }
}

/* Count a failed translation and return its result. */
static enum mmu_result vfault(struct mmu *m, enum mmu_result res, enum mmu_access acc)
{
    if (res == MMU_PAGE_FAULT)
        MMU_COUNT(m->st.page_faults[acc]++);
    else if (res == MMU_GUEST_PAGE_FAULT)
        MMU_COUNT(m->st.guest_page_faults[acc]++);
    else
        MMU_COUNT(m->st.access_faults[acc]++);
    return res;
}

/* G-stage permission of a leaf with gflags for an access of kind gacc:
 * every G-stage access is a U-mode one (U is checked by the caller);
 * "Guest Physical Address Translation": loads may read execute-only pages
 * with the HS-level MXR (mstatus.MXR) alone; HLVX needs X and not R. */
static bool g_perm_ok(unsigned gflags, enum mmu_access gacc, bool lvx, bool g_mxr)
{
    switch (gacc) {
    case MMU_FETCH: return (gflags & GF_X) != 0;
    case MMU_LOAD: return lvx ? (gflags & GF_X) != 0 : (gflags & GF_R) || (g_mxr && (gflags & GF_X));
    default: return (gflags & GF_W) != 0;
    }
}

/* VS-stage permission of a leaf with PTE flags: steps 6 and 8 with the
 * request's privilege (VS = S, VU = U), vsstatus.SUM and MXR (r->mxr, the
 * caller's vsstatus.MXR | mstatus.MXR); HLVX needs X, MXR no part. */
static bool vs_perm_ok(unsigned flags, enum mmu_access acc, const struct mmu_req *r)
{
    if (!pte_u_ok(flags, acc, r))
        return false;
    if (acc == MMU_LOAD && r->lvx)
        return (flags & PTE_X) != 0;
    return pte_rwx_ok(flags, acc, r);
}

/* Count a PTE read of stage G (purpose: G_OWN or a VS PTE's address) or
 * of the VS-stage (vs true) at level i. */
static void count_read(struct vwalk *v, bool vs, int purpose, int i)
{
    struct mmu_stats *st = &v->m->st;
    v->reads++;
    MMU_COUNT(st->pte_reads++);
    if (vs)
        MMU_COUNT(st->vs_pte_reads[i]++);
    else if (purpose == G_OWN)
        MMU_COUNT(st->g_pte_reads_final[i]++);
    else
        MMU_COUNT(st->g_pte_reads_vs[i]++);
}

/* Step 9's update of the PTE *pte at pte_pa (PMP allowing the store
 * already checked): A, and D for a store, by compare-and-swap.  0 done
 * (*pte updated), 1 the PTE changed meanwhile (back to step 2), -1 not
 * RAM (an access fault). */
static int ad_update(struct mmu *m, uint64_t pte_pa, uint64_t *pte, bool store)
{
    uint64_t npte = *pte | PTE_A | (store ? PTE_D : 0);
    if (m->ad_hook)
        m->ad_hook(m->ad_ctx, pte_pa);
    bool done;
    uint64_t seen;
    if (!phys_cas64(m->pm, pte_pa, *pte, npte, &done, &seen))
        return -1;
    if (!done) {
        MMU_COUNT(m->st.ad_retries++);
        return 1;
    }
    MMU_COUNT(m->st.ad_updates++);
    *pte = npte;
    return 0;
}

/* The size class of a leaf PTE found at level i (Svnapot: 64 KiB). */
static unsigned leaf_size(uint64_t pte, int i)
{
    return (pte & PTE_N) ? MMU_PAGE_64K : (i == 0 ? MMU_PAGE_4K : (unsigned)i + 1);
}

/* Step 2's read of the PTE at supervisor physical address pte_pa, of the
 * VS-stage (vs) or the G-stage (for purpose) at level i, as S-mode for
 * PMP; false when PMA or PMP refuse it (an access fault). */
static bool read_pte(struct vwalk *v, uint64_t pte_pa, bool vs, int purpose, int i, uint64_t *pte)
{
    struct mmu *m = v->m;
    uint8_t *p = phys_ram_ptr(m->pm, pte_pa, 8);
    if (!p || !pte_read_allowed(m, pte_pa))
        return false;
    *pte = __atomic_load_n((const uint64_t *)(const void *)p, __ATOMIC_ACQUIRE);
    if (__builtin_expect(m->check != NULL, 0))
        mmu_check_walk_read(m->check, pte_pa);
    count_read(v, vs, purpose, i);
    return true;
}

/* A guest-page fault of the G-stage at gpa for purpose. */
static enum mmu_result g_refuse(struct vwalk *v, uint64_t gpa, int purpose)
{
    v->gpa = gpa;
    v->implicit = (uint8_t)purpose;
    return MMU_GUEST_PAGE_FAULT;
}

/* Put e, an entry of another kind than V=0's, with vx (TLB_VX) into TLB
 * which, counted as mmu.c's fill() counts one; the entry holding it (NULL
 * when that TLB is absent). */
static struct tlb_entry *vfill(struct mmu *m, int which, const struct tlb_entry *e, uint32_t vx)
{
    bool evicted;
    struct tlb_entry *slot = tlb_put_kind(&m->tlb[which], NULL, e, vx, &evicted);
    if (!slot)
        return NULL;
    MMU_COUNT(m->st.tlb[which].fills++);
    if (evicted)
        mmu_evicted(m, which);
    return slot;
}

/* Put c, a non-leaf PTE of a stage (kind VS or G), with vx into the PWC. */
static void pwc_fill(struct mmu *m, const struct tlb_entry *c, uint32_t vx)
{
    bool evicted;
    if (m->pwc.t.e && tlb_put_kind(&m->pwc.t, &m->pwc, c, vx, &evicted) && evicted)
        m->gen++;
}

/* The G-stage walk of gpa (privileged spec, "Guest Physical Address
 * Translation": the translation algorithm of "Virtual Address Translation
 * Process" with hgatp for satp, a 16 KiB root whose index has 2 more bits,
 * every access a U-mode one), for an access of kind gacc made for
 * purpose; gpa's width has been checked.  Fills the nested TLB (the L2)
 * and the PWC's G-stage entries. */
static enum mmu_result g_walk(struct vwalk *v, uint64_t gpa, enum mmu_access gacc, int purpose,
                              struct gxlate *gx)
{
    struct mmu *m = v->m;
    const struct mmu_req *r = v->r;
    bool lvx = purpose == G_OWN && r->lvx;
    MMU_COUNT(m->st.g_walks++);
    /* 1. a = hgatp.ppn x PAGESIZE, i = LEVELS - 1 */
    uint64_t a = v->groot;
    int i = (int)v->glevels - 1;
    if (m->pwc.t.e) {
        MMU_COUNT(m->st.pwc_lookups++);
        MMU_COUNT(m->st.pwc_lookups_g++);
        struct tlb_entry *c = pwc_lookup_kind(&m->pwc, gpa, TLB_KIND_G, v->vmid, 0, v->glevels);
        if (c) {
            MMU_COUNT(m->st.pwc_hits++);
            MMU_COUNT(m->st.pwc_hits_g++);
            a = c->ppn << 12;
            i = c->size - 1;
        }
    }
    uint64_t pte, pte_pa;
step2:
    /* 2. the PTE at a + vpn[i] x PTESIZE, the root's vpn being 11 bits
     *    wide (GPA bits LEVELS*9+13 .. LEVELS*9+3 for the top level) */
    pte_pa = a + ((gpa >> (12 + 9 * i)) & (i == (int)v->glevels - 1 ? 0x7ffu : 0x1ffu)) * 8;
    if (!read_pte(v, pte_pa, false, purpose, i, &pte))
        return MMU_ACCESS_FAULT;
    bool leaf = (pte & (PTE_R | PTE_X)) != 0;
    /* 3. V, W without R, reserved bits (Svpbmt per menvcfg.PBMTE) */
    if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) || pte_reserved(pte, leaf, i, r->g_no_pbmt))
        return g_refuse(v, gpa, purpose);
    /* 4. a pointer: next level */
    if (!leaf) {
        if (--i < 0)
            return g_refuse(v, gpa, purpose);
        a = pte_ppn(pte) << 12;
        if (m->pwc.t.e) {
            struct tlb_entry c = {
                .tag = gpa >> pwc_shift((unsigned)i + 1), .ppn = pte_ppn(pte), .flags = (uint8_t)pte,
                .size = (uint8_t)(i + 1), .levels = tlb_levels_kind(v->glevels, TLB_KIND_G),
            };
            pwc_fill(m, &c, TLB_VX(v->vmid, 0));
        }
        goto step2;
    }
    /* 5. misaligned superpage */
    if (i > 0 && (pte_ppn(pte) & ((1ULL << (9 * i)) - 1)))
        return g_refuse(v, gpa, purpose);
    /* 6. every G-stage access is a U-mode access: U must be 1 (the G bit
     *    is ignored: "the G bit ... is reserved ... ignored" for G-stage) */
    if (!(pte & PTE_U))
        return g_refuse(v, gpa, purpose);
    /* 8. R/W/X for the access the G-stage sees */
    if (!g_perm_ok(tlb_gflags(pte), gacc, lvx, r->g_mxr))
        return g_refuse(v, gpa, purpose);
    /* 9. A, and D for a write: hardware update (Svadu / --ad=hw) or fault */
    if (!(pte & PTE_A) || (gacc == MMU_STORE && !(pte & PTE_D))) {
        if (!r->g_hw_ad)
            return g_refuse(v, gpa, purpose);
        if (!mmu_pmp_allows(m, pte_pa, 8, MMU_STORE, PRIV_S))
            return MMU_ACCESS_FAULT;
        int ad = ad_update(m, pte_pa, &pte, gacc == MMU_STORE);
        if (ad < 0)
            return MMU_ACCESS_FAULT;
        if (ad > 0)
            goto step2;
    }
    /* 10. the leaf: into the nested TLB */
    unsigned s = leaf_size(pte, i);
    uint64_t ppn = pte_ppn(pte) & ~((1ULL << (mmu_size_shift[s] - 12)) - 1);
    struct tlb_entry e = {
        .tag = gpa >> mmu_size_shift[s], .ppn = ppn,
        .host = phys_ram_ptr(m->pm, ppn << 12, 1ULL << mmu_size_shift[s]),
        .flags = (uint8_t)pte, .size = (uint8_t)s, .levels = tlb_levels_kind(v->glevels, TLB_KIND_G),
        .valid = 1, .pbmt = (uint8_t)((pte >> PTE_PBMT_SHIFT) & 3),
    };
    vfill(m, MMU_TLB_L2, &e, TLB_VX(v->vmid, tlb_gflags(pte))); /* (a hit that needed D is overwritten) */
    *gx = (struct gxlate){ (ppn << 12) | (gpa & mmu_size_offset_mask[s]), s, tlb_gflags(pte), e.pbmt };
    return MMU_OK;
}

/* The G-stage translation of gpa for an access of kind gacc made for
 * purpose: hgatp Bare (gpa as is), a guest-page fault for a GPA wider than
 * the mode's (Sv39x4 41 bits, Sv48x4 50, Sv57x4 59), the nested TLB, or
 * a G-stage walk. */
static enum mmu_result g_translate(struct vwalk *v, uint64_t gpa, enum mmu_access gacc, int purpose,
                                   struct gxlate *gx)
{
    struct mmu *m = v->m;
    if (!v->glevels) {
        *gx = (struct gxlate){ gpa, MMU_NSIZES, GF_R | GF_W | GF_X | GF_D, 0 };
        return MMU_OK;
    }
    if (gpa >> (12 + 9 * v->glevels + 2))
        return g_refuse(v, gpa, purpose);
    struct tlb *l2 = &m->tlb[MMU_TLB_L2];
    if (l2->e) {
        MMU_COUNT(m->st.g_tlb_lookups++);
        struct tlb_entry *e = tlb_find_kind(l2, gpa, TLB_KIND_G, v->vmid, 0);
        if (e) {
            MMU_COUNT(m->st.g_tlb_hits++);
            tlb_touch(l2, e);
            unsigned gflags = tlb_vx_gflags(l2->vx[e - l2->e]);
            if (!g_perm_ok(gflags, gacc, purpose == G_OWN && v->r->lvx, v->r->g_mxr))
                return g_refuse(v, gpa, purpose);
            if (gacc != MMU_STORE || (gflags & GF_D)) {
                *gx = (struct gxlate){ (e->ppn << 12) | (gpa & mmu_size_offset_mask[e->size]), e->size, gflags,
                                       e->pbmt };
                return MMU_OK;
            }
            /* a write to a clean page: the walk sets D */
        } else {
            MMU_COUNT(m->st.g_tlb_misses++);
        }
    }
    return g_walk(v, gpa, gacc, purpose, gx);
}

/* The two-stage walk of va after a TLB miss: the VS-stage walk under
 * vsatp (r->satp, LEVELS vslevels; 0: Bare, GPA = va), each PTE read at
 * the G-stage translation of its GPA, then the G-stage translation of the
 * leaf's GPA for the access; *e the combined entry on success, *vx its
 * VMID and G-stage flags (TLB_VX). */
static enum mmu_result vs_walk(struct vwalk *v, uint64_t va, unsigned vslevels, struct tlb_entry *e,
                               uint32_t *vx)
{
    struct mmu *m = v->m;
    const struct mmu_req *r = v->r;
    enum mmu_access acc = v->acc;
    struct gxlate gx;
    enum mmu_result res;
    uint64_t pte = 0, gpa;
    unsigned vs_size = MMU_NSIZES;
    bool upper_global = false;

    if (!vslevels) {
        gpa = va; /* vsatp Bare: the guest physical address is va */
    } else {
        /* 1. a = vsatp.ppn x PAGESIZE: a guest physical address */
        uint64_t a = (r->satp & SATP_PPN_MASK) << 12, pte_gpa, pte_pa;
        int i = (int)vslevels - 1;
        if (m->pwc.t.e) {
            MMU_COUNT(m->st.pwc_lookups++);
            MMU_COUNT(m->st.pwc_lookups_vs++);
            struct tlb_entry *c = pwc_lookup_kind(&m->pwc, va, TLB_KIND_VS, v->vmid, v->asid, vslevels);
            if (c) {
                MMU_COUNT(m->st.pwc_hits++);
                MMU_COUNT(m->st.pwc_hits_vs++);
                a = c->ppn << 12;
                i = c->size - 1;
                upper_global = c->global;
            }
        }
    step2:
        /* 2. the PTE at a + vpn[i] x PTESIZE, a GPA: its G-stage
         *    translation is an implicit read (privileged spec, "Two-Stage
         *    Address Translation": checked as a load, reported as the
         *    original access), then PMP/PMA on the supervisor physical
         *    address as S-mode */
        pte_gpa = a + vpn(va, i) * 8;
        res = g_translate(v, pte_gpa, MMU_LOAD, G_PTE_READ, &gx);
        if (res != MMU_OK)
            return res;
        pte_pa = gx.pa;
        if (!read_pte(v, pte_pa, true, 0, i, &pte))
            return MMU_ACCESS_FAULT;
        bool leaf = (pte & (PTE_R | PTE_X)) != 0;
        /* 3. V, W without R, reserved bits (Svpbmt per henvcfg.PBMTE) */
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) || pte_reserved(pte, leaf, i, r->no_pbmt))
            return MMU_PAGE_FAULT;
        /* 4. a pointer: next level, cached in the PWC with its GPA */
        if (!leaf) {
            upper_global = upper_global || (pte & PTE_G);
            if (--i < 0)
                return MMU_PAGE_FAULT;
            a = pte_ppn(pte) << 12;
            if (m->pwc.t.e) {
                struct tlb_entry c = {
                    .tag = va >> pwc_shift((unsigned)i + 1), .ppn = pte_ppn(pte), .asid = v->asid,
                    .flags = (uint8_t)pte, .size = (uint8_t)(i + 1), .global = upper_global,
                    .levels = tlb_levels_kind(vslevels, TLB_KIND_VS),
                };
                pwc_fill(m, &c, TLB_VX(v->vmid, 0));
            }
            goto step2;
        }
        /* 5. misaligned superpage */
        if (i > 0 && (pte_ppn(pte) & ((1ULL << (9 * i)) - 1)))
            return MMU_PAGE_FAULT;
        /* 6, 8. U with SUM, R/W/X with MXR (or X for HLVX) */
        if (!vs_perm_ok((unsigned)pte, acc, r))
            return MMU_PAGE_FAULT;
        /* 9. A/D: henvcfg.ADUE (r->hw_ad) or a page fault; the update is
         *    an implicit write at the G-stage (W and D needed there) */
        if (!(pte & PTE_A) || (acc == MMU_STORE && !(pte & PTE_D))) {
            if (!r->hw_ad)
                return MMU_PAGE_FAULT;
            res = g_translate(v, pte_gpa, MMU_STORE, G_PTE_WRITE, &gx);
            if (res != MMU_OK)
                return res;
            if (!mmu_pmp_allows(m, gx.pa, 8, MMU_STORE, PRIV_S))
                return MMU_ACCESS_FAULT;
            int ad = ad_update(m, gx.pa, &pte, acc == MMU_STORE);
            if (ad < 0)
                return MMU_ACCESS_FAULT;
            if (ad > 0)
                goto step2;
        }
        /* 10. the guest physical address */
        vs_size = leaf_size(pte, i);
        gpa = ((pte_ppn(pte) << 12) & ~mmu_size_offset_mask[vs_size]) | (va & mmu_size_offset_mask[vs_size]);
        upper_global = upper_global || (pte & PTE_G);
    }

    /* The G-stage translation of the access's own GPA. */
    res = g_translate(v, gpa, acc, G_OWN, &gx);
    if (res != MMU_OK)
        return res;
    /* The combined entry: the smaller of the two pages (each size class
     * divides the next, so that page lies in one page of either stage). */
    unsigned s = vs_size < gx.size ? vs_size : gx.size;
    if (s == MMU_NSIZES) /* both Bare */
        s = MMU_PAGE_4K;
    uint64_t base = gx.pa & ~mmu_size_offset_mask[s];
    unsigned vs_pbmt = (unsigned)(pte >> PTE_PBMT_SHIFT) & 3;
    *e = (struct tlb_entry){
        .tag = va >> mmu_size_shift[s], .ppn = base >> 12,
        .host = phys_ram_ptr(m->pm, base, 1ULL << mmu_size_shift[s]),
        .asid = vslevels ? v->asid : 0, .flags = (uint8_t)pte, .size = (uint8_t)s,
        .levels = tlb_levels_kind(vslevels, vslevels ? TLB_KIND_VS : TLB_KIND_VSBARE),
        .valid = 1, .global = vslevels ? upper_global : 1,
        /* Svpbmt: the VS-stage's type, unless it is PMA (0): then the G-stage's */
        .pbmt = (uint8_t)(vs_pbmt ? vs_pbmt : gx.pbmt),
    };
    *vx = TLB_VX(v->vmid, gx.gflags);
    return MMU_OK;
}

/* A lookup of a combined entry in one TLB, counted as lookup() in mmu.c
 * counts a V=0 one; a use (LRU). */
static struct tlb_entry *lookup_kind(struct mmu *m, int which, uint64_t va, unsigned kind, uint16_t vmid,
                                     uint16_t asid, enum mmu_access acc)
{
    struct tlb *t = &m->tlb[which];
    struct tlb_entry *e = tlb_find_kind(t, va, kind, vmid, asid);
    if (e) {
        tlb_touch(t, e);
        MMU_COUNT(m->st.tlb[which].hits_by_size[e->size]++);
    } else {
        MMU_COUNT(m->st.tlb[which].misses_by_access[acc]++);
    }
    return e;
}

/* The data fast path for a V=1 context (mmu_fast.h): point va's fast slot
 * at L1D entry e (with vx, TLB_VX), whose lookup for a load or store has
 * just hit, when r is the fast path's context (mmu_fast_context, whose key
 * holds V, the VMID, hgatp's MODE, HLVX and both stages' MXR), for the
 * accesses both stages and PMP allow on the whole page, as a V=0 L1D hit
 * does (mmu.c's fast_fill).  The slot goes with the next change of the L1D
 * or the context, so that a hit there is what this lookup would answer. */
static void fast_fill_virt(struct mmu *m, uint64_t va, const struct mmu_req *r, unsigned vslevels,
                           const struct tlb_entry *e, uint32_t vx)
{
    if ((r != m->ctx.req && mmu_fast_key(r) != m->ctx.key) || m->check)
        return;
    uint64_t page = ((e->ppn << 12) | (va & mmu_size_offset_mask[e->size])) & ~0xfffULL;
    unsigned pmp = mmu_pmp_page_mask(m, page, r->priv), g = tlb_vx_gflags(vx);
    bool vs_load = !vslevels || vs_perm_ok(e->flags, MMU_LOAD, r);
    bool vs_store = !vslevels || (vs_perm_ok(e->flags, MMU_STORE, r) && (e->flags & PTE_D));
    bool load_ok = vs_load && g_perm_ok(g, MMU_LOAD, r->lvx, r->g_mxr) && ((pmp >> MMU_LOAD) & 1);
    bool store_ok = vs_store && g_perm_ok(g, MMU_STORE, false, false) && (g & GF_D) && ((pmp >> MMU_STORE) & 1);
    uint64_t off = va & mmu_size_offset_mask[e->size] & ~0xfffULL; /* of va's 4 KiB page */
    mmu_fast_set_ok(m, va & ~0xfffULL, e->host + off, e, load_ok, store_ok, true);
}

enum mmu_result mmu_translate_virt(struct mmu *m, uint64_t va, unsigned size, enum mmu_access acc,
                                   const struct mmu_req *r, struct mmu_xlate *out)
{
    struct mmu_stats *st = &m->st;
    MMU_COUNT(st->virt_translations++);
    unsigned vslevels = satp_levels(r->satp);
    /* a translating vsatp: va must be canonical (a VS-stage page fault) */
    if (vslevels && !va_canonical(va, 64 - (12 + 9 * vslevels)))
        return vfault(m, MMU_PAGE_FAULT, acc);
    struct vwalk v = {
        .m = m, .r = r, .acc = acc, .glevels = hgatp_levels(r->hgatp),
        .groot = (r->hgatp & SATP_PPN_MASK & ~3ULL) << 12, /* 16 KiB aligned: PPN bits 1:0 are zero */
        .vmid = (uint16_t)((r->hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK),
        .asid = (uint16_t)((r->satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK),
    };
    unsigned kind = vslevels ? TLB_KIND_VS : TLB_KIND_VSBARE;
    uint16_t asid = vslevels ? v.asid : 0;
    int l1 = acc == MMU_FETCH ? MMU_TLB_L1I : MMU_TLB_L1D;
    bool has_l1 = m->tlb[l1].e != NULL, l1_missed = false, l2_missed = false, in_l2 = false;
    struct tlb_entry *e = NULL, w;
    uint32_t vx = 0; /* e's (TLB_VX) */

    if (has_l1) {
        e = lookup_kind(m, l1, va, kind, v.vmid, asid, acc);
        l1_missed = !e;
        if (e)
            vx = m->tlb[l1].vx[e - m->tlb[l1].e];
    }
    if (!e && m->tlb[MMU_TLB_L2].e) {
        e = lookup_kind(m, MMU_TLB_L2, va, kind, v.vmid, asid, acc);
        l2_missed = !e;
        in_l2 = e != NULL;
        if (e)
            vx = m->tlb[MMU_TLB_L2].vx[e - m->tlb[MMU_TLB_L2].e];
    }
    if (e) {
        /* A hit: the VS-stage's permission from the cached flags (a fault
         * as a V=0 hit gives it); the G-stage's from gflags, but a refusal
         * there needs the GPA, which the entry does not hold: walk. */
        if (vslevels && !vs_perm_ok(e->flags, acc, r))
            return vfault(m, MMU_PAGE_FAULT, acc);
        unsigned gflags = tlb_vx_gflags(vx);
        if (!g_perm_ok(gflags, acc, r->lvx, r->g_mxr) ||
            (acc == MMU_STORE && ((vslevels && !(e->flags & PTE_D)) || !(gflags & GF_D)))) {
            e = NULL; /* walk (a store to a clean page sets D at either stage) */
        } else if (in_l2 && has_l1) {
            MMU_COUNT(st->tlb[l1].misses_by_size[e->size]++);
            e = vfill(m, l1, e, vx);
        } else if (!in_l2 && acc != MMU_FETCH && e->host) {
            fast_fill_virt(m, va, r, vslevels, e, vx);
        }
    }
    if (!e) {
        MMU_COUNT(st->walks++);
        MMU_COUNT(st->two_stage_walks++);
        enum mmu_result res = vs_walk(&v, va, vslevels, &w, &vx);
        if (v.reads > 0)
            MMU_COUNT(st->walk_reads[v.reads >= 5 ? 4 : v.reads - 1]++);
        if (__builtin_expect(m->walk_hook != NULL, 0)) {
            struct mmu_walk_event ev = {va, acc, res, v.reads, res == MMU_OK ? w.size : 0, asid};
            m->walk_hook(m->walk_ctx, &ev);
        }
        if (res != MMU_OK) {
            if (res == MMU_GUEST_PAGE_FAULT) {
                out->gpa = v.gpa;
                out->g_implicit = v.implicit;
            }
            return vfault(m, res, acc);
        }
        if (l2_missed)
            MMU_COUNT(st->tlb[MMU_TLB_L2].misses_by_size[w.size]++);
        if (l1_missed)
            MMU_COUNT(st->tlb[l1].misses_by_size[w.size]++);
        vfill(m, MMU_TLB_L2, &w, vx);
        e = vfill(m, l1, &w, vx);
        if (!e)
            e = &w;
    }
    uint64_t off = va & mmu_size_offset_mask[e->size];
    uint64_t pa = (e->ppn << 12) | off;
    /* PMP on the supervisor physical address, at the privilege of the
     * effective mode (VS as S, VU as U) */
    if (!mmu_pmp_allows(m, pa, size, acc, r->priv))
        return vfault(m, MMU_ACCESS_FAULT, acc);
    if (__builtin_expect(m->check != NULL, 0) && acc == MMU_STORE)
        mmu_checker_store(m->check, m->check_agent, pa, size);
    out->pa = pa;
    out->host = e->host ? e->host + off : phys_ram_ptr(m->pm, pa, size);
    return MMU_OK;
}

uint8_t *mmu_fetch_page_virt(struct mmu *m, uint64_t va, const struct mmu_req *r, uint64_t *pa_page)
{
    struct tlb *t = &m->tlb[MMU_TLB_L1I];
    unsigned vslevels = satp_levels(r->satp);
    if (!r->virt || !t->e || (vslevels && !va_canonical(va, 64 - (12 + 9 * vslevels))))
        return NULL;
    uint16_t vmid = (uint16_t)((r->hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK);
    uint16_t asid = vslevels ? (uint16_t)((r->satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK) : 0;
    struct tlb_entry *e = tlb_find_kind(t, va, vslevels ? TLB_KIND_VS : TLB_KIND_VSBARE, vmid, asid);
    if (!e || !e->host || (vslevels && !vs_perm_ok(e->flags, MMU_FETCH, r)) ||
        !(tlb_vx_gflags(t->vx[e - t->e]) & GF_X))
        return NULL;
    uint64_t off = va & mmu_size_offset_mask[e->size] & ~0xfffULL;
    uint64_t page = (e->ppn << 12) | off;
    if (!((mmu_pmp_page_mask(m, page, r->priv) >> MMU_FETCH) & 1))
        return NULL;
    tlb_touch(t, e);
    MMU_COUNT(m->st.translations++);
    MMU_COUNT(m->st.virt_translations++);
    MMU_COUNT(m->st.tlb[MMU_TLB_L1I].hits_by_size[e->size]++);
    *pa_page = page;
    return e->host + off;
}
