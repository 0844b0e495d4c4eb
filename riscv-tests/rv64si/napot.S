/* rv64si/napot: Svnapot.  A 64 KiB NAPOT mapping (16 identical level-0 PTEs
 * with N = 1 and ppn[3:0] = 1000) translates each of its 4 KiB pages to the
 * matching page of a 64 KiB-aligned region; N = 1 with another ppn[3:0]
 * (reserved) page-faults, and so does N = 1 in a non-leaf PTE. */
#include "vm.h"

RVTEST_CODE_BEGIN
        VM_INIT
        /* region page i holds 0x100 + i at offset 0 */
        la a0, napot_region; li a1, 0
1:      addi a2, a1, 0x100; slli a3, a1, 12; add a3, a3, a0; sd a2, 0(a3)
        addi a1, a1, 1; li a2, 16; bltu a1, a2, 1b
        /* vm_l0[16..31] = NAPOT PTE: ppn = region ppn | 8, N = 1 */
        la a0, napot_region; srli a0, a0, 12; ori a0, a0, 8; slli a0, a0, 10
        ori a0, a0, PTE_ALL; li a1, 1; slli a1, a1, 63; or a0, a0, a1
        la a2, vm_l0; addi a2, a2, 16 * 8; li a1, 0
1:      sd a0, 0(a2); addi a2, a2, 8; addi a1, a1, 1; li a3, 16; bltu a1, a3, 1b
        VM_SATP(1)
        sfence.vma
test_2: li TESTNUM, 2           /* every page of the 64 KiB page */
        RUN_AS(1,
          li a0, TVA(16); li a1, 0; li a4, 0;
        1: slli a3, a1, 12; add a3, a3, a0; ld a2, 0(a3); addi a5, a1, 0x100;
          bne a2, a5, 2f; addi a4, a4, 1;
        2: addi a1, a1, 1; li a3, 16; bltu a1, a3, 1b)
        EXPECT_OK(1); CHECK(a4, 16)
test_3: li TESTNUM, 3           /* a store through page 5 lands in region page 5 */
        RUN_AS(1, li a0, TVA(21); li a1, 0x55; sd a1, 8(a0)); EXPECT_OK(1)
        la a0, napot_region; li a1, 5 * 4096 + 8; add a0, a0, a1; ld a1, 0(a0); CHECK(a1, 0x55)
test_4: li TESTNUM, 4           /* one sfence.vma of any page removes the 64 KiB entry */
        la a0, napot_region; srli a0, a0, 12; ori a0, a0, 8; slli a0, a0, 10
        ori a0, a0, PTE_ALL; li a1, 1; slli a1, a1, 63; or a0, a0, a1
        li a1, 16 << 10; add a0, a0, a1     /* next 64 KiB (region is 128 KiB) */
        la a2, vm_l0; addi a2, a2, 16 * 8; li a1, 0
1:      sd a0, 0(a2); addi a2, a2, 8; addi a1, a1, 1; li a3, 16; bltu a1, a3, 1b
        RUN_AS(1, li a0, TVA(19); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, 0x103)
        RUN_AS(1, li a0, TVA(30); sfence.vma a0, zero; li a0, TVA(19); ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, 0x55aa)
test_5: li TESTNUM, 5           /* N = 1, ppn[3:0] = 0100: reserved */
        la a0, napot_region; srli a0, a0, 12; ori a0, a0, 4; slli a0, a0, 10
        ori a0, a0, PTE_ALL; li a1, 1; slli a1, a1, 63; or a0, a0, a1
        la a2, vm_l0; sd a0, 40 * 8(a2)
        RUN_AS(1, li a0, TVA(40); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(40))
test_6: li TESTNUM, 6           /* N = 1, ppn[3:0] = 0000: reserved */
        la a0, napot_region; srli a0, a0, 12; slli a0, a0, 10
        ori a0, a0, PTE_ALL; li a1, 1; slli a1, a1, 63; or a0, a0, a1
        la a2, vm_l0; sd a0, 41 * 8(a2)
        RUN_AS(1, li a0, TVA(41); ld a1, 0(a0)); EXPECT_FAULT(13, TVA(41))
test_7: li TESTNUM, 7           /* N = 1 in a non-leaf PTE: vm_l1[3] -> vm_l0 */
        PTE_OF(a0, vm_l0, PTE_V); li a1, 1; slli a1, a1, 63; or a0, a0, a1
        la a2, vm_l1; sd a0, 3 * 8(a2)
        RUN_AS(1, li a0, 0x40600000 + 16 * 4096; ld a1, 0(a0)); EXPECT_FAULT(13, 0x40600000 + 16 * 4096)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        .align 16
napot_region: .skip 65536
        .dword 0x55aa       /* second 64 KiB, page 0 */
        .skip 3 * 4096 - 8
        .dword 0x55aa       /* page 3 */
        .skip 65536 - 3 * 4096 - 8
        RVTEST_DATA_END
