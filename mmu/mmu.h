/* The memory-management unit of one hart (or of a device sharing a process's
 * page tables): translation of a virtual address through the modelled TLBs
 * and the page-table walker, PMP, and statistics.
 *
 * This header is the contract between mmu/ and its users (cpu/, platform/).
 * mmu/ knows nothing of cpu/: the caller resolves the translation context
 * (effective privilege after MPRV, SUM, MXR, satp) into struct mmu_req. */
#ifndef PAGODA_MMU_H
#define PAGODA_MMU_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "phys.h"
#include "pmp.h"

enum mmu_access { MMU_FETCH = 0, MMU_LOAD = 1, MMU_STORE = 2 }; /* AMOs are MMU_STORE */

/* MMU_GUEST_PAGE_FAULT: the G-stage of a two-stage translation (H
 * extension) refused the access or an implicit access of its VS-stage walk
 * (struct mmu_xlate says which and where). */
enum mmu_result { MMU_OK = 0, MMU_PAGE_FAULT = 1, MMU_ACCESS_FAULT = 2, MMU_GUEST_PAGE_FAULT = 3 };

enum mmu_priv { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* satp.MODE encodings (privileged spec, "Supervisor Address Translation and
 * Protection (satp) Register"). */
enum satp_mode { SATP_BARE = 0, SATP_SV39 = 8, SATP_SV48 = 9, SATP_SV57 = 10 };
/* hgatp.MODE encodings (privileged spec, "Hypervisor Guest Address
 * Translation and Protection (hgatp) Register"); VMID is bits 57:44 */
enum hgatp_mode { HGATP_BARE = 0, HGATP_SV39X4 = 8, HGATP_SV48X4 = 9, HGATP_SV57X4 = 10 };
#define HGATP_VMID_SHIFT 44
#define HGATP_VMID_MASK 0x3fffULL

enum mmu_ad_policy {
    MMU_AD_HARDWARE = 0, /* walker sets A/D with a compare-and-swap (default) */
    MMU_AD_FAULT = 1,    /* Svade: page fault when A or (store) D is clear */
};

/* Everything about the hart's state that a translation depends on. */
struct mmu_req {
    uint64_t satp;   /* current satp (MODE, ASID, PPN) */
    uint8_t priv;    /* effective privilege of this access (MPRV applied) */
    bool sum;        /* mstatus.SUM */
    bool mxr;        /* mstatus.MXR */
    bool hw_ad;      /* true: hardware A/D update; false: Svade faults */
    bool no_pbmt;    /* menvcfg.PBMTE = 0: Svpbmt is off, PTE bits 62-61 are reserved */
    /* The H extension: with virt, a two-stage translation (privileged spec,
     * "Two-Stage Address Translation"): satp above is vsatp (the VS-stage,
     * whose sum, mxr, hw_ad and no_pbmt are vsstatus.SUM, vsstatus.MXR |
     * mstatus.MXR, henvcfg.ADUE and !henvcfg.PBMTE), priv is PRIV_S (VS) or
     * PRIV_U (VU), and every guest physical address, the VS-stage's PTE
     * addresses included, goes through the G-stage under hgatp.  Without
     * virt the fields below are ignored. */
    bool virt;
    bool lvx;        /* HLVX: a load that needs execute permission at both stages (MXR plays no part) */
    bool g_mxr;      /* mstatus.MXR (HS-level): the G-stage lets loads read execute-only pages */
    bool g_hw_ad;    /* G-stage A/D: menvcfg.ADUE with Svadu, else --ad */
    bool g_no_pbmt;  /* menvcfg.PBMTE = 0, for G-stage PTEs */
    uint64_t hgatp;  /* MODE, VMID, PPN */
};

struct mmu_xlate {
    uint64_t pa;
    uint8_t *host;   /* host pointer to pa when the page is RAM, else NULL */
    /* MMU_GUEST_PAGE_FAULT only: the guest physical address the G-stage
     * refused (htval/mtval2 = gpa >> 2), and where: 0 the access's own
     * address, 1 an implicit read of a VS-stage PTE, 2 an implicit write of
     * one (its A/D update): htinst's pseudoinstructions (privileged spec,
     * "Transformed Instruction or Pseudoinstruction for mtinst or htinst") */
    uint64_t gpa;
    uint8_t g_implicit;
};

/* TLB geometry and policies; filled by mmu_config_default() and the
 * --tlb / --ad / --tlb-flush options.  (Fields are defined by mmu/; users
 * only pass the struct around.) */
enum mmu_repl { MMU_REPL_LRU = 0, MMU_REPL_FIFO = 1, MMU_REPL_RANDOM = 2 };

struct mmu_config {
    unsigned l1i_sets, l1i_ways;   /* L1 instruction TLB (0 sets: none) */
    unsigned l1d_sets, l1d_ways;   /* L1 data TLB (0 sets: none) */
    unsigned l2_sets, l2_ways;     /* unified L2 TLB (0 sets: none) */
    unsigned pwc_entries;          /* page-walk cache of non-leaf PTEs (0: none) */
    enum mmu_repl repl;
    bool flush_on_satp_write;      /* --tlb-flush=peer: caller calls mmu_flush_all() on satp writes */
    enum mmu_ad_policy ad;         /* --ad: the hart copies it into mmu_req.hw_ad */
};
struct mmu;

/* Page-size classes of TLB entries (a NAPOT 64 KiB page is its own class). */
enum mmu_page_size {
    MMU_PAGE_4K = 0, MMU_PAGE_64K = 1, MMU_PAGE_2M = 2, MMU_PAGE_1G = 3,
    MMU_PAGE_512G = 4, MMU_PAGE_256T = 5, MMU_NSIZES = 6
};

struct mmu_tlb_stats {
    uint64_t lookups, hits, misses;
    uint64_t misses_by_access[3];        /* by enum mmu_access: fetch, load, store/AMO (sum: misses) */
    uint64_t hits_by_size[MMU_NSIZES];
    uint64_t misses_by_size[MMU_NSIZES]; /* by the size of the translation that refilled it */
    uint64_t fills, evictions;
};

enum mmu_fence_kind { MMU_FENCE_ALL = 0, MMU_FENCE_ASID = 1, MMU_FENCE_VA = 2, MMU_FENCE_VA_ASID = 3 };

struct mmu_stats {
    uint64_t translations;       /* calls of mmu_translate */
    uint64_t untranslated;       /* M-mode or satp.MODE = Bare, when they reach mmu_translate: the
                                  * hart's direct path (PMP granting everything) does not */
    struct mmu_tlb_stats tlb[3]; /* MMU_TLB_L1I, MMU_TLB_L1D, MMU_TLB_L2 */
    uint64_t walks;
    uint64_t pte_reads;
    uint64_t walk_reads[5];      /* walks that read 1, 2, 3, 4, 5+ PTEs */
    uint64_t pwc_lookups, pwc_hits;
    uint64_t ad_updates;         /* successful A/D compare-and-swaps */
    uint64_t ad_retries;         /* CAS found the PTE changed: back to step 2 */
    uint64_t page_faults[3];     /* by enum mmu_access */
    uint64_t access_faults[3];
    uint64_t fences[4];          /* by enum mmu_fence_kind */
    uint64_t fence_removed[4];   /* entries (TLBs + PWC) those fences removed */
    uint64_t flush_all;          /* mmu_flush_all calls (--tlb-flush=peer) */
    /* The H extension's two-stage translation (docs/MMU.md, "Two-stage
     * translation").  walks, pte_reads and walk_reads above count its
     * walks and PTE reads of both stages too; tlb[] counts the lookups of
     * combined (guest VA -> host PA) entries with the others, g_tlb_* those
     * of G-stage entries in the L2 (the nested TLB) */
    uint64_t virt_translations;  /* translations with V=1 by the general path and mmu_fetch_page_virt
                                  * (included in translations; the data fast path's hits count there only) */
    uint64_t two_stage_walks;    /* V=1 TLB misses walked (included in walks) */
    uint64_t vs_pte_reads[5];    /* VS-stage PTE reads, by level 0..4 */
    uint64_t g_pte_reads_vs[5];  /* G-stage PTE reads translating a VS-stage PTE's address, by level */
    uint64_t g_pte_reads_final[5]; /* G-stage PTE reads translating the access's own guest physical address */
    uint64_t g_walks;            /* G-stage walks (G-TLB misses) */
    uint64_t g_tlb_lookups, g_tlb_hits, g_tlb_misses;
    uint64_t pwc_lookups_vs, pwc_hits_vs;  /* the PWC's VS-stage entries (counted in pwc_lookups/hits too) */
    uint64_t pwc_lookups_g, pwc_hits_g;    /* its G-stage entries (likewise) */
    uint64_t guest_page_faults[3];         /* by enum mmu_access */
    uint64_t hfence_vvma[4];     /* by enum mmu_fence_kind: va = rs1 != x0, asid = rs2 != x0 */
    uint64_t hfence_vvma_removed[4];
    uint64_t hfence_gvma[4];     /* by enum mmu_fence_kind read as: va = a GPA (rs1), asid = a VMID (rs2) */
    uint64_t hfence_gvma_removed[4];
};

enum { MMU_TLB_L1I = 0, MMU_TLB_L1D = 1, MMU_TLB_L2 = 2, MMU_TLB_PWC = 3 };

/* One TLB or page-walk-cache entry, as the visualizer and tests see it. */
struct tlb_entry_view {
    unsigned set, way;
    uint64_t va;        /* virtual base of the page (sign-extended) */
    uint64_t pa;        /* physical base (PWC: the next-level table) */
    uint64_t bytes;     /* page size (PWC: bytes of VA the entry covers) */
    uint8_t size;       /* enum mmu_page_size (PWC: level of the non-leaf PTE) */
    uint16_t asid;
    bool global;
    uint8_t flags;      /* PTE bits 7:0 as cached: V R W X U G A D */
    uint8_t pbmt;       /* Svpbmt: 0 PMA, 1 NC, 2 IO */
    uint8_t levels;     /* 3, 4, 5: mode the entry was filled under */
    uint64_t stamp;     /* replacement stamp (LRU: last use; FIFO: fill) */
    uint64_t hits;      /* lookups it answered since it was filled (0 unless mmu_track_entry_hits) */
    /* The H extension: what the entry translates (enum mmu_entry_kind);
     * for the V=1 kinds, the VMID it is tagged with, and for combined
     * entries the G-stage leaf's R, W, X, D (PTE bit positions) beside the
     * VS-stage's flags.  A G-stage entry's va is a guest physical address. */
    uint8_t kind;
    uint16_t vmid;
    uint8_t gflags;
};
enum mmu_entry_kind {
    MMU_ENTRY_S = 0,      /* V=0: an HS/S/U-level translation (or non-leaf PTE) */
    MMU_ENTRY_VS = 1,     /* V=1: guest VA -> host PA, VS and G combined (PWC: a VS-stage non-leaf PTE) */
    MMU_ENTRY_G = 2,      /* G-stage: guest PA -> host PA (PWC: a G-stage non-leaf PTE) */
    MMU_ENTRY_VSBARE = 3, /* V=1 under vsatp Bare: guest VA (= guest PA) -> host PA */
};

/* A walk as memory holds it now (mmu_walk_inspect): one row per PTE read,
 * from the root (level levels-1) down. */
struct mmu_walk_row {
    uint8_t level;      /* the PTE's level: levels-1 at the root, 0 for 4 KiB leaves */
    uint64_t pte_pa;    /* where the PTE is */
    uint64_t pte;       /* its value (0 when it could not be read) */
    bool pwc;           /* the page-walk cache holds this PTE for va (a walk now would not read it) */
};
struct mmu_walk_view {
    uint8_t levels;     /* 3 Sv39, 4 Sv48, 5 Sv57; 0 Bare (no rows) */
    uint8_t nrows;
    struct mmu_walk_row rows[5];
    bool ok;            /* a valid leaf was found */
    uint64_t pa;        /* ok: the physical address of va */
    uint8_t size;       /* ok: enum mmu_page_size of the leaf */
    const char *fault;  /* !ok: why a walk faults here ("V=0", "W without R", ...) */
};

void mmu_config_default(struct mmu_config *c);
/* Parse the value of --tlb (e.g. "l1i=16x4,l1d=16x4,l2=256x8,pwc=16,repl=lru").
 * Returns 0, or -1 with a one-line reason in err. */
int mmu_config_parse_tlb(struct mmu_config *c, const char *spec, char *err, size_t errlen);

struct mmu *mmu_create(const struct mmu_config *c, const struct phys_mem *pm, struct pmp *pmp);
void mmu_destroy(struct mmu *m);

/* Translate va for one access of the given kind.  With satp.MODE = Bare (or
 * priv = M) the address is used as is (after PMP).  On success fills *out and
 * returns MMU_OK; otherwise returns the fault kind, and the caller raises
 * the matching exception with xtval = va. PMP is checked on the final
 * physical address and on every PTE read and A/D write. */
enum mmu_result mmu_translate(struct mmu *m, uint64_t va, enum mmu_access acc,
                              const struct mmu_req *r, struct mmu_xlate *out);

/* sfence.vma / sinval.vma with V=0: has_va = (rs1 != x0), has_asid = (rs2 != x0).
 * Only translations made with virt false (HS/S/U-level). */
void mmu_sfence_vma(struct mmu *m, bool has_va, uint64_t va, bool has_asid, uint16_t asid);
/* hfence.vvma (and sfence.vma executed with V=1, which is one for hgatp's
 * current VMID): the VS-stage translations of VMID vmid that cover va (when
 * has_va) in ASID asid (when has_asid; global ones are kept then), as
 * mmu_sfence_vma does for V=0. */
void mmu_hfence_vvma(struct mmu *m, uint16_t vmid, bool has_va, uint64_t va, bool has_asid, uint16_t asid);
/* hfence.gvma: G-stage translations of guest physical address gpa (when
 * has_gpa; the instruction's rs1 holds gpa >> 2) for VMID vmid (when
 * has_vmid), and every combined VS+G translation they may be part of. */
void mmu_hfence_gvma(struct mmu *m, bool has_gpa, uint64_t gpa, bool has_vmid, uint16_t vmid);

/* Changes whenever any TLB or PWC entry is removed or replaced, or PMP is
 * written, so a user caching a translation knows to look again.  (The
 * hart's fetch buffer uses the narrower mmu_fetch_generation_ptr.) */
uint64_t mmu_generation(const struct mmu *m);
/* A counter that changes whenever an L1 instruction-TLB entry is removed or
 * replaced, and on mmu_pmp_changed() (what the hart's fetch buffer depends
 * on). */
const uint64_t *mmu_fetch_generation_ptr(const struct mmu *m);
/* The PMP changed (a pmpcfg/pmpaddr write): what the fetch buffer, the
 * data fast path and the PMP region caches hold may no longer be allowed,
 * so both generations move and the region caches empty.  Every change of
 * the PMP that m was created with must be followed by this call before m
 * translates again (the region caches do not look at the PMP's own
 * generation). */
void mmu_pmp_changed(struct mmu *m);
/* The translation context whose loads and stores the data fast path
 * (mmu_fast.h) answers: the hart calls it whenever its load/store context
 * changes (privilege, MPRV, SUM, MXR, satp, ...).  A change of context
 * retires every fast entry; translations in any other context still work,
 * they only do not fill the fast path. */
void mmu_fast_context(struct mmu *m, const struct mmu_req *r);

void mmu_stats_print(const struct mmu *m, FILE *f);
void mmu_stats_json(const struct mmu *m, FILE *f);
/* One TLB's statistics as mmu_stats_print and mmu_stats_json give them
 * (the text's two lines under name; the JSON object), for other users of
 * the TLB model (the IOMMU's IOTLB). */
void mmu_tlb_stats_print(const struct mmu_tlb_stats *t, const char *name, FILE *f);
void mmu_tlb_stats_json(const struct mmu_tlb_stats *t, FILE *f);
/* Short name of a page-size class: "4K", "64K", "2M", "1G", "512G", "256T". */
const char *mmu_page_size_name(unsigned size);

/* ---- additions to the contract ---------------------------------------- */

/* mmu_translate for an access of size bytes (1, 2, 4, 8, 16): the PMP check on
 * the final physical address covers [pa, pa+size) (a partial match fails).
 * mmu_translate is this with size 1.  The access must not cross a page. */
enum mmu_result mmu_translate_n(struct mmu *m, uint64_t va, unsigned size, enum mmu_access acc,
                                const struct mmu_req *r, struct mmu_xlate *out);

/* --tlb-flush=peer|exact.  peer: like QEMU, the caller flushes everything
 * (mmu_flush_all) on every satp write.  Returns 0, or -1 on a bad value. */
int mmu_config_set_flush_mode(struct mmu_config *c, const char *mode);
/* --ad=hw|fault.  Returns 0, or -1 on a bad value. */
int mmu_config_set_ad(struct mmu_config *c, const char *mode);
const struct mmu_config *mmu_get_config(const struct mmu *m);
/* true when the caller must call mmu_flush_all() on satp writes */
bool mmu_flush_on_satp_write(const struct mmu *m);
/* Remove every TLB and page-walk-cache entry (not counted as a fence). */
void mmu_flush_all(struct mmu *m);

/* Copy up to max entries of one structure (MMU_TLB_L1I, _L1D, _L2, _PWC)
 * into out; returns the number of valid entries copied. */
int mmu_tlb_dump(const struct mmu *m, int which, struct tlb_entry_view *out, int max);
/* sets x ways of a structure (PWC: 1 x entries); 0 when absent. */
unsigned mmu_tlb_capacity(const struct mmu *m, int which);
/* Count from now on the hits of each TLB and PWC entry since its fill
 * (tlb_entry_view.hits), as the view shows them; off by default, because
 * the counting costs a few percent on TLB-missing code.  0, or -1 when
 * out of memory. */
int mmu_track_entry_hits(struct mmu *m);
/* The same as its two factors (0 and 0 when absent). */
void mmu_tlb_geometry(const struct mmu *m, int which, unsigned *sets, unsigned *ways);

/* The walk of va under satp (its MODE, ASID and root) as a fresh walk of
 * memory gives it now: each PTE read, which of them the page-walk cache
 * would answer, and the leaf or why it faults (structure only: V, R/W,
 * reserved bits, alignment; not the permissions of an access).  Changes
 * nothing: no TLB, PWC, statistics or A/D update. */
void mmu_walk_inspect(const struct mmu *m, uint64_t satp, uint64_t va, struct mmu_walk_view *out);

/* The statistics now: a snapshot, valid until the next call (the fast
 * path's hits are folded in when it is taken). */
const struct mmu_stats *mmu_get_stats(struct mmu *m);
void mmu_stats_reset(struct mmu *m);

/* Test hook: called in step 9 after the PTE was read and before the A/D
 * compare-and-swap, with the PTE's physical address (tests change the PTE
 * there to exercise the "return to step 2" rule).  NULL to remove. */
void mmu_set_ad_hook(struct mmu *m, void (*hook)(void *ctx, uint64_t pte_pa), void *ctx);

/* A page-table walk as it ended, for a tool that traces them
 * (--trace-mmu).  The hook is called at the end of every walk, on the miss
 * path only; NULL (the default) removes it.  While a hook is set the MMU
 * serves data accesses through its general path (slower: the specialised
 * paths have no hook and cost nothing when none is set). */
struct mmu_walk_event {
    uint64_t va;
    enum mmu_access acc;
    enum mmu_result res;
    unsigned reads;   /* PTEs read from memory (the page-walk cache saved the others) */
    unsigned size;    /* with MMU_OK: the page size (MMU_PAGE_4K...; mmu_page_size_name) */
    uint16_t asid;    /* the tag the walk was made for (a hart's ASID, the IOMMU's PSCID tag) */
};
void mmu_set_walk_hook(struct mmu *m, void (*hook)(void *ctx, const struct mmu_walk_event *w), void *ctx);

/* ---- The TLB coherence checker (--check-tlb; mmu/check.c) ----
 * Every translation an MMU it watches completes from a TLB entry or with
 * the page-walk cache's help is compared with a fresh walk of memory
 * (mmu_walk_inspect): a different physical page, a fault, or a permission
 * the access needed that memory no longer grants (D cleared under a
 * store's cached D = 1 included; A is a hint and is not compared) is a
 * stale use, reported with the PTE's last writer, tracked for every PTE
 * slot of a page any walk has read.  An MMU being checked serves every
 * access through its general path (slow; nothing changes without it). */
struct mmu_checker;
struct mmu_stale {
    unsigned agent;             /* who used it: mmu_checker_attach's agent */
    uint64_t va;
    enum mmu_access acc;
    uint64_t satp;              /* the translation context (MODE, ASID, root) */
    int which;                  /* MMU_TLB_L1I/L1D/L2 for an entry, MMU_TLB_PWC for a walk the PWC shortened */
    uint64_t cached_pa;         /* the physical address it gave */
    uint8_t cached_size;        /* its page size (enum mmu_page_size) */
    uint8_t cached_flags;       /* its PTE bits 7:0 */
    struct mmu_walk_view now;   /* memory now */
    bool writer_known;          /* the last guest store to a PTE of that walk: */
    unsigned writer_agent;
    uint64_t writer_pc, writer_pte_pa, writer_when; /* when: the writer's clock (ops.where) */
    uint64_t writer_seq;        /* mmu_checker_seq when it wrote */
    uint32_t writer_insn;
};
struct mmu_checker_ops {
    void *ctx;
    /* what agent is executing now: pc, instruction bits and a clock (its
     * retired instructions); agents without one (a device) set *pc = ~0 */
    void (*where)(void *ctx, unsigned agent, uint64_t *pc, uint32_t *insn, uint64_t *when);
    /* a stale use: report it (and stop the guest, if that is wanted) */
    void (*stale)(void *ctx, const struct mmu_stale *s);
};
/* A checker for guest memory pm (NULL when out of memory). */
struct mmu_checker *mmu_checker_create(const struct phys_mem *pm, const struct mmu_checker_ops *ops);
void mmu_checker_destroy(struct mmu_checker *c);
/* Check every translation of m from now on, reporting it as agent (c
 * NULL: stop checking m, before the checker is destroyed). */
void mmu_checker_attach(struct mmu_checker *c, struct mmu *m, unsigned agent);
/* Stale uses seen so far. */
uint64_t mmu_checker_stale_count(const struct mmu_checker *c);
/* The count of PTE stores tracked so far: a clock that orders them with
 * other events (a shootdown asked for after a store sees a larger value). */
uint64_t mmu_checker_seq(const struct mmu_checker *c);
/* A store of size bytes at pa by agent, made without a checked MMU's
 * translation (M-mode RAM, a device): tracked as theirs are. */
void mmu_checker_store(struct mmu_checker *c, unsigned agent, uint64_t pa, unsigned size);

#endif
