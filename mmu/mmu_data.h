/* The data path (mmu_data_ptr in mmu_fast.h) and what it shares with the
 * general path in mmu.c, inline so that the hart's load and store slow
 * handlers reach an L1D hit, an L2 refill or a one-read walk without a
 * call (mmu_data_ptr_first); a walk of two reads needs mmu_data_ptr, whose
 * PWC insert is a call.  Only mmu/ and the hart include it. */
#ifndef PAGODA_MMU_DATA_H
#define PAGODA_MMU_DATA_H

#include "mmu_internal.h"

/* Empty every fast slot (see struct mmu_fast).  Inline (a loop, not a
 * call) so that the data path's first part makes no call (mmu_fast.h). */
static inline void mmu_fast_clear(struct mmu *m)
{
    for (unsigned i = 0; i < MMU_FAST_N; i++)
        m->fast[i].tag[0] = m->fast[i].tag[1] = i ^ 1;
}

/* An entry of L1 which (MMU_TLB_L1I or MMU_TLB_L1D) was removed or replaced,
 * or PMP changed (both), or (L1D) the fast path's context did. */
static inline __attribute__((always_inline)) void mmu_l1_changed(struct mmu *m, int which)
{
    if (which == MMU_TLB_L1I) {
        m->l1i_gen++;
        return;
    }
    m->fast_gen += MMU_FAST_GEN_ONE;
    if (m->fast_gen == 0)
        mmu_fast_clear(m);
}

/* mmu_l1_changed for both L1s: entries of either may have gone, or PMP changed. */
static inline void mmu_both_l1_changed(struct mmu *m)
{
    mmu_l1_changed(m, MMU_TLB_L1I);
    mmu_l1_changed(m, MMU_TLB_L1D);
}

/* Which of the 32 combinations of a PTE's R, W, X, U and D bits flags is:
 * bit 0 R, 1 W, 2 X, 3 U, 4 D (the index of struct mmu_ctx's ok masks). */
static inline unsigned mmu_perm_index(unsigned flags) { return ((flags >> 1) & 15) | ((flags >> 3) & 16); }

/* A valid entry of TLB which was evicted or overwritten by a fill. */
static inline __attribute__((always_inline)) void mmu_evicted(struct mmu *m, int which)
{
    MMU_COUNT(m->st.tlb[which].evictions++);
    m->gen++;
    if (which != MMU_TLB_L2)
        mmu_l1_changed(m, which);
    else /* an L2 serving an absent L1 stands for it */
        for (int k = 0; k < 2; k++)
            if (!m->tlb[k].e)
                mmu_l1_changed(m, k);
}

/* fill(m, which, n, true) for a TLB that is present (a lookup of n's page
 * has just missed there), without counting the fill: the data path counts
 * it in one counter (mmu_data_ptr_n, mmu_data_walk_n).  ways is that
 * TLB's (see tlb_find_n). */
static inline __attribute__((always_inline)) void mmu_fill_missed_at(struct mmu *m, int which,
                                                                     const struct tlb_entry *n, unsigned ways,
                                                                     enum mmu_repl repl, size_t base,
                                                                     uint64_t want, bool track)
{
    struct tlb *t = &m->tlb[which];
    if (tlb_put_at(t, tlb_insert_index_at(t, n, true, ways, base, want, repl), n, want, track))
        mmu_evicted(m, which);
}

/* mmu_fill_missed_at with the set and match word worked out from n. */
static inline __attribute__((always_inline)) void mmu_fill_missed(struct mmu *m, int which,
                                                                  const struct tlb_entry *n, unsigned ways,
                                                                  enum mmu_repl repl, bool track)
{
    const struct tlb *t = &m->tlb[which];
    mmu_fill_missed_at(m, which, n, ways, repl, (size_t)(n->tag & t->set_mask) * ways,
                       tlb_match_word(n->tag, n->size), track);
}

/* Add fast slot f's uses not yet counted to the per-size counts and, while
 * the L1D entry they were of still holds the same fill, to its hits. */
static inline __attribute__((always_inline)) void mmu_fast_fold(struct mmu *m, struct mmu_fast *f, bool track)
{
    struct tlb *t = &m->tlb[MMU_TLB_L1D];
    m->fast_hits[f->size] += f->hits;
    if (track && __builtin_expect(t->hits != NULL, 0) && t->filled[f->entry] == f->filled)
        t->hits[f->entry] += f->hits;
    f->hits = 0;
}

/* Point the fast path's slot for va at L1D entry src, for loads when
 * load_ok and for stores when store_ok (mmu_fast_set works them out for
 * V=0; nested.c for a V=1 context). */
static inline __attribute__((always_inline)) void mmu_fast_set_ok(struct mmu *m, uint64_t va, uint8_t *host,
                                                                  const struct tlb_entry *src, bool load_ok,
                                                                  bool store_ok, bool track)
{
    struct tlb *t = &m->tlb[MMU_TLB_L1D];
    struct mmu_fast *f = &m->fast[(va >> 12) & (MMU_FAST_N - 1)];
    uint64_t tag = (va >> 12) ^ m->fast_gen, empty = ((va >> 12) & (MMU_FAST_N - 1)) ^ 1;
    f->tag[MMU_LOAD - 1] = load_ok ? tag : empty;
    f->tag[MMU_STORE - 1] = store_ok ? tag : empty;
    mmu_fast_fold(m, f, track);
    if (track && __builtin_expect(t->hits != NULL, 0)) {
        f->entry = (uint32_t)(src - t->e);
        f->filled = t->filled[f->entry];
    }
    f->addend = (uintptr_t)host - va;
    f->stamp = t->repl == MMU_REPL_LRU ? &t->stamp[src - t->e] : &m->stamp_sink;
    f->size = src->size;
}

/* Point the fast path's slot for va at L1D entry src, with what PMP allows
 * on the whole page (pmp) and what the context allows (struct mmu_ctx). */
static inline __attribute__((always_inline)) void mmu_fast_set(struct mmu *m, uint64_t va, uint8_t *host,
                                                               const struct tlb_entry *src, unsigned pmp, bool track)
{
    unsigned i = mmu_perm_index(src->flags);
    bool load_ok = (m->ctx.ok[MMU_LOAD - 1] >> i) & (pmp >> MMU_LOAD) & 1;
    bool store_ok = (m->ctx.ok[MMU_STORE - 1] >> i) & (pmp >> MMU_STORE) & 1;
    mmu_fast_set_ok(m, va, host, src, load_ok, store_ok, track);
}

/* What the data path without calls (calls false: mmu_data_ptr_first in
 * mmu_fast.h) returns, having changed nothing, where only a call would
 * tell: PMP's region cache did not answer, a walk of two reads (its PWC
 * insert), or (mmu_data_ptr_first) the context is not the default
 * geometry's.  Never a host address.  Then mmu_data_ptr, with calls, does
 * the whole. */
#define MMU_DATA_AGAIN ((uint8_t *)1)

/* What PMP allows on the whole 4 KiB page at page, through the region
 * cache c of a privilege (&m->pmpc[priv]), or MMU_PMP_UNKNOWN when that
 * does not answer and calls is false. */
static inline __attribute__((always_inline)) unsigned mmu_data_pmp(struct mmu *m, const struct pmp_region *c,
                                                                   uint64_t page, bool calls)
{
    unsigned mask = mmu_pmp_page_mask_cached(c, page);
    return mask != MMU_PMP_UNKNOWN || !calls ? mask : mmu_pmp_mask_lookup(m, page, 4096, (unsigned)(c - m->pmpc));
}

/* The data path (mmu_data_ptr), after an L1D and an L2 miss: a walk that
 * the page-walk cache starts at va's level-1 PTE (one PTE read), or (with
 * calls: its PWC insert is a call) at its level-2 PTE when level 1 misses
 * (two reads, the first a pointer to the level-0 table with nothing
 * reserved in it, which the walk caches in the PWC), and that
 * ends in a 4 KiB leaf with nothing to update and nothing unusual: V, R
 * and A set, D too for a store, the permission needed (struct mmu_ctx's ok
 * masks: steps 6 and 8), no reserved bit, no Svpbmt type, no Svnapot, the
 * PTE and the page in RAM that PMP allows on the whole page.  Only then
 * does it change anything, and then exactly what the general path would:
 * the PWC use, the L2 and L1D fills after their misses, the counts (one
 * counter, pwc_walks, that merged_stats() expands).  Anything else returns
 * NULL having changed nothing, and the general path (mmu_translate_n)
 * walks with mmu_walk.  The steps are those of walk.c's from a PWC hit at
 * level 1 (spec, "Virtual Address Translation Process"). */
static inline __attribute__((always_inline)) uint8_t *mmu_data_walk_n(struct mmu *m, uint64_t va,
                                                                      enum mmu_access acc, unsigned l1_ways,
                                                                      unsigned l2_ways, enum mmu_repl repl,
                                                                      bool calls, bool track)
{
    const struct mmu_ctx *c = &m->ctx;
    struct pwc *p = &m->pwc;
    if (!p->t.e)
        return NULL;
    /* pwc_find: level 1, then (when level 1 surely misses) level 2 */
    struct tlb_entry *t = NULL;
    int hit = pwc_probe(p, 1, va, c->asid, c->levels, &t);
    if (hit < 0)
        return NULL;
    uint64_t pte1 = 0; /* the level-1 PTE read, on a level-2 start */
    uint64_t table;    /* the level-0 table */
    if (hit) {
        table = t->ppn << 12;
    } else {
        if (pwc_probe(p, 2, va, c->asid, c->levels, &t) != 1)
            return NULL;
        if (!calls)
            return MMU_DATA_AGAIN;
        /* step 2 at i = 1, read as S-mode */
        uint64_t pte1_pa = (t->ppn << 12) + vpn(va, 1) * 8;
        const uint8_t *pp1 = phys_ram_ptr(m->pm, pte1_pa, 8);
        if (!pp1 || !((mmu_data_pmp(m, &m->pmpc[PRIV_S], pte1_pa & ~0xfffULL, calls) >> MMU_LOAD) & 1))
            return NULL;
        pte1 = __atomic_load_n((const uint64_t *)(const void *)pp1, __ATOMIC_ACQUIRE);
        /* steps 3-4: V and a pointer (R = W = X = 0), with none of the
         * bits that are reserved in a non-leaf PTE (D, A, U, Svpbmt, N,
         * 60:54; walk.c's pte_reserved); G and the software bits may be set */
        const uint64_t may = PTE_G | 3ULL << 8 | PTE_PPN_MASK << PTE_PPN_SHIFT;
        if ((pte1 & ~may) != PTE_V)
            return NULL;
        table = pte_ppn(pte1) << 12;
    }
    /* step 2 at i = 0: the PTE, read as S-mode */
    uint64_t pte_pa = table + vpn(va, 0) * 8;
    const uint8_t *pp = phys_ram_ptr(m->pm, pte_pa, 8);
    if (!pp)
        return NULL;
    unsigned pmp = mmu_data_pmp(m, &m->pmpc[PRIV_S], pte_pa & ~0xfffULL, calls);
    if (pmp == MMU_PMP_UNKNOWN)
        return MMU_DATA_AGAIN;
    if (!((pmp >> MMU_LOAD) & 1))
        return NULL;
    uint64_t pte = __atomic_load_n((const uint64_t *)(const void *)pp, __ATOMIC_ACQUIRE);
    /* steps 3-9 for the usual leaf only (R set, so never the reserved
     * W-without-R; A set, and the ok masks require D for a store) */
    const uint64_t need = PTE_V | PTE_R | PTE_A, refuse = PTE_RESERVED | 3ULL << PTE_PBMT_SHIFT | PTE_N;
    if ((pte & (need | refuse)) != need || !((c->ok[acc - 1] >> mmu_perm_index((unsigned)pte)) & 1))
        return NULL;
    /* step 10, and PMP on the page of the access */
    uint64_t ppn = pte_ppn(pte);
    uint8_t *host = phys_ram_ptr(m->pm, ppn << 12, 4096);
    if (!host)
        return NULL;
    pmp = mmu_data_pmp(m, c->pmpr, ppn << 12, calls);
    if (pmp == MMU_PMP_UNKNOWN)
        return MMU_DATA_AGAIN;
    if (!((pmp >> acc) & 1))
        return NULL;

    tlb_touch_r(&p->t, t, repl, track); /* pwc_lookup's use */
    bool upper_global = t->global || (pte1 & PTE_G);
    if (pte1) {
        /* as walk.c does after a pointer: cache it (level 1) */
        struct tlb_entry n1 = {
            .tag = va >> pwc_shift(1), .ppn = pte_ppn(pte1), .asid = c->asid, .flags = (uint8_t)pte1,
            .size = 1, .global = upper_global, .levels = (uint8_t)c->levels,
        };
        if (pwc_insert(p, &n1))
            m->gen++;
        MMU_COUNT(m->pwc2_walks[acc - MMU_LOAD]++);
    } else {
        MMU_COUNT(m->pwc_walks[acc - MMU_LOAD]++);
    }
    struct tlb_entry w = {
        .tag = va >> 12, .ppn = ppn, .host = host, .asid = c->asid, .flags = (uint8_t)pte,
        .size = MMU_PAGE_4K, .valid = 1, .global = upper_global || (pte & PTE_G), .levels = (uint8_t)c->levels,
    };
    mmu_fill_missed(m, MMU_TLB_L2, &w, l2_ways, repl, track);
    mmu_fill_missed(m, MMU_TLB_L1D, &w, l1_ways, repl, track);
    return host + (va & 0xfff);
}

/* mmu_data_ptr for one geometry: the L1D holds the page (the fast path
 * missed only for its slot or generation), or the L2 does and refills the
 * L1D, with the permission needed, in RAM that PMP allows on the whole
 * page; or both miss and mmu_data_walk_n walks.  Same effects as the general
 * path (statistics, LRU, the L1 refill, the fast slot), in fewer steps;
 * NULL, having changed nothing, for anything else.  ways: see tlb_find_n.
 * *l1_hit is set when the L1D held the page (and the fast path now does). */
static inline __attribute__((always_inline)) uint8_t *mmu_data_ptr_n(struct mmu *m, uint64_t va,
                                                                     enum mmu_access acc, unsigned l1_ways,
                                                                     unsigned l2_ways, enum mmu_repl repl,
                                                                     bool calls, bool track, bool *l1_hit)
{
    const struct mmu_ctx *c = &m->ctx;
    struct tlb *l1 = &m->tlb[MMU_TLB_L1D], *l2 = &m->tlb[MMU_TLB_L2];
    if (!va_canonical(va, c->va_sh)) /* a page fault: the general path raises it */
        return NULL;
    struct tlb_entry *e = tlb_find_n(l1, va, c->asid, l1_ways), *from_l2 = NULL;
    if (!e) {
        if (!(from_l2 = tlb_find_n(l2, va, c->asid, l2_ways)))
            return mmu_data_walk_n(m, va, acc, l1_ways, l2_ways, repl, calls, track);
        e = from_l2;
    }
    if (!((c->ok[acc - 1] >> mmu_perm_index(e->flags)) & 1) || !e->host)
        return NULL;
    uint64_t off = va & mmu_size_offset_mask[e->size];
    uint64_t pa = (e->ppn << 12) | off;
    unsigned pmp = mmu_data_pmp(m, c->pmpr, pa & ~0xfffULL, calls);
    if (pmp == MMU_PMP_UNKNOWN)
        return MMU_DATA_AGAIN;
    if (!((pmp >> acc) & 1))
        return NULL;

    uint8_t *host = e->host + off;
    if (from_l2) {
        /* as lookup() in each TLB, then the refill of tlb_translate, with
         * the counts in one (merged_stats).  The fast slot is left for the
         * next access to the page (the L1D hit just below): when the next
         * L1D fill evicts first, as it does when every access misses, the
         * slot would have been retired unused (lazy fill, docs/MMU.md). */
        tlb_touch_r(l2, e, repl, track);
        MMU_COUNT(m->l2_refills[acc - MMU_LOAD][e->size]++);
        if (e->size == MMU_PAGE_4K) /* the set and match word of the L1D lookup that missed */
            mmu_fill_missed_at(m, MMU_TLB_L1D, e, l1_ways, repl, (size_t)((va >> 12) & l1->set_mask) * l1_ways,
                               tlb_match_word(va >> 12, MMU_PAGE_4K), track);
        else
            mmu_fill_missed(m, MMU_TLB_L1D, e, l1_ways, repl, track);
    } else {
        tlb_touch_r(l1, e, repl, track);
        MMU_COUNT(m->fast_hits[e->size]++); /* counted as a fast hit is */
        mmu_fast_set(m, va & ~0xfffULL, host - (va & 0xfff), e, pmp, track);
        *l1_hit = true;
    }
    return host;
}

#endif
