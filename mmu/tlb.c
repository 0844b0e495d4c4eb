/* The TLB model: set-associative arrays of cached translations, one per TLB
 * level, and the page-walk cache (PWC) of non-leaf PTEs.
 *
 * Every page size is held in the same array, one entry per page ("hash-
 * rehash"): an entry of size class s lives in set (va >> shift[s]) & (sets-1)
 * and a lookup probes, for each size class present in the TLB (size_mask),
 * that class's set.  See docs/MMU.md. */
#include <stdint.h>
#include <stdlib.h>

#include "line_alloc.h"
#include "mmu_internal.h"

int tlb_init(struct tlb *t, unsigned sets, unsigned ways, enum mmu_repl repl, uint64_t seed)
{
    *t = (struct tlb){ 0 };
    t->repl = repl;
    t->rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
    if (sets == 0 || ways == 0)
        return 0; /* absent */
    t->e = line_calloc((size_t)sets * ways, sizeof *t->e);
    t->stamp = line_calloc((size_t)sets * ways, sizeof *t->stamp);
    t->match = line_calloc((size_t)sets * ways, sizeof *t->match);
    t->vx = line_calloc((size_t)sets * ways, sizeof *t->vx);
    if (!t->e || !t->stamp || !t->match || !t->vx) {
        tlb_free(t);
        return -1;
    }
    t->sets = sets;
    t->ways = ways;
    t->set_mask = sets - 1;
    return 0;
}

int tlb_track_hits(struct tlb *t)
{
    if (t->hits || !t->e)
        return 0;
    size_t n = (size_t)t->sets * t->ways;
    t->filled = line_calloc(n, sizeof *t->filled);
    t->hits = line_calloc(n, sizeof *t->hits);
    if (!t->hits || !t->filled) {
        line_free(t->hits);
        line_free(t->filled);
        t->hits = t->filled = NULL;
        return -1;
    }
    for (size_t k = 0; k < n; k++) /* entries filled before: their fills are unknown, counts start now */
        t->filled[k] = t->stamp[k];
    return 0;
}

void tlb_free(struct tlb *t)
{
    line_free(t->e);
    line_free(t->stamp);
    line_free(t->match);
    line_free(t->vx);
    line_free(t->hits);
    line_free(t->filled);
    t->e = NULL;
    t->stamp = NULL;
    t->match = NULL;
    t->vx = NULL;
    t->hits = NULL;
    t->filled = NULL;
    t->sets = t->ways = 0;
}

/* Is e, a valid entry, in the fence's scope (sc, copied into a local by
 * the caller) apart from its address?  The address-space filter is
 * sfence.vma's: with rs2 != x0 only non-global entries of that ASID
 * ("except for entries containing global mappings").  kinds false: t
 * holds V=0 entries only (struct tlb's kinds_used), and the kind and VMID
 * need no look (a constant where inlined, so that a V=0 fence's loop is
 * what it was before the H extension). */
static inline __attribute__((always_inline)) bool in_scope(const struct tlb *t, const struct tlb_entry *e,
                                                           const struct tlb_scope *sc, bool kinds)
{
    if (kinds && !(((sc->kinds >> tlb_kind_of(e)) & 1) &&
                   (!sc->has_vmid || tlb_vx_vmid(t->vx[e - t->e]) == sc->vmid)))
        return false;
    return !sc->has_asid || (!e->global && e->asid == sc->asid);
}

/* tlb_fence, with kinds as for in_scope. */
static inline __attribute__((always_inline)) unsigned fence_k(struct tlb *t, const struct tlb_scope *scope,
                                                              bool kinds)
{
    const struct tlb_scope sc = *scope; /* in registers: the loops store to the arrays */
    unsigned removed = 0;
    if (!sc.has_va) {
        for (size_t k = 0; k < (size_t)t->sets * t->ways; k++) {
            struct tlb_entry *e = &t->e[k];
            if (e->valid && in_scope(t, e, &sc, kinds)) {
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
        uint64_t tag = sc.va >> mmu_size_shift[s];
        struct tlb_entry *set = t->e + (size_t)(tag & t->set_mask) * t->ways;
        for (unsigned w = 0; w < t->ways; w++) {
            struct tlb_entry *e = &set[w];
            if (e->valid && e->tag == tag && e->size == s && in_scope(t, e, &sc, kinds)) {
                tlb_remove(t, e);
                removed++;
            }
        }
    }
    return removed;
}

unsigned tlb_fence_scope(struct tlb *t, const struct tlb_scope *sc)
{
    if (!t->e)
        return 0;
    if (!t->kinds_used) /* V=0 entries only */
        return (sc->kinds >> TLB_KIND_S) & 1 ? fence_k(t, sc, false) : 0;
    return fence_k(t, sc, true);
}

unsigned tlb_fence(struct tlb *t, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    const struct tlb_scope sc = { .kinds = 1u << TLB_KIND_S, .has_va = has_va, .va = va, .has_asid = has_asid,
                                  .asid = asid };
    if (!t->e)
        return 0;
    return t->kinds_used ? fence_k(t, &sc, true) : fence_k(t, &sc, false); /* two loops, one without kinds */
}

/* ---- the page-walk cache ------------------------------------------------ */

int pwc_init(struct pwc *p, unsigned entries, enum mmu_repl repl, uint64_t seed)
{
    *p = (struct pwc){ 0 };
    if (tlb_init(&p->t, entries ? 1 : 0, entries, repl, seed))
        return -1;
    if (!entries)
        return 0;
    /* at least 4 buckets per entry, so that few share one */
    p->index_bits = 2;
    while ((1u << p->index_bits) < 4 * entries)
        p->index_bits++;
    p->index = calloc((size_t)1 << p->index_bits, sizeof *p->index);
    if (!p->index) {
        pwc_free(p);
        return -1;
    }
    return 0;
}

void pwc_free(struct pwc *p)
{
    tlb_free(&p->t);
    free(p->index);
    p->index = NULL;
}

/* The deepest entry a walk of va may use, by searching every way.  At most
 * one entry of each level matches (pwc_insert overwrites an entry that the
 * same address space would hit), so "deepest" is well defined. */
struct tlb_entry *pwc_search(struct pwc *p, uint64_t va, uint16_t asid, unsigned levels)
{
    struct tlb_entry *best = NULL;
    for (unsigned w = 0; w < p->t.ways; w++) {
        struct tlb_entry *e = &p->t.e[w];
        if (pwc_match(e, va, asid, levels) && (!best || e->size < best->size))
            best = e;
    }
    return best;
}

static inline __attribute__((always_inline)) void pwc_remove(struct pwc *p, struct tlb_entry *e)
{
    if (!e->valid)
        return;
    struct pwc_bucket *b = pwc_bucket_of(p, e->size, e->tag);
    b->count--;
    if (b->way == e - p->t.e)
        b->way = PWC_NO_WAY;
    tlb_remove(&p->t, e);
}

bool pwc_insert(struct pwc *p, const struct tlb_entry *n)
{
    if (!p->t.e)
        return false;
    /* an entry that n must overwrite has n's level and tag, so it counts in
     * n's bucket: with none there, as after a missed lookup, no search */
    struct tlb_entry *slot = tlb_insert_slot(&p->t, n, pwc_bucket_of(p, n->size, n->tag)->count == 0);
    bool evicted = slot->valid;
    pwc_remove(p, slot);
    tlb_put(&p->t, slot, n);
    struct pwc_bucket *b = pwc_bucket_of(p, slot->size, slot->tag);
    b->count++;
    b->way = (uint16_t)(slot - p->t.e);
    return evicted;
}

/* pwc_fence, with kinds as for in_scope. */
static inline __attribute__((always_inline)) unsigned pwc_fence_k(struct pwc *p, const struct tlb_scope *scope,
                                                                  bool kinds)
{
    const struct tlb_scope sc = *scope;
    unsigned removed = 0;
    for (unsigned w = 0; w < p->t.ways; w++) {
        struct tlb_entry *e = &p->t.e[w];
        if (!e->valid || !in_scope(&p->t, e, &sc, kinds))
            continue;
        if (sc.has_va && e->tag != sc.va >> pwc_shift(e->size))
            continue;
        pwc_remove(p, e);
        removed++;
    }
    return removed;
}

unsigned pwc_fence_scope(struct pwc *p, const struct tlb_scope *sc)
{
    if (!p->t.kinds_used)
        return (sc->kinds >> TLB_KIND_S) & 1 ? pwc_fence_k(p, sc, false) : 0;
    return pwc_fence_k(p, sc, true);
}

unsigned pwc_fence(struct pwc *p, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    const struct tlb_scope sc = { .kinds = 1u << TLB_KIND_S, .has_va = has_va, .va = va, .has_asid = has_asid,
                                  .asid = asid };
    return p->t.kinds_used ? pwc_fence_k(p, &sc, true) : pwc_fence_k(p, &sc, false);
}

struct tlb_entry *pwc_lookup_kind(struct pwc *p, uint64_t va, unsigned kind, uint16_t vmid, uint16_t asid,
                                  unsigned levels)
{
    /* a search of every way (as pwc_search): the index's buckets would
     * serve too, but two-stage walks are not the path this is tuned for */
    struct tlb_entry *best = NULL;
    uint8_t lk = tlb_levels_kind(levels, kind);
    for (unsigned w = 0; w < p->t.ways; w++) {
        struct tlb_entry *e = &p->t.e[w];
        if (e->valid && e->levels == lk && tlb_vx_vmid(p->t.vx[w]) == vmid && e->tag == va >> pwc_shift(e->size) &&
            (e->global || e->asid == asid) && (!best || e->size < best->size))
            best = e;
    }
    if (best)
        tlb_touch(&p->t, best);
    return best;
}

struct tlb_entry *tlb_put_kind(struct tlb *t, struct pwc *pwc, const struct tlb_entry *n, uint32_t vx,
                               bool *evicted)
{
    *evicted = false;
    if (!t->e)
        return NULL;
    uint64_t want = tlb_entry_match_word(n);
    size_t base = (size_t)(n->tag & t->set_mask) * t->ways, k = SIZE_MAX;
    for (unsigned w = 0; w < t->ways && k == SIZE_MAX; w++) {
        const struct tlb_entry *e = &t->e[base + w];
        if (t->match[base + w] == want && tlb_vx_vmid(t->vx[base + w]) == tlb_vx_vmid(vx) &&
            (e->global || n->global || e->asid == n->asid))
            k = base + w;
    }
    if (k == SIZE_MAX)
        k = base + tlb_victim_n(t, t->stamp + base, t->ways, t->repl);
    struct tlb_entry *slot = &t->e[k];
    *evicted = slot->valid;
    if (pwc)
        pwc_remove(pwc, slot);
    tlb_put_at(t, k, n, want, true);
    t->vx[k] = vx;
    t->kinds_used = true;
    if (pwc) {
        struct pwc_bucket *b = pwc_bucket_of(pwc, slot->size, slot->tag);
        b->count++;
        b->way = (uint16_t)k;
    }
    return slot;
}
