// Feature 9: ASIDs. Several processes map different frames at one virtual address and
// take turns on the harts; the kernel switches satp without flushing the TLB, so if two
// of them ever shared an ASID a process would read another one's value.
#include "user.h"

#define VA (96UL << 30)
#define NCHILD 6
#define ROUNDS 100

// Maps VA, writes tag there and checks it across many context switches; returns 0 or
// the bad value's low bits + 1.
static int run(long tag)
{
  if (mmap(VA, PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) return 1;
  volatile long *p = (volatile long *)VA;
  *p = tag;
  for (int i = 0; i < ROUNDS; i++) {
    yield();
    long v = *p;
    if (v != tag) {
      printf("pid %d expected %ld at %p, read %ld (round %d)\n", getpid(), tag, VA, v, i);
      return 2;
    }
  }
  return 0;
}

int main(void)
{
  for (int i = 0; i < NCHILD; i++)
    if (fork() == 0) exit(run(1000 + i));
  int r = run(999);
  int bad = 0, st;
  for (int i = 0; i < NCHILD; i++)
    if (wait(&st) < 0 || st != 0) bad++;
  if (r) fail("the parent read another process's value");
  if (bad) failf("%d children read another process's value", bad);
  struct vmstat s;
  getstats(&s);
  printf("asid: %d processes, this one ASID %lu, %lu rollovers so far\n", NCHILD + 1, s.asid,
         s.asid_rollovers);
  return 0;
}
