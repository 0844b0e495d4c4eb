/* rv64um/div: signed division; /0 = -1, MIN/-1 = MIN */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, div, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, div, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, div, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, div, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, div, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_OP(7, div, 0xfffffffffffffffe, 0x0000000000000007, 0xfffffffffffffffd)
        TEST_RR_OP(8, div, 0xfffffffffffffffe, 0xfffffffffffffff9, 0x0000000000000003)
        TEST_RR_OP(9, div, 0x0000000000000002, 0xfffffffffffffff9, 0xfffffffffffffffd)
        TEST_RR_OP(10, div, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff)
        TEST_RR_OP(11, div, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(12, div, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(13, div, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001)
        TEST_RR_OP(14, div, 0xffffffffffffffff, 0x0000000000000005, 0x0000000000000000)
        TEST_RR_OP(15, div, 0xffffffffffffffff, 0xfffffffffffffffb, 0x0000000000000000)
        TEST_RR_OP(16, div, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(17, div, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
        TEST_RR_OP(18, div, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff)
        TEST_RR_OP(19, div, 0xfffffffffffffff1, 0x123456789abcdef0, 0xfedcba9876543210)
        TEST_RR_OP(20, div, 0x0000000080000000, 0xffffffff80000000, 0xffffffffffffffff)
        TEST_RR_OP(21, div, 0xffffffffffffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(22, div, 0x0000000055555555, 0x0000000100000000, 0x0000000000000003)
        TEST_RR_SRC1_EQ_DEST(23, div, 0x0000000055555555, 0x0000000100000000, 0x0000000000000003)
        TEST_RR_SRC2_EQ_DEST(24, div, 0xffffffffffffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_SRC12_EQ_DEST(25, div, 0x0000000000000001, 0xffffffff80000000)
        TEST_RR_ZEROSRC1(26, div, 0x0000000000000000, 0x0000000000000001)
        TEST_RR_ZEROSRC2(27, div, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_ZERODEST(28, div, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
