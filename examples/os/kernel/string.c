// The few string and memory functions the kernel needs.
#include "types.h"
#include "defs.h"

// Fills n bytes at dst with c; returns dst.
void *memset(void *dst, int c, uint64 n)
{
  uint8 *d = dst;
  if (((uint64)d & 7) == 0 && (n & 7) == 0) { // whole words: pages and tables
    uint64 w = (uint8)c * 0x0101010101010101UL;
    for (uint64 *q = dst; n; n -= 8) *q++ = w;
    return dst;
  }
  while (n--) *d++ = c;
  return dst;
}

// Copies n bytes from src to dst (which may overlap); returns dst.
void *memmove(void *dst, const void *src, uint64 n)
{
  uint8 *d = dst;
  const uint8 *s = src;
  if (s < d && s + n > d) {
    while (n--) d[n] = s[n];
  } else if ((((uint64)d | (uint64)s | n) & 7) == 0) { // whole words: pages
    uint64 *dw = dst;
    const uint64 *sw = src;
    for (; n; n -= 8) *dw++ = *sw++;
  } else {
    while (n--) *d++ = *s++;
  }
  return dst;
}

// The compiler may emit calls to memcpy; same as memmove.
void *memcpy(void *dst, const void *src, uint64 n) { return memmove(dst, src, n); }

// Returns the length of s.
uint64 strlen(const char *s)
{
  uint64 n = 0;
  while (s[n]) n++;
  return n;
}

// Compares at most n characters; returns <0, 0, >0 as strcmp does.
int strncmp(const char *a, const char *b, uint64 n)
{
  for (; n > 0; n--, a++, b++) {
    if (*a != *b) return (uint8)*a - (uint8)*b;
    if (*a == 0) return 0;
  }
  return 0;
}

// Compares two strings; returns <0, 0, >0.
int strcmp(const char *a, const char *b) { return strncmp(a, b, (uint64)-1); }

// Copies at most n-1 characters of src into dst and ends it with a NUL; returns dst.
char *safestrcpy(char *dst, const char *src, int n)
{
  int i = 0;
  for (; i < n - 1 && src[i]; i++) dst[i] = src[i];
  if (n > 0) dst[i] = 0;
  return dst;
}
