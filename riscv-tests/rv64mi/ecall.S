/* rv64mi/ecall: ecall from M-mode: cause 11, mepc = address of the ecall,
 * mtval = 0; ebreak: cause 3, mepc = its address; mret resumes after them
 * when the handler advances mepc; mstatus.MPP = M and MIE/MPIE handling. */
#include "macros.h"

RVTEST_CODE_BEGIN
        li t0, -1
        csrw mtval, t0
        TEST_TRAP(2, 11, ecall)
        CHECK(s3, 0)
        TEST_TRAP(3, 3, .option push; .option norvc; ebreak; .option pop)
test_4:                         /* MPP = 3 and MPIE = old MIE inside the handler */
        li TESTNUM, 4
        csrsi mstatus, 8        /* MIE = 1 (no interrupt is enabled in mie) */
        csrw mie, x0
        TRAP_RESET
        ecall
        CHECK(s5, 1)
        srli t0, s7, 11
        andi t0, t0, 3
        CHECK(t0, 3)            /* MPP = M */
        andi t0, s7, 0x88
        CHECK(t0, 0x80)         /* MPIE = 1, MIE = 0 during the trap */
        csrr t0, mstatus
        andi t0, t0, 0x8
        CHECK(t0, 8)            /* mret restored MIE from MPIE */
        csrci mstatus, 8
test_5:                         /* several ecalls in a row */
        li TESTNUM, 5
        TRAP_RESET
        ecall
        ecall
        ecall
        CHECK(s5, 3)
        TEST_PASSFAIL

        .align 2
        .globl test_trap_handler
test_trap_handler:
        csrr s2, mcause
        csrr s3, mtval
        csrr s4, mepc
        csrr s7, mstatus
        addi s5, s5, 1
        addi t5, s4, 4
        csrw mepc, t5
        mret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
