/* A guest that traps forever: mtvec points at an address with nothing
 * behind it, so every instruction fetch raises an access fault whose handler
 * fetch faults again.  --timeout and --max-insns must still stop it. */
    .section .text.start, "ax"
    .globl _start
_start:
    li      t0, 0x4000
    csrw    mtvec, t0
    jr      t0
