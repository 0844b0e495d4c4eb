/* v environment supervisor (S-mode): demand paging for a U-mode test.
 *
 * Page tables: Sv39 (-DVM_SV39, default) or Sv48 (-DVM_SV48), ASID 1.  The
 * supervisor's own mapping is one global identity gigapage at 0x80000000
 * (U=0, RWX, A=D=1).  A user page [USER_VA, _uva_end) is mapped on its first
 * instruction/load/store page fault, to its load address, as V|R|W|X|U with
 * A and D CLEAR, so the hardware A/D update path is exercised (run with the
 * default --ad=hw); then `sfence.vma va` and sret retries the access.
 *
 * Exit codes (tohost = code << 1 | 1) besides the test's own:
 *   250  a trap reached M-mode (the supervisor faulted)
 *   251  page fault on a user page that is already mapped
 *   252  at pass, a mapped user page still has A = 0 (hardware A/D broken)
 *   253  out of page-table pages
 *   other unexpected traps fail with the test's case number (255 if 0). */
#include <stdint.h>

#ifdef VM_SV48
#define LEVELS 4
#define SATP_MODE 9ull
#else
#define LEVELS 3
#define SATP_MODE 8ull
#endif
#define ASID 1ull

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80

extern uint64_t v_layout[5]; /* uva_start, uva_end, upa_start, ustart, test_trap_handler */
extern volatile uint64_t tohost;

#define NPT 8
static uint64_t pt[NPT][512] __attribute__((aligned(4096)));
static int pt_used;
#define MAXMAP 64
static uint64_t *mapped[MAXMAP];
static int nmapped;

static void __attribute__((noreturn)) finish(uint64_t code)
{
    tohost = code;
    for (;;) ;
}

static uint64_t *new_table(void)
{
    if (pt_used >= NPT) finish((253 << 1) | 1);
    uint64_t *t = pt[pt_used++];
    for (int i = 0; i < 512; i++) t[i] = 0;
    return t;
}

static uint64_t ptr_pte(uint64_t *t) { return (((uint64_t)t >> 12) << 10) | PTE_V; }

/* the leaf PTE slot for va (level 0), creating tables on the way */
static uint64_t *leaf_slot(uint64_t va)
{
    uint64_t *t = pt[0];
    for (int lvl = LEVELS - 1; lvl > 0; lvl--) {
        uint64_t *e = &t[(va >> (12 + 9 * lvl)) & 511];
        if (!(*e & PTE_V)) *e = ptr_pte(new_table());
        t = (uint64_t *)((*e >> 10) << 12);
    }
    return &t[(va >> 12) & 511];
}

void vm_init(void)
{
    uint64_t *root = new_table();
    uint64_t gig = 0x80000000ull;
    uint64_t leaf = ((gig >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D;
    if (LEVELS == 3) {
        root[(gig >> 30) & 511] = leaf;
    } else {
        uint64_t *l2 = new_table();
        root[(gig >> 39) & 511] = ptr_pte(l2);
        l2[(gig >> 30) & 511] = leaf;
    }
    uint64_t satp = (SATP_MODE << 60) | (ASID << 44) | ((uint64_t)root >> 12);
    asm volatile("csrw satp, %0; sfence.vma" :: "r"(satp) : "memory");
}

void vm_trap(uint64_t *regs)
{
    uint64_t cause, tval;
    asm volatile("csrr %0, scause; csrr %1, stval" : "=r"(cause), "=r"(tval));
    uint64_t uva = v_layout[0], uend = v_layout[1], upa = v_layout[2];

    if (cause == 8) { /* ecall from U: pass / fail, value in t6 */
        if (regs[31] == 1) {
            for (int i = 0; i < nmapped; i++)
                if (!(*mapped[i] & PTE_A)) finish((252 << 1) | 1);
        }
        finish(regs[31]);
    }
    if ((cause == 12 || cause == 13 || cause == 15) && tval >= uva && tval < uend) {
        uint64_t va = tval & ~0xfffull;
        uint64_t *e = leaf_slot(va);
        if (*e & PTE_V) finish((251 << 1) | 1);
        uint64_t pa = upa + (va - uva);
        *e = ((pa >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_U;
        if (nmapped < MAXMAP) mapped[nmapped++] = e;
        asm volatile("sfence.vma %0, zero" :: "r"(va) : "memory");
        return;
    }
    if (v_layout[4]) { /* the test's own handler, in U-mode */
        regs[29] = cause;
        regs[30] = tval;
        regs[31] = regs[32];
        regs[32] = v_layout[4];
        return;
    }
    finish(((regs[3] ? regs[3] : 255) << 1) | 1);
}
