/* rv64uzba/sh3add_uw: rd = rs2 + (zext32(rs1) << 3) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, sh3add.uw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, sh3add.uw, 0x0000000000000009, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, sh3add.uw, 0x000000000000001f, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, sh3add.uw, 0x00000007fffffff9, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, sh3add.uw, 0x00000003fffffff9, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, sh3add.uw, 0x00000003ffffffff, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, sh3add.uw, 0x000000047fffffff, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, sh3add.uw, 0x00000007fffffff9, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, sh3add.uw, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, sh3add.uw, 0x0fedcbae5d4c3aa1, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, sh3add.uw, 0x0ff00ff807f807f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, sh3add.uw, 0x00000007ffffffdb, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, sh3add.uw, 0x0000000000000025, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, sh3add.uw, 0x80000003b2a19080, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, sh3add.uw, 0x80000003b2a19080, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, sh3add.uw, 0x0000000000000025, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, sh3add.uw, 0x00000007ffffffd3, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, sh3add.uw, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, sh3add.uw, 0x0000000000000008, 0x0000000000000001)
        TEST_RR_ZERODEST(21, sh3add.uw, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
