/* rv64si/asid: TLB entries are ASID-tagged.  ASID 1 (vm_root) maps TVA(1)
 * -> A, ASID 2 (vm_root2) maps TVA(1) -> B.  The ASID 1 entry survives a
 * switch to ASID 2 and back (a stale PTE is still seen); a global mapping
 * survives `sfence.vma x0, asid`; `sfence.vma va, asid2` leaves ASID 1's
 * entry alone, `sfence.vma va, asid1` removes it. */
#include "vm.h"

#define LOAD1  li a0, TVA(1); ld a1, 0(a0)
#define LOAD2  li a0, TVA(2); ld a1, 0(a0)

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        VM_MAP2(1, vm_pageB, PTE_ALL)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3           /* ASID 2 sees its own mapping */
        VM_SATP2(2)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_4: li TESTNUM, 4           /* ASID 1's PTE -> C, back to ASID 1: stale A */
        VM_MAP(1, vm_pageC, PTE_ALL)
        VM_SATP(1)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_5: li TESTNUM, 5           /* and ASID 2's entry survived too */
        VM_MAP2(1, vm_pageC, PTE_ALL)
        VM_SATP2(2)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
        VM_SATP(1)
test_6: li TESTNUM, 6           /* global TVA(2) -> A in ASID 1, cached */
        VM_MAP(2, vm_pageA, PTE_ALL | PTE_G)
        RUN_AS(1, LOAD2); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_7: li TESTNUM, 7           /* -> B; sfence.vma x0, 1: global stays A, TVA(1) now C */
        VM_MAP(2, vm_pageB, PTE_ALL | PTE_G)
        RUN_AS(1, li a3, 1; sfence.vma zero, a3; LOAD2); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
test_8: li TESTNUM, 8           /* sfence.vma TVA(2), x0 removes the global entry */
        RUN_AS(1, li a3, TVA(2); sfence.vma a3, zero; LOAD2); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_9: li TESTNUM, 9           /* TVA(1) -> A; sfence.vma TVA(1), 2: ASID 1 still C */
        VM_MAP(1, vm_pageA, PTE_ALL)
        RUN_AS(1, li a3, TVA(1); li a4, 2; sfence.vma a3, a4; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
test_10: li TESTNUM, 10         /* sfence.vma TVA(1), 1: A */
        RUN_AS(1, li a3, TVA(1); li a4, 1; sfence.vma a3, a4; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_11: li TESTNUM, 11         /* ASID 2's TVA(1) entry went with test 9's fence: C */
        VM_SATP2(2)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
test_12: li TESTNUM, 12         /* root2 -> A; sfence.vma x0, 1 leaves ASID 2: still C */
        VM_MAP2(1, vm_pageA, PTE_ALL)
        RUN_AS(1, li a4, 1; sfence.vma zero, a4; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
test_13: li TESTNUM, 13         /* sfence.vma x0, 2: A */
        RUN_AS(1, li a4, 2; sfence.vma zero, a4; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
