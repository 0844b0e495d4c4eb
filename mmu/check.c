/* The TLB coherence checker (mmu.h, "The TLB coherence checker";
 * docs/DEBUGGING.md, "--check-tlb"): a cached translation used to complete
 * an access is compared with what a fresh walk of memory gives now, and
 * every guest store to a page-table page is remembered, so that a stale
 * use can name the store that made it stale.
 *
 * What counts as stale follows the privileged spec's rules for what a
 * hart may cache ("Virtual Address Translation Process", and the
 * SFENCE.VMA section): after software changes a PTE it must fence before
 * the old translation stops being usable, so a use that memory no longer
 * supports (another page, an invalid or less permissive PTE, D cleared
 * under a store) shows a missing fence.  Using a translation that memory
 * would now give with more permission is allowed (a spurious fault is the
 * only consequence), and a cleared A bit is a hint that may stay cached:
 * Linux clears A without a fence (ptep_clear_flush_young). */
#include <stdlib.h>
#include <string.h>

#include "mmu_data.h"
#include "mmu_internal.h"

/* The last guest store to one 8-byte slot of a page-table page. */
struct writer {
    uint64_t slot;     /* pa >> 3, plus 1 (0: empty) */
    uint64_t seq;      /* the checker's count of tracked stores: which came last */
    uint64_t pc, when;
    uint32_t insn;
    unsigned agent;
};

struct mmu_checker {
    const struct phys_mem *pm;
    struct mmu_checker_ops ops;
    uint8_t *pt_pages;        /* bit per RAM page: a walk has read a PTE there */
    struct writer *w;         /* open addressing, power-of-two capacity */
    size_t cap, n;
    uint64_t seq;
    uint64_t stale;
};

struct mmu_checker *mmu_checker_create(const struct phys_mem *pm, const struct mmu_checker_ops *ops)
{
    struct mmu_checker *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->pm = pm;
    c->ops = *ops;
    c->pt_pages = calloc((pm->ram_size >> 12) / 8 + 1, 1);
    c->cap = 1024;
    c->w = calloc(c->cap, sizeof *c->w);
    if (!c->pt_pages || !c->w) {
        mmu_checker_destroy(c);
        return NULL;
    }
    return c;
}

void mmu_checker_destroy(struct mmu_checker *c)
{
    if (!c)
        return;
    free(c->pt_pages);
    free(c->w);
    free(c);
}

void mmu_checker_attach(struct mmu_checker *c, struct mmu *m, unsigned agent)
{
    m->check = c; /* NULL: no longer checked */
    m->check_agent = agent;
    /* the specialised data paths and the fast path do not check: every
     * access takes the general path (mmu_fast_context) */
    mmu_l1_changed(m, MMU_TLB_L1D);
    m->ctx.req = NULL;
    m->ctx.path = 0;
}

uint64_t mmu_checker_stale_count(const struct mmu_checker *c) { return c->stale; }
uint64_t mmu_checker_seq(const struct mmu_checker *c) { return c->seq; }

/* The RAM page index of pa, or -1 when pa is not RAM. */
static int64_t ram_page(const struct mmu_checker *c, uint64_t pa)
{
    uint64_t off = pa - c->pm->ram_base;
    return off < c->pm->ram_size ? (int64_t)(off >> 12) : -1;
}

void mmu_check_walk_read(struct mmu_checker *c, uint64_t pte_pa)
{
    int64_t p = ram_page(c, pte_pa);
    if (p >= 0)
        c->pt_pages[p >> 3] |= (uint8_t)(1u << (p & 7));
}

static struct writer *find(struct mmu_checker *c, uint64_t slot)
{
    size_t mask = c->cap - 1;
    for (size_t i = (size_t)(slot * 0x9e3779b97f4a7c15ull >> 20) & mask;; i = (i + 1) & mask)
        if (c->w[i].slot == slot || c->w[i].slot == 0)
            return &c->w[i];
}

/* Double the table (at half full), keeping every record. */
static bool grow(struct mmu_checker *c)
{
    struct writer *old = c->w;
    size_t old_cap = c->cap;
    struct writer *w = calloc(old_cap * 2, sizeof *w);
    if (!w)
        return false;
    c->w = w;
    c->cap = old_cap * 2;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].slot)
            *find(c, old[i].slot) = old[i];
    free(old);
    return true;
}

void mmu_checker_store(struct mmu_checker *c, unsigned agent, uint64_t pa, unsigned size)
{
    int64_t p = ram_page(c, pa);
    if (p < 0 || !((c->pt_pages[p >> 3] >> (p & 7)) & 1))
        return; /* not a page any walk has read: no PTE there (yet) */
    if (c->n * 2 >= c->cap && !grow(c))
        return; /* out of memory: this store goes untracked */
    for (uint64_t a = pa & ~7ull; a < pa + size; a += 8) {
        struct writer *w = find(c, (a >> 3) + 1);
        if (!w->slot)
            c->n++;
        w->slot = (a >> 3) + 1;
        w->seq = ++c->seq;
        w->agent = agent;
        c->ops.where(c->ops.ctx, agent, &w->pc, &w->insn, &w->when);
    }
}

void mmu_check_use(struct mmu *m, uint64_t va, enum mmu_access acc, const struct mmu_req *r, int which,
                   const struct tlb_entry *e, uint64_t pa)
{
    struct mmu_checker *c = m->check;
    struct mmu_stale s = {.agent = m->check_agent, .va = va, .acc = acc, .satp = r->satp, .which = which,
                          .cached_pa = pa, .cached_size = e->size, .cached_flags = e->flags};
    mmu_walk_inspect(m, r->satp, va, &s.now);
    uint64_t leaf = s.now.nrows ? s.now.rows[s.now.nrows - 1].pte : 0;
    bool stale = !s.now.ok || s.now.pa != pa || !pte_perm_ok((unsigned)leaf, acc, r) ||
                 (acc == MMU_STORE && !(leaf & PTE_D));
    if (!stale)
        return;
    c->stale++;
    /* the most recent tracked store to a PTE of the walk memory gives now */
    uint64_t best = 0;
    for (unsigned i = 0; i < s.now.nrows; i++) {
        struct writer *w = find(c, (s.now.rows[i].pte_pa >> 3) + 1);
        if (w->slot && w->seq > best) {
            best = w->seq;
            s.writer_known = true;
            s.writer_agent = w->agent;
            s.writer_pc = w->pc;
            s.writer_insn = w->insn;
            s.writer_when = w->when;
            s.writer_pte_pa = s.now.rows[i].pte_pa;
            s.writer_seq = w->seq;
        }
    }
    c->ops.stale(c->ops.ctx, &s);
}
