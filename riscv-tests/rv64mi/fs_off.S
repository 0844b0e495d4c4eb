/* rv64mi/fs_off: with mstatus.FS = 0 (Off) every FP instruction and FP CSR
 * access is illegal (cause 2); turning FS on again makes them work, and an
 * FP register write sets FS = Dirty (3) and SD (bit 63). */
#include "macros.h"

RVTEST_CODE_BEGIN
        li t0, 3 << 13
        csrc mstatus, t0
        TEST_CASE(2, a4, 0, csrr a1, mstatus; srli a1, a1, 13; andi a4, a1, 3)
        TEST_TRAP(3, 2, fadd.d fa0, fa1, fa2)
        TEST_TRAP(4, 2, fmv.d.x fa0, x0)
        TEST_TRAP(5, 2, fmv.x.d a0, fa0)
        TEST_TRAP(6, 2, fld fa0, 0(sp))
        TEST_TRAP(7, 2, fsd fa0, 0(sp))
        TEST_TRAP(8, 2, flw fa0, 0(sp))
        TEST_TRAP(9, 2, csrr a0, fcsr)
        TEST_TRAP(10, 2, csrwi frm, 1)
        TEST_TRAP(11, 2, fcvt.d.l fa0, a0)
        TEST_TRAP(12, 2, .option push; .option rvc; c.fldsp fa0, 0(sp); .option pop)
        li t0, 1 << 13          /* FS = Initial */
        csrs mstatus, t0
        TEST_NO_TRAP(13, li a1, 0x4000000000000000; fmv.d.x fa0, a1; fmv.x.d a4, fa0)
        CHECK(a4, 0x4000000000000000)
        TEST_CASE(14, a4, 3, csrr a1, mstatus; srli a1, a1, 13; andi a4, a1, 3)   /* Dirty */
        TEST_CASE(15, a4, 1, csrr a1, mstatus; srli a4, a1, 63)                    /* SD */
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
