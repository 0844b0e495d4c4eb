/* The TLB view as the board sees it: create it from a description of the
 * harts (struct view_source), call view_turn between scheduling turns and
 * view_finish at the end.  Nothing here is called from the hot loop; with
 * no view the board never calls any of it.  The window and the off-screen
 * PNG are two ways of showing the same struct view_model (model.h). */
#ifndef PAGODA_VIEW_H
#define PAGODA_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hart;
struct iommu;
struct mmu;

/* What the view reads: the board's harts and their MMUs, and mtime. */
struct view_source {
    unsigned nharts;
    struct hart *harts;        /* nharts harts */
    struct mmu *const *mmus;   /* mmus[i]: hart i's */
    const uint64_t *mtime;
};

struct view_opts {
    bool window;               /* --view: an SDL window */
    const char *png;           /* --view-png FILE: written at the end of the run */
    const char *text;          /* --view-text FILE: the view's numbers as text, at the end */
    uint64_t every;            /* --view-every N: FILE numbered every N instructions (0: only at the end) */
    bool quit_on_close;        /* --view=quit-on-close: closing the window stops the guest */
    bool hold;                 /* --view=hold: when the guest stops, the window stays until closed */
    bool paused;               /* --view=paused: start paused, before the first instruction */
};

struct view;

/* Open the view (the window, when asked).  NULL with a one-line reason in
 * err when it cannot (no display, no font). */
struct view *view_create(const struct view_opts *o, const struct view_source *src, char *err, size_t errlen);
/* Show the board's RISC-V IOMMU (board_iommu) as a panel after the hart
 * panels: its IOTLB and page-walk cache cell by cell, and its counters
 * (also in --view-text).  Called once, after view_create, when the board
 * has one.  Counts its IOTLB entries' hits from now on, as for the harts'
 * TLBs.  Returns 0, or -1 when out of memory (the view goes on without). */
int view_add_iommu(struct view *v, struct iommu *io);
/* Between two scheduling rounds: takes a snapshot when one is due, draws,
 * handles the window's events, and waits while the view is paused.  Sets
 * *budget to the most instructions each hart may run in the next round
 * (stepping) and returns true while the guest should go on, false when the
 * person asked to stop it. */
bool view_turn(struct view *v, uint64_t *budget);
/* The run has ended: a last snapshot, the window kept open until closed
 * with hold, and the PNG when asked.  Returns 0, or
 * -1 after a one-line error on stderr (the PNG could not be written). */
int view_finish(struct view *v);
/* Hart from wrote 1 to hart to's CLINT msip (the board tells the view):
 * a shootdown, unless from makes SBI calls (then the firmware is
 * delivering one the view already saw). */
void view_msip(struct view *v, unsigned from, unsigned to);
void view_destroy(struct view *v);

#endif
