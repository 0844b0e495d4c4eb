/* rv64mi/illegal: illegal instructions trap with cause 2, mepc = the
 * instruction, mtval = its bits (checked where QEMU agrees): the all-zero
 * 16-bit word, all ones, reserved and unimplemented encodings, reserved RVC
 * code points. */
#include "macros.h"

RVTEST_CODE_BEGIN
        li t0, -1
        csrw mtval, t0
        TEST_TRAP(2, 2, .2byte 0x0000)                 /* c.unimp: all zero is illegal */
        CHECK(s3, 0)
        TEST_TRAP(3, 2, .4byte 0xffffffff)             /* all ones, reserved */
        TEST_TRAP(4, 2, .4byte 0x0000007b)             /* custom-3 opcode, unimplemented */
        CHECK(s3, 0x0000007b)
        TEST_TRAP(5, 2, .4byte 0x02000033 | (7 << 25)) /* OP with funct7 0x3f: reserved */
        TEST_TRAP(6, 2, .4byte 0xc0001073)             /* unimp = csrrw x0, cycle, x0 */
        CHECK(s3, 0xc0001073)
        TEST_TRAP(7, 2, .2byte 0x8002)                 /* c.jr x0: reserved */
        CHECK(s3, 0x8002)
        TEST_TRAP(8, 2, .2byte 0x6101)                 /* c.addi16sp sp, 0 (nzimm = 0): reserved */
        TEST_TRAP(12, 2, .2byte 0x6001)                /* c.lui x0, 0 (nzimm = 0): reserved */
        TEST_TRAP(13, 2, .2byte 0x4002)                /* c.lwsp x0: reserved */
        TEST_TRAP(14, 2, .2byte 0x6002)                /* c.ldsp x0: reserved */
        TEST_TRAP(9, 2, .4byte 0x0000301b)             /* OP-IMM-32 funct3 3: reserved */
        TEST_TRAP(10, 2, .4byte 0x00007003)           /* load funct3 7: reserved */
        TEST_TRAP(11, 2, .4byte 0x10100073)            /* SYSTEM funct3 0, unknown funct12 */
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
