# fcvt.s.{w,wu,l,lu}: integer to single, rounding in every mode; w/wu read
# only the low 32 bits of rs1.  fmv.x.d checks that the result is NaN-boxed.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCVT_S_I( 2, fcvt.s.w,  rne, 0,  S_TWO, 2)
        TEST_FCVT_S_I( 3, fcvt.s.w,  rne, 0,  0xc0000000, -2)
        TEST_FCVT_S_I( 4, fcvt.s.w,  rne, 0,  S_PZERO, 0)                    /* +0, never -0 */
        TEST_FCVT_S_I( 5, fcvt.s.w,  rne, 0,  S_TWO, 0x1234567800000002)     /* upper half ignored */
        TEST_FCVT_S_I( 6, fcvt.s.w,  rne, 0,  0xcf000000, 0x0000000080000000) /* low word = -2^31 */
        TEST_FCVT_S_I( 7, fcvt.s.w,  rne, NX, 0x4f000000, 0x7fffffff)        /* 2^31-1 -> 2^31 */
        TEST_FCVT_S_I( 8, fcvt.s.w,  rtz, NX, 0x4effffff, 0x7fffffff)
        TEST_FCVT_S_I( 9, fcvt.s.w,  rne, NX, 0x4b800000, 16777217)          /* tie: even */
        TEST_FCVT_S_I(10, fcvt.s.w,  rmm, NX, 0x4b800001, 16777217)          /* tie: away */
        TEST_FCVT_S_I(11, fcvt.s.w,  rup, NX, 0x4b800001, 16777217)
        TEST_FCVT_S_I(12, fcvt.s.w,  rdn, NX, 0x4b800000, 16777217)
        TEST_FCVT_S_I(13, fcvt.s.w,  rne, NX, 0x4b800002, 16777219)          /* tie: even is up */
        TEST_FCVT_S_I(14, fcvt.s.w,  rtz, NX, 0xcb800000, -16777217)
        TEST_FCVT_S_I(15, fcvt.s.w,  rdn, NX, 0xcb800001, -16777217)
        TEST_FCVT_S_I(16, fcvt.s.w,  rmm, NX, 0xcb800001, -16777217)

        TEST_FCVT_S_I(20, fcvt.s.wu, rne, 0,  S_TWO, 2)
        TEST_FCVT_S_I(21, fcvt.s.wu, rne, NX, 0x4f800000, 0xffffffff)        /* 2^32-1 -> 2^32 */
        TEST_FCVT_S_I(22, fcvt.s.wu, rtz, NX, 0x4f7fffff, 0xffffffff)
        TEST_FCVT_S_I(23, fcvt.s.wu, rne, NX, 0x4f800000, -1)                /* low word all ones */
        TEST_FCVT_S_I(24, fcvt.s.wu, rne, 0,  S_ONE, 0xffffffff00000001)
        TEST_FCVT_S_I(25, fcvt.s.wu, rne, 0,  0x4f000000, 0x80000000)        /* 2^31, unsigned */
        TEST_FCVT_S_I(26, fcvt.s.wu, rne, 0,  0x4f32d05e, 3000000000)

        TEST_FCVT_S_I(30, fcvt.s.l,  rne, 0,  0xc0000000, -2)
        TEST_FCVT_S_I(31, fcvt.s.l,  rne, 0,  0xdf000000, 0x8000000000000000) /* -2^63 */
        TEST_FCVT_S_I(32, fcvt.s.l,  rne, NX, 0x5f000000, 0x7fffffffffffffff)
        TEST_FCVT_S_I(33, fcvt.s.l,  rtz, NX, 0x5effffff, 0x7fffffffffffffff)
        TEST_FCVT_S_I(34, fcvt.s.l,  rne, 0,  0x4f800000, 0x100000000)        /* 64-bit value used */
        TEST_FCVT_S_I(35, fcvt.s.l,  rup, NX, 0xdeffffff, 0x8000000000000001)
        TEST_FCVT_S_I(36, fcvt.s.l,  rdn, NX, 0xdf000000, 0x8000000000000001)

        TEST_FCVT_S_I(40, fcvt.s.lu, rne, 0,  S_TWO, 2)
        TEST_FCVT_S_I(41, fcvt.s.lu, rne, NX, 0x5f800000, 0xffffffffffffffff) /* 2^64 */
        TEST_FCVT_S_I(42, fcvt.s.lu, rtz, NX, 0x5f7fffff, 0xffffffffffffffff)
        TEST_FCVT_S_I(43, fcvt.s.lu, rne, 0,  0x5f000000, 0x8000000000000000) /* 2^63 */
        TEST_FCVT_S_I(44, fcvt.s.lu, rne, 0,  S_PZERO, 0)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
