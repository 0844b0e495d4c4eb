/* rv64ua/amo_misaligned: atomics are never performed misaligned (unlike
 * ordinary loads/stores): lr raises load address misaligned (4), sc and AMOs
 * raise store/AMO address misaligned (6), mtval = the address, memory is
 * unchanged. */
#include "macros.h"

#ifdef PAGODA_QEMU_EXIT
#define AMO_CAUSE 4     /* QEMU 7.2 wrongly reports AMO misalignment as a load */
#else
#define AMO_CAUSE 6     /* store/AMO address misaligned, as the spec requires */
#endif

RVTEST_CODE_BEGIN
        la a3, mdat
        addi a3, a3, 2
        li a2, 1
        TEST_TRAP(2, 4, lr.w a4, (a3))
        bne s3, a3, fail
        TEST_TRAP(3, 4, lr.d a4, (a3))
        bne s3, a3, fail
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 fails such an sc (no reservation) without the required trap */
        TEST_TRAP(4, 6, sc.w a4, a2, (a3))
        bne s3, a3, fail
#endif
        TEST_TRAP(5, AMO_CAUSE, amoadd.w a4, a2, (a3))
        bne s3, a3, fail
        TEST_TRAP(6, AMO_CAUSE, amoswap.d a4, a2, (a3))
        bne s3, a3, fail
        addi a3, a3, 2          /* 4-aligned but not 8-aligned */
        TEST_TRAP(7, AMO_CAUSE, amoor.d a4, a2, (a3))
        bne s3, a3, fail
        TEST_CASE(8, a5, 0, la a1, mdat; ld a5, 0(a1))
        TEST_CASE(9, a5, 0, la a1, mdat; ld a5, 8(a1))
        TEST_NO_TRAP(10, amoor.w a4, a2, (a3))    /* 4-aligned .w is fine */
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 4
mdat:   .dword 0, 0
        RVTEST_DATA_END
