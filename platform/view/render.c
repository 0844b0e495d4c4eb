/* Drawing the view model: see render.h.  Everything is drawn from the
 * model and the layout alone, so the window and the PNG show the same. */
#include "render.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"

#define RGB_TEXT 0xd8dee9
#define RGB_DIM 0x8a93a0
#define RGB_HEAD 0x9fd3ff
#define RGB_BOX 0x151a20
#define RGB_BORDER 0x2c333d
#define RGB_OK 0x7ee787
#define RGB_BAD VIEW_RGB_FAULT

struct pen {
    SDL_Renderer *r;
    const struct view_font *f;
};

uint32_t view_rgb_mix(uint32_t a, uint32_t b, float t)
{
    if (t <= 0)
        return a;
    if (t >= 1)
        return b;
    uint32_t out = 0;
    for (int sh = 0; sh <= 16; sh += 8) {
        float ca = (float)((a >> sh) & 0xff), cb = (float)((b >> sh) & 0xff);
        out |= (uint32_t)(ca + (cb - ca) * t + 0.5f) << sh;
    }
    return out;
}

static float mark_strength(uint8_t mark, unsigned fade)
{
    if (mark == VIEW_MARK_NONE || mark >= VIEW_NMARKS || fade == 0)
        return 0;
    return fade >= VIEW_FADE_FRAMES ? 1.0f : (float)fade / VIEW_FADE_FRAMES;
}

uint32_t view_cell_fill_rgb(const struct view_cell *c, int cell_px)
{
    uint32_t base = c->valid ? c->rgb : VIEW_EMPTY_RGB;
    float a = mark_strength(c->mark, c->fade);
    if (a > 0 && (!c->valid || cell_px < 6))
        return view_rgb_mix(base, view_mark_rgb(c->mark), c->valid ? a * 0.75f : a);
    return base;
}

static void set_rgb(const struct pen *p, uint32_t rgb)
{
    SDL_SetRenderDrawColor(p->r, (uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255);
}

static void fill(const struct pen *p, int x, int y, int w, int h, uint32_t rgb)
{
    if (w <= 0 || h <= 0)
        return;
    set_rgb(p, rgb);
    SDL_RenderFillRect(p->r, &(SDL_Rect){ x, y, w, h });
}

static void frame(const struct pen *p, int x, int y, int w, int h, int width, uint32_t rgb)
{
    for (int i = 0; i < width && w - 2 * i > 0 && h - 2 * i > 0; i++) {
        set_rgb(p, rgb);
        SDL_RenderDrawRect(p->r, &(SDL_Rect){ x + i, y + i, w - 2 * i, h - 2 * i });
    }
}

static void line(const struct pen *p, int x0, int y0, int x1, int y1, uint32_t rgb)
{
    set_rgb(p, rgb);
    SDL_RenderDrawLine(p->r, x0, y0, x1, y1);
}

/* printf-style text at (x, y), cut at maxw pixels (0: no limit); returns
 * the width drawn. */
static int text(const struct pen *p, int x, int y, int maxw, uint32_t rgb, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static int text(const struct pen *p, int x, int y, int maxw, uint32_t rgb, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t max = maxw > 0 ? (size_t)(maxw / p->f->adv) : sizeof buf;
    return view_font_draw(p->f, p->r, x, y, rgb, buf, max);
}

/* s wrapped at spaces into lines of w pixels (the lines after the first
 * indented by indent pixels), at most maxl lines; returns the lines used. */
static int wrap(const struct pen *p, int x, int y, int w, int indent, int maxl, uint32_t rgb, const char *s)
{
    size_t len = strlen(s), at = 0;
    int lines = 0;
    while (at < len && lines < maxl) {
        int in = lines ? indent : 0;
        size_t per = (size_t)((w - in) / p->f->adv), n = len - at;
        if (per < 8)
            break;
        if (n > per) {
            n = per;
            while (n > per / 2 && s[at + n] != ' ')
                n--;
        }
        view_font_draw(p->f, p->r, x + in, y + lines * VIEW_LINE_H, rgb, s + at, n);
        lines++;
        at += n;
        while (s[at] == ' ')
            at++;
    }
    return lines;
}

/* A box of the right column with its title; returns the y of its first
 * line below the title. */
static int box(const struct pen *p, const struct view_rect *b, const char *title)
{
    fill(p, b->x, b->y, b->w, b->h, RGB_BOX);
    frame(p, b->x, b->y, b->w, b->h, 1, RGB_BORDER);
    text(p, b->x + VIEW_PAD, b->y + VIEW_PAD - 2, b->w - 2 * VIEW_PAD, RGB_HEAD, "%s", title);
    return b->y + VIEW_PAD - 2 + VIEW_LINE_H;
}

#define NUM(n) view_count((char[16]){ 0 }, (n))

static const char *satp_mode_name(uint64_t satp)
{
    switch (satp >> 60) {
    case SATP_BARE: return "Bare";
    case SATP_SV39: return "Sv39";
    case SATP_SV48: return "Sv48";
    case SATP_SV57: return "Sv57";
    default: return "Sv?";
    }
}

static char priv_letter(uint8_t priv)
{
    return priv == PRIV_U ? 'U' : priv == PRIV_S ? 'S' : priv == PRIV_M ? 'M' : '?';
}

uint32_t view_sd_rgb(unsigned kind)
{
    static const uint32_t rgb[VIEW_NSDKINDS] = { 0xa5b4ff, 0xff9f43, 0xff6ad5, 0x5ee8ff, 0xc8ff5e };
    return kind < VIEW_NSDKINDS ? rgb[kind] : RGB_TEXT;
}

static const char *sd_range(char *buf, size_t len, const struct view_shootdown *s)
{
    if (s->kind == VIEW_SD_IPI || s->kind == VIEW_SD_FENCE_I || s->kind == VIEW_SD_MSIP)
        snprintf(buf, len, "%s", ""); /* no range */
    else if (s->size == 0 || s->size == ~0ULL)
        snprintf(buf, len, "all");
    else
        snprintf(buf, len, "%" PRIx64 "..%" PRIx64, s->start, s->start + s->size);
    return buf;
}

/* ---- cells ------------------------------------------------------------- */

/* How a page size shows inside a cell of fs pixels, in shapes that never
 * make a ring (a ring is a mark): 4K plain, 64K a dark bar across the
 * middle, 2M the lower half dark, 1G the lower right triangle dark, 512G
 * two dark quarters (top right, bottom left), 256T the right half dark. */
static void size_pattern(const struct pen *p, int x, int y, int fs, unsigned size, uint32_t rgb)
{
    uint32_t dark = view_rgb_mix(rgb, 0x000000, 0.6f);
    int t = fs >= 8 ? 2 : 1, h = fs / 2;
    if (fs < 3)
        return;
    switch (size) {
    case MMU_PAGE_64K: fill(p, x, y + (fs - t) / 2, fs, t, dark); break;
    case MMU_PAGE_2M: fill(p, x, y + h, fs, fs - h, dark); break;
    case MMU_PAGE_1G:
        for (int i = 1; i < fs; i++)
            fill(p, x + fs - i, y + i, i, 1, dark);
        break;
    case MMU_PAGE_512G:
        fill(p, x + h, y, fs - h, h, dark);
        fill(p, x, y + h, h, fs - h, dark);
        break;
    case MMU_PAGE_256T: fill(p, x + h, y, fs - h, fs, dark); break;
    default: break;
    }
}

static void draw_cell(const struct pen *p, const struct view_rect *slot, const struct view_cell *c, bool pwc)
{
    int fs = slot->w >= 4 ? slot->w - 1 : slot->w;
    uint32_t rgb = view_cell_fill_rgb(c, slot->w);
    fill(p, slot->x, slot->y, fs, fs, rgb);
    if (!c->valid)
        return;
    if (!pwc)
        size_pattern(p, slot->x, slot->y, fs, c->e.size, rgb);
    if (c->e.global) {
        int d = fs >= 8 ? 2 : 1;
        fill(p, slot->x, slot->y, d, d, VIEW_RGB_GLOBAL_DOT);
    }
    if (c->e.kind != MMU_ENTRY_S && fs >= 4) { /* the H extension's kinds: the bottom-right corner */
        int d = fs >= 8 ? 3 : 1;
        fill(p, slot->x + fs - d, slot->y + fs - d, d, d,
             c->e.kind == MMU_ENTRY_G ? VIEW_RGB_G_DOT : VIEW_RGB_VS_DOT);
    }
    float a = mark_strength(c->mark, c->fade);
    if (a > 0 && slot->w >= 6)
        frame(p, slot->x, slot->y, fs, fs, fs >= 10 ? 2 : 1, view_rgb_mix(rgb, view_mark_rgb(c->mark), a));
}

#define PLAIN_BATCH 512

struct cells_ctx {
    const struct pen *p;
    const struct view_tlb *t;
    bool pwc;
    int sel;                  /* the selected cell of this structure, or -1 */
    struct view_rect sel_slot;
    /* the empty unmarked cells (most of a large TLB), drawn together */
    SDL_Rect plain[PLAIN_BATCH];
    int nplain;
};

static void flush_plain(struct cells_ctx *c)
{
    if (!c->nplain)
        return;
    set_rgb(c->p, VIEW_EMPTY_RGB);
    SDL_RenderFillRects(c->p->r, c->plain, c->nplain);
    c->nplain = 0;
}

static bool cell_cb(void *ctx, unsigned i, const struct view_rect *slot)
{
    struct cells_ctx *c = ctx;
    const struct view_cell *cell = &c->t->cells[i];
    if (!cell->valid && mark_strength(cell->mark, cell->fade) == 0) {
        int fs = slot->w >= 4 ? slot->w - 1 : slot->w;
        if (c->nplain == PLAIN_BATCH)
            flush_plain(c);
        c->plain[c->nplain++] = (SDL_Rect){ slot->x, slot->y, fs, fs };
    } else {
        draw_cell(c->p, slot, cell, c->pwc);
    }
    if ((int)i == c->sel)
        c->sel_slot = *slot;
    return false;
}

/* ---- a hart panel ------------------------------------------------------ */

static unsigned valid_cells(const struct view_tlb *t)
{
    unsigned n = 0;
    for (unsigned i = 0; i < t->sets * t->ways; i++)
        n += t->cells[i].valid;
    return n;
}

/* A device panel's head: its name, the geometry of its IOTLB and PWC, and
 * what its cells' colours stand for. */
static void draw_device_head(const struct pen *p, const struct view_device *d, const struct view_panel_layout *pl,
                             bool selected)
{
    int x = pl->header.x, y = pl->header.y, w = pl->header.w;
    const struct view_tlb *t = &d->tlb[MMU_TLB_L2], *pwc = &d->tlb[MMU_TLB_PWC];
    int dx = text(p, x, y, w, selected ? VIEW_RGB_SELECT : RGB_HEAD, "%s", d->name ? d->name : "device");
    text(p, x + dx, y, w - dx, RGB_TEXT, "  IOTLB %ux%u  PWC %u", t->sets, t->ways, pwc->sets * pwc->ways);
    text(p, x, y + VIEW_LINE_H, w, RGB_DIM, "colour: PSCID tag  requests %s", NUM(d->io.requests));
}

/* A device panel's counters (view_device_lines), cut at the panel's edge. */
static void draw_device_counters(const struct pen *p, const struct view_device *d, const struct view_rect *b)
{
    char lines[VIEW_DEV_LINES][VIEW_DEV_CHARS];
    unsigned n = view_device_lines(d, lines, VIEW_DEV_LINES);
    if (b->h <= 0)
        return;
    for (unsigned i = 0; i < n && (int)(i + 1) * VIEW_LINE_H <= b->h; i++)
        text(p, b->x, b->y + (int)i * VIEW_LINE_H, b->w, strncmp(lines[i], "fault ", 6) ? RGB_TEXT : RGB_BAD, "%s",
             lines[i]);
}

static void draw_panel(const struct pen *p, const struct view_model *m, const struct view_layout *l, unsigned pi)
{
    const struct view_panel_layout *pl = &l->panel[pi];
    const struct view_tlb *tlbs = view_slot_tlbs(m, pl->hart);
    if (!tlbs)
        return;
    const struct view_control *ctl = &m->ctl;
    bool selected = pl->device < 0 ? !ctl->dev_selected && pl->hart == ctl->sel_hart
                                   : ctl->dev_selected && (int)ctl->sel_dev == pl->device;
    const struct view_rect *r = &pl->r;
    fill(p, r->x, r->y, r->w, r->h, VIEW_RGB_PANEL);
    frame(p, r->x, r->y, r->w, r->h, selected ? 2 : 1, selected ? VIEW_RGB_SELECT : RGB_BORDER);
    if (pl->device >= 0) {
        draw_device_head(p, &m->devices[pl->device], pl, selected);
    } else {
        const struct view_hart *h = &m->harts[pl->hart];
        int x = pl->header.x, y = pl->header.y, w = pl->header.w;
        int dx = text(p, x, y, w, selected ? VIEW_RGB_SELECT : RGB_HEAD, "hart %u", h->id);
        text(p, x + dx, y, w - dx, RGB_TEXT, "  pc %016" PRIx64 "  %c%s", h->pc, priv_letter(h->priv),
             h->wfi ? "  wfi" : "");
        text(p, x, y + VIEW_LINE_H, w, RGB_DIM, "%s ASID %u  instret %s", satp_mode_name(h->satp),
             (unsigned)((h->satp >> 44) & 0xffff), NUM(h->instret));
    }
    /* a TLB too big for the panel even at one pixel a cell is cut at its edge */
    SDL_RenderSetClipRect(p->r, &(SDL_Rect){ r->x, r->y, r->w, r->h });
    for (int t = 0; t < 4; t++) {
        const struct view_grid *g = &pl->g[t];
        const struct view_tlb *vt = &tlbs[t];
        if (!g->cell || !vt->cells)
            continue;
        unsigned n = vt->sets * vt->ways, used = valid_cells(vt);
        if (t == MMU_TLB_PWC)
            text(p, g->label.x, g->label.y, g->label.w, RGB_TEXT, "%s %u entries, %u used", vt->name ? vt->name : "PWC",
                 n, used);
        else
            text(p, g->label.x, g->label.y, g->label.w, RGB_TEXT, "%s %ux%u  %u/%u", vt->name ? vt->name : "?",
                 vt->sets, vt->ways, used, n);
        struct cells_ctx c = { .p = p, .t = vt, .pwc = t == MMU_TLB_PWC, .sel = -1 };
        if (selected && ctl->sel_tlb == t)
            c.sel = ctl->sel_cell;
        view_layout_cells(l, m, pi, t, cell_cb, &c);
        flush_plain(&c);
        if (c.sel >= 0 && c.sel_slot.w) {
            /* a small cell gets a wider frame, so that it is found at once */
            const struct view_rect *q = &c.sel_slot;
            int k = q->w < 8 ? 2 : 1;
            frame(p, q->x - k, q->y - k, q->w - 1 + 2 * k, q->h - 1 + 2 * k, k, VIEW_RGB_SELECT);
        }
    }
    if (pl->device >= 0 && pl->counters.h > 0) {
        line(p, pl->counters.x, pl->counters.y - 2, pl->counters.x + pl->counters.w - 1, pl->counters.y - 2,
             RGB_BORDER);
        draw_device_counters(p, &m->devices[pl->device], &pl->counters);
    }
    SDL_RenderSetClipRect(p->r, NULL);
    const struct view_grid *g = &pl->g[MMU_TLB_PWC];
    for (unsigned k = 0; k < pl->npwc && g->cell; k++) {
        if (pl->pwc[k].level < 0)
            text(p, g->area.x - pl->pwc_label_w, pl->pwc[k].y, pl->pwc_label_w, RGB_DIM, "free");
        else
            text(p, g->area.x - pl->pwc_label_w, pl->pwc[k].y, pl->pwc_label_w, RGB_TEXT, "L%d", pl->pwc[k].level);
    }
}

/* ---- the top lines ----------------------------------------------------- */

static void draw_status(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_control *c = &m->ctl;
    int x = l->title.x, y = l->title.y;
    x += text(p, x, y, 0, c->paused ? 0xffb86c : RGB_OK, "%s", c->paused ? "PAUSED " : "RUNNING");
    x += text(p, x, y, 0, RGB_TEXT, "  %u harts  insns %s  %.1f MIPS  guest %.6f s  host %.1f s", m->nharts,
              NUM(m->total_insns), m->mips, (double)m->mtime / 1e7, m->host_seconds);
    if (c->slow)
        x += text(p, x, y, 0, 0xffb86c, "  slow %u ms", c->slow);
    if (c->step)
        x += text(p, x, y, 0, 0xffb86c, "  stepping %" PRIu64, c->step);
    if (c->stop_on_fence || c->stop_on_shootdown || c->stop_on_fault) {
        char fault[40] = "";
        if (c->stop_on_fault) {
            if (c->stop_fault_va == ~0ULL)
                snprintf(fault, sizeof fault, " fault");
            else
                snprintf(fault, sizeof fault, " fault@%" PRIx64, c->stop_fault_va);
        }
        x += text(p, x, y, 0, 0xffb86c, "  stop on:%s%s%s", c->stop_on_fence ? " fence" : "",
                  c->stop_on_shootdown ? " shootdown" : "", fault);
    }
    if (c->message[0])
        text(p, x, y, l->title.x + l->title.w - x, VIEW_RGB_SELECT, "  %s", c->message);
    text(p, l->help.x, l->help.y, l->help.w, RGB_DIM,
         "space pause  s/S/n step 1/1000/N  +/- slower/faster  1-8 Tab panel  i IOMMU  PgUp/PgDn more panels  "
         "mouse/arrows cell  Enter/right-click walk cell  w type VA  f/d/p stop on fence/shootdown/fault  "
         "c/F12 screenshot  q quit");
}

/* ---- the right column -------------------------------------------------- */

static void draw_details(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->details;
    const struct view_control *c = &m->ctl;
    int y = box(p, b, "Selected entry");
    int x = b->x + VIEW_PAD, w = b->w - 2 * VIEW_PAD;
    bool dev = c->dev_selected && c->sel_dev < m->ndevices;
    if ((!dev && c->sel_hart >= m->nharts) || c->sel_tlb < 0 || c->sel_tlb > MMU_TLB_PWC || c->sel_cell < 0) {
        text(p, x, y, w, RGB_DIM, "hover over a cell, or click it to pin it; arrows move; Enter walks it");
        return;
    }
    const struct view_tlb *t = dev ? &m->devices[c->sel_dev].tlb[c->sel_tlb] : &m->harts[c->sel_hart].tlb[c->sel_tlb];
    if ((unsigned)c->sel_cell >= t->sets * t->ways || !t->cells)
        return;
    const struct view_cell *cell = &t->cells[c->sel_cell];
    unsigned set = (unsigned)c->sel_cell / t->ways, way = (unsigned)c->sel_cell % t->ways;
    static const char *const mark_names[] = { "", "hit", "fill", "evict", "fence" };
    int dx = dev ? text(p, x, y, w, RGB_TEXT, "%s  %s", m->devices[c->sel_dev].name, t->name ? t->name : "?")
                 : text(p, x, y, w, RGB_TEXT, "hart %u  %s", c->sel_hart, t->name ? t->name : "?");
    if (!cell->valid)
        dx += text(p, x + dx, y, w - dx, RGB_TEXT, "  set %u way %u", set, way);
    if (cell->mark && cell->mark < VIEW_NMARKS && cell->fade)
        text(p, x + dx, y, w - dx, view_mark_rgb(cell->mark), "  %s %u/%u", mark_names[cell->mark], cell->fade,
             VIEW_FADE_FRAMES);
    y += VIEW_LINE_H;
    char desc[256];
    view_cell_describe(t, cell, desc, sizeof desc);
    wrap(p, x, y, w, 2 * p->f->adv, 3, cell->valid ? cell->rgb : RGB_DIM, desc);
}

static void draw_walk(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->walk;
    const struct view_walk *wk = &m->walk;
    int y = box(p, b, "Page-table walk");
    int x = b->x + VIEW_PAD, w = b->w - 2 * VIEW_PAD;
    if (m->ctl.typing && m->ctl.typing_step) {
        int dx = text(p, x, y, w, VIEW_RGB_SELECT, "instructions to step per hart: ");
        text(p, x + dx, y, w - dx, RGB_TEXT, "%s_   (Enter steps, Esc cancels)", m->ctl.input);
        y += VIEW_LINE_H;
    } else if (m->ctl.typing) {
        int dx = text(p, x, y, w, VIEW_RGB_SELECT, "VA to walk on hart %u: 0x", m->ctl.sel_hart);
        text(p, x + dx, y, w - dx, RGB_TEXT, "%s_   (Enter walks, Esc cancels)", m->ctl.input);
        y += VIEW_LINE_H;
    }
    if (!wk->active) {
        text(p, x, y, w, RGB_DIM, "w: type a VA;  Enter: walk the selected cell's VA");
        return;
    }
    if (!m->ctl.typing) {
        text(p, x, y, w, RGB_TEXT, "%s%u  %s %016" PRIx64 "  %s root %" PRIx64 " ASID %u",
             wk->device ? "satp of hart " : "hart ", wk->hart, wk->device ? "IOVA" : "VA", wk->va,
             satp_mode_name(wk->satp), (uint64_t)((wk->satp & ((1ULL << 44) - 1)) << 12),
             (unsigned)((wk->satp >> 44) & 0xffff));
        y += VIEW_LINE_H;
    }
    char buf[160];
    int bottom = b->y + b->h - VIEW_LINE_H;
    for (unsigned i = 0; i < wk->w.nrows && i < 5 && y < bottom; i++) {
        const struct mmu_walk_row *row = &wk->w.rows[i];
        int indent = (int)i * p->f->adv; /* down the tree */
        unsigned idx = (unsigned)((wk->va >> (12 + 9 * row->level)) & 0x1ff);
        uint32_t rgb = row->pwc ? VIEW_RGB_PWC_ROW : RGB_TEXT;
        if (row->pwc)
            fill(p, x, y + 3, 3 * p->f->adv - 2, VIEW_LINE_H - 6, VIEW_RGB_PWC_ROW);
        int dx = 3 * p->f->adv + indent;
        dx += text(p, x + dx, y, w - dx, RGB_DIM, "[%03x] ", idx);
        view_walk_describe(&wk->w, i, buf, sizeof buf);
        y += wrap(p, x + dx, y, w - dx, 2 * p->f->adv, 2, rgb, buf) * VIEW_LINE_H;
    }
    view_walk_describe(&wk->w, wk->w.nrows, buf, sizeof buf);
    wrap(p, x, y, w, 2 * p->f->adv, 2, wk->w.ok ? RGB_OK : RGB_BAD, buf);
}

static void tlb_row(const struct pen *p, int x, int y, int w, const char *name, const struct mmu_tlb_stats *s)
{
    double rate = s->lookups ? 100.0 * (double)s->hits / (double)s->lookups : 0;
    text(p, x, y, w, RGB_TEXT, "%-4s %8s %8s %6.2f %8s %8s", name, NUM(s->lookups), NUM(s->misses), rate,
         NUM(s->fills), NUM(s->evictions));
}

static void draw_counters(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->counters;
    char title[64];
    if (m->ctl.dev_selected && m->ctl.sel_dev < m->ndevices) {
        /* the device's: the lines of its panel, with the room of the box */
        const struct view_device *d = &m->devices[m->ctl.sel_dev];
        snprintf(title, sizeof title, "Counters of the %s (since reset)", d->name ? d->name : "device");
        int y = box(p, b, title);
        struct view_rect r = { b->x + VIEW_PAD, y, b->w - 2 * VIEW_PAD, b->y + b->h - y };
        draw_device_counters(p, d, &r);
        return;
    }
    unsigned hi = m->ctl.sel_hart < m->nharts ? m->ctl.sel_hart : 0;
    snprintf(title, sizeof title, "Counters of hart %u (since reset)", hi);
    int y = box(p, b, title);
    if (!m->nharts)
        return;
    const struct view_hart *h = &m->harts[hi];
    const struct mmu_stats *s = &h->stats;
    int x = b->x + VIEW_PAD, w = b->w - 2 * VIEW_PAD;
    text(p, x, y, w, RGB_DIM, "%-4s %8s %8s %6s %8s %8s", "", "lookups", "misses", "hit%", "fills", "evicts");
    y += VIEW_LINE_H;
    static const char *const names[3] = { "L1I", "L1D", "L2" };
    for (int t = 0; t < 3; t++, y += VIEW_LINE_H)
        tlb_row(p, x, y, w, names[t], &s->tlb[t]);
    double pwc_rate = s->pwc_lookups ? 100.0 * (double)s->pwc_hits / (double)s->pwc_lookups : 0;
    text(p, x, y, w, RGB_TEXT, "PWC  %8s %8s %6.2f", NUM(s->pwc_lookups), NUM(s->pwc_lookups - s->pwc_hits), pwc_rate);
    y += VIEW_LINE_H;
    double avg = s->walks ? (double)s->pte_reads / (double)s->walks : 0;
    text(p, x, y, w, RGB_TEXT, "walks %s  PTE reads %s  avg %.2f/walk", NUM(s->walks), NUM(s->pte_reads), avg);
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "walk reads 1:%s 2:%s 3:%s 4:%s 5+:%s", NUM(s->walk_reads[0]), NUM(s->walk_reads[1]),
         NUM(s->walk_reads[2]), NUM(s->walk_reads[3]), NUM(s->walk_reads[4]));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "page faults   fetch %s load %s store %s", NUM(s->page_faults[MMU_FETCH]),
         NUM(s->page_faults[MMU_LOAD]), NUM(s->page_faults[MMU_STORE]));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "access faults fetch %s load %s store %s", NUM(s->access_faults[MMU_FETCH]),
         NUM(s->access_faults[MMU_LOAD]), NUM(s->access_faults[MMU_STORE]));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "fences all %s asid %s va %s va+asid %s", NUM(s->fences[MMU_FENCE_ALL]),
         NUM(s->fences[MMU_FENCE_ASID]), NUM(s->fences[MMU_FENCE_VA]), NUM(s->fences[MMU_FENCE_VA_ASID]));
    y += VIEW_LINE_H;
    uint64_t removed = 0;
    for (int k = 0; k < 4; k++)
        removed += s->fence_removed[k];
    text(p, x, y, w, RGB_TEXT, "  entries removed %s  flush-all %s", NUM(removed), NUM(s->flush_all));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "A/D updates %s  retries %s", NUM(s->ad_updates), NUM(s->ad_retries));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_TEXT, "shootdowns sent %s  received %s", NUM(h->shootdowns_sent), NUM(h->shootdowns_received));
    y += VIEW_LINE_H;
    text(p, x, y, w, RGB_DIM, "translations %s  untranslated %s", NUM(s->translations), NUM(s->untranslated));
    y += VIEW_LINE_H;
    /* the H extension: dim and empty-handed until something ran with V=1 */
    bool h_used = view_two_stage_used(s);
    double g_rate = s->g_tlb_lookups ? 100.0 * (double)s->g_tlb_hits / (double)s->g_tlb_lookups : 0;
    text(p, x, y, w, h_used ? RGB_TEXT : RGB_DIM, "V=1 %s  2-D walks %s  G walks %s  nested %.1f%%",
         NUM(s->virt_translations), NUM(s->two_stage_walks), NUM(s->g_walks), g_rate);
    y += VIEW_LINE_H;
    text(p, x, y, w, h_used ? RGB_TEXT : RGB_DIM, "guest-page faults %s  hfence.vvma %s gvma %s",
         NUM(s->guest_page_faults[0] + s->guest_page_faults[1] + s->guest_page_faults[2]),
         NUM(s->hfence_vvma[0] + s->hfence_vvma[1] + s->hfence_vvma[2] + s->hfence_vvma[3]),
         NUM(s->hfence_gvma[0] + s->hfence_gvma[1] + s->hfence_gvma[2] + s->hfence_gvma[3]));
}

static void draw_graph(const struct pen *p, const struct view_hart *h, int s, const struct view_rect *g)
{
    static const char *const names[VIEW_NSERIES] = { "MIPS", "L1I hit %", "L1D hit %", "L2 hit %",
                                                     "walks", "faults", "fences" };
    static const uint32_t rgb[VIEW_NSERIES] = { 0x7ee787, 0x79c0ff, 0x56d4dd, 0xd2a8ff,
                                                0xffa657, 0xff7b72, 0xf778ba };
    bool percent = s >= VIEW_S_L1I_HIT && s <= VIEW_S_L2_HIT;
    unsigned n = h->hist_len <= VIEW_HISTORY ? h->hist_len : VIEW_HISTORY;
    float top = percent ? 100.0f : 0.0f, last = 0;
    for (unsigned i = 0; i < n; i++) {
        float v = view_hist_at(h, (unsigned)s, i);
        if (v > top)
            top = v;
        last = v;
    }
    fill(p, g->x, g->y, g->w, g->h, 0x0f1318);
    frame(p, g->x, g->y, g->w, g->h, 1, RGB_BORDER);
    text(p, g->x + 3, g->y + 1, g->w - 6, rgb[s], "%s %.*f", names[s], percent || s == VIEW_S_MIPS ? 1 : 0, (double)last);
    int px = g->x + 3, py = g->y + VIEW_LINE_H + 2, pw = g->w - 6, ph = g->h - VIEW_LINE_H - 5;
    if (!percent && top > 0)
        text(p, g->x + g->w - 3 - 8 * p->f->adv, g->y + 1, 8 * p->f->adv, RGB_DIM, "%8.4g", (double)top);
    if (n < 2 || top <= 0)
        return;
    SDL_Point pts[VIEW_HISTORY];
    for (unsigned i = 0; i < n; i++) {
        float v = view_hist_at(h, (unsigned)s, i);
        pts[i].x = px + (int)((long)(i + VIEW_HISTORY - n) * (pw - 1) / (VIEW_HISTORY - 1));
        pts[i].y = py + ph - 1 - (int)((v < 0 ? 0 : v) / top * (float)(ph - 1));
    }
    set_rgb(p, rgb[s]);
    SDL_RenderDrawLines(p->r, pts, (int)n);
}

static void draw_graphs(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->graphs;
    fill(p, b->x, b->y, b->w, b->h, RGB_BOX);
    frame(p, b->x, b->y, b->w, b->h, 1, RGB_BORDER);
    if (!m->nharts)
        return;
    const struct view_hart *h = &m->harts[m->ctl.sel_hart < m->nharts ? m->ctl.sel_hart : 0];
    int gw = (b->w - 3 * VIEW_PAD) / 2, gh = (b->h - 2 * VIEW_PAD) / 4;
    for (int s = 0; s < VIEW_NSERIES; s++) {
        struct view_rect g = { b->x + VIEW_PAD + (s % 2) * (gw + VIEW_PAD), b->y + VIEW_PAD + (s / 2) * gh, gw,
                               gh - 2 };
        draw_graph(p, h, s, &g);
    }
}

/* The shootdowns, newest first: i = 0 is the newest. */
static const struct view_shootdown *sd_newest(const struct view_model *m, unsigned i)
{
    unsigned n = m->sd_count < VIEW_SHOOTDOWNS ? m->sd_count : VIEW_SHOOTDOWNS;
    if (i >= n)
        return NULL;
    return &m->sd[(m->sd_head + n - 1 - i) % VIEW_SHOOTDOWNS];
}

static void draw_sdlist(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->sdlist;
    int y = box(p, b, "Recent shootdowns (newest first): latency to each target's fence");
    int x = b->x + VIEW_PAD, w = b->w - 2 * VIEW_PAD, bottom = b->y + b->h - VIEW_LINE_H;
    const struct view_shootdown *s;
    if (!sd_newest(m, 0))
        text(p, x, y, w, RGB_DIM, "none yet");
    for (unsigned i = 0; (s = sd_newest(m, i)) != NULL && y <= bottom; i++) {
        char range[48];
        uint32_t rgb = view_rgb_mix(view_sd_rgb(s->kind), RGB_DIM, s->fade ? 0 : 0.5f);
        int dx = text(p, x, y, w, rgb, "h%u %-11s %s", s->from, view_sd_kind_name(s->kind), sd_range(range, sizeof range, s));
        if (s->kind == VIEW_SD_SFENCE_ASID)
            text(p, x + dx, y, w - dx, rgb, " ASID %u", s->asid);
        y += VIEW_LINE_H;
        /* one entry per target: "h2 120i/3.4us" or "h2 ..." */
        int tx = x + 2 * p->f->adv;
        for (unsigned t = 0; t < 64 && y <= bottom; t++) {
            if (!(s->targets >> t & 1))
                continue;
            char one[48];
            if (s->done >> t & 1)
                snprintf(one, sizeof one, "h%u %si/%.1fus ", t, NUM(s->lat_insns[t]), (double)s->lat_mtime[t] / 10.0);
            else
                snprintf(one, sizeof one, "h%u pending ", t);
            int ow = (int)strlen(one) * p->f->adv;
            if (tx + ow > x + w) {
                tx = x + 2 * p->f->adv;
                y += VIEW_LINE_H;
                if (y > bottom)
                    break;
            }
            tx += text(p, tx, y, 0, s->done >> t & 1 ? RGB_TEXT : RGB_DIM, "%s", one);
        }
        y += VIEW_LINE_H;
    }
}

/* ---- shootdown arrows -------------------------------------------------- */

static void thick_line(const struct pen *p, int x0, int y0, int x1, int y1, uint32_t rgb)
{
    line(p, x0, y0, x1, y1, rgb);
    line(p, x0 + 1, y0, x1 + 1, y1, rgb);
    line(p, x0, y0 + 1, x1, y1 + 1, rgb);
}

static void text_on_box(const struct pen *p, int cx, int y, uint32_t rgb, const char *s)
{
    int w = (int)strlen(s) * p->f->adv;
    fill(p, cx - w / 2 - 2, y - 1, w + 4, VIEW_LINE_H + 1, 0x000000);
    view_font_draw(p->f, p->r, cx - w / 2, y, rgb, s, strlen(s));
}

/* The point at t of the quadratic curve from (x0, y0) through control
 * point (cx, cy) to (x1, y1). */
static SDL_Point curve_at(float x0, float y0, float cx, float cy, float x1, float y1, float t)
{
    float u = 1 - t;
    return (SDL_Point){ (int)(u * u * x0 + 2 * u * t * cx + t * t * x1), (int)(u * u * y0 + 2 * u * t * cy + t * t * y1) };
}

/* One shootdown: a dot on the sender's panel labelled with the kind and
 * range, a curved arrow to each target's panel labelled with its latency
 * (or "pending").  slot spreads the arrows of different shootdowns; only
 * the newest (slot 0) has its latencies written on its arrows. */
static void draw_arrow(const struct pen *p, const struct view_layout *l, const struct view_shootdown *s, unsigned slot)
{
    int from = view_layout_panel_of(l, s->from);
    if (from < 0)
        return;
    float a = s->fade >= VIEW_FADE_FRAMES ? 1.0f : (float)s->fade / VIEW_FADE_FRAMES;
    uint32_t rgb = view_rgb_mix(VIEW_RGB_PANEL, view_sd_rgb(s->kind), 0.35f + 0.65f * a);
    const struct view_rect *fr = &l->panel[from].r;
    float x0 = (float)(fr->x + fr->w / 2) + (float)slot * 9, y0 = (float)(fr->y + fr->h / 2);
    for (unsigned t = 0; t < 64; t++) {
        if (!(s->targets >> t & 1) || t == s->from)
            continue;
        int to = view_layout_panel_of(l, t);
        if (to < 0)
            continue;
        const struct view_rect *tr = &l->panel[to].r;
        float x1 = (float)(tr->x + tr->w / 2) - (float)slot * 9, y1 = (float)(tr->y + tr->h / 2) + (float)slot * 9;
        float dx = x1 - x0, dy = y1 - y0, len = SDL_sqrtf(dx * dx + dy * dy);
        if (len < 1)
            continue;
        /* bent to one side, so that arrows along a row of panels stay apart */
        float cx = (x0 + x1) / 2 - dy * 0.22f, cy = (y0 + y1) / 2 + dx * 0.22f;
        SDL_Point pts[25];
        for (int i = 0; i <= 24; i++)
            pts[i] = curve_at(x0, y0, cx, cy, x1, y1, (float)i / 24);
        for (int i = 0; i < 24; i++)
            thick_line(p, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, rgb);
        SDL_Point back = curve_at(x0, y0, cx, cy, x1, y1, 0.9f);
        float tx = (float)(pts[24].x - back.x), ty = (float)(pts[24].y - back.y), tl = SDL_sqrtf(tx * tx + ty * ty);
        if (tl > 0) {
            float ux = tx / tl, uy = ty / tl;
            for (int side = -1; side <= 1; side += 2)
                thick_line(p, pts[24].x, pts[24].y, pts[24].x - (int)(14 * ux + (float)side * 7 * uy),
                           pts[24].y - (int)(14 * uy - (float)side * 7 * ux), rgb);
        }
        if (slot)
            continue; /* the latencies of the newest only (the list has them all) */
        char lat[48];
        if (s->done >> t & 1)
            snprintf(lat, sizeof lat, "%s insns / %.1f us", NUM(s->lat_insns[t]), (double)s->lat_mtime[t] / 10.0);
        else
            snprintf(lat, sizeof lat, "pending");
        SDL_Point at = curve_at(x0, y0, cx, cy, x1, y1, 0.75f);
        text_on_box(p, at.x, at.y - VIEW_LINE_H / 2, rgb, lat);
    }
    char range[48], label[96];
    snprintf(label, sizeof label, "h%u %s %s", s->from, view_sd_kind_name(s->kind), sd_range(range, sizeof range, s));
    fill(p, (int)x0 - 4, (int)y0 - 4, 9, 9, rgb);
    text_on_box(p, (int)x0, (int)y0 + 7 + (int)slot * (VIEW_LINE_H + 1), rgb, label);
}

static void draw_arrows(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    /* the oldest first, so the newest is on top; at most 4 at once */
    const struct view_shootdown *shown[4];
    unsigned n = 0;
    const struct view_shootdown *s;
    for (unsigned i = 0; (s = sd_newest(m, i)) != NULL && n < 4; i++)
        if (s->fade)
            shown[n++] = s;
    while (n--)
        draw_arrow(p, l, shown[n], n);
}

/* ---- legend ------------------------------------------------------------ */

static int swatch(const struct pen *p, int x, int y, uint32_t rgb, const char *label)
{
    fill(p, x, y + 2, 11, 11, rgb);
    return 14 + text(p, x + 14, y, 0, RGB_TEXT, "%s", label) + 10;
}

/* The colours of the tags (ASIDs in hart panels, or the IOMMU's PSCID
 * tags in device panels) held in the shown panels, in the order first
 * met, from x up to right; returns the x after them. */
static int tag_swatches(const struct pen *p, const struct view_model *m, const struct view_layout *l, bool devices,
                        int x, int y, int right)
{
    uint16_t seen[32];
    unsigned nseen = 0;
    bool more = false;
    for (unsigned pi = 0; pi < l->npanels; pi++) {
        if ((l->panel[pi].device >= 0) != devices)
            continue;
        const struct view_tlb *tlbs = view_slot_tlbs(m, l->panel[pi].hart);
        for (int t = 0; tlbs && t < 4; t++) {
            const struct view_tlb *vt = &tlbs[t];
            for (unsigned i = 0; vt->cells && i < vt->sets * vt->ways; i++) {
                const struct view_cell *c = &vt->cells[i];
                if (!c->valid || c->e.global)
                    continue;
                unsigned k = 0;
                while (k < nseen && seen[k] != c->e.asid)
                    k++;
                if (k < nseen)
                    continue;
                if (nseen == sizeof seen / sizeof seen[0]) {
                    more = true;
                    continue;
                }
                seen[nseen++] = c->e.asid;
            }
        }
    }
    unsigned k = 0;
    for (; k < nseen; k++) {
        char label[8];
        snprintf(label, sizeof label, "%u", seen[k]);
        if (x + 14 + (int)strlen(label) * p->f->adv + 10 > right)
            break;
        x += swatch(p, x, y, view_asid_rgb(seen[k], false), label);
    }
    if (more || k < nseen)
        x += text(p, x, y, 0, RGB_DIM, "...");
    return x;
}

/* Does any hart's structure hold an entry of the H extension's kinds? */
static bool any_two_stage_cell(const struct view_model *m)
{
    for (unsigned h = 0; h < m->nharts; h++)
        for (int k = 0; k < 4; k++) {
            const struct view_tlb *t = &m->harts[h].tlb[k];
            for (unsigned i = 0; i < t->sets * t->ways; i++)
                if (t->cells[i].valid && t->cells[i].e.kind != MMU_ENTRY_S)
                    return true;
        }
    return false;
}

static void draw_legend(const struct pen *p, const struct view_model *m, const struct view_layout *l)
{
    const struct view_rect *b = &l->legend;
    fill(p, b->x, b->y, b->w, b->h, RGB_BOX);
    frame(p, b->x, b->y, b->w, b->h, 1, RGB_BORDER);
    int x0 = b->x + VIEW_PAD, y = b->y + VIEW_PAD, right = b->x + b->w - 40;
    /* empty, global, then the ASIDs in the shown panels in the order first met */
    int x = x0 + text(p, x0, y, 0, RGB_HEAD, "cells ");
    x += swatch(p, x, y, VIEW_EMPTY_RGB, "empty");
    fill(p, x, y + 2, 11, 11, view_asid_rgb(0, true));
    fill(p, x, y + 2, 2, 2, VIEW_RGB_GLOBAL_DOT);
    x += 14 + text(p, x + 14, y, 0, RGB_TEXT, "global (G, white corner)") + 20;
    if (any_two_stage_cell(m)) { /* the H extension's kinds, once there are any */
        fill(p, x, y + 2, 11, 11, VIEW_EMPTY_RGB);
        fill(p, x + 8, y + 10, 3, 3, VIEW_RGB_VS_DOT);
        x += 14 + text(p, x + 14, y, 0, RGB_TEXT, "VS+G") + 8;
        fill(p, x, y + 2, 11, 11, VIEW_EMPTY_RGB);
        fill(p, x + 8, y + 10, 3, 3, VIEW_RGB_G_DOT);
        x += 14 + text(p, x + 14, y, 0, RGB_TEXT, "G-stage (corner)") + 20;
    }
    bool devices = false; /* a device panel is shown: room for its tags too */
    for (unsigned pi = 0; pi < l->npanels; pi++)
        devices |= l->panel[pi].device >= 0;
    x += text(p, x, y, 0, RGB_HEAD, "ASIDs ");
    x = tag_swatches(p, m, l, false, x, y, devices ? right - 30 * p->f->adv : right);
    if (devices) {
        x += 10 + text(p, x + 10, y, 0, RGB_HEAD, "PSCID tags ");
        tag_swatches(p, m, l, true, x, y, right);
    }

    y += VIEW_LINE_H + 2;
    x = x0 + text(p, x0, y, 0, RGB_HEAD, "marks ");
    static const char *const marks[VIEW_NMARKS] = { "", "hit", "fill (empty slot)", "fill evicting an entry",
                                                    "removed by a fence" };
    for (int k = VIEW_MARK_HIT; k < VIEW_NMARKS; k++)
        x += swatch(p, x, y, view_mark_rgb((enum view_mark)k), marks[k]);
    text(p, x + 10, y, 0, RGB_DIM, "fade over %d snapshots; a frame on big cells", VIEW_FADE_FRAMES);

    y += VIEW_LINE_H + 2;
    x = x0 + text(p, x0, y, 0, RGB_HEAD, "sizes ");
    for (unsigned k = 0; k < MMU_NSIZES; k++) {
        uint32_t rgb = 0x8fa3bf;
        fill(p, x, y + 2, 11, 11, rgb);
        size_pattern(p, x, y + 2, 11, k, rgb);
        x += 14 + text(p, x + 14, y, 0, RGB_TEXT, "%s", view_size_name(k)) + 10;
    }
    x += 10;
    for (int k = 0; k < VIEW_NSDKINDS; k++) {
        fill(p, x, y + 6, 14, 3, view_sd_rgb((unsigned)k));
        x += 18 + text(p, x + 18, y, 0, RGB_TEXT, "%s", view_sd_kind_name((uint8_t)k)) + 10;
    }
}

void view_render(SDL_Renderer *r, const struct view_font *f, const struct view_model *m,
                 const struct view_layout *l)
{
    struct pen p = { r, f };
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    set_rgb(&p, VIEW_RGB_BG);
    SDL_RenderClear(r);
    draw_status(&p, m, l);
    for (unsigned i = 0; i < l->npanels; i++)
        draw_panel(&p, m, l, i);
    if (!m->nharts)
        text(&p, l->panels.x + 10, l->panels.y + 10, 0, RGB_DIM, "no harts");
    draw_arrows(&p, m, l);
    draw_legend(&p, m, l);
    draw_details(&p, m, l);
    draw_walk(&p, m, l);
    draw_counters(&p, m, l);
    draw_graphs(&p, m, l);
    draw_sdlist(&p, m, l);
}
