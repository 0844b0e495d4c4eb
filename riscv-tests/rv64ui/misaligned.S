/* rv64ui/misaligned: misaligned loads and stores are performed (Pagoda default), no trap, right bytes */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_NO_TRAP(2, la a1, tdat; lh a4, 1(a1)); CHECK(a4, 0xffffffffffff8302)
        TEST_NO_TRAP(3, la a1, tdat; lh a4, 7(a1)); CHECK(a4, 0x0000000000001008)
        TEST_NO_TRAP(4, la a1, tdat; lhu a4, 1(a1)); CHECK(a4, 0x0000000000008302)
        TEST_NO_TRAP(5, la a1, tdat; lhu a4, 7(a1)); CHECK(a4, 0x0000000000001008)
        TEST_NO_TRAP(6, la a1, tdat; lw a4, 1(a1)); CHECK(a4, 0xffffffff85048302)
        TEST_NO_TRAP(7, la a1, tdat; lw a4, 3(a1)); CHECK(a4, 0xffffffff87068504)
        TEST_NO_TRAP(8, la a1, tdat; lw a4, 5(a1)); CHECK(a4, 0x0000000010088706)
        TEST_NO_TRAP(9, la a1, tdat; lw a4, 7(a1)); CHECK(a4, 0x0000000054321008)
        TEST_NO_TRAP(10, la a1, tdat; lwu a4, 1(a1)); CHECK(a4, 0x0000000085048302)
        TEST_NO_TRAP(11, la a1, tdat; lwu a4, 3(a1)); CHECK(a4, 0x0000000087068504)
        TEST_NO_TRAP(12, la a1, tdat; lwu a4, 5(a1)); CHECK(a4, 0x0000000010088706)
        TEST_NO_TRAP(13, la a1, tdat; lwu a4, 7(a1)); CHECK(a4, 0x0000000054321008)
        TEST_NO_TRAP(14, la a1, tdat; ld a4, 1(a1)); CHECK(a4, 0x1008870685048302)
        TEST_NO_TRAP(15, la a1, tdat; ld a4, 3(a1)); CHECK(a4, 0x5432100887068504)
        TEST_NO_TRAP(16, la a1, tdat; ld a4, 5(a1)); CHECK(a4, 0x9876543210088706)
        TEST_NO_TRAP(17, la a1, tdat; ld a4, 7(a1)); CHECK(a4, 0xdcba987654321008)
        TEST_NO_TRAP(18, la a1, mdat; li a2, 0x0000000000001234; sh a2, 1(a1))
        TEST_NO_TRAP(19, la a1, mdat; li a2, 0x0000000089abcdef; sw a2, 3(a1))
        TEST_NO_TRAP(20, la a1, mdat; li a2, 0x0102030405060708; sd a2, 9(a1))
        TEST_NO_TRAP(21, la a1, mdat; li a2, 0x0000000055667788; sw a2, 18(a1))
        TEST_NO_TRAP(22, la a1, mdat; li a2, 0xa1a2a3a4a5a6a7a8; sd a2, 23(a1))
        TEST_CASE(23, a4, 0x0089abcdef123400, la a1, mdat; ld a4, 0(a1))
        TEST_CASE(24, a4, 0x0203040506070800, la a1, mdat; ld a4, 8(a1))
        TEST_CASE(25, a4, 0xa800556677880001, la a1, mdat; ld a4, 16(a1))
        TEST_CASE(26, a4, 0x00a1a2a3a4a5a6a7, la a1, mdat; ld a4, 24(a1))
        j 1f
        TRAP_HANDLER_SKIP
1:
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:
        .byte 0x81, 0x2, 0x83, 0x4, 0x85, 0x6, 0x87, 0x8
        .byte 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe
        .byte 0xff, 0x7f, 0x0, 0x80, 0xff, 0xff, 0xff, 0x7f
        .byte 0x1, 0x0, 0x0, 0x80, 0x0, 0x0, 0x0, 0x0
        .align 3
mdat:
        .fill 32, 1, 0
        RVTEST_DATA_END
