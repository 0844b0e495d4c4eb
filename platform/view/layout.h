/* Where everything of the view is on its VIEW_WIDTH x VIEW_HEIGHT canvas:
 * the boxes, one panel per shown hart and then per device (the IOMMU), and
 * in each panel every TLB and page-walk-cache cell.  render.c draws through it and window.c finds what
 * the mouse is on through it, so the two always agree. */
#ifndef PAGODA_VIEW_LAYOUT_H
#define PAGODA_VIEW_LAYOUT_H

#include <stdbool.h>

#include "model.h"

#define VIEW_LINE_H 15  /* pixels from one line of text to the next */
#define VIEW_PAD 4      /* space inside a box around its text */

struct view_rect {
    int x, y, w, h;
};

/* One TLB drawn as a set-by-way grid: sets run left to right, ways top to
 * bottom, and the sets wrap into bands of per_band sets, one band below
 * the other.  The page-walk cache is drawn in groups instead (below). */
struct view_grid {
    struct view_rect label; /* the line above the cells */
    struct view_rect area;  /* the cells */
    int cell;               /* pixels from one cell to the next; 0: absent */
    unsigned sets, ways, per_band;
};

/* The page-walk cache, grouped by the level of the PTE each entry holds:
 * one group per level present (highest first), then the empty entries;
 * each group starts a line, labelled at the left. */
#define VIEW_PWC_GROUPS 9
struct view_pwc_group {
    int level;              /* -1: the empty entries */
    unsigned count;
    int y;                  /* top of the group's first line */
};

struct view_panel_layout {
    unsigned hart;            /* the panel's slot: hart hart, or device hart - nharts */
    int device;               /* -1: a hart panel; else the device (index in m->devices) */
    struct view_rect r;       /* the whole panel */
    struct view_rect header;  /* two lines: hart, pc, privilege, satp, instret (a device: its name) */
    struct view_rect counters; /* a device panel: its counters below the cells (else 0 x 0) */
    struct view_grid g[4];    /* by MMU_TLB_L1I, _L1D, _L2, _PWC */
    struct view_pwc_group pwc[VIEW_PWC_GROUPS];
    unsigned npwc;            /* groups in pwc[] */
    int pwc_label_w;          /* width of the group labels at the left */
    unsigned pwc_per_line;
};

struct view_layout {
    struct view_rect title, help;  /* the status line and the help line */
    struct view_rect panels;       /* where the panels are */
    struct view_rect legend;
    struct view_rect details, walk, counters, graphs, sdlist; /* the right column */
    unsigned npanels, cols, rows;
    struct view_panel_layout panel[VIEW_PANELS];
};

/* Lay out m's view (which panels are shown follows m->ctl.first_panel; the
 * page-walk cache's groups follow what it holds now). */
void view_layout(const struct view_model *m, struct view_layout *l);

/* Called for each cell with its rectangle (a cell slot: cell x cell
 * pixels); returning true stops the walk. */
typedef bool (*view_cell_fn)(void *ctx, unsigned cell, const struct view_rect *slot);
/* Go through the cells of structure tlb of panel p (as laid out by
 * view_layout for the same m) in index order.  Returns true when fn
 * stopped it. */
bool view_layout_cells(const struct view_layout *l, const struct view_model *m, unsigned p, int tlb,
                       view_cell_fn fn, void *ctx);
/* The rectangle of one cell of slot hart (a hart, or m->nharts + d for
 * device d); false when it is not on screen. */
bool view_layout_cell_rect(const struct view_layout *l, const struct view_model *m, unsigned hart, int tlb,
                           unsigned cell, struct view_rect *out);

/* What is under the point (x, y). */
struct view_hit {
    int panel;      /* -1: no panel */
    unsigned hart;  /* panel >= 0: the panel's slot (its hart when device < 0) */
    int device;     /* panel >= 0: -1 a hart panel, else the device */
    int tlb;        /* MMU_TLB_*, or -1: elsewhere in the panel */
    int cell;       /* tlb >= 0: the cell's index in that structure's cells */
};
/* Returns true when (x, y) is in a panel; fills *h. */
bool view_layout_hit(const struct view_layout *l, const struct view_model *m, int x, int y,
                     struct view_hit *h);

/* Where the view goes in a window of ww x wh pixels: at its own size and
 * centred when it fits, else scaled down to fit and centred. */
struct view_rect view_fit(int ww, int wh);

/* The panel showing slot hart (a hart, or m->nharts + d for device d), or -1. */
int view_layout_panel_of(const struct view_layout *l, unsigned hart);

#endif
