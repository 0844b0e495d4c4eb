/* PLIC, following the RISC-V PLIC specification 1.0.0 and QEMU's sifive_plic
 * for the virt memory map.  Every change of state re-evaluates all context
 * outputs; a hart line is called only when its level changes.
 *
 * The gateways behave as QEMU's (docs/DEVICES.md, "PLIC"): each call of
 * plic_set_irq is a request from the device, pending follows it (set when
 * the device signals its condition, cleared when it withdraws it), a claim
 * clears pending, and a completion only ends the claim.  A source that
 * stays high without signalling again is not pended anew by its
 * completion; devices signal again whenever the guest touches a register
 * that re-evaluates their interrupt (as QEMU's serial and virtio-mmio do).
 * Kernels written against QEMU rely on it: xv6's UART handler never reads
 * IIR, and a spec gateway would re-pend its THRE interrupt forever. */
#include "plic.h"

#include <stdlib.h>

#define WORDS ((PLIC_NUM_SOURCES + 31) / 32)

struct plic {
    unsigned nharts, nctx;
    hart_irq_fn irq;
    void *irq_ctx;
    uint32_t priority[PLIC_NUM_SOURCES];
    uint32_t pending[WORDS];
    uint32_t claimed[WORDS];  /* claimed, not yet completed ("in flight") */
    uint32_t enable[2 * PLIC_MAX_HARTS][WORDS];
    uint32_t threshold[2 * PLIC_MAX_HARTS];
    bool out[2 * PLIC_MAX_HARTS];
};

static bool bit(const uint32_t *w, unsigned i) { return (w[i / 32] >> (i % 32)) & 1; }
static void setbit(uint32_t *w, unsigned i, bool v)
{
    if (v) w[i / 32] |= 1u << (i % 32);
    else w[i / 32] &= ~(1u << (i % 32));
}

struct plic *plic_create(unsigned nharts, hart_irq_fn irq, void *irq_ctx)
{
    if (nharts == 0 || nharts > PLIC_MAX_HARTS)
        return NULL;
    struct plic *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->nharts = nharts;
    p->nctx = 2 * nharts;
    p->irq = irq;
    p->irq_ctx = irq_ctx;
    return p;
}

void plic_destroy(struct plic *p)
{
    free(p);
}

/* Best candidate for context ctx: highest priority, lowest id on ties;
 * its priority must exceed the context's threshold (spec: "interrupts with
 * priority less than or equal to the threshold are masked"). Priority 0
 * never interrupts. */
static unsigned best_source(const struct plic *p, unsigned ctx)
{
    unsigned best = 0;
    uint32_t best_prio = p->threshold[ctx];
    for (unsigned w = 0; w < WORDS; w++) {
        uint32_t cand = p->pending[w] & ~p->claimed[w] & p->enable[ctx][w];
        while (cand) {
            unsigned s = w * 32 + (unsigned)__builtin_ctz(cand);
            cand &= cand - 1;
            if (p->priority[s] > best_prio) { /* strict: earlier id wins ties */
                best_prio = p->priority[s];
                best = s;
            }
        }
    }
    return best;
}

static void update(struct plic *p)
{
    for (unsigned ctx = 0; ctx < p->nctx; ctx++) {
        bool lvl = best_source(p, ctx) != 0;
        if (lvl != p->out[ctx]) {
            p->out[ctx] = lvl;
            if (p->irq)
                p->irq(p->irq_ctx, ctx / 2, (ctx & 1) ? 9 : 11, lvl);
        }
    }
}

bool plic_output(const struct plic *p, unsigned ctx)
{
    return ctx < p->nctx && p->out[ctx];
}

void plic_set_irq(void *opaque, unsigned src, bool level)
{
    struct plic *p = opaque;
    if (src == 0 || src >= PLIC_NUM_SOURCES)
        return;
    /* a request while the source is in flight stays pending and is
     * delivered after its completion; a withdrawn one is gone */
    setbit(p->pending, src, level);
    update(p);
}

uint32_t plic_claim(struct plic *p, unsigned ctx)
{
    if (ctx >= p->nctx)
        return 0;
    unsigned s = best_source(p, ctx);
    if (s) {
        setbit(p->pending, s, false);
        setbit(p->claimed, s, true);
        update(p);
    }
    return s;
}

void plic_complete(struct plic *p, unsigned ctx, uint32_t src)
{
    if (ctx >= p->nctx || src == 0 || src >= PLIC_NUM_SOURCES)
        return;
    if (!bit(p->enable[ctx], src))
        return; /* spec: completion for a source not enabled is ignored */
    if (!bit(p->claimed, src))
        return;
    setbit(p->claimed, src, false);
    update(p);
}

static bool plic_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct plic *p = opaque;
    if (size != 4 || (off & 3) || off >= PLIC_SIZE)
        return false;
    *val = 0;
    if (off < PLIC_PENDING_OFF) {
        uint64_t s = off / 4;
        if (s < PLIC_NUM_SOURCES)
            *val = p->priority[s];
    } else if (off < PLIC_ENABLE_OFF) {
        uint64_t w = (off - PLIC_PENDING_OFF) / 4;
        if (w < WORDS)
            *val = p->pending[w];
    } else if (off < PLIC_CONTEXT_OFF) {
        uint64_t ctx = (off - PLIC_ENABLE_OFF) / PLIC_ENABLE_STRIDE;
        uint64_t w = ((off - PLIC_ENABLE_OFF) % PLIC_ENABLE_STRIDE) / 4;
        if (ctx < p->nctx && w < WORDS)
            *val = p->enable[ctx][w];
    } else {
        uint64_t ctx = (off - PLIC_CONTEXT_OFF) / PLIC_CONTEXT_STRIDE;
        uint64_t r = (off - PLIC_CONTEXT_OFF) % PLIC_CONTEXT_STRIDE;
        if (ctx < p->nctx) {
            if (r == 0)
                *val = p->threshold[ctx];
            else if (r == 4)
                *val = plic_claim(p, (unsigned)ctx);
        }
    }
    return true;
}

static bool plic_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct plic *p = opaque;
    uint32_t v = (uint32_t)val;
    if (size != 4 || (off & 3) || off >= PLIC_SIZE)
        return false;
    if (off < PLIC_PENDING_OFF) {
        uint64_t s = off / 4;
        if (s > 0 && s < PLIC_NUM_SOURCES) /* source 0 does not exist */
            p->priority[s] = v & PLIC_MAX_PRIORITY; /* WARL: 3 bits */
    } else if (off < PLIC_ENABLE_OFF) {
        /* pending bits are read-only here */
    } else if (off < PLIC_CONTEXT_OFF) {
        uint64_t ctx = (off - PLIC_ENABLE_OFF) / PLIC_ENABLE_STRIDE;
        uint64_t w = ((off - PLIC_ENABLE_OFF) % PLIC_ENABLE_STRIDE) / 4;
        if (ctx < p->nctx && w < WORDS)
            p->enable[ctx][w] = w == 0 ? v & ~1u : v; /* source 0 hardwired 0 */
    } else {
        uint64_t ctx = (off - PLIC_CONTEXT_OFF) / PLIC_CONTEXT_STRIDE;
        uint64_t r = (off - PLIC_CONTEXT_OFF) % PLIC_CONTEXT_STRIDE;
        if (ctx < p->nctx) {
            if (r == 0)
                p->threshold[ctx] = v & PLIC_MAX_PRIORITY;
            else if (r == 4)
                plic_complete(p, (unsigned)ctx, v);
        }
    }
    update(p);
    return true;
}

struct mmio_dev plic_mmio(struct plic *p, uint64_t base)
{
    struct mmio_dev d = { "plic", base, PLIC_SIZE, p, plic_read, plic_write };
    return d;
}
