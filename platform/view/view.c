/* The view between scheduling rounds (view.h): when to take a snapshot of
 * the harts and their MMUs into the model, the hooks that see shootdowns,
 * fences and faults as they happen, pausing and stepping, and the PNGs. */
#include "view.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../cpu/hart.h"
#include "../iommu.h"
#include "draw.h"
#include "model.h"
#include "shootdown.h"

/* The model's shootdown kinds are shootdown.h's, which decodes the SBI calls */
_Static_assert(VIEW_SD_IPI == (int)SHOOTDOWN_IPI && VIEW_SD_SFENCE == (int)SHOOTDOWN_SFENCE &&
                   VIEW_SD_SFENCE_ASID == (int)SHOOTDOWN_SFENCE_ASID && VIEW_SD_FENCE_I == (int)SHOOTDOWN_FENCE_I &&
                   VIEW_SD_MSIP == (int)SHOOTDOWN_MSIP,
               "view_sd_kind follows shootdown_kind");

#define FRAME_SECONDS (1.0 / 30.0)   /* the window: at most about 30 snapshots a second */
/* and never more than a twentieth of the time on drawing: after a frame that
 * took d seconds to take and draw, the next waits at least this times d
 * (under Xvfb's software rendering a frame takes about 15 ms) */
#define FRAME_COST_FACTOR 19.0
#define PNG_SNAPSHOT_INSNS 1000000   /* --view-png alone: a snapshot per this many instructions */

struct view {
    struct view_opts o;
    struct view_source src;
    struct view_model m;
    struct view_window *win;
    struct hart_watch watch;
    struct iommu *iommu[VIEW_MAX_DEVICES]; /* m.devices[d] is iommu[d]'s */
    struct tlb_entry_view *buf;     /* room for the largest structure's entries */
    size_t buf_len;
    uint64_t *instret;              /* per hart, for view_sd_begin */
    uint64_t *round_instret;        /* per hart: instret when this round began */
    bool *uses_sbi;                 /* per hart: made an SBI IPI/RFENCE call (then its MSIP writes are the firmware's) */
    struct timespec t0, last_frame;
    double frame_gap;               /* seconds from one window frame to the next */
    double last_sample;
    uint64_t step_left;             /* a step (s, S, n) still running: instructions per hart after this
                                     * round (a round runs at most --quantum of them) */
    uint64_t step_n;                /* the step's length */
    uint64_t *step_base;            /* per hart: instret when the step began */
    uint64_t next_snapshot;         /* total instructions at the next deterministic snapshot */
    uint64_t next_png;              /* total instructions at the next numbered PNG (--view-every) */
    unsigned png_count;
    const char *stop_reason;        /* set by a hook: pause at the end of this round */
    char stop_text[120];
};

static double seconds(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

static uint64_t total_insns(const struct view *v)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < v->src.nharts; i++)
        n += v->src.harts[i].instret;
    return n;
}

/* Hart id's guest time now, in mtime ticks: mtime moves once per round, so
 * add the instructions the hart has run in this round at the board's rate
 * (one tick per 10 instructions, a 100 MIPS hart), which makes a latency
 * shorter than a round measurable. */
static uint64_t guest_time(const struct view *v, unsigned id)
{
    return *v->src.mtime + (v->src.harts[id].instret - v->round_instret[id]) / 10;
}

/* A new shootdown from hart from: its start on each target's own clock
 * (guest_time), so that each latency is measured on one hart's clock. */
static void begin_shootdown(struct view *v, unsigned from, uint64_t targets, unsigned kind, uint64_t start,
                            uint64_t size, uint16_t asid)
{
    for (unsigned i = 0; i < v->src.nharts; i++)
        v->instret[i] = v->src.harts[i].instret;
    struct view_shootdown *s = view_sd_begin(&v->m, from, targets, kind, start, size, asid, v->instret,
                                             guest_time(v, from));
    for (unsigned t = 0; t < v->src.nharts && t < VIEW_MAX_HARTS; t++)
        if ((targets >> t) & 1)
            s->lat_mtime[t] = guest_time(v, t);
}

/* Ask to pause at the end of this round; v->stop_text says why. */
static void stop(struct view *v)
{
    v->stop_reason = v->stop_text;
}

/* hart_watch.trap: SBI calls that shoot down (an ecall from S-mode), the
 * software interrupts that complete IPIs, page faults to stop at. */
static void on_trap(void *ctx, struct hart *h, uint64_t cause, uint64_t tval)
{
    struct view *v = ctx;
    unsigned id = (unsigned)(h - v->src.harts);
    uint64_t mtime = guest_time(v, id);
    if (cause == 9) { /* environment call from S-mode: an SBI call that shoots down? */
        struct shootdown_req r;
        if (shootdown_from_sbi_call(h, id, v->src.nharts, &r)) {
            v->uses_sbi[id] = true;
            begin_shootdown(v, id, r.targets, (unsigned)r.kind, r.start, r.size, r.asid);
            if (v->m.ctl.stop_on_shootdown) {
                snprintf(v->stop_text, sizeof v->stop_text, "stopped: hart %u sent a shootdown (%s) to %d harts",
                         id, view_sd_kind_name((unsigned)r.kind), __builtin_popcountll(r.targets));
                stop(v);
            }
        }
        return;
    }
    if ((cause >> 63) && ((cause & 63) == IRQ_SSI || (cause & 63) == IRQ_MSI)) {
        view_sd_event(&v->m, id, false, h->instret, mtime);
        return;
    }
    if (cause == 12 || cause == 13 || cause == 15) { /* instruction, load, store/AMO page fault */
        uint64_t want = v->m.ctl.stop_fault_va;
        if (v->m.ctl.stop_on_fault && (want == ~0ULL || (want >> 12) == (tval >> 12))) {
            snprintf(v->stop_text, sizeof v->stop_text, "stopped: hart %u page fault (cause %" PRIu64 ") at 0x%" PRIx64,
                     id, cause, tval);
            stop(v);
        }
    }
}

/* hart_watch.fence: completes the shootdowns waiting for it. */
static void on_fence(void *ctx, struct hart *h, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    struct view *v = ctx;
    unsigned id = (unsigned)(h - v->src.harts);
    (void)has_asid, (void)asid;
    view_sd_event(&v->m, id, true, h->instret, guest_time(v, id));
    if (v->m.ctl.stop_on_fence) {
        if (has_va)
            snprintf(v->stop_text, sizeof v->stop_text, "stopped: hart %u sfence.vma 0x%" PRIx64, id, va);
        else
            snprintf(v->stop_text, sizeof v->stop_text, "stopped: hart %u sfence.vma (all addresses)", id);
        stop(v);
    }
}

void view_msip(struct view *v, unsigned from, unsigned to)
{
    if (from >= v->src.nharts || v->uses_sbi[from] || to >= 64)
        return;
    begin_shootdown(v, from, 1ULL << to, VIEW_SD_MSIP, 0, ~0ULL, 0);
    if (v->m.ctl.stop_on_shootdown) {
        snprintf(v->stop_text, sizeof v->stop_text, "stopped: hart %u wrote the msip of hart %u", from, to);
        stop(v);
    }
}

/* The walk view again, for the hart and VA it names. */
static void refresh_walk(struct view *v)
{
    struct view_walk *w = &v->m.walk;
    if (!w->active || w->hart >= v->src.nharts)
        return;
    w->satp = v->src.harts[w->hart].satp;
    mmu_walk_inspect(v->src.mmus[w->hart], w->satp, w->va, &w->w);
}

/* Take a snapshot of every hart and MMU into the model. */
static void snapshot(struct view *v)
{
    struct view_model *m = &v->m;
    double now = seconds(&v->t0);
    double dt = now - v->last_sample;
    v->last_sample = now;
    uint64_t total = total_insns(v);
    m->mips = dt > 0 && m->snapshots ? (double)(total - m->total_insns) / dt / 1e6 : 0.0;
    m->total_insns = total;
    m->mtime = *v->src.mtime;
    m->host_seconds = now;
    for (unsigned i = 0; i < v->src.nharts; i++) {
        const struct hart *h = &v->src.harts[i];
        struct mmu *mu = v->src.mmus[i];
        struct view_hart *vh = &m->harts[i];
        vh->pc = h->pc;
        vh->priv = h->priv;
        vh->satp = h->satp;
        vh->wfi = h->wfi;
        vh->mtime = m->mtime;
        for (int k = 0; k < 4; k++) {
            int n = mmu_tlb_dump(mu, k, v->buf, (int)v->buf_len);
            view_tlb_update(&vh->tlb[k], v->buf, n);
        }
        view_hart_sample(vh, mmu_get_stats(mu), h->instret, dt);
    }
    for (unsigned d = 0; d < m->ndevices; d++)
        view_device_update(&m->devices[d], iommu_iotlb(v->iommu[d]), iommu_get_stats(v->iommu[d]), v->buf,
                           (int)v->buf_len);
    view_sd_fade(m);
    refresh_walk(v);
    m->snapshots++;
}

/* FILE with a number before its extension: "view.png", 3 -> "view-000003.png". */
static void numbered(const char *file, unsigned n, char *out, size_t len)
{
    const char *dot = strrchr(file, '.');
    const char *slash = strrchr(file, '/');
    if (!dot || (slash && dot < slash))
        dot = file + strlen(file);
    snprintf(out, len, "%.*s-%06u%s", (int)(dot - file), file, n, dot);
}

static int write_png(struct view *v, const char *path)
{
    char err[200];
    if (view_png_write(&v->m, path, err, sizeof err) == 0)
        return 0;
    fprintf(stderr, "pagoda: %s\n", err);
    return -1;
}

struct view *view_create(const struct view_opts *o, const struct view_source *src, char *err, size_t errlen)
{
    struct view *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    v->o = *o;
    v->src = *src;
    size_t most = 0;
    for (unsigned i = 0; i < src->nharts; i++)
        for (int k = 0; k < 4; k++)
            if (mmu_tlb_capacity(src->mmus[i], k) > most)
                most = mmu_tlb_capacity(src->mmus[i], k);
    v->buf_len = most ? most : 1;
    v->buf = calloc(v->buf_len, sizeof *v->buf);
    v->instret = calloc(src->nharts ? src->nharts : 1, sizeof *v->instret);
    v->uses_sbi = calloc(src->nharts ? src->nharts : 1, sizeof *v->uses_sbi);
    v->round_instret = calloc(src->nharts ? src->nharts : 1, sizeof *v->round_instret);
    v->step_base = calloc(src->nharts ? src->nharts : 1, sizeof *v->step_base);
    bool tracked = true;
    for (unsigned i = 0; i < src->nharts; i++)
        tracked = tracked && mmu_track_entry_hits(src->mmus[i]) == 0;
    if (!tracked || !v->buf || !v->instret || !v->uses_sbi || !v->round_instret || !v->step_base || view_model_init(&v->m, src->nharts, src->mmus)) {
        snprintf(err, errlen, "out of memory");
        view_destroy(v);
        return NULL;
    }
    if (o->window) {
        v->win = view_window_open(err, errlen);
        if (!v->win) {
            view_destroy(v);
            return NULL;
        }
    }
    v->watch = (struct hart_watch){ .ctx = v, .trap = on_trap, .fence = on_fence };
    for (unsigned i = 0; i < src->nharts; i++)
        src->harts[i].watch = &v->watch;
    clock_gettime(CLOCK_MONOTONIC, &v->t0);
    v->last_frame = v->t0;
    v->frame_gap = FRAME_SECONDS;
    if (o->paused && v->win) {
        v->m.ctl.paused = true;
        snprintf(v->m.ctl.message, sizeof v->m.ctl.message, "paused before the first instruction: space runs, s steps");
    }
    v->next_snapshot = PNG_SNAPSHOT_INSNS;
    v->next_png = o->every;
    snapshot(v);
    if (v->win)
        view_window_draw(v->win, &v->m);
    return v;
}

int view_add_iommu(struct view *v, struct iommu *io)
{
    struct mmu *iotlb = iommu_iotlb(io);
    size_t most = v->buf_len;
    for (int k = 0; k < 4; k++)
        if (mmu_tlb_capacity(iotlb, k) > most)
            most = mmu_tlb_capacity(iotlb, k);
    if (most > v->buf_len) {
        struct tlb_entry_view *buf = realloc(v->buf, most * sizeof *buf);
        if (!buf)
            return -1;
        v->buf = buf;
        v->buf_len = most;
    }
    if (mmu_track_entry_hits(iotlb) != 0)
        return -1;
    int d = view_model_add_device(&v->m, "IOMMU", iotlb);
    if (d < 0)
        return -1;
    v->iommu[d] = io;
    view_device_update(&v->m.devices[d], iotlb, iommu_get_stats(io), v->buf, (int)v->buf_len);
    if (v->win)
        view_window_draw(v->win, &v->m);
    return 0;
}

/* One wait for the window's events (up to 33 ms) while the guest stands
 * still: a walk asked for is done, and the window redrawn if anything
 * changed. */
static void poll_still(struct view *v, bool quit_on_close)
{
    struct view_control *c = &v->m.ctl;
    bool changed = view_window_poll(v->win, &v->m, 33, quit_on_close);
    if (c->walk_requested) {
        c->walk_requested = false;
        refresh_walk(v);
        changed = true;
    }
    if (changed && !c->closed)
        view_window_draw(v->win, &v->m);
}

/* While paused: handle the window until the person resumes, steps or
 * stops.  Returns false when the guest is to stop. */
static bool wait_paused(struct view *v)
{
    struct view_control *c = &v->m.ctl;
    while (c->paused && !c->step && !c->quit && !c->closed)
        poll_still(v, v->o.quit_on_close);
    if (c->closed)
        c->paused = false;
    return !c->quit;
}

static bool turn(struct view *v, uint64_t *budget);

bool view_turn(struct view *v, uint64_t *budget)
{
    bool go_on = turn(v, budget);
    for (unsigned i = 0; i < v->src.nharts; i++) /* the next round begins */
        v->round_instret[i] = v->src.harts[i].instret;
    return go_on;
}

/* A step of c->step instructions per hart begins: the board runs at most
 * --quantum of them per round, so the step goes on over as many rounds as
 * it takes (step_done counts them off). */
static void step_begin(struct view *v, uint64_t *budget)
{
    v->step_n = v->step_left = v->m.ctl.step;
    v->m.ctl.step = 0;
    for (unsigned i = 0; i < v->src.nharts; i++)
        v->step_base[i] = v->src.harts[i].instret;
    *budget = v->step_left;
}

/* After a round of a step: what is left of it is the step's length less
 * what the hart that has run the most since it began has run (so that hart
 * runs exactly the step, the others at most as much: a hart in wfi runs
 * less).  Returns true when the step is now done, or when no hart ran in
 * the round (every one sleeps: the step ends rather than wait). */
static bool step_done(struct view *v)
{
    if (!v->step_left)
        return false;
    uint64_t most = 0, ran = 0;
    for (unsigned i = 0; i < v->src.nharts; i++) {
        uint64_t d = v->src.harts[i].instret - v->step_base[i], r = v->src.harts[i].instret - v->round_instret[i];
        most = d > most ? d : most;
        ran = r > ran ? r : ran;
    }
    if (ran && most < v->step_n) {
        v->step_left = v->step_n - most;
        return false;
    }
    v->step_left = 0;
    return true;
}

/* view_turn, but for noting where the next round begins. */
static bool turn(struct view *v, uint64_t *budget)
{
    struct view_control *c = &v->m.ctl;
    uint64_t total = total_insns(v);
    *budget = UINT64_MAX;
    bool stepped = step_done(v);
    if (v->o.every && total >= v->next_png) {
        char path[4096];
        snapshot(v);
        numbered(v->o.png, ++v->png_count, path, sizeof path);
        write_png(v, path);
        while (v->next_png <= total)
            v->next_png += v->o.every;
    }
    if (!v->win || c->closed) {
        v->step_left = 0;
        if (!v->win && total >= v->next_snapshot) { /* deterministic: by instructions */
            snapshot(v);
            while (v->next_snapshot <= total)
                v->next_snapshot += PNG_SNAPSHOT_INSNS;
        }
        return true;
    }
    if (v->stop_reason) {
        c->paused = true;
        c->step = 0;
        v->step_left = 0;
        snprintf(c->message, sizeof c->message, "%s", v->stop_reason);
        snprintf(c->stopped, sizeof c->stopped, "%s", v->stop_reason);
        v->stop_reason = NULL;
    }
    /* a snapshot after every round of a step's start and end, and while
     * paused; in between (a step over many rounds, or running) at the
     * frame rate */
    bool every_round = c->step != 0 || stepped || (c->paused && !v->step_left);
    if (every_round || seconds(&v->last_frame) >= v->frame_gap) {
        clock_gettime(CLOCK_MONOTONIC, &v->last_frame);
        snapshot(v);
        view_window_poll(v->win, &v->m, 0, v->o.quit_on_close);
        if (c->walk_requested) {
            c->walk_requested = false;
            refresh_walk(v);
        }
        if (!c->closed)
            view_window_draw(v->win, &v->m);
        double cost = seconds(&v->last_frame) * FRAME_COST_FACTOR;
        v->frame_gap = cost > FRAME_SECONDS ? cost : FRAME_SECONDS;
    }
    if (c->quit)
        return false;
    if (v->step_left && c->paused) { /* the step goes on */
        *budget = v->step_left;
        return true;
    }
    v->step_left = 0; /* resumed (space) during a step: simply running */
    if (c->step) { /* run the step, then pause again */
        step_begin(v, budget);
        return true;
    }
    if (c->paused && !wait_paused(v))
        return false;
    if (c->step)
        step_begin(v, budget);
    if (c->slow && !c->paused) {
        struct timespec ts = { 0, (long)c->slow * 1000000L };
        nanosleep(&ts, NULL);
    }
    return true;
}

/* --view-text: the model's facts into path.  0, or -1 after a line on stderr. */
static int write_text(struct view *v, const char *path)
{
    FILE *f = fopen(path, "w");
    if (f)
        view_model_text(&v->m, f);
    if (!f || ferror(f) | fclose(f)) {
        fprintf(stderr, "pagoda: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int view_finish(struct view *v)
{
    snapshot(v);
    struct view_control *c = &v->m.ctl;
    if (v->win && !c->closed)
        view_window_draw(v->win, &v->m);
    if (v->win && v->o.hold && !c->closed && !c->quit) {
        snprintf(c->message, sizeof c->message, "the guest has stopped: q or closing the window ends Pagoda");
        c->paused = true;
        view_window_draw(v->win, &v->m);
        while (!c->closed && !c->quit) {
            c->step = 0; /* nothing left to run */
            poll_still(v, false);
        }
    }
    int r = v->o.text ? write_text(v, v->o.text) : 0;
    return (v->o.png ? write_png(v, v->o.png) : 0) | r;
}

void view_destroy(struct view *v)
{
    if (!v)
        return;
    for (unsigned i = 0; i < v->src.nharts; i++)
        if (v->src.harts[i].watch == &v->watch)
            v->src.harts[i].watch = NULL;
    if (v->win)
        view_window_close(v->win);
    view_model_free(&v->m);
    free(v->buf);
    free(v->instret);
    free(v->uses_sbi);
    free(v->round_instret);
    free(v->step_base);
    free(v);
}
