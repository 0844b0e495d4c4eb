# Illegal-instruction cases (cause 2): a reserved rm (5, 6) in the encoding;
# rm=dyn while frm holds 5, 6 or 7; any FP instruction or FP CSR access with
# mstatus.FS = Off.  And mstatus.FS becomes Dirty (3), with SD set, after an
# instruction that writes FP state.
#include "fmacros.h"

#define MSTATUS_FS 0x6000
#define FS_INITIAL 0x2000
#define FS_CLEAN   0x4000

/* set mstatus.FS to `fs`, run `code`, read (mstatus.SD << 2) | mstatus.FS in a0 */
#define TEST_FS(testnum, fs, result, code...)               \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        li a1, MSTATUS_FS; csrc mstatus, a1;                \
        li a1, fs; csrs mstatus, a1;                        \
        code;                                               \
        csrr a1, mstatus;                                   \
        srli a0, a1, 13; andi a0, a0, 3;                    \
        srli a1, a1, 63; slli a1, a1, 2; or a0, a0, a1;     \
        li t6, result;                                      \
        bne a0, t6, fail;

RVTEST_CODE_BEGIN
        li a0, S_ONE; fmv.w.x f10, a0; fmv.w.x f11, a0; fmv.w.x f12, a0
        li a0, 0x1234; fmv.d.x f13, a0
        /* reserved static rm: fadd.s, fadd.d, fsqrt.s, fmadd.s, fcvt.w.s, fcvt.s.w */
        TEST_ILLEGAL( 2, .insn r OP_FP, 5, 0x00, f13, f10, f11)
        TEST_ILLEGAL( 3, .insn r OP_FP, 6, 0x00, f13, f10, f11)
        TEST_ILLEGAL( 4, .insn r OP_FP, 5, 0x01, f13, f10, f11)
        TEST_ILLEGAL( 5, .insn r OP_FP, 6, 0x2c, f13, f10, f0)
        TEST_ILLEGAL( 6, .insn r4 MADD, 5, 0, f13, f10, f11, f12)
        TEST_ILLEGAL( 7, .insn r4 NMSUB, 6, 1, f13, f10, f11, f12)
        TEST_ILLEGAL( 8, .insn r OP_FP, 5, 0x60, a0, f10, f0)
        TEST_ILLEGAL( 9, .insn r OP_FP, 6, 0x68, f13, a0, f0)
        TEST_ILLEGAL(10, .insn r OP_FP, 5, 0x0c, f13, f10, f11)        /* fdiv.s */
        /* the trapping instructions wrote nothing: f13 and fflags unchanged */
        TEST_CASE(11, a0, 0x1234, fmv.x.d a0, f13)
        TEST_CASE(12, a0, 0, frflags a0)
        /* the same encodings with valid rm execute */
        TEST_LEGAL(13, .insn r OP_FP, 0, 0x00, f13, f10, f11)
        TEST_CASE(14, a0, SBOX(S_TWO), fmv.x.d a0, f13)
        TEST_LEGAL(15, .insn r OP_FP, 4, 0x00, f13, f10, f11; .insn r OP_FP, 7, 0x00, f13, f10, f11)

        /* dynamic rm with an invalid frm */
        TEST_ILLEGAL(20, fsrmi 5; fadd.s f13, f10, f11, dyn; fsrmi 0)
        TEST_ILLEGAL(21, fsrmi 6; fmul.s f13, f10, f11; fsrmi 0)
        TEST_ILLEGAL(22, fsrmi 7; fsqrt.s f13, f10; fsrmi 0)
        TEST_ILLEGAL(23, fsrmi 5; fmadd.s f13, f10, f11, f12, dyn; fsrmi 0)
        TEST_ILLEGAL(24, fsrmi 7; fcvt.w.s a0, f10, dyn; fsrmi 0)
        TEST_ILLEGAL(25, fsrmi 6; fadd.d f13, f10, f11, dyn; fsrmi 0)
        TEST_ILLEGAL(26, fsrmi 5; fcvt.s.l f13, a0, dyn; fsrmi 0)
        /* frm reads back what was written, invalid or not */
        TEST_CASE(27, a0, 5, fsrmi 5; frrm a0; fsrmi 0)
        /* with an invalid frm, static rm and rm-less instructions still execute */
        TEST_LEGAL(28, fsrmi 5; fadd.s f13, f10, f11, rne; fsgnj.s f13, f10, f11;
                   fmin.s f13, f10, f11; feq.s a0, f10, f11; fmv.x.w a0, f10;
                   fclass.s a0, f10; fsrmi 0)

        /* mstatus.FS = Off: every FP instruction and FP CSR is illegal */
        TEST_FS(30, 0, 0, nop)
        TEST_ILLEGAL(31, fadd.s f13, f10, f11, rne)
        TEST_ILLEGAL(32, fmv.x.w a0, f10)
        TEST_ILLEGAL(33, fmv.w.x f13, a0)
        TEST_ILLEGAL(34, la a1, begin_signature; flw f13, 0(a1))
        TEST_ILLEGAL(35, la a1, begin_signature; fsw f13, 0(a1))
        TEST_ILLEGAL(36, la a1, begin_signature; fld f13, 0(a1))
        TEST_ILLEGAL(37, la a1, begin_signature; fsd f13, 0(a1))
        TEST_ILLEGAL(38, la s0, begin_signature; c.fld f8, 0(s0))      /* 16-bit */
        TEST_ILLEGAL(39, la sp, begin_signature; c.fsdsp f8, 0(sp))
        TEST_ILLEGAL(40, csrr a0, fcsr)
        TEST_ILLEGAL(41, csrr a0, fflags)
        TEST_ILLEGAL(42, csrw frm, x0)
        TEST_ILLEGAL(43, feq.s a0, f10, f11)
        TEST_ILLEGAL(44, fclass.d a0, f10)
        TEST_ILLEGAL(45, fcvt.d.l f13, a0)
        TEST_ILLEGAL(46, fmadd.d f13, f10, f11, f12, rne)
        TEST_ILLEGAL(47, fsgnj.s f13, f10, f11)
        TEST_FS(48, 0, 0, nop)                                   /* still Off */

        /* FS becomes Dirty (3) and SD (bit 63) is set */
        TEST_FS(50, FS_INITIAL, 1, nop)
        TEST_FS(51, FS_CLEAN,   2, nop)
        TEST_FS(52, FS_INITIAL, 7, fadd.s f13, f10, f11, rne)
        TEST_FS(53, FS_CLEAN,   7, fadd.d f13, f10, f11, rne)
        TEST_FS(54, FS_CLEAN,   7, fmv.w.x f13, a0)
        TEST_FS(55, FS_CLEAN,   7, la a1, begin_signature; flw f13, 0(a1))
        TEST_FS(56, FS_CLEAN,   7, fcvt.s.w f13, a0)
        TEST_FS(57, FS_CLEAN,   7, csrwi fflags, 1)
        TEST_FS(58, FS_CLEAN,   7, csrwi frm, 1; csrwi frm, 0)
        TEST_FS(59, FS_INITIAL, 7, la s0, begin_signature; c.fld f8, 0(s0))
        TEST_FS(60, 0x6000,     7, nop)
        TEST_CASE(61, a0, 0, csrwi fflags, 0; frflags a0)

        TEST_PASSFAIL

        FP_TRAP_HANDLER
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .dword 0, 0
        RVTEST_DATA_END
