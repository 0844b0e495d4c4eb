/* rv64ui/jal: link value = pc + 4, forward and backward targets, rd = x0 (plain jump) */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        li ra, 0
l2:     jal ra, 1f              /* link = l2 + 4 */
        j fail
1:      la t0, l2 + 4
        bne ra, t0, fail

test_3:                         /* backward jump, link in a non-ra register */
        li TESTNUM, 3
        j 2f
1:      la t0, l3 + 4
        bne a5, t0, fail
        j 3f
2:
l3:     jal a5, 1b
        j fail
3:

test_4:                         /* jal x0 writes nothing */
        li TESTNUM, 4
        jal x0, 1f
        j fail
1:      bnez x0, fail

test_5:                         /* instructions after a taken jal are not executed */
        li TESTNUM, 5
        li a4, 0
        jal a3, 1f
        addi a4, a4, 1
        addi a4, a4, 1
1:      addi a4, a4, 3
        CHECK(a4, 3)

test_6:                         /* a far jump (more than 4 KiB: beyond branch range) */
        li TESTNUM, 6
l6:     jal a3, 2f
        j fail
        .fill 2048, 4, 0x00000013
2:      la t0, l6 + 4
        bne a3, t0, fail

test_7:                         /* and far back */
        li TESTNUM, 7
        j 3f
1:      la t0, l7 + 4
        bne a3, t0, fail
        j 4f
3:      .fill 2048, 4, 0x00000013
l7:     jal a3, 1b
        j fail
4:
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
