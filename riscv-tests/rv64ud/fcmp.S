# feq.d (quiet), flt.d / fle.d (signaling).
#include "fmacros.h"

#define A 0xbff5c28f5c28f5c3      /* -1.36 */
#define B 0xbff5c28f5c28f5c4      /* a little more negative */

RVTEST_CODE_BEGIN
        TEST_FCMP_D( 2, feq.d, 0,  1, A, A)
        TEST_FCMP_D( 3, feq.d, 0,  0, A, B)
        TEST_FCMP_D( 4, feq.d, 0,  1, D_NZERO, D_PZERO)
        TEST_FCMP_D( 5, feq.d, 0,  0, D_QNAN, D_QNAN)
        TEST_FCMP_D( 6, feq.d, 0,  0, D_ONE, 0xfff8000000000001)
        TEST_FCMP_D( 7, feq.d, NV, 0, D_SNAN, D_ONE)
        TEST_FCMP_D( 8, feq.d, 0,  1, D_NINF, D_NINF)

        TEST_FCMP_D(20, flt.d, 0,  0, A, A)
        TEST_FCMP_D(21, flt.d, 0,  1, B, A)
        TEST_FCMP_D(22, flt.d, 0,  0, A, B)
        TEST_FCMP_D(23, flt.d, 0,  0, D_NZERO, D_PZERO)
        TEST_FCMP_D(24, flt.d, 0,  1, 0x8000000000000001, D_MINS)
        TEST_FCMP_D(25, flt.d, NV, 0, D_QNAN, D_ONE)
        TEST_FCMP_D(26, flt.d, NV, 0, D_ONE, D_SNAN)

        TEST_FCMP_D(30, fle.d, 0,  1, A, A)
        TEST_FCMP_D(31, fle.d, 0,  1, B, A)
        TEST_FCMP_D(32, fle.d, 0,  0, A, B)
        TEST_FCMP_D(33, fle.d, 0,  1, D_PZERO, D_NZERO)
        TEST_FCMP_D(34, fle.d, NV, 0, D_QNAN, D_QNAN)
        TEST_FCMP_D(35, fle.d, NV, 0, D_ONE, 0xfff8000000000000)
        TEST_FCMP_D(36, fle.d, 0,  1, D_MAX, D_INF)
        TEST_FP_INT_D(40, 0, 1, D_ONE, D_ONE, li a0, -1; fle.d a0, f10, f11)
        TEST_FP_INT_D(41, 0, 0, D_TWO, D_ONE, li a0, -1; fle.d a0, f10, f11)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
