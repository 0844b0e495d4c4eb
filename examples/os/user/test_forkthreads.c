// Feature 2, with threads: fork while other threads of the parent write on other harts.
// Fork turns the parent's writable pages read-only and must fence every hart running a
// thread of it before returning; each child then checks that its snapshot never moves
// while the parent's threads go on writing. With -append nofence=cow the threads keep
// writing through stale writable TLB entries into frames the child shares.
#include "user.h"

#define NTHREADS 3
#define NFORKS 4

static volatile long slot[NTHREADS][PGSIZE / 8]; // one page per thread
static volatile int stop, running;

// Thread body: counts up in its own page, checking every write reads back.
static void writer(void *arg)
{
  long i = (long)arg, n = 0;
  __sync_fetch_and_add(&running, 1);
  while (!stop) {
    slot[i][0] = ++n;
    if (slot[i][0] != n) texit(2);
    if (n % 256 == 0) yield(); // on one hart, let the others run before the tick
  }
  texit(0);
}

int main(void)
{
  for (long i = 0; i < NTHREADS; i++)
    if (thread_create(writer, (void *)i) < 0) fail("thread_create failed");
  while (running < NTHREADS) yield();
  int bad = 0, st;
  for (int k = 0; k < NFORKS; k++) {
    for (int i = 0; i < 10; i++) yield();
    int pid = fork();
    if (pid == 0) {
      long snap[NTHREADS];
      for (int i = 0; i < NTHREADS; i++) snap[i] = slot[i][0];
      for (int r = 0; r < 30; r++) {
        yield();
        for (int i = 0; i < NTHREADS; i++)
          if (slot[i][0] != snap[i]) {
            printf("child: slot %d moved from %ld to %ld\n", i, snap[i], slot[i][0]);
            exit(3);
          }
      }
      exit(0);
    }
    if (pid < 0) fail("fork failed");
    if (waitpid(pid, &st) != pid || st != 0) bad++;
  }
  stop = 1;
  int tbad = 0;
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != 0) tbad++;
  if (bad) failf("%d of %d children saw the parent's threads write", bad, NFORKS);
  if (tbad) failf("%d threads lost a write", tbad);
  return 0;
}
