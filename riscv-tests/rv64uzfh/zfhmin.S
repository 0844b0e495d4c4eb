/* rv64uzfh/zfhmin: Zfhmin alone has flh, fsh, fmv.x.h, fmv.h.x and the
 * conversions between half and single or double, and none of Zfh's
 * arithmetic, comparisons or integer conversions (illegal).
 * pagoda-args: -cpu rv64,zfhmin=on
 * qemu-check: cpu rv64,Zfhmin=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_CASE(2, a0, 0x3c00, li a1, 0x3f800000; fmv.w.x fa1, a1; fcvt.h.s fa0, fa1; fmv.x.h a0, fa0)
        TEST_CASE(3, a0, 0x3ff0000000000000, li a1, 0x3c00; fmv.h.x fa1, a1; fcvt.d.h fa0, fa1; fmv.x.d a0, fa0)
        TEST_CASE(4, a0, 0xffffffffffffabcd, la a1, hdat; flh fa0, 0(a1); fsh fa0, 2(a1); lh a0, 2(a1))
        TEST_TRAP(5, 2, fadd.h fa0, fa1, fa1)
        TEST_TRAP(6, 2, fmadd.h fa0, fa1, fa1, fa1)
        TEST_TRAP(7, 2, feq.h a0, fa1, fa1)
        TEST_TRAP(8, 2, fcvt.w.h a0, fa1)
        TEST_TRAP(9, 2, fcvt.h.w fa0, a0)
        TEST_TRAP(10, 2, fclass.h a0, fa1)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
hdat:   .2byte 0xabcd, 0
        RVTEST_DATA_END
