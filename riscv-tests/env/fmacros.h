/* Test macros for the F and D suites (rv64uf, rv64ud).
 *
 * Every case: clear fflags, put the operands in f10/f11/f12 (bit patterns,
 * moved in with fmv.w.x / fmv.d.x, so single operands are properly
 * NaN-boxed), run the instruction, then compare the result bit for bit and
 * fflags exactly, and leave fflags clear.  A single-precision result is read
 * back with fmv.x.d, so its NaN-box (upper 32 bits all ones) is checked too.
 *
 * Registers: a0..a3 scratch, f10..f13 operands/result, s11 counts traps
 * taken by FP_TRAP_HANDLER; t5/t6/gp belong to test.h. */
#ifndef PAGODA_FMACROS_H
#define PAGODA_FMACROS_H

#include "macros.h"

/* (Built with -DPAGODA_QEMU_EXIT, test.h reports through sifive_test for QEMU.) */

/* fflags bits */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/* special values (bit patterns) */
#define S_PZERO 0x00000000
#define S_NZERO 0x80000000
#define S_ONE   0x3f800000
#define S_MONE  0xbf800000
#define S_TWO   0x40000000
#define S_HALF  0x3f000000
#define S_INF   0x7f800000
#define S_NINF  0xff800000
#define S_QNAN  0x7fc00000      /* the canonical NaN */
#define S_SNAN  0x7f800001
#define S_MAX   0x7f7fffff      /* largest finite */
#define S_MINN  0x00800000      /* smallest normal */
#define S_MINS  0x00000001      /* smallest subnormal */
#define D_PZERO 0x0000000000000000
#define D_NZERO 0x8000000000000000
#define D_ONE   0x3ff0000000000000
#define D_MONE  0xbff0000000000000
#define D_TWO   0x4000000000000000
#define D_HALF  0x3fe0000000000000
#define D_INF   0x7ff0000000000000
#define D_NINF  0xfff0000000000000
#define D_QNAN  0x7ff8000000000000
#define D_SNAN  0x7ff0000000000001
#define D_MAX   0x7fefffffffffffff
#define D_MINN  0x0010000000000000
#define D_MINS  0x0000000000000001

/* a single-precision value as it must sit, NaN-boxed, in a 64-bit f register */
#define SBOX(x) (0xffffffff00000000 | (x))

/* compare fflags with `flags` and clear them */
#define CHECK_FFLAGS(flags)                                 \
        fsflags a1, x0;                                     \
        li t6, flags;                                       \
        bne a1, t6, fail;

/* ---- generic cases: `code` reads f10,f11,f12 and writes f13 (or a0) ---- */

#define TEST_FP_S(testnum, flags, result, val1, val2, val3, code...) \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        fsflags x0;                                         \
        li a0, val1; fmv.w.x f10, a0;                       \
        li a0, val2; fmv.w.x f11, a0;                       \
        li a0, val3; fmv.w.x f12, a0;                       \
        code;                                               \
        fmv.x.d a0, f13;                                    \
        li t6, SBOX(result);                                \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

#define TEST_FP_D(testnum, flags, result, val1, val2, val3, code...) \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        fsflags x0;                                         \
        li a0, val1; fmv.d.x f10, a0;                       \
        li a0, val2; fmv.d.x f11, a0;                       \
        li a0, val3; fmv.d.x f12, a0;                       \
        code;                                               \
        fmv.x.d a0, f13;                                    \
        li t6, result;                                      \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

/* integer result in a0 (compare, class, fcvt to integer, fmv to integer) */
#define TEST_FP_INT_S(testnum, flags, result, val1, val2, code...) \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        fsflags x0;                                         \
        li a0, val1; fmv.w.x f10, a0;                       \
        li a0, val2; fmv.w.x f11, a0;                       \
        li a0, 0x5a5a5a5a5a5a5a5a;                          \
        code;                                               \
        li t6, result;                                      \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

#define TEST_FP_INT_D(testnum, flags, result, val1, val2, code...) \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        fsflags x0;                                         \
        li a0, val1; fmv.d.x f10, a0;                       \
        li a0, val2; fmv.d.x f11, a0;                       \
        li a0, 0x5a5a5a5a5a5a5a5a;                          \
        code;                                               \
        li t6, result;                                      \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

/* ---- shorthands ---- */

/* op f13, f10, f11 [, rm]        e.g. TEST_FOP2_S(2, fadd.s, rne, 0, ...) */
#define TEST_FOP2_S(n, inst, rm, flags, res, a, b) \
        TEST_FP_S(n, flags, res, a, b, 0, inst f13, f10, f11, rm)
#define TEST_FOP2_D(n, inst, rm, flags, res, a, b) \
        TEST_FP_D(n, flags, res, a, b, 0, inst f13, f10, f11, rm)
#define TEST_FOP1_S(n, inst, rm, flags, res, a) \
        TEST_FP_S(n, flags, res, a, 0, 0, inst f13, f10, rm)
#define TEST_FOP1_D(n, inst, rm, flags, res, a) \
        TEST_FP_D(n, flags, res, a, 0, 0, inst f13, f10, rm)
#define TEST_FOP3_S(n, inst, rm, flags, res, a, b, c) \
        TEST_FP_S(n, flags, res, a, b, c, inst f13, f10, f11, f12, rm)
#define TEST_FOP3_D(n, inst, rm, flags, res, a, b, c) \
        TEST_FP_D(n, flags, res, a, b, c, inst f13, f10, f11, f12, rm)
/* no rounding-mode field: fsgnj*, fmin, fmax */
#define TEST_FOPN_S(n, inst, flags, res, a, b) \
        TEST_FP_S(n, flags, res, a, b, 0, inst f13, f10, f11)
#define TEST_FOPN_D(n, inst, flags, res, a, b) \
        TEST_FP_D(n, flags, res, a, b, 0, inst f13, f10, f11)
/* feq/flt/fle */
#define TEST_FCMP_S(n, inst, flags, res, a, b) \
        TEST_FP_INT_S(n, flags, res, a, b, inst a0, f10, f11)
#define TEST_FCMP_D(n, inst, flags, res, a, b) \
        TEST_FP_INT_D(n, flags, res, a, b, inst a0, f10, f11)
#define TEST_FCLASS_S(n, res, a) \
        TEST_FP_INT_S(n, 0, res, a, 0, fclass.s a0, f10)
#define TEST_FCLASS_D(n, res, a) \
        TEST_FP_INT_D(n, 0, res, a, 0, fclass.d a0, f10)
/* fcvt.{w,wu,l,lu}.{s,d} a0, f10, rm   (res is the full 64-bit rd) */
#define TEST_FCVT_I_S(n, inst, rm, flags, res, a) \
        TEST_FP_INT_S(n, flags, res, a, 0, inst a0, f10, rm)
#define TEST_FCVT_I_D(n, inst, rm, flags, res, a) \
        TEST_FP_INT_D(n, flags, res, a, 0, inst a0, f10, rm)
/* fcvt.{s,d}.{w,wu,l,lu} f13, a0, rm   (ia is the 64-bit integer in rs1) */
#define TEST_FCVT_S_I(n, inst, rm, flags, res, ia) \
        TEST_FP_S(n, flags, res, 0, 0, 0, li a0, ia; inst f13, a0, rm)
#define TEST_FCVT_D_I(n, inst, rm, flags, res, ia) \
        TEST_FP_D(n, flags, res, 0, 0, 0, li a0, ia; inst f13, a0, rm)

/* ---- traps ----
 * FP_TRAP_HANDLER defines test_trap_handler: it accepts only an illegal
 * instruction (mcause 2), counts it in s11 and resumes after the trapping
 * instruction (2 or 4 bytes long).  TEST_ILLEGAL checks that `code` trapped
 * exactly once. */
#define FP_TRAP_HANDLER                                     \
        .align 2;                                           \
        .globl test_trap_handler;                           \
test_trap_handler:                                          \
        csrr t5, mcause;                                    \
        li t6, 2;                                           \
        bne t5, t6, fail;                                   \
        addi s11, s11, 1;                                   \
        csrr t5, mepc;                                      \
        lhu t6, 0(t5);                                      \
        andi t6, t6, 3;                                     \
        addi t5, t5, 2;                                     \
        addi t6, t6, -3;                                    \
        bnez t6, 1f;                                        \
        addi t5, t5, 2;                                     \
1:      csrw mepc, t5;                                      \
        mret;

#define TEST_ILLEGAL(testnum, code...)                      \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        li s11, 0;                                          \
        code;                                               \
        li t6, 1;                                           \
        bne s11, t6, fail;

/* `code` must run without trapping */
#define TEST_LEGAL(testnum, code...)                        \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        li s11, 0;                                          \
        code;                                               \
        bnez s11, fail;

#endif
