/* rv64mzicbo/absent: on the default CPU (-cpu rv64, as QEMU 7.2's, without
 * Zicbom, Zicboz, Zicbop) the cbo.* encodings are illegal even in M-mode
 * (mtval = the bits), the menvcfg/senvcfg CBO fields are read-only zero,
 * and prefetch.i/r/w are what they encode without Zicbop: ori hints with
 * rd = x0, which do nothing.
 * qemu-check: cpu rv64
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        la a0, blk
        TEST_TRAP(2, 2, cbo.zero (a0))
        CHECK(s3, 0x0045200f)
        TEST_TRAP(3, 2, cbo.clean (a0))
        CHECK(s3, 0x0015200f)
        TEST_TRAP(4, 2, cbo.flush (a0))
        TEST_TRAP(5, 2, cbo.inval (a0))
        ld t0, 0(a0); CHECK(t0, -1)
        TEST_NO_TRAP(6, prefetch.i 0(a0); prefetch.r 64(a0); prefetch.w -64(zero))
        CHECK(x0, 0)
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 lets CBIE, CBCFE and CBZE be written without the extensions */
        TEST_CASE(7, a1, 0, li t0, 0xf0; csrs menvcfg, t0; csrr a1, menvcfg; andi a1, a1, 0xf0)
        TEST_CASE(8, a1, 0, li t0, 0xf0; csrs senvcfg, t0; csrr a1, senvcfg; andi a1, a1, 0xf0)
#endif
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 6
blk:    .dword -1
        RVTEST_DATA_END
