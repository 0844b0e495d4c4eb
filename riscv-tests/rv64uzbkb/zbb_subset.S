/* rv64uzbkb/zbb_subset: Zbkb alone (Zbb off) has Zbb's rol, ror, rori,
 * rolw, rorw, roriw, andn, orn, xnor and rev8, and not the rest of Zbb
 * (clz, cpop, orc.b: illegal; zext.h's bits are packw's, which runs).
 * pagoda-args: -cpu rv64,zbb=off,zbkb=on
 * qemu-check: cpu rv64,zbb=false,zbkb=true
 */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, rol, 0x23456789abcdef01, 0x123456789abcdef0, 4)
        TEST_RR_OP(3, ror, 0x0123456789abcdef, 0x123456789abcdef0, 4 + 64)
        TEST_IMM_OP(4, rori, 0xf0123456789abcde, 0x123456789abcdef0, 8)
        TEST_RR_OP(5, rolw, 0xffffffff89abcdef, 0x00000000f89abcde, 4)
        TEST_RR_OP(6, rorw, 0xffffffffef89abcd, 0xfffffffff89abcde, 4)
        TEST_IMM_OP(7, roriw, 0xffffffffdef89abc, 0x00000000f89abcde, 8)
        TEST_RR_OP(8, andn, 0x0000ffff0000ff00, 0x0000ffffffffff00, 0xffff0000ffff00ff)
        TEST_RR_OP(9, orn, 0xffff0000ffffff0f, 0xffff00000000ff0f, 0x0000ffff0000f0f0)
        TEST_RR_OP(10, xnor, 0xffffffff00000000, 0x12345678ffffffff, 0x1234567800000000)
        TEST_R_OP(11, rev8, 0xf0debc9a78563412, 0x123456789abcdef0)
        TEST_TRAP(12, 2, clz a0, a1)
        TEST_TRAP(13, 2, cpop a0, a1)
        TEST_TRAP(14, 2, orc.b a0, a1)
        /* zext.h's encoding is packw rd, rs1, x0: it runs, with the same result */
        TEST_CASE(15, a0, 0x000000000000f678, li a1, 0x123456789abcf678; zext.h a0, a1)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
