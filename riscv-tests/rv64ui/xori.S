/* rv64ui/xori: xor immediate (sign-extended); xori -1 is not */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, xori, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_IMM_OP(3, xori, 0x0000000000000000, 0x0000000000000001, 1)
        TEST_IMM_OP(4, xori, 0x0000000000000004, 0x0000000000000003, 7)
        TEST_IMM_OP(5, xori, 0xfffffffffffffffe, 0xffffffffffffffff, 1)
        TEST_IMM_OP(6, xori, 0x000000007ffffffe, 0x000000007fffffff, 1)
        TEST_IMM_OP(7, xori, 0xffffffff7fffffff, 0x0000000080000000, -1)
        TEST_IMM_OP(8, xori, 0x7ffffffffffffffe, 0x7fffffffffffffff, 1)
        TEST_IMM_OP(9, xori, 0x7fffffffffffffff, 0x8000000000000000, -1)
        TEST_IMM_OP(10, xori, 0x123456789abcd90f, 0x123456789abcdef0, 2047)
        TEST_IMM_OP(11, xori, 0xedcba987654326f0, 0x123456789abcdef0, -2048)
        TEST_IMM_OP(12, xori, 0xfffffffffffffff8, 0xfffffffffffffffb, 3)
        TEST_IMM_OP(13, xori, 0xfffffffffffffff8, 0x0000000000000005, -3)
        TEST_IMM_OP(14, xori, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_IMM_OP(15, xori, 0xff00ff00ff00f80f, 0xff00ff00ff00ff00, 1807)
        TEST_CASE(16, a1, 0xff00ff00ff00f80f, li a1, 0xff00ff00ff00ff00; xori a1, a1, 1807)
        TEST_CASE(17, a4, 0x000000000000070f, xori a4, x0, 1807)
        TEST_IMM_ZERODEST(18, xori, 0xff00ff00ff00ff00, 1807)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
