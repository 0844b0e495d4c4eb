/* rv64uzicond/czero_nez: czero.nez: rd = (rs2 != 0) ? 0 : rs1 */
#include "macros.h"

/* qemu-check: QEMU 7.2 has no Zicond, so the PAGODA_QEMU_EXIT build replaces
 * the two instructions by equivalent base-ISA sequences (t2 scratch): this
 * validates the expected values there; the encodings are checked by hand:
 * czero.eqz a4, a1, a2 = 0x0ec5d733, czero.nez a4, a1, a2 = 0x0ec5f733. */
#ifdef PAGODA_QEMU_EXIT
        .macro czero_eqz rd, rs1, rs2
        seqz t2, \rs2; addi t2, t2, -1; and \rd, \rs1, t2
        .endm
        .macro czero_nez rd, rs1, rs2
        snez t2, \rs2; addi t2, t2, -1; and \rd, \rs1, t2
        .endm
#else
/* czero.eqz = .insn r OP(0x33), funct3 5, funct7 0000111; czero.nez funct3 7 */
        .macro czero_eqz rd, rs1, rs2
        .insn r OP, 5, 7, \rd, \rs1, \rs2
        .endm
        .macro czero_nez rd, rs1, rs2
        .insn r OP, 7, 7, \rd, \rs1, \rs2
        .endm
#endif

RVTEST_CODE_BEGIN
        TEST_RR_OP(2, czero_nez, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR_OP(3, czero_nez, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_OP(4, czero_nez, 0x0000000000000005, 0x0000000000000005, 0x0000000000000000)
        TEST_RR_OP(5, czero_nez, 0x0000000000000000, 0x0000000000000000, 0x0000000000000005)
        TEST_RR_OP(6, czero_nez, 0x0000000000000000, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR_OP(7, czero_nez, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001)
        TEST_RR_OP(8, czero_nez, 0x0000000000000000, 0x123456789abcdef0, 0x0000000100000000)
        TEST_RR_OP(9, czero_nez, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000000)
        TEST_RR_OP(10, czero_nez, 0x0000000000000000, 0xfffffffffffffff9, 0x8000000000000000)
        TEST_RR_OP(11, czero_nez, 0x0000000000000000, 0x000000000000002a, 0xffffffffffffffff)
        TEST_RR_SRC1_EQ_DEST(12, czero_nez, 0x0000000000000000, 0x000000000000002a, 0xffffffffffffffff)
        TEST_RR_SRC2_EQ_DEST(13, czero_nez, 0x0000000000000000, 0xfffffffffffffff9, 0x8000000000000000)
        TEST_RR_SRC12_EQ_DEST(14, czero_nez, 0x0000000000000000, 0x123456789abcdef0)
        TEST_RR_ZEROSRC1(15, czero_nez, 0x0000000000000000, 0x0000000000000001)
        TEST_RR_ZEROSRC2(16, czero_nez, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZERODEST(17, czero_nez, 0x0000000000000001, 0x0000000000000001)
test_30:                        /* select: a3 = a2 ? a0 : a1 */
        li TESTNUM, 30
        li a0, 111; li a1, 222; li a2, 9
        czero_eqz t0, a0, a2; czero_nez t1, a1, a2; or a3, t0, t1
        CHECK(a3, 111)
        li a2, 0
        czero_eqz t0, a0, a2; czero_nez t1, a1, a2; or a3, t0, t1
        CHECK(a3, 222)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
