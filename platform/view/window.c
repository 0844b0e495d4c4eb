/* The view's window (--view): SDL2 video, drawn by render.c, and the keys
 * and the mouse that change the model's controls (struct view_control).
 * The keys are listed on the help line (render.c) and in the README. */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_image.h>

#include "draw.h"
#include "font.h"
#include "layout.h"
#include "render.h"

/* The view is drawn into frame, a surface of its own size, by a software
 * renderer; what changed since the last frame (tiles compared with shown)
 * is copied to the window and only that is sent to the display, so a frame
 * in which little changed costs little more than drawing it. */
struct view_window {
    SDL_Window *win;
    SDL_Surface *frame;   /* VIEW_WIDTH x VIEW_HEIGHT: what render.c draws on */
    SDL_Renderer *r;      /* a software renderer on frame */
    struct view_font *font;
    SDL_Surface *shown;   /* the frame the window shows now, to find the changed tiles */
    bool full;            /* the whole window next time (first frame, exposed, resized) */
    bool pinned;          /* a click chose the selected cell: hovering does not change it */
    unsigned next_shot;   /* pagoda-view-NNN.png: the first number to try */
};

#define TILE_W 80
#define TILE_H 40

struct view_window *view_window_open(char *err, size_t errlen)
{
    /* no display: one clear line (SDL_VIDEODRIVER names another way, such as
     * the tests' "dummy") */
    const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY"), *driver = getenv("SDL_VIDEODRIVER");
    if ((!display || !*display) && (!wayland || !*wayland) && (!driver || !*driver)) {
        snprintf(err, errlen, "view: no display (DISPLAY is not set); use --view-png FILE to draw the view off-screen");
        return NULL;
    }
    /* the emulator has its own SIGINT/SIGTERM handling */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    /* the window's surface as the windowing system's own framebuffer (X11:
     * shared-memory images), not a texture of an OpenGL renderer: the view
     * draws in software anyway, and the GL path loads Mesa (about 120 MiB)
     * and presents slower, under Xvfb most of all */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, "view: cannot open a window: %s; use --view-png FILE to draw the view off-screen",
                 SDL_GetError());
        return NULL;
    }
    /* a smaller screen gets a smaller window showing the whole view scaled */
    int w = VIEW_WIDTH, h = VIEW_HEIGHT;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 200 && usable.h > 200 &&
        (usable.w < w || usable.h < h)) {
        double k = (double)usable.w / w < (double)usable.h / h ? (double)usable.w / w : (double)usable.h / h;
        w = (int)(w * k);
        h = (int)(h * k);
    }
    struct view_window *vw = SDL_calloc(1, sizeof *vw);
    if (!vw) {
        snprintf(err, errlen, "view: out of memory");
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return NULL;
    }
    vw->full = true;
    vw->win = SDL_CreateWindow("Pagoda: TLB view", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                               SDL_WINDOW_RESIZABLE);
    SDL_Surface *ws = vw->win ? SDL_GetWindowSurface(vw->win) : NULL;
    /* the frame in the window's pixel format, so that copying it is a copy */
    Uint32 format = ws && ws->format->BytesPerPixel == 4 ? ws->format->format : SDL_PIXELFORMAT_RGB888;
    if (ws) {
        vw->frame = SDL_CreateRGBSurfaceWithFormat(0, VIEW_WIDTH, VIEW_HEIGHT, 32, format);
        vw->shown = SDL_CreateRGBSurfaceWithFormat(0, VIEW_WIDTH, VIEW_HEIGHT, 32, format);
    }
    if (vw->frame && vw->shown)
        vw->r = SDL_CreateSoftwareRenderer(vw->frame);
    if (!vw->r) {
        snprintf(err, errlen, "view: cannot open a window: %s; use --view-png FILE to draw the view off-screen",
                 SDL_GetError());
        view_window_close(vw);
        return NULL;
    }
    vw->font = view_font_open(vw->r, err, errlen);
    if (!vw->font) {
        view_window_close(vw);
        return NULL;
    }
    return vw;
}

/* Copy the tiles of frame that differ from shown to the window surface at
 * (ox, oy) (all of them when everything), remembering them in shown;
 * fills rects (at most max) with what changed, in window coordinates, and
 * returns how many, or -1 when more changed than max. */
static int copy_changed(struct view_window *w, SDL_Surface *ws, int ox, int oy, bool everything, SDL_Rect *rects,
                        int max)
{
    int n = 0;
    SDL_Surface *f = w->frame, *s = w->shown;
    for (int ty = 0; ty < VIEW_HEIGHT; ty += TILE_H) {
        int th = ty + TILE_H <= VIEW_HEIGHT ? TILE_H : VIEW_HEIGHT - ty;
        int run = -1; /* x of the first changed tile of the current run in this row */
        for (int tx = 0; tx <= VIEW_WIDTH; tx += TILE_W) {
            bool changed = false;
            if (tx < VIEW_WIDTH) {
                int tw = tx + TILE_W <= VIEW_WIDTH ? TILE_W : VIEW_WIDTH - tx;
                size_t bytes = (size_t)tw * 4;
                for (int y = ty; y < ty + th; y++) {
                    uint8_t *a = (uint8_t *)f->pixels + (size_t)y * (size_t)f->pitch + (size_t)tx * 4;
                    uint8_t *b = (uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)tx * 4;
                    if (everything || memcmp(a, b, bytes) != 0) {
                        changed = true;
                        for (int yy = y; yy < ty + th; yy++)
                            memcpy((uint8_t *)s->pixels + (size_t)yy * (size_t)s->pitch + (size_t)tx * 4,
                                   (uint8_t *)f->pixels + (size_t)yy * (size_t)f->pitch + (size_t)tx * 4, bytes);
                        break;
                    }
                }
            }
            if (changed && run < 0)
                run = tx;
            if (!changed && run >= 0) {
                /* a run of changed tiles ends: one rectangle */
                SDL_Rect src = { run, ty, (tx < VIEW_WIDTH ? tx : VIEW_WIDTH) - run, th };
                SDL_Rect dst = { ox + src.x, oy + src.y, src.w, src.h };
                SDL_BlitSurface(f, &src, ws, &dst);
                if (n < max)
                    rects[n] = (SDL_Rect){ ox + src.x, oy + src.y, src.w, src.h };
                n++;
                run = -1;
            }
        }
    }
    return n <= max ? n : -1;
}

void view_window_draw(struct view_window *w, const struct view_model *m)
{
    if (!w->r)
        return;
    struct view_layout l;
    view_layout(m, &l);
    view_render(w->r, w->font, m, &l);
    SDL_RenderFlush(w->r);
    SDL_Surface *ws = SDL_GetWindowSurface(w->win); /* a new one after a resize */
    if (!ws)
        return;
    struct view_rect at = view_fit(ws->w, ws->h);
    bool full = w->full;
    w->full = false;
    if (at.w != VIEW_WIDTH) {
        /* a window smaller than the view: all of it, scaled */
        SDL_FillRect(ws, NULL, SDL_MapRGB(ws->format, VIEW_RGB_BG >> 16, (VIEW_RGB_BG >> 8) & 0xff, VIEW_RGB_BG & 0xff));
        SDL_BlitScaled(w->frame, NULL, ws, &(SDL_Rect){ at.x, at.y, at.w, at.h });
        SDL_UpdateWindowSurface(w->win);
        return;
    }
    if (full)
        SDL_FillRect(ws, NULL, SDL_MapRGB(ws->format, VIEW_RGB_BG >> 16, (VIEW_RGB_BG >> 8) & 0xff, VIEW_RGB_BG & 0xff));
    SDL_Rect rects[128];
    int n = copy_changed(w, ws, at.x, at.y, full, rects, (int)(sizeof rects / sizeof rects[0]));
    if (full || n < 0)
        SDL_UpdateWindowSurface(w->win);
    else if (n > 0)
        SDL_UpdateWindowSurfaceRects(w->win, rects, n);
}

void view_window_close(struct view_window *w)
{
    if (!w)
        return;
    view_font_close(w->font);
    if (w->r)
        SDL_DestroyRenderer(w->r);
    SDL_FreeSurface(w->frame);
    SDL_FreeSurface(w->shown);
    if (w->win)
        SDL_DestroyWindow(w->win);
    SDL_free(w);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (SDL_WasInit(SDL_INIT_EVERYTHING) == 0)
        SDL_Quit(); /* nothing else uses SDL: let it free all it holds */
}

/* ---- controls ---------------------------------------------------------- */

static void say(struct view_model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct view_model *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->ctl.message, sizeof m->ctl.message, fmt, ap);
    va_end(ap);
}

/* The current frame, as drawn last, into pagoda-view-NNN.png here. */
static void screenshot(struct view_window *w, struct view_model *m)
{
    char name[32];
    for (;; w->next_shot++) {
        snprintf(name, sizeof name, "pagoda-view-%03u.png", w->next_shot);
        if (access(name, F_OK) != 0)
            break;
    }
    if (IMG_SavePNG(w->frame, name) != 0) {
        say(m, "screenshot failed: %s: %s", name, IMG_GetError());
        return;
    }
    w->next_shot++;
    char cwd[256];
    if (getcwd(cwd, sizeof cwd))
        say(m, "screenshot written to %s/%s", cwd, name);
    else
        say(m, "screenshot written to %s", name);
}

/* The slot (a hart, or nharts + the device) of the selected panel. */
static unsigned selected_slot(const struct view_model *m)
{
    const struct view_control *c = &m->ctl;
    return c->dev_selected ? m->nharts + c->sel_dev : c->sel_hart;
}

/* Page the panels so that slot is on screen, and drop a selected cell
 * that its structures do not have (the same cell of another panel stays
 * selected when it has one). */
static void show_slot(struct view_model *m, unsigned slot)
{
    struct view_control *c = &m->ctl;
    if (slot < c->first_panel || slot >= c->first_panel + VIEW_PANELS)
        c->first_panel = slot - slot % VIEW_PANELS;
    const struct view_tlb *tlbs = view_slot_tlbs(m, slot);
    if (tlbs && c->sel_tlb >= 0 && c->sel_tlb <= MMU_TLB_PWC) {
        const struct view_tlb *t = &tlbs[c->sel_tlb];
        if (c->sel_cell < 0 || (unsigned)c->sel_cell >= t->sets * t->ways) {
            c->sel_tlb = -1;
            c->sel_cell = -1;
        }
    }
}

/* Show hart (moving the panels so that it is on screen). */
static void select_hart(struct view_model *m, unsigned hart)
{
    struct view_control *c = &m->ctl;
    if (hart >= m->nharts)
        return;
    c->sel_hart = hart;
    c->dev_selected = false;
    show_slot(m, hart);
}

/* Select device d's panel (its counters in the counters box, its cells
 * for the selection); the hart stays the one whose graphs and walks are
 * shown. */
static void select_device(struct view_model *m, unsigned d)
{
    struct view_control *c = &m->ctl;
    if (d >= m->ndevices)
        return;
    c->dev_selected = true;
    c->sel_dev = d;
    show_slot(m, m->nharts + d);
}

static void select_slot(struct view_model *m, unsigned slot)
{
    if (slot < m->nharts)
        select_hart(m, slot);
    else
        select_device(m, slot - m->nharts);
}

/* Walk va on the selected hart's satp; device: va is the IOVA of a
 * device's entry (the IOMMU's own root, in its process context, is not
 * something the view reads: the hart's tables are the process's when the
 * device shares them and the hart runs that process). */
static void request_walk(struct view_model *m, uint64_t va, bool device)
{
    m->walk.va = va;
    m->walk.hart = m->ctl.sel_hart;
    m->walk.device = device;
    m->walk.active = true;
    m->ctl.walk_requested = true;
}

/* The selected structure (of the selected panel), or NULL. */
static const struct view_tlb *selected_tlb(const struct view_model *m)
{
    const struct view_control *c = &m->ctl;
    if (c->sel_tlb < 0 || c->sel_tlb > MMU_TLB_PWC)
        return NULL;
    if (c->dev_selected)
        return c->sel_dev < m->ndevices ? &m->devices[c->sel_dev].tlb[c->sel_tlb] : NULL;
    return c->sel_hart < m->nharts ? &m->harts[c->sel_hart].tlb[c->sel_tlb] : NULL;
}

/* The selected cell, if it holds an entry. */
static const struct view_cell *selected_cell(const struct view_model *m)
{
    const struct view_control *c = &m->ctl;
    const struct view_tlb *t = selected_tlb(m);
    if (!t || c->sel_cell < 0 || !t->cells || (unsigned)c->sel_cell >= t->sets * t->ways)
        return NULL;
    return &t->cells[c->sel_cell];
}

/* Walk the selected cell's VA (Enter, right click), saying so. */
static void walk_selected(struct view_model *m, const struct view_cell *cell)
{
    struct view_control *c = &m->ctl;
    request_walk(m, cell->e.va, c->dev_selected);
    if (c->dev_selected)
        say(m, "walking IOVA %" PRIx64 " on hart %u's satp (the view does not read the IOMMU's process contexts)",
            cell->e.va, c->sel_hart);
    else
        say(m, "walking %" PRIx64 " on hart %u", cell->e.va, c->sel_hart);
}

/* Arrow keys: move the selected cell by one way (left/right) or set. */
static void move_selection(struct view_model *m, int dway, int dset)
{
    struct view_control *c = &m->ctl;
    if (!view_slot_tlbs(m, selected_slot(m)))
        return;
    if (c->sel_tlb < 0 || c->sel_cell < 0) {
        c->sel_tlb = c->dev_selected ? MMU_TLB_L2 : MMU_TLB_L1D; /* a device's IOTLB is its L2 */
        c->sel_cell = 0;
        return;
    }
    const struct view_tlb *t = selected_tlb(m);
    if (!t || !t->ways)
        return;
    int set = c->sel_cell / (int)t->ways + dset, way = c->sel_cell % (int)t->ways + dway;
    if (set >= 0 && set < (int)t->sets && way >= 0 && way < (int)t->ways)
        c->sel_cell = set * (int)t->ways + way;
}

static const unsigned slow_steps[] = { 0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
#define NSLOW (sizeof slow_steps / sizeof slow_steps[0])

static void change_slow(struct view_model *m, int dir)
{
    unsigned k = 0;
    while (k + 1 < NSLOW && slow_steps[k] < m->ctl.slow)
        k++;
    if (dir > 0 && slow_steps[k] <= m->ctl.slow && k + 1 < NSLOW)
        k++;
    else if (dir < 0 && k > 0)
        k--;
    m->ctl.slow = slow_steps[k];
    if (m->ctl.slow)
        say(m, "slowed down: %u ms after every turn", m->ctl.slow);
    else
        say(m, "full speed");
}

static int hex_digit(SDL_Keycode k)
{
    if (k >= SDLK_0 && k <= SDLK_9)
        return (int)(k - SDLK_0);
    if (k >= SDLK_a && k <= SDLK_f)
        return 10 + (int)(k - SDLK_a);
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return 1 + (int)(k - SDLK_KP_1);
    if (k == SDLK_KP_0)
        return 0;
    return -1;
}

/* A key while a VA is being typed. */
static void key_typing(struct view_model *m, SDL_Keycode k)
{
    struct view_control *c = &m->ctl;
    size_t len = strlen(c->input);
    int d = hex_digit(k);
    if (c->typing_step && (d > 9 || k == SDLK_x))
        return; /* a count is decimal */
    if (d >= 0 || k == SDLK_x) {
        if (len + 1 < sizeof c->input) {
            c->input[len] = k == SDLK_x ? 'x' : "0123456789abcdef"[d];
            c->input[len + 1] = 0;
        }
    } else if (k == SDLK_BACKSPACE) {
        if (len)
            c->input[len - 1] = 0;
    } else if (k == SDLK_ESCAPE) {
        c->typing = c->typing_step = false;
        c->input[0] = 0;
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && c->typing_step) {
        char *end;
        uint64_t n = strtoull(c->input, &end, 10);
        c->typing = c->typing_step = false;
        if (!c->input[0] || *end || n == 0) {
            say(m, "not a number of instructions: \"%s\"", c->input);
            return;
        }
        c->paused = true;
        c->step += n;
        say(m, "step %" PRIu64 " instructions per hart", n);
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        char *end;
        uint64_t va = strtoull(c->input, &end, 16);
        c->typing = false;
        if (!c->input[0] || *end) {
            say(m, "not a hex address: \"%s\"", c->input);
            return;
        }
        request_walk(m, va, false);
        say(m, "walking %" PRIx64 " on hart %u (p stops on a fault there)", va, c->sel_hart);
    }
}

static void key(struct view_window *w, struct view_model *m, const SDL_Keysym *ks)
{
    struct view_control *c = &m->ctl;
    SDL_Keycode k = ks->sym;
    bool shift = (ks->mod & KMOD_SHIFT) != 0;
    if (c->typing) {
        key_typing(m, k);
        return;
    }
    switch (k) {
    case SDLK_SPACE:
        c->paused = !c->paused;
        say(m, "%s", c->paused ? "paused" : "running");
        break;
    case SDLK_s:
        if (!c->paused)
            c->paused = true;
        c->step += shift ? 1000 : 1;
        say(m, "step %s instruction%s per hart", shift ? "1000" : "1", shift ? "s" : "");
        break;
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
    case SDLK_EQUALS: /* + without shift on a US keyboard */
        change_slow(m, +1);
        break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        change_slow(m, -1);
        break;
    case SDLK_TAB: { /* every panel in turn: the harts, then the devices */
        unsigned n = view_model_slots(m);
        if (n)
            select_slot(m, (selected_slot(m) + (shift ? n - 1 : 1)) % n);
        break;
    }
    case SDLK_PAGEDOWN:
        if (c->first_panel + VIEW_PANELS < view_model_slots(m))
            select_slot(m, c->first_panel + VIEW_PANELS);
        break;
    case SDLK_PAGEUP:
        if (c->first_panel >= VIEW_PANELS)
            select_slot(m, c->first_panel - VIEW_PANELS);
        break;
    case SDLK_i:
        if (m->ndevices) {
            select_device(m, 0);
            say(m, "%s selected: its counters are in the counters box", m->devices[0].name);
        } else {
            say(m, "no IOMMU on this board (-M virt,iommu-sys=on adds one)");
        }
        break;
    case SDLK_f:
        c->stop_on_fence = !c->stop_on_fence;
        say(m, "stop on a fence: %s", c->stop_on_fence ? "on" : "off");
        break;
    case SDLK_d:
        c->stop_on_shootdown = !c->stop_on_shootdown;
        say(m, "stop on a shootdown: %s", c->stop_on_shootdown ? "on" : "off");
        break;
    case SDLK_p: {
        c->stop_on_fault = !c->stop_on_fault;
        char *end;
        uint64_t va = strtoull(c->input, &end, 16);
        c->stop_fault_va = c->input[0] && !*end ? va & ~0xfffULL : ~0ULL;
        if (!c->stop_on_fault)
            say(m, "stop on a page fault: off");
        else if (c->stop_fault_va == ~0ULL)
            say(m, "stop on a page fault: on, any address");
        else
            say(m, "stop on a page fault: on, page %" PRIx64, c->stop_fault_va);
        break;
    }
    case SDLK_n: /* type how many instructions to step */
        c->typing = c->typing_step = true;
        c->input[0] = 0;
        break;
    case SDLK_w:
        c->typing = true;
        c->typing_step = false;
        c->input[0] = 0;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: {
        const struct view_cell *cell = selected_cell(m);
        if (cell && cell->valid) {
            walk_selected(m, cell);
        } else {
            say(m, "select a cell that holds an entry first (or w to type a VA)");
        }
        break;
    }
    case SDLK_LEFT: move_selection(m, -1, 0); break;
    case SDLK_RIGHT: move_selection(m, 1, 0); break;
    case SDLK_UP: move_selection(m, 0, -1); break;
    case SDLK_DOWN: move_selection(m, 0, 1); break;
    case SDLK_c:
    case SDLK_F12:
        screenshot(w, m);
        break;
    case SDLK_q:
    case SDLK_ESCAPE:
        c->quit = true;
        say(m, "quit");
        break;
    default:
        if (k >= SDLK_1 && k <= SDLK_8)
            select_slot(m, c->first_panel + (unsigned)(k - SDLK_1));
        break;
    }
}

/* The mouse at (x, y) of the view: select the cell (or only the panel)
 * under it; walk names a right click, which also walks the cell's VA.
 * Returns true when the selection changed. */
static bool point(struct view_model *m, const struct view_hit *h, bool walk)
{
    struct view_control *c = &m->ctl;
    bool changed;
    if (h->device >= 0) {
        changed = !c->dev_selected || c->sel_dev != (unsigned)h->device;
        c->dev_selected = true;
        c->sel_dev = (unsigned)h->device;
    } else {
        changed = c->dev_selected || c->sel_hart != h->hart;
        c->dev_selected = false;
        c->sel_hart = h->hart;
    }
    if (h->tlb >= 0) {
        changed |= c->sel_tlb != h->tlb || c->sel_cell != h->cell;
        c->sel_tlb = h->tlb;
        c->sel_cell = h->cell;
        const struct view_cell *cell = selected_cell(m);
        if (walk && cell && cell->valid) {
            walk_selected(m, cell);
            changed = true;
        }
    }
    return changed;
}

/* Hovering selects what is under the mouse until a click pins the
 * selection (so that the mouse can cross other panels); a click on the
 * pinned cell, or off the cells, lets the selection follow the mouse
 * again. */
static bool mouse(struct view_window *w, struct view_model *m, int x, int y, int button)
{
    struct view_layout l;
    view_layout(m, &l);
    struct view_hit h;
    bool on_panel = view_layout_hit(&l, m, x, y, &h);
    if (!button)
        return on_panel && !w->pinned && point(m, &h, false);
    struct view_control *c = &m->ctl;
    bool same = on_panel && h.tlb >= 0 && h.hart == selected_slot(m) && h.tlb == c->sel_tlb && h.cell == c->sel_cell;
    if (!on_panel || h.tlb < 0 || (same && w->pinned && button == SDL_BUTTON_LEFT)) {
        w->pinned = false;
        say(m, "the selection follows the mouse");
        if (on_panel)
            point(m, &h, false);
        return true;
    }
    point(m, &h, button == SDL_BUTTON_RIGHT);
    w->pinned = true;
    if (button != SDL_BUTTON_RIGHT)
        say(m, "selection pinned (click it again to follow the mouse)");
    return true;
}

/* A point of the window as a point of the view. */
static void window_to_view(struct view_window *w, int wx, int wy, int *x, int *y)
{
    int ww, wh;
    SDL_GetWindowSize(w->win, &ww, &wh);
    struct view_rect at = view_fit(ww, wh);
    *x = at.w > 0 ? (wx - at.x) * VIEW_WIDTH / at.w : wx;
    *y = at.h > 0 ? (wy - at.y) * VIEW_HEIGHT / at.h : wy;
}

static bool handle(struct view_window *w, struct view_model *m, const SDL_Event *ev, bool quit_on_close)
{
    int x, y;
    switch (ev->type) {
    case SDL_QUIT:
        m->ctl.closed = true;
        if (quit_on_close)
            m->ctl.quit = true;
        if (w->win)
            SDL_HideWindow(w->win);
        return true;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_EXPOSED || ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            ev->window.event == SDL_WINDOWEVENT_RESTORED || ev->window.event == SDL_WINDOWEVENT_SHOWN)
            w->full = true;
        if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
            m->ctl.closed = true;
            if (quit_on_close)
                m->ctl.quit = true;
            SDL_HideWindow(w->win);
        }
        return true;
    case SDL_KEYDOWN:
        key(w, m, &ev->key.keysym);
        return true;
    case SDL_MOUSEMOTION:
        window_to_view(w, ev->motion.x, ev->motion.y, &x, &y);
        return mouse(w, m, x, y, 0);
    case SDL_MOUSEBUTTONDOWN:
        window_to_view(w, ev->button.x, ev->button.y, &x, &y);
        return mouse(w, m, x, y, ev->button.button);
    default:
        return false;
    }
}

bool view_window_poll(struct view_window *w, struct view_model *m, int wait_ms, bool quit_on_close)
{
    SDL_Event ev;
    bool changed = false;
    int got = wait_ms > 0 ? SDL_WaitEventTimeout(&ev, wait_ms) : SDL_PollEvent(&ev);
    while (got) {
        changed |= handle(w, m, &ev, quit_on_close);
        got = SDL_PollEvent(&ev);
    }
    return changed;
}
