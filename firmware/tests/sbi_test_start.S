/* S-mode SBI test payload entry points. Linked at 0x80200000. */
	.section .text.entry, "ax"
	.globl _start
_start:				/* boot hart: a0 = hartid, a1 = dtb */
	call	setup
	call	test_main
1:	wfi
	j	1b

	.globl secondary_start
secondary_start:		/* hart_start: a0 = hartid, a1 = opaque */
	call	setup
	call	secondary_main
1:	wfi
	j	1b

setup:				/* sp = stacks + (hartid + 1) * 8 KiB, stvec */
	la	sp, stacks
	addi	t0, a0, 1
	slli	t0, t0, 13
	add	sp, sp, t0
	la	t0, s_trap_entry
	csrw	stvec, t0
	ret

	.balign 4
s_trap_entry:
	addi	sp, sp, -144
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	call	s_trap
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 144
	sret

	.bss
	.balign 16
	.globl stacks
stacks:
	.space 8192 * 64
