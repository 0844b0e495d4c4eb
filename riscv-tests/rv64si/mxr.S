/* rv64si/mxr: a load from an execute-only page faults unless mstatus.MXR;
 * MXR makes it readable but not writable. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_V | PTE_X | PTE_A | PTE_D)
        VM_MAP(2, vm_pageB, PTE_V | PTE_X | PTE_U | PTE_A | PTE_D)
        VM_SATP(1)
        sfence.vma
        li t0, MSTATUS_MXR | MSTATUS_SUM; csrc mstatus, t0
test_2: li TESTNUM, 2
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
test_3: li TESTNUM, 3           /* MXR = 1 */
        li t0, MSTATUS_MXR; csrs mstatus, t0
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_4: li TESTNUM, 4           /* but no store */
        RUN_AS(1, li a0, TVA(1); sd a0, 8(a0)); EXPECT_FAULT(15, TVA(1) + 8)
test_5: li TESTNUM, 5           /* MXR with SUM on an X-only U page */
        li t0, MSTATUS_SUM; csrs mstatus, t0
        RUN_AS(1, li a0, TVA(2); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_6: li TESTNUM, 6           /* MXR = 0 again: fault (the cached entry is rechecked) */
        li t0, MSTATUS_MXR; csrc mstatus, t0
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
