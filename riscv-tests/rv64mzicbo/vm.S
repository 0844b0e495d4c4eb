/* rv64mzicbo/vm: the CBOs under Sv39 in S- and U-mode.  cbo.zero is
 * translated as a store: a read-only, unmapped or (without SUM) user page
 * gives a store page fault with stval = rs1 and memory untouched, and a
 * clean page becomes dirty.  cbo.clean/flush/inval need only a load's
 * permission (a read-only page is fine, an execute-only one is not; A is
 * set, D is not) and fault as stores.  Prefetches never fault.  PMP:
 * cbo.zero on a region S may only read is a store access fault.
 * pagoda-args: -cpu max
 * qemu-check: skip QEMU 7.2 has no Zicbom/Zicboz/Zicbop
 */
#include "vm.h"

#define ENV_ALL ((3 << 4) | (1 << 6) | (1 << 7)) /* CBIE = 11, CBCFE, CBZE */

RVTEST_CODE_BEGIN
        VM_INIT
        VM_MAP(1, vm_pageA, PTE_V | PTE_R | PTE_A | PTE_D)
        VM_MAP(2, vm_pageB, PTE_V | PTE_R | PTE_W)
        VM_MAP(3, vm_pageC, PTE_V | PTE_X | PTE_A)
        VM_MAP(4, vm_pageC, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
        VM_MAP(6, vm_pageC, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        VM_MAP(7, xpage_u, PTE_ALL | PTE_U)
        VM_SATP(1)
        sfence.vma
        li t0, ENV_ALL; csrw menvcfg, t0; csrw senvcfg, t0
test_2: li TESTNUM, 2           /* cbo.zero on a read-only page */
        RUN_AS(1, li a0, TVA(1) + 0x53; cbo.zero (a0)); EXPECT_FAULT(15, TVA(1) + 0x53)
        la t0, vm_pageA; ld t1, 0(t0); CHECK(t1, PAGE_A_VAL); ld t1, 0x40(t0); CHECK(t1, 0)
        li t1, -1; sd t1, 0x58(t0); ld t1, 0x58(t0); CHECK(t1, -1)
        RUN_AS(1, li a0, TVA(1) + 0x53; cbo.zero (a0)); EXPECT_FAULT(15, TVA(1) + 0x53)
        la t0, vm_pageA; ld t1, 0x58(t0); CHECK(t1, -1)
test_3: li TESTNUM, 3           /* unmapped */
        RUN_AS(1, li a0, TVA(5) + 0x7f; cbo.zero (a0)); EXPECT_FAULT(15, TVA(5) + 0x7f)
test_4: li TESTNUM, 4           /* the management operations only read */
        RUN_AS(1, li a0, TVA(1) + 8; cbo.clean (a0); cbo.flush (a0); cbo.inval (a0)); EXPECT_OK(1)
test_5: li TESTNUM, 5
        RUN_AS(1, li a0, TVA(5) + 0x40; cbo.clean (a0)); EXPECT_FAULT(15, TVA(5) + 0x40)
test_6: li TESTNUM, 6
        RUN_AS(1, li a0, TVA(5) + 1; cbo.inval (a0)); EXPECT_FAULT(15, TVA(5) + 1)
        RUN_AS(1, li a0, TVA(5) + 2; cbo.flush (a0)); EXPECT_FAULT(15, TVA(5) + 2)
test_7: li TESTNUM, 7           /* execute-only: no load permission (MXR = 0) */
        RUN_AS(1, li a0, TVA(3) + 0x100; cbo.clean (a0)); EXPECT_FAULT(15, TVA(3) + 0x100)
test_8: li TESTNUM, 8           /* clean sets A, not D */
        RUN_AS(1, li a0, TVA(2) + 0x10; cbo.clean (a0)); EXPECT_OK(1)
        CHECK_PTE(2, vm_pageB, PTE_V | PTE_R | PTE_W | PTE_A)
test_9: li TESTNUM, 9           /* zero sets D and zeroes exactly its block */
        la t0, vm_pageB; li t1, -1; sd t1, 0x38(t0); sd t1, 0x40(t0); sd t1, 0x78(t0); sd t1, 0x80(t0)
        RUN_AS(1, li a0, TVA(2) + 0x41; cbo.zero (a0)); EXPECT_OK(1)
        CHECK_PTE(2, vm_pageB, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        la t0, vm_pageB
        ld t1, 0(t0); CHECK(t1, PAGE_B_VAL); ld t1, 0x38(t0); CHECK(t1, -1)
        ld t1, 0x40(t0); CHECK(t1, 0); ld t1, 0x78(t0); CHECK(t1, 0); ld t1, 0x80(t0); CHECK(t1, -1)
test_10: li TESTNUM, 10         /* a user page from S without SUM */
        RUN_AS(1, li a0, TVA(4) + 0xc0; cbo.zero (a0)); EXPECT_FAULT(15, TVA(4) + 0xc0)
        RUN_AS(1, li a0, TVA(4) + 0xc0; cbo.clean (a0)); EXPECT_FAULT(15, TVA(4) + 0xc0)
test_11: li TESTNUM, 11         /* ... and from U */
        la t0, vm_pageC; li t1, -1; sd t1, 0xc8(t0)
        TRAP_RESET; la s6, 1f; li a0, TVA(4) + 0xc0      /* U code at TVA(7) */
        li t0, 3 << 11; csrc mstatus, t0
        li t0, TVA(7); csrw mepc, t0; mret
1:      CHECK(s5, 1); CHECK(s2, 8)
        la t0, vm_pageC; ld t1, 0xc8(t0); CHECK(t1, 0)
        TRAP_RESET; la s6, 1f; li a0, TVA(1) + 0x30       /* an S page from U */
        li t0, 3 << 11; csrc mstatus, t0
        li t0, TVA(7); csrw mepc, t0; mret
1:      EXPECT_FAULT(15, TVA(1) + 0x30)
test_12: li TESTNUM, 12         /* prefetches never fault */
        RUN_AS(1, li a0, TVA(5); prefetch.r 0(a0); prefetch.w 32(a0); prefetch.i -32(a0)); EXPECT_OK(1)
        RUN_AS(1, li a0, TVA(1); prefetch.w 0(a0)); EXPECT_OK(1)
test_13: li TESTNUM, 13         /* PMP: S may read vm_pageC but not write it */
        la t0, vm_pageC; srli t0, t0, 2; ori t0, t0, 0x1ff; csrw pmpaddr0, t0
        li t0, -1; csrw pmpaddr1, t0
        li t0, 0x1f19; csrw pmpcfg0, t0         /* entry 0 NAPOT R, entry 1 NAPOT RWX */
        RUN_AS(1, li a0, TVA(6) + 0x200; cbo.zero (a0)); EXPECT_FAULT(7, TVA(6) + 0x200)
        RUN_AS(1, li a0, TVA(6) + 0x200; cbo.clean (a0)); EXPECT_OK(1)
        PMP_OPEN_ALL
        RUN_AS(1, li a0, TVA(6) + 0x200; cbo.zero (a0)); EXPECT_OK(1)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
        .align 12
xpage_u: cbo.zero (a0)          /* U code: entered at TVA(7) */
        ecall
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
