/* The view's drawing (platform/view/render.c, layout.c, png.c, window.c):
 * a TLB state built by hand for two harts (and an IOMMU's panel), drawn
 * off-screen with view_png_write, read back with IMG_Load and checked at
 * known cells; the layout's hit-testing; and the window's keys and mouse
 * through SDL's "dummy" video driver (no display needed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "draw.h"
#include "layout.h"
#include "render.h"

#define FADE VIEW_FADE_FRAMES

/* ---- a model built by hand ------------------------------------------- */

static const unsigned geometry[4][2] = { { 16, 4 }, { 16, 4 }, { 256, 8 }, { 1, 32 } };
static const char *const names[4] = { "L1I", "L1D", "L2", "PWC" };

static struct view_model *model_new(unsigned nharts)
{
    struct view_model *m = calloc(1, sizeof *m);
    m->nharts = nharts;
    m->harts = calloc(nharts, sizeof *m->harts);
    m->ctl.sel_tlb = -1;
    m->ctl.sel_cell = -1;
    m->ctl.stop_fault_va = ~0ULL;
    for (unsigned i = 0; i < nharts; i++) {
        struct view_hart *h = &m->harts[i];
        h->id = i;
        h->pc = 0x80200000 + i * 4;
        h->priv = PRIV_S;
        h->satp = (uint64_t)SATP_SV39 << 60 | (uint64_t)(i + 1) << 44 | 0x80400;
        h->instret = 1000000 * (i + 1);
        for (int t = 0; t < 4; t++) {
            struct view_tlb *vt = &h->tlb[t];
            vt->name = names[t];
            vt->sets = geometry[t][0];
            vt->ways = geometry[t][1];
            vt->cells = calloc(vt->sets * vt->ways, sizeof *vt->cells);
            for (unsigned c = 0; c < vt->sets * vt->ways; c++)
                vt->cells[c].rgb = VIEW_EMPTY_RGB;
        }
        for (unsigned k = 0; k < 30; k++) {
            for (int s = 0; s < VIEW_NSERIES; s++)
                h->hist[s][k] = (float)(k % 10) * 10.0f;
        }
        h->hist_len = 30;
    }
    return m;
}

/* The IOMMU's panel: a 64x4 IOTLB and a 16-entry PWC, as the IOMMU has. */
static struct view_device *add_iommu(struct view_model *m)
{
    assert_int_equal(m->ndevices, 0);
    m->devices = calloc(1, sizeof *m->devices);
    m->ndevices = 1;
    struct view_device *d = &m->devices[0];
    d->name = "IOMMU";
    static const unsigned dgeo[4][2] = { { 0, 0 }, { 0, 0 }, { 64, 4 }, { 1, 16 } };
    for (int t = 0; t < 4; t++) {
        struct view_tlb *vt = &d->tlb[t];
        vt->name = t == MMU_TLB_L2 ? "IOTLB" : names[t];
        vt->tag_name = "PSCID tag";
        vt->sets = dgeo[t][0];
        vt->ways = dgeo[t][1];
        if (!vt->sets)
            continue;
        vt->cells = calloc(vt->sets * vt->ways, sizeof *vt->cells);
        for (unsigned c = 0; c < vt->sets * vt->ways; c++)
            vt->cells[c].rgb = VIEW_EMPTY_RGB;
    }
    return d;
}

static void model_free(struct view_model *m)
{
    for (unsigned i = 0; i < m->nharts; i++)
        for (int t = 0; t < 4; t++)
            free(m->harts[i].tlb[t].cells);
    free(m->harts);
    for (unsigned i = 0; i < m->ndevices; i++)
        for (int t = 0; t < 4; t++)
            free(m->devices[i].tlb[t].cells);
    free(m->devices);
    free(m);
}

static struct view_cell *dev_cell(struct view_model *m, int tlb, unsigned set, unsigned way)
{
    struct view_tlb *t = &m->devices[0].tlb[tlb];
    return &t->cells[set * t->ways + way];
}

static struct view_cell *cell(struct view_model *m, unsigned hart, int tlb, unsigned set, unsigned way)
{
    struct view_tlb *t = &m->harts[hart].tlb[tlb];
    return &t->cells[set * t->ways + way];
}

static void fill_entry(struct view_cell *c, uint64_t va, unsigned size, uint16_t asid, bool global)
{
    c->valid = true;
    c->e.va = va;
    c->e.pa = va;
    c->e.bytes = 4096;
    c->e.size = (uint8_t)size;
    c->e.asid = asid;
    c->e.global = global;
    c->e.flags = 0xcf;
    c->e.levels = 3;
    c->rgb = view_asid_rgb(asid, global);
}

/* The state the tests draw: two harts, hart 1 selected. */
static struct view_model *known_state(void)
{
    struct view_model *m = model_new(2);
    fill_entry(cell(m, 0, MMU_TLB_L1D, 3, 1), 0x10000, MMU_PAGE_4K, 5, false);
    struct view_cell *c = cell(m, 0, MMU_TLB_L1D, 5, 2); /* removed by a fence just now */
    c->mark = VIEW_MARK_FENCE;
    c->fade = FADE;
    c = cell(m, 0, MMU_TLB_L1D, 6, 2); /* ... and half faded */
    c->mark = VIEW_MARK_FENCE;
    c->fade = FADE / 2;
    c = cell(m, 1, MMU_TLB_L1I, 2, 0); /* hit just now */
    fill_entry(c, 0x80002000, MMU_PAGE_4K, 7, false);
    c->mark = VIEW_MARK_HIT;
    c->fade = FADE;
    fill_entry(cell(m, 1, MMU_TLB_L2, 100, 7), 0xffffffffc0200000, MMU_PAGE_2M, 0, true);
    fill_entry(cell(m, 1, MMU_TLB_L1D, 4, 3), 0xffffffc000000000, MMU_PAGE_1G, 9, false);
    /* the H extension: a combined VS+G entry and a G-stage one */
    c = cell(m, 0, MMU_TLB_L1D, 7, 0);
    fill_entry(c, 0x70000, MMU_PAGE_4K, 5, false);
    c->e.kind = MMU_ENTRY_VS;
    c->e.vmid = 3;
    c = cell(m, 0, MMU_TLB_L1D, 8, 0);
    fill_entry(c, 0x80000, MMU_PAGE_4K, 5, false);
    c->e.kind = MMU_ENTRY_G;
    /* the PWC of hart 0: entries 0 (level 1), 1 and 3 (level 2) */
    fill_entry(cell(m, 0, MMU_TLB_PWC, 0, 0), 0x0, 1, 5, false);
    fill_entry(cell(m, 0, MMU_TLB_PWC, 0, 1), 0x0, 2, 5, false);
    fill_entry(cell(m, 0, MMU_TLB_PWC, 0, 3), 0x40000000, 2, 5, false);
    m->ctl.sel_hart = 1;
    m->ctl.sel_tlb = MMU_TLB_L2;
    m->ctl.sel_cell = 100 * 8 + 7;
    /* a shootdown from hart 0 to hart 1, done */
    m->sd_count = 1;
    m->sd[0] = (struct view_shootdown){ .from = 0, .targets = 2, .done = 2, .kind = VIEW_SD_SFENCE,
                                        .start = 0x10000, .size = 0x1000, .fade = FADE };
    m->sd[0].lat_insns[1] = 120;
    m->sd[0].lat_mtime[1] = 34;
    m->walk.active = true;
    m->walk.va = 0x10000;
    m->walk.satp = m->harts[0].satp;
    m->walk.w.levels = 3;
    m->walk.w.nrows = 3;
    for (unsigned i = 0; i < 3; i++)
        m->walk.w.rows[i] = (struct mmu_walk_row){ .level = (uint8_t)(2 - i), .pte_pa = 0x80400000 + i * 0x1000,
                                                   .pte = 0x20100001, .pwc = i == 0 };
    m->walk.w.ok = true;
    m->walk.w.pa = 0x80010000;
    m->total_insns = 3000000;
    m->mips = 123.4;
    m->mtime = 12345678;
    return m;
}

/* ---- the PNG read back ----------------------------------------------- */

struct image {
    SDL_Surface *s; /* ARGB8888 */
};

static char tmpdir[64];

static struct image draw_and_load(const struct view_model *m)
{
    char path[128], err[200];
    snprintf(path, sizeof path, "%s/view.png", tmpdir);
    int rc = view_png_write(m, path, err, sizeof err);
    if (rc)
        fail_msg("view_png_write: %s", err);
    SDL_Surface *raw = IMG_Load(path);
    assert_non_null(raw);
    struct image im = { SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) };
    SDL_FreeSurface(raw);
    assert_non_null(im.s);
    unlink(path);
    return im;
}

static uint32_t px(const struct image *im, int x, int y)
{
    assert_true(x >= 0 && y >= 0 && x < im->s->w && y < im->s->h);
    const uint32_t *row = (const uint32_t *)((const uint8_t *)im->s->pixels + y * im->s->pitch);
    return row[x] & 0xffffff;
}

/* The slot of a cell and the size of its fill. */
static struct view_rect slot_of(const struct view_layout *l, const struct view_model *m, unsigned hart, int tlb,
                                unsigned idx, int *fs)
{
    struct view_rect r;
    assert_true(view_layout_cell_rect(l, m, hart, tlb, idx, &r));
    *fs = r.w >= 4 ? r.w - 1 : r.w;
    return r;
}

static void test_png_cells(void **state)
{
    (void)state;
    struct view_model *m = known_state();
    struct view_layout l;
    view_layout(m, &l);
    struct image im = draw_and_load(m);
    assert_int_equal(im.s->w, VIEW_WIDTH);
    assert_int_equal(im.s->h, VIEW_HEIGHT);
    int fs;
    struct view_rect r;

    /* a valid 4K entry: its ASID colour, all over */
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 3 * 4 + 1, &fs);
    assert_true(fs >= 6);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_asid_rgb(5, false));
    assert_int_equal(px(&im, r.x, r.y), view_asid_rgb(5, false));
    /* the H extension's kinds: a corner dot, pink (VS+G) or cyan (G-stage) */
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs - 1), view_asid_rgb(5, false)); /* V=0: none */
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 7 * 4, &fs);
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs - 1), VIEW_RGB_VS_DOT);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_asid_rgb(5, false));
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 8 * 4, &fs);
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs - 1), VIEW_RGB_G_DOT);
    /* an empty cell: grey */
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 0, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), VIEW_EMPTY_RGB);
    /* removed by a fence just now: the fence colour; half faded: half way */
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 5 * 4 + 2, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_mark_rgb(VIEW_MARK_FENCE));
    r = slot_of(&l, m, 0, MMU_TLB_L1D, 6 * 4 + 2, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2),
                     view_rgb_mix(VIEW_EMPTY_RGB, view_mark_rgb(VIEW_MARK_FENCE), 0.5f));
    assert_int_not_equal(view_rgb_mix(VIEW_EMPTY_RGB, view_mark_rgb(VIEW_MARK_FENCE), 0.5f), VIEW_EMPTY_RGB);
    /* hit just now, a big cell: a frame in the hit colour around the ASID colour */
    r = slot_of(&l, m, 1, MMU_TLB_L1I, 2 * 4 + 0, &fs);
    assert_int_equal(px(&im, r.x, r.y + fs / 2), view_mark_rgb(VIEW_MARK_HIT));
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_asid_rgb(7, false));
    /* a global 2M entry in the L2: white corner, upper half its colour, lower half darker */
    r = slot_of(&l, m, 1, MMU_TLB_L2, 100 * 8 + 7, &fs);
    assert_true(fs >= 3);
    uint32_t g = view_asid_rgb(0, true);
    assert_int_equal(px(&im, r.x, r.y), VIEW_RGB_GLOBAL_DOT);
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs / 2 - 1), g);
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs - 1), view_rgb_mix(g, 0, 0.6f));
    /* ... selected: a frame just outside it */
    assert_int_equal(px(&im, r.x - 1, r.y - 1), VIEW_RGB_SELECT);
    /* a 1G entry: the lower right triangle dark, the upper left not */
    r = slot_of(&l, m, 1, MMU_TLB_L1D, 4 * 4 + 3, &fs);
    uint32_t c9 = view_asid_rgb(9, false);
    assert_int_equal(px(&im, r.x + 1, r.y + 1), c9);
    assert_int_equal(px(&im, r.x + fs - 1, r.y + fs - 1), view_rgb_mix(c9, 0, 0.6f));
    assert_int_equal(px(&im, r.x + fs - 1, r.y), c9);
    /* the PWC grouped by level: level 2 (entries 1, 3) on the first line, level 1 (0) below, then free */
    struct view_rect p0, p1, p2, p3;
    p1 = slot_of(&l, m, 0, MMU_TLB_PWC, 1, &fs);
    p3 = slot_of(&l, m, 0, MMU_TLB_PWC, 3, &fs);
    p0 = slot_of(&l, m, 0, MMU_TLB_PWC, 0, &fs);
    p2 = slot_of(&l, m, 0, MMU_TLB_PWC, 2, &fs);
    assert_int_equal(p1.y, p3.y);
    assert_int_equal(p3.x, p1.x + p1.w);
    assert_true(p0.y > p1.y);
    assert_true(p2.y > p0.y);
    assert_int_equal(px(&im, p1.x + fs / 2, p1.y + fs / 2), view_asid_rgb(5, false));
    assert_int_equal(px(&im, p2.x + fs / 2, p2.y + fs / 2), VIEW_EMPTY_RGB);
    /* the selected hart's panel has the highlighted border, the other not */
    assert_int_equal(px(&im, l.panel[1].r.x, l.panel[1].r.y + l.panel[1].r.h / 2), VIEW_RGB_SELECT);
    assert_int_not_equal(px(&im, l.panel[0].r.x, l.panel[0].r.y + l.panel[0].r.h / 2), VIEW_RGB_SELECT);
    /* the shootdown: a dot in its kind's colour at the middle of the sender's panel */
    assert_int_equal(px(&im, l.panel[0].r.x + l.panel[0].r.w / 2, l.panel[0].r.y + l.panel[0].r.h / 2 - 2),
                     view_sd_rgb(VIEW_SD_SFENCE));
    /* the walk: the row the page-walk cache answers is marked */
    int marked = 0;
    for (int x = l.walk.x; x < l.walk.x + 40; x++)
        for (int y = l.walk.y; y < l.walk.y + l.walk.h; y++)
            marked += px(&im, x, y) == VIEW_RGB_PWC_ROW;
    assert_true(marked >= 10);
    /* the background */
    assert_int_equal(px(&im, 1, VIEW_HEIGHT / 2), VIEW_RGB_BG);
    /* text was drawn in the title line and in the walk box */
    int lit = 0;
    for (int x = l.title.x; x < l.title.x + 300; x++)
        for (int y = l.title.y; y < l.title.y + VIEW_LINE_H; y++)
            lit += px(&im, x, y) != VIEW_RGB_BG;
    assert_true(lit > 50);
    SDL_FreeSurface(im.s);
    model_free(m);
}

/* How many pixels of r in im have colour rgb. */
static int count_rgb(const struct image *im, const struct view_rect *r, uint32_t rgb)
{
    int n = 0;
    for (int y = r->y; y < r->y + r->h; y++)
        for (int x = r->x; x < r->x + r->w; x++)
            n += px(im, x, y) == rgb;
    return n;
}

/* The IOMMU's panel after two harts': its IOTLB cells coloured by PSCID
 * tag with their size shapes and marks, its PWC, the selection, its
 * counters (a fault drawn in the fault colour) in the panel and, with the
 * panel selected, in the counters box. */
static void test_png_iommu_panel(void **state)
{
    (void)state;
    struct view_model *m = known_state();
    struct view_device *d = add_iommu(m);
    fill_entry(dev_cell(m, MMU_TLB_L2, 3, 1), 0x10000, MMU_PAGE_4K, 1, false);
    struct view_cell *c = dev_cell(m, MMU_TLB_L2, 10, 0);
    fill_entry(c, 0x40000000, MMU_PAGE_2M, 2, false);
    c->mark = VIEW_MARK_HIT;
    c->fade = FADE;
    c = dev_cell(m, MMU_TLB_L2, 20, 2); /* removed by IOTINVAL.VMA just now */
    c->mark = VIEW_MARK_FENCE;
    c->fade = FADE;
    fill_entry(dev_cell(m, MMU_TLB_PWC, 0, 0), 0, 2, 1, false);
    d->io.requests = 1234;
    d->io.faults[IOMMU_CAUSE_READ_PAGE] = 3;
    d->io.inval_vma[MMU_FENCE_VA_ASID] = 1;
    d->stats.tlb[MMU_TLB_L2].lookups = 1234;
    d->stats.tlb[MMU_TLB_L2].hits = 1200;
    m->ctl.dev_selected = true;
    m->ctl.sel_dev = 0;
    m->ctl.sel_tlb = MMU_TLB_L2;
    m->ctl.sel_cell = 3 * 4 + 1;
    struct view_layout l;
    view_layout(m, &l);
    assert_int_equal(l.npanels, 3);
    const struct view_panel_layout *pl = &l.panel[2];
    assert_int_equal(pl->device, 0);
    assert_int_equal(pl->hart, 2);
    struct image im = draw_and_load(m);
    int fs;
    struct view_rect r = slot_of(&l, m, 2, MMU_TLB_L2, 3 * 4 + 1, &fs);
    assert_true(fs >= 6);
    assert_true(r.x >= pl->r.x && r.y >= pl->r.y);
    /* a 4K entry in its tag's colour, selected */
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_asid_rgb(1, false));
    assert_int_equal(px(&im, r.x - 1, r.y - 1), VIEW_RGB_SELECT);
    /* a 2M entry just hit: a frame in the hit colour, the lower half darker */
    r = slot_of(&l, m, 2, MMU_TLB_L2, 10 * 4, &fs);
    assert_int_equal(px(&im, r.x, r.y + fs / 4), view_mark_rgb(VIEW_MARK_HIT));
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2 - 1), view_asid_rgb(2, false));
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs - 3), view_rgb_mix(view_asid_rgb(2, false), 0, 0.6f));
    /* removed just now: the fence colour; an empty cell grey */
    r = slot_of(&l, m, 2, MMU_TLB_L2, 20 * 4 + 2, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_mark_rgb(VIEW_MARK_FENCE));
    r = slot_of(&l, m, 2, MMU_TLB_L2, 0, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), VIEW_EMPTY_RGB);
    /* its PWC */
    r = slot_of(&l, m, 2, MMU_TLB_PWC, 0, &fs);
    assert_int_equal(px(&im, r.x + fs / 2, r.y + fs / 2), view_asid_rgb(1, false));
    /* the selected panel is the IOMMU's, not hart 1's (sel_hart) */
    assert_int_equal(px(&im, pl->r.x, pl->r.y + pl->r.h / 2), VIEW_RGB_SELECT);
    assert_int_not_equal(px(&im, l.panel[1].r.x, l.panel[1].r.y + l.panel[1].r.h / 2), VIEW_RGB_SELECT);
    /* its counters: text, the fault line in the fault colour; the same in the counters box */
    int lit = 0;
    for (int y = pl->counters.y; y < pl->counters.y + pl->counters.h; y++)
        for (int x = pl->counters.x; x < pl->counters.x + 200; x++)
            lit += px(&im, x, y) != VIEW_RGB_PANEL;
    assert_true(lit > 200);
    assert_true(count_rgb(&im, &pl->counters, VIEW_RGB_FAULT) > 10);
    assert_true(count_rgb(&im, &l.counters, VIEW_RGB_FAULT) > 10);
    SDL_FreeSurface(im.s);
    /* a hart selected again: its counters, no fault colour in the box */
    m->ctl.dev_selected = false;
    im = draw_and_load(m);
    assert_int_equal(count_rgb(&im, &l.counters, VIEW_RGB_FAULT), 0);
    assert_int_not_equal(px(&im, pl->r.x, pl->r.y + pl->r.h / 2), VIEW_RGB_SELECT);
    SDL_FreeSurface(im.s);
    model_free(m);
}

/* With fewer than 2 harts... 8: the panels are 1x1, 2x1, 2x2, 4x2. */
static void test_layout_grid(void **state)
{
    (void)state;
    static const unsigned cases[][3] = { { 1, 1, 1 }, { 2, 2, 1 }, { 3, 2, 2 }, { 4, 2, 2 }, { 5, 4, 2 }, { 8, 4, 2 } };
    for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct view_model *m = model_new(cases[k][0]);
        struct view_layout l;
        view_layout(m, &l);
        assert_int_equal(l.npanels, cases[k][0]);
        assert_int_equal(l.cols, cases[k][1]);
        assert_int_equal(l.rows, cases[k][2]);
        model_free(m);
    }
    /* more than 8 harts: first_panel picks the first one shown */
    struct view_model *m = model_new(10);
    m->ctl.first_panel = 8;
    struct view_layout l;
    view_layout(m, &l);
    assert_int_equal(l.npanels, 2);
    assert_int_equal(l.panel[0].hart, 8);
    assert_int_equal(l.panel[1].hart, 9);
    assert_int_equal(view_layout_panel_of(&l, 9), 1);
    assert_int_equal(view_layout_panel_of(&l, 0), -1);
    model_free(m);
    /* 8 harts and the IOMMU: its panel on the second page, alone */
    m = model_new(8);
    add_iommu(m);
    view_layout(m, &l);
    assert_int_equal(l.npanels, 8);
    assert_int_equal(l.panel[7].device, -1);
    m->ctl.first_panel = 8;
    view_layout(m, &l);
    assert_int_equal(l.npanels, 1);
    assert_int_equal(l.panel[0].device, 0);
    assert_int_equal(l.panel[0].hart, 8);
    assert_int_equal(view_layout_panel_of(&l, 8), 0);
    model_free(m);
}

static bool inside(const struct view_rect *outer, const struct view_rect *r)
{
    return r->x >= outer->x && r->y >= outer->y && r->x + r->w <= outer->x + outer->w &&
           r->y + r->h <= outer->y + outer->h;
}

struct check_ctx {
    const struct view_layout *l;
    const struct view_model *m;
    unsigned panel;
    int tlb;
    unsigned n;
};

/* Every cell: inside its panel, at least 3 pixels, and the point at its
 * centre hits that very cell. */
static bool check_cell(void *p, unsigned idx, const struct view_rect *slot)
{
    struct check_ctx *c = p;
    const struct view_panel_layout *pl = &c->l->panel[c->panel];
    assert_true(inside(&pl->r, slot));
    assert_true(slot->w >= 3);
    struct view_hit h;
    assert_true(view_layout_hit(c->l, c->m, slot->x + slot->w / 2, slot->y + slot->h / 2, &h));
    assert_int_equal(h.panel, c->panel);
    assert_int_equal(h.hart, pl->hart);
    assert_int_equal(h.tlb, c->tlb);
    assert_int_equal(h.cell, idx);
    c->n++;
    return false;
}

/* Every cell of every panel (nharts harts, and the IOMMU's with device):
 * check_cell; a device panel's cells are above its counters. */
static void check_all_cells(unsigned nharts, bool device)
{
    struct view_model *m = model_new(nharts);
    /* some PWC entries, so that it has groups */
    fill_entry(cell(m, nharts - 1, MMU_TLB_PWC, 0, 5), 0, 2, 1, false);
    fill_entry(cell(m, nharts - 1, MMU_TLB_PWC, 0, 9), 0, 1, 1, false);
    if (device) {
        add_iommu(m);
        fill_entry(dev_cell(m, MMU_TLB_PWC, 0, 3), 0, 1, 1, false);
        m->devices[0].io.faults[13] = 1;
    }
    struct view_layout l;
    view_layout(m, &l);
    assert_int_equal(l.npanels, nharts + device);
    for (unsigned p = 0; p < l.npanels; p++) {
        const struct view_panel_layout *pl = &l.panel[p];
        const struct view_tlb *tlbs = pl->device < 0 ? m->harts[pl->hart].tlb : m->devices[pl->device].tlb;
        assert_int_equal(pl->device, p < nharts ? -1 : (int)(p - nharts));
        for (int t = 0; t < 4; t++) {
            struct check_ctx c = { &l, m, p, t, 0 };
            view_layout_cells(&l, m, p, t, check_cell, &c);
            assert_int_equal(c.n, tlbs[t].sets * tlbs[t].ways);
            if (pl->device >= 0 && pl->g[t].cell)
                assert_true(pl->g[t].area.y + pl->g[t].area.h <= pl->counters.y);
        }
        if (pl->device >= 0) {
            assert_true(inside(&pl->r, &pl->counters));
            assert_true(pl->counters.h >= 10 * VIEW_LINE_H);
        } else {
            assert_int_equal(pl->counters.h, 0);
        }
    }
    model_free(m);
}

static void test_layout_hit(void **state)
{
    (void)state;
    check_all_cells(2, false);
    check_all_cells(8, false); /* the 256x8 L2 fits into each of 8 panels */
    check_all_cells(1, true);
    check_all_cells(7, true);  /* the IOMMU in the eighth panel */
    struct view_model *m = model_new(2);
    struct view_layout l;
    view_layout(m, &l);
    struct view_hit h;
    /* a panel's header: the hart, no cell */
    assert_true(view_layout_hit(&l, m, l.panel[1].header.x + 5, l.panel[1].header.y + 5, &h));
    assert_int_equal(h.panel, 1);
    assert_int_equal(h.hart, 1);
    assert_int_equal(h.tlb, -1);
    assert_int_equal(h.cell, -1);
    /* the right column and the title: no panel */
    assert_false(view_layout_hit(&l, m, l.counters.x + 10, l.counters.y + 10, &h));
    assert_int_equal(h.panel, -1);
    assert_false(view_layout_hit(&l, m, 10, 5, &h));
    /* the view in a window: centred at its size, or scaled down to fit */
    struct view_rect at = view_fit(VIEW_WIDTH, VIEW_HEIGHT);
    assert_true(at.x == 0 && at.y == 0 && at.w == VIEW_WIDTH && at.h == VIEW_HEIGHT);
    at = view_fit(VIEW_WIDTH + 100, VIEW_HEIGHT + 40);
    assert_true(at.x == 50 && at.y == 20 && at.w == VIEW_WIDTH && at.h == VIEW_HEIGHT);
    at = view_fit(800, 800);
    assert_true(at.x == 0 && at.w == 800 && at.h == 500 && at.y == 150);
    /* the boxes do not overlap the panels */
    assert_true(l.details.x >= l.panels.x + l.panels.w);
    assert_true(l.legend.y >= l.panels.y + l.panels.h);
    assert_true(l.sdlist.y + l.sdlist.h <= VIEW_HEIGHT);
    const struct view_rect *column[] = { &l.details, &l.walk, &l.counters, &l.graphs, &l.sdlist };
    for (unsigned i = 0; i + 1 < sizeof column / sizeof column[0]; i++)
        assert_true(column[i]->y + column[i]->h <= column[i + 1]->y);
    assert_true(l.counters.h >= 15 * VIEW_LINE_H); /* a title and 14 lines */
    assert_true(l.sdlist.h >= 8 * VIEW_LINE_H);
    model_free(m);
}

/* Odd models draw without reading out of bounds (the sanitizers watch):
 * no harts, absent structures, a selection and shootdowns naming harts
 * that do not exist, a faulting Sv57 walk, full graphs. */
static void test_png_odd_models(void **state)
{
    (void)state;
    char path[128], err[200];
    snprintf(path, sizeof path, "%s/odd.png", tmpdir);
    struct view_model *m = model_new(0);
    m->ctl.sel_hart = 3;
    m->ctl.sel_tlb = 2;
    m->ctl.sel_cell = 5;
    assert_int_equal(view_png_write(m, path, err, sizeof err), 0);
    model_free(m);

    m = model_new(3);
    for (int t = MMU_TLB_L1I; t <= MMU_TLB_L1D; t++) { /* no L1s on hart 1 */
        free(m->harts[1].tlb[t].cells);
        m->harts[1].tlb[t] = (struct view_tlb){ .name = names[t] };
    }
    m->ctl.sel_hart = 1;
    m->ctl.sel_tlb = MMU_TLB_L1D;
    m->ctl.sel_cell = 3;
    m->ctl.first_panel = 7; /* beyond the harts: the first panel is hart 0 */
    m->ctl.typing = true;
    strcpy(m->ctl.input, "ffffffc0");
    m->ctl.stop_on_fault = true;
    m->ctl.stop_fault_va = 0x1000;
    snprintf(m->ctl.message, sizeof m->ctl.message, "%0119d", 7);
    m->sd_count = 40; /* more than the ring holds */
    for (unsigned i = 0; i < VIEW_SHOOTDOWNS; i++)
        m->sd[i] = (struct view_shootdown){ .from = i % 5, .targets = ~0ULL, .done = 0x5, .kind = (uint8_t)(i % 7),
                                            .size = i, .fade = i };
    m->walk.active = true;
    m->walk.w.levels = 5;
    m->walk.w.nrows = 5;
    m->walk.w.ok = false;
    m->walk.w.fault = "V=0";
    for (unsigned i = 0; i < 5; i++)
        m->walk.w.rows[i] = (struct mmu_walk_row){ .level = (uint8_t)(4 - i), .pwc = i < 3 };
    for (unsigned h = 0; h < 3; h++) {
        m->harts[h].hist_len = VIEW_HISTORY;
        m->harts[h].hist_head = 17;
        m->harts[h].hist[VIEW_S_MIPS][3] = 1e9f;
    }
    struct view_cell *c = cell(m, 2, MMU_TLB_PWC, 0, 4);
    fill_entry(c, 0, 200, 1, true); /* a level out of range */
    c->mark = 200;
    c->fade = 255;
    assert_int_equal(view_png_write(m, path, err, sizeof err), 0);
    unlink(path);
    model_free(m);
    /* a path that cannot be written: one line saying so */
    m = model_new(1);
    assert_int_equal(view_png_write(m, "/nonexistent-dir/x.png", err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent-dir/x.png"));
    assert_null(strchr(err, '\n'));
    model_free(m);
}

/* ---- the window, with SDL's dummy video driver ----------------------- */

static void push_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event ev = { .type = SDL_KEYDOWN };
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.mod = mod;
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

static void keys(struct view_window *w, struct view_model *m, const SDL_Keycode *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        push_key(k[i], 0);
    assert_true(view_window_poll(w, m, 0, false));
}

/* The window the dummy driver made (ids start at 1). */
static SDL_Window *the_window(void)
{
    for (Uint32 id = 1; id < 100; id++) {
        SDL_Window *win = SDL_GetWindowFromID(id);
        if (win)
            return win;
    }
    return NULL;
}

/* A pixel of the window's surface as 0xRRGGBB. */
static uint32_t window_px(SDL_Window *win, int x, int y)
{
    SDL_Surface *ws = SDL_GetWindowSurface(win);
    assert_non_null(ws);
    assert_true(x >= 0 && y >= 0 && x < ws->w && y < ws->h);
    assert_int_equal(ws->format->BytesPerPixel, 4);
    Uint32 v = ((const Uint32 *)((const uint8_t *)ws->pixels + y * ws->pitch))[x];
    Uint8 r, g, b;
    SDL_GetRGB(v, ws->format, &r, &g, &b);
    return (uint32_t)r << 16 | (uint32_t)g << 8 | b;
}

/* The mouse at the middle of cell idx of structure tlb of hart: moved
 * there (button 0) or clicked there. */
static void push_mouse(SDL_Window *win, const struct view_model *m, unsigned hart, int tlb, unsigned idx, Uint8 button)
{
    struct view_layout l;
    view_layout(m, &l);
    struct view_rect r;
    assert_true(view_layout_cell_rect(&l, m, hart, tlb, idx, &r));
    int ww, wh;
    SDL_GetWindowSize(win, &ww, &wh);
    struct view_rect at = view_fit(ww, wh);
    SDL_Event ev = { .type = button ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEMOTION };
    int x = at.x + (r.x + r.w / 2) * at.w / VIEW_WIDTH, y = at.y + (r.y + r.h / 2) * at.h / VIEW_HEIGHT;
    if (button) {
        ev.button.windowID = SDL_GetWindowID(win);
        ev.button.button = button;
        ev.button.state = SDL_PRESSED;
        ev.button.x = x;
        ev.button.y = y;
    } else {
        ev.motion.windowID = SDL_GetWindowID(win);
        ev.motion.x = x;
        ev.motion.y = y;
    }
    assert_int_equal(SDL_PushEvent(&ev), 1);
}

static void assert_selected(const struct view_model *m, unsigned hart, int tlb, int idx)
{
    assert_int_equal(m->ctl.sel_hart, hart);
    assert_int_equal(m->ctl.sel_tlb, tlb);
    assert_int_equal(m->ctl.sel_cell, idx);
}

static void test_window_controls(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    char err[200];
    struct view_window *w = view_window_open(err, sizeof err);
    if (!w) {
        print_message("no dummy video driver: %s\n", err);
        skip();
    }
    struct view_model *m = known_state();
    m->ctl.sel_hart = 0;
    m->ctl.sel_tlb = -1;
    m->ctl.sel_cell = -1;
    view_window_draw(w, m);
    view_window_poll(w, m, 0, false); /* the window's own events: shown, exposed */
    assert_false(view_window_poll(w, m, 0, false)); /* nothing happened since */

    push_key(SDLK_SPACE, 0);
    assert_true(view_window_poll(w, m, 10, false));
    assert_true(m->ctl.paused);
    push_key(SDLK_s, 0);
    push_key(SDLK_s, KMOD_LSHIFT);
    view_window_poll(w, m, 0, false);
    assert_int_equal(m->ctl.step, 1001);
    keys(w, m, (SDL_Keycode[]){ SDLK_EQUALS, SDLK_PLUS, SDLK_PLUS }, 3);
    assert_int_equal(m->ctl.slow, 5);
    keys(w, m, (SDL_Keycode[]){ SDLK_MINUS }, 1);
    assert_int_equal(m->ctl.slow, 2);
    keys(w, m, (SDL_Keycode[]){ SDLK_2 }, 1);
    assert_int_equal(m->ctl.sel_hart, 1);
    keys(w, m, (SDL_Keycode[]){ SDLK_TAB }, 1);
    assert_int_equal(m->ctl.sel_hart, 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_3 }, 1); /* no hart 2 */
    assert_int_equal(m->ctl.sel_hart, 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_f, SDLK_d }, 2);
    assert_true(m->ctl.stop_on_fence);
    assert_true(m->ctl.stop_on_shootdown);
    /* type a VA and walk it; p then stops on a fault on its page */
    keys(w, m, (SDL_Keycode[]){ SDLK_w, SDLK_8, SDLK_0, SDLK_0, SDLK_0, SDLK_0, SDLK_1, SDLK_2, SDLK_3, SDLK_4 }, 10);
    assert_true(m->ctl.typing);
    assert_string_equal(m->ctl.input, "800001234");
    keys(w, m, (SDL_Keycode[]){ SDLK_BACKSPACE, SDLK_RETURN }, 2);
    assert_false(m->ctl.typing);
    assert_true(m->walk.active && m->ctl.walk_requested);
    assert_int_equal(m->walk.va, 0x80000123);
    assert_int_equal(m->walk.hart, 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_p }, 1);
    assert_true(m->ctl.stop_on_fault);
    assert_int_equal(m->ctl.stop_fault_va, 0x80000000);
    keys(w, m, (SDL_Keycode[]){ SDLK_p }, 1);
    assert_false(m->ctl.stop_on_fault);
    view_window_draw(w, m);

    /* the mouse over hart 1's hit L1I cell selects it; Enter walks its VA */
    struct view_layout l;
    view_layout(m, &l);
    struct view_rect r;
    assert_true(view_layout_cell_rect(&l, m, 1, MMU_TLB_L1I, 2 * 4, &r));
    SDL_Window *win = the_window();
    assert_non_null(win);
    int ww, wh;
    SDL_GetWindowSize(win, &ww, &wh);
    struct view_rect at = view_fit(ww, wh);
    int wx = at.x + (r.x + r.w / 2) * at.w / VIEW_WIDTH, wy = at.y + (r.y + r.h / 2) * at.h / VIEW_HEIGHT;
    SDL_Event ev = { .type = SDL_MOUSEMOTION };
    ev.motion.windowID = SDL_GetWindowID(win);
    ev.motion.x = wx;
    ev.motion.y = wy;
    assert_int_equal(SDL_PushEvent(&ev), 1);
    assert_true(view_window_poll(w, m, 0, false));
    assert_int_equal(m->ctl.sel_hart, 1);
    assert_int_equal(m->ctl.sel_tlb, MMU_TLB_L1I);
    assert_int_equal(m->ctl.sel_cell, 2 * 4);
    /* what the window shows: the cell's colour (scaled to the dummy screen) */
    view_window_draw(w, m);
    assert_int_equal(window_px(win, wx, wy), view_asid_rgb(7, false));
    /* at the view's own size, after a change only the changed tiles are sent: the cell shows the change */
    SDL_SetWindowSize(win, VIEW_WIDTH, VIEW_HEIGHT);
    view_window_poll(w, m, 0, false);
    view_window_draw(w, m);
    assert_int_equal(SDL_GetWindowSurface(win)->w, VIEW_WIDTH);
    int cx = r.x + r.w / 2 - 2, cy = r.y + r.h / 2; /* inside the cell, off the selection frame */
    assert_int_equal(window_px(win, cx, cy), view_asid_rgb(7, false));
    assert_int_equal(window_px(win, 1, VIEW_HEIGHT / 2), VIEW_RGB_BG);
    cell(m, 1, MMU_TLB_L1I, 2, 0)->rgb = 0x123456;
    view_window_draw(w, m);
    assert_int_equal(window_px(win, cx, cy), 0x123456);
    cell(m, 1, MMU_TLB_L1I, 2, 0)->rgb = view_asid_rgb(7, false);
    m->ctl.walk_requested = false;
    keys(w, m, (SDL_Keycode[]){ SDLK_RETURN }, 1);
    assert_true(m->ctl.walk_requested);
    assert_int_equal(m->walk.va, 0x80002000);
    assert_int_equal(m->walk.hart, 1);
    /* arrows move the selection: right is the next way */
    keys(w, m, (SDL_Keycode[]){ SDLK_RIGHT, SDLK_DOWN }, 2);
    assert_int_equal(m->ctl.sel_cell, 3 * 4 + 1);

    /* a click pins the selection: hovering elsewhere leaves it; a click on it again lets it follow the mouse */
    push_mouse(win, m, 1, MMU_TLB_L1I, 8, SDL_BUTTON_LEFT);
    view_window_poll(w, m, 0, false);
    assert_selected(m, 1, MMU_TLB_L1I, 8);
    assert_non_null(strstr(m->ctl.message, "pinned"));
    push_mouse(win, m, 0, MMU_TLB_L1D, 0, 0);
    view_window_poll(w, m, 0, false);
    assert_selected(m, 1, MMU_TLB_L1I, 8);
    push_mouse(win, m, 1, MMU_TLB_L1I, 8, SDL_BUTTON_LEFT);
    push_mouse(win, m, 0, MMU_TLB_L1D, 0, 0);
    view_window_poll(w, m, 0, false);
    assert_selected(m, 0, MMU_TLB_L1D, 0);
    /* a right click walks the cell's VA */
    m->ctl.walk_requested = false;
    push_mouse(win, m, 1, MMU_TLB_L2, 100 * 8 + 7, SDL_BUTTON_RIGHT);
    view_window_poll(w, m, 0, false);
    assert_selected(m, 1, MMU_TLB_L2, 100 * 8 + 7);
    assert_true(m->ctl.walk_requested);
    assert_int_equal(m->walk.va, 0xffffffffc0200000);

    /* a screenshot goes to the current directory, and the status line says where */
    char cwd[256];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmpdir), 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_c, SDLK_F12 }, 2);
    assert_int_equal(access("pagoda-view-000.png", R_OK), 0);
    assert_int_equal(access("pagoda-view-001.png", R_OK), 0);
    assert_non_null(strstr(m->ctl.message, "pagoda-view-001.png"));
    SDL_Surface *shot = IMG_Load("pagoda-view-000.png");
    assert_non_null(shot);
    assert_int_equal(shot->w, VIEW_WIDTH);
    SDL_FreeSurface(shot);
    unlink("pagoda-view-000.png");
    unlink("pagoda-view-001.png");
    assert_int_equal(chdir(cwd), 0);

    /* closing the window: the guest runs on, unless asked */
    ev = (SDL_Event){ .type = SDL_QUIT };
    assert_int_equal(SDL_PushEvent(&ev), 1);
    view_window_poll(w, m, 0, false);
    assert_true(m->ctl.closed);
    assert_false(m->ctl.quit);
    m->ctl.closed = false;
    assert_int_equal(SDL_PushEvent(&ev), 1);
    view_window_poll(w, m, 0, true);
    assert_true(m->ctl.closed && m->ctl.quit);
    m->ctl.quit = false;
    keys(w, m, (SDL_Keycode[]){ SDLK_q }, 1);
    assert_true(m->ctl.quit);
    /* Escape while typing only stops the typing */
    m->ctl.quit = false;
    keys(w, m, (SDL_Keycode[]){ SDLK_w, SDLK_ESCAPE }, 2);
    assert_false(m->ctl.typing);
    assert_false(m->ctl.quit);
    model_free(m);

    /* more harts than panels: PageDown/PageUp and Tab move the panels */
    m = model_new(10);
    keys(w, m, (SDL_Keycode[]){ SDLK_i }, 1); /* no IOMMU: i says so */
    assert_false(m->ctl.dev_selected);
    assert_non_null(strstr(m->ctl.message, "no IOMMU"));
    keys(w, m, (SDL_Keycode[]){ SDLK_PAGEDOWN }, 1);
    assert_int_equal(m->ctl.first_panel, 8);
    assert_int_equal(m->ctl.sel_hart, 8);
    keys(w, m, (SDL_Keycode[]){ SDLK_2 }, 1);
    assert_int_equal(m->ctl.sel_hart, 9);
    keys(w, m, (SDL_Keycode[]){ SDLK_PAGEUP }, 1);
    assert_int_equal(m->ctl.first_panel, 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_8, SDLK_TAB }, 2);
    assert_int_equal(m->ctl.sel_hart, 8);
    assert_int_equal(m->ctl.first_panel, 8);
    view_window_draw(w, m);
    model_free(m);

    /* 8 harts and the IOMMU: its panel is the ninth, on the second page */
    m = model_new(8);
    add_iommu(m);
    fill_entry(dev_cell(m, MMU_TLB_L2, 5, 2), 0x7000, MMU_PAGE_4K, 1, false);
    keys(w, m, (SDL_Keycode[]){ SDLK_i }, 1);
    assert_true(m->ctl.dev_selected);
    assert_int_equal(m->ctl.sel_dev, 0);
    assert_int_equal(m->ctl.first_panel, 8);
    assert_int_equal(m->ctl.sel_hart, 0); /* the hart of the graphs and walks stays */
    keys(w, m, (SDL_Keycode[]){ SDLK_PAGEUP }, 1);
    assert_false(m->ctl.dev_selected);
    assert_int_equal(m->ctl.first_panel, 0);
    keys(w, m, (SDL_Keycode[]){ SDLK_3, SDLK_PAGEDOWN }, 2);
    assert_true(m->ctl.dev_selected);
    assert_int_equal(m->ctl.first_panel, 8);
    assert_int_equal(m->ctl.sel_hart, 2);
    keys(w, m, (SDL_Keycode[]){ SDLK_TAB }, 1); /* after the last panel: hart 0 */
    assert_false(m->ctl.dev_selected);
    assert_int_equal(m->ctl.sel_hart, 0);
    assert_int_equal(m->ctl.first_panel, 0);
    push_key(SDLK_TAB, KMOD_LSHIFT); /* before hart 0: the IOMMU */
    view_window_poll(w, m, 0, false);
    assert_true(m->ctl.dev_selected);
    assert_int_equal(m->ctl.first_panel, 8);
    keys(w, m, (SDL_Keycode[]){ SDLK_8, SDLK_1 }, 2); /* no eighth panel on this page; the first is the IOMMU */
    assert_true(m->ctl.dev_selected);
    view_window_draw(w, m);
    /* a click on an IOTLB cell selects it, Enter walks its IOVA on the selected hart's satp */
    push_mouse(win, m, 8, MMU_TLB_L2, 5 * 4 + 2, SDL_BUTTON_LEFT);
    view_window_poll(w, m, 0, false);
    assert_true(m->ctl.dev_selected);
    assert_int_equal(m->ctl.sel_tlb, MMU_TLB_L2);
    assert_int_equal(m->ctl.sel_cell, 5 * 4 + 2);
    m->ctl.walk_requested = false;
    keys(w, m, (SDL_Keycode[]){ SDLK_RETURN }, 1);
    assert_true(m->ctl.walk_requested && m->walk.device);
    assert_int_equal(m->walk.va, 0x7000);
    assert_int_equal(m->walk.hart, 0);
    assert_non_null(strstr(m->ctl.message, "IOVA 7000 on hart 0's satp"));
    /* arrows move within the IOTLB */
    keys(w, m, (SDL_Keycode[]){ SDLK_LEFT, SDLK_UP }, 2);
    assert_int_equal(m->ctl.sel_cell, 4 * 4 + 1);
    view_window_draw(w, m);
    /* a click on a hart's cell selects that hart's panel again */
    keys(w, m, (SDL_Keycode[]){ SDLK_PAGEUP }, 1);
    push_mouse(win, m, 1, MMU_TLB_L1D, 0, SDL_BUTTON_LEFT);
    view_window_poll(w, m, 0, false);
    assert_false(m->ctl.dev_selected);
    assert_selected(m, 1, MMU_TLB_L1D, 0);
    view_window_close(w);
    model_free(m);
}

/* Without a display, the window fails with one line naming --view-png. */
static void test_window_no_display(void **state)
{
    (void)state;
    char *display = getenv("DISPLAY") ? strdup(getenv("DISPLAY")) : NULL;
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    unsetenv("SDL_VIDEODRIVER");
    char err[200] = "";
    assert_null(view_window_open(err, sizeof err));
    assert_non_null(strstr(err, "--view-png"));
    assert_null(strchr(err, '\n'));
    if (display)
        setenv("DISPLAY", display, 1);
    free(display);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/pagoda-view-test-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    rmdir(tmpdir);
    SDL_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_png_cells),
        cmocka_unit_test(test_png_iommu_panel),
        cmocka_unit_test(test_png_odd_models),
        cmocka_unit_test(test_layout_grid),
        cmocka_unit_test(test_layout_hit),
        cmocka_unit_test(test_window_controls),
        cmocka_unit_test(test_window_no_display),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
