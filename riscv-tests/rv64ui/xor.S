/* rv64ui/xor: bitwise xor */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, xor, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, xor, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, xor, 0x0000000000000004, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, xor, 0xfffffffffffffffe, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, xor, 0x000000007ffffffe, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, xor, 0xffffffff7fffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, xor, 0x0000000000000000, 0xffffffff80000000, 0xffffffff80000000)
        TEST_RR_OP(9, xor, 0x7ffffffffffffffe, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, xor, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, xor, 0x1dd99dd11dd99dd1, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, xor, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, xor, 0xfffffffffffffff8, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, xor, 0xfffffffffffffff8, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC1_EQ_DEST(15, xor, 0xfffffffffffffff8, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC2_EQ_DEST(16, xor, 0xfffffffffffffff8, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_SRC12_EQ_DEST(17, xor, 0x0000000000000000, 0xff00ff00ff00ff00)
        TEST_RR_ZEROSRC1(18, xor, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(19, xor, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZERODEST(20, xor, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
