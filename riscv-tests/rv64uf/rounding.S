# Rounding modes: every static rm (rne/rtz/rdn/rup/rmm) and the same five
# through frm with rm=dyn, on ties (RNE to even vs RMM away), non-ties,
# overflow (infinity or largest finite by mode and sign) and underflow.
#include "fmacros.h"

/* one case, numbered by an expression (no label) */
#define RCASE(num, flags, res, a, b, code...)               \
        li TESTNUM, num;                                    \
        fsflags x0;                                         \
        li a0, a; fmv.w.x f10, a0;                          \
        li a0, b; fmv.w.x f11, a0;                          \
        code;                                               \
        fmv.x.d a0, f13;                                    \
        li t6, SBOX(res);                                   \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

/* op f13, f10, f11 in all five modes, static (cases n..n+4) and dynamic
   (cases n+5..n+9) */
#define RM_ALL(n, op, flags, a, b, r_rne, r_rtz, r_rdn, r_rup, r_rmm) \
        RCASE(n+0, flags, r_rne, a, b, op f13, f10, f11, rne) \
        RCASE(n+1, flags, r_rtz, a, b, op f13, f10, f11, rtz) \
        RCASE(n+2, flags, r_rdn, a, b, op f13, f10, f11, rdn) \
        RCASE(n+3, flags, r_rup, a, b, op f13, f10, f11, rup) \
        RCASE(n+4, flags, r_rmm, a, b, op f13, f10, f11, rmm) \
        RCASE(n+5, flags, r_rne, a, b, fsrmi 0; op f13, f10, f11, dyn) \
        RCASE(n+6, flags, r_rtz, a, b, fsrmi 1; op f13, f10, f11, dyn) \
        RCASE(n+7, flags, r_rdn, a, b, fsrmi 2; op f13, f10, f11, dyn) \
        RCASE(n+8, flags, r_rup, a, b, fsrmi 3; op f13, f10, f11, dyn) \
        RCASE(n+9, flags, r_rmm, a, b, fsrmi 4; op f13, f10, f11, dyn; fsrmi 0)

RVTEST_CODE_BEGIN
        /*                              a           b           rne         rtz         rdn         rup         rmm */
        /* 1 + 2^-24: a tie, even is down */
        RM_ALL( 10, fadd.s, NX,         S_ONE,      0x33800000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800001, 0x3f800001)
        /* (1+2^-23) + 2^-24: a tie, even is up */
        RM_ALL( 20, fadd.s, NX,         0x3f800001, 0x33800000, 0x3f800002, 0x3f800001, 0x3f800001, 0x3f800002, 0x3f800002)
        /* -1 - 2^-24: negative tie */
        RM_ALL( 30, fadd.s, NX,         S_MONE,     0xb3800000, 0xbf800000, 0xbf800000, 0xbf800001, 0xbf800000, 0xbf800001)
        /* 1 + 0.75 ulp, 1 + 0.25 ulp */
        RM_ALL( 40, fadd.s, NX,         S_ONE,      0x33c00000, 0x3f800001, 0x3f800000, 0x3f800000, 0x3f800001, 0x3f800001)
        RM_ALL( 50, fadd.s, NX,         S_ONE,      0x33000000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800001, 0x3f800000)
        /* overflow: infinity or the largest finite, by mode and sign */
        RM_ALL( 60, fadd.s, OF|NX,      S_MAX,      S_MAX,      S_INF,      S_MAX,      S_MAX,      S_INF,      S_INF)
        RM_ALL( 70, fadd.s, OF|NX,      0xff7fffff, 0xff7fffff, S_NINF,     0xff7fffff, S_NINF,     0xff7fffff, S_NINF)
        /* underflow of 2^-150 (half the smallest subnormal): tiny and inexact */
        RM_ALL( 80, fmul.s, UF|NX,      S_MINS,     S_HALF,     S_PZERO,    S_PZERO,    S_PZERO,    S_MINS,     S_MINS)
        RM_ALL( 90, fmul.s, UF|NX,      0x80000001, S_HALF,     S_NZERO,    S_NZERO,    0x80000001, S_NZERO,    0x80000001)
        /* 1/3 and -1/3 */
        RM_ALL(100, fdiv.s, NX,         S_ONE,      0x40400000, 0x3eaaaaab, 0x3eaaaaaa, 0x3eaaaaaa, 0x3eaaaaab, 0x3eaaaaab)
        RM_ALL(110, fdiv.s, NX,         S_MONE,     0x40400000, 0xbeaaaaab, 0xbeaaaaaa, 0xbeaaaaab, 0xbeaaaaaa, 0xbeaaaaab)
        /* x - x is -0 only in rdn */
        RM_ALL(120, fsub.s, 0,          S_TWO,      S_TWO,      S_PZERO,    S_PZERO,    S_NZERO,    S_PZERO,    S_PZERO)

        /* no rm suffix means dyn */
        RCASE(200, NX, 0x3f800000, S_ONE, 0x33c00000, fsrmi 1; fadd.s f13, f10, f11; fsrmi 0)
        RCASE(201, NX, 0x3f800001, S_ONE, 0x33c00000, fsrmi 3; fmul.s f12, f10, f10; fadd.s f13, f12, f11; fsrmi 0)
        /* a static rm ignores frm */
        RCASE(202, NX, 0x3f800000, S_ONE, 0x33c00000, fsrmi 3; fadd.s f13, f10, f11, rtz; fsrmi 0)
        RCASE(203, NX, 0x3f800001, S_ONE, 0x33c00000, fsrmi 1; fadd.s f13, f10, f11, rup; fsrmi 0)
        /* dynamic mode on other operations: fsqrt, fmadd, fcvt */
        RCASE(204, NX, 0x3fb504f4, S_TWO, 0, fsrmi 3; fsqrt.s f13, f10, dyn; fsrmi 0)
        RCASE(205, NX, 0x3fb504f3, S_TWO, 0, fsrmi 2; fsqrt.s f13, f10; fsrmi 0)
        RCASE(206, NX, 0x3f800001, S_ONE, 0x33800000, fsrmi 4; fmadd.s f13, f10, f10, f11; fsrmi 0)
        RCASE(207, NX, 0x3f800000, S_ONE, 0x33800000, fsrmi 0; fmadd.s f13, f10, f10, f11; fsrmi 0)
        RCASE(208, NX, 0x4b800001, 0, 0, li a1, 16777217; fsrmi 4; fcvt.s.w f13, a1; fsrmi 0)
        RCASE(209, NX, 0x4b800000, 0, 0, li a1, 16777217; fsrmi 0; fcvt.s.w f13, a1, dyn)
        /* float to integer with frm */
        TEST_FP_INT_S(210, NX, 3,  0x40200000, 0, fsrmi 4; fcvt.w.s a0, f10, dyn; fsrmi 0)
        TEST_FP_INT_S(211, NX, 2,  0x40200000, 0, fsrmi 0; fcvt.w.s a0, f10, dyn)
        TEST_FP_INT_S(212, NX, -3, 0xc0200000, 0, fsrmi 2; fcvt.l.s a0, f10, dyn; fsrmi 0)
        TEST_FP_INT_S(213, NX, -2, 0xc0200000, 0, fsrmi 3; fcvt.l.s a0, f10, dyn; fsrmi 0)
        TEST_FP_INT_S(214, NX, -2, 0xc0200000, 0, fsrmi 1; fcvt.w.s a0, f10, dyn; fsrmi 0)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
