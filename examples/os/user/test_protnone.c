// Feature 6 (PROT_NONE): mprotect(PROT_NONE) keeps each page's frame and data but makes
// its PTE invalid (with the kernel's PTE_PROTNONE mark), so every access faults; a later
// mprotect gives the same frame back, neither zeroed nor copied. Checked with threads
// that read the page on other harts when it goes (the fence), with a forked child (whose
// copy-on-write copy is PROT_NONE too), with pages the swap clock sends out, and with a
// 2 MiB page and a 64 KiB block (demoted to 4 KiB pages on the same frames).
#include "user.h"

#define VA (90UL << 30)
#define SW (91UL << 30)
#define HV (92UL << 30) // 2 MiB and 64 KiB pages
#define GV (128UL << 30) // a 1 GiB page, with -m 3G
#define NP 8
#define NSW 64
#define RSS 16
#define NTHREADS 3
#define W(i, k, seed) ((long)(seed) * 100000 + (long)(i) * 1000 + (k))

static volatile int ready, gone, mainhart;
static volatile long sink;

static volatile long *page(unsigned long base, int i)
{
  return (volatile long *)(base + (unsigned long)i * PGSIZE);
}

// Writes the pattern of seed into n pages from base.
static void fill(unsigned long base, int n, long seed)
{
  for (int i = 0; i < n; i++) {
    page(base, i)[0] = W(i, 0, seed);
    page(base, i)[300] = W(i, 300, seed);
    page(base, i)[511] = W(i, 511, seed);
  }
}

// Returns the first of n pages from base that lacks the pattern of seed, or -1.
static int check(unsigned long base, int n, long seed)
{
  for (int i = 0; i < n; i++)
    if (page(base, i)[0] != W(i, 0, seed) || page(base, i)[300] != W(i, 300, seed) ||
        page(base, i)[511] != W(i, 511, seed))
      return i;
  return -1;
}

// Returns 1 if a forked child that reads (or writes) va is killed by the fault.
static int access_kills(unsigned long va, int write)
{
  int pid = fork(), st = 0;
  if (pid < 0) fail("fork failed");
  if (pid == 0) {
    if (write) *(volatile long *)va = 1;
    else sink = *(volatile long *)va;
    exit(0);
  }
  waitpid(pid, &st);
  return st == -1;
}

// Thread body: reads the first page until it is made PROT_NONE, then once more.
static void reader(void *arg)
{
  (void)arg;
  for (int i = 0; i < 400 && hartid() == mainhart; i++) yield(); // on another hart if any
  sink += *page(VA, 0);
  __sync_fetch_and_add(&ready, 1);
  for (long n = 1; !gone; n++) {
    sink += *page(VA, 0);
    if (n % 256 == 0) yield();
  }
  __sync_synchronize();
  long v = *page(VA, 0); // must fault: mprotect has returned
  printf("thread on hart %d read %ld after mprotect(PROT_NONE)\n", hartid(), v);
  texit(0);
}

// PROT_NONE while threads on other harts read the page; then back, same frames.
static void with_threads(void)
{
  long f[NP];
  fill(VA, NP, 1);
  for (int i = 0; i < NP; i++) f[i] = frame(VA + i * PGSIZE);
  mainhart = hartid();
  for (int i = 0; i < NTHREADS; i++)
    if (thread_create(reader, 0) < 0) fail("thread_create failed");
  while (ready < NTHREADS) yield();
  for (int i = 0; i < 20; i++) yield();
  struct vmstat a, b;
  getstats(&a);
  if (mprotect(VA, NP * PGSIZE, PROT_NONE) < 0) fail("mprotect(PROT_NONE) refused");
  getstats(&b);
  __sync_synchronize();
  gone = 1;
  int st, stale = 0;
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != -1) stale++;
  if (stale) failf("%d of %d threads read the page after mprotect(PROT_NONE)", stale, NTHREADS);
  if (frame(VA) != -1) fail("a PROT_NONE page still has a valid PTE");
  printf("protnone: mprotect(PROT_NONE) fenced %lu other harts\n",
         b.count.shootdown_targets - a.count.shootdown_targets);
  if (!access_kills(VA + 3 * PGSIZE, 0)) fail("a child read a PROT_NONE page");
  if (!access_kills(VA + 5 * PGSIZE, 1)) fail("a child wrote a PROT_NONE page");
  if (mprotect(VA, NP * PGSIZE, PROT_READ) < 0) fail("mprotect back to read failed");
  int bad = check(VA, NP, 1);
  if (bad >= 0) failf("page %d lost its data under PROT_NONE", bad);
  for (int i = 0; i < NP; i++)
    if (frame(VA + i * PGSIZE) != f[i]) failf("page %d came back in another frame", i);
  if (!access_kills(VA, 1)) fail("a child wrote a read-only page");
  if (mprotect(VA, NP * PGSIZE, PROT_READ | PROT_WRITE) < 0) fail("mprotect back to write failed");
  fill(VA, NP, 2);
  for (int i = 0; i < NP; i++)
    if (frame(VA + i * PGSIZE) != f[i]) failf("page %d moved when written again", i);
}

// Across fork: a child of a PROT_NONE (or read-only) parent gets the pages
// copy-on-write, so its writes after its own mprotect never reach the parent.
static void across_fork(int prot)
{
  long f0 = frame(VA);
  if (mprotect(VA, NP * PGSIZE, prot) < 0) fail("mprotect failed");
  int pid = fork(), st = -1;
  if (pid < 0) fail("fork failed");
  if (pid == 0) {
    if (prot == PROT_NONE && !access_kills(VA, 0)) exit(2);
    if (mprotect(VA, NP * PGSIZE, PROT_READ | PROT_WRITE) < 0) exit(3);
    if (check(VA, NP, 2) >= 0) exit(4);
    if (frame(VA) != f0) exit(5); // shared until written
    fill(VA, NP, 3);
    if (frame(VA) == f0 || check(VA, NP, 3) >= 0) exit(6);
    exit(0);
  }
  waitpid(pid, &st);
  if (st != 0) failf("the forked child of a prot %d parent failed (status %d)", prot, st);
  if (mprotect(VA, NP * PGSIZE, PROT_READ | PROT_WRITE) < 0) fail("mprotect back failed");
  int bad = check(VA, NP, 2);
  if (bad >= 0) failf("the child's write reached the parent's page %d (prot %d)", bad, prot);
  if (frame(VA) != f0) fail("the parent's page moved");
  fill(VA, NP, 2); // the only owner again: written in place
  if (frame(VA) != f0) fail("the parent's page was copied although the child had gone");
}

// Under a resident limit: pages in swap when PROT_NONE comes, and PROT_NONE pages the
// clock sends out, come back with their data.
static void with_swap(void)
{
  if (mmap(SW, NSW * PGSIZE, PROT_READ | PROT_WRITE) != (long)SW) fail("mmap failed");
  struct vmstat a, b;
  setrss(RSS);
  fill(SW, NSW, 4); // most go to swap
  if (mprotect(SW, NSW * PGSIZE, PROT_NONE) < 0) fail("mprotect(PROT_NONE) of swap failed");
  if (!access_kills(SW, 0) || !access_kills(SW + (NSW - 1) * PGSIZE, 0))
    fail("a child read a PROT_NONE page (swapped or not)");
  if (mprotect(SW, NSW * PGSIZE, PROT_READ | PROT_WRITE) < 0) fail("mprotect back failed");
  int bad = check(SW, NSW, 4);
  if (bad >= 0) failf("page %d lost its data (swapped, PROT_NONE, back)", bad);
  setrss(0);
  fill(SW, NSW, 5);
  (void)check(SW, NSW, 5); // all resident now
  if (mprotect(SW, NSW * PGSIZE, PROT_NONE) < 0) fail("mprotect(PROT_NONE) failed");
  getstats(&a);
  setrss(RSS); // the clock must take PROT_NONE pages: nothing else is left to take
  getstats(&b);
  if (b.resident > RSS) failf("%lu pages resident over a limit of %d", b.resident, RSS);
  if (b.count.writebacks == a.count.writebacks) fail("dirty PROT_NONE pages were not written");
  if (mprotect(SW, NSW * PGSIZE, PROT_READ) < 0) fail("mprotect back failed");
  bad = check(SW, NSW, 5);
  if (bad >= 0) failf("page %d lost its data (PROT_NONE, swapped, back)", bad);
  setrss(0);
  printf("protnone: %lu page-outs of PROT_NONE pages\n", b.count.pageouts - a.count.pageouts);
}

// A 2 MiB page (and, if the harts offer Svnapot, a 64 KiB block) made PROT_NONE whole:
// it is demoted, and the same frames come back with their data.
static void with_big_pages(void)
{
  if (mmap(HV, HUGE + NAPOT, PROT_READ | PROT_WRITE) != (long)HV) fail("mmap failed");
  if (madvise(HV, HUGE, MADV_HUGEPAGE) < 0) fail("madvise(MADV_HUGEPAGE) failed");
  int napot = madvise(HV + HUGE, NAPOT, MADV_NAPOT) == 0;
  int n = (HUGE + NAPOT) / PGSIZE;
  fill(HV, n, 6);
  if (!frames_contiguous(HV, HUGE)) fail("no huge page to start with");
  if (napot && !frames_contiguous(HV + HUGE, NAPOT)) fail("no 64 KiB block to start with");
  long fh = frame(HV), fn = frame(HV + HUGE);
  struct vmstat a, b;
  getstats(&a);
  if (mprotect(HV, HUGE + NAPOT, PROT_NONE) < 0) fail("mprotect(PROT_NONE) of big pages failed");
  getstats(&b);
  if (b.count.demotions != a.count.demotions + 1) fail("the 2 MiB page was not demoted");
  if (!access_kills(HV + HUGE - PGSIZE, 0) || !access_kills(HV + HUGE + PGSIZE, 1))
    fail("a child reached a PROT_NONE big page");
  if (mprotect(HV, HUGE + NAPOT, PROT_READ | PROT_WRITE) < 0) fail("mprotect back failed");
  int bad = check(HV, n, 6);
  if (bad >= 0) failf("page %d of the big pages lost its data", bad);
  if (frame(HV) != fh || frame(HV + HUGE) != fn || !frames_contiguous(HV, HUGE) ||
      (napot && !frames_contiguous(HV + HUGE, NAPOT)))
    fail("the big pages came back in other frames");
  if (munmap(HV, HUGE + NAPOT) < 0) fail("munmap failed");
  // A 1 GiB page, where an aligned free GiB exists (-m 3G): demoted down to 4 KiB.
  getstats(&a);
  if (a.free_frames < 2 * GIANT / PGSIZE) return;
  if (mmap(GV, GIANT, PROT_READ | PROT_WRITE) != (long)GV) fail("mmap failed");
  if (madvise(GV, GIANT, MADV_GIANT) < 0) fail("madvise(MADV_GIANT) failed");
  volatile long *g = (volatile long *)GV;
  g[0] = 7;
  g[GIANT / 8 - 1] = 8;
  long fg = frame(GV);
  if (fg % GIANT == 0 && frame(GV + GIANT - PGSIZE) == fg + (long)(GIANT - PGSIZE)) {
    if (mprotect(GV, GIANT, PROT_NONE) < 0) fail("mprotect(PROT_NONE) of a 1 GiB page failed");
    if (!access_kills(GV + GIANT / 2, 0)) fail("a child read a PROT_NONE 1 GiB page");
    if (mprotect(GV, GIANT, PROT_READ) < 0) fail("mprotect back failed");
    long last = fg + (long)(GIANT - PGSIZE);
    if (g[0] != 7 || g[GIANT / 8 - 1] != 8 || frame(GV + GIANT - PGSIZE) != last)
      fail("the 1 GiB page came back changed");
    printf("protnone: a 1 GiB page too\n");
  }
  if (munmap(GV, GIANT) < 0) fail("munmap failed");
}

int main(void)
{
  if (mmap(VA, NP * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  with_threads();
  across_fork(PROT_NONE);
  across_fork(PROT_READ);
  with_swap();
  with_big_pages();
  if (munmap(VA, NP * PGSIZE) < 0 || munmap(SW, NSW * PGSIZE) < 0) fail("munmap failed");
  return 0;
}
