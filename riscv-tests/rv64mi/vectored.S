/* rv64mi/vectored: interrupts. A machine software interrupt raised through
 * the CLINT msip register (0x2000000) is taken only when mie.MSIE and
 * mstatus.MIE allow it; mcause = interrupt bit | 3; in vectored mode
 * (mtvec.MODE = 1) it goes to base + 4 * 3, while exceptions still go to
 * base; mip.MSIP reflects msip; mepc = the next instruction not executed. */
#include "macros.h"

RVTEST_CODE_BEGIN
        li s1, CLINT_MSIP
test_2:                         /* mip.MSIP follows the CLINT */
        li TESTNUM, 2
        li t0, 1
        sw t0, 0(s1)
        csrr a1, mip
        andi a1, a1, 8
        CHECK(a1, 8)
        sw x0, 0(s1)
        csrr a1, mip
        andi a1, a1, 8
        CHECK(a1, 0)
test_3:                         /* pending but disabled in mie: nothing happens */
        li TESTNUM, 3
        la t0, vec_table
        ori t0, t0, 1
        csrw mtvec, t0
        csrr a1, mtvec
        bne a1, t0, fail        /* vectored mode is supported */
        TRAP_RESET
        csrw mie, x0
        csrsi mstatus, 8
        li t0, 1
        sw t0, 0(s1)
        nop; nop; nop; nop
        CHECK(s5, 0)
test_4:                         /* enabled in mie but mstatus.MIE = 0: still nothing */
        li TESTNUM, 4
        csrci mstatus, 8
        li t0, 8
        csrs mie, t0
        nop; nop; nop; nop
        CHECK(s5, 0)
test_5:                         /* set MIE: taken at once, to base + 12 */
        li TESTNUM, 5
        csrsi mstatus, 8
1:      nop
        nop
        CHECK(s5, 1)
        li t0, 0x8000000000000003
        bne s2, t0, fail
        la t0, 1b
        bne s4, t0, fail        /* mepc = first instruction not executed */
        CHECK(s8, 3)            /* entered through vector entry 3 */
        csrci mstatus, 8
test_6:                         /* an exception in vectored mode goes to base */
        li TESTNUM, 6
        TRAP_RESET
1:      ecall
        CHECK(s5, 1)
        CHECK(s2, 11)
        CHECK(s8, 0)
        la t0, 1b
        bne s4, t0, fail
test_7:                         /* direct mode: the interrupt goes to base too */
        li TESTNUM, 7
        la t0, vec_table
        csrw mtvec, t0
        TRAP_RESET
        li t0, 1
        sw t0, 0(s1)            /* MIE = 0: pending only */
        nop
        CHECK(s5, 0)
        csrsi mstatus, 8
        nop
        nop
        CHECK(s5, 1)
        li t0, 0x8000000000000003
        bne s2, t0, fail
        CHECK(s8, 0)
        csrci mstatus, 8
        csrw mie, x0
        TEST_PASSFAIL

        .align 8
vec_table:
        .option push
        .option norvc
        j handler_0
        j fail
        j fail
        j handler_3
        .rept 12
        j fail
        .endr
        .option pop
handler_3:
        li s8, 3
        j 1f
handler_0:
        li s8, 0
1:      csrr s2, mcause
        csrr s4, mepc
        addi s5, s5, 1
        bltz s2, 2f
        addi t5, s4, 4          /* exceptions here are 4-byte ecalls */
        csrw mepc, t5
        mret
2:      sw x0, 0(s1)            /* interrupt: clear msip, resume at mepc */
        mret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
