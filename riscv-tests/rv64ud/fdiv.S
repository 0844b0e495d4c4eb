# fdiv.d / fsqrt.d: results, rounding, DZ, NV, special operands.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FOP2_D( 2, fdiv.d, rne, NX,    0x3ff27ddbf6271dbe, 0x400921fb54442d18, 0x4005bf0a8b145769) /* pi/e */
        TEST_FOP2_D( 3, fdiv.d, rne, NX,    0xbfeff8b43e1929a5, 0xc093480000000000, 0x40934c6666666666) /* -1234/1235.1 */
        TEST_FOP2_D( 4, fdiv.d, rne, 0,     0x400921fb54442d18, 0x400921fb54442d18, D_ONE)
        TEST_FOP2_D( 5, fdiv.d, rne, 0,     0xc004000000000000, 0x4014000000000000, 0xc000000000000000)
        TEST_FOP2_D( 6, fdiv.d, rne, NX,    0x3fd5555555555555, D_ONE, 0x4008000000000000)   /* 1/3 */
        TEST_FOP2_D( 7, fdiv.d, rup, NX,    0x3fd5555555555556, D_ONE, 0x4008000000000000)
        TEST_FOP2_D( 8, fdiv.d, rdn, NX,    0xbfd5555555555556, D_MONE, 0x4008000000000000)
        TEST_FOP2_D( 9, fdiv.d, rtz, NX,    0xbfd5555555555555, D_MONE, 0x4008000000000000)
        TEST_FOP2_D(10, fdiv.d, rne, DZ,    D_INF, D_ONE, D_PZERO)
        TEST_FOP2_D(11, fdiv.d, rne, DZ,    D_NINF, D_MONE, D_PZERO)
        TEST_FOP2_D(12, fdiv.d, rne, DZ,    D_NINF, D_ONE, D_NZERO)
        TEST_FOP2_D(13, fdiv.d, rne, NV,    D_QNAN, D_PZERO, D_NZERO)
        TEST_FOP2_D(14, fdiv.d, rne, NV,    D_QNAN, D_NINF, D_INF)
        TEST_FOP2_D(15, fdiv.d, rne, 0,     D_INF, D_INF, D_PZERO)
        TEST_FOP2_D(16, fdiv.d, rne, 0,     D_NZERO, D_PZERO, D_NINF)
        TEST_FOP2_D(17, fdiv.d, rne, 0,     D_QNAN, D_QNAN, D_PZERO)
        TEST_FOP2_D(18, fdiv.d, rne, NV,    D_QNAN, D_SNAN, D_ONE)
        TEST_FOP2_D(19, fdiv.d, rne, OF|NX, D_INF, D_MAX, D_HALF)
        TEST_FOP2_D(20, fdiv.d, rtz, OF|NX, D_MAX, D_MAX, D_HALF)
        TEST_FOP2_D(21, fdiv.d, rne, UF|NX, 0x0005555555555555, D_MINN, 0x4008000000000000)
        TEST_FOP2_D(22, fdiv.d, rne, UF|NX, 0x0004000000000000, D_ONE, D_MAX)

        TEST_FOP1_D(30, fsqrt.d, rne, NX,   0x3ffc5bf891b4ef6a, 0x400921fb54442d18)    /* sqrt(pi) */
        TEST_FOP1_D(31, fsqrt.d, rne, 0,    0x4059000000000000, 0x40c3880000000000)    /* 100 */
        TEST_FOP1_D(32, fsqrt.d, rne, NX,   0x402a2744ce9674f5, 0x4065600000000000)    /* sqrt(171) */
        TEST_FOP1_D(33, fsqrt.d, rne, NX,   0x3ff6a09e667f3bcd, D_TWO)
        TEST_FOP1_D(34, fsqrt.d, rdn, NX,   0x3ff6a09e667f3bcc, D_TWO)
        TEST_FOP1_D(35, fsqrt.d, rtz, NX,   0x3ff6a09e667f3bcc, D_TWO)
        TEST_FOP1_D(36, fsqrt.d, rne, NV,   D_QNAN, D_MONE)
        TEST_FOP1_D(37, fsqrt.d, rne, NV,   D_QNAN, 0x8000000000000001)
        TEST_FOP1_D(38, fsqrt.d, rne, NV,   D_QNAN, D_NINF)
        TEST_FOP1_D(39, fsqrt.d, rne, 0,    D_NZERO, D_NZERO)
        TEST_FOP1_D(40, fsqrt.d, rne, 0,    D_INF, D_INF)
        TEST_FOP1_D(41, fsqrt.d, rne, 0,    D_QNAN, 0x7ff8000000000abc)
        TEST_FOP1_D(42, fsqrt.d, rne, NV,   D_QNAN, D_SNAN)
        TEST_FOP1_D(43, fsqrt.d, rne, 0,    0x1e60000000000000, D_MINS)                /* sqrt(2^-1074) = 2^-537 */

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
