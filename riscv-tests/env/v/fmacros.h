/* v environment: the FP macros over the v macros (see test.h). */
#ifndef PAGODA_V_FMACROS_H
#define PAGODA_V_FMACROS_H
#include "macros.h"
#include "../fmacros.h"

#undef FP_TRAP_HANDLER
#define FP_TRAP_HANDLER                                     \
        .align 2;                                           \
        .globl test_trap_handler;                           \
test_trap_handler:                                          \
        li t5, 2;                                           \
        bne t4, t5, fail;                                   \
        addi s11, s11, 1;                                   \
        lhu t4, 0(t6);                                      \
        andi t4, t4, 3;                                     \
        addi t6, t6, 2;                                     \
        addi t4, t4, -3;                                    \
        bnez t4, 1f;                                        \
        addi t6, t6, 2;                                     \
1:      jr t6;
#endif
