// Feature 13: mlock prefaults. When it returns every page of the range is present (and
// writable pages are private), so touching them takes no page fault.
#include "user.h"

#define VA (88UL << 30)
#define NPAGES 64

int main(void)
{
  if (mmap(VA, NPAGES * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  struct vmstat a, b, c;
  getstats(&a);
  if (mlock(VA, NPAGES * PGSIZE) < 0) fail("mlock failed");
  getstats(&b);
  if (b.resident - a.resident != NPAGES)
    failf("%lu pages present after mlock, not %d", b.resident - a.resident, NPAGES);
  for (int i = 0; i < NPAGES; i++)
    if (frame(VA + i * PGSIZE) == -1) failf("page %d is not present", i);
  volatile long *p = (volatile long *)VA;
  for (int i = 0; i < NPAGES; i++) p[i * PGSIZE / 8] += i;
  getstats(&c);
  if (c.count.faults != b.count.faults)
    failf("%lu faults touching locked pages", c.count.faults - b.count.faults);
  if (mlock(VA + NPAGES * PGSIZE, PGSIZE) == 0) fail("mlock of unmapped memory succeeded");
  return 0;
}
