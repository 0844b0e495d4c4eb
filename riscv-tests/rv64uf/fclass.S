# fclass.s: one bit per class, never flags; an improperly NaN-boxed
# register classifies as the canonical quiet NaN.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCLASS_S( 2, 1 << 0, S_NINF)
        TEST_FCLASS_S( 3, 1 << 1, S_MONE)
        TEST_FCLASS_S( 4, 1 << 1, 0xff7fffff)
        TEST_FCLASS_S( 5, 1 << 1, 0x80800000)
        TEST_FCLASS_S( 6, 1 << 2, 0x807fffff)
        TEST_FCLASS_S( 7, 1 << 2, 0x80000001)
        TEST_FCLASS_S( 8, 1 << 3, S_NZERO)
        TEST_FCLASS_S( 9, 1 << 4, S_PZERO)
        TEST_FCLASS_S(10, 1 << 5, S_MINS)
        TEST_FCLASS_S(11, 1 << 5, 0x007fffff)
        TEST_FCLASS_S(12, 1 << 6, S_MINN)
        TEST_FCLASS_S(13, 1 << 6, S_MAX)
        TEST_FCLASS_S(14, 1 << 7, S_INF)
        TEST_FCLASS_S(15, 1 << 8, S_SNAN)                        /* signaling: no NV */
        TEST_FCLASS_S(16, 1 << 8, 0xffbfffff)
        TEST_FCLASS_S(17, 1 << 9, S_QNAN)
        TEST_FCLASS_S(18, 1 << 9, 0xffffffff)
        /* not NaN-boxed: reads as canonical qNaN */
        TEST_FP_INT_S(20, 0, 1 << 9, 0, 0, li a1, 0x000000003f800000; fmv.d.x f10, a1; fclass.s a0, f10)
        TEST_FP_INT_S(21, 0, 1 << 9, 0, 0, li a1, 0xfffffffe7f800001; fmv.d.x f10, a1; fclass.s a0, f10)
        TEST_FP_INT_S(22, 0, 1 << 6, 0, 0, li a1, 0xffffffff3f800000; fmv.d.x f10, a1; fclass.s a0, f10)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
