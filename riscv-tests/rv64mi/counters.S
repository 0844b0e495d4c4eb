/* rv64mi/counters: mcycle and minstret count up; cycle/instret/time are
 * readable in M-mode; in U-mode cycle is illegal unless mcounteren.CY (and
 * scounteren.CY) allow it; minstret is writable and counts on from there. */
#include "macros.h"

RVTEST_CODE_BEGIN
        PMP_OPEN_ALL
test_2:
        li TESTNUM, 2
        csrr a1, minstret
        nop; nop; nop; nop; nop; nop; nop; nop; nop; nop
        csrr a2, minstret
        sub a3, a2, a1
        li t0, 10
        bltu a3, t0, fail       /* at least the 10 nops */
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 without -icount counts host ticks */
        li t0, 100
        bgeu a3, t0, fail
#endif
test_3:
        li TESTNUM, 3
        csrr a1, mcycle
        li t1, 100
1:      addi t1, t1, -1
        bnez t1, 1b
        csrr a2, mcycle
        bgeu a1, a2, fail
        csrr a1, cycle
        csrr a2, instret
        beqz a2, fail
        csrr a3, time           /* time readable in M (implemented by the board) */
test_4:                         /* minstret write */
        li TESTNUM, 4
        li t0, 1000
        csrw minstret, t0
        csrr a1, minstret
        li t0, 1000
        bltu a1, t0, fail
#ifndef PAGODA_QEMU_EXIT
        li t0, 1010
        bgeu a1, t0, fail
#endif
test_5:                         /* U-mode, mcounteren = 0: cycle is illegal */
        li TESTNUM, 5
        csrw mcounteren, x0
        csrw scounteren, x0
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      csrr a0, cycle
        j fail
2:      CHECK(s2, 2)
        la t0, 1b
        bne s4, t0, fail
test_6:                         /* mcounteren.CY and scounteren.CY set: legal in U */
        li TESTNUM, 6
        csrwi mcounteren, 1
        csrwi scounteren, 1
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      csrr a0, cycle
        ecall
        j fail
2:      CHECK(s2, 8)
        beqz a0, fail
test_7:                         /* S-mode with mcounteren.IR = 0: instret illegal */
        li TESTNUM, 7
        csrwi mcounteren, 1
        TRAP_RESET
        la s6, 2f
        MRET_TO(1, 1f)
1:      csrr a0, instret
        j fail
2:      CHECK(s2, 2)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
