/* rv64si/canonical (Sv39; canonical_sv48 includes it for Sv48): VA bits
 * 63..VABITS must equal bit VABITS-1, else page fault (12/13/15) with
 * tval = the whole VA, even when the low bits would be mapped.  A properly
 * sign-extended upper-half VA translates through root[511]. */
#include "vm.h"

#ifdef VM_SV48
#define VABITS 48
#define TOP_VA 0xffffff8080000000   /* root[511]: 512 GiB leaf at PA 0 */
#define TOP_PTE (PTE_ALL)
#else
#define VABITS 39
#define TOP_VA 0xffffffffc0000000   /* root[511]: 1 GiB leaf at PA 0x80000000 */
#define TOP_PTE (((0x80000000 >> 12) << 10) | PTE_ALL)
#endif
#define BAD1 (TVA(1) | (1 << VABITS))        /* bit VABITS set, bit VABITS-1 clear */
#define BAD2 (TVA(1) | (1 << 63))
#define BAD3 (TVA(1) | (1 << (VABITS - 1)))  /* bit VABITS-1 set, upper clear */

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        la a0, vm_root; li a1, TOP_PTE; li a2, 511 * 8; add a0, a0, a2; sd a1, 0(a0)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3
        RUN_AS(1, li a0, BAD1; ld a1, 0(a0)); EXPECT_FAULT(13, BAD1)
test_4: li TESTNUM, 4
        RUN_AS(1, li a0, BAD2; ld a1, 0(a0)); EXPECT_FAULT(13, BAD2)
test_5: li TESTNUM, 5
        RUN_AS(1, li a0, BAD3; ld a1, 0(a0)); EXPECT_FAULT(13, BAD3)
test_6: li TESTNUM, 6
        RUN_AS(1, li a0, BAD1; sd a1, 0(a0)); EXPECT_FAULT(15, BAD1)
test_7: li TESTNUM, 7
        RUN_AS(1, li a0, BAD2; jalr a0); EXPECT_FAULT(12, BAD2)
test_8: li TESTNUM, 8           /* upper half: page A through root[511] */
        la a0, vm_pageA; li t0, 0x80000000; sub a0, a0, t0; mv s8, a0
        RUN_AS(1, li a0, TOP_VA; add a0, a0, s8; ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_9: li TESTNUM, 9           /* the same VA with bit 63 cleared: fault */
        li s9, TOP_VA & ~(1 << 63); add s9, s9, s8
        RUN_AS(1, mv a0, s9; ld a1, 0(a0)); CHECK(s5, 1); CHECK(s2, 13); bne s3, s9, fail
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
