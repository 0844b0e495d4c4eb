// Feature 12: W^X for a JIT. Code is written into a page that is writable and not
// executable, then the page is made executable and not writable (mprotect: PTE first,
// then a fence on every hart of the address space, then fence.i on each), and threads
// on every hart run it. A rewrite goes back through a writable, non-executable page.
// Writing to the page while it is executable must fault.
#include "user.h"

#define VA (104UL << 30)
#define NTHREADS 4
#define ROUNDS 3

static volatile int generation, done[NTHREADS];
static volatile long result[NTHREADS];

// Writes `li a0, value; ret` at VA.
static void emit(int value)
{
  volatile unsigned int *code = (volatile unsigned int *)VA;
  code[0] = ((unsigned)value << 20) | (10 << 7) | 0x13; // addi a0, zero, value
  code[1] = 0x00008067;                                 // jalr zero, 0(ra)
}

// Thread body: runs the generated code once per generation.
static void runner(void *arg)
{
  long i = (long)arg;
  for (int g = 1; g <= ROUNDS; g++) {
    while (generation < g) yield();
    result[i] = ((long (*)(void))VA)();
    __sync_synchronize();
    done[i] = g;
  }
  texit(0);
}

int main(void)
{
  if (mmap(VA, PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  for (long i = 0; i < NTHREADS; i++)
    if (thread_create(runner, (void *)i) < 0) fail("thread_create failed");
  for (int g = 1; g <= ROUNDS; g++) {
    if (g > 1 && mprotect(VA, PGSIZE, PROT_READ | PROT_WRITE) < 0) fail("mprotect RW failed");
    emit(100 * g);
    if (mprotect(VA, PGSIZE, PROT_READ | PROT_EXEC) < 0) fail("mprotect RX failed");
    __sync_synchronize();
    generation = g;
    for (int i = 0; i < NTHREADS; i++)
      while (done[i] < g) yield();
    for (int i = 0; i < NTHREADS; i++)
      if (result[i] != 100 * g) failf("round %d: thread %d got %ld", g, i, result[i]);
  }
  int st;
  for (int i = 0; i < NTHREADS; i++) wait(&st);
  if (fork() == 0) {
    *(volatile int *)VA = 0; // must fault: the page is not writable now
    exit(0);
  }
  wait(&st);
  if (st != -1) fail("a write to the executable page did not fault");
  return 0;
}
