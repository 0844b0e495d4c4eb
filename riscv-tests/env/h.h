/* Helpers for the hypervisor-extension tests (rv64h): p environment (the
 * test starts in M-mode), snippets run in HS, U, VS or VU with RUN_IN, and
 * a trap record filled by whichever level took the trap: M, HS or VS.
 *
 * Specification: RISC-V privileged architecture 20211203, chapter 8
 * "Hypervisor Extension, Version 1.0" (section numbers below are that
 * chapter's).
 *
 * Trap record (set by the handlers; TRAP_RESET clears it):
 *   s2 cause, s3 tval, s4 epc, s5 number of traps, s7 status (mstatus, or
 *   hstatus for a trap taken in HS), s8 tval2 (mtval2 / htval), s9 tinst
 *   (mtinst / htinst), s10 the level that took it: 3 = M, 1 = HS, 2 = VS.
 *   s11 = mstatus as M saw it (for a trap to M) or sstatus (HS / VS).
 *   s6 = where M-mode resumes after any trap: RUN_IN's end while a
 *   snippet runs, else `fail` (an unexpected trap in M fails the case).
 * Without H (misa.H = 0) H_INIT fails at once with case 1.
 * A snippet ends with an ecall carrying t4 = H_DONE; a trap into HS or VS is
 * recorded there and then handed to M with an ecall carrying t4 = H_FWD,
 * which M does not record.  So after RUN_IN exactly one trap is recorded:
 * the snippet's end (an ecall cause: 8 from U/VU, 9 from HS, 10 from VS) or
 * the fault it took.  Registers t4-t6 and s2-s11 are the harness's. */
#ifndef PAGODA_H_H
#define PAGODA_H_H
#include "macros.h"

        .option arch, +h

/* mstatus bits added by H (8.2.x "Machine Status Registers") */
#define MSTATUS_MPV  (1 << 39)
#define MSTATUS_GVA  (1 << 38)
#define MSTATUS_MPP  (3 << 11)
#define MSTATUS_SPP  (1 << 8)
#define MSTATUS_TVM  (1 << 20)
#define MSTATUS_TW   (1 << 21)
#define MSTATUS_TSR  (1 << 22)
#define MSTATUS_MPRV (1 << 17)
#define MSTATUS_MXR  (1 << 19)
#define MSTATUS_SUM  (1 << 18)
/* hstatus (8.2.1) */
#define HSTATUS_VSBE  (1 << 5)
#define HSTATUS_GVA   (1 << 6)
#define HSTATUS_SPV   (1 << 7)
#define HSTATUS_SPVP  (1 << 8)
#define HSTATUS_HU    (1 << 9)
#define HSTATUS_VGEIN (0x3f << 12)
#define HSTATUS_VTVM  (1 << 20)
#define HSTATUS_VTW   (1 << 21)
#define HSTATUS_VTSR  (1 << 22)
#define HSTATUS_VSXL  (3 << 32)
/* interrupt bits of hip/hie/hvip/mip (8.2.4, 8.2.5) */
#define MIP_SSIP  (1 << 1)
#define MIP_VSSIP (1 << 2)
#define MIP_STIP  (1 << 5)
#define MIP_VSTIP (1 << 6)
#define MIP_SEIP  (1 << 9)
#define MIP_VSEIP (1 << 10)
#define MIP_SGEIP (1 << 12)
/* exception causes (8.6.1, table 8.6) */
#define CAUSE_ILLEGAL      2
#define CAUSE_ECALL_U      8
#define CAUSE_ECALL_HS     9
#define CAUSE_ECALL_VS     10
#define CAUSE_LOAD_PF      13
#define CAUSE_STORE_PF     15
#define CAUSE_FETCH_PF     12
#define CAUSE_FETCH_GPF    20
#define CAUSE_LOAD_GPF     21
#define CAUSE_VIRTUAL      22
#define CAUSE_STORE_GPF    23

/* privilege levels for RUN_IN: nominal privilege and V */
#define M_U 0
#define M_S 1

#define H_DONE 0x444f4e45       /* "DONE": a snippet's final ecall */
#define H_FWD  0x46574400       /* "FWD": a handler hands over to M */

#define TRAP_RESET_H                                     \
        TRAP_RESET; li s7, -1; li s8, -1; li s9, -1; li s10, -1; li s11, -1;

/* Run `code` in privilege `priv` (M_U or M_S) with V = `virt` from the
 * identity-mapped test image, then ecall back (t4 = H_DONE).  Uses t0 and
 * the local labels 7 and 8. */
#define RUN_IN(priv, virt, code...)                      \
        TRAP_RESET_H;                                    \
        la s6, 8f;                                       \
        li t0, MSTATUS_MPP | MSTATUS_MPV | (1 << 7); csrc mstatus, t0; \
        li t0, ((priv) << 11) | ((virt) * MSTATUS_MPV); csrs mstatus, t0; \
        la t0, 7f; csrw mepc, t0;                        \
        mret;                                            \
7:      code;                                            \
        li t4, H_DONE;                                   \
        ecall;                                           \
8:      li t4, 0; la s6, fail;

/* after RUN_IN: it ran to its end (the ecall of that mode, seen by `level`) */
#define EXPECT_DONE(ecall_cause, level)                  \
        CHECK(s5, 1); CHECK(s2, ecall_cause); CHECK(s10, level);
/* after RUN_IN: one trap with this cause, taken by `level` (3 M, 1 HS, 2 VS) */
#define EXPECT_TRAP(cause, level)                        \
        CHECK(s5, 1); CHECK(s2, cause); CHECK(s10, level);

/* fail unless (reg & mask) == value (uses t5, t6) */
#define CHECK_BITS(reg, mask, value)                     \
        li t6, mask; and t5, reg, t6; li t6, value; bne t5, t6, fail;

/* The handlers: M (test_trap_handler, called from env/test.h's trap_vector),
 * HS (stvec = h_hs_handler) and VS (vstvec = h_vs_handler).  H_INIT installs
 * stvec and vstvec and opens PMP; delegation is each test's choice. */
#define H_INIT                                           \
        la s6, fail;                                     \
        csrr t0, misa; andi t0, t0, 1 << 7;              \
        bnez t0, 1f;                                     \
        li TESTNUM, 1; j fail;   /* no H: "case 1" */    \
1:      PMP_OPEN_ALL;                                    \
        la t0, h_hs_handler; csrw stvec, t0;             \
        la t0, h_vs_handler; csrw vstvec, t0;            \
        csrw medeleg, zero; csrw mideleg, zero;          \
        csrw hedeleg, zero; csrw hideleg, zero;

#define H_HANDLERS                                       \
        .align 2;                                        \
        .globl test_trap_handler;                        \
test_trap_handler:                                       \
        csrr t5, mcause;                                 \
        li t6, H_FWD;                                    \
        bne t4, t6, 1f;                                  \
        addi t6, t5, -8;   /* a forwarding ecall (8/9/10): not recorded */ \
        sltiu t6, t6, 3;                                 \
        bnez t6, 2f;                                     \
1:      mv s2, t5;                                       \
        csrr s3, mtval;                                  \
        csrr s4, mepc;                                   \
        csrr s11, mstatus;                               \
        mv s7, s11;                                      \
        csrr s8, mtval2;                                 \
        csrr s9, mtinst;                                 \
        li s10, 3;                                       \
        addi s5, s5, 1;                                  \
2:      li t4, 0;                                        \
        li t5, MSTATUS_MPP; csrs mstatus, t5;            \
        li t5, MSTATUS_MPV | MSTATUS_GVA; csrc mstatus, t5; \
        csrw mepc, s6;                                   \
        mret;                                            \
        .align 2;                                        \
h_hs_handler:                                            \
        li t6, H_FWD;      /* the VS handler's hand-over, delegated here */ \
        beq t4, t6, 3f;                                  \
        csrr s2, scause;                                 \
        csrr s3, stval;                                  \
        csrr s4, sepc;                                   \
        csrr s7, hstatus;                                \
        csrr s11, sstatus;                               \
        csrr s8, htval;                                  \
        csrr s9, htinst;                                 \
        li s10, 1;                                       \
        addi s5, s5, 1;                                  \
        li t4, H_FWD;                                    \
3:      ecall;                                           \
        .align 2;                                        \
h_vs_handler:      /* runs with V = 1: scause here is vscause, and so on */ \
        csrr s2, scause;                                 \
        csrr s3, stval;                                  \
        csrr s4, sepc;                                   \
        csrr s11, sstatus;                               \
        li s10, 2;                                       \
        addi s5, s5, 1;                                  \
        li t4, H_FWD;                                    \
        ecall;

#endif
