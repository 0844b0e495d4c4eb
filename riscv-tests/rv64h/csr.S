/* rv64h/csr: the hypervisor and virtual-supervisor CSRs exist from M and HS
 * and not from U; the WARL masks the specification fixes (privileged spec
 * 20211203, 8.2 "Hypervisor and Virtual Supervisor CSRs"); misa.H.
 * GEILEN = 0 is assumed (no guest external interrupts: hgeie/hgeip zero).
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

        RVTEST_CODE_BEGIN
        H_INIT

        /* misa.H (bit 7) is set */
        TEST_CASE(2, a0, 1 << 7, csrr a0, misa; andi a0, a0, 1 << 7)

        /* hstatus.VSXL reads 2: VS-mode is 64-bit (8.2.1) */
        TEST_CASE(3, a0, 2, csrr a0, hstatus; srli a0, a0, 32; andi a0, a0, 3)

        /* hstatus: GVA, SPV, SPVP, HU, VTVM, VTW, VTSR are plain writable
         * fields (VGEIN is WLRL, VSBE and VSXL WARL: not written here) */
#define HS_BITS (HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR)
        TEST_CASE(4, a1, HS_BITS, li a0, HS_BITS; csrs hstatus, a0; csrr a1, hstatus; and a1, a1, a0)
        TEST_CASE(5, a1, 0, li a0, HS_BITS; csrc hstatus, a0; csrr a1, hstatus; and a1, a1, a0)
        /* ... and VSXL is still 2 */
        TEST_CASE(6, a0, 2, csrr a0, hstatus; srli a0, a0, 32; andi a0, a0, 3)
        /* mideleg: VSSIP, VSTIP, VSEIP (2, 6, 10) are read-only one with H
         * ("Machine Interrupt Delegation"); QEMU 7.2 reads them as zero
         * until mideleg is first written, then as one */
        TEST_CASE(7, a0, 0x444, csrw mideleg, zero; csrr a0, mideleg; andi a0, a0, 0x444)

        /* hedeleg (8.2.2, table 8.2): causes 1-8, 12, 13, 15 writable (0
         * only if IALIGN = 32: not with C);
         * 9, 10, 11 (ecalls from HS, VS, M) and 20-23 (guest-page faults,
         * virtual instruction) read-only zero */
        TEST_CASE(8, a1, 0xb1fe,
                  li a0, -1; csrw hedeleg, a0; csrr a0, hedeleg;
                  li a1, 0xb1fe; and a1, a0, a1)
        TEST_CASE(9, a1, 0, li a1, 0xf00e00; and a1, a0, a1)
        csrw hedeleg, zero

        /* hideleg: the VS-level interrupts 2, 6, 10 writable; the S-level
         * ones 1, 5, 9 and SGEI 12 read-only zero (8.2.2) */
        TEST_CASE(10, a1, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP,
                  li a0, -1; csrw hideleg, a0; csrr a0, hideleg; li a1, 0x1666; and a1, a0, a1)
        csrw hideleg, zero

        /* hvip: VSEIP, VSTIP, VSSIP writable, the rest of 12:0 zero (8.2.3;
         * bit 13, LCOFI, belongs to other extensions) */
        TEST_CASE(11, a1, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP,
                  li a0, -1; csrw hvip, a0; csrr a0, hvip; li a1, 0x1fff; and a1, a0, a1)
        /* hip.VSSIP is hvip.VSSIP; hip.VSTIP/VSEIP read them too (8.2.4) */
        TEST_CASE(12, a1, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP,
                  csrr a0, hip; li a1, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP; and a1, a0, a1)
        TEST_CASE(13, a1, 0, csrw hvip, zero; csrr a0, hip; li a1, 0x1444; and a1, a0, a1)
        /* writing hip sets only VSSIP, which hvip then shows */
        TEST_CASE(14, a0, MIP_VSSIP, li a0, -1; csrw hip, a0; csrr a0, hvip; li a1, 0x1fff; and a0, a0, a1)
        TEST_CASE(15, a0, 0, csrc hip, MIP_VSSIP; csrr a0, hvip)
        /* mip shows the VS bits too (8.2.x: mip.VSSIP aliases hip) */
        TEST_CASE(16, a0, MIP_VSSIP, li a0, MIP_VSSIP; csrw hvip, a0; csrr a0, mip; andi a0, a0, 0x444)
        csrw hvip, zero

        /* hie: VSEIE, VSTIE, VSSIE writable; S-level bits 1, 5, 9 zero (8.2.4) */
        TEST_CASE(17, a1, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP,
                  li a0, -1; csrw hie, a0; csrr a0, hie; li a1, 0x666; and a1, a0, a1)
        csrw hie, zero

        /* GEILEN = 0: hgeie is all zero; hgeip reads zero and is read-only */
        TEST_CASE(18, a0, 0, li a0, -1; csrw hgeie, a0; csrr a0, hgeie)
        TEST_CASE(19, a0, 0, csrr a0, hgeip)

        /* hgatp (8.2.10): Sv39x4 (8) and Sv48x4 (9) take; PPN[1:0] read as
         * zero in those modes (the 16 KiB root); VMID's writable bits are
         * its low VMIDLEN bits (0..14) */
        TEST_CASE(20, a1, 8, li a0, (8 << 60) | 0x80001; csrw hgatp, a0; csrr a0, hgatp; srli a1, a0, 60)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 keeps PPN[1:0]: reads 0x80001 here) */
        TEST_CASE(21, a1, 0x80000, li a1, 0xfffffffffff; and a1, a0, a1)
#endif
        TEST_CASE(22, a1, 9 << 60, li a0, (9 << 60) | 0x80000; csrw hgatp, a0; csrr a1, hgatp; srli a1, a1, 60; slli a1, a1, 60)
        /* VMID: write all ones, the bits that stick are contiguous from bit 0 */
        TEST_CASE(23, a2, 0, li a0, (8 << 60) | (0x3fff << 44) | 0x80000; csrw hgatp, a0; csrr a0, hgatp;
                  srli a1, a0, 44; li a2, 0x3fff; and a1, a1, a2; addi a2, a1, 1; and a2, a2, a1)
        /* an unsupported MODE (5, reserved): unlike satp the write is not
         * ignored, MODE is WARL ("hgatp"): it must read back as a legal
         * mode, so never 5 (QEMU 7.2 stores and returns 5) */
#ifndef PAGODA_QEMU_EXIT
        TEST_CASE(24, a1, 0, li a1, (5 << 60) | 0x80000; csrw hgatp, a1; csrr a1, hgatp;
                  srli a1, a1, 60; addi a1, a1, -5; seqz a1, a1)
#endif
        /* Bare: the whole register zero is accepted */
        TEST_CASE(25, a0, 0, csrw hgatp, zero; csrr a0, hgatp)

        /* htval, htinst, mtval2, mtinst hold zero (WARL, must hold 0) and exist */
        TEST_CASE(26, a0, 0, csrw htval, zero; csrr a0, htval)
        TEST_CASE(27, a0, 0, csrw htinst, zero; csrr a0, htinst)
        TEST_CASE(28, a0, 0, csrw mtval2, zero; csrr a0, mtval2)
        TEST_CASE(29, a0, 0, csrw mtinst, zero; csrr a0, mtinst)
        /* htimedelta is a full 64-bit register */
        TEST_CASE(30, a0, 0x123456789abcdef0, li a0, 0x123456789abcdef0; csrw htimedelta, a0; csrr a0, htimedelta)
        csrw htimedelta, zero
        /* hcounteren and henvcfg exist (contents WARL) */
        TEST_NO_TRAP(31, csrr a0, hcounteren; csrr a0, henvcfg)

        /* the VS CSRs: full-width vsscratch, vstval; vsepc[0] = 0;
         * vstvec MODE 0 and 1; vscause holds an interrupt cause */
        TEST_CASE(32, a0, 0xfedcba9876543210, li a0, 0xfedcba9876543210; csrw vsscratch, a0; csrr a0, vsscratch)
        TEST_CASE(33, a0, 0x1234567, li a0, 0x1234567; csrw vstval, a0; csrr a0, vstval)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 keeps vsepc[0], as it keeps mepc[0]) */
        TEST_CASE(34, a0, 0x80001236, li a0, 0x80001237; csrw vsepc, a0; csrr a0, vsepc)
#endif
        TEST_CASE(35, a0, 0x80001001, li a0, 0x80001001; csrw vstvec, a0; csrr a0, vstvec)
        TEST_CASE(36, a0, (1 << 63) | 5, li a0, (1 << 63) | 5; csrw vscause, a0; csrr a0, vscause)
        /* vsatp takes Sv39 */
        TEST_CASE(37, a0, (8 << 60) | 0x80000, li a0, (8 << 60) | 0x80000; csrw vsatp, a0; csrr a0, vsatp)
        csrw vsatp, zero
        /* vsstatus is its own register: SUM set there leaves sstatus alone;
         * vsstatus.UXL reads 2 */
        TEST_CASE(38, a0, 0, li a0, MSTATUS_SUM; csrc sstatus, a0; csrs vsstatus, a0; csrr a0, sstatus; li a1, MSTATUS_SUM; and a0, a0, a1)
        TEST_CASE(39, a0, MSTATUS_SUM, csrr a0, vsstatus; li a1, MSTATUS_SUM; and a0, a0, a1)
        TEST_CASE(40, a0, 2, csrr a0, vsstatus; srli a0, a0, 32; andi a0, a0, 3)
        csrw vsstatus, zero

        /* vsip/vsie (8.2.12): with hideleg = 0 they read zero even when
         * hvip.VSSIP is set; delegated, vsip.SSIP (bit 1) is hip.VSSIP */
        TEST_CASE(41, a0, 0, li a0, MIP_VSSIP; csrw hvip, a0; csrr a0, vsip)
        TEST_CASE(42, a0, MIP_SSIP, li a0, 0x444; csrw hideleg, a0; csrr a0, vsip)
        /* clearing vsip.SSIP clears hvip.VSSIP */
        TEST_CASE(43, a0, 0, csrc vsip, MIP_SSIP; csrr a0, hvip)
        /* vsie.SSIE/STIE/SEIE write hie.VSSIE/VSTIE/VSEIE */
        TEST_CASE(44, a0, 0x444, li a0, 0x222; csrw vsie, a0; csrr a0, hie; andi a0, a0, 0x666)
        csrw hie, zero
        csrw hideleg, zero

        /* mstatus.MPV and GVA are writable (8.2.x, "Machine Status") */
        TEST_CASE(45, a1, MSTATUS_MPV | MSTATUS_GVA, li a0, MSTATUS_MPV | MSTATUS_GVA; csrs mstatus, a0;
                  csrr a1, mstatus; and a1, a1, a0; csrc mstatus, a0)

        /* from HS-mode every hypervisor and VS CSR is accessible */
        TEST_CASE(46, s2, CAUSE_ECALL_HS,
                  RUN_IN(M_S, 0, csrr a0, hstatus; csrr a0, hedeleg; csrr a0, hideleg; csrr a0, hie;
                         csrr a0, hip; csrr a0, hvip; csrr a0, htval; csrr a0, htinst; csrr a0, hgatp;
                         csrr a0, hcounteren; csrr a0, htimedelta; csrr a0, hgeie; csrr a0, hgeip;
                         csrr a0, henvcfg;
                         csrr a0, vsstatus; csrr a0, vsie; csrr a0, vsip; csrr a0, vstvec; csrr a0, vsscratch;
                         csrr a0, vsepc; csrr a0, vscause; csrr a0, vstval; csrr a0, vsatp;
                         csrw vsscratch, a0; csrw hgatp, zero; csrw hstatus, zero))
        EXPECT_DONE(CAUSE_ECALL_HS, 3)
        /* ... but not from U-mode (V = 0): illegal instruction */
        TEST_CASE(47, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, csrr a0, hstatus))
        EXPECT_TRAP(CAUSE_ILLEGAL, 3)
        TEST_CASE(48, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, csrr a0, vsstatus))
        /* nor mtval2/mtinst from HS */
        TEST_CASE(49, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, csrr a0, mtinst))
        /* hgeip is read-only: writing it is illegal (even in M) */
        TEST_CASE(50, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, csrw hgeip, zero))

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
