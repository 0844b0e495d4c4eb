/* AES for the scalar-crypto suites (rv64uzkne, rv64uzknd): the key
 * schedules of AES-128 and AES-256 with aes64ks1i/aes64ks2 (FIPS 197, 5.2;
 * the scalar-crypto specification's way), writing round key i's two halves
 * at 16*i(a1).  The key is in s2, s3 (and s4, s5): its bytes in order,
 * loaded little-endian.  Uses t0. */
#ifndef PAGODA_AES_H
#define PAGODA_AES_H

#define AES128_STEP(i)                                   \
        aes64ks1i t0, s3, i;                             \
        aes64ks2 s2, t0, s2;                             \
        aes64ks2 s3, s2, s3;                             \
        sd s2, 16 * ((i) + 1)(a1); sd s3, 16 * ((i) + 1) + 8(a1);

#define AES128_KEYS                                      \
        sd s2, 0(a1); sd s3, 8(a1);                      \
        AES128_STEP(0) AES128_STEP(1) AES128_STEP(2) AES128_STEP(3) AES128_STEP(4) \
        AES128_STEP(5) AES128_STEP(6) AES128_STEP(7) AES128_STEP(8) AES128_STEP(9)

/* AES-256: even steps as AES-128's on s2, s3 from s5; odd steps (rnum 10:
 * SubWord only) on s4, s5 from s3 */
#define AES256_STEP(i)                                   \
        aes64ks1i t0, s5, i;                             \
        aes64ks2 s2, t0, s2;                             \
        aes64ks2 s3, s2, s3;                             \
        sd s2, 32 * ((i) + 1)(a1); sd s3, 32 * ((i) + 1) + 8(a1); \
        aes64ks1i t0, s3, 10;                            \
        aes64ks2 s4, t0, s4;                             \
        aes64ks2 s5, s4, s5;                             \
        sd s4, 32 * ((i) + 1) + 16(a1); sd s5, 32 * ((i) + 1) + 24(a1);

#define AES256_KEYS                                      \
        sd s2, 0(a1); sd s3, 8(a1); sd s4, 16(a1); sd s5, 24(a1); \
        AES256_STEP(0) AES256_STEP(1) AES256_STEP(2) AES256_STEP(3) AES256_STEP(4) \
        AES256_STEP(5)                                   \
        aes64ks1i t0, s5, 6; aes64ks2 s2, t0, s2; aes64ks2 s3, s2, s3; \
        sd s2, 224(a1); sd s3, 232(a1);

/* FIPS 197 appendix C: key 00 01 .. 1f, plaintext 00 11 .. ff */
#define AES_FIPS_DATA                                    \
aes_key: .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f; \
         .byte 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f; \
aes_pt:  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff; \
aes_ct128: .byte 0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a; \
aes_ct256: .byte 0x8e, 0xa2, 0xb7, 0xca, 0x51, 0x67, 0x45, 0xbf, 0xea, 0xfc, 0x49, 0x90, 0x4b, 0x49, 0x60, 0x89; \
        .align 4;                                        \
aes_rk:  .skip 16 * 15

#define AES_LOAD_KEY                                     \
        la t0, aes_key; ld s2, 0(t0); ld s3, 8(t0); ld s4, 16(t0); ld s5, 24(t0); \
        la a1, aes_rk;

#endif
