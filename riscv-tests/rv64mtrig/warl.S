/* rv64mtrig/warl: what the trigger CSRs read back (Sdtrig's WARL rules,
 * Pagoda's choices in docs/CPU.md): tinfo lists types 2, 6 and 15 with
 * version 1; tselect keeps its value on an index without a trigger; the
 * reset value is an mcontrol that matches nothing; writing 0 (or type 15)
 * disables (type 15), an unsupported type leaves tdata1 as it was; M-mode
 * cannot set dmode nor action 1; mcontrol has maskmax 0 (NAPOT becomes
 * equal), unsupported sizes become "any", timing is 1 exactly for load
 * data, hit is writable; mcontrol6 drops vs, vu, uncertain and
 * uncertainen, keeps NAPOT and its negation, drops reserved match values
 * and sizes; a NAPOT tdata2 of all ones loses bit 62; tdata3 reads 0;
 * tcontrol does not exist.
 * qemu-check: skip QEMU 7.2's WARL choices differ from case 2 on (tinfo); it also ignores tdata1 = 0, which must disable
 */
#include "macros.h"
#include "trig.h"

RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 0x1008044, csrr a4, CSR_TINFO)
        TEST_CASE(3, a4, 3, li a1, 3; csrw CSR_TSELECT, a1; csrr a4, CSR_TSELECT)
        TEST_CASE(4, a4, 3, li a1, 4; csrw CSR_TSELECT, a1; csrr a4, CSR_TSELECT)      /* no trigger 4 */
        TEST_CASE(5, a4, 3, li a1, -1; csrw CSR_TSELECT, a1; csrr a4, CSR_TSELECT)
        /* every trigger starts as an mcontrol with nothing set */
        TEST_CASE(6, a4, MC2, csrw CSR_TSELECT, x0; csrr a4, CSR_TDATA1)
        TEST_CASE(7, a4, 0, csrr a4, CSR_TDATA2)
        TEST_CASE(8, a4, MC2, li a1, 3; csrw CSR_TSELECT, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(9, a4, 0x1008044, csrr a4, CSR_TINFO)                               /* every trigger the same */
        /* 0 disables: type 15; an unsupported type keeps what was there */
        TEST_CASE(10, a4, TDIS, csrw CSR_TSELECT, x0; csrw CSR_TDATA1, x0; csrr a4, CSR_TDATA1)
        TEST_CASE(11, a4, TDIS, li a1, 0x3000000000000044; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(12, a4, TDIS, li a1, 0xf000000000000044; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(13, a4, MC2 | T_M | T_X, li a1, MC2 | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(14, a4, MC2 | T_M | T_X, li a1, 0x5000000000000000; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* dmode and action 1 are the debugger's */
        TEST_CASE(15, a4, MC2 | T_M | T_X, li a1, MC2 | DMODE | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(16, a4, MC2 | T_M | T_X, li a1, MC2 | ACT1 | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(17, a4, MC2 | T_M | T_X, li a1, MC2 | 0x2000 | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1) /* trace on */
        TEST_CASE(18, a4, MC6 | T_M | T_X, li a1, MC6 | DMODE | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* mcontrol: maskmax 0, so NAPOT (and its negation) become equal; ge, lt, masks, ne stay */
        TEST_CASE(19, a4, MC2 | T_M | T_LD, li a1, MC2 | M_NAPOT | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(20, a4, MC2 | T_M | T_LD, li a1, MC2 | M_NNAPOT | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(21, a4, MC2 | M_GE | T_M | T_LD, li a1, MC2 | M_GE | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(22, a4, MC2 | M_LT | T_M | T_LD, li a1, MC2 | M_LT | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(23, a4, MC2 | M_MHIGH | T_M | T_LD, li a1, MC2 | M_MHIGH | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(24, a4, MC2 | M_NE | T_M | T_LD, li a1, MC2 | M_NE | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(25, a4, MC2 | T_M | T_LD, li a1, MC2 | (6 << 7) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1) /* reserved */
        TEST_CASE(26, a4, MC2 | T_M | T_LD, li a1, MC2 | (10 << 7) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1) /* no "not ge" */
        /* chain is not implemented */
        TEST_CASE(27, a4, MC2 | T_M | T_LD, li a1, MC2 | 0x800 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* sizes: sizehi:sizelo 1, 2, 3, 5 stay; 4 (48 bits) and 9 (128 bits) become 0 */
        TEST_CASE(28, a4, MC2 | 0x30000 | T_M | T_LD, li a1, MC2 | 0x30000 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(29, a4, MC2 | 0x210000 | T_M | T_LD, li a1, MC2 | 0x210000 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(30, a4, MC2 | T_M | T_LD, li a1, MC2 | 0x200000 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(31, a4, MC2 | T_M | T_LD, li a1, MC2 | 0x410000 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* timing: 1 for load data, 0 otherwise, whatever is written */
        TEST_CASE(32, a4, MC2 | SEL2 | TIMING2 | T_M | T_LD, li a1, MC2 | SEL2 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(33, a4, MC2 | SEL2 | T_M | T_ST, li a1, MC2 | SEL2 | TIMING2 | T_M | T_ST; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(34, a4, MC2 | T_M | T_LD, li a1, MC2 | TIMING2 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* hit is writable */
        TEST_CASE(35, a4, MC2 | HIT2 | T_M | T_LD, li a1, MC2 | HIT2 | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        /* mcontrol6: vs, vu (no H), uncertain, uncertainen read 0; hit0/hit1 writable */
        TEST_CASE(36, a4, MC6 | T_M | T_X, li a1, MC6 | 0x5800020 | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(37, a4, MC6 | HIT1 | HIT0 | T_M | T_X, li a1, MC6 | HIT1 | HIT0 | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(38, a4, MC6 | M_NAPOT | T_M | T_X, li a1, MC6 | M_NAPOT | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(39, a4, MC6 | M_NNAPOT | T_M | T_X, li a1, MC6 | M_NNAPOT | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(40, a4, MC6 | T_M | T_X, li a1, MC6 | (7 << 7) | T_M | T_X; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(41, a4, MC6 | SIZE6(5) | T_M | T_LD, li a1, MC6 | SIZE6(5) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(42, a4, MC6 | T_M | T_LD, li a1, MC6 | SIZE6(6) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(43, a4, MC6 | T_M | T_LD, li a1, MC6 | SIZE6(4) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1)
        TEST_CASE(44, a4, MC6 | SEL6 | T_M | T_LD, li a1, MC6 | SEL6 | (3 << 19) | T_M | T_LD; csrw CSR_TDATA1, a1; csrr a4, CSR_TDATA1) /* 20:19 are 0 */
        /* tdata2: any value; with mcontrol6 NAPOT, bits 62:0 all ones lose bit 62 (maskmax6 = 63) */
        TEST_CASE(45, a4, -1, li a1, MC6 | T_M | T_LD; csrw CSR_TDATA1, a1; li a1, -1; csrw CSR_TDATA2, a1; csrr a4, CSR_TDATA2)
        TEST_CASE(46, a4, 0xbfffffffffffffff, csrw CSR_TDATA1, x0; li a1, MC6 | M_NAPOT | T_M | T_LD; csrw CSR_TDATA1, a1;
                  li a1, -1; csrw CSR_TDATA2, a1; csrr a4, CSR_TDATA2)
        TEST_CASE(47, a4, 0x80000fff, li a1, 0x80000fff; csrw CSR_TDATA2, a1; csrr a4, CSR_TDATA2)
        /* tdata3 (textra64 with every field 0) */
        TEST_CASE(48, a4, 0, li a1, -1; csrw CSR_TDATA3, a1; csrr a4, CSR_TDATA3)
        /* the disabled trigger keeps tdata2 */
        TEST_CASE(49, a4, 0x80000fff, csrw CSR_TDATA1, x0; csrr a4, CSR_TDATA2)
        csrw CSR_TDATA1, x0
        /* tcontrol is not implemented: illegal */
        TEST_TRAP(50, 2, csrr a4, CSR_TCONTROL)
        TEST_TRAP(51, 2, csrw CSR_TCONTROL, x0)
        /* tinfo is read-only: a write is ignored (its number is 0x7a4, not a read-only CSR) */
        TEST_CASE(52, a4, 0x1008044, csrw CSR_TINFO, x0; csrr a4, CSR_TINFO)
        TEST_PASSFAIL

TRAP_HANDLER_SKIP
RVTEST_CODE_END

RVTEST_DATA_BEGIN
RVTEST_DATA_END
