/* An infinite loop: used for --timeout / --max-insns and as the ELF for
 * bad-input variants (linked outside RAM, built for RV32). */
    .section .text.start, "ax"
    .globl _start
_start:
    j       _start
