/* virtio-blk driven as xv6-riscv's kernel/virtio_disk.c drives it on QEMU
 * virt (M-mode, -bios none, hart 0; written for this test):
 *   - magic "virt", version 2, device id 2 and QEMU's vendor id 0x554d4551
 *     (xv6 panics "could not find virtio disk" otherwise);
 *   - features: reads DeviceFeatures without writing DeviceFeaturesSel,
 *     clears RO, SCSI, CONFIG_WCE, MQ, ANY_LAYOUT, EVENT_IDX, INDIRECT_DESC
 *     and writes word 0 of DriverFeatures only, so VIRTIO_F_VERSION_1 (bit
 *     32) is never set; FEATURES_OK must stick all the same (QEMU accepts);
 *   - queue 0 with the v2 registers QueueDescLow/High, QueueDriverLow/High,
 *     QueueDeviceLow/High, QueueReady (which must read 0 first);
 *   - every request is a 3-descriptor chain (header, data, status) taken
 *     from a free list, so the indices are not 0, 1, 2;
 *   - completion by interrupt: PLIC source 1 routed to context 0 (hart 0
 *     M-mode), MEI claimed, InterruptStatus & 3 written to InterruptACK,
 *     the used ring drained, the claim completed; the hart sleeps in wfi.
 * Reads sectors 1 and 5 and checks them against the host's fill pattern,
 * writes sector 3 and reads it back.  Prints "QEMU_VIRTIO OK" and exits 0;
 * on failure prints "QEMU_VIRTIO FAIL: ..." and exits 1.
 * Host side (tests/e2e_qemu_virtio.sh): 16 sectors, byte i of the image is
 * ((i * 29) ^ (i >> 8)) & 0xff; it checks sector 3 afterwards. */
#include "guest.h"
#include "vio.h"

#define NUM 8
#define IMAGE_SECTORS 16
#define WSECTOR 3

/* xv6's virtio_disk.c: feature bits it turns off */
#define VIRTIO_BLK_F_RO 5
#define VIRTIO_BLK_F_SCSI 7
#define VIRTIO_BLK_F_CONFIG_WCE 11
#define VIRTIO_BLK_F_MQ 12
#define VIRTIO_F_ANY_LAYOUT 27
#define VIRTIO_RING_F_INDIRECT_DESC 28
#define VIRTIO_RING_F_EVENT_IDX 29

struct virtq_avail { uint16_t flags, idx, ring[NUM], unused; };
struct virtq_used { uint16_t flags, idx; struct virtq_used_elem ring[NUM]; };

static struct virtq_desc desc[NUM] __attribute__((aligned(4096)));
static struct virtq_avail avail __attribute__((aligned(4096)));
static struct virtq_used used __attribute__((aligned(4096)));
static struct virtio_blk_req req[NUM];
static volatile uint8_t status[NUM];
static volatile uint8_t inflight[NUM];   /* head index -> waiting */
static uint8_t free_desc[NUM];
static uint16_t used_idx;
static uint8_t buf[512] __attribute__((aligned(16)));
static uint8_t buf2[512] __attribute__((aligned(16)));
static volatile uint32_t irqs, spurious;
static int failed;

#define R(off) ((volatile uint32_t *)(VIO0 + (off)))

/* Prints a failure line and remembers it; the caller decides to stop. */
static void fail(const char *what, uint64_t got, uint64_t want)
{
    puts_("QEMU_VIRTIO FAIL: ");
    puts_(what);
    puts_(": got ");
    puthex(got);
    puts_(" want ");
    puthex(want);
    puts_("\n");
    failed = 1;
}

/* Stops the run with exit 1 if anything failed. */
static void stop_if_failed(void)
{
    if (failed) guest_exit(1);
}

static uint8_t orig_byte(uint64_t i) { return (uint8_t)((i * 29) ^ (i >> 8)); }
static uint8_t new_byte(unsigned k) { return (uint8_t)(k * 5 + 0x3c); }

/* Takes a free descriptor index (xv6's alloc_desc), or -1. */
static int alloc_desc(void)
{
    for (int i = 0; i < NUM; i++)
        if (free_desc[i]) {
            free_desc[i] = 0;
            return i;
        }
    return -1;
}

/* Returns a chain to the free list, following NEXT (xv6's free_chain). */
static void free_chain(int i)
{
    for (;;) {
        int flag = desc[i].flags, next = desc[i].next;
        desc[i] = (struct virtq_desc){0, 0, 0, 0};
        free_desc[i] = 1;
        if (!(flag & VIRTQ_DESC_F_NEXT)) break;
        i = next;
    }
}

/* M-mode trap handler: the PLIC's MEI for hart 0 context 0, anything else
 * fails the test.  As xv6's virtio_disk_intr: ack, then drain the used ring. */
void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    if (mcause != (CAUSE_IRQ | IRQ_MEI)) {
        puts_("QEMU_VIRTIO FAIL: unexpected trap mcause=");
        puthex(mcause);
        puts_(" mepc=");
        puthex(mepc);
        puts_(" mtval=");
        puthex(mtval);
        puts_("\n");
        guest_exit(1);
    }
    uint32_t src = mmio_r32(PLIC_CLAIM(0));
    if (src != PLIC_SRC_VIRTIO0) {
        spurious++;
        if (src) mmio_w32(PLIC_CLAIM(0), src);
        if (spurious > 100) {
            puts_("QEMU_VIRTIO FAIL: more than 100 MEIs without a virtio claim\n");
            guest_exit(1);
        }
        return;
    }
    irqs++;
    *R(VIO_INT_ACK) = *R(VIO_INT_STATUS) & 3;
    mb();
    while (used_idx != *(volatile uint16_t *)&used.idx) {
        mb();
        uint32_t id = used.ring[used_idx % NUM].id;
        if (id >= NUM || !inflight[id]) {
            puts_("QEMU_VIRTIO FAIL: used ring names a chain not in flight: ");
            putdec(id);
            puts_("\n");
            guest_exit(1);
        }
        inflight[id] = 0;
        used_idx++;
    }
    mmio_w32(PLIC_CLAIM(0), src);
}

/* One request as xv6's virtio_disk_rw: a 3-descriptor chain, notify, sleep
 * in wfi until the interrupt handler saw it used.  Returns the status byte. */
static int disk_rw(uint8_t *data, uint64_t sector, int write)
{
    int idx[3];
    for (int i = 0; i < 3; i++)
        if ((idx[i] = alloc_desc()) < 0) fail("no free descriptor", (uint64_t)i, 3);
    stop_if_failed();
    struct virtio_blk_req *r = &req[idx[0]];
    r->type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
    r->reserved = 0;
    r->sector = sector;
    desc[idx[0]] = (struct virtq_desc){(uint64_t)r, sizeof *r, VIRTQ_DESC_F_NEXT, (uint16_t)idx[1]};
    desc[idx[1]] = (struct virtq_desc){(uint64_t)data, 512,
                                       (uint16_t)((write ? 0 : VIRTQ_DESC_F_WRITE) | VIRTQ_DESC_F_NEXT),
                                       (uint16_t)idx[2]};
    status[idx[0]] = 0xff;
    desc[idx[2]] = (struct virtq_desc){(uint64_t)&status[idx[0]], 1, VIRTQ_DESC_F_WRITE, 0};
    inflight[idx[0]] = 1;
    avail.ring[avail.idx % NUM] = (uint16_t)idx[0];
    mb();
    avail.idx += 1;
    mb();
    *R(VIO_QUEUE_NOTIFY) = 0;
    /* MIE off while looking, so the interrupt cannot slip in between the
     * test and wfi (wfi still wakes on it, privileged spec "Wait for
     * Interrupt") */
    for (;;) {
        csr_clear(mstatus, 8);
        if (!inflight[idx[0]]) break;
        __asm__ volatile("wfi");
        csr_set(mstatus, 8);
    }
    csr_set(mstatus, 8);
    int st = status[idx[0]];
    free_chain(idx[0]);
    return st;
}

/* Feature negotiation and queue setup as xv6's virtio_disk_init. */
static void disk_init(void)
{
    if (*R(VIO_MAGIC) != 0x74726976) fail("magic", *R(VIO_MAGIC), 0x74726976);
    if (*R(VIO_VERSION) != 2) fail("version", *R(VIO_VERSION), 2);
    if (*R(VIO_DEVICE_ID) != 2) fail("device id", *R(VIO_DEVICE_ID), 2);
    if (*R(VIO_VENDOR_ID) != 0x554d4551) fail("vendor id (xv6 wants QEMU's)", *R(VIO_VENDOR_ID), 0x554d4551);

    uint32_t st = 0;
    *R(VIO_STATUS) = st;
    st |= VIO_S_ACK;
    *R(VIO_STATUS) = st;
    st |= VIO_S_DRIVER;
    *R(VIO_STATUS) = st;

    /* DeviceFeaturesSel and DriverFeaturesSel are never written: word 0 */
    uint32_t features = *R(VIO_DEV_FEATURES);
    features &= ~(1u << VIRTIO_BLK_F_RO);
    features &= ~(1u << VIRTIO_BLK_F_SCSI);
    features &= ~(1u << VIRTIO_BLK_F_CONFIG_WCE);
    features &= ~(1u << VIRTIO_BLK_F_MQ);
    features &= ~(1u << VIRTIO_F_ANY_LAYOUT);
    features &= ~(1u << VIRTIO_RING_F_EVENT_IDX);
    features &= ~(1u << VIRTIO_RING_F_INDIRECT_DESC);
    *R(VIO_DRV_FEATURES) = features;

    st |= VIO_S_FEATURES_OK;
    *R(VIO_STATUS) = st;
    st = *R(VIO_STATUS);
    if (!(st & VIO_S_FEATURES_OK))
        fail("FEATURES_OK did not stick without VERSION_1; status", st, st | VIO_S_FEATURES_OK);
    stop_if_failed();

    *R(VIO_QUEUE_SEL) = 0;
    if (*R(VIO_QUEUE_READY)) fail("QueueReady before setup", *R(VIO_QUEUE_READY), 0);
    uint32_t max = *R(VIO_QUEUE_NUM_MAX);
    if (max < NUM) fail("QueueNumMax", max, NUM);
    stop_if_failed();
    *R(VIO_QUEUE_NUM) = NUM;
    *R(VIO_QUEUE_DESC_LOW) = (uint32_t)(uint64_t)desc;
    *R(VIO_QUEUE_DESC_HIGH) = (uint32_t)((uint64_t)desc >> 32);
    *R(VIO_QUEUE_DRIVER_LOW) = (uint32_t)(uint64_t)&avail;
    *R(VIO_QUEUE_DRIVER_HIGH) = (uint32_t)((uint64_t)&avail >> 32);
    *R(VIO_QUEUE_DEVICE_LOW) = (uint32_t)(uint64_t)&used;
    *R(VIO_QUEUE_DEVICE_HIGH) = (uint32_t)((uint64_t)&used >> 32);
    *R(VIO_QUEUE_READY) = 1;
    for (int i = 0; i < NUM; i++) free_desc[i] = 1;
    st |= VIO_S_DRIVER_OK;
    *R(VIO_STATUS) = st;
    if (*R(VIO_STATUS) != st) fail("status after DRIVER_OK", *R(VIO_STATUS), st);
    stop_if_failed();
}

/* Reads sector s into buf and compares it with the host's pattern. */
static void read_check(uint64_t s)
{
    int st = disk_rw(buf, s, 0);
    if (st != 0) fail("read status", (uint64_t)st, 0);
    for (unsigned k = 0; k < 512; k++)
        if (buf[k] != orig_byte(s * 512 + k)) {
            fail("read data at image offset", s * 512 + k, buf[k]);
            break;
        }
    stop_if_failed();
}

void guest_main(uint64_t hartid)
{
    if (hartid != 0)
        for (;;) __asm__ volatile("wfi");
    /* PLIC: source 1 to context 0 (hart 0, M-mode) only */
    mmio_w32(PLIC_PRIORITY(PLIC_SRC_VIRTIO0), 1);
    mmio_w32(PLIC_ENABLE(0), 1u << PLIC_SRC_VIRTIO0);
    mmio_w32(PLIC_THRESHOLD(0), 0);
    csr_write(mie, 1u << IRQ_MEI);
    csr_set(mstatus, 8);

    disk_init();
    puts_("qemu_virtio: device found, features negotiated without VERSION_1\n");
    read_check(1);
    read_check(5);
    puts_("qemu_virtio: sectors 1 and 5 read by interrupt\n");
    /* a used descriptor chain: take one so the next chains start elsewhere */
    int hold = alloc_desc();
    for (unsigned k = 0; k < 512; k++) buf2[k] = new_byte(k);
    int st = disk_rw(buf2, WSECTOR, 1);
    if (st != 0) fail("write status", (uint64_t)st, 0);
    stop_if_failed();
    for (unsigned k = 0; k < 512; k++) buf[k] = 0;
    st = disk_rw(buf, WSECTOR, 0);
    if (st != 0) fail("read-back status", (uint64_t)st, 0);
    for (unsigned k = 0; k < 512; k++)
        if (buf[k] != new_byte(k)) {
            fail("read-back data at byte", k, buf[k]);
            break;
        }
    stop_if_failed();
    free_chain(hold);
    if (irqs != 4) fail("virtio interrupts taken", irqs, 4);
    stop_if_failed();
    puts_("qemu_virtio: sector 3 written and read back; 4 interrupts, ");
    putdec(spurious);
    puts_(" without a claim\nQEMU_VIRTIO OK\n");
    guest_exit(0);
}
