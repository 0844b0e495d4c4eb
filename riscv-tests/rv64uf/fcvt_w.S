# fcvt.{w,wu,l,lu}.s: rounding in every mode, saturation with NV (NaN gives
# the largest value), 32-bit results sign-extended into rd.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCVT_I_S( 2, fcvt.w.s, rtz, NX, -1, 0xbf8ccccd)                /* -1.1 */
        TEST_FCVT_I_S( 3, fcvt.w.s, rtz, 0,  -1, S_MONE)
        TEST_FCVT_I_S( 4, fcvt.w.s, rtz, NX, 0,  0xbf666666)                /* -0.9 */
        TEST_FCVT_I_S( 5, fcvt.w.s, rtz, NX, 0,  0x3f666666)
        TEST_FCVT_I_S( 6, fcvt.w.s, rne, NX, 1,  0x3f666666)
        TEST_FCVT_I_S( 7, fcvt.w.s, rtz, NX, 1,  0x3f8ccccd)
        TEST_FCVT_I_S( 8, fcvt.w.s, rne, 0,  0,  S_NZERO)
        TEST_FCVT_I_S( 9, fcvt.w.s, rne, NX, 2,  0x3fc00000)                /* 1.5: tie to even */
        TEST_FCVT_I_S(10, fcvt.w.s, rne, NX, 2,  0x40200000)                /* 2.5: tie to even */
        TEST_FCVT_I_S(11, fcvt.w.s, rmm, NX, 3,  0x40200000)                /* 2.5: away */
        TEST_FCVT_I_S(12, fcvt.w.s, rmm, NX, -3, 0xc0200000)
        TEST_FCVT_I_S(13, fcvt.w.s, rne, NX, -2, 0xc0200000)
        TEST_FCVT_I_S(14, fcvt.w.s, rdn, NX, -3, 0xc0200000)
        TEST_FCVT_I_S(15, fcvt.w.s, rup, NX, -2, 0xc0200000)
        TEST_FCVT_I_S(16, fcvt.w.s, rup, NX, 3,  0x40200000)
        TEST_FCVT_I_S(17, fcvt.w.s, rdn, NX, 2,  0x40200000)
        TEST_FCVT_I_S(18, fcvt.w.s, rtz, 0,  0x7fffff80, 0x4effffff)        /* largest float < 2^31 */
        TEST_FCVT_I_S(19, fcvt.w.s, rtz, 0,  0xffffffff80000000, 0xcf000000) /* -2^31 exact */
        TEST_FCVT_I_S(20, fcvt.w.s, rtz, NV, 0x7fffffff, 0x4f000000)        /* 2^31: saturate */
        TEST_FCVT_I_S(21, fcvt.w.s, rtz, NV, 0xffffffff80000000, 0xcf000001)
        TEST_FCVT_I_S(22, fcvt.w.s, rtz, NV, 0x7fffffff, S_INF)
        TEST_FCVT_I_S(23, fcvt.w.s, rtz, NV, 0xffffffff80000000, S_NINF)
        TEST_FCVT_I_S(24, fcvt.w.s, rtz, NV, 0x7fffffff, S_QNAN)            /* NaN -> max */
        TEST_FCVT_I_S(25, fcvt.w.s, rtz, NV, 0x7fffffff, 0xffc00000)        /* even negative NaN */
        TEST_FCVT_I_S(26, fcvt.w.s, rtz, NV, 0x7fffffff, S_SNAN)
        TEST_FCVT_I_S(27, fcvt.w.s, rtz, NV, 0x7fffffff, S_MAX)

        TEST_FCVT_I_S(30, fcvt.wu.s, rtz, NX, 1, 0x3f8ccccd)
        TEST_FCVT_I_S(31, fcvt.wu.s, rtz, NV, 0, S_MONE)                    /* negative: 0, NV */
        TEST_FCVT_I_S(32, fcvt.wu.s, rtz, NV, 0, 0xbf8ccccd)
        TEST_FCVT_I_S(33, fcvt.wu.s, rtz, NX, 0, 0xbf000000)                /* -0.5 rtz: 0, NX only */
        TEST_FCVT_I_S(34, fcvt.wu.s, rne, NX, 0, 0xbf000000)                /* -0.5 rne: -0 -> 0 */
        TEST_FCVT_I_S(35, fcvt.wu.s, rdn, NV, 0, 0xbf000000)                /* -0.5 rdn: -1, NV */
        TEST_FCVT_I_S(36, fcvt.wu.s, rne, NV, 0, 0xbf666666)                /* -0.9 rne: -1, NV */
        TEST_FCVT_I_S(37, fcvt.wu.s, rtz, 0,  0, S_NZERO)
        TEST_FCVT_I_S(38, fcvt.wu.s, rtz, 0,  0xffffffffb2d05e00, 0x4f32d05e) /* 3e9, sign-extended */
        TEST_FCVT_I_S(39, fcvt.wu.s, rtz, 0,  0xffffffffffffff00, 0x4f7fffff) /* 2^32-256 */
        TEST_FCVT_I_S(40, fcvt.wu.s, rtz, NV, 0xffffffffffffffff, 0x4f800000) /* 2^32: saturate */
        TEST_FCVT_I_S(41, fcvt.wu.s, rtz, NV, 0xffffffffffffffff, S_INF)
        TEST_FCVT_I_S(42, fcvt.wu.s, rtz, NV, 0, S_NINF)
        TEST_FCVT_I_S(43, fcvt.wu.s, rtz, NV, 0xffffffffffffffff, S_QNAN)
        TEST_FCVT_I_S(44, fcvt.wu.s, rtz, NV, 0xffffffffffffffff, 0xff800001)
        TEST_FCVT_I_S(45, fcvt.wu.s, rmm, NX, 1, S_HALF)

        TEST_FCVT_I_S(50, fcvt.l.s, rtz, NX, -1, 0xbf8ccccd)
        TEST_FCVT_I_S(51, fcvt.l.s, rne, NX, 2,  0x40200000)
        TEST_FCVT_I_S(52, fcvt.l.s, rmm, NX, -3, 0xc0200000)
        TEST_FCVT_I_S(53, fcvt.l.s, rtz, 0,  0x4000000000000000, 0x5e800000) /* 2^62 */
        TEST_FCVT_I_S(54, fcvt.l.s, rtz, 0,  0x0000000080000000, 0x4f000000) /* 2^31 fits */
        TEST_FCVT_I_S(55, fcvt.l.s, rtz, 0,  0x8000000000000000, 0xdf000000) /* -2^63 exact */
        TEST_FCVT_I_S(56, fcvt.l.s, rtz, NV, 0x7fffffffffffffff, 0x5f000000) /* 2^63 */
        TEST_FCVT_I_S(57, fcvt.l.s, rtz, NV, 0x8000000000000000, 0xdf000001)
        TEST_FCVT_I_S(58, fcvt.l.s, rtz, NV, 0x7fffffffffffffff, S_INF)
        TEST_FCVT_I_S(59, fcvt.l.s, rtz, NV, 0x8000000000000000, S_NINF)
        TEST_FCVT_I_S(60, fcvt.l.s, rtz, NV, 0x7fffffffffffffff, S_QNAN)
        TEST_FCVT_I_S(61, fcvt.l.s, rtz, NV, 0x7fffffffffffffff, 0xff800001)

        TEST_FCVT_I_S(70, fcvt.lu.s, rtz, NX, 1, 0x3f8ccccd)
        TEST_FCVT_I_S(71, fcvt.lu.s, rtz, NV, 0, S_MONE)
        TEST_FCVT_I_S(72, fcvt.lu.s, rtz, NX, 0, 0xbf000000)                /* -0.5 rtz */
        TEST_FCVT_I_S(73, fcvt.lu.s, rup, NX, 0, 0xbf000000)
        TEST_FCVT_I_S(74, fcvt.lu.s, rtz, 0,  0x8000000000000000, 0x5f000000) /* 2^63 fits */
        TEST_FCVT_I_S(75, fcvt.lu.s, rtz, NV, 0xffffffffffffffff, 0x5f800000) /* 2^64 */
        TEST_FCVT_I_S(76, fcvt.lu.s, rtz, NV, 0xffffffffffffffff, S_INF)
        TEST_FCVT_I_S(77, fcvt.lu.s, rtz, NV, 0, S_NINF)
        TEST_FCVT_I_S(78, fcvt.lu.s, rtz, NV, 0xffffffffffffffff, S_QNAN)
        TEST_FCVT_I_S(79, fcvt.lu.s, rtz, 0,  0xffffff0000000000, 0x5f7fffff)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
