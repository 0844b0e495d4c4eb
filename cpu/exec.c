/* Instruction handlers for the integer ISA: RV64I, M, A, Zba, Zbb, Zbc, Zbs,
 * Zicond.  One small function per instruction, as the table names them.
 * Writes to x0 are discarded by the hart loop (it re-zeroes x0). */
#include <stdint.h>

#include "hart.h"

#define X(r) (h->x[(r)])
#define RS1 X(d->rs1)
#define RS2 X(d->rs2)
#define SRS1 ((int64_t)RS1)
#define SRS2 ((int64_t)RS2)
#define WR(v) (h->x[d->rd] = (uint64_t)(v))
#define SEXT32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))

#define OP(name, expr) \
    void exec_##name(struct hart *h, const struct insn *d) { WR(expr); HART_NEXT_PURE(h, d); }

/* RV64I */
OP(lui, d->imm)
OP(auipc, hart_pc(h, d) + (uint64_t)d->imm)
OP(addi, RS1 + (uint64_t)d->imm)
OP(slti, SRS1 < d->imm)
OP(sltiu, RS1 < (uint64_t)d->imm)
OP(xori, RS1 ^ (uint64_t)d->imm)
OP(ori, RS1 | (uint64_t)d->imm)
OP(andi, RS1 & (uint64_t)d->imm)
OP(slli, RS1 << d->imm)
OP(srli, RS1 >> d->imm)
OP(srai, (uint64_t)(SRS1 >> d->imm))
OP(add, RS1 + RS2)
OP(sub, RS1 - RS2)
OP(sll, RS1 << (RS2 & 63))
OP(slt, SRS1 < SRS2)
OP(sltu, RS1 < RS2)
OP(xor, RS1 ^ RS2)
OP(srl, RS1 >> (RS2 & 63))
OP(sra, (uint64_t)(SRS1 >> (RS2 & 63)))
OP(or, RS1 | RS2)
OP(and, RS1 & RS2)
OP(addiw, SEXT32(RS1 + (uint64_t)d->imm))
OP(slliw, SEXT32((uint32_t)RS1 << d->imm))
OP(srliw, SEXT32((uint32_t)RS1 >> d->imm))
OP(sraiw, (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> d->imm))
OP(addw, SEXT32(RS1 + RS2))
OP(subw, SEXT32(RS1 - RS2))
OP(sllw, SEXT32((uint32_t)RS1 << (RS2 & 31)))
OP(srlw, SEXT32((uint32_t)RS1 >> (RS2 & 31)))
OP(sraw, (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (RS2 & 31)))

/* Jumps: the link is the address of the next instruction (pc + 2 for
 * compressed forms).  With C, targets are never misaligned (bit 0 is
 * cleared by jalr, and offsets are even), so no misaligned-fetch trap. */
void exec_jal(struct hart *h, const struct insn *d)
{
    uint64_t pc = hart_pc(h, d);
    WR(pc + d->len);
    h->next_pc = pc + (uint64_t)d->imm;
}

void exec_jalr(struct hart *h, const struct insn *d)
{
    uint64_t target = (RS1 + (uint64_t)d->imm) & ~1ull; /* read rs1 before writing rd */
    WR(hart_pc(h, d) + d->len);
    h->next_pc = target;
}

#define BRANCH(name, cond) \
    void exec_##name(struct hart *h, const struct insn *d) { if (cond) h->next_pc = hart_pc(h, d) + (uint64_t)d->imm; }
BRANCH(beq, RS1 == RS2)
BRANCH(bne, RS1 != RS2)
BRANCH(blt, SRS1 < SRS2)
BRANCH(bge, SRS1 >= SRS2)
BRANCH(bltu, RS1 < RS2)
BRANCH(bgeu, RS1 >= RS2)

/* Loads and stores: exec_NAME tries the fast path (hart_mem_ptr) inline,
 * then NAME_slow (reached by a tail call, so that the fast path needs no
 * stack frame) the data path without calls (hart_miss_ptr), then NAME_rest
 * the rest.  An instruction whose fast path keeps missing (a pointer chase over
 * more pages than the L1D holds) is rewritten to start at NAME_slow after
 * its 16th miss; NAME_slow rewrites it back as soon as the L1D holds its
 * page (the fast path then does too), and NAME_rest does unless the data
 * path answered there without an L1D hit (after MMU_DATA_AGAIN: a walk of
 * two reads, a PMP region-cache miss), as NAME_slow would have.  Either
 * start gives the same result and the same effects on the TLBs: the data
 * path counts an L1D hit as the fast path does (mmu_data.h). */
#define QUICKEN(d, name) \
    do { \
        struct insn *q_ = (struct insn *)(uintptr_t)(d); \
        if (!(++q_->misses & 15)) q_->fn = name##_slow; \
    } while (0)
#define UNQUICKEN(d, name) (((struct insn *)(uintptr_t)(d))->fn = exec_##name)

#define LOAD(name, size, conv) \
    void exec_##name(struct hart *h, const struct insn *d); \
    static __attribute__((noinline)) void name##_rest(struct hart *h, const struct insn *d, const uint8_t *first) \
    { \
        bool data_path = false; \
        bool done = hart_access_rest(h, RS1 + (uint64_t)d->imm, size, MMU_LOAD, first, &h->slow_val, &data_path); \
        if (!data_path) UNQUICKEN(d, name); \
        if (!done) return; \
        uint64_t v = h->slow_val; \
        WR(conv); \
        HART_NEXT(h, d); \
    } \
    static __attribute__((noinline)) void name##_slow(struct hart *h, const struct insn *d) \
    { \
        bool l1_hit = false; \
        const uint8_t *p = hart_miss_ptr(h, RS1 + (uint64_t)d->imm, size, MMU_LOAD, &l1_hit); \
        if (__builtin_expect((uintptr_t)p <= (uintptr_t)MMU_DATA_AGAIN, 0)) { \
            name##_rest(h, d, p); \
            return; \
        } \
        uint64_t v = phys_read_host(p, size); \
        WR(conv); \
        if (l1_hit) UNQUICKEN(d, name); \
        HART_NEXT(h, d); \
    } \
    void exec_##name(struct hart *h, const struct insn *d) \
    { \
        const uint8_t *p = hart_mem_ptr(h, RS1 + (uint64_t)d->imm, size, MMU_LOAD); \
        if (__builtin_expect(p == NULL, 0)) { \
            QUICKEN(d, name); \
            name##_slow(h, d); \
            return; \
        } \
        uint64_t v = phys_read_host(p, size); \
        WR(conv); \
        HART_NEXT(h, d); \
    }
LOAD(lb, 1, (uint64_t)(int64_t)(int8_t)v)
LOAD(lh, 2, (uint64_t)(int64_t)(int16_t)v)
LOAD(lw, 4, (uint64_t)(int64_t)(int32_t)v)
LOAD(ld, 8, v)
LOAD(lbu, 1, v)
LOAD(lhu, 2, v)
LOAD(lwu, 4, v)

#define STORE(name, size) \
    void exec_##name(struct hart *h, const struct insn *d); \
    static __attribute__((noinline)) void name##_rest(struct hart *h, const struct insn *d, const uint8_t *first) \
    { \
        uint64_t v = RS2; \
        bool data_path = false; \
        bool done = hart_access_rest(h, RS1 + (uint64_t)d->imm, size, MMU_STORE, first, &v, &data_path); \
        if (!data_path) UNQUICKEN(d, name); \
        if (!done) return; \
        HART_NEXT(h, d); \
    } \
    static __attribute__((noinline)) void name##_slow(struct hart *h, const struct insn *d) \
    { \
        bool l1_hit = false; \
        uint8_t *p = hart_miss_ptr(h, RS1 + (uint64_t)d->imm, size, MMU_STORE, &l1_hit); \
        if (__builtin_expect((uintptr_t)p <= (uintptr_t)MMU_DATA_AGAIN, 0)) { \
            name##_rest(h, d, p); \
            return; \
        } \
        phys_write_host(p, size, RS2); \
        if (l1_hit) UNQUICKEN(d, name); \
        HART_NEXT(h, d); \
    } \
    void exec_##name(struct hart *h, const struct insn *d) \
    { \
        uint8_t *p = hart_mem_ptr(h, RS1 + (uint64_t)d->imm, size, MMU_STORE); \
        if (__builtin_expect(p == NULL, 0)) { \
            QUICKEN(d, name); \
            name##_slow(h, d); \
            return; \
        } \
        phys_write_host(p, size, RS2); \
        HART_NEXT(h, d); \
    }
STORE(sb, 1)
STORE(sh, 2)
STORE(sw, 4)
STORE(sd, 8)

/* M.  Division by zero and overflow give the results of the unprivileged
 * spec's table "Semantics for division by zero and division overflow"; no
 * exception is raised. */
static uint64_t mulhu64(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) >> 64); }
static uint64_t mulh64(int64_t a, int64_t b) { return (uint64_t)(((__int128)a * b) >> 64); }
static uint64_t mulhsu64(int64_t a, uint64_t b) { return (uint64_t)(((__int128)a * (__int128)(unsigned __int128)b) >> 64); }

static uint64_t div64(int64_t a, int64_t b)
{
    if (b == 0) return UINT64_MAX;
    if (a == INT64_MIN && b == -1) return (uint64_t)a;
    return (uint64_t)(a / b);
}
static uint64_t rem64(int64_t a, int64_t b)
{
    if (b == 0) return (uint64_t)a;
    if (a == INT64_MIN && b == -1) return 0;
    return (uint64_t)(a % b);
}
static int32_t div32(int32_t a, int32_t b)
{
    if (b == 0) return -1;
    if (a == INT32_MIN && b == -1) return a;
    return a / b;
}
static int32_t rem32(int32_t a, int32_t b)
{
    if (b == 0) return a;
    if (a == INT32_MIN && b == -1) return 0;
    return a % b;
}

OP(mul, RS1 * RS2)
OP(mulh, mulh64(SRS1, SRS2))
OP(mulhsu, mulhsu64(SRS1, RS2))
OP(mulhu, mulhu64(RS1, RS2))
OP(div, div64(SRS1, SRS2))
OP(divu, RS2 == 0 ? UINT64_MAX : RS1 / RS2)
OP(rem, rem64(SRS1, SRS2))
OP(remu, RS2 == 0 ? RS1 : RS1 % RS2)
OP(mulw, SEXT32((uint32_t)RS1 * (uint32_t)RS2))
OP(divw, (uint64_t)(int64_t)div32((int32_t)RS1, (int32_t)RS2))
OP(divuw, SEXT32((uint32_t)RS2 == 0 ? UINT32_MAX : (uint32_t)RS1 / (uint32_t)RS2))
OP(remw, (uint64_t)(int64_t)rem32((int32_t)RS1, (int32_t)RS2))
OP(remuw, SEXT32((uint32_t)RS2 == 0 ? (uint32_t)RS1 : (uint32_t)RS1 % (uint32_t)RS2))

/* A.  Harts run one at a time on one host thread, so an AMO's read-modify-
 * write is atomic with respect to other harts by construction.  LR/SC:
 * the reservation is a physical address.  Another hart can only store while
 * this one is switched out, and the scheduler clears every reservation at a
 * switch, so an SC never succeeds across another hart's store (it may fail
 * spuriously once, which the spec allows; constrained LR/SC loops still make
 * progress because a quantum is far longer than 16 instructions). */
void exec_lr_w(struct hart *h, const struct insn *d);
void exec_lr_d(struct hart *h, const struct insn *d);

static void do_lr(struct hart *h, const struct insn *d, unsigned size)
{
    uint64_t pa, v;
    if (!hart_amo_translate(h, RS1, size, true, &pa)) return;
    if (!phys_load(h->pm, pa, size, &v)) { hart_raise(h, EXC_LOAD_ACCESS, RS1); return; }
    h->resv_addr = pa;
    h->resv_valid = true;
    WR(size == 4 ? SEXT32(v) : v);
}

static void do_sc(struct hart *h, const struct insn *d, unsigned size)
{
    uint64_t pa;
    if (!hart_amo_translate(h, RS1, size, false, &pa)) return;
    /* SC succeeds only with a valid reservation for this address; either
     * way the reservation is released (unprivileged spec, "Load-Reserved/
     * Store-Conditional Instructions"). */
    bool ok = h->resv_valid && h->resv_addr == pa;
    h->resv_valid = false;
    if (ok) {
        if (!phys_store(h->pm, pa, size, RS2)) { hart_raise(h, EXC_STORE_ACCESS, RS1); return; }
    }
    WR(ok ? 0 : 1);
}

void exec_lr_w(struct hart *h, const struct insn *d) { do_lr(h, d, 4); HART_NEXT(h, d); }
void exec_lr_d(struct hart *h, const struct insn *d) { do_lr(h, d, 8); HART_NEXT(h, d); }
void exec_sc_w(struct hart *h, const struct insn *d) { do_sc(h, d, 4); HART_NEXT(h, d); }
void exec_sc_d(struct hart *h, const struct insn *d) { do_sc(h, d, 8); HART_NEXT(h, d); }

enum amo_op { AMO_SWAP, AMO_ADD, AMO_XOR, AMO_AND, AMO_OR, AMO_MIN, AMO_MAX, AMO_MINU, AMO_MAXU };

static void do_amo(struct hart *h, const struct insn *d, unsigned size, enum amo_op op)
{
    uint64_t pa, old;
    if (!hart_amo_translate(h, RS1, size, false, &pa)) return;
    if (!phys_load(h->pm, pa, size, &old)) { hart_raise(h, EXC_STORE_ACCESS, RS1); return; }
    uint64_t a = size == 4 ? SEXT32(old) : old, b = size == 4 ? SEXT32(RS2) : RS2, r;
    switch (op) {
    case AMO_SWAP: r = b; break;
    case AMO_ADD: r = a + b; break;
    case AMO_XOR: r = a ^ b; break;
    case AMO_AND: r = a & b; break;
    case AMO_OR: r = a | b; break;
    case AMO_MIN: r = (int64_t)a < (int64_t)b ? a : b; break;
    case AMO_MAX: r = (int64_t)a > (int64_t)b ? a : b; break;
    case AMO_MINU:
        if (size == 4) r = (uint32_t)a < (uint32_t)b ? a : b;
        else r = a < b ? a : b;
        break;
    default:
        if (size == 4) r = (uint32_t)a > (uint32_t)b ? a : b;
        else r = a > b ? a : b;
        break;
    }
    if (!phys_store(h->pm, pa, size, r)) { hart_raise(h, EXC_STORE_ACCESS, RS1); return; }
    WR(a);
}

#define AMO(name, op) \
    void exec_##name##_w(struct hart *h, const struct insn *d) { do_amo(h, d, 4, op); HART_NEXT(h, d); } \
    void exec_##name##_d(struct hart *h, const struct insn *d) { do_amo(h, d, 8, op); HART_NEXT(h, d); }
AMO(amoswap, AMO_SWAP)
AMO(amoadd, AMO_ADD)
AMO(amoxor, AMO_XOR)
AMO(amoand, AMO_AND)
AMO(amoor, AMO_OR)
AMO(amomin, AMO_MIN)
AMO(amomax, AMO_MAX)
AMO(amominu, AMO_MINU)
AMO(amomaxu, AMO_MAXU)

/* Zba */
OP(sh1add, (RS1 << 1) + RS2)
OP(sh2add, (RS1 << 2) + RS2)
OP(sh3add, (RS1 << 3) + RS2)
OP(add_uw, (RS1 & 0xffffffffull) + RS2)
OP(sh1add_uw, ((RS1 & 0xffffffffull) << 1) + RS2)
OP(sh2add_uw, ((RS1 & 0xffffffffull) << 2) + RS2)
OP(sh3add_uw, ((RS1 & 0xffffffffull) << 3) + RS2)
OP(slli_uw, (RS1 & 0xffffffffull) << d->imm)

/* Zbb */
static uint64_t rol64(uint64_t x, unsigned s) { s &= 63; return s ? (x << s) | (x >> (64 - s)) : x; }
static uint64_t ror64(uint64_t x, unsigned s) { s &= 63; return s ? (x >> s) | (x << (64 - s)) : x; }
static uint32_t rol32(uint32_t x, unsigned s) { s &= 31; return s ? (x << s) | (x >> (32 - s)) : x; }
static uint32_t ror32(uint32_t x, unsigned s) { s &= 31; return s ? (x >> s) | (x << (32 - s)) : x; }
static uint64_t orc_b(uint64_t x)
{
    uint64_t r = 0;
    for (int i = 0; i < 8; i++)
        if ((x >> (8 * i)) & 0xff) r |= 0xffull << (8 * i);
    return r;
}

OP(andn, RS1 & ~RS2)
OP(orn, RS1 | ~RS2)
OP(xnor, ~(RS1 ^ RS2))
OP(clz, RS1 ? (uint64_t)__builtin_clzll(RS1) : 64)
OP(ctz, RS1 ? (uint64_t)__builtin_ctzll(RS1) : 64)
OP(cpop, (uint64_t)__builtin_popcountll(RS1))
OP(clzw, (uint32_t)RS1 ? (uint64_t)__builtin_clz((uint32_t)RS1) : 32)
OP(ctzw, (uint32_t)RS1 ? (uint64_t)__builtin_ctz((uint32_t)RS1) : 32)
OP(cpopw, (uint64_t)__builtin_popcount((uint32_t)RS1))
OP(sext_b, (uint64_t)(int64_t)(int8_t)RS1)
OP(sext_h, (uint64_t)(int64_t)(int16_t)RS1)
OP(zext_h, RS1 & 0xffff)
OP(max, SRS1 > SRS2 ? RS1 : RS2)
OP(maxu, RS1 > RS2 ? RS1 : RS2)
OP(min, SRS1 < SRS2 ? RS1 : RS2)
OP(minu, RS1 < RS2 ? RS1 : RS2)
OP(rol, rol64(RS1, (unsigned)RS2))
OP(ror, ror64(RS1, (unsigned)RS2))
OP(rori, ror64(RS1, (unsigned)d->imm))
OP(rolw, SEXT32(rol32((uint32_t)RS1, (unsigned)RS2)))
OP(rorw, SEXT32(ror32((uint32_t)RS1, (unsigned)RS2)))
OP(roriw, SEXT32(ror32((uint32_t)RS1, (unsigned)d->imm)))
OP(orc_b, orc_b(RS1))
OP(rev8, __builtin_bswap64(RS1))

/* Zbc: carry-less multiply, low, high and reversed halves */
static uint64_t clmul_lo(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++)
        if ((b >> i) & 1) r ^= a << i;
    return r;
}
static uint64_t clmul_hi(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 1; i < 64; i++)
        if ((b >> i) & 1) r ^= a >> (64 - i);
    return r;
}
static uint64_t clmul_rev(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++)
        if ((b >> i) & 1) r ^= a >> (63 - i);
    return r;
}
OP(clmul, clmul_lo(RS1, RS2))
OP(clmulh, clmul_hi(RS1, RS2))
OP(clmulr, clmul_rev(RS1, RS2))

/* Zbs */
OP(bclr, RS1 & ~(1ull << (RS2 & 63)))
OP(bclri, RS1 & ~(1ull << d->imm))
OP(bext, (RS1 >> (RS2 & 63)) & 1)
OP(bexti, (RS1 >> d->imm) & 1)
OP(binv, RS1 ^ (1ull << (RS2 & 63)))
OP(binvi, RS1 ^ (1ull << d->imm))
OP(bset, RS1 | (1ull << (RS2 & 63)))
OP(bseti, RS1 | (1ull << d->imm))

/* Zicond */
OP(czero_eqz, RS2 == 0 ? 0 : RS1)
OP(czero_nez, RS2 != 0 ? 0 : RS1)
