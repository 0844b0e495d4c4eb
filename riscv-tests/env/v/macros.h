/* v environment: test.h from this directory, then the shared macros, then
 * the trap-handler macros redefined for a U-mode hook (see test.h). */
#ifndef PAGODA_V_MACROS_H
#define PAGODA_V_MACROS_H
#include "test.h"
#include "../macros.h"

/* As in the p environment: s2 = cause, s3 = tval, s4 = epc, s5 += 1, resume
 * after the 2- or 4-byte instruction (interrupts: at epc). */
#undef TRAP_HANDLER_SKIP
#define TRAP_HANDLER_SKIP                                \
        .align 2;                                        \
        .globl test_trap_handler;                        \
test_trap_handler:                                       \
        mv s2, t4;                                       \
        mv s3, t5;                                       \
        mv s4, t6;                                       \
        addi s5, s5, 1;                                  \
        bltz s2, 9f;                                     \
        lhu t5, 0(s4);                                   \
        andi t5, t5, 3;                                  \
        addi t4, x0, 3;                                  \
        addi t6, s4, 2;                                  \
        bne t5, t4, 8f;                                  \
        addi t6, s4, 4;                                  \
8:      jr t6;                                           \
9:      jr s4;

/* Resuming "in M-mode" has no meaning in U-mode. */
#undef TRAP_HANDLER_RESUME
#define TRAP_HANDLER_RESUME .error "TRAP_HANDLER_RESUME is M-mode only (not in the v environment)"
#endif
