/* rv64uzcb/zcb: every Zcb instruction (binutils 2.40 lacks Zcb: encoded
 * here from the Zc specification's tables by the C_* macros, registers as
 * numbers 8..15): c.lbu (zero-extended, offsets 0..3), c.lhu, c.lh
 * (sign-extended, offsets 0 and 2), c.sb and c.sh (neighbours untouched),
 * c.zext.b/h/w, c.sext.b/h, c.not, c.mul (low 64 bits, rd = rs2).
 * pagoda-args: -cpu rv64,zcb=on
 * qemu-check: skip QEMU 7.2 has no Zcb
 */
#include "macros.h"

#define C_LBU(rd, rs1, u) .2byte 0x8000 | ((rs1) - 8) << 7 | ((u) & 1) << 6 | ((u) >> 1 & 1) << 5 | ((rd) - 8) << 2
#define C_LHU(rd, rs1, u) .2byte 0x8400 | ((rs1) - 8) << 7 | ((u) >> 1 & 1) << 5 | ((rd) - 8) << 2
#define C_LH(rd, rs1, u)  .2byte 0x8440 | ((rs1) - 8) << 7 | ((u) >> 1 & 1) << 5 | ((rd) - 8) << 2
#define C_SB(rs2, rs1, u) .2byte 0x8800 | ((rs1) - 8) << 7 | ((u) & 1) << 6 | ((u) >> 1 & 1) << 5 | ((rs2) - 8) << 2
#define C_SH(rs2, rs1, u) .2byte 0x8c00 | ((rs1) - 8) << 7 | ((u) >> 1 & 1) << 5 | ((rs2) - 8) << 2
#define C_MUL(rd, rs2)    .2byte 0x9c41 | ((rd) - 8) << 7 | ((rs2) - 8) << 2
#define C_CU(rd, op)      .2byte 0x9c61 | ((rd) - 8) << 7 | (op) << 2
#define C_ZEXT_B(rd) C_CU(rd, 0)
#define C_SEXT_B(rd) C_CU(rd, 1)
#define C_ZEXT_H(rd) C_CU(rd, 2)
#define C_SEXT_H(rd) C_CU(rd, 3)
#define C_ZEXT_W(rd) C_CU(rd, 4)
#define C_NOT(rd)    C_CU(rd, 5)

RVTEST_CODE_BEGIN
        /* loads: tdat = 81 92 a3 f4 05 86 77 f8 (little-endian dword) */
        TEST_CASE(2, a0, 0x81, la s1, tdat; C_LBU(10, 9, 0))
        TEST_CASE(3, a0, 0x92, la s1, tdat; C_LBU(10, 9, 1))
        TEST_CASE(4, a0, 0xa3, la s1, tdat; C_LBU(10, 9, 2))
        TEST_CASE(5, a0, 0xf4, la s1, tdat; C_LBU(10, 9, 3))
        TEST_CASE(6, a5, 0x86, la a4, tdat + 4; C_LBU(15, 14, 1))
        TEST_CASE(7, a0, 0x9281, la s1, tdat; C_LHU(10, 9, 0))
        TEST_CASE(8, a0, 0xf4a3, la s1, tdat; C_LHU(10, 9, 2))
        TEST_CASE(9, a0, 0xffffffffffff9281, la s1, tdat; C_LH(10, 9, 0))
        TEST_CASE(10, a0, 0xfffffffffffff4a3, la s1, tdat; C_LH(10, 9, 2))
        TEST_CASE(11, a0, 0x0000000000008605, la s1, tdat + 4; C_LHU(10, 9, 0))
        TEST_CASE(12, a0, 0xfffffffffffff877, la s1, tdat + 4; C_LH(10, 9, 2))
        TEST_CASE(13, s0, 0x92, la s0, tdat; C_LBU(8, 8, 1))              /* rd = rs1 */
        /* stores into sdat (ones): only the addressed byte / halfword changes */
        TEST_CASE(14, a0, 0xffffffff12ffffff, la s1, sdat; li a2, 0x3412; C_SB(12, 9, 3); ld a0, 0(s1))
        TEST_CASE(15, a0, 0xffffffff12ffff56, la s1, sdat; li a2, 0x56; C_SB(12, 9, 0); ld a0, 0(s1))
        TEST_CASE(16, a0, 0x9abcffff12ffff56, la s1, sdat + 4; li a2, 0x9abc; C_SH(12, 9, 2); ld a0, -4(s1))
        TEST_CASE(17, a0, 0x9abcffff12ffdef0, la s1, sdat; li a2, 0x1234def0; C_SH(12, 9, 0); ld a0, 0(s1))
        /* unary operations */
        TEST_CASE(18, a0, 0x00000000000000f0, li a0, 0x123456789abcdef0; C_ZEXT_B(10))
        TEST_CASE(19, a0, 0xfffffffffffffff0, li a0, 0x123456789abcdef0; C_SEXT_B(10))
        TEST_CASE(20, a0, 0x0000000000000070, li a0, 0x1234567800000070; C_SEXT_B(10))
        TEST_CASE(21, a1, 0x000000000000def0, li a1, 0x123456789abcdef0; C_ZEXT_H(11))
        TEST_CASE(22, a1, 0xffffffffffffdef0, li a1, 0x123456789abcdef0; C_SEXT_H(11))
        TEST_CASE(23, a3, 0x000000009abcdef0, li a3, 0x123456789abcdef0; C_ZEXT_W(13))
        TEST_CASE(24, a3, 0xedcba9876543210f, li a3, 0x123456789abcdef0; C_NOT(13))
        TEST_CASE(25, s1, 0xffffffffffffffff, li s1, 0; C_NOT(9))
        /* c.mul: the low 64 bits */
        TEST_CASE(26, s0, 0x0000000000000015, li s0, 3; li s1, 7; C_MUL(8, 9))
        TEST_CASE(27, s0, 0xfffffffffffffffd, li s0, -1; li s1, 3; C_MUL(8, 9))
        TEST_CASE(28, a0, 0x4458fab20783af02, li a0, 0x123456789abcdef1; li a1, 0x0fedcba987654322; C_MUL(10, 11))
        TEST_CASE(29, a0, 0x0000000000000031, li a0, 7; C_MUL(10, 10))   /* rd = rs2 */
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 3
tdat:   .byte 0x81, 0x92, 0xa3, 0xf4, 0x05, 0x86, 0x77, 0xf8
sdat:   .dword -1
        RVTEST_DATA_END
