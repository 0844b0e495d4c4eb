/* accelcopy: copy 64 MiB between two buffers, by the CPU (MODE 0, runs on
 * QEMU too) or by Pagoda's accelerator through the RISC-V IOMMU (MODE 1:
 * 256 KiB buffers, whose pages stay in the IOTLB; MODE 2: 16 MiB buffers,
 * 8192 pages that miss the 256-entry IOTLB on every pass).  The device
 * works on a "process" address space: Sv39 tables with user pages, PASID
 * 1, so every access is translated as the shared virtual memory
 * asks.  Prints the guest time taken (mtime, 10 MHz) and the throughput in
 * bytes per guest microsecond, checks the copy, and prints a checksum of
 * the destination.  Device modes need
 *   -M virt,iommu-sys=on -device pagoda-accel
 * (docs/DEVICES.md, "Accelerator"; docs/PERFORMANCE.md, "accelcopy"). */
#include "vm.h"

#ifndef MODE
#define MODE 0
#endif
#if MODE == 2
#define BUF (16UL << 20)
#else
#define BUF (256UL << 10)
#endif
#define TOTAL (64UL << 20)

#define SRC_PA 0x84000000UL
#define DST_PA 0x86000000UL
#define SRC_VA 0x2000000000UL
#define DST_VA 0x2100000000UL

#define MTIME (*(volatile u64 *)(CLINT_BASE + 0xbff8))

/* IOMMU (RISC-V IOMMU spec 1.0, chapter "Memory-mapped register interface") */
#define IOMMU 0x3010000UL
#define DDTP 0x10
#define FQB 0x28
#define FQT 0x34
#define FQCSR 0x4c
/* accelerator (platform/accel.h) */
#define ACCEL 0x4000000UL
#define Q0 0x100
#define PASID 1

static inline void w32(u64 a, u32 v) { *(volatile u32 *)a = v; }
static inline u32 r32(u64 a) { return *(volatile u32 *)a; }
static inline void w64(u64 a, u64 v) { *(volatile u64 *)a = v; }

struct desc {
    u8 op, flags;
    u16 rsvd0;
    u32 pasid;
    u64 dst, src, src2, len, value;
    u16 status, cause;
    u32 rsvd1;
    u64 result;
};

static u8 pages[5][4096] __attribute__((aligned(4096))); /* DDT, PDT, fault queue (2), ring */
#define DDT pages[0]
#define PDT pages[1]
#define FQ pages[2]
#define RING ((volatile struct desc *)pages[4])

/* The IOMMU: a 1-level DDT whose device 1 has a PD8 process directory with
 * PASID 1 translating through vm_root (Sv39, PSCID 1), A/D by hardware;
 * a fault queue so refused accesses are recorded.  The accelerator's
 * queue 0: a 64-entry ring. */
static void device_setup(void)
{
    u64 *dc = (u64 *)(void *)(DDT + 1 * 32);
    dc[0] = 1 | 1UL << 5 | 1UL << 8;            /* tc: V, PDTV, SADE */
    dc[3] = 1UL << 60 | (u64)PDT >> 12;        /* fsc: PD8 */
    u64 *pc = (u64 *)(void *)(PDT + PASID * 16);
    pc[0] = 1 | 1UL << 12;                     /* ta: V, PSCID 1 */
    pc[1] = SATP_SV39 | (u64)vm_root >> 12;    /* fsc */
    w64(IOMMU + FQB, ((u64)FQ >> 12) << 10 | (6 - 1));
    w32(IOMMU + FQCSR, 1);
    fence();
    w64(IOMMU + DDTP, ((u64)DDT >> 12) << 10 | 2); /* 1LVL */
    w64(ACCEL + Q0, (u64)RING);
    w32(ACCEL + Q0 + 8, 6);
    w32(ACCEL + Q0 + 0xc, 1);
}

/* Copy TOTAL bytes from SRC_VA to DST_VA in descriptors of BUF bytes,
 * in batches of at most 63 (the ring holds 64), each waited for and
 * checked. */
static void device_copy(void)
{
    u32 tail = 0;
    for (u64 left = TOTAL / BUF; left;) {
        u32 first = tail, batch = left < 63 ? (u32)left : 63;
        for (u32 k = 0; k < batch; k++) {
            volatile struct desc *d = &RING[tail];
            d->op = 1; /* COPY */
            d->flags = 0;
            d->rsvd0 = 0;
            d->pasid = PASID;
            d->dst = DST_VA;
            d->src = SRC_VA;
            d->len = BUF;
            d->status = 0;
            tail = (tail + 1) & 63;
        }
        fence();
        w32(ACCEL + Q0 + 0x14, tail);
        while (r32(ACCEL + Q0 + 0x10) != tail)
            cpu_pause();
        fence();
        for (u32 k = 0; k < batch; k++) {
            volatile struct desc *d = &RING[(first + k) & 63];
            if (d->status != 1) {
                puts_("accelcopy: descriptor failed, status ");
                put_dec(d->status);
                puts_(" cause ");
                put_dec(d->cause);
                puts_("\n");
                bench_exit_m(1);
            }
        }
        left -= batch;
    }
}

/* The CPU's copy, 8 bytes at a time, in M-mode on physical addresses. */
static void cpu_copy(void)
{
    for (u64 k = 0; k < TOTAL / BUF; k++) {
        const volatile u64 *s = (const u64 *)SRC_PA;
        volatile u64 *d = (u64 *)DST_PA;
        for (u64 i = 0; i < BUF / 8; i += 4) {
            u64 a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3];
            d[i] = a;
            d[i + 1] = b;
            d[i + 2] = c;
            d[i + 3] = e;
        }
    }
}

int main(void)
{
    u64 seed = 0x5eed;
    u64 *src = (u64 *)SRC_PA, *dst = (u64 *)DST_PA;
    for (u64 i = 0; i < BUF / 8; i++) {
        src[i] = xs64(&seed);
        dst[i] = 0;
    }
    if (MODE) {
        pmp_allow_all();
        vm_init();
        vm_map(SRC_VA, SRC_PA, BUF, 0, PTE_R | PTE_U);
        vm_map(DST_VA, DST_PA, BUF, 0, PTE_R | PTE_W | PTE_U);
        /* without the device this load is an access fault: the trap
         * handler reports it and the program fails */
        if (r32(ACCEL) != 0x43415047) {
            puts_("accelcopy: not Pagoda's accelerator at 0x4000000\n");
            bench_exit_m(1);
        }
        device_setup();
    }
    fence();
    u64 t0 = MTIME;
    if (MODE)
        device_copy();
    else
        cpu_copy();
    u64 ticks = MTIME - t0;
    u64 sum = 0;
    for (u64 i = 0; i < BUF / 8; i++) {
        if (dst[i] != src[i]) {
            puts_("accelcopy: the copy differs at byte ");
            put_dec(i * 8);
            puts_("\n");
            bench_exit_m(1);
        }
        sum = mix64(sum, dst[i]);
    }
    puts_(MODE == 0 ? "guest: cpu copy" : MODE == 1 ? "guest: device copy, IOTLB hits" : "guest: device copy, IOTLB misses");
    puts_(", ");
    put_dec(TOTAL >> 20);
    puts_(" MiB in ");
    put_dec(ticks / 10);
    puts_(" us of guest time: ");
    put_dec(ticks ? TOTAL * 10 / ticks : 0);
    puts_(" bytes/us\n");
    print_checksum(sum);
    return 0;
}
