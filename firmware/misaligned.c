/* Misaligned load/store emulation for harts that trap misaligned accesses
 * (Pagoda --misaligned=trap). The faulting instruction is read through the
 * S/U address space (MPRV + MXR), the access is done byte by byte with MPRV
 * so S/U translation and permissions apply, then rd is written and mepc
 * skips the instruction. A fault during emulation is redirected to S-mode
 * with the fault's own cause and address. */
#include "fw.h"

enum { INT_REG, FP_D, FP_S };

struct access {
	int store;
	int len;      /* bytes */
	int is_signed;
	int kind;     /* INT_REG, FP_D, FP_S */
	unsigned long reg;
	int insn_len; /* 2 or 4 */
};

/* Decodes loads and stores (RV64 I, F, D and the C forms of them).
 * Returns 0 if insn is not one. */
static int decode(unsigned long insn, struct access *a)
{
	unsigned long f3 = (insn >> 13) & 7;
	a->is_signed = 0;
	a->kind = INT_REG;
	if ((insn & 3) == 3) {
		unsigned long op = insn & 0x7f, fn3 = (insn >> 12) & 7;
		a->insn_len = 4;
		switch (op) {
		case 0x03: /* LB LH LW LD LBU LHU LWU */
			if (fn3 == 7)
				return 0;
			a->store = 0;
			a->len = 1 << (fn3 & 3);
			a->is_signed = fn3 < 4 && fn3 != 3;
			a->reg = (insn >> 7) & 31;
			return 1;
		case 0x07: /* FLW FLD */
			if (fn3 != 2 && fn3 != 3)
				return 0;
			a->store = 0;
			a->len = fn3 == 2 ? 4 : 8;
			a->kind = fn3 == 2 ? FP_S : FP_D;
			a->reg = (insn >> 7) & 31;
			return 1;
		case 0x23: /* SB SH SW SD */
			if (fn3 > 3)
				return 0;
			a->store = 1;
			a->len = 1 << fn3;
			a->reg = (insn >> 20) & 31;
			return 1;
		case 0x27: /* FSW FSD */
			if (fn3 != 2 && fn3 != 3)
				return 0;
			a->store = 1;
			a->len = fn3 == 2 ? 4 : 8;
			a->kind = fn3 == 2 ? FP_S : FP_D;
			a->reg = (insn >> 20) & 31;
			return 1;
		}
		return 0;
	}
	a->insn_len = 2;
	unsigned long rdp = ((insn >> 2) & 7) + 8; /* rd' / rs2' */
	unsigned long rd = (insn >> 7) & 31, rs2 = (insn >> 2) & 31;
	if ((insn & 3) == 0) {
		switch (f3) {
		case 1: a->store = 0; a->len = 8; a->kind = FP_D; a->reg = rdp; return 1; /* c.fld */
		case 2: a->store = 0; a->len = 4; a->is_signed = 1; a->reg = rdp; return 1; /* c.lw */
		case 3: a->store = 0; a->len = 8; a->reg = rdp; return 1; /* c.ld */
		case 5: a->store = 1; a->len = 8; a->kind = FP_D; a->reg = rdp; return 1; /* c.fsd */
		case 6: a->store = 1; a->len = 4; a->reg = rdp; return 1; /* c.sw */
		case 7: a->store = 1; a->len = 8; a->reg = rdp; return 1; /* c.sd */
		}
	} else if ((insn & 3) == 2) {
		switch (f3) {
		case 1: a->store = 0; a->len = 8; a->kind = FP_D; a->reg = rd; return 1; /* c.fldsp */
		case 2: a->store = 0; a->len = 4; a->is_signed = 1; a->reg = rd; return rd != 0; /* c.lwsp */
		case 3: a->store = 0; a->len = 8; a->reg = rd; return rd != 0; /* c.ldsp */
		case 5: a->store = 1; a->len = 8; a->kind = FP_D; a->reg = rs2; return 1; /* c.fsdsp */
		case 6: a->store = 1; a->len = 4; a->reg = rs2; return 1; /* c.swsp */
		case 7: a->store = 1; a->len = 8; a->reg = rs2; return 1; /* c.sdsp */
		}
	}
	return 0;
}

void handle_misaligned(struct hart_ctx *ctx, unsigned long cause)
{
	unsigned long epc = csr_read(mepc), addr = csr_read(mtval);
	struct unpriv_trap t;
	struct access a;

	/* Fetch the instruction as the interrupted mode would (it may straddle a page). */
	unsigned long insn = unpriv_lhu_x(epc, &t);
	if (!t.cause && (insn & 3) == 3)
		insn |= unpriv_lhu_x(epc + 2, &t) << 16;
	if (t.cause) {
		unsigned long c = t.cause == CAUSE_LOAD_PAGE_FAULT ? CAUSE_FETCH_PAGE_FAULT
								 : CAUSE_FETCH_ACCESS;
		redirect_trap(ctx, c, t.tval);
		return;
	}
	if (!decode(insn, &a) || a.store != (cause == CAUSE_MISALIGNED_STORE)) {
		/* e.g. a misaligned AMO / LR / SC: not emulated, report as is */
		redirect_trap(ctx, cause, addr);
		return;
	}
	if (a.kind != INT_REG && !(csr_read(mstatus) & MSTATUS_FS)) {
		redirect_trap(ctx, CAUSE_ILLEGAL_INSN, insn);
		return;
	}

	if (a.store) {
		unsigned long v = a.kind == INT_REG ? ctx->regs[a.reg] : fp_read_reg(a.reg);
		for (int i = 0; i < a.len; i++) {
			unpriv_sb(addr + i, (v >> (8 * i)) & 0xff, &t);
			if (t.cause) {
				redirect_trap(ctx, t.cause, t.tval);
				return;
			}
		}
	} else {
		unsigned long v = 0;
		for (int i = 0; i < a.len; i++) {
			v |= unpriv_lbu(addr + i, &t) << (8 * i);
			if (t.cause) {
				redirect_trap(ctx, t.cause, t.tval);
				return;
			}
		}
		if (a.is_signed && a.len < 8) {
			int sh = 64 - 8 * a.len;
			v = (unsigned long)((long)(v << sh) >> sh);
		}
		if (a.kind == FP_D) {
			fp_write_reg(a.reg, v);
			csr_set(mstatus, MSTATUS_FS);
		} else if (a.kind == FP_S) {
			fp_write_reg_s(a.reg, v);
			csr_set(mstatus, MSTATUS_FS);
		} else if (a.reg) {
			ctx->regs[a.reg] = v;
		}
	}
	csr_write(mepc, epc + a.insn_len);
}
