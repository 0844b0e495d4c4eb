/* --check-tlb: the coherence checker's report (check_tlb.h). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check_tlb.h"
#include "decode.h"
#include "iommu.h"
#include "shootdown.h"

#define SUSPECTS 16 /* per hart: stale uses waiting for the writer's shootdown */

/* A stale use on one hart of a PTE another hart changed, before any
 * shootdown toward it was asked for: allowed if the writer asks for one
 * before this hart fences on its own (the window between a PTE write and
 * its shootdown), a missing fence otherwise. */
struct suspect {
    bool used;
    struct mmu_stale s;
    uint64_t pc, instret;
    uint32_t insn;
    uint8_t priv;
};

/* Per hart: the latest shootdown asked for toward it that it has not
 * completed yet (checker seq when asked, 0: none), and its suspects. */
struct hart_state {
    uint64_t pending_seq;
    struct suspect sus[SUSPECTS];
};

struct check_tlb {
    struct board *b;
    enum check_tlb_mode mode;
    struct mmu_checker *checker;
    unsigned nharts;
    struct hart *harts;
    struct hart_state *hs;
    const struct hart_step_hook **prev; /* per hart: the step hook that was there (the commit log), called too */
    const struct hart_watch **prev_watch; /* per hart: the watch that was there (view, trace), called too */
    bool *uses_sbi;                 /* per hart: made an SBI shootdown call (its msip writes are the firmware's) */
    struct hart_step_hook hook;
    struct hart_watch watch;
    struct board_watch bw;
    uint64_t reported, allowed;     /* stale uses reported as missing fences; in a shootdown's window */
};

/* ---- what the checker asks of the board ---- */

static void where(void *ctx, unsigned agent, uint64_t *pc, uint32_t *insn, uint64_t *when)
{
    struct check_tlb *c = ctx;
    if (agent >= c->nharts) { /* the IOMMU, for its device */
        *pc = ~0ull, *insn = 0, *when = 0;
        return;
    }
    const struct hart *h = &c->harts[agent];
    *pc = h->pc; /* exact: the harts run one instruction at a time */
    *insn = h->cur ? h->cur->raw : 0;
    *when = h->instret;
}

static const char *access_name(enum mmu_access acc)
{
    return acc == MMU_FETCH ? "instruction fetch" : acc == MMU_LOAD ? "load" : "store";
}

static const char *which_name(int which)
{
    static const char *const names[] = {"L1 instruction TLB", "L1 data TLB", "L2 TLB", "page-walk cache"};
    return which >= 0 && which < 4 ? names[which] : "?";
}

/* "V R W - U - A D": the PTE bits 7:0 that are set. */
static void flag_letters(uint64_t pte, char out[16])
{
    static const char letters[] = "VRWXUGAD";
    for (int i = 0; i < 8; i++) {
        out[2 * i] = (pte >> i) & 1 ? letters[i] : '-';
        out[2 * i + 1] = i < 7 ? ' ' : 0;
    }
}

static void agent_name(const struct check_tlb *c, unsigned agent, char *buf, size_t n)
{
    if (agent < c->nharts)
        snprintf(buf, n, "hart %u", agent);
    else
        snprintf(buf, n, "the IOMMU (for a device)");
}

/* One instruction as "pc 0x... (priv S): sd a5, 0(a0)". */
static void instruction(uint64_t pc, uint32_t raw, char *buf, size_t n)
{
    char dis[96];
    insn_disasm(raw, pc, dis, sizeof dis);
    snprintf(buf, n, "pc 0x%016" PRIx64 ": %s", pc, dis);
}

/* The full report of one stale use (docs/DEBUGGING.md shows one): u is
 * the using instruction as it was then. */
static void report(struct check_tlb *c, const struct suspect *u)
{
    FILE *f = stderr;
    const struct mmu_stale *s = &u->s;
    char who[40], line[160], flags[16];
    agent_name(c, s->agent, who, sizeof who);
    if (c->mode != CHECK_TLB_WARN && c->reported > 1)
        return; /* only the first in full */
    fprintf(f, "pagoda: --check-tlb: %s used a stale translation\n", who);
    if (s->agent < c->nharts) {
        instruction(u->pc, u->insn, line, sizeof line);
        fprintf(f, "  instruction: %s  (privilege %c, instruction %" PRIu64 " of this hart)\n", line,
                "USHM"[u->priv & 3], u->instret);
    }
    unsigned mode = (unsigned)(s->satp >> 60);
    fprintf(f, "  access:      %s of VA 0x%" PRIx64 " under %s 0x%016" PRIx64 " (%s, ASID/PSCID tag %u)\n",
            access_name(s->acc), s->va, s->agent < c->nharts ? "satp" : "iosatp", s->satp,
            mode == 8 ? "Sv39" : mode == 9 ? "Sv48" : mode == 10 ? "Sv57" : "?", (unsigned)((s->satp >> 44) & 0xffff));
    flag_letters(s->cached_flags, flags);
    if (s->which == MMU_TLB_PWC)
        fprintf(f, "  cached:      the walk started from a %s entry and reached PA 0x%" PRIx64 "\n",
                which_name(s->which), s->cached_pa);
    else
        fprintf(f, "  cached:      %s entry: PA 0x%" PRIx64 ", %s page, PTE bits %s\n", which_name(s->which),
                s->cached_pa, mmu_page_size_name(s->cached_size), flags);
    fprintf(f, "  memory now:\n");
    for (unsigned i = 0; i < s->now.nrows; i++) {
        const struct mmu_walk_row *r = &s->now.rows[i];
        flag_letters(r->pte, flags);
        bool leaf = (r->pte & 0xa) != 0;
        fprintf(f, "    level %u PTE at PA 0x%" PRIx64 " = 0x%016" PRIx64 "  %s%s\n", r->level, r->pte_pa, r->pte,
                flags, !(r->pte & 1) ? "" : leaf ? "  (leaf)" : "  (points to the next table)");
    }
    if (s->now.ok)
        fprintf(f, "    -> PA 0x%" PRIx64 " (%s page)%s\n", s->now.pa, mmu_page_size_name(s->now.size),
                s->now.pa != s->cached_pa ? ": another page than the cached one"
                                          : ": the same page, but it no longer allows this access");
    else
        fprintf(f, "    -> a fresh walk faults: %s\n", s->now.fault ? s->now.fault : "?");
    if (s->writer_known) {
        char wname[40];
        agent_name(c, s->writer_agent, wname, sizeof wname);
        if (s->writer_pc != ~0ull) {
            instruction(s->writer_pc, s->writer_insn, line, sizeof line);
            fprintf(f, "  changed by:  %s, %s  (its instruction %" PRIu64 "), writing the PTE at PA 0x%" PRIx64 "\n",
                    wname, line, s->writer_when, s->writer_pte_pa);
        } else {
            fprintf(f, "  changed by:  %s, writing the PTE at PA 0x%" PRIx64 "\n", wname, s->writer_pte_pa);
        }
        if (s->agent < c->nharts)
            fprintf(f, "  and %s has not run an sfence.vma covering VA 0x%" PRIx64 " since: the fence after that\n"
                       "  write is missing (sfence.vma on the hart that changed it, and a remote fence, such as\n"
                       "  SBI RFENCE or an IPI whose handler fences, for every other hart that may cache it).\n",
                    who, s->va);
        else
            fprintf(f, "  and no IOTINVAL.VMA covering IOVA 0x%" PRIx64 " has reached the IOMMU since: the\n"
                       "  invalidation after that write is missing (IOTINVAL.VMA with the process's PSCID and\n"
                       "  the address, then IOFENCE.C, before the frame is used again).\n",
                    s->va);
    } else {
        fprintf(f, "  changed by:  not seen (the PTE was written before any walk read its page, by M-mode or by a device)\n"
                   "  a fence after changing this PTE is missing on %s.\n", who);
    }
}

/* A stale use that is a missing fence: count, report, stop if asked. */
static void missing_fence(struct check_tlb *c, const struct suspect *u)
{
    c->reported++;
    report(c, u);
    if (c->mode == CHECK_TLB_STOP)
        board_request_exit(c->b, CHECK_TLB_EXIT);
}

/* Does a fence or shootdown of [start, start+size) (size 0 or ~0: all)
 * cover va? */
static bool covers(uint64_t start, uint64_t size, uint64_t va)
{
    return size == 0 || size == ~0ull || (va >= start && va - start < size);
}

static void stale(void *ctx, const struct mmu_stale *s)
{
    struct check_tlb *c = ctx;
    struct suspect u = {.used = true, .s = *s};
    if (s->agent < c->nharts) {
        const struct hart *h = &c->harts[s->agent];
        u.pc = h->pc, u.insn = h->cur ? h->cur->raw : 0, u.instret = h->instret, u.priv = h->priv;
    }
    /* the hart that changed the PTE (or a device, or nobody seen) used the
     * old translation itself: it had not fenced */
    if (s->agent >= c->nharts || !s->writer_known || s->writer_agent == s->agent) {
        missing_fence(c, &u);
        return;
    }
    struct hart_state *hs = &c->hs[s->agent];
    /* another hart changed it and has asked this one to fence since: the
     * shootdown's window, which the protocol allows */
    if (hs->pending_seq > s->writer_seq) {
        c->allowed++;
        return;
    }
    /* it may still ask: wait for that, or for this hart's own fence */
    for (unsigned k = 0; k < SUSPECTS; k++) {
        struct suspect *p = &hs->sus[k];
        if (p->used && (p->s.va >> 12) == (s->va >> 12) && p->s.writer_seq == s->writer_seq)
            return; /* the same one again */
    }
    for (unsigned k = 0; k < SUSPECTS; k++)
        if (!hs->sus[k].used) {
            hs->sus[k] = u;
            return;
        }
    missing_fence(c, &u); /* too many waiting: judge this one now */
}

/* A shootdown toward hart t over [start, start+size) was asked for: its
 * suspects there were in the window before it. */
static void shootdown_asked(struct check_tlb *c, unsigned t, uint64_t start, uint64_t size)
{
    struct hart_state *hs = &c->hs[t];
    hs->pending_seq = mmu_checker_seq(c->checker) + 1;
    for (unsigned k = 0; k < SUSPECTS; k++)
        if (hs->sus[k].used && covers(start, size, hs->sus[k].s.va)) {
            hs->sus[k].used = false;
            c->allowed++;
        }
}

/* Hart t fenced va (or everything) without the writer having asked it
 * to: the suspects it covers were missing fences. */
static void own_fence(struct check_tlb *c, unsigned t, bool has_va, uint64_t va)
{
    struct hart_state *hs = &c->hs[t];
    hs->pending_seq = 0;
    for (unsigned k = 0; k < SUSPECTS; k++)
        if (hs->sus[k].used && (!has_va || (hs->sus[k].s.va >> 12) == (va >> 12))) {
            hs->sus[k].used = false;
            missing_fence(c, &hs->sus[k]);
        }
}

/* ---- shootdowns and fences (hart and board hooks) ---- */

static void on_trap(void *ctx, struct hart *h, uint64_t cause, uint64_t tval)
{
    struct check_tlb *c = ctx;
    unsigned id = (unsigned)(h - c->harts);
    if (c->prev_watch[id] && c->prev_watch[id]->trap)
        c->prev_watch[id]->trap(c->prev_watch[id]->ctx, h, cause, tval);
    struct shootdown_req r;
    if (cause == 9 && shootdown_from_sbi_call(h, id, c->nharts, &r)) {
        c->uses_sbi[id] = true;
        for (unsigned t = 0; t < c->nharts && t < 64; t++)
            if ((r.targets >> t) & 1)
                shootdown_asked(c, t, r.start, r.size);
    }
}

static void on_fence(void *ctx, struct hart *h, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    struct check_tlb *c = ctx;
    unsigned id = (unsigned)(h - c->harts);
    if (c->prev_watch[id] && c->prev_watch[id]->fence)
        c->prev_watch[id]->fence(c->prev_watch[id]->ctx, h, has_va, va, has_asid, asid);
    own_fence(c, id, has_va, va);
}

static bool on_between_rounds(void *ctx, uint64_t *budget)
{
    (void)ctx, (void)budget;
    return true;
}

/* an msip write by a guest without SBI: a shootdown of everything */
static void on_msip(void *ctx, unsigned from, unsigned to)
{
    struct check_tlb *c = ctx;
    if (from < c->nharts && !c->uses_sbi[from] && to < c->nharts)
        shootdown_asked(c, to, 0, ~0ull);
}

/* ---- per instruction: fetch through the MMU every time ---- */

static void before(void *ctx, struct hart *h, const struct insn *d)
{
    struct check_tlb *c = ctx;
    unsigned id = (unsigned)(h - c->harts);
    if (c->prev[id] && c->prev[id]->before)
        c->prev[id]->before(c->prev[id]->ctx, h, d);
}

static void after(void *ctx, struct hart *h, const struct insn *d, bool retired)
{
    struct check_tlb *c = ctx;
    unsigned id = (unsigned)(h - c->harts);
    if (c->prev[id] && c->prev[id]->after)
        c->prev[id]->after(c->prev[id]->ctx, h, d, retired);
    /* the next instruction's fetch is translated (and checked) again,
     * rather than served from the hart's fetch-page cache */
    hart_flush_fetch(h);
}

struct check_tlb *check_tlb_start(struct board *b, enum check_tlb_mode mode, char *err, size_t errlen)
{
    struct check_tlb *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->b = b;
    c->mode = mode;
    c->nharts = board_nharts(b);
    c->harts = board_harts(b);
    c->prev = calloc(c->nharts, sizeof *c->prev);
    c->prev_watch = calloc(c->nharts, sizeof *c->prev_watch);
    c->hs = calloc(c->nharts, sizeof *c->hs);
    c->uses_sbi = calloc(c->nharts, sizeof *c->uses_sbi);
    struct mmu_checker_ops ops = {.ctx = c, .where = where, .stale = stale};
    c->checker = mmu_checker_create(board_phys(b), &ops);
    if (!c->prev || !c->prev_watch || !c->hs || !c->uses_sbi || !c->checker) {
        snprintf(err, errlen, "out of memory");
        check_tlb_finish(c);
        return NULL;
    }
    c->hook = (struct hart_step_hook){.ctx = c, .before = before, .after = after};
    c->watch = (struct hart_watch){.ctx = c, .trap = on_trap, .fence = on_fence};
    for (unsigned i = 0; i < c->nharts; i++) {
        mmu_checker_attach(c->checker, board_mmus(b)[i], i);
        c->prev[i] = c->harts[i].step_hook;
        c->harts[i].step_hook = &c->hook;
        c->prev_watch[i] = c->harts[i].watch;
        c->harts[i].watch = &c->watch;
        hart_flush_fetch(&c->harts[i]);
    }
    c->bw = (struct board_watch){c, on_between_rounds, on_msip};
    board_set_watch(b, &c->bw);
    if (board_iommu(b))
        mmu_checker_attach(c->checker, iommu_iotlb(board_iommu(b)), c->nharts);
    return c;
}

void check_tlb_finish(struct check_tlb *c)
{
    if (!c)
        return;
    /* what still waits for a shootdown that never came */
    for (unsigned i = 0; c->hs && i < c->nharts; i++)
        for (unsigned k = 0; k < SUSPECTS; k++)
            if (c->hs[i].sus[k].used && c->mode != CHECK_TLB_STOP) {
                c->hs[i].sus[k].used = false;
                missing_fence(c, &c->hs[i].sus[k]);
            }
    if (c->checker && (c->reported > 1 || c->allowed))
        fprintf(stderr, "pagoda: --check-tlb: %" PRIu64 " stale uses from missing fences%s; %" PRIu64
                        " in the window between a PTE change and its shootdown (allowed)\n",
                c->reported, c->reported > 1 && c->mode == CHECK_TLB_FIRST ? " (the first is shown; --check-tlb=warn shows each)" : "",
                c->allowed);
    for (unsigned i = 0; c->checker && i < c->nharts; i++) /* the MMUs stop pointing at it */
        mmu_checker_attach(NULL, board_mmus(c->b)[i], i);
    if (c->checker && board_iommu(c->b))
        mmu_checker_attach(NULL, iommu_iotlb(board_iommu(c->b)), c->nharts);
    for (unsigned i = 0; c->prev && c->prev_watch && i < c->nharts; i++) {
        if (c->harts[i].step_hook == &c->hook)
            c->harts[i].step_hook = c->prev[i];
        if (c->harts[i].watch == &c->watch)
            c->harts[i].watch = c->prev_watch[i];
    }
    mmu_checker_destroy(c->checker);
    free(c->prev);
    free(c->prev_watch);
    free(c->hs);
    free(c->uses_sbi);
    free(c);
}
