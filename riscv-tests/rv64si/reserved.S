/* rv64si/reserved: reserved PTE encodings page-fault: bits 60..54 set,
 * PBMT = 3, W = 1 with R = 0, D/A/U or PBMT in a non-leaf PTE; PBMT = NC
 * or IO works when menvcfg.PBMTE = 1 (Svpbmt) and is reserved (page fault)
 * when PBMTE = 0. */
#include "vm.h"

#define MENVCFG_PBMTE (1 << 62)
/* vm_l0[i] = PTE(page A, PTE_ALL) | extra, then an S-mode load of TVA(i) */
#define MAP_X(i, extra)  PTE_OF(a0, vm_pageA, PTE_ALL); li a1, extra; or a0, a0, a1; \
        la a2, vm_l0; sd a0, (i) * 8(a2);
#define LOAD(i) RUN_AS(1, li a0, TVA(i); ld a1, 0(a0))

RVTEST_CODE_BEGIN
        VM_INIT
        li t0, MENVCFG_PBMTE; csrs menvcfg, t0
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        MAP_X(1, 1 << 54); LOAD(1); EXPECT_FAULT(13, TVA(1))
test_3: li TESTNUM, 3
        MAP_X(2, 1 << 60); LOAD(2); EXPECT_FAULT(13, TVA(2))
test_4: li TESTNUM, 4
        MAP_X(3, 1 << 57); RUN_AS(1, li a0, TVA(3); sd a1, 0(a0)); EXPECT_FAULT(15, TVA(3))
test_5: li TESTNUM, 5           /* PBMT = 3 */
        MAP_X(4, 3 << 61); LOAD(4); EXPECT_FAULT(13, TVA(4))
test_6: li TESTNUM, 6           /* PBMT = NC, IO: fine */
        MAP_X(5, 1 << 61); LOAD(5); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        MAP_X(6, 2 << 61); LOAD(6); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_7: li TESTNUM, 7           /* W = 1, R = 0 */
        VM_MAP(7, vm_pageA, PTE_V | PTE_W | PTE_A | PTE_D); LOAD(7); EXPECT_FAULT(13, TVA(7))
        VM_MAP(8, vm_pageA, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D)
        RUN_AS(1, li a0, TVA(8); sd a1, 0(a0)); EXPECT_FAULT(15, TVA(8))
test_8: li TESTNUM, 8           /* non-leaf PTEs with A / D / U / PBMT: vm_l1[5..8] -> vm_l0 */
        la a2, vm_l1
        PTE_OF(a0, vm_l0, PTE_V | PTE_A); sd a0, 5 * 8(a2)
        PTE_OF(a0, vm_l0, PTE_V | PTE_D); sd a0, 6 * 8(a2)
        PTE_OF(a0, vm_l0, PTE_V | PTE_U); sd a0, 7 * 8(a2)
        PTE_OF(a0, vm_l0, PTE_V); li a1, 1 << 61; or a0, a0, a1; sd a0, 8 * 8(a2)
        PTE_OF(a0, vm_l0, PTE_V); sd a0, 9 * 8(a2)       /* control: fine */
        VM_MAP(10, vm_pageB, PTE_ALL)
        RUN_AS(1, li a0, 0x40000000 + 9 * 0x200000 + TVA(10) - TVA_BASE; ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
        RUN_AS(1, li a0, 0x40000000 + 5 * 0x200000 + TVA(10) - TVA_BASE; ld a1, 0(a0)); EXPECT_FAULT(13, 0x40000000 + 5 * 0x200000 + TVA(10) - TVA_BASE)
        RUN_AS(1, li a0, 0x40000000 + 6 * 0x200000 + TVA(10) - TVA_BASE; ld a1, 0(a0)); EXPECT_FAULT(13, 0x40000000 + 6 * 0x200000 + TVA(10) - TVA_BASE)
        RUN_AS(1, li a0, 0x40000000 + 7 * 0x200000 + TVA(10) - TVA_BASE; ld a1, 0(a0)); EXPECT_FAULT(13, 0x40000000 + 7 * 0x200000 + TVA(10) - TVA_BASE)
        RUN_AS(1, li a0, 0x40000000 + 8 * 0x200000 + TVA(10) - TVA_BASE; ld a1, 0(a0)); EXPECT_FAULT(13, 0x40000000 + 8 * 0x200000 + TVA(10) - TVA_BASE)
test_9: li TESTNUM, 9           /* menvcfg.PBMTE = 0: PBMT bits are reserved */
        li t0, MENVCFG_PBMTE; csrc menvcfg, t0
        MAP_X(11, 1 << 61); LOAD(11); EXPECT_FAULT(13, TVA(11))
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
