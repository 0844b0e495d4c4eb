/* rv64ui/auipc: pc + (imm << 12), imm sign-extended; compared with la/jal links */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        .option push
        .option norvc
        jal a3, 1f              /* a3 = address of the auipc */
1:      auipc a4, 0
        .option pop
        bne a4, a3, fail

test_3:
        li TESTNUM, 3
        .option push
        .option norvc
        jal a3, 1f
1:      auipc a4, 1
        auipc a5, 0x80000       /* -2 GiB relative, at a3 + 4 */
        auipc a6, 0xfffff       /* -4 KiB, at a3 + 8 */
        .option pop
        li t0, 0x1000
        add t0, t0, a3
        bne a4, t0, fail
        li t0, 0xffffffff80000004
        add t0, t0, a3
        bne a5, t0, fail
        addi t0, a3, 8
        li t1, -4096
        add t0, t0, t1
        bne a6, t0, fail

test_4:                         /* auipc + addi reaches a known label */
        li TESTNUM, 4
        la a4, target4
        jal a3, target4
target4:
        bne a3, a4, fail
        TEST_CASE(5, x0, 0, auipc x0, 0x12345)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
