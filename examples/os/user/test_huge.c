// Feature 8: 2 MiB pages. In a region marked MADV_HUGEPAGE one fault maps a whole
// aligned 2 MiB block with a single level-1 leaf (no leaf table); unmapping 4 KiB of it
// demotes it to 512 small pages; a block filled page by page is promoted when the
// region becomes huge; a copy-on-write write splits the huge page first.
#include "user.h"

#define VA (120UL << 30) // 1 GiB aligned, so its tables are all new
#define LEN (8 * HUGE)

int main(void)
{
  volatile char *p = (volatile char *)VA;
  if (mmap(VA, LEN, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  if (madvise(VA, LEN, MADV_HUGEPAGE) < 0) fail("madvise(MADV_HUGEPAGE) failed");
  struct vmstat a, b;
  getstats(&a);
  p[0] = 1;
  getstats(&b);
  if (b.count.huge_fills != a.count.huge_fills + 1) fail("the first touch did not map a huge page");
  if (b.resident - a.resident != 512) failf("%lu pages resident, not 512", b.resident - a.resident);
  if (b.tables - a.tables != 1)
    failf("%lu new tables, not 1 (no leaf table for a huge page)", b.tables - a.tables);
  if (!frames_contiguous(VA, HUGE)) fail("the huge page is not one aligned 2 MiB frame");
  if (p[HUGE - 1] != 0) fail("the huge page is not zero-filled");

  // Demotion: unmap one 4 KiB page inside it.
  long f = frame(VA);
  if (munmap(VA + 5 * PGSIZE, PGSIZE) < 0) fail("munmap of 4 KiB failed");
  getstats(&a);
  if (a.count.demotions != b.count.demotions + 1)
    fail("a partial munmap did not demote the huge page");
  if (frame(VA + 5 * PGSIZE) != -1) fail("the unmapped page is still there");
  if (frame(VA + 6 * PGSIZE) != f + 6 * (long)PGSIZE || p[0] != 1) fail("demotion moved the data");

  // Promotion: fill a block with 4 KiB pages, then let the region use huge pages.
  unsigned long blk = VA + 2 * HUGE;
  volatile char *q = (volatile char *)blk;
  if (madvise(blk, HUGE, MADV_NOHUGEPAGE) < 0) fail("madvise(MADV_NOHUGEPAGE) failed");
  for (int i = 0; i < 512; i++) q[i * PGSIZE + 7] = (char)i;
  getstats(&a);
  if (frames_contiguous(blk, HUGE)) fail("4 KiB faults happened to give a huge page");
  if (madvise(blk, HUGE, MADV_HUGEPAGE) < 0) fail("madvise to promote failed");
  getstats(&b);
  if (b.count.promotions != a.count.promotions + 1) fail("a full aligned block was not promoted");
  if (!frames_contiguous(blk, HUGE)) fail("the promoted block is not one aligned 2 MiB frame");
  if (a.tables - b.tables != 1) fail("promotion did not free the leaf table");
  for (int i = 0; i < 512; i++)
    if (q[i * PGSIZE + 7] != (char)i) failf("promotion lost page %d", i);

  // Copy-on-write of a huge page: the child's write splits its copy.
  unsigned long c = VA + 4 * HUGE;
  volatile char *r = (volatile char *)c;
  r[0] = 9;
  long fc = frame(c);
  int pid = fork();
  if (pid == 0) {
    r[100] = 7;
    exit(r[100] == 7 && r[0] == 9 && frame(c) != fc ? 0 : 2);
  }
  int st = -1;
  wait(&st);
  if (st != 0) failf("the child's copy-on-write of a huge page failed (%d)", st);
  if (r[100] != 0 || r[0] != 9) fail("the child's write reached the parent's huge page");
  r[100] = 8;
  if (r[100] != 8) fail("the parent cannot write its huge page after the child left");
  if (munmap(VA, LEN) < 0) fail("munmap failed");
  printf("huge: %lu huge fills, %lu promotions, %lu demotions\n", b.count.huge_fills,
         b.count.promotions, b.count.demotions);
  return 0;
}
