// Feature 8, Svnapot: 64 KiB pages. In a region marked MADV_NAPOT one fault maps an
// aligned 64 KiB block of 16 contiguous frames with 16 PTEs carrying the N bit, which a
// hart may cache as a single TLB entry. Unmapping part of a block, or a copy-on-write
// write to it, demotes it to 16 ordinary PTEs on the same frames.
#include "user.h"

#define VA (170UL << 30)
#define LEN (8 * NAPOT)

int main(void)
{
  volatile long *p = (volatile long *)VA;
  if (mmap(VA, LEN, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  if (madvise(VA, LEN, MADV_NAPOT) < 0) fail("madvise(MADV_NAPOT) failed: no Svnapot?");
  struct vmstat a, b;
  getstats(&a);
  p[0] = 1;
  getstats(&b);
  if (b.count.napot_fills != a.count.napot_fills + 1)
    fail("the first touch did not map a 64 KiB block");
  if (b.resident - a.resident != 16) failf("%lu pages resident, not 16", b.resident - a.resident);
  if (!frames_contiguous(VA, NAPOT)) fail("the block's frames are not one aligned 64 KiB run");
  for (int k = 1; k < 16; k++)
    if (p[k * PGSIZE / 8] != 0) fail("the block is not zero-filled");
  for (int k = 0; k < 16; k++) p[k * PGSIZE / 8 + 1] = 100 + k; // every page, through the block
  // Demotion: unmap one page of the block.
  long f = frame(VA);
  if (munmap(VA + 3 * PGSIZE, PGSIZE) < 0) fail("munmap of 4 KiB failed");
  getstats(&a);
  if (a.count.napot_demotions != b.count.napot_demotions + 1)
    fail("a partial munmap did not demote");
  if (frame(VA + 3 * PGSIZE) != -1) fail("the unmapped page is still there");
  for (int k = 0; k < 16; k++)
    if (k != 3 && (p[k * PGSIZE / 8 + 1] != 100 + k || frame(VA + k * PGSIZE) != f + k * (long)PGSIZE))
      failf("demotion moved page %d", k);
  // Copy-on-write: the child's write demotes its copy of another block, then copies.
  unsigned long c = VA + 2 * NAPOT;
  volatile long *q = (volatile long *)c;
  q[0] = 7;
  long fc = frame(c);
  if (!frames_contiguous(c, NAPOT)) fail("the second block is not a 64 KiB run");
  int pid = fork();
  if (pid == 0) {
    q[1] = 8;
    exit(q[0] == 7 && q[1] == 8 && frame(c) != fc && frame(c + PGSIZE) == fc + (long)PGSIZE ? 0 : 2);
  }
  int st = -1;
  wait(&st);
  if (st != 0) failf("the child's copy-on-write of a 64 KiB block failed (%d)", st);
  if (q[1] != 0 || !frames_contiguous(c, NAPOT))
    fail("the child's write reached the parent's block");
  if (munmap(VA, LEN) < 0) fail("munmap failed");
  return 0;
}
