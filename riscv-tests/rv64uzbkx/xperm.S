/* rv64uzbkx/xperm: xperm8 and xperm4 look up the bytes / nibbles of rs1
 * indexed by those of rs2; an index past rs1 (a byte index of 8 or more)
 * gives 0; a 4-bit S-box looked up as crypto code does.
 * pagoda-args: -cpu rv64,zbkx=on
 * qemu-check: cpu rv64,zbkx=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, xperm8, 0x1122334455667788, 0x8877665544332211, 0x0001020304050607)
        TEST_RR_OP(3, xperm8, 0x0000881111111111, 0x8877665544332211, 0xff08070000000000)
        TEST_RR_OP(4, xperm8, 0x0000000000000000, 0x8877665544332211, 0x08090a0b0c0d0e0f)
        TEST_RR_OP(5, xperm8, 0x1111111111111111, 0x8877665544332211, 0x0000000000000000)
        TEST_RR_OP(6, xperm4, 0x0123456789abcdef, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_OP(7, xperm4, 0x00000000000000f1, 0xfedcba9876543210, 0x00000000000000f1)
        TEST_RR_OP(8, xperm4, 0xaaaaaaaaaaaaaaaa, 0x00000000000000a5, 0x1111111111111111)
        /* PRESENT's 4-bit S-box (C 5 6 B 9 0 A D 3 E F 8 4 7 1 2) as a table */
        TEST_RR_OP(9, xperm4, 0xc56b90ad3ef84712, 0x21748fe3da09b65c, 0x0123456789abcdef)
        TEST_RR_ZEROSRC2(10, xperm8, 0x4444444444444444, 0x1122334455667744)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
