/* One instruction table (cpu/insns_*.def, X-macro rows) from which both the
 * decoder and the disassembler come.  A row is
 *
 *   INSN(name, mask, match, dec, dis, handler, ext)
 *
 * - mask/match: the instruction bits (16-bit rows for C, 32-bit otherwise);
 * - dec: how operands are extracted into struct insn (enum insn_dec);
 * - dis: how the disassembler prints them (enum insn_dis, plus register-class
 *   flags DIS_RD_F etc. for floating-point registers);
 * - handler: void exec_<x>(struct hart *, const struct insn *);
 * - ext: the extensions the instruction needs, all of them (EXT_* of
 *   isa.h: EXT_C | EXT_D for c.fld; EXT_X_ZBB_ZBKB for rol, which either
 *   Zbb or Zbkb provides).  A hart decodes a row only when it has them;
 *   otherwise the search goes on to the next matching row (prefetch.i is
 *   then the ori it is a hint of) or ends in an illegal instruction.  The
 *   set is fixed when the hart is made, so decoded blocks never hold a row
 *   the hart lacks.
 *
 * Compressed rows decode into the same normalised operands as their 32-bit
 * counterpart and share its handler (c.addi -> exec_addi). */
#ifndef PAGODA_DECODE_H
#define PAGODA_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "isa.h"

struct hart;
struct insn;
typedef void (*insn_fn)(struct hart *h, const struct insn *d);

/* Operand extraction. */
enum insn_dec {
    DEC_NONE,   /* no operands */
    DEC_R,      /* rd, rs1, rs2 (also rm in bits 14:12, aq/rl in 26:25) */
    DEC_R4,     /* rd, rs1, rs2, rs3 (bits 31:27), rm */
    DEC_I,      /* rd, rs1, imm[11:0] sign-extended */
    DEC_S,      /* rs1, rs2, store immediate */
    DEC_B,      /* rs1, rs2, branch offset */
    DEC_U,      /* rd, imm[31:12] << 12 sign-extended */
    DEC_J,      /* rd, jump offset */
    DEC_SH6,    /* rd, rs1, imm = shamt[5:0] */
    DEC_SH5,    /* rd, rs1, imm = shamt[4:0] */
    DEC_CSR,    /* rd, rs1 (or uimm in rs1 field), imm = csr number */
    DEC_FENCE,  /* imm = bits 31:20 (fm, pred, succ), rd, rs1 */
    DEC_RNUM,   /* rd, rs1, imm = rnum (bits 23:20, 0..10: aes64ks1i) */
    DEC_BS,     /* rd, rs1, rs2, imm = bs (bits 31:30: sm4ed, sm4ks) */
    /* compressed formats (RVC); field layouts from the unprivileged spec,
     * chapter "C" Standard Extension, tables of instruction formats */
    DEC_C_ADDI4SPN, DEC_C_LW, DEC_C_LD, DEC_C_SW, DEC_C_SD,
    DEC_C_ADDI, DEC_C_LI, DEC_C_ADDI16SP, DEC_C_LUI, DEC_C_SHIFT,
    DEC_C_ANDI, DEC_C_CA, DEC_C_J, DEC_C_BZ, DEC_C_SLLI,
    DEC_C_LWSP, DEC_C_LDSP, DEC_C_SWSP, DEC_C_SDSP,
    DEC_C_JR, DEC_C_MV, DEC_C_JALR, DEC_C_ADD, DEC_C_NONE,
    /* Zcb (Zc chapter): byte and halfword loads and stores (uimm[0|1] in
     * bits 6:5, uimm[1] in bit 5), and CU, the unary operations on rd' */
    DEC_C_LB, DEC_C_LH, DEC_C_SB, DEC_C_SH, DEC_C_CU,
    DEC_COUNT
};

/* Disassembly layout (low 8 bits) and register-class flags. */
enum insn_dis {
    DIS_NONE,     /* name */
    DIS_RRR,      /* name rd, rs1, rs2 */
    DIS_RR,       /* name rd, rs1 */
    DIS_RRI,      /* name rd, rs1, imm */
    DIS_LOAD,     /* name rd, imm(rs1) */
    DIS_STORE,    /* name rs2, imm(rs1) */
    DIS_BRANCH,   /* name rs1, rs2, pc+imm */
    DIS_UI,       /* name rd, imm>>12 (hex) */
    DIS_JAL,      /* name rd, pc+imm */
    DIS_CSR,      /* name rd, csr, rs1 */
    DIS_CSRI,     /* name rd, csr, uimm */
    DIS_AMO,      /* name rd, rs2, (rs1) */
    DIS_LR,       /* name rd, (rs1) */
    DIS_RRRR,     /* name rd, rs1, rs2, rs3 */
    DIS_FENCE,    /* name pred, succ */
    DIS_SFENCE,   /* name rs1, rs2 */
    DIS_R1,       /* name rs1 (c.jr) */
    DIS_ADDR,     /* name (rs1) (cbo.*) */
    DIS_MEM,      /* name imm(rs1) (prefetch.*) */
    DIS_RRRI,     /* name rd, rs1, rs2, imm (sm4ed) */
};
#define DIS_MASK 0xff
#define DIS_RD_F  0x100  /* rd is a floating-point register */
#define DIS_RS1_F 0x200
#define DIS_RS2_F 0x400
#define DIS_RS3_F 0x800
#define DIS_RM    0x1000 /* print the rounding mode when not dynamic */

struct insn_row {
    const char *name;
    uint32_t mask, match;
    uint8_t dec;
    uint16_t dis;
    insn_fn fn;
    uint64_t ext;      /* the extensions it needs (all of them) */
};

/* A decoded instruction: what the hart caches per physical address. */
struct insn {
    insn_fn fn;
    int64_t imm;
    uint32_t raw;      /* the instruction bits (16 or 32) */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;        /* bits 14:12 for FP rows */
    uint8_t len;       /* 2 or 4 */
    uint16_t row;      /* index into insn_table, for the disassembler */
    uint16_t pcoff;    /* offset in its 4 KiB page (set by the hart's block builder) */
    uint8_t misses;    /* a load or store: fast-path misses so far, modulo 256 (exec.c) */
};
_Static_assert(sizeof(struct insn) == 32, "a decoded instruction fills half a cache line");

extern const struct insn_row insn_table[];
extern const size_t insn_table_len;

/* Decode raw (low 16 bits used when compressed) for a hart with the
 * extensions ext (isa_effective's bits).  Returns 0 and fills *d, or -1 for
 * an illegal encoding (then d->fn = exec_illegal). */
int insn_decode_ext(uint32_t raw, uint64_t ext, struct insn *d);
/* insn_decode_ext with every extension Pagoda knows: what the disassembler
 * and the debugging tools use. */
int insn_decode(uint32_t raw, struct insn *d);

/* True when the instruction may change the pc, the privilege, the
 * translation or which interrupts are enabled, so that a decoded block must
 * end after it: branches, jumps, SYSTEM (ecall, xRET, wfi, CSR access,
 * sfence.vma) and MISC-MEM (fence, fence.i).  (An illegal encoding ends a
 * block too; the builder sees that from insn_decode.) */
bool insn_ends_block(uint32_t raw);

/* True when the instruction may write memory: stores (integer, FP,
 * compressed), AMOs and LR/SC, and MISC-MEM (fence.i asks for code written
 * before it to be seen; see the hart's code epoch). */
bool insn_writes_memory(uint32_t raw);

/* Disassemble into buf ("addi a0, a0, 1"); pc is used for branch targets. */
void insn_disasm(uint32_t raw, uint64_t pc, char *buf, size_t n);

const char *reg_name(unsigned r);
const char *freg_name(unsigned r);

#endif
