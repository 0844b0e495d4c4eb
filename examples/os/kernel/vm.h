// What the virtual-memory files (vm.c, mmap.c, huge.c) share among themselves.
#pragma once
#include "types.h"

#define USER_PTE (PTE_V | PTE_U | PTE_A)

// Returns the physical address of the 4 KiB frame that the level-0 leaf pte maps va
// to: a Svnapot PTE's PPN holds the 64 KiB block with 1000 in its low 4 bits, and va
// picks the frame in it (Svnapot spec, "NAPOT translation").
static inline uint64 pte_frame(pte_t pte, uint64 va)
{
  if (!(pte & PTE_N)) return PTE2PA(pte);
  return (PTE2PA(pte) & ~(NAPOTSIZE - 1)) | (va & (NAPOTSIZE - 1) & ~(PGSIZE - 1));
}

// Returns the PROT_NONE form of the valid 4 KiB leaf pte that maps va: the same frame
// (a Svnapot PTE becomes an ordinary one) and bits, V clear, PTE_PROTNONE set.
static inline pte_t protnone_make(pte_t pte, uint64 va)
{
  return PA2PTE(pte_frame(pte, va)) | (pte & 0x3ff & ~PTE_V) | PTE_PROTNONE;
}

// Returns the valid PTE that maps the PROT_NONE page pte's frame again with access
// prot (PTE_R/W/X), keeping A, D and copy-on-write (which keeps W off until a write).
static inline pte_t protnone_restore(pte_t pte, uint64 prot)
{
  if (pte & PTE_COW) prot &= ~PTE_W;
  return (pte & ~(PTE_PROTNONE | PTE_LEAF)) | PTE_V | prot;
}

extern int levels;                      // 3 for Sv39, 4 for Sv48
extern int nofence_munmap, nofence_cow, nofence_iommu; // teaching switches: leave a fence out

pte_t *walk_to(struct vmspace *vs, uint64 va, int level, int alloc);
pte_t *walk_leaf(struct vmspace *vs, uint64 va, int *level);
struct vma *vma_find(struct vmspace *vs, uint64 va);
int fault_locked(struct vmspace *vs, uint64 va, int cause);
void frames_put(uint64 pa, int level);
pte_t *leaf_lookup(struct vmspace *vs, uint64 va, uint64 *next, int *level, int fetch);
// swap.c
int swap_in(struct vmspace *vs, struct vma *v, uint64 va, pte_t *pte);
void swap_reclaim(struct vmspace *vs, uint64 avoid);
void swap_slot_free(uint64 slot);
int swap_read(uint64 slot, void *page);
void swapmap_drop(struct vmspace *vs, uint64 start, uint64 end);
int table_in(struct vmspace *vs, pte_t *entry);
// shm.c
int shm_table_ref(pagetable_t t, int get);
int shm_table_put(pagetable_t t);
int shm_fill(struct vma *v, pte_t *pte);
void shm_detach(struct vmspace *vs, struct vma *v);
// napot.c
int napot_fill(struct vmspace *vs, struct vma *v, uint64 va);
void napot_demote(struct vmspace *vs, uint64 va);
void napot_split_edges(struct vmspace *vs, uint64 addr, uint64 len);
// huge.c
int huge_fill(struct vmspace *vs, struct vma *v, pte_t *pte, uint64 va, int level);
int huge_demote(struct vmspace *vs, pte_t *pte, uint64 va, int level);
void huge_split_edges(struct vmspace *vs, uint64 addr, uint64 len);
int huge_demote_all(struct vmspace *vs, uint64 addr, uint64 len);
void huge_promote(struct vmspace *vs, struct vma *v, uint64 va);
