// Stress: threads on every hart map, touch, protect and unmap memory at once, in
// regions of their own and in one they share, while the main thread forks children
// that check their copies. Every page must hold what its owner last wrote.
#include "user.h"

#define NTHREADS 4
#define ROUNDS 12
#define SHARED (180UL << 30)
#define NSHARED 64

static volatile int finished; // workers that ended, well or not

// Ends a worker with status, counting it as finished.
static void finish(int status)
{
  __sync_fetch_and_add(&finished, 1);
  texit(status);
}

// Thread body: round after round, maps 16 pages of its own, fills and checks them,
// write-protects half, unmaps a quarter, and bumps its counter in the shared region.
static void worker(void *arg)
{
  long id = (long)arg;
  unsigned long mine = (181UL << 30) + id * (1UL << 30);
  for (int r = 0; r < ROUNDS; r++) {
    if (mmap(mine, 16 * PGSIZE, PROT_READ | PROT_WRITE) != (long)mine) finish(2);
    volatile long *p = (volatile long *)mine;
    for (int i = 0; i < 16; i++) p[i * 512] = id * 1000000 + r * 100 + i;
    if (mprotect(mine, 8 * PGSIZE, PROT_READ) < 0) finish(3);
    if (munmap(mine + 12 * PGSIZE, 4 * PGSIZE) < 0) finish(4);
    for (int i = 0; i < 12; i++)
      if (p[i * 512] != id * 1000000 + r * 100 + i) finish(5);
    if (munmap(mine, 12 * PGSIZE) < 0) finish(6);
    volatile long *s = (volatile long *)(SHARED + (unsigned long)(r % NSHARED) * PGSIZE);
    __sync_fetch_and_add(&s[id], 1);
    if (r % 4 == 0) yield();
  }
  finish(0);
}

int main(void)
{
  if (mmap(SHARED, NSHARED * PGSIZE, PROT_READ | PROT_WRITE) != (long)SHARED) fail("mmap failed");
  for (long i = 0; i < NTHREADS; i++)
    if (thread_create(worker, (void *)i) < 0) fail("thread_create failed");
  int forks = 0, bad = 0, st;
  while (finished < NTHREADS) {
    if (forks >= 10) { yield(); continue; } // enough: let the workers finish
    int pid = fork();
    if (pid == 0) {
      volatile long *s = (volatile long *)SHARED;
      long sum = 0;
      for (int k = 0; k < NSHARED; k++) sum += s[k * 512] + s[k * 512 + 1];
      for (int k = 0; k < 3; k++) yield();
      long again = 0;
      for (int k = 0; k < NSHARED; k++) again += s[k * 512] + s[k * 512 + 1];
      exit(sum == again ? 0 : 2);
    }
    if (pid < 0) fail("fork failed");
    if (waitpid(pid, &st) != pid || st != 0) bad++;
    forks++;
  }
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != 0) failf("a worker failed with status %d", st);
  if (bad) failf("%d of %d children saw their copy change", bad, forks);
  long total = 0;
  for (int k = 0; k < NSHARED; k++)
    for (int i = 0; i < NTHREADS; i++) total += ((volatile long *)(SHARED + k * PGSIZE))[i];
  if (total != NTHREADS * ROUNDS) failf("the shared counters add up to %ld, not %d", total, NTHREADS * ROUNDS);
  return 0;
}
