/* rv64um/divw: 32-bit signed division, sign-extended; /0 = -1, MIN/-1 = MIN */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, divw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, divw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, divw, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, divw, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, divw, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_OP(7, divw, 0xfffffffffffffffe, 0x0000000000000007, 0xfffffffffffffffd)
        TEST_RR_OP(8, divw, 0xfffffffffffffffe, 0xfffffffffffffff9, 0x0000000000000003)
        TEST_RR_OP(9, divw, 0x0000000000000002, 0xfffffffffffffff9, 0xfffffffffffffffd)
        TEST_RR_OP(10, divw, 0x0000000000000001, 0x000000007fffffff, 0x000000007fffffff)
        TEST_RR_OP(11, divw, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(12, divw, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(13, divw, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001)
        TEST_RR_OP(14, divw, 0xffffffffffffffff, 0x0000000000000005, 0x0000000000000000)
        TEST_RR_OP(15, divw, 0xffffffffffffffff, 0xfffffffffffffffb, 0x0000000000000000)
        TEST_RR_OP(16, divw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(17, divw, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
        TEST_RR_OP(18, divw, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff)
        TEST_RR_OP(19, divw, 0x0000000000000000, 0x123456789abcdef0, 0xfedcba9876543210)
        TEST_RR_OP(20, divw, 0xffffffff80000000, 0xffffffff80000000, 0xffffffffffffffff)
        TEST_RR_OP(21, divw, 0xffffffffffffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(22, divw, 0x0000000000000000, 0x0000000100000000, 0x0000000000000003)
        TEST_RR_OP(23, divw, 0xffffffff80000000, 0xffffffff80000000, 0xffffffffffffffff)
        TEST_RR_OP(24, divw, 0xffffffff80000000, 0xffffffff80000000, 0xffffffffffffffff)
        TEST_RR_OP(25, divw, 0xffffffffffffffff, 0x0000000080000000, 0x0000000000000000)
        TEST_RR_OP(26, divw, 0xffffffffffffffff, 0x0000000100000005, 0x0000000100000000)
        TEST_RR_OP(27, divw, 0x0000000000000003, 0x0000000100000007, 0x0000000000000002)
        TEST_RR_SRC1_EQ_DEST(28, divw, 0x0000000000000003, 0x0000000100000007, 0x0000000000000002)
        TEST_RR_SRC2_EQ_DEST(29, divw, 0xffffffffffffffff, 0x0000000100000005, 0x0000000100000000)
        TEST_RR_SRC12_EQ_DEST(30, divw, 0x0000000000000001, 0x0000000080000000)
        TEST_RR_ZEROSRC1(31, divw, 0x0000000000000000, 0x0000000000000001)
        TEST_RR_ZEROSRC2(32, divw, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_ZERODEST(33, divw, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
