# fdiv.s / fsqrt.s: results, rounding, DZ, NV, special operands.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        /* fdiv.s */
        TEST_FOP2_S( 2, fdiv.s, rne, NX,    0x3f93eee0, 0x40490fdb, 0x402df854)  /* pi / e */
        TEST_FOP2_S( 3, fdiv.s, rne, NX,    0xbf7fc5a2, 0xc49a4000, 0x449a6333)  /* -1234 / 1235.1 */
        TEST_FOP2_S( 4, fdiv.s, rne, 0,     0x40490fdb, 0x40490fdb, S_ONE)
        TEST_FOP2_S( 5, fdiv.s, rne, 0,     0xc0200000, 0x40a00000, 0xc0000000)  /* 5 / -2 = -2.5 */
        TEST_FOP2_S( 6, fdiv.s, rne, NX,    0x3eaaaaab, S_ONE, 0x40400000)       /* 1/3 */
        TEST_FOP2_S( 7, fdiv.s, rtz, NX,    0x3eaaaaaa, S_ONE, 0x40400000)
        TEST_FOP2_S( 8, fdiv.s, rdn, NX,    0xbeaaaaab, S_MONE, 0x40400000)
        TEST_FOP2_S( 9, fdiv.s, rup, NX,    0xbeaaaaaa, S_MONE, 0x40400000)
        TEST_FOP2_S(10, fdiv.s, rne, DZ,    S_INF, S_ONE, S_PZERO)               /* x/0: DZ */
        TEST_FOP2_S(11, fdiv.s, rne, DZ,    S_NINF, S_MONE, S_PZERO)
        TEST_FOP2_S(12, fdiv.s, rne, DZ,    S_NINF, S_ONE, S_NZERO)
        TEST_FOP2_S(13, fdiv.s, rne, DZ,    S_INF, S_MINS, S_PZERO)
        TEST_FOP2_S(14, fdiv.s, rne, NV,    S_QNAN, S_PZERO, S_PZERO)            /* 0/0: NV, not DZ */
        TEST_FOP2_S(15, fdiv.s, rne, NV,    S_QNAN, S_INF, S_NINF)               /* inf/inf */
        TEST_FOP2_S(16, fdiv.s, rne, 0,     S_INF, S_INF, S_PZERO)               /* inf/0: exact, no DZ */
        TEST_FOP2_S(17, fdiv.s, rne, 0,     S_NZERO, S_PZERO, S_NINF)            /* 0/-inf = -0 */
        TEST_FOP2_S(18, fdiv.s, rne, 0,     S_QNAN, 0x7fc00000, S_PZERO)         /* qNaN/0: no flags */
        TEST_FOP2_S(19, fdiv.s, rne, NV,    S_QNAN, S_SNAN, S_ONE)
        TEST_FOP2_S(20, fdiv.s, rne, NV,    S_QNAN, S_ONE, 0xff800005)
        TEST_FOP2_S(21, fdiv.s, rne, OF|NX, S_INF, S_MAX, S_HALF)
        TEST_FOP2_S(22, fdiv.s, rdn, OF|NX, S_MAX, S_MAX, S_HALF)
        TEST_FOP2_S(23, fdiv.s, rne, UF|NX, 0x002aaaab, S_MINN, 0x40400000)      /* 2^-126 / 3 */
        TEST_FOP2_S(24, fdiv.s, rne, UF|NX, 0x00200000, S_ONE, S_MAX)
        TEST_FOP2_S(25, fdiv.s, rne, 0,     S_MINS, S_MINN, 0x4b000000)          /* 2^-126 / 2^23: exact */

        /* fsqrt.s */
        TEST_FOP1_S(30, fsqrt.s, rne, NX,   0x3fe2dfc5, 0x40490fdb)              /* sqrt(pi) */
        TEST_FOP1_S(31, fsqrt.s, rne, 0,    0x42c80000, 0x461c4000)              /* sqrt(10000) = 100 */
        TEST_FOP1_S(32, fsqrt.s, rne, NX,   0x41513a26, 0x432b0000)              /* sqrt(171) */
        TEST_FOP1_S(33, fsqrt.s, rne, NX,   0x3fb504f3, S_TWO)
        TEST_FOP1_S(34, fsqrt.s, rup, NX,   0x3fb504f4, S_TWO)
        TEST_FOP1_S(35, fsqrt.s, rdn, NX,   0x3fb504f3, S_TWO)
        TEST_FOP1_S(36, fsqrt.s, rne, NV,   S_QNAN, S_MONE)                      /* sqrt(-1) */
        TEST_FOP1_S(37, fsqrt.s, rne, NV,   S_QNAN, 0x80000001)                  /* sqrt(-subnormal) */
        TEST_FOP1_S(38, fsqrt.s, rne, NV,   S_QNAN, S_NINF)
        TEST_FOP1_S(39, fsqrt.s, rne, 0,    S_NZERO, S_NZERO)                    /* sqrt(-0) = -0 */
        TEST_FOP1_S(40, fsqrt.s, rne, 0,    S_PZERO, S_PZERO)
        TEST_FOP1_S(41, fsqrt.s, rne, 0,    S_INF, S_INF)
        TEST_FOP1_S(42, fsqrt.s, rne, 0,    S_QNAN, 0x7fc00abc)
        TEST_FOP1_S(43, fsqrt.s, rne, NV,   S_QNAN, S_SNAN)
        TEST_FOP1_S(44, fsqrt.s, rne, NX,   0x1a3504f3, S_MINS)                  /* sqrt(2^-149) */
        TEST_FOP1_S(45, fsqrt.s, rne, 0,    0x1a800000, 0x00000002)              /* sqrt(2^-148) = 2^-74 */

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
