/* tlbstress as a guest: the random pointer chase of examples/bench/tlbstress.c
 * (same seed, same Sattolo cycle, same virtual addresses, so the same
 * checksum for the same NPAGES and STEPS), run in (V)S-mode under the guest's
 * own Sv39 tables. Under the hypervisor every TLB miss walks two stages
 * (Sv39 over Sv39x4); built -DNATIVE it runs in S-mode on the bare machine,
 * the native twin. The region is VA 0x20_0000_0000 onto guest-physical
 * REGION_PA, inside the guest's RAM. */
#include "rt.h"

#ifndef NPAGES
#define NPAGES 16384
#endif
#ifndef STEPS
#define STEPS 12000000UL
#endif
#define PGSZ PAGE_4K
#define REGION_VA 0x2000000000UL
#define REGION_PA 0x82000000UL     /* 32 MiB into guest RAM; 64 MiB long */

static u32 order[NPAGES];
static u64 node[NPAGES];

/* guest_main: map, build the cycle, chase, print the checksum, exit. */
void guest_main(void)
{
#ifdef NATIVE
    puts_("benchmark: tlbstress native (S-mode, Sv39, 4 KiB pages)\n");
#else
    puts_("benchmark: tlbstress nested (VS-mode, Sv39 over Sv39x4, 4 KiB pages)\n");
#endif
    put_kv_dec("pages", NPAGES);
    put_kv_dec("steps", STEPS);
    vm_init();
    vm_map(GUEST_RAM_BASE, GUEST_RAM_BASE, 8 * PAGE_2M, 1, PTE_R | PTE_W | PTE_X);
    vm_map(REGION_VA, REGION_PA, (u64)NPAGES * PGSZ, 0, PTE_R | PTE_W);
    vm_enable();

    u64 seed = 0x243F6A8885A308D3ULL ^ NPAGES;
    for (u32 i = 0; i < NPAGES; i++)
        order[i] = i;
    for (u32 i = NPAGES - 1; i > 0; i--) {      /* Sattolo: one cycle */
        u32 j = (u32)(xs64(&seed) % i);
        u32 t = order[i]; order[i] = order[j]; order[j] = t;
    }
    for (u32 p = 0; p < NPAGES; p++)
        node[p] = REGION_VA + (u64)p * PGSZ + (xs64(&seed) % (PGSZ / 8)) * 8;
    for (u32 i = 0; i < NPAGES; i++)
        *(volatile u64 *)node[order[i]] = node[order[(i + 1) % NPAGES]];

    u64 *p = (u64 *)node[order[0]];
    u64 acc = 0;
    u64 t0 = csr_read(time);       /* in VS: time + htimedelta (0) */
    for (u64 s = 0; s < STEPS; s++) {
        p = (u64 *)*p;
        acc += (u64)p ^ s;
    }
    u64 ticks = csr_read(time) - t0;
    int ok = (u64)p == node[order[STEPS % NPAGES]];
    puts_(ok ? "result: ok, ended on the expected node\n" : "result: WRONG final node\n");
    /* the chase alone, in guest time (mtime at 10 MHz on virt): what
     * bench/run reports as the guest's own measure */
    puts_("guest: chase of ");
    put_dec(STEPS);
    puts_(" steps in ");
    put_dec(ticks / 10);
    puts_(" us of guest time\n");
    print_checksum(mix64(acc, (u64)p));
    guest_exit(ok ? 0 : 1);
}
