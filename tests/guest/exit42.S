/* A guest that spins for a while (about a million instructions) and then
 * powers off through sifive_test with exit code 42: the guest's own way out
 * for e2e:pty. */
    .section .text.start, "ax"
    .globl _start
_start:
    li      t0, 500000
1:  addi    t0, t0, -1
    bnez    t0, 1b
    li      t0, 0x100000
    li      t1, (42 << 16) | 0x3333
    sw      t1, 0(t0)
2:  j       2b
