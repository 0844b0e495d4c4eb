/* A guest for e2e:gdb's watchpoint on a range that is not an aligned
 * power of two (3 bytes at buf + 1): the stub's trigger covers the NAPOT
 * range [buf, buf + 4) and must let the store to buf + 0 go on unreported,
 * then stop at the store to buf + 2 (after_hit is the instruction after
 * it); the store to buf + 4 is outside the trigger.  Exits 42 through
 * sifive_test. */
    .section .text.start, "ax"
    .globl _start
_start:
    la      t0, buf
    li      t1, 0x11
    sb      t1, 0(t0)           /* in the trigger's range, not watched */
    sb      t1, 4(t0)           /* outside both */
    li      t1, 0x22
    sb      t1, 2(t0)           /* watched: GDB stops here */
    .globl after_hit
after_hit:
    li      t0, 0x100000
    li      t1, (42 << 16) | 0x3333
    sw      t1, 0(t0)
1:  j       1b

    .data
    .balign 8
    .globl buf
buf:
    .dword 0
