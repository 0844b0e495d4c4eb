// A small C library for the user programs: formatted output and string helpers.
#include <stdarg.h>
#include "user.h"

// Formats into buf (at most n-1 characters and a NUL): %d %u %x %p %s %c, with l for
// 64-bit numbers; returns the length.
static int vformat(char *buf, int n, const char *fmt, va_list ap)
{
  int o = 0;
#define PUT(c) do { if (o < n - 1) buf[o++] = (c); } while (0)
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') { PUT(*p); continue; }
    int lng = 0;
    while (*++p == 'l') lng = 1;
    if (*p == 's') {
      const char *s = va_arg(ap, const char *);
      while (s && *s) PUT(*s++);
      continue;
    }
    if (*p == 'c') { PUT(va_arg(ap, int)); continue; }
    if (*p == 'p') { PUT('0'); PUT('x'); }
    unsigned long x;
    int base = (*p == 'x' || *p == 'p') ? 16 : 10, neg = 0;
    if (*p == 'd') {
      long v = lng ? va_arg(ap, long) : va_arg(ap, int);
      if (v < 0) { neg = 1; v = -v; }
      x = v;
    } else {
      x = (lng || *p == 'p') ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
    }
    char tmp[24];
    int i = 0;
    do tmp[i++] = "0123456789abcdef"[x % base]; while ((x /= base) != 0);
    if (neg) PUT('-');
    while (i > 0) PUT(tmp[--i]);
  }
#undef PUT
  buf[o] = 0;
  return o;
}

// Prints a formatted line on the console.
void printf(const char *fmt, ...)
{
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vformat(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  write(1, buf, n);
}

// Formats into buf of size n; returns the length.
int snprintf(char *buf, int n, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int r = vformat(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

// Ends the test as failed with a formatted reason (the runner prints it).
void failf(const char *fmt, ...)
{
  char buf[64];
  va_list ap;
  va_start(ap, fmt);
  vformat(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  fail(buf);
}

// Reads the caller's memory counters into st. The kernel's copy into st may itself
// fault (a fresh or copy-on-write stack page), counted after the numbers were taken;
// a second call reports them, so a test's before/after difference is its own.
void getstats(struct vmstat *st)
{
  vmstat(st, 0);
  vmstat(st, 0);
}

void thread_entry(void);

// Starts a thread running fn(arg) on a fresh 64 KiB stack; returns its pid (wait() joins
// it) or -1.
int thread_create(void (*fn)(void *), void *arg)
{
  long stack = mmap(0, 65536, PROT_READ | PROT_WRITE);
  if (stack == -1) return -1;
  return clone(thread_entry, stack + 65536, (unsigned long)fn, (unsigned long)arg);
}

// Returns 1 if the pages of [va, va+size) sit in one run of frames aligned to size (a
// huge or Svnapot page, or small pages that happen to be so).
int frames_contiguous(unsigned long va, unsigned long size)
{
  long f = frame(va);
  if (f == -1 || f % (long)size) return 0;
  for (unsigned long off = PGSIZE; off < size; off += PGSIZE)
    if (frame(va + off) != f + (long)off) return 0;
  return 1;
}

// Submits one operation to the accelerator on the caller's addresses; returns its
// ticket for accel_wait, or -1.
long accel_start(int op, unsigned long dst, unsigned long src, unsigned long src2,
                 unsigned long len, unsigned long value)
{
  struct accel_job j = { op, dst, src, src2, len, value };
  return accel_submit(&j);
}

// Runs one operation on the accelerator and waits for it: returns its status (ACCEL_OK,
// ACCEL_BAD_DESC, ACCEL_FAULT) with cause and result in *done, or -1.
int accel(int op, unsigned long dst, unsigned long src, unsigned long src2, unsigned long len,
          unsigned long value, struct accel_done *done)
{
  long t = accel_start(op, dst, src, src2, len, value);
  done->status = done->cause = done->result = 0;
  return t < 0 ? -1 : accel_wait(t, done);
}

// Ends the test with SKIP unless the machine has the accelerator (behind the IOMMU).
void need_accel(void)
{
  struct devstat st;
  if (devstat(&st, 0) < 0 || !st.accel)
    skip("no accelerator (try -M virt,iommu-sys=on -device pagoda-accel)");
}

// Returns the CRC-32 of zlib and Ethernet (reflected polynomial 0xEDB88320, initial
// value and final xor all ones), computed bit by bit: the accelerator's CRC32 must match.
unsigned int crc32(const void *buf, unsigned long len)
{
  const unsigned char *p = buf;
  unsigned int c = 0xffffffff;
  while (len--) {
    c ^= *p++;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c;
}

// Yields until the caller runs on a hart other than `from` (at most 400 tries: with one
// hart it stays).
void to_other_hart(int from)
{
  for (int i = 0; i < 400 && hartid() == from; i++) yield();
}

// Fills n bytes with c; returns dst.
void *memset(void *dst, int c, unsigned long n)
{
  char *d = dst;
  while (n--) *d++ = c;
  return dst;
}

// Returns the length of s.
unsigned long strlen(const char *s)
{
  unsigned long n = 0;
  while (s[n]) n++;
  return n;
}

// Compares two strings.
int strcmp(const char *a, const char *b)
{
  while (*a && *a == *b) a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

// Parses a decimal or 0x-hexadecimal number.
long atol(const char *s)
{
  long v = 0;
  if (s[0] == '0' && s[1] == 'x') {
    for (s += 2; *s; s++)
      v = v * 16 + (*s <= '9' ? *s - '0' : (*s | 32) - 'a' + 10);
    return v;
  }
  while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
  return v;
}
