// Feature 15, what the device may not do: it has the process's user permissions and
// nothing more. A write to a read-only page, any access to a kernel address or to an
// address outside every mapping completes with FAULT (the kernel answers the page
// request Invalid Request, and the IOMMU writes a fault record with the cause); a
// malformed descriptor completes with BAD_DESC and touches nothing. Each error leaves
// the device working.
#include "user.h"

#define RO (98UL << 30)
#define RW (99UL << 30)
#define HOLE (100UL << 30)   // never mapped
#define KERNEL 0xffffffc080200000UL // the kernel's text (not a user page)

struct counts { struct devstat dev; struct vmstat vm; };

// Takes the device and memory counters.
static void take(struct counts *c)
{
  devstat(&c->dev, 0);
  getstats(&c->vm);
}

// Runs op and checks it ends with FAULT of cause `cause` at address `where`, with one
// more fault record of that cause, for this process, and one refused page request.
static void expect_fault(const char *what, int op, unsigned long dst, unsigned long src,
                         unsigned long len, int cause, unsigned long where)
{
  struct counts a, b;
  struct accel_done d;
  take(&a);
  int st = accel(op, dst, src, 0, len, 0x4242424242424242UL, &d);
  take(&b);
  if (st != ACCEL_FAULT || (int)d.cause != cause || d.result != where)
    failf("%s: status %d cause %lu at %p", what, st, d.cause, d.result);
  if (b.dev.fault_records != a.dev.fault_records + 1 || b.dev.fault_cause[cause] != a.dev.fault_cause[cause] + 1 ||
      b.vm.count.iommu_faults != a.vm.count.iommu_faults + 1)
    failf("%s: no fault record of cause %d counted", what, cause);
  if (b.vm.count.accel_page_denied != a.vm.count.accel_page_denied + 1)
    failf("%s: the page request was not refused", what);
}

// Runs op and checks it ends with BAD_DESC.
static void expect_bad(const char *what, int op, unsigned long dst, unsigned long src, unsigned long len)
{
  struct accel_done d;
  int st = accel(op, dst, src, src, len, 0, &d);
  if (st != ACCEL_BAD_DESC) failf("%s: status %d, not BAD_DESC", what, st);
}

int main(void)
{
  need_accel();
  struct devstat ds;
  devstat(&ds, DEVSTAT_PRINT_FAULTS); // show each fault record
  struct accel_done d;
  if (mmap(RO, PGSIZE, PROT_READ | PROT_WRITE) != (long)RO) fail("mmap failed");
  if (mmap(RW, 2 * PGSIZE, PROT_READ | PROT_WRITE) != (long)RW) fail("mmap failed");
  memset((void *)RO, 0x11, PGSIZE);
  memset((void *)RW, 0x22, 2 * PGSIZE);
  if (mprotect(RO, PGSIZE, PROT_READ) < 0) fail("mprotect failed");
  // A write to a read-only page: write page fault (15); the page is unchanged.
  expect_fault("write to a read-only page", OP_FILL, RO + 8, 0, 64, 15, RO + 8);
  for (unsigned long a = RO; a < RO + PGSIZE; a++)
    if (*(volatile unsigned char *)a != 0x11) fail("the read-only page changed");
  // Reading it is allowed.
  if (accel(OP_CRC32, 0, RO, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc32((void *)RO, PGSIZE))
    fail("the device cannot read the read-only page");
  // The kernel's memory: no U bit, so no access for a user PASID.
  expect_fault("read of the kernel", OP_CRC32, 0, KERNEL, 64, 13, KERNEL);
  expect_fault("write to the kernel", OP_FILL, KERNEL, 0, 64, 15, KERNEL);
  // Outside every mapping.
  expect_fault("read of a hole", OP_CRC32, 0, HOLE, 64, 13, HOLE);
  // A copy that runs off the end of a mapping: what lies before the hole is copied.
  expect_fault("copy into a hole", OP_COPY, RW + 2 * PGSIZE - 16, RO, 64, 15, RW + 2 * PGSIZE);
  if (*(volatile unsigned long *)(RW + 2 * PGSIZE - 8) != 0x1111111111111111UL)
    fail("the part of the copy before the hole is missing");
  // Malformed descriptors.
  expect_bad("misaligned VADD32", OP_VADD32, RW + 2, RW, 64);
  expect_bad("VADD32 of 6 bytes", OP_VADD32, RW, RW, 6);
  expect_bad("unknown op", 9, RW, RW, 64);
  expect_bad("length above 4 GiB", OP_COPY, RW, RW, (1UL << 32) + 4096);
  for (unsigned long a = RW; a < RW + 2 * PGSIZE - 16; a++)
    if (*(volatile unsigned char *)a != 0x22) fail("a bad descriptor changed memory");
  // The device still works.
  if (accel(OP_FILL, RW, 0, 0, 2 * PGSIZE, 0x3333333333333333UL, &d) != ACCEL_OK) fail("the device stopped working");
  struct counts c;
  take(&c);
  printf("accel_errors: %lu fault records (%lu of cause 15, %lu of cause 13), %lu BAD_DESC\n",
         c.vm.count.iommu_faults, c.dev.fault_cause[15], c.dev.fault_cause[13], c.dev.status[ACCEL_BAD_DESC]);
  return 0;
}
