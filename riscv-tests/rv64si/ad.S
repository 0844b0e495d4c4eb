/* rv64si/ad: hardware A/D updating (default --ad=hw).  PTEs start with
 * A = D = 0; the PTE in memory gets A on a load or fetch, A and D on a
 * store; a store hitting a cached entry with D = 0 sets D too. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_RWX)
        VM_MAP(2, vm_pageB, PTE_RWX)
        VM_MAP(3, xpage1, PTE_RWX)
        VM_MAP(4, vm_pageC, PTE_RWX)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2           /* load: A */
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        VM_PTE(a2, 1); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A)
test_3: li TESTNUM, 3           /* then a store (entry cached with D = 0): D */
        RUN_AS(1, li a0, TVA(1); sd a0, 8(a0)); EXPECT_OK(1)
        VM_PTE(a2, 1); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A | PTE_D)
test_4: li TESTNUM, 4           /* a first access that is a store: A and D */
        RUN_AS(1, li a0, TVA(2); sd a0, 8(a0)); EXPECT_OK(1)
        VM_PTE(a2, 2); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A | PTE_D)
test_5: li TESTNUM, 5           /* fetch: A only */
        RUN_AS(1, li a0, TVA(3); jalr a0); EXPECT_OK(1); CHECK(a1, 0x111)
        VM_PTE(a2, 3); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A)
test_6: li TESTNUM, 6           /* AMO: A and D */
        RUN_AS(1, li a0, TVA(4); li a3, 1; amoadd.d a1, a3, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
        VM_PTE(a2, 4); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A | PTE_D)
test_7: li TESTNUM, 7           /* A = 1 already set, D = 0, not writable: store faults, D stays 0 */
        VM_MAP(5, vm_pageA, PTE_V | PTE_R | PTE_A)
        RUN_AS(1, li a0, TVA(5); sd a0, 0(a0)); EXPECT_FAULT(15, TVA(5))
        VM_PTE(a2, 5); andi a2, a2, PTE_A | PTE_D; CHECK(a2, PTE_A)
test_8: li TESTNUM, 8           /* a faulting access (U page from S without SUM) sets nothing */
        VM_MAP(6, vm_pageA, PTE_RWX | PTE_U)
        RUN_AS(1, li a0, TVA(6); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(6))
        VM_PTE(a2, 6); andi a2, a2, PTE_A | PTE_D; CHECK(a2, 0)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage1: li a1, 0x111
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
