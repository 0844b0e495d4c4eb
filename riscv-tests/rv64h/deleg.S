/* rv64h/deleg: hedeleg and hideleg (privileged spec 20211203, 8.2.2,
 * 8.6.2 "Trap Entry"): a VS ecall (10) delegated to HS; a VU ecall (8)
 * delegated on to VS, and kept by M when medeleg does not delegate it; a
 * VS-stage page fault delegated to VS (vscause, vstval, vsepc) or kept in
 * HS (stval = guest virtual address, GVA = 1, htval = 0); virtual
 * interrupts asserted through hvip.VSSIP/VSTIP/VSEIP, which VS sees as
 * causes 1/5/9, and HS as 2/6/10 when hideleg keeps them.
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

#define INT (1 << 63)
#define BAD_VA 0x40000010       /* not mapped by vs_root */

        RVTEST_CODE_BEGIN
        H_INIT

        /* 2: medeleg[10]: an ecall from VS goes to HS (SPV = 1) */
        li t0, 1 << CAUSE_ECALL_VS
        csrw medeleg, t0
        TEST_CASE(2, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, nop))
        EXPECT_DONE(CAUSE_ECALL_VS, 1)
        CHECK_BITS(s7, HSTATUS_SPV, HSTATUS_SPV)
        /* hedeleg[10] is read-only zero, so it cannot go further */
        li t0, 1 << CAUSE_ECALL_VS
        csrw hedeleg, t0
        TEST_CASE(3, s10, 1, RUN_IN(M_S, 1, nop))

        /* 4: medeleg[8] and hedeleg[8]: an ecall from VU goes to VS, with
         * vscause 8, vsepc at the ecall, vsstatus.SPP = 0 */
        li t0, (1 << CAUSE_ECALL_VS) | (1 << CAUSE_ECALL_U)
        csrw medeleg, t0
        li t0, 1 << CAUSE_ECALL_U
        csrw hedeleg, t0
        TEST_CASE(4, s2, CAUSE_ECALL_U, RUN_IN(M_U, 1, nop))
        EXPECT_DONE(CAUSE_ECALL_U, 2)
        CHECK_BITS(s11, MSTATUS_SPP, 0)
        lw t0, 0(s4)                    /* vsepc points at the ecall */
        CHECK(t0, 0x00000073)
        TEST_CASE(5, a0, CAUSE_ECALL_U, csrr a0, vscause)
        /* 6: an ecall from U (V = 0) is not touched by hedeleg: HS takes it */
        TEST_CASE(6, s10, 1, RUN_IN(M_U, 0, nop))
        /* 7: without medeleg[8], hedeleg[8] does nothing: M takes it */
        li t0, 1 << CAUSE_ECALL_VS
        csrw medeleg, t0
        TEST_CASE(7, s10, 3, RUN_IN(M_U, 1, nop))
        CHECK(s2, CAUSE_ECALL_U)
        csrw hedeleg, zero

        /* VS-stage translation: vs_root maps the test's gigapage (VA = GPA
         * = PA 0x80000000, RWX, A, D, U = 0) and nothing else */
        la t0, vs_root
        li t1, ((0x80000000 >> 12) << 10) | 0xcf
        sd t1, 2 * 8(t0)
        srli t0, t0, 12
        li t1, 8 << 60
        or t0, t0, t1
        csrw vsatp, t0
        /* 8: delegated to VS (medeleg[13], hedeleg[13]): a load page fault
         * in VS reaches the VS handler with vscause 13, vstval = the VA */
        li t0, (1 << CAUSE_ECALL_VS) | (1 << CAUSE_LOAD_PF)
        csrw medeleg, t0
        li t0, 1 << CAUSE_LOAD_PF
        csrw hedeleg, t0
        TEST_CASE(8, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 1, li a1, BAD_VA; ld a0, 0(a1)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 2)
        CHECK(s3, BAD_VA)
        CHECK_BITS(s11, MSTATUS_SPP, MSTATUS_SPP)
        TEST_CASE(9, a0, BAD_VA, csrr a0, vstval)
        /* 10: kept in HS (hedeleg[13] = 0): scause 13, stval = the guest
         * virtual address, so hstatus.GVA = 1; htval = 0 (not a guest-page fault) */
        csrw hedeleg, zero
        TEST_CASE(10, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 1, li a1, BAD_VA; ld a0, 0(a1)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 1)
        CHECK(s3, BAD_VA)
        CHECK_BITS(s7, HSTATUS_GVA | HSTATUS_SPV, HSTATUS_GVA | HSTATUS_SPV)
        CHECK(s8, 0)
        /* 11: a store page fault from VS kept in M: mtval = VA, GVA = 1,
         * MPV = 1, mtval2 = 0 */
        csrw medeleg, zero
        TEST_CASE(11, s2, CAUSE_STORE_PF, RUN_IN(M_S, 1, li a1, BAD_VA; sd a0, 0(a1)))
        EXPECT_TRAP(CAUSE_STORE_PF, 3)
        CHECK(s3, BAD_VA)
        CHECK_BITS(s11, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA | MSTATUS_MPV)
        CHECK(s8, 0)
        csrw vsatp, zero

        /* Virtual interrupts.  The ecall that ends a snippet goes to M. */
        csrw medeleg, zero
        li t0, 0x444
        csrw hideleg, t0
        csrw hie, t0                    /* VSSIE, VSTIE, VSEIE */
        /* 12: hvip.VSSIP, delegated: VS with SIE = 1 takes supervisor
         * software interrupt 1 (translated from 2, "hideleg") */
        li t0, MIP_VSSIP
        csrw hvip, t0
        TEST_CASE(12, s2, INT | 1, RUN_IN(M_S, 1, csrsi sstatus, 2; nop; nop))
        EXPECT_TRAP(INT | 1, 2)
        /* 13: VS with SIE = 0 does not take it */
        csrw vsstatus, zero
        TEST_CASE(13, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, nop; nop))
        /* 14: HS (V = 0) never takes an interrupt delegated to VS, even with SIE = 1 */
        TEST_CASE(14, s2, CAUSE_ECALL_HS, RUN_IN(M_S, 0, csrsi sstatus, 2; nop; nop; csrci sstatus, 2))
        /* 15: VU takes it whatever vsstatus.SIE says (VS interrupts are
         * enabled in VU) */
        TEST_CASE(15, s2, INT | 1, RUN_IN(M_U, 1, nop; nop))
        EXPECT_TRAP(INT | 1, 2)
        CHECK_BITS(s11, MSTATUS_SPP, 0)
        /* 16, 17: VSTIP is timer interrupt 5 for VS, VSEIP external interrupt 9 */
        li t0, MIP_VSTIP
        csrw hvip, t0
        csrw vsstatus, zero
        TEST_CASE(16, s2, INT | 5, RUN_IN(M_S, 1, csrsi sstatus, 2; nop; nop))
        EXPECT_TRAP(INT | 5, 2)
        li t0, MIP_VSEIP
        csrw hvip, t0
        csrw vsstatus, zero
        TEST_CASE(17, s2, INT | 9, RUN_IN(M_S, 1, csrsi sstatus, 2; nop; nop))
        EXPECT_TRAP(INT | 9, 2)
        /* 18: hip.VSEIP shows hvip.VSEIP, and vsip shows it as SEIP (bit 9) */
        TEST_CASE(18, a0, MIP_VSEIP, csrr a0, hip; andi a0, a0, MIP_VSEIP)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 reads vsip.SEIP as 0 here; vsip.SSIP from hvip.VSSIP it shows) */
        TEST_CASE(22, a0, 1 << 9, csrr a0, vsip)
#endif
        /* 19: not delegated (hideleg = 0): HS takes VS external interrupt 10
         * while V = 1 (HS interrupts are always enabled below HS) */
        csrw hideleg, zero
        csrw vsstatus, zero
        TEST_CASE(19, s2, INT | 10, RUN_IN(M_S, 1, nop; nop))
        EXPECT_TRAP(INT | 10, 1)
        CHECK_BITS(s7, HSTATUS_SPV, HSTATUS_SPV)
        /* 20: and VSSIP as 2 */
        li t0, MIP_VSSIP
        csrw hvip, t0
        TEST_CASE(20, s2, INT | 2, RUN_IN(M_S, 1, nop; nop))
        EXPECT_TRAP(INT | 2, 1)
        /* 21: with hie.VSSIE = 0 nothing is taken */
        csrw hie, zero
        TEST_CASE(21, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, nop; nop))
        csrw hvip, zero

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        .align 12
vs_root: .skip 4096
        RVTEST_DATA_END
