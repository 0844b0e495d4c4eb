/* Unit tests of the accelerator (platform/accel*.c) behind the RISC-V
 * IOMMU: its registers, the four operations on a process's virtual
 * addresses through a PASID, work spread over guest time at its rate,
 * faults with fault records, page requests answered by ATS.PRGR, the
 * IOTLB kept until IOTINVAL, two PASIDs kept apart, and guests that
 * program it badly (bad descriptors, TAIL out of range, rings outside
 * RAM, endless work). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "accel.h"

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE (16ULL << 20)
#define TPU 10 /* mtime ticks per microsecond */
#define RATE 1024
#define DID 1
#define PASID 5
#define PSCID 9

/* PTE bits */
#define V (1ULL << 0)
#define R (1ULL << 1)
#define W (1ULL << 2)
#define U (1ULL << 4)
#define A (1ULL << 6)
#define D (1ULL << 7)
#define URW (V | R | W | U | A | D)

/* IOMMU registers and context bits (RISC-V IOMMU spec 1.0) */
#define DDTP 0x10
#define CQB 0x18
#define CQT 0x24
#define FQB 0x28
#define FQT 0x34
#define PQB 0x38
#define PQT 0x44
#define CQCSR 0x48
#define FQCSR 0x4c
#define PQCSR 0x50
#define TC_V (1ULL << 0)
#define TC_EN_ATS (1ULL << 1)
#define TC_EN_PRI (1ULL << 2)
#define TC_PDTV (1ULL << 5)
#define TC_SADE (1ULL << 8)
#define SV39 (8ULL << 60)
#define PD8 (1ULL << 60)

#define Q0 ACCEL_REG_QUEUE0
#define QREG(q, r) (ACCEL_REG_QUEUE0 + ACCEL_QUEUE_STRIDE * (q) + (r))

struct env {
    struct phys_mem pm;
    struct iommu *io;
    struct accel *ac;
    struct mmio_dev regs, aregs; /* the IOMMU's, the device's */
    uint64_t next_page;
    uint64_t ddt, pdt, cq, fq, pq, root;
    uint64_t ring[ACCEL_NQUEUES];
    uint32_t tail[ACCEL_NQUEUES];
    uint32_t cq_tail;
    uint64_t now;
    bool line;
    unsigned line_calls;
};

#include "iommu_env.h"

static uint8_t *mem8(struct env *e, uint64_t pa) { return e->pm.ram + (pa - RAM_BASE); }
static void aw32(struct env *e, uint64_t off, uint32_t v) { assert_true(e->aregs.write(e->aregs.opaque, off, 4, v)); }
static uint32_t ar32(struct env *e, uint64_t off)
{
    uint64_t v;
    assert_true(e->aregs.read(e->aregs.opaque, off, 4, &v));
    return (uint32_t)v;
}

static void irq_cb(void *ctx, unsigned line, bool level)
{
    struct env *e = ctx;
    assert_int_equal(line, ACCEL_IRQ);
    e->line = level;
    e->line_calls++;
}

/* Map n pages from va to fresh frames; the first frame's address. */
static uint64_t map_range(struct env *e, uint64_t root, uint64_t va, unsigned n, uint64_t flags)
{
    uint64_t first = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t pa = alloc_page(e);
        if (!i)
            first = pa;
        map(e, root, 3, va + 4096ull * i, pa, flags, 0);
    }
    return first;
}

/* The byte at va of the tables under root (the test's own walk). */
static uint8_t *vbyte(struct env *e, uint64_t root, uint64_t va)
{
    return mem8(e, ((*leaf(e, root, 3, va, 0) >> 10) << 12) + (va & 4095));
}

/* A process context for pasid translating with the Sv39 tables at root. */
static void set_pc(struct env *e, uint32_t pasid, uint32_t pscid, uint64_t root)
{
    uint64_t *pc = mem(e, e->pdt + pasid * 16);
    pc[0] = 1 | (uint64_t)pscid << 12; /* ta: V, PSCID */
    pc[1] = SV39 | root >> 12;         /* fsc */
}

/* ATS.PRGR to our device for pasid, group prgi, response code */
static void prgr(struct env *e, uint32_t pasid, unsigned prgi, unsigned code)
{
    submit(e, 4 | 1 << 7 | (uint64_t)pasid << 12 | 1ULL << 32 | (uint64_t)DID << 40,
               (uint64_t)prgi << 32 | (uint64_t)code << 44);
}

static void iotinval_all(struct env *e) { submit(e, 1, 0); }

/* The IOMMU (1-level DDT, command, fault and page-request queues on) and
 * the device with a device context that has a PD8 process directory,
 * PASID 5 translating through root; each queue with a 16-entry ring. */
static int setup(void **state)
{
    struct env *e = env_with_ram(RAM_SIZE);
    e->io = iommu_create(&e->pm, NULL, NULL, IOMMU_IRQ_FIRST);
    assert_non_null(e->io);
    e->ac = accel_create(e->io, DID, RATE, TPU, irq_cb, e, ACCEL_IRQ);
    assert_non_null(e->ac);
    e->regs = iommu_mmio(e->io, IOMMU_BASE);
    e->aregs = accel_mmio(e->ac, ACCEL_BASE);
    e->next_page = RAM_BASE + 0x100000;
    e->ddt = alloc_page(e);
    e->cq = alloc_page(e);
    e->fq = alloc_page(e);
    alloc_page(e);
    e->pq = alloc_page(e);
    e->pdt = alloc_page(e);
    e->root = alloc_page(e);
    w64(e, CQB, qbase(e->cq, 6));
    w64(e, FQB, qbase(e->fq, 6));
    w64(e, PQB, qbase(e->pq, 6));
    w32(e, CQCSR, 1);
    w32(e, FQCSR, 1);
    w32(e, PQCSR, 1);
    w64(e, DDTP, (e->ddt >> 12) << 10 | 2);
    uint64_t *dc = mem(e, e->ddt + DID * 32);
    dc[0] = TC_V | TC_PDTV | TC_SADE | TC_EN_ATS | TC_EN_PRI;
    dc[3] = PD8 | e->pdt >> 12;
    set_pc(e, PASID, PSCID, e->root);
    for (unsigned q = 0; q < ACCEL_NQUEUES; q++) {
        e->ring[q] = alloc_page(e);
        assert_true(e->aregs.write(e->aregs.opaque, QREG(q, ACCEL_Q_BASE), 8, e->ring[q]));
        aw32(e, QREG(q, ACCEL_Q_LOG2SZ), 4);
        aw32(e, QREG(q, ACCEL_Q_CTRL), ACCEL_Q_ENABLE);
    }
    e->now = 1000;
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    accel_destroy(e->ac);
    iommu_destroy(e->io);
    free(e->pm.ram);
    free(e);
    return 0;
}

/* Write a descriptor at queue q's tail and ring the doorbell; its address. */
static struct accel_desc *submit_desc(struct env *e, unsigned q, struct accel_desc d)
{
    struct accel_desc *slot = (struct accel_desc *)(void *)mem8(e, e->ring[q] + 64ull * e->tail[q]);
    *slot = d;
    e->tail[q] = (e->tail[q] + 1) & 15;
    aw32(e, QREG(q, ACCEL_Q_TAIL), e->tail[q]);
    return slot;
}

/* Let guest time pass: ticks mtime ticks, in calls of 100 ticks (a
 * round of a 1-hart board) */
static void run_ticks(struct env *e, uint64_t ticks)
{
    accel_advance(e->ac, e->now);
    for (uint64_t t = 0; t < ticks; t += 100) {
        e->now += 100;
        accel_advance(e->ac, e->now);
    }
}

/* Run until the device has nothing it can do (at most 10 s of guest time). */
static void run_idle(struct env *e)
{
    accel_advance(e->ac, e->now);
    for (int i = 0; i < 1000000; i++) {
        uint64_t t = accel_next_event(e->ac, e->now);
        if (t == UINT64_MAX)
            return;
        e->now = t;
        accel_advance(e->ac, e->now);
    }
    fail_msg("the device never went idle");
}

static struct accel_desc op(enum accel_op o, uint64_t dst, uint64_t src, uint64_t src2, uint64_t len)
{
    return (struct accel_desc){.op = o, .pasid = PASID, .dst = dst, .src = src, .src2 = src2, .len = len};
}

static uint64_t fault_records(struct env *e) { return r32(e, FQT); }

/* ---- registers ---- */

static void test_registers(void **state)
{
    struct env *e = *state;
    assert_int_equal(ar32(e, ACCEL_REG_ID), ACCEL_ID);
    assert_memory_equal(&(uint32_t){ACCEL_ID}, "GPAC", 4);
    assert_int_equal(ar32(e, ACCEL_REG_VERSION), 1);
    assert_int_equal(ar32(e, ACCEL_REG_CAPS), 4 | 12 << 8 | 1 << 16);
    assert_int_equal(ar32(e, ACCEL_REG_RATE), RATE);
    assert_int_equal(ar32(e, ACCEL_REG_DEVICE_ID), DID);
    uint64_t v;
    assert_true(e->aregs.read(e->aregs.opaque, QREG(1, ACCEL_Q_BASE), 8, &v));
    assert_int_equal(v, e->ring[1]);
    /* 2-byte, misaligned and 8-byte accesses to 32-bit registers are refused */
    assert_false(e->aregs.read(e->aregs.opaque, ACCEL_REG_ID, 2, &v));
    assert_false(e->aregs.write(e->aregs.opaque, ACCEL_REG_CTRL + 1, 4, 0));
    assert_false(e->aregs.read(e->aregs.opaque, ACCEL_REG_CTRL, 8, &v));
    /* BASE keeps 64-byte alignment, LOG2SZ is WARL up to 12, unknown offsets read 0 */
    aw32(e, QREG(3, ACCEL_Q_BASE), 0x1234567f);
    assert_int_equal(ar32(e, QREG(3, ACCEL_Q_BASE)), 0x12345640);
    aw32(e, QREG(3, ACCEL_Q_LOG2SZ), 31);
    assert_int_equal(ar32(e, QREG(3, ACCEL_Q_LOG2SZ)), 12);
    assert_int_equal(ar32(e, 0x800), 0);
    /* IRQ_ENABLE keeps only its bits; RESET is the power-on state */
    aw32(e, ACCEL_REG_IRQ_ENABLE, 0xffffffff);
    assert_int_equal(ar32(e, ACCEL_REG_IRQ_ENABLE), 0xf0f);
    aw32(e, ACCEL_REG_CTRL, ACCEL_CTRL_PRI);
    assert_int_equal(ar32(e, ACCEL_REG_CTRL), ACCEL_CTRL_PRI);
    aw32(e, ACCEL_REG_CTRL, ACCEL_CTRL_RESET);
    assert_int_equal(ar32(e, ACCEL_REG_CTRL), 0);
    assert_int_equal(ar32(e, ACCEL_REG_IRQ_ENABLE), 0);
    assert_int_equal(ar32(e, QREG(0, ACCEL_Q_CTRL)), 0);
    assert_int_equal(ar32(e, QREG(0, ACCEL_Q_BASE)), 0);
}

/* ---- the operations ---- */

static void test_operations(void **state)
{
    struct env *e = *state;
    /* three buffers of 3 pages at user VAs, starting mid-page so pieces
     * cross page boundaries at different places */
    map_range(e, e->root, 0x10000, 4, URW);
    map_range(e, e->root, 0x20000, 4, URW);
    map_range(e, e->root, 0x30000, 4, URW);
    uint64_t a = 0x10100, b = 0x20230, c = 0x30010;
    enum { LEN = 3 * 4096 };
    for (unsigned i = 0; i < LEN; i++)
        *vbyte(e, e->root, a + i) = (uint8_t)(i * 7 + 1);
    for (unsigned i = 0; i < LEN; i += 4) {
        uint32_t x = 0xfffffff0u + i, y = 0x100u * i;
        memcpy(vbyte(e, e->root, b + i), &x, 4); /* the word never crosses a page: b is 4-aligned */
        memcpy(vbyte(e, e->root, a + i), &y, 4);
    }
    struct accel_desc *add = submit_desc(e, 0, op(ACCEL_OP_VADD32, c, a, b, LEN));
    run_idle(e);
    assert_int_equal(add->status, ACCEL_ST_OK);
    for (unsigned i = 0; i < LEN; i += 4) {
        uint32_t z;
        memcpy(&z, vbyte(e, e->root, c + i), 4);
        assert_int_equal(z, (uint32_t)(0xfffffff0u + i + 0x100u * i)); /* wraps */
    }
    /* copy c to an odd address, fill with a pattern aligned to the address */
    struct accel_desc *cp = submit_desc(e, 1, op(ACCEL_OP_COPY, 0x20001, c, 0, LEN - 5));
    struct accel_desc f = op(ACCEL_OP_FILL, 0x10003, 0, 0, 20);
    f.value = 0x8877665544332211ULL;
    struct accel_desc *fill = submit_desc(e, 2, f);
    run_idle(e);
    assert_int_equal(cp->status, ACCEL_ST_OK);
    assert_int_equal(fill->status, ACCEL_ST_OK);
    for (unsigned i = 0; i < LEN - 5; i++)
        assert_int_equal(*vbyte(e, e->root, 0x20001 + i), *vbyte(e, e->root, c + i));
    for (unsigned i = 0; i < 20; i++)
        assert_int_equal(*vbyte(e, e->root, 0x10003 + i), (uint8_t)(0x11 * (((3 + i) & 7) + 1)));
    assert_int_equal(*vbyte(e, e->root, 0x10003 + 20), 0); /* not beyond len */
    /* CRC-32 check value of "123456789", across a page boundary */
    memcpy(vbyte(e, e->root, 0x30ffc), "1234", 4);
    memcpy(vbyte(e, e->root, 0x31000), "56789", 5);
    struct accel_desc *crc = submit_desc(e, 3, op(ACCEL_OP_CRC32, 0, 0x30ffc, 0, 9));
    struct accel_desc *empty = submit_desc(e, 3, op(ACCEL_OP_CRC32, 0, 0x30ffc, 0, 0));
    struct accel_desc *nop = submit_desc(e, 3, op(ACCEL_OP_NOP, 0, 0, 0, 0));
    run_idle(e);
    assert_int_equal(crc->status, ACCEL_ST_OK);
    assert_int_equal(crc->result, 0xcbf43926);
    assert_int_equal(empty->result, 0);
    assert_int_equal(nop->status, ACCEL_ST_OK);
    assert_int_equal(ar32(e, QREG(3, ACCEL_Q_HEAD)), 3);
    const struct accel_stats *s = accel_get_stats(e->ac);
    assert_int_equal(s->descriptors[ACCEL_OP_VADD32], 1);
    assert_int_equal(s->descriptors[ACCEL_OP_CRC32], 2);
    assert_int_equal(s->status[ACCEL_ST_OK], 6);
    assert_int_equal(s->bytes, LEN + (LEN - 5) + 20 + 9);
    /* the device's writes set D (DC.tc.SADE), its reads only A */
    *leaf(e, e->root, 3, 0x13000, 0) &= ~(A | D);
    iotinval_all(e);
    submit_desc(e, 0, op(ACCEL_OP_FILL, 0x13000, 0, 0, 8));
    run_idle(e);
    assert_int_equal(*leaf(e, e->root, 3, 0x13000, 0) & (A | D), A | D);
    /* the IOTLB holds the device's translations */
    assert_true(mmu_get_stats(iommu_iotlb(e->io))->walks > 0);
}

static uint64_t reads_now(struct env *e)
{
    const struct iommu_stats *s = iommu_get_stats(e->io);
    return mmu_get_stats(iommu_iotlb(e->io))->pte_reads + s->ddt_reads + s->pdt_reads;
}

/* Work takes guest time at the rate, 1024 bytes per microsecond, and each
 * memory read of a translation costs 64 bytes' worth. */
static void test_rate(void **state)
{
    struct env *e = *state;
    map_range(e, e->root, 0x40000, 16, URW);
    struct accel_desc f = op(ACCEL_OP_FILL, 0x40000, 0, 0, 16 * 4096);
    f.value = 0x0101010101010101ULL;
    /* a first run fills the IOTLB and the context caches */
    uint64_t r0 = reads_now(e);
    submit_desc(e, 0, f);
    run_idle(e);
    uint64_t cold_reads = reads_now(e) - r0, cold_ticks = accel_get_stats(e->ac)->busy_ticks;
    assert_true(cold_reads >= 16 + 2); /* a PTE per page at least, the DC and PC */
    /* 64 KiB + 64 bytes a read at 1024 bytes/us (10 ticks a us), rounded up */
    assert_int_equal(cold_ticks, ((65536 + 64 * cold_reads) * 10 + 1023) / 1024);
    /* now with everything cached: exactly the rate */
    memset(vbyte(e, e->root, 0x40000), 0, 4096);
    f.flags = ACCEL_F_IRQ;
    aw32(e, ACCEL_REG_IRQ_ENABLE, ACCEL_IRQ_DONE(0));
    uint64_t b0 = accel_get_stats(e->ac)->bytes;
    struct accel_desc *d = submit_desc(e, 0, f);
    accel_advance(e->ac, e->now); /* the clock starts at the first call after the doorbell */
    uint64_t t0 = e->now;
    assert_int_equal(accel_get_stats(e->ac)->bytes, b0);
    /* 64 KiB at 1024 bytes/us is 64 us = 640 ticks */
    assert_int_equal(accel_next_event(e->ac, e->now), t0 + 640);
    e->now += 100; /* 10 us: 10240 bytes */
    accel_advance(e->ac, e->now);
    assert_int_equal(accel_get_stats(e->ac)->bytes - b0, 10240);
    assert_int_equal(*vbyte(e, e->root, 0x40000 + 4095), 1);
    assert_int_equal(d->status, ACCEL_ST_PENDING);
    assert_false(e->line);
    e->now += 55; /* 5.5 us: 5632 bytes */
    accel_advance(e->ac, e->now);
    assert_int_equal(accel_get_stats(e->ac)->bytes - b0, 10240 + 5632);
    e->now += 3;
    accel_advance(e->ac, e->now); /* 0.3 us: 307.2 bytes, the fraction is kept */
    e->now += 7;
    accel_advance(e->ac, e->now);
    assert_int_equal(accel_get_stats(e->ac)->bytes - b0, 10240 + 5632 + 1024);
    assert_int_equal(accel_next_event(e->ac, e->now), t0 + 640);
    e->now = t0 + 640;
    accel_advance(e->ac, e->now);
    assert_int_equal(d->status, ACCEL_ST_OK);
    assert_int_equal(accel_next_event(e->ac, e->now), UINT64_MAX);
    assert_int_equal(accel_get_stats(e->ac)->busy_ticks - cold_ticks, 640);
    assert_int_equal(reads_now(e), r0 + cold_reads);
    /* the completion interrupt: IRQ_STATUS bit 0, the line, RW1C */
    assert_int_equal(ar32(e, ACCEL_REG_IRQ_STATUS), ACCEL_IRQ_DONE(0));
    assert_true(e->line);
    aw32(e, ACCEL_REG_IRQ_STATUS, ACCEL_IRQ_DONE(0));
    assert_false(e->line);
    assert_int_equal(accel_get_stats(e->ac)->interrupts, 1);
    /* an idle device saves no time up: a second job after 1 ms of idling
     * still takes its own time */
    e->now += 10000;
    accel_advance(e->ac, e->now);
    d = submit_desc(e, 0, f);
    run_ticks(e, 300);
    assert_int_equal(d->status, ACCEL_ST_PENDING);
}

/* ---- faults ---- */

static void test_faults_without_pri(void **state)
{
    struct env *e = *state;
    map_range(e, e->root, 0x50000, 1, URW);
    map_range(e, e->root, 0x51000, 1, V | R | U | A | D);     /* read-only */
    map_range(e, e->root, 0x52000, 1, V | R | W | A | D);     /* a kernel page */
    /* a copy that runs into an unmapped page: the first page is written,
     * then a write page fault (15) at the first address of the next page */
    struct accel_desc *d1 = submit_desc(e, 0, op(ACCEL_OP_FILL, 0x50f00, 0, 0, 0x200));
    run_idle(e);
    assert_int_equal(d1->status, ACCEL_ST_FAULT);
    assert_int_equal(d1->cause, IOMMU_CAUSE_WRITE_PAGE);
    assert_int_equal(d1->result, 0x51000);
    assert_int_equal(fault_records(e), 1);
    const uint64_t *rec = mem(e, e->fq);
    assert_int_equal(rec[0] & 0xfff, 15);
    assert_int_equal((rec[0] >> 12) & 0xfffff, PASID);
    assert_int_equal(rec[0] >> 40, DID);
    assert_int_equal(rec[2], 0x51000);
    /* a read-only page is not written; a kernel page is not reached (no
     * PRIV); an address outside the mapping faults on read */
    struct accel_desc *d2 = submit_desc(e, 0, op(ACCEL_OP_COPY, 0x51000, 0x50000, 0, 8));
    struct accel_desc *d3 = submit_desc(e, 0, op(ACCEL_OP_COPY, 0x50000, 0x52000, 0, 8));
    struct accel_desc *d4 = submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x7000000, 0, 8));
    run_idle(e);
    assert_int_equal(d2->status, ACCEL_ST_FAULT);
    assert_int_equal(d2->cause, IOMMU_CAUSE_WRITE_PAGE);
    assert_int_equal(d3->status, ACCEL_ST_FAULT);
    assert_int_equal(d3->cause, IOMMU_CAUSE_READ_PAGE);
    assert_int_equal(d3->result, 0x52000);
    assert_int_equal(d4->cause, IOMMU_CAUSE_READ_PAGE);
    assert_int_equal(fault_records(e), 4);
    /* supervisor access needs the process context's ENS: 260 */
    struct accel_desc p = op(ACCEL_OP_COPY, 0x50000, 0x52000, 0, 8);
    p.flags = ACCEL_F_PRIV;
    struct accel_desc *d5 = submit_desc(e, 1, p);
    run_idle(e);
    assert_int_equal(d5->status, ACCEL_ST_FAULT);
    assert_int_equal(d5->cause, IOMMU_CAUSE_TTYP_DISALLOWED);
    /* a PASID without a process context: 266 */
    struct accel_desc *d6 = submit_desc(e, 1, (struct accel_desc){.op = ACCEL_OP_FILL, .pasid = 77, .dst = 0x50000, .len = 8});
    run_idle(e);
    assert_int_equal(d6->cause, IOMMU_CAUSE_PDT_INVALID);
    assert_int_equal(accel_get_stats(e->ac)->status[ACCEL_ST_FAULT], 6);
}

/* ---- page requests ---- */

static void test_page_requests(void **state)
{
    struct env *e = *state;
    aw32(e, ACCEL_REG_CTRL, ACCEL_CTRL_PRI);
    map_range(e, e->root, 0x60000, 1, URW);
    for (unsigned i = 0; i < 64; i++)
        *vbyte(e, e->root, 0x60000 + i) = (uint8_t)i;
    /* the destination is absent: a page request (write intent, group =
     * queue 2), no fault record, the queue parks while queue 3 goes on */
    struct accel_desc *d = submit_desc(e, 2, op(ACCEL_OP_COPY, 0x61000, 0x60000, 0, 64));
    struct accel_desc *other = submit_desc(e, 3, op(ACCEL_OP_CRC32, 0, 0x60000, 0, 64));
    run_idle(e);
    assert_int_equal(other->status, ACCEL_ST_OK);
    assert_int_equal(d->status, ACCEL_ST_PENDING);
    assert_int_equal(r32(e, PQT), 1);
    assert_int_equal(fault_records(e), 0);
    const uint64_t *rec = mem(e, e->pq);
    assert_int_equal((rec[0] >> 12) & 0xfffff, PASID);
    assert_int_equal(rec[0] >> 40, DID);
    assert_int_equal(rec[1] & ~0xfffULL, 0x61000);
    assert_int_equal((rec[1] >> 3) & 0x1ff, 2); /* group index */
    assert_int_equal(rec[1] & 7, 2 | 4);        /* W and L, not R */
    assert_int_equal(accel_next_event(e->ac, e->now), UINT64_MAX); /* waits for software */
    /* software maps the page and answers Success: the copy completes */
    map_range(e, e->root, 0x61000, 1, URW);
    prgr(e, PASID, 2, 0);
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_OK);
    assert_int_equal(*vbyte(e, e->root, 0x61000 + 63), 63);
    assert_int_equal(accel_get_stats(e->ac)->prg_responses, 1);
    /* a response for another PASID or group is ignored */
    d = submit_desc(e, 2, op(ACCEL_OP_FILL, 0x62000, 0, 0, 8));
    run_idle(e);
    prgr(e, PASID + 1, 2, 0);
    prgr(e, PASID, 1, 0);
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_PENDING);
    /* Success without mapping it: the device does not ask again, the
     * access is refused with a fault record */
    prgr(e, PASID, 2, 0);
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_FAULT);
    assert_int_equal(d->cause, IOMMU_CAUSE_WRITE_PAGE);
    assert_int_equal(fault_records(e), 1);
    /* a refusal (Invalid Request) of a read-only page: fault */
    map_range(e, e->root, 0x63000, 1, V | R | U | A | D);
    d = submit_desc(e, 2, op(ACCEL_OP_FILL, 0x63000, 0, 0, 8));
    run_idle(e);
    assert_int_equal(r32(e, PQT), 3);
    prgr(e, PASID, 2, 1);
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_FAULT);
    assert_int_equal(d->cause, IOMMU_CAUSE_WRITE_PAGE);
    assert_int_equal(fault_records(e), 2);
    assert_int_equal(accel_get_stats(e->ac)->page_requests, 3);
    /* the page-request queue off: Response Failure at once, a fault */
    w32(e, PQCSR, 0);
    d = submit_desc(e, 2, op(ACCEL_OP_FILL, 0x64000, 0, 0, 8));
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_FAULT);
    /* turning the queue off abandons a parked descriptor */
    w32(e, PQCSR, 1);
    d = submit_desc(e, 1, op(ACCEL_OP_FILL, 0x65000, 0, 0, 8));
    run_idle(e);
    aw32(e, QREG(1, ACCEL_Q_CTRL), 0);
    prgr(e, PASID, 1, 0);
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_PENDING);
}

/* ---- the IOTLB and PASIDs ---- */

static void test_stale_iotlb_and_pasids(void **state)
{
    struct env *e = *state;
    uint64_t f1 = map_range(e, e->root, 0x70000, 1, URW);
    uint64_t f2 = alloc_page(e);
    memset(mem8(e, f1), 0x11, 4096);
    memset(mem8(e, f2), 0x22, 4096);
    struct accel_desc *d = submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x70000, 0, 16));
    run_idle(e);
    uint64_t crc11 = d->result;
    /* the PTE now points at f2, without IOTINVAL: the device still reads f1 */
    map(e, e->root, 3, 0x70000, f2, URW, 0);
    d = submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x70000, 0, 16));
    run_idle(e);
    assert_int_equal(d->result, crc11);
    /* unmapped without IOTINVAL: still reachable (the stale entry) */
    *leaf(e, e->root, 3, 0x70000, 0) = 0;
    d = submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x70000, 0, 16));
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_OK);
    /* IOTINVAL.VMA for the PSCID and address: now it faults */
    submit(e, 1 | 1 << 10 | (uint64_t)PSCID << 12 | 1ULL << 32, (0x70000ULL >> 12) << 10);
    d = submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x70000, 0, 16));
    run_idle(e);
    assert_int_equal(d->status, ACCEL_ST_FAULT);
    /* a second process (PASID 6, its own tables and PSCID) maps the same
     * VA to f2: each PASID sees its own frame */
    uint64_t root2 = alloc_page(e);
    set_pc(e, 6, PSCID + 1, root2);
    map(e, root2, 3, 0x70000, f2, URW, 0);
    map(e, e->root, 3, 0x70000, f1, URW, 0);
    struct accel_desc x = op(ACCEL_OP_CRC32, 0, 0x70000, 0, 16);
    struct accel_desc *d5 = submit_desc(e, 1, x);
    x.pasid = 6;
    struct accel_desc *d6 = submit_desc(e, 2, x);
    /* and PASID 6 cannot reach what only PASID 5 maps */
    struct accel_desc *d6b = submit_desc(e, 2, (struct accel_desc){.op = ACCEL_OP_CRC32, .pasid = 6, .src = 0x50000, .len = 4});
    map_range(e, e->root, 0x50000, 1, URW);
    run_idle(e);
    assert_int_equal(d5->result, crc11);
    assert_int_not_equal(d6->result, crc11);
    assert_int_equal(d6b->status, ACCEL_ST_FAULT);
    assert_int_equal((mem(e, e->fq + 32 * (fault_records(e) - 1))[0] >> 12) & 0xfffff, 6);
}

/* ---- guests that program it badly ---- */

static void test_bad_programming(void **state)
{
    struct env *e = *state;
    map_range(e, e->root, 0x80000, 1, URW);
    /* bad descriptors complete with BAD_DESC and touch nothing */
    struct accel_desc bad[] = {
        {.op = 9, .pasid = PASID},
        {.op = ACCEL_OP_FILL, .flags = 0x80, .pasid = PASID, .dst = 0x80000, .len = 4},
        {.op = ACCEL_OP_FILL, .rsvd0 = 1, .pasid = PASID, .dst = 0x80000, .len = 4},
        {.op = ACCEL_OP_FILL, .pasid = 1u << 20, .dst = 0x80000, .len = 4},
        {.op = ACCEL_OP_FILL, .pasid = PASID, .dst = 0x80000, .len = ACCEL_MAX_LEN + 1},
        {.op = ACCEL_OP_VADD32, .pasid = PASID, .dst = 0x80000, .src = 0x80002, .src2 = 0x80000, .len = 8},
        {.op = ACCEL_OP_VADD32, .pasid = PASID, .dst = 0x80000, .src = 0x80000, .src2 = 0x80000, .len = 6},
    };
    struct accel_desc *d[7];
    for (unsigned i = 0; i < 7; i++) {
        bad[i].value = ~0ULL;
        d[i] = submit_desc(e, 0, bad[i]);
    }
    run_idle(e);
    for (unsigned i = 0; i < 7; i++)
        assert_int_equal(d[i]->status, ACCEL_ST_BAD_DESC);
    /* the unknown op is not counted as any op */
    assert_int_equal(accel_get_stats(e->ac)->descriptors[ACCEL_OP_NOP], 0);
    assert_int_equal(accel_get_stats(e->ac)->status[ACCEL_ST_BAD_DESC], 7);
    assert_int_equal(*vbyte(e, e->root, 0x80000), 0);
    assert_int_equal(fault_records(e), 0);
    /* TAIL beyond the ring: the queue stops with an error interrupt */
    aw32(e, ACCEL_REG_IRQ_ENABLE, ACCEL_IRQ_ERROR(1));
    aw32(e, QREG(1, ACCEL_Q_TAIL), 16);
    assert_int_equal(ar32(e, QREG(1, ACCEL_Q_STATUS)), ACCEL_QS_TAIL_RANGE);
    assert_int_equal(ar32(e, ACCEL_REG_IRQ_STATUS), ACCEL_IRQ_ERROR(1));
    assert_true(e->line);
    aw32(e, QREG(1, ACCEL_Q_TAIL), 1); /* ignored while in error */
    assert_int_equal(ar32(e, QREG(1, ACCEL_Q_TAIL)), 0);
    /* turning it off and on clears the error */
    aw32(e, QREG(1, ACCEL_Q_CTRL), 0);
    aw32(e, QREG(1, ACCEL_Q_CTRL), ACCEL_Q_ENABLE);
    assert_int_equal(ar32(e, QREG(1, ACCEL_Q_STATUS)), 0);
    /* a ring outside RAM (and a ring in the device's own registers) */
    assert_true(e->aregs.write(e->aregs.opaque, QREG(2, ACCEL_Q_BASE), 8, 0x1000ULL << 40));
    aw32(e, QREG(2, ACCEL_Q_CTRL), 0);
    aw32(e, QREG(2, ACCEL_Q_CTRL), ACCEL_Q_ENABLE);
    aw32(e, QREG(2, ACCEL_Q_TAIL), 1);
    run_idle(e);
    assert_int_equal(ar32(e, QREG(2, ACCEL_Q_STATUS)), ACCEL_QS_RING_FAULT);
    assert_true(e->aregs.write(e->aregs.opaque, QREG(2, ACCEL_Q_BASE), 8, ACCEL_BASE));
    aw32(e, QREG(2, ACCEL_Q_CTRL), 0);
    aw32(e, QREG(2, ACCEL_Q_CTRL), ACCEL_Q_ENABLE);
    aw32(e, QREG(2, ACCEL_Q_TAIL), 1);
    run_idle(e);
    assert_int_equal(ar32(e, QREG(2, ACCEL_Q_STATUS)), ACCEL_QS_RING_FAULT);
    /* the IOMMU Off: the ring is unreachable */
    w64(e, DDTP, 0);
    submit_desc(e, 3, op(ACCEL_OP_NOP, 0, 0, 0, 0));
    run_idle(e);
    assert_int_equal(ar32(e, QREG(3, ACCEL_Q_STATUS)), ACCEL_QS_RING_FAULT);
    assert_int_equal(accel_get_stats(e->ac)->queue_errors, 4);
}

/* Endless work and a guest-time jump of an hour: one accel_advance moves
 * at most 16 MiB, so the board stays responsive to signals and limits.
 * 16 MiB of virtual addresses all map one frame; 15 CRC32 descriptors of
 * 16 MiB each are 240 MiB of work. */
static void test_bounded_work(void **state)
{
    struct env *e = *state;
    uint64_t frame = alloc_page(e);
    for (uint64_t va = 0x1000000; va < 0x2000000; va += 4096)
        map(e, e->root, 3, va, frame, URW, 0);
    for (unsigned i = 0; i < 15; i++)
        submit_desc(e, 0, op(ACCEL_OP_CRC32, 0, 0x1000000, 0, 16ull << 20));
    accel_advance(e->ac, e->now);
    uint64_t r0 = reads_now(e); /* the descriptor's own reads came before the clock started */
    e->now += 10000000ull * 3600;
    accel_advance(e->ac, e->now);
    /* 16 MiB of time: the data and 64 bytes for each translation read
     * (give or take the last piece, whose reads are owed to the next call) */
    uint64_t b1 = accel_get_stats(e->ac)->bytes, c1 = b1 + 64 * (reads_now(e) - r0);
    assert_true(b1 < (16ull << 20) && c1 >= (16ull << 20) - 4096 && c1 <= (16ull << 20) + 64 * 8);
    e->now += 10000000ull * 3600;
    accel_advance(e->ac, e->now);
    uint64_t c2 = accel_get_stats(e->ac)->bytes + 64 * (reads_now(e) - r0);
    assert_true(c2 >= (32ull << 20) - 4096 && c2 <= (32ull << 20) + 64 * 8);
    /* the board skips idle time no further than 16 MiB of work */
    assert_true(accel_next_event(e->ac, e->now) <= e->now + ((16ull << 20) * TPU + RATE - 1) / RATE);
}

static void test_stats_output(void **state)
{
    struct env *e = *state;
    map_range(e, e->root, 0x90000, 1, URW);
    submit_desc(e, 0, op(ACCEL_OP_FILL, 0x90000, 0, 0, 100));
    run_idle(e);
    char buf[2048];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    accel_stats_print(e->ac, f);
    fclose(f);
    assert_non_null(strstr(buf, "fill 1"));
    assert_non_null(strstr(buf, "bytes 100"));
    f = fmemopen(buf, sizeof buf, "w");
    accel_stats_json(e->ac, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"fill\":1"));
    assert_non_null(strstr(buf, "\"ok\":1"));
    assert_non_null(strstr(buf, "\"bytes\":100"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_registers),
        T(test_operations),
        T(test_rate),
        T(test_faults_without_pri),
        T(test_page_requests),
        T(test_stale_iotlb_and_pasids),
        T(test_bad_programming),
        T(test_bounded_work),
        T(test_stats_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
