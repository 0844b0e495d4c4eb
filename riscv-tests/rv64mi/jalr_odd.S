/* rv64mi/jalr_odd: with C, instruction-address-misaligned cannot happen:
 * jalr to an odd address clears bit 0, jumps/branches to 2-aligned
 * addresses execute (no trap, mcause untouched). */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_NO_TRAP(2, la a1, 1f; addi a1, a1, 1; jalr ra, 0(a1); j fail; 1: nop)
        TEST_NO_TRAP(3, la a1, 1f; jalr ra, 3(a1); j fail; .balign 4; 1: c.nop; 2: nop)
test_4:                         /* a 4-byte instruction at a 2 (mod 4) address, reached by jalr */
        li TESTNUM, 4
        TRAP_RESET
        la a1, 1f
        jalr ra, 0(a1)
        j fail
        .balign 4
        c.nop
        .option push
        .option norvc
1:      addi a4, x0, 9
        .option pop
        CHECK(a4, 9)
        CHECK(s5, 0)
        andi t0, a1, 3
        CHECK(t0, 2)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
