// Physical frame allocator. Every 4 KiB frame has a reference count, so that
// copy-on-write and the page cache can share one frame among many mappings; a frame
// is free when its count is 0. A single frame is the one freed last, if it is still
// free (as Linux's per-CPU lists hand out the most recently freed, cache-warm pages
// first; it also means a frame freed too early, before every TLB and IOTLB forgot it,
// is soon someone else's, which the nofence= tests show), otherwise found by a scan
// from a moving cursor; 2 MiB blocks (for huge pages) by a scan over aligned blocks.
#include "types.h"
#include "riscv.h"
#include "defs.h"

#define NHOT 32

static struct {
  struct spinlock lock;
  uint64 nfree;
  uint64 base_pa, nframes; // frames [base_pa, base_pa + nframes * 4096)
  uint64 cursor;           // where the next scan starts
  uint16 *ref;             // one count per frame
  uint64 hot[NHOT];        // frames freed last (a stack; a frame there may be taken since)
  int nhot;
} kmem;

// Returns the frame number of kernel address va, or panics if it is not a frame.
static uint64 frameno(void *va)
{
  uint64 pa = V2P(va);
  if ((pa & (PGSIZE - 1)) || pa < kmem.base_pa || pa >= kmem.base_pa + kmem.nframes * PGSIZE)
    panic("kalloc: not a frame");
  return (pa - kmem.base_pa) >> PGSHIFT;
}

// Takes the physical range [start_pa, end_pa) for frames; the counts live at its start.
void kinit(uint64 start_pa, uint64 end_pa)
{
  start_pa = PGROUNDUP(start_pa);
  end_pa = PGROUNDDOWN(end_pa);
  uint64 n = (end_pa - start_pa) >> PGSHIFT;
  kmem.ref = P2V(start_pa);
  memset(kmem.ref, 0, n * sizeof(uint16));
  kmem.base_pa = PGROUNDUP(start_pa + n * sizeof(uint16));
  kmem.nframes = (end_pa - kmem.base_pa) >> PGSHIFT;
  kmem.nfree = kmem.nframes;
}

// Returns a zeroed frame (kernel address) with reference count 1, or 0 if none is left.
void *kalloc(void)
{
  void *va = 0;
  acquire(&kmem.lock);
  while (kmem.nhot > 0 && !va) {
    uint64 f = kmem.hot[--kmem.nhot];
    if (kmem.ref[f] == 0) { // (kalloc_block may have taken it)
      kmem.ref[f] = 1;
      kmem.nfree--;
      va = P2V(kmem.base_pa + f * PGSIZE);
    }
  }
  for (uint64 i = 0; i < kmem.nframes && kmem.nfree && !va; i++) {
    uint64 f = (kmem.cursor + i) % kmem.nframes;
    if (kmem.ref[f] == 0) {
      kmem.ref[f] = 1;
      kmem.nfree--;
      kmem.cursor = f + 1;
      va = P2V(kmem.base_pa + f * PGSIZE);
      break;
    }
  }
  release(&kmem.lock);
  if (va)
    memset(va, 0, PGSIZE);
  return va;
}

// Returns a zeroed block of n frames (n a power of two) aligned to its size, each frame
// with count 1, or 0: 512 for a 2 MiB page, 16 for a 64 KiB Svnapot one.
void *kalloc_block(uint64 n)
{
  uint64 size = n * PGSIZE, end = kmem.base_pa + kmem.nframes * PGSIZE;
  void *va = 0;
  acquire(&kmem.lock);
  for (uint64 pa = (kmem.base_pa + size - 1) & ~(size - 1); pa + size <= end && !va; pa += size) {
    uint64 f = (pa - kmem.base_pa) >> PGSHIFT, i = 0;
    while (i < n && kmem.ref[f + i] == 0) i++;
    if (i < n) continue;
    for (i = 0; i < n; i++) kmem.ref[f + i] = 1;
    kmem.nfree -= n;
    va = P2V(pa);
  }
  release(&kmem.lock);
  if (va)
    memset(va, 0, size);
  return va;
}

// Drops one reference to the frame; the last one frees it.
void kfree(void *va)
{
  acquire(&kmem.lock);
  uint64 f = frameno(va);
  if (kmem.ref[f] == 0)
    panic("kfree: frame is free");
  if (--kmem.ref[f] == 0) {
    kmem.nfree++;
    if (kmem.nhot < NHOT) kmem.hot[kmem.nhot++] = f;
  }
  release(&kmem.lock);
}

// Adds a reference to an allocated frame.
void kref(void *va)
{
  acquire(&kmem.lock);
  uint64 f = frameno(va);
  if (kmem.ref[f] == 0 || kmem.ref[f] == 0xffff)
    panic("kref");
  kmem.ref[f]++;
  release(&kmem.lock);
}

// Returns how many references the frame has.
int krefcount(void *va)
{
  acquire(&kmem.lock);
  int n = kmem.ref[frameno(va)];
  release(&kmem.lock);
  return n;
}

// Returns the number of free frames.
uint64 kfree_count(void)
{
  return kmem.nfree;
}
