/* ns16550a UART (reg-shift 0: one byte per register, offsets 0..7 of a
 * 0x100-byte window; the rest reads 0 and ignores writes).
 *   0 RBR (r) / THR (w) / DLL (DLAB=1)     4 MCR
 *   1 IER / DLM (DLAB=1)                   5 LSR
 *   2 IIR (r) / FCR (w)                    6 MSR
 *   3 LCR (bit 7 = DLAB)                   7 SCR
 * Transmission is instantaneous: a THR write goes straight to the output
 * callback, so THR and the shift register are always empty (LSR.THRE and
 * LSR.TEMT stay set).  Receive goes through a 64-byte FIFO (1 byte when
 * FCR.FIFOE is clear, as a 16450). */
#ifndef PAGODA_UART_H
#define PAGODA_UART_H

#include <stdbool.h>
#include <stdint.h>
#include "device.h"

#define UART_BASE 0x10000000u
#define UART_SIZE 0x100u
#define UART_IRQ 10            /* PLIC source on QEMU virt */
#define UART_FIFO_SIZE 64
#define UART_CLOCK_HZ 3686400u /* clock-frequency in the device tree (QEMU's) */

/* Register numbers and bits used by tests and users. */
enum {
    UART_RBR = 0, UART_THR = 0, UART_DLL = 0, UART_IER = 1, UART_DLM = 1,
    UART_IIR = 2, UART_FCR = 2, UART_LCR = 3, UART_MCR = 4, UART_LSR = 5,
    UART_MSR = 6, UART_SCR = 7,
};
#define UART_IER_ERBFI 0x01 /* receive data available */
#define UART_IER_ETBEI 0x02 /* THR empty */
#define UART_IER_ELSI  0x04 /* receiver line status */
#define UART_IER_EDSSI 0x08 /* modem status */
#define UART_IIR_NO_INT 0x01
#define UART_IIR_RLS   0x06
#define UART_IIR_RDA   0x04
#define UART_IIR_THRE  0x02
#define UART_IIR_MSI   0x00
#define UART_IIR_FIFO  0xC0
#define UART_FCR_FIFOE 0x01
#define UART_FCR_RXCLR 0x02
#define UART_FCR_TXCLR 0x04
#define UART_LCR_DLAB  0x80
#define UART_MCR_LOOP  0x10
#define UART_LSR_DR    0x01
#define UART_LSR_OE    0x02
#define UART_LSR_THRE  0x20
#define UART_LSR_TEMT  0x40

struct uart;

/* Create a UART.  Each byte the guest transmits is passed to
 * out(out_ctx, byte) at once (out may be NULL: bytes are dropped).  The
 * interrupt output calls irq(irq_ctx, irq_line, level) when its level
 * changes (for the board: plic_set_irq, plic, UART_IRQ). */
struct uart *uart_create(void (*out)(void *ctx, uint8_t byte), void *out_ctx,
                         irq_fn irq, void *irq_ctx, unsigned irq_line);

/* Free a UART made by uart_create (NULL is fine). */
void uart_destroy(struct uart *u);

/* The MMIO window of the UART at guest physical address `base`. */
struct mmio_dev uart_mmio(struct uart *u, uint64_t base);

/* Host input: append `byte` to the receive FIFO.  Returns false (byte not
 * taken, no overrun recorded) when the FIFO is full: keep it and retry. */
bool uart_rx_push(struct uart *u, uint8_t byte);

/* How many bytes uart_rx_push would accept now. */
unsigned uart_rx_space(const struct uart *u);

/* Current level of the interrupt output. */
bool uart_irq_level(const struct uart *u);

#endif
