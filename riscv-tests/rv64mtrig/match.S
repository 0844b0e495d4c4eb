/* rv64mtrig/match: the match types on load addresses (mcontrol6, every
 * byte of an access is a compare value, mtval = the byte that matched):
 * NAPOT (an 8-byte range written as base | 3), ge, lt, mask low (the low
 * half of the address ANDed with tdata2's high half equals its low half),
 * mask high, not equal, not NAPOT; and NAPOT on execute (a range of pcs).
 * qemu-check: skip QEMU 7.2 matches equal addresses only (fails from case 2, NAPOT)
 */
#include "macros.h"
#include "trig.h"

/* load from label + off with lb (one byte) and count the traps */
#define LB_AT(off) la a2, area; lb a1, off(a2)

RVTEST_CODE_BEGIN
        csrw mie, x0
        csrsi mstatus, 8
test_2:                                 /* NAPOT: [area + 16, area + 24) */
        li TESTNUM, 2
        la t2, area + 16
        ori t2, t2, 3
        TRIG_SET_REG(0, MC6 | M_NAPOT | T_M | T_LD, t2)
        TRAP_RESET
        LB_AT(15)
        CHECK(s5, 0)
        LB_AT(16)
        CHECK(s5, 1)
        LB_AT(23)
        CHECK(s5, 2)
        la t0, area + 23
        CHECK_TVAL(s3, t0)
        LB_AT(24)
        CHECK(s5, 2)
        la a2, area
        lw a1, 14(a2)                   /* bytes 14..17 overlap: mtval = area + 16 */
        CHECK(s5, 3)
        la t0, area + 16
        CHECK_TVAL(s3, t0)
test_3:                                 /* not NAPOT: everything outside */
        li TESTNUM, 3
        la t2, area + 16
        ori t2, t2, 3
        TRIG_SET_REG(0, MC6 | M_NNAPOT | T_M | T_LD, t2)
        TRAP_RESET
        LB_AT(20)
        CHECK(s5, 0)
        LB_AT(24)
        CHECK(s5, 1)
        la a2, area
        ld a1, 16(a2)                   /* inside entirely: no */
        CHECK(s5, 1)
        lw a1, 14(a2)                   /* partly outside: still no (some byte matched NAPOT) */
        CHECK(s5, 1)
test_4:                                 /* ge */
        li TESTNUM, 4
        TRIG_SET_LA(0, MC6 | M_GE | T_M | T_LD, area + 32)
        TRAP_RESET
        LB_AT(31)
        CHECK(s5, 0)
        LB_AT(32)
        CHECK(s5, 1)
        la a2, area
        ld a1, 25(a2)                   /* bytes 25..32: mtval = area + 32 */
        CHECK(s5, 2)
        la t0, area + 32
        CHECK_TVAL(s3, t0)
        LB_AT(40)
        CHECK(s5, 3)
test_5:                                 /* lt */
        li TESTNUM, 5
        TRIG_SET_LA(0, MC6 | M_LT | T_M | T_LD, area + 8)
        TRAP_RESET
        LB_AT(8)
        CHECK(s5, 0)
        LB_AT(7)
        CHECK(s5, 1)
        la t0, area + 7
        CHECK_TVAL(s3, t0)
test_6:                                 /* mask low: low byte of the address = 0x28 */
        li TESTNUM, 6
        TRIG_SET_LI(0, MC6 | M_MLOW | T_M | T_LD, 0x000000ff00000028)
        TRAP_RESET
        LB_AT(0x27)
        CHECK(s5, 0)
        LB_AT(0x28)
        CHECK(s5, 1)
        LB_AT(0x128)
        CHECK(s5, 2)
test_7:                                 /* mask high: the high half of the address is 0 here */
        li TESTNUM, 7
        TRIG_SET_LI(0, MC6 | M_MHIGH | T_M | T_LD, 0xffffffff00000000)
        TRAP_RESET
        LB_AT(0)
        CHECK(s5, 1)
        TRIG_SET_LI(0, MC6 | M_MHIGH | T_M | T_LD, 0xffffffff00000001)
        LB_AT(0)
        CHECK(s5, 1)
test_8:                                 /* not equal */
        li TESTNUM, 8
        TRIG_SET_LA(0, MC6 | M_NE | T_M | T_LD, area + 4)
        TRAP_RESET
        LB_AT(4)
        CHECK(s5, 0)
        LB_AT(5)
        CHECK(s5, 1)
        la a2, area
        lw a1, 4(a2)                    /* one byte equals: no */
        CHECK(s5, 1)
        TRIG_OFF(0)
test_9:                                 /* NAPOT on execute: a 16-byte aligned block of code */
        li TESTNUM, 9
        la t2, 1f
        ori t2, t2, 7
        TRIG_SET_REG(2, MC6 | M_NAPOT | T_M | T_X, t2)
        TRAP_RESET
        li a0, 0
        j 1f
        .option push
        .option norvc
        .align 4
1:      addi a0, a0, 1                  /* 4 instructions, 4 traps: all skipped */
        addi a0, a0, 1
        addi a0, a0, 1
        addi a0, a0, 1
        addi a0, a0, 1                  /* outside: runs */
        .option pop
        TRIG_OFF(2)
        CHECK(s5, 4)
        CHECK(a0, 1)
        TEST_PASSFAIL

TRAP_HANDLER_SKIP
RVTEST_CODE_END

RVTEST_DATA_BEGIN
        .align 9
area:   .fill 512, 1, 0
RVTEST_DATA_END
