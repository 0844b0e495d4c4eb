/* The fast path for loads and stores on a TLB hit, inlined into the hart.
 * See struct mmu_fast in mmu_internal.h for why it is exact. */
#ifndef PAGODA_MMU_FAST_H
#define PAGODA_MMU_FAST_H

#include "mmu_internal.h"

/* What a translation depends on besides the address: satp's MODE and ASID
 * (not its PPN: the TLB is tagged by ASID, as hardware is), the effective
 * privilege, SUM, MXR, the A/D policy and PBMTE. */
static inline uint64_t mmu_fast_key(const struct mmu_req *r)
{
    return (r->satp & (0xffffull << 44 | 0xfull << 60)) | r->priv | (uint64_t)r->sum << 2 |
           (uint64_t)r->mxr << 3 | (uint64_t)r->hw_ad << 4 | (uint64_t)r->no_pbmt << 5;
}

/* Host address for a load or store (not a fetch) of size bytes at va
 * (within one 4 KiB page) in the context last given to mmu_fast_context, if
 * the fast path knows it; NULL otherwise (then call mmu_translate_n with
 * that context's request, which tries the next most common cases first:
 * data_hit in mmu.c). */
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

#endif
