// Feature 2: fork with copy-on-write. Parent and child share every frame after fork;
// the first write of either copies the page, and each then sees only its own data.
#include "user.h"

static volatile long data[1024] = { 1 }; // two pages of .data, private to each process

// Runs in the child: checks sharing, writes, checks the copy; returns an exit status.
static int child(long f0)
{
  if (data[0] != 42) { printf("child sees %ld, not 42\n", data[0]); return 2; }
  if (frame((unsigned long)&data[0]) != f0) { printf("child does not share the frame\n"); return 3; }
  struct vmstat a, b;
  getstats(&a);
  data[0] = 100;
  getstats(&b);
  if (frame((unsigned long)&data[0]) == f0) { printf("child's write did not copy\n"); return 4; }
  if (b.count.cow_copies != a.count.cow_copies + 1) {
    printf("cow_copies %lu -> %lu, reuses %lu -> %lu, faults %lu -> %lu\n", a.count.cow_copies,
           b.count.cow_copies, a.count.cow_reuses, b.count.cow_reuses, a.count.faults,
           b.count.faults);
    return 5;
  }
  if (data[0] != 100 || data[512] != 7) { printf("child lost its data\n"); return 6; }
  return 0;
}

int main(void)
{
  data[0] = 42;
  data[512] = 7;
  long f0 = frame((unsigned long)&data[0]);
  int pid = fork();
  if (pid < 0) fail("fork failed");
  if (pid == 0) exit(child(f0));
  int st = -1;
  if (wait(&st) != pid || st != 0) failf("child failed with status %d", st);
  if (data[0] != 42) failf("parent sees %ld after the child wrote", data[0]);
  // The child has gone: the parent holds the only reference, so writing reuses the frame.
  struct vmstat a, b;
  getstats(&a);
  data[0] = 43;
  getstats(&b);
  if (frame((unsigned long)&data[0]) != f0) fail("parent's write copied a frame it alone holds");
  if (b.count.cow_reuses != a.count.cow_reuses + 1)
    fail("parent's write was not a copy-on-write reuse");
  // Several children at once, each writing its own value.
  for (int i = 0; i < 4; i++) {
    if ((pid = fork()) == 0) {
      data[512] = 1000 + i;
      for (int k = 0; k < 20; k++) {
        yield();
        if (data[512] != 1000 + i) exit(10 + i);
      }
      exit(0);
    }
  }
  for (int i = 0; i < 4; i++)
    if (wait(&st) < 0 || st != 0) failf("a writer child failed with status %d", st);
  if (data[512] != 7 || data[0] != 43) fail("parent's data changed");
  return 0;
}
