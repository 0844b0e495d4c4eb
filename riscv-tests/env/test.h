/* Pagoda's conformance-test environment, in the riscv-tests conventions:
 * a test is a sequence of numbered cases; the case number lives in gp (x3);
 * pass writes 1 to tohost, fail writes (case << 1) | 1, so the emulator exits
 * with the failing case number (HTIF, as in Spike).
 *
 * Environment "p": the test runs in M-mode from 0x80000000, physical
 * addresses, traps go to trap_vector which fails the test unless the test
 * installed its own handler by defining the symbol `test_trap_handler`
 * (weak; see below). */
#ifndef PAGODA_TEST_H
#define PAGODA_TEST_H

#define TESTNUM gp

#define RVTEST_CODE_BEGIN                                   \
        .section .text.init, "ax", @progbits;              \
        .align 6;                                           \
        .globl _start;                                      \
_start:                                                     \
        la t0, trap_vector;                                 \
        csrw mtvec, t0;                                     \
        li t0, (1 << 13) | (1 << 9); /* FS=Initial, VS unused */ \
        csrs mstatus, t0;                                   \
        csrwi fcsr, 0;                                      \
        li TESTNUM, 0;                                      \
        j test_body;                                        \
        .align 2;                                           \
trap_vector:                                                \
        /* a test may take over traps by defining test_trap_handler */ \
        la t5, test_trap_handler;                           \
        beqz t5, 1f;                                        \
        jr t5;                                              \
1:      csrr t5, mcause;                                    \
        j fail;                                             \
test_body:

#define RVTEST_CODE_END                                     \
        unimp

/* pass / fail */
#ifdef PAGODA_QEMU_EXIT
/* Validation build for QEMU virt, which has no HTIF: report through the
 * sifive_test device at 0x100000 instead (0x5555 = pass, powers off with
 * status 0; (code << 16) | 0x3333 = fail, QEMU exits with `code`, here the
 * case number). Used by riscv-tests/qemu-check only. */
#define RVTEST_PASS                                         \
        fence;                                              \
        li t5, 0x100000;                                    \
        li t6, 0x5555;                                      \
        sw t6, 0(t5);                                       \
1:      j 1b;

#define RVTEST_FAIL                                         \
        fence;                                              \
        li t5, 0x100000;                                    \
        slli t6, TESTNUM, 16;                               \
        li t4, 0x3333;                                      \
        or t6, t6, t4;                                      \
        sw t6, 0(t5);                                       \
1:      j 1b;
#else
#define RVTEST_PASS                                         \
        fence;                                              \
        li t6, 1;                                           \
        la t5, tohost;                                      \
        sd t6, 0(t5);                                       \
1:      j 1b;

#define RVTEST_FAIL                                         \
        fence;                                              \
        slli t6, TESTNUM, 1;                                \
        ori t6, t6, 1;                                      \
        la t5, tohost;                                      \
        sd t6, 0(t5);                                       \
1:      j 1b;

#endif

#define RVTEST_DATA_BEGIN                                   \
        .pushsection .tohost, "aw", @progbits;              \
        .align 6; .globl tohost; tohost: .dword 0; .size tohost, 8; \
        .align 6; .globl fromhost; fromhost: .dword 0; .size fromhost, 8; \
        .popsection;                                        \
        .weak test_trap_handler;                            \
        .data;                                              \
        .align 4;                                           \
        .globl begin_signature; begin_signature:

#define RVTEST_DATA_END .align 4; .globl end_signature; end_signature:

#endif
