/* rv64ui/subw: 32-bit subtract, result sign-extended */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, subw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, subw, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, subw, 0xfffffffffffffffc, 0x0000000000000003, 0x0000000000000007)
        TEST_RR_OP(5, subw, 0xfffffffffffffffe, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(6, subw, 0x000000007ffffffe, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR_OP(7, subw, 0xffffffff80000001, 0x0000000080000000, 0xffffffffffffffff)
        TEST_RR_OP(8, subw, 0x0000000000000000, 0xffffffff80000000, 0xffffffff80000000)
        TEST_RR_OP(9, subw, 0xfffffffffffffffe, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR_OP(10, subw, 0x0000000000000001, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR_OP(11, subw, 0x0000000013579bcf, 0x123456789abcdef0, 0x0fedcba987654321)
        TEST_RR_OP(12, subw, 0xffffffffef10ef10, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR_OP(13, subw, 0xfffffffffffffff8, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_OP(14, subw, 0x0000000000000008, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC1_EQ_DEST(15, subw, 0x0000000000000008, 0x0000000000000005, 0xfffffffffffffffd)
        TEST_RR_SRC2_EQ_DEST(16, subw, 0xfffffffffffffff8, 0xfffffffffffffffb, 0x0000000000000003)
        TEST_RR_SRC12_EQ_DEST(17, subw, 0x0000000000000000, 0xff00ff00ff00ff00)
        TEST_RR_ZEROSRC1(18, subw, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_ZEROSRC2(19, subw, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZERODEST(20, subw, 0x0000000000000001, 0x0000000000000001)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
