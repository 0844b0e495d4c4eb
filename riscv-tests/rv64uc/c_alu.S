/* rv64uc/c_alu: the RVC integer computational instructions, written as
 * explicit c. mnemonics: c.li, c.lui, c.addi, c.addiw, c.slli, c.srli,
 * c.srai, c.andi, c.mv, c.add, c.sub, c.xor, c.or, c.and, c.subw, c.addw,
 * c.nop; immediates sign-extended, *w results sign-extended. */
#include "macros.h"

        .option rvc
RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 0, c.li a4, 0)
        TEST_CASE(3, a4, 31, c.li a4, 31)
        TEST_CASE(4, a4, -32, c.li a4, -32)
        TEST_CASE(5, a4, 0x1000, c.lui a4, 1)
        TEST_CASE(6, a4, 0x1f000, c.lui a4, 0x1f)
        TEST_CASE(7, a4, 0xfffffffffffe0000, c.lui a4, 0xfffe0)  /* nzimm = -32 */
        TEST_CASE(8, a4, 0xfffffffffffff000, c.lui a4, 0xfffff)
        TEST_CASE(9, a4, 0x12, li a4, 0x10; c.addi a4, 2)
        TEST_CASE(10, a4, -0x10, li a4, 0x10; c.addi a4, -32)
        TEST_CASE(11, a4, 0x8000000000000000, li a4, 0x7fffffffffffffff; c.addi a4, 1)
        TEST_CASE(12, a4, 0xffffffff80000000, li a4, 0x7fffffff; c.addiw a4, 1)      /* wraps in 32 bits */
        TEST_CASE(13, a4, 0x0000000000000001, li a4, 0x100000002; c.addiw a4, -1)
        TEST_CASE(14, a4, 0xffffffff80000000, li a4, 0x0000000180000000; c.addiw a4, 0) /* sext.w */
        TEST_CASE(15, a4, 0x8000000000000000, li a4, 1; c.slli a4, 63)
        TEST_CASE(16, a4, 0x0000000200000000, li a4, 1; c.slli a4, 33)
        TEST_CASE(17, a4, 0x3456789abcdef000, li a4, 0x123456789abcdef; c.slli a4, 12)
        TEST_CASE(18, a4, 1, li a4, 0x8000000000000000; c.srli a4, 63)
        TEST_CASE(19, a4, 0x0000000080000000, li a4, 0x8000000000000000; c.srli a4, 32)
        TEST_CASE(20, a4, -1, li a4, 0x8000000000000000; c.srai a4, 63)
        TEST_CASE(21, a4, 0xffffffff80000000, li a4, 0x8000000000000000; c.srai a4, 32)
        TEST_CASE(22, a4, 0x0000000000000005, li a4, 0xf5; c.andi a4, 15)
        TEST_CASE(23, a4, 0x12345678abcdefe0, li a4, 0x12345678abcdeff5; c.andi a4, -32)
        TEST_CASE(24, a4, 0x123456789, li a5, 0x123456789; c.mv a4, a5)
        TEST_CASE(25, a4, 0x300000003, li a4, 0x100000001; li a5, 0x200000002; c.add a4, a5)
        TEST_CASE(26, a4, 0xffffffffffffffff, li a4, 1; li a5, 2; c.sub a4, a5)
        TEST_CASE(27, a4, 0xff00ff00ff00ff00, li a4, 0xf0f0f0f0f0f0f0f0; li a5, 0x0ff00ff00ff00ff0; c.xor a4, a5)
        TEST_CASE(28, a4, 0xfff0fff0fff0fff0, li a4, 0xf0f0f0f0f0f0f0f0; li a5, 0x0ff00ff00ff00ff0; c.or a4, a5)
        TEST_CASE(29, a4, 0x00f000f000f000f0, li a4, 0xf0f0f0f0f0f0f0f0; li a5, 0x0ff00ff00ff00ff0; c.and a4, a5)
        TEST_CASE(30, a4, 0xffffffff80000000, li a4, 0x7fffffff; li a5, -1; c.subw a4, a5)
        TEST_CASE(31, a4, 0, li a4, 0x500000000; li a5, 0x1; c.subw a4, x15; c.addw a4, a5; c.addw a4, a5; c.subw a4, a5)
        TEST_CASE(32, a4, 0xffffffff80000000, li a4, 0x7fffffff; li a5, 1; c.addw a4, a5)
        TEST_CASE(33, a4, 7, li a4, 7; c.nop; c.nop)
        TEST_CASE(34, s1, 0x40, li s1, 0x20; c.add s1, s1)            /* rd == rs2 */
        TEST_CASE(35, t3, 0x55, li t1, 0x55; c.mv t3, t1)               /* c.mv / c.add reach x1..x31 */
        TEST_CASE(36, ra, 0x30, li ra, 0x10; li t4, 0x20; c.add ra, t4)
        TEST_CASE(37, s0, 0xfffffffffffffff0, li s0, 0x10; c.sub s0, s0; c.addi s0, -16)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
