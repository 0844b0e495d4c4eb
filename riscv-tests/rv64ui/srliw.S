/* rv64ui/srliw: 32-bit shift right logical by immediate, sign-extended */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, srliw, 0x0000000000000001, 0x8000000000000001, 0)
        TEST_IMM_OP(3, srliw, 0x0000000000000000, 0x8000000000000001, 1)
        TEST_IMM_OP(4, srliw, 0x0000000000000000, 0x8000000000000001, 7)
        TEST_IMM_OP(5, srliw, 0x0000000000000000, 0x8000000000000001, 15)
        TEST_IMM_OP(6, srliw, 0x0000000000000000, 0x8000000000000001, 31)
        TEST_IMM_OP(7, srliw, 0xffffffff9abcdef0, 0x123456789abcdef0, 0)
        TEST_IMM_OP(8, srliw, 0x000000004d5e6f78, 0x123456789abcdef0, 1)
        TEST_IMM_OP(9, srliw, 0x00000000013579bd, 0x123456789abcdef0, 7)
        TEST_IMM_OP(10, srliw, 0x0000000000013579, 0x123456789abcdef0, 15)
        TEST_IMM_OP(11, srliw, 0x0000000000000001, 0x123456789abcdef0, 31)
        TEST_IMM_OP(12, srliw, 0xffffffffffffffff, 0xffffffffffffffff, 0)
        TEST_IMM_OP(13, srliw, 0x000000007fffffff, 0xffffffffffffffff, 1)
        TEST_IMM_OP(14, srliw, 0x0000000001ffffff, 0xffffffffffffffff, 7)
        TEST_IMM_OP(15, srliw, 0x000000000001ffff, 0xffffffffffffffff, 15)
        TEST_IMM_OP(16, srliw, 0x0000000000000001, 0xffffffffffffffff, 31)
        TEST_IMM_OP(17, srliw, 0xffffffff80000000, 0x0000000080000000, 0)
        TEST_IMM_OP(18, srliw, 0x0000000040000000, 0x0000000080000000, 1)
        TEST_IMM_OP(19, srliw, 0x0000000001000000, 0x0000000080000000, 7)
        TEST_IMM_OP(20, srliw, 0x0000000000010000, 0x0000000080000000, 15)
        TEST_IMM_OP(21, srliw, 0x0000000000000001, 0x0000000080000000, 31)
        TEST_IMM_OP(22, srliw, 0x000000007fffffff, 0x000000007fffffff, 0)
        TEST_IMM_OP(23, srliw, 0x000000003fffffff, 0x000000007fffffff, 1)
        TEST_IMM_OP(24, srliw, 0x0000000000ffffff, 0x000000007fffffff, 7)
        TEST_IMM_OP(25, srliw, 0x000000000000ffff, 0x000000007fffffff, 15)
        TEST_IMM_OP(26, srliw, 0x0000000000000000, 0x000000007fffffff, 31)
        TEST_CASE(27, a1, 0x0000000000000000, li a1, 0x000000007fffffff; srliw a1, a1, 31)
        TEST_CASE(28, a4, 0x0000000000000000, srliw a4, x0, 31)
        TEST_IMM_ZERODEST(29, srliw, 0x000000007fffffff, 31)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
