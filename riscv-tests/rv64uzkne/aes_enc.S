/* rv64uzkne/aes_enc: AES-128 and AES-256 encryption with aes64ks1i,
 * aes64ks2, aes64esm and aes64es gives FIPS 197's appendix C.1 and C.3
 * ciphertexts; single instructions on known values; Zkne alone (no Zknd)
 * provides the key schedule.
 * pagoda-args: -cpu rv64,zkne=on
 * qemu-check: cpu rv64,zkne=true,zbb=true
 */
#include "macros.h"
#include "aes.h"

RVTEST_CODE_BEGIN
        /* single instructions: the first round of C.1 (state after the
         * first AddRoundKey is 00 10 20 .. f0), expected from FIPS 197's
         * round[1].s_row 6353e08c0960e104cd70b751bacad0e7 (SubBytes and
         * ShiftRows commute) and round[1].m_col 5f72641557f5bc92... */
        TEST_RR_OP(2, aes64es, 0x04e160098ce05363, 0x7060504030201000, 0xf0e0d0c0b0a09080)
        TEST_RR_OP(3, aes64esm, 0x92bcf5571564725f, 0x7060504030201000, 0xf0e0d0c0b0a09080)
        /* the other half: the same instruction with the halves swapped */
        TEST_RR_OP(4, aes64es, 0xe7d0caba51b770cd, 0xf0e0d0c0b0a09080, 0x7060504030201000)
        TEST_CASE(5, a0, 0x6363636263636362, li a1, 0; aes64ks1i a0, a1, 0)
        TEST_CASE(6, a0, 0xc918b1bcc918b1bc, li a1, 0x1234567800000000; aes64ks1i a0, a1, 10)
        TEST_RR_OP(7, aes64ks2, 0x0f0f0f0f05050505, 0x0404040400000000, 0x0a0a0a0a01010101)

test_8: li TESTNUM, 8           /* AES-128, FIPS 197 C.1 */
        AES_LOAD_KEY
        AES128_KEYS
        li a2, 10
        jal ra, aes_encrypt
        la t0, aes_ct128; ld t1, 0(t0); bne s6, t1, fail; ld t1, 8(t0); bne s7, t1, fail
test_9: li TESTNUM, 9           /* AES-256, FIPS 197 C.3 */
        AES_LOAD_KEY
        AES256_KEYS
        li a2, 14
        jal ra, aes_encrypt
        la t0, aes_ct256; ld t1, 0(t0); bne s6, t1, fail; ld t1, 8(t0); bne s7, t1, fail
        TEST_PASSFAIL

/* encrypt aes_pt with a2 rounds of the keys at a1: the ciphertext in s6, s7 */
aes_encrypt:
        la t0, aes_pt; ld s6, 0(t0); ld s7, 8(t0)
        ld t0, 0(a1); ld t1, 8(a1); xor s6, s6, t0; xor s7, s7, t1
        addi a3, a1, 16; addi a2, a2, -1
1:      aes64esm t0, s6, s7; aes64esm t1, s7, s6
        ld t2, 0(a3); ld t3, 8(a3); xor s6, t0, t2; xor s7, t1, t3
        addi a3, a3, 16; addi a2, a2, -1; bnez a2, 1b
        aes64es t0, s6, s7; aes64es t1, s7, s6
        ld t2, 0(a3); ld t3, 8(a3); xor s6, t0, t2; xor s7, t1, t3
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        AES_FIPS_DATA
        RVTEST_DATA_END
