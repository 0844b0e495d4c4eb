/* rv64uc/c_sp: stack-pointer forms: c.addi16sp (scaled by 16, negative),
 * c.addi4spn (scaled by 4, zero-extended), c.lwsp (sign-extends), c.ldsp,
 * c.swsp, c.sdsp, c.fldsp, c.fsdsp, with their largest offsets */
#include "macros.h"

        .option rvc
RVTEST_CODE_BEGIN
        la sp, stack_mid
        mv s1, sp
        TEST_CASE(2, a4, 16, c.addi16sp sp, 16; sub a4, sp, s1)
        TEST_CASE(3, a4, -512, mv sp, s1; c.addi16sp sp, -512; sub a4, sp, s1)
        TEST_CASE(4, a4, 496, mv sp, s1; c.addi16sp sp, 496; sub a4, sp, s1)
        TEST_CASE(5, a4, 4, mv sp, s1; c.addi4spn a4, sp, 4; sub a4, a4, s1)
        TEST_CASE(6, a4, 1020, mv sp, s1; c.addi4spn a4, sp, 1020; sub a4, a4, s1)
        TEST_CASE(7, a4, 0xffffffff87654321, mv sp, s1; li a3, 0x87654321; c.swsp a3, 252(sp); c.lwsp a4, 252(sp))
        TEST_CASE(8, a4, 0x0000000087654321, lwu a4, 252(sp))
        TEST_CASE(9, a4, 0x8877665544332211, li a3, 0x8877665544332211; c.sdsp a3, 504(sp); c.ldsp a4, 504(sp))
        TEST_CASE(10, a4, 0x8877665544332211, ld a4, 504(sp))
        TEST_CASE(11, t3, 0x0102030405060708, li a3, 0x0102030405060708; c.sdsp a3, 0(sp); c.ldsp t3, 0(sp)) /* any rd */
        TEST_CASE(12, a4, 0x0102030405060708, c.fldsp ft1, 0(sp); c.fsdsp ft1, 8(sp); c.fsdsp ft1, 504(sp); ld a4, 8(sp))
        TEST_CASE(13, a4, 0x0102030405060708, ld a4, 504(sp))
        TEST_CASE(14, a4, 0x0000000011112222, li a3, 0x11112222; c.swsp a3, 0(sp); c.lwsp a4, 0(sp))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 4
        .fill 128, 8, 0
stack_mid:
        .fill 128, 8, 0
        RVTEST_DATA_END
