// Feature 15, shared virtual memory: the accelerator works on this process's own
// virtual addresses (its PASID names the page tables the IOMMU walks). It fills,
// copies, adds and checksums buffers the CPU wrote; threads on other harts read what
// the device wrote, and submit their own work at the same time.
#include "user.h"

#define VA (80UL << 30)
#define SIZE (4 * PGSIZE)
#define A (VA)                // sources the CPU writes
#define B (VA + SIZE)
#define C (VA + 2 * SIZE)     // the device's output
#define NTHREADS 3
#define ROUNDS 4

static volatile int round_no, acks, bad, mainhart, elsewhere;
static volatile long first_bad_word;

// Returns the 8-byte FILL pattern's byte for address a (byte a % 8 of value).
static unsigned char fill_byte(unsigned long value, unsigned long a)
{
  return (unsigned char)(value >> (8 * (a % 8)));
}

// Returns the value round r fills C with.
static unsigned long round_value(int r)
{
  return 0x0101010101010101UL * (unsigned long)(r + 1) ^ 0x8040201008040201UL;
}

// Thread body: moves to another hart, checks that each round's device output is what
// the device wrote (reading C through this hart's TLB), and checksums A with the device
// itself while the others do too.
static void reader(void *arg)
{
  (void)arg;
  to_other_hart(mainhart);
  if (hartid() != mainhart) elsewhere = 1;
  unsigned int want = crc32((void *)A, SIZE);
  struct accel_done d;
  if (accel(OP_CRC32, 0, A, 0, SIZE, 0, &d) != ACCEL_OK || d.result != want) bad = 1;
  for (int r = 0; r < ROUNDS; r++) {
    while (round_no <= r) yield();
    unsigned long v = round_value(r);
    for (unsigned long a = C; a < C + SIZE; a += 8)
      if (*(volatile unsigned long *)a != v) { bad = 1; first_bad_word = a; }
    __sync_fetch_and_add(&acks, 1);
  }
  texit(0);
}

int main(void)
{
  need_accel();
  if (mmap(VA, 3 * SIZE, PROT_READ | PROT_WRITE) != (long)VA) fail("mmap failed");
  volatile unsigned int *a = (void *)A, *b = (void *)B, *c = (void *)C;
  for (unsigned long i = 0; i < SIZE / 4; i++) {
    a[i] = i * 2654435761u;
    b[i] = ~i + 12345;
  }
  struct accel_done d;
  // FILL: an 8-byte pattern, aligned to the address (from an odd start).
  unsigned long value = 0x0123456789abcdefUL;
  if (accel(OP_FILL, C + 3, 0, 0, SIZE - 3, value, &d) != ACCEL_OK) failf("fill: status %lu", d.status);
  for (unsigned long x = C + 3; x < C + SIZE; x++)
    if (*(volatile unsigned char *)x != fill_byte(value, x)) failf("fill: byte at %p", x);
  // COPY across pages, then VADD32.
  if (accel(OP_COPY, C, A, 0, SIZE, 0, &d) != ACCEL_OK) failf("copy: status %lu", d.status);
  for (unsigned long i = 0; i < SIZE / 4; i++)
    if (c[i] != a[i]) failf("copy: word %lu", i);
  if (accel(OP_VADD32, C, A, B, SIZE, 0, &d) != ACCEL_OK) failf("vadd32: status %lu", d.status);
  for (unsigned long i = 0; i < SIZE / 4; i++)
    if (c[i] != a[i] + b[i]) failf("vadd32: word %lu", i);
  // CRC32 against the CPU's, over a range that starts mid-page and crosses three pages.
  unsigned int want = crc32((void *)(A + 100), 9000);
  if (accel(OP_CRC32, 0, A + 100, 0, 9000, 0, &d) != ACCEL_OK || d.result != want)
    failf("crc32: %p, the CPU says %p", d.result, (unsigned long)want);
  // Several descriptors in flight at once, collected afterwards.
  long t[4];
  for (int k = 0; k < 4; k++)
    if ((t[k] = accel_start(OP_FILL, C + k * PGSIZE, 0, 0, PGSIZE, 0x1111111111111111UL * (k + 1))) < 0)
      fail("accel_submit failed");
  for (int k = 3; k >= 0; k--)
    if (accel_wait(t[k], &d) != ACCEL_OK) failf("async fill %d: status %lu", k, d.status);
  for (int k = 0; k < 4; k++)
    if (*(volatile unsigned long *)(C + k * PGSIZE + 8) != 0x1111111111111111UL * (k + 1))
      failf("async fill %d missing", k);
  if (accel_wait(t[0], &d) != -1) fail("a ticket was collected twice");
  // Threads on other harts read what the device writes, round after round.
  mainhart = hartid();
  for (int i = 0; i < NTHREADS; i++)
    if (thread_create(reader, 0) < 0) fail("thread_create failed");
  for (int r = 0; r < ROUNDS; r++) {
    if (accel(OP_FILL, C, 0, 0, SIZE, round_value(r), &d) != ACCEL_OK) failf("round %d: fill failed", r);
    acks = 0;
    __sync_synchronize();
    round_no = r + 1;
    while (acks < NTHREADS) yield();
  }
  int st;
  for (int i = 0; i < NTHREADS; i++)
    if (wait(&st) < 0 || st != 0) fail("a reader thread died");
  if (bad) failf("a thread read a wrong word at %p (or its device CRC was wrong)", first_bad_word);
  struct devstat ds;
  struct vmstat vs;
  devstat(&ds, 0);
  getstats(&vs);
  printf("accel_shared: %lu descriptors from %d threads (PASID %lu)%s\n", vs.count.accel_descs,
         NTHREADS + 1, ds.pasid, elsewhere ? ", read back on other harts" : "");
  if (munmap(VA, 3 * SIZE) < 0) fail("munmap failed");
  return 0;
}
