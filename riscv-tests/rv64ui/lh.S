/* rv64ui/lh: load 2 byte(s), sign-extended, aligned offsets, negative offset, rd = base, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_LD_OP(2, lh, 0x0000000000000281, 0, tdat)
        TEST_LD_OP(3, lh, 0x0000000000000483, 2, tdat)
        TEST_LD_OP(4, lh, 0x0000000000000685, 4, tdat)
        TEST_LD_OP(5, lh, 0x0000000000000887, 6, tdat)
        TEST_LD_OP(6, lh, 0x0000000000003210, 8, tdat)
        TEST_LD_OP(7, lh, 0x0000000000007654, 10, tdat)
        TEST_LD_OP(8, lh, 0xffffffffffffba98, 12, tdat)
        TEST_LD_OP(9, lh, 0xfffffffffffffedc, 14, tdat)
        TEST_LD_OP(10, lh, 0x0000000000007fff, 16, tdat)
        TEST_LD_OP(11, lh, 0xffffffffffff8000, 18, tdat)
        TEST_LD_OP(12, lh, 0xffffffffffffffff, 20, tdat)
        TEST_LD_OP(13, lh, 0x0000000000007fff, 22, tdat)
        TEST_LD_OP(14, lh, 0x0000000000000001, 24, tdat)
        TEST_LD_OP(15, lh, 0xffffffffffff8000, 26, tdat)
        TEST_LD_OP(16, lh, 0x0000000000000000, 28, tdat)
        TEST_LD_OP(17, lh, 0x0000000000000000, 30, tdat)
        TEST_LD_OP(18, lh, 0x0000000000007fff, -16, tdat+32)
        TEST_CASE(19, a1, 0x0000000000003210, la a1, tdat; lh a1, 8(a1))
        TEST_CASE(20, x0, 0, la a1, tdat; lh x0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        RVTEST_DATA_END
