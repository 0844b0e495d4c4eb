/* rv64ui/lwu: load 4 byte(s), zero-extended, aligned offsets, negative offset, rd = base, rd = x0 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_LD_OP(2, lwu, 0x0000000004830281, 0, tdat)
        TEST_LD_OP(3, lwu, 0x0000000008870685, 4, tdat)
        TEST_LD_OP(4, lwu, 0x0000000076543210, 8, tdat)
        TEST_LD_OP(5, lwu, 0x00000000fedcba98, 12, tdat)
        TEST_LD_OP(6, lwu, 0x0000000080007fff, 16, tdat)
        TEST_LD_OP(7, lwu, 0x000000007fffffff, 20, tdat)
        TEST_LD_OP(8, lwu, 0x0000000080000001, 24, tdat)
        TEST_LD_OP(9, lwu, 0x0000000000000000, 28, tdat)
        TEST_LD_OP(10, lwu, 0x0000000080007fff, -16, tdat+32)
        TEST_CASE(11, a1, 0x0000000076543210, la a1, tdat; lwu a1, 8(a1))
        TEST_CASE(12, x0, 0, la a1, tdat; lwu x0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        RVTEST_DATA_END
