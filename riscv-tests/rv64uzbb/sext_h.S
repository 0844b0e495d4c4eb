/* rv64uzbb/sext_h: sign-extend halfword */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_R_OP(2, sext.h, 0x0000000000000000, 0x0000000000000000)
        TEST_R_OP(3, sext.h, 0x0000000000000001, 0x0000000000000001)
        TEST_R_OP(4, sext.h, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_R_OP(5, sext.h, 0xffffffffffffffff, 0x000000007fffffff)
        TEST_R_OP(6, sext.h, 0x0000000000000000, 0x0000000080000000)
        TEST_R_OP(7, sext.h, 0x0000000000000000, 0x8000000000000000)
        TEST_R_OP(8, sext.h, 0xffffffffffffffff, 0x7fffffffffffffff)
        TEST_R_OP(9, sext.h, 0xffffffffffffdef0, 0x123456789abcdef0)
        TEST_R_OP(10, sext.h, 0xfffffffffffff000, 0x00000000fffff000)
        TEST_R_OP(11, sext.h, 0x0000000000000001, 0xffffffff00000001)
        TEST_R_OP(12, sext.h, 0x0000000000000000, 0x0000000100000000)
        TEST_R_OP(13, sext.h, 0x0000000000000001, 0x8000000000000001)
        TEST_R_OP(14, sext.h, 0xfffffffffffff000, 0x00ff00000000f000)
        TEST_R_OP(15, sext.h, 0x0000000000000080, 0x0000000000000080)
        TEST_R_OP(16, sext.h, 0x000000000000007f, 0x000000000000007f)
        TEST_R_OP(17, sext.h, 0x00000000000000ff, 0x00000000000000ff)
        TEST_R_OP(18, sext.h, 0xffffffffffff8000, 0x0000000000008000)
        TEST_R_OP(19, sext.h, 0x0000000000007fff, 0x0000000000007fff)
        TEST_R_OP(20, sext.h, 0xffffffffffff8081, 0x12345678abcd8081)
        TEST_CASE(21, a1, 0xffffffffffff8081, li a1, 0x12345678abcd8081; sext.h a1, a1)
        TEST_CASE(22, x0, 0, li a1, 0x12345678abcd8081; sext.h x0, a1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
