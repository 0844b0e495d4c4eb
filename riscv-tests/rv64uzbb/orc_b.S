/* rv64uzbb/orc_b: each byte = 0xff if non-zero else 0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_R_OP(2, orc.b, 0x0000000000000000, 0x0000000000000000)
        TEST_R_OP(3, orc.b, 0x00000000000000ff, 0x0000000000000001)
        TEST_R_OP(4, orc.b, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_R_OP(5, orc.b, 0x00000000ffffffff, 0x000000007fffffff)
        TEST_R_OP(6, orc.b, 0x00000000ff000000, 0x0000000080000000)
        TEST_R_OP(7, orc.b, 0xff00000000000000, 0x8000000000000000)
        TEST_R_OP(8, orc.b, 0xffffffffffffffff, 0x7fffffffffffffff)
        TEST_R_OP(9, orc.b, 0xffffffffffffffff, 0x123456789abcdef0)
        TEST_R_OP(10, orc.b, 0x00000000ffffff00, 0x00000000fffff000)
        TEST_R_OP(11, orc.b, 0xffffffff000000ff, 0xffffffff00000001)
        TEST_R_OP(12, orc.b, 0x000000ff00000000, 0x0000000100000000)
        TEST_R_OP(13, orc.b, 0xff000000000000ff, 0x8000000000000001)
        TEST_R_OP(14, orc.b, 0x00ff00000000ff00, 0x00ff00000000f000)
        TEST_R_OP(15, orc.b, 0x00000000000000ff, 0x0000000000000080)
        TEST_R_OP(16, orc.b, 0x00000000000000ff, 0x000000000000007f)
        TEST_R_OP(17, orc.b, 0x00000000000000ff, 0x00000000000000ff)
        TEST_R_OP(18, orc.b, 0x000000000000ff00, 0x0000000000008000)
        TEST_R_OP(19, orc.b, 0x000000000000ffff, 0x0000000000007fff)
        TEST_R_OP(20, orc.b, 0xffffffffffffffff, 0x12345678abcd8081)
        TEST_CASE(21, a1, 0xffffffffffffffff, li a1, 0x12345678abcd8081; orc.b a1, a1)
        TEST_CASE(22, x0, 0, li a1, 0x12345678abcd8081; orc.b x0, a1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
