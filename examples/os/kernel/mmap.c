// The memory system calls: mmap, munmap, mprotect, mlock and madvise. Each one
// changes regions (VMAs) and PTEs under the address space's lock, then fences the TLBs
// of every hart that may hold the old translations (vs_fence, vm.c).
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

// Returns the leaf PTE for va without creating tables: a 4 KiB one (*level = 0, which
// may be invalid: absent, swapped out or PROT_NONE), or a valid 2 MiB one (*level = 1);
// 0 if a table is missing. *next is the next address worth looking at: past the page,
// or past the hole. A swapped-out table is read back if fetch is set, else treated as a
// hole.
pte_t *leaf_lookup(struct vmspace *vs, uint64 va, uint64 *next, int *level, int fetch)
{
  pagetable_t pt = vs->root;
  for (int l = levels - 1; l >= 0; l--) {
    pte_t *pte = &pt[PX(l, va)];
    if (l > 0 && (*pte & PTE_SWAP) && (!fetch || table_in(vs, pte) < 0)) pte = 0;
    uint64 span = PGSIZE << (9 * l);
    *next = (va + span) & ~(span - 1);
    *level = l;
    if (!pte) return 0;
    if (l == 0 || (*pte & PTE_V && *pte & PTE_LEAF)) return pte;
    if (!(*pte & PTE_V)) return 0;
    pt = P2V(PTE2PA(*pte));
  }
  return 0;
}

// Splits the region holding va in two at va (if va is strictly inside one); returns 0,
// or -1 if there is no free slot.
static int vma_split(struct vmspace *vs, uint64 va)
{
  struct vma *v = vma_find(vs, va);
  if (!v || v->start == va) return 0;
  if (vs->nvma >= NVMA) return -1;
  struct vma *w = &vs->vma[vs->nvma++];
  *w = *v;
  uint64 cut = va - v->start;
  v->end = va;
  w->start = va;
  w->foff += cut;
  w->fbytes = w->fbytes > cut ? w->fbytes - cut : 0;
  w->limit = 0; // only the lowest part of a stack grows
  return 0;
}

// Checks a user range [addr, addr+len): page aligned, not empty, below MAXUVA.
static int range_ok(uint64 addr, uint64 len)
{
  return (addr & (PGSIZE - 1)) == 0 && len > 0 && addr + len > addr && addr + len <= MAXUVA;
}

// mmap(addr, len, prot): maps memory filled on first touch, at addr (which must be
// free) or, for addr 0, where the kernel finds room: zeros (kind VMA_ANON), or file f
// from offset off (page aligned), shared with every other mapping of it
// (VMA_FILE_SHARED: writes go to the page cache, which is the file's only copy: the
// disk is never written) or private (VMA_FILE_PRIVATE: copy-on-write from the page
// cache). prot uses PROT_READ 1, PROT_WRITE 2, PROT_EXEC 4 (shifted left they are
// PTE_R/W/X). Returns the address, or -1.
long vs_mmap(struct vmspace *vs, uint64 addr, uint64 len, uint64 prot, enum vmakind kind,
             int f, uint64 off)
{
  uint64 fbytes = 0;
  if (kind != VMA_ANON) {
    if (f < 0 || (off & (PGSIZE - 1)) || off >= fs_size(f)) return -1;
    fbytes = fs_size(f) - off;
  }
  len = PGROUNDUP(len);
  prot = (prot & 7) << 1;
  if (prot & PTE_W) prot |= PTE_R; // W without R is a reserved encoding (10.3.1)
  acquire(&vs->lock);
  if (addr == 0) {
    // First fit upward from 64 GiB, away from the program and its stack.
    addr = 0x1000000000UL;
    for (int i = 0; i < vs->nvma; i++) {
      struct vma *v = &vs->vma[i];
      if (addr < v->end && v->start < addr + len) { addr = v->end; i = -1; }
    }
  }
  long r = range_ok(addr, len) && vma_add(vs, addr, addr + len, prot, kind, f, off, fbytes) == 0
           ? (long)addr : -1;
  release(&vs->lock);
  return r;
}

struct unmapped { uint64 pa; int level; };

// Fences [addr, addr+len) on every hart that may cache it (unless nofence=munmap) and
// in the IOMMU (unless nofence=iommu), then frees the n pages in batch; returns 0, the
// new batch size.
static int free_batch(struct vmspace *vs, uint64 addr, uint64 len, struct unmapped *batch, int n)
{
  if (n == 0) return 0;
  if (!nofence_munmap) vs_fence_harts(vs, addr, len);
  if (!nofence_iommu) iommu_fence(vs, addr, len);
  while (n) { n--; frames_put(batch[n].pa, batch[n].level); }
  return 0;
}

// Removes every page mapped in [addr, addr+len), keeping the regions: the PTEs are
// cleared first, then every hart that may cache this ASID fences exactly this range,
// so no thread on any hart can reach the frames once this returns; only then are the
// frames freed (in batches). Called with vs->lock held.
static void unmap_pages(struct vmspace *vs, uint64 addr, uint64 len)
{
  struct unmapped batch[64];
  int nb = 0;
  huge_split_edges(vs, addr, len);
  napot_split_edges(vs, addr, len);
  for (uint64 va = addr, next; va < addr + len; va = next) {
    int level;
    pte_t *pte = leaf_lookup(vs, va, &next, &level, 1);
    if (pte && (*pte & PTE_SWAP)) { swap_slot_free(PTE2SLOT(*pte)); *pte = 0; }
    if (!pte || !(*pte & (PTE_V | PTE_PROTNONE))) continue; // PROT_NONE: a frame too
    batch[nb].pa = level ? PTE2PA(*pte) : pte_frame(*pte, va);
    batch[nb++].level = level;
    *pte = 0;
    vs->nresident -= 1 << (9 * level);
    if (nb == 64) nb = free_batch(vs, addr, len, batch, nb);
  }
  free_batch(vs, addr, len, batch, nb);
  swapmap_drop(vs, addr, addr + len);
}

// Returns 1 if no shared-table region overlaps [addr, addr+len) only in part.
static int shm_whole(struct vmspace *vs, uint64 addr, uint64 len)
{
  for (int i = 0; i < vs->nvma; i++) {
    struct vma *v = &vs->vma[i];
    if (v->kind == VMA_SHMTABLE && v->start < addr + len && addr < v->end &&
        (v->start < addr || v->end > addr + len))
      return 0;
  }
  return 1;
}

// munmap(addr, len): removes the regions and pages in the range (unmap_pages; a shared
// table region, which must be unmapped whole, is detached instead); returns 0 or -1.
int vs_munmap(struct vmspace *vs, uint64 addr, uint64 len)
{
  len = PGROUNDUP(len);
  if (!range_ok(addr, len)) return -1;
  acquire(&vs->lock);
  if (!shm_whole(vs, addr, len) || vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0) {
    release(&vs->lock);
    return -1;
  }
  for (int i = 0; i < vs->nvma; i++) {
    struct vma *v = &vs->vma[i];
    if (v->start < addr || v->end > addr + len) continue;
    if (v->kind == VMA_SHMTABLE) shm_detach(vs, v);
    *v = vs->vma[--vs->nvma];
    i--;
  }
  unmap_pages(vs, addr, len);
  release(&vs->lock);
  return 0;
}

// mprotect(addr, len, prot): changes the access of every page in the range, which must
// be mapped entirely; returns 0 or -1. Copy-on-write pages stay read-only until written;
// program text cannot become writable. Fences like munmap.
//
// PROT_NONE (prot 0): a valid PTE with R=W=X=0 would point to a table (10.3.1), so each
// page's PTE becomes invalid instead, keeping its frame and bits with the software mark
// PTE_PROTNONE (riscv.h): an access faults and the region's prot 0 kills the process;
// munmap, fork, exit and the clock still find the frame; a later mprotect makes the
// same PTE valid again with the data in place. Huge pages in the range are demoted to
// 4 KiB pages first (the mark exists only at level 0, so no walk ever meets an invalid
// huge leaf); a swapped-out page stays in swap and takes the region's prot when back.
int vs_mprotect(struct vmspace *vs, uint64 addr, uint64 len, uint64 prot)
{
  len = PGROUNDUP(len);
  prot = (prot & 7) << 1;
  if (prot & PTE_W) prot |= PTE_R;
  if (!range_ok(addr, len)) return -1;
  acquire(&vs->lock);
  for (uint64 va = addr; va < addr + len;) {
    struct vma *v = vma_find(vs, va);
    if (!v || v->kind == VMA_SHMTABLE || (v->kind == VMA_FILE_SHARED && (prot & ~v->maxprot))) {
      release(&vs->lock);
      return -1;
    }
    va = v->end;
  }
  if (vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0 ||
      (prot == 0 && huge_demote_all(vs, addr, len) < 0)) {
    release(&vs->lock);
    return -1;
  }
  for (int i = 0; i < vs->nvma; i++)
    if (vs->vma[i].start >= addr && vs->vma[i].end <= addr + len) vs->vma[i].prot = prot;
  huge_split_edges(vs, addr, len);
  napot_split_edges(vs, addr, len);
  for (uint64 va = addr, next; va < addr + len; va = next) {
    int level;
    pte_t *pte = leaf_lookup(vs, va, &next, &level, 1);
    if (pte && (*pte & PTE_PROTNONE)) {
      if (prot) *pte = protnone_restore(*pte, prot);
      continue;
    }
    if (!pte || !(*pte & PTE_V)) continue; // a swapped page takes its region's prot when back
    if (prot == 0) {
      // Atomically, as a hart may be setting A or D in it: once V is clear none can
      // (10.3.2), so the D bit kept is final.
      pte_t old;
      do old = *pte; while (!__sync_bool_compare_and_swap(pte, old, protnone_make(old, va)));
      continue;
    }
    uint64 p = prot;
    if (*pte & PTE_COW) p &= ~PTE_W;
    *pte = (*pte & ~(PTE_R | PTE_W | PTE_X)) | p;
  }
  vs_fence(vs, addr, len);
  if (prot & PTE_X) {
    // Code written through a writable mapping becomes executable: every hart that
    // may run this address space must also drop what it fetched before (fence.i;
    // the unprivileged spec's Zifencei makes it local to one hart, hence the SBI call).
    uint64 me = 1UL << cpuid();
    asm volatile("fence.i" ::: "memory");
    if (vs->cpumask & ~me) sbi_remote_fence_i(vs->cpumask & ~me, 0);
  }
  release(&vs->lock);
  return 0;
}

// mlock(addr, len): makes every page of the range present now (writable pages already
// copied if copy-on-write and marked dirty), so no access to it faults later, and keeps
// the clock away from it. Returns 0, or -1 if some page may not be mapped.
int vs_mlock(struct vmspace *vs, uint64 addr, uint64 len)
{
  len = PGROUNDUP(len);
  if (!range_ok(addr, len)) return -1;
  acquire(&vs->lock);
  for (uint64 va = addr; va < addr + len;) {
    struct vma *v = vma_find(vs, va);
    if (!v) { release(&vs->lock); return -1; }
    va = v->end;
  }
  if (vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0) { release(&vs->lock); return -1; }
  for (int i = 0; i < vs->nvma; i++)
    if (vs->vma[i].start >= addr && vs->vma[i].end <= addr + len) vs->vma[i].locked = 1;
  int r = 0;
  for (uint64 va = addr; va < addr + len && r == 0; va += PGSIZE) {
    struct vma *v = vma_find(vs, va);
    if (!v) { r = -1; break; }
    int cause = (v->prot & PTE_W) ? EXC_STORE_PAGE_FAULT : EXC_LOAD_PAGE_FAULT, level;
    pte_t *pte = walk_leaf(vs, va, &level);
    uint64 need = PTE_A | ((v->prot & PTE_W) ? PTE_W | PTE_D : PTE_R);
    if (!pte || (*pte & need) != need)
      r = fault_locked(vs, va, cause);
  }
  release(&vs->lock);
  return r;
}

// madvise(addr, len, advice): MADV_DONTNEED (4) drops the pages (they read as zero, or
// as the file, on the next touch); MADV_HUGEPAGE (14) lets the range use 2 MiB pages and
// promotes its fully populated aligned blocks now; MADV_NOHUGEPAGE (15) stops new ones;
// this kernel's MADV_NAPOT (100) / MADV_NONAPOT (101) do the same for 64 KiB Svnapot
// mappings (-1 if the harts lack Svnapot), and MADV_GIANT (102) allows 1 GiB pages too.
// The range must be mapped. Returns 0 or -1.
int vs_madvise(struct vmspace *vs, uint64 addr, uint64 len, int advice)
{
  len = PGROUNDUP(len);
  if (!range_ok(addr, len) || (advice != 4 && advice != 14 && advice != 15 && advice != 100 &&
                               advice != 101 && advice != 102))
    return -1;
  if (advice == 100 && !boardinfo.svnapot) return -1;
  acquire(&vs->lock);
  for (uint64 va = addr; va < addr + len;) {
    struct vma *v = vma_find(vs, va);
    if (!v || v->kind == VMA_SHMTABLE) { release(&vs->lock); return -1; }
    va = v->end;
  }
  if (advice == 4) {
    unmap_pages(vs, addr, len);
  } else {
    if (vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0) { release(&vs->lock); return -1; }
    for (int i = 0; i < vs->nvma; i++) {
      struct vma *v = &vs->vma[i];
      if (v->start < addr || v->end > addr + len) continue;
      if (advice == 100 || advice == 101) v->napot = advice == 100;
      else v->huge = advice == 102 ? 2 : advice == 14;
    }
    for (uint64 va = addr; advice != 15 && advice < 100 && va < addr + len; va += HUGESIZE)
      huge_promote(vs, vma_find(vs, va), va);
  }
  release(&vs->lock);
  return 0;
}

#define BRK_MAX (1UL << 30) // the heap may grow to 1 GiB

// sbrk(incr): moves the end of the heap (brk) by incr bytes and returns the old end, or
// -1. Growing only extends the heap region (pages come on first touch); shrinking
// unmaps the whole pages past the new end (munmap: fenced before they are freed).
long vs_sbrk(struct vmspace *vs, long incr)
{
  acquire(&vs->lock);
  uint64 old = vs->brk, new = old + incr;
  uint64 oldend = PGROUNDUP(old), newend = PGROUNDUP(new);
  if (new < vs->brk_start || new > vs->brk_start + BRK_MAX) { release(&vs->lock); return -1; }
  if (newend > oldend) {
    struct vma *heap = oldend > vs->brk_start ? vma_find(vs, oldend - 1) : 0;
    for (int i = 0; i < vs->nvma; i++) // the new part must be free
      if (vs->vma[i].start < newend && oldend < vs->vma[i].end) { release(&vs->lock); return -1; }
    if (heap) heap->end = newend;
    else if (vma_add(vs, oldend, newend, PTE_R | PTE_W, VMA_ANON, 0, 0, 0) < 0) {
      release(&vs->lock);
      return -1;
    }
  }
  vs->brk = new;
  release(&vs->lock);
  if (newend < oldend) vs_munmap(vs, newend, oldend - newend);
  return old;
}
