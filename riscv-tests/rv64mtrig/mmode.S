/* rv64mtrig/mmode: address triggers in M-mode (action 0: a breakpoint
 * exception, cause 3).  Execute: before the instruction, mepc = mtval =
 * its address, the instruction not run.  Load and store: before the
 * access, mtval = the address matched (a byte inside a wider access
 * matches too), the load's rd and the store's memory unchanged.  Loads do
 * not fire store triggers and stores not load ones; AMOs fire both, LR
 * loads, SC stores, FP loads and stores as integer ones.  The re-entrancy
 * rule (no tcontrol): with mstatus.MIE = 0 no trigger with action 0
 * matches in M-mode (so the handler, entered with MIE = 0, is safe).  A
 * trigger without the m bit does not fire in M.  Instruction sizes:
 * mcontrol6 size 16 bits matches a compressed instruction, 32 bits not.
 * Two triggers fire independently.
 * On QEMU 7.2 (qemu-check) the cases it does differently are left out:
 * mtval (0 there), sub-word matches, the MIE rule, sizes, tdata1 = 0. */
#include "macros.h"
#include "trig.h"

RVTEST_CODE_BEGIN
        csrw mie, x0
        csrsi mstatus, 8                /* MIE = 1: triggers may fire in M */
        .option push
        .option norvc
test_2:                                 /* execute */
        li TESTNUM, 2
        TRIG_SET_LA(0, MC2 | T_M | T_X, 1f)
        TRAP_RESET
        li a0, 5
1:      addi a0, a0, 1                  /* not run: the handler skips it */
        CHECK(s5, 1)
        CHECK(s2, 3)
        la t0, 1b
        bne s4, t0, fail
        CHECK_TVAL(s3, t0)                /* mtval = the pc */
        CHECK(a0, 5)
        TRIG_OFF(0)
test_3:                                 /* load address */
        li TESTNUM, 3
        TRIG_SET_LA(0, MC2 | T_M | T_LD, data1)
        TRAP_RESET
        la a2, data1
        li a1, 0x55
1:      ld a1, 0(a2)
        CHECK(s5, 1)
        CHECK(s2, 3)
        CHECK_TVAL(s3, a2)
        la t0, 1b
        bne s4, t0, fail
        CHECK(a1, 0x55)                 /* rd not written */
        sd a1, 0(a2)                    /* a store does not fire a load trigger */
        CHECK(s5, 1)
        TRIG_OFF(0)
test_4:                                 /* store address: the store is not made */
        li TESTNUM, 4
        TRIG_SET_LA(0, MC2 | T_M | T_ST, data2)
        TRAP_RESET
        la a2, data2
        li a1, 0x77
        sd a1, 0(a2)
        CHECK(s5, 1)
        CHECK(s2, 3)
        CHECK_TVAL(s3, a2)
        ld a3, 0(a2)                    /* a load does not fire a store trigger */
        CHECK(s5, 1)
        CHECK(a3, 0x1234)
        TRIG_OFF(0)
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2: a trigger of size "any" covers 8 bytes from tdata2 (not the byte), and fires in M with MIE = 0 */
test_5:                                 /* a byte inside a wider access matches; mtval = that byte */
        li TESTNUM, 5
        TRIG_SET_LA(0, MC2 | T_M | T_LD, data1 + 5)
        TRAP_RESET
        la a2, data1
        lw a1, 0(a2)                    /* bytes 0..3: no */
        CHECK(s5, 0)
        ld a1, 0(a2)                    /* bytes 0..7: yes */
        CHECK(s5, 1)
        addi t0, a2, 5
        CHECK_TVAL(s3, t0)
        lh a1, 4(a2)                    /* bytes 4..5: yes */
        CHECK(s5, 2)
        lbu a1, 6(a2)                   /* byte 6: no */
        CHECK(s5, 2)
        TRIG_OFF(0)
test_6:                                 /* MIE = 0: triggers with action 0 do not match in M */
        li TESTNUM, 6
        TRIG_SET_LA(0, MC2 | T_M | T_X, 1f)
        TRAP_RESET
        csrci mstatus, 8
        li a0, 5
1:      addi a0, a0, 1
        csrsi mstatus, 8
        CHECK(s5, 0)
        CHECK(a0, 6)
        TRIG_OFF(0)
#endif
test_7:                                 /* no m bit: nothing in M */
        li TESTNUM, 7
        TRIG_SET_LA(0, MC2 | T_S | T_U | T_X, 1f)
        TRAP_RESET
        li a0, 5
1:      addi a0, a0, 1
        CHECK(s5, 0)
        CHECK(a0, 6)
        TRIG_OFF(0)
        .option pop
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 ignores size on execute triggers */
test_8:                                 /* sizes on execute (mcontrol6): 16 bits matches c.addi, 32 bits not */
        li TESTNUM, 8
        TRIG_SET_LA(0, MC6 | SIZE6(3) | T_M | T_X, 1f)
        TRAP_RESET
        li a0, 5
1:      c.addi a0, 1
        CHECK(s5, 0)
        CHECK(a0, 6)
test_9:
        li TESTNUM, 9
        TRIG_SET_LA(0, MC6 | SIZE6(2) | T_M | T_X, 2f)
        TRAP_RESET
2:      c.addi a0, 1
        CHECK(s5, 1)
        CHECK(s2, 3)
        la t0, 2b
        CHECK_TVAL(s3, t0)
        CHECK(a0, 6)
        TRIG_OFF(0)
#endif
        .option push
        .option norvc
test_10:                                /* two triggers at once, each fires on its own */
        li TESTNUM, 10
        TRIG_SET_LA(0, MC6 | T_M | T_LD, data1)
        TRIG_SET_LA(1, MC6 | T_M | T_ST, data2)
        TRAP_RESET
        la a2, data1
        la a3, data2
        ld a1, 0(a2)
        CHECK(s5, 1)
        CHECK_TVAL(s3, a2)
        sd a1, 0(a3)
        CHECK(s5, 2)
        CHECK_TVAL(s3, a3)
        ld a1, 0(a3)
        sd a1, 8(a2)
        CHECK(s5, 2)
test_11:                                /* AMOs load and store; LR loads; SC stores */
        li TESTNUM, 11
        TRAP_RESET
        li a1, 1
        amoadd.d a4, a1, (a2)           /* load trigger (0) */
        CHECK(s5, 1)
        amoadd.d a4, a1, (a3)           /* store trigger (1) */
        CHECK(s5, 2)
        ld a4, 0(a3)
        CHECK(a4, 0x1234)               /* not performed */
        lr.d a4, (a2)
        CHECK(s5, 3)
        lr.d a4, (a3)                   /* a load from data2: no */
        CHECK(s5, 3)
        sc.d a4, a1, (a3)
        CHECK(s5, 4)
test_12:                                /* FP loads and stores */
        li TESTNUM, 12
        TRAP_RESET
        fld f1, 0(a2)
        CHECK(s5, 1)
        fsd f1, 0(a3)
        CHECK(s5, 2)
        .option pop
        c.fld f8, 0(a2)
        CHECK(s5, 3)
        c.fsd f8, 0(a3)
        CHECK(s5, 4)
        TRIG_OFF(0)
        TRIG_OFF(1)
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 ignores tdata1 = 0 (the spec: it must disable the trigger) */
test_13:                                /* after a trigger is disabled nothing fires */
        li TESTNUM, 13
        TRAP_RESET
        ld a1, 0(a2)
        sd a1, 0(a3)
        CHECK(s5, 0)
#endif
        TEST_PASSFAIL

TRAP_HANDLER_SKIP
RVTEST_CODE_END

RVTEST_DATA_BEGIN
        .align 4
data1:  .dword 0x1111, 0x2222
data2:  .dword 0x1234, 0
RVTEST_DATA_END
