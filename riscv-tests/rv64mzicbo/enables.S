/* rv64mzicbo/enables: below M-mode the CBOs need menvcfg's enables, and in
 * U-mode senvcfg's too (CMO chapter; privileged spec, menvcfg/senvcfg):
 * CBZE for cbo.zero, CBCFE for cbo.clean/flush, CBIE (00 illegal, 01
 * flush, 11 invalidate, 10 reserved: a write of it keeps the field) for
 * cbo.inval; otherwise an illegal instruction with mtval = its bits.
 * pagoda-args: -cpu max
 * qemu-check: skip QEMU 7.2 has no Zicbom/Zicboz
 */
#include "vm.h"

#define CBO_ZERO  0x0045200f    /* cbo.zero (a0) */
#define CBO_CLEAN 0x0015200f    /* cbo.clean (a0) */
#define CBO_FLUSH 0x0025200f    /* cbo.flush (a0) */
#define CBO_INVAL 0x0005200f    /* cbo.inval (a0) */
#define CBIE(v)   ((v) << 4)
#define CBCFE     (1 << 6)
#define CBZE      (1 << 7)

RVTEST_CODE_BEGIN
        PMP_OPEN_ALL
        la a0, blk
        csrw menvcfg, zero; csrw senvcfg, zero
test_2: li TESTNUM, 2
        RUN_AS(1, cbo.zero (a0)); EXPECT_FAULT(2, CBO_ZERO)
test_3: li TESTNUM, 3
        RUN_AS(1, cbo.clean (a0)); EXPECT_FAULT(2, CBO_CLEAN)
test_4: li TESTNUM, 4
        RUN_AS(1, cbo.flush (a0)); EXPECT_FAULT(2, CBO_FLUSH)
test_5: li TESTNUM, 5
        RUN_AS(1, cbo.inval (a0)); EXPECT_FAULT(2, CBO_INVAL)
test_6: li TESTNUM, 6           /* CBZE: S may; the block is zeroed */
        li t0, -1; sd t0, 8(a0)
        li t0, CBZE; csrw menvcfg, t0
        RUN_AS(1, cbo.zero (a0)); EXPECT_OK(1)
        ld t0, 8(a0); CHECK(t0, 0)
test_7: li TESTNUM, 7           /* U also needs senvcfg.CBZE */
        RUN_AS(0, cbo.zero (a0)); EXPECT_FAULT(2, CBO_ZERO)
test_8: li TESTNUM, 8
        li t0, CBZE; csrw senvcfg, t0
        li t0, -1; sd t0, 16(a0)
        RUN_AS(0, cbo.zero (a0)); EXPECT_OK(0)
        ld t0, 16(a0); CHECK(t0, 0)
test_9: li TESTNUM, 9           /* senvcfg alone is not enough */
        csrw menvcfg, zero
        RUN_AS(0, cbo.zero (a0)); EXPECT_FAULT(2, CBO_ZERO)
        RUN_AS(1, cbo.clean (a0)); EXPECT_FAULT(2, CBO_CLEAN)
test_10: li TESTNUM, 10         /* CBCFE: S may clean and flush, U not yet */
        li t0, CBCFE; csrw menvcfg, t0; csrw senvcfg, zero
        RUN_AS(1, cbo.clean (a0); cbo.flush (a0)); EXPECT_OK(1)
        RUN_AS(0, cbo.clean (a0)); EXPECT_FAULT(2, CBO_CLEAN)
        RUN_AS(0, cbo.flush (a0)); EXPECT_FAULT(2, CBO_FLUSH)
        RUN_AS(1, cbo.zero (a0)); EXPECT_FAULT(2, CBO_ZERO)
        RUN_AS(1, cbo.inval (a0)); EXPECT_FAULT(2, CBO_INVAL)
test_11: li TESTNUM, 11
        li t0, CBCFE; csrw senvcfg, t0
        RUN_AS(0, cbo.clean (a0); cbo.flush (a0)); EXPECT_OK(0)
test_12: li TESTNUM, 12         /* CBIE = 01 (flush) or 11 (invalidate) */
        li t0, CBIE(1); csrw menvcfg, t0; csrw senvcfg, zero
        RUN_AS(1, cbo.inval (a0)); EXPECT_OK(1)
        RUN_AS(0, cbo.inval (a0)); EXPECT_FAULT(2, CBO_INVAL)
        li t0, CBIE(3); csrw senvcfg, t0
        RUN_AS(0, cbo.inval (a0)); EXPECT_OK(0)
        li t0, CBIE(3); csrw menvcfg, t0; li t0, CBIE(1); csrw senvcfg, t0
        RUN_AS(0, cbo.inval (a0)); EXPECT_OK(0)
        RUN_AS(0, cbo.clean (a0)); EXPECT_FAULT(2, CBO_CLEAN)
        /* an invalidation keeps memory as it was (no cache holds newer data) */
        li t0, 0x1234; sd t0, 24(a0)
        RUN_AS(1, cbo.inval (a0)); EXPECT_OK(1)
        ld t0, 24(a0); CHECK(t0, 0x1234)
        /* CBIE: the reserved 10 is not taken */
        TEST_CASE(13, a1, CBIE(3), li t0, CBIE(3); csrw menvcfg, t0; li t0, CBIE(2); csrw menvcfg, t0; csrr a1, menvcfg)
        TEST_CASE(14, a1, CBIE(1), li t0, CBIE(1); csrw menvcfg, t0; li t0, CBIE(2); csrw menvcfg, t0; csrr a1, menvcfg)
        TEST_CASE(15, a1, CBIE(3), li t0, CBIE(3); csrw senvcfg, t0; li t0, CBIE(2); csrw senvcfg, t0; csrr a1, senvcfg)
        TEST_CASE(16, a1, 0, li t0, CBIE(0); csrw senvcfg, t0; li t0, CBIE(2); csrw senvcfg, t0; csrr a1, senvcfg)
        /* every field that exists: FIOM, CBIE, CBCFE, CBZE (and menvcfg's PBMTE, STCE) */
        TEST_CASE(17, a1, 0xc0000000000000f1, li t0, -1; csrw menvcfg, t0; csrr a1, menvcfg)
        TEST_CASE(18, a1, 0xf1, li t0, -1; csrw senvcfg, t0; csrr a1, senvcfg)
        TEST_PASSFAIL
        TRAP_HANDLER_RESUME
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 6
blk:    .skip 64
        RVTEST_DATA_END
