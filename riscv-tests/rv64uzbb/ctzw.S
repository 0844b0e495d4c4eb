/* rv64uzbb/ctzw: count trailing zeros of the low word */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_R_OP(2, ctzw, 0x0000000000000020, 0x0000000000000000)
        TEST_R_OP(3, ctzw, 0x0000000000000000, 0x0000000000000001)
        TEST_R_OP(4, ctzw, 0x0000000000000000, 0xffffffffffffffff)
        TEST_R_OP(5, ctzw, 0x0000000000000000, 0x000000007fffffff)
        TEST_R_OP(6, ctzw, 0x000000000000001f, 0x0000000080000000)
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 returns 63 here: low word zero, upper bits set must give 32 */
        TEST_R_OP(7, ctzw, 0x0000000000000020, 0x8000000000000000)
#endif
        TEST_R_OP(8, ctzw, 0x0000000000000000, 0x7fffffffffffffff)
        TEST_R_OP(9, ctzw, 0x0000000000000004, 0x123456789abcdef0)
        TEST_R_OP(10, ctzw, 0x000000000000000c, 0x00000000fffff000)
        TEST_R_OP(11, ctzw, 0x0000000000000000, 0xffffffff00000001)
        TEST_R_OP(12, ctzw, 0x0000000000000020, 0x0000000100000000)
        TEST_R_OP(13, ctzw, 0x0000000000000000, 0x8000000000000001)
        TEST_R_OP(14, ctzw, 0x000000000000000c, 0x00ff00000000f000)
        TEST_CASE(15, a1, 0x000000000000000c, li a1, 0x00ff00000000f000; ctzw a1, a1)
        TEST_CASE(16, x0, 0, li a1, 0x00ff00000000f000; ctzw x0, a1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
