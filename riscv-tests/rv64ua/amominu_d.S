/* rv64ua/amominu.d: old value to rd, memory = minu(old, rs2); rd = x0; rd = rs2; .aqrl */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a3, amo_dat
        li a1, 0xffffffff80000000
        sd a1, 0(a3)
        li a2, 0x000000007fffffff
        amominu.d a4, a2, (a3)
        CHECK(a4, 0xffffffff80000000)
        ld a5, 0(a3)
        CHECK(a5, 0x000000007fffffff)
test_3:
        li TESTNUM, 3
        la a3, amo_dat
        li a1, 0x0000000080000000
        sd a1, 0(a3)
        li a2, 0xfffffffffffff800
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x0000000080000000)
        ld a5, 0(a3)
        CHECK(a5, 0x0000000080000000)
test_4:
        li TESTNUM, 4
        la a3, amo_dat
        li a1, 0x7fffffffffffffff
        sd a1, 0(a3)
        li a2, 0x8000000000000000
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x7fffffffffffffff)
        ld a5, 0(a3)
        CHECK(a5, 0x7fffffffffffffff)
test_5:
        li TESTNUM, 5
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x123456789abcdef0)
        ld a5, 0(a3)
        CHECK(a5, 0x0fedcba987654321)
test_6:
        li TESTNUM, 6
        la a3, amo_dat
        li a1, 0x0000000000000001
        sd a1, 0(a3)
        li a2, 0xffffffffffffffff
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x0000000000000001)
        ld a5, 0(a3)
        CHECK(a5, 0x0000000000000001)
test_7:
        li TESTNUM, 7
        la a3, amo_dat
        li a1, 0x0000000000000000
        sd a1, 0(a3)
        li a2, 0x0000000000000000
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x0000000000000000)
        ld a5, 0(a3)
        CHECK(a5, 0x0000000000000000)
test_8:
        li TESTNUM, 8
        la a3, amo_dat
        li a1, 0xfffffffffffffffe
        sd a1, 0(a3)
        li a2, 0x0000000000000003
        amominu.d a4, a2, (a3)
        CHECK(a4, 0xfffffffffffffffe)
        ld a5, 0(a3)
        CHECK(a5, 0x0000000000000003)
test_9:
        li TESTNUM, 9
        la a3, amo_dat
        li a1, 0x00000000ffffffff
        sd a1, 0(a3)
        li a2, 0x0000000100000001
        amominu.d a4, a2, (a3)
        CHECK(a4, 0x00000000ffffffff)
        ld a5, 0(a3)
        CHECK(a5, 0x00000000ffffffff)
test_10:
        li TESTNUM, 10
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amominu.d x0, a2, (a3)
        bnez x0, fail
        ld a5, 0(a3)
        CHECK(a5, 0x0fedcba987654321)
test_11:
        li TESTNUM, 11
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amominu.d.aqrl a2, a2, (a3)
        CHECK(a2, 0x123456789abcdef0)
        ld a5, 0(a3)
        CHECK(a5, 0x0fedcba987654321)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
amo_dat: .dword 0
        RVTEST_DATA_END
