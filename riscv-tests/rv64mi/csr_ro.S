/* rv64mi/csr_ro: CSR access rules. Writing a read-only CSR (csr[11:10] == 3:
 * mvendorid, marchid, mimpid, mhartid, cycle, time, instret) is an illegal
 * instruction (cause 2, mtval = the instruction bits), even when the value
 * would not change; csrrs/csrrc with rs1 = x0 and csrrsi/csrrci with
 * uimm = 0 only read, and are legal; an unimplemented CSR is illegal. */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_NO_TRAP(2, csrr a4, mvendorid; csrr a4, marchid; csrr a4, mimpid; csrr a4, mhartid)
        TEST_NO_TRAP(3, csrrs a4, mhartid, x0; csrrc a4, mhartid, x0; csrrsi a4, mvendorid, 0; csrrci a4, mvendorid, 0)
        TEST_TRAP(4, 2, csrw mvendorid, x0)
        CHECK(s3, 0xf1101073)
        TEST_TRAP(5, 2, csrrw a4, mhartid, x0)
        CHECK(s3, 0xf1401773)
        li a1, 1
        TEST_TRAP(6, 2, csrrs a4, mhartid, a1)
        TEST_TRAP(7, 2, csrrc a4, marchid, a1)
        TEST_TRAP(8, 2, csrrsi a4, mimpid, 1)
        TEST_TRAP(9, 2, csrrwi x0, cycle, 0)
        CHECK(s3, 0xc0005073)
        TEST_TRAP(10, 2, csrw instret, a1)
        TEST_TRAP(11, 2, csrs time, a1)
        TEST_NO_TRAP(12, csrr a4, cycle; csrr a4, instret; csrr a4, time)
        TEST_TRAP(13, 2, csrr a4, 0x8ff)                   /* no such CSR */
        li a4, 0x1234
        TEST_TRAP(14, 2, csrw mvendorid, a4)               /* rd of a trapping csr unchanged */
        CHECK(a4, 0x1234)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
