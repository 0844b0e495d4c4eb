/* rv64uzbkb/pack: pack (the low words of rs1 and rs2), packh (their low
 * bytes, zero-extended), packw (their low halfwords, sign-extended), and
 * x0 as operands (packw rd, rs1, x0 is zext.h's encoding).
 * pagoda-args: -cpu rv64,zbkb=on
 * qemu-check: cpu rv64,zbkb=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, pack, 0x9abcdef012345678, 0xffffffff12345678, 0x000000009abcdef0)
        TEST_RR_OP(3, pack, 0x0000000080000000, 0x0000000080000000, 0xffffffff00000000)
        TEST_RR_OP(4, pack, 0xffffffffffffffff, 0x00000000ffffffff, 0x12345678ffffffff)
        TEST_RR_OP(5, packh, 0x000000000000cdab, 0xffffffffffffffab, 0x12345678000000cd)
        TEST_RR_OP(6, packh, 0x000000000000ff00, 0x0000000000000100, 0x00000000000000ff)
        TEST_RR_OP(7, packw, 0x0000000056781234, 0xffffffffffff1234, 0x0000000000005678)
        TEST_RR_OP(8, packw, 0xffffffff80000001, 0x0000000000000001, 0x1234567800008000)
        TEST_RR_ZEROSRC1(9, pack, 0x1234567800000000, 0xabcdef0012345678)
        TEST_RR_ZEROSRC2(10, pack, 0x0000000012345678, 0xabcdef0012345678)
        TEST_RR_ZEROSRC2(11, packw, 0x000000000000ffff, 0xffffffffffffffff)
        TEST_RR_ZERODEST(12, packh, 0x12, 0x34)
        TEST_RR_SRC1_EQ_DEST(13, pack, 0x5555555533333333, 0x1111111133333333, 0x0000000055555555)
        TEST_RR_SRC2_EQ_DEST(14, packh, 0x0000000000005533, 0x0000000000000033, 0x0000000000000055)
        TEST_RR_SRC12_EQ_DEST(15, packw, 0xffffffff81238123, 0x0000000000008123)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
