/* rv64si/stale_peer: with --tlb-flush=peer (QEMU-like), a satp write
 * flushes the TLB: a stale translation survives until the satp write, then
 * the new PTE is seen without sfence.vma.
 * pagoda-args: --tlb-flush=peer */
#include "vm.h"

#define LOAD1  li a0, TVA(1); ld a1, 0(a0)

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_ALL)
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3           /* PTE -> B, no fence, no satp write: still A */
        VM_MAP(1, vm_pageB, PTE_ALL)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_4: li TESTNUM, 4           /* satp rewritten in S-mode (same value): B */
        RUN_AS(1, csrr a3, satp; csrw satp, a3; LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
test_5: li TESTNUM, 5           /* PTE -> C; satp rewritten in M-mode: C */
        VM_MAP(1, vm_pageC, PTE_ALL)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_B_VAL)
        VM_SATP(1)
        RUN_AS(1, LOAD1); EXPECT_OK(1); CHECK(a1, PAGE_C_VAL)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
