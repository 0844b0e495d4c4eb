# flw / fsw: raw bits in both directions, flw NaN-boxes, fsw stores the low
# 32 bits of any register (boxed or not), no flags for NaNs.
#include "fmacros.h"

#define TEST_FLW(testnum, result, offset)                   \
        TEST_FP_S(testnum, 0, result, 0, 0, 0, la a1, tdat; flw f13, offset(a1))

/* store f10 (set from 64-bit `fval` with fmv.d.x) at offset, reload the
   containing doubleword: the other half must be untouched */
#define TEST_FSW(testnum, result, fval, offset)             \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        la a1, sdat;                                        \
        li a0, 0x5555555555555555;                          \
        sd a0, 0(a1);                                       \
        li a0, fval;                                        \
        fmv.d.x f10, a0;                                    \
        fsw f10, offset(a1);                                \
        ld a0, 0(a1);                                       \
        li t6, result;                                      \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(0)

RVTEST_CODE_BEGIN
        .option norvc           /* RV64 has no c.flw/c.fsw; keep everything 32-bit */
        TEST_FLW( 2, 0xbf800000, 0)
        TEST_FLW( 3, 0x40000000, 4)
        TEST_FLW( 4, 0x7f800001, 8)             /* sNaN loaded unchanged, no NV */
        TEST_FLW( 5, 0xffc12345, 12)
        TEST_FP_S(6, 0, 0x40000000, 0, 0, 0, la a1, tdat + 8; flw f13, -4(a1))
        TEST_FP_S(7, 0, 0x7f800001, 0, 0, 0, la a1, tdat; flw f13, 8(a1); fmv.s f13, f13) /* fsgnj: no NV */

        TEST_FSW(10, 0x555555553f800000, 0xffffffff3f800000, 0)
        TEST_FSW(11, 0x7f80000155555555, 0xffffffff7f800001, 4)
        TEST_FSW(12, 0x555555559abcdef0, 0x123456789abcdef0, 0)  /* not boxed: low bits anyway */
        /* round trip */
        TEST_FP_S(13, 0, 0xffc12345, 0, 0, 0, la a1, tdat; flw f1, 12(a1); la a1, sdat; fsw f1, 4(a1); flw f13, 4(a1))
        /* the extreme 12-bit offsets */
        TEST_FP_S(14, 0, 0x40400000, 0, 0, 0, la a1, tdat + 16 - 2047; flw f13, 2047(a1))
        TEST_FP_S(15, 0, 0x40000000, 0, 0, 0, la a1, tdat + 4 + 2048; flw f13, -2048(a1))

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
tdat:   .word 0xbf800000, 0x40000000, 0x7f800001, 0xffc12345, 0x40400000
        .align 3
sdat:   .dword 0
        RVTEST_DATA_END
