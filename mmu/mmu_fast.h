/* The fast path for loads and stores on a TLB hit, inlined into the hart.
 * See struct mmu_fast in mmu_internal.h for why it is exact. */
#ifndef PAGODA_MMU_FAST_H
#define PAGODA_MMU_FAST_H

#include "mmu_data.h"

/* What a translation depends on besides the address: satp's MODE and ASID
 * (not its PPN: the TLB is tagged by ASID, as hardware is), the effective
 * privilege, SUM, MXR, the A/D policy and PBMTE; with V=1 also V, HLVX,
 * the G-stage's MXR, A/D policy and PBMTE, hgatp's MODE and VMID (bits
 * 6..28, which satp's part leaves free; 0 with V=0, so that the fields
 * the V=0 translation ignores do not change its key). */
static inline uint64_t mmu_fast_key(const struct mmu_req *r)
{
    uint64_t key = (r->satp & (0xffffull << 44 | 0xfull << 60)) | r->priv | (uint64_t)r->sum << 2 |
                   (uint64_t)r->mxr << 3 | (uint64_t)r->hw_ad << 4 | (uint64_t)r->no_pbmt << 5;
    if (r->virt)
        key |= 1ull << 6 | (uint64_t)r->lvx << 7 | (uint64_t)r->g_mxr << 8 | (uint64_t)r->g_hw_ad << 9 |
               (uint64_t)r->g_no_pbmt << 10 | (r->hgatp >> 60) << 11 |
               ((r->hgatp >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK) << 15;
    return key;
}

/* Host address for a load or store (not a fetch) of size bytes at va
 * (within one 4 KiB page) in the context last given to mmu_fast_context, if
 * the fast path knows it; NULL otherwise (then mmu_data_ptr). */
static inline uint8_t *mmu_fast_lookup(struct mmu *m, uint64_t va, enum mmu_access acc)
{
    struct mmu_fast *f = &m->fast[(va >> 12) & (MMU_FAST_N - 1)];
    if (f->tag[acc - 1] != ((va >> 12) ^ m->fast_gen))
        return NULL;
    MMU_COUNT(f->hits++);
    *f->stamp = ++m->tlb[MMU_TLB_L1D].clock;
    uint8_t *p = (uint8_t *)(f->addend + va);
    if (p == NULL) /* never: a host address; lets a caller's NULL test go */
        __builtin_unreachable();
    return p;
}

/* The data path, for what mmu_fast_lookup did not answer: the host
 * address of an aligned load or store (MMU_LOAD or MMU_STORE) of at most 8
 * bytes at va, in the context last given to mmu_fast_context, when the
 * next most common cases give it: an L1D hit, an L1D miss refilled from
 * the L2, or a miss in both that a walk of one PTE read (a page-walk-cache
 * hit at level 1) or two (a miss there and a hit at level 2) fills
 * (mmu_data.h).  With the same effects as mmu_translate_n, in
 * fewer steps.  NULL, having changed nothing, for anything else: a fault,
 * MMIO, a page that needs an A/D update, ...; then mmu_translate_n.
 * *l1_hit is set when the L1D held the page (and the fast path now does),
 * left as it was otherwise. */
uint8_t *mmu_data_ptr(struct mmu *m, uint64_t va, enum mmu_access acc, bool *l1_hit);

/* mmu_data_ptr without any call, so that the hart's load and store slow
 * handlers have it inline without saving registers: for the default
 * geometry, an L1D hit, an L2 refill or a walk from a page-walk-cache hit
 * (mmu_data.h), or NULL as mmu_data_ptr would; or MMU_DATA_AGAIN, having
 * changed nothing, when only a call would tell (another geometry, a PMP
 * region-cache miss, a walk of two reads): then mmu_data_ptr.  *l1_hit is set when the L1D
 * held the page, and the fast path now does. */
static inline __attribute__((always_inline)) uint8_t *mmu_data_ptr_first(struct mmu *m, uint64_t va,
                                                                        enum mmu_access acc, bool *l1_hit)
{
    if (m->ctx.path == 1)
        return mmu_data_ptr_n(m, va, acc, 4, 8, MMU_REPL_LRU, false, false, l1_hit);
    return MMU_DATA_AGAIN;
}

/* mmu_data_ptr after mmu_data_ptr_first said MMU_DATA_AGAIN: while entry
 * hits are counted (path 3, mmu_track_entry_hits) the default geometry's
 * data path inline, counting them, so that the view costs no call per
 * access; otherwise the call.  Kept out of mmu_data_ptr_first, which
 * serves path 1 with one comparison. */
static inline __attribute__((always_inline)) uint8_t *mmu_data_ptr_again(struct mmu *m, uint64_t va,
                                                                        enum mmu_access acc, bool *l1_hit)
{
    if (m->ctx.path == 3) {
        uint8_t *p = mmu_data_ptr_n(m, va, acc, 4, 8, MMU_REPL_LRU, false, true, l1_hit);
        if (p != MMU_DATA_AGAIN)
            return p;
    }
    return mmu_data_ptr(m, va, acc, l1_hit);
}

/* The host address of va's 4 KiB page for an instruction fetch at
 * privilege priv under satp, and its physical address in *pa_page, when
 * the L1I holds the page with execute permission and PMP allows fetching
 * all of it; with the same effects as the general translation (mmu.c).
 * NULL, having changed nothing, for anything else.  V=0 only: it looks
 * for V=0 entries (a fetch with V=1 uses mmu_fetch_page_virt). */
uint8_t *mmu_fetch_page(struct mmu *m, uint64_t va, uint64_t satp, unsigned priv, uint64_t *pa_page);
/* mmu_fetch_page for a fetch with V=1 in the context r (r->virt set:
 * vsatp, hgatp, VS or VU): the L1I's combined entry for va, when it allows
 * execution at both stages (nested.c).  NULL, having changed nothing, for
 * anything else (then mmu_translate_n). */
uint8_t *mmu_fetch_page_virt(struct mmu *m, uint64_t va, const struct mmu_req *r, uint64_t *pa_page);

#endif
