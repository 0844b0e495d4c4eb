/* rv64ui/jalr: target = (rs1 + imm) & ~1, link = pc + 4 computed before the
 * jump (also when rd == rs1), negative offsets, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a1, 1f
l2:     jalr ra, 0(a1)
        j fail
1:      la t0, l2 + 4
        bne ra, t0, fail

test_3:                         /* positive and negative immediates */
        li TESTNUM, 3
        la a1, 1f + 100
l3:     jalr a5, -100(a1)
        j fail
1:      la t0, l3 + 4
        bne a5, t0, fail
        la a1, 2f - 64
        jalr a5, 64(a1)
        j fail
2:

test_4:                         /* bit 0 of the target is cleared */
        li TESTNUM, 4
        la a1, 1f
        addi a1, a1, 1
        jalr a5, 0(a1)
        j fail
1:      la a1, 2f
        jalr a5, 1(a1)          /* odd immediate: sum is odd, bit 0 cleared */
        j fail
2:

test_5:                         /* rd == rs1: the old rs1 is the base */
        li TESTNUM, 5
        la a1, 1f
l5:     jalr a1, 0(a1)
        j fail
1:      la t0, l5 + 4
        bne a1, t0, fail

test_6:                         /* rd = x0 (ret-like jump) */
        li TESTNUM, 6
        la a1, 1f
        jalr x0, 0(a1)
        j fail
1:      bnez x0, fail

test_7:                         /* call / return pair */
        li TESTNUM, 7
        li a4, 0
        call sub7
        CHECK(a4, 7)
        j 1f
sub7:   li a4, 7
        ret
1:
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
