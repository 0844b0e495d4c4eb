// The platform-level interrupt controller (RISC-V PLIC specification 1.0.0), laid out as
// on QEMU's virt board: each hart h has two contexts, 2h for M-mode and 2h+1 for
// S-mode; the kernel uses the S-mode ones. A device's interrupt raises the source's
// pending bit; every hart whose context enables the source sees its external interrupt
// (sip.SEIP) while the source's priority is above the context's threshold; the first
// hart to claim gets the source's id (the others claim 0) and completes it when done.
// The disk stays polled; the IOMMU's queues and the accelerator interrupt.
#include "types.h"
#include "riscv.h"
#include "defs.h"

#define NSOURCES 96                  // ids 1..95 (riscv,ndev = 95 on QEMU virt)
#define PRIORITY(id) (0x000000 + 4 * (id))
#define ENABLE(ctx) (0x002000 + 0x80 * (ctx))
#define THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define CLAIM(ctx) (0x200004 + 0x1000 * (ctx))
#define SCONTEXT(hart) (2 * (hart) + 1)

static void (*handlers[NSOURCES])(int);

// Returns the kernel address of the PLIC register at off.
static volatile uint32 *reg(uint64 off)
{
  return (volatile uint32 *)((char *)P2V(boardinfo.plic_pa) + off);
}

// Makes source id call fn(id) when it interrupts, with priority 1 (threshold 0 lets
// every priority above 0 through); harts enable it in plic_inithart. Call before the
// other harts start. Returns 0, or -1 if there is no PLIC or id is out of range.
int plic_register(int id, void (*fn)(int))
{
  if (!boardinfo.plic_pa || id <= 0 || id >= NSOURCES) return -1;
  handlers[id] = fn;
  *reg(PRIORITY(id)) = 1;
  return 0;
}

// Enables, in this hart's S-mode context, every source that has a handler, sets the
// threshold to 0, and turns on supervisor external interrupts (sie.SEIE).
void plic_inithart(void)
{
  if (!boardinfo.plic_pa) return;
  int ctx = SCONTEXT(cpuid());
  for (int w = 0; w < NSOURCES / 32; w++) {
    uint32 bits = 0;
    for (int b = 0; b < 32; b++)
      if (handlers[w * 32 + b]) bits |= 1U << b;
    reg(ENABLE(ctx))[w] = bits;
  }
  *reg(THRESHOLD(ctx)) = 0;
  csr_set(sie, SIE_SEIE);
}

// Handles a supervisor external interrupt: claims sources until none is pending,
// runs each one's handler, completes it. Another hart may have claimed it first
// (claim reads 0): nothing to do.
void plic_intr(void)
{
  int ctx = SCONTEXT(cpuid());
  for (;;) {
    uint32 id = *reg(CLAIM(ctx));
    if (id == 0) break;
    if (id < NSOURCES && handlers[id]) handlers[id](id);
    *reg(CLAIM(ctx)) = id; // completion: the gateway may forward the source again
  }
}
