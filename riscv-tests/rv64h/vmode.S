/* rv64h/vmode: entering VS and VU (mret with MPV, sret with hstatus.SPV),
 * what the supervisor CSR names reach there (the vs* registers), the
 * virtual-instruction exception (cause 22) for hypervisor and VS CSRs
 * accessed with V = 1, and what traps record: mstatus.MPV/MPP/GVA on a
 * trap to M, hstatus.SPV/SPVP/GVA and sstatus.SPP on a trap to HS
 * (privileged spec 20211203, 8.1, 8.2, 8.6.1, 8.6.2 "Trap Entry", 8.6.4
 * "Trap Return").  VS runs with vsatp = hgatp = 0 (Bare): guest virtual =
 * guest physical = physical.
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

        RVTEST_CODE_BEGIN
        H_INIT
        li t0, 7
        csrw mcounteren, t0
        csrw scounteren, t0

        /* 2: mret with MPV = 1, MPP = S enters VS: there the name sstatus
         * reads vsstatus (SUM set in vsstatus only) */
        li t0, MSTATUS_SUM
        csrc sstatus, t0
        csrw vsstatus, t0
        TEST_CASE(2, a0, MSTATUS_SUM, li a0, 0; RUN_IN(M_S, 1, csrr a0, sstatus); li t0, MSTATUS_SUM; and a0, a0, t0)
        /* ... and it ended with an ecall from VS (10) taken in M with MPV = 1, MPP = S */
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV | (1 << 11))
        /* an ecall writes no guest virtual address: GVA = 0 */
        CHECK_BITS(s11, MSTATUS_GVA, 0)
        csrw vsstatus, zero

        /* 3: sscratch, sepc, scause, stval, stvec, satp written in VS reach
         * the vs* registers and leave the HS ones alone */
        li t0, 0x1110                   /* even: sepc[0] is always zero (IALIGN = 16) */
        csrw sscratch, t0
        csrw sepc, t0
        csrw scause, t0
        csrw stval, t0
        TEST_CASE(3, a0, 0x2222, RUN_IN(M_S, 1, li a1, 0x2222; csrw sscratch, a1; csrw sepc, a1; csrw scause, a1;
                  csrw stval, a1; la a2, h_vs_handler; csrw stvec, a2; csrw satp, zero);
                  csrr a0, vsscratch)
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        TEST_CASE(4, a0, 0x2222, csrr a0, vsepc)
        TEST_CASE(5, a0, 0x2222, csrr a0, vscause)
        TEST_CASE(6, a0, 0x2222, csrr a0, vstval)
        TEST_CASE(7, a0, 0x1110, csrr a0, sscratch)
        TEST_CASE(8, a0, 0x1110, csrr a0, sepc)
        TEST_CASE(9, a0, 0x1110, csrr a0, scause)
        TEST_CASE(10, a0, 0x1110, csrr a0, stval)
        /* reading them back in VS gives the vs* values */
        TEST_CASE(11, a0, 0x2222, li t0, 0x3333; csrw sscratch, t0; RUN_IN(M_S, 1, csrr a0, sscratch))

        /* 12: VU through mret (MPV = 1, MPP = U): its ecall is cause 8 with MPV = 1, MPP = U */
        TEST_CASE(12, s2, CAUSE_ECALL_U, RUN_IN(M_U, 1, nop))
        EXPECT_DONE(CAUSE_ECALL_U, 3)
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV)

        /* 13: with V = 1 the hypervisor and VS CSRs raise a virtual-instruction
         * exception (22) in VS ("Trap Cause Codes": HS-qualified accesses);
         * mtval is written as for an illegal instruction: 0 or the
         * instruction's bits (QEMU 7.2 gives the bits) */
        TEST_CASE(13, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrr a0, hstatus))
        EXPECT_TRAP(CAUSE_VIRTUAL, 3)
        CHECK_BITS(s11, MSTATUS_MPV, MSTATUS_MPV)
        /* no guest virtual address in mtval: GVA = 0 (QEMU 7.2 sets GVA on
         * every trap from V = 1 with a nonzero mtval) */
#ifndef PAGODA_QEMU_EXIT
        CHECK_BITS(s11, MSTATUS_GVA, 0)
#endif
        beqz s3, 1f
        CHECK(s3, 0x60002573)           /* csrr a0, hstatus */
1:
        TEST_CASE(14, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrr a0, vsstatus))
        TEST_CASE(15, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrw hgatp, zero))
        TEST_CASE(16, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrr a0, hvip))
        TEST_CASE(17, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrr a0, vsatp))
        /* an M-mode CSR is not HS-qualified: illegal instruction (2) */
        TEST_CASE(18, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 1, csrr a0, mstatus))
        /* from VU: hypervisor, VS and supervisor CSRs are virtual instruction */
        TEST_CASE(19, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, csrr a0, hstatus))
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 raises an illegal instruction, 2, for a supervisor CSR from VU) */
        TEST_CASE(20, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, csrr a0, sstatus))
#endif
        TEST_CASE(21, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, csrr a0, vsscratch))
        TEST_CASE(22, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 1, csrr a0, mscratch))
        /* ... but from U with V = 0 they are illegal (2) */
        TEST_CASE(23, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, csrr a0, sstatus))

        /* 24: sret from HS with hstatus.SPV = 1, sstatus.SPP = 1 enters VS
         * (8.6.4) and clears SPV */
        TEST_CASE(24, s2, CAUSE_ECALL_VS,
                  RUN_IN(M_S, 0, li a1, HSTATUS_SPV; csrs hstatus, a1; li a1, MSTATUS_SPP; csrs sstatus, a1;
                         la a1, 2f; csrw sepc, a1; sret; j fail;
                         2: nop))
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV | (1 << 11))
        TEST_CASE(25, a0, 0, csrr a0, hstatus; andi a0, a0, HSTATUS_SPV)
        /* 26: SPV = 1, SPP = 0: sret enters VU */
        TEST_CASE(26, s2, CAUSE_ECALL_U,
                  RUN_IN(M_S, 0, li a1, HSTATUS_SPV; csrs hstatus, a1; li a1, MSTATUS_SPP; csrc sstatus, a1;
                         la a1, 2f; csrw sepc, a1; sret; j fail;
                         2: nop))
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV)
        /* 27: SPV = 0, SPP = 1 stays in HS (V = 0): the ecall is 9 */
        TEST_CASE(27, s2, CAUSE_ECALL_HS,
                  RUN_IN(M_S, 0, li a1, HSTATUS_SPV; csrc hstatus, a1; li a1, MSTATUS_SPP; csrs sstatus, a1;
                         la a1, 2f; csrw sepc, a1; sret; j fail;
                         2: nop))
        CHECK_BITS(s11, MSTATUS_MPV, 0)

        /* traps into HS ("Trap Entry"): delegate the ecalls from VS and
         * from U/VU; SPV = V before, SPP = nominal privilege, SPVP = SPP
         * when V was 1, GVA = 0 for an ecall */
        li t0, (1 << CAUSE_ECALL_VS) | (1 << CAUSE_ECALL_U)
        csrw medeleg, t0
        li t0, HSTATUS_SPVP
        csrc hstatus, t0
        TEST_CASE(28, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, nop))
        EXPECT_DONE(CAUSE_ECALL_VS, 1)
        CHECK_BITS(s7, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA, HSTATUS_SPV | HSTATUS_SPVP)
        CHECK_BITS(s11, MSTATUS_SPP, MSTATUS_SPP)
        /* from VU: SPV = 1, SPP = 0, SPVP = 0 */
        TEST_CASE(29, s2, CAUSE_ECALL_U, RUN_IN(M_U, 1, nop))
        EXPECT_DONE(CAUSE_ECALL_U, 1)
        CHECK_BITS(s7, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPV)
        CHECK_BITS(s11, MSTATUS_SPP, 0)
        /* from U with V = 0: SPV = 0 and SPVP left as it was (set it first) */
        li t0, HSTATUS_SPVP
        csrs hstatus, t0
        TEST_CASE(30, s2, CAUSE_ECALL_U, RUN_IN(M_U, 0, nop))
        EXPECT_DONE(CAUSE_ECALL_U, 1)
        CHECK_BITS(s7, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPVP)
        csrw medeleg, zero

        /* 31: a load access fault in VS (nothing at physical 0x0; PMP open):
         * mtval holds a guest virtual address, so mstatus.GVA = 1 with MPV = 1 */
        TEST_CASE(31, s2, 5, RUN_IN(M_S, 1, li a1, 0x8; ld a0, 0(a1)))
        EXPECT_TRAP(5, 3)
        CHECK(s3, 0x8)
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_GVA, MSTATUS_MPV | MSTATUS_GVA)
        /* the same fault in HS: GVA = 0, MPV = 0 */
        TEST_CASE(32, s2, 5, RUN_IN(M_S, 0, li a1, 0x8; ld a0, 0(a1)))
        CHECK_BITS(s11, MSTATUS_MPV | MSTATUS_GVA, 0)
        /* an illegal instruction in VS writes no address: GVA = 0 */
        TEST_CASE(33, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 1, .word 0))
        CHECK_BITS(s11, MSTATUS_MPV, MSTATUS_MPV)
#ifndef PAGODA_QEMU_EXIT
        CHECK_BITS(s11, MSTATUS_GVA, 0)
#endif

        /* 34: mret with MPP = M ignores MPV (V stays 0) and clears MPV */
        TEST_CASE(34, a0, 0,
                  li t0, MSTATUS_MPV | MSTATUS_MPP; csrs mstatus, t0; la t0, 2f; csrw mepc, t0; mret;
                  2: csrr a0, mstatus; li t0, MSTATUS_MPV; and a0, a0, t0)

        /* 35: time in VS is time + htimedelta (hcounteren.TM = 1) */
        li t0, 1 << 50
        csrw htimedelta, t0
        li t0, 7
        csrw hcounteren, t0
        TEST_CASE(35, a1, 1, RUN_IN(M_S, 1, rdtime a0); li t0, 1 << 50; sltu a1, a0, t0; xori a1, a1, 1)
        csrw htimedelta, zero
        /* 36: hcounteren.TM = 0 with mcounteren.TM = 1: rdtime in VS is a virtual instruction */
        csrw hcounteren, zero
        TEST_CASE(36, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, rdtime a0))
        /* ... and in VU (scounteren has it, hcounteren not) */
        TEST_CASE(37, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, rdtime a0))

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
