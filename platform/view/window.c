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

#include "draw.h"
#include "font.h"
#include "layout.h"
#include "render.h"

struct view_window {
    SDL_Window *win;
    SDL_Renderer *r;
    struct view_font *font;
    unsigned next_shot;   /* pagoda-view-NNN.png: the first number to try */
};

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
    vw->win = SDL_CreateWindow("Pagoda: TLB view", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                               SDL_WINDOW_RESIZABLE);
    if (vw->win)
        vw->r = SDL_CreateRenderer(vw->win, -1, 0);
    if (!vw->r) {
        snprintf(err, errlen, "view: cannot open a window: %s; use --view-png FILE to draw the view off-screen",
                 SDL_GetError());
        view_window_close(vw);
        return NULL;
    }
    /* draw at 1600 x 1000 whatever the window's size; SDL scales the mouse too */
    SDL_RenderSetLogicalSize(vw->r, VIEW_WIDTH, VIEW_HEIGHT);
    vw->font = view_font_open(vw->r, err, errlen);
    if (!vw->font) {
        view_window_close(vw);
        return NULL;
    }
    return vw;
}

void view_window_draw(struct view_window *w, const struct view_model *m)
{
    if (!w->r)
        return;
    struct view_layout l;
    view_layout(m, &l);
    view_render(w->r, w->font, m, &l);
    SDL_RenderPresent(w->r);
}

void view_window_close(struct view_window *w)
{
    if (!w)
        return;
    view_font_close(w->font);
    if (w->r)
        SDL_DestroyRenderer(w->r);
    if (w->win)
        SDL_DestroyWindow(w->win);
    SDL_free(w);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
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

static void screenshot(struct view_window *w, struct view_model *m)
{
    char name[32];
    for (;; w->next_shot++) {
        snprintf(name, sizeof name, "pagoda-view-%03u.png", w->next_shot);
        if (access(name, F_OK) != 0)
            break;
    }
    char err[200];
    if (view_png_write(m, name, err, sizeof err) != 0) {
        say(m, "screenshot failed: %s", err);
        return;
    }
    w->next_shot++;
    char cwd[256];
    if (getcwd(cwd, sizeof cwd))
        say(m, "screenshot written to %s/%s", cwd, name);
    else
        say(m, "screenshot written to %s", name);
}

/* Show hart (moving the panels so that it is on screen). */
static void select_hart(struct view_model *m, unsigned hart)
{
    struct view_control *c = &m->ctl;
    if (hart >= m->nharts)
        return;
    c->sel_hart = hart;
    if (hart < c->first_panel || hart >= c->first_panel + VIEW_PANELS)
        c->first_panel = hart - hart % VIEW_PANELS;
    /* the same cell of the new hart, when it has one */
    if (c->sel_tlb >= 0 && c->sel_tlb <= MMU_TLB_PWC) {
        const struct view_tlb *t = &m->harts[hart].tlb[c->sel_tlb];
        if (c->sel_cell < 0 || (unsigned)c->sel_cell >= t->sets * t->ways) {
            c->sel_tlb = -1;
            c->sel_cell = -1;
        }
    }
}

static void request_walk(struct view_model *m, uint64_t va)
{
    m->walk.va = va;
    m->walk.hart = m->ctl.sel_hart;
    m->walk.active = true;
    m->ctl.walk_requested = true;
}

/* The selected cell, if it holds an entry. */
static const struct view_cell *selected_cell(const struct view_model *m)
{
    const struct view_control *c = &m->ctl;
    if (c->sel_hart >= m->nharts || c->sel_tlb < 0 || c->sel_tlb > MMU_TLB_PWC || c->sel_cell < 0)
        return NULL;
    const struct view_tlb *t = &m->harts[c->sel_hart].tlb[c->sel_tlb];
    if (!t->cells || (unsigned)c->sel_cell >= t->sets * t->ways)
        return NULL;
    return &t->cells[c->sel_cell];
}

/* Arrow keys: move the selected cell by one way (left/right) or set. */
static void move_selection(struct view_model *m, int dway, int dset)
{
    struct view_control *c = &m->ctl;
    if (c->sel_hart >= m->nharts)
        return;
    if (c->sel_tlb < 0 || c->sel_cell < 0) {
        c->sel_tlb = MMU_TLB_L1D;
        c->sel_cell = 0;
        return;
    }
    const struct view_tlb *t = &m->harts[c->sel_hart].tlb[c->sel_tlb];
    if (!t->ways)
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
    if (d >= 0 || k == SDLK_x) {
        if (len + 1 < sizeof c->input) {
            c->input[len] = k == SDLK_x ? 'x' : "0123456789abcdef"[d];
            c->input[len + 1] = 0;
        }
    } else if (k == SDLK_BACKSPACE) {
        if (len)
            c->input[len - 1] = 0;
    } else if (k == SDLK_ESCAPE) {
        c->typing = false;
        c->input[0] = 0;
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        char *end;
        uint64_t va = strtoull(c->input, &end, 16);
        c->typing = false;
        if (!c->input[0] || *end) {
            say(m, "not a hex address: \"%s\"", c->input);
            return;
        }
        request_walk(m, va);
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
    case SDLK_TAB:
        if (m->nharts)
            select_hart(m, (c->sel_hart + (shift ? m->nharts - 1 : 1)) % m->nharts);
        break;
    case SDLK_PAGEDOWN:
        if (c->first_panel + VIEW_PANELS < m->nharts)
            select_hart(m, c->first_panel + VIEW_PANELS);
        break;
    case SDLK_PAGEUP:
        if (c->first_panel >= VIEW_PANELS)
            select_hart(m, c->first_panel - VIEW_PANELS);
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
    case SDLK_w:
        c->typing = true;
        c->input[0] = 0;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: {
        const struct view_cell *cell = selected_cell(m);
        if (cell && cell->valid) {
            request_walk(m, cell->e.va);
            say(m, "walking %" PRIx64 " on hart %u", cell->e.va, c->sel_hart);
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
            select_hart(m, c->first_panel + (unsigned)(k - SDLK_1));
        break;
    }
}

/* The mouse at (x, y) of the view: select what is under it.  Returns true
 * when the selection changed. */
static bool point(struct view_model *m, int x, int y, bool click, bool walk)
{
    struct view_layout l;
    view_layout(m, &l);
    struct view_hit h;
    if (!view_layout_hit(&l, m, x, y, &h))
        return false;
    struct view_control *c = &m->ctl;
    bool changed = c->sel_hart != h.hart;
    c->sel_hart = h.hart;
    if (h.tlb >= 0) {
        changed |= c->sel_tlb != h.tlb || c->sel_cell != h.cell;
        c->sel_tlb = h.tlb;
        c->sel_cell = h.cell;
        const struct view_cell *cell = selected_cell(m);
        if (walk && cell && cell->valid) {
            request_walk(m, cell->e.va);
            say(m, "walking %" PRIx64 " on hart %u", cell->e.va, c->sel_hart);
            changed = true;
        }
    } else if (click) {
        changed |= c->sel_tlb != -1;
        c->sel_tlb = -1;
        c->sel_cell = -1;
    }
    return changed;
}

static bool handle(struct view_window *w, struct view_model *m, const SDL_Event *ev, bool quit_on_close)
{
    switch (ev->type) {
    case SDL_QUIT:
        m->ctl.closed = true;
        if (quit_on_close)
            m->ctl.quit = true;
        if (w->win)
            SDL_HideWindow(w->win);
        return true;
    case SDL_WINDOWEVENT:
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
        return point(m, ev->motion.x, ev->motion.y, false, false);
    case SDL_MOUSEBUTTONDOWN:
        point(m, ev->button.x, ev->button.y, true, ev->button.button == SDL_BUTTON_RIGHT);
        return true;
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
