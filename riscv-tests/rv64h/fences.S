/* rv64h/fences: who may fence and when the trap bits trap (privileged spec
 * 20211203, 8.2.1 hstatus VTVM/VTW/VTSR, 8.3.2 "Hypervisor Memory-Management
 * Fence Instructions", 8.4.1 mstatus.TVM, 8.6.1 the virtual-instruction
 * list): hfence.* are virtual instructions in VS/VU and illegal in U;
 * mstatus.TVM makes hfence.gvma and hgatp illegal in HS but leaves
 * hfence.vvma, vsatp and VS-mode alone; VTVM makes sfence.vma and satp
 * virtual instructions in VS; VTW wfi; VTSR sret; sret and sfence.vma
 * in VU are virtual instructions.
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

        RVTEST_CODE_BEGIN
        H_INIT
        csrw hgatp, zero
        csrw vsatp, zero

        /* hfence.vvma / hfence.gvma: legal in HS, virtual instruction (22)
         * with V = 1, illegal (2) in U */
        TEST_CASE(2, s2, CAUSE_ECALL_HS, RUN_IN(M_S, 0, hfence.vvma; hfence.gvma))
        TEST_CASE(3, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, hfence.vvma))
        EXPECT_TRAP(CAUSE_VIRTUAL, 3)
        TEST_CASE(4, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, hfence.gvma))
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 raises an illegal instruction, 2, for these in VU) */
        TEST_CASE(5, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, hfence.vvma))
        TEST_CASE(6, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, hfence.gvma))
#endif
        TEST_CASE(7, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, hfence.vvma))
        TEST_CASE(8, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, hfence.gvma))
        /* sfence.vma: a virtual instruction in VU, illegal in U */
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2: illegal instruction, 2) */
        TEST_CASE(9, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, sfence.vma))
#endif
        TEST_CASE(10, s2, CAUSE_ILLEGAL, RUN_IN(M_U, 0, sfence.vma))

        /* mstatus.TVM = 1: in HS hfence.gvma and hgatp are illegal,
         * hfence.vvma and vsatp are not */
        li t0, MSTATUS_TVM
        csrs mstatus, t0
        TEST_CASE(11, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, hfence.gvma))
        EXPECT_TRAP(CAUSE_ILLEGAL, 3)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 lets HS read hgatp with TVM = 1) */
        TEST_CASE(12, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, csrr a0, hgatp))
#endif
        TEST_CASE(13, s2, CAUSE_ECALL_HS, RUN_IN(M_S, 0, hfence.vvma; csrr a0, vsatp; csrw vsatp, zero))
        /* ... and in M hfence.gvma stays legal */
        TEST_NO_TRAP(14, hfence.gvma)
        /* TVM does not apply to VS: sfence.vma and satp are fine there */
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 applies TVM in VS: illegal instruction, 2) */
        TEST_CASE(15, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, sfence.vma; csrr a0, satp; csrw satp, zero))
#endif
        /* while in HS they are illegal, as without H */
        TEST_CASE(16, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, sfence.vma))
        li t0, MSTATUS_TVM
        csrc mstatus, t0

        /* hstatus.VTVM = 1: sfence.vma and satp in VS are virtual
         * instructions; hfence.vvma in HS is untouched */
        li t0, HSTATUS_VTVM
        csrs hstatus, t0
        TEST_CASE(17, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, sfence.vma))
        EXPECT_TRAP(CAUSE_VIRTUAL, 3)
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 lets VS access satp with VTVM = 1) */
        TEST_CASE(18, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrr a0, satp))
        TEST_CASE(19, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, csrw satp, zero))
#endif
        TEST_CASE(20, s2, CAUSE_ECALL_HS, RUN_IN(M_S, 0, hfence.vvma; sfence.vma; csrr a0, satp))
        li t0, HSTATUS_VTVM
        csrc hstatus, t0

        /* hstatus.VTW = 1 (mstatus.TW = 0): wfi in VS is a virtual
         * instruction unless it completes within a bounded time, which the
         * spec allows: accept either (QEMU 7.2 traps) */
        li t0, HSTATUS_VTW
        csrs hstatus, t0
        TEST_CASE(21, s5, 1, RUN_IN(M_S, 1, wfi))
        li t0, CAUSE_ECALL_VS
        beq s2, t0, 2f
        CHECK(s2, CAUSE_VIRTUAL)
2:      li t0, HSTATUS_VTW
        csrc hstatus, t0
        /* mstatus.TW = 1: wfi in VS and in VU is illegal (TW reaches every
         * mode below M), or completes */
        li t0, MSTATUS_TW
        csrs mstatus, t0
        TEST_CASE(22, s5, 1, RUN_IN(M_S, 1, wfi))
        li t0, CAUSE_ECALL_VS
        beq s2, t0, 2f
        CHECK(s2, CAUSE_ILLEGAL)
2:      li t0, MSTATUS_TW
        csrc mstatus, t0

        /* hstatus.VTSR = 1: sret in VS is a virtual instruction */
        li t0, HSTATUS_VTSR
        csrs hstatus, t0
        TEST_CASE(23, s2, CAUSE_VIRTUAL, RUN_IN(M_S, 1, sret))
        EXPECT_TRAP(CAUSE_VIRTUAL, 3)
        li t0, HSTATUS_VTSR
        csrc hstatus, t0
        /* VTSR = 0: sret in VS returns within VS to vsepc (vsstatus.SPP = 1)
         * and clears vsstatus.SPP */
        la t0, 3f
        csrw vsepc, t0
        li t0, MSTATUS_SPP
        csrw vsstatus, t0
        TEST_CASE(24, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, sret; j fail; 3: nop))
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        TEST_CASE(25, a0, 0, csrr a0, vsstatus; andi a0, a0, MSTATUS_SPP)
        /* mstatus.TSR = 1 makes sret in HS illegal ... */
        li t0, MSTATUS_TSR
        csrs mstatus, t0
        TEST_CASE(26, s2, CAUSE_ILLEGAL, RUN_IN(M_S, 0, sret))
        /* ... but not in VS (TSR affects HS only; QEMU 7.2 applies it in VS too) */
#ifndef PAGODA_QEMU_EXIT
        la t0, 3f
        csrw vsepc, t0
        li t0, MSTATUS_SPP
        csrw vsstatus, t0
        TEST_CASE(28, s2, CAUSE_ECALL_VS, RUN_IN(M_S, 1, sret; j fail; 3: nop))
#endif
        li t0, MSTATUS_TSR
        csrc mstatus, t0
        /* sret in VU is a virtual instruction (QEMU 7.2: illegal, 2) */
#ifndef PAGODA_QEMU_EXIT
        TEST_CASE(27, s2, CAUSE_VIRTUAL, RUN_IN(M_U, 1, sret))
#endif

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
