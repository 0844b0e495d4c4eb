/* rv64ui/addi: add immediate (sign-extended 12 bits) */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_IMM_OP(2, addi, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_IMM_OP(3, addi, 0x0000000000000002, 0x0000000000000001, 1)
        TEST_IMM_OP(4, addi, 0x000000000000000a, 0x0000000000000003, 7)
        TEST_IMM_OP(5, addi, 0x0000000000000000, 0xffffffffffffffff, 1)
        TEST_IMM_OP(6, addi, 0x0000000080000000, 0x000000007fffffff, 1)
        TEST_IMM_OP(7, addi, 0x000000007fffffff, 0x0000000080000000, -1)
        TEST_IMM_OP(8, addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
        TEST_IMM_OP(9, addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
        TEST_IMM_OP(10, addi, 0x123456789abce6ef, 0x123456789abcdef0, 2047)
        TEST_IMM_OP(11, addi, 0x123456789abcd6f0, 0x123456789abcdef0, -2048)
        TEST_IMM_OP(12, addi, 0xfffffffffffffffe, 0xfffffffffffffffb, 3)
        TEST_IMM_OP(13, addi, 0x0000000000000002, 0x0000000000000005, -3)
        TEST_IMM_OP(14, addi, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_IMM_OP(15, addi, 0xff00ff00ff01060f, 0xff00ff00ff00ff00, 1807)
        TEST_CASE(16, a1, 0xff00ff00ff01060f, li a1, 0xff00ff00ff00ff00; addi a1, a1, 1807)
        TEST_CASE(17, a4, 0x000000000000070f, addi a4, x0, 1807)
        TEST_IMM_ZERODEST(18, addi, 0xff00ff00ff00ff00, 1807)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
