/* rv64uzknd/aes_dec: AES-128 and AES-256 decryption (the equivalent
 * inverse cipher: aes64im on the middle round keys, aes64dsm, aes64ds) of
 * FIPS 197's appendix C.1 and C.3 ciphertexts gives the plaintext back;
 * single instructions on known values; Zknd alone (no Zkne) provides the
 * key schedule.
 * pagoda-args: -cpu rv64,zknd=on
 * qemu-check: cpu rv64,zknd=true,zbb=true
 */
#include "macros.h"
#include "aes.h"

RVTEST_CODE_BEGIN
        /* InvMixColumns of FIPS 197's MixColumns example column
         * (db 13 53 45 -> 8e 4d a1 bc), and of its result back */
        TEST_CASE(2, a0, 0x455313db455313db, li a1, 0xbca14d8ebca14d8e; aes64im a0, a1)
        /* a round of C.1's inverse cipher: istart 7ad5fda789ef4e272bca100b3d9ff59f
         * -> is_box bd6e7c3df2b5779e0b61216e8b10b689 (InvShiftRows, InvSubBytes) */
        TEST_RR_OP(3, aes64ds, 0x9e77b5f23d7c6ebd, 0x274eef89a7fdd57a, 0x9ff59f3d0b10ca2b)
        TEST_CASE(4, a0, 0x6363636263636362, li a1, 0; aes64ks1i a0, a1, 0)

test_5: li TESTNUM, 5           /* AES-128, FIPS 197 C.1 */
        AES_LOAD_KEY
        AES128_KEYS
        la t0, aes_ct128; li a2, 10
        jal ra, aes_decrypt
        la t0, aes_pt; ld t1, 0(t0); bne s6, t1, fail; ld t1, 8(t0); bne s7, t1, fail
test_6: li TESTNUM, 6           /* AES-256, FIPS 197 C.3 */
        AES_LOAD_KEY
        AES256_KEYS
        la t0, aes_ct256; li a2, 14
        jal ra, aes_decrypt
        la t0, aes_pt; ld t1, 0(t0); bne s6, t1, fail; ld t1, 8(t0); bne s7, t1, fail
        TEST_PASSFAIL

/* decrypt the block at t0 with a2 rounds of the keys at a1 into s6, s7 */
aes_decrypt:
        ld s6, 0(t0); ld s7, 8(t0)
        slli a3, a2, 4; add a3, a3, a1                  /* the last round key */
        ld t0, 0(a3); ld t1, 8(a3); xor s6, s6, t0; xor s7, s7, t1
        addi a2, a2, -1
1:      addi a3, a3, -16
        aes64dsm t0, s6, s7; aes64dsm t1, s7, s6
        ld t2, 0(a3); ld t3, 8(a3); aes64im t2, t2; aes64im t3, t3
        xor s6, t0, t2; xor s7, t1, t3
        addi a2, a2, -1; bnez a2, 1b
        aes64ds t0, s6, s7; aes64ds t1, s7, s6
        ld t2, 0(a1); ld t3, 8(a1); xor s6, t0, t2; xor s7, t1, t3
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        AES_FIPS_DATA
        RVTEST_DATA_END
