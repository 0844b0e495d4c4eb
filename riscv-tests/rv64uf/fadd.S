# fadd.s / fsub.s / fmul.s: results, fflags, special operands, signed zeros.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        /* fadd.s */
        TEST_FOP2_S( 2, fadd.s, rne, 0,     0x40600000, 0x40200000, S_ONE)       /* 2.5 + 1 = 3.5 */
        TEST_FOP2_S( 3, fadd.s, rne, NX,    0xc49a4000, 0xc49a6333, 0x3f8ccccd)  /* -1235.1 + 1.1 = -1234 */
        TEST_FOP2_S( 4, fadd.s, rne, NX,    0x40490fdb, 0x40490fdb, 0x322bcc77)  /* pi + 1e-8 = pi */
        TEST_FOP2_S( 5, fadd.s, rne, NV,    S_QNAN, S_INF, S_NINF)               /* inf - inf */
        TEST_FOP2_S( 6, fadd.s, rne, 0,     S_INF, S_INF, S_ONE)
        TEST_FOP2_S( 7, fadd.s, rne, 0,     S_NINF, S_NINF, S_MAX)
        TEST_FOP2_S( 8, fadd.s, rne, 0,     S_QNAN, 0x7fc12345, S_ONE)           /* payload dropped */
        TEST_FOP2_S( 9, fadd.s, rne, 0,     S_QNAN, S_ONE, 0xffc00001)           /* sign dropped */
        TEST_FOP2_S(10, fadd.s, rne, NV,    S_QNAN, S_SNAN, S_ONE)               /* sNaN: NV */
        TEST_FOP2_S(11, fadd.s, rne, NV,    S_QNAN, S_ONE, 0xff800001)
        TEST_FOP2_S(12, fadd.s, rne, NV,    S_QNAN, 0x7fc00000, 0x7f800001)      /* qNaN + sNaN: NV */
        TEST_FOP2_S(13, fadd.s, rne, 0,     S_PZERO, S_PZERO, S_NZERO)           /* +0 + -0 = +0 */
        TEST_FOP2_S(14, fadd.s, rne, 0,     S_NZERO, S_NZERO, S_NZERO)           /* -0 + -0 = -0 */
        TEST_FOP2_S(15, fadd.s, rne, 0,     S_PZERO, S_ONE, S_MONE)              /* x - x = +0 ... */
        TEST_FOP2_S(16, fadd.s, rdn, 0,     S_NZERO, S_ONE, S_MONE)              /* ... but -0 in rdn */
        TEST_FOP2_S(17, fadd.s, rne, OF|NX, S_INF, S_MAX, S_MAX)
        TEST_FOP2_S(18, fadd.s, rne, 0,     0x00000003, 0x00000001, 0x00000002)  /* subnormals: exact, no UF */
        TEST_FOP2_S(19, fadd.s, rne, 0,     S_MINN, 0x007fffff, S_MINS)          /* subnormal + subnormal = normal */
        TEST_FOP2_S(20, fadd.s, rdn, 0,     S_NZERO, S_NZERO, S_PZERO)           /* -0 + +0 = -0 in rdn */
        TEST_FOP2_S(21, fadd.s, rne, 0,     0x3f800001, S_ONE, 0x34000000)       /* 1 + 2^-23 */

        /* fsub.s */
        TEST_FOP2_S(30, fsub.s, rne, 0,     0x3fc00000, 0x40200000, S_ONE)       /* 2.5 - 1 = 1.5 */
        TEST_FOP2_S(31, fsub.s, rne, NX,    0xc49a4000, 0xc49a6333, 0xbf8ccccd)  /* -1235.1 - -1.1 = -1234 */
        TEST_FOP2_S(32, fsub.s, rne, 0,     0x40090fdb, 0x40490fdb, S_ONE)       /* pi - 1 */
        TEST_FOP2_S(33, fsub.s, rne, NV,    S_QNAN, S_INF, S_INF)                /* inf - inf */
        TEST_FOP2_S(34, fsub.s, rne, 0,     S_INF, S_INF, S_NINF)
        TEST_FOP2_S(35, fsub.s, rne, 0,     S_PZERO, S_ONE, S_ONE)
        TEST_FOP2_S(36, fsub.s, rdn, 0,     S_NZERO, S_ONE, S_ONE)
        TEST_FOP2_S(37, fsub.s, rne, 0,     S_PZERO, S_PZERO, S_PZERO)           /* +0 - +0 = +0 */
        TEST_FOP2_S(38, fsub.s, rne, 0,     S_NZERO, S_NZERO, S_PZERO)           /* -0 - +0 = -0 */
        TEST_FOP2_S(39, fsub.s, rne, NV,    S_QNAN, S_ONE, S_SNAN)
        TEST_FOP2_S(40, fsub.s, rne, 0,     S_QNAN, 0xffc00000, S_ONE)
        TEST_FOP2_S(41, fsub.s, rne, OF|NX, S_NINF, 0xff7fffff, S_MAX)

        /* fmul.s */
        TEST_FOP2_S(50, fmul.s, rne, 0,     0x40200000, 0x40200000, S_ONE)       /* 2.5 * 1 */
        TEST_FOP2_S(51, fmul.s, rne, NX,    0x44a9d385, 0xc49a6333, 0xbf8ccccd)  /* -1235.1 * -1.1 */
        TEST_FOP2_S(52, fmul.s, rne, NV,    S_QNAN, S_INF, S_PZERO)              /* inf * 0 */
        TEST_FOP2_S(53, fmul.s, rne, NV,    S_QNAN, S_NZERO, S_NINF)
        TEST_FOP2_S(54, fmul.s, rne, 0,     S_NZERO, S_NZERO, S_PZERO)           /* sign is the xor */
        TEST_FOP2_S(55, fmul.s, rne, 0,     S_PZERO, S_NZERO, 0xc0000000)
        TEST_FOP2_S(56, fmul.s, rne, 0,     S_INF, S_NINF, 0xc0000000)
        TEST_FOP2_S(57, fmul.s, rne, 0,     S_QNAN, S_QNAN, S_PZERO)             /* qNaN * 0: quiet */
        TEST_FOP2_S(58, fmul.s, rne, NV,    S_QNAN, S_SNAN, S_PZERO)
        TEST_FOP2_S(59, fmul.s, rne, OF|NX, S_INF, S_MAX, S_TWO)
        TEST_FOP2_S(60, fmul.s, rtz, OF|NX, S_MAX, S_MAX, S_TWO)
        TEST_FOP2_S(61, fmul.s, rne, 0,     0x00400000, S_MINN, S_HALF)          /* exact subnormal: no UF */
        TEST_FOP2_S(62, fmul.s, rne, UF|NX, 0x00400000, 0x00800001, S_HALF)      /* tie to even, tiny */
        TEST_FOP2_S(63, fmul.s, rne, UF|NX, 0x00400002, 0x00800003, S_HALF)      /* tie to even (up) */
        /* tininess is detected after rounding: (1+2^-23)(1-2^-23) 2^-126 rounds
           to 2^-126 with an unbounded exponent, so it is not tiny: NX only */
        TEST_FOP2_S(64, fmul.s, rne, NX,    S_MINN, 0x00800001, 0x3f7ffffe)
        TEST_FOP2_S(65, fmul.s, rtz, UF|NX, 0x007fffff, 0x00800001, 0x3f7ffffe)
        TEST_FOP2_S(66, fmul.s, rne, UF|NX, S_PZERO, S_MINS, S_MINS)             /* underflow to 0 */
        TEST_FOP2_S(67, fmul.s, rup, UF|NX, S_MINS, S_MINS, S_MINS)              /* ... or to min subnormal */
        TEST_FOP2_S(68, fmul.s, rne, UF|NX, S_NZERO, S_MINS, 0xbf000000)         /* 2^-150: tie to even 0 */
        TEST_FOP2_S(69, fmul.s, rmm, UF|NX, 0x80000001, S_MINS, 0xbf000000)      /* rmm: away */

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
