/* Pagoda's accelerator ("pagoda,accel"): a bus-master device of our own
 * design that works on a process's own virtual addresses (shared virtual
 * memory).  Every access it makes goes through the RISC-V IOMMU
 * (platform/iommu.h) with the PASID its descriptor names, so it reaches
 * exactly what that process's page tables map, with that process's
 * permissions, and nothing else.
 *
 * Software gives it work in rings of 64-byte descriptors (copy, fill, add
 * two vectors of 32-bit integers, CRC-32), one ring per queue.  The device
 * moves data at a rate in bytes per guest microsecond, between the harts'
 * scheduling rounds, so harts and device overlap as on a real machine.  A
 * descriptor that touches an absent page asks for it with a PCIe Page
 * Request through the IOMMU's page-request queue and resumes when software
 * answers; one the process's mappings do not allow completes with an error
 * status, and the IOMMU writes a fault record.
 *
 * docs/DEVICES.md, "Accelerator", is the programmer's reference:
 * registers, descriptor format, statuses, interrupts, device-tree node. */
#ifndef PAGODA_ACCEL_H
#define PAGODA_ACCEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "device.h"
#include "iommu.h"

/* Where the board puts it: the start of QEMU virt's platform bus (where
 * QEMU places dynamically created sysbus devices; empty otherwise) and
 * that bus's first interrupt. */
#define ACCEL_BASE 0x4000000ull
#define ACCEL_SIZE 0x1000ull
#define ACCEL_IRQ 64
#define ACCEL_DEFAULT_DEVICE_ID 1
#define ACCEL_DEFAULT_RATE 1024 /* bytes per guest microsecond */

/* ---- registers (aligned 4-byte accesses; 8-byte ones to BASE) ---- */
enum {
    ACCEL_REG_ID = 0x000,         /* RO 0x43415047, "GPAC" in memory: Pagoda ACcelerator */
    ACCEL_REG_VERSION = 0x004,    /* RO 1 */
    ACCEL_REG_CAPS = 0x008,       /* RO: 7:0 queues, 15:8 largest LOG2SZ, bit 16 page requests */
    ACCEL_REG_RATE = 0x00c,       /* RO: bytes per guest microsecond */
    ACCEL_REG_CTRL = 0x010,       /* RW: ACCEL_CTRL_* */
    ACCEL_REG_IRQ_STATUS = 0x014, /* RW1C: bit q done (queue q), bit 8 + q error */
    ACCEL_REG_IRQ_ENABLE = 0x018, /* RW: the same bits */
    ACCEL_REG_DEVICE_ID = 0x01c,  /* RO: the device id it presents to the IOMMU */
    ACCEL_REG_QUEUE0 = 0x100,     /* queue q's registers at ACCEL_REG_QUEUE0 + ACCEL_QUEUE_STRIDE * q */
};
#define ACCEL_ID 0x43415047u
#define ACCEL_VERSION 1u
#define ACCEL_NQUEUES 4
#define ACCEL_MAX_LOG2SZ 12
#define ACCEL_QUEUE_STRIDE 0x20
#define ACCEL_CTRL_PRI (1u << 0)    /* ask with ATS translation requests and send page requests */
#define ACCEL_CTRL_RESET (1u << 31) /* write 1: every queue off and emptied, IRQ_STATUS 0; reads 0 */
#define ACCEL_IRQ_DONE(q) (1u << (q))
#define ACCEL_IRQ_ERROR(q) (1u << (8 + (q)))

/* queue registers, offsets within the queue's block */
enum {
    ACCEL_Q_BASE = 0x00,   /* RW 64-bit: the ring's device address (no PASID), 64-byte aligned (bits 5:0 read 0) */
    ACCEL_Q_LOG2SZ = 0x08, /* RW: the ring holds 2^LOG2SZ descriptors, 0..ACCEL_MAX_LOG2SZ (WARL) */
    ACCEL_Q_CTRL = 0x0c,   /* RW: bit 0 enable (0 -> 1 sets HEAD = TAIL = 0 and STATUS = 0) */
    ACCEL_Q_HEAD = 0x10,   /* RO: index of the next descriptor the device will complete */
    ACCEL_Q_TAIL = 0x14,   /* RW: one past the last descriptor submitted (the doorbell) */
    ACCEL_Q_STATUS = 0x18, /* RO: enum accel_qstatus; anything but OK stops the queue */
};
#define ACCEL_Q_ENABLE 1u
enum accel_qstatus {
    ACCEL_QS_OK = 0,
    ACCEL_QS_TAIL_RANGE = 1, /* TAIL written >= 2^LOG2SZ */
    ACCEL_QS_RING_FAULT = 2, /* a descriptor could not be read or its status written */
};

/* ---- a descriptor (64 bytes, little-endian, in the ring) ---- */
enum accel_op { ACCEL_OP_NOP = 0, ACCEL_OP_COPY = 1, ACCEL_OP_FILL = 2, ACCEL_OP_VADD32 = 3, ACCEL_OP_CRC32 = 4 };
#define ACCEL_OP_COUNT 5
#define ACCEL_F_IRQ (1u << 0)  /* raise IRQ_STATUS done when this descriptor completes */
#define ACCEL_F_PRIV (1u << 1) /* supervisor access (needs the process context's ENS) */
#define ACCEL_MAX_LEN (1ull << 32)
struct accel_desc {
    uint8_t op;      /* enum accel_op */
    uint8_t flags;   /* ACCEL_F_*; other bits reserved, must be 0 */
    uint16_t rsvd0;  /* must be 0 */
    uint32_t pasid;  /* 20 bits; 31:20 must be 0 */
    uint64_t dst;    /* COPY, FILL, VADD32: written */
    uint64_t src;    /* COPY, VADD32, CRC32: read */
    uint64_t src2;   /* VADD32: read */
    uint64_t len;    /* bytes, at most ACCEL_MAX_LEN; VADD32: a multiple of 4, addresses 4-byte aligned */
    uint64_t value;  /* FILL: the 8-byte pattern, dst byte i = byte (dst + i) % 8 of value */
    uint16_t status; /* written by the device last: enum accel_status (software sets 0) */
    uint16_t cause;  /* with ACCEL_ST_FAULT: the IOMMU's cause (enum iommu_cause) or ACCEL_CAUSE_NOT_RAM */
    uint32_t rsvd1;  /* written 0 */
    uint64_t result; /* CRC32: the CRC; FAULT: the virtual address that faulted */
};
_Static_assert(sizeof(struct accel_desc) == 64, "a descriptor is 64 bytes");
enum accel_status {
    ACCEL_ST_PENDING = 0,  /* software's value: not done yet */
    ACCEL_ST_OK = 1,
    ACCEL_ST_BAD_DESC = 2, /* unknown op, reserved bits set, len too long or misaligned */
    ACCEL_ST_FAULT = 3,    /* an access was refused: cause and result say which and where */
};
#define ACCEL_CAUSE_NOT_RAM 0xffff /* translated to an address that is not RAM */

struct accel;

/* An accelerator presenting device_id to the IOMMU io (which must outlive
 * it), moving rate bytes per guest microsecond (ticks_per_us mtime ticks
 * are one microsecond), raising irq(irq_ctx, irq_line, level).  It
 * registers itself as io's page-request-response receiver.  NULL when out
 * of memory. */
struct accel *accel_create(struct iommu *io, uint32_t device_id, uint32_t rate, unsigned ticks_per_us, irq_fn irq,
                           void *irq_ctx, unsigned irq_line);
void accel_destroy(struct accel *a);
/* The 4 KiB register window at base, for the board's bus. */
struct mmio_dev accel_mmio(struct accel *a, uint64_t base);

/* Work until guest time now (mtime): the board calls this between
 * scheduling rounds.  Bytes move at the rate over the time since the last
 * call while there is work; an idle device saves no time up.  Returns true
 * when it wrote guest memory. */
bool accel_advance(struct accel *a, uint64_t now);
/* The mtime by which the device will have finished the work it can do
 * now (the board skips idle harts' time only this far), or UINT64_MAX
 * when it has nothing to do or waits for software (a page request). */
uint64_t accel_next_event(const struct accel *a, uint64_t now);

/* A tool tracing the device (--trace-mmu): called when a descriptor
 * completes, with its queue, the descriptor as completed (status, cause,
 * result filled in) and the mtimes at which it was fetched and completed.
 * NULL (the default) removes it. */
typedef void (*accel_trace_fn)(void *ctx, unsigned queue, const struct accel_desc *d, uint64_t start,
                               uint64_t end);
void accel_set_trace_hook(struct accel *a, accel_trace_fn fn, void *ctx);

struct accel_stats {
    uint64_t descriptors[ACCEL_OP_COUNT]; /* completed, by op (an unknown op only in status) */
    uint64_t status[4];                   /* completed, by enum accel_status */
    uint64_t bytes;                       /* bytes moved (the length of each completed or partial chunk) */
    uint64_t translations;                /* iommu_translate calls */
    uint64_t page_requests;               /* iommu_page_request calls */
    uint64_t prg_responses;               /* page request group responses received */
    uint64_t busy_ticks;                  /* mtime ticks with work to do */
    uint64_t queue_errors;                /* queues stopped by an error */
    uint64_t interrupts;                  /* rising edges of the interrupt line */
};
const struct accel_stats *accel_get_stats(const struct accel *a);
/* A readable block (--stats) and one JSON object (--stats-json). */
void accel_stats_print(const struct accel *a, FILE *f);
void accel_stats_json(const struct accel *a, FILE *f);

#endif
