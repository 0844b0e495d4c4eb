// Huge pages: 2 MiB leaves one level above the 4 KiB ones (a megapage, privileged spec
// 10.4.1) for regions marked with madvise(MADV_HUGEPAGE), and 1 GiB leaves two levels
// above (a gigapage) for MADV_GIANT. A fault in such a region maps a whole aligned block
// at once; a 2 MiB block filled page by page is promoted to one leaf; a change to part
// of a huge page demotes it to 512 pages of the next size down (and mprotect(PROT_NONE)
// demotes every huge page it covers down to 4 KiB, huge_demote_all). A huge page holds one
// reference on each of its 4 KiB frames, so a demoted page's frames can then be freed
// one by one.
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

#define SIZE(level) (PGSIZE << (9 * (level))) // bytes a leaf at level maps

// Returns 1 if the aligned block of a level-(level) leaf around va lies inside region v
// and v allows pages that large (anonymous memory only).
static int huge_fits(struct vma *v, uint64 va, int level)
{
  uint64 base = va & ~(SIZE(level) - 1);
  return v->huge >= level && v->kind == VMA_ANON && base >= v->start && base + SIZE(level) <= v->end;
}

// Maps a zeroed huge page for va through the empty entry *pte at level (1: 2 MiB,
// 2: 1 GiB) if region v allows it; returns 0 if it did, -1 if the caller must map
// smaller pages instead (also when no aligned block of free frames is left).
int huge_fill(struct vmspace *vs, struct vma *v, pte_t *pte, uint64 va, int level)
{
  if (!huge_fits(v, va, level)) return -1;
  uint64 n = 1UL << (9 * level);
  char *big = kalloc_block(n);
  if (!big) return -1;
  *pte = PA2PTE(V2P(big)) | USER_PTE | v->prot | ((v->prot & PTE_W) ? PTE_D : 0);
  vs->nresident += n;
  if (level == 2) COUNT(vs, giant_fills);
  else COUNT(vs, huge_fills);
  COUNT(vs, zero_fills);
  return 0;
}

// Replaces the huge leaf *pte at level (mapping va) by a table of 512 leaves one level
// down, to the same frames with the same bits; returns 0, or -1 out of memory. The TLBs
// may hold the big entry, so its range is fenced; as the frames do not move, a thread
// writing meanwhile loses nothing.
int huge_demote(struct vmspace *vs, pte_t *pte, uint64 va, int level)
{
  pagetable_t t = kalloc();
  if (!t) return -1;
  uint64 pa = PTE2PA(*pte), flags = *pte & 0x3ff;
  for (int i = 0; i < 512; i++)
    t[i] = PA2PTE(pa + i * SIZE(level - 1)) | flags;
  *pte = PA2PTE(V2P(t)) | PTE_V;
  vs->ntables++;
  COUNT(vs, demotions);
  vs_fence(vs, va & ~(SIZE(level) - 1), SIZE(level));
  return 0;
}

// Demotes the huge pages that [addr, addr+len) covers only in part (at its two ends),
// 1 GiB ones first, before munmap, mprotect or madvise change that part alone.
void huge_split_edges(struct vmspace *vs, uint64 addr, uint64 len)
{
  uint64 ends[2] = { addr, addr + len - 1 };
  for (int level = 2; level >= 1; level--)
    for (int i = 0; i < 2; i++) {
      uint64 base = ends[i] & ~(SIZE(level) - 1);
      if (base >= addr && base + SIZE(level) <= addr + len) continue; // covered whole
      pte_t *pte = walk_to(vs, base, level, 0);
      if (pte && (*pte & PTE_V) && (*pte & PTE_LEAF))
        huge_demote(vs, pte, base, level);
    }
}

// Demotes every huge page in [addr, addr+len) down to 4 KiB pages (mprotect to
// PROT_NONE, whose marker exists only in 4 KiB PTEs); returns 0, or -1 out of memory.
int huge_demote_all(struct vmspace *vs, uint64 addr, uint64 len)
{
  huge_split_edges(vs, addr, len);
  for (uint64 va = addr, next; va < addr + len; va = next) {
    int level;
    pte_t *pte = leaf_lookup(vs, va, &next, &level, 1);
    if (pte && level > 0) {
      if (huge_demote(vs, pte, va, level) < 0) return -1;
      next = va; // a 1 GiB page became 2 MiB ones: look again
    }
  }
  return 0;
}

// If the aligned 2 MiB block around va is fully populated with private 4 KiB pages of
// identical bits in a huge region, copies them into one 2 MiB page and maps that
// instead (promotion). The old level-1 entry pointed to a table, which the TLBs and
// page-walk caches may hold; sfence.vma with an address only orders leaf PTEs
// (privileged spec 10.2.1), so the whole ASID is fenced before the table is freed.
void huge_promote(struct vmspace *vs, struct vma *v, uint64 va)
{
  uint64 base = va & ~(HUGESIZE - 1);
  if (!huge_fits(v, va, 1)) return;
  pte_t *l1 = walk_to(vs, base, 1, 0);
  if (!l1 || !(*l1 & PTE_V) || (*l1 & PTE_LEAF)) return;
  pagetable_t t = P2V(PTE2PA(*l1));
  uint64 ad = PTE_A | PTE_D, flags = t[0] & 0x3ff & ~ad;
  if (!(flags & PTE_V) || (flags & PTE_COW)) return;
  for (int i = 0; i < HUGEPAGES; i++)
    if ((t[i] & PTE_N) || (t[i] & 0x3ff & ~ad) != flags || krefcount(P2V(PTE2PA(t[i]))) != 1) return;
  flags |= ad; // the copy is new: count it used and written
  char *big = kalloc_block(HUGEPAGES);
  if (!big) return;
  // Unmap first, so no thread writes a small page after it was copied.
  pte_t old = *l1;
  *l1 = 0;
  vs_fence(vs, 0, 0);
  for (int i = 0; i < HUGEPAGES; i++)
    memmove(big + i * PGSIZE, P2V(PTE2PA(t[i])), PGSIZE);
  *l1 = PA2PTE(V2P(big)) | flags;
  for (int i = 0; i < HUGEPAGES; i++)
    kfree(P2V(PTE2PA(t[i])));
  kfree(P2V(PTE2PA(old)));
  vs->ntables--;
  COUNT(vs, promotions);
}
