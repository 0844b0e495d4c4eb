/* rv64uzbkc/clmul: Zbkc alone (Zbc off) has clmul and clmulh (carry-less
 * products, low and high halves) but not clmulr (illegal).
 * pagoda-args: -cpu rv64,zbc=off,zbkc=on
 * qemu-check: cpu rv64,zbc=false,zbkc=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, clmul, 0x0000000000000005, 0x0000000000000003, 0x0000000000000003)
        TEST_RR_OP(3, clmul, 0x0000000000000505, 0x00000000000000ff, 0x000000000000000f)
        TEST_RR_OP(4, clmul, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000003)
        TEST_RR_OP(5, clmulh, 0x0000000000000001, 0x8000000000000000, 0x0000000000000002)
        TEST_RR_OP(6, clmulh, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_OP(7, clmul, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_ZEROSRC1(8, clmulh, 0, 0x1234)
        TEST_TRAP(9, 2, clmulr a0, a1, a2)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
