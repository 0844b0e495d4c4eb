/* virtio-mmio block device: register interface, split-queue requests against
 * a fake guest RAM and a temporary image file, and malformed input that must
 * end in IOERR or DEVICE_NEEDS_RESET (build also with
 * -fsanitize=address,undefined: nothing may touch memory outside RAM). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtio_blk.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1u << 20)
#define QNUM 8
#define DESC (RAM_BASE + 0x1000)
#define AVAIL (RAM_BASE + 0x2000)
#define USED (RAM_BASE + 0x3000)
#define BUF (RAM_BASE + 0x10000)
#define SECTORS 300 /* 150 KiB: three 64 KiB snapshot chunks, the last partial */

#define F_NEXT 1
#define F_WRITE 2
#define F_INDIRECT 4

struct env {
    uint8_t *ram;
    struct phys_mem pm;
    char path[64];
    struct virtio_blk *vb;
    struct mmio_dev d;
    bool irq;
    unsigned line;
    uint16_t avail_idx;
};

static void irq(void *ctx, unsigned line, bool level)
{
    struct env *e = ctx;
    e->irq = level;
    e->line = line;
}

static uint8_t *ram(struct env *e, uint64_t pa) { return e->ram + (pa - RAM_BASE); }

static uint32_t rd(struct env *e, uint64_t off)
{
    uint64_t v = 0xdeadbeef;
    assert_true(e->d.read(e->d.opaque, off, 4, &v));
    return (uint32_t)v;
}

static void wr(struct env *e, uint64_t off, uint32_t v)
{
    assert_true(e->d.write(e->d.opaque, off, 4, v));
}

/* An image of SECTORS sectors where byte i of sector s is (s * 7 + i) & 0xff. */
static void make_image(struct env *e, unsigned bytes)
{
    strcpy(e->path, "/tmp/pagoda_vblk_XXXXXX");
    int fd = mkstemp(e->path);
    assert_true(fd >= 0);
    uint8_t *img = malloc(bytes);
    for (unsigned i = 0; i < bytes; i++)
        img[i] = (uint8_t)((i / 512) * 7 + i % 512);
    assert_int_equal(write(fd, img, bytes), (ssize_t)bytes);
    free(img);
    close(fd);
}

static void setup_env(struct env *e, bool readonly, bool snapshot)
{
    memset(e, 0, sizeof *e);
    e->ram = calloc(1, RAM_SIZE);
    e->pm.ram = e->ram;
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    make_image(e, SECTORS * 512);
    struct virtio_blk_opts o = { e->path, readonly, snapshot, "pagoda-test-disk" };
    char err[256];
    e->vb = virtio_blk_create(&o, &e->pm, irq, e, 3, err, sizeof err);
    assert_non_null(e->vb);
    e->d = virtio_blk_mmio(e->vb, VIRTIO_MMIO_BASE);
}

static void teardown_env(struct env *e)
{
    virtio_blk_destroy(e->vb);
    unlink(e->path);
    free(e->ram);
}

/* The driver side of §3.1.1 for a modern driver, queue 0 of QNUM entries. */
static void driver_init(struct env *e, uint32_t feat_lo)
{
    wr(e, VIRTIO_MMIO_STATUS, 0);
    wr(e, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(e, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(e, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
    wr(e, VIRTIO_MMIO_DRIVER_FEATURES, feat_lo);
    wr(e, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    wr(e, VIRTIO_MMIO_DRIVER_FEATURES, 1); /* VERSION_1 */
    wr(e, VIRTIO_MMIO_STATUS, 1 | 2 | VIRTIO_STATUS_FEATURES_OK);
    assert_int_equal(rd(e, VIRTIO_MMIO_STATUS), 1 | 2 | VIRTIO_STATUS_FEATURES_OK);
    wr(e, VIRTIO_MMIO_QUEUE_SEL, 0);
    assert_int_equal(rd(e, VIRTIO_MMIO_QUEUE_NUM_MAX), VIRTIO_BLK_QUEUE_MAX);
    wr(e, VIRTIO_MMIO_QUEUE_NUM, QNUM);
    wr(e, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC);
    wr(e, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(DESC >> 32));
    wr(e, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL);
    wr(e, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, 0);
    wr(e, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)USED);
    wr(e, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0);
    wr(e, VIRTIO_MMIO_QUEUE_READY, 1);
    wr(e, VIRTIO_MMIO_STATUS, 1 | 2 | 8 | VIRTIO_STATUS_DRIVER_OK);
    memset(ram(e, DESC), 0, 0x3000);
    e->avail_idx = 0;
}

static void put_desc(struct env *e, uint64_t table, unsigned i, uint64_t addr, uint32_t len,
                     uint16_t flags, uint16_t next)
{
    uint8_t *p = ram(e, table) + 16 * i;
    memcpy(p, &addr, 8);
    memcpy(p + 8, &len, 4);
    memcpy(p + 12, &flags, 2);
    memcpy(p + 14, &next, 2);
}

static uint16_t used_idx(struct env *e) { uint16_t v; memcpy(&v, ram(e, USED) + 2, 2); return v; }

static void used_elem(struct env *e, unsigned i, uint32_t *id, uint32_t *len)
{
    memcpy(id, ram(e, USED) + 4 + 8 * (i % QNUM), 4);
    memcpy(len, ram(e, USED) + 8 + 8 * (i % QNUM), 4);
}

/* Offer head `head`, notify, and check that exactly one buffer came back
 * with that id; returns its used length. */
static uint32_t submit(struct env *e, uint16_t head)
{
    uint16_t before = used_idx(e);
    memcpy(ram(e, AVAIL) + 4 + 2 * (e->avail_idx % QNUM), &head, 2);
    e->avail_idx++;
    memcpy(ram(e, AVAIL) + 2, &e->avail_idx, 2);
    wr(e, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
    assert_int_equal(used_idx(e), (uint16_t)(before + 1));
    uint32_t id, len;
    used_elem(e, before, &id, &len);
    assert_int_equal(id, head);
    return len;
}

/* Offer head and notify without expecting a used buffer (device error). */
static void submit_bad(struct env *e, uint16_t head)
{
    uint16_t before = used_idx(e);
    memcpy(ram(e, AVAIL) + 4 + 2 * (e->avail_idx % QNUM), &head, 2);
    e->avail_idx++;
    memcpy(ram(e, AVAIL) + 2, &e->avail_idx, 2);
    wr(e, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
    assert_int_equal(used_idx(e), before);
    assert_true(rd(e, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET);
    assert_true(rd(e, VIRTIO_MMIO_INTERRUPT_STATUS) & 2); /* config change */
    assert_true(e->irq);
}

/* Header at BUF, data at BUF+0x100, status at BUF+0x80. */
static void put_hdr(struct env *e, uint32_t type, uint64_t sector)
{
    uint8_t *h = ram(e, BUF);
    memset(h, 0, 16);
    memcpy(h, &type, 4);
    memcpy(h + 8, &sector, 8);
    *ram(e, BUF + 0x80) = 0xAA;
}

static uint8_t status_byte(struct env *e) { return *ram(e, BUF + 0x80); }

/* A standard 3-descriptor request. */
static uint32_t request(struct env *e, uint32_t type, uint64_t sector, uint64_t data, uint32_t len, bool dev_writes)
{
    put_hdr(e, type, sector);
    put_desc(e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(e, DESC, 1, data, len, F_NEXT | (dev_writes ? F_WRITE : 0), 2);
    put_desc(e, DESC, 2, BUF + 0x80, 1, F_WRITE, 0);
    return submit(e, 0);
}

static void test_registers(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);
    assert_int_equal(rd(&e, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
    assert_int_equal(rd(&e, VIRTIO_MMIO_VERSION), 2);
    assert_int_equal(rd(&e, VIRTIO_MMIO_DEVICE_ID), 2);
    assert_int_equal(rd(&e, VIRTIO_MMIO_VENDOR_ID), 0x554d4551); /* QEMU's: xv6 checks it */
    wr(&e, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
    uint32_t lo = rd(&e, VIRTIO_MMIO_DEVICE_FEATURES);
    assert_true(lo & (1u << VIRTIO_BLK_F_FLUSH));
    assert_true(lo & (1u << VIRTIO_F_INDIRECT_DESC));
    assert_false(lo & (1u << VIRTIO_BLK_F_RO));
    wr(&e, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
    assert_int_equal(rd(&e, VIRTIO_MMIO_DEVICE_FEATURES), 1); /* VERSION_1 */
    /* Config: capacity as 64-bit and as two 32-bit reads. */
    uint64_t v;
    assert_true(e.d.read(e.d.opaque, 0x100, 8, &v));
    assert_int_equal(v, SECTORS);
    assert_int_equal(rd(&e, 0x100), SECTORS);
    assert_int_equal(rd(&e, 0x104), 0);
    assert_int_equal(rd(&e, 0x114), 512);      /* blk_size */
    assert_int_equal(virtio_blk_capacity(e.vb), SECTORS);
    /* FEATURES_OK sticks without VERSION_1, as on QEMU (xv6 never writes
     * the high word of DriverFeatures) */
    wr(&e, VIRTIO_MMIO_STATUS, 3);
    wr(&e, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
    wr(&e, VIRTIO_MMIO_DRIVER_FEATURES, 1u << VIRTIO_BLK_F_FLUSH);
    wr(&e, VIRTIO_MMIO_STATUS, 3 | 8);
    assert_int_equal(rd(&e, VIRTIO_MMIO_STATUS), 3 | 8);
    wr(&e, VIRTIO_MMIO_STATUS, 0);
    wr(&e, VIRTIO_MMIO_STATUS, 3);
    /* It does not stick with an unoffered feature (§3.1.1). */
    wr(&e, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    wr(&e, VIRTIO_MMIO_DRIVER_FEATURES, 1 | 2);
    wr(&e, VIRTIO_MMIO_STATUS, 3 | 8);
    assert_int_equal(rd(&e, VIRTIO_MMIO_STATUS), 3);
    /* Queue 1 does not exist. */
    wr(&e, VIRTIO_MMIO_QUEUE_SEL, 1);
    assert_int_equal(rd(&e, VIRTIO_MMIO_QUEUE_NUM_MAX), 0);
    /* Reset by writing 0. */
    wr(&e, VIRTIO_MMIO_STATUS, 0);
    assert_int_equal(rd(&e, VIRTIO_MMIO_STATUS), 0);
    /* The empty slot. */
    struct mmio_dev em = virtio_mmio_empty(0x10002000);
    assert_true(em.read(em.opaque, 0, 4, &v));
    assert_int_equal(v, 0x74726976);
    assert_true(em.read(em.opaque, 8, 4, &v));
    assert_int_equal(v, 0);
    teardown_env(&e);
}

static void test_read(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);
    driver_init(&e, 1u << VIRTIO_BLK_F_FLUSH);
    uint32_t len = request(&e, VIRTIO_BLK_T_IN, 2, BUF + 0x1000, 1024, true);
    assert_int_equal(len, 1025);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    for (unsigned i = 0; i < 1024; i++)
        assert_int_equal(*ram(&e, BUF + 0x1000 + i), (uint8_t)((2 + i / 512) * 7 + i % 512));
    /* Used-buffer notification. */
    assert_int_equal(rd(&e, VIRTIO_MMIO_INTERRUPT_STATUS), 1);
    assert_true(e.irq);
    assert_int_equal(e.line, 3);
    wr(&e, VIRTIO_MMIO_INTERRUPT_ACK, 1);
    assert_false(e.irq);

    /* Data split over descriptors at odd boundaries, header split too. */
    put_hdr(&e, VIRTIO_BLK_T_IN, 5);
    put_desc(&e, DESC, 3, BUF, 5, F_NEXT, 4);
    put_desc(&e, DESC, 4, BUF + 5, 11, F_NEXT, 5);
    put_desc(&e, DESC, 5, BUF + 0x2000, 100, F_NEXT | F_WRITE, 6);
    put_desc(&e, DESC, 6, BUF + 0x3000, 412, F_NEXT | F_WRITE, 7);
    put_desc(&e, DESC, 7, BUF + 0x80, 1, F_WRITE, 0);
    assert_int_equal(submit(&e, 3), 513);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    assert_int_equal(*ram(&e, BUF + 0x2000), (uint8_t)(5 * 7));
    assert_int_equal(*ram(&e, BUF + 0x3000), (uint8_t)(5 * 7 + 100));

    assert_true(e.irq);
    wr(&e, VIRTIO_MMIO_INTERRUPT_ACK, 1);
    /* VIRTQ_AVAIL_F_NO_INTERRUPT suppresses the interrupt. */
    uint16_t one = 1;
    memcpy(ram(&e, AVAIL), &one, 2);
    request(&e, VIRTIO_BLK_T_IN, 0, BUF + 0x1000, 512, true);
    assert_false(e.irq);
    teardown_env(&e);
}

static void test_write_flush_id(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);
    driver_init(&e, 1u << VIRTIO_BLK_F_FLUSH);
    memset(ram(&e, BUF + 0x1000), 0x5c, 512);
    assert_int_equal(request(&e, VIRTIO_BLK_T_OUT, 3, BUF + 0x1000, 512, false), 1);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    int fd = open(e.path, O_RDONLY);
    uint8_t buf[512 * 3];
    assert_int_equal(pread(fd, buf, sizeof buf, 2 * 512), (ssize_t)sizeof buf);
    close(fd);
    for (unsigned i = 0; i < 512; i++) {
        assert_int_equal(buf[i], (uint8_t)(2 * 7 + i));     /* sector 2 untouched */
        assert_int_equal(buf[512 + i], 0x5c);               /* sector 3 written */
        assert_int_equal(buf[1024 + i], (uint8_t)(4 * 7 + i)); /* sector 4 untouched */
    }
    /* Flush: header and status only. */
    put_hdr(&e, VIRTIO_BLK_T_FLUSH, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x80, 1, F_WRITE, 0);
    assert_int_equal(submit(&e, 0), 1);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    /* Get id. */
    memset(ram(&e, BUF + 0x1000), 0xff, 20);
    assert_int_equal(request(&e, VIRTIO_BLK_T_GET_ID, 0, BUF + 0x1000, 20, true), 21);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    assert_memory_equal(ram(&e, BUF + 0x1000), "pagoda-test-disk\0\0\0\0", 20);
    /* Unknown request type. */
    request(&e, 99, 0, BUF + 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_UNSUPP);
    /* Beyond capacity, and crossing the end. */
    request(&e, VIRTIO_BLK_T_IN, SECTORS, BUF + 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    request(&e, VIRTIO_BLK_T_OUT, SECTORS - 1, BUF + 0x1000, 1024, false);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    request(&e, VIRTIO_BLK_T_IN, UINT64_MAX, BUF + 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Data not a multiple of 512. */
    request(&e, VIRTIO_BLK_T_IN, 0, BUF + 0x1000, 100, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    assert_false(rd(&e, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET);
    teardown_env(&e);
}

static void test_indirect(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);
    driver_init(&e, 1u << VIRTIO_F_INDIRECT_DESC);
    uint64_t table = BUF + 0x8000;
    put_hdr(&e, VIRTIO_BLK_T_IN, 1);
    put_desc(&e, table, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, table, 1, BUF + 0x1000, 512, F_NEXT | F_WRITE, 2);
    put_desc(&e, table, 2, BUF + 0x80, 1, F_WRITE, 0);
    put_desc(&e, DESC, 0, table, 48, F_INDIRECT, 0);
    assert_int_equal(submit(&e, 0), 513);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    assert_int_equal(*ram(&e, BUF + 0x1001), (uint8_t)(7 + 1));
    /* A loop inside an indirect table. */
    put_desc(&e, table, 2, BUF + 0x80, 1, F_WRITE | F_NEXT, 1);
    submit_bad(&e, 0);
    teardown_env(&e);
}

static void test_malformed_ioerr(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);
    driver_init(&e, 0);
    /* Data buffer outside RAM. */
    request(&e, VIRTIO_BLK_T_IN, 0, RAM_BASE + RAM_SIZE - 256, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    request(&e, VIRTIO_BLK_T_IN, 0, 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    request(&e, VIRTIO_BLK_T_OUT, 0, 0xfffffffffffffe00ull, 512, false);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Huge length. */
    request(&e, VIRTIO_BLK_T_IN, 0, BUF + 0x1000, 0xfffffe00u, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Short header. */
    put_hdr(&e, VIRTIO_BLK_T_IN, 0);
    put_desc(&e, DESC, 0, BUF, 8, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x1000, 512, F_NEXT | F_WRITE, 2);
    put_desc(&e, DESC, 2, BUF + 0x80, 1, F_WRITE, 0);
    assert_int_equal(submit(&e, 0), 1);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Header in a device-writable descriptor. */
    put_hdr(&e, VIRTIO_BLK_T_IN, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT | F_WRITE, 1);
    submit(&e, 0);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Readable data after a writable descriptor (a write request whose data
     * is device-writable, then more readable data). */
    put_hdr(&e, VIRTIO_BLK_T_OUT, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x1000, 512, F_NEXT | F_WRITE, 3);
    put_desc(&e, DESC, 3, BUF + 0x1000, 512, F_NEXT, 2);
    put_desc(&e, DESC, 2, BUF + 0x80, 1, F_WRITE, 0);
    submit(&e, 0);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    /* Indirect descriptor not negotiated. */
    put_desc(&e, DESC, 0, BUF + 0x8000, 48, F_INDIRECT, 0);
    submit_bad(&e, 0);
    teardown_env(&e);
}

static void test_malformed_reset(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, false);

    /* Looped chain: 0 -> 1 -> 0. */
    driver_init(&e, 0);
    put_hdr(&e, VIRTIO_BLK_T_IN, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x1000, 512, F_NEXT | F_WRITE, 0);
    submit_bad(&e, 0);
    /* Once broken, notifications are ignored until reset. */
    wr(&e, VIRTIO_MMIO_QUEUE_NOTIFY, 0);

    /* Next index beyond the queue. */
    driver_init(&e, 0);
    assert_false(rd(&e, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 200);
    submit_bad(&e, 0);

    /* Head beyond the queue. */
    driver_init(&e, 0);
    submit_bad(&e, QNUM);

    /* Status byte not writable / absent. */
    driver_init(&e, 0);
    put_hdr(&e, VIRTIO_BLK_T_FLUSH, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x80, 1, 0, 0);
    submit_bad(&e, 0);
    driver_init(&e, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, RAM_BASE + RAM_SIZE, 1, F_WRITE, 0);
    submit_bad(&e, 0);
    driver_init(&e, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x80, 0, F_WRITE, 0);
    submit_bad(&e, 0);

    /* Avail index running more than a ring ahead. */
    driver_init(&e, 0);
    e.avail_idx = QNUM + 5;
    put_hdr(&e, VIRTIO_BLK_T_FLUSH, 0);
    submit_bad(&e, 0);

    /* Rings outside RAM. */
    driver_init(&e, 0);
    wr(&e, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)(RAM_BASE + RAM_SIZE - 16));
    submit_bad(&e, 0);
    driver_init(&e, 0);
    wr(&e, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0x10);
    put_hdr(&e, VIRTIO_BLK_T_FLUSH, 0);
    submit_bad(&e, 0);
    /* Queue size not a power of 2. */
    driver_init(&e, 0);
    wr(&e, VIRTIO_MMIO_QUEUE_NUM, 6);
    submit_bad(&e, 0);

    /* After a reset the device works again. */
    driver_init(&e, 0);
    assert_int_equal(rd(&e, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
    assert_false(e.irq);
    request(&e, VIRTIO_BLK_T_IN, 0, BUF + 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    teardown_env(&e);
}

static void test_readonly(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, true, false);
    wr(&e, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
    assert_true(rd(&e, VIRTIO_MMIO_DEVICE_FEATURES) & (1u << VIRTIO_BLK_F_RO));
    driver_init(&e, 1u << VIRTIO_BLK_F_RO);
    memset(ram(&e, BUF + 0x1000), 0x11, 512);
    request(&e, VIRTIO_BLK_T_OUT, 0, BUF + 0x1000, 512, false);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_IOERR);
    request(&e, VIRTIO_BLK_T_IN, 0, BUF + 0x1000, 512, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    assert_int_equal(*ram(&e, BUF + 0x1001), 1);
    teardown_env(&e);
}

static void test_snapshot(void **state)
{
    (void)state;
    struct env e;
    setup_env(&e, false, true);
    driver_init(&e, 1u << VIRTIO_BLK_F_FLUSH);
    /* Sectors 127..128 straddle the first 64 KiB overlay chunk boundary. */
    memset(ram(&e, BUF + 0x1000), 0x77, 1024);
    request(&e, VIRTIO_BLK_T_OUT, 127, BUF + 0x1000, 1024, false);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    memset(ram(&e, BUF + 0x4000), 0, 2048);
    request(&e, VIRTIO_BLK_T_IN, 126, BUF + 0x4000, 2048, true);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    assert_int_equal(*ram(&e, BUF + 0x4000), (uint8_t)(126 * 7));
    assert_int_equal(*ram(&e, BUF + 0x4000 + 512), 0x77);
    assert_int_equal(*ram(&e, BUF + 0x4000 + 1535), 0x77);
    assert_int_equal(*ram(&e, BUF + 0x4000 + 1536), (uint8_t)(129 * 7));
    /* The last sector, in the partial last chunk. */
    memset(ram(&e, BUF + 0x1000), 0x66, 512);
    request(&e, VIRTIO_BLK_T_OUT, SECTORS - 1, BUF + 0x1000, 512, false);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    request(&e, VIRTIO_BLK_T_IN, SECTORS - 2, BUF + 0x4000, 1024, true);
    assert_int_equal(*ram(&e, BUF + 0x4000 + 511), (uint8_t)((SECTORS - 2) * 7 + 511));
    assert_int_equal(*ram(&e, BUF + 0x4000 + 512), 0x66);
    put_hdr(&e, VIRTIO_BLK_T_FLUSH, 0);
    put_desc(&e, DESC, 0, BUF, 16, F_NEXT, 1);
    put_desc(&e, DESC, 1, BUF + 0x80, 1, F_WRITE, 0);
    submit(&e, 0);
    assert_int_equal(status_byte(&e), VIRTIO_BLK_S_OK);
    /* The file is untouched. */
    int fd = open(e.path, O_RDONLY);
    uint8_t b;
    assert_int_equal(pread(fd, &b, 1, 128 * 512), 1);
    assert_int_equal(b, (uint8_t)(128 * 7));
    assert_int_equal(pread(fd, &b, 1, (SECTORS - 1) * 512), 1);
    assert_int_equal(b, (uint8_t)((SECTORS - 1) * 7));
    close(fd);
    teardown_env(&e);
}

static void test_open_errors(void **state)
{
    (void)state;
    char err[256] = "";
    struct phys_mem pm = {0};
    struct virtio_blk_opts o = { "/nonexistent/disk.img", false, false, NULL };
    assert_null(virtio_blk_create(&o, &pm, NULL, NULL, 1, err, sizeof err));
    assert_string_equal(err, "/nonexistent/disk.img: No such file or directory");
    struct env e;
    memset(&e, 0, sizeof e);
    make_image(&e, 1000);
    o.path = e.path;
    assert_null(virtio_blk_create(&o, &pm, NULL, NULL, 1, err, sizeof err));
    char want[256];
    snprintf(want, sizeof want, "%s: size is not a multiple of 512 bytes", e.path);
    assert_string_equal(err, want);
    unlink(e.path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registers),
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_write_flush_id),
        cmocka_unit_test(test_indirect),
        cmocka_unit_test(test_malformed_ioerr),
        cmocka_unit_test(test_malformed_reset),
        cmocka_unit_test(test_readonly),
        cmocka_unit_test(test_snapshot),
        cmocka_unit_test(test_open_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
