/* rv64uzbb/xnor: ~(rs1 ^ rs2) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, xnor, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, xnor, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, xnor, 0xfffffffffffffffb, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, xnor, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, xnor, 0xffffffff80000001, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, xnor, 0x0000000080000000, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, xnor, 0x0000000000000000, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, xnor, 0x8000000000000001, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, xnor, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, xnor, 0xe226622ee226622e, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, xnor, 0x0f0f0f0f0f0f0f0f, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, xnor, 0x0000000000000007, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, xnor, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, xnor, 0x8123456789abcdef, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, xnor, 0x8123456789abcdef, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, xnor, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, xnor, 0xffffffffffffffff, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, xnor, 0xfffffffffffffffe, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, xnor, 0xfffffffffffffffe, 0x0000000000000001)
        TEST_RR_ZERODEST(21, xnor, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
