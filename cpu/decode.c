/* Decoder and disassembler, both driven by the one instruction table. */
#include "decode.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hart.h"

/* handler prototypes, from the same rows */
#define INSN(name, mask, match, dec, dis, fn, ext) void fn(struct hart *, const struct insn *);
#include "insns_base.def"
#include "insns_k.def"
#if __has_include("insns_fd.def")
#include "insns_fd.def"
#endif
#undef INSN
void exec_illegal(struct hart *, const struct insn *);

const struct insn_row insn_table[] = {
#define INSN(name, mask, match, dec, dis, fn, ext) {name, mask, match, dec, dis, fn, ext},
#include "insns_base.def"
#include "insns_k.def"
#if __has_include("insns_fd.def")
#include "insns_fd.def"
#endif
#undef INSN
};
const size_t insn_table_len = sizeof insn_table / sizeof insn_table[0];

/* Buckets: 32-bit instructions by opcode bits 6:2 (32 buckets), compressed by
 * quadrant and funct3 (24 buckets).  Each holds table indices in table order. */
#define NBUCKET (32 + 24)
#define BUCKET_MAX 96
static uint16_t bucket[NBUCKET][BUCKET_MAX];
static uint8_t bucket_len[NBUCKET];
static bool buckets_ready;

static unsigned bucket_of(uint32_t raw)
{
    if ((raw & 3) == 3) return (raw >> 2) & 31;
    return 32 + (raw & 3) * 8 + ((raw >> 13) & 7);
}

static void build_buckets(void)
{
    for (size_t i = 0; i < insn_table_len; i++) {
        const struct insn_row *r = &insn_table[i];
        bool compressed = (r->match & 3) != 3;
        for (unsigned b = 0; b < NBUCKET; b++) {
            /* a row belongs to bucket b if some encoding in b can match it */
            uint32_t bits, bmask;
            if (b < 32) {
                if (compressed) continue;
                bits = (b << 2) | 3; bmask = 0x7f;
            } else {
                if (!compressed) continue;
                unsigned q = (b - 32) / 8, f3 = (b - 32) % 8;
                if (q == 3) continue;
                bits = q | (f3 << 13); bmask = 0xe003;
            }
            uint32_t common = r->mask & bmask;
            if ((r->match & common) != (bits & common)) continue;
            if (bucket_len[b] < BUCKET_MAX) bucket[b][bucket_len[b]++] = (uint16_t)i;
        }
    }
    buckets_ready = true;
}

static inline uint32_t bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & ((1u << (hi - lo + 1)) - 1);
}
static inline int64_t sext(uint64_t x, unsigned width)
{
    return (int64_t)(x << (64 - width)) >> (64 - width);
}

/* Fill operands for one row; returns false for a reserved encoding of an
 * otherwise matching compressed row (unprivileged spec, "C" chapter:
 * e.g. c.addi4spn with nzuimm = 0, c.lwsp with rd = 0). */
static bool extract(uint32_t raw, unsigned dec, struct insn *d)
{
    uint32_t r = raw;
    d->rd = bits(r, 11, 7); d->rs1 = bits(r, 19, 15); d->rs2 = bits(r, 24, 20);
    d->rs3 = bits(r, 31, 27); d->rm = bits(r, 14, 12); d->imm = 0;
    unsigned rdp = 8 + bits(r, 4, 2), rs1p = 8 + bits(r, 9, 7);
    switch (dec) {
    case DEC_NONE: case DEC_R: case DEC_R4: break;
    case DEC_I: d->imm = sext(bits(r, 31, 20), 12); break;
    case DEC_S: d->imm = sext((bits(r, 31, 25) << 5) | bits(r, 11, 7), 12); break;
    case DEC_B:
        d->imm = sext((bits(r, 31, 31) << 12) | (bits(r, 7, 7) << 11) | (bits(r, 30, 25) << 5) |
                      (bits(r, 11, 8) << 1), 13);
        break;
    case DEC_U: d->imm = sext(r & 0xfffff000u, 32); break;
    case DEC_J:
        d->imm = sext((bits(r, 31, 31) << 20) | (bits(r, 19, 12) << 12) | (bits(r, 20, 20) << 11) |
                      (bits(r, 30, 21) << 1), 21);
        break;
    case DEC_SH6: d->imm = bits(r, 25, 20); break;
    case DEC_SH5: d->imm = bits(r, 24, 20); break;
    case DEC_CSR: d->imm = bits(r, 31, 20); break;
    case DEC_FENCE: d->imm = bits(r, 31, 20); break;
    case DEC_RNUM: /* aes64ks1i: rnum 0xb..0xf are reserved */
        d->imm = bits(r, 23, 20);
        return d->imm <= 10;
    case DEC_BS: d->imm = bits(r, 31, 30); break;
    /* compressed: rd/rs1/rs2 normalised to the 32-bit instruction's fields */
    case DEC_C_ADDI4SPN:
        d->rd = rdp; d->rs1 = 2;
        d->imm = (bits(r, 12, 11) << 4) | (bits(r, 10, 7) << 6) | (bits(r, 6, 6) << 2) | (bits(r, 5, 5) << 3);
        return d->imm != 0;
    case DEC_C_LW:
        d->rd = rdp; d->rs1 = rs1p;
        d->imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 6) << 2) | (bits(r, 5, 5) << 6);
        break;
    case DEC_C_LD:
        d->rd = rdp; d->rs1 = rs1p;
        d->imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 5) << 6);
        break;
    case DEC_C_SW:
        d->rs2 = rdp; d->rs1 = rs1p; d->rd = 0;
        d->imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 6) << 2) | (bits(r, 5, 5) << 6);
        break;
    case DEC_C_SD:
        d->rs2 = rdp; d->rs1 = rs1p; d->rd = 0;
        d->imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 5) << 6);
        break;
    case DEC_C_ADDI: /* c.addi, c.addiw (rd = 0 reserved for c.addiw) */
        d->rs1 = d->rd;
        d->imm = sext((bits(r, 12, 12) << 5) | bits(r, 6, 2), 6);
        if ((r & 0xe003) == 0x2001 && d->rd == 0) return false;
        break;
    case DEC_C_LI:
        d->rs1 = 0;
        d->imm = sext((bits(r, 12, 12) << 5) | bits(r, 6, 2), 6);
        break;
    case DEC_C_ADDI16SP:
        d->rd = d->rs1 = 2;
        d->imm = sext((bits(r, 12, 12) << 9) | (bits(r, 6, 6) << 4) | (bits(r, 5, 5) << 6) |
                      (bits(r, 4, 3) << 7) | (bits(r, 2, 2) << 5), 10);
        return d->imm != 0;
    case DEC_C_LUI:
        d->imm = sext((bits(r, 12, 12) << 17) | (bits(r, 6, 2) << 12), 18);
        return d->imm != 0;
    case DEC_C_SHIFT:
        d->rd = d->rs1 = rs1p;
        d->imm = (bits(r, 12, 12) << 5) | bits(r, 6, 2);
        break;
    case DEC_C_ANDI:
        d->rd = d->rs1 = rs1p;
        d->imm = sext((bits(r, 12, 12) << 5) | bits(r, 6, 2), 6);
        break;
    case DEC_C_CA:
        d->rd = d->rs1 = rs1p; d->rs2 = rdp;
        break;
    case DEC_C_J:
        d->rd = 0;
        d->imm = sext((bits(r, 12, 12) << 11) | (bits(r, 11, 11) << 4) | (bits(r, 10, 9) << 8) |
                      (bits(r, 8, 8) << 10) | (bits(r, 7, 7) << 6) | (bits(r, 6, 6) << 7) |
                      (bits(r, 5, 3) << 1) | (bits(r, 2, 2) << 5), 12);
        break;
    case DEC_C_BZ:
        d->rs1 = rs1p; d->rs2 = 0; d->rd = 0;
        d->imm = sext((bits(r, 12, 12) << 8) | (bits(r, 11, 10) << 3) | (bits(r, 6, 5) << 6) |
                      (bits(r, 4, 3) << 1) | (bits(r, 2, 2) << 5), 9);
        break;
    case DEC_C_SLLI:
        d->rs1 = d->rd;
        d->imm = (bits(r, 12, 12) << 5) | bits(r, 6, 2);
        break;
    case DEC_C_LWSP:
        d->rs1 = 2;
        d->imm = (bits(r, 12, 12) << 5) | (bits(r, 6, 4) << 2) | (bits(r, 3, 2) << 6);
        return d->rd != 0;
    case DEC_C_LDSP: /* also c.fldsp, where rd = f0 is allowed */
        d->rs1 = 2;
        d->imm = (bits(r, 12, 12) << 5) | (bits(r, 6, 5) << 3) | (bits(r, 4, 2) << 6);
        return d->rd != 0 || (r & 0xe003) == 0x2002;
    case DEC_C_SWSP:
        d->rs1 = 2; d->rs2 = bits(r, 6, 2); d->rd = 0;
        d->imm = (bits(r, 12, 9) << 2) | (bits(r, 8, 7) << 6);
        break;
    case DEC_C_SDSP:
        d->rs1 = 2; d->rs2 = bits(r, 6, 2); d->rd = 0;
        d->imm = (bits(r, 12, 10) << 3) | (bits(r, 9, 7) << 6);
        break;
    case DEC_C_JR:
        d->rs1 = d->rd; d->rd = 0; d->imm = 0;
        return d->rs1 != 0;
    case DEC_C_JALR:
        d->rs1 = d->rd; d->rd = 1; d->imm = 0;
        return d->rs1 != 0;
    case DEC_C_MV:
        d->rs1 = 0; d->rs2 = bits(r, 6, 2);
        break;
    case DEC_C_ADD:
        d->rs1 = d->rd; d->rs2 = bits(r, 6, 2);
        break;
    case DEC_C_NONE: break;
    case DEC_C_LB: case DEC_C_SB:
        if (dec == DEC_C_LB) d->rd = rdp; else { d->rs2 = rdp; d->rd = 0; }
        d->rs1 = rs1p;
        d->imm = (bits(r, 5, 5) << 1) | bits(r, 6, 6);
        break;
    case DEC_C_LH: case DEC_C_SH:
        if (dec == DEC_C_LH) d->rd = rdp; else { d->rs2 = rdp; d->rd = 0; }
        d->rs1 = rs1p;
        d->imm = bits(r, 5, 5) << 1;
        break;
    case DEC_C_CU: /* c.zext.b is andi rd, rd, 255 and c.not xori rd, rd, -1;
                    * the others ignore imm (c.zext.w: add.uw rd, rd, x0) */
        d->rd = d->rs1 = rs1p; d->rs2 = 0;
        d->imm = bits(r, 4, 2) == 0 ? 0xff : -1;
        break;
    default: return false;
    }
    return true;
}

int insn_decode_ext(uint32_t raw, uint64_t ext, struct insn *d)
{
    if (!buckets_ready) build_buckets();
    bool compressed = (raw & 3) != 3;
    if (compressed) raw &= 0xffff;
    d->raw = raw;
    d->len = compressed ? 2 : 4;
    d->misses = 0;
    unsigned b = bucket_of(raw);
    for (unsigned k = 0; k < bucket_len[b]; k++) {
        const struct insn_row *r = &insn_table[bucket[b][k]];
        if ((raw & r->mask) != r->match || (r->ext & ~ext)) continue;
        if (!extract(raw, r->dec, d)) break;
        d->fn = r->fn;
        d->row = bucket[b][k];
        return 0;
    }
    d->fn = exec_illegal;
    d->row = UINT16_MAX;
    d->rd = d->rs1 = d->rs2 = d->rs3 = d->rm = 0;
    d->imm = 0;
    return -1;
}

int insn_decode(uint32_t raw, struct insn *d) { return insn_decode_ext(raw, ~0ull, d); }

/* Opcodes from the unprivileged spec's base opcode map (chapter "RV32/64G
 * Instruction Set Listings") and the RVC quadrant tables ("C" chapter). */
bool insn_ends_block(uint32_t raw)
{
    if ((raw & 3) == 3) {
        switch (raw & 0x7f) {
        case 0x63: /* BRANCH */
        case 0x67: /* JALR */
        case 0x6f: /* JAL */
        case 0x73: /* SYSTEM */
        case 0x0f: /* MISC-MEM */
            return true;
        default: break;
        }
    } else {
        unsigned quadrant = raw & 3, funct3 = (raw >> 13) & 7;
        /* quadrant 1: c.j (101), c.beqz (110), c.bnez (111) */
        if (quadrant == 1 && funct3 >= 5) return true;
        /* quadrant 2, funct3 100 with rs2 = 0: c.jr, c.jalr, c.ebreak */
        if (quadrant == 2 && funct3 == 4 && ((raw >> 2) & 31) == 0) return true;
    }
    return false;
}

bool insn_writes_memory(uint32_t raw)
{
    if ((raw & 3) == 3) {
        switch (raw & 0x7f) {
        case 0x23: /* STORE */
        case 0x27: /* STORE-FP */
        case 0x2f: /* AMO */
        case 0x0f: /* MISC-MEM */
            return true;
        case 0x73: /* SYSTEM: the H extension's hsv.b/h/w/d (funct3 100, funct7 0110001..0110111 odd) */
            return ((raw >> 12) & 7) == 4 && ((raw >> 25) & 0x79) == 0x31;
        default: return false;
        }
    }
    /* quadrants 0 and 2, funct3 101..111: c.fsd c.sw c.sd, c.fsdsp c.swsp
     * c.sdsp; quadrant 0, funct3 100 with bit 11 set: Zcb's c.sb, c.sh */
    unsigned quadrant = raw & 3, funct3 = (raw >> 13) & 7;
    return (quadrant != 1 && funct3 >= 5) || (quadrant == 0 && funct3 == 4 && ((raw >> 11) & 1));
}

static const char *const xnames[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const fnames[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

const char *reg_name(unsigned r) { return xnames[r & 31]; }
const char *freg_name(unsigned r) { return fnames[r & 31]; }

static const char *const rm_names[8] = {"rne", "rtz", "rdn", "rup", "rmm", "rm5", "rm6", "dyn"};

void insn_disasm(uint32_t raw, uint64_t pc, char *buf, size_t n)
{
    struct insn d;
    if (insn_decode(raw, &d) < 0) {
        snprintf(buf, n, "unknown (0x%0*" PRIx32 ")", (raw & 3) == 3 ? 8 : 4, d.raw);
        return;
    }
    const struct insn_row *r = &insn_table[d.row];
    unsigned dis = r->dis;
    const char *rd = (dis & DIS_RD_F) ? fnames[d.rd] : xnames[d.rd];
    const char *rs1 = (dis & DIS_RS1_F) ? fnames[d.rs1] : xnames[d.rs1];
    const char *rs2 = (dis & DIS_RS2_F) ? fnames[d.rs2] : xnames[d.rs2];
    const char *rs3 = (dis & DIS_RS3_F) ? fnames[d.rs3] : xnames[d.rs3];
    int k;
    switch (dis & DIS_MASK) {
    case DIS_RRR: k = snprintf(buf, n, "%s %s, %s, %s", r->name, rd, rs1, rs2); break;
    case DIS_RR: k = snprintf(buf, n, "%s %s, %s", r->name, rd, rs1); break;
    case DIS_RRI: k = snprintf(buf, n, "%s %s, %s, %" PRId64, r->name, rd, rs1, d.imm); break;
    case DIS_RRRI: k = snprintf(buf, n, "%s %s, %s, %s, %" PRId64, r->name, rd, rs1, rs2, d.imm); break;
    case DIS_LOAD: k = snprintf(buf, n, "%s %s, %" PRId64 "(%s)", r->name, rd, d.imm, rs1); break;
    case DIS_STORE: k = snprintf(buf, n, "%s %s, %" PRId64 "(%s)", r->name, rs2, d.imm, rs1); break;
    case DIS_BRANCH:
        k = snprintf(buf, n, "%s %s, %s, 0x%" PRIx64, r->name, rs1, rs2, pc + (uint64_t)d.imm);
        break;
    case DIS_UI:
        k = snprintf(buf, n, "%s %s, 0x%" PRIx64, r->name, rd, ((uint64_t)d.imm >> 12) & 0xfffff);
        break;
    case DIS_JAL: k = snprintf(buf, n, "%s %s, 0x%" PRIx64, r->name, rd, pc + (uint64_t)d.imm); break;
    case DIS_CSR: k = snprintf(buf, n, "%s %s, 0x%03" PRIx64 ", %s", r->name, rd, d.imm, rs1); break;
    case DIS_CSRI: k = snprintf(buf, n, "%s %s, 0x%03" PRIx64 ", %u", r->name, rd, d.imm, d.rs1); break;
    case DIS_AMO: k = snprintf(buf, n, "%s %s, %s, (%s)", r->name, rd, rs2, rs1); break;
    case DIS_LR: k = snprintf(buf, n, "%s %s, (%s)", r->name, rd, rs1); break;
    case DIS_RRRR: k = snprintf(buf, n, "%s %s, %s, %s, %s", r->name, rd, rs1, rs2, rs3); break;
    case DIS_FENCE: {
        static const char io[4] = {'w', 'r', 'o', 'i'};
        char pred[5] = "", succ[5] = "";
        int pi = 0, si = 0;
        for (int b = 3; b >= 0; b--) {
            if ((d.imm >> (4 + b)) & 1) pred[pi++] = io[b];
            if ((d.imm >> b) & 1) succ[si++] = io[b];
        }
        k = snprintf(buf, n, "%s %s, %s", r->name, pi ? pred : "0", si ? succ : "0");
        break;
    }
    case DIS_SFENCE: k = snprintf(buf, n, "%s %s, %s", r->name, rs1, rs2); break;
    case DIS_R1: k = snprintf(buf, n, "%s %s", r->name, rs1); break;
    case DIS_ADDR: k = snprintf(buf, n, "%s (%s)", r->name, rs1); break;
    case DIS_MEM: k = snprintf(buf, n, "%s %" PRId64 "(%s)", r->name, d.imm, rs1); break;
    default: k = snprintf(buf, n, "%s", r->name); break;
    }
    if ((dis & DIS_RM) && d.rm != RM_DYN && k > 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, ", %s", rm_names[d.rm]);
}
