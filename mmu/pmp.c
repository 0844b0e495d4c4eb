/* Physical memory protection: privileged spec, section "Physical Memory
 * Protection" (PMP).  Sixteen entries by default, up to 64; each has a config
 * byte (L, A, X, W, R) and an address register holding bits 55:2 of a
 * physical address.  Granularity is 4 bytes (G = 0).
 *
 * After every CSR write the entries are decoded into byte ranges [lo, hi) so
 * that a check is a short scan over the entries that are not OFF. */
#include "pmp.h"

#include <string.h>

#define PMPADDR_MASK ((1ULL << 54) - 1) /* RV64: pmpaddr holds bits 55:2 */

/* Rebuild the decoded ranges and the M-mode fast-path flag. */
static void pmp_decode(struct pmp *p)
{
    p->nactive = 0;
    p->m_all_allowed = true;
    for (int i = 0; i < p->n; i++) {
        uint8_t c = p->cfg[i];
        uint64_t lo, hi;
        switch (c & PMP_A) {
        case PMP_A_TOR:
            /* "If PMP entry 0's A field is set to TOR, zero is used for the
             * lower bound"; if pmpaddr[i-1] >= pmpaddr[i] the entry matches
             * no address. */
            lo = i == 0 ? 0 : p->addr[i - 1] << 2;
            hi = p->addr[i] << 2;
            break;
        case PMP_A_NA4:
            lo = p->addr[i] << 2;
            hi = lo + 4;
            break;
        case PMP_A_NAPOT: {
            /* yyyy...y0111 (t trailing ones) covers 2^(t+3) bytes at yyy..y000<<2 */
            int t = __builtin_ctzll(~p->addr[i]);
            lo = (p->addr[i] & ~((1ULL << t) - 1)) << 2;
            hi = lo + (1ULL << (t + 3));
            break;
        }
        default:
            continue; /* OFF */
        }
        if (lo >= hi)
            continue;
        p->active[p->nactive] = (uint8_t)i;
        p->lo[i] = lo;
        p->hi[i] = hi;
        p->nactive++;
        if ((c & PMP_L) || ((lo | hi) & 7))
            p->m_all_allowed = false;
    }
    /* xv6 and firmware give S-mode everything with one entry 0 (TOR up to
     * pmpaddr = 2^54 - 1, or NAPOT all ones) */
    p->su_all_allowed = p->n == 0;
    if (p->nactive > 0) {
        int i = p->active[0];
        p->su_all_allowed = p->lo[i] == 0 && p->hi[i] >= (1ull << 56) - 8 &&
                            (p->cfg[i] & (PMP_R | PMP_W | PMP_X)) == (PMP_R | PMP_W | PMP_X);
    }
    p->gen++;
}

void pmp_init(struct pmp *p, int n)
{
    memset(p, 0, sizeof *p);
    if (n < 0)
        n = 0;
    if (n > PMP_MAX)
        n = PMP_MAX;
    p->n = n;
    pmp_decode(p);
}

uint64_t pmp_read_cfg(const struct pmp *p, int k)
{
    uint64_t v = 0;
    if (k < 0 || (k & 1) || k * 4 >= PMP_MAX)
        return 0; /* RV64: only even pmpcfg registers exist */
    for (int b = 0; b < 8; b++) {
        int i = k * 4 + b;
        if (i < p->n)
            v |= (uint64_t)p->cfg[i] << (8 * b);
    }
    return v;
}

void pmp_write_cfg(struct pmp *p, int k, uint64_t val)
{
    if (k < 0 || (k & 1) || k * 4 >= PMP_MAX)
        return;
    for (int b = 0; b < 8; b++) {
        int i = k * 4 + b;
        if (i >= p->n)
            break;
        /* "If PMP entry i is locked, writes to pmpicfg and pmpaddri are ignored." */
        if (p->cfg[i] & PMP_L)
            continue;
        uint8_t c = (uint8_t)(val >> (8 * b)) & 0x9f; /* bits 6:5 are reserved, read zero */
        /* "The R, W, and X fields form a collectively WARL field for which
         * the combinations with R=0 and W=1 are reserved": such a write
         * leaves the entry's previous (legal) value in place. */
        if ((c & PMP_W) && !(c & PMP_R))
            continue;
        p->cfg[i] = c;
    }
    pmp_decode(p);
}

uint64_t pmp_read_addr(const struct pmp *p, int i)
{
    if (i < 0 || i >= p->n)
        return 0;
    return p->addr[i];
}

void pmp_write_addr(struct pmp *p, int i, uint64_t val)
{
    if (i < 0 || i >= p->n)
        return;
    if (p->cfg[i] & PMP_L)
        return;
    /* "if PMP entry i is locked and pmpicfg.A is set to TOR, writes to
     * pmpaddri-1 are ignored." */
    if (i + 1 < p->n && (p->cfg[i + 1] & PMP_L) && (p->cfg[i + 1] & PMP_A) == PMP_A_TOR)
        return;
    p->addr[i] = val & PMPADDR_MASK;
    pmp_decode(p);
}

/* The permissions an entry's config byte grants, as a mask of (1 << access). */
static unsigned cfg_mask(uint8_t c, int priv)
{
    /* An entry without L does not restrict M-mode ("If the L bit is clear
     * and the privilege mode of the access is M, the access succeeds"). */
    if (priv == 3 && !(c & PMP_L))
        return 7;
    return ((c & PMP_X) ? 1u : 0u) | ((c & PMP_R) ? 2u : 0u) | ((c & PMP_W) ? 4u : 0u);
}

/* "If no PMP entry matches an M-mode access, the access succeeds. If no PMP
 * entry matches an S-mode or U-mode access, but at least one PMP entry is
 * implemented, the access fails." */
static unsigned nomatch_mask(const struct pmp *p, int priv)
{
    return (priv == 3 || p->n == 0) ? 7u : 0u;
}

/* True when M-mode may skip the check: no locked entry, and an access inside
 * one aligned 8-byte word cannot partially match an 8-byte-aligned range. */
static bool m_fast(const struct pmp *p, uint64_t pa, unsigned size, int priv)
{
    return priv == 3 && p->m_all_allowed && (pa & 7) + size <= 8;
}

bool pmp_check(const struct pmp *p, uint64_t pa, unsigned size, int access, int priv)
{
    if (m_fast(p, pa, size, priv))
        return true;
    uint64_t end = pa + size;
    if (end < pa)
        end = UINT64_MAX;
    /* "PMP entries are statically prioritized. The lowest-numbered PMP entry
     * that matches any byte of an access determines whether that access
     * succeeds or fails. The matching PMP entry must match all bytes of an
     * access, or the access fails, irrespective of the L, R, W, and X bits." */
    for (int k = 0; k < p->nactive; k++) {
        int i = p->active[k];
        if (end <= p->lo[i] || pa >= p->hi[i])
            continue;
        if (pa < p->lo[i] || end > p->hi[i])
            return false;
        return (cfg_mask(p->cfg[i], priv) >> access) & 1;
    }
    return (nomatch_mask(p, priv) >> access) & 1;
}

unsigned pmp_lookup(const struct pmp *p, uint64_t pa, unsigned size, int priv,
                    uint64_t *lo, uint64_t *hi)
{
    uint64_t rlo = 0, rhi = UINT64_MAX;
    uint64_t end = pa + size;
    if (end < pa)
        end = UINT64_MAX;
    for (int k = 0; k < p->nactive; k++) {
        int i = p->active[k];
        if (end <= p->lo[i] || pa >= p->hi[i]) {
            /* Not touched: the safe range must stay clear of this entry. */
            if (p->hi[i] <= pa) {
                if (p->hi[i] > rlo) rlo = p->hi[i];
            } else if (p->lo[i] < rhi) {
                rhi = p->lo[i];
            }
            continue;
        }
        if (pa < p->lo[i] || end > p->hi[i]) {
            *lo = *hi = 0;
            return 0;
        }
        *lo = p->lo[i] > rlo ? p->lo[i] : rlo;
        *hi = p->hi[i] < rhi ? p->hi[i] : rhi;
        return cfg_mask(p->cfg[i], priv);
    }
    *lo = rlo;
    *hi = rhi;
    return nomatch_mask(p, priv);
}
