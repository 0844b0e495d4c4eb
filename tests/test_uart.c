/* 16550A UART: LSR bits, DLAB, receive FIFO, IIR priority, interrupt line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "uart.h"

struct env {
    uint8_t out[256];
    unsigned nout;
    bool irq;
    unsigned line;
    int irq_calls;
};

static void out(void *ctx, uint8_t b)
{
    struct env *e = ctx;
    e->out[e->nout++ % 256] = b;
}

static void irq(void *ctx, unsigned line, bool level)
{
    struct env *e = ctx;
    e->irq = level;
    e->line = line;
    e->irq_calls++;
}

static struct mmio_dev d;

static uint8_t rd(unsigned reg)
{
    uint64_t v = 0xdead;
    assert_true(d.read(d.opaque, reg, 1, &v));
    assert_true(v <= 0xff);
    return (uint8_t)v;
}

static void wr(unsigned reg, uint8_t v)
{
    assert_true(d.write(d.opaque, reg, 1, v));
}

static struct uart *mk(struct env *e)
{
    *e = (struct env){0};
    struct uart *u = uart_create(out, e, irq, e, UART_IRQ);
    assert_non_null(u);
    d = uart_mmio(u, UART_BASE);
    return u;
}

static void test_tx_and_lsr(void **state)
{
    (void)state;
    struct env e;
    struct uart *u = mk(&e);
    assert_int_equal(d.size, 0x100);
    assert_int_equal(rd(UART_LSR), UART_LSR_THRE | UART_LSR_TEMT);
    assert_int_equal(rd(UART_IIR), UART_IIR_NO_INT);
    wr(UART_THR, 'h');
    wr(UART_THR, 'i');
    assert_int_equal(e.nout, 2);
    assert_memory_equal(e.out, "hi", 2);
    assert_int_equal(rd(UART_LSR), UART_LSR_THRE | UART_LSR_TEMT);
    assert_false(e.irq);                       /* IER = 0 */
    wr(UART_SCR, 0x5a);
    assert_int_equal(rd(UART_SCR), 0x5a);
    assert_int_equal(rd(0x80), 0);             /* beyond the 8 registers */
    uart_destroy(u);
}

static void test_dlab(void **state)
{
    (void)state;
    struct env e;
    struct uart *u = mk(&e);
    wr(UART_LCR, UART_LCR_DLAB | 0x03);
    wr(UART_DLL, 0x01);
    wr(UART_DLM, 0x02);
    assert_int_equal(e.nout, 0);               /* divisor, not data */
    assert_int_equal(rd(UART_DLL), 0x01);
    assert_int_equal(rd(UART_DLM), 0x02);
    wr(UART_LCR, 0x03);
    assert_int_equal(rd(UART_LCR), 0x03);
    assert_int_equal(rd(UART_IER), 0);         /* IER untouched by DLM */
    wr(UART_LCR, UART_LCR_DLAB);
    assert_int_equal(rd(UART_DLL), 0x01);
    uart_destroy(u);
}

static void test_rx_fifo(void **state)
{
    (void)state;
    struct env e;
    struct uart *u = mk(&e);
    /* FIFO off (16450 mode): one byte of room. */
    assert_int_equal(uart_rx_space(u), 1);
    assert_true(uart_rx_push(u, 'a'));
    assert_false(uart_rx_push(u, 'b'));
    assert_int_equal(rd(UART_LSR) & UART_LSR_DR, UART_LSR_DR);
    assert_int_equal(rd(UART_RBR), 'a');
    assert_int_equal(rd(UART_LSR) & UART_LSR_DR, 0);

    wr(UART_FCR, UART_FCR_FIFOE | UART_FCR_RXCLR);
    assert_int_equal(rd(UART_IIR) & 0xC0, 0xC0); /* FIFOs enabled */
    assert_int_equal(uart_rx_space(u), UART_FIFO_SIZE);
    for (unsigned i = 0; i < UART_FIFO_SIZE; i++)
        assert_true(uart_rx_push(u, (uint8_t)i));
    assert_int_equal(uart_rx_space(u), 0);
    assert_false(uart_rx_push(u, 0xff));       /* full: refused, no overrun */
    assert_int_equal(rd(UART_LSR) & UART_LSR_OE, 0);
    for (unsigned i = 0; i < 10; i++)
        assert_int_equal(rd(UART_RBR), i);
    assert_int_equal(uart_rx_space(u), 10);
    wr(UART_FCR, UART_FCR_FIFOE | UART_FCR_RXCLR);
    assert_int_equal(rd(UART_LSR) & UART_LSR_DR, 0);
    assert_int_equal(rd(UART_RBR), 0);         /* empty read */

    /* Loopback: transmitted bytes come back, MSR mirrors MCR. */
    wr(UART_MCR, UART_MCR_LOOP | 0x0A);
    assert_int_equal(rd(UART_MSR) & 0xF0, 0x90);
    wr(UART_THR, 'z');
    assert_int_equal(e.nout, 0);
    assert_int_equal(rd(UART_RBR), 'z');
    uart_destroy(u);
}

static void test_interrupts(void **state)
{
    (void)state;
    struct env e;
    struct uart *u = mk(&e);
    wr(UART_FCR, UART_FCR_FIFOE);
    /* Enabling ETBEI with THR empty raises a THRE interrupt. */
    wr(UART_IER, UART_IER_ETBEI);
    assert_true(e.irq);
    assert_int_equal(e.line, UART_IRQ);
    assert_int_equal(rd(UART_IIR), 0xC0 | UART_IIR_THRE);
    /* Reading IIR while it shows THRE clears that source. */
    assert_false(e.irq);
    assert_int_equal(rd(UART_IIR), 0xC0 | UART_IIR_NO_INT);
    /* A THR write makes THR empty again at once: THRE pending again. */
    wr(UART_THR, 'x');
    assert_true(e.irq);

    /* Received data outranks THRE. */
    wr(UART_IER, UART_IER_ETBEI | UART_IER_ERBFI);
    assert_true(uart_rx_push(u, 'q'));
    assert_int_equal(rd(UART_IIR), 0xC0 | UART_IIR_RDA);
    assert_true(e.irq);                        /* RDA read does not clear THRE */
    assert_int_equal(rd(UART_RBR), 'q');
    assert_int_equal(rd(UART_IIR), 0xC0 | UART_IIR_THRE);
    assert_false(e.irq);

    /* RX only: line follows the FIFO. */
    wr(UART_IER, UART_IER_ERBFI);
    assert_false(e.irq);
    uart_rx_push(u, '1');
    uart_rx_push(u, '2');
    assert_true(e.irq);
    assert_true(uart_irq_level(u));
    rd(UART_RBR);
    assert_true(e.irq);
    rd(UART_RBR);
    assert_false(e.irq);
    /* Masking through IER drops the line. */
    uart_rx_push(u, '3');
    assert_true(e.irq);
    wr(UART_IER, 0);
    assert_false(e.irq);
    assert_int_equal(rd(UART_IIR) & 0x0F, UART_IIR_NO_INT);
    /* Only level changes are signalled. */
    int calls = e.irq_calls;
    wr(UART_SCR, 1);
    assert_int_equal(e.irq_calls, calls);
    uart_destroy(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tx_and_lsr),
        cmocka_unit_test(test_dlab),
        cmocka_unit_test(test_rx_fifo),
        cmocka_unit_test(test_interrupts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
