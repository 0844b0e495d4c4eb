/* CLINT (SiFive CLINT / ACLINT MSWI + MTIMER layout, as on QEMU virt):
 *   msip[h]     at 0x0000 + 4*h  (bit 0 only; writing raises/clears MSI)
 *   mtimecmp[h] at 0x4000 + 8*h  (reset value all ones: no timer at reset)
 *   mtime       at 0xBFF8        (owned by the board, which advances it)
 * 4- and 8-byte naturally aligned accesses; a 64-bit register can be read or
 * written as two 32-bit halves.  Up to CLINT_MAX_HARTS harts. */
#ifndef PAGODA_CLINT_H
#define PAGODA_CLINT_H

#include <stdbool.h>
#include <stdint.h>
#include "device.h"

#define CLINT_BASE 0x2000000u
#define CLINT_SIZE 0x10000u
#define CLINT_MAX_HARTS 64

#define CLINT_MSIP_OFF     0x0000u
#define CLINT_MTIMECMP_OFF 0x4000u
#define CLINT_MTIME_OFF    0xBFF8u

struct clint;

/* Create a CLINT for `nharts` harts (1..64); NULL if nharts is out of range
 * or memory runs out.  `mtime` points at the board's time counter (the CLINT
 * reads it and lets the guest write it); `irq(ctx, hart, 3 or 7, level)`
 * drives each hart's MSIP and MTIP lines. */
struct clint *clint_create(unsigned nharts, uint64_t *mtime, hart_irq_fn irq, void *irq_ctx);

/* Free a CLINT made by clint_create (NULL is fine). */
void clint_destroy(struct clint *c);

/* Return all msip to 0 and all mtimecmp to all-ones, lowering every line. */
void clint_reset(struct clint *c);

/* The MMIO window of the CLINT at guest physical address `base`. */
struct mmio_dev clint_mmio(struct clint *c, uint64_t base);

/* Recompute MTIP (mtime >= mtimecmp) for every hart from the current mtime
 * and call irq() for each line that changed.  The board calls this after
 * advancing mtime. */
void clint_update(struct clint *c);

/* The nearest mtimecmp that is still in the future (> mtime) over all harts,
 * or UINT64_MAX when none is: the board may jump mtime there when every hart
 * sleeps in wfi. */
uint64_t clint_next_deadline(const struct clint *c);

/* Direct register access for the board and tests (hart < nharts). */
uint64_t clint_get_mtimecmp(const struct clint *c, unsigned hart);
bool clint_get_msip(const struct clint *c, unsigned hart);

#endif
