/* rv64si/tvm: with mstatus.TVM = 1, sfence.vma and satp accesses from
 * S-mode raise illegal instruction (2); with TVM = 0 they work; M-mode is
 * not affected. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_SATP(1)
        sfence.vma
        li t0, MSTATUS_TVM; csrs mstatus, t0
test_2: li TESTNUM, 2
        RUN_AS(1, sfence.vma); CHECK(s5, 1); CHECK(s2, 2)
test_3: li TESTNUM, 3
        RUN_AS(1, li a0, TVA(1); li a1, 1; sfence.vma a0, a1); CHECK(s5, 1); CHECK(s2, 2)
test_4: li TESTNUM, 4
        RUN_AS(1, csrr a0, satp); CHECK(s5, 1); CHECK(s2, 2)
test_5: li TESTNUM, 5
        csrr a1, satp
        RUN_AS(1, csrw satp, zero); CHECK(s5, 1); CHECK(s2, 2)
        csrr a2, satp; bne a1, a2, fail
test_6: li TESTNUM, 6           /* M-mode unaffected */
        csrr a0, satp; csrw satp, a0; sfence.vma
test_7: li TESTNUM, 7           /* TVM = 0 */
        li t0, MSTATUS_TVM; csrc mstatus, t0
        RUN_AS(1, sfence.vma; csrr a0, satp; csrw satp, a0); EXPECT_OK(1)
        csrr a1, satp; bne a0, a1, fail
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
