# fcvt.d.{w,wu,l,lu} (w/wu exact, read only the low 32 bits), fcvt.s.d
# (rounding, overflow, underflow, NaN), fcvt.d.s (exact, NaN).
#include "fmacros.h"

/* fcvt.s.d f13, f10 with a double operand; result checked NaN-boxed */
#define TEST_FCVT_S_D(n, rm, flags, res, dval) \
        TEST_FP_S(n, flags, res, 0, 0, 0, li a1, dval; fmv.d.x f10, a1; fcvt.s.d f13, f10, rm)
#define TEST_FCVT_D_S(n, flags, res, sval) \
        TEST_FP_D(n, flags, res, 0, 0, 0, li a1, sval; fmv.w.x f10, a1; fcvt.d.s f13, f10)

/* fcvt.d.w / fcvt.d.wu are exact and take no rm in the assembler */
#define TEST_FCVT_D_W(n, inst, flags, res, ia) \
        TEST_FP_D(n, flags, res, 0, 0, 0, li a0, ia; inst f13, a0)

RVTEST_CODE_BEGIN
        TEST_FCVT_D_W( 2, fcvt.d.w, 0,  D_TWO, 2)
        TEST_FCVT_D_W( 3, fcvt.d.w, 0,  0xc000000000000000, -2)
        TEST_FCVT_D_W( 4, fcvt.d.w, 0,  0x41dfffffffc00000, 0x7fffffff)
        TEST_FCVT_D_W( 5, fcvt.d.w, 0,  0xc1e0000000000000, 0x0000000080000000) /* low word -2^31 */
        TEST_FCVT_D_W( 6, fcvt.d.w, 0,  D_TWO, 0xabcdef0000000002)
        TEST_FCVT_D_W( 7, fcvt.d.w, 0,  D_PZERO, 0)
        TEST_FCVT_D_W( 8, fcvt.d.wu, 0,  0x41efffffffe00000, 0xffffffff)
        TEST_FCVT_D_W( 9, fcvt.d.wu, 0,  0x41efffffffe00000, -1)
        TEST_FCVT_D_W(10, fcvt.d.wu, 0,  D_ONE, 0xffffffff00000001)
        /* any valid rm field gives the same exact result (fcvt.d.w rm=rtz, fcvt.d.wu rm=rup) */
        TEST_FP_D(23, 0, 0xc1e0000000000000, 0, 0, 0, li a0, 0x80000000; .insn r OP_FP, 1, 0x69, f13, a0, x0)
        TEST_FP_D(24, 0, 0x41dfffffffc00000, 0, 0, 0, li a0, 0x7fffffff; .insn r OP_FP, 3, 0x69, f13, a0, x1)
        TEST_FCVT_D_I(11, fcvt.d.l,  rne, 0,  0xc000000000000000, -2)
        TEST_FCVT_D_I(12, fcvt.d.l,  rne, 0,  0xc3e0000000000000, 0x8000000000000000)
        TEST_FCVT_D_I(13, fcvt.d.l,  rne, NX, 0x43e0000000000000, 0x7fffffffffffffff)
        TEST_FCVT_D_I(14, fcvt.d.l,  rtz, NX, 0x43dfffffffffffff, 0x7fffffffffffffff)
        TEST_FCVT_D_I(15, fcvt.d.l,  rne, NX, 0x4340000000000000, 0x0020000000000001) /* 2^53+1: tie, even */
        TEST_FCVT_D_I(16, fcvt.d.l,  rmm, NX, 0x4340000000000001, 0x0020000000000001) /* away */
        TEST_FCVT_D_I(17, fcvt.d.l,  rdn, NX, 0xc340000000000001, 0xffdfffffffffffff) /* -(2^53+1) */
        TEST_FCVT_D_I(18, fcvt.d.l,  rup, NX, 0xc340000000000000, 0xffdfffffffffffff)
        TEST_FCVT_D_I(19, fcvt.d.lu, rne, NX, 0x43f0000000000000, 0xffffffffffffffff)
        TEST_FCVT_D_I(20, fcvt.d.lu, rtz, NX, 0x43efffffffffffff, 0xffffffffffffffff)
        TEST_FCVT_D_I(21, fcvt.d.lu, rne, 0,  0x43e0000000000000, 0x8000000000000000)
        TEST_FCVT_D_I(22, fcvt.d.lu, rne, 0,  D_PZERO, 0)

        /* fcvt.s.d */
        TEST_FCVT_S_D(30, rne, 0,     S_ONE,      D_ONE)
        TEST_FCVT_S_D(31, rne, NX,    0x3f8ccccd, 0x3ff199999999999a)     /* 1.1 */
        TEST_FCVT_S_D(32, rtz, NX,    0x3f8ccccc, 0x3ff199999999999a)
        TEST_FCVT_S_D(33, rdn, NX,    0xbf8ccccd, 0xbff199999999999a)
        TEST_FCVT_S_D(34, rup, NX,    0xbf8ccccc, 0xbff199999999999a)
        TEST_FCVT_S_D(35, rne, 0,     0x3f8ccccd, 0x3ff19999a0000000)     /* exactly a single */
        TEST_FCVT_S_D(36, rne, OF|NX, S_INF,      D_MAX)
        TEST_FCVT_S_D(37, rtz, OF|NX, S_MAX,      D_MAX)
        TEST_FCVT_S_D(38, rdn, OF|NX, S_NINF,     0xffefffffffffffff)
        TEST_FCVT_S_D(39, rup, OF|NX, 0xff7fffff, 0xffefffffffffffff)
        TEST_FCVT_S_D(40, rne, 0,     S_INF,      D_INF)                  /* inf: exact */
        TEST_FCVT_S_D(41, rne, 0,     S_NZERO,    D_NZERO)
        TEST_FCVT_S_D(42, rne, 0,     S_QNAN,     0xfff8000012345678)     /* canonical NaN */
        TEST_FCVT_S_D(43, rne, NV,    S_QNAN,     D_SNAN)
        TEST_FCVT_S_D(44, rne, 0,     S_MINS,     0x36a0000000000000)     /* 2^-149: exact subnormal */
        TEST_FCVT_S_D(45, rne, UF|NX, S_PZERO,    0x3690000000000000)     /* 2^-150: tie to 0 */
        TEST_FCVT_S_D(46, rmm, UF|NX, S_MINS,     0x3690000000000000)
        TEST_FCVT_S_D(47, rne, UF|NX, 0x00000002, 0x36a8000000000000)     /* 1.5 * 2^-149 */
        TEST_FCVT_S_D(48, rne, UF|NX, S_PZERO,    D_MINS)
        TEST_FCVT_S_D(49, rup, UF|NX, S_MINS,     D_MINS)
        /* 2^-126 (1 - 2^-30): rounds to 2^-126, not tiny after rounding */
        TEST_FCVT_S_D(50, rne, NX,    S_MINN,     0x380fffffff800000)
        TEST_FCVT_S_D(51, rtz, UF|NX, 0x007fffff, 0x380fffffff800000)

        /* fcvt.d.s: always exact */
        TEST_FCVT_D_S(60, 0,  D_ONE, S_ONE)
        TEST_FCVT_D_S(61, 0,  0x3ff19999a0000000, 0x3f8ccccd)
        TEST_FCVT_D_S(62, 0,  0xc7efffffe0000000, 0xff7fffff)
        TEST_FCVT_D_S(63, 0,  0x36a0000000000000, S_MINS)                 /* subnormal single: normal double */
        TEST_FCVT_D_S(64, 0,  D_NZERO, S_NZERO)
        TEST_FCVT_D_S(65, 0,  D_NINF, S_NINF)
        TEST_FCVT_D_S(66, 0,  D_QNAN, 0xffc12345)                         /* canonical NaN */
        TEST_FCVT_D_S(67, NV, D_QNAN, S_SNAN)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
