/* mmu_translate and everything around it: configuration, the TLB lookup
 * path (L1I/L1D, then L2, then the walker in walk.c), PMP on the final
 * physical address, sfence.vma, statistics.  No allocation after
 * mmu_create. */
#include <stdlib.h>
#include <string.h>

#include "line_alloc.h"
#include "mmu_fast.h"

void mmu_config_default(struct mmu_config *c)
{
    /* Roughly a current application core: 64-entry L1s, 2048-entry L2. */
    *c = (struct mmu_config){
        .l1i_sets = 16, .l1i_ways = 4,
        .l1d_sets = 16, .l1d_ways = 4,
        .l2_sets = 256, .l2_ways = 8,
        .pwc_entries = 32,
        .repl = MMU_REPL_LRU,
        .flush_on_satp_write = false,
        .ad = MMU_AD_HARDWARE,
    };
}

static bool parse_uint(const char *s, size_t len, unsigned max, unsigned *out)
{
    if (len == 0 || len > 9)
        return false;
    unsigned v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        v = v * 10 + (unsigned)(s[k] - '0');
    }
    if (v > max)
        return false;
    *out = v;
    return true;
}

/* "SxW" or "0" */
static int parse_geometry(const char *v, size_t len, unsigned *sets, unsigned *ways,
                          const char *key, char *err, size_t errlen)
{
    if (len == 1 && v[0] == '0') {
        *sets = *ways = 0;
        return 0;
    }
    const char *x = memchr(v, 'x', len);
    unsigned s, w;
    if (!x || !parse_uint(v, (size_t)(x - v), 1u << 16, &s) ||
        !parse_uint(x + 1, len - (size_t)(x + 1 - v), 256, &w) || s == 0 || w == 0) {
        snprintf(err, errlen, "--tlb: %s wants SETSxWAYS (sets 1..65536, ways 1..256) or 0, got '%.*s'",
                 key, (int)len, v);
        return -1;
    }
    if (s & (s - 1)) {
        snprintf(err, errlen, "--tlb: %s: sets must be a power of two, got %u", key, s);
        return -1;
    }
    *sets = s;
    *ways = w;
    return 0;
}

int mmu_config_parse_tlb(struct mmu_config *c, const char *spec, char *err, size_t errlen)
{
    struct mmu_config t = *c;
    const char *p = spec;
    if (!spec || !*spec) {
        snprintf(err, errlen, "--tlb: empty value");
        return -1;
    }
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (!eq) {
            snprintf(err, errlen, "--tlb: '%.*s' is not key=value", (int)len, p);
            return -1;
        }
        size_t klen = (size_t)(eq - p);
        const char *v = eq + 1;
        size_t vlen = len - klen - 1;
#define KEY(s) (klen == strlen(s) && memcmp(p, s, klen) == 0)
#define VAL(s) (vlen == strlen(s) && memcmp(v, s, vlen) == 0)
        if (KEY("l1i")) {
            if (parse_geometry(v, vlen, &t.l1i_sets, &t.l1i_ways, "l1i", err, errlen)) return -1;
        } else if (KEY("l1d")) {
            if (parse_geometry(v, vlen, &t.l1d_sets, &t.l1d_ways, "l1d", err, errlen)) return -1;
        } else if (KEY("l2")) {
            if (parse_geometry(v, vlen, &t.l2_sets, &t.l2_ways, "l2", err, errlen)) return -1;
        } else if (KEY("pwc")) {
            if (!parse_uint(v, vlen, 4096, &t.pwc_entries)) {
                snprintf(err, errlen, "--tlb: pwc wants a number of entries 0..4096, got '%.*s'",
                         (int)vlen, v);
                return -1;
            }
        } else if (KEY("repl")) {
            if (VAL("lru")) t.repl = MMU_REPL_LRU;
            else if (VAL("fifo")) t.repl = MMU_REPL_FIFO;
            else if (VAL("random")) t.repl = MMU_REPL_RANDOM;
            else {
                snprintf(err, errlen, "--tlb: repl wants lru, fifo or random, got '%.*s'", (int)vlen, v);
                return -1;
            }
        } else {
            snprintf(err, errlen, "--tlb: unknown key '%.*s' (l1i, l1d, l2, pwc, repl)", (int)klen, p);
            return -1;
        }
#undef KEY
#undef VAL
        p += len;
        if (*p == ',')
            p++;
    }
    *c = t;
    return 0;
}

int mmu_config_set_flush_mode(struct mmu_config *c, const char *mode)
{
    if (strcmp(mode, "peer") == 0) c->flush_on_satp_write = true;
    else if (strcmp(mode, "exact") == 0) c->flush_on_satp_write = false;
    else return -1;
    return 0;
}

int mmu_config_set_ad(struct mmu_config *c, const char *mode)
{
    if (strcmp(mode, "hw") == 0) c->ad = MMU_AD_HARDWARE;
    else if (strcmp(mode, "fault") == 0) c->ad = MMU_AD_FAULT;
    else return -1;
    return 0;
}

/* mmu_l1_changed for both L1s: entries of either may have gone, or PMP changed. */
static void both_l1_changed(struct mmu *m)
{
    mmu_l1_changed(m, MMU_TLB_L1I);
    mmu_l1_changed(m, MMU_TLB_L1D);
}

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
    both_l1_changed(m);
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

/* Satp's LEVELS (Sv39: 3, Sv48: 4, Sv57: 5), or 0 when it does not translate. */
static unsigned satp_levels(uint64_t satp)
{
    switch (satp >> SATP_MODE_SHIFT) {
    case SATP_SV39: return 3;
    case SATP_SV48: return 4;
    case SATP_SV57: return 5;
    default: return 0;
    }
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
    c->path = !c->levels || !m->tlb[MMU_TLB_L1D].e || !m->tlb[MMU_TLB_L2].e ? 0
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
                                                                       uint16_t asid)
{
    struct mmu_tlb_stats *ts = &m->st.tlb[which];
    struct tlb_entry *e = tlb_lookup(&m->tlb[which], va, asid);
    /* lookups and hits are derived (merged_stats): one counter per lookup */
    if (e) {
        MMU_COUNT(ts->hits_by_size[e->size]++);
    } else {
        MMU_COUNT(ts->misses++);
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
    if (r != m->ctx.req && mmu_fast_key(r) != m->ctx.key)
        return 0;
    unsigned pmp = mmu_pmp_page_mask(m, pa & ~0xfffULL, r->priv); /* translated: S or U */
    mmu_fast_set(m, va & ~0xfffULL, host - (pa & 0xfff), src, pmp, true);
    return pmp;
}

/* Steps 3-8 of docs/MMU.md's translation path, for a canonical va under an
 * active satp: the entry that maps va (in the L1 when it is enabled), or a
 * fault.  *w holds the walk's result when there is no L1 to put it in;
 * *l1_hit is the L1 entry when the L1 lookup hit (the fast path's slot is
 * filled only then: see mmu_data_ptr_n). */
static enum mmu_result tlb_translate(struct mmu *m, uint64_t va, enum mmu_access acc,
                                     const struct mmu_req *r, unsigned levels, uint16_t asid,
                                     struct tlb_entry *w, struct tlb_entry **out,
                                     struct tlb_entry **l1_hit)
{
    struct mmu_stats *st = &m->st;
    int l1 = acc == MMU_FETCH ? MMU_TLB_L1I : MMU_TLB_L1D;
    bool has_l1 = m->tlb[l1].e != NULL;
    struct tlb_entry *e = NULL;
    bool in_l2 = false;
    bool l1_missed = false, l2_missed = false; /* for misses_by_size once the size is known */

    if (has_l1) {
        e = lookup(m, l1, va, asid);
        l1_missed = !e;
    }
    if (!e && m->tlb[MMU_TLB_L2].e) {
        e = lookup(m, MMU_TLB_L2, va, asid);
        l2_missed = !e;
        in_l2 = e != NULL;
    }

    if (e) {
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

    unsigned levels = satp_levels(r->satp);
    if (r->priv == PRIV_M || levels == 0) {
        /* satp is not active: pa = va (spec, "Supervisor Address Translation
         * and Protection (satp) Register": Bare, or M-mode). */
        MMU_COUNT(st->untranslated++);
        pa = va;
        goto check_pmp;
    }

    if (!va_canonical(va, 64 - (12 + 9 * levels)))
        return fault(m, MMU_PAGE_FAULT, acc);

    uint16_t asid = (uint16_t)((r->satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    struct tlb_entry w, *e, *l1_hit = NULL;
    enum mmu_result res = tlb_translate(m, va, acc, r, levels, asid, &w, &e, &l1_hit);
    if (res != MMU_OK)
        return fault(m, res, acc);

    uint64_t off = va & mmu_size_offset_mask[e->size];
    pa = (e->ppn << 12) | off;
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

void mmu_sfence_vma(struct mmu *m, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    /* Privileged spec, "Supervisor Memory-Management Fence Instruction":
     *  rs1=x0,  rs2=x0:  all entries, all address spaces (and the PWC);
     *  rs1=x0,  rs2!=x0: all entries of that ASID except global mappings;
     *  rs1!=x0, rs2=x0:  leaf entries mapping va, every address space,
     *                    global ones included;
     *  rs1!=x0, rs2!=x0: leaf entries mapping va in that ASID, not global.
     * With rs1 != x0 the fence only orders leaf PTEs; we also drop the PWC
     * entries on va's path, which the spec allows (flushing more of a cache
     * is always permitted). */
    int kind = (has_va ? 2 : 0) | (has_asid ? 1 : 0);
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence(&m->tlb[k], has_va, va, has_asid, asid);
    if (m->pwc.t.e)
        removed += pwc_fence(&m->pwc, has_va, va, has_asid, asid);
    MMU_COUNT(m->st.fences[kind]++);
    MMU_COUNT(m->st.fence_removed[kind] += removed);
    if (removed) {
        m->gen++;
        both_l1_changed(m);
    }
}

void mmu_flush_all(struct mmu *m)
{
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence(&m->tlb[k], false, 0, false, 0);
    if (m->pwc.t.e)
        removed += pwc_fence(&m->pwc, false, 0, false, 0);
    MMU_COUNT(m->st.flush_all++);
    if (removed) {
        m->gen++;
        both_l1_changed(m);
    }
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
                .pbmt = e->pbmt, .levels = e->levels, .stamp = t->stamp[k],
                .hits = !t->hits ? 0 : t->hits[k] + (which == MMU_TLB_L1D ? fast_pending_hits(m, k) : 0),
            };
        }
    }
    return n;
}

/* The statistics with the fast path's hits and the data path's refills
 * and walks added in. */
static void merged_stats(const struct mmu *m, struct mmu_stats *s)
{
    *s = m->st;
    uint64_t hits[MMU_NSIZES];
    memcpy(hits, m->fast_hits, sizeof hits);
    for (int k = 0; k < MMU_FAST_N; k++)
        hits[m->fast[k].size] += m->fast[k].hits;
    for (int z = 0; z < MMU_NSIZES; z++) {
        s->translations += hits[z];
        s->tlb[MMU_TLB_L1D].hits_by_size[z] += hits[z];
        /* an L2 refill (mmu_data_ptr_n): a translation, an L1D miss and fill, an L2 hit */
        uint64_t r = m->l2_refills[z];
        s->translations += r;
        s->tlb[MMU_TLB_L1D].misses += r;
        s->tlb[MMU_TLB_L1D].misses_by_size[z] += r;
        s->tlb[MMU_TLB_L1D].fills += r;
        s->tlb[MMU_TLB_L2].hits_by_size[z] += r;
    }
    /* a walk of the data path (mmu_data_walk_n): a translation, an L1D and an
     * L2 miss of a 4 KiB page, each filled, a walk after a page-walk-cache
     * lookup that hit, of one PTE read (pwc_walks) or two (pwc2_walks) */
    uint64_t w1 = m->pwc_walks, w2 = m->pwc2_walks, w = w1 + w2;
    s->translations += w;
    for (int k = MMU_TLB_L1D; k <= MMU_TLB_L2; k++) {
        s->tlb[k].misses += w;
        s->tlb[k].misses_by_size[MMU_PAGE_4K] += w;
        s->tlb[k].fills += w;
    }
    s->walks += w;
    s->pte_reads += w1 + 2 * w2;
    s->walk_reads[0] += w1;
    s->walk_reads[1] += w2;
    s->pwc_lookups += w;
    s->pwc_hits += w;
    /* a lookup is a hit (of some size) or a miss */
    for (int k = 0; k < 3; k++) {
        struct mmu_tlb_stats *t = &s->tlb[k];
        t->hits = 0;
        for (int z = 0; z < MMU_NSIZES; z++)
            t->hits += t->hits_by_size[z];
        t->lookups = t->hits + t->misses;
    }
}

const struct mmu_stats *mmu_get_stats(struct mmu *m)
{
    merged_stats(m, &m->st_view);
    return &m->st_view;
}

void mmu_stats_reset(struct mmu *m)
{
    for (int k = 0; k < MMU_FAST_N; k++)
        mmu_fast_fold(m, &m->fast[k], true); /* the entries keep their hits */
    memset(&m->st, 0, sizeof m->st);
    memset(m->fast_hits, 0, sizeof m->fast_hits);
    memset(m->l2_refills, 0, sizeof m->l2_refills);
    m->pwc_walks = 0;
    m->pwc2_walks = 0;
}

void mmu_set_ad_hook(struct mmu *m, void (*hook)(void *ctx, uint64_t pte_pa), void *ctx)
{
    m->ad_hook = hook;
    m->ad_ctx = ctx;
}

static const char *const tlb_names[3] = { "l1i", "l1d", "l2" };
static const char *const size_names[MMU_NSIZES] = { "4K", "64K", "2M", "1G", "512G", "256T" };
static const char *const acc_names[3] = { "fetch", "load", "store" };
static const char *const fence_names[4] = { "all", "asid", "va", "va_asid" };
static const char *const repl_names[3] = { "lru", "fifo", "random" };

void mmu_stats_print(const struct mmu *m, FILE *f)
{
    struct mmu_stats merged;
    merged_stats(m, &merged);
    const struct mmu_stats *s = &merged;
    const struct mmu_config *c = &m->cfg;
    fprintf(f, "mmu: l1i=%ux%u l1d=%ux%u l2=%ux%u pwc=%u repl=%s\n", c->l1i_sets, c->l1i_ways,
            c->l1d_sets, c->l1d_ways, c->l2_sets, c->l2_ways, c->pwc_entries, repl_names[c->repl]);
    fprintf(f, "  translations %llu (untranslated %llu)\n", (unsigned long long)s->translations,
            (unsigned long long)s->untranslated);
    for (int k = 0; k < 3; k++) {
        const struct mmu_tlb_stats *t = &s->tlb[k];
        if (!m->tlb[k].e)
            continue;
        fprintf(f, "  %-3s lookups %llu hits %llu misses %llu (%.2f%% hit) fills %llu evictions %llu\n",
                tlb_names[k], (unsigned long long)t->lookups, (unsigned long long)t->hits,
                (unsigned long long)t->misses, t->lookups ? 100.0 * (double)t->hits / (double)t->lookups : 0.0,
                (unsigned long long)t->fills, (unsigned long long)t->evictions);
        fprintf(f, "      by size (hits/misses):");
        for (int z = 0; z < MMU_NSIZES; z++)
            fprintf(f, " %s %llu/%llu", size_names[z], (unsigned long long)t->hits_by_size[z],
                    (unsigned long long)t->misses_by_size[z]);
        fprintf(f, "\n");
    }
    fprintf(f, "  walks %llu, PTE reads %llu; reads per walk 1:%llu 2:%llu 3:%llu 4:%llu 5+:%llu\n",
            (unsigned long long)s->walks, (unsigned long long)s->pte_reads,
            (unsigned long long)s->walk_reads[0], (unsigned long long)s->walk_reads[1],
            (unsigned long long)s->walk_reads[2], (unsigned long long)s->walk_reads[3],
            (unsigned long long)s->walk_reads[4]);
    fprintf(f, "  page-walk cache lookups %llu hits %llu; A/D updates %llu (retries %llu)\n",
            (unsigned long long)s->pwc_lookups, (unsigned long long)s->pwc_hits,
            (unsigned long long)s->ad_updates, (unsigned long long)s->ad_retries);
    fprintf(f, "  page faults fetch %llu load %llu store %llu; access faults fetch %llu load %llu store %llu\n",
            (unsigned long long)s->page_faults[0], (unsigned long long)s->page_faults[1],
            (unsigned long long)s->page_faults[2], (unsigned long long)s->access_faults[0],
            (unsigned long long)s->access_faults[1], (unsigned long long)s->access_faults[2]);
    fprintf(f, "  sfence.vma");
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %llu (removed %llu)", fence_names[k], (unsigned long long)s->fences[k],
                (unsigned long long)s->fence_removed[k]);
    fprintf(f, "; flush-all %llu\n", (unsigned long long)s->flush_all);
}

static void json_u64s(FILE *f, const uint64_t *v, int n)
{
    fprintf(f, "[");
    for (int k = 0; k < n; k++)
        fprintf(f, "%s%llu", k ? "," : "", (unsigned long long)v[k]);
    fprintf(f, "]");
}

static void json_named(FILE *f, const char *const *names, const uint64_t *v, int n)
{
    fprintf(f, "{");
    for (int k = 0; k < n; k++)
        fprintf(f, "%s\"%s\":%llu", k ? "," : "", names[k], (unsigned long long)v[k]);
    fprintf(f, "}");
}

void mmu_stats_json(const struct mmu *m, FILE *f)
{
    struct mmu_stats merged;
    merged_stats(m, &merged);
    const struct mmu_stats *s = &merged;
    const struct mmu_config *c = &m->cfg;
    fprintf(f, "{\"config\":{\"l1i\":[%u,%u],\"l1d\":[%u,%u],\"l2\":[%u,%u],\"pwc\":%u,\"repl\":\"%s\"},",
            c->l1i_sets, c->l1i_ways, c->l1d_sets, c->l1d_ways, c->l2_sets, c->l2_ways,
            c->pwc_entries, repl_names[c->repl]);
    fprintf(f, "\"translations\":%llu,\"untranslated\":%llu,", (unsigned long long)s->translations,
            (unsigned long long)s->untranslated);
    for (int k = 0; k < 3; k++) {
        const struct mmu_tlb_stats *t = &s->tlb[k];
        fprintf(f, "\"%s\":{\"lookups\":%llu,\"hits\":%llu,\"misses\":%llu,\"fills\":%llu,\"evictions\":%llu,"
                   "\"hits_by_size\":", tlb_names[k], (unsigned long long)t->lookups,
                (unsigned long long)t->hits, (unsigned long long)t->misses,
                (unsigned long long)t->fills, (unsigned long long)t->evictions);
        json_named(f, size_names, t->hits_by_size, MMU_NSIZES);
        fprintf(f, ",\"misses_by_size\":");
        json_named(f, size_names, t->misses_by_size, MMU_NSIZES);
        fprintf(f, "},");
    }
    fprintf(f, "\"walks\":%llu,\"pte_reads\":%llu,\"walk_reads_1_to_5plus\":",
            (unsigned long long)s->walks, (unsigned long long)s->pte_reads);
    json_u64s(f, s->walk_reads, 5);
    fprintf(f, ",\"pwc_lookups\":%llu,\"pwc_hits\":%llu,\"ad_updates\":%llu,\"ad_retries\":%llu,",
            (unsigned long long)s->pwc_lookups, (unsigned long long)s->pwc_hits,
            (unsigned long long)s->ad_updates, (unsigned long long)s->ad_retries);
    fprintf(f, "\"page_faults\":");
    json_named(f, acc_names, s->page_faults, 3);
    fprintf(f, ",\"access_faults\":");
    json_named(f, acc_names, s->access_faults, 3);
    fprintf(f, ",\"fences\":");
    json_named(f, fence_names, s->fences, 4);
    fprintf(f, ",\"fence_removed\":");
    json_named(f, fence_names, s->fence_removed, 4);
    fprintf(f, ",\"flush_all\":%llu}", (unsigned long long)s->flush_all);
}
