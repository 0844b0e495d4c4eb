/* The view model: everything the TLB view shows, worked out from snapshots
 * of the harts and their MMUs, with no SDL in it.  model.c fills it (and is
 * unit-tested without a display); render.c draws it; window.c and png.c
 * put the drawing on a screen or in a file.
 *
 * A snapshot is taken between scheduling turns (never inside the hot loop)
 * at most about 30 times a second, or every --view-every instructions.
 * What happened to each TLB cell between two snapshots is inferred from
 * the two: a cell whose entry is new was filled (and, if it held another,
 * that one was evicted); one that was valid and is now empty was removed by
 * a fence (or a flush); one whose hit count grew was hit. */
#ifndef PAGODA_VIEW_MODEL_H
#define PAGODA_VIEW_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../../mmu/mmu.h"
#include "../iommu.h"

#define VIEW_MAX_HARTS 64   /* BOARD_MAX_HARTS */
#define VIEW_PANELS 8       /* panels on screen at once (harts, then devices) */
#define VIEW_MAX_DEVICES 2  /* device panels (the IOMMU) */
#define VIEW_HISTORY 120    /* samples kept for the counter graphs */
#define VIEW_SHOOTDOWNS 16  /* recent shootdowns kept */
#define VIEW_FADE_FRAMES 24 /* a mark fades out over this many snapshots */
#define VIEW_EMPTY_RGB 0x303030 /* the colour of an empty cell */

/* What last happened to a cell (the colour of its mark). */
enum view_mark {
    VIEW_MARK_NONE = 0,
    VIEW_MARK_HIT = 1,    /* used since the last snapshot */
    VIEW_MARK_FILL = 2,   /* filled into an empty slot */
    VIEW_MARK_EVICT = 3,  /* filled, replacing another valid entry */
    VIEW_MARK_FENCE = 4,  /* removed by sfence.vma / sinval.vma (or a flush) */
    VIEW_NMARKS = 5
};

/* One slot of a TLB or of the page-walk cache. */
struct view_cell {
    bool valid;
    struct tlb_entry_view e;  /* valid: the entry (e.hits: hits since it was filled) */
    uint8_t mark;             /* enum view_mark */
    uint8_t fade;             /* VIEW_FADE_FRAMES when marked now, counts down to 0 per snapshot */
    uint32_t rgb;             /* 0xRRGGBB: the entry's ASID colour (view_asid_rgb), grey when empty */
};

/* One structure (MMU_TLB_L1I, _L1D, _L2, _PWC) of one hart, or of a
 * device (the IOMMU's IOTLB is its L2). */
struct view_tlb {
    const char *name;         /* "L1I", "L1D", "L2", "PWC"; a device's: "IOTLB", "PWC" */
    const char *tag_name;     /* what e.asid stands for: NULL "ASID"; the IOTLB's "PSCID tag" */
    unsigned sets, ways;      /* 0 x 0 when absent; the PWC is 1 x entries */
    struct view_cell *cells;  /* sets * ways, set-major: cell (set, way) = cells[set * ways + way] */
    uint64_t age_base;        /* the replacement clock now: age of an entry = age_base - e.stamp */
};

/* The counter graphs: one sample per snapshot, the change since the last. */
enum view_series {
    VIEW_S_MIPS = 0,          /* guest MIPS of this hart (instructions / host second) */
    VIEW_S_L1I_HIT,           /* hit rate, percent, per level */
    VIEW_S_L1D_HIT,
    VIEW_S_L2_HIT,
    VIEW_S_WALKS,             /* walks in the interval */
    VIEW_S_FAULTS,            /* page faults in the interval */
    VIEW_S_FENCES,            /* fences in the interval */
    VIEW_NSERIES
};

struct view_hart {
    unsigned id;
    uint64_t pc, satp, instret, mtime;
    uint8_t priv;             /* 0 U, 1 S, 3 M */
    bool wfi;
    struct view_tlb tlb[4];   /* by MMU_TLB_L1I, _L1D, _L2, _PWC */
    struct mmu_stats stats;   /* since reset, as --stats prints them */
    uint64_t shootdowns_sent, shootdowns_received;
    /* the graphs: hist[s][(hist_head + i) % VIEW_HISTORY], i = 0 oldest */
    float hist[VIEW_NSERIES][VIEW_HISTORY];
    unsigned hist_len;        /* samples so far, at most VIEW_HISTORY */
    unsigned hist_head;       /* index of the oldest sample */
};

/* A device that caches translations in a struct mmu of its own: the
 * RISC-V IOMMU (platform/iommu.h), whose IOTLB is that mmu's unified TLB
 * (MMU_TLB_L2, no L1s) and page-walk cache, tagged by a 16-bit tag that
 * the IOMMU hands out per PSCID where a hart's TLB has the ASID.  Its
 * panel comes after the hart panels. */
struct view_device {
    const char *name;         /* "IOMMU" */
    struct view_tlb tlb[4];   /* by MMU_TLB_*: L1I and L1D absent (0 x 0), L2 the IOTLB, PWC */
    struct mmu_stats stats;   /* its IOTLB's, as --stats prints them under "iommu" */
    struct iommu_stats io;    /* the IOMMU's own counters (iommu_get_stats) */
};

/* A shootdown: an SBI IPI or remote-fence call (or an MSIP write) by one
 * hart, and when each target then performed a fence. */
enum view_sd_kind {
    VIEW_SD_IPI = 0,          /* SBI send_ipi: done when the target takes its software interrupt */
    VIEW_SD_SFENCE = 1,       /* SBI remote_sfence_vma: done at the target's next sfence.vma */
    VIEW_SD_SFENCE_ASID = 2,  /* SBI remote_sfence_vma_asid: the same */
    VIEW_SD_FENCE_I = 3,      /* SBI remote_fence_i: done when the target takes its software interrupt */
    VIEW_SD_MSIP = 4,         /* a CLINT msip write by a guest that makes no SBI calls (bare metal):
                               * done at the target's next sfence.vma */
    VIEW_NSDKINDS = 5
};
struct view_shootdown {
    unsigned from;
    uint64_t targets;         /* bit i: hart i was asked (harts >= 64 are not tracked) */
    uint64_t done;            /* bit i: hart i has performed its fence since */
    uint8_t kind;             /* enum view_sd_kind */
    uint64_t start, size;     /* the address range (size 0 or ~0: everything) */
    uint16_t asid;
    uint64_t t_insn;          /* sender's instret when it asked */
    uint64_t t_mtime;         /* mtime when it asked */
    /* per target, valid where done has its bit: instructions that target
     * retired, and mtime ticks (10 MHz), from the request to its fence */
    uint64_t lat_insns[VIEW_MAX_HARTS];
    uint64_t lat_mtime[VIEW_MAX_HARTS];
    unsigned fade;            /* as view_cell.fade */
};

/* The walk view: the radix-tree walk of one VA under one hart's satp, as a
 * fresh walk of memory gives it now (mmu_walk_inspect). */
struct view_walk {
    bool active;
    bool device;              /* va is an IOVA of a device's entry, walked on the hart's satp */
    unsigned hart;
    uint64_t va, satp;
    struct mmu_walk_view w;   /* levels, rows, result */
};

/* What a person controls (window.c changes it; the board reads it
 * through view.h). */
struct view_control {
    bool paused;
    uint64_t step;            /* while paused: instructions still to run, then pause again */
    unsigned slow;            /* 0 full speed; n: sleep n ms after every turn */
    unsigned first_panel;     /* panel slot shown first (more than VIEW_PANELS panels): slot s < nharts
                               * is hart s, slot nharts + d device d */
    unsigned sel_hart;        /* the hart whose graphs and walk are shown (and details and counters,
                               * unless dev_selected) */
    bool dev_selected;        /* the selected panel is device sel_dev's, not hart sel_hart's: its
                               * cells are the selection's, its counters are shown */
    unsigned sel_dev;
    int sel_tlb, sel_cell;    /* the selected cell (-1: none) of the selected panel; hover sets the same */
    bool stop_on_fence, stop_on_shootdown, stop_on_fault;
    uint64_t stop_fault_va;   /* stop_on_fault: only a fault on this page (~0: any page) */
    char input[40];           /* what is being typed (a VA for the walk), "" when nothing */
    bool typing;
    bool typing_step;         /* what is typed is a number of instructions to step (key n), not a VA */
    bool quit;                /* close the window and stop the guest */
    bool closed;              /* the window was closed: the guest runs on */
    bool walk_requested;      /* window.c set walk.va / walk.hart: model.c walks it again */
    char message[120];        /* the status line: why it paused, where a screenshot went */
    char stopped[120];        /* the last event the view stopped at ("" none yet) */
};

struct view_model {
    unsigned nharts;
    struct view_hart *harts;  /* nharts of them */
    unsigned ndevices;
    struct view_device *devices; /* ndevices of them (at most VIEW_MAX_DEVICES) */
    struct view_shootdown sd[VIEW_SHOOTDOWNS]; /* a ring: sd[(sd_head + i) % N], i < sd_count */
    unsigned sd_head, sd_count;
    struct view_walk walk;
    struct view_control ctl;
    uint64_t snapshots;       /* how many updates so far */
    uint64_t total_insns;     /* over all harts */
    uint64_t mtime;
    double host_seconds;      /* since the run started */
    double mips;              /* over all harts, over the last interval */
};

/* The colour of an ASID (0xRRGGBB), distinct for nearby ASIDs and never
 * grey; global entries get one colour of their own (they belong to every
 * address space). */
uint32_t view_asid_rgb(uint16_t asid, bool global);
/* The colour of a mark at full strength (0xRRGGBB). */
uint32_t view_mark_rgb(enum view_mark m);
/* Short name of a shootdown kind: "IPI", "SFENCE", "SFENCE.ASID", "FENCE.I", "MSIP". */
const char *view_sd_kind_name(unsigned kind);
/* Short name of a page size class: "4K", "64K", "2M", "1G", "512G", "256T". */
const char *view_size_name(unsigned size);
/* One line describing a cell, for the details box: "VPN 0x80200 -> PPN
 * 0x80200 4K ASID 3 G- RWX U A D PMA age 12 hits 40", or "(empty)"; a
 * device's entry says "PSCID tag 1" (t->tag_name) where a hart's says
 * "ASID 3".
 * Writes at most len bytes (NUL included); returns buf. */
char *view_cell_describe(const struct view_tlb *t, const struct view_cell *c, char *buf, size_t len);
/* One line per walk row ("L2 PTE @0x80203ff8 = 0x2008001 (PWC)"), row i of
 * the walk view, and the result line for i = w->nrows; returns buf. */
char *view_walk_describe(const struct mmu_walk_view *w, unsigned i, char *buf, size_t len);

/* A count in at most 6 characters, as the view shows counts: 1234567 ->
 * "1.2M" (exact below 100000); returns buf. */
const char *view_count(char buf[16], uint64_t n);
/* The short name of an IOMMU fault cause ("read page fault", "DDT entry
 * not valid", ...), or NULL for a code the specification does not name. */
const char *view_iommu_cause_name(unsigned cause);
/* The lines of counters a device panel shows (and the counters box when
 * the device is selected), each at most VIEW_DEV_CHARS - 1 characters:
 * requests, IOTLB hits / misses by page size, fills, walks, A/D updates,
 * the faults by cause (the non-zero ones), page requests, IOTINVAL.VMA by
 * kind with the entries removed, IOFENCE.C, IODIR.  Returns how many
 * (at most max). */
#define VIEW_DEV_CHARS 80
#define VIEW_DEV_LINES 20
unsigned view_device_lines(const struct view_device *d, char (*lines)[VIEW_DEV_CHARS], unsigned max);
/* How many panel slots the model has: harts, then devices. */
unsigned view_model_slots(const struct view_model *m);
/* The structures of slot s (a hart's, or a device's), NULL past the end. */
const struct view_tlb *view_slot_tlbs(const struct view_model *m, unsigned s);

/* ---- filling the model (model.c; view.c calls these) ------------------- */

/* Size the model for nharts harts with these MMUs' geometries; every cell
 * empty.  Returns 0, or -1 when out of memory. */
int view_model_init(struct view_model *m, unsigned nharts, struct mmu *const *mmus);
void view_model_free(struct view_model *m);
/* Add a device panel named name for a device whose translations are
 * cached in iotlb (the IOMMU's: iommu_iotlb), every cell empty.  Returns
 * its index, or -1 when out of memory or VIEW_MAX_DEVICES are there. */
int view_model_add_device(struct view_model *m, const char *name, const struct mmu *iotlb);
/* Take device d's structures and counters now: its IOTLB's entries (with
 * mmu_tlb_dump into buf, room for len entries) as view_tlb_update does,
 * its IOTLB's statistics and the IOMMU's (io, may be NULL). */
void view_device_update(struct view_device *d, struct mmu *iotlb, const struct iommu_stats *io,
                        struct tlb_entry_view *buf, int len);
/* Take a structure's entries now (n of them, from mmu_tlb_dump) into t,
 * marking each cell by what changed since the last time (see the top of
 * this file) and fading the older marks. */
void view_tlb_update(struct view_tlb *t, const struct tlb_entry_view *e, int n);
/* Add one sample to h's graphs: stats now against h->stats (the last
 * sample, which it then replaces), instret now, dt host seconds since. */
void view_hart_sample(struct view_hart *h, const struct mmu_stats *now, uint64_t instret, double dt);
/* Sample i (0 oldest) of series s of h. */
float view_hist_at(const struct view_hart *h, unsigned s, unsigned i);
/* A hart asked others to fence (or take an IPI): a new shootdown in the
 * ring, targets' start instruction counts taken from instret[] (per hart),
 * returned so the caller may look at it. */
struct view_shootdown *view_sd_begin(struct view_model *m, unsigned from, uint64_t targets, unsigned kind,
                                     uint64_t start, uint64_t size, uint16_t asid, const uint64_t *instret,
                                     uint64_t mtime);
/* Hart h performed an sfence.vma (fence) or took a software interrupt
 * (!fence): every open shootdown that waited for that from h is done for
 * h.  Returns how many were completed. */
unsigned view_sd_event(struct view_model *m, unsigned h, bool fence, uint64_t instret, uint64_t mtime);
/* Fade the shootdowns' marks by one snapshot. */
void view_sd_fade(struct view_model *m);
/* The view's facts as text, one line each (--view-text): the status, per
 * hart its state, how full each structure is and the counters the view
 * shows, then the recent shootdowns with their latencies, then per device
 * (the IOMMU) how full its IOTLB and PWC are and its counters as
 * "iommu KEY VALUE ..." pairs named as in --stats-json's "iommu" object. */
void view_model_text(const struct view_model *m, FILE *f);
/* Has anything of the H extension happened in these statistics (V=1
 * translations, the nested TLB, guest-page faults, hfences)?  The text and
 * the counters box show their two-stage lines only then. */
bool view_two_stage_used(const struct mmu_stats *s);

#endif
