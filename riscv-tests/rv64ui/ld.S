/* rv64ui/ld: load 8 byte(s), zero-extended, aligned offsets, negative offset, rd = base, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_LD_OP(2, ld, 0x0887068504830281, 0, tdat)
        TEST_LD_OP(3, ld, 0xfedcba9876543210, 8, tdat)
        TEST_LD_OP(4, ld, 0x7fffffff80007fff, 16, tdat)
        TEST_LD_OP(5, ld, 0x0000000080000001, 24, tdat)
        TEST_LD_OP(6, ld, 0x7fffffff80007fff, -16, tdat+32)
        TEST_CASE(7, a1, 0xfedcba9876543210, la a1, tdat; ld a1, 8(a1))
        TEST_CASE(8, x0, 0, la a1, tdat; ld x0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        RVTEST_DATA_END
