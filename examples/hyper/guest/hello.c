/* The example guest (docs/HYPERVISOR.md): a bare-metal program linked at
 * guest-physical 0x80000000. It turns on its own Sv39 paging, prints through
 * the SBI console, checks that its translations are right by writing through
 * one mapping and reading through an alias, writes a line straight to the
 * UART (the hypervisor's G-stage maps that page), and exits with a status.
 *
 * -DTOUCH_UNMAPPED: then reads a guest-physical address the hypervisor did
 * not map, to show the hypervisor's report of a guest-page fault. */
#include "rt.h"

#define ALIAS_VA 0x40000000UL     /* outside the identity map */
#define UNMAPPED_GPA 0x90000000UL /* beyond the guest's RAM */
#define PATTERN_A 0x5a5a0000a5a5000aUL
#define PATTERN_B 0x0b0b0000b0b0000bUL

static u64 page_a[512] __attribute__((aligned(4096)));
static u64 page_b[512] __attribute__((aligned(4096)));

/* check: print the case and stop with status 1 when it failed. */
static void check(const char *what, u64 got, u64 want)
{
    puts_("guest: ");
    puts_(what);
    if (got == want) {
        puts_(": ok\n");
        return;
    }
    puts_(": WRONG, read ");
    put_hex(got);
    puts_(", expected ");
    put_hex(want);
    puts_("\n");
    guest_exit(1);
}

/* uart_line: write s to the UART's transmit register directly (VA = GPA =
 * the host's UART, identity-mapped by both stages). */
static void uart_line(const char *s)
{
    volatile u8 *uart = (volatile u8 *)UART_BASE;
    for (; *s; s++) {
        while (!(uart[5] & 0x20))
            ;
        uart[0] = (u8)*s;
    }
}

/* guest_main: paging on, the self-checks, exit. */
void guest_main(void)
{
    puts_("guest: hello from the guest, turning on Sv39\n");
    vm_init();
    /* identity: the first 4 MiB of guest RAM (image, stack, tables) */
    vm_map(GUEST_RAM_BASE, GUEST_RAM_BASE, 2 * PAGE_2M, 1, PTE_R | PTE_W | PTE_X);
    vm_map(UART_BASE, UART_BASE, PAGE_4K, 0, PTE_R | PTE_W);
    /* the alias: ALIAS_VA -> page_a, ALIAS_VA + 4 KiB -> page_b */
    vm_map(ALIAS_VA, (u64)page_a, PAGE_4K, 0, PTE_R | PTE_W);
    vm_map(ALIAS_VA + PAGE_4K, (u64)page_b, PAGE_4K, 0, PTE_R | PTE_W);
    vm_enable();
    puts_("guest: Sv39 on\n");

    /* every access volatile: the compiler must not see through the aliases */
    volatile u64 *ident_a = page_a, *ident_b = page_b;
    volatile u64 *alias_a = (volatile u64 *)ALIAS_VA;
    volatile u64 *alias_b = (volatile u64 *)(ALIAS_VA + PAGE_4K);
    /* written through the identity mapping, read through the alias */
    ident_a[7] = PATTERN_A;
    check("page A through its alias", alias_a[7], PATTERN_A);
    /* written through the alias, read through the identity mapping */
    alias_b[9] = PATTERN_B;
    check("page B through its identity mapping", ident_b[9], PATTERN_B);
    check("alias of A does not see B", alias_a[9], 0);
    /* point the first alias at page B; after sfence.vma the new mapping shows */
    *vm_pte(ALIAS_VA) = ((u64)page_b >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
    sfence_vma_va(ALIAS_VA);
    check("remapped alias reads page B", alias_a[9], PATTERN_B);

    uart_line("guest: this line went straight to the UART\r\n");
#ifdef TOUCH_UNMAPPED
    vm_map(ALIAS_VA + 2 * PAGE_4K, UNMAPPED_GPA, PAGE_4K, 0, PTE_R | PTE_W);
    sfence_vma_va(ALIAS_VA + 2 * PAGE_4K);
    puts_("guest: reading guest-physical memory the hypervisor did not map\n");
    (void)*(volatile u64 *)(ALIAS_VA + 2 * PAGE_4K + 0x18);
    puts_("guest: the read did not fault\n");
    guest_exit(1);
#endif
    puts_("guest: self-check passed, exiting with status 0\n");
    guest_exit(0);
}
