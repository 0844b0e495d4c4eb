/* rv64ui/lui: imm << 12, sign-extended from bit 31 on RV64 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 0x0000000000000000, lui a4, 0x00000)
        TEST_CASE(3, a4, 0x0000000000001000, lui a4, 0x00001)
        TEST_CASE(4, a4, 0x000000007ffff000, lui a4, 0x7ffff)
        TEST_CASE(5, a4, 0xffffffff80000000, lui a4, 0x80000)
        TEST_CASE(6, a4, 0xfffffffffffff000, lui a4, 0xfffff)
        TEST_CASE(7, a4, 0x0000000012345678, lui a4, 0x12345; addi a4, a4, 0x678)
        TEST_CASE(8, a4, 0xffffffff80000800, lui a4, 0x80001; addi a4, a4, -0x800)
        TEST_CASE(9, x0, 0, lui x0, 0x80000)
        TEST_CASE(10, a4, 0x0000000000000000, lui a4, 0x80000; sra a4, a4, 32; addi a4, a4, 1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
