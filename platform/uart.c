/* 16550A UART model.  Interrupt identification follows the 16550A data
 * sheet's priority order: receiver line status > received data available
 * (or character timeout) > THR empty > modem status.  Simplifications,
 * documented in docs/DEVICES.md: no line errors, no character-timeout
 * distinction (any received byte reports "data available" whatever the FIFO
 * trigger level), modem status changes never interrupt. */
#include "uart.h"

#include <stdlib.h>

struct uart {
    void (*out)(void *, uint8_t);
    void *out_ctx;
    irq_fn irq;
    void *irq_ctx;
    unsigned irq_line;
    bool irq_level;

    uint8_t ier, lcr, mcr, scr, fcr, dll, dlm;
    bool thre_ip; /* THR-empty interrupt pending (16550: set when THR empties
                     or ETBEI is enabled; cleared by IIR read or THR write) */
    uint8_t rx[UART_FIFO_SIZE];
    unsigned rx_head, rx_count;
};

struct uart *uart_create(void (*out)(void *ctx, uint8_t byte), void *out_ctx,
                         irq_fn irq, void *irq_ctx, unsigned irq_line)
{
    struct uart *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    u->out = out;
    u->out_ctx = out_ctx;
    u->irq = irq;
    u->irq_ctx = irq_ctx;
    u->irq_line = irq_line;
    u->lcr = 0x03; /* 8N1, as after QEMU's reset */
    u->dll = 12;   /* 9600 baud at 1.8432 MHz; value only stored */
    return u;
}

void uart_destroy(struct uart *u)
{
    free(u);
}

static unsigned rx_capacity(const struct uart *u)
{
    return (u->fcr & UART_FCR_FIFOE) ? UART_FIFO_SIZE : 1;
}

static uint8_t lsr(const struct uart *u)
{
    return (u->rx_count ? UART_LSR_DR : 0) | UART_LSR_THRE | UART_LSR_TEMT;
}

/* The IIR identification (bits 3:0) for the highest-priority pending and
 * enabled interrupt. */
static uint8_t iir_id(const struct uart *u)
{
    if ((u->ier & UART_IER_ERBFI) && u->rx_count)
        return UART_IIR_RDA;
    if ((u->ier & UART_IER_ETBEI) && u->thre_ip)
        return UART_IIR_THRE;
    return UART_IIR_NO_INT;
}

/* Re-evaluate the interrupt and signal it to the PLIC, also when the level
 * is unchanged: as QEMU's 16550 does, every re-evaluation is a new request
 * (plic.c explains why kernels written against QEMU need it).  Called when
 * a byte arrives and after accesses that change what IIR shows: RBR reads,
 * IIR reads that clear THRE, THR/IER/FCR/MCR writes. */
static void update_irq(struct uart *u)
{
    bool lvl = iir_id(u) != UART_IIR_NO_INT;
    u->irq_level = lvl;
    if (u->irq)
        u->irq(u->irq_ctx, u->irq_line, lvl);
}

bool uart_irq_level(const struct uart *u)
{
    return u->irq_level;
}

bool uart_rx_push(struct uart *u, uint8_t byte)
{
    if (u->rx_count >= rx_capacity(u))
        return false;
    u->rx[(u->rx_head + u->rx_count) % UART_FIFO_SIZE] = byte;
    u->rx_count++;
    update_irq(u);
    return true;
}

unsigned uart_rx_space(const struct uart *u)
{
    unsigned cap = rx_capacity(u);
    return u->rx_count >= cap ? 0 : cap - u->rx_count;
}

/* Modem status: in loopback the outputs feed the inputs (16550A: RTS->CTS,
 * DTR->DSR, OUT1->RI, OUT2->DCD); otherwise the "cable" asserts DCD, DSR
 * and CTS so that software waiting for a modem sees one. */
static uint8_t msr(const struct uart *u)
{
    if (u->mcr & UART_MCR_LOOP) {
        uint8_t m = u->mcr;
        return (uint8_t)(((m & 0x02) << 3) | ((m & 0x01) << 5) | ((m & 0x04) << 4) | ((m & 0x08) << 4));
    }
    return 0xB0;
}

static uint8_t reg_read(struct uart *u, unsigned reg)
{
    bool dlab = u->lcr & UART_LCR_DLAB;
    switch (reg) {
    case UART_RBR:
        if (dlab)
            return u->dll;
        if (u->rx_count) {
            uint8_t b = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % UART_FIFO_SIZE;
            u->rx_count--;
            update_irq(u);
            return b;
        }
        return 0;
    case UART_IER:
        return dlab ? u->dlm : u->ier;
    case UART_IIR: {
        uint8_t id = iir_id(u);
        /* 16550A: reading IIR when it shows THRE clears that source. */
        if (id == UART_IIR_THRE) {
            u->thre_ip = false;
            update_irq(u);
        }
        return (uint8_t)(id | ((u->fcr & UART_FCR_FIFOE) ? UART_IIR_FIFO : 0));
    }
    case UART_LCR: return u->lcr;
    case UART_MCR: return u->mcr;
    case UART_LSR: return lsr(u);
    case UART_MSR: return msr(u);
    case UART_SCR: return u->scr;
    }
    return 0;
}

static void reg_write(struct uart *u, unsigned reg, uint8_t v)
{
    bool dlab = u->lcr & UART_LCR_DLAB;
    switch (reg) {
    case UART_THR:
        if (dlab) {
            u->dll = v;
            return;
        }
        if (u->mcr & UART_MCR_LOOP) {
            if (u->rx_count < rx_capacity(u)) {
                u->rx[(u->rx_head + u->rx_count) % UART_FIFO_SIZE] = v;
                u->rx_count++;
            }
        } else if (u->out) {
            u->out(u->out_ctx, v);
        }
        /* The write clears THRE-pending and the byte leaves at once, so THR
         * is empty again: the THRE interrupt is pending anew. */
        u->thre_ip = true;
        break;
    case UART_IER:
        if (dlab) {
            u->dlm = v;
            return;
        }
        /* Enabling ETBEI while THR is empty raises the THRE interrupt. */
        if ((v & UART_IER_ETBEI) && !(u->ier & UART_IER_ETBEI))
            u->thre_ip = true;
        u->ier = v & 0x0F;
        break;
    case UART_FCR: {
        bool was = u->fcr & UART_FCR_FIFOE;
        if (v & UART_FCR_RXCLR || (bool)(v & UART_FCR_FIFOE) != was)
            u->rx_head = u->rx_count = 0; /* changing FIFOE also clears FIFOs */
        u->fcr = v & 0xC9; /* bits 0, 3, 7:6 are kept; 1 and 2 self-clear */
        break;
    }
    case UART_LCR: u->lcr = v; return;
    case UART_MCR: u->mcr = v & 0x1F; break;
    case UART_LSR: return; /* factory test register on 16550; ignored */
    case UART_MSR: return;
    case UART_SCR: u->scr = v; return;
    }
    update_irq(u);
}

static bool uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    (void)size;
    *val = off < 8 ? reg_read(opaque, (unsigned)off) : 0;
    return off < UART_SIZE;
}

static bool uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    (void)size;
    if (off < 8)
        reg_write(opaque, (unsigned)off, (uint8_t)val);
    return off < UART_SIZE;
}

struct mmio_dev uart_mmio(struct uart *u, uint64_t base)
{
    struct mmio_dev d = { "uart", base, UART_SIZE, u, uart_read, uart_write };
    return d;
}
