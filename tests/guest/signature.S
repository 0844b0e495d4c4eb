/* A guest with a test signature (e2e:signature): it stores known values
 * into the 20 bytes from begin_signature to end_signature and ends through
 * HTIF tohost, or through sifive_test when built with -DEXIT_SIFIVE; with
 * -DSPIN it never ends (no signature may then be written). */
    .section .text.start, "ax"
    .globl _start
_start:
#ifdef SPIN
1:  j       1b
#endif
    la      t0, begin_signature
    li      t1, 0x11223344
    sw      t1, 0(t0)               /* word 0 */
    li      t1, 0x8877665544332211
    sd      t1, 4(t0)               /* words 1 and 2: misaligned, little-endian */
    li      t1, 0xab
    sb      t1, 12(t0)              /* low byte of word 3 */
    fence
#ifdef EXIT_SIFIVE
    li      t0, 0x100000
    li      t1, 0x5555              /* sifive_test PASS */
    sw      t1, 0(t0)
#else
    la      t0, tohost
    li      t1, 1                   /* HTIF exit, code 0 */
    sd      t1, 0(t0)
#endif
2:  j       2b

    .data
    .balign 16
    .globl begin_signature, end_signature
begin_signature:
    .word   0, 0, 0, 0xcafef00d, 0x01234567
end_signature:
    .word   0x5a5a5a5a              /* after the end: never dumped */

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost, fromhost
tohost:   .dword 0
    .balign 64
fromhost: .dword 0
