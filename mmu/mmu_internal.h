/* Internals of mmu/: the TLB model, the page-walk cache and struct mmu.
 * Only the files of mmu/ include this. */
#ifndef PAGODA_MMU_INTERNAL_H
#define PAGODA_MMU_INTERNAL_H

#include "mmu.h"

/* PTE fields (privileged spec, "Sv32" PTE format, extended by Sv39) */
#define PTE_V (1ULL << 0)
#define PTE_R (1ULL << 1)
#define PTE_W (1ULL << 2)
#define PTE_X (1ULL << 3)
#define PTE_U (1ULL << 4)
#define PTE_G (1ULL << 5)
#define PTE_A (1ULL << 6)
#define PTE_D (1ULL << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK ((1ULL << 44) - 1)          /* bits 53:10 */
#define PTE_RESERVED (0x7fULL << 54)             /* bits 60:54 */
#define PTE_PBMT_SHIFT 61                        /* bits 62:61, Svpbmt */
#define PTE_N (1ULL << 63)                       /* Svnapot */

/* va.vpn[i] and pte.ppn, as the spec's algorithm names them */
static inline uint64_t vpn(uint64_t va, int i) { return (va >> (12 + 9 * i)) & 0x1ff; }
static inline uint64_t pte_ppn(uint64_t pte) { return (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK; }

/* Sv39/48/57 "Addressing and Memory Protection": bits 63..VABITS of va
 * must all equal bit VABITS-1 (sh = 64 - VABITS), or a page fault occurs. */
static inline bool va_canonical(uint64_t va, unsigned sh) { return (uint64_t)((int64_t)(va << sh) >> sh) == va; }

#define SATP_MODE_SHIFT 60
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK 0xffffULL
#define SATP_PPN_MASK ((1ULL << 44) - 1)

/* A statistics counter update.  A build configured with -DPAGODA_STATS=OFF
 * compiles them all out (--stats then prints zeros): it exists to measure
 * what counting costs (docs/PERFORMANCE.md). */
#ifdef PAGODA_NO_STATS
#define MMU_COUNT(x) ((void)sizeof(x))
#else
#define MMU_COUNT(x) ((void)(x))
#endif

/* log2 of the bytes one entry of each size class maps */
static const unsigned mmu_size_shift[MMU_NSIZES] = { 12, 16, 21, 30, 39, 48 };
/* the offset bits of an address within a page of each size class */
static const uint64_t mmu_size_offset_mask[MMU_NSIZES] = {
    (1ULL << 12) - 1, (1ULL << 16) - 1, (1ULL << 21) - 1, (1ULL << 30) - 1, (1ULL << 39) - 1, (1ULL << 48) - 1,
};

/* One cached translation, 32 bytes (two to a host cache line).  In the PWC,
 * size is the level of the non-leaf PTE (1..4) and tag = va >> (12 + 9 *
 * level).  The replacement stamp lives beside the array (struct tlb), so
 * choosing a victim reads one line of stamps, not the whole set.
 *
 * The H extension (nested.c) adds kinds of entries, kept in levels' bits
 * 4:3 (enum tlb_kind) and in the top bits of the match word
 * (tlb_match_word_kind), so that a V=0 lookup, which compares levels and
 * match words as before, can never find them; their VMID and G-stage
 * flags live beside the array (struct tlb's vx), so that a V=0 entry and
 * everything the V=0 paths do with it stay exactly as they were:
 *  TLB_KIND_S   V=0 (HS/S/U-level) translations, as before;
 *  TLB_KIND_VS  combined VS+G translations (guest VA -> host PA) under a
 *               translating vsatp, tagged with VMID and ASID; in the PWC,
 *               VS-stage non-leaf PTEs (guest VA -> guest physical
 *               address of the next table), tagged the same way;
 *  TLB_KIND_G   G-stage translations (guest physical -> host physical),
 *               tagged with VMID: TLB entries in the L2 only (the nested
 *               TLB), non-leaf PTEs in the PWC;
 *  TLB_KIND_VSBARE combined translations made while vsatp is Bare (guest
 *               VA = guest PA), tagged with VMID only, so that they never
 *               answer under a translating vsatp (nor the other way).
 * For combined entries, flags are the VS-stage leaf's and the G-stage
 * leaf's R, W, X and D are kept in vx (its U is 1 and A set, or there
 * would be no entry), so that MXR and HLVX can be checked at each stage
 * exactly. */
enum tlb_kind { TLB_KIND_S = 0, TLB_KIND_VS = 1, TLB_KIND_G = 2, TLB_KIND_VSBARE = 3 };
struct tlb_entry {
    uint64_t tag;     /* va >> shift of the size class (sign bits included) */
    uint64_t ppn;     /* physical page number of the page (or next table) base */
    uint8_t *host;    /* host pointer of the page base when the whole page is RAM */
    uint16_t asid;
    uint8_t flags;    /* PTE bits 7:0 as read (A, D as in memory after our update) */
    uint8_t size;
    uint8_t valid;
    uint8_t global;
    uint8_t pbmt;
    /* bits 2:0 LEVELS of the mode it was filled under (3, 4, 5; 0 for a
     * combined entry under vsatp Bare), bits 4:3 enum tlb_kind: a V=0
     * entry's is its LEVELS alone, as before */
    uint8_t levels;
};
/* The kind of an entry, and the levels word of a kind under LEVELS. */
static inline unsigned tlb_kind_of(const struct tlb_entry *e) { return (unsigned)e->levels >> 3; }
static inline uint8_t tlb_levels_kind(unsigned levels, unsigned kind) { return (uint8_t)(levels | kind << 3); }
/* A G-stage leaf's R, W, X as bits 0..2 and D as bit 3 (struct tlb's vx) */
static inline unsigned tlb_gflags(uint64_t pte) { return (unsigned)((pte >> 1) & 7) | (unsigned)((pte >> 4) & 8); }
/* struct tlb's vx word of an entry of another kind than TLB_KIND_S */
#define TLB_VX(vmid, gflags) ((uint32_t)(vmid) | (uint32_t)(gflags) << 16)
static inline uint16_t tlb_vx_vmid(uint32_t vx) { return (uint16_t)vx; }
static inline unsigned tlb_vx_gflags(uint32_t vx) { return vx >> 16 & 15; }
_Static_assert(sizeof(struct tlb_entry) <= 32, "a TLB entry fits in half a cache line");

struct tlb {
    unsigned sets, ways, set_mask;
    struct tlb_entry *e;              /* sets * ways, set-major */
    /* stamp[k] belongs to e[k]: LRU last use, FIFO fill; 0 exactly when
     * e[k] is invalid (the clock starts at 1), see tlb_victim_n() below */
    uint64_t *stamp;
    /* match[k] = tlb_match_word(e[k].tag, e[k].size) while e[k] is valid, 0
     * while it is not: a set's words share one host cache line (8 ways), so
     * a lookup compares one word per way and reads an entry only on a
     * match.  Written only by tlb_put() and tlb_remove() below. */
    uint64_t *match;
    /* Only while a tool asks for them (mmu_track_entry_hits), else NULL:
     * hits[k], the lookups e[k] answered since it was filled (the fast
     * path's are added when its slot is reused, mmu_fast_fold); filled[k],
     * the clock when e[k] was filled, which tells whether a fast slot's
     * uses still belong to e[k].  Off, they cost a test of a pointer that
     * is in the line already read. */
    uint64_t *hits, *filled;
    uint32_t size_count[MMU_NSIZES];  /* valid entries per size class */
    unsigned size_mask;               /* bit s set when size_count[s] > 0 */
    enum mmu_repl repl;
    uint64_t clock;
    uint64_t rng;                     /* xorshift64 state for MMU_REPL_RANDOM */
    /* (last, so that the V=0 paths' fields keep their offsets) */
    /* vx[k] belongs to e[k] when it is of another kind than TLB_KIND_S (the
     * H extension, nested.c): its VMID and (combined entries) the G-stage
     * leaf's flags, TLB_VX; what it holds for a V=0 entry means nothing */
    uint32_t *vx;
    /* an entry of another kind than TLB_KIND_S has been put here since
     * tlb_init (tlb_put_kind): until then a fence need not look at kinds */
    bool kinds_used;
};

/* The page-walk cache: one fully associative set of non-leaf PTEs (a struct
 * tlb of 1 set), and an index so that a lookup need not search it.  The
 * index has a bucket per (level, tag) hash holding how many valid entries
 * hash there and the way of the last one added: a bucket with no entry
 * proves a miss at that level, a bucket with one names it, and only a
 * bucket shared by several entries (or whose named entry has gone) makes
 * the lookup search the set.  The index decides nothing: what the PWC
 * holds, finds and evicts is exactly what the search alone would give. */
#define PWC_NO_WAY 0xffff
struct pwc_bucket {
    uint16_t count;   /* valid entries whose (level, tag) hash here */
    uint16_t way;     /* a valid one of them (the last added), or PWC_NO_WAY */
};

struct pwc {
    struct tlb t;
    struct pwc_bucket *index;
    unsigned index_bits;              /* log2 of the number of buckets */
};

/* The data-access fast path (mmu_fast.h): a direct-mapped view of L1 data
 * TLB entries, 4 KiB at a time, for one translation context (the one last
 * given to mmu_fast_context).  It holds no translation of its own: an entry
 * is usable only while the fast generation is unchanged (no L1D entry
 * removed or replaced, no PMP write, no change of context), so whatever it
 * answers is exactly what an L1D lookup would answer; a use is counted and
 * ages the entry's LRU stamp as that lookup would.
 *
 * The generation is kept in the top 12 bits of the tags, which are va >> 12
 * (so those bits are 0): one compare checks the page, the kind of access
 * and the generation.  It counts modulo 4096, so when it wraps every slot
 * is emptied (mmu_fast_clear in mmu_data.h): no tag older than 4096
 * changes is left to match by accident.  An empty or refused tag of slot i has low bits
 * i ^ 1, which no access mapped to slot i can have. */
#define MMU_FAST_N 256
#define MMU_FAST_GEN_ONE (1ULL << 52)
struct mmu_fast {
    /* by enum mmu_access minus 1 (loads, stores): (va >> 12) ^ the fast
     * generation for the accesses this entry answers, else empty */
    uint64_t tag[2];
    uintptr_t addend;        /* host address of va = addend + va */
    /* the L1D entry's replacement stamp (LRU); with FIFO or random
     * replacement a use must not change stamps, so a scratch word (the
     * clock still advances, which keeps every order as it was) */
    uint64_t *stamp;
    uint64_t hits;           /* uses not yet added to fast_hits[size] */
    /* the L1D entry those uses were of: its index, and its filled[] then
     * (mmu_fast_fold adds them to its hits[] if it still holds that fill) */
    uint64_t filled;
    uint32_t entry;
    uint8_t size;
} __attribute__((aligned(64)));

struct mmu {
    struct mmu_config cfg;
    const struct phys_mem *pm;
    struct pmp *pmp;
    struct tlb tlb[3];                /* MMU_TLB_L1I, _L1D, _L2 */
    struct pwc pwc;
    uint64_t gen;
    /* per L1 (MMU_TLB_L1I, MMU_TLB_L1D): changes when an entry of that L1 is
     * removed or replaced (or, when that L1 is disabled, of the L2 that then
     * serves it), and on every PMP write (mmu_pmp_changed): mmu_l1_changed() in
     * mmu_data.h.  The L1I's is what the fetch buffer depends on; the L1D's is
     * fast_gen, which also moves on a change of the fast path's context
     * (mmu_fast_context) */
    uint64_t l1i_gen;
    uint64_t fast_gen;                /* a multiple of MMU_FAST_GEN_ONE */
    struct mmu_stats st;
    /* per privilege (index enum mmu_priv), the last PMP region looked up:
     * the same answer for any access inside [lo, hi) until the next PMP
     * write, which must be followed by mmu_pmp_changed() (it empties them
     * all: pmp_regions_reset in mmu.c).  Per privilege, so that a walk's
     * S-mode PTE reads and the U-mode access that follows do not evict
     * each other.  Without PMP (m->pmp NULL) each holds all of memory. */
    struct pmp_region {
        uint64_t lo, hi;
        /* the same test for a 4 KiB page at pa (aligned): pa - page_lo <=
         * page_span when [lo, hi) holds the whole page; page_lo = 1 (no
         * aligned pa passes) while the region holds no whole page or
         * nothing is cached (mmu_pmp_page_mask) */
        uint64_t page_lo, page_span;
        uint8_t mask;
    } pmpc[4];
    void (*ad_hook)(void *ctx, uint64_t pte_pa);
    void *ad_ctx;
    void (*walk_hook)(void *ctx, const struct mmu_walk_event *w); /* mmu_set_walk_hook; NULL: none */
    void *walk_ctx;
    struct mmu_checker *check;   /* mmu_checker_attach; NULL: not checked */
    unsigned check_agent;
    bool last_walk_pwc;          /* the last mmu_walk started from a page-walk-cache entry */
    struct mmu_fast fast[MMU_FAST_N];
    /* The fast path's context (mmu_fast_context) and what follows from it,
     * worked out once per change of context for the data path in mmu.c. */
    struct mmu_ctx {
        const struct mmu_req *req;    /* as given: the hart's, kept up to date */
        uint64_t key;                 /* mmu_fast_key(req) */
        unsigned levels;              /* satp's LEVELS, 0 when not translated */
        uint16_t asid;
        uint8_t va_sh;                /* 64 - VABITS: va is canonical when sign-extending
                                       * its low 64 - va_sh bits gives va */
        /* which data path (mmu_data.h) serves the context: 0 none (not
         * translated, or no L1D or no L2), 1 mmu_data_ptr_n for the default
         * geometry and LRU (default_geometry in mmu.c, inline in the hart's
         * handlers), 2 for any other, 3 the default geometry while entry
         * hits are counted (mmu_track_entry_hits: inline in the hart through
         * mmu_data_ptr_again, and in mmu_data_ptr) */
        uint8_t path;
        /* by enum mmu_access minus 1: bit mmu_perm_index(flags) set when an
         * entry with these PTE flags allows the access (stores: also D) */
        uint32_t ok[2];
        /* &pmpc[req->priv]: the region cache for the data's accesses */
        const struct pmp_region *pmpr;
    } ctx;
    uint64_t stamp_sink;              /* what fast[].stamp points to when not LRU */
    /* L1D hits answered by the fast path, by size class, not counting
     * those still in fast[].hits: each also counts as a translation, an L1D
     * lookup and an L1D hit (one increment instead of four; merged_stats()
     * adds them in) */
    uint64_t fast_hits[MMU_NSIZES];
    /* L1D misses refilled from the L2 by the data path (mmu_data_ptr_n in
     * mmu_data.h), by size class: each also counts as a translation, an L1D miss
     * and fill and an L2 hit (merged_stats() adds them in); [0] loads, [1] stores */
    uint64_t l2_refills[2][MMU_NSIZES];
    /* L1D and L2 misses walked and filled by the data path (mmu_data_walk_n in
     * mmu_data.h): each also counts as a translation, an L1D and an L2 miss of a
     * 4 KiB page and a fill of each, a walk, a PWC lookup and hit and one
     * PTE read (merged_stats() adds them in) */
    uint64_t pwc_walks[2];      /* [0] loads, [1] stores */
    /* the same after a level-1 PWC miss and a level-2 hit: two PTE reads,
     * the first cached in the PWC (mmu_data_walk_n) */
    uint64_t pwc2_walks[2];
    struct mmu_stats st_view; /* what mmu_get_stats() returns */
};

/* tlb.c */
int tlb_init(struct tlb *t, unsigned sets, unsigned ways, enum mmu_repl repl, uint64_t seed);
void tlb_free(struct tlb *t);
/* Start counting each entry's hits (struct tlb's hits[]); 0, or -1 when
 * out of memory. */
int tlb_track_hits(struct tlb *t);
/* Which entries a fence removes: those of the kinds in kinds (bit 1 <<
 * enum tlb_kind), of VMID vmid when has_vmid, mapping va when has_va (for
 * G-stage entries va is a guest physical address), and of ASID asid but
 * not global when has_asid (sfence.vma's rs2 rule). */
struct tlb_scope {
    unsigned kinds;
    bool has_vmid, has_va, has_asid;
    uint16_t vmid, asid;
    uint64_t va;
};
#define TLB_KINDS_ALL 0xfu
/* Remove the entries of t in scope; returns how many. */
unsigned tlb_fence_scope(struct tlb *t, const struct tlb_scope *sc);
/* tlb_fence_scope for V=0 entries (sfence.vma, the IOMMU's IOTINVAL.VMA). */
unsigned tlb_fence(struct tlb *t, bool has_va, uint64_t va, bool has_asid, uint16_t asid);

int pwc_init(struct pwc *p, unsigned entries, enum mmu_repl repl, uint64_t seed);
void pwc_free(struct pwc *p);
/* The deepest entry a walk of va may use, by searching every way (slow:
 * pwc_lookup below goes through the index first). */
struct tlb_entry *pwc_search(struct pwc *p, uint64_t va, uint16_t asid, unsigned levels);
/* tlb_insert for the PWC; returns true when a valid entry was replaced. */
bool pwc_insert(struct pwc *p, const struct tlb_entry *n);
/* tlb_fence_scope for the PWC: has_va removes the entries on va's path. */
unsigned pwc_fence_scope(struct pwc *p, const struct tlb_scope *sc);
/* pwc_fence_scope for V=0 entries. */
unsigned pwc_fence(struct pwc *p, bool has_va, uint64_t va, bool has_asid, uint16_t asid);
/* The deepest entry of a kind (TLB_KIND_VS or TLB_KIND_G) that a walk of
 * va (a guest physical address for TLB_KIND_G) under LEVELS may use, in
 * this VMID and (VS) ASID or global; a use (LRU).  NULL when none. */
struct tlb_entry *pwc_lookup_kind(struct pwc *p, uint64_t va, unsigned kind, uint16_t vmid, uint16_t asid,
                                  unsigned levels);
/* Put n, an entry of another kind than TLB_KIND_S (tlb_kind_of), with vx
 * (TLB_VX) into t (a TLB, or the PWC's with pwc), overwriting the entry a
 * lookup of n's kind, page, VMID and ASID would find, else a victim; the
 * slot, and *evicted when it held a valid entry (NULL when t is absent). */
struct tlb_entry *tlb_put_kind(struct tlb *t, struct pwc *pwc, const struct tlb_entry *n, uint32_t vx,
                               bool *evicted);

unsigned mmu_pmp_mask_lookup(struct mmu *m, uint64_t pa, unsigned size, unsigned priv);

/* PMP for [pa, pa+size) at privilege priv, through the region cache: a mask
 * with bit (1 << acc) set for each kind of access allowed.  The answer is
 * never stored in TLB entries; the region cache keeps it cheap, and a PMP
 * write takes effect on the next access. */
static inline unsigned mmu_pmp_mask(struct mmu *m, uint64_t pa, unsigned size, unsigned priv)
{
    const struct pmp *p = m->pmp;
    if (!p || (priv == PRIV_M && p->m_all_allowed && (pa & 7) + size <= 8))
        return 7;
    const struct pmp_region *c = &m->pmpc[priv & 3];
    if (pa >= c->lo && pa < c->hi && size <= c->hi - pa) /* lo = hi = 0: nothing cached */
        return c->mask;
    return mmu_pmp_mask_lookup(m, pa, size, priv);
}

/* mmu_pmp_mask for the 4 KiB page at pa (aligned), from region cache c
 * (&m->pmpc[priv]) in one comparison: the data path's; or MMU_PMP_UNKNOWN
 * when the cache does not answer (mmu_pmp_mask_lookup then does). */
#define MMU_PMP_UNKNOWN 0x100u
static inline __attribute__((always_inline)) unsigned mmu_pmp_page_mask_cached(const struct pmp_region *c,
                                                                               uint64_t pa)
{
    return pa - c->page_lo <= c->page_span ? c->mask : MMU_PMP_UNKNOWN;
}

static inline unsigned mmu_pmp_page_mask(struct mmu *m, uint64_t pa, unsigned priv)
{
    unsigned mask = mmu_pmp_page_mask_cached(&m->pmpc[priv & 3], pa);
    return mask != MMU_PMP_UNKNOWN ? mask : mmu_pmp_mask_lookup(m, pa, 4096, priv);
}

/* Does PMP allow this kind of access to all of [pa, pa+size) at priv? */
static inline bool mmu_pmp_allows(struct mmu *m, uint64_t pa, unsigned size, enum mmu_access acc,
                                  unsigned priv)
{
    return (mmu_pmp_mask(m, pa, size, priv) >> acc) & 1;
}

/* Step 3's "bits or encodings that are reserved for future standard use"
 * (walk.c's step 3, and both stages of nested.c's, whose G-stage PTEs
 * follow the same rules: privileged spec, "Guest Physical Address
 * Translation"). */
static inline bool pte_reserved(uint64_t pte, bool leaf, int i, bool no_pbmt)
{
    /* Sv39 PTE: "Bits 60-54 are reserved for future standard use ... If any
     * of these bits are set, a page-fault exception is raised." */
    if (pte & PTE_RESERVED)
        return true;
    unsigned pbmt = (unsigned)(pte >> PTE_PBMT_SHIFT) & 3;
    /* Svpbmt: the encoding 3 is reserved.  With menvcfg.PBMTE = 0 "the
     * implementation behaves as though Svpbmt were not implemented", so bits
     * 62-61 are reserved bits like 60-54 (privileged spec, menvcfg). */
    if (pbmt == 3 || (pbmt != 0 && no_pbmt))
        return true;
    if (!leaf) {
        /* "For non-leaf PTEs, the D, A, and U bits are reserved for future
         * standard use"; Svpbmt: "For non-leaf PTEs, bits 62-61 are
         * reserved"; Svnapot: N is reserved in non-leaf PTEs. */
        return (pte & (PTE_D | PTE_A | PTE_U)) || pbmt != 0 || (pte & PTE_N);
    }
    /* Svnapot: with N = 1 only the 64 KiB encoding is defined: a level-0
     * leaf whose ppn[3:0] = 1000.  Every other N = 1 leaf is reserved. */
    if ((pte & PTE_N) && (i != 0 || (pte_ppn(pte) & 0xf) != 0x8))
        return true;
    return false;
}

/* Does PMP let the walker read the PTE at pte_pa (as S-mode, for both
 * stages of a two-stage walk too)?  PMP allowing
 * the whole page of the table allows every PTE in it (the usual case, one
 * comparison through the region cache); otherwise the exact test. */
static inline bool pte_read_allowed(struct mmu *m, uint64_t pte_pa)
{
    return ((mmu_pmp_page_mask(m, pte_pa & ~0xfffULL, PRIV_S) >> MMU_LOAD) & 1) ||
           mmu_pmp_allows(m, pte_pa, 8, MMU_LOAD, PRIV_S);
}

/* Satp's (or vsatp's) LEVELS (Sv39: 3, Sv48: 4, Sv57: 5), or 0 when it
 * does not translate. */
static inline unsigned satp_levels(uint64_t satp)
{
    switch (satp >> SATP_MODE_SHIFT) {
    case SATP_SV39: return 3;
    case SATP_SV48: return 4;
    case SATP_SV57: return 5;
    default: return 0;
    }
}

/* nested.c: mmu_translate_n with r->virt (the H extension). */
enum mmu_result mmu_translate_virt(struct mmu *m, uint64_t va, unsigned size, enum mmu_access acc,
                                   const struct mmu_req *r, struct mmu_xlate *out);

/* walk.c: the translation algorithm, steps 1-10, filling *e on success. */
/* check.c: a walk read the PTE at pte_pa; a translation answered by a
 * cached entry e (which: the TLB, or MMU_TLB_PWC) gave pa. */
void mmu_check_walk_read(struct mmu_checker *c, uint64_t pte_pa);
void mmu_check_use(struct mmu *m, uint64_t va, enum mmu_access acc, const struct mmu_req *r, int which,
                   const struct tlb_entry *e, uint64_t pa);

enum mmu_result mmu_walk(struct mmu *m, uint64_t va, enum mmu_access acc,
                         const struct mmu_req *r, unsigned levels, uint16_t asid,
                         struct tlb_entry *e);

/* The tag and size class of a valid entry in one word, never 0.  A tag is
 * va >> 12 or more, so its top 12 bits are 0 and shifting it left by 4
 * loses nothing: equal words mean equal (tag, size). */
static inline uint64_t tlb_match_word(uint64_t tag, unsigned size) { return tag << 4 | (size + 1); }

/* The match word of an entry of a kind (enum tlb_kind): the kind in bits
 * 63:62, which tag << 4 leaves zero (a tag of a guest physical address is
 * gpa >> 12 at least, below 2^47), so that a lookup of another kind, a
 * V=0 one among them, never matches it.  The V=0 paths write
 * tlb_match_word (kind 0); nested.c sets the kind bits of what it fills
 * (tlb_put_kind in tlb.c). */
static inline uint64_t tlb_match_word_kind(uint64_t tag, unsigned size, unsigned kind)
{
    return tlb_match_word(tag, size) | (uint64_t)kind << 62;
}
static inline uint64_t tlb_entry_match_word(const struct tlb_entry *e)
{
    return tlb_match_word_kind(e->tag, e->size, tlb_kind_of(e));
}

/* The entry of one set (base: index of its first way) that matches want
 * (tlb_match_word) for this ASID or globally, or NULL.  Always inlined
 * with ways a constant where the caller knows it, so that the search is
 * unrolled. */
static inline __attribute__((always_inline)) struct tlb_entry *tlb_set_find(const struct tlb *t, size_t base,
                                                                            unsigned ways, uint64_t want,
                                                                            uint16_t asid)
{
    const uint64_t *match = t->match + base;
#pragma GCC unroll 8
    for (unsigned w = 0; w < ways; w++) {
        if (match[w] != want)
            continue;
        struct tlb_entry *e = &t->e[base + w];
        if (e->global || e->asid == asid)
            return e;
    }
    return NULL;
}

/* The entry mapping va for this ASID (or global), probing one set per size
 * class present; NULL on a miss.  No side effect (tlb_lookup is the use
 * that ages LRU).  ways is t->ways, passed so that a caller specialised
 * for a geometry gets the search unrolled (mmu_data_ptr_n in mmu_data.h). */
static inline __attribute__((always_inline)) struct tlb_entry *tlb_find_n(struct tlb *t, uint64_t va,
                                                                          uint16_t asid, unsigned ways)
{
    unsigned mask = t->size_mask;
    if (mask == 1 << MMU_PAGE_4K) /* only 4 KiB pages: one set */
        return tlb_set_find(t, (size_t)((va >> 12) & t->set_mask) * ways, ways,
                            tlb_match_word(va >> 12, MMU_PAGE_4K), asid);
    while (mask) {
        unsigned s = (unsigned)__builtin_ctz(mask);
        mask &= mask - 1;
        uint64_t tag = va >> mmu_size_shift[s];
        struct tlb_entry *e = tlb_set_find(t, (size_t)(tag & t->set_mask) * ways, ways,
                                           tlb_match_word(tag, s), asid);
        if (e)
            return e;
    }
    return NULL;
}

/* The entry of a kind other than TLB_KIND_S (nested.c) that maps va (a
 * guest physical address for TLB_KIND_G) in VMID vmid, for ASID asid or
 * globally (G-stage entries have ASID 0 and are not global: pass 0); NULL
 * on a miss.  No side effect. */
static inline struct tlb_entry *tlb_find_kind(struct tlb *t, uint64_t va, unsigned kind, uint16_t vmid,
                                              uint16_t asid)
{
    unsigned mask = t->size_mask;
    while (mask) {
        unsigned s = (unsigned)__builtin_ctz(mask);
        mask &= mask - 1;
        uint64_t tag = va >> mmu_size_shift[s];
        size_t base = (size_t)(tag & t->set_mask) * t->ways;
        uint64_t want = tlb_match_word_kind(tag, s, kind);
        for (unsigned w = 0; w < t->ways; w++) {
            const struct tlb_entry *e = &t->e[base + w];
            if (t->match[base + w] == want && tlb_vx_vmid(t->vx[base + w]) == vmid && (e->global || e->asid == asid))
                return &t->e[base + w];
        }
    }
    return NULL;
}

/* tlb_find_n for any geometry.  Inline: this is the hit path. */
static inline struct tlb_entry *tlb_find(struct tlb *t, uint64_t va, uint16_t asid)
{
    return tlb_find_n(t, va, asid, t->ways);
}

/* A use of entry e: with LRU replacement it becomes the most recently used.
 * repl is t->repl, passed so that a caller specialised for a policy has the
 * test folded away (as ways for tlb_find_n). */
static inline __attribute__((always_inline)) void tlb_touch_r(struct tlb *t, const struct tlb_entry *e,
                                                              enum mmu_repl repl, bool track)
{
    if (repl == MMU_REPL_LRU)
        t->stamp[e - t->e] = ++t->clock;
    if (track && __builtin_expect(t->hits != NULL, 0))
        MMU_COUNT(t->hits[e - t->e]++);
}

static inline __attribute__((always_inline)) void tlb_touch(struct tlb *t, const struct tlb_entry *e)
{
    tlb_touch_r(t, e, t->repl, true);
}

/* tlb_find as a use of the TLB: the entry found becomes most recently used. */
static inline struct tlb_entry *tlb_lookup(struct tlb *t, uint64_t va, uint16_t asid)
{
    struct tlb_entry *e = tlb_find(t, va, asid);
    if (e)
        tlb_touch(t, e);
    return e;
}

/* ---- the page-walk cache's lookup (inline: every walk starts with it) */

static inline unsigned pwc_shift(unsigned level) { return 12 + 9 * level; }

/* The bucket of the entries of a level with a tag.  Consecutive tags of one
 * level go to consecutive buckets and the level picks a quarter of the
 * index, so the entries on the paths of nearby addresses rarely share one;
 * the tag's higher VPN fields (9 bits each) are folded in, so that regions
 * far apart whose tags agree in the low bits (code low, stack high) do not
 * share one either. */
static inline struct pwc_bucket *pwc_bucket_of(const struct pwc *p, unsigned level, uint64_t tag)
{
    uint64_t k = tag ^ (tag >> 9) ^ (tag >> 18) ^ ((uint64_t)(level & 3) << (p->index_bits - 2));
    return &p->index[k & ((1u << p->index_bits) - 1)];
}

/* Would a walk of va (in this ASID, under this mode) use entry e? */
static inline bool pwc_match(const struct tlb_entry *e, uint64_t va, uint16_t asid, unsigned levels)
{
    return e->valid && e->levels == levels && e->tag == va >> pwc_shift(e->size) &&
           (e->global || e->asid == asid);
}

/* One level of pwc_find, through its index bucket: 1 and *e when the
 * bucket names the one entry in it and that matches, 0 when the level
 * surely misses (an empty bucket, or its one entry is another), -1 when
 * only pwc_search would tell (a shared bucket). */
static inline __attribute__((always_inline)) int pwc_probe(struct pwc *p, unsigned level, uint64_t va,
                                                           uint16_t asid, unsigned levels, struct tlb_entry **e)
{
    const struct pwc_bucket *b = pwc_bucket_of(p, level, va >> pwc_shift(level));
    if (b->count == 0)
        return 0;
    if (b->count > 1 || b->way == PWC_NO_WAY)
        return -1;
    *e = &p->t.e[b->way];
    return (*e)->size == level && pwc_match(*e, va, asid, levels);
}

/* pwc_search, through the index: level by level from the deepest (a walk
 * under LEVELS caches levels 1..LEVELS-1), where an empty bucket proves
 * that no entry of that level matches. */
static inline struct tlb_entry *pwc_find(struct pwc *p, uint64_t va, uint16_t asid, unsigned levels)
{
    for (unsigned level = 1; level < levels; level++) {
        struct tlb_entry *e;
        int hit = pwc_probe(p, level, va, asid, levels, &e);
        if (hit < 0)
            return pwc_search(p, va, asid, levels);
        if (hit)
            return e;
    }
    return NULL;
}

/* Deepest cached non-leaf PTE for va (level >= 1), or NULL; a use (LRU).
 * Inline: every walk starts with it. */
static inline struct tlb_entry *pwc_lookup(struct pwc *p, uint64_t va, uint16_t asid, unsigned levels)
{
    struct tlb_entry *e = pwc_find(p, va, asid, levels);
    if (e)
        tlb_touch(&p->t, e);
    return e;
}

/* ---- filling a TLB (inline: an L1 refill is on the path of every L1 miss) */

static inline __attribute__((always_inline)) void tlb_count_add(struct tlb *t, unsigned s)
{
    if (t->size_count[s]++ == 0)
        t->size_mask |= 1u << s;
}

static inline __attribute__((always_inline)) void tlb_remove(struct tlb *t, struct tlb_entry *e)
{
    if (!e->valid)
        return;
    e->valid = 0;
    t->stamp[e - t->e] = 0;
    t->match[e - t->e] = 0;
    if (--t->size_count[e->size] == 0)
        t->size_mask &= ~(1u << e->size);
}

static inline uint64_t tlb_xorshift64(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* The way to fill in a set: the first invalid one, else by the replacement
 * policy (LRU and FIFO: the first smallest stamp).  An invalid entry's stamp
 * is 0 and a valid one's at least 1, so the first smallest stamp is the
 * first invalid way when there is one: one pass over the set's stamps.
 * Without a branch on the stamps, whose order is as unpredictable as the
 * guest's accesses (a branch would mispredict on most fills): 4 ways (the
 * default L1s) by a tree of selects; any other number of ways keys each
 * stamp with its way (stamp << 12 | way, ways <= 4096), so that the
 * smallest key is the first smallest stamp and a minimum of keys compiles
 * to compare and conditional move.  Keys stay exact while the clock is below 2^52 (years
 * of emulation at any speed). */
#define TLB_WAY_KEY_BITS 12
static inline __attribute__((always_inline)) unsigned tlb_victim_n(struct tlb *t, const uint64_t *stamp,
                                                                   unsigned ways, enum mmu_repl repl)
{
    unsigned v = 0;
    uint64_t least = stamp[0];
    if (ways == 4) { /* a tree of selects: the older of ways 0-1 and of 2-3, then of those two */
        uint64_t s0 = stamp[0], s1 = stamp[1], s2 = stamp[2], s3 = stamp[3];
        uint64_t a = s1 < s0 ? s1 : s0, b = s3 < s2 ? s3 : s2;
        unsigned va = s1 < s0, vb = 2u + (s3 < s2);
        unsigned take_b = -(unsigned)(b < a); /* a mask: gcc keeps it free of branches */
        v = va ^ ((va ^ vb) & take_b);
        least = b < a ? b : a;
    } else {
        uint64_t best = least << TLB_WAY_KEY_BITS;
#pragma GCC unroll 8
        for (unsigned w = 1; w < ways; w++) {
            uint64_t key = stamp[w] << TLB_WAY_KEY_BITS | w;
            best = key < best ? key : best;
        }
        v = (unsigned)(best & ((1u << TLB_WAY_KEY_BITS) - 1));
        least = best >> TLB_WAY_KEY_BITS;
    }
    if (repl == MMU_REPL_RANDOM && least != 0)
        return (unsigned)(tlb_xorshift64(&t->rng) % ways);
    return v;
}

/* The entry that n goes to.  An entry for the same page that this address
 * space would hit (e.g. a store re-walked to set D) is overwritten, never
 * duplicated; otherwise a victim.  When a lookup of n's page in n's
 * address space has just missed (missed), only a global n can have such an
 * entry to overwrite (another ASID's).  As an index of t->e, given the
 * set (base: the index of its first way) and n's match word want
 * (tlb_match_word), which a caller that has just looked the same page up
 * has already worked out. */
static inline __attribute__((always_inline)) size_t tlb_insert_index_at(struct tlb *t, const struct tlb_entry *n,
                                                                          bool missed, unsigned ways, size_t base,
                                                                          uint64_t want, enum mmu_repl repl)
{
    for (unsigned w = 0; (!missed || n->global) && w < ways; w++) {
        const struct tlb_entry *e = &t->e[base + w];
        if (t->match[base + w] == want && (e->global || n->global || e->asid == n->asid))
            return base + w;
    }
    return base + tlb_victim_n(t, t->stamp + base, ways, repl);
}

/* tlb_insert_index_at with the set and match word worked out from n. */
static inline __attribute__((always_inline)) struct tlb_entry *tlb_insert_slot_n(struct tlb *t,
                                                                                 const struct tlb_entry *n,
                                                                                 bool missed, unsigned ways)
{
    size_t base = (size_t)(n->tag & t->set_mask) * ways;
    return &t->e[tlb_insert_index_at(t, n, missed, ways, base, tlb_match_word(n->tag, n->size), t->repl)];
}

static inline struct tlb_entry *tlb_insert_slot(struct tlb *t, const struct tlb_entry *n, bool missed)
{
    return tlb_insert_slot_n(t, n, missed, t->ways);
}

/* Write n into entry k (removing what it held), want being n's match word
 * (tlb_match_word); true when that entry was valid. */
static inline __attribute__((always_inline)) bool tlb_put_at(struct tlb *t, size_t k, const struct tlb_entry *n,
                                                          uint64_t want, bool track)
{
    struct tlb_entry *slot = &t->e[k];
    bool evicted = slot->valid;
    if (!evicted || slot->size != n->size) { /* else the counts stay as they are */
        tlb_remove(t, slot);
        tlb_count_add(t, n->size);
    }
    *slot = *n;
    slot->valid = 1;
    t->stamp[k] = ++t->clock;
    if (track && __builtin_expect(t->hits != NULL, 0)) {
        t->filled[k] = t->clock;
        t->hits[k] = 0;
    }
    t->match[k] = want;
    return evicted;
}

/* Write n into slot (removing what it held); true when that was valid. */
static inline __attribute__((always_inline)) bool tlb_put(struct tlb *t, struct tlb_entry *slot,
                                                       const struct tlb_entry *n)
{
    return tlb_put_at(t, (size_t)(slot - t->e), n, tlb_match_word(n->tag, n->size), true);
}

/* Insert (or overwrite an entry for the same page and address space);
 * returns the entry now holding n (NULL when the TLB is absent) and sets
 * *evicted when a valid entry was evicted or overwritten.  missed: the
 * caller's lookup of n's page in n's ASID has just missed in t (nothing
 * changed t since), which saves searching for an entry to overwrite. */
static inline struct tlb_entry *tlb_insert(struct tlb *t, const struct tlb_entry *n, bool missed, bool *evicted)
{
    *evicted = false;
    if (!t->e)
        return NULL;
    struct tlb_entry *slot = tlb_insert_slot(t, n, missed);
    *evicted = tlb_put(t, slot, n);
    return slot;
}

/* Step 6 of "Virtual Address Translation Process": the U bit against the
 * privilege mode and SUM (spec, "Memory Privilege in mstatus Register"). */
static inline bool pte_u_ok(unsigned flags, enum mmu_access acc, const struct mmu_req *r)
{
    if (flags & PTE_U)
        /* S-mode never executes U pages; it loads/stores them only with SUM. */
        return !(r->priv == PRIV_S && (acc == MMU_FETCH || !r->sum));
    return r->priv != PRIV_U;
}

/* Step 8: R/W/X against the access; MXR makes executable pages readable. */
static inline bool pte_rwx_ok(unsigned flags, enum mmu_access acc, const struct mmu_req *r)
{
    switch (acc) {
    case MMU_FETCH: return (flags & PTE_X) != 0;
    case MMU_LOAD: return (flags & PTE_R) || (r->mxr && (flags & PTE_X));
    default: return (flags & PTE_W) != 0;
    }
}

/* Both, as checked on every TLB hit against the current request, so SUM,
 * MXR and privilege changes need no flush. */
static inline bool pte_perm_ok(unsigned flags, enum mmu_access acc, const struct mmu_req *r)
{
    return pte_u_ok(flags, acc, r) && pte_rwx_ok(flags, acc, r);
}

#endif
