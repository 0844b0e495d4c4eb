# fmadd.s / fmsub.s / fnmadd.s / fnmsub.s: one rounding, NaN rules, signed zeros.
#   fmadd = a*b + c   fmsub = a*b - c   fnmsub = -(a*b) + c   fnmadd = -(a*b) - c
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FOP3_S( 2, fmadd.s,  rne, 0,  0x40600000, S_ONE, 0x40200000, S_ONE)          /* 1*2.5+1 = 3.5 */
        TEST_FOP3_S( 3, fmadd.s,  rne, NX, 0x449a8666, S_MONE, 0xc49a6333, 0x3f8ccccd)    /* 1236.2 */
        TEST_FOP3_S( 4, fmadd.s,  rne, 0,  0xc1400000, S_TWO, 0xc0a00000, 0xc0000000)     /* 2*-5-2 = -12 */
        TEST_FOP3_S( 5, fmsub.s,  rne, 0,  0x3fc00000, S_ONE, 0x40200000, S_ONE)          /* 1.5 */
        TEST_FOP3_S( 6, fmsub.s,  rne, NX, 0x449a4000, S_MONE, 0xc49a6333, 0x3f8ccccd)    /* 1234 */
        TEST_FOP3_S( 7, fmsub.s,  rne, 0,  0xc1000000, S_TWO, 0xc0a00000, 0xc0000000)     /* -8 */
        TEST_FOP3_S( 8, fnmadd.s, rne, 0,  0xc0600000, S_ONE, 0x40200000, S_ONE)          /* -3.5 */
        TEST_FOP3_S( 9, fnmadd.s, rne, NX, 0xc49a8666, S_MONE, 0xc49a6333, 0x3f8ccccd)
        TEST_FOP3_S(10, fnmadd.s, rne, 0,  0x41400000, S_TWO, 0xc0a00000, 0xc0000000)     /* 12 */
        TEST_FOP3_S(11, fnmsub.s, rne, 0,  0xbfc00000, S_ONE, 0x40200000, S_ONE)          /* -1.5 */
        TEST_FOP3_S(12, fnmsub.s, rne, NX, 0xc49a4000, S_MONE, 0xc49a6333, 0x3f8ccccd)
        TEST_FOP3_S(13, fnmsub.s, rne, 0,  0x41000000, S_TWO, 0xc0a00000, 0xc0000000)     /* 8 */

        /* one rounding: (1+2^-12)^2 - 1 = 2^-11 + 2^-24 exactly ... */
        TEST_FOP3_S(20, fmadd.s,  rne, 0,  0x3a000400, 0x3f800800, 0x3f800800, S_MONE)
        /* ... where fmul then fadd loses the 2^-24 (tie to even in fmul) */
        TEST_FP_S(21, NX, 0x3a000000, 0x3f800800, 0x3f800800, S_MONE,
                  fmul.s f13, f10, f11, rne; fadd.s f13, f13, f12, rne)
        TEST_FOP3_S(22, fmadd.s,  rne, 0,  0x28800000, 0x3f800001, 0x3f800001, 0xbf800002) /* 2^-46 */
        TEST_FOP3_S(23, fmsub.s,  rne, 0,  0x28800000, 0x3f800001, 0x3f800001, 0x3f800002)
        TEST_FOP3_S(24, fnmadd.s, rne, 0,  0xa8800000, 0x3f800001, 0x3f800001, 0xbf800002)
        TEST_FOP3_S(25, fnmsub.s, rne, 0,  0xa8800000, 0x3f800001, 0x3f800001, 0x3f800002)
        /* the product is not rounded to the format: max*2 - max = max, no overflow */
        TEST_FOP3_S(26, fmadd.s,  rne, 0,  S_MAX, S_MAX, S_TWO, 0xff7fffff)
        TEST_FOP3_S(27, fmadd.s,  rne, OF|NX, S_INF, S_MAX, S_TWO, S_ONE)
        /* rounding modes of the sum: 1*1 + 2^-24 is a tie */
        TEST_FOP3_S(28, fmadd.s,  rne, NX, S_ONE,      S_ONE, S_ONE, 0x33800000)
        TEST_FOP3_S(29, fmadd.s,  rmm, NX, 0x3f800001, S_ONE, S_ONE, 0x33800000)
        TEST_FOP3_S(30, fmadd.s,  rup, NX, 0x3f800001, S_ONE, S_ONE, 0x33800000)
        TEST_FOP3_S(31, fmadd.s,  rtz, NX, S_ONE,      S_ONE, S_ONE, 0x33800000)
        TEST_FOP3_S(32, fnmadd.s, rdn, NX, 0xbf800001, S_ONE, S_ONE, 0x33800000)          /* -(1) - 2^-24 */

        /* NaNs and infinities */
        TEST_FOP3_S(40, fmadd.s,  rne, NV, S_QNAN, S_INF, S_PZERO, S_QNAN)   /* inf*0 + qNaN: NV anyway */
        TEST_FOP3_S(41, fmadd.s,  rne, NV, S_QNAN, S_PZERO, S_NINF, 0x7fc01234)
        TEST_FOP3_S(42, fnmsub.s, rne, NV, S_QNAN, S_NINF, S_NZERO, S_QNAN)
        TEST_FOP3_S(43, fmadd.s,  rne, NV, S_QNAN, S_INF, S_ONE, S_NINF)     /* inf - inf */
        TEST_FOP3_S(44, fmsub.s,  rne, NV, S_QNAN, S_INF, S_ONE, S_INF)
        TEST_FOP3_S(45, fnmadd.s, rne, NV, S_QNAN, S_INF, S_ONE, S_NINF)     /* -inf - -inf */
        TEST_FOP3_S(46, fmadd.s,  rne, 0,  S_INF,  S_INF, S_TWO, S_ONE)
        TEST_FOP3_S(47, fnmadd.s, rne, 0,  S_NINF, S_INF, S_TWO, S_ONE)
        TEST_FOP3_S(48, fmadd.s,  rne, 0,  S_NINF, S_ONE, S_TWO, S_NINF)
        TEST_FOP3_S(49, fmadd.s,  rne, 0,  S_QNAN, S_QNAN, S_ONE, S_ONE)     /* quiet NaN: no flags */
        TEST_FOP3_S(50, fmadd.s,  rne, 0,  S_QNAN, S_ONE, S_ONE, 0xffc00001)
        TEST_FOP3_S(51, fmadd.s,  rne, NV, S_QNAN, S_ONE, S_ONE, S_SNAN)     /* signaling: NV */
        TEST_FOP3_S(52, fmadd.s,  rne, NV, S_QNAN, S_SNAN, S_ONE, S_ONE)
        TEST_FOP3_S(53, fmsub.s,  rne, NV, S_QNAN, S_ONE, 0xff800001, S_QNAN)

        /* signed zeros */
        TEST_FOP3_S(60, fmadd.s,  rne, 0,  S_PZERO, S_PZERO, S_ONE, S_NZERO) /* +0 + -0 */
        TEST_FOP3_S(61, fmadd.s,  rne, 0,  S_NZERO, S_NZERO, S_ONE, S_NZERO) /* -0 + -0 */
        TEST_FOP3_S(62, fmadd.s,  rdn, 0,  S_NZERO, S_PZERO, S_ONE, S_NZERO)
        TEST_FOP3_S(63, fnmadd.s, rne, 0,  S_NZERO, S_PZERO, S_ONE, S_PZERO) /* -0 - +0 */
        TEST_FOP3_S(64, fnmsub.s, rne, 0,  S_PZERO, S_PZERO, S_ONE, S_PZERO) /* -0 + +0 */
        TEST_FOP3_S(65, fmsub.s,  rne, 0,  S_PZERO, S_ONE, S_ONE, S_ONE)     /* 1 - 1 */
        TEST_FOP3_S(66, fmsub.s,  rdn, 0,  S_NZERO, S_ONE, S_ONE, S_ONE)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
