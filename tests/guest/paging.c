/* Sv39 paging e2e guest (M-mode start, -bios none, one hart), for the MMU
 * statistics test.  M-mode builds an Sv39 table: gigapages mapping
 * 0..1 GiB (devices, R/W) and 2..3 GiB (RAM, RWX) one to one, and 16 4 KiB
 * pages at VA 0x40000000 that map a RAM buffer.  S-mode then writes and
 * reads each 4 KiB page through its virtual address and makes an ecall; M-mode
 * checks the buffer through physical addresses, prints "PAGING OK" and exits
 * with 0 through sifive_test. */
#include "guest.h"

#define PTE_V 1
#define PTE_R 2
#define PTE_W 4
#define PTE_X 8
#define PTE_A 0x40
#define PTE_D 0x80
#define NPAGES 16
#define VBASE 0x40000000UL

static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t l1[512] __attribute__((aligned(4096)));
static uint64_t l0[512] __attribute__((aligned(4096)));
static uint8_t pages[NPAGES][4096] __attribute__((aligned(4096)));

static uint64_t table(void *t) { return ((uint64_t)t >> 12) << 10 | PTE_V; }

static void s_main(void)
{
    for (unsigned i = 0; i < NPAGES; i++) {
        volatile uint64_t *p = (volatile uint64_t *)(VBASE + i * 4096UL);
        for (unsigned k = 0; k < 512; k += 64) p[k] = 0x1000 * i + k;
    }
    uint64_t sum = 0;
    for (int rep = 0; rep < 4; rep++)
        for (unsigned i = 0; i < NPAGES; i++)
            sum += *(volatile uint64_t *)(VBASE + i * 4096UL);
    register uint64_t a0 __asm__("a0") = sum;
    __asm__ volatile("ecall" :: "r"(a0));
    for (;;) ;
}

void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    if (mcause != 9) {
        puts_("PAGING FAIL: trap mcause=");
        puthex(mcause);
        puts_(" mepc=");
        puthex(mepc);
        puts_(" mtval=");
        puthex(mtval);
        puts_("\n");
        guest_exit(1);
    }
    uint64_t want = 0;
    for (unsigned i = 0; i < NPAGES; i++) {
        want += 4 * 0x1000 * i;
        for (unsigned k = 0; k < 512; k += 64)
            if (((uint64_t *)pages[i])[k] != 0x1000 * i + k) {
                puts_("PAGING FAIL: page ");
                putdec(i);
                puts_(" not written through its mapping\n");
                guest_exit(1);
            }
    }
    register uint64_t a0 __asm__("a0");
    (void)a0;
    puts_("PAGING OK\n");
    guest_exit(0);
}

void guest_main(uint64_t hartid)
{
    if (hartid != 0)
        for (;;) __asm__ volatile("wfi");
    root[0] = (0x00000000UL >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    root[2] = (0x80000000UL >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
    root[1] = table(l1);
    l1[0] = table(l0);
    for (unsigned i = 0; i < NPAGES; i++)   /* A/D clear: the walker sets them */
        l0[i] = ((uint64_t)pages[i] >> 12) << 10 | PTE_V | PTE_R | PTE_W;
    csr_write(pmpaddr0, ~0UL >> 10);
    csr_write(pmpcfg0, 0x1f);             /* NAPOT, RWX: S-mode may use everything */
    csr_write(satp, (8UL << 60) | ((uint64_t)root >> 12));
    __asm__ volatile("sfence.vma" ::: "memory");
    uint64_t ms = csr_read(mstatus);
    ms = (ms & ~(3UL << 11)) | (1UL << 11); /* MPP = S */
    csr_write(mstatus, ms);
    csr_write(mepc, (uint64_t)s_main);
    __asm__ volatile("mret");
}
