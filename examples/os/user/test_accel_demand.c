// Feature 15, demand paging for the device: memory the program mapped but never touched
// has no PTEs, so the IOMMU refuses the device's translation requests; the device
// then sends page requests, which the kernel serves as page faults (zero fill, swap-in)
// before answering Success. A clean page the device writes becomes dirty through the
// IOMMU's hardware A/D update (DC.tc.SADE), so swapping it out keeps the device's data.
#include "user.h"

#define VA (88UL << 30)
#define NPAGES 16
#define SRC (89UL << 30)   // read by the device, never touched
#define NSRC 4
#define CLEAN (90UL << 30) // read by the CPU first: present and clean
#define NCLEAN 8
#define PATTERN 0x5a5a00ff5a5a00ffUL

// Returns the FILL pattern's byte at address a.
static unsigned char at(unsigned long value, unsigned long a)
{
  return (unsigned char)(value >> (8 * (a % 8)));
}

// Returns the first address in [va, va+len) whose byte is not the pattern's, or 0.
static unsigned long check(unsigned long va, unsigned long len, unsigned long value)
{
  for (unsigned long a = va; a < va + len; a++)
    if (*(volatile unsigned char *)a != at(value, a)) return a;
  return 0;
}

int main(void)
{
  need_accel();
  struct vmstat a, b, c;
  struct accel_done d;
  // 1. The device writes 16 pages nobody touched: 16 page requests, 16 zero fills.
  if (mmap(VA, NPAGES * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  getstats(&a);
  if (accel(OP_FILL, VA, 0, 0, NPAGES * PGSIZE, PATTERN, &d) != ACCEL_OK)
    failf("fill: status %lu cause %lu at %p", d.status, d.cause, d.result);
  getstats(&b);
  unsigned long served = b.count.accel_page_reqs - a.count.accel_page_reqs;
  if (served != NPAGES) failf("%lu page requests served for %d pages", served, NPAGES);
  if (b.count.zero_fills - a.count.zero_fills != NPAGES || b.resident - a.resident != NPAGES)
    failf("%lu zero fills, %lu pages resident", b.count.zero_fills - a.count.zero_fills,
          b.resident - a.resident);
  // The CPU now finds them present: reading takes no page fault.
  unsigned long bad = check(VA, NPAGES * PGSIZE, PATTERN);
  getstats(&c);
  if (bad) failf("byte at %p is not the device's", bad);
  if (c.count.faults != b.count.faults) fail("the CPU faulted on pages the device filled");
  // 2. Read requests: a copy from untouched memory reads zeros (and maps them).
  if (mmap(SRC, NSRC * PGSIZE, PROT_READ) != (long)SRC) fail("mmap of the source failed");
  getstats(&a);
  if (accel(OP_COPY, VA, SRC, 0, NSRC * PGSIZE, 0, &d) != ACCEL_OK) failf("copy: status %lu", d.status);
  getstats(&b);
  if (b.count.accel_page_reqs - a.count.accel_page_reqs != NSRC)
    failf("%lu read requests for %d pages", b.count.accel_page_reqs - a.count.accel_page_reqs, NSRC);
  for (unsigned long x = VA; x < VA + NSRC * PGSIZE; x += 8)
    if (*(volatile long *)x != 0) failf("copied %p is not zero", x);
  if (check(VA + NSRC * PGSIZE, (NPAGES - NSRC) * PGSIZE, PATTERN)) fail("the copy went too far");
  // 3. Clean pages (read by the CPU, so present without D) written by the device: no page
  // request, the IOMMU sets D; then the clock swaps them out, and they must come back
  // with the device's data (a page still clean would have been dropped as zeros).
  if (mmap(CLEAN, NCLEAN * PGSIZE, PROT_READ | PROT_WRITE) != (long)CLEAN) fail("mmap failed");
  volatile long sink = 0;
  for (int i = 0; i < NCLEAN; i++) sink += *(volatile long *)(CLEAN + i * PGSIZE);
  getstats(&a);
  if (accel(OP_FILL, CLEAN, 0, 0, NCLEAN * PGSIZE, ~PATTERN, &d) != ACCEL_OK) fail("fill of clean pages failed");
  getstats(&b);
  if (b.count.accel_page_reqs != a.count.accel_page_reqs) fail("writing present pages needed page requests");
  volatile int here = 0;
  unsigned long sp = ((unsigned long)&here - PGSIZE) & ~(PGSIZE - 1);
  if (mlock(sp, (256UL << 30) - sp) < 0) fail("mlock of the stack failed");
  setrss(4);
  getstats(&c);
  setrss(0);
  if (c.count.writebacks - b.count.writebacks < NCLEAN)
    failf("%lu pages written to swap, not %d", c.count.writebacks - b.count.writebacks, NCLEAN);
  bad = check(CLEAN, NCLEAN * PGSIZE, ~PATTERN);
  if (bad) failf("the device's data at %p was lost in swap", bad);
  // 4. And the device reads pages back from swap through page requests too.
  unsigned int want = crc32((void *)VA, NPAGES * PGSIZE);
  setrss(4);
  getstats(&a);
  if (accel(OP_CRC32, 0, VA, 0, NPAGES * PGSIZE, 0, &d) != ACCEL_OK || d.result != want)
    fail("the device's CRC of swapped pages is wrong");
  getstats(&b);
  setrss(0);
  if (b.count.pageins == a.count.pageins) fail("the device's page requests paged nothing in");
  printf("accel_demand: %lu page requests served, %lu page-ins for the device's CRC\n",
         b.count.accel_page_reqs, b.count.pageins - a.count.pageins);
  (void)sink;
  return 0;
}
