// Feature 5: memory-mapped files. A shared mapping maps the page cache's frame itself,
// so every process mapping the file sees every write; a private mapping starts on the
// same frame, copy-on-write, and its first write gives it a copy of its own.
#include "user.h"

#define SH (112UL << 30)  // shared mapping
#define PR (113UL << 30)  // private mapping
#define LEN (3 * PGSIZE)

// Returns 1 if the bytes at p start with s.
static int starts(volatile char *p, const char *s)
{
  for (; *s; s++, p++)
    if (*p != *s) return 0;
  return 1;
}

int main(void)
{
  volatile char *sh = (volatile char *)SH, *pr = (volatile char *)PR;
  if (mmapfile(SH, LEN, PROT_READ | PROT_WRITE, MAP_SHARED, "data.txt", 0) != (long)SH)
    fail("shared mmapfile failed");
  if (mmapfile(PR, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE, "data.txt", 0) != (long)PR)
    fail("private mmapfile failed");
  if (!starts(sh, "line 000 of data.txt")) fail("the shared mapping does not show the file");
  if (!starts(pr + 36 * 10, "line 010")) fail("the private mapping does not show the file");
  long f = frame(SH);
  if (frame(PR) != f) fail("a read private page is not the page cache's frame");
  char old = sh[0];
  pr[0] = 'P';
  if (frame(PR) == f) fail("a private write did not copy");
  if (sh[0] != old) fail("a private write reached the shared mapping");
  sh[36] = 'S';
  int pid = fork();
  if (pid == 0) {
    // A fresh shared mapping of the file in another process sees the parent's write,
    // and the inherited one stays shared across fork.
    volatile char *c = (volatile char *)(114UL << 30);
    if (mmapfile((unsigned long)c, LEN, PROT_READ | PROT_WRITE, MAP_SHARED, "data.txt", 0) < 0) exit(2);
    if (c[36] != 'S') exit(3);
    c[72] = 'C';
    sh[108] = 'F';
    exit(0);
  }
  int st = -1;
  wait(&st);
  if (st != 0) failf("the child failed with status %d", st);
  if (sh[72] != 'C') fail("the child's write to its own shared mapping is not seen");
  if (sh[108] != 'F') fail("the child's write to the inherited shared mapping is not seen");
  if (pr[36] != 'l' || pr[0] != 'P') fail("a private copy changed after a shared write");
  // Put the page cache back as the file is on the disk, for later runs.
  sh[36] = 'l'; sh[72] = 'l'; sh[108] = 'l';
  if (mprotect(SH, LEN, PROT_READ | PROT_WRITE | PROT_EXEC) < 0)
    fail("mprotect of a shared file failed");
  if (munmap(SH, LEN) < 0 || munmap(PR, LEN) < 0) fail("munmap failed");
  return 0;
}
