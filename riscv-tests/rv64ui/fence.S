/* rv64ui/fence: fence variants and pause (Zihintpause: fence w,0) execute
 * as no-ops and do not disturb registers or memory order */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:
        li TESTNUM, 2
        la a1, fdat
        li a2, 0x1234
        sd a2, 0(a1)
        fence
        fence rw, rw
        fence r, r
        fence w, w
        fence i, o
        fence iorw, iorw
        fence.tso
        ld a4, 0(a1)
        CHECK(a4, 0x1234)

test_3:                         /* pause = fence w, 0 (0x0100000f) */
        li TESTNUM, 3
        li a4, 77
        .word 0x0100000f        /* pause */
        CHECK(a4, 77)

test_4:                         /* a pause loop terminates */
        li TESTNUM, 4
        li a4, 0
1:      .word 0x0100000f
        addi a4, a4, 1
        li t0, 100
        blt a4, t0, 1b
        CHECK(a4, 100)

test_5:                         /* nop and the hint encodings (rd = x0) do nothing */
        li TESTNUM, 5
        li a4, 5
        nop
        addi x0, a4, 1          /* HINT */
        add x0, a4, a4          /* HINT */
        lui x0, 0x1             /* HINT */
        CHECK(a4, 5)
        bnez x0, fail
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
fdat:   .dword 0
        RVTEST_DATA_END
