// Feature 1: demand paging. Memory from mmap is empty until touched; the first touch of
// a page zero-fills it, and page-table pages appear only where a touch needs them.
#include "user.h"

#define GIB (1UL << 30)
#define MIB2 (2UL << 20)

int main(void)
{
  // 128 GiB is 1 GiB aligned and far from the program and its stack, so its tables
  // are all new: one level-1 table per GiB touched and one leaf table per 2 MiB.
  unsigned long base = 128 * GIB;
  if (mmap(base, 2 * GIB, PROT_READ | PROT_WRITE) != (long)base) fail("mmap at 128 GiB failed");
  struct vmstat a, b;
  getstats(&a);
  if (frame(base) != -1) fail("a page is present before any touch");
  volatile char *p = (volatile char *)base;
  if (p[0] != 0) fail("first read of a fresh page is not zero");
  unsigned long touch[] = { 0, PGSIZE, 2 * PGSIZE, 5 * MIB2, 100 * MIB2 + 123 * PGSIZE,
                            GIB + 7 * MIB2 };
  int n = sizeof(touch) / sizeof(touch[0]);
  for (int i = 0; i < n; i++) p[touch[i] + 8] = 'a' + i;
  getstats(&b);
  // GiB 0: one level-1 table + leaf tables for 2 MiB regions 0, 5, 100; GiB 1: 1 + 1.
  unsigned long want_tables = 6;
  if (b.tables - a.tables != want_tables)
    failf("%lu new page-table pages, the minimum is %lu", b.tables - a.tables, want_tables);
  if (b.count.zero_fills - a.count.zero_fills != (unsigned long)n)
    failf("%lu zero fills for %d pages", b.count.zero_fills - a.count.zero_fills, n);
  if (b.resident - a.resident != (unsigned long)n)
    failf("%lu pages resident for %d touched", b.resident - a.resident, n);
  for (int i = 0; i < n; i++)
    if (p[touch[i] + 8] != 'a' + i || p[touch[i]] != 0) failf("page %d lost its data", i);
  if (frame(base + 3 * PGSIZE) != -1) fail("an untouched page is present");
  if (munmap(base, 2 * GIB) < 0) fail("munmap failed");
  struct vmstat c;
  getstats(&c);
  if (c.resident != a.resident)
    failf("%lu pages still resident after munmap", c.resident - a.resident);
  printf("demand: %lu tables for %d pages in %lu levels\n", b.tables - a.tables, n, b.levels);
  return 0;
}
