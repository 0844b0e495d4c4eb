# feq.s (quiet: NV only for sNaN), flt.s / fle.s (signaling: NV for any NaN).
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCMP_S( 2, feq.s, 0,  1, 0xbfae147b, 0xbfae147b)
        TEST_FCMP_S( 3, feq.s, 0,  0, 0xbfae147b, 0xbfae147c)
        TEST_FCMP_S( 4, feq.s, 0,  1, S_NZERO, S_PZERO)          /* -0 == +0 */
        TEST_FCMP_S( 5, feq.s, 0,  1, S_INF, S_INF)
        TEST_FCMP_S( 6, feq.s, 0,  0, S_QNAN, S_QNAN)            /* NaN != NaN, quiet */
        TEST_FCMP_S( 7, feq.s, 0,  0, S_ONE, 0xffc00001)
        TEST_FCMP_S( 8, feq.s, NV, 0, S_SNAN, S_ONE)             /* sNaN: NV */
        TEST_FCMP_S( 9, feq.s, NV, 0, S_SNAN, S_SNAN)
        TEST_FCMP_S(10, feq.s, 0,  1, S_MINS, S_MINS)

        TEST_FCMP_S(20, flt.s, 0,  0, 0xbfae147b, 0xbfae147b)
        TEST_FCMP_S(21, flt.s, 0,  1, 0xbfae147c, 0xbfae147b)    /* -1.3600001 < -1.36 */
        TEST_FCMP_S(22, flt.s, 0,  0, 0xbfae147b, 0xbfae147c)
        TEST_FCMP_S(23, flt.s, 0,  0, S_NZERO, S_PZERO)          /* -0 < +0 is false */
        TEST_FCMP_S(24, flt.s, 0,  1, S_NINF, S_MAX)
        TEST_FCMP_S(25, flt.s, 0,  1, 0x80000001, S_MINS)
        TEST_FCMP_S(26, flt.s, NV, 0, S_QNAN, S_ONE)             /* qNaN: NV */
        TEST_FCMP_S(27, flt.s, NV, 0, S_ONE, 0xffc00000)
        TEST_FCMP_S(28, flt.s, NV, 0, S_SNAN, S_ONE)

        TEST_FCMP_S(30, fle.s, 0,  1, 0xbfae147b, 0xbfae147b)
        TEST_FCMP_S(31, fle.s, 0,  1, 0xbfae147c, 0xbfae147b)
        TEST_FCMP_S(32, fle.s, 0,  0, 0xbfae147b, 0xbfae147c)
        TEST_FCMP_S(33, fle.s, 0,  1, S_NZERO, S_PZERO)
        TEST_FCMP_S(34, fle.s, 0,  1, S_PZERO, S_NZERO)
        TEST_FCMP_S(35, fle.s, 0,  0, S_INF, S_MAX)
        TEST_FCMP_S(36, fle.s, NV, 0, S_QNAN, S_QNAN)
        TEST_FCMP_S(37, fle.s, NV, 0, S_ONE, S_QNAN)
        TEST_FCMP_S(38, fle.s, NV, 0, S_ONE, S_SNAN)
        /* pseudo-instructions fgt/fge swap the operands */
        TEST_FP_INT_S(40, 0, 1, S_TWO, S_ONE, fgt.s a0, f10, f11)
        TEST_FP_INT_S(41, 0, 0, S_ONE, S_ONE, fgt.s a0, f10, f11)
        TEST_FP_INT_S(42, 0, 1, S_ONE, S_ONE, fge.s a0, f10, f11)
        /* rd is the full register: upper bits cleared */
        TEST_FP_INT_S(43, 0, 1, S_ONE, S_ONE, li a0, -1; feq.s a0, f10, f11)
        TEST_FP_INT_S(44, 0, 0, S_ONE, S_TWO, li a0, -1; feq.s a0, f10, f11)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
