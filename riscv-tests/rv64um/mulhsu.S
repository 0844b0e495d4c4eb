/* rv64um/mulhsu: high 64 bits, signed x unsigned */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, mulhsu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, mulhsu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, mulhsu, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_OP(7, mulhsu, 0x0000000000000006, 0x0000000000000007, 0xfffffffffffffffd)
        TEST_RR_OP(8, mulhsu, 0xffffffffffffffff, 0xfffffffffffffff9, 0x0000000000000003)
        TEST_RR_OP(9, mulhsu, 0xfffffffffffffff9, 0xfffffffffffffff9, 0xfffffffffffffffd)
        TEST_RR_OP(10, mulhsu, 0x0000000000000000, 0x000000007fffffff, 0x000000007fffffff)
        TEST_RR_OP(11, mulhsu, 0x000000007fffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(12, mulhsu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(13, mulhsu, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000001)
        TEST_RR_OP(14, mulhsu, 0x0000000000000000, 0x0000000000000005, 0x0000000000000000)
        TEST_RR_OP(15, mulhsu, 0x0000000000000000, 0xfffffffffffffffb, 0x0000000000000000)
        TEST_RR_OP(16, mulhsu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(17, mulhsu, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000)
        TEST_RR_OP(18, mulhsu, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
        TEST_RR_OP(19, mulhsu, 0x121fa00ad77d7422, 0x123456789abcdef0, 0xfedcba9876543210)
        TEST_RR_OP(20, mulhsu, 0xffffffff80000000, 0xffffffff80000000, 0xffffffffffffffff)
        TEST_RR_OP(21, mulhsu, 0xffffffffffffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(22, mulhsu, 0x0000000000000000, 0x0000000100000000, 0x0000000000000003)
        TEST_RR_SRC1_EQ_DEST(23, mulhsu, 0x0000000000000000, 0x0000000100000000, 0x0000000000000003)
        TEST_RR_SRC2_EQ_DEST(24, mulhsu, 0xffffffffffffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_SRC12_EQ_DEST(25, mulhsu, 0xffffffff80000000, 0xffffffff80000000)
        TEST_RR_ZEROSRC1(26, mulhsu, 0x0000000000000000, 0x0000000000000001)
        TEST_RR_ZEROSRC2(27, mulhsu, 0x0000000000000000, 0x0000000000000001)
        TEST_RR_ZERODEST(28, mulhsu, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
