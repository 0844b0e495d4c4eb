/* tlbstress: a random pointer chase in U-mode under Sv39 across NPAGES
 * pages, one node per page at a random offset, the pages visited in one
 * random cycle (Sattolo). Built per page count with -DNPAGES=N, and with
 * -DHUGE_2M=1 for a mapping made of 2 MiB leaves instead of 4 KiB ones.
 * The region is mapped at VA 0x20_0000_0000 onto PA 0x8400_0000 (64 MiB into
 * RAM): 4 KiB x 16384 = 64 MiB and 2 MiB x 256 = 512 MiB, so run with -m 1G. */
#include "vm.h"

#ifndef NPAGES
#define NPAGES 512
#endif
#ifdef HUGE_2M
#define PGSZ PAGE_2M
#define PGLEVEL 1
#define PGNAME "2 MiB"
#else
#define PGSZ PAGE_4K
#define PGLEVEL 0
#define PGNAME "4 KiB"
#endif
/* Steps of the chase: few pages stay in any TLB and go fast, so they get
 * more steps; each program takes a few seconds under QEMU 7.2 TCG. */
#ifndef STEPS
#if NPAGES <= 64
#define STEPS 500000000UL
#elif NPAGES < 4096
#define STEPS 20000000UL
#else
#define STEPS 12000000UL
#endif
#endif

#define REGION_VA 0x2000000000UL
#define REGION_PA 0x84000000UL

static u32 order[NPAGES];

static void user_main(void)
{
    puts_("benchmark: tlbstress (U-mode, Sv39, " PGNAME " pages)\n");
    put_kv_dec("pages", NPAGES);
    put_kv_dec("page size", PGSZ);
    put_kv_dec("steps", STEPS);

    u64 seed = 0x243F6A8885A308D3ULL ^ NPAGES;
    for (u32 i = 0; i < NPAGES; i++) order[i] = i;
    for (u32 i = NPAGES - 1; i > 0; i--) {      /* Sattolo: one cycle */
        u32 j = (u32)(xs64(&seed) % i);
        u32 t = order[i]; order[i] = order[j]; order[j] = t;
    }
    /* node address of page p: random 8-byte aligned offset inside it */
    static u64 node[NPAGES];
    for (u32 p = 0; p < NPAGES; p++)
        node[p] = REGION_VA + (u64)p * PGSZ + (xs64(&seed) % (PGSZ / 8)) * 8;
    /* page order[i] points to page order[i+1] */
    for (u32 i = 0; i < NPAGES; i++)
        *(volatile u64 *)node[order[i]] = node[order[(i + 1) % NPAGES]];

    u64 *p = (u64 *)node[order[0]];
    u64 acc = 0;
    for (u64 s = 0; s < STEPS; s++) {
        p = (u64 *)*p;
        acc += (u64)p ^ s;
    }
    int ok = (u64)p == node[order[STEPS % NPAGES]];
    puts_("result: ");
    puts_(ok ? "ok, ended on the expected node" : "WRONG final node");
    puts_("\n");
    print_checksum(mix64(acc, (u64)p));
    bench_exit(ok ? 0 : 1);
}

int main(void)
{
    pmp_allow_all();
    vm_init();
    vm_map_image(PTE_U);
    vm_map(REGION_VA, REGION_PA, (u64)NPAGES * PGSZ, PGLEVEL, PTE_R | PTE_W | PTE_U);
    csr_write(satp, vm_satp());
    sfence_vma_all();
    rt_priv = PRIV_U;
    enter_lower((u64)user_main, (u64)_stacks_end, PRIV_U);
}
