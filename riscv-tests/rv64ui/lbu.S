/* rv64ui/lbu: load 1 byte(s), zero-extended, aligned offsets, negative offset, rd = base, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_LD_OP(2, lbu, 0x0000000000000081, 0, tdat)
        TEST_LD_OP(3, lbu, 0x0000000000000002, 1, tdat)
        TEST_LD_OP(4, lbu, 0x0000000000000083, 2, tdat)
        TEST_LD_OP(5, lbu, 0x0000000000000004, 3, tdat)
        TEST_LD_OP(6, lbu, 0x0000000000000085, 4, tdat)
        TEST_LD_OP(7, lbu, 0x0000000000000006, 5, tdat)
        TEST_LD_OP(8, lbu, 0x0000000000000087, 6, tdat)
        TEST_LD_OP(9, lbu, 0x0000000000000008, 7, tdat)
        TEST_LD_OP(10, lbu, 0x0000000000000010, 8, tdat)
        TEST_LD_OP(11, lbu, 0x0000000000000032, 9, tdat)
        TEST_LD_OP(12, lbu, 0x0000000000000054, 10, tdat)
        TEST_LD_OP(13, lbu, 0x0000000000000076, 11, tdat)
        TEST_LD_OP(14, lbu, 0x0000000000000098, 12, tdat)
        TEST_LD_OP(15, lbu, 0x00000000000000ba, 13, tdat)
        TEST_LD_OP(16, lbu, 0x00000000000000dc, 14, tdat)
        TEST_LD_OP(17, lbu, 0x00000000000000fe, 15, tdat)
        TEST_LD_OP(18, lbu, 0x00000000000000ff, 16, tdat)
        TEST_LD_OP(19, lbu, 0x000000000000007f, 17, tdat)
        TEST_LD_OP(20, lbu, 0x0000000000000000, 18, tdat)
        TEST_LD_OP(21, lbu, 0x0000000000000080, 19, tdat)
        TEST_LD_OP(22, lbu, 0x00000000000000ff, 20, tdat)
        TEST_LD_OP(23, lbu, 0x00000000000000ff, 21, tdat)
        TEST_LD_OP(24, lbu, 0x00000000000000ff, 22, tdat)
        TEST_LD_OP(25, lbu, 0x000000000000007f, 23, tdat)
        TEST_LD_OP(26, lbu, 0x0000000000000001, 24, tdat)
        TEST_LD_OP(27, lbu, 0x0000000000000000, 25, tdat)
        TEST_LD_OP(28, lbu, 0x0000000000000000, 26, tdat)
        TEST_LD_OP(29, lbu, 0x0000000000000080, 27, tdat)
        TEST_LD_OP(30, lbu, 0x0000000000000000, 28, tdat)
        TEST_LD_OP(31, lbu, 0x0000000000000000, 29, tdat)
        TEST_LD_OP(32, lbu, 0x0000000000000000, 30, tdat)
        TEST_LD_OP(33, lbu, 0x0000000000000000, 31, tdat)
        TEST_LD_OP(34, lbu, 0x00000000000000ff, -16, tdat+32)
        TEST_CASE(35, a1, 0x0000000000000010, la a1, tdat; lbu a1, 8(a1))
        TEST_CASE(36, x0, 0, la a1, tdat; lbu x0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        RVTEST_DATA_END
