# fmin.d / fmax.d: -0 < +0, one NaN operand gives the other, sNaN sets NV.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FOPN_D( 2, fmin.d, 0,  D_ONE, 0x4004000000000000, D_ONE)
        TEST_FOPN_D( 3, fmin.d, 0,  0xc0934c6666666666, 0xc0934c6666666666, 0x3ff199999999999a)
        TEST_FOPN_D( 4, fmin.d, 0,  0xc0934c6666666666, 0x3ff199999999999a, 0xc0934c6666666666)
        TEST_FOPN_D( 5, fmin.d, 0,  D_NINF, D_NINF, D_MAX)
        TEST_FOPN_D( 6, fmin.d, 0,  D_NZERO, D_PZERO, D_NZERO)
        TEST_FOPN_D( 7, fmin.d, 0,  D_NZERO, D_NZERO, D_PZERO)
        TEST_FOPN_D( 8, fmin.d, 0,  D_ONE, D_QNAN, D_ONE)
        TEST_FOPN_D( 9, fmin.d, 0,  D_MONE, D_MONE, 0xfff8000000012345)
        TEST_FOPN_D(10, fmin.d, NV, D_ONE, D_SNAN, D_ONE)
        TEST_FOPN_D(11, fmin.d, NV, D_NINF, D_NINF, 0xfff0000000000001)
        TEST_FOPN_D(12, fmin.d, 0,  D_QNAN, 0x7ff8000000000001, 0xfff8000000000002)
        TEST_FOPN_D(13, fmin.d, NV, D_QNAN, D_SNAN, D_QNAN)
        TEST_FOPN_D(14, fmin.d, 0,  0x8000000000000001, D_MINS, 0x8000000000000001)

        TEST_FOPN_D(20, fmax.d, 0,  0x4004000000000000, 0x4004000000000000, D_ONE)
        TEST_FOPN_D(21, fmax.d, 0,  0x3ff199999999999a, 0xc0934c6666666666, 0x3ff199999999999a)
        TEST_FOPN_D(22, fmax.d, 0,  D_INF, D_INF, D_MAX)
        TEST_FOPN_D(23, fmax.d, 0,  D_PZERO, D_PZERO, D_NZERO)
        TEST_FOPN_D(24, fmax.d, 0,  D_PZERO, D_NZERO, D_PZERO)
        TEST_FOPN_D(25, fmax.d, 0,  D_ONE, D_QNAN, D_ONE)
        TEST_FOPN_D(26, fmax.d, 0,  D_MONE, D_MONE, 0x7ff8000000012345)
        TEST_FOPN_D(27, fmax.d, NV, D_ONE, D_SNAN, D_ONE)
        TEST_FOPN_D(28, fmax.d, NV, D_NINF, D_NINF, 0x7ff0000000000002)
        TEST_FOPN_D(29, fmax.d, 0,  D_QNAN, 0xfff8000000000000, 0x7ff8000000000003)
        TEST_FOPN_D(30, fmax.d, NV, D_QNAN, D_SNAN, D_SNAN)
        TEST_FOPN_D(31, fmax.d, 0,  D_MINS, D_MINS, 0x8000000000000001)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
