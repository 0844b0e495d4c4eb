/* Pagoda SBI firmware: reset entry, M-mode trap entry, and the small
 * routines that must be written in assembly (mode switch, MPRV accesses
 * with a private trap vector, CSR probes, FP register access). */

#define HART_AREA_SIZE 4096
#define CTX_STACK_TOP 256
#define MAX_HARTS 64

	/* No linker relaxation here: it would move the 4-byte aligned trap
	 * vectors below (mtvec needs 4-byte alignment). */
	.option norelax

	.section .text.entry, "ax"
	.globl _start
_start:
	/* Every hart arrives here in M-mode: a0 = hart id, a1 = device tree. */
	csrw	mie, zero
	csrci	mstatus, 8		/* MIE = 0: M-mode never takes interrupts itself */
	la	t0, trap_entry
	csrw	mtvec, t0
	csrr	a0, mhartid
	li	t0, MAX_HARTS
	bgeu	a0, t0, park_forever
	/* ctx = hart_areas + hartid * HART_AREA_SIZE; stack grows down from the area end */
	la	t0, hart_areas
	li	t1, HART_AREA_SIZE
	mul	t2, t1, a0
	add	t0, t0, t2
	csrw	mscratch, t0
	add	sp, t0, t1
	sd	sp, CTX_STACK_TOP(t0)
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	call	fw_main
park_forever:
	wfi
	j	park_forever

/* M-mode trap entry, only ever taken from S or U mode (M-mode code runs with
 * MIE = 0 and uses a private vector for accesses that may fault).
 * mscratch = struct hart_ctx *; all 31 registers go to ctx->regs. */
	.text
	.balign 4
	.globl trap_entry
trap_entry:
	csrrw	t6, mscratch, t6
	sd	x1, 8(t6)
	sd	x2, 16(t6)
	sd	x3, 24(t6)
	sd	x4, 32(t6)
	sd	x5, 40(t6)
	sd	x6, 48(t6)
	sd	x7, 56(t6)
	sd	x8, 64(t6)
	sd	x9, 72(t6)
	sd	x10, 80(t6)
	sd	x11, 88(t6)
	sd	x12, 96(t6)
	sd	x13, 104(t6)
	sd	x14, 112(t6)
	sd	x15, 120(t6)
	sd	x16, 128(t6)
	sd	x17, 136(t6)
	sd	x18, 144(t6)
	sd	x19, 152(t6)
	sd	x20, 160(t6)
	sd	x21, 168(t6)
	sd	x22, 176(t6)
	sd	x23, 184(t6)
	sd	x24, 192(t6)
	sd	x25, 200(t6)
	sd	x26, 208(t6)
	sd	x27, 216(t6)
	sd	x28, 224(t6)
	sd	x29, 232(t6)
	sd	x30, 240(t6)
	csrr	t5, mscratch
	sd	t5, 248(t6)
	csrw	mscratch, t6
	mv	a0, t6
	ld	sp, CTX_STACK_TOP(t6)
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	call	trap_handler
	csrr	t6, mscratch
	ld	x1, 8(t6)
	ld	x2, 16(t6)
	ld	x3, 24(t6)
	ld	x4, 32(t6)
	ld	x5, 40(t6)
	ld	x6, 48(t6)
	ld	x7, 56(t6)
	ld	x8, 64(t6)
	ld	x9, 72(t6)
	ld	x10, 80(t6)
	ld	x11, 88(t6)
	ld	x12, 96(t6)
	ld	x13, 104(t6)
	ld	x14, 112(t6)
	ld	x15, 120(t6)
	ld	x16, 128(t6)
	ld	x17, 136(t6)
	ld	x18, 144(t6)
	ld	x19, 152(t6)
	ld	x20, 160(t6)
	ld	x21, 168(t6)
	ld	x22, 176(t6)
	ld	x23, 184(t6)
	ld	x24, 192(t6)
	ld	x25, 200(t6)
	ld	x26, 208(t6)
	ld	x27, 216(t6)
	ld	x28, 224(t6)
	ld	x29, 232(t6)
	ld	x30, 240(t6)
	ld	x31, 248(t6)
	mret

/* void enter_smode(addr, a0, a1): mret to S-mode at addr with satp = 0,
 * sstatus.SIE = 0 (SBI v2.0 section 9.1, hart_start register state). */
	.globl enter_smode
enter_smode:
	csrw	mepc, a0
	li	t0, (3 << 11) | (1 << 7)	/* MPP, MPIE */
	csrc	mstatus, t0
	li	t0, (1 << 11)			/* MPP = S */
	csrs	mstatus, t0
	csrci	sstatus, 2			/* SIE = 0 */
	csrw	satp, zero
	sfence.vma
	mv	a0, a1
	mv	a1, a2
	li	a2, 0
	mret

/* void park_on_stack(ctx, fn): drop the current M-mode stack and call fn(ctx)
 * on a fresh one (used by hart_stop and non-retentive suspend). */
	.globl park_on_stack
park_on_stack:
	ld	sp, CTX_STACK_TOP(a0)
	jr	a1

/* Accesses on behalf of the previous privilege mode (mstatus.MPP) with MPRV.
 * A fault goes to unpriv_trap, which records mcause/mtval in *t and skips the
 * 4-byte access instruction. mepc, mstatus and mtvec are restored on return. */
.macro UNPRIV_BEGIN bits
	csrr	t3, mepc
	csrr	t4, mstatus
	la	t0, unpriv_trap
	csrrw	t5, mtvec, t0
	sd	zero, 0(a1)
	li	t1, \bits
	csrs	mstatus, t1
.endm
.macro UNPRIV_END
	csrw	mstatus, t4
	csrw	mtvec, t5
	csrw	mepc, t3
	ret
.endm

	.balign 4		/* while RVC is on, so padding can use c.nop */
	.option push
	.option norvc
	.globl unpriv_lbu
unpriv_lbu:			/* (addr, t) */
	UNPRIV_BEGIN (1 << 17)
	lbu	a0, 0(a0)
	UNPRIV_END

	.globl unpriv_lhu_x
unpriv_lhu_x:			/* (addr, t): instruction parcel, MXR set */
	UNPRIV_BEGIN ((1 << 17) | (1 << 19))
	lhu	a0, 0(a0)
	UNPRIV_END

	.globl unpriv_sb
unpriv_sb:			/* (addr, val, t) */
	mv	t2, a1
	mv	a1, a2
	UNPRIV_BEGIN (1 << 17)
	sb	t2, 0(a0)
	UNPRIV_END

	/* Same, but M-mode physical accesses (no MPRV): for DBCN buffers, which
	 * are physical addresses that may name a hole in the memory map. */
	.globl phys_lbu
phys_lbu:			/* (addr, t) */
	UNPRIV_BEGIN 0
	lbu	a0, 0(a0)
	UNPRIV_END

	.globl phys_sb
phys_sb:			/* (addr, val, t) */
	mv	t2, a1
	mv	a1, a2
	UNPRIV_BEGIN 0
	sb	t2, 0(a0)
	UNPRIV_END

	.balign 4
unpriv_trap:
	csrr	t0, mcause
	sd	t0, 0(a1)
	csrr	t0, mtval
	sd	t0, 8(a1)
	csrr	t0, mepc
	addi	t0, t0, 4
	csrw	mepc, t0
	mret

/* CSR probes at boot: a trap (CSR absent) sets t6 and skips the instruction. */
	.balign 4
probe_trap:
	csrr	t6, mepc
	addi	t6, t6, 4
	csrw	mepc, t6
	li	t6, 1
	mret

	.globl probe_csr_set_menvcfg
probe_csr_set_menvcfg:		/* (bits) -> menvcfg after csrs, 0 if absent */
	la	t0, probe_trap
	csrrw	t1, mtvec, t0
	li	t6, 0
	csrs	0x30a, a0
	csrr	a0, 0x30a
	beqz	t6, 1f
	li	a0, 0
1:	csrw	mtvec, t1
	ret

	.globl probe_stimecmp
probe_stimecmp:			/* () -> 1 if stimecmp exists (set to all ones), else 0 */
	la	t0, probe_trap
	csrrw	t1, mtvec, t0
	li	t6, 0
	li	a0, -1
	csrw	0x14d, a0
	seqz	a0, t6
	csrw	mtvec, t1
	ret

	.globl probe_pmp_setup
probe_pmp_setup:		/* (pmpaddr0, pmpaddr1, pmpcfg0) -> pmpaddr0 read back, 0 if absent */
	la	t0, probe_trap
	csrrw	t1, mtvec, t0
	li	t6, 0
	csrw	pmpaddr0, a0
	csrw	pmpaddr1, a1
	csrw	pmpcfg0, a2
	csrr	a0, pmpaddr0
	beqz	t6, 1f
	li	a0, 0
1:	csrw	mtvec, t1
	sfence.vma
	ret

/* FP register access by number through jump tables of 8-byte entries. */
	.globl fp_read_reg
fp_read_reg:
	la	t0, 1f
	slli	a0, a0, 3
	add	t0, t0, a0
	jr	t0
1:
	.irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fmv.x.d	a0, f\n
	ret
	.endr

	.globl fp_write_reg
fp_write_reg:
	la	t0, 1f
	slli	a0, a0, 3
	add	t0, t0, a0
	jr	t0
1:
	.irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fmv.d.x	f\n, a1
	ret
	.endr

	.globl fp_write_reg_s
fp_write_reg_s:
	la	t0, 1f
	slli	a0, a0, 3
	add	t0, t0, a0
	jr	t0
1:
	.irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fmv.w.x	f\n, a1
	ret
	.endr
	.option pop
