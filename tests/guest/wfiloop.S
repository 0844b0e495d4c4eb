/* A guest that sleeps forever: interrupts off (mstatus.MIE = 0, mie = 0),
 * then wfi in a loop.  No interrupt can wake it, so only the host side
 * (--max-insns, --timeout, signals, Ctrl-A X) can end the run. */
    .section .text.start, "ax"
    .globl _start
_start:
    csrci   mstatus, 8
    csrw    mie, zero
1:  wfi
    j       1b
