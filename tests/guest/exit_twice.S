/* A guest that writes the sifive_test finisher twice: FAIL with code 7,
 * then PASS.  QEMU's finisher ends the run at the first write (exit 7);
 * so must Pagoda's, whatever follows in the same scheduling turn. */
    .section .text.start, "ax"
    .globl _start
_start:
    li      t0, 0x100000
    li      t1, (7 << 16) | 0x3333
    sw      t1, 0(t0)
    li      t1, 0x5555
    sw      t1, 0(t0)
1:  j       1b
