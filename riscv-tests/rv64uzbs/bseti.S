/* rv64uzbs/bseti: set bit shamt */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, bseti, 0x0000000000000001, 0x0000000000000000, 0)
        TEST_IMM_OP(3, bseti, 0x0000000000000002, 0x0000000000000000, 1)
        TEST_IMM_OP(4, bseti, 0x0000000080000000, 0x0000000000000000, 31)
        TEST_IMM_OP(5, bseti, 0x0000000100000000, 0x0000000000000000, 32)
        TEST_IMM_OP(6, bseti, 0x8000000000000000, 0x0000000000000000, 63)
        TEST_IMM_OP(7, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 0)
        TEST_IMM_OP(8, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 1)
        TEST_IMM_OP(9, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 31)
        TEST_IMM_OP(10, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 32)
        TEST_IMM_OP(11, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 63)
        TEST_IMM_OP(12, bseti, 0x123456789abcdef1, 0x123456789abcdef0, 0)
        TEST_IMM_OP(13, bseti, 0x123456789abcdef2, 0x123456789abcdef0, 1)
        TEST_IMM_OP(14, bseti, 0x123456789abcdef0, 0x123456789abcdef0, 31)
        TEST_IMM_OP(15, bseti, 0x123456799abcdef0, 0x123456789abcdef0, 32)
        TEST_IMM_OP(16, bseti, 0x923456789abcdef0, 0x123456789abcdef0, 63)
        TEST_IMM_OP(17, bseti, 0x8000000000000001, 0x8000000000000001, 0)
        TEST_IMM_OP(18, bseti, 0x8000000000000003, 0x8000000000000001, 1)
        TEST_IMM_OP(19, bseti, 0x8000000080000001, 0x8000000000000001, 31)
        TEST_IMM_OP(20, bseti, 0x8000000100000001, 0x8000000000000001, 32)
        TEST_IMM_OP(21, bseti, 0x8000000000000001, 0x8000000000000001, 63)
        TEST_CASE(22, a1, 0x8000000000000001, li a1, 0x8000000000000001; bseti a1, a1, 63)
        TEST_CASE(23, a4, 0x8000000000000000, bseti a4, x0, 63)
        TEST_IMM_ZERODEST(24, bseti, 0x8000000000000001, 63)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
