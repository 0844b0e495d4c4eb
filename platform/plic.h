/* PLIC (RISC-V Platform-Level Interrupt Controller spec 1.0.0, QEMU virt
 * layout): sources 1..95 with priorities 0..7, two contexts per hart
 * (context 2h = hart h M-mode -> MEI, context 2h+1 = S-mode -> SEI).
 *   0x000000 + 4*src        priority
 *   0x001000                pending bits (read-only)
 *   0x002000 + 0x80*ctx     enable bits
 *   0x200000 + 0x1000*ctx   priority threshold
 *   0x200004 + 0x1000*ctx   claim (read) / complete (write)
 * Registers are 32 bits wide and accessed with aligned 4-byte accesses. */
#ifndef PAGODA_PLIC_H
#define PAGODA_PLIC_H

#include <stdbool.h>
#include <stdint.h>
#include "device.h"

#define PLIC_BASE 0xC000000u
#define PLIC_SIZE 0x600000u
#define PLIC_NUM_SOURCES 96  /* ids 0..95; 0 means "no interrupt" */
#define PLIC_NDEV 95         /* riscv,ndev in the device tree */
#define PLIC_MAX_PRIORITY 7
#define PLIC_MAX_HARTS 64

#define PLIC_PRIORITY_OFF  0x000000u
#define PLIC_PENDING_OFF   0x001000u
#define PLIC_ENABLE_OFF    0x002000u
#define PLIC_ENABLE_STRIDE 0x80u
#define PLIC_CONTEXT_OFF   0x200000u
#define PLIC_CONTEXT_STRIDE 0x1000u

struct plic;

/* Create a PLIC serving `nharts` harts (1..64, so 2*nharts contexts); NULL on
 * a bad count or no memory.  `irq(ctx, hart, 11 or 9, level)` drives each
 * hart's MEIP (M context) and SEIP (S context) lines. */
struct plic *plic_create(unsigned nharts, hart_irq_fn irq, void *irq_ctx);

/* Free a PLIC made by plic_create (NULL is fine). */
void plic_destroy(struct plic *p);

/* The MMIO window of the PLIC at guest physical address `base`. */
struct mmio_dev plic_mmio(struct plic *p, uint64_t base);

/* Interrupt input: an irq_fn.  `opaque` is the struct plic; `src` (1..95) is
 * a level-triggered source: while high and not claimed it is pending; a
 * claimed source is not pended again until its completion. */
void plic_set_irq(void *opaque, unsigned src, bool level);

/* What a read of context `ctx`'s claim register does: returns the
 * highest-priority pending source enabled for ctx with priority above the
 * threshold (ties: lowest id) and clears its pending bit; 0 when none. */
uint32_t plic_claim(struct plic *p, unsigned ctx);

/* What a write of `src` to context `ctx`'s complete register does: ends the
 * claim, ignored unless `src` is enabled for ctx (spec 1.0.0 "Interrupt
 * Completion"); a source still high is pended again. */
void plic_complete(struct plic *p, unsigned ctx, uint32_t src);

/* True when context `ctx`'s output (MEIP/SEIP) is currently raised. */
bool plic_output(const struct plic *p, unsigned ctx);

#endif
