/* rv64mzicbo/zero: cbo.zero in M-mode zeroes the 64-byte block holding rs1
 * (rs1 need not be aligned) and nothing around it; rs1 = x0 and device
 * memory take a store access fault with mtval = rs1; prefetch.i/r/w are
 * hints that touch nothing, even at unmapped addresses.
 * pagoda-args: -cpu max
 * qemu-check: skip QEMU 7.2 has no Zicboz/Zicbop
 */
#include "macros.h"

/* fail unless the 8 dwords at reg (a block) all equal val (uses t3, t4) */
#define BLOCK_IS(reg, val)                               \
        li t4, val;                                      \
        ld t3, 0(reg); bne t3, t4, fail; ld t3, 8(reg); bne t3, t4, fail; \
        ld t3, 16(reg); bne t3, t4, fail; ld t3, 24(reg); bne t3, t4, fail; \
        ld t3, 32(reg); bne t3, t4, fail; ld t3, 40(reg); bne t3, t4, fail; \
        ld t3, 48(reg); bne t3, t4, fail; ld t3, 56(reg); bne t3, t4, fail;

RVTEST_CODE_BEGIN
        /* fill four blocks with ones */
        la a1, blocks; li t0, -1; li t1, 32
1:      sd t0, 0(a1); addi a1, a1, 8; addi t1, t1, -1; bnez t1, 1b
        la s8, blocks
test_2: li TESTNUM, 2           /* rs1 inside block 1, unaligned */
        addi a0, s8, 64 + 0x13
        cbo.zero (a0)
        addi a1, s8, 64; BLOCK_IS(a1, 0)
        BLOCK_IS(s8, -1)
        addi a1, s8, 128; BLOCK_IS(a1, -1)
        la t0, blocks + 64 + 0x13; bne a0, t0, fail  /* rs1 unchanged */
test_3: li TESTNUM, 3           /* rs1 at the last byte of block 2 */
        addi a0, s8, 191
        cbo.zero (a0)
        addi a1, s8, 128; BLOCK_IS(a1, 0)
        addi a1, s8, 192; BLOCK_IS(a1, -1)
test_4: li TESTNUM, 4           /* rs1 aligned, block 0 */
        mv a0, s8
        cbo.zero (a0)
        BLOCK_IS(s8, 0)
        addi a1, s8, 192; BLOCK_IS(a1, -1)
        TEST_TRAP(5, 7, cbo.zero (zero))                /* address 0: nothing there */
        CHECK(s3, 0)
        li a0, 0x10000003                                /* the UART: not cacheable */
        TEST_TRAP(6, 7, cbo.zero (a0))
        CHECK(s3, 0x10000003)
        li a0, 0x10000000
        TEST_TRAP(7, 7, cbo.zero (a0))
        /* the management operations leave memory as it is */
        addi a0, s8, 192
        TEST_NO_TRAP(8, cbo.clean (a0); cbo.flush (a0); cbo.inval (a0))
        BLOCK_IS(a0, -1)
        /* prefetches: no trap at any address, x0 stays 0 */
        li a0, 0x8000
        TEST_NO_TRAP(9, prefetch.i 0(a0); prefetch.r 64(a0); prefetch.w -64(a0); prefetch.r 0(zero))
        CHECK(x0, 0)
        TEST_PASSFAIL
        TRAP_HANDLER_SKIP
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        .align 6
blocks: .skip 256
        RVTEST_DATA_END
