# fmadd.d / fmsub.d / fnmadd.d / fnmsub.d: one rounding, NaN rules, signed zeros.
#   fmadd = a*b + c   fmsub = a*b - c   fnmsub = -(a*b) + c   fnmadd = -(a*b) - c
#include "fmacros.h"

#define M1235 0xc0934c6666666666      /* -1235.1 */
#define P1_1  0x3ff199999999999a      /* 1.1 */

RVTEST_CODE_BEGIN
        TEST_FOP3_D( 2, fmadd.d,  rne, 0,  0x400c000000000000, D_ONE, 0x4004000000000000, D_ONE)
        TEST_FOP3_D( 3, fmadd.d,  rne, NX, 0x409350cccccccccc, D_MONE, M1235, P1_1)
        TEST_FOP3_D( 4, fmadd.d,  rne, 0,  0xc028000000000000, D_TWO, 0xc014000000000000, 0xc000000000000000)
        TEST_FOP3_D( 5, fmsub.d,  rne, 0,  0x3ff8000000000000, D_ONE, 0x4004000000000000, D_ONE)
        TEST_FOP3_D( 6, fmsub.d,  rne, NX, 0x4093480000000000, D_MONE, M1235, P1_1)
        TEST_FOP3_D( 7, fmsub.d,  rne, 0,  0xc020000000000000, D_TWO, 0xc014000000000000, 0xc000000000000000)
        TEST_FOP3_D( 8, fnmadd.d, rne, 0,  0xc00c000000000000, D_ONE, 0x4004000000000000, D_ONE)
        TEST_FOP3_D( 9, fnmadd.d, rne, NX, 0xc09350cccccccccc, D_MONE, M1235, P1_1)
        TEST_FOP3_D(10, fnmadd.d, rne, 0,  0x4028000000000000, D_TWO, 0xc014000000000000, 0xc000000000000000)
        TEST_FOP3_D(11, fnmsub.d, rne, 0,  0xbff8000000000000, D_ONE, 0x4004000000000000, D_ONE)
        TEST_FOP3_D(12, fnmsub.d, rne, NX, 0xc093480000000000, D_MONE, M1235, P1_1)
        TEST_FOP3_D(13, fnmsub.d, rne, 0,  0x4020000000000000, D_TWO, 0xc014000000000000, 0xc000000000000000)

        /* one rounding: (1+2^-28)^2 - 1 = 2^-27 + 2^-56 exactly ... */
        TEST_FOP3_D(20, fmadd.d,  rne, 0,  0x3e40000000800000, 0x3ff0000001000000, 0x3ff0000001000000, D_MONE)
        /* ... where fmul then fadd loses the 2^-56 */
        TEST_FP_D(21, NX, 0x3e40000000000000, 0x3ff0000001000000, 0x3ff0000001000000, D_MONE,
                  fmul.d f13, f10, f11, rne; fadd.d f13, f13, f12, rne)
        TEST_FOP3_D(22, fmadd.d,  rne, 0,  0x3970000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000002)
        TEST_FOP3_D(23, fnmsub.d, rne, 0,  0xb970000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000002)
        TEST_FOP3_D(24, fmadd.d,  rne, 0,  D_MAX, D_MAX, D_TWO, 0xffefffffffffffff)
        TEST_FOP3_D(25, fmadd.d,  rne, OF|NX, D_INF, D_MAX, D_TWO, D_ONE)
        /* 1*1 + 2^-53 is a tie */
        TEST_FOP3_D(26, fmadd.d,  rne, NX, D_ONE,              D_ONE, D_ONE, 0x3ca0000000000000)
        TEST_FOP3_D(27, fmadd.d,  rmm, NX, 0x3ff0000000000001, D_ONE, D_ONE, 0x3ca0000000000000)
        TEST_FOP3_D(28, fmadd.d,  rup, NX, 0x3ff0000000000001, D_ONE, D_ONE, 0x3ca0000000000000)
        TEST_FOP3_D(29, fnmadd.d, rdn, NX, 0xbff0000000000001, D_ONE, D_ONE, 0x3ca0000000000000)
        TEST_FOP3_D(30, fnmadd.d, rtz, NX, D_MONE,             D_ONE, D_ONE, 0x3ca0000000000000)

        /* NaNs and infinities */
        TEST_FOP3_D(40, fmadd.d,  rne, NV, D_QNAN, D_INF, D_PZERO, D_QNAN)    /* inf*0 + qNaN: NV */
        TEST_FOP3_D(41, fmsub.d,  rne, NV, D_QNAN, D_NZERO, D_INF, 0x7ff8000000001234)
        TEST_FOP3_D(42, fmadd.d,  rne, NV, D_QNAN, D_INF, D_ONE, D_NINF)
        TEST_FOP3_D(43, fnmsub.d, rne, NV, D_QNAN, D_INF, D_ONE, D_INF)
        TEST_FOP3_D(44, fmadd.d,  rne, 0,  D_INF, D_INF, D_TWO, D_ONE)
        TEST_FOP3_D(45, fnmadd.d, rne, 0,  D_NINF, D_INF, D_TWO, D_ONE)
        TEST_FOP3_D(46, fmadd.d,  rne, 0,  D_QNAN, D_QNAN, D_ONE, D_ONE)
        TEST_FOP3_D(47, fmadd.d,  rne, 0,  D_QNAN, D_ONE, D_ONE, 0xfff8000000000001)
        TEST_FOP3_D(48, fmadd.d,  rne, NV, D_QNAN, D_ONE, D_ONE, D_SNAN)
        TEST_FOP3_D(49, fmadd.d,  rne, NV, D_QNAN, D_ONE, D_SNAN, D_ONE)

        /* signed zeros */
        TEST_FOP3_D(60, fmadd.d,  rne, 0,  D_PZERO, D_PZERO, D_ONE, D_NZERO)
        TEST_FOP3_D(61, fmadd.d,  rne, 0,  D_NZERO, D_NZERO, D_ONE, D_NZERO)
        TEST_FOP3_D(62, fnmadd.d, rne, 0,  D_NZERO, D_PZERO, D_ONE, D_PZERO)
        TEST_FOP3_D(63, fnmsub.d, rne, 0,  D_PZERO, D_PZERO, D_ONE, D_PZERO)
        TEST_FOP3_D(64, fmsub.d,  rdn, 0,  D_NZERO, D_ONE, D_ONE, D_ONE)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
