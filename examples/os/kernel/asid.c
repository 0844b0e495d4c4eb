// ASIDs: each address space gets one, so a context switch writes satp without a flush.
// ASIDs are handed out in generations; when a generation runs out, a new one begins and
// every hart flushes its whole TLB once before it runs anything of the new generation.
#include "types.h"
#include "riscv.h"
#include "defs.h"

static struct spinlock asidlock;
static uint64 generation = 1;
static uint64 next_asid = 1;  // ASID 0 is the kernel's
uint64 asid_limit;            // ASIDs usable: 1 << ASIDLEN, or less with asids=N
uint64 asid_rollovers;

// Finds how many ASID bits the hart implements (write all ones, read back: satp's ASID
// field is WARL, privileged spec 10.1.11) and applies the `asids=N` boot argument.
void asid_init(void)
{
  uint64 k = kernel_satp();
  csr_write(satp, k | (SATP_ASID_MASK << SATP_ASID_SHIFT));
  uint64 bits = (csr_read(satp) >> SATP_ASID_SHIFT) & SATP_ASID_MASK;
  csr_write(satp, k);
  sfence_vma_all();
  asid_limit = bits + 1;
  const char *n = bootarg("asids");
  if (n) {
    uint64 v = 0;
    while (*n >= '0' && *n <= '9') v = v * 10 + (*n++ - '0');
    if (v >= 2 && v < asid_limit) asid_limit = v;
  }
}

// Points this hart's satp at vs, giving vs an ASID of the current generation if its
// own is stale. No sfence.vma is needed on a satp write (10.1.11): entries of other
// ASIDs cannot match. Interrupts are off.
void asid_switch(struct vmspace *vs)
{
  struct cpu *c = mycpu();
  acquire(&asidlock);
  if (asid_limit <= 1) {
    // No ASIDs on this hart: everything shares ASID 0, so flush on every switch.
    vs->asid = 0;
    vs->asid_gen = generation;
    c->asid_gen_seen = 0;
  } else if (vs->asid_gen != generation) {
    if (next_asid >= asid_limit) {
      generation++;
      next_asid = 1;
      asid_rollovers++;
    }
    vs->asid = next_asid++;
    vs->asid_gen = generation;
    // Threads of vs may still run elsewhere under the old ASID until their hart
    // flushes for the new generation; vs_fence covers those harts by address alone.
    vs->stale_mask |= vs->cpumask;
    vs->cpumask = 0; // harts behind this generation flush before they run it
  }
  if (c->asid_gen_seen != generation) {
    sfence_vma_all();
    c->asid_gen_seen = generation;
  }
  __sync_fetch_and_or(&vs->cpumask, 1UL << cpuid());
  release(&asidlock);
  csr_write(satp, satp_mode | (vs->asid << SATP_ASID_SHIFT) | (V2P(vs->root) >> PGSHIFT));
}

// Returns the harts that may still cache vs's translations under an ASID it had before
// (a rollover gave it a new one while a thread of it ran there), forgetting the harts
// that have flushed everything since. Called with vs->lock held.
uint64 asid_stale_harts(struct vmspace *vs)
{
  acquire(&asidlock);
  for (uint64 h = 0; h < NCPU; h++)
    if ((vs->stale_mask >> h & 1) && cpus[h].asid_gen_seen == generation)
      vs->stale_mask &= ~(1UL << h);
  uint64 m = vs->stale_mask;
  release(&asidlock);
  return m;
}
