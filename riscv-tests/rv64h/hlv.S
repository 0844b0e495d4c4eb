/* rv64h/hlv: the virtual-machine loads and stores (privileged spec
 * 20211203, 8.3.1): hlv.b/bu/h/hu/w/wu/d and hsv.b/h/w/d through the
 * guest's VS-stage tables as though V = 1, at the privilege hstatus.SPVP
 * selects (with vsstatus.SUM), hlvx.hu/wu needing execute and not read
 * permission, sstatus.MXR; legal in M and HS, in U only with hstatus.HU
 * (else illegal), never with V = 1 (virtual instruction); MPRV does not
 * apply to them; a fault writes a guest virtual address (GVA = 1, MPV = 0).
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

#define OFF_U  0x40000000       /* VA = PA + OFF_U: the U=1, RW gigapage (root[3]) */
#define OFF_X  (-0x80000000)    /* VA = PA + OFF_X: the execute-only gigapage (root[0]) */
#define DATA   0xf1e2d3c4b5a69788

        RVTEST_CODE_BEGIN
        H_INIT
        /* the guest's Sv39 table: root[2] identity RWX (U = 0), root[3]
         * the same memory U = 1 RW, root[0] the same memory execute-only */
        la t0, vs_root
        li t1, ((0x80000000 >> 12) << 10) | 0xcf
        sd t1, 2 * 8(t0)
        li t1, ((0x80000000 >> 12) << 10) | 0xd7
        sd t1, 3 * 8(t0)
        li t1, ((0x80000000 >> 12) << 10) | 0x49
        sd t1, 0 * 8(t0)
        srli t0, t0, 12
        li t1, 8 << 60
        or t0, t0, t1
        csrw vsatp, t0
        csrw hgatp, zero
        csrw medeleg, zero
        li t0, HSTATUS_SPVP
        csrs hstatus, t0                /* as though VS */
        la a1, hdata

        /* every width, from M with SPVP = 1 on the U = 0 page */
        TEST_CASE(2, a0, 0xffffffffffffff88, hlv.b a0, (a1))
        TEST_CASE(3, a0, 0x88, hlv.bu a0, (a1))
        TEST_CASE(4, a0, 0xffffffffffff9788, hlv.h a0, (a1))
        TEST_CASE(5, a0, 0x9788, hlv.hu a0, (a1))
        TEST_CASE(6, a0, 0xffffffffb5a69788, hlv.w a0, (a1))
        TEST_CASE(7, a0, 0xb5a69788, hlv.wu a0, (a1))
        TEST_CASE(8, a0, DATA, hlv.d a0, (a1))
        /* stores: each width leaves its neighbours */
        TEST_CASE(9, a0, 0xf1e2d3c4b5a697aa, li a2, 0x55aa; hsv.b a2, (a1); ld a0, 0(a1))
        TEST_CASE(10, a0, 0xf1e2d3c4b5a6bbcc, li a2, 0xbbcc; hsv.h a2, (a1); ld a0, 0(a1))
        TEST_CASE(11, a0, 0xf1e2d3c411223344, li a2, 0x11223344; hsv.w a2, (a1); ld a0, 0(a1))
        TEST_CASE(12, a0, DATA, li a2, DATA; hsv.d a2, (a1); ld a0, 0(a1))
        /* and from HS-mode */
        TEST_CASE(13, a0, DATA, RUN_IN(M_S, 0, hlv.d a0, (a1)))
        EXPECT_DONE(CAUSE_ECALL_HS, 3)

        /* SPVP = 1 on the U = 1 page: as VS with vsstatus.SUM = 0, a load
         * page fault; the fault is taken from M (MPV = 0) with a guest
         * virtual address in mtval (GVA = 1, "hstatus" GVA note) */
        li t0, OFF_U
        add a3, a1, t0
        csrw vsstatus, zero
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 lets an hlv with SPVP = 1 read a U = 1 page whatever
         * vsstatus.SUM says: cases 14, 15 and 17 are Pagoda's only) */
        TEST_CASE(14, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 0, hlv.d a0, (a3)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 3)
        bne s3, a3, fail
        CHECK_BITS(s11, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA)
        /* the same from HS, delegated: hstatus.GVA = 1 with SPV = 0 */
        li t0, 1 << CAUSE_LOAD_PF
        csrw medeleg, t0
        TEST_CASE(15, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 0, hlv.d a0, (a3)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 1)
        bne s3, a3, fail
        CHECK_BITS(s7, HSTATUS_GVA | HSTATUS_SPV, HSTATUS_GVA)
        csrw medeleg, zero
#endif
        /* with vsstatus.SUM = 1 the VS access to the U page works; the
         * HS-level sstatus.SUM plays no part (8.3.1) */
        li t0, MSTATUS_SUM
        csrc sstatus, t0
        csrw vsstatus, t0
        TEST_CASE(16, a0, DATA, hlv.d a0, (a3))
        csrw vsstatus, zero
        li t0, MSTATUS_SUM
        csrs sstatus, t0
#ifndef PAGODA_QEMU_EXIT
        TEST_CASE(17, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 0, hlv.d a0, (a3)))
#endif
        li t0, MSTATUS_SUM
        csrc sstatus, t0

        /* SPVP = 0: as VU, the U page works and the U = 0 page faults */
        li t0, HSTATUS_SPVP
        csrc hstatus, t0
        TEST_CASE(18, a0, DATA, hlv.d a0, (a3))
        TEST_CASE(19, a0, 0x5a5a, li a2, 0x5a5a; hsv.h a2, (a3); lhu a0, 0(a1))
        li a2, DATA
        sd a2, 0(a1)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 raises a store access fault, 7, here) */
        TEST_CASE(20, s2, CAUSE_STORE_PF, RUN_IN(M_S, 0, hsv.d a2, (a1)))
        EXPECT_TRAP(CAUSE_STORE_PF, 3)
        bne s3, a1, fail
        CHECK_BITS(s11, MSTATUS_GVA, MSTATUS_GVA)
#endif
        li t0, HSTATUS_SPVP
        csrs hstatus, t0

        /* hlvx: the execute-only page reads with hlvx.hu/wu, not with hlv */
        li t0, OFF_X
        add a4, a1, t0
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 treats hlvx as a plain load, needing R and not X, and
         * raises a load access fault, 5, for any access through this
         * execute-only page: cases 21-26 are Pagoda's only) */
        TEST_CASE(21, a0, 0x9788, hlvx.hu a0, (a4))
        TEST_CASE(22, a0, 0xb5a69788, hlvx.wu a0, (a4))
        TEST_CASE(23, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 0, hlv.hu a0, (a4)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 3)
        /* the readable, not executable U page: hlvx faults as a load (13), not a fetch */
        li t0, HSTATUS_SPVP
        csrc hstatus, t0
        TEST_CASE(24, s2, CAUSE_LOAD_PF, RUN_IN(M_S, 0, hlvx.wu a0, (a3)))
        EXPECT_TRAP(CAUSE_LOAD_PF, 3)
        bne s3, a3, fail
        li t0, HSTATUS_SPVP
        csrs hstatus, t0
        /* the HS-level sstatus.MXR makes the execute-only page readable by hlv */
        li t0, MSTATUS_MXR
        csrs sstatus, t0
        TEST_CASE(25, a0, 0x9788, hlv.hu a0, (a4))
        csrc sstatus, t0
        /* vsstatus.MXR does too (the VS stage's execute-only page) */
        csrw vsstatus, t0
        TEST_CASE(26, a0, 0x9788, hlv.hu a0, (a4))
        csrw vsstatus, zero
#endif

        /* MPRV does not apply: with MPRV = 1, MPP = U in M, hlv still acts
         * as VS (SPVP = 1) on the U = 0 page */
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPRV
        csrs mstatus, t0
        TEST_CASE(27, a0, DATA, hlv.d a0, (a1))
        li t0, MSTATUS_MPRV
        csrc mstatus, t0

        /* U-mode: illegal with HU = 0; allowed with HU = 1 */
        TEST_CASE(28, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, hlv.d a0, (a1)))
        EXPECT_TRAP(CAUSE_ILLEGAL, 3)
        TEST_CASE(29, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, hsv.d a0, (a1)))
        li t0, HSTATUS_HU
        csrs hstatus, t0
        TEST_CASE(30, a0, DATA, li a0, 0; RUN_IN(M_U, 0, hlv.d a0, (a1)))
        EXPECT_DONE(CAUSE_ECALL_U, 3)
        /* V = 1: a virtual-instruction exception, from VS and from VU (HU or not) */
        TEST_CASE(31, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, hlv.d a0, (a1)))
        EXPECT_TRAP(CAUSE_VIRTUAL, 3)
        TEST_CASE(32, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, hsv.w a0, (a1)))
        csrw vsatp, zero                /* VU runs from the (U = 0) test image */
        TEST_CASE(33, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, hlvx.hu a0, (a1)))
        li t0, HSTATUS_HU
        csrc hstatus, t0
        TEST_CASE(34, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, hlv.b a0, (a1)))

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        .align 12
vs_root: .skip 4096
        .align 3
hdata:  .dword DATA
        RVTEST_DATA_END
