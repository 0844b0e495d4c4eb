# NaN-boxing: a single operand whose upper 32 bits are not all ones reads as
# the canonical NaN (quiet, so no NV even if the low bits are a sNaN); every
# single-precision write sets the upper 32 bits (checked by every case, as
# all results are read with fmv.x.d).
#include "fmacros.h"

#define UB1   0x000000003f800000      /* 1.0, not boxed */
#define UBS   0x000000007f800001      /* sNaN bits, not boxed */
#define UBP   0xfffffffe3f800000      /* one upper bit clear */
#define UBM   0x7fffffffbf800000      /* -1.0, sign of the double clear */

/* put a 64-bit pattern in f10 / f11 / f12 */
#define F10(v) li a1, v; fmv.d.x f10, a1
#define F11(v) li a1, v; fmv.d.x f11, a1
#define F12(v) li a1, v; fmv.d.x f12, a1

RVTEST_CODE_BEGIN
        TEST_FP_S( 2, 0,  S_QNAN, 0, S_ONE, 0, F10(UB1); fadd.s f13, f10, f11)
        TEST_FP_S( 3, 0,  S_QNAN, S_ONE, 0, 0, F11(UB1); fadd.s f13, f10, f11)
        TEST_FP_S( 4, 0,  S_QNAN, 0, S_ONE, 0, F10(UBS); fadd.s f13, f10, f11)   /* no NV */
        TEST_FP_S( 5, 0,  S_QNAN, 0, S_ONE, 0, F10(UBP); fadd.s f13, f10, f11)
        TEST_FP_S( 6, 0,  S_QNAN, 0, S_ONE, 0, F10(UBM); fsub.s f13, f10, f11)
        TEST_FP_S( 7, 0,  S_QNAN, 0, S_ONE, 0, F10(UB1); fmul.s f13, f10, f11)
        TEST_FP_S( 8, 0,  S_QNAN, S_ONE, 0, 0, F11(UB1); fdiv.s f13, f10, f11)
        TEST_FP_S( 9, 0,  S_QNAN, 0, 0, 0, F10(UB1); fsqrt.s f13, f10)
        TEST_FP_S(10, 0,  S_QNAN, 0, S_ONE, S_ONE, F10(UB1); fmadd.s f13, f10, f11, f12)
        TEST_FP_S(11, 0,  S_QNAN, S_ONE, 0, S_ONE, F11(UB1); fmsub.s f13, f10, f11, f12)
        TEST_FP_S(12, 0,  S_QNAN, S_ONE, S_ONE, 0, F12(UB1); fnmadd.s f13, f10, f11, f12)
        TEST_FP_S(13, 0,  S_QNAN, S_ONE, S_ONE, 0, F12(UBS); fnmsub.s f13, f10, f11, f12)
        /* inf * 0 + (unboxed = qNaN): still NV */
        TEST_FP_S(14, NV, S_QNAN, S_INF, S_PZERO, 0, F12(UB1); fmadd.s f13, f10, f11, f12)
        /* fmin/fmax: an unboxed operand is a (quiet) NaN, so the other is returned */
        TEST_FP_S(15, 0,  S_TWO, 0, S_TWO, 0, F10(UB1); fmin.s f13, f10, f11)
        TEST_FP_S(16, 0,  S_TWO, 0, S_TWO, 0, F10(UBS); fmax.s f13, f10, f11)
        TEST_FP_S(17, 0,  S_QNAN, 0, 0, 0, F10(UB1); F11(UBP); fmin.s f13, f10, f11)
        /* sign injection: the NaN is canonical, then the sign is injected */
        TEST_FP_S(18, 0,  0xffc00000, 0, S_MONE, 0, F10(UB1); fsgnj.s f13, f10, f11)
        TEST_FP_S(19, 0,  0xffc00000, 0, S_ONE,  0, F10(UB1); fsgnjn.s f13, f10, f11)
        TEST_FP_S(20, 0,  S_QNAN,     0, S_ONE,  0, F10(UBM); fsgnjx.s f13, f10, f11)
        TEST_FP_S(21, 0,  S_ONE,  S_MONE, 0, 0, F11(UBM); fsgnj.s f13, f10, f11)  /* rs2 = +qNaN */
        TEST_FP_S(22, 0,  S_MONE, S_ONE,  0, 0, F11(UBM); fsgnjn.s f13, f10, f11)
        TEST_FP_S(23, 0,  S_MONE, S_MONE, 0, 0, F11(UBM); fsgnjx.s f13, f10, f11)
        TEST_FP_S(24, 0,  S_QNAN, 0, 0, 0, F10(UBM); fmv.s f13, f10)
        /* compares and conversions */
        TEST_FP_INT_S(30, 0,  0, 0, S_ONE, F10(UB1); feq.s a0, f10, f11)
        TEST_FP_INT_S(31, NV, 0, 0, S_ONE, F10(UB1); flt.s a0, f10, f11)
        TEST_FP_INT_S(32, NV, 0, S_ONE, 0, F11(UB1); fle.s a0, f10, f11)
        TEST_FP_INT_S(33, 0,  0, 0, 0, F10(UB1); F11(UB1); feq.s a0, f10, f11)
        TEST_FP_INT_S(34, NV, 0x7fffffff, 0, 0, F10(UB1); fcvt.w.s a0, f10, rtz)
        TEST_FP_INT_S(35, NV, 0xffffffffffffffff, 0, 0, F10(UB1); fcvt.lu.s a0, f10, rtz)
        TEST_FP_INT_S(36, 0,  1 << 9, 0, 0, F10(UB1); fclass.s a0, f10)
        TEST_FP_D(37, 0, D_QNAN, 0, 0, 0, F10(UB1); fcvt.d.s f13, f10)
        TEST_FP_D(38, 0, D_QNAN, 0, 0, 0, F10(UBS); fcvt.d.s f13, f10)
        /* a boxed single still works, and .s writes box: */
        TEST_FP_S(40, 0, S_TWO, 0, S_ONE, 0, li a1, 0xffffffff3f800000; fmv.d.x f10, a1; fadd.s f13, f10, f11)
        TEST_FP_S(41, 0, S_ONE, 0, 0, 0, li a1, 1; fcvt.s.l f13, a1)
        TEST_FP_S(42, 0, S_ONE, 0, 0, 0, li a1, D_ONE; fmv.d.x f10, a1; fcvt.s.d f13, f10)
        TEST_FP_S(43, 0, S_ONE, S_ONE, S_TWO, 0, li a1, D_ONE; fmv.d.x f13, a1; fmin.s f13, f10, f11)
        TEST_FP_S(44, 0, S_ONE, S_ONE, 0, 0, li a1, D_TWO; fmv.d.x f13, a1; fsgnj.s f13, f10, f10)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
