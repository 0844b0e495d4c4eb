/* Instruction handlers of the F, D, Zfh and Zfhmin extensions (rows in
 * cpu/insns_fd.def).
 * The arithmetic is in cpu/fp.c; here: the mstatus.FS gate, rounding-mode
 * resolution, NaN boxing of single values, fflags accrual and FS=Dirty.
 *
 * - mstatus.FS == Off: every F/D instruction, loads and stores included, is
 *   an illegal instruction (privileged spec, "Extension Context Status in
 *   mstatus Register").
 * - A reserved rounding mode (5, 6, or DYN with frm holding one of 5..7) is an
 *   illegal instruction for every instruction with an rm field, even those
 *   that are always exact (fcvt.d.s, fcvt.d.w), as Spike and Sail do.
 * - FS becomes Dirty whenever an f register or fflags is written; an
 *   instruction that writes only an x register (compare, fclass, fcvt to
 *   integer, fmv.x.*) dirties FS only if it raised a flag. */
#include "fp.h"
#include "hart.h"

#define INSN(name, mask, match, dec, dis, fn, ext) void fn(struct hart *, const struct insn *);
#include "insns_fd.def"
#undef INSN

static inline bool fp_on(struct hart *h, const struct insn *d)
{
    if (hart_fp_enabled(h))
        return true;
    hart_illegal(h, d);
    return false;
}

/* Resolved rounding mode, or -1 after raising illegal instruction. */
static inline int fp_rm(struct hart *h, const struct insn *d)
{
    int rm = hart_fp_rm(h, d->rm);
    if (rm < 0)
        hart_illegal(h, d);
    return rm;
}

/* flags are passed by pointer and read here, after the result expression
 * (which updates them) has been evaluated: C leaves argument order unspecified */
static inline void wr_s(struct hart *h, unsigned rd, uint32_t v, const unsigned *flp)
{
    unsigned fl = *flp;
    h->f[rd] = f32_box(v);
    hart_fp_flags(h, fl);
    hart_fp_dirty(h);
}

static inline void wr_d(struct hart *h, unsigned rd, uint64_t v, const unsigned *flp)
{
    unsigned fl = *flp;
    h->f[rd] = v;
    hart_fp_flags(h, fl);
    hart_fp_dirty(h);
}

static inline void wr_h(struct hart *h, unsigned rd, uint16_t v, const unsigned *flp)
{
    unsigned fl = *flp;
    h->f[rd] = f16_box(v);
    hart_fp_flags(h, fl);
    hart_fp_dirty(h);
}

static inline void wr_x(struct hart *h, unsigned rd, uint64_t v, const unsigned *flp)
{
    unsigned fl = *flp;
    if (rd != 0)
        h->x[rd] = v;
    if (fl) {
        hart_fp_flags(h, fl);
        hart_fp_dirty(h);
    }
}

#define FS1 f32_unbox(h->f[d->rs1])
#define FS2 f32_unbox(h->f[d->rs2])
#define FS3 f32_unbox(h->f[d->rs3])
#define FH1 f16_unbox(h->f[d->rs1])
#define FH2 f16_unbox(h->f[d->rs2])
#define FH3 f16_unbox(h->f[d->rs3])
#define FD1 (h->f[d->rs1])
#define FD2 (h->f[d->rs2])
#define FD3 (h->f[d->rs3])

/* handler prologues: FS gate, then (for rows with rm) the rounding mode */
#define BEGIN(name) \
    void exec_##name(struct hart *h, const struct insn *d) \
    { \
        unsigned fl = 0; \
        if (!fp_on(h, d)) return;
#define BEGIN_RM(name) \
    BEGIN(name) \
        int rm = fp_rm(h, d); \
        if (rm < 0) return;
#define END HART_NEXT(h, d); }

/* ---- loads and stores ---- */

void exec_flw(struct hart *h, const struct insn *d)
{
    uint64_t v;
    if (!fp_on(h, d) || !hart_load(h, h->x[d->rs1] + (uint64_t)d->imm, 4, &v))
        return;
    h->f[d->rd] = f32_box((uint32_t)v);
    hart_fp_dirty(h);
    HART_NEXT(h, d);
}

void exec_fld(struct hart *h, const struct insn *d)
{
    uint64_t v;
    if (!fp_on(h, d) || !hart_load(h, h->x[d->rs1] + (uint64_t)d->imm, 8, &v))
        return;
    h->f[d->rd] = v;
    hart_fp_dirty(h);
    HART_NEXT(h, d);
}

/* fsw stores the low 32 bits as they are, boxed or not */
void exec_fsw(struct hart *h, const struct insn *d)
{
    if (fp_on(h, d) && hart_store(h, h->x[d->rs1] + (uint64_t)d->imm, 4, (uint32_t)h->f[d->rs2]))
        HART_NEXT(h, d);
}

void exec_fsd(struct hart *h, const struct insn *d)
{
    if (fp_on(h, d) && hart_store(h, h->x[d->rs1] + (uint64_t)d->imm, 8, h->f[d->rs2]))
        HART_NEXT(h, d);
}

/* ---- arithmetic ---- */

#define OP3_S(name, fn) BEGIN_RM(name) wr_s(h, d->rd, fn(FS1, FS2, FS3, rm, &fl), &fl); END
#define OP3_D(name, fn) BEGIN_RM(name) wr_d(h, d->rd, fn(FD1, FD2, FD3, rm, &fl), &fl); END
#define OP2_S(name, fn) BEGIN_RM(name) wr_s(h, d->rd, fn(FS1, FS2, rm, &fl), &fl); END
#define OP2_D(name, fn) BEGIN_RM(name) wr_d(h, d->rd, fn(FD1, FD2, rm, &fl), &fl); END

OP3_S(fmadd_s, f32_madd)
OP3_S(fmsub_s, f32_msub)
OP3_S(fnmsub_s, f32_nmsub)
OP3_S(fnmadd_s, f32_nmadd)
OP3_D(fmadd_d, f64_madd)
OP3_D(fmsub_d, f64_msub)
OP3_D(fnmsub_d, f64_nmsub)
OP3_D(fnmadd_d, f64_nmadd)

OP2_S(fadd_s, f32_add)
OP2_S(fsub_s, f32_sub)
OP2_S(fmul_s, f32_mul)
OP2_S(fdiv_s, f32_div)
OP2_D(fadd_d, f64_add)
OP2_D(fsub_d, f64_sub)
OP2_D(fmul_d, f64_mul)
OP2_D(fdiv_d, f64_div)

BEGIN_RM(fsqrt_s) wr_s(h, d->rd, f32_sqrt(FS1, rm, &fl), &fl); END
BEGIN_RM(fsqrt_d) wr_d(h, d->rd, f64_sqrt(FD1, rm, &fl), &fl); END

/* ---- sign injection, min/max (no rounding mode) ---- */

BEGIN(fsgnj_s)  wr_s(h, d->rd, f32_sgnj(FS1, FS2), &fl); END
BEGIN(fsgnjn_s) wr_s(h, d->rd, f32_sgnjn(FS1, FS2), &fl); END
BEGIN(fsgnjx_s) wr_s(h, d->rd, f32_sgnjx(FS1, FS2), &fl); END
BEGIN(fsgnj_d)  wr_d(h, d->rd, f64_sgnj(FD1, FD2), &fl); END
BEGIN(fsgnjn_d) wr_d(h, d->rd, f64_sgnjn(FD1, FD2), &fl); END
BEGIN(fsgnjx_d) wr_d(h, d->rd, f64_sgnjx(FD1, FD2), &fl); END
BEGIN(fmin_s) wr_s(h, d->rd, f32_min(FS1, FS2, &fl), &fl); END
BEGIN(fmax_s) wr_s(h, d->rd, f32_max(FS1, FS2, &fl), &fl); END
BEGIN(fmin_d) wr_d(h, d->rd, f64_min(FD1, FD2, &fl), &fl); END
BEGIN(fmax_d) wr_d(h, d->rd, f64_max(FD1, FD2, &fl), &fl); END

/* ---- compare and classify (write x registers) ---- */

BEGIN(feq_s) wr_x(h, d->rd, f32_eq(FS1, FS2, &fl), &fl); END
BEGIN(flt_s) wr_x(h, d->rd, f32_lt(FS1, FS2, &fl), &fl); END
BEGIN(fle_s) wr_x(h, d->rd, f32_le(FS1, FS2, &fl), &fl); END
BEGIN(feq_d) wr_x(h, d->rd, f64_eq(FD1, FD2, &fl), &fl); END
BEGIN(flt_d) wr_x(h, d->rd, f64_lt(FD1, FD2, &fl), &fl); END
BEGIN(fle_d) wr_x(h, d->rd, f64_le(FD1, FD2, &fl), &fl); END
BEGIN(fclass_s) wr_x(h, d->rd, f32_class(FS1), &fl); END
BEGIN(fclass_d) wr_x(h, d->rd, f64_class(FD1), &fl); END

/* ---- conversions ---- */

BEGIN_RM(fcvt_w_s)  wr_x(h, d->rd, f32_to_i32(FS1, rm, &fl), &fl); END
BEGIN_RM(fcvt_wu_s) wr_x(h, d->rd, f32_to_u32(FS1, rm, &fl), &fl); END
BEGIN_RM(fcvt_l_s)  wr_x(h, d->rd, f32_to_i64(FS1, rm, &fl), &fl); END
BEGIN_RM(fcvt_lu_s) wr_x(h, d->rd, f32_to_u64(FS1, rm, &fl), &fl); END
BEGIN_RM(fcvt_w_d)  wr_x(h, d->rd, f64_to_i32(FD1, rm, &fl), &fl); END
BEGIN_RM(fcvt_wu_d) wr_x(h, d->rd, f64_to_u32(FD1, rm, &fl), &fl); END
BEGIN_RM(fcvt_l_d)  wr_x(h, d->rd, f64_to_i64(FD1, rm, &fl), &fl); END
BEGIN_RM(fcvt_lu_d) wr_x(h, d->rd, f64_to_u64(FD1, rm, &fl), &fl); END

BEGIN_RM(fcvt_s_w)  wr_s(h, d->rd, i32_to_f32((int32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_s_wu) wr_s(h, d->rd, u32_to_f32((uint32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_s_l)  wr_s(h, d->rd, i64_to_f32((int64_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_s_lu) wr_s(h, d->rd, u64_to_f32(h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_d_w)  wr_d(h, d->rd, i32_to_f64((int32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_d_wu) wr_d(h, d->rd, u32_to_f64((uint32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_d_l)  wr_d(h, d->rd, i64_to_f64((int64_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_d_lu) wr_d(h, d->rd, u64_to_f64(h->x[d->rs1], rm, &fl), &fl); END

BEGIN_RM(fcvt_s_d) wr_s(h, d->rd, f64_to_f32(FD1, rm, &fl), &fl); END
BEGIN_RM(fcvt_d_s) (void)rm; wr_d(h, d->rd, f32_to_f64(FS1, &fl), &fl); END

/* ---- moves: bit patterns, no NaN processing ---- */

/* fmv.x.w: the low 32 bits as they are (not unboxed), sign-extended */
BEGIN(fmv_x_w) wr_x(h, d->rd, (uint64_t)(int64_t)(int32_t)(uint32_t)h->f[d->rs1], &fl); END
BEGIN(fmv_w_x) wr_s(h, d->rd, (uint32_t)h->x[d->rs1], &fl); END
BEGIN(fmv_x_d) wr_x(h, d->rd, h->f[d->rs1], &fl); END
BEGIN(fmv_d_x) wr_d(h, d->rd, h->x[d->rs1], &fl); END

/* ---- Zfh, Zfhmin: half values NaN-boxed in the low 16 bits ---- */

void exec_flh(struct hart *h, const struct insn *d)
{
    uint64_t v;
    if (!fp_on(h, d) || !hart_load(h, h->x[d->rs1] + (uint64_t)d->imm, 2, &v))
        return;
    h->f[d->rd] = f16_box((uint16_t)v);
    hart_fp_dirty(h);
    HART_NEXT(h, d);
}

/* fsh stores the low 16 bits as they are, boxed or not */
void exec_fsh(struct hart *h, const struct insn *d)
{
    if (fp_on(h, d) && hart_store(h, h->x[d->rs1] + (uint64_t)d->imm, 2, (uint16_t)h->f[d->rs2]))
        HART_NEXT(h, d);
}

#define OP3_H(name, fn) BEGIN_RM(name) wr_h(h, d->rd, fn(FH1, FH2, FH3, rm, &fl), &fl); END
#define OP2_H(name, fn) BEGIN_RM(name) wr_h(h, d->rd, fn(FH1, FH2, rm, &fl), &fl); END
OP3_H(fmadd_h, f16_madd)
OP3_H(fmsub_h, f16_msub)
OP3_H(fnmsub_h, f16_nmsub)
OP3_H(fnmadd_h, f16_nmadd)
OP2_H(fadd_h, f16_add)
OP2_H(fsub_h, f16_sub)
OP2_H(fmul_h, f16_mul)
OP2_H(fdiv_h, f16_div)
BEGIN_RM(fsqrt_h) wr_h(h, d->rd, f16_sqrt(FH1, rm, &fl), &fl); END

BEGIN(fsgnj_h)  wr_h(h, d->rd, f16_sgnj(FH1, FH2), &fl); END
BEGIN(fsgnjn_h) wr_h(h, d->rd, f16_sgnjn(FH1, FH2), &fl); END
BEGIN(fsgnjx_h) wr_h(h, d->rd, f16_sgnjx(FH1, FH2), &fl); END
BEGIN(fmin_h) wr_h(h, d->rd, f16_min(FH1, FH2, &fl), &fl); END
BEGIN(fmax_h) wr_h(h, d->rd, f16_max(FH1, FH2, &fl), &fl); END
BEGIN(feq_h) wr_x(h, d->rd, f16_eq(FH1, FH2, &fl), &fl); END
BEGIN(flt_h) wr_x(h, d->rd, f16_lt(FH1, FH2, &fl), &fl); END
BEGIN(fle_h) wr_x(h, d->rd, f16_le(FH1, FH2, &fl), &fl); END
BEGIN(fclass_h) wr_x(h, d->rd, f16_class(FH1), &fl); END

BEGIN_RM(fcvt_w_h)  wr_x(h, d->rd, f16_to_i32(FH1, rm, &fl), &fl); END
BEGIN_RM(fcvt_wu_h) wr_x(h, d->rd, f16_to_u32(FH1, rm, &fl), &fl); END
BEGIN_RM(fcvt_l_h)  wr_x(h, d->rd, f16_to_i64(FH1, rm, &fl), &fl); END
BEGIN_RM(fcvt_lu_h) wr_x(h, d->rd, f16_to_u64(FH1, rm, &fl), &fl); END
BEGIN_RM(fcvt_h_w)  wr_h(h, d->rd, i32_to_f16((int32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_h_wu) wr_h(h, d->rd, u32_to_f16((uint32_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_h_l)  wr_h(h, d->rd, i64_to_f16((int64_t)h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_h_lu) wr_h(h, d->rd, u64_to_f16(h->x[d->rs1], rm, &fl), &fl); END
BEGIN_RM(fcvt_s_h) (void)rm; wr_s(h, d->rd, f16_to_f32(FH1, &fl), &fl); END
BEGIN_RM(fcvt_d_h) (void)rm; wr_d(h, d->rd, f16_to_f64(FH1, &fl), &fl); END
BEGIN_RM(fcvt_h_s) wr_h(h, d->rd, f32_to_f16(FS1, rm, &fl), &fl); END
BEGIN_RM(fcvt_h_d) wr_h(h, d->rd, f64_to_f16(FD1, rm, &fl), &fl); END

/* fmv.x.h: the low 16 bits as they are (not unboxed), sign-extended */
BEGIN(fmv_x_h) wr_x(h, d->rd, (uint64_t)(int64_t)(int16_t)(uint16_t)h->f[d->rs1], &fl); END
BEGIN(fmv_h_x) wr_h(h, d->rd, (uint16_t)h->x[d->rs1], &fl); END
