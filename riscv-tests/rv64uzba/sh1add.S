/* rv64uzba/sh1add: rd = rs2 + (rs1 << 1) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, sh1add, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, sh1add, 0x0000000000000003, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, sh1add, 0x000000000000000d, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, sh1add, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, sh1add, 0x00000000ffffffff, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, sh1add, 0x00000000ffffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, sh1add, 0xffffffff7fffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, sh1add, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, sh1add, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, sh1add, 0x3456789abcdf0101, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, sh1add, 0x0df20df20df20df0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, sh1add, 0xfffffffffffffff9, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, sh1add, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, sh1add, 0x7db97530eca86420, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, sh1add, 0x7db97530eca86420, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, sh1add, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, sh1add, 0xfffffffffffffff1, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, sh1add, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, sh1add, 0x0000000000000002, 0x0000000000000001)
        TEST_RR_ZERODEST(21, sh1add, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
