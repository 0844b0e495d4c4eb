/* Physical memory protection (privileged spec, "Physical Memory Protection"). */
#ifndef PAGODA_PMP_H
#define PAGODA_PMP_H

#include <stdbool.h>
#include <stdint.h>

#define PMP_MAX 64

/* pmpNcfg fields */
#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_A 0x18
#define PMP_L 0x80
#define PMP_A_OFF 0x00
#define PMP_A_TOR 0x08
#define PMP_A_NA4 0x10
#define PMP_A_NAPOT 0x18

struct pmp {
    int n;                 /* number of implemented entries (16 by default, up to 64) */
    uint8_t cfg[PMP_MAX];  /* pmpNcfg bytes */
    uint64_t addr[PMP_MAX];/* pmpaddrN */
    bool m_all_allowed;    /* cached: no locked entry (and every active range starts and
                            * ends 8-byte aligned), so an M-mode access that stays within
                            * one aligned 8-byte word never fails.  Wider or crossing
                            * M-mode accesses still get checked: a partial match fails
                            * even in M-mode. */
    bool su_all_allowed;   /* cached: an S/U-mode access of at most 8 aligned bytes anywhere
                            * below 2^56 - 8 is allowed: no entry is implemented, or the
                            * first active one grants RWX on [0, at least 2^56 - 8) (the
                            * lowest-numbered matching entry decides) */

    /* Decoded form, rebuilt on every write (pmp.c): the non-OFF, non-empty
     * entries in priority order with their byte range [lo, hi). */
    uint64_t gen;          /* incremented on every cfg/addr write */
    int nactive;
    uint8_t active[PMP_MAX];
    uint64_t lo[PMP_MAX], hi[PMP_MAX];
};

void pmp_init(struct pmp *p, int n);
/* pmpcfgK CSR (K even on RV64): 8 config bytes; locked entries keep their value. */
uint64_t pmp_read_cfg(const struct pmp *p, int k);
void pmp_write_cfg(struct pmp *p, int k, uint64_t val);
uint64_t pmp_read_addr(const struct pmp *p, int i);
void pmp_write_addr(struct pmp *p, int i, uint64_t val);
/* access: 0 fetch (X), 1 load (R), 2 store (W); priv 0 U, 1 S, 3 M. */
bool pmp_check(const struct pmp *p, uint64_t pa, unsigned size, int access, int priv);

/* Like pmp_check, for all three access kinds at once: returns a mask with
 * bit (1 << access) set for each access kind allowed to [pa, pa+size) at
 * privilege priv, and sets [*lo, *hi) to a range containing the access over
 * which every access lying wholly inside gets the same answer (callers cache
 * it; empty range when the access partially matches an entry). */
unsigned pmp_lookup(const struct pmp *p, uint64_t pa, unsigned size, int priv,
                    uint64_t *lo, uint64_t *hi);

#endif
