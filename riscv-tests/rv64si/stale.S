/* rv64si/stale: the TLB keeps a translation until sfence.vma covers it.
 * Map TVA(1) -> page A, load (cached), change the PTE to page B with no
 * fence: loads still see A, across traps, satp rewrites and a fence of
 * another address; after `sfence.vma TVA(1)` they see B.  An invalidated
 * PTE still translates until fenced.  The same for an instruction fetch. */
#include "vm.h"

#define LOAD1  li a0, TVA(1); ld a1, 0(a0)

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3           /* PTE -> B, no fence: still A */
        VM_MAP(1, vm_pageB, PTE_ALL)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_4: li TESTNUM, 4           /* store through the stale entry goes to A */
        RUN_AS(1, li a0, TVA(1); li a2, 0x5a5a; sd a2, 8(a0)); EXPECT_OK(1)
        la a0, vm_pageA; ld a1, 8(a0); CHECK(a1, 0x5a5a)
        la a0, vm_pageB; ld a1, 8(a0); CHECK(a1, 0)
test_5: li TESTNUM, 5           /* satp rewritten (M-mode, same value): still A */
        VM_SATP(1)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_6: li TESTNUM, 6           /* satp rewritten in S-mode: still A */
        RUN_AS(1, csrr a3, satp; csrw satp, a3; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_7: li TESTNUM, 7           /* fence of another page: still A */
        RUN_AS(1, li a3, TVA(2); sfence.vma a3, zero; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_8: li TESTNUM, 8           /* sfence.vma TVA(1): B */
        RUN_AS(1, li a3, TVA(1); sfence.vma a3, zero; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_9: li TESTNUM, 9           /* invalidated PTE, no fence: still B */
        VM_UNMAP(1)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_10: li TESTNUM, 10         /* full fence: page fault */
        RUN_AS(1, sfence.vma; LOAD1); EXPECT_FAULT(13, TVA(1))
test_11: li TESTNUM, 11         /* fetch: TVA(3) -> xpage1 (a1 = 0x111) */
        VM_MAP(3, xpage1, PTE_ALL)
        RUN_AS(1, sfence.vma; li a0, TVA(3); jalr a0); EXPECT_OK(1); CHECK(a1, 0x111)
test_12: li TESTNUM, 12         /* remapped to xpage2, no fence: still 0x111 */
        VM_MAP(3, xpage2, PTE_ALL)
        RUN_AS(1, li a0, TVA(3); jalr a0); EXPECT_OK(1); CHECK(a1, 0x111)
test_13: li TESTNUM, 13
        RUN_AS(1, li a0, TVA(3); sfence.vma a0, zero; jalr a0); EXPECT_OK(1); CHECK(a1, 0x222)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage1: li a1, 0x111
        ret
        .align 12
xpage2: li a1, 0x222
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
