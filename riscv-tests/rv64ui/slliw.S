/* rv64ui/slliw: 32-bit shift left by immediate, sign-extended */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, slliw, 0x0000000000000001, 0x8000000000000001, 0)
        TEST_IMM_OP(3, slliw, 0x0000000000000002, 0x8000000000000001, 1)
        TEST_IMM_OP(4, slliw, 0x0000000000000080, 0x8000000000000001, 7)
        TEST_IMM_OP(5, slliw, 0x0000000000008000, 0x8000000000000001, 15)
        TEST_IMM_OP(6, slliw, 0xffffffff80000000, 0x8000000000000001, 31)
        TEST_IMM_OP(7, slliw, 0xffffffff9abcdef0, 0x123456789abcdef0, 0)
        TEST_IMM_OP(8, slliw, 0x000000003579bde0, 0x123456789abcdef0, 1)
        TEST_IMM_OP(9, slliw, 0x000000005e6f7800, 0x123456789abcdef0, 7)
        TEST_IMM_OP(10, slliw, 0x000000006f780000, 0x123456789abcdef0, 15)
        TEST_IMM_OP(11, slliw, 0x0000000000000000, 0x123456789abcdef0, 31)
        TEST_IMM_OP(12, slliw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
        TEST_IMM_OP(13, slliw, 0xfffffffffffffffe, 0xffffffffffffffff, 1)
        TEST_IMM_OP(14, slliw, 0xffffffffffffff80, 0xffffffffffffffff, 7)
        TEST_IMM_OP(15, slliw, 0xffffffffffff8000, 0xffffffffffffffff, 15)
        TEST_IMM_OP(16, slliw, 0xffffffff80000000, 0xffffffffffffffff, 31)
        TEST_IMM_OP(17, slliw, 0xffffffff80000000, 0x0000000080000000, 0)
        TEST_IMM_OP(18, slliw, 0x0000000000000000, 0x0000000080000000, 1)
        TEST_IMM_OP(19, slliw, 0x0000000000000000, 0x0000000080000000, 7)
        TEST_IMM_OP(20, slliw, 0x0000000000000000, 0x0000000080000000, 15)
        TEST_IMM_OP(21, slliw, 0x0000000000000000, 0x0000000080000000, 31)
        TEST_IMM_OP(22, slliw, 0x000000007fffffff, 0x000000007fffffff, 0)
        TEST_IMM_OP(23, slliw, 0xfffffffffffffffe, 0x000000007fffffff, 1)
        TEST_IMM_OP(24, slliw, 0xffffffffffffff80, 0x000000007fffffff, 7)
        TEST_IMM_OP(25, slliw, 0xffffffffffff8000, 0x000000007fffffff, 15)
        TEST_IMM_OP(26, slliw, 0xffffffff80000000, 0x000000007fffffff, 31)
        TEST_CASE(27, a1, 0xffffffff80000000, li a1, 0x000000007fffffff; slliw a1, a1, 31)
        TEST_CASE(28, a4, 0x0000000000000000, slliw a4, x0, 31)
        TEST_IMM_ZERODEST(29, slliw, 0x000000007fffffff, 31)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
