/* rv64uzba/slli_uw: rd = zext32(rs1) << shamt */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, slli.uw, 0x00000000ffffffff, 0xffffffffffffffff, 0)
        TEST_IMM_OP(3, slli.uw, 0x00000001fffffffe, 0xffffffffffffffff, 1)
        TEST_IMM_OP(4, slli.uw, 0x7fffffff80000000, 0xffffffffffffffff, 31)
        TEST_IMM_OP(5, slli.uw, 0xffffffff00000000, 0xffffffffffffffff, 32)
        TEST_IMM_OP(6, slli.uw, 0x8000000000000000, 0xffffffffffffffff, 63)
        TEST_IMM_OP(7, slli.uw, 0x000000007fffffff, 0x000000007fffffff, 0)
        TEST_IMM_OP(8, slli.uw, 0x00000000fffffffe, 0x000000007fffffff, 1)
        TEST_IMM_OP(9, slli.uw, 0x3fffffff80000000, 0x000000007fffffff, 31)
        TEST_IMM_OP(10, slli.uw, 0x7fffffff00000000, 0x000000007fffffff, 32)
        TEST_IMM_OP(11, slli.uw, 0x8000000000000000, 0x000000007fffffff, 63)
        TEST_IMM_OP(12, slli.uw, 0x0000000080000000, 0x0000000080000000, 0)
        TEST_IMM_OP(13, slli.uw, 0x0000000100000000, 0x0000000080000000, 1)
        TEST_IMM_OP(14, slli.uw, 0x4000000000000000, 0x0000000080000000, 31)
        TEST_IMM_OP(15, slli.uw, 0x8000000000000000, 0x0000000080000000, 32)
        TEST_IMM_OP(16, slli.uw, 0x0000000000000000, 0x0000000080000000, 63)
        TEST_IMM_OP(17, slli.uw, 0x0000000000000000, 0x8000000000000000, 0)
        TEST_IMM_OP(18, slli.uw, 0x0000000000000000, 0x8000000000000000, 1)
        TEST_IMM_OP(19, slli.uw, 0x0000000000000000, 0x8000000000000000, 31)
        TEST_IMM_OP(20, slli.uw, 0x0000000000000000, 0x8000000000000000, 32)
        TEST_IMM_OP(21, slli.uw, 0x0000000000000000, 0x8000000000000000, 63)
        TEST_IMM_OP(22, slli.uw, 0x00000000ffffffff, 0x7fffffffffffffff, 0)
        TEST_IMM_OP(23, slli.uw, 0x00000001fffffffe, 0x7fffffffffffffff, 1)
        TEST_IMM_OP(24, slli.uw, 0x7fffffff80000000, 0x7fffffffffffffff, 31)
        TEST_IMM_OP(25, slli.uw, 0xffffffff00000000, 0x7fffffffffffffff, 32)
        TEST_IMM_OP(26, slli.uw, 0x8000000000000000, 0x7fffffffffffffff, 63)
        TEST_IMM_OP(27, slli.uw, 0x000000009abcdef0, 0x123456789abcdef0, 0)
        TEST_IMM_OP(28, slli.uw, 0x000000013579bde0, 0x123456789abcdef0, 1)
        TEST_IMM_OP(29, slli.uw, 0x4d5e6f7800000000, 0x123456789abcdef0, 31)
        TEST_IMM_OP(30, slli.uw, 0x9abcdef000000000, 0x123456789abcdef0, 32)
        TEST_IMM_OP(31, slli.uw, 0x0000000000000000, 0x123456789abcdef0, 63)
        TEST_CASE(32, a1, 0x0000000000000000, li a1, 0x123456789abcdef0; slli.uw a1, a1, 63)
        TEST_CASE(33, a4, 0x0000000000000000, slli.uw a4, x0, 63)
        TEST_IMM_ZERODEST(34, slli.uw, 0x123456789abcdef0, 63)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
