// Feature 15, PASIDs: each process that uses the device gets its own PASID, whose
// process context points the IOMMU at that process's page tables, and its own PSCID,
// which tags its translations in the IOTLB. Two processes at once, the same virtual
// address holding different data in each: each one's device work sees its own data,
// and an address mapped only in the other process faults for it, even right after the
// other's device work left that translation in the IOTLB.
#include "user.h"

#define X (94UL << 30)    // in both processes, different data
#define Y (95UL << 30)    // only in the parent
#define FLAG (96UL << 30) // a shared page table for the handshake
#define KEY 2016

struct shared { volatile long step, child_pasid, child_pscid; };
static struct shared *sh = (struct shared *)FLAG;

// The child: maps X with its own data and checks what its device work sees there and
// at Y. Returns an exit status.
static int child(void)
{
  struct accel_done d;
  if (mmap(X, PGSIZE, PROT_READ | PROT_WRITE) != (long)X) return 2;
  memset((void *)X, 0xc1, PGSIZE);
  while (sh->step != 1) yield(); // the parent's device has just read X and Y
  if (accel(OP_CRC32, 0, X, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc32((void *)X, PGSIZE))
    return 3;                                 // its own X, not the parent's
  if (accel(OP_CRC32, 0, Y, 0, PGSIZE, 0, &d) != ACCEL_FAULT || d.result != Y) return 4;
  if (accel(OP_FILL, X, 0, 0, PGSIZE, 0x2222222222222222UL, &d) != ACCEL_OK) return 5;
  struct devstat ds;
  devstat(&ds, 0);
  sh->child_pasid = ds.pasid;
  sh->child_pscid = ds.pscid;
  sh->step = 2;
  return 0;
}

int main(void)
{
  need_accel();
  struct accel_done d;
  if (shmtable(FLAG, KEY) < 0) fail("shmtable failed");
  sh->step = 0;
  int pid = fork();
  if (pid < 0) fail("fork failed");
  if (pid == 0) exit(child());
  if (mmap(X, PGSIZE, PROT_READ | PROT_WRITE) != (long)X) fail("mmap failed");
  if (mmap(Y, PGSIZE, PROT_READ | PROT_WRITE) != (long)Y) fail("mmap failed");
  memset((void *)X, 0x9a, PGSIZE);
  memset((void *)Y, 0x9b, PGSIZE);
  unsigned int crc_x = crc32((void *)X, PGSIZE);
  if (accel(OP_CRC32, 0, X, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc_x) fail("device CRC of X");
  if (accel(OP_CRC32, 0, Y, 0, PGSIZE, 0, &d) != ACCEL_OK) fail("device CRC of Y");
  sh->step = 1;
  int st = -1; // the parent's PASID stays valid while it waits
  if (waitpid(pid, &st) != pid || st != 0 || sh->step != 2) failf("the child failed with status %d", st);
  if (accel(OP_CRC32, 0, X, 0, PGSIZE, 0, &d) != ACCEL_OK || d.result != crc_x)
    fail("the child's device write reached the parent's X");
  struct devstat ds;
  devstat(&ds, 0);
  if (ds.pasid == 0 || ds.pasid == (unsigned long)sh->child_pasid || ds.pscid == (unsigned long)sh->child_pscid)
    failf("PASIDs %lu and %lu, PSCIDs %lu and %lu", ds.pasid, sh->child_pasid, ds.pscid, sh->child_pscid);
  printf("accel_pasid: parent PASID %lu (PSCID %lu), child PASID %lu (PSCID %lu)\n", ds.pasid, ds.pscid,
         sh->child_pasid, sh->child_pscid);
  return 0;
}
