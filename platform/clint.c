/* CLINT: machine software interrupts (msip) and machine timer (mtime,
 * mtimecmp).  Layout of the SiFive CLINT, which the RISC-V ACLINT spec keeps
 * for its MSWI device (offset 0) and MTIMER device (offset 0x4000, mtime at
 * 0x7FF8 of the MTIMER = 0xBFF8 of the CLINT). */
#include "clint.h"

#include <stdlib.h>

struct clint {
    unsigned nharts;
    uint64_t *mtime;
    hart_irq_fn irq;
    void *irq_ctx;
    uint64_t mtimecmp[CLINT_MAX_HARTS];
    bool msip[CLINT_MAX_HARTS];
    bool mtip[CLINT_MAX_HARTS]; /* last level sent for MTI */
};

enum { IRQ_MSI = 3, IRQ_MTI = 7 };

struct clint *clint_create(unsigned nharts, uint64_t *mtime, hart_irq_fn irq, void *irq_ctx)
{
    if (nharts == 0 || nharts > CLINT_MAX_HARTS || !mtime)
        return NULL;
    struct clint *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->nharts = nharts;
    c->mtime = mtime;
    c->irq = irq;
    c->irq_ctx = irq_ctx;
    for (unsigned h = 0; h < CLINT_MAX_HARTS; h++)
        c->mtimecmp[h] = UINT64_MAX;
    return c;
}

void clint_destroy(struct clint *c)
{
    free(c);
}

static void set_msip(struct clint *c, unsigned h, bool v)
{
    /* Always forward a write: an IPI must reach the hart even when the line
     * was already in the requested state from the CLINT's point of view. */
    c->msip[h] = v;
    if (c->irq)
        c->irq(c->irq_ctx, h, IRQ_MSI, v);
}

void clint_update(struct clint *c)
{
    uint64_t now = *c->mtime;
    for (unsigned h = 0; h < c->nharts; h++) {
        bool p = now >= c->mtimecmp[h];
        if (p != c->mtip[h]) {
            c->mtip[h] = p;
            if (c->irq)
                c->irq(c->irq_ctx, h, IRQ_MTI, p);
        }
    }
}

void clint_reset(struct clint *c)
{
    for (unsigned h = 0; h < c->nharts; h++) {
        c->mtimecmp[h] = UINT64_MAX;
        if (c->msip[h])
            set_msip(c, h, false);
    }
    clint_update(c);
}

uint64_t clint_next_deadline(const struct clint *c)
{
    uint64_t now = *c->mtime, best = UINT64_MAX;
    for (unsigned h = 0; h < c->nharts; h++)
        if (c->mtimecmp[h] > now && c->mtimecmp[h] < best)
            best = c->mtimecmp[h];
    return best;
}

uint64_t clint_get_mtimecmp(const struct clint *c, unsigned hart)
{
    return hart < c->nharts ? c->mtimecmp[hart] : UINT64_MAX;
}

bool clint_get_msip(const struct clint *c, unsigned hart)
{
    return hart < c->nharts && c->msip[hart];
}

/* One aligned 32-bit word.  Offsets with no register read as zero and ignore
 * writes (as QEMU does for harts that do not exist). */
static uint32_t read32(struct clint *c, uint64_t off)
{
    if (off < CLINT_MTIMECMP_OFF) {
        uint64_t h = off / 4;
        return h < c->nharts ? c->msip[h] : 0;
    }
    if (off >= CLINT_MTIME_OFF)
        return (uint32_t)(*c->mtime >> (off & 4 ? 32 : 0));
    uint64_t h = (off - CLINT_MTIMECMP_OFF) / 8;
    if (h >= c->nharts)
        return 0;
    return (uint32_t)(c->mtimecmp[h] >> (off & 4 ? 32 : 0));
}

static void write32(struct clint *c, uint64_t off, uint32_t v)
{
    unsigned sh = off & 4 ? 32 : 0;
    uint64_t mask = (uint64_t)0xffffffffu << sh;
    if (off < CLINT_MTIMECMP_OFF) {
        uint64_t h = off / 4;
        if (h < c->nharts)
            set_msip(c, (unsigned)h, v & 1);
    } else if (off >= CLINT_MTIME_OFF) {
        *c->mtime = (*c->mtime & ~mask) | ((uint64_t)v << sh);
    } else {
        uint64_t h = (off - CLINT_MTIMECMP_OFF) / 8;
        if (h < c->nharts)
            c->mtimecmp[h] = (c->mtimecmp[h] & ~mask) | ((uint64_t)v << sh);
    }
}

static bool clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct clint *c = opaque;
    if ((size != 4 && size != 8) || (off & (size - 1)) || off + size > CLINT_SIZE)
        return false;
    uint64_t v = read32(c, off);
    if (size == 8)
        v |= (uint64_t)read32(c, off + 4) << 32;
    *val = v;
    return true;
}

static bool clint_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct clint *c = opaque;
    if ((size != 4 && size != 8) || (off & (size - 1)) || off + size > CLINT_SIZE)
        return false;
    write32(c, off, (uint32_t)val);
    if (size == 8)
        write32(c, off + 4, (uint32_t)(val >> 32));
    /* Both halves first, then the comparison: an 8-byte write of mtimecmp
     * never shows a transient half-written value to the hart. */
    if (off >= CLINT_MTIMECMP_OFF)
        clint_update(c);
    return true;
}

struct mmio_dev clint_mmio(struct clint *c, uint64_t base)
{
    struct mmio_dev d = { "clint", base, CLINT_SIZE, c, clint_read, clint_write };
    return d;
}
