/* rv64ui/sraiw: 32-bit shift right arithmetic by immediate, sign-extended */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, sraiw, 0x0000000000000001, 0x8000000000000001, 0)
        TEST_IMM_OP(3, sraiw, 0x0000000000000000, 0x8000000000000001, 1)
        TEST_IMM_OP(4, sraiw, 0x0000000000000000, 0x8000000000000001, 7)
        TEST_IMM_OP(5, sraiw, 0x0000000000000000, 0x8000000000000001, 15)
        TEST_IMM_OP(6, sraiw, 0x0000000000000000, 0x8000000000000001, 31)
        TEST_IMM_OP(7, sraiw, 0xffffffff9abcdef0, 0x123456789abcdef0, 0)
        TEST_IMM_OP(8, sraiw, 0xffffffffcd5e6f78, 0x123456789abcdef0, 1)
        TEST_IMM_OP(9, sraiw, 0xffffffffff3579bd, 0x123456789abcdef0, 7)
        TEST_IMM_OP(10, sraiw, 0xffffffffffff3579, 0x123456789abcdef0, 15)
        TEST_IMM_OP(11, sraiw, 0xffffffffffffffff, 0x123456789abcdef0, 31)
        TEST_IMM_OP(12, sraiw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
        TEST_IMM_OP(13, sraiw, 0xffffffffffffffff, 0xffffffffffffffff, 1)
        TEST_IMM_OP(14, sraiw, 0xffffffffffffffff, 0xffffffffffffffff, 7)
        TEST_IMM_OP(15, sraiw, 0xffffffffffffffff, 0xffffffffffffffff, 15)
        TEST_IMM_OP(16, sraiw, 0xffffffffffffffff, 0xffffffffffffffff, 31)
        TEST_IMM_OP(17, sraiw, 0xffffffff80000000, 0x0000000080000000, 0)
        TEST_IMM_OP(18, sraiw, 0xffffffffc0000000, 0x0000000080000000, 1)
        TEST_IMM_OP(19, sraiw, 0xffffffffff000000, 0x0000000080000000, 7)
        TEST_IMM_OP(20, sraiw, 0xffffffffffff0000, 0x0000000080000000, 15)
        TEST_IMM_OP(21, sraiw, 0xffffffffffffffff, 0x0000000080000000, 31)
        TEST_IMM_OP(22, sraiw, 0x000000007fffffff, 0x000000007fffffff, 0)
        TEST_IMM_OP(23, sraiw, 0x000000003fffffff, 0x000000007fffffff, 1)
        TEST_IMM_OP(24, sraiw, 0x0000000000ffffff, 0x000000007fffffff, 7)
        TEST_IMM_OP(25, sraiw, 0x000000000000ffff, 0x000000007fffffff, 15)
        TEST_IMM_OP(26, sraiw, 0x0000000000000000, 0x000000007fffffff, 31)
        TEST_CASE(27, a1, 0x0000000000000000, li a1, 0x000000007fffffff; sraiw a1, a1, 31)
        TEST_CASE(28, a4, 0x0000000000000000, sraiw a4, x0, 31)
        TEST_IMM_ZERODEST(29, sraiw, 0x000000007fffffff, 31)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
