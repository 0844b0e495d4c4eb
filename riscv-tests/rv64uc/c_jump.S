/* rv64uc/c_jump: c.j (forward, backward), c.jr, c.jalr (link = pc + 2),
 * c.beqz / c.bnez taken and not taken in both directions; the link of a
 * 16-bit jump is 2 bytes on, not 4 */
#include "macros.h"

        .option rvc
RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        li a4, 0
        c.j 1f
        c.addi a4, 1
1:      c.addi a4, 2
        CHECK(a4, 2)

test_3:                         /* backward c.j */
        li TESTNUM, 3
        li a4, 0
        c.j 2f
1:      c.addi a4, 4
        c.j 3f
2:      c.addi a4, 1
        c.j 1b
3:      CHECK(a4, 5)

test_4:                         /* c.jr */
        li TESTNUM, 4
        li a4, 0
        la a5, 1f
        c.jr a5
        c.addi a4, 1
1:      CHECK(a4, 0)

test_5:                         /* c.jalr writes ra = pc + 2 */
        li TESTNUM, 5
        la a5, 1f
l5:     c.jalr a5
        c.j fail_far
1:      la t0, l5 + 2
        bne ra, t0, fail

test_6:                         /* c.jalr ra: target read before ra is written */
        li TESTNUM, 6
        la ra, 1f
l6:     c.jalr ra
        c.j fail_far
1:      la t0, l6 + 2
        bne ra, t0, fail

test_7:                         /* c.beqz / c.bnez */
        li TESTNUM, 7
        li a4, 0
        li a5, 0
        c.beqz a5, 1f
        c.addi a4, 1
1:      c.bnez a5, fail_far
        li a5, -1
        c.beqz a5, fail_far
        c.bnez a5, 2f
        c.addi a4, 1
2:      CHECK(a4, 0)

test_8:                         /* backward c.beqz / c.bnez loop */
        li TESTNUM, 8
        li a4, 0
        li a5, 10
1:      c.addi a4, 3
        c.addi a5, -1
        c.bnez a5, 1b
        CHECK(a4, 30)
        li a5, 0
        c.j 3f
2:      c.addi a4, 1
        c.j 4f
3:      c.beqz a5, 2b
        c.j fail_far
4:      CHECK(a4, 31)
        TEST_PASSFAIL
fail_far:
        j fail
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
