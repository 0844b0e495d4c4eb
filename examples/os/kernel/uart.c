// The console: an ns16550a UART, polled (no interrupts), found in the device tree.
#include "types.h"
#include "riscv.h"
#include "defs.h"

#define THR 0 // transmit holding register
#define LSR 5 // line status register
#define LSR_THRE (1 << 5)

static volatile uint8 *uart;

// Remembers where the UART is; before this, output goes through SBI DBCN.
void uart_init(void)
{
  if (boardinfo.uart_pa)
    uart = P2V(boardinfo.uart_pa);
}

// Returns the next byte typed on the console, or -1 if none is waiting.
int uart_getc(void)
{
  if (!uart || !(uart[LSR] & 1)) // LSR.DR: a byte in RBR
    return -1;
  return uart[0];
}

// Writes one byte to the console, waiting until the UART can take it.
void uart_putc(int c)
{
  if (!uart) {
    sbi_call(SBI_EXT_DBCN, 2, (uint8)c, 0, 0, 0, 0); // console_write_byte
    return;
  }
  while ((uart[LSR] & LSR_THRE) == 0)
    ;
  uart[THR] = c;
}
