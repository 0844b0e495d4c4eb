/* rv64uzbs/bclri: clear bit shamt */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, bclri, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_IMM_OP(3, bclri, 0x0000000000000000, 0x0000000000000000, 1)
        TEST_IMM_OP(4, bclri, 0x0000000000000000, 0x0000000000000000, 31)
        TEST_IMM_OP(5, bclri, 0x0000000000000000, 0x0000000000000000, 32)
        TEST_IMM_OP(6, bclri, 0x0000000000000000, 0x0000000000000000, 63)
        TEST_IMM_OP(7, bclri, 0xfffffffffffffffe, 0xffffffffffffffff, 0)
        TEST_IMM_OP(8, bclri, 0xfffffffffffffffd, 0xffffffffffffffff, 1)
        TEST_IMM_OP(9, bclri, 0xffffffff7fffffff, 0xffffffffffffffff, 31)
        TEST_IMM_OP(10, bclri, 0xfffffffeffffffff, 0xffffffffffffffff, 32)
        TEST_IMM_OP(11, bclri, 0x7fffffffffffffff, 0xffffffffffffffff, 63)
        TEST_IMM_OP(12, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 0)
        TEST_IMM_OP(13, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 1)
        TEST_IMM_OP(14, bclri, 0x123456781abcdef0, 0x123456789abcdef0, 31)
        TEST_IMM_OP(15, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 32)
        TEST_IMM_OP(16, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 63)
        TEST_IMM_OP(17, bclri, 0x8000000000000000, 0x8000000000000001, 0)
        TEST_IMM_OP(18, bclri, 0x8000000000000001, 0x8000000000000001, 1)
        TEST_IMM_OP(19, bclri, 0x8000000000000001, 0x8000000000000001, 31)
        TEST_IMM_OP(20, bclri, 0x8000000000000001, 0x8000000000000001, 32)
        TEST_IMM_OP(21, bclri, 0x0000000000000001, 0x8000000000000001, 63)
        TEST_CASE(22, a1, 0x0000000000000001, li a1, 0x8000000000000001; bclri a1, a1, 63)
        TEST_CASE(23, a4, 0x0000000000000000, bclri a4, x0, 63)
        TEST_IMM_ZERODEST(24, bclri, 0x8000000000000001, 63)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
