/* Scalar cryptography on RV64 (crypto.h): Zbkb, Zbkx, Zknd, Zkne, Zknh,
 * Zksed, Zksh, and their handlers.  Zbkc is Zbc's clmul and clmulh (exec.c),
 * Zkt a property of every instruction here: none of them branches or looks
 * a table up by anything but its operands' bits, as in hardware (the
 * emulator's own timing is not the guest's). */
#include "crypto.h"

#include <stdbool.h>

#include "hart.h"

static uint32_t rol32(uint32_t x, unsigned s) { s &= 31; return s ? (x << s) | (x >> (32 - s)) : x; }
static uint32_t ror32(uint32_t x, unsigned s) { return rol32(x, 32 - (s & 31)); }
static uint64_t ror64(uint64_t x, unsigned s) { s &= 63; return s ? (x >> s) | (x << (64 - s)) : x; }
static uint64_t sext32(uint32_t x) { return (uint64_t)(int64_t)(int32_t)x; }
static uint8_t byte_of(uint64_t x, unsigned i) { return (uint8_t)(x >> (8 * i)); }

/* ---- AES (FIPS 197) ---- */

/* multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    for (int i = 0; i < 8; i++) {
        if (b & 1) p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

static uint8_t rol8(uint8_t x, unsigned s) { return (uint8_t)((x << s) | (x >> (8 - s))); }

/* The S-box and its inverse, built from their definition (FIPS 197, 5.1.1:
 * the multiplicative inverse, then the affine transformation). */
static uint8_t aes_sbox[256], aes_inv_sbox[256];
static bool aes_ready;

static void aes_tables(void)
{
    for (unsigned x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (unsigned y = 1; y < 256 && x; y++)
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1) { inv = (uint8_t)y; break; }
        uint8_t s = (uint8_t)(inv ^ rol8(inv, 1) ^ rol8(inv, 2) ^ rol8(inv, 3) ^ rol8(inv, 4) ^ 0x63);
        aes_sbox[x] = s;
        aes_inv_sbox[s] = (uint8_t)x;
    }
    aes_ready = true;
}

static const uint8_t *sbox(bool inverse)
{
    if (!aes_ready) aes_tables();
    return inverse ? aes_inv_sbox : aes_sbox;
}

/* (Inv)MixColumns of one column, bytes 0..3 = rows 0..3 (FIPS 197, 5.1.3
 * and 5.3.3): each output row is the column times a circulant row. */
static uint32_t mix_column(uint32_t col, bool inverse)
{
    static const uint8_t fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
    const uint8_t *m = inverse ? inv : fwd;
    uint32_t out = 0;
    for (unsigned r = 0; r < 4; r++) {
        uint8_t v = 0;
        for (unsigned k = 0; k < 4; k++) v ^= gf_mul(m[(k - r) & 3], byte_of(col, k));
        out |= (uint32_t)v << (8 * r);
    }
    return out;
}

static uint64_t mix_columns(uint64_t x, bool inverse)
{
    return mix_column((uint32_t)x, inverse) | (uint64_t)mix_column((uint32_t)(x >> 32), inverse) << 32;
}

/* The low half (columns 0 and 1) of (Inv)ShiftRows then (Inv)SubBytes of
 * the state rs2:rs1, whose byte 4c + r is row r of column c: row r moves r
 * columns left (right for the inverse). */
static uint64_t shift_sub(uint64_t rs1, uint64_t rs2, bool inverse)
{
    const uint8_t *s = sbox(inverse);
    uint64_t out = 0;
    for (unsigned c = 0; c < 2; c++)
        for (unsigned r = 0; r < 4; r++) {
            unsigned from = 4 * ((inverse ? c + 4 - r : c + r) & 3) + r;
            uint8_t b = from < 8 ? byte_of(rs1, from) : byte_of(rs2, from - 8);
            out |= (uint64_t)s[b] << (8 * (4 * c + r));
        }
    return out;
}

uint64_t aes64es(uint64_t rs1, uint64_t rs2) { return shift_sub(rs1, rs2, false); }
uint64_t aes64esm(uint64_t rs1, uint64_t rs2) { return mix_columns(shift_sub(rs1, rs2, false), false); }
uint64_t aes64ds(uint64_t rs1, uint64_t rs2) { return shift_sub(rs1, rs2, true); }
uint64_t aes64dsm(uint64_t rs1, uint64_t rs2) { return mix_columns(shift_sub(rs1, rs2, true), true); }
uint64_t aes64im(uint64_t rs1) { return mix_columns(rs1, true); }

/* Key schedule (FIPS 197, 5.2): SubWord(RotWord(w)) xor Rcon of round
 * rnum, in both halves; rnum 10 (AES-256's odd steps) skips RotWord and
 * Rcon. */
uint64_t aes64ks1i(uint64_t rs1, unsigned rnum)
{
    static const uint8_t rcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36};
    uint32_t w = (uint32_t)(rs1 >> 32);
    if (rnum != 10) w = ror32(w, 8);
    const uint8_t *s = sbox(false);
    uint32_t t = (uint32_t)s[byte_of(w, 0)] | (uint32_t)s[byte_of(w, 1)] << 8 | (uint32_t)s[byte_of(w, 2)] << 16 |
                 (uint32_t)s[byte_of(w, 3)] << 24;
    if (rnum < 10) t ^= rcon[rnum];
    return (uint64_t)t << 32 | t;
}

uint64_t aes64ks2(uint64_t rs1, uint64_t rs2)
{
    uint32_t w0 = (uint32_t)(rs1 >> 32) ^ (uint32_t)rs2;
    uint32_t w1 = w0 ^ (uint32_t)(rs2 >> 32);
    return (uint64_t)w1 << 32 | w0;
}

/* ---- SHA-2 (FIPS 180-4, 4.1.2 and 4.1.3) ---- */

uint64_t sha256sig0(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(ror32(w, 7) ^ ror32(w, 18) ^ (w >> 3)); }
uint64_t sha256sig1(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(ror32(w, 17) ^ ror32(w, 19) ^ (w >> 10)); }
uint64_t sha256sum0(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(ror32(w, 2) ^ ror32(w, 13) ^ ror32(w, 22)); }
uint64_t sha256sum1(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(ror32(w, 6) ^ ror32(w, 11) ^ ror32(w, 25)); }
uint64_t sha512sig0(uint64_t x) { return ror64(x, 1) ^ ror64(x, 8) ^ (x >> 7); }
uint64_t sha512sig1(uint64_t x) { return ror64(x, 19) ^ ror64(x, 61) ^ (x >> 6); }
uint64_t sha512sum0(uint64_t x) { return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39); }
uint64_t sha512sum1(uint64_t x) { return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41); }

/* ---- SM4 (GB/T 32907-2016) and SM3 (GB/T 32905-2016) ---- */

static const uint8_t sm4_sbox[256] = {
    0xd6, 0x90, 0xe9, 0xfe, 0xcc, 0xe1, 0x3d, 0xb7, 0x16, 0xb6, 0x14, 0xc2, 0x28, 0xfb, 0x2c, 0x05,
    0x2b, 0x67, 0x9a, 0x76, 0x2a, 0xbe, 0x04, 0xc3, 0xaa, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
    0x9c, 0x42, 0x50, 0xf4, 0x91, 0xef, 0x98, 0x7a, 0x33, 0x54, 0x0b, 0x43, 0xed, 0xcf, 0xac, 0x62,
    0xe4, 0xb3, 0x1c, 0xa9, 0xc9, 0x08, 0xe8, 0x95, 0x80, 0xdf, 0x94, 0xfa, 0x75, 0x8f, 0x3f, 0xa6,
    0x47, 0x07, 0xa7, 0xfc, 0xf3, 0x73, 0x17, 0xba, 0x83, 0x59, 0x3c, 0x19, 0xe6, 0x85, 0x4f, 0xa8,
    0x68, 0x6b, 0x81, 0xb2, 0x71, 0x64, 0xda, 0x8b, 0xf8, 0xeb, 0x0f, 0x4b, 0x70, 0x56, 0x9d, 0x35,
    0x1e, 0x24, 0x0e, 0x5e, 0x63, 0x58, 0xd1, 0xa2, 0x25, 0x22, 0x7c, 0x3b, 0x01, 0x21, 0x78, 0x87,
    0xd4, 0x00, 0x46, 0x57, 0x9f, 0xd3, 0x27, 0x52, 0x4c, 0x36, 0x02, 0xe7, 0xa0, 0xc4, 0xc8, 0x9e,
    0xea, 0xbf, 0x8a, 0xd2, 0x40, 0xc7, 0x38, 0xb5, 0xa3, 0xf7, 0xf2, 0xce, 0xf9, 0x61, 0x15, 0xa1,
    0xe0, 0xae, 0x5d, 0xa4, 0x9b, 0x34, 0x1a, 0x55, 0xad, 0x93, 0x32, 0x30, 0xf5, 0x8c, 0xb1, 0xe3,
    0x1d, 0xf6, 0xe2, 0x2e, 0x82, 0x66, 0xca, 0x60, 0xc0, 0x29, 0x23, 0xab, 0x0d, 0x53, 0x4e, 0x6f,
    0xd5, 0xdb, 0x37, 0x45, 0xde, 0xfd, 0x8e, 0x2f, 0x03, 0xff, 0x6a, 0x72, 0x6d, 0x6c, 0x5b, 0x51,
    0x8d, 0x1b, 0xaf, 0x92, 0xbb, 0xdd, 0xbc, 0x7f, 0x11, 0xd9, 0x5c, 0x41, 0x1f, 0x10, 0x5a, 0xd8,
    0x0a, 0xc1, 0x31, 0x88, 0xa5, 0xcd, 0x7b, 0xbd, 0x2d, 0x74, 0xd0, 0x12, 0xb8, 0xe5, 0xb4, 0xb0,
    0x89, 0x69, 0x97, 0x4a, 0x0c, 0x96, 0x77, 0x7e, 0x65, 0xb9, 0xf1, 0x09, 0xc5, 0x6e, 0xc6, 0x84,
    0x18, 0xf0, 0x7d, 0xec, 0x3a, 0xdc, 0x4d, 0x20, 0x79, 0xee, 0x5f, 0x3e, 0xd7, 0xcb, 0x39, 0x48,
};

/* One byte's share of SM4's round (L) or key-schedule (L') transform.
 * RISC-V holds SM4's 32-bit words as little-endian loads of the standard's
 * big-endian words, so the scalar-crypto specification's sm4ed and sm4ks
 * are the standard's maps conjugated by a byte swap (their pseudocode's
 * shifts and masks are exactly that): the S-box output of byte bs of rs2,
 * in its place, byte-swapped into the standard's order, through the map,
 * swapped back and xor-ed into rs1's low word. */
static uint64_t sm4_byte(uint64_t rs1, uint64_t rs2, unsigned bs, bool key)
{
    uint32_t x = __builtin_bswap32((uint32_t)sm4_sbox[byte_of(rs2, bs)] << (8 * bs));
    uint32_t y = key ? x ^ rol32(x, 13) ^ rol32(x, 23) : x ^ rol32(x, 2) ^ rol32(x, 10) ^ rol32(x, 18) ^ rol32(x, 24);
    return sext32(__builtin_bswap32(y) ^ (uint32_t)rs1);
}

uint64_t sm4ed(uint64_t rs1, uint64_t rs2, unsigned bs) { return sm4_byte(rs1, rs2, bs & 3, false); }
uint64_t sm4ks(uint64_t rs1, uint64_t rs2, unsigned bs) { return sm4_byte(rs1, rs2, bs & 3, true); }
uint64_t sm3p0(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(w ^ rol32(w, 9) ^ rol32(w, 17)); }
uint64_t sm3p1(uint64_t x) { uint32_t w = (uint32_t)x; return sext32(w ^ rol32(w, 15) ^ rol32(w, 23)); }

/* ---- Zbkb, Zbkx ---- */

uint64_t brev8(uint64_t x)
{
    /* swap bits, bit pairs, nibbles within every byte */
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    return ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
}

/* Each element of rs2 indexes an element of rs1; an index past the end
 * gives 0 (4-bit elements: there are 16, every index is in range). */
uint64_t xperm8(uint64_t rs1, uint64_t rs2)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned idx = byte_of(rs2, i);
        if (idx < 8) out |= (uint64_t)byte_of(rs1, idx) << (8 * i);
    }
    return out;
}

uint64_t xperm4(uint64_t rs1, uint64_t rs2)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++) {
        unsigned idx = (rs2 >> (4 * i)) & 15;
        out |= ((rs1 >> (4 * idx)) & 15) << (4 * i);
    }
    return out;
}

/* ---- handlers ---- */

#define RS1 (h->x[d->rs1])
#define RS2 (h->x[d->rs2])
#define HANDLER(name, expr) \
    void exec_##name(struct hart *h, const struct insn *d) { h->x[d->rd] = (expr); HART_NEXT_PURE(h, d); }

HANDLER(pack, (RS1 & 0xffffffffull) | RS2 << 32)
HANDLER(packh, (RS1 & 0xff) | (RS2 & 0xff) << 8)
HANDLER(packw, sext32((uint32_t)(RS1 & 0xffff) | (uint32_t)(RS2 & 0xffff) << 16))
HANDLER(brev8, brev8(RS1))
HANDLER(xperm4, xperm4(RS1, RS2))
HANDLER(xperm8, xperm8(RS1, RS2))
HANDLER(aes64es, aes64es(RS1, RS2))
HANDLER(aes64esm, aes64esm(RS1, RS2))
HANDLER(aes64ds, aes64ds(RS1, RS2))
HANDLER(aes64dsm, aes64dsm(RS1, RS2))
HANDLER(aes64im, aes64im(RS1))
HANDLER(aes64ks1i, aes64ks1i(RS1, (unsigned)d->imm))
HANDLER(aes64ks2, aes64ks2(RS1, RS2))
HANDLER(sha256sig0, sha256sig0(RS1))
HANDLER(sha256sig1, sha256sig1(RS1))
HANDLER(sha256sum0, sha256sum0(RS1))
HANDLER(sha256sum1, sha256sum1(RS1))
HANDLER(sha512sig0, sha512sig0(RS1))
HANDLER(sha512sig1, sha512sig1(RS1))
HANDLER(sha512sum0, sha512sum0(RS1))
HANDLER(sha512sum1, sha512sum1(RS1))
HANDLER(sm4ed, sm4ed(RS1, RS2, (unsigned)d->imm))
HANDLER(sm4ks, sm4ks(RS1, RS2, (unsigned)d->imm))
HANDLER(sm3p0, sm3p0(RS1))
HANDLER(sm3p1, sm3p1(RS1))
