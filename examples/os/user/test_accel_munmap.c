// Feature 15, shootdowns to the device: the IOMMU caches the device's translations in
// its IOTLB as a hart's TLB does. The device reads a page (its IOTLB now maps the
// address to the frame), the page is unmapped and its frame goes to a new mapping
// elsewhere with other data; the device reading the old address must now fault, which
// it does only because munmap sent IOTINVAL.VMA + IOFENCE.C before freeing the frame.
// With -append nofence=iommu that invalidation is left out, the device reads the new
// mapping's data through its stale IOTLB entry, and this test fails.
#include "user.h"

#define OLD (84UL << 30)
#define NEW (OLD + PGSIZE) // in the same leaf table: no new table takes the frame

int main(void)
{
  need_accel();
  struct devstat ds;
  devstat(&ds, DEVSTAT_PRINT_FAULTS); // show the fault record
  if (mmap(OLD, PGSIZE, PROT_READ | PROT_WRITE) != (long)OLD) fail("mmap failed");
  memset((void *)OLD, 0xaa, PGSIZE);
  unsigned int crc_old = crc32((void *)OLD, PGSIZE);
  struct accel_done d;
  if (accel(OP_CRC32, 0, OLD, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc_old)
    fail("the device did not read the page");
  long f = frame(OLD);
  struct vmstat a, b;
  getstats(&a);
  if (munmap(OLD, PGSIZE) < 0) fail("munmap failed");
  getstats(&b);
  if (b.count.iommu_invals == a.count.iommu_invals)
    printf("accel_munmap: munmap sent the IOMMU no invalidation\n");
  // The frame is reused at once (the allocator hands out the frame freed last).
  if (mmap(NEW, PGSIZE, PROT_READ | PROT_WRITE) != (long)NEW) fail("second mmap failed");
  memset((void *)NEW, 0xbb, PGSIZE);
  unsigned int crc_new = crc32((void *)NEW, PGSIZE);
  int reused = frame(NEW) == f;
  int st = accel(OP_CRC32, 0, OLD, 0, PGSIZE, 0, &d);
  if (st == ACCEL_OK && d.result == crc_new)
    fail("stale IOTLB entry: the device read another mapping's frame");
  if (st == ACCEL_OK)
    failf("the device read the unmapped page (CRC %p)", d.result);
  if (st != ACCEL_FAULT || d.cause != 13 || d.result != OLD)
    failf("status %d cause %lu at %p, not a read fault at the old address", st, d.cause, d.result);
  // The new mapping is the device's to read, of course.
  if (accel(OP_CRC32, 0, NEW, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc_new)
    fail("the device cannot read the new mapping");
  printf("accel_munmap: after munmap the device faults at the old address (%lu invalidations, frame %s)\n",
         b.count.iommu_invals - a.count.iommu_invals, reused ? "reused" : "not reused");
  return 0;
}
