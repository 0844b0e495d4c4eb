/* rv64mi/mret: mret returns to the privilege in MPP at mepc; MIE = MPIE,
 * MPIE = 1, MPP = U (least privileged); into S and U mode, an ecall from
 * there is cause 9 / 8 with mepc = that ecall; MPP reads back as written
 * (M, S, U legal). */
#include "macros.h"

RVTEST_CODE_BEGIN
        PMP_OPEN_ALL
        TEST_CASE(2, a4, 1, li t0, 3 << 11; csrc mstatus, t0; li t0, 1 << 11; csrs mstatus, t0;
                  csrr a1, mstatus; srli a1, a1, 11; andi a4, a1, 3)                /* MPP = S */
        TEST_CASE(3, a4, 0, li t0, 3 << 11; csrc mstatus, t0;
                  csrr a1, mstatus; srli a1, a1, 11; andi a4, a1, 3)                /* MPP = U */
test_4:                         /* mret to M: MIE <- MPIE (1), MPIE <- 1, MPP <- U */
        li TESTNUM, 4
        csrw mie, x0
        li t0, (3 << 11) | (1 << 7)
        csrs mstatus, t0
        csrci mstatus, 8
        la t0, 1f
        csrw mepc, t0
        mret
        j fail
1:      csrr a1, mstatus
        andi t0, a1, 0x88
        CHECK(t0, 0x88)
        srli t0, a1, 11
        andi t0, t0, 3
        CHECK(t0, 0)
test_5:                         /* mret with MPIE = 0 clears MIE; MPIE becomes 1 */
        li TESTNUM, 5
        li t0, (3 << 11)
        csrs mstatus, t0
        li t0, 0x80
        csrc mstatus, t0
        la t0, 1f
        csrw mepc, t0
        mret
1:      csrr a1, mstatus
        andi t0, a1, 0x88
        CHECK(t0, 0x80)
test_6:                         /* into U-mode: ecall is cause 8 at the ecall */
        li TESTNUM, 6
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      ecall
        j fail
2:      CHECK(s5, 1)
        CHECK(s2, 8)
        la t0, 1b
        bne s4, t0, fail
        srli t0, s7, 11          /* MPP in the handler = U */
        andi t0, t0, 3
        CHECK(t0, 0)
test_7:                         /* into S-mode: ecall is cause 9 */
        li TESTNUM, 7
        TRAP_RESET
        la s6, 2f
        MRET_TO(1, 1f)
1:      ecall
        j fail
2:      CHECK(s5, 1)
        CHECK(s2, 9)
        la t0, 1b
        bne s4, t0, fail
        srli t0, s7, 11          /* MPP = S */
        andi t0, t0, 3
        CHECK(t0, 1)
test_8:                         /* M-only CSRs and mret are illegal in U- and S-mode */
        li TESTNUM, 8
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      csrr a0, mstatus
        j fail
2:      CHECK(s2, 2)
        la t0, 1b
        bne s4, t0, fail
        TRAP_RESET
        la s6, 2f
        MRET_TO(1, 1f)
1:      mret
        j fail
2:      CHECK(s2, 2)
        TRAP_RESET
        la s6, 2f
        MRET_TO(1, 1f)
1:      csrw mscratch, x0
        j fail
2:      CHECK(s2, 2)
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      csrr a0, sstatus         /* S CSR from U */
        j fail
2:      CHECK(s2, 2)
test_9:                         /* S-mode may use S CSRs */
        li TESTNUM, 9
        TRAP_RESET
        la s6, 2f
        MRET_TO(1, 1f)
1:      li a0, 0x1234
        csrw sscratch, a0
        csrr a1, sscratch
        ecall
2:      CHECK(s2, 9)
        CHECK(a1, 0x1234)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
