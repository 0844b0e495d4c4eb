// Feature 8, 1 GiB pages. In a region marked MADV_GIANT, one fault maps a whole aligned
// GiB with a single leaf two levels above the 4 KiB ones (in Sv39, a root entry);
// unmapping 4 KiB of it demotes it to 512 pages of 2 MiB, and then the touched one to
// 4 KiB pages. It needs an aligned GiB of free RAM: run with -m 3G or more (the test
// says SKIP otherwise).
#include "user.h"

#define VA (128UL << 30)

int main(void)
{
  struct vmstat a, b;
  getstats(&a);
  if (a.free_frames < GIANT / PGSIZE) skip("needs 1 GiB of free RAM (try -m 3G)");
  if (mmap(VA, GIANT, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  if (madvise(VA, GIANT, MADV_GIANT) < 0) fail("madvise(MADV_GIANT) failed");
  volatile long *p = (volatile long *)VA;
  p[0] = 42;
  getstats(&b);
  if (b.count.giant_fills != a.count.giant_fills + 1) {
    if (b.count.huge_fills != a.count.huge_fills) skip("no aligned free GiB (try a larger -m)");
    fail("the first touch did not map a 1 GiB page");
  }
  if (b.resident - a.resident != GIANT / PGSIZE)
    failf("%lu pages resident", b.resident - a.resident);
  long f = frame(VA);
  if (f % GIANT || frame(VA + GIANT - PGSIZE) != f + (long)(GIANT - PGSIZE))
    fail("not one aligned GiB");
  if (p[GIANT / 8 - 1] != 0) fail("the last word is not zero");
  // Demotion: 1 GiB -> 512 x 2 MiB -> 512 x 4 KiB around the hole.
  if (munmap(VA + 3 * HUGE + PGSIZE, PGSIZE) < 0) fail("munmap of 4 KiB failed");
  getstats(&a);
  if (a.count.demotions != b.count.demotions + 2)
    failf("%lu demotions, not 2", a.count.demotions - b.count.demotions);
  if (frame(VA + 3 * HUGE + PGSIZE) != -1) fail("the unmapped page is still there");
  if (frame(VA + 3 * HUGE) != f + 3 * (long)HUGE || p[0] != 42) fail("demotion moved the data");
  if (munmap(VA, GIANT) < 0) fail("munmap failed");
  return 0;
}
