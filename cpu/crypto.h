/* The scalar cryptography instructions of RV64 (unprivileged spec, chapter
 * "Cryptography Extensions: Scalar & Entropy Source Instructions"), as
 * pure functions of their operands: what the handlers in crypto.c compute,
 * and what the unit test checks against the standards' known answers. */
#ifndef PAGODA_CRYPTO_H
#define PAGODA_CRYPTO_H

#include <stdint.h>

/* Zkne / Zknd: one AES round on the 128-bit state rs2:rs1 (rs1 the low
 * half, bytes in column order), giving the state's low half; and the key
 * schedule.  rnum of aes64ks1i is 0..10 (the decoder refuses 11..15). */
uint64_t aes64es(uint64_t rs1, uint64_t rs2);
uint64_t aes64esm(uint64_t rs1, uint64_t rs2);
uint64_t aes64ds(uint64_t rs1, uint64_t rs2);
uint64_t aes64dsm(uint64_t rs1, uint64_t rs2);
uint64_t aes64im(uint64_t rs1);
uint64_t aes64ks1i(uint64_t rs1, unsigned rnum);
uint64_t aes64ks2(uint64_t rs1, uint64_t rs2);

/* Zknh: the SHA-2 sigma and sum functions (SHA-256's on the low word,
 * sign-extended). */
uint64_t sha256sig0(uint64_t rs1);
uint64_t sha256sig1(uint64_t rs1);
uint64_t sha256sum0(uint64_t rs1);
uint64_t sha256sum1(uint64_t rs1);
uint64_t sha512sig0(uint64_t rs1);
uint64_t sha512sig1(uint64_t rs1);
uint64_t sha512sum0(uint64_t rs1);
uint64_t sha512sum1(uint64_t rs1);

/* Zksed: an SM4 round (sm4ed) or key-schedule step (sm4ks) on byte bs of
 * rs2, xor-ed into rs1's low word; words are little-endian loads of the
 * standard's big-endian ones.  Zksh: SM3's permutations P0, P1. */
uint64_t sm4ed(uint64_t rs1, uint64_t rs2, unsigned bs);
uint64_t sm4ks(uint64_t rs1, uint64_t rs2, unsigned bs);
uint64_t sm3p0(uint64_t rs1);
uint64_t sm3p1(uint64_t rs1);

/* Zbkb and Zbkx on RV64 */
uint64_t brev8(uint64_t rs1);
uint64_t xperm4(uint64_t rs1, uint64_t rs2);
uint64_t xperm8(uint64_t rs1, uint64_t rs2);

#endif
