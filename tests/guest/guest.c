#include "guest.h"

void putc_(char c)
{
    volatile uint8_t *u = (volatile uint8_t *)UART_BASE;
    while (!(u[5] & 0x20))
        ;
    u[0] = (uint8_t)c;
}

void puts_(const char *s)
{
    while (*s) {
        if (*s == '\n') putc_('\r');
        putc_(*s++);
    }
}

void putdec(uint64_t v)
{
    char b[24];
    int i = 0;
    do { b[i++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (i) putc_(b[--i]);
}

void puthex(uint64_t v)
{
    puts_("0x");
    for (int s = 60; s >= 0; s -= 4) putc_("0123456789abcdef"[(v >> s) & 15]);
}

void guest_exit(unsigned code)
{
    volatile uint32_t *t = (volatile uint32_t *)TEST_BASE;
    *t = code ? (code << 16) | 0x3333 : 0x5555;
    for (;;)
        __asm__ volatile("wfi");
}

__attribute__((weak)) void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    puts_("unexpected trap mcause=");
    puthex(mcause);
    puts_(" mepc=");
    puthex(mepc);
    puts_(" mtval=");
    puthex(mtval);
    puts_("\n");
    guest_exit(3);
}
