/* rv64uzba/sh2add: rd = rs2 + (rs1 << 2) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, sh2add, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, sh2add, 0x0000000000000005, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, sh2add, 0x0000000000000013, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, sh2add, 0xfffffffffffffffd, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, sh2add, 0x00000001fffffffd, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, sh2add, 0x00000001ffffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, sh2add, 0xfffffffe7fffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, sh2add, 0xfffffffffffffffd, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, sh2add, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, sh2add, 0x58bf258bf258bee1, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, sh2add, 0x0bf40bf40bf40bf0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, sh2add, 0xffffffffffffffef, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, sh2add, 0x0000000000000011, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, sh2add, 0x7b72ea61d950c840, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, sh2add, 0x7b72ea61d950c840, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, sh2add, 0x0000000000000011, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, sh2add, 0xffffffffffffffe7, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, sh2add, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, sh2add, 0x0000000000000004, 0x0000000000000001)
        TEST_RR_ZERODEST(21, sh2add, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
