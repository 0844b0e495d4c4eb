/* rv64si/pmp: PMP applies to the walker's PTE reads (as S-mode loads) and
 * to the final physical address.  A PTE read denied by PMP raises an ACCESS
 * fault of the original access type (fetch 1, load 5, store 7), as does a
 * denied final address; mtval = the VA. */
#include "vm.h"

/* pmp0 = NAPOT over the 4 KiB page at `label`, no permissions; pmp1 = all RWX */
#define PMP_DENY(label)                                  \
        la t0, label; srli t0, t0, 2; ori t0, t0, 0x1ff; csrw pmpaddr0, t0; \
        li t0, -1; csrw pmpaddr1, t0;                    \
        li t0, 0x1f18; csrw pmpcfg0, t0;

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        VM_MAP(2, xpage1, PTE_ALL)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2           /* control */
        PMP_DENY(vm_pageC)
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        RUN_AS(1, sfence.vma)
test_3: li TESTNUM, 3           /* the leaf table vm_l0 is denied */
        PMP_DENY(vm_l0)
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(5, TVA(1))
test_4: li TESTNUM, 4
        RUN_AS(1, li a0, TVA(1) + 8; sd a1, 0(a0)); EXPECT_FAULT(7, TVA(1) + 8)
test_5: li TESTNUM, 5
        RUN_AS(1, li a0, TVA(2); jalr a0); EXPECT_FAULT(1, TVA(2))
test_6: li TESTNUM, 6           /* the final page is denied */
        PMP_DENY(vm_pageA)
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(5, TVA(1))
test_7: li TESTNUM, 7
        RUN_AS(1, li a0, TVA(1) + 16; sd a1, 0(a0)); EXPECT_FAULT(7, TVA(1) + 16)
test_8: li TESTNUM, 8
        PMP_DENY(xpage1)
        RUN_AS(1, li a0, TVA(2); jalr a0); EXPECT_FAULT(1, TVA(2))
test_9: li TESTNUM, 9           /* PMP changed back: no fence needed for PMP */
        PMP_DENY(vm_pageC)
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage1: li a1, 0x111
        ret
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
