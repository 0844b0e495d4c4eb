/* See insn_access.h.  Encodings: unprivileged spec, chapters "RV32/64G
 * Instruction Set Listings" (LOAD 0x03, LOAD-FP 0x07, STORE 0x23,
 * STORE-FP 0x27, AMO 0x2f with width in funct3), "C" and "Zc" (the
 * compressed loads and stores decode to DEC_C_* with normalised operands),
 * "Zicbom/Zicboz" (cbo.zero: MISC-MEM, funct3 010, imm 4; it stores zeros
 * over the block that holds x[rs1]). */
#include "insn_access.h"

#include <string.h>

bool insn_access_of(uint32_t raw, const struct insn *d, const uint64_t x[32], struct insn_access *a)
{
    memset(a, 0, sizeof *a);
    if (d->row >= insn_table_len) return false; /* an illegal encoding */
    if ((raw & 0xfff07fff) == 0x0040200f) { /* cbo.zero */
        a->writes = true;
        a->size = INSN_ACCESS_BLOCK;
        a->addr = x[d->rs1] & ~(uint64_t)(INSN_ACCESS_BLOCK - 1);
        return true;
    }
    if ((raw & 3) == 3) {
        unsigned op = raw & 0x7f, f3 = (raw >> 12) & 7;
        if (op == 0x03 || op == 0x07) {
            a->reads = true;
        } else if (op == 0x23 || op == 0x27) {
            a->writes = true;
            a->fp_data = op == 0x27;
        } else if (op == 0x2f) {
            unsigned f5 = (raw >> 27) & 0x1f;
            a->lr = f5 == 2;
            a->sc = f5 == 3;
            a->amo = !a->lr && !a->sc;
            a->reads = !a->sc;
            a->writes = !a->lr;
        } else {
            return false;
        }
        a->size = 1u << (f3 & 3);
        a->addr = x[d->rs1] + (op == 0x2f ? 0 : (uint64_t)d->imm);
    } else {
        switch (insn_table[d->row].dec) {
        case DEC_C_LB: a->reads = true; a->size = 1; break;                   /* c.lbu */
        case DEC_C_LH: a->reads = true; a->size = 2; break;                   /* c.lh, c.lhu */
        case DEC_C_SB: a->writes = true; a->size = 1; break;
        case DEC_C_SH: a->writes = true; a->size = 2; break;
        case DEC_C_LW: case DEC_C_LWSP: a->reads = true; a->size = 4; break;
        case DEC_C_LD: case DEC_C_LDSP: a->reads = true; a->size = 8; break; /* also c.fld, c.fldsp */
        case DEC_C_SW: case DEC_C_SWSP: a->writes = true; a->size = 4; break;
        case DEC_C_SD: case DEC_C_SDSP: a->writes = true; a->size = 8; break; /* also c.fsd, c.fsdsp */
        default: return false;
        }
        a->fp_data = a->writes && (insn_table[d->row].dis & DIS_RS2_F);
        a->addr = x[d->rs1] + (uint64_t)d->imm;
    }
    a->data_reg = d->rs2;
    return true;
}
