/* rv64uc/c_ldst: c.lw (sign-extends), c.ld, c.sw, c.sd, c.fld, c.fsd with
 * scaled unsigned offsets, including the largest ones (c.lw 124, c.ld 248) */
#include "macros.h"

        .option rvc
RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 0xffffffff89abcdef, la a5, cdat; c.lw a4, 0(a5))
        TEST_CASE(3, a4, 0x0000000001234567, la a5, cdat; c.lw a4, 4(a5))
        TEST_CASE(4, a4, 0x0123456789abcdef, la a5, cdat; c.ld a4, 0(a5))
        TEST_CASE(5, a4, 0xfedcba9876543210, la a5, cdat; c.ld a4, 8(a5))
        TEST_CASE(6, a4, 0x000000007ffffff1, la a5, cdat; c.lw a4, 124(a5))
        TEST_CASE(7, a4, 0x8000000000000002, la a5, cdat; c.ld a4, 248(a5))
        TEST_CASE(8, a4, 0xffffffffdeadbeef, la a5, sbuf; li a3, 0x12345678deadbeef; c.sw a3, 4(a5); lw a4, 4(a5))
        TEST_CASE(9, a4, 0xdeadbeef00000000, la a5, sbuf; ld a4, 0(a5))   /* low word untouched */
        TEST_CASE(10, a4, 0x1122334455667788, la a5, sbuf; li a3, 0x1122334455667788; c.sd a3, 248(a5); ld a4, 248(a5))
        TEST_CASE(11, a4, 0x0000000055667788, la a5, sbuf; li a3, 0x55667788; c.sw a3, 124(a5); lwu a4, 124(a5))
        TEST_CASE(12, a4, 0x0123456789abcdef, la a5, cdat; c.fld fa4, 0(a5); fmv.x.d a4, fa4)
        TEST_CASE(13, a4, 0xfedcba9876543210, la a5, cdat; c.fld fa4, 8(a5); la a5, sbuf; c.fsd fa4, 240(a5); ld a4, 240(a5))
        TEST_CASE(14, a4, 0xfedcba9876543210, la a5, sbuf; c.fsd fa4, 0(a5); c.ld a4, 0(a5))
        TEST_CASE(15, a5, 0xffffffff89abcdef, la a5, cdat; c.lw a5, 0(a5))  /* rd == base */
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
cdat:   .dword 0x0123456789abcdef, 0xfedcba9876543210
        .fill 13, 8, 0
        .word 0, 0x7ffffff1       /* offset 120, 124 */
        .fill 15, 8, 0
        .dword 0x8000000000000002 /* offset 248 */
        .align 3
sbuf:   .fill 32, 8, 0
        RVTEST_DATA_END
