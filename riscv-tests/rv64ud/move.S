# fmv.x.d / fmv.d.x: all 64 bits unchanged in both directions, no flags.
#include "fmacros.h"

#define TEST_MV(testnum, val)                               \
        TEST_FP_INT_D(testnum, 0, val, 0, 0, li a1, val; fmv.d.x f10, a1; fmv.x.d a0, f10)

RVTEST_CODE_BEGIN
        TEST_MV( 2, 0x3ff0000000000000)
        TEST_MV( 3, 0xbff0000000000000)
        TEST_MV( 4, 0x8000000000000000)
        TEST_MV( 5, 0x7ff0000000000001)          /* sNaN: no NV, not quieted */
        TEST_MV( 6, 0xfff8000000012345)          /* NaN payload kept */
        TEST_MV( 7, 0x0123456789abcdef)
        TEST_MV( 8, 0xffffffffffffffff)
        TEST_MV( 9, 0x000000003f800000)
        TEST_FP_INT_D(10, 0, 0, 0, 0, li a1, -1; fmv.d.x f10, a1; fmv.d.x f10, x0; fmv.x.d a0, f10)
        /* fmv.x.d of a single result: the NaN box */
        TEST_FP_INT_D(11, 0, 0xffffffff3f800000, 0, 0, li a1, 0x3f800000; fmv.w.x f10, a1; fmv.x.d a0, f10)
        TEST_FP_INT_D(12, 0, 0xffffffff40000000, 0, 0, li a1, 0x3f800000; fmv.w.x f10, a1; fadd.s f10, f10, f10; fmv.x.d a0, f10)
        /* between f registers */
        TEST_FP_D(13, 0, 0x7ff0000000000001, 0x7ff0000000000001, 0, 0, fmv.d f13, f10)
        /* into every f register and back (x0..x31 go through a0) */
        .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li a1, 0x1111111111111111 * (\r % 15 + 1)
        fmv.d.x f\r, a1
        .endr
        .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li TESTNUM, 20 + \r
        fmv.x.d a0, f\r
        li t6, 0x1111111111111111 * (\r % 15 + 1)
        bne a0, t6, fail
        .endr

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
