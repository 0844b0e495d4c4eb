/* rv64si/satp_mode: a satp write with an unsupported MODE has no effect at
 * all (privileged spec, satp: "If satp is written with an unsupported MODE,
 * the entire write has no effect").  Run with --mmu sv48: Sv57 (10) and the
 * reserved modes are ignored; Bare, Sv39, Sv48 are accepted.
 * pagoda-args: --mmu sv48 */
#include "vm.h"

#define SATP_VAL(mode, asid, ppn) (((mode) << 60) | ((asid) << 44) | (ppn))

RVTEST_CODE_BEGIN
test_2: li TESTNUM, 2
        csrw satp, zero; csrr a0, satp; CHECK(a0, 0)
test_3: li TESTNUM, 3           /* Sv48 */
        li a1, SATP_VAL(9, 3, 0x80123); csrw satp, a1; csrr a0, satp; bne a0, a1, fail
test_4: li TESTNUM, 4           /* Sv57: ignored */
        li a2, SATP_VAL(10, 5, 0x80456); csrw satp, a2; csrr a0, satp; bne a0, a1, fail
test_5: li TESTNUM, 5           /* reserved modes 1..7, 11..15: ignored */
        li a3, 1
1:      slli a2, a3, 60; li t0, 0x80777; or a2, a2, t0
        csrw satp, a2; csrr a0, satp; bne a0, a1, fail
        addi a3, a3, 1; li t0, 8; bne a3, t0, 2f; li a3, 11
2:      li t0, 16; bltu a3, t0, 1b
test_6: li TESTNUM, 6           /* Sv39 */
        li a1, SATP_VAL(8, 7, 0x80321); csrw satp, a1; csrr a0, satp; bne a0, a1, fail
test_7: li TESTNUM, 7           /* Bare (ASID and PPN written as zero) */
        csrw satp, zero; csrr a0, satp; CHECK(a0, 0)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
