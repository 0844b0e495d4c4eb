/* rv64ui/sw: store 4 byte(s): value read back, neighbouring bytes untouched, negative offset */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_ST_OP(2, lw, sw, 0xffffffff89abcdef, 0x0123456789abcdef, 0, sdat)
        TEST_ST_OP(3, lw, sw, 0x0000000076543210, 0xfedcba9876543210, 4, sdat)
        TEST_ST_OP(4, lw, sw, 0xffffffffffffffff, 0xffffffffffffffff, 8, sdat)
        TEST_ST_OP(5, lw, sw, 0x0000000000000000, 0x0000000000000000, 12, sdat)
        TEST_ST_OP(6, lw, sw, 0x0000000000000080, 0x8000000000000080, 16, sdat)
        TEST_ST_OP(7, lw, sw, 0xffffffff89abcdef, 0x0123456789abcdef, 20, sdat)
        TEST_ST_OP(8, lw, sw, 0x0000000076543210, 0xfedcba9876543210, 24, sdat)
        TEST_ST_OP(9, lw, sw, 0xffffffffffffffff, 0xffffffffffffffff, 28, sdat)
        TEST_CASE(10, a4, 0x7654321089abcdef, la a1, sdat; ld a4, 0(a1))
        TEST_CASE(11, a4, 0x00000000ffffffff, la a1, sdat; ld a4, 8(a1))
        TEST_CASE(12, a4, 0x89abcdef00000080, la a1, sdat; ld a4, 16(a1))
        TEST_CASE(13, a4, 0xffffffff76543210, la a1, sdat; ld a4, 24(a1))
        TEST_CASE(14, a4, 0x0000000055667788, la a1, sdat+64; li a2, 0x1122334455667788; sw a2, -8(a1); ld a4, -8(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sdat:
        .fill 32, 1, 0xaa
        .fill 32, 1, 0
        RVTEST_DATA_END
