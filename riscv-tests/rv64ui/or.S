/* rv64ui/or: bitwise or */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, or, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, or, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, or, 0x0000000000000007, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, or, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, or, 0x000000007fffffff, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, or, 0xffffffffffffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, or, 0xffffffff80000000, 0xffffffff80000000, 0xffffffff80000000)
        TEST_RR_OP(9, or, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, or, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, or, 0x1ffddff99ffddff1, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, or, 0xfff0fff0fff0fff0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, or, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, or, 0xfffffffffffffffd, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC1_EQ_DEST(15, or, 0xfffffffffffffffd, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC2_EQ_DEST(16, or, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_SRC12_EQ_DEST(17, or, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00)
        TEST_RR_ZEROSRC1(18, or, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(19, or, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZERODEST(20, or, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
