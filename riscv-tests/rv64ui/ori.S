/* rv64ui/ori: or immediate (sign-extended) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, ori, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_IMM_OP(3, ori, 0x0000000000000001, 0x0000000000000001, 1)
        TEST_IMM_OP(4, ori, 0x0000000000000007, 0x0000000000000003, 7)
        TEST_IMM_OP(5, ori, 0xffffffffffffffff, 0xffffffffffffffff, 1)
        TEST_IMM_OP(6, ori, 0x000000007fffffff, 0x000000007fffffff, 1)
        TEST_IMM_OP(7, ori, 0xffffffffffffffff, 0x0000000080000000, -1)
        TEST_IMM_OP(8, ori, 0x7fffffffffffffff, 0x7fffffffffffffff, 1)
        TEST_IMM_OP(9, ori, 0xffffffffffffffff, 0x8000000000000000, -1)
        TEST_IMM_OP(10, ori, 0x123456789abcdfff, 0x123456789abcdef0, 2047)
        TEST_IMM_OP(11, ori, 0xfffffffffffffef0, 0x123456789abcdef0, -2048)
        TEST_IMM_OP(12, ori, 0xfffffffffffffffb, 0xfffffffffffffffb, 3)
        TEST_IMM_OP(13, ori, 0xfffffffffffffffd, 0x0000000000000005, -3)
        TEST_IMM_OP(14, ori, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_IMM_OP(15, ori, 0xff00ff00ff00ff0f, 0xff00ff00ff00ff00, 1807)
        TEST_CASE(16, a1, 0xff00ff00ff00ff0f, li a1, 0xff00ff00ff00ff00; ori a1, a1, 1807)
        TEST_CASE(17, a4, 0x000000000000070f, ori a4, x0, 1807)
        TEST_IMM_ZERODEST(18, ori, 0xff00ff00ff00ff00, 1807)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
