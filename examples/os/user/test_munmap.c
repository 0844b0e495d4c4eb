// Feature 6 (first part): munmap and mprotect fence every hart that may cache the
// address space. A child touches a page on one hart, moves to another hart, unmaps the
// page there, moves back, and reads it: the read must fault (and kill the child),
// because the munmap's remote fence removed the first hart's TLB entry.
#include "user.h"

#define VA (80UL << 30)

// Yields until running on a hart other than `not` (or tries run out); returns the hart.
static int move_off(int not)
{
  int h = hartid();
  for (int i = 0; i < 200 && h == not; i++) {
    yield();
    h = hartid();
  }
  return h;
}

// Yields until back on hart `want` (or tries run out).
static void move_to(int want)
{
  for (int i = 0; i < 400 && hartid() != want; i++) yield();
}

// Child of the munmap case: returns only if the stale read succeeded.
static void stale_read_after_munmap(void)
{
  volatile long *p = (volatile long *)VA;
  *p = 1234;
  int first = hartid();
  long v = *p; // the first hart's TLB now holds the translation
  move_off(first);
  munmap(VA, PGSIZE);
  move_to(first);
  v = *p; // must fault
  printf("read %ld after munmap on hart %d\n", v, hartid());
  exit(0);
}

// Child of the mprotect case: returns only if the stale write succeeded.
static void stale_write_after_mprotect(void)
{
  volatile long *p = (volatile long *)VA;
  *p = 1;
  int first = hartid();
  move_off(first);
  mprotect(VA, PGSIZE, PROT_READ);
  if (*p != 1) exit(3);
  move_to(first);
  *p = 2; // must fault
  printf("wrote after mprotect(PROT_READ) on hart %d\n", hartid());
  exit(0);
}

int main(void)
{
  if (mmap(VA, PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  int st = 0;
  if (fork() == 0) stale_read_after_munmap();
  wait(&st);
  if (st != -1) failf("munmap: the child was not killed (status %d)", st);
  if (fork() == 0) stale_write_after_mprotect();
  wait(&st);
  if (st != -1) failf("mprotect: the child was not killed (status %d)", st);
  // mprotect back to writable works, the data kept.
  volatile long *p = (volatile long *)VA;
  *p = 5;
  if (mprotect(VA, PGSIZE, PROT_READ) < 0 || *p != 5) fail("mprotect read-only lost the data");
  if (mprotect(VA, PGSIZE, PROT_READ | PROT_WRITE) < 0) fail("mprotect back failed");
  *p = 6;
  if (*p != 6) fail("write after mprotect back failed");
  if (munmap(VA, PGSIZE) < 0 || frame(VA) != -1) fail("munmap left the page");
  return 0;
}
