/* Looking at translation state without changing it: the walk of one
 * address as memory holds it now, for the view (and, later, debuggers). */
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
