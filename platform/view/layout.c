/* Where everything of the view is: see layout.h. */
#include "layout.h"

#include "draw.h"

#define HEADER_H (2 * VIEW_LINE_H + 6)  /* title and help lines */
#define RIGHT_W 460                       /* the right column */
#define LEGEND_H (3 * VIEW_LINE_H + 8)
#define GAP 6                             /* between boxes and panels */
#define BAND_GAP 3                        /* between the bands of a grid */
#define MAX_CELL 16
#define PWC_MAX_CELL 14

static struct view_rect rect(int x, int y, int w, int h)
{
    return (struct view_rect){ x, y, w, h };
}

static bool inside(const struct view_rect *r, int x, int y)
{
    return x >= r->x && y >= r->y && x < r->x + r->w && y < r->y + r->h;
}

/* The largest cell size (and its band length) with which sets x ways
 * cells fit into w x h; bands as even as they can be. */
static void fit_grid(struct view_grid *g, unsigned sets, unsigned ways, int w, int h)
{
    g->sets = sets;
    g->ways = ways;
    g->cell = 0;
    g->per_band = 0;
    if (!sets || !ways || w <= 0 || h <= 0)
        return;
    for (int c = MAX_CELL; c >= 1; c--) {
        unsigned per = (unsigned)(w / c);
        if (per == 0)
            continue;
        if (per > sets)
            per = sets;
        unsigned bands = (sets + per - 1) / per;
        per = (sets + bands - 1) / bands;
        int need = (int)bands * (int)ways * c + ((int)bands - 1) * BAND_GAP;
        if (need <= h || c == 1) {
            g->cell = c;
            g->per_band = per;
            g->area.w = (int)per * c;
            g->area.h = need;
            return;
        }
    }
}

static int pwc_level(const struct view_cell *c)
{
    if (!c->valid)
        return -1;
    return c->e.size < VIEW_PWC_GROUPS - 1 ? c->e.size : VIEW_PWC_GROUPS - 2;
}

/* The groups of the page-walk cache and the cell size that fits them. */
static void fit_pwc(struct view_panel_layout *pl, const struct view_tlb *t, struct view_rect area)
{
    struct view_grid *g = &pl->g[MMU_TLB_PWC];
    unsigned n = t->sets * t->ways;
    unsigned count[VIEW_PWC_GROUPS] = { 0 };
    for (unsigned i = 0; i < n; i++)
        count[pwc_level(&t->cells[i]) + 1]++;
    pl->npwc = 0;
    for (int lv = VIEW_PWC_GROUPS - 2; lv >= -1; lv--)
        if (count[lv + 1])
            pl->pwc[pl->npwc++] = (struct view_pwc_group){ .level = lv, .count = count[lv + 1] };
    pl->pwc_label_w = 4 * 7;
    g->sets = t->sets;
    g->ways = t->ways;
    g->cell = 0;
    int w = area.w - pl->pwc_label_w;
    for (int c = PWC_MAX_CELL; c >= 1 && w > 0; c--) {
        unsigned per = (unsigned)(w / c);
        if (per == 0)
            continue;
        int lines = 0;
        for (unsigned k = 0; k < pl->npwc; k++)
            lines += (int)((pl->pwc[k].count + per - 1) / per);
        int gh = c < VIEW_LINE_H ? VIEW_LINE_H : c; /* a group line is at least a text line high */
        int need = lines * c + (int)pl->npwc * (gh - c);
        if (need <= area.h || c == 1) {
            g->cell = c;
            pl->pwc_per_line = per;
            int y = area.y;
            for (unsigned k = 0; k < pl->npwc; k++) {
                pl->pwc[k].y = y;
                y += (int)((pl->pwc[k].count + per - 1) / per) * c + (gh - c);
            }
            g->area = rect(area.x + pl->pwc_label_w, area.y, w, y - area.y);
            return;
        }
    }
}

/* The counters of a device panel: as many lines as it shows, at most
 * half the panel. */
static int device_counters_h(const struct view_model *m, const struct view_panel_layout *pl)
{
    char lines[VIEW_DEV_LINES][VIEW_DEV_CHARS];
    int n = (int)view_device_lines(&m->devices[pl->device], lines, VIEW_DEV_LINES);
    int h = n * VIEW_LINE_H + VIEW_PAD;
    return h < pl->r.h / 2 ? h : pl->r.h / 2;
}

static void layout_panel(const struct view_model *m, struct view_panel_layout *pl)
{
    const struct view_tlb *tlb = view_slot_tlbs(m, pl->hart);
    const struct view_rect *r = &pl->r;
    pl->header = rect(r->x + VIEW_PAD, r->y + 3, r->w - 2 * VIEW_PAD, 2 * VIEW_LINE_H);
    int x = r->x + VIEW_PAD, w = r->w - 2 * VIEW_PAD;
    int top = pl->header.y + pl->header.h + 4, bottom = r->y + r->h - VIEW_PAD;
    pl->counters = rect(x, bottom, w, 0);
    if (pl->device >= 0) { /* the device's counters at the bottom */
        int ch = device_counters_h(m, pl);
        bottom -= ch;
        pl->counters = rect(x, bottom + VIEW_PAD, w, ch - VIEW_PAD);
    }
    bool l1 = tlb[MMU_TLB_L1I].sets || tlb[MMU_TLB_L1D].sets;
    bool l2 = tlb[MMU_TLB_L2].sets != 0, pwc = tlb[MMU_TLB_PWC].sets != 0;
    /* height shares: the L1s 1, the L2 3, the PWC 1 */
    int weight = (l1 ? 1 : 0) + (l2 ? 3 : 0) + (pwc ? 1 : 0);
    int avail = bottom - top - 3 * (VIEW_LINE_H + GAP);
    int unit = weight ? avail / weight : 0;
    int y = top;
    for (int t = 0; t < 4; t++)
        pl->g[t] = (struct view_grid){ 0 };
    pl->npwc = 0;
    if (l1) {
        int half = (w - GAP) / 2;
        for (int t = MMU_TLB_L1I; t <= MMU_TLB_L1D; t++) {
            struct view_grid *g = &pl->g[t];
            int gx = x + (t == MMU_TLB_L1I ? 0 : half + GAP);
            g->label = rect(gx, y, half, VIEW_LINE_H);
            fit_grid(g, tlb[t].sets, tlb[t].ways, half, unit);
            g->area.x = gx;
            g->area.y = y + VIEW_LINE_H;
        }
        int used = pl->g[MMU_TLB_L1I].area.h > pl->g[MMU_TLB_L1D].area.h ? pl->g[MMU_TLB_L1I].area.h
                                                                        : pl->g[MMU_TLB_L1D].area.h;
        y += VIEW_LINE_H + used + GAP; /* what the L1s do not need goes to the L2 */
    }
    if (l2) {
        struct view_grid *g = &pl->g[MMU_TLB_L2];
        g->label = rect(x, y, w, VIEW_LINE_H);
        /* the PWC keeps at least three of its group lines (levels 2 and 1, free) */
        int pwc_h = unit > 3 * VIEW_LINE_H ? unit : 3 * VIEW_LINE_H;
        int room = bottom - y - VIEW_LINE_H - (pwc ? VIEW_LINE_H + GAP + pwc_h : 0);
        fit_grid(g, tlb[MMU_TLB_L2].sets, tlb[MMU_TLB_L2].ways, w, room);
        g->area.x = x;
        g->area.y = y + VIEW_LINE_H;
        y = g->area.y + g->area.h + GAP; /* what the L2 does not need goes to the PWC */
    }
    if (pwc) {
        struct view_grid *g = &pl->g[MMU_TLB_PWC];
        g->label = rect(x, y, w, VIEW_LINE_H);
        fit_pwc(pl, &tlb[MMU_TLB_PWC], rect(x, y + VIEW_LINE_H, w, bottom - y - VIEW_LINE_H));
    }
}

void view_layout(const struct view_model *m, struct view_layout *l)
{
    *l = (struct view_layout){ 0 };
    l->title = rect(VIEW_PAD, 3, VIEW_WIDTH - 2 * VIEW_PAD, VIEW_LINE_H);
    l->help = rect(VIEW_PAD, 3 + VIEW_LINE_H + 2, VIEW_WIDTH - 2 * VIEW_PAD, VIEW_LINE_H);
    int left_w = VIEW_WIDTH - RIGHT_W - 3 * VIEW_PAD;
    int top = HEADER_H;
    l->legend = rect(VIEW_PAD, VIEW_HEIGHT - LEGEND_H - VIEW_PAD, left_w, LEGEND_H);
    l->panels = rect(VIEW_PAD, top, left_w, l->legend.y - GAP - top);
    int rx = VIEW_PAD + left_w + 2 * VIEW_PAD, y = top;
    l->details = rect(rx, y, RIGHT_W, 5 * VIEW_LINE_H + 2 * VIEW_PAD);
    y += l->details.h + GAP;
    l->walk = rect(rx, y, RIGHT_W, 12 * VIEW_LINE_H + 2 * VIEW_PAD);
    y += l->walk.h + GAP;
    l->counters = rect(rx, y, RIGHT_W, 17 * VIEW_LINE_H + 2 * VIEW_PAD); /* a title and 16 lines */
    y += l->counters.h + GAP;
    l->graphs = rect(rx, y, RIGHT_W, 4 * 46 + 2 * VIEW_PAD);
    y += l->graphs.h + GAP;
    l->sdlist = rect(rx, y, RIGHT_W, VIEW_HEIGHT - VIEW_PAD - y);

    unsigned slots = view_model_slots(m);
    unsigned first = m->ctl.first_panel < slots ? m->ctl.first_panel : 0;
    unsigned n = slots - first;
    if (n > VIEW_PANELS)
        n = VIEW_PANELS;
    l->npanels = n;
    l->cols = n <= 1 ? 1 : n <= 4 ? 2 : 4;
    l->rows = n <= 2 ? 1 : 2;
    if (!n)
        return;
    int pw = (l->panels.w - ((int)l->cols - 1) * GAP) / (int)l->cols;
    int ph = (l->panels.h - ((int)l->rows - 1) * GAP) / (int)l->rows;
    for (unsigned i = 0; i < n; i++) {
        struct view_panel_layout *pl = &l->panel[i];
        pl->hart = first + i;
        pl->device = pl->hart < m->nharts ? -1 : (int)(pl->hart - m->nharts);
        pl->r = rect(l->panels.x + (int)(i % l->cols) * (pw + GAP), l->panels.y + (int)(i / l->cols) * (ph + GAP),
                     pw, ph);
        layout_panel(m, pl);
    }
}

static bool cells_pwc(const struct view_panel_layout *pl, const struct view_tlb *t, view_cell_fn fn, void *ctx)
{
    const struct view_grid *g = &pl->g[MMU_TLB_PWC];
    unsigned seen[VIEW_PWC_GROUPS] = { 0 };
    unsigned n = t->sets * t->ways;
    for (unsigned i = 0; i < n; i++) {
        int lv = pwc_level(&t->cells[i]);
        unsigned k = 0;
        while (k < pl->npwc && pl->pwc[k].level != lv)
            k++;
        if (k == pl->npwc)
            continue; /* the model changed since the layout: not drawn */
        unsigned j = seen[k]++;
        struct view_rect slot = rect(g->area.x + (int)(j % pl->pwc_per_line) * g->cell,
                                     pl->pwc[k].y + (int)(j / pl->pwc_per_line) * g->cell, g->cell, g->cell);
        if (fn(ctx, i, &slot))
            return true;
    }
    return false;
}

bool view_layout_cells(const struct view_layout *l, const struct view_model *m, unsigned p, int tlb,
                       view_cell_fn fn, void *ctx)
{
    if (p >= l->npanels || tlb < 0 || tlb > MMU_TLB_PWC)
        return false;
    const struct view_panel_layout *pl = &l->panel[p];
    const struct view_grid *g = &pl->g[tlb];
    const struct view_tlb *tlbs = view_slot_tlbs(m, pl->hart);
    if (!tlbs)
        return false; /* the model changed since the layout */
    const struct view_tlb *t = &tlbs[tlb];
    if (!g->cell || !t->cells || t->sets != g->sets || t->ways != g->ways)
        return false;
    if (tlb == MMU_TLB_PWC)
        return cells_pwc(pl, t, fn, ctx);
    int band_h = (int)g->ways * g->cell + BAND_GAP;
    for (unsigned s = 0; s < g->sets; s++) {
        int bx = g->area.x + (int)(s % g->per_band) * g->cell;
        int by = g->area.y + (int)(s / g->per_band) * band_h;
        for (unsigned w = 0; w < g->ways; w++) {
            struct view_rect slot = rect(bx, by + (int)w * g->cell, g->cell, g->cell);
            if (fn(ctx, s * g->ways + w, &slot))
                return true;
        }
    }
    return false;
}

struct find_ctx {
    unsigned cell;           /* find by index ... */
    int x, y;                /* ... or by point */
    bool by_point;
    unsigned found;
    struct view_rect r;
};

static bool find_cell(void *p, unsigned cell, const struct view_rect *slot)
{
    struct find_ctx *f = p;
    if (f->by_point ? !inside(slot, f->x, f->y) : cell != f->cell)
        return false;
    f->found = cell;
    f->r = *slot;
    return true;
}

int view_layout_panel_of(const struct view_layout *l, unsigned hart)
{
    for (unsigned p = 0; p < l->npanels; p++)
        if (l->panel[p].hart == hart)
            return (int)p;
    return -1;
}

bool view_layout_cell_rect(const struct view_layout *l, const struct view_model *m, unsigned hart, int tlb,
                           unsigned cell, struct view_rect *out)
{
    int p = view_layout_panel_of(l, hart);
    struct find_ctx f = { .cell = cell };
    if (p < 0 || !view_layout_cells(l, m, (unsigned)p, tlb, find_cell, &f))
        return false;
    *out = f.r;
    return true;
}

bool view_layout_hit(const struct view_layout *l, const struct view_model *m, int x, int y,
                     struct view_hit *h)
{
    *h = (struct view_hit){ .panel = -1, .device = -1, .tlb = -1, .cell = -1 };
    for (unsigned p = 0; p < l->npanels; p++) {
        const struct view_panel_layout *pl = &l->panel[p];
        if (!inside(&pl->r, x, y))
            continue;
        h->panel = (int)p;
        h->hart = pl->hart;
        h->device = pl->device;
        for (int t = 0; t < 4; t++) {
            struct find_ctx f = { .x = x, .y = y, .by_point = true };
            if (view_layout_cells(l, m, p, t, find_cell, &f)) {
                h->tlb = t;
                h->cell = (int)f.found;
                break;
            }
        }
        return true;
    }
    return false;
}

struct view_rect view_fit(int ww, int wh)
{
    if (ww >= VIEW_WIDTH && wh >= VIEW_HEIGHT)
        return rect((ww - VIEW_WIDTH) / 2, (wh - VIEW_HEIGHT) / 2, VIEW_WIDTH, VIEW_HEIGHT);
    /* the smaller of the two scales, in whole pixels */
    int w = ww, h = (int)((long)ww * VIEW_HEIGHT / VIEW_WIDTH);
    if (h > wh) {
        h = wh;
        w = (int)((long)wh * VIEW_WIDTH / VIEW_HEIGHT);
    }
    return rect((ww - w) / 2, (wh - h) / 2, w, h);
}
