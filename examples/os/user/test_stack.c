// Feature 7: the stack grows on demand, one page at a time, below its first pages; the
// page under its largest size is a guard, and touching it kills the process with a
// clear message instead of letting the stack run into other memory.
#include "user.h"

// Uses about depth KiB of stack, touching every frame; returns a checksum.
static long deep(int depth)
{
  volatile char buf[1000];
  buf[0] = depth;
  buf[999] = depth;
  if (depth == 0) return 0;
  return deep(depth - 1) + buf[0] + buf[999];
}

int main(void)
{
  struct vmstat a, b;
  getstats(&a);
  long sum = deep(200); // ~200 KiB: far past the first 16 KiB
  getstats(&b);
  long want = 0;
  for (int d = 1; d <= 200; d++) want += 2 * (char)d;
  if (sum != want) failf("deep recursion computed %ld, not %ld", sum, want);
  if (b.count.zero_fills - a.count.zero_fills < 40)
    failf("the stack grew by only %lu pages", b.count.zero_fills - a.count.zero_fills);
  int pid = fork();
  if (pid == 0) {
    deep(2000); // ~2 MiB: past the 1 MiB limit, into the guard page
    exit(0);
  }
  int st = 0;
  wait(&st);
  if (st != -1) failf("runaway recursion was not killed (status %d)", st);
  return 0;
}
