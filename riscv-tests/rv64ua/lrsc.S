/* rv64ua/lrsc: load-reserved / store-conditional reservation rules:
 * lr.w sign-extends; sc after lr to the same address succeeds (rd = 0) and
 * writes; sc without a reservation fails (rd != 0) and does not write; sc to
 * another address (another page, so outside any reservation set) fails; a
 * second sc after a successful or failed one fails (every sc ends the
 * reservation); an lr/sc retry loop works. */
#include "macros.h"

RVTEST_CODE_BEGIN
test_2:                         /* sc with no reservation ever taken */
        li TESTNUM, 2
        la a3, res_a
        li a2, 0x1111
        sc.d a4, a2, (a3)
        beqz a4, fail
        ld a5, 0(a3)
        CHECK(a5, 0x0123456789abcdef)

test_3:                         /* lr.d / sc.d success */
        li TESTNUM, 3
        la a3, res_a
        lr.d a4, (a3)
        CHECK(a4, 0x0123456789abcdef)
        li a2, 0x2222
        sc.d a5, a2, (a3)
        CHECK(a5, 0)
        ld a5, 0(a3)
        CHECK(a5, 0x2222)

test_4:                         /* a second sc fails: the first ended the reservation */
        li TESTNUM, 4
        li a2, 0x3333
        sc.d a5, a2, (a3)
        beqz a5, fail
        ld a5, 0(a3)
        CHECK(a5, 0x2222)

test_5:                         /* lr.w sign-extends, sc.w writes 32 bits only */
        li TESTNUM, 5
        la a3, res_w
        lr.w a4, (a3)
        CHECK(a4, 0xffffffff89abcdef)
        li a2, 0x7eadbeef7eadbeef
        sc.w a5, a2, (a3)
        CHECK(a5, 0)
        ld a5, 0(a3)
        CHECK(a5, 0x012345677eadbeef)

test_6:                         /* sc to a different address than the lr fails */
        li TESTNUM, 6
        la a3, res_a
        la a1, res_far
        lr.d a4, (a3)
        li a2, 0x4444
        sc.d a5, a2, (a1)
        beqz a5, fail
        ld a5, 0(a1)
        CHECK(a5, 0x5555)
        /* and that failed sc ended the reservation on res_a too */
        sc.d a5, a2, (a3)
        beqz a5, fail
        ld a5, 0(a3)
        CHECK(a5, 0x2222)

test_7:                         /* sc.w without reservation after lr/sc pair */
        li TESTNUM, 7
        la a3, res_w
        li a2, 1
        sc.w a5, a2, (a3)
        beqz a5, fail
        lw a5, 0(a3)
        CHECK(a5, 0x7eadbeef)

test_8:                         /* atomic increment loop with lr/sc, .aq/.rl forms */
        li TESTNUM, 8
        la a3, res_a
        sd x0, 0(a3)
        li s1, 0
1:      lr.d.aq a4, (a3)
        addi a4, a4, 3
        sc.d.rl a5, a4, (a3)
        bnez a5, 1b
        addi s1, s1, 1
        li t0, 50
        blt s1, t0, 1b
        ld a5, 0(a3)
        CHECK(a5, 150)

test_9:                         /* rd = rs of lr: loaded value replaces address */
        li TESTNUM, 9
        la a3, res_a
        lr.d.aqrl a3, (a3)
        CHECK(a3, 150)
        la a3, res_a
        li a2, 9
        sc.d.aqrl a2, a2, (a3)  /* reservation from the lr above still valid */
        CHECK(a2, 0)
        ld a5, 0(a3)
        CHECK(a5, 9)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 6
res_a:  .dword 0x0123456789abcdef
        .align 6
res_w:  .dword 0x0123456789abcdef
        .align 12
res_far: .dword 0x5555
        RVTEST_DATA_END
