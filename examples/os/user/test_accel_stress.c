// Feature 15 under stress: four threads, spread over the harts, each keep mapping a
// few pages, giving the device a fill of them (every fourth round write-protecting the
// first page while the fill may be running), checking, checksumming and unmapping them;
// after munmap the device must fault there. Meanwhile the main thread forks children
// that use the device in address spaces of their own, and last children that exit with
// descriptors still in the device (their PASIDs must not be handed out again before
// those complete, and nothing may be left behind).
#include "user.h"

#define VA (200UL << 30) // thread i works at VA + i GiB
#define NTHREADS 4
#define ROUNDS 60

static const char *volatile bad; // the first thing that went wrong
static volatile int bad_thread, bad_round;

// Remembers the first failure.
static void wrong(const char *what, int t, int i)
{
  if (!bad) { bad = what; bad_thread = t; bad_round = i; }
}

// Thread body: ROUNDS rounds of map, device fill, check, device CRC, unmap.
static void worker(void *arg)
{
  int t = (int)(long)arg;
  unsigned long base = VA + (unsigned long)t * (1UL << 30);
  struct accel_done d;
  for (int i = 0; i < ROUNDS && !bad; i++) {
    unsigned long n = 1 + i % 5, len = n * PGSIZE;
    unsigned long value = 0x0101010101010101UL * (unsigned char)(i + 1);
    if (mmap(base, len, PROT_READ | PROT_WRITE) != (long)base) { wrong("mmap", t, i); break; }
    if (i % 3 == 0) *(volatile long *)base = 5; // sometimes present before the device comes
    long ticket = accel_start(OP_FILL, base, 0, 0, len, value);
    int racing = i % 4 == 1;
    if (racing && mprotect(base, PGSIZE, PROT_READ) < 0) wrong("mprotect", t, i);
    int st = accel_wait(ticket, &d);
    if (st != ACCEL_OK && !(racing && st == ACCEL_FAULT && d.cause == 15)) wrong("fill", t, i);
    if (st == ACCEL_OK && *(volatile unsigned char *)(base + len - 1) != (unsigned char)(i + 1))
      wrong("fill's data", t, i);
    if (accel(OP_CRC32, 0, base, 0, len, 0, &d) != ACCEL_OK ||
        d.result != crc32((void *)base, len))
      wrong("crc", t, i);
    if (munmap(base, len) < 0) wrong("munmap", t, i);
    if (accel(OP_CRC32, 0, base, 0, PGSIZE, 0, &d) != ACCEL_FAULT) wrong("no fault after munmap", t, i);
  }
  texit(0);
}

int main(void)
{
  need_accel();
  int st;
  for (long i = 0; i < NTHREADS; i++)
    if (thread_create(worker, (void *)i) < 0) fail("thread_create failed");
  for (int k = 0; k < 6; k++) {
    int pid = fork();
    if (pid == 0) {
      struct accel_done d;
      if (mmap(VA - PGSIZE, PGSIZE, PROT_READ | PROT_WRITE) != (long)(VA - PGSIZE)) exit(2);
      if (accel(OP_FILL, VA - PGSIZE, 0, 0, PGSIZE, 7, &d) != ACCEL_OK) exit(3);
      exit(*(volatile long *)(VA - PGSIZE) == 7 ? 0 : 4);
    }
    if (pid < 0 || waitpid(pid, &st) != pid || st != 0) failf("child %d failed with status %d", k, st);
    yield();
  }
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != 0) fail("a worker thread died");
  if (bad) failf("thread %d, round %d: %s", bad_thread, bad_round, bad);
  // Children leaving with work in the device: it ends on an invalid process context.
  for (int k = 0; k < 8; k++) {
    int pid = fork();
    if (pid == 0) {
      if (mmap(VA, 64 * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) exit(2);
      for (int j = 0; j < 3; j++)
        if (accel_start(OP_FILL, VA, 0, 0, 64 * PGSIZE, 9) < 0) exit(3);
      exit(0);
    }
    if (pid < 0 || waitpid(pid, &st) != pid || st != 0) failf("leaving child %d: status %d", k, st);
  }
  struct devstat ds;
  devstat(&ds, 0);
  if (ds.pasids != 1) failf("%lu process contexts valid, only this one should be", ds.pasids);
  printf("accel_stress: %lu descriptors so far, %lu of them FAULT\n", ds.descriptors, ds.status[ACCEL_FAULT]);
  return 0;
}
