/* The accelerator's registers, queues' control, interrupt line, page
 * request responses and statistics (docs/DEVICES.md, "Accelerator").  The
 * work itself is in accel_engine.c. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "accel_internal.h"

/* A Page Request Group Response for this device (ATS.PRGR, delivered by
 * the IOMMU): the group index is the queue that asked.  Success lets the
 * queue translate again; any other code too, and the page it asked for
 * is then refused as a fault (asked_page stays set).  Responses that
 * match no waiting queue are ignored, as a device ignores a response to
 * a group it has not sent. */
static void prg_response(void *ctx, uint32_t device_id, bool pv, uint32_t pasid, unsigned prgi, unsigned code)
{
    struct accel *a = ctx;
    (void)code;
    if (device_id != a->device_id || prgi >= ACCEL_NQUEUES)
        return;
    struct accel_queue *q = &a->q[prgi];
    if (!q->waiting || (pv && pasid != q->d.pasid))
        return;
    q->waiting = false;
    a->st.prg_responses++;
}

struct accel *accel_create(struct iommu *io, uint32_t device_id, uint32_t rate, unsigned ticks_per_us, irq_fn irq,
                           void *irq_ctx, unsigned irq_line)
{
    struct accel *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->io = io;
    a->device_id = device_id;
    a->rate = rate ? rate : 1;
    a->ticks_per_us = ticks_per_us ? ticks_per_us : 1;
    a->irq = irq;
    a->irq_ctx = irq_ctx;
    a->irq_line = irq_line;
    for (unsigned i = 0; i < ACCEL_NQUEUES; i++)
        a->q[i].asked_page = NO_PAGE;
    iommu_set_prgr_handler(io, prg_response, a);
    return a;
}

void accel_destroy(struct accel *a)
{
    free(a);
}

const struct accel_stats *accel_get_stats(const struct accel *a) { return &a->st; }

void accel_set_trace_hook(struct accel *a, accel_trace_fn fn, void *ctx)
{
    a->trace = fn;
    a->trace_ctx = ctx;
}

/* The line is high while IRQ_STATUS & IRQ_ENABLE is not 0.  As the other
 * devices of the board (and QEMU's), every re-evaluation signals the
 * PLIC, also when the level is unchanged: a bit set while an earlier one
 * is being handled is then a new request, not lost behind the first. */
void accel_update_irq(struct accel *a)
{
    bool level = (a->irq_status & a->irq_enable) != 0;
    if (level && !a->line)
        a->st.interrupts++;
    a->line = level;
    if (a->irq)
        a->irq(a->irq_ctx, a->irq_line, level);
}

void accel_queue_error(struct accel *a, struct accel_queue *q, enum accel_qstatus st)
{
    q->status = st;
    q->active = false;
    q->waiting = false;
    a->irq_status |= ACCEL_IRQ_ERROR((unsigned)(q - a->q));
    a->st.queue_errors++;
    accel_update_irq(a);
}

/* Back to the power-on state (CTRL.RESET). */
static void reset(struct accel *a)
{
    a->ctrl = a->irq_status = a->irq_enable = 0;
    for (unsigned i = 0; i < ACCEL_NQUEUES; i++) {
        memset(&a->q[i], 0, sizeof a->q[i]);
        a->q[i].asked_page = NO_PAGE;
    }
    accel_update_irq(a);
}

static uint32_t queue_read(const struct accel_queue *q, unsigned off)
{
    switch (off) {
    case ACCEL_Q_BASE: return (uint32_t)q->base;
    case ACCEL_Q_BASE + 4: return (uint32_t)(q->base >> 32);
    case ACCEL_Q_LOG2SZ: return q->log2sz;
    case ACCEL_Q_CTRL: return q->enabled ? ACCEL_Q_ENABLE : 0;
    case ACCEL_Q_HEAD: return q->head;
    case ACCEL_Q_TAIL: return q->tail;
    case ACCEL_Q_STATUS: return q->status;
    default: return 0;
    }
}

static void queue_write(struct accel *a, struct accel_queue *q, unsigned off, uint32_t v)
{
    switch (off) {
    case ACCEL_Q_BASE:
        q->base = (q->base & ~0xffffffffull) | (v & ~63u);
        break;
    case ACCEL_Q_BASE + 4:
        q->base = (q->base & 0xffffffffull) | (uint64_t)v << 32;
        break;
    case ACCEL_Q_LOG2SZ:
        q->log2sz = v > ACCEL_MAX_LOG2SZ ? ACCEL_MAX_LOG2SZ : v;
        break;
    case ACCEL_Q_CTRL:
        if ((v & ACCEL_Q_ENABLE) && !q->enabled) {
            q->head = q->tail = 0;
            q->status = ACCEL_QS_OK;
        }
        if (!(v & ACCEL_Q_ENABLE)) { /* abandon the descriptor in progress */
            q->active = false;
            q->waiting = false;
            q->asked_page = NO_PAGE;
        }
        q->enabled = v & ACCEL_Q_ENABLE;
        break;
    case ACCEL_Q_TAIL:
        /* the doorbell: only while the queue is on and has no error */
        if (!q->enabled || q->status != ACCEL_QS_OK)
            break;
        if (v >> q->log2sz)
            accel_queue_error(a, q, ACCEL_QS_TAIL_RANGE);
        else
            q->tail = v;
        break;
    default:
        break;
    }
}

static bool reg_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct accel *a = opaque;
    if (size == 8) { /* only a queue's BASE */
        if (off < ACCEL_REG_QUEUE0 || off >= ACCEL_REG_QUEUE0 + ACCEL_NQUEUES * ACCEL_QUEUE_STRIDE ||
            (off - ACCEL_REG_QUEUE0) % ACCEL_QUEUE_STRIDE != ACCEL_Q_BASE)
            return false;
        *val = a->q[(off - ACCEL_REG_QUEUE0) / ACCEL_QUEUE_STRIDE].base;
        return true;
    }
    if (size != 4 || (off & 3))
        return false;
    switch (off) {
    case ACCEL_REG_ID: *val = ACCEL_ID; return true;
    case ACCEL_REG_VERSION: *val = ACCEL_VERSION; return true;
    case ACCEL_REG_CAPS: *val = ACCEL_NQUEUES | ACCEL_MAX_LOG2SZ << 8 | 1u << 16; return true;
    case ACCEL_REG_RATE: *val = a->rate; return true;
    case ACCEL_REG_CTRL: *val = a->ctrl; return true;
    case ACCEL_REG_IRQ_STATUS: *val = a->irq_status; return true;
    case ACCEL_REG_IRQ_ENABLE: *val = a->irq_enable; return true;
    case ACCEL_REG_DEVICE_ID: *val = a->device_id; return true;
    default: break;
    }
    if (off >= ACCEL_REG_QUEUE0 && off < ACCEL_REG_QUEUE0 + ACCEL_NQUEUES * ACCEL_QUEUE_STRIDE) {
        uint64_t rel = off - ACCEL_REG_QUEUE0;
        *val = queue_read(&a->q[rel / ACCEL_QUEUE_STRIDE], (unsigned)(rel % ACCEL_QUEUE_STRIDE));
        return true;
    }
    *val = 0;
    return true;
}

#define IRQ_BITS (((1u << ACCEL_NQUEUES) - 1) * (1u | 1u << 8))

static bool reg_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct accel *a = opaque;
    if (size == 8) {
        if (off < ACCEL_REG_QUEUE0 || off >= ACCEL_REG_QUEUE0 + ACCEL_NQUEUES * ACCEL_QUEUE_STRIDE ||
            (off - ACCEL_REG_QUEUE0) % ACCEL_QUEUE_STRIDE != ACCEL_Q_BASE)
            return false;
        struct accel_queue *q = &a->q[(off - ACCEL_REG_QUEUE0) / ACCEL_QUEUE_STRIDE];
        queue_write(a, q, ACCEL_Q_BASE, (uint32_t)val);
        queue_write(a, q, ACCEL_Q_BASE + 4, (uint32_t)(val >> 32));
        return true;
    }
    if (size != 4 || (off & 3))
        return false;
    uint32_t v = (uint32_t)val;
    switch (off) {
    case ACCEL_REG_CTRL:
        if (v & ACCEL_CTRL_RESET)
            reset(a);
        else
            a->ctrl = v & ACCEL_CTRL_PRI;
        return true;
    case ACCEL_REG_IRQ_STATUS:
        a->irq_status &= ~v;
        accel_update_irq(a);
        return true;
    case ACCEL_REG_IRQ_ENABLE:
        a->irq_enable = v & IRQ_BITS;
        accel_update_irq(a);
        return true;
    default: break;
    }
    if (off >= ACCEL_REG_QUEUE0 && off < ACCEL_REG_QUEUE0 + ACCEL_NQUEUES * ACCEL_QUEUE_STRIDE) {
        uint64_t rel = off - ACCEL_REG_QUEUE0;
        queue_write(a, &a->q[rel / ACCEL_QUEUE_STRIDE], (unsigned)(rel % ACCEL_QUEUE_STRIDE), v);
    }
    return true;
}

struct mmio_dev accel_mmio(struct accel *a, uint64_t base)
{
    return (struct mmio_dev){.name = "pagoda-accel", .base = base, .size = ACCEL_SIZE, .opaque = a,
                             .read = reg_read, .write = reg_write};
}

/* ---- statistics ---- */

static const char *const op_names[ACCEL_OP_COUNT] = {"nop", "copy", "fill", "vadd32", "crc32"};
static const char *const status_names[4] = {"pending", "ok", "bad_desc", "fault"};

void accel_stats_print(const struct accel *a, FILE *f)
{
    const struct accel_stats *s = &a->st;
    fprintf(f, "accel (device %" PRIu32 ", %" PRIu32 " bytes/us): descriptors", a->device_id, a->rate);
    for (unsigned i = 0; i < ACCEL_OP_COUNT; i++)
        fprintf(f, " %s %" PRIu64, op_names[i], s->descriptors[i]);
    fprintf(f, "\n  completed ok %" PRIu64 ", bad_desc %" PRIu64 ", fault %" PRIu64 "; bytes %" PRIu64
               "; busy %.3f ms guest time\n",
            s->status[ACCEL_ST_OK], s->status[ACCEL_ST_BAD_DESC], s->status[ACCEL_ST_FAULT], s->bytes,
            (double)s->busy_ticks / a->ticks_per_us / 1000.0);
    fprintf(f, "  translations %" PRIu64 ", page requests %" PRIu64 ", group responses %" PRIu64
               ", queue errors %" PRIu64 ", interrupts %" PRIu64 "\n",
            s->translations, s->page_requests, s->prg_responses, s->queue_errors, s->interrupts);
}

void accel_stats_json(const struct accel *a, FILE *f)
{
    const struct accel_stats *s = &a->st;
    fprintf(f, "{\"device_id\":%" PRIu32 ",\"rate_bytes_per_us\":%" PRIu32 ",\"descriptors\":{", a->device_id,
            a->rate);
    for (unsigned i = 0; i < ACCEL_OP_COUNT; i++)
        fprintf(f, "%s\"%s\":%" PRIu64, i ? "," : "", op_names[i], s->descriptors[i]);
    fprintf(f, "},\"status\":{");
    for (unsigned i = 1; i < 4; i++)
        fprintf(f, "%s\"%s\":%" PRIu64, i > 1 ? "," : "", status_names[i], s->status[i]);
    fprintf(f, "},\"bytes\":%" PRIu64 ",\"translations\":%" PRIu64 ",\"page_requests\":%" PRIu64
               ",\"prg_responses\":%" PRIu64 ",\"busy_ticks\":%" PRIu64 ",\"queue_errors\":%" PRIu64
               ",\"interrupts\":%" PRIu64 "}",
            s->bytes, s->translations, s->page_requests, s->prg_responses, s->busy_ticks, s->queue_errors,
            s->interrupts);
}
