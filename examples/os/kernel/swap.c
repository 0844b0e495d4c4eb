// Swapping with a clock (second-chance) replacement over one address space, run when
// it holds more pages than its limit (setrss). The clock reads the Accessed bit: a page
// with A set gets a second chance (A cleared, and its TLB entries fenced, or a hart
// could go on using it without setting A again); a page with A clear goes out. Only a
// page whose Dirty bit is set is written to the swap area; a clean one whose copy in
// swap is still good (the swap map remembers it) or that was never written (it reads
// as zeros or as its file) is just dropped. The hardware sets A and D (--ad=hw), or,
// with Svade (--ad=fault), the page fault handler does (vm.c).
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

#define MAXSLOTS 8192 // 32 MiB of swap at most
#define SWAPMAP_MAX ((int)(PGSIZE / 8))

static struct {
  struct spinlock lock;
  uint64 start, nslots;  // first sector, slots of 8 sectors
  uint64 used[MAXSLOTS / 64];
} swap;

// Finds the swap area after the file system.
void swap_init(void)
{
  uint64 start, n;
  fs_swap_area(&start, &n);
  swap.start = start;
  swap.nslots = n / 8 < MAXSLOTS ? n / 8 : MAXSLOTS;
}

// Returns a free slot, marked used, or -1 if the swap area is full.
static long slot_alloc(void)
{
  acquire(&swap.lock);
  for (uint64 s = 0; s < swap.nslots; s++)
    if (!(swap.used[s / 64] >> (s % 64) & 1)) {
      swap.used[s / 64] |= 1UL << (s % 64);
      release(&swap.lock);
      return s;
    }
  release(&swap.lock);
  return -1;
}

// Gives a slot back.
void swap_slot_free(uint64 slot)
{
  acquire(&swap.lock);
  swap.used[slot / 64] &= ~(1UL << (slot % 64));
  release(&swap.lock);
}

// Reads slot into page; returns 0 or -1.
int swap_read(uint64 slot, void *page)
{
  return disk_rw(swap.start + slot * 8, page, 8, 0);
}

// Remembers that the clean page at va has a good copy in slot; returns 0, or -1 if the
// map is full (the caller then treats the page as dirty).
static int swapmap_put(struct vmspace *vs, uint64 va, uint64 slot)
{
  if (!vs->swapmap && (vs->swapmap = kalloc()) == 0) return -1;
  if (vs->nswapmap >= SWAPMAP_MAX) return -1;
  vs->swapmap[vs->nswapmap++] = (va >> PGSHIFT) << 16 | slot;
  return 0;
}

// Forgets the swap copy of the page at va; returns its slot, or -1 if it had none.
static long swapmap_take(struct vmspace *vs, uint64 va)
{
  for (int i = 0; i < vs->nswapmap; i++)
    if (vs->swapmap[i] >> 16 == va >> PGSHIFT) {
      long slot = vs->swapmap[i] & 0xffff;
      vs->swapmap[i] = vs->swapmap[--vs->nswapmap];
      return slot;
    }
  return -1;
}

// Frees the swap copies of the pages in [start, end) (they are being unmapped), and the
// map itself when the whole space goes.
void swapmap_drop(struct vmspace *vs, uint64 start, uint64 end)
{
  for (int i = 0; i < vs->nswapmap; i++) {
    uint64 va = (vs->swapmap[i] >> 16) << PGSHIFT;
    if (va < start || va >= end) continue;
    swap_slot_free(vs->swapmap[i] & 0xffff);
    vs->swapmap[i--] = vs->swapmap[--vs->nswapmap];
  }
  if (start == 0 && end == MAXUVA && vs->swapmap) {
    kfree(vs->swapmap);
    vs->swapmap = 0;
  }
}

// Brings the page at va back from the swap slot in its invalid PTE; returns 0 or -1.
// The page comes back clean (D clear) with its slot remembered, so evicting it again
// unchanged costs no write.
int swap_in(struct vmspace *vs, struct vma *v, uint64 va, pte_t *pte)
{
  uint64 slot = PTE2SLOT(*pte), dirty = 0;
  char *mem = kalloc();
  if (!mem) return -1;
  if (swap_read(slot, mem) < 0) { kfree(mem); return -1; }
  if (swapmap_put(vs, va, slot) < 0) {
    swap_slot_free(slot);
    dirty = PTE_D; // no copy kept: it must be written again if it goes out
  }
  *pte = PA2PTE(V2P(mem)) | USER_PTE | v->prot | dirty;
  vs->nresident++;
  COUNT(vs, pageins);
  return 0;
}

// Takes the page at va (PTE pte, valid or PROT_NONE) out of memory; returns 0, or -1
// if swap is full. A PROT_NONE page comes back with its region's prot, like any other.
static int evict(struct vmspace *vs, uint64 va, pte_t *pte)
{
  // Invalidate first and fence: after that no hart can set D or write the frame, so
  // the D bit read here is final (privileged spec 10.3.2: A/D updates are atomic with
  // the PTE check).
  pte_t old = __sync_lock_test_and_set(pte, 0);
  vs_fence(vs, va, PGSIZE);
  long slot = swapmap_take(vs, va);
  void *frame = P2V(PTE2PA(old));
  if (old & PTE_D) {
    if (slot < 0 && (slot = slot_alloc()) < 0) { *pte = old; return -1; }
    if (disk_rw(swap.start + slot * 8, frame, 8, 1) < 0) panic("swap write");
    COUNT(vs, writebacks);
    *pte = SLOT2PTE(slot);
  } else if (slot >= 0) {
    *pte = SLOT2PTE(slot); // the copy in swap is still good
  } else {
    COUNT(vs, clean_drops); // never written: the next fault gives it again
  }
  kfree(frame);
  vs->nresident--;
  COUNT(vs, pageouts);
  return 0;
}

// Reads back the page table that the invalid entry *entry says is in swap, and points
// the entry at it again; returns 0 or -1 (out of memory, or the disk failed).
int table_in(struct vmspace *vs, pte_t *entry)
{
  pagetable_t t = kalloc();
  if (!t) return -1;
  uint64 slot = PTE2SLOT(*entry);
  if (swap_read(slot, t) < 0) { kfree(t); return -1; }
  swap_slot_free(slot);
  *entry = PA2PTE(V2P(t)) | PTE_V;
  vs->ntables++;
  COUNT(vs, table_ins);
  return 0;
}

// Paging the page tables: once the leaf table that maps va holds no valid PTE, it costs
// a frame for nothing. If all its entries are empty it is freed; if some say "in swap",
// the table itself goes to swap and the level-1 entry says so (PTE_SWAP with V clear);
// walks bring it back (table_in). The level-1 entry was a pointer that page-walk caches
// may hold, and sfence.vma with an address orders only leaf PTEs (privileged spec
// 10.2.1): the whole ASID is fenced before the frame is reused.
static void table_out(struct vmspace *vs, uint64 va)
{
  pte_t *l1 = walk_to(vs, va, 1, 0);
  if (!l1 || !(*l1 & PTE_V) || (*l1 & PTE_LEAF)) return;
  pagetable_t t = P2V(PTE2PA(*l1));
  int swapped = 0;
  for (int i = 0; i < 512; i++) {
    if (t[i] & (PTE_V | PTE_PROTNONE)) return; // a PROT_NONE page still holds its frame
    if (t[i] & PTE_SWAP) swapped = 1;
  }
  long slot = swapped ? slot_alloc() : -1;
  if (swapped && slot < 0) return;
  pte_t old = *l1;
  *l1 = swapped ? SLOT2PTE(slot) : 0;
  vs_fence(vs, 0, 0);
  if (swapped && disk_rw(swap.start + slot * 8, t, 8, 1) < 0) panic("swap write");
  kfree(P2V(PTE2PA(old)));
  vs->ntables--;
  if (swapped) COUNT(vs, table_outs);
  else COUNT(vs, tables_freed);
}

// Returns 1 if the clock may take pages of region v.
static int evictable(struct vma *v)
{
  return !v->locked && (v->kind == VMA_ANON || v->kind == VMA_FILE_PRIVATE);
}

// Runs the clock until vs holds no more than its limit, never taking the page at avoid
// (the one being faulted in). Gives up after the hand went twice round without taking
// a page (everything left is locked or shared). Called with vs->lock held.
void swap_reclaim(struct vmspace *vs, uint64 avoid)
{
  for (int idle_rounds = 0; vs->nresident > vs->rss_limit && idle_rounds <= 2;) {
    if (vs->hand_vma >= vs->nvma) { vs->hand_vma = 0; vs->hand_va = 0; idle_rounds++; }
    struct vma *v = &vs->vma[vs->hand_vma];
    if (vs->hand_va < v->start) vs->hand_va = v->start;
    if (!evictable(v) || vs->hand_va >= v->end) {
      vs->hand_vma++;
      vs->hand_va = 0;
      continue;
    }
    uint64 va = vs->hand_va, next;
    int level;
    pte_t *pte = leaf_lookup(vs, va, &next, &level, 0);
    vs->hand_va = next;
    // A PROT_NONE page (V clear, frame kept) is a candidate too: no hart can set its A.
    if (pte && level == 0 && (*pte & (PTE_V | PTE_PROTNONE)) && !(*pte & PTE_N) &&
        va != PGROUNDDOWN(avoid) && krefcount(P2V(PTE2PA(*pte))) == 1) { // not shared
      if (*pte & PTE_A) {
        __sync_fetch_and_and(pte, ~PTE_A); // second chance
        if (*pte & PTE_V) vs_fence(vs, va, PGSIZE); // no TLB holds an invalid PTE
        COUNT(vs, a_cleared);
      } else if (evict(vs, va, pte) < 0) {
        return;
      } else {
        idle_rounds = 0;
      }
    }
    if (pte && level == 0 && (next & (HUGESIZE - 1)) == 0)
      table_out(vs, va); // the hand leaves this leaf table
  }
}

// setrss(npages): limits the pages vs keeps resident (0: no limit) and applies it now.
int vs_setrss(struct vmspace *vs, uint64 npages)
{
  acquire(&vs->lock);
  vs->rss_limit = npages;
  if (npages) swap_reclaim(vs, -1);
  release(&vs->lock);
  return 0;
}
