/* Unit tests of the F/D arithmetic (cpu/fp.c): bit patterns and fflags for the
 * corner cases the RISC-V F and D chapters pin down, plus randomised
 * cross-checks of the RMM and software-rounding paths against independent
 * oracles computed on the host. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <fenv.h>
#include <math.h>

#include "fp.h"

enum { RNE, RTZ, RDN, RUP, RMM };

#define NX FP_NX
#define UF FP_UF
#define OF FP_OF
#define DZ FP_DZ
#define NV FP_NV

/* some encodings */
#define S_ONE   0x3f800000u
#define S_TWO   0x40000000u
#define S_THREE 0x40400000u
#define S_HALF  0x3f000000u
#define S_INF   0x7f800000u
#define S_NINF  0xff800000u
#define S_MAX   0x7f7fffffu
#define S_MINN  0x00800000u /* smallest normal 2^-126 */
#define S_QNAN  0x7fc00000u
#define S_SNAN  0x7f800001u
#define S_PZERO 0x00000000u
#define S_NZERO 0x80000000u
#define D_ONE   0x3ff0000000000000ull
#define D_TWO   0x4000000000000000ull
#define D_THREE 0x4008000000000000ull
#define D_INF   0x7ff0000000000000ull
#define D_NINF  0xfff0000000000000ull
#define D_MAX   0x7fefffffffffffffull
#define D_QNAN  0x7ff8000000000000ull
#define D_SNAN  0x7ff0000000000001ull
#define D_NZERO 0x8000000000000000ull

static uint32_t sbits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static uint64_t dbits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }
static float sval(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static double dval(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }

/* assert a binary32 result and the exact flags it raised */
#define CHECK_S(expr, want, wflags) do { \
        unsigned fl = 0; uint32_t got = (expr); \
        if (got != (uint32_t)(want) || fl != (unsigned)(wflags)) \
            fail_msg("%s: got %08x flags %02x, want %08x flags %02x", #expr, got, fl, \
                     (unsigned)(want), (unsigned)(wflags)); \
    } while (0)
#define CHECK_D(expr, want, wflags) do { \
        unsigned fl = 0; uint64_t got = (expr); \
        if (got != (uint64_t)(want) || fl != (unsigned)(wflags)) \
            fail_msg("%s: got %016llx flags %02x, want %016llx flags %02x", #expr, \
                     (unsigned long long)got, fl, (unsigned long long)(want), (unsigned)(wflags)); \
    } while (0)

static void test_rounding_modes_div(void **state)
{
    (void)state;
    /* 1/3 = 0x3eaaaaaa|aaa...: below the midpoint */
    CHECK_S(f32_div(S_ONE, S_THREE, RNE, &fl), 0x3eaaaaab, NX);
    CHECK_S(f32_div(S_ONE, S_THREE, RTZ, &fl), 0x3eaaaaaa, NX);
    CHECK_S(f32_div(S_ONE, S_THREE, RDN, &fl), 0x3eaaaaaa, NX);
    CHECK_S(f32_div(S_ONE, S_THREE, RUP, &fl), 0x3eaaaaab, NX);
    CHECK_S(f32_div(S_ONE, S_THREE, RMM, &fl), 0x3eaaaaab, NX);
    CHECK_S(f32_div(S_ONE | 0x80000000u, S_THREE, RNE, &fl), 0xbeaaaaab, NX);
    CHECK_S(f32_div(S_ONE | 0x80000000u, S_THREE, RTZ, &fl), 0xbeaaaaaa, NX);
    CHECK_S(f32_div(S_ONE | 0x80000000u, S_THREE, RDN, &fl), 0xbeaaaaab, NX);
    CHECK_S(f32_div(S_ONE | 0x80000000u, S_THREE, RUP, &fl), 0xbeaaaaaa, NX);
    CHECK_S(f32_div(S_ONE | 0x80000000u, S_THREE, RMM, &fl), 0xbeaaaaab, NX);
    CHECK_D(f64_div(D_ONE, D_THREE, RNE, &fl), 0x3fd5555555555555ull, NX);
    CHECK_D(f64_div(D_ONE, D_THREE, RTZ, &fl), 0x3fd5555555555555ull, NX);
    CHECK_D(f64_div(D_ONE, D_THREE, RUP, &fl), 0x3fd5555555555556ull, NX);
    CHECK_D(f64_div(D_ONE, D_THREE, RMM, &fl), 0x3fd5555555555555ull, NX);
    CHECK_D(f64_div(D_TWO, D_THREE, RDN, &fl), 0x3fe5555555555555ull, NX);
    CHECK_D(f64_div(D_TWO, D_THREE, RMM, &fl), 0x3fe5555555555555ull, NX);
    CHECK_D(f64_div(D_TWO, D_THREE, RNE, &fl), 0x3fe5555555555555ull, NX);
    /* exact: no flags in any mode */
    for (int rm = RNE; rm <= RMM; rm++) {
        CHECK_S(f32_add(S_ONE, S_TWO, rm, &fl), S_THREE, 0);
        CHECK_D(f64_mul(D_THREE, D_TWO, rm, &fl), 0x4018000000000000ull, 0);
    }
}

static void test_rmm_ties(void **state)
{
    (void)state;
    /* 1 + 2^-24 is halfway between 1 and 1+2^-23 */
    CHECK_S(f32_add(S_ONE, 0x33800000u, RNE, &fl), S_ONE, NX);
    CHECK_S(f32_add(S_ONE, 0x33800000u, RMM, &fl), 0x3f800001u, NX);
    CHECK_S(f32_sub(0xbf800000u, 0x33800000u, RMM, &fl), 0xbf800001u, NX);
    CHECK_S(f32_sub(0xbf800000u, 0x33800000u, RNE, &fl), 0xbf800000u, NX);
    /* 1 + 3*2^-24: the tie RNE already resolves away from zero */
    CHECK_S(f32_add(0x3f800001u, 0x33800000u, RNE, &fl), 0x3f800002u, NX);
    CHECK_S(f32_add(0x3f800001u, 0x33800000u, RMM, &fl), 0x3f800002u, NX);
    CHECK_D(f64_add(D_ONE, 0x3ca0000000000000ull, RNE, &fl), D_ONE, NX);
    CHECK_D(f64_add(D_ONE, 0x3ca0000000000000ull, RMM, &fl), D_ONE | 1, NX);
    CHECK_D(f64_sub(D_ONE | D_NZERO, 0x3ca0000000000000ull, RMM, &fl), D_ONE | D_NZERO | 1, NX);
    /* fused: one rounding of 1*1 + 2^-24 */
    CHECK_S(f32_madd(S_ONE, S_ONE, 0x33800000u, RMM, &fl), 0x3f800001u, NX);
    CHECK_S(f32_madd(S_ONE, S_ONE, 0x33800000u, RNE, &fl), S_ONE, NX);
    CHECK_D(f64_madd(D_ONE, D_ONE, 0x3ca0000000000000ull, RMM, &fl), D_ONE | 1, NX);
    CHECK_D(f64_madd(D_ONE, D_ONE, 0x3ca0000000000000ull, RNE, &fl), D_ONE, NX);
    /* (1+2^-52)^2 = 1 + 2^-51 + 2^-104: not a tie, RMM = RNE */
    CHECK_D(f64_mul(D_ONE | 1, D_ONE | 1, RMM, &fl), D_ONE | 2, NX);
    /* subnormal tie in division: 2^-149 / 2 = 2^-150, halfway to 0 */
    CHECK_S(f32_div(0x00000001u, S_TWO, RNE, &fl), 0, UF | NX);
    CHECK_S(f32_div(0x00000001u, S_TWO, RMM, &fl), 0x00000001u, UF | NX);
    CHECK_D(f64_div(1, D_TWO, RNE, &fl), 0, UF | NX);
    CHECK_D(f64_div(1, D_TWO, RMM, &fl), 1, UF | NX);
    CHECK_D(f64_div(1 | D_NZERO, D_TWO, RMM, &fl), 1 | D_NZERO, UF | NX);
    /* conversions */
    CHECK_S(i64_to_f32(16777217, RNE, &fl), 0x4b800000u, NX);
    CHECK_S(i64_to_f32(16777217, RMM, &fl), 0x4b800001u, NX);
    CHECK_S(i32_to_f32(-16777217, RMM, &fl), 0xcb800001u, NX);
    CHECK_D(u64_to_f64((1ull << 53) + 1, RMM, &fl), 0x4340000000000001ull, NX);
    CHECK_D(u64_to_f64((1ull << 53) + 1, RNE, &fl), 0x4340000000000000ull, NX);
    CHECK_S(f64_to_f32(0x3ff0000010000000ull, RMM, &fl), 0x3f800001u, NX); /* 1+2^-24 */
    CHECK_S(f64_to_f32(0x3ff0000010000000ull, RNE, &fl), S_ONE, NX);
    CHECK_D(f32_to_i32(0x40200000u, RMM, &fl), 3, NX);  /* 2.5 */
    CHECK_D(f32_to_i32(0x40200000u, RNE, &fl), 2, NX);
    CHECK_D(f32_to_i32(0xc0200000u, RMM, &fl), (uint64_t)-3, NX);
    CHECK_D(f64_to_i64(0x3fe0000000000000ull, RMM, &fl), 1, NX); /* 0.5 */
    CHECK_D(f64_to_i64(0x3fe0000000000000ull, RNE, &fl), 0, NX);
    /* sqrt has no ties: RMM equals RNE */
    CHECK_S(f32_sqrt(S_TWO, RMM, &fl), 0x3fb504f3u, NX);
    CHECK_S(f32_sqrt(S_TWO, RNE, &fl), 0x3fb504f3u, NX);
    CHECK_S(f32_sqrt(S_TWO, RDN, &fl), 0x3fb504f3u, NX);
    CHECK_S(f32_sqrt(S_TWO, RUP, &fl), 0x3fb504f4u, NX);
    CHECK_D(f64_sqrt(D_TWO, RMM, &fl), 0x3ff6a09e667f3bcdull, NX);
    CHECK_D(f64_sqrt(D_TWO, RTZ, &fl), 0x3ff6a09e667f3bccull, NX);
}

static void test_overflow_by_mode(void **state)
{
    (void)state;
    CHECK_S(f32_mul(S_MAX, S_TWO, RNE, &fl), S_INF, OF | NX);
    CHECK_S(f32_mul(S_MAX, S_TWO, RTZ, &fl), S_MAX, OF | NX);
    CHECK_S(f32_mul(S_MAX, S_TWO, RDN, &fl), S_MAX, OF | NX);
    CHECK_S(f32_mul(S_MAX, S_TWO, RUP, &fl), S_INF, OF | NX);
    CHECK_S(f32_mul(S_MAX, S_TWO, RMM, &fl), S_INF, OF | NX);
    CHECK_S(f32_mul(S_MAX | 0x80000000u, S_TWO, RNE, &fl), S_NINF, OF | NX);
    CHECK_S(f32_mul(S_MAX | 0x80000000u, S_TWO, RTZ, &fl), S_MAX | 0x80000000u, OF | NX);
    CHECK_S(f32_mul(S_MAX | 0x80000000u, S_TWO, RDN, &fl), S_NINF, OF | NX);
    CHECK_S(f32_mul(S_MAX | 0x80000000u, S_TWO, RUP, &fl), S_MAX | 0x80000000u, OF | NX);
    CHECK_S(f32_mul(S_MAX | 0x80000000u, S_TWO, RMM, &fl), S_NINF, OF | NX);
    CHECK_D(f64_add(D_MAX, D_MAX, RNE, &fl), D_INF, OF | NX);
    CHECK_D(f64_add(D_MAX, D_MAX, RTZ, &fl), D_MAX, OF | NX);
    CHECK_D(f64_add(D_MAX, D_MAX, RMM, &fl), D_INF, OF | NX);
    CHECK_D(f64_add(D_MAX | D_NZERO, D_MAX | D_NZERO, RUP, &fl), D_MAX | D_NZERO, OF | NX);
    CHECK_D(f64_add(D_MAX | D_NZERO, D_MAX | D_NZERO, RMM, &fl), D_NINF, OF | NX);
    /* max + half an ulp: a tie at the top; RMM rounds away, to infinity */
    CHECK_D(f64_add(D_MAX, 0x7c90000000000000ull, RNE, &fl), D_INF, OF | NX);
    CHECK_D(f64_add(D_MAX, 0x7c90000000000000ull, RMM, &fl), D_INF, OF | NX);
    CHECK_S(f64_to_f32(0x7e37e43c8800759cull /* 1e300 */, RNE, &fl), S_INF, OF | NX);
    CHECK_S(f64_to_f32(0x7e37e43c8800759cull, RTZ, &fl), S_MAX, OF | NX);
    CHECK_S(f64_to_f32(0xfe37e43c8800759cull, RUP, &fl), S_MAX | 0x80000000u, OF | NX);
    CHECK_S(f64_to_f32(0xfe37e43c8800759cull, RMM, &fl), S_NINF, OF | NX);
    /* division by zero: DZ, exact infinity */
    CHECK_S(f32_div(S_ONE, S_PZERO, RNE, &fl), S_INF, DZ);
    CHECK_S(f32_div(S_ONE, S_NZERO, RMM, &fl), S_NINF, DZ);
    CHECK_D(f64_div(D_ONE, 0, RTZ, &fl), D_INF, DZ);
    CHECK_D(f64_div(D_ONE, D_NZERO, RMM, &fl), D_NINF, DZ);
    CHECK_S(f32_div(S_PZERO, S_PZERO, RNE, &fl), S_QNAN, NV);
    CHECK_D(f64_div(0, 0, RMM, &fl), D_QNAN, NV);
}

static void test_underflow_after_rounding(void **state)
{
    (void)state;
    /* (2^-126)(1+2^-23) * (1-2^-23) = 2^-126 (1 - 2^-46): tiny before
     * rounding, but rounded to 24 bits with unbounded exponent it is 2^-126,
     * so with tininess after rounding there is no UF in nearest modes. */
    for (int rm = RNE; rm <= RMM; rm++) {
        bool down = rm == RTZ || rm == RDN;
        CHECK_S(f32_mul(0x00800001u, 0x3f7ffffeu, rm, &fl), down ? 0x007fffffu : S_MINN,
                down ? (UF | NX) : NX);
    }
    /* the same in double: 2^-1022 (1+2^-52) * (1-2^-52) */
    for (int rm = RNE; rm <= RMM; rm++) {
        bool down = rm == RTZ || rm == RDN;
        CHECK_D(f64_mul(0x0010000000000001ull, 0x3feffffffffffffeull, rm, &fl),
                down ? 0x000fffffffffffffull : 0x0010000000000000ull, down ? (UF | NX) : NX);
    }
    /* software rounding (fcvt.s.d) of 2^-126 (1 - 2^-32): no UF in RNE */
    CHECK_S(f64_to_f32(0x380fffffffe00000ull, RNE, &fl), S_MINN, NX);
    CHECK_S(f64_to_f32(0x380fffffffe00000ull, RTZ, &fl), 0x007fffffu, UF | NX);
    CHECK_S(f64_to_f32(0x380fffffffe00000ull, RMM, &fl), S_MINN, NX);
    /* 2^-126 (1 - 2^-24): exact rounding to 24 bits keeps it tiny: UF */
    CHECK_S(f64_to_f32(0x380fffffe0000000ull, RNE, &fl), S_MINN, UF | NX);
    CHECK_S(f64_to_f32(0x380fffffe0000000ull, RUP, &fl), S_MINN, UF | NX);
    /* an exact subnormal result is not an underflow */
    CHECK_S(f32_mul(S_MINN, S_HALF, RNE, &fl), 0x00400000u, 0);
    CHECK_S(f32_mul(S_MINN, S_HALF, RMM, &fl), 0x00400000u, 0);
    CHECK_S(f64_to_f32(0x36a0000000000000ull /* 2^-149 */, RNE, &fl), 0x00000001u, 0);
    CHECK_D(f32_to_f64(0x00000001u, &fl), 0x36a0000000000000ull, 0);
    /* inexact tiny results by mode */
    CHECK_S(f32_mul(0x00000001u, S_HALF, RNE, &fl), 0, UF | NX);
    CHECK_S(f32_mul(0x00000001u, S_HALF, RUP, &fl), 1, UF | NX);
    CHECK_S(f32_mul(0x80000001u, S_HALF, RDN, &fl), 0x80000001u, UF | NX);
    CHECK_S(f32_mul(0x80000001u, S_HALF, RTZ, &fl), 0x80000000u, UF | NX);
    CHECK_S(f32_mul(0x80000001u, S_HALF, RMM, &fl), 0x80000001u, UF | NX);
    CHECK_S(f64_to_f32(0x3690000000000000ull /* 2^-150 */, RNE, &fl), 0, UF | NX);
    CHECK_S(f64_to_f32(0x3690000000000000ull, RMM, &fl), 1, UF | NX);
    CHECK_S(f64_to_f32(0x0000000000000001ull, RUP, &fl), 1, UF | NX);
    CHECK_S(f64_to_f32(0x8000000000000001ull, RNE, &fl), 0x80000000u, UF | NX);
}

static void test_canonical_nan(void **state)
{
    (void)state;
    for (int rm = RNE; rm <= RMM; rm++) {
        CHECK_S(f32_mul(S_INF, S_PZERO, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_add(S_INF, S_NINF, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_add(0x7fc12345u, S_ONE, rm, &fl), S_QNAN, 0); /* payload dropped */
        CHECK_S(f32_add(0xffc00000u, S_ONE, rm, &fl), S_QNAN, 0); /* sign dropped */
        CHECK_S(f32_sub(S_ONE, S_SNAN, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_sqrt(0xbf800000u, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_sqrt(S_SNAN, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_sqrt(0x7fc00001u, rm, &fl), S_QNAN, 0);
        CHECK_D(f64_mul(D_INF, 0, rm, &fl), D_QNAN, NV);
        CHECK_D(f64_sub(D_INF, D_INF, rm, &fl), D_QNAN, NV);
        CHECK_D(f64_div(0x7ff8000000000123ull, D_ONE, rm, &fl), D_QNAN, 0);
        CHECK_D(f64_add(D_SNAN, D_ONE, rm, &fl), D_QNAN, NV);
        CHECK_D(f64_sqrt(0xbff0000000000000ull, rm, &fl), D_QNAN, NV);
        CHECK_D(f64_madd(D_ONE, D_ONE, 0xfff8000000000042ull, rm, &fl), D_QNAN, 0);
    }
    /* sqrt(-0) = -0, no flags */
    CHECK_S(f32_sqrt(S_NZERO, RNE, &fl), S_NZERO, 0);
    CHECK_D(f64_sqrt(D_NZERO, RMM, &fl), D_NZERO, 0);
    /* conversions between formats */
    CHECK_D(f32_to_f64(S_SNAN, &fl), D_QNAN, NV);
    CHECK_D(f32_to_f64(0xffc00001u, &fl), D_QNAN, 0);
    CHECK_S(f64_to_f32(D_SNAN, RNE, &fl), S_QNAN, NV);
    CHECK_S(f64_to_f32(0x7ff8000000001234ull, RNE, &fl), S_QNAN, 0);
    CHECK_D(f32_to_f64(S_NINF, &fl), D_NINF, 0);
    CHECK_D(f32_to_f64(S_NZERO, &fl), D_NZERO, 0);
    CHECK_D(f32_to_f64(0x3eaaaaabu, &fl), 0x3fd5555560000000ull, 0);
}

static void test_zero_signs(void **state)
{
    (void)state;
    /* x + (-x) = +0, except -0 when rounding down (IEEE 754 6.3) */
    for (int rm = RNE; rm <= RMM; rm++) {
        uint32_t z = rm == RDN ? S_NZERO : S_PZERO;
        CHECK_S(f32_add(S_ONE, 0xbf800000u, rm, &fl), z, 0);
        CHECK_D(f64_sub(D_ONE, D_ONE, rm, &fl), rm == RDN ? D_NZERO : 0, 0);
        CHECK_S(f32_nmsub(S_ONE, S_ONE, S_ONE, rm, &fl), z, 0); /* -(1*1)+1 */
    }
    CHECK_S(f32_mul(S_NZERO, S_ONE, RMM, &fl), S_NZERO, 0);
    CHECK_D(f64_mul(D_NZERO, D_ONE | D_NZERO, RMM, &fl), 0, 0);
}

static void test_fma(void **state)
{
    (void)state;
    for (int rm = RNE; rm <= RMM; rm++) {
        /* inf * 0 raises NV even with a quiet NaN addend */
        CHECK_S(f32_madd(S_INF, S_PZERO, S_QNAN, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_madd(S_PZERO, S_NINF, 0x7fc00123u, rm, &fl), S_QNAN, NV);
        CHECK_S(f32_nmadd(S_INF, S_PZERO, S_ONE, rm, &fl), S_QNAN, NV);
        CHECK_D(f64_madd(D_INF, 0, D_QNAN, rm, &fl), D_QNAN, NV);
        CHECK_D(f64_msub(D_NZERO, D_INF, D_QNAN, rm, &fl), D_QNAN, NV);
        /* a quiet NaN addend with an ordinary product: no flag */
        CHECK_S(f32_madd(S_ONE, S_TWO, S_QNAN, rm, &fl), S_QNAN, 0);
        CHECK_S(f32_madd(S_ONE, S_TWO, S_SNAN, rm, &fl), S_QNAN, NV);
        CHECK_D(f64_madd(D_ONE, D_TWO, D_SNAN, rm, &fl), D_QNAN, NV);
        /* inf*x - inf */
        CHECK_S(f32_msub(S_INF, S_ONE, S_INF, rm, &fl), S_QNAN, NV);
        CHECK_D(f64_madd(D_INF, D_ONE, D_NINF, rm, &fl), D_QNAN, NV);
        /* the four sign variants */
        CHECK_S(f32_madd(S_TWO, S_THREE, S_ONE, rm, &fl), 0x40e00000u, 0);  /* 7 */
        CHECK_S(f32_msub(S_TWO, S_THREE, S_ONE, rm, &fl), 0x40a00000u, 0);  /* 5 */
        CHECK_S(f32_nmsub(S_TWO, S_THREE, S_ONE, rm, &fl), 0xc0a00000u, 0); /* -5 */
        CHECK_S(f32_nmadd(S_TWO, S_THREE, S_ONE, rm, &fl), 0xc0e00000u, 0); /* -7 */
        CHECK_D(f64_nmadd(D_TWO, D_THREE, D_ONE, rm, &fl), 0xc01c000000000000ull, 0);
        CHECK_D(f64_nmsub(D_TWO, D_THREE, D_ONE, rm, &fl), 0xc014000000000000ull, 0);
    }
    /* single rounding: (1+2^-23)(1-2^-23) - 1 = -2^-46 exactly */
    CHECK_S(f32_madd(0x3f800001u, 0x3f7ffffeu, 0xbf800000u, RNE, &fl), 0xa8800000u, 0);
    CHECK_S(f32_madd(0x3f800001u, 0x3f7ffffeu, 0xbf800000u, RMM, &fl), 0xa8800000u, 0);
    CHECK_D(f64_madd(D_ONE | 1, 0x3feffffffffffffeull, 0xbff0000000000000ull, RMM, &fl),
            0xb970000000000000ull, 0); /* -2^-104 */
    CHECK_D(f64_madd(D_ONE | 1, 0x3feffffffffffffeull, 0xbff0000000000000ull, RUP, &fl),
            0xb970000000000000ull, 0);
}

static void test_min_max(void **state)
{
    (void)state;
    CHECK_S(f32_min(S_NZERO, S_PZERO, &fl), S_NZERO, 0);
    CHECK_S(f32_min(S_PZERO, S_NZERO, &fl), S_NZERO, 0);
    CHECK_S(f32_max(S_NZERO, S_PZERO, &fl), S_PZERO, 0);
    CHECK_S(f32_max(S_PZERO, S_NZERO, &fl), S_PZERO, 0);
    CHECK_S(f32_min(S_QNAN, S_ONE, &fl), S_ONE, 0);
    CHECK_S(f32_max(S_ONE, 0xffc00001u, &fl), S_ONE, 0);
    CHECK_S(f32_min(S_SNAN, S_ONE, &fl), S_ONE, NV);
    CHECK_S(f32_max(S_ONE, S_SNAN, &fl), S_ONE, NV);
    CHECK_S(f32_min(0x7fc00001u, 0xffc00002u, &fl), S_QNAN, 0);
    CHECK_S(f32_max(S_SNAN, S_QNAN, &fl), S_QNAN, NV);
    CHECK_S(f32_min(0xc0000000u, S_ONE, &fl), 0xc0000000u, 0);
    CHECK_S(f32_max(0xc0000000u, 0xc0400000u, &fl), 0xc0000000u, 0);
    CHECK_S(f32_min(S_NINF, S_MAX, &fl), S_NINF, 0);
    CHECK_D(f64_min(D_NZERO, 0, &fl), D_NZERO, 0);
    CHECK_D(f64_max(D_NZERO, 0, &fl), 0, 0);
    CHECK_D(f64_max(D_QNAN, D_NINF, &fl), D_NINF, 0);
    CHECK_D(f64_min(D_SNAN, D_SNAN, &fl), D_QNAN, NV);
    CHECK_D(f64_max(D_ONE, D_TWO, &fl), D_TWO, 0);
    CHECK_D(f64_min(D_ONE | D_NZERO, D_TWO | D_NZERO, &fl), D_TWO | D_NZERO, 0);
}

static void test_compare(void **state)
{
    (void)state;
    CHECK_S(f32_eq(S_QNAN, S_ONE, &fl), 0, 0);      /* quiet */
    CHECK_S(f32_eq(S_QNAN, S_QNAN, &fl), 0, 0);
    CHECK_S(f32_eq(S_SNAN, S_ONE, &fl), 0, NV);
    CHECK_S(f32_lt(S_QNAN, S_ONE, &fl), 0, NV);     /* signaling */
    CHECK_S(f32_le(S_ONE, S_QNAN, &fl), 0, NV);
    CHECK_S(f32_eq(S_NZERO, S_PZERO, &fl), 1, 0);
    CHECK_S(f32_lt(S_NZERO, S_PZERO, &fl), 0, 0);
    CHECK_S(f32_le(S_PZERO, S_NZERO, &fl), 1, 0);
    CHECK_S(f32_lt(0xc0000000u, 0xbf800000u, &fl), 1, 0); /* -2 < -1 */
    CHECK_S(f32_lt(0xbf800000u, 0xc0000000u, &fl), 0, 0);
    CHECK_S(f32_lt(0xbf800000u, S_ONE, &fl), 1, 0);
    CHECK_S(f32_le(S_ONE, S_ONE, &fl), 1, 0);
    CHECK_S(f32_lt(S_NINF, S_INF, &fl), 1, 0);
    CHECK_D(f64_eq(D_SNAN, D_SNAN, &fl), 0, NV);
    CHECK_D(f64_eq(D_QNAN, D_ONE, &fl), 0, 0);
    CHECK_D(f64_lt(D_ONE, D_QNAN, &fl), 0, NV);
    CHECK_D(f64_le(D_NZERO, 0, &fl), 1, 0);
    CHECK_D(f64_lt(D_NZERO, 0, &fl), 0, 0);
    CHECK_D(f64_lt(1, 2, &fl), 1, 0);
    CHECK_D(f64_lt(D_NZERO | 2, D_NZERO | 1, &fl), 1, 0);
}

static void test_fcvt_to_int(void **state)
{
    (void)state;
    const uint64_t I32MIN = 0xffffffff80000000ull;
    CHECK_D(f32_to_i32(S_QNAN, RNE, &fl), 0x7fffffff, NV);
    CHECK_D(f32_to_i32(0xffc00000u, RNE, &fl), 0x7fffffff, NV); /* NaN sign ignored */
    CHECK_D(f32_to_i32(S_INF, RNE, &fl), 0x7fffffff, NV);
    CHECK_D(f32_to_i32(S_NINF, RNE, &fl), I32MIN, NV);
    CHECK_D(f32_to_i32(0x4f32d05eu /* 3e9 */, RTZ, &fl), 0x7fffffff, NV);
    CHECK_D(f32_to_i32(0xcf32d05eu /* -3e9 */, RTZ, &fl), I32MIN, NV);
    CHECK_D(f32_to_i32(0xcf000000u /* -2^31 */, RTZ, &fl), I32MIN, 0);
    CHECK_D(f32_to_i32(0x4f000000u /* 2^31 */, RTZ, &fl), 0x7fffffff, NV);
    CHECK_D(f32_to_i32(0x3fc00000u /* 1.5 */, RNE, &fl), 2, NX);
    CHECK_D(f32_to_i32(0x3fc00000u, RTZ, &fl), 1, NX);
    CHECK_D(f32_to_i32(0xbfc00000u, RDN, &fl), (uint64_t)-2, NX);
    CHECK_D(f32_to_i32(0xbfc00000u, RUP, &fl), (uint64_t)-1, NX);
    CHECK_D(f32_to_i32(0x00000001u, RUP, &fl), 1, NX);
    CHECK_D(f32_to_i32(S_NZERO, RNE, &fl), 0, 0);
    /* unsigned: rounding first, then the range check */
    CHECK_D(f32_to_u32(0xbf000000u /* -0.5 */, RTZ, &fl), 0, NX);
    CHECK_D(f32_to_u32(0xbf000000u, RNE, &fl), 0, NX);
    CHECK_D(f32_to_u32(0xbf000000u, RDN, &fl), 0, NV);
    CHECK_D(f32_to_u32(0xbf000000u, RMM, &fl), 0, NV);
    CHECK_D(f32_to_u32(0xbf800000u /* -1 */, RTZ, &fl), 0, NV);
    CHECK_D(f32_to_u32(S_NINF, RTZ, &fl), 0, NV);
    /* fcvt.wu results are sign-extended from bit 31 */
    CHECK_D(f32_to_u32(0x4f32d05eu, RNE, &fl), 0xffffffffb2d05e00ull, 0);
    CHECK_D(f32_to_u32(S_QNAN, RNE, &fl), ~0ull, NV);
    CHECK_D(f32_to_u32(S_INF, RNE, &fl), ~0ull, NV);
    CHECK_D(f32_to_u32(0x4f800000u /* 2^32 */, RNE, &fl), ~0ull, NV);
    CHECK_D(f64_to_u32(0x41efffffffe00000ull /* 2^32-1 */, RNE, &fl), ~0ull, 0);
    CHECK_D(f64_to_u32(0x41efffffffffffffull /* just below 2^32 */, RNE, &fl), ~0ull, NV);
    CHECK_D(f64_to_u32(0x41efffffffffffffull, RTZ, &fl), ~0ull, NX);
    CHECK_D(f64_to_u32(0x41dfffffffc00000ull /* 2^31-1 */, RNE, &fl), 0x7fffffff, 0);
    CHECK_D(f64_to_u32(0x41e0000000000000ull /* 2^31 */, RNE, &fl), 0xffffffff80000000ull, 0);
    CHECK_D(f64_to_i32(0xc1e0000000100000ull /* -2^31 - 0.5 */, RTZ, &fl), I32MIN, NX);
    CHECK_D(f64_to_i32(0xc1e0000000100000ull, RDN, &fl), I32MIN, NV);
    CHECK_D(f64_to_i32(0xc1e0000000100000ull, RMM, &fl), I32MIN, NV);
    CHECK_D(f64_to_i32(0xc1e0000000100000ull, RNE, &fl), I32MIN, NX);
    /* 64-bit */
    CHECK_D(f32_to_i64(S_QNAN, RNE, &fl), 0x7fffffffffffffffull, NV);
    CHECK_D(f32_to_u64(S_QNAN, RNE, &fl), ~0ull, NV);
    CHECK_D(f32_to_u64(0xbf800000u, RNE, &fl), 0, NV);
    CHECK_D(f32_to_u64(0x5f800000u /* 2^64 */, RNE, &fl), ~0ull, NV);
    CHECK_D(f32_to_u64(0x5f7fffffu, RNE, &fl), 0xffffff0000000000ull, 0);
    CHECK_D(f64_to_i64(0xc3e0000000000000ull /* -2^63 */, RNE, &fl), 0x8000000000000000ull, 0);
    CHECK_D(f64_to_i64(0x43e0000000000000ull /* 2^63 */, RNE, &fl), 0x7fffffffffffffffull, NV);
    CHECK_D(f64_to_i64(D_NINF, RNE, &fl), 0x8000000000000000ull, NV);
    CHECK_D(f64_to_u64(0x43f0000000000000ull /* 2^64 */, RTZ, &fl), ~0ull, NV);
    CHECK_D(f64_to_u64(0x43efffffffffffffull, RTZ, &fl), 0xfffffffffffff800ull, 0);
    CHECK_D(f64_to_u64(0x43e0000000000000ull, RTZ, &fl), 0x8000000000000000ull, 0);
    CHECK_D(f64_to_i64(0x4024000000000001ull /* 10+ */, RUP, &fl), 11, NX);
    CHECK_D(f64_to_i64(0x3fdfffffffffffffull /* 0.5- */, RMM, &fl), 0, NX);
}

static void test_fcvt_from_int(void **state)
{
    (void)state;
    CHECK_S(i32_to_f32(-1, RNE, &fl), 0xbf800000u, 0);
    CHECK_S(i32_to_f32(0, RDN, &fl), 0, 0); /* +0 even rounding down */
    CHECK_S(i32_to_f32(INT32_MIN, RNE, &fl), 0xcf000000u, 0);
    CHECK_S(i32_to_f32(INT32_MAX, RNE, &fl), 0x4f000000u, NX);
    CHECK_S(i32_to_f32(INT32_MAX, RTZ, &fl), 0x4effffffu, NX);
    CHECK_S(u32_to_f32(0xffffffffu, RNE, &fl), 0x4f800000u, NX);
    CHECK_S(u32_to_f32(0xffffffffu, RDN, &fl), 0x4f7fffffu, NX);
    CHECK_S(u64_to_f32(~0ull, RNE, &fl), 0x5f800000u, NX);
    CHECK_S(u64_to_f32(~0ull, RTZ, &fl), 0x5f7fffffu, NX);
    CHECK_S(i64_to_f32(INT64_MIN, RNE, &fl), 0xdf000000u, 0);
    CHECK_S(i64_to_f32(-16777219, RDN, &fl), 0xcb800002u, NX);
    CHECK_S(i64_to_f32(-16777219, RUP, &fl), 0xcb800001u, NX);
    CHECK_D(i32_to_f64(INT32_MIN, RNE, &fl), 0xc1e0000000000000ull, 0);
    CHECK_D(u32_to_f64(0xffffffffu, RNE, &fl), 0x41efffffffe00000ull, 0);
    CHECK_D(i64_to_f64((1ll << 53) + 1, RNE, &fl), 0x4340000000000000ull, NX);
    CHECK_D(i64_to_f64((1ll << 53) + 1, RUP, &fl), 0x4340000000000001ull, NX);
    CHECK_D(i64_to_f64(-(1ll << 53) - 1, RDN, &fl), 0xc340000000000001ull, NX);
    CHECK_D(i64_to_f64(INT64_MAX, RTZ, &fl), 0x43dfffffffffffffull, NX);
    CHECK_D(u64_to_f64(~0ull, RNE, &fl), 0x43f0000000000000ull, NX);
    CHECK_D(u64_to_f64(0, RNE, &fl), 0, 0);
}

static void test_fclass(void **state)
{
    (void)state;
    assert_int_equal(f32_class(S_NINF), 1 << 0);
    assert_int_equal(f32_class(0xbf800000u), 1 << 1);
    assert_int_equal(f32_class(0x807fffffu), 1 << 2);
    assert_int_equal(f32_class(S_NZERO), 1 << 3);
    assert_int_equal(f32_class(S_PZERO), 1 << 4);
    assert_int_equal(f32_class(0x00000001u), 1 << 5);
    assert_int_equal(f32_class(S_MINN), 1 << 6);
    assert_int_equal(f32_class(S_INF), 1 << 7);
    assert_int_equal(f32_class(S_SNAN), 1 << 8);
    assert_int_equal(f32_class(0xffbfffffu), 1 << 8);
    assert_int_equal(f32_class(S_QNAN), 1 << 9);
    assert_int_equal(f32_class(0xffc00001u), 1 << 9);
    assert_int_equal(f64_class(D_NINF), 1 << 0);
    assert_int_equal(f64_class(0xbff0000000000000ull), 1 << 1);
    assert_int_equal(f64_class(0x800fffffffffffffull), 1 << 2);
    assert_int_equal(f64_class(D_NZERO), 1 << 3);
    assert_int_equal(f64_class(0), 1 << 4);
    assert_int_equal(f64_class(1), 1 << 5);
    assert_int_equal(f64_class(D_MAX), 1 << 6);
    assert_int_equal(f64_class(D_INF), 1 << 7);
    assert_int_equal(f64_class(D_SNAN), 1 << 8);
    assert_int_equal(f64_class(D_QNAN), 1 << 9);
}

static void test_nan_boxing(void **state)
{
    (void)state;
    assert_int_equal(f32_unbox(0xffffffff3f800000ull), S_ONE);
    assert_int_equal(f32_unbox(0x000000003f800000ull), S_QNAN);
    assert_int_equal(f32_unbox(0xfffffffe3f800000ull), S_QNAN);
    assert_int_equal(f32_unbox(0x7fffffff3f800000ull), S_QNAN);
    assert_true(f32_box(S_ONE) == 0xffffffff3f800000ull);
    /* an improperly boxed input is the canonical (quiet) NaN: no NV */
    CHECK_S(f32_add(f32_unbox(D_ONE), S_ONE, RNE, &fl), S_QNAN, 0);
    CHECK_S(f32_min(f32_unbox(D_ONE), S_TWO, &fl), S_TWO, 0);
    assert_int_equal(f32_class(f32_unbox(D_ONE)), 1 << 9);
    assert_int_equal(f32_sgnjn(f32_unbox(D_ONE), S_ONE), 0xffc00000u);
    /* a boxed sNaN stays signaling */
    CHECK_S(f32_add(f32_unbox(f32_box(S_SNAN)), S_ONE, RNE, &fl), S_QNAN, NV);
}

static void test_sign_injection(void **state)
{
    (void)state;
    assert_int_equal(f32_sgnj(S_ONE, 0x80000000u), 0xbf800000u);
    assert_int_equal(f32_sgnjn(S_ONE, 0x80000000u), S_ONE);
    assert_int_equal(f32_sgnjx(0xbf800000u, 0x80000000u), S_ONE);
    assert_int_equal(f32_sgnjx(S_SNAN, 0x80000000u), 0xff800001u); /* payload kept */
    assert_true(f64_sgnj(D_SNAN, D_NZERO) == (D_SNAN | D_NZERO));
    assert_true(f64_sgnjn(D_ONE, D_ONE) == (D_ONE | D_NZERO));
    assert_true(f64_sgnjx(D_ONE | D_NZERO, D_ONE | D_NZERO) == D_ONE);
}

static void test_host_state_restored(void **state)
{
    (void)state;
    unsigned fl = 0;
    feclearexcept(FE_ALL_EXCEPT);
    (void)f32_div(S_ONE, S_THREE, RUP, &fl);
    (void)f64_add(D_ONE, 0x3ca0000000000000ull, RMM, &fl);
    (void)f64_madd(D_ONE, D_ONE, 0x3ca0000000000000ull, RMM, &fl);
    (void)f64_sqrt(D_TWO, RDN, &fl);
    assert_int_equal(fegetround(), FE_TONEAREST);
    assert_int_equal(fetestexcept(FE_ALL_EXCEPT), 0);
}

/* ---- randomised cross-checks ---------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* RMM of an exactly known value (double s holds it exactly): the truncation,
 * or the next value away from zero when s is at or beyond the midpoint. */
static uint32_t rmm_oracle_s(double s)
{
    volatile double vs = s;
    fesetround(FE_TOWARDZERO);
    volatile float lo = (float)vs;
    fesetround(FE_TONEAREST);
    if ((double)lo == s)
        return sbits(lo);
    float hi = nextafterf(lo, s > 0 ? INFINITY : -INFINITY);
    double half = fabs((double)hi - (double)lo) / 2;
    return fabs(s - (double)lo) >= half ? sbits(hi) : sbits(lo);
}

static void test_random_rmm_f32(void **state)
{
    (void)state;
    for (int i = 0; i < 200000; i++) {
        /* operands within a window of exponents so that sums and products are
         * exact in double */
        uint32_t a = (uint32_t)rnd(), b = (uint32_t)rnd();
        a = (a & 0x807fffffu) | ((uint32_t)(112 + rnd() % 24) << 23);
        b = (b & 0x807fffffu) | ((uint32_t)(112 + rnd() % 24) << 23);
        if (i & 1) /* exercise the low end of precision */
            b &= 0xffffff00u;
        double sa = sval(a), sb = sval(b);
        unsigned fl = 0;
        uint32_t got = f32_add(a, b, RMM, &fl);
        uint32_t want = rmm_oracle_s(sa + sb);
        if (got != want || fl != ((double)sval(want) != sa + sb ? NX : 0u))
            fail_msg("add %08x %08x: got %08x/%x want %08x", a, b, got, fl, want);
        fl = 0;
        got = f32_mul(a, b, RMM, &fl);
        want = rmm_oracle_s(sa * sb);
        if (got != want || fl != ((double)sval(want) != sa * sb ? NX : 0u))
            fail_msg("mul %08x %08x: got %08x/%x want %08x", a, b, got, fl, want);

        /* fused multiply-add, all modes, whenever a*b+c is exact in double */
        uint32_t c = ((uint32_t)rnd() & 0x807fffffu) | ((uint32_t)(118 + rnd() % 12) << 23);
        volatile double va = sa, vb = sb, vc = sval(c);
        feclearexcept(FE_ALL_EXCEPT);
        volatile double ex = fma(va, vb, vc);
        if (fetestexcept(FE_INEXACT))
            continue;
        static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
        for (int rm = RNE; rm <= RMM; rm++) {
            if (rm == RMM) {
                want = rmm_oracle_s(ex);
            } else {
                fesetround(modes[rm]);
                volatile float w = (float)ex;
                fesetround(FE_TONEAREST);
                want = sbits(w);
            }
            fl = 0;
            got = f32_madd(a, b, c, rm, &fl);
            if (got != want || (fl & NX) != ((double)sval(want) != ex ? NX : 0u))
                fail_msg("fma %08x %08x %08x rm %d: got %08x/%x want %08x", a, b, c, rm, got, fl, want);
        }
    }
}

static void test_random_rmm_f64(void **state)
{
    (void)state;
    for (int i = 0; i < 100000; i++) {
        /* exponents within 8 of each other: sums are exact in 64-bit long
         * double (x87), which is the oracle */
        uint64_t a = rnd(), b = rnd();
        a = (a & 0x800fffffffffffffull) | ((uint64_t)(1020 + rnd() % 8) << 52);
        b = (b & 0x800fffffffffffffull) | ((uint64_t)(1020 + rnd() % 8) << 52);
        if (i & 1)
            b &= ~0x3ffull;
        long double s = (long double)dval(a) + (long double)dval(b);
        volatile long double vs = s;
        fesetround(FE_TOWARDZERO);
        volatile double lo = (double)vs;
        fesetround(FE_TONEAREST);
        uint64_t want;
        if ((long double)lo == s) {
            want = dbits(lo);
        } else {
            double hi = nextafter(lo, s > 0 ? INFINITY : -INFINITY);
            long double half = fabsl((long double)hi - (long double)lo) / 2;
            want = fabsl(s - (long double)lo) >= half ? dbits(hi) : dbits(lo);
        }
        unsigned fl = 0;
        uint64_t got = f64_add(a, b, RMM, &fl);
        if (got != want || fl != ((long double)dval(want) != s ? NX : 0u))
            fail_msg("add %016llx %016llx: got %016llx/%x want %016llx", (unsigned long long)a,
                     (unsigned long long)b, (unsigned long long)got, fl, (unsigned long long)want);
    }
}

/* The software rounding (fcvt.s.d, fcvt from integers) against the host's
 * conversions in the four IEEE modes, flags included. */
static void test_random_soft_vs_host(void **state)
{
    (void)state;
    static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
    for (int i = 0; i < 200000; i++) {
        int rm = i & 3;
        uint64_t a = rnd();
        switch ((i >> 2) % 4) { /* bias toward the binary32 range edges */
        case 0: a = (a & 0x800fffffffffffffull) | ((uint64_t)(1023 - 150 + rnd() % 30) << 52); break;
        case 1: a = (a & 0x800fffffffffffffull) | ((uint64_t)(1023 + 120 + rnd() % 10) << 52); break;
        case 2: a = (a & 0x800fffffffffffffull) | ((uint64_t)(1023 - 130 + rnd() % 260) << 52); break;
        default: a &= 0x800fffffffffffffull; a |= (uint64_t)(rnd() % 2) << 52; break; /* tiny */
        }
        volatile double va = dval(a);
        fesetround(modes[rm]);
        feclearexcept(FE_ALL_EXCEPT);
        volatile float hf = (float)va;
        int he = fetestexcept(FE_ALL_EXCEPT);
        fesetround(FE_TONEAREST);
        unsigned hflags = ((he & FE_INEXACT) ? NX : 0) | ((he & FE_UNDERFLOW) ? UF : 0) |
                          ((he & FE_OVERFLOW) ? OF : 0);
        unsigned fl = 0;
        uint32_t got = f64_to_f32(a, rm, &fl);
        if (got != sbits(hf) || fl != hflags)
            fail_msg("f64_to_f32 %016llx rm %d: got %08x/%x host %08x/%x", (unsigned long long)a, rm,
                     got, fl, sbits(hf), hflags);

        volatile int64_t iv = (int64_t)rnd() >> (rnd() % 64);
        fesetround(modes[rm]);
        feclearexcept(FE_ALL_EXCEPT);
        volatile float hi = (float)iv;
        volatile double hd = (double)iv;
        he = fetestexcept(FE_ALL_EXCEPT);
        fesetround(FE_TONEAREST);
        fl = 0;
        uint32_t gs = i64_to_f32(iv, rm, &fl);
        uint64_t gd = i64_to_f64(iv, rm, &fl);
        if (gs != sbits(hi) || gd != dbits(hd) || fl != ((he & FE_INEXACT) ? NX : 0u))
            fail_msg("int %lld rm %d", (long long)iv, rm);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rounding_modes_div),
        cmocka_unit_test(test_rmm_ties),
        cmocka_unit_test(test_overflow_by_mode),
        cmocka_unit_test(test_underflow_after_rounding),
        cmocka_unit_test(test_canonical_nan),
        cmocka_unit_test(test_zero_signs),
        cmocka_unit_test(test_fma),
        cmocka_unit_test(test_min_max),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_fcvt_to_int),
        cmocka_unit_test(test_fcvt_from_int),
        cmocka_unit_test(test_fclass),
        cmocka_unit_test(test_nan_boxing),
        cmocka_unit_test(test_sign_injection),
        cmocka_unit_test(test_host_state_restored),
        cmocka_unit_test(test_random_rmm_f32),
        cmocka_unit_test(test_random_rmm_f64),
        cmocka_unit_test(test_random_soft_vs_host),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
