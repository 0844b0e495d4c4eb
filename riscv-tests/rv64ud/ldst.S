# fld / fsd and the compressed c.fld, c.fsd, c.fldsp, c.fsdsp: all 64 bits
# move unchanged (NaNs included, no flags); offsets at the ends of their range.
#include "fmacros.h"

/* assert that the instruction between labels 1 and 2 is 2 bytes long */
#define C16(insn...) 1: insn; 2: .if (2b - 1b) != 2; .error "not compressed"; .endif

/* `code` leaves a value in f13; compare its bits */
#define TEST_LD(testnum, result, code...)                   \
        TEST_FP_D(testnum, 0, result, 0, 0, 0, la a1, tdat; la sp, sbuf; code)

/* `code` stores; compare the doubleword at sbuf+off */
#define TEST_ST(testnum, result, off, code...)              \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        la a1, tdat; la sp, sbuf;                           \
        code;                                               \
        la a2, sbuf; ld a0, off(a2);                        \
        li t6, result;                                      \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(0)

RVTEST_CODE_BEGIN
        .option push
        .option norvc           /* the 32-bit encodings (gas would compress them) */
        TEST_LD( 2, 0xbff0000000000000, fld f13, 0(a1))
        TEST_LD( 3, 0x400921fb54442d18, fld f13, 8(a1))
        TEST_LD( 4, 0x7ff0000000000001, fld f13, 16(a1))        /* sNaN, no NV */
        TEST_LD( 5, 0xffffffff3f800000, fld f13, 24(a1))
        TEST_LD( 6, 0x400921fb54442d18, addi a1, a1, 16; fld f13, -8(a1))
        TEST_LD( 7, 0x0123456789abcdef, addi a1, a1, 32 - 2047; fld f13, 2047(a1))
        TEST_LD( 8, 0xbff0000000000000, li a2, 2048; add a1, a1, a2; fld f13, -2048(a1))
        /* fld of a NaN-boxed single: .s ops see the single */
        TEST_FP_S(9, 0, 0x40000000, 0, 0, 0, la a1, tdat; fld f10, 24(a1); fadd.s f13, f10, f10)

        TEST_ST(10, 0xbff0000000000000, 0, fld f1, 0(a1); fsd f1, 0(sp))
        TEST_ST(11, 0x7ff0000000000001, 8, fld f1, 16(a1); fsd f1, 8(sp))
        TEST_ST(12, 0xffffffff40400000, 16, li a0, 0x40400000; fmv.w.x f1, a0; fsd f1, 16(sp)) /* the box too */
        TEST_ST(13, 0x0123456789abcdef, 504, fld f1, 32(a1); addi a2, sp, 2047; fsd f1, 504-2047(a2))
        .option pop

        /* compressed forms */
        TEST_LD(20, 0x400921fb54442d18, C16(c.fld f8, 8(a1)); fmv.d f13, f8)
        TEST_LD(21, 0x0123456789abcdef, C16(c.fld f15, 32(a1)); fmv.d f13, f15)
        TEST_LD(22, 0x5555aaaa5555aaaa, la s0, tdat + 40 - 248; C16(c.fld f9, 248(s0)); fmv.d f13, f9)
        TEST_LD(23, 0x7ff0000000000001, mv sp, a1; C16(c.fldsp f13, 16(sp)))
        TEST_LD(24, 0x0123456789abcdef, addi sp, a1, 32 - 504; C16(c.fldsp f13, 504(sp)))
        TEST_LD(25, 0xbff0000000000000, mv sp, a1; C16(c.fldsp f0, 0(sp)); fmv.d f13, f0)
        TEST_ST(30, 0x400921fb54442d18, 8, fld f8, 8(a1); la a5, sbuf; C16(c.fsd f8, 8(a5)))
        TEST_ST(31, 0x0123456789abcdef, 248, fld f14, 32(a1); la s1, sbuf; C16(c.fsd f14, 248(s1)))
        TEST_ST(32, 0x7ff0000000000001, 24, fld f31, 16(a1); C16(c.fsdsp f31, 24(sp)))
        TEST_ST(33, 0xbff0000000000000, 504, fld f2, 0(a1); C16(c.fsdsp f2, 504(sp)))

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
tdat:   .dword 0xbff0000000000000, 0x400921fb54442d18, 0x7ff0000000000001
        .dword 0xffffffff3f800000, 0x0123456789abcdef, 0x5555aaaa5555aaaa
sbuf:   .space 512
        RVTEST_DATA_END
