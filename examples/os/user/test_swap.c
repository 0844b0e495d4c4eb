// Feature 10: the A/D bits and swapping. The process limits itself to RSS resident
// pages and then uses four times as many: the kernel's clock gives pages whose A bit is
// set a second chance, writes out only pages whose D bit is set, drops clean ones whose
// copy in swap is good (or that were never written), and faults them back in. A locked
// region is never taken. Passes with hardware A/D (--ad=hw) and with Svade (--ad=fault).
#include "user.h"

#define VA (140UL << 30)
#define LOCKED (141UL << 30)
#define ZEROS (142UL << 30)
#define FLAG (143UL << 30)
#define NPAGES 256
#define RSS 64
#define W(i, k) ((long)(i) * 1000 + (k))

static volatile long *page(int i) { return (volatile long *)(VA + (unsigned long)i * PGSIZE); }

// Reads every page and checks its words; returns the first bad page, or -1.
static int check_all(void)
{
  for (int i = 0; i < NPAGES; i++)
    if (page(i)[0] != W(i, 0) || page(i)[7] != W(i, 7) || page(i)[511] != W(i, 511)) return i;
  return -1;
}

int main(void)
{
  volatile int here = 0;
  if (mmap(VA, NPAGES * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  if (mmap(LOCKED, 8 * PGSIZE, PROT_READ | PROT_WRITE) != (long)LOCKED) fail("mmap failed");
  if (mmap(ZEROS, NPAGES * PGSIZE, PROT_READ) != (long)ZEROS) fail("mmap failed");
  if (mlock(LOCKED, 8 * PGSIZE) < 0) fail("mlock failed");
  // Lock the stack too (from just below this frame to its top at 256 GiB): the program
  // keeps writing it, and the counts below should show only the pages under test.
  unsigned long sp = ((unsigned long)&here - PGSIZE) & ~(PGSIZE - 1);
  if (mlock(sp, (256UL << 30) - sp) < 0) fail("mlock of the stack failed");
  long locked_frame = frame(LOCKED);
  setrss(RSS);
  struct vmstat a, b, c, d;
  for (int i = 0; i < NPAGES; i++) {
    page(i)[0] = W(i, 0);
    page(i)[7] = W(i, 7);
    page(i)[511] = W(i, 511);
  }
  getstats(&a);
  if (a.resident > RSS) failf("%lu pages resident over a limit of %d", a.resident, RSS);
  if (a.count.pageouts == 0 || a.count.writebacks == 0)
    fail("writing 4 x RSS pages swapped nothing out");
  int bad = check_all();
  if (bad >= 0) failf("page %d lost its data after a swap out", bad);
  getstats(&b);
  if (b.count.pageins - a.count.pageins < NPAGES - RSS)
    failf("only %lu page-ins", b.count.pageins - a.count.pageins);
  // Every resident page now came back from swap unchanged: reading them all again must
  // page out without writing anything.
  bad = check_all();
  if (bad >= 0) failf("page %d lost its data on the second pass", bad);
  getstats(&c);
  if (c.count.pageouts == b.count.pageouts) fail("the read-only pass paged nothing out");
  if (c.count.pageouts - b.count.pageouts < NPAGES - RSS)
    failf("only %lu page-outs", c.count.pageouts - b.count.pageouts);
  if (c.count.writebacks != b.count.writebacks)
    failf("%lu clean pages were written back", c.count.writebacks - b.count.writebacks);
  if (c.count.a_cleared == 0) fail("the clock never cleared an A bit");
  // Pages only ever read were never written: dropped, not written.
  for (int i = 0; i < NPAGES; i++)
    if (((volatile long *)(ZEROS + (unsigned long)i * PGSIZE))[3] != 0)
      fail("a zero page is not zero");
  getstats(&d);
  if (d.count.clean_drops == c.count.clean_drops)
    fail("never-written pages were not simply dropped");
  if (d.count.writebacks != c.count.writebacks) fail("never-written pages were written back");
  if (frame(LOCKED) != locked_frame) fail("the clock took a locked page");
  // Fork now that resident pages are clean only because their swap copy is good: once
  // the parent lets go of them, the child owns frames it has no swap copy of, and
  // swapping them out must write them (not drop them as never written).
  setrss(0);
  for (int i = 0; i < NPAGES; i++) (void)page(i)[0]; // all resident, clean
  if (shmtable(FLAG, 7) < 0) fail("shmtable failed");
  volatile int *go = (volatile int *)FLAG;
  int pid = fork();
  if (pid == 0) {
    while (!*go) yield();
    setrss(RSS);
    exit(check_all() < 0 && check_all() < 0 ? 0 : 2);
  }
  // Let go of everything the child should own alone.
  if (munmap(VA, NPAGES * PGSIZE) < 0 || munmap(ZEROS, NPAGES * PGSIZE) < 0 ||
      munmap(LOCKED, 8 * PGSIZE) < 0)
    fail("munmap failed");
  *go = 1;
  int st = -1;
  wait(&st);
  if (st != 0) fail("the child lost pages it got from the parent");
  struct vmcount *n = &d.count;
  printf("swap: %lu page-outs, %lu page-ins, %lu written back, %lu dropped, %lu A cleared, "
         "%lu A/D faults\n", n->pageouts, n->pageins, n->writebacks, n->clean_drops, n->a_cleared,
         n->ad_faults);
  return 0;
}
