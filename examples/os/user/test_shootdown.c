// Feature 6: munmap in a multi-threaded process. Threads on every hart keep reading a
// page, so each hart's TLB caches its translation; the main thread unmaps it. After
// munmap returns, a read by any thread must fault (killing that thread): the kernel
// cleared the PTE and then fenced every hart in the address space's CPU mask. With
// -append nofence=munmap the fence is left out and a thread reads the stale page.
#include "user.h"

#define VA (72UL << 30)
#define NTHREADS 4

static volatile int ready, unmapped, mainhart, elsewhere;
static volatile long sink;

// Thread body: reads the page until told it is gone, then reads it once more.
static void reader(void *arg)
{
  (void)arg;
  volatile long *p = (volatile long *)VA;
  for (int i = 0; i < 400 && hartid() == mainhart; i++) yield(); // on another hart if any
  if (hartid() != mainhart) elsewhere = 1;
  sink += *p;
  __sync_fetch_and_add(&ready, 1);
  for (long n = 1; !unmapped; n++) {
    sink += *p;
    if (n % 256 == 0) yield(); // the TLB entry stays on this hart meanwhile (ASIDs)
  }
  __sync_synchronize();
  long v = *p; // must fault: munmap has returned
  printf("thread on hart %d read %ld after munmap\n", hartid(), v);
  texit(0);
}

int main(void)
{
  if (mmap(VA, PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  *(volatile long *)VA = 42;
  mainhart = hartid();
  for (int i = 0; i < NTHREADS; i++)
    if (thread_create(reader, 0) < 0) fail("thread_create failed");
  while (ready < NTHREADS) yield();
  for (int i = 0; i < 20; i++) yield(); // let every thread spin a while
  if (munmap(VA, PGSIZE) < 0) fail("munmap failed");
  __sync_synchronize();
  unmapped = 1;
  int st, stale = 0;
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != -1) stale++;
  if (stale) failf("%d of %d threads read the page after munmap returned", stale, NTHREADS);
  struct vmstat s;
  getstats(&s);
  printf("shootdown: %lu remote fences sent by this address space, to %lu harts\n",
         s.count.shootdowns_sent, s.count.shootdown_targets);
  // a thread that read the page on another hart left a translation there: munmap
  // must have fenced that hart remotely (a local fence alone would prove nothing)
  if (elsewhere && s.count.shootdown_targets == 0) fail("threads read the page on other harts, but munmap fenced none");
  return 0;
}
