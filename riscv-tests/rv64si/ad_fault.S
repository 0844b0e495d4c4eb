/* rv64si/ad_fault: with --ad=fault (Svade) the walker never writes A/D: an
 * access to a page with A = 0, or a store to one with D = 0, page-faults
 * and the PTE is unchanged.
 * pagoda-args: --ad=fault */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_RWX)
        VM_MAP(2, vm_pageB, PTE_RWX | PTE_A)
        VM_MAP(3, xpage1, PTE_RWX)
        VM_MAP(4, vm_pageC, PTE_ALL)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2           /* load, A = 0 */
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
        CHECK_PTE(1, vm_pageA, PTE_RWX)
test_3: li TESTNUM, 3           /* store, A = 0 */
        RUN_AS(1, li a0, TVA(1); sd a0, 0(a0)); EXPECT_FAULT(15, TVA(1))
        CHECK_PTE(1, vm_pageA, PTE_RWX)
test_4: li TESTNUM, 4           /* A = 1, D = 0: load works, store faults */
        RUN_AS(1, li a0, TVA(2); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
        RUN_AS(1, li a0, TVA(2) + 8; sd a0, 0(a0)); EXPECT_FAULT(15, TVA(2) + 8)
        CHECK_PTE(2, vm_pageB, PTE_RWX | PTE_A)
        la a0, vm_pageB; ld a1, 8(a0); CHECK(a1, 0)
test_5: li TESTNUM, 5           /* AMO, D = 0 */
        RUN_AS(1, li a0, TVA(2) + 8; amoadd.d a1, a0, (a0)); EXPECT_FAULT(15, TVA(2) + 8)
test_6: li TESTNUM, 6           /* fetch, A = 0 */
        RUN_AS(1, li a0, TVA(3); jalr a0); EXPECT_FAULT(12, TVA(3))
        CHECK_PTE(3, xpage1, PTE_RWX)
test_7: li TESTNUM, 7           /* A = D = 1: everything works */
        RUN_AS(1, li a0, TVA(4); sd a0, 8(a0); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
test_8: li TESTNUM, 8           /* software sets A (and fences): the load works */
        VM_MAP(1, vm_pageA, PTE_RWX | PTE_A)
        RUN_AS(1, li a0, TVA(1); sfence.vma a0, zero; ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage1: li a1, 0x111
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
