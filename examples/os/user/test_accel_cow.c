// Feature 15, copy-on-write and the device: after fork, parent and child share their
// frames read-only. The device writing a page in the child asks for it with a page
// request for write, and the kernel breaks the copy-on-write for the child as for a
// store by the CPU: the child sees the device's data, the parent keeps its own. The
// parent had used the device before fork (its IOTLB held writable translations):
// fork's fence must reach the IOMMU too, or the parent's device write after fork would
// land in the frame the child still shares.
#include "user.h"

#define VA (90UL << 30)
#define FLAG (92UL << 30) // a shared page table: a flag both processes see
#define KEY 2015
#define P0 0xaaaaaaaaaaaaaaaaUL // both pages, before fork
#define C0 0xccccccccccccccccUL // the child's device write, page 0
#define D1 0xddddddddddddddddUL // the parent's device write, page 1, after fork

static volatile long *flag = (volatile long *)FLAG;

// Returns 1 if every word of page i holds v.
static int page_is(int i, unsigned long v)
{
  for (unsigned long a = VA + i * PGSIZE; a < VA + (i + 1) * PGSIZE; a += 8)
    if (*(volatile unsigned long *)a != v) return 0;
  return 1;
}

// The child: the device writes its copy of page 0; then, after the parent's device
// wrote its page 1, the child's pages must be unchanged. Returns an exit status.
static int child(long f0)
{
  struct accel_done d;
  struct vmstat a, b;
  if (!page_is(0, P0) || frame(VA) != f0) return 2;
  getstats(&a);
  if (accel(OP_FILL, VA, 0, 0, PGSIZE, C0, &d) != ACCEL_OK) return 3;
  getstats(&b);
  if (!page_is(0, C0)) return 4;          // the child sees the device's data
  if (frame(VA) == f0) return 5;          // in a frame of its own
  if (b.count.cow_copies != a.count.cow_copies + 1 || b.count.accel_page_reqs != a.count.accel_page_reqs + 1)
    return 6;                             // one page request, one copy
  *flag = 1;
  while (*flag != 2) yield();
  if (!page_is(1, P0)) return 7;          // the parent's device write did not reach us
  if (!page_is(0, C0)) return 8;
  return 0;
}

int main(void)
{
  need_accel();
  struct accel_done d;
  if (mmap(VA, 2 * PGSIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  if (shmtable(FLAG, KEY) < 0) fail("shmtable failed");
  *flag = 0;
  // The device writes both pages before fork: its IOTLB holds them writable.
  if (accel(OP_FILL, VA, 0, 0, 2 * PGSIZE, P0, &d) != ACCEL_OK) fail("fill before fork failed");
  long f0 = frame(VA), f1 = frame(VA + PGSIZE);
  int pid = fork();
  if (pid < 0) fail("fork failed");
  if (pid == 0) exit(child(f0));
  while (*flag != 1) yield();
  if (!page_is(0, P0)) fail("the child's device write reached the parent's page");
  if (frame(VA) != f0) fail("the parent's page moved");
  // The parent's device writes page 1, which the child still shares.
  if (accel(OP_FILL, VA + PGSIZE, 0, 0, PGSIZE, D1, &d) != ACCEL_OK) failf("parent's fill: status %lu", d.status);
  if (!page_is(1, D1)) fail("the parent does not see its device write");
  if (frame(VA + PGSIZE) == f1) fail("the parent's device write did not copy the shared page");
  *flag = 2;
  int st = -1;
  if (wait(&st) != pid || st != 0) failf("the child failed with status %d", st);
  struct vmstat s;
  getstats(&s);
  printf("accel_cow: the device broke copy-on-write in the child and in the parent (%lu page requests here)\n",
         s.count.accel_page_reqs);
  return 0;
}
