/* IEEE 754 arithmetic of the RISC-V F and D extensions, as pure functions on
 * bit patterns, so that the instruction handlers (cpu/fp_exec.c) and the unit
 * tests (tests/test_fpu.c) share one implementation.
 *
 * Conventions for every function here:
 * - operands and results are raw IEEE bit patterns (binary32 in a uint32_t,
 *   binary64 in a uint64_t); single values taken from an f register must be
 *   unboxed first with f32_unbox();
 * - rm is a resolved RISC-V rounding mode 0..4 (RNE, RTZ, RDN, RUP, RMM);
 *   resolving DYN and rejecting reserved modes is the caller's job;
 * - exception flags are OR-ed into *flags using the fflags bit layout
 *   (NX=1, UF=2, OF=4, DZ=8, NV=16, the FFLAG_* values of cpu/hart.h);
 * - a NaN result is always the canonical NaN (unprivileged spec, "NaN
 *   Generation and Propagation"); only sign injection, moves and fclass look
 *   at NaN payloads. */
#ifndef PAGODA_FP_H
#define PAGODA_FP_H

#include <stdbool.h>
#include <stdint.h>

#define FP_NX 1u
#define FP_UF 2u
#define FP_OF 4u
#define FP_DZ 8u
#define FP_NV 16u

#define F16_CANON_NAN 0x7e00u
#define F32_CANON_NAN 0x7fc00000u
#define F64_CANON_NAN 0x7ff8000000000000ull

/* NaN boxing (spec, "NaN Boxing of Narrower Values"): a single value lives in
 * the low half of an f register whose upper 32 bits are all ones; any other
 * register value reads as the canonical NaN. */
static inline uint32_t f32_unbox(uint64_t r)
{
    return (r >> 32) == 0xffffffffu ? (uint32_t)r : F32_CANON_NAN;
}
static inline uint64_t f32_box(uint32_t v) { return 0xffffffff00000000ull | v; }
/* a half value (Zfh) in the low 16 bits, the upper 48 all ones */
static inline uint16_t f16_unbox(uint64_t r)
{
    return (r >> 16) == 0xffffffffffffull ? (uint16_t)r : F16_CANON_NAN;
}
static inline uint64_t f16_box(uint16_t v) { return 0xffffffffffff0000ull | v; }

/* binary32 */
uint32_t f32_add(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_sub(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_mul(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_div(uint32_t a, uint32_t b, int rm, unsigned *flags);
uint32_t f32_sqrt(uint32_t a, int rm, unsigned *flags);
uint32_t f32_madd(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags);  /* a*b+c */
uint32_t f32_msub(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags);  /* a*b-c */
uint32_t f32_nmsub(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags); /* -(a*b)+c */
uint32_t f32_nmadd(uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags); /* -(a*b)-c */
uint32_t f32_min(uint32_t a, uint32_t b, unsigned *flags);
uint32_t f32_max(uint32_t a, uint32_t b, unsigned *flags);
bool f32_eq(uint32_t a, uint32_t b, unsigned *flags);
bool f32_lt(uint32_t a, uint32_t b, unsigned *flags);
bool f32_le(uint32_t a, uint32_t b, unsigned *flags);
unsigned f32_class(uint32_t a);
uint32_t f32_sgnj(uint32_t a, uint32_t b);
uint32_t f32_sgnjn(uint32_t a, uint32_t b);
uint32_t f32_sgnjx(uint32_t a, uint32_t b);
/* conversions to integers return the value to write to the x register:
 * 32-bit results (w and wu alike) sign-extended to 64 bits */
uint64_t f32_to_i32(uint32_t a, int rm, unsigned *flags);
uint64_t f32_to_u32(uint32_t a, int rm, unsigned *flags);
uint64_t f32_to_i64(uint32_t a, int rm, unsigned *flags);
uint64_t f32_to_u64(uint32_t a, int rm, unsigned *flags);
uint32_t i32_to_f32(int32_t v, int rm, unsigned *flags);
uint32_t u32_to_f32(uint32_t v, int rm, unsigned *flags);
uint32_t i64_to_f32(int64_t v, int rm, unsigned *flags);
uint32_t u64_to_f32(uint64_t v, int rm, unsigned *flags);
uint64_t f32_to_f64(uint32_t a, unsigned *flags);
uint32_t f64_to_f32(uint64_t a, int rm, unsigned *flags);

/* binary64 */
uint64_t f64_add(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_sub(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_mul(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_div(uint64_t a, uint64_t b, int rm, unsigned *flags);
uint64_t f64_sqrt(uint64_t a, int rm, unsigned *flags);
uint64_t f64_madd(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags);
uint64_t f64_msub(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags);
uint64_t f64_nmsub(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags);
uint64_t f64_nmadd(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *flags);
uint64_t f64_min(uint64_t a, uint64_t b, unsigned *flags);
uint64_t f64_max(uint64_t a, uint64_t b, unsigned *flags);
bool f64_eq(uint64_t a, uint64_t b, unsigned *flags);
bool f64_lt(uint64_t a, uint64_t b, unsigned *flags);
bool f64_le(uint64_t a, uint64_t b, unsigned *flags);
unsigned f64_class(uint64_t a);
uint64_t f64_sgnj(uint64_t a, uint64_t b);
uint64_t f64_sgnjn(uint64_t a, uint64_t b);
uint64_t f64_sgnjx(uint64_t a, uint64_t b);
uint64_t f64_to_i32(uint64_t a, int rm, unsigned *flags);
uint64_t f64_to_u32(uint64_t a, int rm, unsigned *flags);
uint64_t f64_to_i64(uint64_t a, int rm, unsigned *flags);
uint64_t f64_to_u64(uint64_t a, int rm, unsigned *flags);
uint64_t i32_to_f64(int32_t v, int rm, unsigned *flags);
uint64_t u32_to_f64(uint32_t v, int rm, unsigned *flags);
uint64_t i64_to_f64(int64_t v, int rm, unsigned *flags);
uint64_t u64_to_f64(uint64_t v, int rm, unsigned *flags);

/* binary16 (Zfh; Zfhmin has the conversions) */
uint16_t f16_add(uint16_t a, uint16_t b, int rm, unsigned *flags);
uint16_t f16_sub(uint16_t a, uint16_t b, int rm, unsigned *flags);
uint16_t f16_mul(uint16_t a, uint16_t b, int rm, unsigned *flags);
uint16_t f16_div(uint16_t a, uint16_t b, int rm, unsigned *flags);
uint16_t f16_sqrt(uint16_t a, int rm, unsigned *flags);
uint16_t f16_madd(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *flags);
uint16_t f16_msub(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *flags);
uint16_t f16_nmsub(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *flags);
uint16_t f16_nmadd(uint16_t a, uint16_t b, uint16_t c, int rm, unsigned *flags);
uint16_t f16_min(uint16_t a, uint16_t b, unsigned *flags);
uint16_t f16_max(uint16_t a, uint16_t b, unsigned *flags);
bool f16_eq(uint16_t a, uint16_t b, unsigned *flags);
bool f16_lt(uint16_t a, uint16_t b, unsigned *flags);
bool f16_le(uint16_t a, uint16_t b, unsigned *flags);
unsigned f16_class(uint16_t a);
uint16_t f16_sgnj(uint16_t a, uint16_t b);
uint16_t f16_sgnjn(uint16_t a, uint16_t b);
uint16_t f16_sgnjx(uint16_t a, uint16_t b);
uint64_t f16_to_i32(uint16_t a, int rm, unsigned *flags);
uint64_t f16_to_u32(uint16_t a, int rm, unsigned *flags);
uint64_t f16_to_i64(uint16_t a, int rm, unsigned *flags);
uint64_t f16_to_u64(uint16_t a, int rm, unsigned *flags);
uint16_t i32_to_f16(int32_t v, int rm, unsigned *flags);
uint16_t u32_to_f16(uint32_t v, int rm, unsigned *flags);
uint16_t i64_to_f16(int64_t v, int rm, unsigned *flags);
uint16_t u64_to_f16(uint64_t v, int rm, unsigned *flags);
uint32_t f16_to_f32(uint16_t a, unsigned *flags);
uint64_t f16_to_f64(uint16_t a, unsigned *flags);
uint16_t f32_to_f16(uint32_t a, int rm, unsigned *flags);
uint16_t f64_to_f16(uint64_t a, int rm, unsigned *flags);

#endif
