/* rv64mi/deleg: medeleg bit 8 delegates a U-mode ecall to S-mode: it goes
 * to stvec with scause 8, sepc = the ecall, sstatus.SPP = U; sret returns
 * to U (SPP) after it; an S-mode ecall (bit 9 not delegated) still goes to
 * M with mcause 9. Without delegation the U ecall goes to M. */
#include "macros.h"

RVTEST_CODE_BEGIN
        PMP_OPEN_ALL
        la t0, s_handler
        csrw stvec, t0
        li t0, 1 << 8
        csrw medeleg, t0
test_2:
        li TESTNUM, 2
        TRAP_RESET
        li s8, 0                /* S-handler entry count */
        la s6, 3f
        MRET_TO(0, 1f)
1:      ecall                   /* -> S: handler returns with sret */
        li a0, 0x77             /* back in U after sret */
        ecall                   /* -> S again; second time the S handler ecalls to M */
        j fail
3:      CHECK(s8, 2)
        CHECK(s5, 1)            /* only one trap reached M */
        CHECK(s2, 9)            /* ... the ecall from S */
        CHECK(a0, 0x77)
        CHECK(s9, 8)            /* scause seen by S */
        la t0, 1b
        bne s10, t0, fail       /* first sepc = the first U ecall */
        CHECK(s11, 0)           /* sstatus.SPP = U */
test_3:                         /* without delegation the U ecall goes to M */
        li TESTNUM, 3
        csrw medeleg, x0
        TRAP_RESET
        la s6, 2f
        MRET_TO(0, 1f)
1:      ecall
        j fail
2:      CHECK(s5, 1)
        CHECK(s2, 8)
test_4:                         /* sret from S to S (SPP = S) and SPIE -> SIE */
        li TESTNUM, 4
        TRAP_RESET
        la s6, 3f
        MRET_TO(1, 1f)
1:      li t0, (1 << 8) | (1 << 5)   /* SPP = S, SPIE = 1 */
        csrs sstatus, t0
        csrci sstatus, 2             /* SIE = 0 */
        la t0, 2f
        csrw sepc, t0
        sret
        j fail
2:      csrr a1, sstatus
        ecall                        /* still in S: cause 9 */
3:      CHECK(s2, 9)
        andi t0, a1, 0x22
        CHECK(t0, 0x22)              /* SIE = old SPIE, SPIE = 1 */
        srli t0, a1, 8
        andi t0, t0, 1
        CHECK(t0, 0)                 /* SPP = U after sret */
        TEST_PASSFAIL

        .align 2
s_handler:                      /* S-mode trap handler */
        addi s8, s8, 1
        csrr t0, scause
        csrr t1, sepc
        csrr t2, sstatus
        li t3, 1
        bne s8, t3, 1f
        mv s9, t0               /* first entry: record and sret past the ecall */
        mv s10, t1
        srli s11, t2, 8
        andi s11, s11, 1
        addi t1, t1, 4
        csrw sepc, t1
        sret
1:      ecall                   /* second entry: hand over to M */
        j fail

        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
