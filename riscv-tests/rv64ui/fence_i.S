/* rv64ui/fence_i: self-modifying code made visible by fence.i. Code in RAM
 * is first executed (so an emulator may have decoded/cached it), then
 * rewritten with stores, then fence.i, then executed again: the new
 * instructions must run. */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a1, patch
        jalr ra, 0(a1)          /* first run: old code, a4 = 1 */
        CHECK(a4, 1)
        li a2, 0x00200713       /* addi a4, x0, 2 */
        sw a2, 0(a1)
        fence.i
        jalr ra, 0(a1)
        CHECK(a4, 2)

test_3:                         /* rewrite again, several times in a loop */
        li TESTNUM, 3
        li s1, 0
        li s2, 10
1:      slli a2, s1, 20         /* addi a4, x0, s1 */
        li t0, 0x00000713
        or a2, a2, t0
        sw a2, 0(a1)
        fence.i
        jalr ra, 0(a1)
        bne a4, s1, fail
        addi s1, s1, 1
        blt s1, s2, 1b

test_4:                         /* a 16-bit instruction patched with sh */
        li TESTNUM, 4
        la a1, patch16
        jalr ra, 0(a1)
        CHECK(a4, 5)
        li a2, 0x4725           /* c.li a4, 9 */
        sh a2, 0(a1)
        fence.i
        jalr ra, 0(a1)
        CHECK(a4, 9)
        TEST_PASSFAIL
RVTEST_CODE_END

        .data                   /* writable and executable (bare M-mode) */
        .align 3
patch:
        .option push
        .option norvc
        addi a4, x0, 1
        ret
        .option pop
        .align 3
patch16:
        c.li a4, 5
        ret

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
