/* rv64uzbb/orn: rs1 | ~rs2 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, orn, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, orn, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, orn, 0xfffffffffffffffb, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, orn, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, orn, 0xffffffffffffffff, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, orn, 0x0000000080000000, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, orn, 0xffffffff80000000, 0xffffffff80000000, 0x000000007fffffff)
        TEST_RR_OP(9, orn, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, orn, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, orn, 0xf236767efabefefe, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, orn, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, orn, 0xffffffffffffffff, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, orn, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_OP(15, orn, 0xffffffffffffffff, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC1_EQ_DEST(16, orn, 0xffffffffffffffff, 0xfedcba9876543210, 0x8000000000000000)
        TEST_RR_SRC2_EQ_DEST(17, orn, 0x0000000000000007, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC12_EQ_DEST(18, orn, 0xffffffffffffffff, 0xfffffffffffffffb)
        TEST_RR_ZEROSRC1(19, orn, 0xfffffffffffffffe, 0x0000000000000001)
        TEST_RR_ZEROSRC2(20, orn, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_ZERODEST(21, orn, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
