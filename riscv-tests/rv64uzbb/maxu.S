/* rv64uzbb/maxu: unsigned maximum */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, maxu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, maxu, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, maxu, 0x0000000000000007, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, maxu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, maxu, 0x000000007fffffff, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, maxu, 0xffffffffffffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, maxu, 0xffffffff80000000, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, maxu, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, maxu, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, maxu, 0x123456789abcdef0, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, maxu, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, maxu, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, maxu, 0xfffffffffffffffd, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, maxu, 0xfedcba9876543210, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, maxu, 0xfedcba9876543210, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, maxu, 0xfffffffffffffffd, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, maxu, 0xfffffffffffffffb, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, maxu, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, maxu, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZERODEST(21, maxu, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
