// Formatted console output for the kernel: kprintf and panic.
#include <stdarg.h>
#include "types.h"
#include "riscv.h"
#include "defs.h"

static struct spinlock printlock;
volatile int panicked;

// Prints x in the given base, with a minus sign if sgn and x is negative.
static void printnum(uint64 x, int base, int sgn)
{
  char buf[24];
  int i = 0, neg = 0;
  if (sgn && (int64)x < 0) { neg = 1; x = -x; }
  do buf[i++] = "0123456789abcdef"[x % base]; while ((x /= base) != 0);
  if (neg) buf[i++] = '-';
  while (--i >= 0) uart_putc(buf[i]);
}

// Prints a format with %d %u %x %p %s %c (and l, ignored: numbers are taken as 64 bits
// when 'l' is given, 32 otherwise) under the print lock.
void kprintf(const char *fmt, ...)
{
  va_list ap;
  int locking = !panicked;
  if (locking) acquire(&printlock);
  va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') { uart_putc(*p); continue; }
    int lng = 0;
    while (*++p == 'l') lng = 1;
    switch (*p) {
    case 'd': printnum(lng ? va_arg(ap, long) : va_arg(ap, int), 10, 1); break;
    case 'u': printnum(lng ? va_arg(ap, uint64) : va_arg(ap, uint32), 10, 0); break;
    case 'x': printnum(lng ? va_arg(ap, uint64) : va_arg(ap, uint32), 16, 0); break;
    case 'p': uart_putc('0'); uart_putc('x'); printnum(va_arg(ap, uint64), 16, 0); break;
    case 'c': uart_putc(va_arg(ap, int)); break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      if (!s) s = "(null)";
      while (*s) uart_putc(*s++);
      break;
    }
    case 0: p--; break;
    default: uart_putc('%'); uart_putc(*p); break;
    }
  }
  va_end(ap);
  if (locking) release(&printlock);
}

// Prints the message and stops the machine with a failure status.
void panic(const char *s)
{
  kprintf("panic: hart %d: %s\n", (int)cpuid(), s);
  panicked = 1;
  sbi_shutdown(1);
}
