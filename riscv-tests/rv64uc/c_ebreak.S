/* rv64uc/c_ebreak: c.ebreak raises breakpoint (mcause 3) with mepc = its
 * address; the handler resumes 2 bytes on. Also the 4-byte ebreak (same
 * cause, resumes 4 bytes on), and a 32-bit instruction at a 2-aligned
 * address after a 16-bit one executes normally. */
#include "macros.h"

        .option rvc
RVTEST_CODE_BEGIN
        TEST_TRAP(2, 3, c.ebreak)
        TEST_TRAP(3, 3, .option push; .option norvc; ebreak; .option pop)
test_4:
        li TESTNUM, 4
        TRAP_RESET
        li a4, 0
        c.nop
1:      c.ebreak
        c.addi a4, 1            /* resumed here */
        CHECK(s5, 1)
        CHECK(a4, 1)
        la t0, 1b
        bne s4, t0, fail
test_5:
        li TESTNUM, 5
        .balign 4
        c.nop
        .option push
        .option norvc
        addi a4, x0, 77         /* 4-byte instruction at a 2 (mod 4) address */
        .option pop
        CHECK(a4, 77)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
