/* Code changed behind the hart's back must run as it is in memory (M-mode,
 * -bios none, -smp 2; DESIGN.md: "Decoded instructions are never stale: a
 * write to memory that holds decoded code, by any hart or by DMA,
 * invalidates it").  RISC-V itself asks for fence.i (Zifencei) before a
 * hart may rely on seeing new code; Pagoda promises more, as QEMU, which
 * re-translates.  Each case writes "li a0, V; ret" into a code page that
 * already ran, and calls it:
 *   fence.i   control: rewritten by this hart, then fence.i;
 *   self      rewritten by this hart, no fence.i, after 10000 calls of the
 *             old code (surely decoded and cached), and 200 rewrites each
 *             called at once (same quantum: no scheduling in between);
 *   dma       virtio-blk reads code from the disk (sector 0, then 1: the
 *             host wrote "li a0, 0x5a5; ret" and "li a0, 0x3c3; ret") into
 *             the page by DMA, completion polled, called at once, no fence.i;
 *   hart1     hart 1 writes the new code into a page hart 0 has been
 *             calling, raises a flag; hart 0 sees it and calls, no fence.i;
 *             50 rounds.
 * And one case reported but not checked ("in-block"): a store that rewrites
 * a later instruction of the straight-line run it belongs to.  Neither the
 * ISA (without fence.i) nor QEMU (whose RISC-V target has no precise
 * self-modifying-code support: the translated block finishes) promises the
 * new instruction there.
 * Prints "STALE_CODE OK" and exits 0; every failed case prints
 * "STALE_CODE FAIL: ..." and the exit status is 1. */
#include "guest.h"
#include "vio.h"

#define QN 4

static uint32_t page_fencei[1024] __attribute__((aligned(4096)));
static uint32_t page_self[1024] __attribute__((aligned(4096)));
static uint32_t page_dma[1024] __attribute__((aligned(4096)));
static uint32_t page_hart1[1024] __attribute__((aligned(4096)));
static uint32_t page_inblock[1024] __attribute__((aligned(4096)));

static struct virtq_desc descs[QN] __attribute__((aligned(16)));
static struct { uint16_t flags, idx, ring[QN], used_event; } avail __attribute__((aligned(16)));
static struct { uint16_t flags, idx; struct virtq_used_elem ring[QN]; uint16_t avail_event; } used __attribute__((aligned(16)));
static struct virtio_blk_req req;
static volatile uint8_t req_status;
static uint16_t used_seen;

static volatile uint32_t go_round, done_round, hart1_ready;
static int failed;

typedef long (*fn0)(void);

/* The encoding of addi a0, zero, v (li a0, v), for 0 <= v < 2048. */
static uint32_t li_a0(unsigned v) { return (v << 20) | (10u << 7) | 0x13u; }

#define RET 0x00008067u /* jalr zero, 0(ra) */

/* Writes "li a0, v; ret" at p (plain stores, no fence.i). */
static void emit(uint32_t *p, unsigned v)
{
    ((volatile uint32_t *)p)[0] = li_a0(v);
    ((volatile uint32_t *)p)[1] = RET;
}

/* Calls the code at p. */
static long call(uint32_t *p) { return ((fn0)(uintptr_t)p)(); }

/* Reports one check; a mismatch fails the run (at its end). */
static void check(const char *what, long got, long want)
{
    if (got == want) return;
    puts_("STALE_CODE FAIL: ");
    puts_(what);
    puts_(": the code returned ");
    puthex((uint64_t)got);
    puts_(", the code in memory returns ");
    puthex((uint64_t)want);
    puts_("\n");
    failed = 1;
}

/* Calls p n times; every call must return want. */
static void call_many(uint32_t *p, unsigned n, long want, const char *what)
{
    for (unsigned i = 0; i < n; i++) {
        long v = call(p);
        if (v != want) {
            check(what, v, want);
            return;
        }
    }
}

/* virtio-blk in slot 0, polled: reset, VERSION_1, queue 0 of QN entries. */
static void blk_init(void)
{
    volatile uint32_t *r = (volatile uint32_t *)VIO0;
    if (r[VIO_MAGIC / 4] != 0x74726976 || r[VIO_DEVICE_ID / 4] != 2) {
        puts_("STALE_CODE FAIL: no virtio-blk in slot 0\n");
        guest_exit(1);
    }
    r[VIO_STATUS / 4] = 0;
    r[VIO_STATUS / 4] = VIO_S_ACK | VIO_S_DRIVER;
    r[VIO_DRV_FEATURES_SEL / 4] = 0;
    r[VIO_DRV_FEATURES / 4] = 0;
    r[VIO_DRV_FEATURES_SEL / 4] = 1;
    r[VIO_DRV_FEATURES / 4] = 1; /* VIRTIO_F_VERSION_1 (bit 32) */
    r[VIO_STATUS / 4] = VIO_S_ACK | VIO_S_DRIVER | VIO_S_FEATURES_OK;
    r[VIO_QUEUE_SEL / 4] = 0;
    r[VIO_QUEUE_NUM / 4] = QN;
    r[VIO_QUEUE_DESC_LOW / 4] = (uint32_t)(uintptr_t)descs;
    r[VIO_QUEUE_DESC_HIGH / 4] = (uint32_t)((uintptr_t)descs >> 32);
    r[VIO_QUEUE_DRIVER_LOW / 4] = (uint32_t)(uintptr_t)&avail;
    r[VIO_QUEUE_DRIVER_HIGH / 4] = (uint32_t)((uintptr_t)&avail >> 32);
    r[VIO_QUEUE_DEVICE_LOW / 4] = (uint32_t)(uintptr_t)&used;
    r[VIO_QUEUE_DEVICE_HIGH / 4] = (uint32_t)((uintptr_t)&used >> 32);
    r[VIO_QUEUE_READY / 4] = 1;
    r[VIO_STATUS / 4] = VIO_S_ACK | VIO_S_DRIVER | VIO_S_FEATURES_OK | VIO_S_DRIVER_OK;
}

/* Reads one sector into dst by DMA and polls for the used ring. */
static void blk_read(uint64_t sector, void *dst)
{
    req = (struct virtio_blk_req){VIRTIO_BLK_T_IN, 0, sector};
    req_status = 0xff;
    descs[0] = (struct virtq_desc){(uintptr_t)&req, sizeof req, VIRTQ_DESC_F_NEXT, 1};
    descs[1] = (struct virtq_desc){(uintptr_t)dst, 512, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 2};
    descs[2] = (struct virtq_desc){(uintptr_t)&req_status, 1, VIRTQ_DESC_F_WRITE, 0};
    avail.ring[avail.idx % QN] = 0;
    mb();
    avail.idx++;
    mb();
    mmio_w32(VIO0 + VIO_QUEUE_NOTIFY, 0);
    for (uint64_t spin = 0; *(volatile uint16_t *)&used.idx == used_seen; spin++)
        if (spin > 10000000) {
            puts_("STALE_CODE FAIL: the disk read never completed\n");
            guest_exit(1);
        }
    used_seen++;
    mmio_w32(VIO0 + VIO_INT_ACK, mmio_r32(VIO0 + VIO_INT_STATUS));
    if (req_status != 0) {
        puts_("STALE_CODE FAIL: disk read status ");
        putdec(req_status);
        puts_("\n");
        guest_exit(1);
    }
}

/* Hart 1: for each round, rewrite page_hart1 when hart 0 asks. */
static void hart1_main(void)
{
    hart1_ready = 1;
    for (uint32_t r = 1; r <= 50; r++) {
        while (go_round != r)
            ;
        mb();
        emit(page_hart1, 0x100 + r);
        mb();
        done_round = r;
    }
    for (;;) __asm__ volatile("wfi");
}

/* The in-block case: sw a1, 8(a0); nop; li a0, 1; ret.  Called with a0 =
 * the page and a1 = li a0, 2: the store rewrites the li of its own run. */
static long inblock_case(void)
{
    page_inblock[0] = 0x00b52423u; /* sw a1, 8(a0) */
    page_inblock[1] = 0x00000013u; /* nop */
    page_inblock[2] = li_a0(1);
    page_inblock[3] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    long (*f)(uint32_t *, uint32_t) = (long (*)(uint32_t *, uint32_t))(uintptr_t)page_inblock;
    return f(page_inblock, li_a0(2));
}

void guest_main(uint64_t hartid)
{
    if (hartid == 1) hart1_main();
    if (hartid != 0)
        for (;;) __asm__ volatile("wfi");

    /* control: fence.i after each rewrite */
    emit(page_fencei, 1);
    __asm__ volatile("fence.i" ::: "memory");
    call_many(page_fencei, 1000, 1, "fence.i, first code");
    emit(page_fencei, 2);
    __asm__ volatile("fence.i" ::: "memory");
    check("fence.i, rewritten code", call(page_fencei), 2);
    puts_("stale_code: fence.i (control) done\n");

    /* this hart rewrites, no fence.i */
    emit(page_self, 3);
    __asm__ volatile("fence.i" ::: "memory");
    call_many(page_self, 10000, 3, "self, old code");
    emit(page_self, 4);
    check("self, rewritten after 10000 calls, no fence.i", call(page_self), 4);
    for (unsigned v = 10; v < 210; v++) {
        emit(page_self, v);
        long got = call(page_self);
        if (got != (long)v) {
            check("self, rewritten and called at once, no fence.i", got, v);
            break;
        }
    }
    puts_("stale_code: self done\n");

    /* DMA from the disk into code that ran */
    blk_init();
    emit(page_dma, 5);
    __asm__ volatile("fence.i" ::: "memory");
    call_many(page_dma, 10000, 5, "dma, old code");
    blk_read(0, page_dma);
    check("dma, sector 0 read over code called 10000 times, no fence.i", call(page_dma), 0x5a5);
    blk_read(1, page_dma);
    check("dma, sector 1 read over code called once, no fence.i", call(page_dma), 0x3c3);
    puts_("stale_code: dma done\n");

    /* another hart rewrites */
    while (!hart1_ready)
        ;
    emit(page_hart1, 0x100);
    __asm__ volatile("fence.i" ::: "memory");
    for (uint32_t r = 1; r <= 50; r++) {
        call_many(page_hart1, r == 1 ? 10000 : 50, 0x100 + r - 1, "hart1, old code");
        mb();
        go_round = r;
        while (done_round != r)
            ;
        mb();
        long got = call(page_hart1);
        if (got != (long)(0x100 + r)) {
            puts_("stale_code: round ");
            putdec(r);
            puts_("\n");
            check("hart1, code rewritten by hart 1, no fence.i", got, 0x100 + r);
            break;
        }
    }
    puts_("stale_code: hart1 done\n");

    long ib = inblock_case();
    puts_("stale_code: in-block (not checked): ");
    puts_(ib == 2 ? "new" : ib == 1 ? "old" : "other");
    puts_(" code ran\n");

    if (failed) guest_exit(1);
    puts_("STALE_CODE OK\n");
    guest_exit(0);
}
