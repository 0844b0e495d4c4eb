// Page tables: the kernel's direct map, user address spaces made of regions (VMAs)
// filled on demand, copy-on-write fork, and the TLB fences each change needs.
#include "types.h"
#include "riscv.h"
#include "defs.h"

uint64 satp_mode = SATP_SV39;
static int levels = 3;        // 3 for Sv39, 4 for Sv48
static pagetable_t kroot;     // the kernel's own root table
// Teaching switches (-append nofence=munmap,cow): leave one fence out on purpose.
static int nofence_munmap, nofence_cow;
struct vmcount vmtotal;

#define USER_PTE (PTE_V | PTE_U | PTE_A)

static struct vma *vma_find(struct vmspace *vs, uint64 va);
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
  if (nofence_munmap || nofence_cow)
    kprintf("nofence:%s%s (on purpose: tests should catch the stale TLB entries)\n",
            nofence_munmap ? " munmap" : "", nofence_cow ? " cow" : "");
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

// Returns the address of the level-0 PTE for va, creating missing tables when alloc is
// set (counted in vs->ntables); 0 if a table is missing, or cannot be allocated.
static pte_t *walk(struct vmspace *vs, uint64 va, int alloc)
{
  pagetable_t pt = vs->root;
  for (int level = levels - 1; level > 0; level--) {
    pte_t *pte = &pt[PX(level, va)];
    if (*pte & PTE_V) {
      pt = P2V(PTE2PA(*pte));
    } else {
      if (!alloc || (pt = kalloc()) == 0)
        return 0;
      vs->ntables++;
      *pte = PA2PTE(V2P(pt)) | PTE_V;
    }
  }
  return &pt[PX(0, va)];
}

// Returns the first address above va that starts a new level-(level) table, for skipping
// the holes of a sparse tree.
static uint64 next_table_start(uint64 va, int level)
{
  uint64 span = 1UL << (PGSHIFT + 9 * level);
  return (va + span) & ~(span - 1);
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

// Frees a user table at `level` and everything below it.
static void free_tree(pagetable_t pt, int level, int nent)
{
  for (int i = 0; i < nent; i++) {
    pte_t pte = pt[i];
    if (!(pte & PTE_V)) continue;
    if (pte & PTE_LEAF) kfree(P2V(PTE2PA(pte)));
    else free_tree(P2V(PTE2PA(pte)), level - 1, 512);
  }
  kfree(pt);
}

// Frees an address space: its user frames (one reference each), tables and itself.
// Its ASID is not reused before the next rollover, so stale TLB entries are harmless.
void vs_free(struct vmspace *vs)
{
  free_tree(vs->root, levels - 1, 256);
  kfree(vs);
}

// Drops one thread's reference to vs; the last one frees it.
void vs_put(struct vmspace *vs)
{
  if (__sync_sub_and_fetch(&vs->refs, 1) == 0)
    vs_free(vs);
}

// Copies the user part of table src (at `level`, mapping from base) into dst, sharing
// every frame: writable pages become read-only copy-on-write in both, except in shared
// file mappings, which stay shared. Returns 0, or -1 out of memory.
static int copy_tree(struct vmspace *child, pagetable_t src, pagetable_t dst, int level, int nent,
                     uint64 base)
{
  for (int i = 0; i < nent; i++) {
    pte_t pte = src[i];
    uint64 va = base + ((uint64)i << (PGSHIFT + 9 * level));
    if (!(pte & PTE_V)) continue;
    if (pte & PTE_LEAF) {
      struct vma *v = vma_find(child, va);
      if ((pte & PTE_W) && !(v && v->kind == VMA_FILE_SHARED)) pte = (pte & ~PTE_W) | PTE_COW;
      src[i] = pte;
      dst[i] = pte;
      kref(P2V(PTE2PA(pte)));
      child->nresident++;
      continue;
    }
    pagetable_t sub = kalloc();
    if (!sub) return -1;
    child->ntables++;
    dst[i] = PA2PTE(V2P(sub)) | PTE_V;
    if (copy_tree(child, P2V(PTE2PA(pte)), sub, level - 1, 512, va) < 0) return -1;
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
  int r = copy_tree(vs, parent->root, vs->root, levels - 1, 256, 0);
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
  return 0;
}

// Returns the region holding va, or 0.
static struct vma *vma_find(struct vmspace *vs, uint64 va)
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

// Makes the TLBs forget vs's translations of [va, va+size) (size 0: all of them) on
// every hart that may hold them: this hart with sfence.vma, the others through the SBI
// remote fence for exactly this range and ASID, which returns once they all have
// (SBI spec 8.3). The PTEs must already be changed (privileged spec 10.2.1: the fence
// orders the earlier PTE stores before later walks).
void vs_fence(struct vmspace *vs, uint64 va, uint64 size)
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
    vs->count.fences_local++;
  }
  if (mask & ~me) {
    sbi_remote_sfence_vma_asid(mask & ~me, 0, va, size, vs->asid);
    vs->count.shootdowns_sent++;
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

// Handles a page fault at va (cause 12 fetch, 13 load, 15 store): fills a missing page
// (growing a stack down to it if needed), or copies a copy-on-write one. Returns 0 if
// the access may be retried, FAULT_GUARD for a stack's guard page, -1 if it is not
// allowed. Called with vs->lock held.
static int fault_locked(struct vmspace *vs, uint64 va, int cause)
{
  struct vma *v = vma_find(vs, va);
  if (!v && stack_guard(vs, va)) return FAULT_GUARD;
  if (!v) v = stack_grow(vs, va);
  uint64 need = cause == EXC_STORE_PAGE_FAULT ? PTE_W : cause == EXC_INSN_PAGE_FAULT ? PTE_X : PTE_R;
  if (!v || !(v->prot & need)) return -1;
  vs->count.faults++;
  vmtotal.faults++;
  va = PGROUNDDOWN(va);
  pte_t *pte = walk(vs, va, 1);
  if (!pte) return -1;
  if (!(*pte & PTE_V)) {
    uint64 cow;
    void *pg = fill_page(v, va, need == PTE_W, &cow);
    if (!pg) return -1;
    if (v->kind == VMA_ANON) { vs->count.zero_fills++; vmtotal.zero_fills++; }
    else { vs->count.file_fills++; vmtotal.file_fills++; }
    uint64 prot = v->prot;
    if (cow) prot &= ~PTE_W;
    cow &= v->prot & PTE_W ? PTE_COW : 0;
    // A and D set now, so the same path works with Svade (--ad=fault).
    *pte = PA2PTE(V2P(pg)) | USER_PTE | prot | cow | ((prot & PTE_W) ? PTE_D : 0);
    vs->nresident++;
    return 0; // an invalid PTE is never cached (10.3.2), so no fence
  }
  if (need == PTE_W && (*pte & PTE_COW)) {
    void *old = P2V(PTE2PA(*pte));
    uint64 flags = (*pte & 0x3ff & ~PTE_COW) | PTE_W | PTE_D;
    if (krefcount(old) == 1) {
      vs->count.cow_reuses++; vmtotal.cow_reuses++;
      *pte = PA2PTE(V2P(old)) | flags;
    } else {
      void *mem = kalloc();
      if (!mem) return -1;
      memmove(mem, old, PGSIZE);
      *pte = PA2PTE(V2P(mem)) | flags;
      kfree(old);
      vs->count.cow_copies++; vmtotal.cow_copies++;
    }
    vs_fence(vs, va, PGSIZE);
    return 0;
  }
  if (*pte & need) {
    // Another hart already fixed it; our TLB may still hold the old entry.
    sfence_vma_page(va, vs->asid);
    return 0;
  }
  return -1;
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
  pte_t *pte = walk(vs, va, 0);
  if (!pte || (*pte & (PTE_V | need)) != (PTE_V | need)) {
    if (fault_locked(vs, va, write ? EXC_STORE_PAGE_FAULT : EXC_LOAD_PAGE_FAULT) < 0) {
      release(&vs->lock);
      return 0;
    }
    pte = walk(vs, va, 0);
  }
  char *k = (char *)P2V(PTE2PA(*pte)) + (va & (PGSIZE - 1));
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

// Returns the physical address of the frame mapped at va, or -1 if none is.
uint64 vs_frame(struct vmspace *vs, uint64 va)
{
  if (va >= MAXUVA) return -1;
  acquire(&vs->lock);
  pte_t *pte = walk(vs, va, 0);
  uint64 pa = (pte && (*pte & PTE_V)) ? PTE2PA(*pte) : (uint64)-1;
  release(&vs->lock);
  return pa;
}

// Returns the level-0 PTE for va without creating tables, or 0; *next is the next
// address worth looking at (past the hole when a table is missing).
static pte_t *lookup(struct vmspace *vs, uint64 va, uint64 *next)
{
  pagetable_t pt = vs->root;
  for (int level = levels - 1; level > 0; level--) {
    pte_t pte = pt[PX(level, va)];
    if (!(pte & PTE_V)) {
      *next = next_table_start(va, level);
      return 0;
    }
    pt = P2V(PTE2PA(pte));
  }
  *next = va + PGSIZE;
  return &pt[PX(0, va)];
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

// munmap(addr, len): removes the mappings in the range; returns 0 or -1. The PTEs are
// cleared first, then every hart that may cache this ASID fences exactly this range,
// so no thread on any hart can reach the frames once the call returns; only then are
// the frames freed.
int vs_munmap(struct vmspace *vs, uint64 addr, uint64 len)
{
  len = PGROUNDUP(len);
  if (!range_ok(addr, len)) return -1;
  acquire(&vs->lock);
  if (vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0) { release(&vs->lock); return -1; }
  for (int i = 0; i < vs->nvma; i++) {
    struct vma *v = &vs->vma[i];
    if (v->start >= addr && v->end <= addr + len) { *v = vs->vma[--vs->nvma]; i--; }
  }
  void *batch[64];
  int nb = 0;
  for (uint64 va = addr, next; va < addr + len; va = next) {
    pte_t *pte = lookup(vs, va, &next);
    if (!pte || !(*pte & PTE_V)) continue;
    batch[nb++] = P2V(PTE2PA(*pte));
    *pte = 0;
    vs->nresident--;
    if (nb == 64) { // fence before the frames can be reused
      if (!nofence_munmap) vs_fence(vs, addr, len);
      while (nb) kfree(batch[--nb]);
    }
  }
  if (!nofence_munmap) vs_fence(vs, addr, len);
  while (nb) kfree(batch[--nb]);
  release(&vs->lock);
  return 0;
}

// mprotect(addr, len, prot): changes the access of every page in the range, which must
// be mapped entirely (PROT_NONE is not supported yet); returns 0 or -1. Copy-on-write
// pages stay read-only until written; program text cannot become writable.
// Fences like munmap.
int vs_mprotect(struct vmspace *vs, uint64 addr, uint64 len, uint64 prot)
{
  len = PGROUNDUP(len);
  prot = (prot & 7) << 1;
  if (prot & PTE_W) prot |= PTE_R;
  // A valid PTE with R=W=X=0 would point to a table (10.3.1), so PROT_NONE is refused.
  if (!range_ok(addr, len) || prot == 0) return -1;
  acquire(&vs->lock);
  for (uint64 va = addr; va < addr + len;) {
    struct vma *v = vma_find(vs, va);
    if (!v || (v->kind == VMA_FILE_SHARED && (prot & ~v->maxprot))) { release(&vs->lock); return -1; }
    va = v->end;
  }
  if (vma_split(vs, addr) < 0 || vma_split(vs, addr + len) < 0) { release(&vs->lock); return -1; }
  for (int i = 0; i < vs->nvma; i++)
    if (vs->vma[i].start >= addr && vs->vma[i].end <= addr + len) vs->vma[i].prot = prot;
  for (uint64 va = addr, next; va < addr + len; va = next) {
    pte_t *pte = lookup(vs, va, &next);
    if (!pte || !(*pte & PTE_V)) continue;
    uint64 p = prot;
    if (*pte & PTE_COW) p &= ~PTE_W;
    *pte = (*pte & ~(PTE_R | PTE_W | PTE_X)) | p | ((p & PTE_W) ? PTE_D : 0);
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
// copied if copy-on-write), so no access to it faults later. There is no swapping yet,
// so locked pages stay by themselves. Returns 0, or -1 if some page may not be mapped.
int vs_mlock(struct vmspace *vs, uint64 addr, uint64 len)
{
  len = PGROUNDUP(len);
  if (!range_ok(addr, len)) return -1;
  acquire(&vs->lock);
  int r = 0;
  for (uint64 va = addr; va < addr + len && r == 0; va += PGSIZE) {
    struct vma *v = vma_find(vs, va);
    if (!v) { r = -1; break; }
    int cause = (v->prot & PTE_W) ? EXC_STORE_PAGE_FAULT : EXC_LOAD_PAGE_FAULT;
    pte_t *pte = walk(vs, va, 0);
    uint64 need = (v->prot & PTE_W) ? PTE_W : PTE_R;
    if (!pte || (*pte & (PTE_V | need)) != (PTE_V | need))
      r = fault_locked(vs, va, cause);
  }
  release(&vs->lock);
  return r;
}
