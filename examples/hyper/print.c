/* Printing for the hypervisor and its guests: strings, hex and decimal
 * numbers, written one byte at a time through console_putc, which each
 * program defines (the hypervisor: the UART; a guest: the SBI console).
 * Freestanding: only <stdint.h>. */
#include <stdint.h>

void console_putc(char c);

/* puts_: write a string, LF as CR LF. */
void puts_(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            console_putc('\r');
        console_putc(*s);
    }
}

/* put_hex: write v as 0x and 16 hex digits. */
void put_hex(uint64_t v)
{
    puts_("0x");
    for (int i = 60; i >= 0; i -= 4)
        console_putc("0123456789abcdef"[(v >> i) & 15]);
}

/* put_dec: write v in decimal. */
void put_dec(uint64_t v)
{
    char buf[24];
    int n = 0;
    do
        buf[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        console_putc(buf[--n]);
}
