/* rv64mtrig/cbo: cbo.zero matches store address triggers as a store of
 * its whole 64-byte block (Sdtrig, "Cache Operations", the first option:
 * every address of the block is a compare value), before the block is
 * written (mtval = the byte that matched); only triggers with size "any"
 * and select = 0 match it; load triggers do not.
 * pagoda-args: -cpu max
 * qemu-check: skip QEMU 7.2 has no Zicboz
 */
#include "macros.h"
#include "trig.h"

RVTEST_CODE_BEGIN
        csrw mie, x0
        csrsi mstatus, 8
        la a2, block
test_2:                                 /* a store trigger inside the block */
        li TESTNUM, 2
        TRIG_SET_LA(0, MC6 | T_M | T_ST, block + 40)
        TRAP_RESET
        cbo.zero (a2)
        CHECK(s5, 1)
        CHECK(s2, 3)
        addi t0, a2, 40
        bne s3, t0, fail
        ld a1, 40(a2)
        CHECK(a1, 0x4444)               /* not zeroed */
test_3:                                 /* size 64 bits, select, a load trigger: no match */
        li TESTNUM, 3
        TRIG_SET_LA(0, MC6 | SIZE6(5) | T_M | T_ST, block + 40)
        TRAP_RESET
        cbo.zero (a2)
        CHECK(s5, 0)
        TRIG_SET_LI(0, MC6 | SEL6 | T_M | T_ST, 0)
        TRIG_SET_LA(1, MC6 | T_M | T_LD, block + 40)
        addi t0, a2, 8
        cbo.zero (t0)                   /* rs1 inside the block: the whole block */
        CHECK(s5, 0)
        TRIG_OFF(0)
        TRIG_OFF(1)
test_4:                                 /* a trigger just outside the block */
        li TESTNUM, 4
        TRIG_SET_LA(0, MC6 | T_M | T_ST, block + 64)
        TRAP_RESET
        cbo.zero (a2)
        CHECK(s5, 0)
        TRIG_OFF(0)
        TEST_PASSFAIL

TRAP_HANDLER_SKIP
RVTEST_CODE_END

RVTEST_DATA_BEGIN
        .align 6
block:  .dword 0x1111, 0x2222, 0x3333, 0x3333, 0x3333, 0x4444, 0x5555, 0x6666
        .dword 0x7777
RVTEST_DATA_END
