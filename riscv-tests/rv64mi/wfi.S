/* rv64mi/wfi: wfi executes in M-mode and resumes when an enabled interrupt
 * is pending even with mstatus.MIE = 0 (no trap is taken): first with a
 * software interrupt already pending, then waiting for the CLINT timer
 * (mtimecmp a little after mtime), whose mip.MTIP then reads 1. */
#include "macros.h"

RVTEST_CODE_BEGIN
        csrci mstatus, 8
        li s1, CLINT_MSIP
test_2:
        li TESTNUM, 2
        li t0, 8
        csrw mie, t0
        li t0, 1
        sw t0, 0(s1)
        TRAP_RESET
        wfi
        CHECK(s5, 0)
        sw x0, 0(s1)
test_3:
        li TESTNUM, 3
        li t0, CLINT_MTIME
        ld a1, 0(t0)
        addi a1, a1, 1000
        li t0, CLINT_MTIMECMP
        sd a1, 0(t0)
        li t0, 1 << 7
        csrw mie, t0
1:      wfi                     /* may return early: loop until the timer fires */
        csrr a2, mip
        andi a2, a2, 1 << 7
        beqz a2, 1b
        li t0, CLINT_MTIME
        ld a3, 0(t0)
        bltu a3, a1, fail       /* mtime reached mtimecmp */
        CHECK(s5, 0)
        li t0, CLINT_MTIMECMP
        li a1, -1
        sd a1, 0(t0)            /* clear MTIP */
        csrr a2, mip
        andi a2, a2, 1 << 7
        CHECK(a2, 0)
        csrw mie, x0
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
