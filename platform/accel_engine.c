/* The accelerator's engine: fetches descriptors from the rings, moves
 * data at the device's rate over guest time, translates every access
 * through the IOMMU with the descriptor's PASID, sends page requests and
 * completes descriptors (docs/DEVICES.md, "Accelerator", "How the work
 * goes").  Runs between the harts' scheduling rounds (accel_advance), so
 * nothing here is on a hart's hot path. */
#include <stddef.h>
#include <string.h>

#include "accel_internal.h"

#define PAGE 4096ull
/* At most this many bytes per accel_advance: a guest that queues terabytes
 * of work and sleeps cannot make one call run for minutes (the board
 * answers signals and limits between calls). */
#define MAX_BUDGET (16ull << 20)
/* Each memory read the IOMMU makes to translate for the device (a PTE, a
 * DDT or PDT entry) takes the device as long as moving this many bytes
 * (a cache line), so an IOTLB miss costs guest time as a walk does on
 * hardware, and a benchmark can see it. */
#define READ_COST 64

/* Memory reads the IOMMU has made for translations so far. */
static uint64_t translation_reads(const struct accel *a)
{
    const struct iommu_stats *s = iommu_get_stats(a->io);
    return mmu_get_stats(iommu_iotlb(a->io))->pte_reads + s->ddt_reads + s->pdt_reads;
}

enum step { STEP_OK, STEP_PARKED, STEP_FAULT };

bool accel_queue_runnable(const struct accel_queue *q)
{
    return q->enabled && q->status == ACCEL_QS_OK && !q->waiting && (q->active || q->head != q->tail);
}

/* The CRC-32 of zlib and Ethernet (reflected polynomial 0xEDB88320). */
static uint32_t crc_table[256];

static void crc_init(void)
{
    if (crc_table[1])
        return;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc_update(uint32_t c, const uint8_t *p, uint64_t n)
{
    while (n--)
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c;
}

/* The host pointer of size bytes of ring memory at addr (a request
 * without PASID), or NULL when the IOMMU refuses it or it is not RAM. */
static uint8_t *ring_ptr(struct accel *a, uint64_t addr, unsigned size, enum mmu_access acc)
{
    struct iommu_req r = {.device_id = a->device_id, .acc = acc};
    struct mmu_xlate x;
    a->st.translations++;
    if (iommu_translate(a->io, &r, addr, size, &x) != IOMMU_OK)
        return NULL;
    return x.host;
}

/* Write the completion of the descriptor at head (status, cause, result)
 * and move head on; raise the done bit when the descriptor asks. */
static void complete(struct accel *a, struct accel_queue *q, enum accel_status st, uint16_t cause, uint64_t result)
{
    uint64_t addr = q->base + 64ull * q->head + offsetof(struct accel_desc, status);
    uint8_t *p = ring_ptr(a, addr, 16, MMU_STORE);
    if (!p) {
        accel_queue_error(a, q, ACCEL_QS_RING_FAULT);
        return;
    }
    uint32_t zero = 0;
    memcpy(p + 2, &cause, 2);
    memcpy(p + 4, &zero, 4);
    memcpy(p + 8, &result, 8);
    uint16_t s = (uint16_t)st;
    memcpy(p, &s, 2); /* status last */
    if (a->trace) {
        struct accel_desc done = q->d;
        done.status = (uint16_t)st, done.cause = cause, done.rsvd1 = 0, done.result = result;
        a->trace(a->trace_ctx, (unsigned)(q - a->q), &done, q->t_fetch, a->last);
    }
    q->head = (q->head + 1) & ((1u << q->log2sz) - 1);
    q->active = false;
    q->asked_page = NO_PAGE;
    if (q->d.op < ACCEL_OP_COUNT) /* an unknown op is counted by its status (BAD_DESC) only */
        a->st.descriptors[q->d.op]++;
    a->st.status[st]++;
    if (q->d.flags & ACCEL_F_IRQ) {
        a->irq_status |= ACCEL_IRQ_DONE((unsigned)(q - a->q));
        accel_update_irq(a);
    }
}

/* The descriptor breaks no rule of its format (docs/DEVICES.md). */
static bool desc_valid(const struct accel_desc *d)
{
    if (d->op >= ACCEL_OP_COUNT || (d->flags & ~(ACCEL_F_IRQ | ACCEL_F_PRIV)) || d->rsvd0 || (d->pasid >> 20) ||
        d->len > ACCEL_MAX_LEN)
        return false;
    if (d->op == ACCEL_OP_VADD32 && ((d->len | d->dst | d->src | d->src2) & 3))
        return false;
    return true;
}

/* Read the descriptor at head.  A bad one completes at once. */
static void fetch(struct accel *a, struct accel_queue *q)
{
    const uint8_t *p = ring_ptr(a, q->base + 64ull * q->head, 64, MMU_LOAD);
    if (!p) {
        accel_queue_error(a, q, ACCEL_QS_RING_FAULT);
        return;
    }
    memcpy(&q->d, p, sizeof q->d);
    q->t_fetch = a->last;
    q->active = true;
    q->done = 0;
    q->crc = ~0u;
    q->asked_page = NO_PAGE;
    if (!desc_valid(&q->d))
        complete(a, q, ACCEL_ST_BAD_DESC, 0, 0);
}

static bool no_permission(enum iommu_cause c)
{
    return c == IOMMU_CAUSE_FETCH_PAGE || c == IOMMU_CAUSE_READ_PAGE || c == IOMMU_CAUSE_WRITE_PAGE ||
           c == IOMMU_CAUSE_PDT_INVALID;
}

/* Translate size bytes at va (within one page) for the descriptor of q.
 * STEP_OK and *host; STEP_PARKED when a page request went out and the
 * queue waits for the answer; STEP_FAULT and *cause when the access is
 * refused (the IOMMU has written the fault record). */
static enum step translate(struct accel *a, struct accel_queue *q, uint64_t va, unsigned size, enum mmu_access acc,
                           uint8_t **host, uint16_t *cause)
{
    struct iommu_req r = {.device_id = a->device_id, .pv = true, .pasid = q->d.pasid,
                          .priv = (q->d.flags & ACCEL_F_PRIV) != 0, .acc = acc};
    struct mmu_xlate x;
    enum iommu_cause c;
    uint64_t page = va & ~(PAGE - 1);
    if (a->ctrl & ACCEL_CTRL_PRI) {
        /* an ATS translation request; a page absent or not allowed is
         * "Success with no permission" (no fault record): ask for it once */
        r.ats = true;
        a->st.translations++;
        c = iommu_translate(a->io, &r, va, size, &x);
        if (c == IOMMU_OK)
            goto ok;
        if (!no_permission(c)) {
            *cause = (uint16_t)c;
            return STEP_FAULT;
        }
        if (q->asked_page != page) {
            q->asked_page = page;
            a->st.page_requests++;
            enum iommu_prq_status s = iommu_page_request(a->io, &r, va, acc != MMU_STORE, acc == MMU_STORE, true,
                                                         (unsigned)(q - a->q));
            if (s == IOMMU_PRQ_QUEUED) {
                q->waiting = true;
                return STEP_PARKED;
            }
            if (s == IOMMU_PRQ_SUCCESS) { /* answered at once: look again */
                a->st.translations++;
                c = iommu_translate(a->io, &r, va, size, &x);
                if (c == IOMMU_OK)
                    goto ok;
            }
        }
        /* refused after asking: make the access as an untranslated
         * request, which the IOMMU refuses with a fault record */
        r.ats = false;
    }
    a->st.translations++;
    c = iommu_translate(a->io, &r, va, size, &x);
    if (c != IOMMU_OK) {
        *cause = (uint16_t)c;
        return STEP_FAULT;
    }
ok:
    if (!x.host) {
        *cause = ACCEL_CAUSE_NOT_RAM;
        return STEP_FAULT;
    }
    *host = x.host;
    return STEP_OK;
}

static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* Bytes from va to the end of its page. */
static uint64_t to_page_end(uint64_t va) { return PAGE - (va & (PAGE - 1)); }

/* Do one piece of q's descriptor: at most budget bytes, within one page of
 * each buffer.  Returns the bytes moved (0 when the budget is too small,
 * the queue parked, or the descriptor completed). */
static uint64_t step(struct accel *a, struct accel_queue *q, uint64_t budget, bool *completed)
{
    const struct accel_desc *d = &q->d;
    uint64_t left = d->len - q->done;
    if (d->op == ACCEL_OP_NOP || left == 0) {
        complete(a, q, ACCEL_ST_OK, 0, d->op == ACCEL_OP_CRC32 ? (uint64_t)(uint32_t)~q->crc : 0);
        *completed = true;
        return 0;
    }
    bool reads = d->op == ACCEL_OP_COPY || d->op == ACCEL_OP_VADD32 || d->op == ACCEL_OP_CRC32;
    bool reads2 = d->op == ACCEL_OP_VADD32;
    bool writes = d->op != ACCEL_OP_CRC32;
    uint64_t dst = d->dst + q->done, src = d->src + q->done, src2 = d->src2 + q->done;
    uint64_t n = min_u64(left, budget);
    if (writes)
        n = min_u64(n, to_page_end(dst));
    if (reads)
        n = min_u64(n, to_page_end(src));
    if (reads2)
        n = min_u64(n, to_page_end(src2));
    if (d->op == ACCEL_OP_VADD32)
        n &= ~3ull;
    if (n == 0)
        return 0;
    uint8_t *ps = NULL, *ps2 = NULL, *pd = NULL;
    uint16_t cause = 0;
    uint64_t fault_va = 0;
    enum step s = STEP_OK;
    if (reads && (s = translate(a, q, src, (unsigned)n, MMU_LOAD, &ps, &cause)) != STEP_OK)
        fault_va = src;
    else if (reads2 && (s = translate(a, q, src2, (unsigned)n, MMU_LOAD, &ps2, &cause)) != STEP_OK)
        fault_va = src2;
    else if (writes && (s = translate(a, q, dst, (unsigned)n, MMU_STORE, &pd, &cause)) != STEP_OK)
        fault_va = dst;
    if (s == STEP_PARKED)
        return 0;
    if (s == STEP_FAULT) {
        complete(a, q, ACCEL_ST_FAULT, cause, fault_va);
        *completed = true;
        return 0;
    }
    switch (d->op) {
    case ACCEL_OP_COPY:
        memmove(pd, ps, n);
        break;
    case ACCEL_OP_FILL:
        for (uint64_t i = 0; i < n; i++)
            pd[i] = (uint8_t)(d->value >> 8 * ((dst + i) & 7));
        break;
    case ACCEL_OP_VADD32:
        for (uint64_t i = 0; i < n; i += 4) {
            uint32_t x, y;
            memcpy(&x, ps + i, 4);
            memcpy(&y, ps2 + i, 4);
            x += y;
            memcpy(pd + i, &x, 4);
        }
        break;
    case ACCEL_OP_CRC32:
        q->crc = crc_update(q->crc, ps, n);
        break;
    }
    q->done += n;
    q->asked_page = NO_PAGE;
    a->st.bytes += n;
    if (q->done == d->len) {
        complete(a, q, ACCEL_ST_OK, 0, d->op == ACCEL_OP_CRC32 ? (uint64_t)(uint32_t)~q->crc : 0);
        *completed = true;
    }
    return n;
}

static bool any_runnable(const struct accel *a)
{
    for (unsigned i = 0; i < ACCEL_NQUEUES; i++)
        if (accel_queue_runnable(&a->q[i]))
            return true;
    return false;
}

bool accel_advance(struct accel *a, uint64_t now)
{
    crc_init();
    /* the time since the last call is worth rate bytes per microsecond
     * while there was work; an idle device starts its clock now */
    if (!a->was_busy || now < a->last) {
        a->last = now;
        a->credit = 0;
    }
    uint64_t dt = now - a->last;
    a->st.busy_ticks += dt;
    uint64_t max_dt = MAX_BUDGET * a->ticks_per_us / a->rate + 1;
    uint64_t credit = a->credit + min_u64(dt, max_dt) * a->rate;
    uint64_t budget = min_u64(credit / a->ticks_per_us, MAX_BUDGET);
    uint64_t rest = credit % a->ticks_per_us;
    a->last = now;
    bool wrote = false, progress = true;
    uint64_t reads = translation_reads(a);
    /* serve the queues in turn, one piece each, while anything moves */
    while (progress) {
        progress = false;
        for (unsigned k = 0; k < ACCEL_NQUEUES; k++) {
            struct accel_queue *q = &a->q[(a->next_q + k) % ACCEL_NQUEUES];
            /* the translations' memory reads so far are paid first */
            uint64_t now_reads = translation_reads(a);
            a->debt += (now_reads - reads) * READ_COST;
            reads = now_reads;
            uint64_t pay = min_u64(a->debt, budget);
            a->debt -= pay;
            budget -= pay;
            if (!accel_queue_runnable(q))
                continue;
            if (!q->active) {
                fetch(a, q);
                progress = true;
                continue;
            }
            bool completed = false;
            uint64_t n = step(a, q, budget, &completed);
            budget -= n;
            if (n && q->d.op != ACCEL_OP_CRC32)
                wrote = true;
            if (n || completed)
                progress = true;
        }
        a->next_q = (a->next_q + 1) % ACCEL_NQUEUES;
    }
    a->debt += (translation_reads(a) - reads) * READ_COST;
    a->was_busy = any_runnable(a);
    if (!a->was_busy)
        a->debt = 0; /* an idle device owes nothing */
    /* what could not be spent (pieces of 4 bytes, a parked queue) stays
     * only while there is work */
    a->credit = a->was_busy ? rest + min_u64(budget, MAX_BUDGET) * a->ticks_per_us : 0;
    if (a->credit > MAX_BUDGET * a->ticks_per_us)
        a->credit = MAX_BUDGET * a->ticks_per_us;
    return wrote;
}

uint64_t accel_next_event(const struct accel *a, uint64_t now)
{
    uint64_t need = 0;
    bool runnable = false;
    for (unsigned i = 0; i < ACCEL_NQUEUES; i++) {
        const struct accel_queue *q = &a->q[i];
        if (!accel_queue_runnable(q))
            continue;
        runnable = true;
        if (q->active && q->d.op != ACCEL_OP_NOP)
            need += q->d.len - q->done;
    }
    if (!runnable)
        return UINT64_MAX;
    need += a->debt;
    if (!a->was_busy)
        return now + 1; /* the next call starts the clock */
    need = min_u64(need, MAX_BUDGET) * a->ticks_per_us;
    uint64_t ticks = need > a->credit ? (need - a->credit + a->rate - 1) / a->rate : 0;
    uint64_t t = a->last + ticks;
    return t > now ? t : now + 1;
}
