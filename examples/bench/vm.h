/* Sv39 page-table construction for the benchmark programs (built in M-mode
 * or in S-mode with the page-table pool identity-mapped). Leaves are created
 * with A and D already set, so no program depends on hardware A/D updates. */
#ifndef BENCH_VM_H
#define BENCH_VM_H

#include "rt.h"

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)

#define PAGE_4K 0x1000UL
#define PAGE_2M 0x200000UL

#define SATP_SV39 (8UL << 60)

/* Page-table pool: starts at _heap_start (2 MiB aligned, after the image). */
#define PT_POOL_SIZE 0x200000UL

extern u64 *vm_root;

void pmp_allow_all(void);
void vm_init(void);                         /* allocate the root table */
u64 *vm_alloc_table(void);
/* Maps [va, va+size) to [pa, ...) with leaves of level (0 = 4 KiB, 1 = 2 MiB). */
void vm_map(u64 va, u64 pa, u64 size, int level, u64 perm);
/* Returns the address of the level-0 PTE for va (the table must exist). */
volatile u64 *vm_pte4k(u64 va);
/* Maps the program image: boot+super pages for S only, the user image with
 * user_perm (PTE_U or 0), the UART page with uart_perm. */
void vm_map_image(u64 user_flag);
void vm_map_pool(void);                     /* identity-map the page-table pool (S only) */
u64 vm_satp(void);

extern char _super_start[], _super_end[], _user_start[], _user_end[], _heap_start[];
extern char _stacks_end[];

#endif
