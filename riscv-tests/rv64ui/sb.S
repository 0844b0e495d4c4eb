/* rv64ui/sb: store 1 byte(s): value read back, neighbouring bytes untouched, negative offset */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_ST_OP(2, lb, sb, 0xffffffffffffffef, 0x0123456789abcdef, 0, sdat)
        TEST_ST_OP(3, lb, sb, 0x0000000000000010, 0xfedcba9876543210, 1, sdat)
        TEST_ST_OP(4, lb, sb, 0xffffffffffffffff, 0xffffffffffffffff, 2, sdat)
        TEST_ST_OP(5, lb, sb, 0x0000000000000000, 0x0000000000000000, 3, sdat)
        TEST_ST_OP(6, lb, sb, 0xffffffffffffff80, 0x8000000000000080, 4, sdat)
        TEST_ST_OP(7, lb, sb, 0xffffffffffffffef, 0x0123456789abcdef, 5, sdat)
        TEST_ST_OP(8, lb, sb, 0x0000000000000010, 0xfedcba9876543210, 6, sdat)
        TEST_ST_OP(9, lb, sb, 0xffffffffffffffff, 0xffffffffffffffff, 7, sdat)
        TEST_ST_OP(10, lb, sb, 0x0000000000000000, 0x0000000000000000, 8, sdat)
        TEST_ST_OP(11, lb, sb, 0xffffffffffffff80, 0x8000000000000080, 9, sdat)
        TEST_ST_OP(12, lb, sb, 0xffffffffffffffef, 0x0123456789abcdef, 10, sdat)
        TEST_ST_OP(13, lb, sb, 0x0000000000000010, 0xfedcba9876543210, 11, sdat)
        TEST_ST_OP(14, lb, sb, 0xffffffffffffffff, 0xffffffffffffffff, 12, sdat)
        TEST_ST_OP(15, lb, sb, 0x0000000000000000, 0x0000000000000000, 13, sdat)
        TEST_ST_OP(16, lb, sb, 0xffffffffffffff80, 0x8000000000000080, 14, sdat)
        TEST_ST_OP(17, lb, sb, 0xffffffffffffffef, 0x0123456789abcdef, 15, sdat)
        TEST_ST_OP(18, lb, sb, 0x0000000000000010, 0xfedcba9876543210, 16, sdat)
        TEST_ST_OP(19, lb, sb, 0xffffffffffffffff, 0xffffffffffffffff, 17, sdat)
        TEST_ST_OP(20, lb, sb, 0x0000000000000000, 0x0000000000000000, 18, sdat)
        TEST_CASE(21, a4, 0xff10ef8000ff10ef, la a1, sdat; ld a4, 0(a1))
        TEST_CASE(22, a4, 0xef8000ff10ef8000, la a1, sdat; ld a4, 8(a1))
        TEST_CASE(23, a4, 0xaaaaaaaaaa00ff10, la a1, sdat; ld a4, 16(a1))
        TEST_CASE(24, a4, 0xaaaaaaaaaaaaaaaa, la a1, sdat; ld a4, 24(a1))
        TEST_CASE(25, a4, 0x0000000000000088, la a1, sdat+64; li a2, 0x1122334455667788; sb a2, -8(a1); ld a4, -8(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sdat:
        .fill 32, 1, 0xaa
        .fill 32, 1, 0
        RVTEST_DATA_END
