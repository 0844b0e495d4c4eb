/* SHA-256 and SHA-512 for rv64uzknh (FIPS 180-4, 6.2.2 and 6.4.2), with
 * the sigma and sum functions as Zknh instructions, written once for both
 * word sizes.  SHA2(256, lw, sw, addw, 4, 64) defines
 *   sha256:       hash a4 blocks at a0 into the 8 words at a1
 *   sha256_check: from sha256_h0, hash a4 blocks at a0, and fail unless
 *                 the result is the 8 words at a6
 * using the data labels sha256_w (the schedule, ROUNDS words), sha256_k,
 * sha256_h0 and sha256_h.  a..h live in s2..s9; uses t0-t3, a2, a3, a5,
 * s10.  Big-endian words are loaded with rev8 (Zbb). */
#ifndef PAGODA_SHA2_H
#define PAGODA_SHA2_H

#define SHA2_LOAD_BE_4 lwu t2, 0(t1); rev8 t2, t2; srai t2, t2, 32
#define SHA2_LOAD_BE_8 ld t2, 0(t1); rev8 t2, t2

#define SHA2(bits, L, S, ADD, W, ROUNDS)                 \
sha##bits:                                               \
1:      la a2, sha##bits##_w; li t0, 0;                  \
2:      add t1, a0, t0; SHA2_LOAD_BE_##W;                \
        add t1, a2, t0; S t2, 0(t1);                     \
        addi t0, t0, W; li t1, 16 * W; bltu t0, t1, 2b;  \
3:      add t1, a2, t0;                                  \
        L t2, -2 * W(t1); sha##bits##sig1 t2, t2;        \
        L t3, -7 * W(t1); ADD t2, t2, t3;                \
        L t3, -15 * W(t1); sha##bits##sig0 t3, t3; ADD t2, t2, t3; \
        L t3, -16 * W(t1); ADD t2, t2, t3;               \
        S t2, 0(t1);                                     \
        addi t0, t0, W; li t1, ROUNDS * W; bltu t0, t1, 3b; \
        L s2, 0 * W(a1); L s3, 1 * W(a1); L s4, 2 * W(a1); L s5, 3 * W(a1); \
        L s6, 4 * W(a1); L s7, 5 * W(a1); L s8, 6 * W(a1); L s9, 7 * W(a1); \
        la a3, sha##bits##_k; li t0, 0;                  \
4:      sha##bits##sum1 t1, s6; ADD t1, t1, s9;          \
        and t2, s6, s7; andn t3, s8, s6; xor t2, t2, t3; ADD t1, t1, t2; \
        add t2, a3, t0; L t2, 0(t2); ADD t1, t1, t2;     \
        add t2, a2, t0; L t2, 0(t2); ADD t1, t1, t2;     \
        sha##bits##sum0 t2, s2;                          \
        and t3, s2, s3; and a5, s2, s4; xor t3, t3, a5; and a5, s3, s4; xor t3, t3, a5; ADD t2, t2, t3; \
        mv s9, s8; mv s8, s7; mv s7, s6; ADD s6, s5, t1; \
        mv s5, s4; mv s4, s3; mv s3, s2; ADD s2, t1, t2; \
        addi t0, t0, W; li t1, ROUNDS * W; bltu t0, t1, 4b; \
        L t1, 0 * W(a1); ADD t1, t1, s2; S t1, 0 * W(a1); \
        L t1, 1 * W(a1); ADD t1, t1, s3; S t1, 1 * W(a1); \
        L t1, 2 * W(a1); ADD t1, t1, s4; S t1, 2 * W(a1); \
        L t1, 3 * W(a1); ADD t1, t1, s5; S t1, 3 * W(a1); \
        L t1, 4 * W(a1); ADD t1, t1, s6; S t1, 4 * W(a1); \
        L t1, 5 * W(a1); ADD t1, t1, s7; S t1, 5 * W(a1); \
        L t1, 6 * W(a1); ADD t1, t1, s8; S t1, 6 * W(a1); \
        L t1, 7 * W(a1); ADD t1, t1, s9; S t1, 7 * W(a1); \
        addi a0, a0, 16 * W; addi a4, a4, -1; bnez a4, 1b; \
        ret;                                             \
sha##bits##_check:                                       \
        mv s10, ra;                                      \
        la a1, sha##bits##_h; la t0, sha##bits##_h0; li t1, 0; \
1:      add t2, t0, t1; L t2, 0(t2); add t3, a1, t1; S t2, 0(t3); \
        addi t1, t1, W; li t2, 8 * W; bltu t1, t2, 1b;   \
        jal ra, sha##bits;                               \
        li t1, 0;                                        \
2:      add t2, a1, t1; L t2, 0(t2); add t3, a6, t1; L t3, 0(t3); bne t2, t3, fail; \
        addi t1, t1, W; li t2, 8 * W; bltu t1, t2, 2b;   \
        mv ra, s10;                                      \
        ret;

#endif
