/* rv64uzfh/cases: Zfh and Zfhmin on hand-checked values, each with its
 * fflags: rounding in every direction (1 + 2^-24), overflow to infinity or
 * the largest finite value, underflow to zero or the smallest subnormal,
 * division by zero, invalid operations, fmin/fmax on -0/+0 and NaNs,
 * comparisons, classification, conversions to and from integers, single and
 * double, NaN boxing (an unboxed register reads as the canonical NaN) and
 * the moves (fmv.x.h sign-extends).
 * pagoda-args: -cpu rv64,zfh=on
 * qemu-check: cpu rv64,Zfh=true
 */
#include "macros.h"

#define NX 1
#define UF 2
#define OF 4
#define DZ 8
#define NV 16

/* rd = insn on half operands a, b, c in rounding mode rm: check rd's bits
 * (the f result through fmv.x.h, sign-extended; or the x result) and the
 * flags.  Uses fa0-fa3, a0-a3. */
#define TEST_H(n, rm, want, flags, insn, a, b, c)        \
test_ ## n:                                              \
        li TESTNUM, n;                                   \
        li a1, a; fmv.h.x fa1, a1; li a2, b; fmv.h.x fa2, a2; li a3, c; fmv.h.x fa3, a3; \
        fsrmi rm; csrwi fflags, 0;                       \
        insn;                                            \
        frflags a3; CHECK(a3, flags);                    \
        CHECK(a0, want)
#define F(insn) insn fa0, fa1, fa2; fmv.x.h a0, fa0
#define F1(insn) insn fa0, fa1; fmv.x.h a0, fa0
#define F3(insn) insn fa0, fa1, fa2, fa3; fmv.x.h a0, fa0
#define X(insn) insn a0, fa1, fa2
#define X1(insn) insn a0, fa1

#define ONE 0x3c00
#define TWO 0x4000
#define TINY 0x0001         /* 2^-24, the smallest subnormal */
#define HALF 0x3800
#define MAXF 0x7bff         /* 65504 */
#define INF 0x7c00
#define QNAN 0x7e00
#define SNAN 0x7d01
#define FMV_SEXT(v) (((v) ^ 0x8000) - 0x8000)

RVTEST_CODE_BEGIN
        TEST_CASE(2, a0, ONE, li a1, ONE; fmv.h.x fa1, a1; fmv.x.h a0, fa1)
        TEST_H(3, 0, TWO, 0, F(fadd.h), ONE, ONE, 0)
        TEST_H(4, 0, ONE, NX, F(fadd.h), ONE, TINY, 0)          /* RNE */
        TEST_H(5, 1, ONE, NX, F(fadd.h), ONE, TINY, 0)          /* RTZ */
        TEST_H(6, 2, ONE, NX, F(fadd.h), ONE, TINY, 0)          /* RDN */
        TEST_H(7, 3, 0x3c01, NX, F(fadd.h), ONE, TINY, 0)       /* RUP */
        TEST_H(8, 4, ONE, NX, F(fadd.h), ONE, TINY, 0)          /* RMM */
        TEST_H(9, 2, FMV_SEXT(0xbc01), NX, F(fsub.h), 0xbc00, TINY, 0)   /* -1 - tiny, down */
        TEST_H(10, 0, INF, OF | NX, F(fadd.h), MAXF, 0x4c00, 0)   /* 65504 + 16 */
        TEST_H(11, 1, MAXF, NX, F(fadd.h), MAXF, 0x4c00, 0)       /* 65520 toward zero: no overflow */
        TEST_H(12, 0, 0, UF | NX, F(fmul.h), TINY, HALF, 0)      /* 2^-25: a tie, to even (0) */
        TEST_H(13, 3, TINY, UF | NX, F(fmul.h), TINY, HALF, 0)
        TEST_H(14, 4, TINY, UF | NX, F(fmul.h), TINY, HALF, 0)   /* RMM: ties away */
        TEST_H(15, 0, FMV_SEXT(0x8000), 0, F(fmul.h), TINY, 0x8000, 0)
        TEST_H(16, 2, FMV_SEXT(0x8000), 0, F(fsub.h), ONE, ONE, 0)      /* x - x = -0 rounding down */
        TEST_H(17, 0, 0, 0, F(fsub.h), ONE, ONE, 0)
        TEST_H(18, 0, INF, DZ, F(fdiv.h), ONE, 0, 0)
        TEST_H(19, 0, QNAN, NV, F(fdiv.h), 0, 0, 0)
        TEST_H(20, 0, 0x3555, NX, F(fdiv.h), ONE, 0x4200, 0)    /* 1/3 */
        TEST_H(21, 0, 0x3da8, NX, F1(fsqrt.h), TWO, 0, 0)       /* sqrt 2 */
        TEST_H(22, 0, QNAN, NV, F1(fsqrt.h), 0xbc00, 0, 0)
        TEST_H(23, 0, FMV_SEXT(0x8000), 0, F1(fsqrt.h), 0x8000, 0, 0)
        TEST_H(24, 0, 0x4500, 0, F3(fmadd.h), TWO, TWO, ONE)     /* 2 * 2 + 1 = 5 */
        TEST_H(25, 0, 0x4200, 0, F3(fmsub.h), TWO, TWO, ONE)     /* 3 */
        TEST_H(26, 0, FMV_SEXT(0xc200), 0, F3(fnmsub.h), TWO, TWO, ONE) /* -3 */
        TEST_H(27, 0, FMV_SEXT(0xc500), 0, F3(fnmadd.h), TWO, TWO, ONE) /* -5 */
        TEST_H(28, 0, 0x3c01, NX, F3(fmadd.h), 0x3c01, 0x3c01, 0x9400) /* one rounding, not two */
        TEST_H(29, 0, QNAN, NV, F3(fmadd.h), INF, 0, QNAN)       /* inf * 0 + qNaN */
        TEST_H(30, 0, FMV_SEXT(0x8000), 0, F(fmin.h), 0, 0x8000, 0)
        TEST_H(31, 0, 0, 0, F(fmax.h), 0x8000, 0, 0)
        TEST_H(32, 0, ONE, 0, F(fmin.h), QNAN, ONE, 0)
        TEST_H(33, 0, ONE, NV, F(fmax.h), SNAN, ONE, 0)
        TEST_H(34, 0, QNAN, 0, F(fmin.h), QNAN, QNAN, 0)
        TEST_H(35, 0, 1, 0, X(feq.h), 0, 0x8000, 0)
        TEST_H(36, 0, 0, 0, X(feq.h), QNAN, QNAN, 0)
        TEST_H(37, 0, 0, NV, X(feq.h), SNAN, ONE, 0)
        TEST_H(38, 0, 0, NV, X(flt.h), QNAN, ONE, 0)
        TEST_H(39, 0, 1, 0, X(flt.h), FMV_SEXT(0xfc00) & 0xffff, MAXF, 0)
        TEST_H(40, 0, 1, 0, X(fle.h), ONE, ONE, 0)
        TEST_H(41, 0, 0x20, 0, X1(fclass.h), TINY, 0, 0)        /* +subnormal */
        TEST_H(42, 0, 0x01, 0, X1(fclass.h), 0xfc00, 0, 0)      /* -inf */
        TEST_H(43, 0, 0x100, 0, X1(fclass.h), SNAN, 0, 0)
        TEST_H(44, 0, 0x200, 0, X1(fclass.h), QNAN, 0, 0)
        TEST_H(45, 0, 0x08, 0, X1(fclass.h), 0x8000, 0, 0)      /* -0 */
        TEST_H(46, 0, 0x40, 0, X1(fclass.h), MAXF, 0, 0)
        TEST_H(47, 0, FMV_SEXT(0x8000), 0, F(fsgnj.h), 0, 0x8000, 0)
        TEST_H(48, 0, ONE, 0, F(fsgnjn.h), ONE, 0x8000, 0)
        TEST_H(49, 0, FMV_SEXT(0xbc00), 0, F(fsgnjx.h), 0xbc00, ONE, 0)
        /* to integers */
        TEST_H(50, 0, 2, NX, X1(fcvt.w.h), 0x4100, 0, 0)        /* 2.5 to even */
        TEST_H(51, 4, 3, NX, X1(fcvt.w.h), 0x4100, 0, 0)        /* RMM */
        TEST_H(52, 2, -3, NX, X1(fcvt.w.h), 0xc100, 0, 0)       /* -2.5 down */
        TEST_H(53, 0, 0x7fffffff, NV, X1(fcvt.w.h), INF, 0, 0)
        TEST_H(54, 0, 0, NV, X1(fcvt.wu.h), 0xbc00, 0, 0)       /* -1 to unsigned */
        TEST_H(55, 0, 65504, 0, X1(fcvt.lu.h), MAXF, 0, 0)
        TEST_H(56, 0, 0x7fffffffffffffff, NV, X1(fcvt.l.h), QNAN, 0, 0)
        TEST_H(57, 0, 0, NX, X1(fcvt.l.h), TINY, 0, 0)
        /* from integers */
        TEST_CASE(58, a0, INF, li a1, 65535; csrwi fflags, 0; fcvt.h.w fa0, a1, rne; fmv.x.h a0, fa0; frflags a2; CHECK(a2, OF | NX))
        TEST_CASE(59, a0, MAXF, li a1, 65535; csrwi fflags, 0; fcvt.h.w fa0, a1, rtz; fmv.x.h a0, fa0; frflags a2; CHECK(a2, NX))
        TEST_CASE(60, a0, 0x67ff, li a1, 2047; csrwi fflags, 0; fcvt.h.lu fa0, a1; fmv.x.h a0, fa0; frflags a2; CHECK(a2, 0))
        TEST_CASE(61, a0, 0x6c00, li a1, 4097; csrwi fflags, 0; fcvt.h.l fa0, a1, rne; fmv.x.h a0, fa0; frflags a2; CHECK(a2, NX))
        TEST_CASE(62, a0, INF, li a1, -1; csrwi fflags, 0; fcvt.h.lu fa0, a1, rne; fmv.x.h a0, fa0; frflags a2; CHECK(a2, OF | NX))   /* 2^64 - 1 */
        TEST_CASE(63, a0, FMV_SEXT(0xbc00), li a1, -1; fcvt.h.w fa0, a1; fmv.x.h a0, fa0)
        /* Zfhmin: to and from single and double */
        TEST_CASE(64, a0, 0x33800000, li a1, TINY; fmv.h.x fa1, a1; fcvt.s.h fa0, fa1; fmv.x.w a0, fa0)
        TEST_CASE(65, a0, TINY, li a1, 0x33800000; fmv.w.x fa1, a1; fcvt.h.s fa0, fa1; fmv.x.h a0, fa0)
        TEST_CASE(66, a0, 0x40effc0000000000, li a1, MAXF; fmv.h.x fa1, a1; fcvt.d.h fa0, fa1; fmv.x.d a0, fa0)
        TEST_CASE(67, a0, 0x3c01, li a1, 0x3ff0000000000001; fmv.d.x fa1, a1; fcvt.h.d fa0, fa1, rup; fmv.x.h a0, fa0)
        TEST_CASE(68, a0, 0x7fc00000, li a1, SNAN; fmv.h.x fa1, a1; csrwi fflags, 0; fcvt.s.h fa0, fa1; frflags a2; CHECK(a2, NV); fmv.x.w a0, fa0)
        TEST_CASE(69, a0, QNAN, li a1, 0x7f800001; fmv.w.x fa1, a1; fcvt.h.s fa0, fa1; fmv.x.h a0, fa0)
        /* NaN boxing: an unboxed half operand is the canonical NaN; fmv.x.h
         * and fsgnj.h see through it differently (fmv copies bits) */
        TEST_CASE(70, a0, QNAN, li a1, 0x3c00; fmv.d.x fa1, a1; csrwi fflags, 0; fadd.h fa0, fa1, fa1; frflags a2; CHECK(a2, 0); fmv.x.h a0, fa0)
        TEST_CASE(71, a0, 0x3c00, li a1, 0x3c00; fmv.d.x fa1, a1; fmv.x.h a0, fa1)
        TEST_CASE(72, a0, QNAN, li a1, 0x123400003c00; fmv.d.x fa1, a1; fsgnj.h fa0, fa1, fa1; fmv.x.h a0, fa0)
        TEST_CASE(73, a0, 0xffffffffffff3c00, li a1, 0x3c00; fmv.h.x fa0, a1; fmv.x.d a0, fa0)
        /* flh/fsh: 16 bits, boxed on load, stored as they are */
        TEST_CASE(74, a0, 0xffffffffffffabcd, la a1, hdat; flh fa0, 2(a1); fmv.x.d a0, fa0)
        TEST_CASE(75, a0, 0x11113333abcd1111, la a1, hdat; flh fa0, 2(a1); li a2, 0x12343333; fmv.w.x fa1, a2; fsh fa1, 4(a1); fsh fa0, 2(a1); ld a0, 0(a1))
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
hdat:   .2byte 0x1111, 0xabcd, 0x2222, 0x1111
        RVTEST_DATA_END
