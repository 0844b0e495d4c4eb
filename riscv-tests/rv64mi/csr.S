/* rv64mi/csr: Zicsr on mscratch: csrrw/csrrs/csrrc and the immediate forms
 * return the old value and write the new one; rd = x0 still writes;
 * csrrs/csrrc with rs1 = x0 (or uimm 0) read without writing; all 64 bits. */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 0, csrw mscratch, x0; csrr a4, mscratch)
        TEST_CASE(3, a4, 0, li a1, 0x123456789abcdef0; csrrw a4, mscratch, a1)          /* old value */
        TEST_CASE(4, a4, 0x123456789abcdef0, csrr a4, mscratch)
        TEST_CASE(5, a4, 0x123456789abcdef0, li a1, 0x0f; csrrs a4, mscratch, a1)
        TEST_CASE(6, a4, 0x123456789abcdeff, csrr a4, mscratch)
        TEST_CASE(7, a4, 0x123456789abcdeff, li a1, 0xf000000000000000; csrrc a4, mscratch, a1)
        TEST_CASE(8, a4, 0x023456789abcdeff, csrr a4, mscratch)
        TEST_CASE(9, a4, 0x023456789abcdeff, csrrwi a4, mscratch, 0x1f)
        TEST_CASE(10, a4, 0x1f, csrr a4, mscratch)
        TEST_CASE(11, a4, 0x1f, csrrci a4, mscratch, 0x11)
        TEST_CASE(12, a4, 0x0e, csrrsi a4, mscratch, 0x10)
        TEST_CASE(13, a4, 0x1e, csrr a4, mscratch)
        TEST_CASE(14, a4, 0x5555, li a1, 0x5555; csrrw x0, mscratch, a1; csrr a4, mscratch)  /* rd = x0 writes */
        TEST_CASE(15, a4, 0x5555, csrrs a4, mscratch, x0; csrrc a4, mscratch, x0)          /* rs1 = x0: no write */
        TEST_CASE(16, a4, 0x5555, csrrsi a4, mscratch, 0; csrrci a4, mscratch, 0)
        TEST_CASE(17, a4, 0x5555, csrr a4, mscratch)
        TEST_CASE(18, a1, 0x5555, li a1, 0x77; csrrw a1, mscratch, a1)                     /* rd == rs1 */
        TEST_CASE(19, a4, 0x77, csrr a4, mscratch)
        TEST_CASE(20, a4, 0xffffffffffffffff, li a1, -1; csrw mscratch, a1; csrr a4, mscratch)
        TEST_CASE(21, a4, 0, csrrwi x0, mscratch, 0; csrr a4, mscratch)
        TEST_CASE(22, a4, 0, csrr a4, mhartid)
        TEST_CASE(23, a4, 0x80000000, li a1, 0x80000000; csrw mepc, a1; csrr a4, mepc)
#ifndef PAGODA_QEMU_EXIT /* QEMU 7.2 keeps mepc[0] */
        TEST_CASE(24, a4, 0x80000000, li a1, 0x80000001; csrw mepc, a1; csrr a4, mepc)      /* mepc[0] is zero */
#endif
        TEST_CASE(25, a4, 0xabc, csrwi mscratch, 0; li a1, 0xabc; csrs mscratch, a1; csrr a4, mscratch)
        TEST_CASE(26, a4, 0x0bc, li a1, 0xa00; csrc mscratch, a1; csrr a4, mscratch)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
