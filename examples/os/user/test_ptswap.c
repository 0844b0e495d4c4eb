// Feature 11: paging the page tables. A sparse region touches one page in each of many
// 2 MiB blocks, so each page needs a leaf table of its own. Under a small resident
// limit the pages go to swap, and then the leaf tables that hold nothing but "in swap"
// entries go to swap too; touching a page again brings its table back, then the page.
#include "user.h"

#define VA (150UL << 30)
#define NBLK 64

static volatile long *block(int b) { return (volatile long *)(VA + (unsigned long)b * HUGE); }

int main(void)
{
  volatile int here = 0;
  unsigned long sp = ((unsigned long)&here - PGSIZE) & ~(PGSIZE - 1);
  if (mlock(sp, (256UL << 30) - sp) < 0) fail("mlock of the stack failed");
  if (mmap(VA, NBLK * HUGE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  struct vmstat a, b, c;
  getstats(&a);
  setrss(16);
  for (int i = 0; i < NBLK; i++) *block(i) = 1000 + i;
  getstats(&b);
  if (b.count.table_outs == 0) fail("no leaf table went to swap");
  if (b.tables >= a.tables + NBLK) failf("%lu tables resident: none left", b.tables - a.tables);
  for (int i = 0; i < NBLK; i++)
    if (*block(i) != 1000 + i) failf("block %d lost its data", i);
  getstats(&c);
  if (c.count.table_ins == b.count.table_ins) fail("no leaf table came back from swap");
  setrss(0);
  if (munmap(VA, NBLK * HUGE) < 0) fail("munmap failed");
  printf("ptswap: %lu leaf tables out, %lu back in, %lu freed empty; "
         "%lu table pages at most %d blocks\n",
         c.count.table_outs, c.count.table_ins, c.count.tables_freed, b.tables - a.tables, NBLK);
  return 0;
}
