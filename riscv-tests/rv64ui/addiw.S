/* rv64ui/addiw: 32-bit add immediate, sign-extended; addiw rd, rs, 0 = sext.w */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, addiw, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_IMM_OP(3, addiw, 0x0000000000000002, 0x0000000000000001, 1)
        TEST_IMM_OP(4, addiw, 0x000000000000000a, 0x0000000000000003, 7)
        TEST_IMM_OP(5, addiw, 0x0000000000000000, 0xffffffffffffffff, 1)
        TEST_IMM_OP(6, addiw, 0xffffffff80000000, 0x000000007fffffff, 1)
        TEST_IMM_OP(7, addiw, 0x000000007fffffff, 0x0000000080000000, -1)
        TEST_IMM_OP(8, addiw, 0x0000000000000000, 0x7fffffffffffffff, 1)
        TEST_IMM_OP(9, addiw, 0xffffffffffffffff, 0x8000000000000000, -1)
        TEST_IMM_OP(10, addiw, 0xffffffff9abce6ef, 0x123456789abcdef0, 2047)
        TEST_IMM_OP(11, addiw, 0xffffffff9abcd6f0, 0x123456789abcdef0, -2048)
        TEST_IMM_OP(12, addiw, 0xfffffffffffffffe, 0xfffffffffffffffb, 3)
        TEST_IMM_OP(13, addiw, 0x0000000000000002, 0x0000000000000005, -3)
        TEST_IMM_OP(14, addiw, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_IMM_OP(15, addiw, 0xffffffffff01060f, 0xff00ff00ff00ff00, 1807)
        TEST_CASE(16, a1, 0xffffffffff01060f, li a1, 0xff00ff00ff00ff00; addiw a1, a1, 1807)
        TEST_CASE(17, a4, 0x000000000000070f, addiw a4, x0, 1807)
        TEST_IMM_ZERODEST(18, addiw, 0xff00ff00ff00ff00, 1807)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
