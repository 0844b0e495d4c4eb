# fmin.s / fmax.s: -0 < +0, one NaN operand gives the other, sNaN sets NV,
# two NaNs give the canonical NaN.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FOPN_S( 2, fmin.s, 0,  S_ONE, 0x40200000, S_ONE)
        TEST_FOPN_S( 3, fmin.s, 0,  0xc49a6333, 0xc49a6333, 0x3f8ccccd)
        TEST_FOPN_S( 4, fmin.s, 0,  0xc49a6333, 0x3f8ccccd, 0xc49a6333)
        TEST_FOPN_S( 5, fmin.s, 0,  S_NINF, S_NINF, S_MAX)
        TEST_FOPN_S( 6, fmin.s, 0,  S_MINS, S_INF, S_MINS)
        TEST_FOPN_S( 7, fmin.s, 0,  S_NZERO, S_PZERO, S_NZERO)   /* -0 < +0 */
        TEST_FOPN_S( 8, fmin.s, 0,  S_NZERO, S_NZERO, S_PZERO)
        TEST_FOPN_S( 9, fmin.s, 0,  S_ONE, S_QNAN, S_ONE)        /* one qNaN: the other, quiet */
        TEST_FOPN_S(10, fmin.s, 0,  S_MONE, S_MONE, 0xffc12345)
        TEST_FOPN_S(11, fmin.s, NV, S_ONE, S_SNAN, S_ONE)        /* sNaN: the other, NV */
        TEST_FOPN_S(12, fmin.s, NV, S_NINF, S_NINF, 0xff800001)
        TEST_FOPN_S(13, fmin.s, 0,  S_QNAN, 0x7fc00001, 0xffc00002) /* both NaN: canonical */
        TEST_FOPN_S(14, fmin.s, NV, S_QNAN, S_SNAN, S_QNAN)
        TEST_FOPN_S(15, fmin.s, NV, S_QNAN, 0xff800001, S_SNAN)
        TEST_FOPN_S(16, fmin.s, 0,  0x80000001, S_MINS, 0x80000001)

        TEST_FOPN_S(20, fmax.s, 0,  0x40200000, 0x40200000, S_ONE)
        TEST_FOPN_S(21, fmax.s, 0,  0x3f8ccccd, 0xc49a6333, 0x3f8ccccd)
        TEST_FOPN_S(22, fmax.s, 0,  0x3f8ccccd, 0x3f8ccccd, 0xc49a6333)
        TEST_FOPN_S(23, fmax.s, 0,  S_INF, S_INF, S_MAX)
        TEST_FOPN_S(24, fmax.s, 0,  S_MINS, S_NINF, S_MINS)
        TEST_FOPN_S(25, fmax.s, 0,  S_PZERO, S_PZERO, S_NZERO)   /* +0 > -0 */
        TEST_FOPN_S(26, fmax.s, 0,  S_PZERO, S_NZERO, S_PZERO)
        TEST_FOPN_S(27, fmax.s, 0,  S_ONE, S_QNAN, S_ONE)
        TEST_FOPN_S(28, fmax.s, 0,  S_MONE, S_MONE, 0x7fc12345)
        TEST_FOPN_S(29, fmax.s, NV, S_ONE, S_SNAN, S_ONE)
        TEST_FOPN_S(30, fmax.s, NV, S_NINF, S_NINF, 0x7f800002)
        TEST_FOPN_S(31, fmax.s, 0,  S_QNAN, 0xffc00000, 0x7fc00003)
        TEST_FOPN_S(32, fmax.s, NV, S_QNAN, S_SNAN, S_SNAN)
        TEST_FOPN_S(33, fmax.s, 0,  S_MINS, S_MINS, 0x80000001)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
