/* Pagoda's "v" environment: the same tests as the "p" environment, run in
 * U-mode under virtual memory (Sv39 with -DVM_SV39, Sv48 with -DVM_SV48).
 *
 * A test's code and data (.text, .data, .bss) are linked at a user virtual
 * address USER_VA (link.ld; Sv39 0x1234500000, Sv48 0x56789ab00000) and
 * loaded after the supervisor in RAM: VA != PA.  entry.S boots in M-mode,
 * delegates the U-mode exceptions to S-mode and enters the supervisor
 * (vm.c), which starts with only its own mapping (a global identity gigapage
 * at 0x80000000, U=0) and maps each user page on its first page fault.
 *
 * Pass / fail cannot store to tohost (not mapped for U): they `ecall` with
 * the tohost value in t6, and the supervisor writes it.
 *
 * test_trap_handler (a test's hook for its own traps) runs in U-mode, entered
 * with t4 = scause, t5 = stval, t6 = sepc (t4-t6 are the handlers' scratch
 * registers, as in the p environment); it resumes by jumping.  macros.h
 * provides the v versions of TRAP_HANDLER_SKIP (and FP_TRAP_HANDLER). */
#ifndef PAGODA_TEST_H
#define PAGODA_TEST_H
#define PAGODA_ENV_V 1

#define TESTNUM gp

#define RVTEST_CODE_BEGIN                                   \
        .text;                                              \
        .align 6;                                           \
        .globl _ustart;                                     \
_ustart:                                                    \
        csrwi fcsr, 0;                                      \
        li TESTNUM, 0;                                      \
        j test_body;                                        \
test_body:

#define RVTEST_CODE_END                                     \
        unimp

#define RVTEST_PASS                                         \
        fence;                                              \
        li t6, 1;                                           \
        ecall;                                              \
1:      j 1b;

#define RVTEST_FAIL                                         \
        fence;                                              \
        slli t6, TESTNUM, 1;                                \
        ori t6, t6, 1;                                      \
        ecall;                                              \
1:      j 1b;

#define RVTEST_DATA_BEGIN                                   \
        .weak test_trap_handler;                            \
        .data;                                              \
        .align 4;                                           \
        .globl begin_signature; begin_signature:

#define RVTEST_DATA_END .align 4; .globl end_signature; end_signature:

#endif
