/* rv64uzbs/binvi: invert bit shamt */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, binvi, 0x0000000000000001, 0x0000000000000000, 0)
        TEST_IMM_OP(3, binvi, 0x0000000000000002, 0x0000000000000000, 1)
        TEST_IMM_OP(4, binvi, 0x0000000080000000, 0x0000000000000000, 31)
        TEST_IMM_OP(5, binvi, 0x0000000100000000, 0x0000000000000000, 32)
        TEST_IMM_OP(6, binvi, 0x8000000000000000, 0x0000000000000000, 63)
        TEST_IMM_OP(7, binvi, 0xfffffffffffffffe, 0xffffffffffffffff, 0)
        TEST_IMM_OP(8, binvi, 0xfffffffffffffffd, 0xffffffffffffffff, 1)
        TEST_IMM_OP(9, binvi, 0xffffffff7fffffff, 0xffffffffffffffff, 31)
        TEST_IMM_OP(10, binvi, 0xfffffffeffffffff, 0xffffffffffffffff, 32)
        TEST_IMM_OP(11, binvi, 0x7fffffffffffffff, 0xffffffffffffffff, 63)
        TEST_IMM_OP(12, binvi, 0x123456789abcdef1, 0x123456789abcdef0, 0)
        TEST_IMM_OP(13, binvi, 0x123456789abcdef2, 0x123456789abcdef0, 1)
        TEST_IMM_OP(14, binvi, 0x123456781abcdef0, 0x123456789abcdef0, 31)
        TEST_IMM_OP(15, binvi, 0x123456799abcdef0, 0x123456789abcdef0, 32)
        TEST_IMM_OP(16, binvi, 0x923456789abcdef0, 0x123456789abcdef0, 63)
        TEST_IMM_OP(17, binvi, 0x8000000000000000, 0x8000000000000001, 0)
        TEST_IMM_OP(18, binvi, 0x8000000000000003, 0x8000000000000001, 1)
        TEST_IMM_OP(19, binvi, 0x8000000080000001, 0x8000000000000001, 31)
        TEST_IMM_OP(20, binvi, 0x8000000100000001, 0x8000000000000001, 32)
        TEST_IMM_OP(21, binvi, 0x0000000000000001, 0x8000000000000001, 63)
        TEST_CASE(22, a1, 0x0000000000000001, li a1, 0x8000000000000001; binvi a1, a1, 63)
        TEST_CASE(23, a4, 0x8000000000000000, binvi a4, x0, 63)
        TEST_IMM_ZERODEST(24, binvi, 0x8000000000000001, 63)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
