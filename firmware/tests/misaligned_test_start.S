/* Entry for misaligned-test.elf (linked at 0x80200000). */
	.section .text.entry, "ax"
	.globl _start
_start:
	la	sp, stack_top
	la	t0, trap
	csrw	stvec, t0
	call	test_main
1:	wfi
	j	1b
	.balign 4
trap:	j	s_trap
	.bss
	.balign 16
	.space 16384
stack_top:
