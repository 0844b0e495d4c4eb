/* rv64ui/lb: load 1 byte(s), sign-extended, aligned offsets, negative offset, rd = base, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_LD_OP(2, lb, 0xffffffffffffff81, 0, tdat)
        TEST_LD_OP(3, lb, 0x0000000000000002, 1, tdat)
        TEST_LD_OP(4, lb, 0xffffffffffffff83, 2, tdat)
        TEST_LD_OP(5, lb, 0x0000000000000004, 3, tdat)
        TEST_LD_OP(6, lb, 0xffffffffffffff85, 4, tdat)
        TEST_LD_OP(7, lb, 0x0000000000000006, 5, tdat)
        TEST_LD_OP(8, lb, 0xffffffffffffff87, 6, tdat)
        TEST_LD_OP(9, lb, 0x0000000000000008, 7, tdat)
        TEST_LD_OP(10, lb, 0x0000000000000010, 8, tdat)
        TEST_LD_OP(11, lb, 0x0000000000000032, 9, tdat)
        TEST_LD_OP(12, lb, 0x0000000000000054, 10, tdat)
        TEST_LD_OP(13, lb, 0x0000000000000076, 11, tdat)
        TEST_LD_OP(14, lb, 0xffffffffffffff98, 12, tdat)
        TEST_LD_OP(15, lb, 0xffffffffffffffba, 13, tdat)
        TEST_LD_OP(16, lb, 0xffffffffffffffdc, 14, tdat)
        TEST_LD_OP(17, lb, 0xfffffffffffffffe, 15, tdat)
        TEST_LD_OP(18, lb, 0xffffffffffffffff, 16, tdat)
        TEST_LD_OP(19, lb, 0x000000000000007f, 17, tdat)
        TEST_LD_OP(20, lb, 0x0000000000000000, 18, tdat)
        TEST_LD_OP(21, lb, 0xffffffffffffff80, 19, tdat)
        TEST_LD_OP(22, lb, 0xffffffffffffffff, 20, tdat)
        TEST_LD_OP(23, lb, 0xffffffffffffffff, 21, tdat)
        TEST_LD_OP(24, lb, 0xffffffffffffffff, 22, tdat)
        TEST_LD_OP(25, lb, 0x000000000000007f, 23, tdat)
        TEST_LD_OP(26, lb, 0x0000000000000001, 24, tdat)
        TEST_LD_OP(27, lb, 0x0000000000000000, 25, tdat)
        TEST_LD_OP(28, lb, 0x0000000000000000, 26, tdat)
        TEST_LD_OP(29, lb, 0xffffffffffffff80, 27, tdat)
        TEST_LD_OP(30, lb, 0x0000000000000000, 28, tdat)
        TEST_LD_OP(31, lb, 0x0000000000000000, 29, tdat)
        TEST_LD_OP(32, lb, 0x0000000000000000, 30, tdat)
        TEST_LD_OP(33, lb, 0x0000000000000000, 31, tdat)
        TEST_LD_OP(34, lb, 0xffffffffffffffff, -16, tdat+32)
        TEST_CASE(35, a1, 0x0000000000000010, la a1, tdat; lb a1, 8(a1))
        TEST_CASE(36, x0, 0, la a1, tdat; lb x0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        RVTEST_DATA_END
