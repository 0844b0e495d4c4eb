/* IEEE 754 arithmetic for the RISC-V F and D extensions (see cpu/fp.h).
 *
 * Strategy
 * - Addition, subtraction, multiplication, division, square root and fused
 *   multiply-add run on the host FPU with the guest's rounding mode installed
 *   and the host's exception flags cleared around the one operation, then
 *   read back and mapped to fflags.  On x86-64 this is SSE: MXCSR holds the
 *   rounding control and the sticky flags, and SSE detects tininess after
 *   rounding and raises underflow only for a tiny *and* inexact result when
 *   the exception is masked, which is exactly what RISC-V requires
 *   (unprivileged spec, F extension, "Accrued Exceptions": "tininess is
 *   detected after rounding").  On other hosts the portable <fenv.h> path is
 *   used; a host that detects tininess before rounding would differ in UF for
 *   results that round to the smallest normal.
 * - RMM (round to nearest, ties to max magnitude) has no host mode.  The
 *   operation is computed in a wider format (binary64 for single, binary128
 *   for double) rounded toward zero, and the host's inexact flag is kept as a
 *   sticky bit: that is "round to odd", and a value rounded to odd with at
 *   least p+2 bits rounds correctly to p bits in any mode.  The final rounding
 *   to the destination format is done in software (round_pack below), which
 *   also yields NX/UF/OF.  The wide formats have the exponent range to hold
 *   every such exact result without overflow or underflow.
 * - Square root never needs the RMM path: the square root of a p-bit number
 *   is never exactly halfway between two p-bit numbers (and never subnormal),
 *   so RMM and RNE give the same result and flags.
 * - NaN operands are handled in software before the host sees them (canonical
 *   NaN out, NV for any signaling input), so host NaN conventions never leak.
 * - Comparisons, min/max, classification, sign injection and all conversions
 *   are done on the bits in software: exact, host-independent, and free of the
 *   host's signaling/quiet compare subtleties.
 *
 * This file is compiled with -frounding-math -fsignaling-nans
 * -ffp-contract=off; in addition the operands and result of each host
 * operation go through volatile objects and the rounding-mode/flag accesses
 * are compiler barriers, so the operation cannot be folded or moved outside
 * the window in which the guest's mode is installed. */
#include "fp.h"

#include <fenv.h>
#include <math.h>
#include <string.h>

enum { RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4 };

/* ---- bit views ------------------------------------------------------------ */

static inline float f32_val(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline uint32_t f32_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline double f64_val(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static inline uint64_t f64_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

#define F32_SIGN 0x80000000u
#define F64_SIGN 0x8000000000000000ull
#define F32_INF  0x7f800000u
#define F64_INF  0x7ff0000000000000ull

static inline bool f32_isnan(uint32_t a) { return (a & ~F32_SIGN) > F32_INF; }
static inline bool f64_isnan(uint64_t a) { return (a & ~F64_SIGN) > F64_INF; }
/* a signaling NaN has the most significant fraction bit clear */
static inline bool f32_issnan(uint32_t a) { return f32_isnan(a) && !(a & 0x00400000u); }
static inline bool f64_issnan(uint64_t a) { return f64_isnan(a) && !(a & 0x0008000000000000ull); }
static inline bool f32_isinf(uint32_t a) { return (a & ~F32_SIGN) == F32_INF; }
static inline bool f64_isinf(uint64_t a) { return (a & ~F64_SIGN) == F64_INF; }
static inline bool f32_iszero(uint32_t a) { return (a & ~F32_SIGN) == 0; }
static inline bool f64_iszero(uint64_t a) { return (a & ~F64_SIGN) == 0; }

/* ---- host rounding mode and flags ------------------------------------------ */

#if defined(__x86_64__)
static inline unsigned mxcsr_get(void)
{
    unsigned v;
    __asm__ __volatile__("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}
static inline void mxcsr_set(unsigned v) { __asm__ __volatile__("ldmxcsr %0" : : "m"(v) : "memory"); }

/* Install rounding mode rm (RNE..RUP), clear the flags, mask all exceptions,
 * turn off flush-to-zero and denormals-are-zero.  Returns what to restore. */
static inline unsigned host_enter(int rm)
{
    static const unsigned rc[4] = {0x0000, 0x6000, 0x2000, 0x4000}; /* RNE RTZ RDN RUP */
    unsigned saved = mxcsr_get();
    mxcsr_set((saved & ~0xe07fu) | 0x1f80u | rc[rm]);
    return saved;
}
/* Restore the host state and return the flags the operation raised. */
static inline unsigned host_leave(unsigned saved)
{
    unsigned now = mxcsr_get();
    mxcsr_set(saved);
    unsigned f = 0;
    if (now & 0x01) f |= FP_NV; /* IE */
    if (now & 0x04) f |= FP_DZ; /* ZE */
    if (now & 0x08) f |= FP_OF; /* OE */
    if (now & 0x10) f |= FP_UF; /* UE */
    if (now & 0x20) f |= FP_NX; /* PE */
    return f;
}
#else
static inline unsigned host_enter(int rm)
{
    static const int mode[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
    unsigned saved = (unsigned)fegetround();
    fesetround(mode[rm]);
    feclearexcept(FE_ALL_EXCEPT);
    return saved;
}
static inline unsigned host_leave(unsigned saved)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    fesetround((int)saved);
    feclearexcept(FE_ALL_EXCEPT);
    unsigned f = 0;
    if (e & FE_INVALID) f |= FP_NV;
    if (e & FE_DIVBYZERO) f |= FP_DZ;
    if (e & FE_OVERFLOW) f |= FP_OF;
    if (e & FE_UNDERFLOW) f |= FP_UF;
    if (e & FE_INEXACT) f |= FP_NX;
    return f;
}
#endif

/* ---- software rounding ------------------------------------------------------ */

/* A destination format: precision p (with the hidden bit), exponent range,
 * width of the exponent field. */
struct fmt {
    int p, emin, emax, ebits;
};
static const struct fmt FMT32 = {24, -126, 127, 8};
static const struct fmt FMT64 = {53, -1022, 1023, 11};
static const struct fmt FMT16 = {11, -14, 15, 5}; /* Zfh */

/* Split sig into the bits above position `shift` (kept) and the round bit and
 * sticky bit below it.  shift >= 1. */
static inline void split(uint64_t sig, int shift, uint64_t *kept, bool *rbit, bool *sticky)
{
    if (shift > 64) {
        *kept = 0; *rbit = false; *sticky = sig != 0;
    } else if (shift == 64) {
        *kept = 0; *rbit = sig >> 63; *sticky = (sig << 1) != 0;
    } else {
        *kept = sig >> shift;
        *rbit = (sig >> (shift - 1)) & 1;
        *sticky = (sig & ((1ull << (shift - 1)) - 1)) != 0;
    }
}

/* Whether rounding adds one unit in the last kept place. */
static inline bool round_up(int rm, bool sign, bool lsb, bool rbit, bool sticky)
{
    switch (rm) {
    case RNE: return rbit && (sticky || lsb);
    case RTZ: return false;
    case RDN: return sign && (rbit || sticky);
    case RUP: return !sign && (rbit || sticky);
    default:  return rbit; /* RMM: ties away from zero */
    }
}

/* Round (-1)^sign * sig * 2^(e-63) (sig normalised: bit 63 set; a nonzero
 * bit 0 may stand for any nonzero tail, as with round-to-odd) to format f in
 * mode rm.  Returns the encoding, ORs NX/UF/OF into *flags. */
static uint64_t round_pack(const struct fmt *f, bool sign, int e, uint64_t sig, int rm, unsigned *flags)
{
    const uint64_t sbit = 1ull << (f->p + f->ebits - 1);
    const uint64_t hidden = 1ull << (f->p - 1);
    const uint64_t inf = (((1ull << f->ebits) - 1) << (f->p - 1));
    uint64_t out_sign = sign ? sbit : 0;

    if (e > f->emax)
        goto overflow;

    /* the unit in the last place is 2^(qe - p + 1); below emin it is fixed
     * (gradual underflow) */
    int qe = e < f->emin ? f->emin : e;
    uint64_t kept;
    bool rbit, sticky;
    split(sig, 64 - f->p + (qe - e), &kept, &rbit, &sticky);
    bool inexact = rbit || sticky;
    kept += round_up(rm, sign, kept & 1, rbit, sticky);

    /* Tininess after rounding (IEEE 754-2019 7.5; RISC-V F "Accrued
     * Exceptions"): tiny when the result rounded to p bits with an unbounded
     * exponent would be below 2^emin.  Only e == emin-1 can round up to it. */
    bool tiny = false;
    if (e < f->emin) {
        tiny = true;
        if (e == f->emin - 1) {
            uint64_t k2;
            bool r2, s2;
            split(sig, 64 - f->p, &k2, &r2, &s2);
            k2 += round_up(rm, sign, k2 & 1, r2, s2);
            if (k2 >> f->p)
                tiny = false;
        }
    }

    if (kept >> f->p) { /* carried out to 2^p: renormalise (exact) */
        kept >>= 1;
        qe++;
    }
    if (qe > f->emax)
        goto overflow;
    if (inexact) {
        *flags |= FP_NX;
        if (tiny)
            *flags |= FP_UF;
    }
    if (kept >= hidden) /* normal (a subnormal may have rounded up to 2^emin) */
        return out_sign | ((uint64_t)(qe + f->emax) << (f->p - 1)) | (kept - hidden);
    return out_sign | kept; /* subnormal or zero */

overflow:
    /* IEEE 754-2019 7.4: the result is infinity or the largest finite
     * number, by rounding direction and sign */
    *flags |= FP_OF | FP_NX;
    if (rm == RTZ || (rm == RDN && !sign) || (rm == RUP && sign))
        return out_sign | (inf - 1);
    return out_sign | inf;
}

enum { CL_ZERO, CL_FINITE, CL_INF, CL_QNAN, CL_SNAN };
struct unpacked {
    int cls;
    bool sign;
    int e;        /* value = sig * 2^(e-63) for CL_FINITE */
    uint64_t sig; /* normalised: bit 63 set */
};

/* Split an encoding of format f (p bits of precision with the hidden one,
 * ebits of exponent) into class, sign, exponent and a significand with
 * bit 63 set. */
static struct unpacked unpack(uint64_t a, const struct fmt *f)
{
    const int mbits = f->p - 1;
    const unsigned emask = (1u << f->ebits) - 1;
    struct unpacked u = {CL_FINITE, ((a >> (mbits + f->ebits)) & 1) != 0, 0, 0};
    unsigned ex = (unsigned)(a >> mbits) & emask;
    uint64_t m = a & ((1ull << mbits) - 1);
    if (ex == emask) {
        u.cls = m == 0 ? CL_INF : (m >> (mbits - 1)) ? CL_QNAN : CL_SNAN;
    } else if (ex == 0) {
        if (m == 0) {
            u.cls = CL_ZERO;
        } else {
            int k = __builtin_clzll(m << (64 - f->p));
            u.sig = (m << (64 - f->p)) << k;
            u.e = f->emin - k;
        }
    } else {
        u.sig = (m | (1ull << mbits)) << (64 - f->p);
        u.e = (int)ex - f->emax;
    }
    return u;
}
static struct unpacked unpack32(uint32_t a) { return unpack(a, &FMT32); }
static struct unpacked unpack64(uint64_t a) { return unpack(a, &FMT64); }

/* ---- RMM through a wider format --------------------------------------------- */

/* Round a binary64 value that is the round-toward-zero result of a single
 * operation (sticky: it was inexact) to binary32 with RMM. */
static uint32_t f32_from_rtz_double(double d, bool sticky, unsigned *flags)
{
    uint64_t b = f64_bits(d);
    if (f64_isnan(b))
        return F32_CANON_NAN;
    uint32_t sign = (uint32_t)(b >> 63) << 31;
    if (f64_isinf(b))
        return sign | F32_INF;
    if (f64_iszero(b)) /* exact zero: binary64 cannot underflow on these operands */
        return sign;
    struct unpacked u = unpack64(b);
    return (uint32_t)round_pack(&FMT32, u.sign, u.e, u.sig | sticky, RMM, flags);
}

typedef __float128 f128;

/* The same from a binary128 round-toward-zero result to binary64. */
static uint64_t f64_from_rtz_f128(f128 q, bool sticky, unsigned *flags)
{
    uint64_t w[2];
    memcpy(w, &q, 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t lo = w[0], hi = w[1];
#else
    uint64_t lo = w[1], hi = w[0];
#endif
    bool sign = hi >> 63;
    unsigned ex = (hi >> 48) & 0x7fff;
    uint64_t mhi = hi & 0xffffffffffffull;
    if (ex == 0x7fff)
        return (mhi | lo) ? F64_CANON_NAN : ((sign ? F64_SIGN : 0) | F64_INF);
    if (ex == 0) /* zero: binary128 cannot underflow on these operands */
        return sign ? F64_SIGN : 0;
    uint64_t sig = (1ull << 63) | (mhi << 15) | (lo >> 49);
    sticky |= (lo & ((1ull << 49) - 1)) != 0;
    return round_pack(&FMT64, sign, (int)ex - 16383, sig | sticky, RMM, flags);
}

/* ---- arithmetic ---------------------------------------------------------------- */

enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV };

static uint32_t f32_arith(enum op op, uint32_t a, uint32_t b, int rm, unsigned *flags)
{
    if (f32_isnan(a) || f32_isnan(b)) {
        if (f32_issnan(a) || f32_issnan(b))
            *flags |= FP_NV;
        return F32_CANON_NAN;
    }
    if (rm == RMM) {
        unsigned env = host_enter(RTZ);
        volatile double x = f32_val(a), y = f32_val(b);
        volatile double r;
        switch (op) {
        case OP_ADD: r = x + y; break;
        case OP_SUB: r = x - y; break;
        case OP_MUL: r = x * y; break;
        default:     r = x / y; break;
        }
        unsigned hf = host_leave(env);
        *flags |= hf & (FP_NV | FP_DZ);
        return f32_from_rtz_double(r, hf & FP_NX, flags);
    }
    unsigned env = host_enter(rm);
    volatile float x = f32_val(a), y = f32_val(b);
    volatile float r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    default:     r = x / y; break;
    }
    *flags |= host_leave(env);
    uint32_t rb = f32_bits(r);
    return f32_isnan(rb) ? F32_CANON_NAN : rb;
}

static uint64_t f64_arith(enum op op, uint64_t a, uint64_t b, int rm, unsigned *flags)
{
    if (f64_isnan(a) || f64_isnan(b)) {
        if (f64_issnan(a) || f64_issnan(b))
            *flags |= FP_NV;
        return F64_CANON_NAN;
    }
    if (rm == RMM) {
        unsigned env = host_enter(RTZ);
        volatile f128 x = f64_val(a), y = f64_val(b);
        volatile f128 r;
        switch (op) {
        case OP_ADD: r = x + y; break;
        case OP_SUB: r = x - y; break;
        case OP_MUL: r = x * y; break;
        default:     r = x / y; break;
        }
        unsigned hf = host_leave(env);
        *flags |= hf & (FP_NV | FP_DZ);
        return f64_from_rtz_f128(r, hf & FP_NX, flags);
    }
    unsigned env = host_enter(rm);
    volatile double x = f64_val(a), y = f64_val(b);
    volatile double r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    default:     r = x / y; break;
    }
    *flags |= host_leave(env);
    uint64_t rb = f64_bits(r);
    return f64_isnan(rb) ? F64_CANON_NAN : rb;
}

uint32_t f32_add(uint32_t a, uint32_t b, int rm, unsigned *flags) { return f32_arith(OP_ADD, a, b, rm, flags); }
uint32_t f32_sub(uint32_t a, uint32_t b, int rm, unsigned *flags) { return f32_arith(OP_SUB, a, b, rm, flags); }
uint32_t f32_mul(uint32_t a, uint32_t b, int rm, unsigned *flags) { return f32_arith(OP_MUL, a, b, rm, flags); }
uint32_t f32_div(uint32_t a, uint32_t b, int rm, unsigned *flags) { return f32_arith(OP_DIV, a, b, rm, flags); }
uint64_t f64_add(uint64_t a, uint64_t b, int rm, unsigned *flags) { return f64_arith(OP_ADD, a, b, rm, flags); }
uint64_t f64_sub(uint64_t a, uint64_t b, int rm, unsigned *flags) { return f64_arith(OP_SUB, a, b, rm, flags); }
uint64_t f64_mul(uint64_t a, uint64_t b, int rm, unsigned *flags) { return f64_arith(OP_MUL, a, b, rm, flags); }
uint64_t f64_div(uint64_t a, uint64_t b, int rm, unsigned *flags) { return f64_arith(OP_DIV, a, b, rm, flags); }

/* Square root: RMM is computed as RNE (see the top of this file). */
uint32_t f32_sqrt(uint32_t a, int rm, unsigned *flags)
{
    if (f32_isnan(a)) {
        if (f32_issnan(a))
            *flags |= FP_NV;
        return F32_CANON_NAN;
    }
    if ((a & F32_SIGN) && !f32_iszero(a)) { /* sqrt of a negative (not -0) */
        *flags |= FP_NV;
        return F32_CANON_NAN;
    }
    unsigned env = host_enter(rm == RMM ? RNE : rm);
    volatile float x = f32_val(a);
    volatile float r = sqrtf(x);
    *flags |= host_leave(env);
    return f32_bits(r);
}

uint64_t f64_sqrt(uint64_t a, int rm, unsigned *flags)
{
    if (f64_isnan(a)) {
        if (f64_issnan(a))
            *flags |= FP_NV;
        return F64_CANON_NAN;
    }
    if ((a & F64_SIGN) && !f64_iszero(a)) {
        *flags |= FP_NV;
        return F64_CANON_NAN;
    }
    unsigned env = host_enter(rm == RMM ? RNE : rm);
    volatile double x = f64_val(a);
    volatile double r = sqrt(x);
    *flags |= host_leave(env);
    return f64_bits(r);
}

/* Fused multiply-add a*b+c with a single rounding.  The negated forms pass
 * negated operands, as the spec defines them (fnmadd = -(a*b)-c, so a zero
 * result gets the sign of that sum, not of a negated a*b+c). */
static uint32_t f32_fma(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags)
{
    /* F extension, "Single-Precision Fused Multiply-Add": inf * 0 must raise
     * NV even when the addend is a quiet NaN. */
    if ((f32_isinf(a) && f32_iszero(b)) || (f32_iszero(a) && f32_isinf(b))) {
        *flags |= FP_NV;
        return F32_CANON_NAN;
    }
    if (f32_isnan(a) || f32_isnan(b) || f32_isnan(c)) {
        if (f32_issnan(a) || f32_issnan(b) || f32_issnan(c))
            *flags |= FP_NV;
        return F32_CANON_NAN;
    }
    if (rm == RMM) {
        /* the product of two singles is exact in double; fma() rounds the sum
         * once toward zero */
        unsigned env = host_enter(RTZ);
        volatile double x = f32_val(a), y = f32_val(b), z = f32_val(c);
        volatile double r = fma(x, y, z);
        unsigned hf = host_leave(env);
        *flags |= hf & FP_NV;
        return f32_from_rtz_double(r, hf & FP_NX, flags);
    }
    unsigned env = host_enter(rm);
    volatile float x = f32_val(a), y = f32_val(b), z = f32_val(c);
    volatile float r = fmaf(x, y, z);
    *flags |= host_leave(env);
    uint32_t rb = f32_bits(r);
    return f32_isnan(rb) ? F32_CANON_NAN : rb;
}

static uint64_t f64_fma(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags)
{
    if ((f64_isinf(a) && f64_iszero(b)) || (f64_iszero(a) && f64_isinf(b))) {
        *flags |= FP_NV;
        return F64_CANON_NAN;
    }
    if (f64_isnan(a) || f64_isnan(b) || f64_isnan(c)) {
        if (f64_issnan(a) || f64_issnan(b) || f64_issnan(c))
            *flags |= FP_NV;
        return F64_CANON_NAN;
    }
    if (rm == RMM) {
        /* the product of two doubles (106 bits) is exact in binary128 */
        unsigned env = host_enter(RTZ);
        volatile f128 x = f64_val(a), y = f64_val(b), z = f64_val(c);
        volatile f128 p = x * y;
        volatile f128 r = p + z;
        unsigned hf = host_leave(env);
        *flags |= hf & FP_NV;
        return f64_from_rtz_f128(r, hf & FP_NX, flags);
    }
    unsigned env = host_enter(rm);
    volatile double x = f64_val(a), y = f64_val(b), z = f64_val(c);
    volatile double r = fma(x, y, z);
    *flags |= host_leave(env);
    uint64_t rb = f64_bits(r);
    return f64_isnan(rb) ? F64_CANON_NAN : rb;
}

uint32_t f32_madd(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *fl) { return f32_fma(a, b, c, rm, fl); }
uint32_t f32_msub(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *fl) { return f32_fma(a, b, c ^ F32_SIGN, rm, fl); }
uint32_t f32_nmsub(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *fl) { return f32_fma(a ^ F32_SIGN, b, c, rm, fl); }
uint32_t f32_nmadd(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *fl) { return f32_fma(a ^ F32_SIGN, b, c ^ F32_SIGN, rm, fl); }
uint64_t f64_madd(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) { return f64_fma(a, b, c, rm, fl); }
uint64_t f64_msub(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) { return f64_fma(a, b, c ^ F64_SIGN, rm, fl); }
uint64_t f64_nmsub(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) { return f64_fma(a ^ F64_SIGN, b, c, rm, fl); }
uint64_t f64_nmadd(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) { return f64_fma(a ^ F64_SIGN, b, c ^ F64_SIGN, rm, fl); }

/* ---- comparisons, min/max ------------------------------------------------------ */

/* a < b for non-NaN encodings with sign bit sbit; -0 and +0 are equal */
static inline bool lt_bits(uint64_t a, uint64_t b, uint64_t sbit)
{
    bool sa = (a & sbit) != 0, sb = (b & sbit) != 0;
    if (sa != sb)
        return sa && ((a | b) & ~sbit) != 0;
    return a != b && (sa ^ (a < b));
}
/* the same, but -0 < +0 (the order fmin/fmax use) */
static inline bool lt_total(uint64_t a, uint64_t b, uint64_t sbit)
{
    bool sa = (a & sbit) != 0, sb = (b & sbit) != 0;
    if (sa != sb)
        return sa;
    return a != b && (sa ^ (a < b));
}

/* feq is a quiet comparison: NV only for signaling NaNs.  flt/fle are
 * signaling: NV for any NaN (F extension, "Single-Precision Floating-Point
 * Compare Instructions"). */
bool f32_eq(uint32_t a, uint32_t b, unsigned *flags)
{
    if (f32_isnan(a) || f32_isnan(b)) {
        if (f32_issnan(a) || f32_issnan(b))
            *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F32_SIGN) == 0;
}
bool f32_lt(uint32_t a, uint32_t b, unsigned *flags)
{
    if (f32_isnan(a) || f32_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return lt_bits(a, b, F32_SIGN);
}
bool f32_le(uint32_t a, uint32_t b, unsigned *flags)
{
    if (f32_isnan(a) || f32_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F32_SIGN) == 0 || lt_bits(a, b, F32_SIGN);
}
bool f64_eq(uint64_t a, uint64_t b, unsigned *flags)
{
    if (f64_isnan(a) || f64_isnan(b)) {
        if (f64_issnan(a) || f64_issnan(b))
            *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F64_SIGN) == 0;
}
bool f64_lt(uint64_t a, uint64_t b, unsigned *flags)
{
    if (f64_isnan(a) || f64_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return lt_bits(a, b, F64_SIGN);
}
bool f64_le(uint64_t a, uint64_t b, unsigned *flags)
{
    if (f64_isnan(a) || f64_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F64_SIGN) == 0 || lt_bits(a, b, F64_SIGN);
}

/* fmin/fmax follow IEEE 754-2019 minimumNumber/maximumNumber (F extension
 * v2.2, "Single-Precision Floating-Point Computational Instructions"): a NaN
 * operand yields the other operand, two NaNs the canonical NaN, a signaling
 * NaN raises NV, and -0.0 is less than +0.0. */
uint32_t f32_min(uint32_t a, uint32_t b, unsigned *flags)
{
    if (f32_issnan(a) || f32_issnan(b))
        *flags |= FP_NV;
    if (f32_isnan(a) && f32_isnan(b)) return F32_CANON_NAN;
    if (f32_isnan(a)) return b;
    if (f32_isnan(b)) return a;
    return lt_total(a, b, F32_SIGN) ? a : b;
}
uint32_t f32_max(uint32_t a, uint32_t b, unsigned *flags)
{
    if (f32_issnan(a) || f32_issnan(b))
        *flags |= FP_NV;
    if (f32_isnan(a) && f32_isnan(b)) return F32_CANON_NAN;
    if (f32_isnan(a)) return b;
    if (f32_isnan(b)) return a;
    return lt_total(a, b, F32_SIGN) ? b : a;
}
uint64_t f64_min(uint64_t a, uint64_t b, unsigned *flags)
{
    if (f64_issnan(a) || f64_issnan(b))
        *flags |= FP_NV;
    if (f64_isnan(a) && f64_isnan(b)) return F64_CANON_NAN;
    if (f64_isnan(a)) return b;
    if (f64_isnan(b)) return a;
    return lt_total(a, b, F64_SIGN) ? a : b;
}
uint64_t f64_max(uint64_t a, uint64_t b, unsigned *flags)
{
    if (f64_issnan(a) || f64_issnan(b))
        *flags |= FP_NV;
    if (f64_isnan(a) && f64_isnan(b)) return F64_CANON_NAN;
    if (f64_isnan(a)) return b;
    if (f64_isnan(b)) return a;
    return lt_total(a, b, F64_SIGN) ? b : a;
}

/* ---- classification and sign injection ------------------------------------------ */

/* fclass bit positions (F extension, table "Format of result of FCLASS"):
 * 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal,
 * 7 +inf, 8 signaling NaN, 9 quiet NaN. */
static unsigned classify(struct unpacked u, bool subnormal)
{
    switch (u.cls) {
    case CL_QNAN: return 1u << 9;
    case CL_SNAN: return 1u << 8;
    case CL_INF:  return u.sign ? 1u << 0 : 1u << 7;
    case CL_ZERO: return u.sign ? 1u << 3 : 1u << 4;
    default:
        if (subnormal)
            return u.sign ? 1u << 2 : 1u << 5;
        return u.sign ? 1u << 1 : 1u << 6;
    }
}
unsigned f32_class(uint32_t a) { return classify(unpack32(a), ((a >> 23) & 0xff) == 0); }
unsigned f64_class(uint64_t a) { return classify(unpack64(a), ((a >> 52) & 0x7ff) == 0); }

uint32_t f32_sgnj(uint32_t a, uint32_t b) { return (a & ~F32_SIGN) | (b & F32_SIGN); }
uint32_t f32_sgnjn(uint32_t a, uint32_t b) { return (a & ~F32_SIGN) | (~b & F32_SIGN); }
uint32_t f32_sgnjx(uint32_t a, uint32_t b) { return a ^ (b & F32_SIGN); }
uint64_t f64_sgnj(uint64_t a, uint64_t b) { return (a & ~F64_SIGN) | (b & F64_SIGN); }
uint64_t f64_sgnjn(uint64_t a, uint64_t b) { return (a & ~F64_SIGN) | (~b & F64_SIGN); }
uint64_t f64_sgnjx(uint64_t a, uint64_t b) { return a ^ (b & F64_SIGN); }

/* ---- conversions -------------------------------------------------------------------- */

/* Float to integer (F extension, "Single-Precision Floating-Point Conversion
 * and Move Instructions", and the table of invalid-input results): the value
 * is rounded first, then range-checked.  Out of range, infinite or NaN inputs
 * give the saturated value (NaN: the largest positive) and NV only; an
 * in-range inexact result gives NX.  32-bit results, unsigned ones included,
 * are sign-extended to 64 bits. */
static uint64_t to_int(struct unpacked u, int rm, int bits, bool is_signed, unsigned *flags)
{
    const uint64_t max_pos = is_signed ? (1ull << (bits - 1)) - 1 : bits == 64 ? ~0ull : (1ull << bits) - 1;
    const uint64_t max_neg = is_signed ? 1ull << (bits - 1) : 0; /* magnitude of the minimum */
    uint64_t res;
    bool invalid = false;

    if (u.cls == CL_QNAN || u.cls == CL_SNAN) {
        invalid = true;
        res = max_pos;
    } else if (u.cls == CL_INF) {
        invalid = true;
        res = u.sign ? (uint64_t)0 - max_neg : max_pos;
    } else if (u.cls == CL_ZERO) {
        res = 0;
    } else {
        uint64_t mag;
        bool inexact = false, big = false;
        if (u.e >= 64) {
            big = true;
            mag = 0;
        } else if (u.e == 63) {
            mag = u.sig;
        } else {
            bool rbit, sticky;
            split(u.sig, 63 - u.e, &mag, &rbit, &sticky);
            inexact = rbit || sticky;
            mag += round_up(rm, u.sign, mag & 1, rbit, sticky); /* mag < 2^63: no wrap */
        }
        if (!big)
            big = u.sign ? mag > max_neg : mag > max_pos;
        if (big) {
            invalid = true;
            res = u.sign ? (uint64_t)0 - max_neg : max_pos;
        } else {
            res = u.sign ? (uint64_t)0 - mag : mag;
            if (inexact)
                *flags |= FP_NX;
        }
    }
    if (invalid)
        *flags |= FP_NV;
    if (bits == 32)
        res = (uint64_t)(int64_t)(int32_t)(uint32_t)res;
    return res;
}

uint64_t f32_to_i32(uint32_t a, int rm, unsigned *fl) { return to_int(unpack32(a), rm, 32, true, fl); }
uint64_t f32_to_u32(uint32_t a, int rm, unsigned *fl) { return to_int(unpack32(a), rm, 32, false, fl); }
uint64_t f32_to_i64(uint32_t a, int rm, unsigned *fl) { return to_int(unpack32(a), rm, 64, true, fl); }
uint64_t f32_to_u64(uint32_t a, int rm, unsigned *fl) { return to_int(unpack32(a), rm, 64, false, fl); }
uint64_t f64_to_i32(uint64_t a, int rm, unsigned *fl) { return to_int(unpack64(a), rm, 32, true, fl); }
uint64_t f64_to_u32(uint64_t a, int rm, unsigned *fl) { return to_int(unpack64(a), rm, 32, false, fl); }
uint64_t f64_to_i64(uint64_t a, int rm, unsigned *fl) { return to_int(unpack64(a), rm, 64, true, fl); }
uint64_t f64_to_u64(uint64_t a, int rm, unsigned *fl) { return to_int(unpack64(a), rm, 64, false, fl); }

/* Integer to float: exact unless the magnitude needs more than p bits. */
static uint64_t from_int(const struct fmt *f, bool sign, uint64_t mag, int rm, unsigned *flags)
{
    if (mag == 0)
        return 0; /* +0 */
    int k = __builtin_clzll(mag);
    return round_pack(f, sign, 63 - k, mag << k, rm, flags);
}

static inline uint64_t neg_mag(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

uint32_t i32_to_f32(int32_t v, int rm, unsigned *fl) { return (uint32_t)from_int(&FMT32, v < 0, neg_mag(v), rm, fl); }
uint32_t u32_to_f32(uint32_t v, int rm, unsigned *fl) { return (uint32_t)from_int(&FMT32, false, v, rm, fl); }
uint32_t i64_to_f32(int64_t v, int rm, unsigned *fl) { return (uint32_t)from_int(&FMT32, v < 0, neg_mag(v), rm, fl); }
uint32_t u64_to_f32(uint64_t v, int rm, unsigned *fl) { return (uint32_t)from_int(&FMT32, false, v, rm, fl); }
uint64_t i32_to_f64(int32_t v, int rm, unsigned *fl) { return from_int(&FMT64, v < 0, neg_mag(v), rm, fl); }
uint64_t u32_to_f64(uint32_t v, int rm, unsigned *fl) { return from_int(&FMT64, false, v, rm, fl); }
uint64_t i64_to_f64(int64_t v, int rm, unsigned *fl) { return from_int(&FMT64, v < 0, neg_mag(v), rm, fl); }
uint64_t u64_to_f64(uint64_t v, int rm, unsigned *fl) { return from_int(&FMT64, false, v, rm, fl); }

/* fcvt.d.s: always exact; a NaN becomes the canonical NaN (NV if signaling). */
uint64_t f32_to_f64(uint32_t a, unsigned *flags)
{
    struct unpacked u = unpack32(a);
    uint64_t sign = u.sign ? F64_SIGN : 0;
    switch (u.cls) {
    case CL_SNAN: *flags |= FP_NV; return F64_CANON_NAN;
    case CL_QNAN: return F64_CANON_NAN;
    case CL_INF:  return sign | F64_INF;
    case CL_ZERO: return sign;
    default:      return round_pack(&FMT64, u.sign, u.e, u.sig, RNE, flags);
    }
}

/* fcvt.s.d: rounds, may overflow or underflow. */
uint32_t f64_to_f32(uint64_t a, int rm, unsigned *flags)
{
    struct unpacked u = unpack64(a);
    uint32_t sign = u.sign ? F32_SIGN : 0;
    switch (u.cls) {
    case CL_SNAN: *flags |= FP_NV; return F32_CANON_NAN;
    case CL_QNAN: return F32_CANON_NAN;
    case CL_INF:  return sign | F32_INF;
    case CL_ZERO: return sign;
    default:      return (uint32_t)round_pack(&FMT32, u.sign, u.e, u.sig, rm, flags);
    }
}

/* ---- binary16 (Zfh, Zfhmin) ------------------------------------------------------ */

/* Half precision has no host arithmetic.  Every operation is computed in
 * binary64, which holds the exact sum, product, fused product-sum (the
 * product of two halves has 22 bits) and a 53-bit quotient or root of half
 * operands without overflow or underflow, rounded toward zero with the
 * host's inexact flag kept as a sticky bit (round to odd, 53 >= 11 + 2
 * bits), then rounded to half in software in the guest's mode (round_pack:
 * NX, UF after rounding, OF).  NV and DZ come from the host. */
#define F16_SIGN 0x8000u
#define F16_INF 0x7c00u

static inline bool f16_isnan(uint16_t a) { return (a & ~F16_SIGN & 0xffffu) > F16_INF; }
static inline bool f16_issnan(uint16_t a) { return f16_isnan(a) && !(a & 0x0200u); }
static inline bool f16_isinf(uint16_t a) { return (a & ~F16_SIGN & 0xffffu) == F16_INF; }
static inline bool f16_iszero(uint16_t a) { return (a & ~F16_SIGN & 0xffffu) == 0; }

static struct unpacked unpack16(uint16_t a) { return unpack(a, &FMT16); }

/* a half value as a double (exact; NaNs are handled by the callers) */
static double f16_as_double(uint16_t a)
{
    struct unpacked u = unpack16(a);
    unsigned fl = 0;
    switch (u.cls) {
    case CL_ZERO: return f64_val(u.sign ? F64_SIGN : 0);
    case CL_INF:  return f64_val((u.sign ? F64_SIGN : 0) | F64_INF);
    case CL_FINITE: return f64_val(round_pack(&FMT64, u.sign, u.e, u.sig, RNE, &fl));
    default:      return f64_val(F64_CANON_NAN);
    }
}

enum op16 { H_ADD, H_SUB, H_MUL, H_DIV, H_SQRT, H_FMA };

static double f16_host_op(enum op16 op, double x, double y, double z)
{
    volatile double a = x, b = y, c = z, r;
    switch (op) {
    case H_ADD: r = a + b; break;
    case H_SUB: r = a - b; break;
    case H_MUL: r = a * b; break;
    case H_DIV: r = a / b; break;
    case H_SQRT: r = sqrt(a); break;
    default:    r = fma(a, b, c); break;
    }
    return r;
}

static uint16_t f16_op(enum op16 op, uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *flags)
{
    bool nan = f16_isnan(a) || (op != H_SQRT && f16_isnan(b)) || (op == H_FMA && f16_isnan(c));
    bool snan = f16_issnan(a) || (op != H_SQRT && f16_issnan(b)) || (op == H_FMA && f16_issnan(c));
    /* fma: inf * 0 is invalid even with a quiet NaN addend */
    if (op == H_FMA && ((f16_isinf(a) && f16_iszero(b)) || (f16_iszero(a) && f16_isinf(b)))) {
        *flags |= FP_NV;
        return F16_CANON_NAN;
    }
    if (nan) {
        if (snan)
            *flags |= FP_NV;
        return F16_CANON_NAN;
    }
    double x = f16_as_double(a), y = f16_as_double(b), z = f16_as_double(c);
    unsigned env = host_enter(RTZ);
    double r = f16_host_op(op, x, y, z);
    unsigned hf = host_leave(env);
    *flags |= hf & (FP_NV | FP_DZ);
    uint64_t bits = f64_bits(r);
    if (f64_isnan(bits))
        return F16_CANON_NAN;
    uint16_t sign = (uint16_t)((bits >> 63) << 15);
    if (f64_isinf(bits))
        return sign | F16_INF;
    if (f64_iszero(bits)) {
        /* an exact zero: its sign may depend on the mode (x - x is -0 when
         * rounding down), so compute it again in the guest's mode */
        env = host_enter(rm == RMM ? RNE : rm);
        r = f16_host_op(op, x, y, z);
        host_leave(env);
        return (uint16_t)((f64_bits(r) >> 63) << 15);
    }
    struct unpacked u = unpack64(bits);
    return (uint16_t)round_pack(&FMT16, u.sign, u.e, u.sig | ((hf & FP_NX) != 0), rm, flags);
}

uint16_t f16_add(uint16_t a, uint16_t b, int rm, unsigned *fl) { return f16_op(H_ADD, a, b, 0, rm, fl); }
uint16_t f16_sub(uint16_t a, uint16_t b, int rm, unsigned *fl) { return f16_op(H_SUB, a, b, 0, rm, fl); }
uint16_t f16_mul(uint16_t a, uint16_t b, int rm, unsigned *fl) { return f16_op(H_MUL, a, b, 0, rm, fl); }
uint16_t f16_div(uint16_t a, uint16_t b, int rm, unsigned *fl) { return f16_op(H_DIV, a, b, 0, rm, fl); }
uint16_t f16_sqrt(uint16_t a, int rm, unsigned *fl) { return f16_op(H_SQRT, a, 0, 0, rm, fl); }
uint16_t f16_madd(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *fl) { return f16_op(H_FMA, a, b, c, rm, fl); }
uint16_t f16_msub(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *fl) { return f16_op(H_FMA, a, b, c ^ F16_SIGN, rm, fl); }
uint16_t f16_nmsub(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *fl) { return f16_op(H_FMA, a ^ F16_SIGN, b, c, rm, fl); }
uint16_t f16_nmadd(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *fl)
{
    return f16_op(H_FMA, a ^ F16_SIGN, b, c ^ F16_SIGN, rm, fl);
}

uint16_t f16_min(uint16_t a, uint16_t b, unsigned *flags)
{
    if (f16_issnan(a) || f16_issnan(b))
        *flags |= FP_NV;
    if (f16_isnan(a) && f16_isnan(b)) return F16_CANON_NAN;
    if (f16_isnan(a)) return b;
    if (f16_isnan(b)) return a;
    return lt_total(a, b, F16_SIGN) ? a : b;
}
uint16_t f16_max(uint16_t a, uint16_t b, unsigned *flags)
{
    if (f16_issnan(a) || f16_issnan(b))
        *flags |= FP_NV;
    if (f16_isnan(a) && f16_isnan(b)) return F16_CANON_NAN;
    if (f16_isnan(a)) return b;
    if (f16_isnan(b)) return a;
    return lt_total(a, b, F16_SIGN) ? b : a;
}
bool f16_eq(uint16_t a, uint16_t b, unsigned *flags)
{
    if (f16_isnan(a) || f16_isnan(b)) {
        if (f16_issnan(a) || f16_issnan(b))
            *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F16_SIGN & 0xffffu) == 0;
}
bool f16_lt(uint16_t a, uint16_t b, unsigned *flags)
{
    if (f16_isnan(a) || f16_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return lt_bits(a, b, F16_SIGN);
}
bool f16_le(uint16_t a, uint16_t b, unsigned *flags)
{
    if (f16_isnan(a) || f16_isnan(b)) {
        *flags |= FP_NV;
        return false;
    }
    return a == b || ((a | b) & ~F16_SIGN & 0xffffu) == 0 || lt_bits(a, b, F16_SIGN);
}
unsigned f16_class(uint16_t a) { return classify(unpack16(a), ((a >> 10) & 0x1f) == 0); }
uint16_t f16_sgnj(uint16_t a, uint16_t b) { return (uint16_t)((a & ~F16_SIGN) | (b & F16_SIGN)); }
uint16_t f16_sgnjn(uint16_t a, uint16_t b) { return (uint16_t)((a & ~F16_SIGN) | (~b & F16_SIGN)); }
uint16_t f16_sgnjx(uint16_t a, uint16_t b) { return (uint16_t)(a ^ (b & F16_SIGN)); }

uint64_t f16_to_i32(uint16_t a, int rm, unsigned *fl) { return to_int(unpack16(a), rm, 32, true, fl); }
uint64_t f16_to_u32(uint16_t a, int rm, unsigned *fl) { return to_int(unpack16(a), rm, 32, false, fl); }
uint64_t f16_to_i64(uint16_t a, int rm, unsigned *fl) { return to_int(unpack16(a), rm, 64, true, fl); }
uint64_t f16_to_u64(uint16_t a, int rm, unsigned *fl) { return to_int(unpack16(a), rm, 64, false, fl); }
uint16_t i32_to_f16(int32_t v, int rm, unsigned *fl) { return (uint16_t)from_int(&FMT16, v < 0, neg_mag(v), rm, fl); }
uint16_t u32_to_f16(uint32_t v, int rm, unsigned *fl) { return (uint16_t)from_int(&FMT16, false, v, rm, fl); }
uint16_t i64_to_f16(int64_t v, int rm, unsigned *fl) { return (uint16_t)from_int(&FMT16, v < 0, neg_mag(v), rm, fl); }
uint16_t u64_to_f16(uint64_t v, int rm, unsigned *fl) { return (uint16_t)from_int(&FMT16, false, v, rm, fl); }

/* Between formats: widening is exact, narrowing rounds; a NaN becomes the
 * canonical NaN of the destination, NV if it was signaling. */
static uint64_t convert(struct unpacked u, const struct fmt *to, uint64_t canon_nan, int rm, unsigned *flags)
{
    uint64_t sign = u.sign ? 1ull << (to->p + to->ebits - 1) : 0;
    switch (u.cls) {
    case CL_SNAN: *flags |= FP_NV; return canon_nan;
    case CL_QNAN: return canon_nan;
    case CL_INF:  return sign | (((1ull << to->ebits) - 1) << (to->p - 1));
    case CL_ZERO: return sign;
    default:      return round_pack(to, u.sign, u.e, u.sig, rm, flags);
    }
}
uint32_t f16_to_f32(uint16_t a, unsigned *fl) { return (uint32_t)convert(unpack16(a), &FMT32, F32_CANON_NAN, RNE, fl); }
uint64_t f16_to_f64(uint16_t a, unsigned *fl) { return convert(unpack16(a), &FMT64, F64_CANON_NAN, RNE, fl); }
uint16_t f32_to_f16(uint32_t a, int rm, unsigned *fl) { return (uint16_t)convert(unpack32(a), &FMT16, F16_CANON_NAN, rm, fl); }
uint16_t f64_to_f16(uint64_t a, int rm, unsigned *fl) { return (uint16_t)convert(unpack64(a), &FMT16, F16_CANON_NAN, rm, fl); }
