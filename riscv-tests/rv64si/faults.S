/* rv64si/faults: page-fault causes 12/13/15 and stval = the faulting VA:
 * unmapped page, write to a read-only page, fetch from a non-executable
 * page, AMO/LR/SC, and a 4-byte instruction straddling a page boundary
 * whose second page is unmapped (or not executable): cause 12,
 * epc = the instruction, tval = the second page's address. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_V | PTE_R | PTE_A | PTE_D)
        VM_MAP(2, vm_pageB, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        VM_MAP(6, xstraddle, PTE_V | PTE_R | PTE_X | PTE_A | PTE_D)
        VM_MAP(8, xstraddle, PTE_V | PTE_R | PTE_X | PTE_A | PTE_D)
        VM_MAP(9, vm_pageC, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        RUN_AS(1, li a0, TVA(5) + 0x123; lb a1, 0(a0)); EXPECT_FAULT(13, TVA(5) + 0x123)
test_3: li TESTNUM, 3
        RUN_AS(1, li a0, TVA(5) + 0x7f0; sw a1, 0(a0)); EXPECT_FAULT(15, TVA(5) + 0x7f0)
test_4: li TESTNUM, 4
        RUN_AS(1, li a0, TVA(5) + 8; amoadd.d a1, a1, (a0)); EXPECT_FAULT(15, TVA(5) + 8)
test_5: li TESTNUM, 5
        RUN_AS(1, li a0, TVA(5) + 0x40; jalr a0); EXPECT_FAULT(12, TVA(5) + 0x40); CHECK(s4, TVA(5) + 0x40)
test_6: li TESTNUM, 6           /* store to a read-only page */
        RUN_AS(1, li a0, TVA(1) + 0x10; sd a1, 0(a0)); EXPECT_FAULT(15, TVA(1) + 0x10)
test_7: li TESTNUM, 7           /* AMO to a read-only page: 15 */
        RUN_AS(1, li a0, TVA(1) + 0x18; amoor.d a1, a1, (a0)); EXPECT_FAULT(15, TVA(1) + 0x18)
test_8: li TESTNUM, 8           /* lr from a readable page works; load from it too */
        RUN_AS(1, li a0, TVA(1); lr.d a1, (a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_9: li TESTNUM, 9           /* fetch from a non-executable page */
        RUN_AS(1, li a0, TVA(2) + 4; jalr a0); EXPECT_FAULT(12, TVA(2) + 4)
test_10: li TESTNUM, 10         /* straddle, second page unmapped */
        RUN_AS(1, li a0, TVA(6) + 0xffe; jalr a0)
        EXPECT_FAULT(12, TVA(7)); CHECK(s4, TVA(6) + 0xffe)
test_11: li TESTNUM, 11         /* straddle, second page mapped but not X */
        RUN_AS(1, li a0, TVA(8) + 0xffe; jalr a0)
        EXPECT_FAULT(12, TVA(9)); CHECK(s4, TVA(8) + 0xffe)
test_12: li TESTNUM, 12         /* straddle, both pages X: runs (li a1, 0x5a) */
        VM_MAP(7, xstraddle2, PTE_V | PTE_R | PTE_X | PTE_A | PTE_D)
        RUN_AS(1, li a1, 0; li a0, TVA(6) + 0xffe; jalr a0); EXPECT_OK(1); CHECK(a1, 0x5a)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xstraddle:
        .skip 0xffe
        .2byte 0x0593           /* addi a1, zero, 0x5a = 0x05a00593: low half here */
xstraddle2:
        .2byte 0x05a0           /* high half at the start of the next page */
        ret
        .align 12
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
