/* rv64ui/sh: store 2 byte(s): value read back, neighbouring bytes untouched, negative offset */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_ST_OP(2, lh, sh, 0xffffffffffffcdef, 0x0123456789abcdef, 0, sdat)
        TEST_ST_OP(3, lh, sh, 0x0000000000003210, 0xfedcba9876543210, 2, sdat)
        TEST_ST_OP(4, lh, sh, 0xffffffffffffffff, 0xffffffffffffffff, 4, sdat)
        TEST_ST_OP(5, lh, sh, 0x0000000000000000, 0x0000000000000000, 6, sdat)
        TEST_ST_OP(6, lh, sh, 0x0000000000000080, 0x8000000000000080, 8, sdat)
        TEST_ST_OP(7, lh, sh, 0xffffffffffffcdef, 0x0123456789abcdef, 10, sdat)
        TEST_ST_OP(8, lh, sh, 0x0000000000003210, 0xfedcba9876543210, 12, sdat)
        TEST_ST_OP(9, lh, sh, 0xffffffffffffffff, 0xffffffffffffffff, 14, sdat)
        TEST_ST_OP(10, lh, sh, 0x0000000000000000, 0x0000000000000000, 16, sdat)
        TEST_ST_OP(11, lh, sh, 0x0000000000000080, 0x8000000000000080, 18, sdat)
        TEST_ST_OP(12, lh, sh, 0xffffffffffffcdef, 0x0123456789abcdef, 20, sdat)
        TEST_ST_OP(13, lh, sh, 0x0000000000003210, 0xfedcba9876543210, 22, sdat)
        TEST_ST_OP(14, lh, sh, 0xffffffffffffffff, 0xffffffffffffffff, 24, sdat)
        TEST_ST_OP(15, lh, sh, 0x0000000000000000, 0x0000000000000000, 26, sdat)
        TEST_ST_OP(16, lh, sh, 0x0000000000000080, 0x8000000000000080, 28, sdat)
        TEST_ST_OP(17, lh, sh, 0xffffffffffffcdef, 0x0123456789abcdef, 30, sdat)
        TEST_CASE(18, a4, 0x0000ffff3210cdef, la a1, sdat; ld a4, 0(a1))
        TEST_CASE(19, a4, 0xffff3210cdef0080, la a1, sdat; ld a4, 8(a1))
        TEST_CASE(20, a4, 0x3210cdef00800000, la a1, sdat; ld a4, 16(a1))
        TEST_CASE(21, a4, 0xcdef00800000ffff, la a1, sdat; ld a4, 24(a1))
        TEST_CASE(22, a4, 0x0000000000007788, la a1, sdat+64; li a2, 0x1122334455667788; sh a2, -8(a1); ld a4, -8(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sdat:
        .fill 32, 1, 0xaa
        .fill 32, 1, 0
        RVTEST_DATA_END
