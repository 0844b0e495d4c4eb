/* --trace-mmu: MMU events as Trace Event JSON (trace_mmu.h). */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "accel.h"
#include "iommu.h"
#include "shootdown.h"
#include "trace_mmu.h"

#define PID_HARTS 1
#define PID_DEVICES 2
#define TID_IOMMU 0
#define TID_ACCEL 1        /* + queue */
#define OPEN_SHOOTDOWNS 64 /* shootdowns waited on at once; older ones are given up */
#define MAX_TARGETS 64

/* A shootdown some target has not completed yet. */
struct open_sd {
    uint64_t seq;                   /* its number, for the flow ids */
    unsigned from;
    enum shootdown_kind kind;
    uint64_t targets, done;
    uint64_t start, size;
    double t_start[MAX_TARGETS];    /* on each target's own clock */
    uint64_t insn_start[MAX_TARGETS];
};

/* What a hart's MMU walk hook is given: the trace and the hart. */
struct walk_ctx {
    struct trace_mmu *t;
    unsigned hart;
};

struct trace_mmu {
    FILE *f;
    const char *path;
    struct board *b;
    unsigned nharts;
    struct hart *harts;
    struct mmu *const *mmus;
    struct iommu *iommu;
    struct accel *accel;
    const uint64_t *mtime;
    uint64_t *round_instret;        /* per hart: instret when this round began */
    bool *uses_sbi;                 /* per hart: made an SBI shootdown call (its msip writes are then the firmware's) */
    const struct hart_watch **prev; /* per hart: the watch that was there before (the view's), called first */
    struct walk_ctx *walk_ctx;      /* per hart: what its MMU's walk hook is given */
    struct hart_watch watch;
    struct board_watch bw;
    struct open_sd sd[OPEN_SHOOTDOWNS];
    unsigned sd_next;               /* ring slot of the next shootdown */
    uint64_t seq;
    bool first;                     /* no event written yet (no comma) */
};

static const char *const access_names[3] = {"fetch", "load", "store"};

/* Hart id's guest time now, in microseconds: mtime (10 MHz) moves once a
 * round, so add the instructions the hart has run in this round at the
 * board's rate of 10 per tick. */
static double hart_us(const struct trace_mmu *t, unsigned id)
{
    return (double)*t->mtime / 10.0 + (double)(t->harts[id].instret - t->round_instret[id]) / 100.0;
}

static double board_us(const struct trace_mmu *t) { return (double)*t->mtime / 10.0; }

/* Start an event object: the common fields; the caller adds args and '}'. */
static void begin(struct trace_mmu *t, const char *name, const char *cat, char ph, double ts, int pid, unsigned tid)
{
    fprintf(t->f, "%s\n{\"name\":\"%s\",\"cat\":\"%s\",\"ph\":\"%c\",\"ts\":%.2f,\"pid\":%d,\"tid\":%u", t->first ? "" : ",",
            name, cat, ph, ts, pid, tid);
    t->first = false;
}

static void meta(struct trace_mmu *t, const char *what, int pid, unsigned tid, const char *name)
{
    fprintf(t->f, "%s\n{\"name\":\"%s\",\"ph\":\"M\",\"pid\":%d,\"tid\":%u,\"args\":{\"name\":\"%s\"}}",
            t->first ? "" : ",", what, pid, tid, name);
    t->first = false;
}

/* ---- walks (mmu_set_walk_hook) ---- */

static void walk_event(struct trace_mmu *t, const struct mmu_walk_event *w, double ts, int pid, unsigned tid)
{
    begin(t, w->res == MMU_OK ? "walk" : "walk fault", "walk", 'i', ts, pid, tid);
    fprintf(t->f, ",\"s\":\"t\",\"args\":{\"va\":\"0x%" PRIx64 "\",\"access\":\"%s\",\"pte_reads\":%u,\"asid\":%u,"
                  "\"result\":\"%s\"}}",
            w->va, access_names[w->acc % 3], w->reads, w->asid,
            w->res == MMU_OK ? mmu_page_size_name(w->size) : w->res == MMU_PAGE_FAULT ? "page fault" : "access fault");
}

static void on_hart_walk(void *ctx, const struct mmu_walk_event *w)
{
    const struct walk_ctx *c = ctx;
    walk_event(c->t, w, hart_us(c->t, c->hart), PID_HARTS, c->hart);
}

static void on_iommu_walk(void *ctx, const struct mmu_walk_event *w)
{
    struct trace_mmu *t = ctx;
    walk_event(t, w, board_us(t), PID_DEVICES, TID_IOMMU);
}

/* ---- the accelerator's descriptors ---- */

static void on_descriptor(void *ctx, unsigned q, const struct accel_desc *d, uint64_t start, uint64_t end)
{
    struct trace_mmu *t = ctx;
    static const char *const ops[ACCEL_OP_COUNT] = {"nop", "copy", "fill", "vadd32", "crc32"};
    static const char *const sts[4] = {"pending", "ok", "bad descriptor", "fault"};
    begin(t, d->op < ACCEL_OP_COUNT ? ops[d->op] : "?", "accel", 'X', (double)start / 10.0, PID_DEVICES,
          TID_ACCEL + q);
    fprintf(t->f, ",\"dur\":%.2f,\"args\":{\"pasid\":%u,\"dst\":\"0x%" PRIx64 "\",\"src\":\"0x%" PRIx64 "\",\"len\":%" PRIu64
                  ",\"status\":\"%s\",\"cause\":%u}}",
            (double)(end - start) / 10.0, d->pasid, d->dst, d->src, d->len, sts[d->status & 3], d->cause);
}

/* ---- shootdowns ---- */

static void shootdown_begin(struct trace_mmu *t, unsigned from, const struct shootdown_req *r)
{
    struct open_sd *s = &t->sd[t->sd_next];
    t->sd_next = (t->sd_next + 1) % OPEN_SHOOTDOWNS;
    *s = (struct open_sd){.seq = ++t->seq, .from = from, .kind = r->kind, .targets = r->targets,
                          .start = r->start, .size = r->size};
    double now = hart_us(t, from);
    begin(t, "shootdown", "shootdown", 'X', now, PID_HARTS, from);
    fprintf(t->f, ",\"dur\":0.01,\"args\":{\"kind\":\"%s\",\"targets\":\"0x%" PRIx64 "\",\"start\":\"0x%" PRIx64
                  "\",\"size\":\"0x%" PRIx64 "\",\"asid\":%u}}",
            shootdown_kind_name(r->kind), r->targets, r->start, r->size, r->asid);
    for (unsigned i = 0; i < t->nharts && i < MAX_TARGETS; i++) {
        if (!((r->targets >> i) & 1))
            continue;
        s->t_start[i] = hart_us(t, i);
        s->insn_start[i] = t->harts[i].instret;
        begin(t, "shootdown", "shootdown", 's', now, PID_HARTS, from);
        fprintf(t->f, ",\"id\":%" PRIu64 "}", s->seq * MAX_TARGETS + i);
    }
}

/* Hart id fenced (fence) or took a software interrupt (!fence): the
 * shootdowns that waited for that are done on it. */
static void shootdown_event(struct trace_mmu *t, unsigned id, bool fence)
{
    if (id >= MAX_TARGETS)
        return;
    double now = hart_us(t, id);
    for (unsigned k = 0; k < OPEN_SHOOTDOWNS; k++) {
        struct open_sd *s = &t->sd[k];
        uint64_t bit = 1ULL << id;
        if (!s->seq || !(s->targets & bit) || (s->done & bit) || shootdown_done_by_fence(s->kind) != fence)
            continue;
        s->done |= bit;
        begin(t, "shootdown latency", "shootdown", 'X', s->t_start[id], PID_HARTS, id);
        fprintf(t->f, ",\"dur\":%.2f,\"args\":{\"from\":%u,\"kind\":\"%s\",\"latency_us\":%.2f,\"latency_insns\":%" PRIu64
                      "}}",
                now - s->t_start[id], s->from, shootdown_kind_name(s->kind), now - s->t_start[id],
                t->harts[id].instret - s->insn_start[id]);
        begin(t, "shootdown", "shootdown", 'f', s->t_start[id], PID_HARTS, id);
        fprintf(t->f, ",\"bp\":\"e\",\"id\":%" PRIu64 "}", s->seq * MAX_TARGETS + id);
        if (s->done == s->targets)
            s->seq = 0;
    }
}

/* ---- hart hooks (chained after the watch that was there) ---- */

static unsigned hart_index(const struct trace_mmu *t, const struct hart *h) { return (unsigned)(h - t->harts); }

static void on_trap(void *ctx, struct hart *h, uint64_t cause, uint64_t tval)
{
    struct trace_mmu *t = ctx;
    unsigned id = hart_index(t, h);
    if (t->prev[id] && t->prev[id]->trap)
        t->prev[id]->trap(t->prev[id]->ctx, h, cause, tval);
    double now = hart_us(t, id);
    if (cause >> 63) {
        unsigned irq = (unsigned)(cause & 63);
        begin(t, "interrupt", "trap", 'i', now, PID_HARTS, id);
        fprintf(t->f, ",\"s\":\"t\",\"args\":{\"cause\":%u}}", irq);
        if (irq == IRQ_SSI || irq == IRQ_MSI)
            shootdown_event(t, id, false);
        return;
    }
    if (cause == 9) { /* an ecall from S-mode: an SBI call that shoots down? */
        struct shootdown_req r;
        if (shootdown_from_sbi_call(h, id, t->nharts, &r)) {
            t->uses_sbi[id] = true;
            shootdown_begin(t, id, &r);
        }
        return;
    }
    bool page = cause == 12 || cause == 13 || cause == 15, access = cause == 1 || cause == 5 || cause == 7;
    if (page || access) {
        begin(t, page ? "page fault" : "access fault", "fault", 'i', now, PID_HARTS, id);
        fprintf(t->f, ",\"s\":\"t\",\"args\":{\"cause\":%" PRIu64 ",\"tval\":\"0x%" PRIx64 "\",\"pc\":\"0x%" PRIx64
                      "\",\"priv\":\"%c\"}}",
                cause, tval, h->pc, "USHM"[h->priv & 3]);
    }
}

static void on_fence(void *ctx, struct hart *h, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    struct trace_mmu *t = ctx;
    unsigned id = hart_index(t, h);
    if (t->prev[id] && t->prev[id]->fence)
        t->prev[id]->fence(t->prev[id]->ctx, h, has_va, va, has_asid, asid);
    begin(t, "sfence.vma", "fence", 'i', hart_us(t, id), PID_HARTS, id);
    fprintf(t->f, ",\"s\":\"t\",\"args\":{");
    if (has_va)
        fprintf(t->f, "\"va\":\"0x%" PRIx64 "\"%s", va, has_asid ? "," : "");
    if (has_asid)
        fprintf(t->f, "\"asid\":%u", asid);
    fprintf(t->f, "}}");
    shootdown_event(t, id, true);
}

/* ---- board hooks ---- */

static bool on_between_rounds(void *ctx, uint64_t *budget)
{
    struct trace_mmu *t = ctx;
    (void)budget;
    for (unsigned i = 0; i < t->nharts; i++)
        t->round_instret[i] = t->harts[i].instret;
    return true;
}

static void on_msip(void *ctx, unsigned from, unsigned to)
{
    struct trace_mmu *t = ctx;
    if (from >= t->nharts || t->uses_sbi[from] || to >= MAX_TARGETS)
        return;
    struct shootdown_req r = {.kind = SHOOTDOWN_MSIP, .targets = 1ULL << to, .size = ~0ULL};
    shootdown_begin(t, from, &r);
}

/* ---- open and close ---- */

struct trace_mmu *trace_mmu_open(const char *path, struct board *b, char *err, size_t errlen)
{
    struct trace_mmu *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->path = path;
    t->b = b;
    t->nharts = board_nharts(b);
    t->harts = board_harts(b);
    t->mmus = board_mmus(b);
    t->iommu = board_iommu(b);
    t->accel = board_accel(b);
    t->mtime = board_mtime(b);
    t->round_instret = calloc(t->nharts, sizeof *t->round_instret);
    t->uses_sbi = calloc(t->nharts, sizeof *t->uses_sbi);
    t->prev = calloc(t->nharts, sizeof *t->prev);
    struct walk_ctx *wc = calloc(t->nharts, sizeof *wc);
    t->f = fopen(path, "w");
    if (!t->f || !t->round_instret || !t->uses_sbi || !t->prev || !wc) {
        snprintf(err, errlen, "%s: %s", path, t->f ? "out of memory" : strerror(errno));
        if (t->f)
            fclose(t->f);
        free(wc);
        free(t->round_instret), free(t->uses_sbi), free(t->prev), free(t);
        return NULL;
    }
    t->walk_ctx = wc;
    setvbuf(t->f, NULL, _IOFBF, 1 << 20);
    t->first = true;
    fputc('[', t->f);
    meta(t, "process_name", PID_HARTS, 0, "harts");
    for (unsigned i = 0; i < t->nharts; i++) {
        char name[24];
        snprintf(name, sizeof name, "hart %u", i);
        meta(t, "thread_name", PID_HARTS, i, name);
        wc[i] = (struct walk_ctx){t, i};
        mmu_set_walk_hook(t->mmus[i], on_hart_walk, &wc[i]);
        t->prev[i] = t->harts[i].watch;
    }
    t->watch = (struct hart_watch){.ctx = t, .trap = on_trap, .fence = on_fence};
    for (unsigned i = 0; i < t->nharts; i++)
        t->harts[i].watch = &t->watch;
    if (t->iommu || t->accel)
        meta(t, "process_name", PID_DEVICES, 0, "devices");
    if (t->iommu) {
        meta(t, "thread_name", PID_DEVICES, TID_IOMMU, "IOMMU (IOTLB walks)");
        mmu_set_walk_hook(iommu_iotlb(t->iommu), on_iommu_walk, t);
    }
    if (t->accel) {
        for (unsigned q = 0; q < ACCEL_NQUEUES; q++) {
            char name[32];
            snprintf(name, sizeof name, "accelerator queue %u", q);
            meta(t, "thread_name", PID_DEVICES, TID_ACCEL + q, name);
        }
        accel_set_trace_hook(t->accel, on_descriptor, t);
    }
    t->bw = (struct board_watch){t, on_between_rounds, on_msip};
    return t;
}

const struct board_watch *trace_mmu_watch(struct trace_mmu *t) { return &t->bw; }

bool trace_mmu_close(struct trace_mmu *t)
{
    if (!t)
        return true;
    /* what was never completed: a slice up to now on each waiting target */
    for (unsigned k = 0; k < OPEN_SHOOTDOWNS; k++) {
        struct open_sd *s = &t->sd[k];
        for (unsigned i = 0; s->seq && i < t->nharts && i < MAX_TARGETS; i++) {
            if (!((s->targets >> i) & 1) || ((s->done >> i) & 1))
                continue;
            begin(t, "shootdown not completed", "shootdown", 'X', s->t_start[i], PID_HARTS, i);
            fprintf(t->f, ",\"dur\":%.2f,\"args\":{\"from\":%u,\"kind\":\"%s\"}}", hart_us(t, i) - s->t_start[i],
                    s->from, shootdown_kind_name(s->kind));
        }
    }
    fputs("\n]\n", t->f);
    for (unsigned i = 0; i < t->nharts; i++) {
        mmu_set_walk_hook(t->mmus[i], NULL, NULL);
        if (t->harts[i].watch == &t->watch)
            t->harts[i].watch = t->prev[i];
    }
    if (t->iommu)
        mmu_set_walk_hook(iommu_iotlb(t->iommu), NULL, NULL);
    if (t->accel)
        accel_set_trace_hook(t->accel, NULL, NULL);
    bool ok = !ferror(t->f);
    if (fclose(t->f) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "pagoda: %s: %s\n", t->path, strerror(errno));
    free(t->walk_ctx);
    free(t->round_instret);
    free(t->uses_sbi);
    free(t->prev);
    free(t);
    return ok;
}
