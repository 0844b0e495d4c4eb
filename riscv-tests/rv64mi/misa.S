/* rv64mi/misa: misa reads MXL = 2 (64-bit) with I, M, A, F, D, C, S, U set;
 * mvendorid/marchid/mimpid/mhartid readable; mstatus.UXL/SXL = 2 */
#include "macros.h"

#define EXT(c) (1 << ((c) - 'A'))
RVTEST_CODE_BEGIN
        TEST_CASE(2, a4, 2, csrr a1, misa; srli a4, a1, 62)
        TEST_CASE(3, a4, EXT('I')|EXT('M')|EXT('A')|EXT('F')|EXT('D')|EXT('C')|EXT('S')|EXT('U'),
                  li t0, EXT('I')|EXT('M')|EXT('A')|EXT('F')|EXT('D')|EXT('C')|EXT('S')|EXT('U');
                  csrr a1, misa; and a4, a1, t0)
        TEST_CASE(4, a4, 0, csrr a1, misa; andi a4, a1, EXT('E'))          /* not RV64E */
        TEST_CASE(5, a4, 0, csrr a4, mhartid)
        TEST_CASE(6, a4, 2, csrr a1, mstatus; srli a1, a1, 32; andi a4, a1, 3)        /* UXL */
        TEST_CASE(7, a4, 2, csrr a1, mstatus; srli a1, a1, 34; andi a4, a1, 3)        /* SXL */
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
