/* rv64si/mprv: M-mode loads and stores with mstatus.MPRV = 1 are
 * translated and checked as MPP's privilege; faults give cause 13/15 with
 * mtval = the VA.  MPP = M means no translation. */
#include "vm.h"

/* run `code` in M-mode with MPRV = 1 and MPP = mpp; a trap resumes at 1: */
#define WITH_MPRV(mpp, code...)                          \
        TRAP_RESET; la s6, 1f;                           \
        li t0, 3 << 11; csrc mstatus, t0;                \
        li t0, MSTATUS_MPRV | ((mpp) << 11); csrs mstatus, t0; \
        code;                                            \
1:      li t0, MSTATUS_MPRV; csrc mstatus, t0;

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        VM_MAP(2, vm_pageB, PTE_ALL | PTE_U)
        VM_MAP(3, vm_pageC, PTE_V | PTE_R | PTE_A | PTE_D)
        VM_SATP(1)
        sfence.vma
        li t0, MSTATUS_SUM | MSTATUS_MXR; csrc mstatus, t0
test_2: li TESTNUM, 2           /* MPP = S: translated load */
        li a0, TVA(1)
        WITH_MPRV(1, ld a1, 0(a0))
        CHECK(s5, 0); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3           /* MPP = S, unmapped: cause 13, mtval = VA */
        li a0, TVA(9) + 0x18
        WITH_MPRV(1, ld a1, 0(a0))
        EXPECT_FAULT(13, TVA(9) + 0x18)
test_4: li TESTNUM, 4           /* MPP = S, store to a read-only page: 15 */
        li a0, TVA(3) + 8
        WITH_MPRV(1, sd a0, 0(a0))
        EXPECT_FAULT(15, TVA(3) + 8)
test_5: li TESTNUM, 5           /* MPP = U, S page: 13 */
        li a0, TVA(1)
        WITH_MPRV(0, ld a1, 0(a0))
        EXPECT_FAULT(13, TVA(1))
test_6: li TESTNUM, 6           /* MPP = U, U page: works */
        li a0, TVA(2)
        WITH_MPRV(0, ld a1, 0(a0))
        CHECK(s5, 0); CHECK(a1, PAGE_B_VAL)
test_7: li TESTNUM, 7           /* MPP = S, U page, SUM = 0: 13 */
        li a0, TVA(2)
        WITH_MPRV(1, ld a1, 0(a0))
        EXPECT_FAULT(13, TVA(2))
test_8: li TESTNUM, 8           /* MPP = M: physical */
        la a0, vm_pageC
        WITH_MPRV(3, ld a1, 0(a0))
        CHECK(s5, 0); CHECK(a1, PAGE_C_VAL)
test_9: li TESTNUM, 9           /* MPP = S: a store goes to the mapped page */
        li a0, TVA(1); li a2, 0x77
        WITH_MPRV(1, sd a2, 16(a0))
        CHECK(s5, 0); la a0, vm_pageA; ld a1, 16(a0); CHECK(a1, 0x77)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
