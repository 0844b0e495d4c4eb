// Physical frame allocator: a free list of 4 KiB frames, each with a reference count
// so that copy-on-write and the page cache can share one frame among many mappings.
#include "types.h"
#include "riscv.h"
#include "defs.h"

struct run { struct run *next; };

static struct {
  struct spinlock lock;
  struct run *free;
  uint64 nfree;
  uint64 base_pa, end_pa;
  uint16 *ref; // one count per frame in [base_pa, end_pa)
} kmem;

// Returns the frame's slot in the reference-count array, or panics if the kernel
// address va is not an allocatable frame.
static uint16 *refslot(void *va)
{
  uint64 pa = V2P(va);
  if ((pa & (PGSIZE - 1)) || pa < kmem.base_pa || pa >= kmem.end_pa)
    panic("kalloc: not a frame");
  return &kmem.ref[(pa - kmem.base_pa) >> PGSHIFT];
}

// Takes the physical range [start_pa, end_pa) for frames; the counts live at its start.
void kinit(uint64 start_pa, uint64 end_pa)
{
  start_pa = PGROUNDUP(start_pa);
  end_pa = PGROUNDDOWN(end_pa);
  uint64 nframes = (end_pa - start_pa) >> PGSHIFT;
  kmem.ref = P2V(start_pa);
  memset(kmem.ref, 0, nframes * sizeof(uint16));
  kmem.base_pa = PGROUNDUP(start_pa + nframes * sizeof(uint16));
  kmem.end_pa = end_pa;
  for (uint64 pa = kmem.end_pa; pa > kmem.base_pa; pa -= PGSIZE) {
    struct run *r = P2V(pa - PGSIZE);
    r->next = kmem.free;
    kmem.free = r;
    kmem.nfree++;
  }
}

// Returns a zeroed frame (kernel address) with reference count 1, or 0 if none is left.
void *kalloc(void)
{
  acquire(&kmem.lock);
  struct run *r = kmem.free;
  if (r) {
    kmem.free = r->next;
    kmem.nfree--;
    *refslot(r) = 1;
  }
  release(&kmem.lock);
  if (r)
    memset(r, 0, PGSIZE);
  return r;
}

// Drops one reference to the frame; the last one puts it back on the free list.
void kfree(void *va)
{
  acquire(&kmem.lock);
  uint16 *ref = refslot(va);
  if (*ref == 0)
    panic("kfree: frame is free");
  if (--*ref == 0) {
    struct run *r = va;
    r->next = kmem.free;
    kmem.free = r;
    kmem.nfree++;
  }
  release(&kmem.lock);
}

// Adds a reference to an allocated frame.
void kref(void *va)
{
  acquire(&kmem.lock);
  uint16 *ref = refslot(va);
  if (*ref == 0 || *ref == 0xffff)
    panic("kref");
  ++*ref;
  release(&kmem.lock);
}

// Returns how many references the frame has.
int krefcount(void *va)
{
  acquire(&kmem.lock);
  int n = *refslot(va);
  release(&kmem.lock);
  return n;
}

// Returns the number of free frames.
uint64 kfree_count(void)
{
  return kmem.nfree;
}
