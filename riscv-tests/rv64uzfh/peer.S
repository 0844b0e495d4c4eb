/* rv64uzfh/peer: every Zfh instruction on 3000 pseudo-random operand sets
 * (random bit patterns, so NaNs, infinities, subnormals and zeros come up,
 * plus registers that are not NaN-boxed) in each of the five rounding
 * modes; every result and the fflags after each instruction go into a
 * 64-bit FNV-1a hash, which must equal the hash QEMU 7.2 (Berkeley
 * SoftFloat) computes for the same program (qemu-check runs it there).
 * pagoda-args: -cpu rv64,zfh=on
 * qemu-check: cpu rv64,Zfh=true
 */
#include "macros.h"

#define N 3000
#define WANT 0x3e84c64ae10d2179

/* s3 = (s3 ^ reg) * FNV prime (s5) */
#define MIX(reg) xor s3, s3, reg; mul s3, s3, s5;
/* run one instruction writing f register ft0, mix its bits and the flags */
#define FOP(insn...) csrwi fflags, 0; insn; fmv.x.d t0, ft0; MIX(t0) frflags t0; MIX(t0)
/* ... writing x register t1 */
#define XOP(insn...) csrwi fflags, 0; insn; MIX(t1) frflags t0; MIX(t0)
/* s2 = the next value of a 64-bit LCG; into reg */
#define RAND(reg) mul s2, s2, s6; add s2, s2, s7; mv reg, s2;

RVTEST_CODE_BEGIN
        li s2, 0x123456789abcdef    /* LCG state */
        li s3, 0xcbf29ce484222325   /* FNV offset basis */
        li s5, 0x100000001b3        /* FNV prime */
        li s6, 6364136223846793005  /* LCG multiplier (Knuth's MMIX) */
        li s7, 1442695040888963407
        li s4, N
        la s8, specials
1:      /* three half operands: random bits, or one of the special values */
        RAND(a0) srli a1, a0, 16; srli a2, a0, 32; srli a3, a0, 48
        andi t0, a3, 7; bnez t0, 2f                /* 1 in 8: a special a */
        andi t0, a1, 15; slli t0, t0, 1; add t0, t0, s8; lhu a0, 0(t0)
2:      andi t0, a3, 0x38; bnez t0, 3f             /* 1 in 8: a special b */
        srli t0, a2, 4; andi t0, t0, 15; slli t0, t0, 1; add t0, t0, s8; lhu a1, 0(t0)
3:      fmv.h.x fa0, a0; fmv.h.x fa1, a1; fmv.h.x fa2, a2
        andi t0, a3, 0x1c0; bnez t0, 4f            /* 1 in 8: b is not NaN-boxed */
        fmv.d.x fa1, a0
4:      RAND(a4)                                    /* an integer, a single, a double */
        andi t0, a4, 3; srl a5, a4, t0; srl a5, a5, t0; srl a5, a5, t0   /* smaller magnitudes too */
        fmv.w.x fa3, a4; fmv.d.x fa4, a4
        li a6, 0
5:      fsrm a6
        FOP(fadd.h ft0, fa0, fa1)
        FOP(fsub.h ft0, fa0, fa1)
        FOP(fmul.h ft0, fa0, fa1)
        FOP(fdiv.h ft0, fa0, fa1)
        FOP(fsqrt.h ft0, fa0)
        FOP(fmadd.h ft0, fa0, fa1, fa2)
        FOP(fmsub.h ft0, fa0, fa1, fa2)
        FOP(fnmsub.h ft0, fa0, fa1, fa2)
        FOP(fnmadd.h ft0, fa0, fa1, fa2)
        FOP(fcvt.h.s ft0, fa3)
        FOP(fcvt.h.d ft0, fa4)
        FOP(fcvt.h.w ft0, a5)
        FOP(fcvt.h.wu ft0, a5)
        FOP(fcvt.h.l ft0, a5)
        FOP(fcvt.h.lu ft0, a5)
        XOP(fcvt.w.h t1, fa0)
        XOP(fcvt.wu.h t1, fa0)
        XOP(fcvt.l.h t1, fa0)
        XOP(fcvt.lu.h t1, fa0)
        addi a6, a6, 1; li t0, 5; bltu a6, t0, 5b
        fsrmi 0
        FOP(fsgnj.h ft0, fa0, fa1)
        FOP(fsgnjn.h ft0, fa0, fa1)
        FOP(fsgnjx.h ft0, fa0, fa1)
        FOP(fmin.h ft0, fa0, fa1)
        FOP(fmax.h ft0, fa0, fa1)
        FOP(fcvt.s.h ft0, fa0)
        FOP(fcvt.d.h ft0, fa0)
        XOP(feq.h t1, fa0, fa1)
        XOP(flt.h t1, fa0, fa1)
        XOP(fle.h t1, fa0, fa1)
        XOP(fclass.h t1, fa0)
        XOP(fmv.x.h t1, fa1)
        addi s4, s4, -1; bnez s4, 1b
#ifdef PRINT_HASH
        /* to find WANT: build with -DPRINT_HASH and run on QEMU, which
         * prints the hash on the UART (16 hex digits) */
        li t0, 0x10000000; li t1, 60
6:      srl t2, s3, t1; andi t2, t2, 15; addi t2, t2, '0'; li t3, '9'
        ble t2, t3, 7f; addi t2, t2, 'a' - '0' - 10
7:      sb t2, 0(t0); addi t1, t1, -4; bgez t1, 6b
        li t2, '\n'; sb t2, 0(t0)
#endif
        li t0, WANT
        li TESTNUM, 2
        bne s3, t0, fail
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
/* +-0, +-inf, quiet and signaling NaNs, the smallest and largest
 * subnormals and normals, 1, -1, 65504 - ulp and 2^-14 + ulp */
specials:
        .2byte 0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7d01, 0x0001, 0x03ff
        .2byte 0x0400, 0x7bff, 0x3c00, 0xbc00, 0x7bfe, 0x0401, 0x8001, 0xfbff
        RVTEST_DATA_END
