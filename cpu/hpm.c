/* mhpmcounter3..31 and mhpmevent3..31 (hpm.h). */
#include "hart.h"
#include "hpm.h"

/* How many times the event has happened on this hart so far. */
static uint64_t event_count(struct hart *h, uint64_t event)
{
    if (event == HPM_NONE || event >= HPM_NEVENTS)
        return 0;
    const struct mmu_stats *s = mmu_get_stats(h->mmu);
    switch (event) {
    case HPM_DTLB_LOAD_MISS: return s->tlb[MMU_TLB_L1D].misses_by_access[MMU_LOAD];
    case HPM_DTLB_STORE_MISS: return s->tlb[MMU_TLB_L1D].misses_by_access[MMU_STORE];
    case HPM_ITLB_MISS: return s->tlb[MMU_TLB_L1I].misses_by_access[MMU_FETCH];
    case HPM_L2TLB_LOAD_MISS: return s->tlb[MMU_TLB_L2].misses_by_access[MMU_LOAD];
    case HPM_L2TLB_STORE_MISS: return s->tlb[MMU_TLB_L2].misses_by_access[MMU_STORE];
    case HPM_L2TLB_FETCH_MISS: return s->tlb[MMU_TLB_L2].misses_by_access[MMU_FETCH];
    case HPM_WALKS: return s->walks;
    case HPM_PTE_READS: return s->pte_reads;
    case HPM_LOAD_PAGE_FAULTS: return s->page_faults[MMU_LOAD];
    case HPM_STORE_PAGE_FAULTS: return s->page_faults[MMU_STORE];
    case HPM_FETCH_PAGE_FAULTS: return s->page_faults[MMU_FETCH];
    case HPM_SFENCE: return s->fences[0] + s->fences[1] + s->fences[2] + s->fences[3];
    case HPM_AD_UPDATES: return s->ad_updates;
    default: return 0;
    }
}

static bool inhibited(const struct hart *h, unsigned n) { return (h->mcountinhibit >> n) & 1; }

uint64_t hpm_counter_read(struct hart *h, unsigned n)
{
    const struct hpm_counter *c = &h->hpm[n];
    if (inhibited(h, n))
        return c->value;
    return c->value + (event_count(h, c->event) - c->snap);
}

void hpm_counter_write(struct hart *h, unsigned n, uint64_t v)
{
    struct hpm_counter *c = &h->hpm[n];
    c->value = v;
    c->snap = event_count(h, c->event);
}

uint64_t hpm_event_read(const struct hart *h, unsigned n) { return h->hpm[n].event; }

void hpm_event_write(struct hart *h, unsigned n, uint64_t v)
{
    struct hpm_counter *c = &h->hpm[n];
    c->value = hpm_counter_read(h, n); /* what it counted so far stays */
    c->event = v < HPM_NEVENTS ? v : HPM_NONE; /* WARL: an unknown event counts nothing */
    c->snap = event_count(h, c->event);
}

void hpm_inhibit(struct hart *h, uint64_t old, uint64_t new_)
{
    for (unsigned n = 3; n < 32; n++) {
        bool was = (old >> n) & 1, now = (new_ >> n) & 1;
        struct hpm_counter *c = &h->hpm[n];
        if (!was && now) /* freeze at the value now (read with the old mcountinhibit) */
            c->value = c->value + (event_count(h, c->event) - c->snap);
        else if (was && !now) /* go on from the frozen value */
            c->snap = event_count(h, c->event);
    }
}
