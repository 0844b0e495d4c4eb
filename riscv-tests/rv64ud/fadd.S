# fadd.d / fsub.d / fmul.d: results, fflags, special operands, signed zeros.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        /* fadd.d */
        TEST_FOP2_D( 2, fadd.d, rne, 0,     0x400c000000000000, 0x4004000000000000, D_ONE)              /* 2.5 + 1 */
        TEST_FOP2_D( 3, fadd.d, rne, NX,    0xc093480000000000, 0xc0934c6666666666, 0x3ff199999999999a) /* -1235.1 + 1.1 */
        TEST_FOP2_D( 4, fadd.d, rne, NX,    0x400921fb54442d18, 0x400921fb54442d18, 0x3c670ef54646d497) /* pi + 1e-17 */
        TEST_FOP2_D( 5, fadd.d, rne, NV,    D_QNAN, D_INF, D_NINF)
        TEST_FOP2_D( 6, fadd.d, rne, 0,     D_INF, D_INF, D_ONE)
        TEST_FOP2_D( 7, fadd.d, rne, 0,     D_NINF, D_NINF, D_MAX)
        TEST_FOP2_D( 8, fadd.d, rne, 0,     D_QNAN, 0x7ff8000000012345, D_ONE)   /* payload dropped */
        TEST_FOP2_D( 9, fadd.d, rne, 0,     D_QNAN, D_ONE, 0xfff8000000000001)   /* sign dropped */
        TEST_FOP2_D(10, fadd.d, rne, NV,    D_QNAN, D_SNAN, D_ONE)
        TEST_FOP2_D(11, fadd.d, rne, NV,    D_QNAN, D_ONE, 0xfff0000000000001)
        TEST_FOP2_D(12, fadd.d, rne, NV,    D_QNAN, D_QNAN, D_SNAN)
        TEST_FOP2_D(13, fadd.d, rne, 0,     D_PZERO, D_PZERO, D_NZERO)
        TEST_FOP2_D(14, fadd.d, rne, 0,     D_NZERO, D_NZERO, D_NZERO)
        TEST_FOP2_D(15, fadd.d, rne, 0,     D_PZERO, D_ONE, D_MONE)
        TEST_FOP2_D(16, fadd.d, rdn, 0,     D_NZERO, D_ONE, D_MONE)
        TEST_FOP2_D(17, fadd.d, rne, OF|NX, D_INF, D_MAX, D_MAX)
        TEST_FOP2_D(18, fadd.d, rne, 0,     3, 1, 2)                               /* subnormals */
        TEST_FOP2_D(19, fadd.d, rne, 0,     D_MINN, 0x000fffffffffffff, D_MINS)
        TEST_FOP2_D(20, fadd.d, rdn, 0,     D_NZERO, D_NZERO, D_PZERO)
        TEST_FOP2_D(21, fadd.d, rne, 0,     0x3ff0000000000001, D_ONE, 0x3cb0000000000000) /* 1 + 2^-52 */
        /* a NaN-boxed single is, as a double, a negative quiet NaN */
        TEST_FOP2_D(22, fadd.d, rne, 0,     D_QNAN, 0xffffffff3f800000, D_ONE)

        /* fsub.d */
        TEST_FOP2_D(30, fsub.d, rne, 0,     0x3ff8000000000000, 0x4004000000000000, D_ONE)
        TEST_FOP2_D(31, fsub.d, rne, NX,    0xc093480000000000, 0xc0934c6666666666, 0xbff199999999999a)
        TEST_FOP2_D(32, fsub.d, rne, 0,     0x400121fb54442d18, 0x400921fb54442d18, D_ONE)
        TEST_FOP2_D(33, fsub.d, rne, NV,    D_QNAN, D_INF, D_INF)
        TEST_FOP2_D(34, fsub.d, rne, 0,     D_INF, D_INF, D_NINF)
        TEST_FOP2_D(35, fsub.d, rne, 0,     D_PZERO, D_ONE, D_ONE)
        TEST_FOP2_D(36, fsub.d, rdn, 0,     D_NZERO, D_ONE, D_ONE)
        TEST_FOP2_D(37, fsub.d, rne, 0,     D_NZERO, D_NZERO, D_PZERO)
        TEST_FOP2_D(38, fsub.d, rne, NV,    D_QNAN, D_ONE, D_SNAN)
        TEST_FOP2_D(39, fsub.d, rne, OF|NX, D_NINF, 0xffefffffffffffff, D_MAX)

        /* fmul.d */
        TEST_FOP2_D(50, fmul.d, rne, 0,     0x4004000000000000, 0x4004000000000000, D_ONE)
        TEST_FOP2_D(51, fmul.d, rne, NX,    0x40953a70a3d70a3d, 0xc0934c6666666666, 0xbff199999999999a)
        TEST_FOP2_D(52, fmul.d, rne, NV,    D_QNAN, D_INF, D_PZERO)
        TEST_FOP2_D(53, fmul.d, rne, NV,    D_QNAN, D_NZERO, D_NINF)
        TEST_FOP2_D(54, fmul.d, rne, 0,     D_NZERO, D_NZERO, D_PZERO)
        TEST_FOP2_D(55, fmul.d, rne, 0,     D_INF, D_NINF, 0xc000000000000000)
        TEST_FOP2_D(56, fmul.d, rne, 0,     D_QNAN, D_QNAN, D_PZERO)
        TEST_FOP2_D(57, fmul.d, rne, NV,    D_QNAN, D_SNAN, D_PZERO)
        TEST_FOP2_D(58, fmul.d, rne, OF|NX, D_INF, D_MAX, D_TWO)
        TEST_FOP2_D(59, fmul.d, rtz, OF|NX, D_MAX, D_MAX, D_TWO)
        TEST_FOP2_D(60, fmul.d, rne, 0,     0x0008000000000000, D_MINN, D_HALF)   /* exact: no UF */
        TEST_FOP2_D(61, fmul.d, rne, UF|NX, 0x0008000000000000, 0x0010000000000001, D_HALF)
        TEST_FOP2_D(62, fmul.d, rne, UF|NX, 0x0008000000000002, 0x0010000000000003, D_HALF)
        /* tininess after rounding: rounds to 2^-1022 with unbounded exponent */
        TEST_FOP2_D(63, fmul.d, rne, NX,    D_MINN, 0x0010000000000001, 0x3feffffffffffffe)
        TEST_FOP2_D(64, fmul.d, rtz, UF|NX, 0x000fffffffffffff, 0x0010000000000001, 0x3feffffffffffffe)
        TEST_FOP2_D(65, fmul.d, rne, UF|NX, D_PZERO, D_MINS, D_MINS)
        TEST_FOP2_D(66, fmul.d, rup, UF|NX, D_MINS, D_MINS, D_MINS)
        TEST_FOP2_D(67, fmul.d, rmm, UF|NX, 0x8000000000000001, D_MINS, 0xbfe0000000000000)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
