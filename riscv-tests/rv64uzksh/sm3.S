/* rv64uzksh/sm3: SM3 with sm3p0 and sm3p1 gives GB/T 32905-2016 appendix
 * A.1's digest of "abc" (66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487
 * 5cf2f7a2 297da02b 8f4ba8e0); each instruction on known values (P0(x) =
 * x ^ rol(x, 9) ^ rol(x, 17), P1(x) = x ^ rol(x, 15) ^ rol(x, 23) on the low
 * word, sign-extended).
 * pagoda-args: -cpu rv64,zksh=on
 * qemu-check: cpu rv64,zksh=true,zbb=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_R_OP(2, sm3p0, 0x0000000000020201, 0x0000000000000001)
        TEST_R_OP(3, sm3p1, 0x0000000000808001, 0x0000000000000001)
        TEST_R_OP(4, sm3p0, 0xffffffff80010100, 0x1234567880000000)
        TEST_R_OP(5, sm3p1, 0x0000000000000000, 0xffffffff00000000)

test_6: li TESTNUM, 6           /* message expansion: W[0..67] */
        la a0, sm3_msg; la a1, sm3_w; li t0, 0
1:      add t1, a0, t0; lwu t2, 0(t1); rev8 t2, t2; srai t2, t2, 32
        add t1, a1, t0; sw t2, 0(t1)
        addi t0, t0, 4; li t1, 64; bltu t0, t1, 1b
2:      add t1, a1, t0                                  /* W[j], j = 16..67 */
        lw t2, -64(t1); lw t3, -36(t1); xor t2, t2, t3
        lw t3, -12(t1); roriw t3, t3, 17; xor t2, t2, t3   /* rol 15 */
        sm3p1 t2, t2
        lw t3, -52(t1); roriw t3, t3, 25; xor t2, t2, t3   /* rol 7 */
        lw t3, -24(t1); xor t2, t2, t3
        sw t2, 0(t1)
        addi t0, t0, 4; li t1, 272; bltu t0, t1, 2b
        /* compression: A..H in s2..s9 */
        la a2, sm3_iv
        lw s2, 0(a2); lw s3, 4(a2); lw s4, 8(a2); lw s5, 12(a2)
        lw s6, 16(a2); lw s7, 20(a2); lw s8, 24(a2); lw s9, 28(a2)
        li t0, 0                                        /* j */
3:      li t1, 0x79cc4519; li t2, 16; bltu t0, t2, 4f; li t1, 0x7a879d8a
4:      rolw t1, t1, t0                                 /* rol(T_j, j mod 32) */
        roriw a3, s2, 20                                /* rol(A, 12) */
        addw t1, t1, a3; addw t1, t1, s6; roriw t1, t1, 25   /* SS1 = rol(rol(A, 12) + E + rol(T_j, j), 7) */
        xor a4, t1, a3                                  /* SS2 */
        bltu t0, t2, 5f
        and a5, s2, s3; and a6, s2, s4; or a5, a5, a6; and a6, s3, s4; or a5, a5, a6   /* FF: majority */
        and a6, s6, s7; andn a7, s8, s6; or a6, a6, a7                                 /* GG: choice */
        j 6f
5:      xor a5, s2, s3; xor a5, a5, s4                  /* FF, GG for j < 16: xor */
        xor a6, s6, s7; xor a6, a6, s8
6:      slli t3, t0, 2; add t3, t3, a1                  /* &W[j] */
        lw t2, 0(t3); lw a7, 16(t3); xor a7, a7, t2     /* W'[j] = W[j] ^ W[j + 4] */
        addw a5, a5, s5; addw a5, a5, a4; addw a5, a5, a7   /* TT1 = FF + D + SS2 + W'[j] */
        addw a6, a6, s9; addw a6, a6, t1; addw a6, a6, t2   /* TT2 = GG + H + SS1 + W[j] */
        mv s5, s4; roriw s4, s3, 23; mv s3, s2; mv s2, a5   /* D = C, C = rol(B, 9), B = A, A = TT1 */
        mv s9, s8; roriw s8, s7, 13; mv s7, s6; sm3p0 s6, a6   /* H = G, G = rol(F, 19), F = E, E = P0(TT2) */
        addi t0, t0, 1; li t1, 64; bltu t0, t1, 3b
        /* V(1) = V(0) ^ ABCDEFGH, compared with the digest */
        la a3, sm3_want
        lw t0, 0(a2); xor t0, t0, s2; lw t1, 0(a3); bne t0, t1, fail
        lw t0, 4(a2); xor t0, t0, s3; lw t1, 4(a3); bne t0, t1, fail
        lw t0, 8(a2); xor t0, t0, s4; lw t1, 8(a3); bne t0, t1, fail
        lw t0, 12(a2); xor t0, t0, s5; lw t1, 12(a3); bne t0, t1, fail
        lw t0, 16(a2); xor t0, t0, s6; lw t1, 16(a3); bne t0, t1, fail
        lw t0, 20(a2); xor t0, t0, s7; lw t1, 20(a3); bne t0, t1, fail
        lw t0, 24(a2); xor t0, t0, s8; lw t1, 24(a3); bne t0, t1, fail
        lw t0, 28(a2); xor t0, t0, s9; lw t1, 28(a3); bne t0, t1, fail
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sm3_msg:
        .byte 0x61, 0x62, 0x63, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
        .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
        .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
        .byte 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x18
sm3_iv:
        .word 0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e
sm3_want:
        .word 0x66c7f0f4, 0x62eeedd9, 0xd1f2d46b, 0xdc10e4e2, 0x4167c487, 0x5cf2f7a2, 0x297da02b, 0x8f4ba8e0
sm3_w:  .skip 272
        RVTEST_DATA_END
