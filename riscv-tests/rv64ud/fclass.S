# fclass.d: one bit per class, never flags.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FCLASS_D( 2, 1 << 0, D_NINF)
        TEST_FCLASS_D( 3, 1 << 1, D_MONE)
        TEST_FCLASS_D( 4, 1 << 1, 0xffefffffffffffff)
        TEST_FCLASS_D( 5, 1 << 1, 0x8010000000000000)
        TEST_FCLASS_D( 6, 1 << 2, 0x800fffffffffffff)
        TEST_FCLASS_D( 7, 1 << 2, 0x8000000000000001)
        TEST_FCLASS_D( 8, 1 << 3, D_NZERO)
        TEST_FCLASS_D( 9, 1 << 4, D_PZERO)
        TEST_FCLASS_D(10, 1 << 5, D_MINS)
        TEST_FCLASS_D(11, 1 << 5, 0x000fffffffffffff)
        TEST_FCLASS_D(12, 1 << 6, D_MINN)
        TEST_FCLASS_D(13, 1 << 6, D_MAX)
        TEST_FCLASS_D(14, 1 << 7, D_INF)
        TEST_FCLASS_D(15, 1 << 8, D_SNAN)
        TEST_FCLASS_D(16, 1 << 8, 0xfff7ffffffffffff)
        TEST_FCLASS_D(17, 1 << 9, D_QNAN)
        TEST_FCLASS_D(18, 1 << 9, 0xffffffffffffffff)
        TEST_FCLASS_D(19, 1 << 9, 0xffffffff3f800000)         /* a boxed single is a qNaN double */
        TEST_FCLASS_D(20, 1 << 6, 0x000000003f800000 | 0x3800000000000000)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
