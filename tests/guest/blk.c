/* virtio-blk e2e guest (M-mode, -bios none, one hart).
 * Drives the virtio-mmio (version 2) block device in slot 0 with one split
 * virtqueue, by polling:
 *   - checks magic/version/device id and that VIRTIO_F_VERSION_1 is offered,
 *     negotiates features (VERSION_1, FLUSH if offered), FEATURES_OK sticks;
 *   - capacity == IMAGE_SECTORS;
 *   - reads sectors 0..15 one by one, 16..47 in one 16 KiB request and the
 *     last sector, and checks every byte against the host's fill pattern;
 *   - a read past the end must complete with a non-zero status;
 *   - writes a pattern to sectors 20..23 (one request) and 100, flushes,
 *     reads 18..25 and 99..101 back and checks them;
 * then prints "BLK OK" and exits through sifive_test with 0x5555.
 * Host side (tests/e2e_virtio_blk.sh) fills byte i of the image with
 * ((i * 131) ^ (i >> 9)) & 0xff and checks the written ranges afterwards. */
#include "guest.h"

#define VIO 0x10001000UL
#define R_MAGIC 0x000
#define R_VERSION 0x004
#define R_DEVICE_ID 0x008
#define R_DEV_FEATURES 0x010
#define R_DEV_FEATURES_SEL 0x014
#define R_DRV_FEATURES 0x020
#define R_DRV_FEATURES_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM_MAX 0x034
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_INT_STATUS 0x060
#define R_INT_ACK 0x064
#define R_STATUS 0x070
#define R_QUEUE_DESC 0x080
#define R_QUEUE_DRIVER 0x090
#define R_QUEUE_DEVICE 0x0a0
#define R_CONFIG 0x100

#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8

#define F_BLK_FLUSH 9
#define F_VERSION_1 32

#define IMAGE_SECTORS 128
#define QN 8

struct desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct avail { uint16_t flags, idx, ring[QN], used_event; };
struct used_elem { uint32_t id, len; };
struct used { uint16_t flags, idx; struct used_elem ring[QN]; uint16_t avail_event; };
struct req { uint32_t type, reserved; uint64_t sector; };

static struct desc descs[QN] __attribute__((aligned(16)));
static struct avail avail __attribute__((aligned(16)));
static struct used used __attribute__((aligned(16)));
static struct req req __attribute__((aligned(16)));
static volatile uint8_t status_byte;
static uint8_t buf[16384] __attribute__((aligned(16)));
static uint16_t avail_idx, used_seen;
static uint64_t features;

static void fail(const char *what, uint64_t a, uint64_t b)
{
    puts_("BLK FAIL: ");
    puts_(what);
    puts_(" ");
    puthex(a);
    puts_(" ");
    puthex(b);
    puts_("\n");
    guest_exit(1);
}

static uint8_t orig_byte(uint64_t i) { return (uint8_t)((i * 131) ^ (i >> 9)); }
static uint8_t pat_byte(uint64_t sector, uint64_t k) { return (uint8_t)(0xa5 ^ sector ^ (k * 3)); }

/* Submits one request (type 0 read, 1 write, 4 flush) and polls for its
 * completion; returns the device's status byte. */
static int do_req(uint32_t type, uint64_t sector, void *data, uint32_t len)
{
    req.type = type;
    req.reserved = 0;
    req.sector = sector;
    status_byte = 0xff;
    descs[0] = (struct desc){(uint64_t)&req, sizeof req, 1, 1};
    if (len) {
        descs[1] = (struct desc){(uint64_t)data, len, (uint16_t)(1 | (type == 0 ? 2 : 0)), 2};
        descs[0].next = 1;
    } else {
        descs[0].next = 2;
    }
    descs[2] = (struct desc){(uint64_t)&status_byte, 1, 2, 0};
    avail.ring[avail_idx % QN] = 0;
    mb();
    avail_idx++;
    avail.idx = avail_idx;
    mb();
    mmio_w32(VIO + R_QUEUE_NOTIFY, 0);
    for (uint64_t spin = 0; *(volatile uint16_t *)&used.idx == used_seen; spin++)
        if (spin > 50000000) fail("request never completed, type/sector", type, sector);
    mb();
    struct used_elem e = used.ring[used_seen % QN];
    used_seen++;
    if (e.id != 0) fail("used ring id", e.id, 0);
    uint32_t isr = mmio_r32(VIO + R_INT_STATUS);
    if (!(isr & 1)) fail("InterruptStatus lacks used-buffer bit", isr, 0);
    mmio_w32(VIO + R_INT_ACK, isr);
    return status_byte;
}

static void read_check(uint64_t first, unsigned count)
{
    if (do_req(0, first, buf, count * 512) != 0) fail("read status, sector", status_byte, first);
    for (uint64_t k = 0; k < count * 512ULL; k++) {
        uint64_t s = first + k / 512, off = (first * 512) + k;
        int written = (s >= 20 && s <= 23) || s == 100;
        uint8_t want = written ? pat_byte(s, k % 512) : orig_byte(off);
        if (buf[k] != want) fail("data mismatch at byte offset/value", off, buf[k]);
    }
}

static int wrote;   /* set once the writes are done: read_check expects them */

static void read_check_phase(uint64_t first, unsigned count)
{
    if (!wrote) {
        if (do_req(0, first, buf, count * 512) != 0) fail("read status, sector", status_byte, first);
        for (uint64_t k = 0; k < count * 512ULL; k++)
            if (buf[k] != orig_byte(first * 512 + k)) fail("data mismatch at byte offset/value", first * 512 + k, buf[k]);
    } else {
        read_check(first, count);
    }
}

void guest_main(uint64_t hartid)
{
    if (hartid != 0)
        for (;;) __asm__ volatile("wfi");
    if (mmio_r32(VIO + R_MAGIC) != 0x74726976) fail("magic", mmio_r32(VIO + R_MAGIC), 0);
    if (mmio_r32(VIO + R_VERSION) != 2) fail("version", mmio_r32(VIO + R_VERSION), 2);
    if (mmio_r32(VIO + R_DEVICE_ID) != 2) fail("device id", mmio_r32(VIO + R_DEVICE_ID), 2);

    mmio_w32(VIO + R_STATUS, 0);
    if (mmio_r32(VIO + R_STATUS) != 0) fail("status after reset", mmio_r32(VIO + R_STATUS), 0);
    mmio_w32(VIO + R_STATUS, S_ACK);
    mmio_w32(VIO + R_STATUS, S_ACK | S_DRIVER);
    mmio_w32(VIO + R_DEV_FEATURES_SEL, 0);
    uint64_t f = mmio_r32(VIO + R_DEV_FEATURES);
    mmio_w32(VIO + R_DEV_FEATURES_SEL, 1);
    f |= (uint64_t)mmio_r32(VIO + R_DEV_FEATURES) << 32;
    if (!(f & (1ULL << F_VERSION_1))) fail("VIRTIO_F_VERSION_1 not offered, features", f, 0);
    features = (1ULL << F_VERSION_1) | (f & (1ULL << F_BLK_FLUSH));
    mmio_w32(VIO + R_DRV_FEATURES_SEL, 0);
    mmio_w32(VIO + R_DRV_FEATURES, (uint32_t)features);
    mmio_w32(VIO + R_DRV_FEATURES_SEL, 1);
    mmio_w32(VIO + R_DRV_FEATURES, (uint32_t)(features >> 32));
    mmio_w32(VIO + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    if (!(mmio_r32(VIO + R_STATUS) & S_FEATURES_OK)) fail("FEATURES_OK refused", mmio_r32(VIO + R_STATUS), features);

    mmio_w32(VIO + R_QUEUE_SEL, 0);
    uint32_t max = mmio_r32(VIO + R_QUEUE_NUM_MAX);
    if (max < QN) fail("QueueNumMax too small", max, QN);
    mmio_w32(VIO + R_QUEUE_NUM, QN);
    mmio_w32(VIO + R_QUEUE_DESC, (uint32_t)(uint64_t)descs);
    mmio_w32(VIO + R_QUEUE_DESC + 4, (uint32_t)((uint64_t)descs >> 32));
    mmio_w32(VIO + R_QUEUE_DRIVER, (uint32_t)(uint64_t)&avail);
    mmio_w32(VIO + R_QUEUE_DRIVER + 4, (uint32_t)((uint64_t)&avail >> 32));
    mmio_w32(VIO + R_QUEUE_DEVICE, (uint32_t)(uint64_t)&used);
    mmio_w32(VIO + R_QUEUE_DEVICE + 4, (uint32_t)((uint64_t)&used >> 32));
    mmio_w32(VIO + R_QUEUE_READY, 1);
    mmio_w32(VIO + R_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);

    uint64_t cap = *(volatile uint32_t *)(VIO + R_CONFIG) |
                   (uint64_t)*(volatile uint32_t *)(VIO + R_CONFIG + 4) << 32;
    if (cap != IMAGE_SECTORS) fail("capacity", cap, IMAGE_SECTORS);

    for (unsigned s = 0; s < 16; s++) read_check_phase(s, 1);
    read_check_phase(16, 32);
    read_check_phase(IMAGE_SECTORS - 1, 1);
    if (do_req(0, IMAGE_SECTORS, buf, 512) == 0) fail("read past the end succeeded", IMAGE_SECTORS, 0);
    puts_("blk: reads ok\n");

    for (unsigned k = 0; k < 2048; k++) buf[k] = pat_byte(20 + k / 512, k % 512);
    if (do_req(1, 20, buf, 2048) != 0) fail("write status, sector", status_byte, 20);
    for (unsigned k = 0; k < 512; k++) buf[k] = pat_byte(100, k);
    if (do_req(1, 100, buf, 512) != 0) fail("write status, sector", status_byte, 100);
    if (features & (1ULL << F_BLK_FLUSH)) {
        if (do_req(4, 0, 0, 0) != 0) fail("flush status", status_byte, 0);
        puts_("blk: flushed\n");
    } else {
        puts_("blk: device offers no FLUSH\n");
    }
    wrote = 1;
    read_check(18, 8);
    read_check(99, 3);
    puts_("blk: writes read back ok\nBLK OK\n");
    guest_exit(0);
}
