/* rv64uzbkb/brev8: the bits of every byte reversed, bytes in place.
 * pagoda-args: -cpu rv64,zbkb=on
 * qemu-check: cpu rv64,zbkb=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_R_OP(2, brev8, 0x8040201008040201, 0x0102040810204080)
        TEST_R_OP(3, brev8, 0x000000000000008f, 0x00000000000000f1)
        TEST_R_OP(4, brev8, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_R_OP(5, brev8, 0x0000000000000000, 0x0000000000000000)
        TEST_R_OP(6, brev8, 0x482c6a1e593d7b0f, 0x123456789abcdef0)
        TEST_CASE(7, a0, 0, brev8 a0, zero)
        TEST_CASE(8, a0, 0x80, li a0, 1; brev8 a0, a0)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
