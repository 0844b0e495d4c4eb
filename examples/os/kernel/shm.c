// Shared memory by sharing a page table (feature 4): a 2 MiB region whose leaf table is
// one page, named by a key, that the level-1 entries of several address spaces point
// to. A page one process faults in is then present for all of them at once: their
// walks read the same PTE. Pages are only added while the table is shared (an invalid
// PTE is never cached, privileged spec 10.3.2), so no fence is needed until a process
// detaches, which changes only its own level-1 entry.
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

#define NSHM 8

static struct shmtab {
  int key;
  int refs;           // address spaces attached (0: slot free)
  pagetable_t table;  // the shared leaf table
} shm[NSHM];
static struct spinlock shmlock; // guards the slots and the shared tables' PTEs

// Returns the table for key, creating it, with one more reference; 0 if none is left.
static pagetable_t shm_get(int key)
{
  acquire(&shmlock);
  struct shmtab *s = 0;
  for (int i = 0; i < NSHM; i++) {
    if (shm[i].refs && shm[i].key == key) { s = &shm[i]; break; }
    if (!shm[i].refs && !s) s = &shm[i];
  }
  if (s && !s->refs) {
    s->table = kalloc();
    s->key = key;
  }
  pagetable_t t = s && s->table ? s->table : 0;
  if (t) s->refs++;
  release(&shmlock);
  return t;
}

// Returns the slot of a shared table, or 0 if t is not one. shmlock held.
static struct shmtab *shm_find(pagetable_t t)
{
  for (int i = 0; i < NSHM; i++)
    if (shm[i].refs && shm[i].table == t) return &shm[i];
  return 0;
}

// Returns 1 if table t is shared (then adds a reference when get is set: fork).
int shm_table_ref(pagetable_t t, int get)
{
  acquire(&shmlock);
  struct shmtab *s = shm_find(t);
  if (s && get) s->refs++;
  release(&shmlock);
  return s != 0;
}

// Drops a reference to table t if it is shared, freeing it and its pages with the last
// one; returns 1 if t was shared (the caller must not free it), 0 otherwise.
int shm_table_put(pagetable_t t)
{
  acquire(&shmlock);
  struct shmtab *s = shm_find(t);
  if (s && --s->refs == 0) {
    for (int i = 0; i < 512; i++)
      if (t[i] & PTE_V) kfree(P2V(PTE2PA(t[i])));
    kfree(t);
    s->table = 0;
  }
  release(&shmlock);
  return s != 0;
}

// Frees the private leaf table *l1 points to if all its entries are empty (munmap
// leaves such tables behind), so that the entry can take a shared table.
static void drop_empty_table(struct vmspace *vs, pte_t *l1)
{
  if (!(*l1 & PTE_V) || (*l1 & PTE_LEAF)) return;
  pagetable_t t = P2V(PTE2PA(*l1));
  for (int i = 0; i < 512; i++)
    if (t[i]) return;
  *l1 = 0;
  vs_fence(vs, 0, 0); // the pointer may be cached (10.2.1)
  kfree(t);
  vs->ntables--;
}

// shmtable(va, key): maps the 2 MiB shared region `key` at va (2 MiB aligned, free):
// vs's level-1 entry for va points at the shared leaf table. Returns 0 or -1.
int vs_shmtable(struct vmspace *vs, uint64 va, int key)
{
  if (va & (HUGESIZE - 1) || va + HUGESIZE > MAXUVA) return -1;
  acquire(&vs->lock);
  if (vma_add(vs, va, va + HUGESIZE, PTE_R | PTE_W, VMA_SHMTABLE, key, 0, 0) < 0) {
    release(&vs->lock);
    return -1;
  }
  pte_t *l1 = walk_to(vs, va, 1, 1);
  if (l1) drop_empty_table(vs, l1);
  pagetable_t t = 0;
  if (!l1 || (*l1 & (PTE_V | PTE_SWAP)) || (t = shm_get(key)) == 0) {
    vs->nvma--; // undo the region vma_add put last
    release(&vs->lock);
    return -1;
  }
  *l1 = PA2PTE(V2P(t)) | PTE_V;
  vs->ntables++;
  release(&vs->lock);
  return 0;
}

// Fills the missing page at va in a shared table (*pte is its PTE there); returns 0
// or -1. Two processes may fault on it at once, each under its own lock: shmlock
// makes one of them fill it.
int shm_fill(struct vma *v, pte_t *pte)
{
  acquire(&shmlock);
  int r = 0;
  if (!(*pte & PTE_V)) {
    void *pg = kalloc();
    if (pg) *pte = PA2PTE(V2P(pg)) | USER_PTE | v->prot | PTE_D;
    else r = -1;
  }
  release(&shmlock);
  return r;
}

// Detaches vs from the shared region v (munmap of all of it): clears vs's level-1 entry,
// fences the whole ASID (a pointer PTE changed, 10.2.1), drops the reference.
void shm_detach(struct vmspace *vs, struct vma *v)
{
  pte_t *l1 = walk_to(vs, v->start, 1, 0);
  if (!l1 || !(*l1 & PTE_V)) return;
  pagetable_t t = P2V(PTE2PA(*l1));
  *l1 = 0;
  vs_fence(vs, 0, 0);
  vs->ntables--;
  shm_table_put(t);
}
