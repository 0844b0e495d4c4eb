// 64 KiB pages with Svnapot: 16 consecutive level-0 PTEs, each with N set and a PPN
// naming the aligned 64 KiB block (low 4 PPN bits 1000), map 16 contiguous frames; a
// hart may cache them as one TLB entry (Svnapot spec). For regions marked
// madvise(MADV_NAPOT), a fault fills a whole aligned block at once; changing part of a
// block, or a copy-on-write write, first demotes it to 16 ordinary PTEs.
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

// Returns the 16 PTEs of the 64 KiB block around va, or 0 if its leaf table is missing.
static pte_t *group(struct vmspace *vs, uint64 va)
{
  return walk_to(vs, va & ~(NAPOTSIZE - 1), 0, 0);
}

// Maps a zeroed 64 KiB block for va if region v wants Svnapot, the aligned block lies
// inside v and none of its pages is mapped or in swap; returns 0 if it did, -1 if the
// caller must map a 4 KiB page instead.
int napot_fill(struct vmspace *vs, struct vma *v, uint64 va)
{
  uint64 base = va & ~(NAPOTSIZE - 1);
  if (!v->napot || v->kind != VMA_ANON || base < v->start || base + NAPOTSIZE > v->end) return -1;
  pte_t *g = group(vs, va);
  if (!g) return -1;
  for (int i = 0; i < NAPOTPAGES; i++)
    if (g[i]) return -1;
  char *blk = kalloc_block(NAPOTPAGES);
  if (!blk) return -1;
  uint64 ppn = (V2P(blk) >> PGSHIFT) | 0x8; // 64 KiB: ppn[3:0] = 1000
  for (int i = 0; i < NAPOTPAGES; i++)
    g[i] = (ppn << 10) | PTE_N | USER_PTE | v->prot | ((v->prot & PTE_W) ? PTE_D : 0);
  vs->nresident += NAPOTPAGES;
  COUNT(vs, napot_fills);
  COUNT(vs, zero_fills);
  return 0;
}

// Rewrites the block around va as 16 ordinary PTEs to the same frames, each keeping its
// own bits (a hart may have set A or D in any one of them), and fences the block.
void napot_demote(struct vmspace *vs, uint64 va)
{
  uint64 base = va & ~(NAPOTSIZE - 1);
  pte_t *g = group(vs, va);
  if (!g || !(g[0] & PTE_V) || !(g[0] & PTE_N)) return;
  for (int i = 0; i < NAPOTPAGES; i++)
    g[i] = PA2PTE(pte_frame(g[i], base + i * PGSIZE)) | (g[i] & 0x3ff);
  vs_fence(vs, base, NAPOTSIZE);
  COUNT(vs, napot_demotions);
}

// Demotes the 64 KiB blocks that [addr, addr+len) covers only in part (at its ends).
void napot_split_edges(struct vmspace *vs, uint64 addr, uint64 len)
{
  uint64 ends[2] = { addr, addr + len - 1 };
  for (int i = 0; i < 2; i++) {
    uint64 base = ends[i] & ~(NAPOTSIZE - 1);
    if (base < addr || base + NAPOTSIZE > addr + len) napot_demote(vs, base);
  }
}
