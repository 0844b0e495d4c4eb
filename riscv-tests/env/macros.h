/* Test-case macros shared by the suites (our own, riscv-tests style). */
#ifndef PAGODA_MACROS_H
#define PAGODA_MACROS_H

#include "test.h"

/* Run `code`, then compare register `testreg` with `correctval`. */
#define TEST_CASE(testnum, testreg, correctval, code...) \
test_ ## testnum:                                        \
        li TESTNUM, testnum;                             \
        code;                                            \
        li t6, correctval;                               \
        bne testreg, t6, fail;

#define TEST_RR_OP(testnum, inst, result, val1, val2)    \
        TEST_CASE(testnum, a4, result,                   \
                  li a1, val1; li a2, val2; inst a4, a1, a2)

#define TEST_IMM_OP(testnum, inst, result, val1, imm)    \
        TEST_CASE(testnum, a4, result,                   \
                  li a1, val1; inst a4, a1, imm)

/* x0 as destination must stay zero */
#define TEST_RR_ZERODEST(testnum, inst, val1, val2)      \
        TEST_CASE(testnum, x0, 0,                        \
                  li a1, val1; li a2, val2; inst x0, a1, a2)


/* ---- added for the integer / privileged suites -------------------------- */

/* Register-immediate, x0 as destination */
#define TEST_IMM_ZERODEST(testnum, inst, val1, imm)      \
        TEST_CASE(testnum, x0, 0,                        \
                  li a1, val1; inst x0, a1, imm)

/* One source register: inst a4, a1 */
#define TEST_R_OP(testnum, inst, result, val1)           \
        TEST_CASE(testnum, a4, result,                   \
                  li a1, val1; inst a4, a1)

/* Destination is also a source (rd == rs1, rd == rs2, rs1 == rs2) */
#define TEST_RR_SRC1_EQ_DEST(testnum, inst, result, val1, val2) \
        TEST_CASE(testnum, a1, result,                   \
                  li a1, val1; li a2, val2; inst a1, a1, a2)
#define TEST_RR_SRC2_EQ_DEST(testnum, inst, result, val1, val2) \
        TEST_CASE(testnum, a2, result,                   \
                  li a1, val1; li a2, val2; inst a2, a1, a2)
#define TEST_RR_SRC12_EQ_DEST(testnum, inst, result, val1) \
        TEST_CASE(testnum, a1, result,                   \
                  li a1, val1; inst a1, a1, a1)
/* x0 as a source reads zero */
#define TEST_RR_ZEROSRC1(testnum, inst, result, val)     \
        TEST_CASE(testnum, a4, result, li a2, val; inst a4, x0, a2)
#define TEST_RR_ZEROSRC2(testnum, inst, result, val)     \
        TEST_CASE(testnum, a4, result, li a1, val; inst a4, a1, x0)

/* Load `inst` from (label + offset); base register is a1. */
#define TEST_LD_OP(testnum, inst, result, offset, label) \
        TEST_CASE(testnum, a4, result,                   \
                  la a1, label; inst a4, offset(a1))

/* Store `val` with `st` at (label + offset), read back with `ld`. */
#define TEST_ST_OP(testnum, ld, st, result, val, offset, label) \
        TEST_CASE(testnum, a4, result,                   \
                  la a1, label; li a2, val;              \
                  st a2, offset(a1); ld a4, offset(a1))

/* Branches: taken must skip the fail; not-taken must fall through.
 * The taken case jumps backwards too (negative offset). */
#define TEST_BR2_TAKEN(testnum, inst, val1, val2)        \
test_ ## testnum:                                        \
        li TESTNUM, testnum;                             \
        li a1, val1; li a2, val2;                        \
        inst a1, a2, 2f;                                 \
        j fail;                                          \
1:      j 3f;    /* reached only by the backward branch */ \
2:      inst a1, a2, 1b;                                 \
        j fail;                                          \
3:

#define TEST_BR2_NOTTAKEN(testnum, inst, val1, val2)     \
test_ ## testnum:                                        \
        li TESTNUM, testnum;                             \
        li a1, val1; li a2, val2;                        \
        inst a1, a2, 1f;                                 \
        j 2f;                                            \
1:      j fail;                                          \
2:      inst a1, a2, 1b;                                 \
3:

/* Check an arbitrary register against a value, in the current case. */
#define CHECK(reg, val)  li t6, val; bne reg, t6, fail;

/* A trap handler that records the trap and resumes after the trapping
 * instruction (its length read from memory: 2 or 4 bytes):
 *   s2 = mcause, s3 = mtval, s4 = mepc, s5 = number of traps taken.
 * Interrupts are recorded and return to mepc unchanged.
 * Use once per test, outside the test body: TRAP_HANDLER_SKIP */
#define TRAP_HANDLER_SKIP                                \
        .align 2;                                        \
        .globl test_trap_handler;                        \
test_trap_handler:                                       \
        csrr s2, mcause;                                 \
        csrr s3, mtval;                                  \
        csrr s4, mepc;                                   \
        addi s5, s5, 1;                                  \
        bltz s2, 9f;                                     \
        lhu t5, 0(s4);                                   \
        andi t5, t5, 3;                                  \
        addi t4, x0, 3;                                  \
        addi t6, s4, 2;                                  \
        bne t5, t4, 8f;                                  \
        addi t6, s4, 4;                                  \
8:      csrw mepc, t6;                                   \
9:      mret;

/* Reset the trap record before a case that expects (or forbids) a trap */
#define TRAP_RESET  li s2, -1; li s3, -1; li s4, -1; li s5, 0;

/* Run `code` (one instruction at label 1:) and require exactly one trap
 * with mcause == cause, taken at that instruction. */
#define TEST_TRAP(testnum, cause, code...)               \
test_ ## testnum:                                        \
        li TESTNUM, testnum;                             \
        TRAP_RESET;                                      \
1:      code;                                            \
        CHECK(s5, 1);                                    \
        CHECK(s2, cause);                                \
        la t6, 1b; bne s4, t6, fail;

/* Require that `code` takes no trap */
#define TEST_NO_TRAP(testnum, code...)                   \
test_ ## testnum:                                        \
        li TESTNUM, testnum;                             \
        TRAP_RESET;                                      \
        code;                                            \
        CHECK(s5, 0);

/* Open every physical address to S and U mode with PMP entry 0 (NAPOT,
 * whole space, RWX), as riscv-tests' reset code does; needed before a test
 * drops to S or U. */
#define PMP_OPEN_ALL                                     \
        li t0, -1; csrw pmpaddr0, t0;                    \
        li t0, 0x1f; csrw pmpcfg0, t0;

/* mret into `mode` (0 = U, 1 = S, 3 = M) at `label` with MPIE cleared. */
#define MRET_TO(mode, label)                             \
        li t0, (3 << 11) | (1 << 7);                     \
        csrc mstatus, t0;                                \
        li t0, (mode) << 11;                             \
        csrs mstatus, t0;                                \
        la t0, label;                                    \
        csrw mepc, t0;                                   \
        mret;

/* A trap handler for tests that change privilege: records the trap like
 * TRAP_HANDLER_SKIP (s2 = mcause, s3 = mtval, s4 = mepc, s5 += 1, and
 * s7 = the mstatus seen on entry), then resumes in M-mode at the address
 * held in s6. */
#define TRAP_HANDLER_RESUME                              \
        .align 2;                                        \
        .globl test_trap_handler;                        \
test_trap_handler:                                       \
        csrr s2, mcause;                                 \
        csrr s3, mtval;                                  \
        csrr s4, mepc;                                   \
        csrr s7, mstatus;                                \
        addi s5, s5, 1;                                  \
        li t5, 3 << 11;                                  \
        csrs mstatus, t5;                                \
        csrw mepc, s6;                                   \
        mret;

/* CLINT (QEMU virt and Pagoda): msip of hart 0, mtimecmp, mtime */
#define CLINT_MSIP      0x2000000
#define CLINT_MTIMECMP  0x2004000
#define CLINT_MTIME     0x200bff8

#define TEST_PASSFAIL                                    \
        bne x0, TESTNUM, pass;                           \
fail:                                                    \
        RVTEST_FAIL;                                     \
pass:                                                    \
        RVTEST_PASS;

#endif
