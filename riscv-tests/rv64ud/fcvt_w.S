# fcvt.{w,wu,l,lu}.d: rounding in every mode, saturation with NV (NaN gives
# the largest value), 32-bit results sign-extended into rd, and values just
# past the int32 / uint32 range that are in range or not depending on rm.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCVT_I_D( 2, fcvt.w.d, rtz, NX, -1, 0xbff199999999999a)        /* -1.1 */
        TEST_FCVT_I_D( 3, fcvt.w.d, rtz, 0,  -1, D_MONE)
        TEST_FCVT_I_D( 4, fcvt.w.d, rtz, NX, 0,  0xbfeccccccccccccd)        /* -0.9 */
        TEST_FCVT_I_D( 5, fcvt.w.d, rne, NX, 1,  0x3feccccccccccccd)
        TEST_FCVT_I_D( 6, fcvt.w.d, rne, 0,  0,  D_NZERO)
        TEST_FCVT_I_D( 7, fcvt.w.d, rne, NX, 2,  0x3ff8000000000000)        /* 1.5 */
        TEST_FCVT_I_D( 8, fcvt.w.d, rne, NX, 2,  0x4004000000000000)        /* 2.5: even */
        TEST_FCVT_I_D( 9, fcvt.w.d, rmm, NX, 3,  0x4004000000000000)        /* away */
        TEST_FCVT_I_D(10, fcvt.w.d, rmm, NX, -3, 0xc004000000000000)
        TEST_FCVT_I_D(11, fcvt.w.d, rdn, NX, -3, 0xc004000000000000)
        TEST_FCVT_I_D(12, fcvt.w.d, rup, NX, -2, 0xc004000000000000)
        TEST_FCVT_I_D(13, fcvt.w.d, rtz, 0,  0x7fffffff, 0x41dfffffffc00000)
        TEST_FCVT_I_D(14, fcvt.w.d, rtz, NX, 0x7fffffff, 0x41dfffffffe00000) /* 2^31 - 0.5 */
        TEST_FCVT_I_D(15, fcvt.w.d, rne, NV, 0x7fffffff, 0x41dfffffffe00000) /* rounds to 2^31 */
        TEST_FCVT_I_D(16, fcvt.w.d, rup, NV, 0x7fffffff, 0x41dfffffffe00000)
        TEST_FCVT_I_D(17, fcvt.w.d, rdn, NX, 0x7fffffff, 0x41dfffffffe00000)
        TEST_FCVT_I_D(18, fcvt.w.d, rtz, 0,  0xffffffff80000000, 0xc1e0000000000000)
        TEST_FCVT_I_D(19, fcvt.w.d, rtz, NX, 0xffffffff80000000, 0xc1e0000000100000) /* -2^31 - 0.5 */
        TEST_FCVT_I_D(20, fcvt.w.d, rne, NX, 0xffffffff80000000, 0xc1e0000000100000)
        TEST_FCVT_I_D(21, fcvt.w.d, rdn, NV, 0xffffffff80000000, 0xc1e0000000100000)
        TEST_FCVT_I_D(22, fcvt.w.d, rmm, NV, 0xffffffff80000000, 0xc1e0000000100000)
        TEST_FCVT_I_D(23, fcvt.w.d, rtz, NV, 0x7fffffff, 0x41e0000000000000) /* 2^31 */
        TEST_FCVT_I_D(24, fcvt.w.d, rtz, NV, 0x7fffffff, D_INF)
        TEST_FCVT_I_D(25, fcvt.w.d, rtz, NV, 0xffffffff80000000, D_NINF)
        TEST_FCVT_I_D(26, fcvt.w.d, rtz, NV, 0x7fffffff, D_QNAN)
        TEST_FCVT_I_D(27, fcvt.w.d, rtz, NV, 0x7fffffff, 0xfff8000000000000)
        TEST_FCVT_I_D(28, fcvt.w.d, rtz, NV, 0x7fffffff, D_SNAN)

        TEST_FCVT_I_D(30, fcvt.wu.d, rtz, NX, 1, 0x3ff199999999999a)
        TEST_FCVT_I_D(31, fcvt.wu.d, rtz, NV, 0, D_MONE)
        TEST_FCVT_I_D(32, fcvt.wu.d, rtz, NX, 0, 0xbfe0000000000000)        /* -0.5 rtz: 0, NX only */
        TEST_FCVT_I_D(33, fcvt.wu.d, rup, NX, 0, 0xbfeccccccccccccd)        /* -0.9 rup: -0 */
        TEST_FCVT_I_D(34, fcvt.wu.d, rne, NV, 0, 0xbfeccccccccccccd)        /* -0.9 rne: -1 */
        TEST_FCVT_I_D(35, fcvt.wu.d, rdn, NV, 0, 0xbfe0000000000000)
        TEST_FCVT_I_D(36, fcvt.wu.d, rtz, 0,  0xffffffffb2d05e00, 0x41e65a0bc0000000) /* 3e9 sign-extended */
        TEST_FCVT_I_D(37, fcvt.wu.d, rtz, 0,  0xffffffffffffffff, 0x41efffffffe00000) /* 2^32 - 1 */
        TEST_FCVT_I_D(38, fcvt.wu.d, rtz, NX, 0xffffffffffffffff, 0x41effffffff00000) /* 2^32 - 0.5 */
        TEST_FCVT_I_D(39, fcvt.wu.d, rne, NV, 0xffffffffffffffff, 0x41effffffff00000)
        TEST_FCVT_I_D(40, fcvt.wu.d, rtz, NV, 0xffffffffffffffff, 0x41f0000000000000)
        TEST_FCVT_I_D(41, fcvt.wu.d, rtz, NV, 0xffffffffffffffff, D_INF)
        TEST_FCVT_I_D(42, fcvt.wu.d, rtz, NV, 0, D_NINF)
        TEST_FCVT_I_D(43, fcvt.wu.d, rtz, NV, 0xffffffffffffffff, D_QNAN)
        TEST_FCVT_I_D(44, fcvt.wu.d, rtz, 0,  0x0000000012345678, 0x41b2345678000000)

        TEST_FCVT_I_D(50, fcvt.l.d, rtz, NX, -1, 0xbff199999999999a)
        TEST_FCVT_I_D(51, fcvt.l.d, rne, NX, 2, 0x4004000000000000)
        TEST_FCVT_I_D(52, fcvt.l.d, rmm, NX, -3, 0xc004000000000000)
        TEST_FCVT_I_D(53, fcvt.l.d, rtz, 0,  0x7ffffffffffffc00, 0x43dfffffffffffff)
        TEST_FCVT_I_D(54, fcvt.l.d, rtz, 0,  0x8000000000000000, 0xc3e0000000000000)
        TEST_FCVT_I_D(55, fcvt.l.d, rtz, 0,  0xffffffff7fffffff, 0xc1e0000000200000) /* -2^31 - 1 fits */
        TEST_FCVT_I_D(56, fcvt.l.d, rtz, NV, 0x7fffffffffffffff, 0x43e0000000000000)
        TEST_FCVT_I_D(57, fcvt.l.d, rtz, NV, 0x8000000000000000, 0xc3e0000000000001)
        TEST_FCVT_I_D(58, fcvt.l.d, rtz, NV, 0x7fffffffffffffff, D_INF)
        TEST_FCVT_I_D(59, fcvt.l.d, rtz, NV, 0x8000000000000000, D_NINF)
        TEST_FCVT_I_D(60, fcvt.l.d, rtz, NV, 0x7fffffffffffffff, D_QNAN)
        TEST_FCVT_I_D(61, fcvt.l.d, rtz, NV, 0x7fffffffffffffff, 0xfff0000000000001)

        TEST_FCVT_I_D(70, fcvt.lu.d, rtz, NX, 1, 0x3ff199999999999a)
        TEST_FCVT_I_D(71, fcvt.lu.d, rtz, NV, 0, D_MONE)
        TEST_FCVT_I_D(72, fcvt.lu.d, rtz, NX, 0, 0xbfe0000000000000)
        TEST_FCVT_I_D(73, fcvt.lu.d, rtz, 0,  0xfffffffffffff800, 0x43efffffffffffff)
        TEST_FCVT_I_D(74, fcvt.lu.d, rtz, 0,  0x8000000000000000, 0x43e0000000000000)
        TEST_FCVT_I_D(75, fcvt.lu.d, rtz, NV, 0xffffffffffffffff, 0x43f0000000000000)
        TEST_FCVT_I_D(76, fcvt.lu.d, rtz, NV, 0xffffffffffffffff, D_INF)
        TEST_FCVT_I_D(77, fcvt.lu.d, rtz, NV, 0, D_NINF)
        TEST_FCVT_I_D(78, fcvt.lu.d, rtz, NV, 0xffffffffffffffff, D_QNAN)
        TEST_FCVT_I_D(79, fcvt.lu.d, rup, NX, 1, D_MINS)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
