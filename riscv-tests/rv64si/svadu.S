/* rv64si/svadu: with Svadu offered (--ad=svadu), menvcfg.ADUE selects the
 * A/D policy: 0 (reset) gives Svade page faults, 1 makes the walker set A
 * and D (Svadu spec, "menvcfg.ADUE").
 * pagoda-args: --ad=svadu */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_RWX)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2           /* ADUE = 0 after reset: A = 0 faults, PTE unchanged */
        csrr a0, 0x30a; srli a0, a0, 61; andi a0, a0, 1; CHECK(a0, 0)
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(1))
        CHECK_PTE(1, vm_pageA, PTE_RWX)
test_3: li TESTNUM, 3           /* ADUE is writable when Svadu is offered */
        li a0, 1; slli a0, a0, 61; csrs 0x30a, a0
        csrr a0, 0x30a; srli a0, a0, 61; andi a0, a0, 1; CHECK(a0, 1)
test_4: li TESTNUM, 4           /* ADUE = 1: the load works and the walker sets A */
        RUN_AS(1, li a0, TVA(1); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
        CHECK_PTE(1, vm_pageA, PTE_RWX | PTE_A)
test_5: li TESTNUM, 5           /* and a store sets D */
        RUN_AS(1, li a0, TVA(1); sd a0, 8(a0)); EXPECT_OK(1)
        CHECK_PTE(1, vm_pageA, PTE_RWX | PTE_A | PTE_D)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
