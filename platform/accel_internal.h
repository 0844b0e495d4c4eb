/* Inside the accelerator model: its state.  Only platform/accel*.c
 * include this. */
#ifndef PAGODA_ACCEL_INTERNAL_H
#define PAGODA_ACCEL_INTERNAL_H

#include "accel.h"

#define NO_PAGE UINT64_MAX

/* One queue: its registers and the descriptor in progress. */
struct accel_queue {
    uint64_t base;     /* BASE, 64-byte aligned */
    unsigned log2sz;   /* LOG2SZ */
    bool enabled;      /* CTRL.ENABLE */
    uint32_t head, tail;
    uint32_t status;   /* enum accel_qstatus */
    /* the descriptor at head, once fetched */
    bool active;
    struct accel_desc d;
    uint64_t done;     /* bytes of d done */
    uint32_t crc;      /* CRC32: running value (pre-inverted) */
    uint64_t t_fetch;  /* mtime when it was fetched (for the trace hook) */
    /* page requests: waiting for the group response; the page asked for
     * (a second refusal of it is a fault, not another request) */
    bool waiting;
    uint64_t asked_page;
};

struct accel {
    struct iommu *io;
    uint32_t device_id, rate;
    unsigned ticks_per_us;
    irq_fn irq;
    void *irq_ctx;
    unsigned irq_line;
    uint32_t ctrl, irq_status, irq_enable;
    bool line;              /* the interrupt line's last level */
    struct accel_queue q[ACCEL_NQUEUES];
    unsigned next_q;        /* round robin: the queue served first next time */
    bool was_busy;          /* had work at the end of the last accel_advance */
    uint64_t last;          /* mtime of the last accel_advance */
    uint64_t credit;        /* byte-ticks not yet spent (below ticks_per_us) */
    uint64_t debt;          /* bytes' worth of time owed for translations' memory reads */
    struct accel_stats st;
    accel_trace_fn trace;   /* accel_set_trace_hook; NULL: none */
    void *trace_ctx;
};

/* accel.c: re-evaluate the interrupt line (called after every change of
 * IRQ_STATUS or IRQ_ENABLE); stop queue q with an error status. */
void accel_update_irq(struct accel *a);
void accel_queue_error(struct accel *a, struct accel_queue *q, enum accel_qstatus st);
/* accel_engine.c: true when queue q has a descriptor to work on now. */
bool accel_queue_runnable(const struct accel_queue *q);

#endif
