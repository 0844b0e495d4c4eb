// brk: the heap after the program grows with sbrk, filled on first touch like any
// anonymous memory, and shrinking it unmaps the pages past the new end.
#include "user.h"

int main(void)
{
  long base = sbrk(0);
  if (base == -1 || base % PGSIZE) failf("sbrk(0) gave %p", base);
  struct vmstat a, b;
  getstats(&a);
  if (sbrk(8 * PGSIZE + 100) != base) fail("sbrk did not return the old end");
  getstats(&b);
  if (b.resident != a.resident) fail("growing the heap mapped pages before a touch");
  volatile char *h = (volatile char *)base;
  for (int i = 0; i < 8 * (int)PGSIZE + 100; i += 512) {
    if (h[i] != 0) fail("new heap memory is not zero");
    h[i] = (char)i;
  }
  if (sbrk(0) != base + 8 * (long)PGSIZE + 100) fail("sbrk(0) does not show the new end");
  if (sbrk(-(6 * (long)PGSIZE + 100)) == -1) fail("shrinking the heap failed");
  if (frame(base + PGSIZE) == -1 || frame(base + 2 * PGSIZE) != -1)
    fail("shrinking unmapped the wrong pages");
  if (h[512] != (char)512) fail("the heap lost its data");
  int pid = fork();
  if (pid == 0) {
    h[3 * PGSIZE] = 1; // past the end: must fault
    exit(0);
  }
  int st = 0;
  wait(&st);
  if (st != -1) fail("a write past the heap's end did not fault");
  if (sbrk(-(long)(2 * PGSIZE)) != base + 2 * (long)PGSIZE || sbrk(-1) != -1)
    fail("sbrk below the start worked");
  return 0;
}
