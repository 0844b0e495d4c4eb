/* rv64mi/access_fault: accesses to an address where nothing is mapped
 * (0x0, below the boot ROM) fault: load access fault (5) and store/AMO
 * access fault (7) with mtval = the address, fetch access fault (1) with
 * mepc = mtval = the target; the faulting load leaves rd unchanged. */
#include "macros.h"

#ifdef PAGODA_QEMU_EXIT
#define AMO_FAULT 5     /* QEMU 7.2 reports an AMO access fault as a load fault */
#else
#define AMO_FAULT 7     /* store/AMO access fault, as the spec requires */
#endif

RVTEST_CODE_BEGIN
        li a1, 0
        li a4, 0x1234
        TEST_TRAP(2, 5, ld a4, 0(a1))
        CHECK(s3, 0)
        CHECK(a4, 0x1234)
        TEST_TRAP(3, 7, sd a4, 8(a1))
        CHECK(s3, 8)
        TEST_TRAP(4, 5, lw a4, 0x10(a1))
        CHECK(s3, 0x10)
        TEST_TRAP(5, 7, sb a4, 0x11(a1))
        CHECK(s3, 0x11)
        TEST_TRAP(6, AMO_FAULT, amoadd.w a4, a4, (a1))
        CHECK(s3, 0)
test_7:                         /* instruction fetch from 0x0 */
        li TESTNUM, 7
        TRAP_RESET
        la s6, 1f
        li t0, 0
        jalr ra, 0(t0)
        j fail
1:      CHECK(s2, 1)
        CHECK(s4, 0)
        CHECK(s3, 0)
        TEST_PASSFAIL

        .align 2
        .globl test_trap_handler
test_trap_handler:              /* data faults resume after the access, fetch faults at s6 */
        csrr s2, mcause
        csrr s3, mtval
        csrr s4, mepc
        addi s5, s5, 1
        li t5, 1
        beq s2, t5, 1f
        lhu t5, 0(s4)           /* skip 2 or 4 bytes */
        andi t5, t5, 3
        addi t4, x0, 3
        addi t6, s4, 2
        bne t5, t4, 2f
        addi t6, s4, 4
2:      csrw mepc, t6
        mret
1:      csrw mepc, s6
        mret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
