/* rv64si/superpage: a 2 MiB leaf (level 1) and a 1 GiB leaf (level 2)
 * translate with their VA's low bits; a superpage whose ppn is not aligned
 * to its size (ppn[0] != 0, or ppn[1:0] != 0) is a misaligned superpage:
 * page fault. */
#include "vm.h"

#ifdef VM_SV48
#define GIGA_TABLE vm_l2
#else
#define GIGA_TABLE vm_root
#endif

RVTEST_CODE_BEGIN
        VM_INIT
        /* vm_l1[1]: VA 0x40200000 -> 0x80000000 (2 MiB); vm_l1[2]: ppn + 1 */
        la a0, vm_l1
        li a1, ((0x80000000 >> 12) << 10) | PTE_ALL; sd a1, 1 * 8(a0)
        li a1, (((0x80000000 >> 12) + 1) << 10) | PTE_ALL; sd a1, 2 * 8(a0)
        li a1, (((0x80000000 >> 12) + 512) << 10) | PTE_ALL; sd a1, 4 * 8(a0)
        /* gigapages: VA 0xc0000000 -> 0x80000000; VA 0x100000000: ppn + 512 */
        la a0, GIGA_TABLE
        li a1, ((0x80000000 >> 12) << 10) | PTE_ALL; sd a1, 3 * 8(a0)
        li a1, (((0x80000000 >> 12) + 512) << 10) | PTE_ALL; sd a1, 4 * 8(a0)
        VM_SATP(1)
        sfence.vma
        la s8, vm_pageA; li t0, 0x80000000; sub s8, s8, t0     /* offset of page A */
test_2: li TESTNUM, 2           /* 2 MiB page */
        RUN_AS(1, li a0, 0x40200000; add a0, a0, s8; ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_3: li TESTNUM, 3           /* 2 MiB leaf with ppn[0] = 1 */
        RUN_AS(1, li a0, 0x40400000; add a0, a0, s8; ld a1, 0(a0))
        li t0, 0x40400000; add t0, t0, s8; CHECK(s5, 1); CHECK(s2, 13); bne s3, t0, fail
test_4: li TESTNUM, 4           /* 2 MiB leaf at 0x80200000 (aligned, other ppn[1]) */
        RUN_AS(1, li a0, 0x40800000; ld a1, 0(a0)); EXPECT_OK(1)
test_5: li TESTNUM, 5           /* 1 GiB page */
        RUN_AS(1, li a0, 0xc0000000; add a0, a0, s8; ld a1, 0(a0)); EXPECT_OK(1); CHECK(a1, PAGE_A_VAL)
test_6: li TESTNUM, 6           /* 1 GiB leaf with ppn[1] != 0: fault (also fetch, store) */
        RUN_AS(1, li a0, 0x100000000; ld a1, 0(a0)); EXPECT_FAULT(13, 0x100000000)
        RUN_AS(1, li a0, 0x100000000; sd a1, 0(a0)); EXPECT_FAULT(15, 0x100000000)
        RUN_AS(1, li a0, 0x100000000; jalr a0); EXPECT_FAULT(12, 0x100000000)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        VM_DATA
        RVTEST_DATA_END
