// Feature 4: shared memory by sharing a page table. Two processes map one 2 MiB region
// whose leaf table is a single page both level-1 entries point to (at different
// addresses, even). A page the first process faulted in is present for the second at
// once: its hardware walk finds the valid PTE, so reading it takes no page fault.
#include "user.h"

#define VA1 (160UL << 30)
#define VA2 (161UL << 30)
#define KEY 42

// Returns the first word of page `page` of the region at base.
static volatile long *at(unsigned long base, int page)
{
  return (volatile long *)(base + (unsigned long)page * PGSIZE);
}

int main(void)
{
  if (shmtable(VA1, KEY) < 0) fail("shmtable failed");
  *at(VA1, 0) = 1111;
  *at(VA1, 5) = 5555;
  long pt = ptable(VA1);
  if (pt == -1) fail("no leaf table behind the shared region");
  int pid = fork();
  if (pid == 0) {
    if (shmtable(VA2, KEY) < 0) exit(2);
    if (ptable(VA2) != pt || ptable(VA1) != pt) exit(3); // one table, at both addresses
    struct vmstat a, b;
    getstats(&a);
    long x = *at(VA2, 0), y = *at(VA2, 5);
    getstats(&b);
    if (x != 1111 || y != 5555) exit(4);
    if (b.count.faults != a.count.faults) exit(5); // present already: no fault
    *at(VA2, 9) = 9999;
    if (frame(VA2 + 9 * PGSIZE) != frame(VA1 + 9 * PGSIZE)) exit(6);
    if (munmap(VA2, HUGE) < 0 || ptable(VA2) != -1) exit(7);
    exit(0);
  }
  int st = -1;
  wait(&st);
  if (st != 0) failf("the second process failed with status %d", st);
  struct vmstat a, b;
  getstats(&a);
  long z = *at(VA1, 9);
  getstats(&b);
  if (z != 9999) failf("the page the child filled reads %ld", z);
  if (b.count.faults != a.count.faults) fail("the child's page was not present here");
  if (munmap(VA1, PGSIZE) == 0) fail("a partial munmap of the shared table succeeded");
  if (munmap(VA1, HUGE) < 0) fail("munmap failed");
  return 0;
}
