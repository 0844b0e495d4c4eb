/* rv64si/sum: S-mode access to a U page faults without mstatus.SUM and
 * works with it; S-mode fetch from a U page faults even with SUM; U-mode
 * reaches U pages but not S pages. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL | PTE_U)
        VM_MAP(2, vm_pageB, PTE_ALL)
        VM_MAP(3, xpage_u, PTE_ALL | PTE_U)
        VM_SATP(1)
        sfence.vma
        li t0, MSTATUS_SUM; csrc mstatus, t0
test_2: li TESTNUM, 2
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
test_3: li TESTNUM, 3
        RUN_AS(1, li a0, TVA(1); sd a0, 8(a0)); EXPECT_FAULT(15, TVA(1) + 8)
test_4: li TESTNUM, 4           /* SUM = 1 */
        li t0, MSTATUS_SUM; csrs mstatus, t0
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_5: li TESTNUM, 5
        RUN_AS(1, li a0, TVA(1); sd a0, 8(a0); ld a1, 8(a0)); EXPECT_OK(1); CHECK(a1, TVA(1))
test_6: li TESTNUM, 6           /* fetch from a U page with SUM = 1: fault */
        RUN_AS(1, li a0, TVA(3) + 8; jalr a0); EXPECT_FAULT(12, TVA(3) + 8)
test_7: li TESTNUM, 7           /* SUM = 0 again: fault again (no flush needed) */
        li t0, MSTATUS_SUM; csrc mstatus, t0
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
test_8: li TESTNUM, 8           /* U-mode: load from a U page */
        TRAP_RESET; la s6, 1f; li a0, TVA(1)
        li t0, 3 << 11; csrc mstatus, t0
        li t0, TVA(3); csrw mepc, t0; mret
1:      CHECK(s5, 1); CHECK(s2, 8); CHECK(a1, PAGE_A_VAL)
test_9: li TESTNUM, 9           /* U-mode: load from an S page */
        TRAP_RESET; la s6, 1f; li a0, TVA(2)
        li t0, 3 << 11; csrc mstatus, t0
        li t0, TVA(3); csrw mepc, t0; mret
1:      EXPECT_FAULT(13, TVA(2))
test_10: li TESTNUM, 10         /* U-mode: fetch from an S page (the identity map) */
        TRAP_RESET; la s6, 1f
        li t0, 3 << 11; csrc mstatus, t0
        la t0, 1f; csrw mepc, t0; mret
1:      la t0, 1b; CHECK(s5, 1); CHECK(s2, 12); bne s3, t0, fail
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage_u: ld a1, 0(a0)           /* U code: entered at TVA(3) */
        ecall
        j fail                  /* TVA(3) + 8: never reached */
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
