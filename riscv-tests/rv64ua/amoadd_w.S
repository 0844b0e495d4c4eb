/* rv64ua/amoadd.w: old value to rd (sign-extended 32-bit), memory = add(old, rs2); rd = x0; rd = rs2; .aqrl */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a3, amo_dat
        li a1, 0x5a5a5a5a80000000
        sd a1, 0(a3)
        li a2, 0x000000007fffffff
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xffffffff80000000)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5affffffff) /* upper word untouched */
test_3:
        li TESTNUM, 3
        la a3, amo_dat
        li a1, 0x5a5a5a5a80000000
        sd a1, 0(a3)
        li a2, 0xfffffffffffff800
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xffffffff80000000)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a7ffff800) /* upper word untouched */
test_4:
        li TESTNUM, 4
        la a3, amo_dat
        li a1, 0x5a5a5a5affffffff
        sd a1, 0(a3)
        li a2, 0x8000000000000000
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xffffffffffffffff)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5affffffff) /* upper word untouched */
test_5:
        li TESTNUM, 5
        la a3, amo_dat
        li a1, 0x5a5a5a5a9abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xffffffff9abcdef0)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a22222211) /* upper word untouched */
test_6:
        li TESTNUM, 6
        la a3, amo_dat
        li a1, 0x5a5a5a5a00000001
        sd a1, 0(a3)
        li a2, 0xffffffffffffffff
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0x0000000000000001)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a00000000) /* upper word untouched */
test_7:
        li TESTNUM, 7
        la a3, amo_dat
        li a1, 0x5a5a5a5a00000000
        sd a1, 0(a3)
        li a2, 0x0000000000000000
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0x0000000000000000)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a00000000) /* upper word untouched */
test_8:
        li TESTNUM, 8
        la a3, amo_dat
        li a1, 0x5a5a5a5afffffffe
        sd a1, 0(a3)
        li a2, 0x0000000000000003
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xfffffffffffffffe)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a00000001) /* upper word untouched */
test_9:
        li TESTNUM, 9
        la a3, amo_dat
        li a1, 0x5a5a5a5affffffff
        sd a1, 0(a3)
        li a2, 0x0000000100000001
        amoadd.w a4, a2, (a3)
        CHECK(a4, 0xffffffffffffffff)           /* old value, sign-extended */
        ld a5, 0(a3)
        CHECK(a5, 0x5a5a5a5a00000000) /* upper word untouched */
test_10:
        li TESTNUM, 10
        la a3, amo_dat
        li a1, 0x000000009abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoadd.w x0, a2, (a3)
        bnez x0, fail
        lwu a5, 0(a3)
        CHECK(a5, 0x0000000022222211)
test_11:
        li TESTNUM, 11
        la a3, amo_dat
        li a1, 0x000000009abcdef0
        sd a1, 0(a3)
        li a2, 0x0fedcba987654321
        amoadd.w.aqrl a2, a2, (a3)
        CHECK(a2, 0xffffffff9abcdef0)
        lwu a5, 0(a3)
        CHECK(a5, 0x0000000022222211)
test_12:
        li TESTNUM, 12
        la a3, amo_dat
        li a1, 0x0000000180000000
        sd a1, 0(a3)
        li a2, 1
        addi a3, a3, 4; amoadd.w a4, a2, (a3)
        CHECK(a4, 1)
        lw a5, -4(a3)
        CHECK(a5, 0xffffffff80000000)   /* lower word untouched */
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
amo_dat: .dword 0
        RVTEST_DATA_END
