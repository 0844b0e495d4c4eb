/* What a device on the board looks like to the bus: a memory-mapped window
 * and two callbacks, plus interrupt lines that the board wires up.  Devices
 * know nothing of harts: they raise lines through irq callbacks. */
#ifndef PAGODA_DEVICE_H
#define PAGODA_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

struct mmio_dev {
    const char *name;
    uint64_t base, size;
    void *opaque;
    /* off is relative to base; size is 1, 2, 4 or 8.  Return false for an
     * access the device refuses (the hart then takes an access fault). */
    bool (*read)(void *opaque, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *opaque, uint64_t off, unsigned size, uint64_t val);
};

/* An interrupt output: level-sensitive line `line` of the receiver. */
typedef void (*irq_fn)(void *ctx, unsigned line, bool level);

/* A hart-facing interrupt output (CLINT, PLIC): sets or clears bit `irq`
 * (IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_MEI...) of hart `hart`'s pending lines. */
typedef void (*hart_irq_fn)(void *ctx, unsigned hart, unsigned irq, bool level);

#endif
