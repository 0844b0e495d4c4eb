/* rv64ui/sd: store 8 byte(s): value read back, neighbouring bytes untouched, negative offset */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_ST_OP(2, ld, sd, 0x0123456789abcdef, 0x0123456789abcdef, 0, sdat)
        TEST_ST_OP(3, ld, sd, 0xfedcba9876543210, 0xfedcba9876543210, 8, sdat)
        TEST_ST_OP(4, ld, sd, 0xffffffffffffffff, 0xffffffffffffffff, 16, sdat)
        TEST_ST_OP(5, ld, sd, 0x0000000000000000, 0x0000000000000000, 24, sdat)
        TEST_CASE(6, a4, 0x0123456789abcdef, la a1, sdat; ld a4, 0(a1))
        TEST_CASE(7, a4, 0xfedcba9876543210, la a1, sdat; ld a4, 8(a1))
        TEST_CASE(8, a4, 0xffffffffffffffff, la a1, sdat; ld a4, 16(a1))
        TEST_CASE(9, a4, 0x0000000000000000, la a1, sdat; ld a4, 24(a1))
        TEST_CASE(10, a4, 0x1122334455667788, la a1, sdat+64; li a2, 0x1122334455667788; sd a2, -8(a1); ld a4, -8(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sdat:
        .fill 32, 1, 0xaa
        .fill 32, 1, 0
        RVTEST_DATA_END
