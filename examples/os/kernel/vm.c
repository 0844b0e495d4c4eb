// Page tables: the kernel's direct map, user address spaces made of regions (VMAs)
// filled on demand, copy-on-write fork, and the TLB fences each change needs.
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

uint64 satp_mode = SATP_SV39;
int levels = 3;               // 3 for Sv39, 4 for Sv48
static pagetable_t kroot;     // the kernel's own root table
int nofence_munmap, nofence_cow, nofence_iommu;
struct vmcount vmtotal;

#define GIB (1UL << 30)

// Returns a new kernel root table for `levels`: all physical memory below the end of RAM
// at KBASE + pa with 1 GiB global pages. KBASE's index is 256 in a Sv39 root and, under
// Sv48, in the table that root entry 511 points to, so the kernel sits at the same
// addresses in both modes.
static pagetable_t kvm_make(void)
{
  pagetable_t root = kalloc(), top = root;
  if (levels == 4) {
    top = kalloc();
    root[511] = PA2PTE(V2P(top)) | PTE_V;
  }
  uint64 ngib = (boardinfo.ram_base + boardinfo.ram_size + GIB - 1) / GIB;
  if (ngib > 64) ngib = 64;
  for (uint64 i = 0; i < ngib; i++)
    top[256 + i] = PA2PTE(i * GIB) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G;
  return root;
}

// Chooses the paging mode (`vm=sv48`, default Sv39) and moves the boot hart onto the
// kernel's table. A satp write with an unsupported MODE has no effect (privileged spec
// 10.1.11), so reading satp back tells whether the hart offers Sv48; if not, Sv39 it is.
// This works while running because the kernel's addresses are the same in both modes.
void kvm_init(void)
{
  const char *nf = bootarg("nofence");
  nofence_munmap = nf && bootarg_has(nf, "munmap");
  nofence_cow = nf && bootarg_has(nf, "cow");
  nofence_iommu = nf && bootarg_has(nf, "iommu");
  if (nofence_munmap || nofence_cow || nofence_iommu)
    kprintf("nofence:%s%s%s (on purpose: tests should catch the stale TLB entries)\n",
            nofence_munmap ? " munmap" : "", nofence_cow ? " cow" : "",
            nofence_iommu ? " iommu" : "");
  const char *vm = bootarg("vm");
  if (vm && strncmp(vm, "sv48", 4) == 0) {
    satp_mode = SATP_SV48;
    levels = 4;
  }
  kroot = kvm_make();
  csr_write(satp, kernel_satp());
  if ((csr_read(satp) >> 60) != (satp_mode >> 60)) {
    kprintf("vm=sv48: this hart does not offer Sv48; using Sv39\n");
    satp_mode = SATP_SV39;
    levels = 3;
    kroot = kvm_make();
  }
  kvm_inithart();
}

// Returns the satp value that runs the kernel alone (ASID 0).
uint64 kernel_satp(void)
{
  return satp_mode | (V2P(kroot) >> PGSHIFT);
}

// Switches this hart from the boot table to the kernel's table; panics if the hart
// does not take the mode (a satp write with an unsupported MODE has no effect, 10.1.11).
void kvm_inithart(void)
{
  csr_write(satp, kernel_satp());
  sfence_vma_all();
  if ((csr_read(satp) >> 60) != (satp_mode >> 60))
    panic("the hart does not offer this paging mode");
}

// Returns the address of the PTE for va at `level` (0: the 4 KiB leaf, 1: the entry
// for its 2 MiB), creating missing tables above it when alloc is set (counted in
// vs->ntables). Returns 0 if a table is missing or cannot be allocated, or if a leaf
// (a huge page) sits above `level`.
pte_t *walk_to(struct vmspace *vs, uint64 va, int level, int alloc)
{
  pagetable_t pt = vs->root;
  for (int l = levels - 1; l > level; l--) {
    pte_t *pte = &pt[PX(l, va)];
    if ((*pte & PTE_SWAP) && table_in(vs, pte) < 0) return 0;
    if (*pte & PTE_V) {
      if (*pte & PTE_LEAF) return 0;
      pt = P2V(PTE2PA(*pte));
    } else {
      if (!alloc || (pt = kalloc()) == 0)
        return 0;
      vs->ntables++;
      *pte = PA2PTE(V2P(pt)) | PTE_V;
    }
  }
  return &pt[PX(level, va)];
}

// Returns the valid leaf PTE that maps va, at whatever level, and sets *level; 0 if va
// is not mapped.
pte_t *walk_leaf(struct vmspace *vs, uint64 va, int *level)
{
  pagetable_t pt = vs->root;
  for (int l = levels - 1; l >= 0; l--) {
    pte_t *pte = &pt[PX(l, va)];
    if (l > 0 && (*pte & PTE_SWAP) && table_in(vs, pte) < 0) return 0;
    if (!(*pte & PTE_V)) return 0;
    if (*pte & PTE_LEAF) { *level = l; return pte; }
    pt = P2V(PTE2PA(*pte));
  }
  return 0;
}

// Returns the kernel address of user byte va through its leaf pte at level.
static char *leaf_byte(pte_t pte, int level, uint64 va)
{
  if (level == 0) return (char *)P2V(pte_frame(pte, va)) + (va & (PGSIZE - 1));
  return (char *)P2V(PTE2PA(pte)) + (va & ((PGSIZE << (9 * level)) - 1));
}

// Returns a new address space holding only the kernel's mappings (the upper half of the
// root, copied: those entries never change after boot), or 0.
struct vmspace *vs_create(void)
{
  struct vmspace *vs = kalloc();
  if (!vs) return 0;
  if (sizeof(*vs) > PGSIZE) panic("vmspace too big");
  if ((vs->root = kalloc()) == 0) { kfree(vs); return 0; }
  for (int i = 256; i < 512; i++)
    vs->root[i] = kroot[i];
  vs->ntables = 1;
  vs->refs = 1;
  return vs;
}

// Drops one reference to each 4 KiB frame of the page at pa mapped by a leaf at level.
void frames_put(uint64 pa, int level)
{
  for (uint64 i = 0; i < 1UL << (9 * level); i++) kfree(P2V(pa + i * PGSIZE));
}

// Adds one reference to each 4 KiB frame of the page at pa mapped by a leaf at level.
static void frames_get(uint64 pa, int level)
{
  for (uint64 i = 0; i < 1UL << (9 * level); i++) kref(P2V(pa + i * PGSIZE));
}

// Frees a user table at `level` (mapping from base) and everything below it.
static void free_tree(pagetable_t pt, int level, int nent, uint64 base)
{
  for (int i = 0; i < nent; i++) {
    pte_t pte = pt[i];
    uint64 va = base + ((uint64)i << (PGSHIFT + 9 * level));
    if (!(pte & PTE_V) && (pte & PTE_SWAP)) {
      if (level > 0) { // a swapped-out table: read it to free what it holds
        pagetable_t t = kalloc();
        if (!t || swap_read(PTE2SLOT(pte), t) < 0) panic("free_tree: swapped table");
        free_tree(t, level - 1, 512, va);
      }
      swap_slot_free(PTE2SLOT(pte));
    }
    if (level == 0 && (pte & PTE_PROTNONE)) frames_put(PTE2PA(pte), 0);
    if (!(pte & PTE_V)) continue;
    if (pte & PTE_LEAF) frames_put(level ? PTE2PA(pte) : pte_frame(pte, va), level);
    else if (level != 1 || !shm_table_put(P2V(PTE2PA(pte))))
      free_tree(P2V(PTE2PA(pte)), level - 1, 512, va);
  }
  kfree(pt);
}

// Frees an address space: its user frames (one reference each), tables and itself.
// Its ASID is not reused before the next rollover, so stale TLB entries are harmless;
// the device's IOTLB is emptied of it first, with its process context (iommu_detach).
void vs_free(struct vmspace *vs)
{
  accel_forget(vs);
  iommu_detach(vs);
  swapmap_drop(vs, 0, MAXUVA);
  free_tree(vs->root, levels - 1, 256, 0);
  kfree(vs);
}

// Drops one thread's reference to vs; the last one frees it.
void vs_put(struct vmspace *vs)
{
  if (__sync_sub_and_fetch(&vs->refs, 1) == 0)
    vs_free(vs);
}

// Copies the user part of table src (at `level`, mapping from base) into dst, sharing
// every frame (PROT_NONE pages' too): private pages become read-only copy-on-write in
// both (read-only ones too, or a later mprotect would make a shared frame writable),
// pages of shared file mappings stay shared. Returns 0, or -1 out of memory.
static int copy_tree(struct vmspace *parent, struct vmspace *child, pagetable_t src,
                     pagetable_t dst, int level, int nent, uint64 base)
{
  for (int i = 0; i < nent; i++) {
    uint64 va = base + ((uint64)i << (PGSHIFT + 9 * level));
    if (level > 0 && (src[i] & PTE_SWAP) && table_in(parent, &src[i]) < 0) return -1;
    pte_t pte = src[i];
    if (!(pte & PTE_V) && (pte & PTE_SWAP)) {
      // Swapped out in the parent: the child gets its own copy, in memory.
      char *mem = kalloc();
      struct vma *v = vma_find(child, va);
      if (!mem || !v || swap_read(PTE2SLOT(pte), mem) < 0) return -1;
      dst[i] = PA2PTE(V2P(mem)) | USER_PTE | v->prot | PTE_D;
      if (!v->prot) dst[i] = (dst[i] & ~PTE_V) | PTE_PROTNONE; // R=W=X=0 must not be valid
      child->nresident++;
      continue;
    }
    int none = level == 0 && (pte & PTE_PROTNONE); // invalid, but holding its frame
    if (!(pte & PTE_V) && !none) continue;
    if ((pte & PTE_LEAF) || none) {
      struct vma *v = vma_find(child, va);
      if (!(v && v->kind == VMA_FILE_SHARED)) pte = (pte & ~PTE_W) | PTE_COW;
      src[i] = pte;
      // The child has no swap copy of its pages: a clean page it keeps must be written
      // if it goes out (the parent's may be clean only because its swap copy is good).
      dst[i] = pte | PTE_D;
      frames_get(level ? PTE2PA(pte) : pte_frame(pte, va), level);
      child->nresident += 1 << (9 * level);
      continue;
    }
    child->ntables++;
    if (level == 1 && shm_table_ref(P2V(PTE2PA(pte)), 1)) { // a shared table stays shared
      dst[i] = pte;
      continue;
    }
    pagetable_t sub = kalloc();
    if (!sub) return -1;
    dst[i] = PA2PTE(V2P(sub)) | PTE_V;
    if (copy_tree(parent, child, P2V(PTE2PA(pte)), sub, level - 1, 512, va) < 0) return -1;
  }
  return 0;
}

// Returns a copy-on-write copy of parent's address space, or 0. The parent's writable
// PTEs lose W, so every hart that may cache them must drop them (vs_fence) before the
// parent writes again.
struct vmspace *vs_fork(struct vmspace *parent)
{
  struct vmspace *vs = vs_create();
  if (!vs) return 0;
  acquire(&parent->lock);
  memmove(vs->vma, parent->vma, sizeof(vs->vma));
  vs->nvma = parent->nvma;
  vs->brk_start = parent->brk_start;
  vs->brk = parent->brk;
  int r = copy_tree(parent, vs, parent->root, vs->root, levels - 1, 256, 0);
  if (!nofence_cow) vs_fence(parent, 0, 0);
  release(&parent->lock);
  if (r < 0) { vs_free(vs); return 0; }
  return vs;
}

// Adds region [start, end) to vs; returns 0, or -1 if it overlaps or there is no slot.
int vma_add(struct vmspace *vs, uint64 start, uint64 end, uint64 prot, enum vmakind kind,
            int file, uint64 foff, uint64 fbytes)
{
  if (vs->nvma >= NVMA || start >= end || end > MAXUVA) return -1;
  for (int i = 0; i < vs->nvma; i++)
    if (start < vs->vma[i].end && vs->vma[i].start < end) return -1;
  struct vma *v = &vs->vma[vs->nvma++];
  v->start = start; v->end = end; v->prot = prot; v->kind = kind;
  v->file = file; v->foff = foff; v->fbytes = fbytes;
  v->limit = 0;
  v->maxprot = PTE_R | PTE_W | PTE_X;
  v->huge = 0;
  v->napot = 0;
  v->locked = 0;
  return 0;
}

// Returns the region holding va, or 0.
struct vma *vma_find(struct vmspace *vs, uint64 va)
{
  for (int i = 0; i < vs->nvma; i++)
    if (vs->vma[i].start <= va && va < vs->vma[i].end) return &vs->vma[i];
  return 0;
}

// Returns the stack region that may grow down to va, extended to cover it; 0 if none
// may.
static struct vma *stack_grow(struct vmspace *vs, uint64 va)
{
  for (int i = 0; i < vs->nvma; i++) {
    struct vma *v = &vs->vma[i];
    if (!v->limit || va >= v->start || va < v->limit + PGSIZE) continue;
    uint64 start = PGROUNDDOWN(va);
    for (int j = 0; j < vs->nvma; j++) // never grow over another region
      if (j != i && vs->vma[j].end > start && vs->vma[j].start < v->start) return 0;
    v->start = start;
    return v;
  }
  return 0;
}

// Returns 1 if va lies in the guard page below a stack's growth limit.
static int stack_guard(struct vmspace *vs, uint64 va)
{
  for (int i = 0; i < vs->nvma; i++)
    if (vs->vma[i].limit && va >= vs->vma[i].limit && va < vs->vma[i].limit + PGSIZE) return 1;
  return 0;
}

// Counts a shootdown to the harts in mask: for vs, and for each hart as received (the
// firmware performs it, so the sender counts for the targets).
static void count_targets(struct vmspace *vs, uint64 mask)
{
  for (uint64 h = 0; h < NCPU; h++)
    if (mask >> h & 1) {
      COUNT(vs, shootdown_targets);
      __sync_fetch_and_add(&cpus[h].shootdowns_received, 1);
    }
}

// Makes the TLBs forget vs's translations of [va, va+size) (size 0: all of them) on
// every hart that may hold them (vs_fence_harts), and, if vs has a PASID, in the
// IOMMU's IOTLB (iommu_fence), before the caller may free or reuse the old frames.
void vs_fence(struct vmspace *vs, uint64 va, uint64 size)
{
  vs_fence_harts(vs, va, size);
  iommu_fence(vs, va, size);
}

// Makes the harts' TLBs forget vs's translations of [va, va+size) (size 0: all): this
// hart with sfence.vma, the others through the SBI remote fence for exactly this range
// and ASID, which returns once they all have (SBI spec 8.3). The PTEs must already be
// changed (privileged spec 10.2.1: the fence orders the earlier PTE stores before
// later walks).
void vs_fence_harts(struct vmspace *vs, uint64 va, uint64 size)
{
  uint64 me = 1UL << cpuid();
  __sync_synchronize();
  uint64 mask = vs->cpumask;
  if (mask & me) {
    if (size == 0 || size > 64 * PGSIZE) {
      sfence_vma_asid(vs->asid);
    } else {
      for (uint64 a = va; a < va + size; a += PGSIZE)
        sfence_vma_page(a, vs->asid);
    }
    COUNT(vs, fences_local);
  }
  if (mask & ~me) {
    sbi_remote_sfence_vma_asid(mask & ~me, 0, va, size, vs->asid);
    COUNT(vs, shootdowns_sent);
    count_targets(vs, mask & ~me);
  }
  uint64 stale = vs->stale_mask ? asid_stale_harts(vs) : 0;
  if (stale & me) {
    if (size == 0 || size > 64 * PGSIZE) sfence_vma_all();
    else for (uint64 a = va; a < va + size; a += PGSIZE) sfence_vma_va(a);
  }
  if (stale & ~me)
    sbi_remote_sfence_vma(stale & ~me, 0, va, size);
}

// Returns the frame for page va of region v, with a reference for the new mapping:
// the page cache's own frame for a shared file region, and also for a private one
// that is only read (it is then mapped copy-on-write); otherwise a new frame holding
// zeros or the region's file bytes. Sets *cow when the caller must map it
// copy-on-write. Returns 0 out of memory.
static void *fill_page(struct vma *v, uint64 va, int write, uint64 *cow)
{
  uint64 off = va - v->start;
  *cow = 0;
  if (v->kind == VMA_FILE_PRIVATE && !write && off + PGSIZE <= v->fbytes) {
    void *pg = pcache_get(v->file, (v->foff + off) >> PGSHIFT);
    if (pg) kref(pg);
    *cow = PTE_COW;
    return pg;
  }
  if (v->kind == VMA_FILE_SHARED) {
    void *pg = pcache_get(v->file, (v->foff + off) >> PGSHIFT);
    if (pg) kref(pg); // the mapping's reference; the cache keeps its own
    return pg;
  }
  char *mem = kalloc();
  if (!mem || v->kind == VMA_ANON || off >= v->fbytes) return mem;
  char *src = pcache_get(v->file, (v->foff + off) >> PGSHIFT);
  if (!src) { kfree(mem); return 0; }
  uint64 n = v->fbytes - off < PGSIZE ? v->fbytes - off : PGSIZE;
  memmove(mem, src, n);
  return mem;
}

// Finishes a fault on a valid leaf *pte (mapping va) that allows the access `need`, or
// returns -1 if it does not. With Svade (--ad=fault) the hart faults instead of setting
// A, or D on a store (privileged spec 10.3.2), so the kernel sets them here; otherwise
// another hart has fixed the PTE already and this hart's TLB may hold the old entry.
static int permitted(struct vmspace *vs, pte_t *pte, uint64 va, uint64 need)
{
  if (!(*pte & need)) return -1;
  uint64 ad = PTE_A | (need == PTE_W ? PTE_D : 0);
  if ((*pte & ad) != ad) {
    __sync_fetch_and_or(pte, ad); // atomic: other harts' walkers may set bits too
    COUNT(vs, ad_faults);
  }
  sfence_vma_page(va, vs->asid);
  return 0;
}

// Handles a page fault at va (cause 12 fetch, 13 load, 15 store): fills a missing page
// (growing a stack down to it if needed), or copies a copy-on-write one. Returns 0 if
// the access may be retried, FAULT_GUARD for a stack's guard page, -1 if it is not
// allowed. Called with vs->lock held.
int fault_locked(struct vmspace *vs, uint64 va, int cause)
{
  struct vma *v = vma_find(vs, va);
  if (!v && stack_guard(vs, va)) return FAULT_GUARD;
  if (!v) v = stack_grow(vs, va);
  uint64 need = cause == EXC_STORE_PAGE_FAULT ? PTE_W : cause == EXC_INSN_PAGE_FAULT ? PTE_X : PTE_R;
  if (!v || !(v->prot & need)) return -1;
  COUNT(vs, faults);
  va = PGROUNDDOWN(va);
  // A 1 GiB, then a 2 MiB page: fill one where the region allows; a write to a
  // copy-on-write one splits it first (into 2 MiB, then 4 KiB pages, below).
  for (int level = 2; level >= 1; level--) {
    pte_t *big = walk_to(vs, va, level, 1);
    if (!big || ((*big & PTE_SWAP) && table_in(vs, big) < 0)) return -1;
    if ((*big & PTE_V) && (*big & PTE_LEAF)) {
      if (need != PTE_W || !(*big & PTE_COW)) return permitted(vs, big, va, need);
      if (huge_demote(vs, big, va, level) < 0) return -1;
    }
    if (!(*big & PTE_V) && huge_fill(vs, v, big, va, level) == 0) return 0;
  }
  pte_t *pte = walk_to(vs, va, 0, 1);
  if (!pte) return -1;
  if (*pte & PTE_PROTNONE) { // (mprotect keeps region and PTEs in step; just in case)
    *pte = protnone_restore(*pte, v->prot);
    return 0;
  }
  if (!(*pte & PTE_V) && (*pte & PTE_SWAP)) {
    if (swap_in(vs, v, va, pte) < 0) return -1;
    if (vs->rss_limit && vs->nresident > vs->rss_limit) swap_reclaim(vs, va);
    return 0;
  }
  if (!(*pte & PTE_V) && v->kind == VMA_SHMTABLE)
    return shm_fill(v, pte);
  if (!(*pte & PTE_V) && napot_fill(vs, v, va) == 0)
    return 0;
  if (!(*pte & PTE_V)) {
    uint64 cow;
    void *pg = fill_page(v, va, need == PTE_W, &cow);
    if (!pg) return -1;
    if (v->kind == VMA_ANON) COUNT(vs, zero_fills);
    else COUNT(vs, file_fills);
    uint64 prot = v->prot;
    if (cow) prot &= ~PTE_W;
    cow &= v->prot & PTE_W ? PTE_COW : 0;
    // A is set (this access); D only for a write: the clock and swapping read them.
    *pte = PA2PTE(V2P(pg)) | USER_PTE | prot | cow | ((prot & need & PTE_W) ? PTE_D : 0);
    vs->nresident++;
    huge_promote(vs, v, va); // the page may complete an aligned 2 MiB block
    if (vs->rss_limit && vs->nresident > vs->rss_limit) swap_reclaim(vs, va);
    return 0; // an invalid PTE is never cached (10.3.2), so no fence
  }
  if (need == PTE_W && (*pte & PTE_COW) && (*pte & PTE_N))
    napot_demote(vs, va); // copy-on-write works on 4 KiB pages
  if (need == PTE_W && (*pte & PTE_COW)) {
    void *old = P2V(PTE2PA(*pte));
    uint64 flags = (*pte & 0x3ff & ~PTE_COW) | PTE_W | PTE_D;
    if (krefcount(old) == 1) {
      COUNT(vs, cow_reuses);
      *pte = PA2PTE(V2P(old)) | flags;
    } else {
      void *mem = kalloc();
      if (!mem) return -1;
      memmove(mem, old, PGSIZE);
      *pte = PA2PTE(V2P(mem)) | flags;
      kfree(old);
      COUNT(vs, cow_copies);
    }
    vs_fence(vs, va, PGSIZE);
    return 0;
  }
  return permitted(vs, pte, va, need);
}

// Locks vs and handles a page fault; returns 0 to retry, -1 or FAULT_GUARD to kill.
int vm_fault(struct vmspace *vs, uint64 va, int cause)
{
  if (va >= MAXUVA) return -1;
  acquire(&vs->lock);
  int r = fault_locked(vs, va, cause);
  release(&vs->lock);
  return r;
}

// Returns the kernel address of user byte va, faulting the page in (and copying it if
// write and copy-on-write) as the user's own access would; 0 if the access is not allowed.
static char *user_byte(struct vmspace *vs, uint64 va, int write)
{
  uint64 need = write ? PTE_W : PTE_R;
  if (va >= MAXUVA) return 0;
  acquire(&vs->lock);
  int level;
  pte_t *pte = walk_leaf(vs, va, &level);
  if (!pte || (*pte & need) != need || (write && (*pte & PTE_COW))) {
    if (fault_locked(vs, va, write ? EXC_STORE_PAGE_FAULT : EXC_LOAD_PAGE_FAULT) < 0 ||
        (pte = walk_leaf(vs, va, &level)) == 0) {
      release(&vs->lock);
      return 0;
    }
  }
  // The kernel's access goes through the direct map, not this PTE: set A (and D) as the
  // hart would, or the clock would think the page idle, or clean.
  __sync_fetch_and_or(pte, PTE_A | (write ? PTE_D : 0));
  char *k = leaf_byte(*pte, level, va);
  release(&vs->lock);
  return k;
}

// Copies n bytes between the kernel buffer kbuf and user address uva, towards the user
// if write is set; returns 0, or -1 if the user may not access the range so.
static int copy_user(struct vmspace *vs, uint64 uva, char *kbuf, uint64 n, int write)
{
  while (n > 0) {
    char *k = user_byte(vs, uva, write);
    if (!k) return -1;
    uint64 m = PGSIZE - (uva & (PGSIZE - 1));
    if (m > n) m = n;
    if (write) memmove(k, kbuf, m);
    else memmove(kbuf, k, m);
    n -= m; uva += m; kbuf += m;
  }
  return 0;
}

// Copies n bytes from the kernel to user address dst; returns 0 or -1.
int copyout(struct vmspace *vs, uint64 dst, const void *src, uint64 n)
{
  return copy_user(vs, dst, (char *)src, n, 1);
}

// Copies n bytes from user address src to the kernel; returns 0 or -1.
int copyin(struct vmspace *vs, void *dst, uint64 src, uint64 n)
{
  return copy_user(vs, src, dst, n, 0);
}

// Copies a NUL-terminated string of at most max bytes (NUL included) from the user;
// returns its length or -1.
int copyinstr(struct vmspace *vs, char *dst, uint64 src, uint64 max)
{
  for (uint64 i = 0; i < max; i++) {
    char *k = user_byte(vs, src + i, 0);
    if (!k) return -1;
    if ((dst[i] = *k) == 0) return i;
  }
  return -1;
}

// Returns the physical address of the leaf (4 KiB) page table that maps va, or -1.
uint64 vs_ptable(struct vmspace *vs, uint64 va)
{
  if (va >= MAXUVA) return -1;
  acquire(&vs->lock);
  pte_t *l1 = walk_to(vs, va, 1, 0);
  uint64 pa = l1 && (*l1 & PTE_V) && !(*l1 & PTE_LEAF) ? PTE2PA(*l1) : (uint64)-1;
  release(&vs->lock);
  return pa;
}

// Returns the physical address of the frame mapped at va, or -1 if none is.
uint64 vs_frame(struct vmspace *vs, uint64 va)
{
  if (va >= MAXUVA) return -1;
  acquire(&vs->lock);
  int level;
  pte_t *pte = walk_leaf(vs, va, &level);
  uint64 pa = pte ? V2P(leaf_byte(*pte, level, PGROUNDDOWN(va))) : (uint64)-1;
  release(&vs->lock);
  return pa;
}

