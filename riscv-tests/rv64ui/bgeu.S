/* rv64ui/bgeu: bgeu: taken / not taken, signed vs unsigned, forward and backward offsets */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_BR2_TAKEN(2, bgeu, 0x0000000000000000, 0x0000000000000000)
        TEST_BR2_TAKEN(3, bgeu, 0x0000000000000001, 0x0000000000000001)
        TEST_BR2_TAKEN(4, bgeu, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR2_NOTTAKEN(5, bgeu, 0x0000000000000000, 0x0000000000000001)
        TEST_BR2_TAKEN(6, bgeu, 0x0000000000000001, 0x0000000000000000)
        TEST_BR2_TAKEN(7, bgeu, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR2_NOTTAKEN(8, bgeu, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR2_NOTTAKEN(9, bgeu, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR2_TAKEN(10, bgeu, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR2_NOTTAKEN(11, bgeu, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR2_TAKEN(12, bgeu, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR2_TAKEN(13, bgeu, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR2_NOTTAKEN(14, bgeu, 0x00000000ffffffff, 0x0000000100000000)
test_15:
        li TESTNUM, 15
        li a4, 0
        li a1, 3
        li a2, 3
        j 2f
1:      addi a4, a4, 1     /* reached by a long backward branch */
        j 3f
2:      .fill 600, 4, 0x00000013  /* 2400 bytes of nops */
        bgeu a1, a2, 1b
        addi a4, a4, 100
3:
        CHECK(a4, 1)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
