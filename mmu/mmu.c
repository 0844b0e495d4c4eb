/* Translation: an MMU's life (mmu_create, mmu_destroy), the TLB lookup
 * path (L1I/L1D, then L2, then the walker in walk.c), PMP on the final
 * physical address, the data and fetch paths' called forms.  Configuration
 * is in config.c, fences in fence.c, statistics in stats.c, looking at
 * the TLBs in inspect.c.  No allocation after mmu_create. */
#include <stdlib.h>
#include <string.h>

#include "line_alloc.h"
#include "mmu_fast.h"

/* Empty the PMP region caches (struct pmp_region), or without PMP let
 * each hold all of memory with every access allowed. */
static void pmp_regions_reset(struct mmu *m)
{
    for (int k = 0; k < 4; k++) {
        struct pmp_region *c = &m->pmpc[k];
        if (m->pmp) /* nothing cached: no page passes mmu_pmp_page_mask_cached's test */
            *c = (struct pmp_region){ .page_lo = 1 };
        else
            *c = (struct pmp_region){ .hi = UINT64_MAX, .page_span = UINT64_MAX - 0xfff, .mask = 7 };
    }
}

struct mmu *mmu_create(const struct mmu_config *c, const struct phys_mem *pm, struct pmp *pmp)
{
    struct mmu_config d;
    if (!c) {
        mmu_config_default(&d);
        c = &d;
    }
    unsigned sets[3] = { c->l1i_sets, c->l1d_sets, c->l2_sets };
    for (int k = 0; k < 3; k++)
        if (sets[k] & (sets[k] - 1))
            return NULL;
    struct mmu *m = line_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cfg = *c;
    m->pm = pm;
    m->pmp = pmp;
    pmp_regions_reset(m);
    mmu_fast_clear(m);
    if (tlb_init(&m->tlb[MMU_TLB_L1I], c->l1i_sets, c->l1i_ways, c->repl, 0x1111) ||
        tlb_init(&m->tlb[MMU_TLB_L1D], c->l1d_sets, c->l1d_ways, c->repl, 0x2222) ||
        tlb_init(&m->tlb[MMU_TLB_L2], c->l2_sets, c->l2_ways, c->repl, 0x3333) ||
        pwc_init(&m->pwc, c->pwc_entries, c->repl, 0x4444)) {
        mmu_destroy(m);
        return NULL;
    }
    return m;
}

void mmu_destroy(struct mmu *m)
{
    if (!m)
        return;
    for (int k = 0; k < 3; k++)
        tlb_free(&m->tlb[k]);
    pwc_free(&m->pwc);
    line_free(m);
}

const struct mmu_config *mmu_get_config(const struct mmu *m) { return &m->cfg; }
bool mmu_flush_on_satp_write(const struct mmu *m) { return m->cfg.flush_on_satp_write; }

uint64_t mmu_generation(const struct mmu *m)
{
    /* PMP writes change what a cached translation may do, so they count too
     * (both counters only grow, so their sum changes whenever either does). */
    return m->gen + (m->pmp ? m->pmp->gen : 0);
}

const uint64_t *mmu_fetch_generation_ptr(const struct mmu *m) { return &m->l1i_gen; }

void mmu_pmp_changed(struct mmu *m)
{
    pmp_regions_reset(m);
    mmu_both_l1_changed(m);
}

static enum mmu_result fault(struct mmu *m, enum mmu_result res, enum mmu_access acc)
{
    if (res == MMU_PAGE_FAULT)
        MMU_COUNT(m->st.page_faults[acc]++);
    else
        MMU_COUNT(m->st.access_faults[acc]++);
    return res;
}

/* mmu_pmp_mask (mmu_internal.h) when its region cache misses. */
unsigned mmu_pmp_mask_lookup(struct mmu *m, uint64_t pa, unsigned size, unsigned priv)
{
    const struct pmp *p = m->pmp;
    struct pmp_region *c = &m->pmpc[priv & 3];
    uint64_t lo, hi;
    unsigned mask = pmp_lookup(p, pa, size, (int)priv, &lo, &hi);
    if (lo < hi) {
        c->lo = lo;
        c->hi = hi;
        c->mask = (uint8_t)mask;
        uint64_t first = (lo + 0xfff) & ~0xfffULL; /* the first whole page's base */
        bool whole = lo <= UINT64_MAX - 0xfff && first <= hi && hi - first >= 4096;
        c->page_lo = whole ? first : 1;
        c->page_span = whole ? (hi - first) - 4096 : 0;
    }
    return mask;
}

/* The default 4-way L1D and 8-way L2 with LRU replacement, for which the
 * data path passes the ways and the policy as constants (tlb_find_n,
 * tlb_touch_r) so that its searches are unrolled and its policy tests
 * folded away. */
static inline bool default_geometry(const struct mmu *m)
{
    return m->tlb[MMU_TLB_L1D].ways == 4 && m->tlb[MMU_TLB_L2].ways == 8 && m->cfg.repl == MMU_REPL_LRU;
}

void mmu_fast_context(struct mmu *m, const struct mmu_req *r)
{
    uint64_t key = mmu_fast_key(r);
    if (r == m->ctx.req && key == m->ctx.key)
        return;
    if (key != m->ctx.key)
        mmu_l1_changed(m, MMU_TLB_L1D); /* retires every fast entry */
    struct mmu_ctx *c = &m->ctx;
    c->req = r;
    c->key = key;
    c->levels = r->priv == PRIV_M ? 0 : satp_levels(r->satp);
    c->asid = (uint16_t)((r->satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    c->pmpr = &m->pmpc[r->priv & 3];
    c->va_sh = (uint8_t)(64 - (12 + 9 * c->levels));
    /* path 1, the one inline in the hart, counts no entry's hits: with
     * mmu_track_entry_hits the default geometry takes path 3, the same
     * specialised for counting them, through mmu_data_ptr */
    /* a walk hook sees every walk only on the general path (path 0):
     * mmu_data_walk_n, the specialised paths' walk, has no hook */
    /* with V=1 the general path (nested.c) answers every access */
    c->path = r->virt || !c->levels || !m->tlb[MMU_TLB_L1D].e || !m->tlb[MMU_TLB_L2].e || m->walk_hook ||
                      m->check ? 0
            : !default_geometry(m) ? 2 : m->tlb[MMU_TLB_L1D].hits ? 3 : 1;
    /* pte_perm_ok for all 32 flag combinations at once: the set of
     * indices with each bit set (mmu_perm_index) */
    const uint32_t R = 0xaaaaaaaa, W = 0xcccccccc, X = 0xf0f0f0f0, U = 0xff00ff00, D = 0xffff0000;
    uint32_t u_ok = (r->priv == PRIV_U || r->sum ? U : 0) | (r->priv == PRIV_S ? ~U : 0);
    c->ok[MMU_LOAD - 1] = u_ok & (R | (r->mxr ? X : 0));
    c->ok[MMU_STORE - 1] = u_ok & W & D;
}

/* A lookup in one TLB as the statistics count it: a lookup, then a hit (by
 * page size) or a miss.  The entry found becomes most recently used. */
static inline __attribute__((always_inline)) struct tlb_entry *lookup(struct mmu *m, int which, uint64_t va,
                                                                       uint16_t asid, enum mmu_access acc)
{
    struct mmu_tlb_stats *ts = &m->st.tlb[which];
    struct tlb_entry *e = tlb_lookup(&m->tlb[which], va, asid);
    /* lookups, hits and misses are derived (merged_stats): one counter per lookup */
    if (e) {
        MMU_COUNT(ts->hits_by_size[e->size]++);
    } else {
        MMU_COUNT(ts->misses_by_access[acc]++);
    }
    return e;
}

/* Put a copy of e into a TLB (missed: as for tlb_insert); returns the
 * entry holding it (NULL when that TLB is absent). */
static inline __attribute__((always_inline)) struct tlb_entry *fill(struct mmu *m, int which,
                                                                    const struct tlb_entry *e, bool missed)
{
    struct tlb *t = &m->tlb[which];
    if (!t->e)
        return NULL;
    bool was_valid;
    struct tlb_entry *slot = tlb_insert(t, e, missed, &was_valid);
    MMU_COUNT(m->st.tlb[which].fills++);
    if (was_valid)
        mmu_evicted(m, which);
    return slot;
}

/* Point the fast path's slot for va at src, the L1D entry whose lookup
 * for this access has just hit, when r is the fast path's context.
 * Returns what PMP allows on the whole 4 KiB page (as mmu_pmp_mask), or 0
 * when it did not look. */
static inline unsigned fast_fill(struct mmu *m, uint64_t va, const struct mmu_req *r, uint64_t pa,
                                 uint8_t *host, const struct tlb_entry *src)
{
    if ((r != m->ctx.req && mmu_fast_key(r) != m->ctx.key) || m->check)
        return 0; /* (a checked MMU answers every access on the general path) */
    unsigned pmp = mmu_pmp_page_mask(m, pa & ~0xfffULL, r->priv); /* translated: S or U */
    mmu_fast_set(m, va & ~0xfffULL, host - (pa & 0xfff), src, pmp, true);
    return pmp;
}

/* Steps 3-8 of docs/MMU.md's translation path, for a canonical va under an
 * active satp: the entry that maps va (in the L1 when it is enabled), or a
 * fault.  *w holds the walk's result when there is no L1 to put it in;
 * *l1_hit is the L1 entry when the L1 lookup hit (the fast path's slot is
 * filled only then: see mmu_data_ptr_n).  *src says where the answer came
 * from: the TLB that hit (MMU_TLB_L1I/L1D/L2), MMU_TLB_PWC for a walk that
 * started from a page-walk-cache entry, -1 for a walk from the root. */
static enum mmu_result tlb_translate(struct mmu *m, uint64_t va, enum mmu_access acc,
                                     const struct mmu_req *r, unsigned levels, uint16_t asid,
                                     struct tlb_entry *w, struct tlb_entry **out,
                                     struct tlb_entry **l1_hit, int *src)
{
    struct mmu_stats *st = &m->st;
    int l1 = acc == MMU_FETCH ? MMU_TLB_L1I : MMU_TLB_L1D;
    bool has_l1 = m->tlb[l1].e != NULL;
    struct tlb_entry *e = NULL;
    bool in_l2 = false;
    bool l1_missed = false, l2_missed = false; /* for misses_by_size once the size is known */

    if (has_l1) {
        e = lookup(m, l1, va, asid, acc);
        l1_missed = !e;
    }
    if (!e && m->tlb[MMU_TLB_L2].e) {
        e = lookup(m, MMU_TLB_L2, va, asid, acc);
        l2_missed = !e;
        in_l2 = e != NULL;
    }

    if (e) {
        *src = in_l2 ? MMU_TLB_L2 : l1;
        /* A hit: permissions from the cached bits against this request. */
        if (!pte_perm_ok(e->flags, acc, r))
            return MMU_PAGE_FAULT;
        if (acc == MMU_STORE && !(e->flags & PTE_D)) {
            e = NULL; /* exact D: a store to a clean page walks to set D */
        } else if (in_l2 && has_l1) {
            /* An L2 hit refills the L1; the L1 missed, so the entry filled is
             * the one an L1 lookup would now find. */
            MMU_COUNT(st->tlb[l1].misses_by_size[e->size]++);
            e = fill(m, l1, e, true);
        } else if (!in_l2) {
            *l1_hit = e;
        }
    }
    if (!e) {
        enum mmu_result res = mmu_walk(m, va, acc, r, levels, asid, w);
        *src = m->last_walk_pwc ? MMU_TLB_PWC : -1;
        if (res != MMU_OK)
            return res;
        if (l2_missed)
            MMU_COUNT(st->tlb[MMU_TLB_L2].misses_by_size[w->size]++);
        if (l1_missed)
            MMU_COUNT(st->tlb[l1].misses_by_size[w->size]++);
        fill(m, MMU_TLB_L2, w, l2_missed);
        e = fill(m, l1, w, l1_missed);
        if (!e)
            e = w;
    }
    *out = e;
    return MMU_OK;
}

/* The last step of a translation to pa: PMP for the access (page_pmp: what
 * PMP allows on the whole page, when known, else 0), then the answer
 * (host: pa's host pointer when known). */
static inline __attribute__((always_inline)) enum mmu_result finish(struct mmu *m, uint64_t pa, unsigned size,
                                                                    enum mmu_access acc, unsigned priv,
                                                                    unsigned page_pmp, uint8_t *host,
                                                                    struct mmu_xlate *out)
{
    /* PMP allowing the whole page allows any access inside it: the entry
     * that decides for the page contains it, and no lower-numbered entry
     * touches it (privileged spec, "Physical Memory Protection"). */
    if (!((page_pmp >> acc) & 1) && !mmu_pmp_allows(m, pa, size, acc, priv))
        return fault(m, MMU_ACCESS_FAULT, acc);
    if (!host)
        host = phys_ram_ptr(m->pm, pa, size);
    out->pa = pa;
    out->host = host;
    return MMU_OK;
}

/* The general path: any access, in any context (docs/MMU.md). */
enum mmu_result mmu_translate_n(struct mmu *m, uint64_t va, unsigned size, enum mmu_access acc,
                                const struct mmu_req *r, struct mmu_xlate *out)
{
    struct mmu_stats *st = &m->st;
    uint64_t pa;
    uint8_t *host = NULL;
    unsigned page_pmp = 0; /* what PMP allows on the whole page, when known */
    MMU_COUNT(st->translations++);

    if (r->virt) /* the H extension's two-stage translation */
        return mmu_translate_virt(m, va, size, acc, r, out);
    unsigned levels = satp_levels(r->satp);
    if (r->priv == PRIV_M || levels == 0) {
        /* satp is not active: pa = va (spec, "Supervisor Address Translation
         * and Protection (satp) Register": Bare, or M-mode). */
        MMU_COUNT(st->untranslated++);
        pa = va;
        if (__builtin_expect(m->check != NULL, 0) && acc == MMU_STORE)
            mmu_checker_store(m->check, m->check_agent, pa, size);
        goto check_pmp;
    }

    if (!va_canonical(va, 64 - (12 + 9 * levels)))
        return fault(m, MMU_PAGE_FAULT, acc);

    uint16_t asid = (uint16_t)((r->satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    struct tlb_entry w, *e, *l1_hit = NULL;
    int src = -1;
    enum mmu_result res = tlb_translate(m, va, acc, r, levels, asid, &w, &e, &l1_hit, &src);
    if (res != MMU_OK)
        return fault(m, res, acc);

    uint64_t off = va & mmu_size_offset_mask[e->size];
    pa = (e->ppn << 12) | off;
    if (__builtin_expect(m->check != NULL, 0)) {
        if (src >= 0) /* answered from a cache: does memory still say so? */
            mmu_check_use(m, va, acc, r, src, e, pa);
        if (acc == MMU_STORE)
            mmu_checker_store(m->check, m->check_agent, pa, size);
    }
    if (e->host) {
        host = e->host + off;
        if (acc != MMU_FETCH && l1_hit)
            page_pmp = fast_fill(m, va, r, pa, host, l1_hit);
    }

check_pmp:
    return finish(m, pa, size, acc, r->priv, page_pmp, host, out);
}

uint8_t *mmu_data_ptr(struct mmu *m, uint64_t va, enum mmu_access acc, bool *l1_hit)
{
    if (m->ctx.path == 1)
        return mmu_data_ptr_n(m, va, acc, 4, 8, MMU_REPL_LRU, true, false, l1_hit);
    if (m->ctx.path == 3)
        return mmu_data_ptr_n(m, va, acc, 4, 8, MMU_REPL_LRU, true, true, l1_hit);
    if (m->ctx.path == 2)
        return mmu_data_ptr_n(m, va, acc, m->tlb[MMU_TLB_L1D].ways, m->tlb[MMU_TLB_L2].ways, m->cfg.repl, true,
                              true, l1_hit);
    return NULL;
}

/* The hart's fetch page after a page change, when the L1I holds it: the
 * same effects as the general path's translation of a fetch that hits in
 * the L1I (a translation, an L1I hit by page size, the entry made most
 * recently used) and the answer the hart would take from it, when the
 * entry allows execution at priv (pte_perm_ok: X; U pages for U-mode
 * only, since S-mode never executes them, whatever SUM says) and the page
 * is RAM that PMP lets priv fetch from in full.  Anything else (M-mode,
 * Bare, no L1I, a miss, a fault, MMIO) returns NULL having changed nothing;
 * then the general path. */
uint8_t *mmu_fetch_page(struct mmu *m, uint64_t va, uint64_t satp, unsigned priv, uint64_t *pa_page)
{
    struct tlb *t = &m->tlb[MMU_TLB_L1I];
    unsigned levels = satp_levels(satp);
    if (priv == PRIV_M || !levels || !t->e || !va_canonical(va, 64 - (12 + 9 * levels)))
        return NULL;
    uint16_t asid = (uint16_t)((satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    struct tlb_entry *e = t->ways == 4 ? tlb_find_n(t, va, asid, 4) : tlb_find(t, va, asid); /* unrolled for the default */
    const struct mmu_req r = { .satp = satp, .priv = (uint8_t)priv }; /* SUM and MXR play no part in a fetch */
    if (!e || !e->host || !pte_perm_ok(e->flags, MMU_FETCH, &r))
        return NULL;
    uint64_t off = va & mmu_size_offset_mask[e->size] & ~0xfffULL; /* of va's 4 KiB page */
    uint64_t page = (e->ppn << 12) | off;
    if (!((mmu_pmp_page_mask(m, page, priv) >> MMU_FETCH) & 1))
        return NULL;
    tlb_touch(t, e);
    MMU_COUNT(m->st.translations++);
    MMU_COUNT(m->st.tlb[MMU_TLB_L1I].hits_by_size[e->size]++);
    *pa_page = page;
    return e->host + off;
}

enum mmu_result mmu_translate(struct mmu *m, uint64_t va, enum mmu_access acc,
                              const struct mmu_req *r, struct mmu_xlate *out)
{
    return mmu_translate_n(m, va, 1, acc, r, out);
}


void mmu_set_ad_hook(struct mmu *m, void (*hook)(void *ctx, uint64_t pte_pa), void *ctx)
{
    m->ad_hook = hook;
    m->ad_ctx = ctx;
}

void mmu_set_walk_hook(struct mmu *m, void (*hook)(void *ctx, const struct mmu_walk_event *w), void *ctx)
{
    m->walk_hook = hook;
    m->walk_ctx = ctx;
    /* the data path depends on it (mmu_fast_context): choose again */
    m->ctx.req = NULL;
    if (hook)
        m->ctx.path = 0;
}
