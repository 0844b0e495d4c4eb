#include "rt.h"

volatile int rt_priv = PRIV_M;
void (*rt_msip_hook)(void);

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

void uart_putc(char c)
{
    volatile u8 *uart = (volatile u8 *)UART_BASE;
    while (!(uart[UART_LSR] & LSR_THRE))
        ;
    uart[UART_THR] = (u8)c;
}

void puts_(const char *s)
{
    while (*s) {
        if (*s == '\n')
            uart_putc('\r');
        uart_putc(*s++);
    }
}

void put_hex(u64 v)
{
    puts_("0x");
    for (int i = 60; i >= 0; i -= 4)
        uart_putc("0123456789abcdef"[(v >> i) & 15]);
}

void put_dec(u64 v)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        uart_putc(buf[--n]);
}

void put_kv_dec(const char *key, u64 v)
{
    puts_(key);
    puts_(": ");
    put_dec(v);
    puts_("\n");
}

void print_checksum(u64 v)
{
    puts_("checksum: ");
    put_hex(v);
    puts_("\n");
}

void bench_exit_m(int code)
{
    volatile u32 *test = (volatile u32 *)TEST_BASE;
    fence();
    *test = code == 0 ? 0x5555u : (((u32)code << 16) | 0x3333u);
    for (;;)
        wfi();
}

void bench_exit(int code)
{
    if (rt_priv != PRIV_M) {
        register u64 a0 __asm__("a0") = (u64)code;
        register u64 a7 __asm__("a7") = ECALL_EXIT;
        __asm__ volatile("ecall" :: "r"(a0), "r"(a7) : "memory");
    }
    bench_exit_m(code);
}

__attribute__((weak)) void secondary_main(u64 hartid)
{
    (void)hartid;
    for (;;)
        wfi();
}

/* The M-mode trap handler: exits on an ecall from U or S, forwards machine
 * software interrupts, and reports anything else as a failure. */
void m_trap(struct trap_frame *f)
{
    u64 cause = csr_read(mcause);
    if ((int64_t)cause < 0) {
        if ((cause & 0xff) == 3) {   /* machine software interrupt */
            u64 hart = csr_read(mhartid);
            ((volatile u32 *)CLINT_BASE)[hart] = 0;
            if (rt_msip_hook)
                rt_msip_hook();
            else
                csr_set(mip, 2);     /* raise SSIP for the supervisor */
            return;
        }
    } else if (cause == 8 || cause == 9) {   /* ecall from U or S */
        if (f->x[17] == ECALL_EXIT)
            bench_exit_m((int)f->x[10]);
        csr_write(mepc, csr_read(mepc) + 4);
        return;
    }
    puts_("\nunexpected trap: mcause ");
    put_hex(cause);
    puts_(" mepc ");
    put_hex(csr_read(mepc));
    puts_(" mtval ");
    put_hex(csr_read(mtval));
    puts_("\n");
    bench_exit_m(3);
}
