/* rv64ua/amoxor.d: old value to rd, memory = xor(old, rs2); rd = x0; rd = rs2; .aqrl */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a3, amo_dat
        li a1, 0xffffffff80000000
        sd a1, 0(a3)
        li a2, 0x000000007fffffff
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0xffffffff80000000)
        ld a5, 0(a3)
        CHECK(a5, 0xffffffffffffffff)
test_3:
        li TESTNUM, 3
        la a3, amo_dat
        li a1, 0x0000000080000000
        sd a1, 0(a3)
        li a2, 0xfffffffffffff800
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x0000000080000000)
        ld a5, 0(a3)
        CHECK(a5, 0xffffffff7ffff800)
test_4:
        li TESTNUM, 4
        la a3, amo_dat
        li a1, 0x7fffffffffffffff
        sd a1, 0(a3)
        li a2, 0x8000000000000000
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x7fffffffffffffff)
        ld a5, 0(a3)
        CHECK(a5, 0xffffffffffffffff)
test_5:
        li TESTNUM, 5
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x123456789abcdef0)
        ld a5, 0(a3)
        CHECK(a5, 0x1dd99dd11dd99dd1)
test_6:
        li TESTNUM, 6
        la a3, amo_dat
        li a1, 0x0000000000000001
        sd a1, 0(a3)
        li a2, 0xffffffffffffffff
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x0000000000000001)
        ld a5, 0(a3)
        CHECK(a5, 0xfffffffffffffffe)
test_7:
        li TESTNUM, 7
        la a3, amo_dat
        li a1, 0x0000000000000000
        sd a1, 0(a3)
        li a2, 0x0000000000000000
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x0000000000000000)
        ld a5, 0(a3)
        CHECK(a5, 0x0000000000000000)
test_8:
        li TESTNUM, 8
        la a3, amo_dat
        li a1, 0xfffffffffffffffe
        sd a1, 0(a3)
        li a2, 0x0000000000000003
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0xfffffffffffffffe)
        ld a5, 0(a3)
        CHECK(a5, 0xfffffffffffffffd)
test_9:
        li TESTNUM, 9
        la a3, amo_dat
        li a1, 0x00000000ffffffff
        sd a1, 0(a3)
        li a2, 0x0000000100000001
        amoxor.d a4, a2, (a3)
        CHECK(a4, 0x00000000ffffffff)
        ld a5, 0(a3)
        CHECK(a5, 0x00000001fffffffe)
test_10:
        li TESTNUM, 10
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoxor.d x0, a2, (a3)
        bnez x0, fail
        ld a5, 0(a3)
        CHECK(a5, 0x1dd99dd11dd99dd1)
test_11:
        li TESTNUM, 11
        la a3, amo_dat
        li a1, 0x123456789abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoxor.d.aqrl a2, a2, (a3)
        CHECK(a2, 0x123456789abcdef0)
        ld a5, 0(a3)
        CHECK(a5, 0x1dd99dd11dd99dd1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
amo_dat: .dword 0
        RVTEST_DATA_END
