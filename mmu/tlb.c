/* The TLB model: set-associative arrays of cached translations, one per TLB
 * level, and the page-walk cache (PWC) of non-leaf PTEs.
 *
 * Every page size is held in the same array, one entry per page ("hash-
 * rehash"): an entry of size class s lives in set (va >> shift[s]) & (sets-1)
 * and a lookup probes, for each size class present in the TLB (size_mask),
 * that class's set.  See docs/MMU.md. */
#include <stdlib.h>

#include "mmu_internal.h"

int tlb_init(struct tlb *t, unsigned sets, unsigned ways, enum mmu_repl repl, uint64_t seed)
{
    *t = (struct tlb){ 0 };
    t->repl = repl;
    t->rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
    if (sets == 0 || ways == 0)
        return 0; /* absent */
    t->e = calloc((size_t)sets * ways, sizeof *t->e);
    if (!t->e)
        return -1;
    t->sets = sets;
    t->ways = ways;
    t->set_mask = sets - 1;
    return 0;
}

void tlb_free(struct tlb *t)
{
    free(t->e);
    t->e = NULL;
    t->sets = t->ways = 0;
}

static void count_add(struct tlb *t, unsigned s)
{
    if (t->size_count[s]++ == 0)
        t->size_mask |= 1u << s;
}

void tlb_remove(struct tlb *t, struct tlb_entry *e)
{
    if (!e->valid)
        return;
    e->valid = 0;
    if (--t->size_count[e->size] == 0)
        t->size_mask &= ~(1u << e->size);
}

static uint64_t xorshift64(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* The way to fill in a set: an invalid one, else by the replacement policy. */
static struct tlb_entry *victim(struct tlb *t, struct tlb_entry *set)
{
    for (unsigned w = 0; w < t->ways; w++)
        if (!set[w].valid)
            return &set[w];
    if (t->repl == MMU_REPL_RANDOM)
        return &set[xorshift64(&t->rng) % t->ways];
    struct tlb_entry *v = &set[0]; /* LRU and FIFO: smallest stamp */
    for (unsigned w = 1; w < t->ways; w++)
        if (set[w].stamp < v->stamp)
            v = &set[w];
    return v;
}

bool tlb_insert(struct tlb *t, const struct tlb_entry *n)
{
    if (!t->e)
        return false;
    struct tlb_entry *set = t->e + (size_t)(n->tag & t->set_mask) * t->ways;
    struct tlb_entry *slot = NULL;
    /* An entry for the same page that this address space would hit (e.g. a
     * store re-walked to set D) is overwritten, never duplicated. */
    for (unsigned w = 0; w < t->ways; w++) {
        struct tlb_entry *e = &set[w];
        if (e->valid && e->tag == n->tag && e->size == n->size &&
            (e->global || n->global || e->asid == n->asid)) {
            slot = e;
            break;
        }
    }
    if (!slot)
        slot = victim(t, set);
    bool evicted = slot->valid;
    tlb_remove(t, slot);
    *slot = *n;
    slot->valid = 1;
    slot->stamp = ++t->clock;
    count_add(t, n->size);
    return evicted;
}

/* sfence.vma address-space filter: with rs2 != x0 only non-global entries of
 * that ASID ("except for entries containing global mappings"). */
static bool asid_match(const struct tlb_entry *e, bool has_asid, uint16_t asid)
{
    return !has_asid || (!e->global && e->asid == asid);
}

unsigned tlb_fence(struct tlb *t, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    unsigned removed = 0;
    if (!t->e)
        return 0;
    if (!has_va) {
        for (size_t k = 0; k < (size_t)t->sets * t->ways; k++) {
            struct tlb_entry *e = &t->e[k];
            if (e->valid && asid_match(e, has_asid, asid)) {
                tlb_remove(t, e);
                removed++;
            }
        }
        return removed;
    }
    /* rs1 != x0: only the leaf entries that map va, of every page size. */
    unsigned mask = t->size_mask;
    while (mask) {
        unsigned s = (unsigned)__builtin_ctz(mask);
        mask &= mask - 1;
        uint64_t tag = va >> mmu_size_shift[s];
        struct tlb_entry *set = t->e + (size_t)(tag & t->set_mask) * t->ways;
        for (unsigned w = 0; w < t->ways; w++) {
            struct tlb_entry *e = &set[w];
            if (e->valid && e->tag == tag && e->size == s && asid_match(e, has_asid, asid)) {
                tlb_remove(t, e);
                removed++;
            }
        }
    }
    return removed;
}

static unsigned pwc_shift(unsigned level) { return 12 + 9 * level; }

struct tlb_entry *pwc_lookup(struct tlb *t, uint64_t va, uint16_t asid, unsigned levels)
{
    struct tlb_entry *best = NULL;
    for (unsigned w = 0; w < t->ways; w++) {
        struct tlb_entry *e = &t->e[w];
        if (e->valid && e->levels == levels && e->tag == va >> pwc_shift(e->size) &&
            (e->global || e->asid == asid) && (!best || e->size < best->size))
            best = e;
    }
    if (best && t->repl == MMU_REPL_LRU)
        best->stamp = ++t->clock;
    return best;
}

unsigned pwc_fence(struct tlb *t, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    unsigned removed = 0;
    for (unsigned w = 0; w < t->ways; w++) {
        struct tlb_entry *e = &t->e[w];
        if (!e->valid || !asid_match(e, has_asid, asid))
            continue;
        if (has_va && e->tag != va >> pwc_shift(e->size))
            continue;
        tlb_remove(t, e);
        removed++;
    }
    return removed;
}
