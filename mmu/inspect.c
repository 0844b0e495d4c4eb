/* Looking at translation state without changing it: the walk of one
 * address as memory holds it now, and the TLBs' and page-walk cache's
 * entries and geometry, for the view (and, later, debuggers). */
#include "mmu_internal.h"

/* Is PTE pte (at level i, a leaf or not) structurally invalid, as step 3 and
 * step 5 of "Virtual Address Translation Process" see it?  The reason, or
 * NULL when it is fine. */
static const char *pte_problem(uint64_t pte, int i, bool leaf)
{
    if (!(pte & PTE_V))
        return "V=0: not valid";
    if (!(pte & PTE_R) && (pte & PTE_W))
        return "W without R (reserved)";
    if (pte & PTE_RESERVED)
        return "reserved bits 60-54 set";
    if (((pte >> PTE_PBMT_SHIFT) & 3) == 3)
        return "PBMT=3 (reserved)";
    if (!leaf && (pte & (PTE_D | PTE_A | PTE_U | PTE_N | (3ULL << PTE_PBMT_SHIFT))))
        return "non-leaf with D, A, U, N or PBMT set (reserved)";
    if (leaf && (pte & PTE_N) && (i != 0 || (pte_ppn(pte) & 0xf) != 0x8))
        return "N set but not a 64 KiB NAPOT leaf (reserved)";
    if (leaf && i > 0 && (pte_ppn(pte) & ((1ULL << (9 * i)) - 1)))
        return "misaligned superpage";
    return NULL;
}

/* The deepest page-walk-cache entry a walk of va would use, without a use
 * (no LRU, no statistics): its level, or 0 when none. */
static unsigned pwc_level_for(const struct mmu *m, uint64_t va, uint16_t asid, unsigned levels)
{
    unsigned best = 0;
    for (unsigned w = 0; w < m->pwc.t.ways; w++) {
        const struct tlb_entry *e = &m->pwc.t.e[w];
        if (pwc_match(e, va, asid, levels) && (!best || e->size < best))
            best = e->size;
    }
    return best;
}

void mmu_walk_inspect(const struct mmu *m, uint64_t satp, uint64_t va, struct mmu_walk_view *out)
{
    *out = (struct mmu_walk_view){ 0 };
    unsigned mode = (unsigned)(satp >> SATP_MODE_SHIFT);
    unsigned levels = mode == SATP_SV39 ? 3 : mode == SATP_SV48 ? 4 : mode == SATP_SV57 ? 5 : 0;
    out->levels = (uint8_t)levels;
    if (!levels) {
        out->ok = true;
        out->pa = va;
        out->fault = NULL;
        return;
    }
    if (!va_canonical(va, 64 - (12 + 9 * levels))) {
        out->fault = "not canonical: bits 63..VABITS differ from bit VABITS-1";
        return;
    }
    uint16_t asid = (uint16_t)((satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    unsigned cached = pwc_level_for(m, va, asid, levels);
    uint64_t a = (satp & SATP_PPN_MASK) << 12;
    for (int i = (int)levels - 1; i >= 0; i--) {
        struct mmu_walk_row *row = &out->rows[out->nrows++];
        row->level = (uint8_t)i;
        row->pte_pa = a + vpn(va, i) * 8;
        row->pwc = cached && (unsigned)i >= cached;
        const uint8_t *p = phys_ram_ptr(m->pm, row->pte_pa, 8);
        if (!p) {
            out->fault = "PTE not in RAM (access fault)";
            return;
        }
        uint64_t pte = __atomic_load_n((const uint64_t *)(const void *)p, __ATOMIC_ACQUIRE);
        row->pte = pte;
        bool leaf = (pte & (PTE_R | PTE_X)) != 0;
        const char *why = pte_problem(pte, i, leaf);
        if (why) {
            out->fault = why;
            return;
        }
        if (leaf) {
            unsigned s = (pte & PTE_N) ? MMU_PAGE_64K : (i == 0 ? MMU_PAGE_4K : (unsigned)i + 1);
            uint64_t mask = mmu_size_offset_mask[s];
            out->ok = true;
            out->size = (uint8_t)s;
            out->pa = ((pte_ppn(pte) << 12) & ~mask) | (va & mask);
            return;
        }
        a = pte_ppn(pte) << 12;
    }
    out->fault = "no leaf at level 0";
}

static const struct tlb *tlb_of(const struct mmu *m, int which)
{
    if (which >= 0 && which < 3)
        return &m->tlb[which];
    if (which == MMU_TLB_PWC)
        return &m->pwc.t;
    return NULL;
}

unsigned mmu_tlb_capacity(const struct mmu *m, int which)
{
    const struct tlb *t = tlb_of(m, which);
    return t ? t->sets * t->ways : 0;
}

void mmu_tlb_geometry(const struct mmu *m, int which, unsigned *sets, unsigned *ways)
{
    const struct tlb *t = tlb_of(m, which);
    *sets = t ? t->sets : 0;
    *ways = t ? t->ways : 0;
}

int mmu_track_entry_hits(struct mmu *m)
{
    for (int k = 0; k < 3; k++)
        if (tlb_track_hits(&m->tlb[k]))
            return -1;
    if (m->ctx.path == 1) /* see mmu_fast_context */
        m->ctx.path = 3;
    return tlb_track_hits(&m->pwc.t);
}

/* Uses of L1D entry k that the fast path has not yet added to its hits. */
static uint64_t fast_pending_hits(const struct mmu *m, size_t k)
{
    const struct tlb *t = &m->tlb[MMU_TLB_L1D];
    uint64_t n = 0;
    for (int i = 0; i < MMU_FAST_N; i++)
        if (m->fast[i].entry == k && m->fast[i].filled == t->filled[k])
            n += m->fast[i].hits;
    return n;
}

int mmu_tlb_dump(const struct mmu *m, int which, struct tlb_entry_view *out, int max)
{
    const struct tlb *t = tlb_of(m, which);
    int n = 0;
    if (!t || !t->e)
        return 0;
    for (unsigned s = 0; s < t->sets; s++) {
        for (unsigned w = 0; w < t->ways && n < max; w++) {
            size_t k = (size_t)s * t->ways + w;
            const struct tlb_entry *e = &t->e[k];
            if (!e->valid)
                continue;
            unsigned shift = which == MMU_TLB_PWC ? 12u + 9u * e->size : mmu_size_shift[e->size];
            out[n++] = (struct tlb_entry_view){
                .set = s, .way = w, .va = e->tag << shift, .pa = e->ppn << 12,
                .bytes = 1ULL << shift,
                .size = e->size, .asid = e->asid, .global = e->global, .flags = e->flags,
                .pbmt = e->pbmt, .levels = e->levels & 7, .stamp = t->stamp[k],
                .kind = (uint8_t)tlb_kind_of(e),
                .vmid = tlb_kind_of(e) ? tlb_vx_vmid(t->vx[k]) : 0,
                /* the G-stage's R, W, X, D back at their PTE bit positions */
                .gflags = tlb_kind_of(e) ? (uint8_t)((tlb_vx_gflags(t->vx[k]) & 7) << 1 |
                                                     (tlb_vx_gflags(t->vx[k]) & 8) << 4) : 0,
                .hits = !t->hits ? 0 : t->hits[k] + (which == MMU_TLB_L1D ? fast_pending_hits(m, k) : 0),
            };
        }
    }
    return n;
}
