/* rv64uzksed/sm4: SM4 with sm4ks (key schedule) and sm4ed (rounds) gives
 * GB/T 32907-2016 appendix A.1's ciphertext (key and plaintext 01 23 45 67
 * 89 ab cd ef fe dc ba 98 76 54 32 10 -> 68 1e df 34 d2 06 96 5e 86 b3 e9
 * 4f 53 6e 42 46) and its first and last round keys (f12186f9, 9124a012);
 * decrypting (the round keys reversed) gives the plaintext back; each
 * instruction on known values.  RISC-V's SM4 words are little-endian loads
 * of the standard's big-endian words (the scalar-crypto specification's
 * sm4ed/sm4ks formulas): key, FK, CK and text are loaded with lw as the
 * bytes they are, and the round keys come out byte-swapped.  CK_i's bytes
 * are (4i + j) * 7 mod 256, FK's the standard's.
 * pagoda-args: -cpu rv64,zksed=on
 * qemu-check: cpu rv64,zksed=true,zbb=true
 */
#include "macros.h"

/* s2..s5 = the four words at reg */
#define LOAD4(reg) lw s2, 0(reg); lw s3, 4(reg); lw s4, 8(reg); lw s5, 12(reg);

RVTEST_CODE_BEGIN
        /* S-box(00) = d6; the specification's linear maps on it, rotated
         * into byte bs, xor-ed into rs1 (upper half ignored), sign-extended */
        TEST_CASE(2, a0, 0x000000005b5bd58e, li a1, 0; li a2, 0; sm4ed a0, a1, a2, 0)
        TEST_CASE(3, a0, 0xffffffff8e5b5bd5, li a1, 0; li a2, 0; sm4ed a0, a1, a2, 3)
        TEST_CASE(4, a0, 0xffffffffc01a6bd6, li a1, 0; li a2, 0; sm4ks a0, a1, a2, 0)
        TEST_CASE(5, a0, 0xffffffffc01a6bd7, li a1, 0x1234567800000001; li a2, 0x0101010100000000; sm4ks a0, a1, a2, 0)

test_6: li TESTNUM, 6           /* the key schedule */
        la a0, sm4_key; LOAD4(a0)
        la a0, sm4_fk; lw t0, 0(a0); xor s2, s2, t0; lw t0, 4(a0); xor s3, s3, t0
        lw t0, 8(a0); xor s4, s4, t0; lw t0, 12(a0); xor s5, s5, t0
        la a1, sm4_ck; la a2, sm4_rk; li t1, 32
1:      lw t0, 0(a1); xor t0, t0, s3; xor t0, t0, s4; xor t0, t0, s5
        sm4ks s2, s2, t0, 0; sm4ks s2, s2, t0, 1; sm4ks s2, s2, t0, 2; sm4ks s2, s2, t0, 3
        sw s2, 0(a2)
        mv t0, s2; mv s2, s3; mv s3, s4; mv s4, s5; mv s5, t0
        addi a1, a1, 4; addi a2, a2, 4; addi t1, t1, -1; bnez t1, 1b
        la a2, sm4_rk; lw t0, 0(a2); CHECK(t0, 0xfffffffff98621f1)     /* rk0 f12186f9, byte-swapped */
        lw t0, 124(a2); CHECK(t0, 0x0000000012a02491)                  /* rk31 9124a012 */
test_7: li TESTNUM, 7           /* encryption */
        la a0, sm4_key; li a3, 4; jal ra, sm4_crypt
        la a0, sm4_ct; jal ra, sm4_compare
test_8: li TESTNUM, 8           /* decryption: the round keys in reverse */
        la a0, sm4_ct; li a3, -4; jal ra, sm4_crypt
        la a0, sm4_key; jal ra, sm4_compare
        TEST_PASSFAIL

/* 32 rounds on the block at a0 with the round keys of sm4_rk forwards
 * (a3 = 4) or backwards (a3 = -4); s2..s5 = X35, X34, X33, X32 (the
 * standard's final reversal) */
sm4_crypt:
        LOAD4(a0)
        la a2, sm4_rk; bgtz a3, 1f; addi a2, a2, 124
1:      li t1, 32
2:      lw t0, 0(a2); xor t0, t0, s3; xor t0, t0, s4; xor t0, t0, s5
        sm4ed s2, s2, t0, 0; sm4ed s2, s2, t0, 1; sm4ed s2, s2, t0, 2; sm4ed s2, s2, t0, 3
        mv t0, s2; mv s2, s3; mv s3, s4; mv s4, s5; mv s5, t0
        add a2, a2, a3; addi t1, t1, -1; bnez t1, 2b
        mv t0, s2; mv s2, s5; mv s5, t0; mv t0, s3; mv s3, s4; mv s4, t0
        ret

/* fail unless s2..s5 are the words at a0 */
sm4_compare:
        lw t0, 0(a0); bne t0, s2, fail
        lw t0, 4(a0); bne t0, s3, fail
        lw t0, 8(a0); bne t0, s4, fail
        lw t0, 12(a0); bne t0, s5, fail
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
sm4_key:
        .byte 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10
sm4_ct:
        .byte 0x68, 0x1e, 0xdf, 0x34, 0xd2, 0x06, 0x96, 0x5e, 0x86, 0xb3, 0xe9, 0x4f, 0x53, 0x6e, 0x42, 0x46
sm4_fk:
        .byte 0xa3, 0xb1, 0xba, 0xc6, 0x56, 0xaa, 0x33, 0x50, 0x67, 0x7d, 0x91, 0x97, 0xb2, 0x70, 0x22, 0xdc
sm4_ck:
        .byte 0x00, 0x07, 0x0e, 0x15, 0x1c, 0x23, 0x2a, 0x31, 0x38, 0x3f, 0x46, 0x4d, 0x54, 0x5b, 0x62, 0x69
        .byte 0x70, 0x77, 0x7e, 0x85, 0x8c, 0x93, 0x9a, 0xa1, 0xa8, 0xaf, 0xb6, 0xbd, 0xc4, 0xcb, 0xd2, 0xd9
        .byte 0xe0, 0xe7, 0xee, 0xf5, 0xfc, 0x03, 0x0a, 0x11, 0x18, 0x1f, 0x26, 0x2d, 0x34, 0x3b, 0x42, 0x49
        .byte 0x50, 0x57, 0x5e, 0x65, 0x6c, 0x73, 0x7a, 0x81, 0x88, 0x8f, 0x96, 0x9d, 0xa4, 0xab, 0xb2, 0xb9
        .byte 0xc0, 0xc7, 0xce, 0xd5, 0xdc, 0xe3, 0xea, 0xf1, 0xf8, 0xff, 0x06, 0x0d, 0x14, 0x1b, 0x22, 0x29
        .byte 0x30, 0x37, 0x3e, 0x45, 0x4c, 0x53, 0x5a, 0x61, 0x68, 0x6f, 0x76, 0x7d, 0x84, 0x8b, 0x92, 0x99
        .byte 0xa0, 0xa7, 0xae, 0xb5, 0xbc, 0xc3, 0xca, 0xd1, 0xd8, 0xdf, 0xe6, 0xed, 0xf4, 0xfb, 0x02, 0x09
        .byte 0x10, 0x17, 0x1e, 0x25, 0x2c, 0x33, 0x3a, 0x41, 0x48, 0x4f, 0x56, 0x5d, 0x64, 0x6b, 0x72, 0x79
        .align 2
sm4_rk: .skip 128
        RVTEST_DATA_END
