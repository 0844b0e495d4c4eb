# fsgnj.s / fsgnjn.s / fsgnjx.s: pure bit operations, never flags, NaN payloads kept.
#include "fmacros.h"

RVTEST_CODE_BEGIN
        TEST_FOPN_S( 2, fsgnj.s,  0, 0x40490fdb, 0x40490fdb, S_ONE)
        TEST_FOPN_S( 3, fsgnj.s,  0, 0xc0490fdb, 0x40490fdb, S_MONE)
        TEST_FOPN_S( 4, fsgnj.s,  0, 0x40490fdb, 0xc0490fdb, S_PZERO)
        TEST_FOPN_S( 5, fsgnj.s,  0, 0xc0490fdb, 0xc0490fdb, S_NZERO)
        TEST_FOPN_S( 6, fsgnj.s,  0, 0xff800001, S_SNAN, 0xffc00000)     /* sNaN: kept, no NV */
        TEST_FOPN_S( 7, fsgnj.s,  0, 0x7fc12345, 0xffc12345, S_INF)      /* payload kept */
        TEST_FOPN_S( 8, fsgnjn.s, 0, 0xc0490fdb, 0x40490fdb, S_ONE)
        TEST_FOPN_S( 9, fsgnjn.s, 0, 0x40490fdb, 0x40490fdb, S_MONE)
        TEST_FOPN_S(10, fsgnjn.s, 0, 0xc0490fdb, 0xc0490fdb, S_PZERO)
        TEST_FOPN_S(11, fsgnjn.s, 0, 0x40490fdb, 0xc0490fdb, S_NZERO)
        TEST_FOPN_S(12, fsgnjn.s, 0, 0xff800001, S_SNAN, S_SNAN)
        TEST_FOPN_S(13, fsgnjx.s, 0, 0x40490fdb, 0x40490fdb, S_ONE)
        TEST_FOPN_S(14, fsgnjx.s, 0, 0xc0490fdb, 0x40490fdb, S_MONE)
        TEST_FOPN_S(15, fsgnjx.s, 0, 0xc0490fdb, 0xc0490fdb, S_PZERO)
        TEST_FOPN_S(16, fsgnjx.s, 0, 0x40490fdb, 0xc0490fdb, S_NZERO)
        TEST_FOPN_S(17, fsgnjx.s, 0, 0x7f800001, 0xff800001, 0xffc00000)
        /* the pseudo-instructions */
        TEST_FP_S(20, 0, 0x40490fdb, 0xc0490fdb, 0, 0, fabs.s f13, f10)
        TEST_FP_S(21, 0, 0x40490fdb, 0xc0490fdb, 0, 0, fneg.s f13, f10)
        TEST_FP_S(22, 0, 0xc0490fdb, 0xc0490fdb, 0, 0, fmv.s f13, f10)
        TEST_FP_S(23, 0, 0x7f800001, 0xff800001, 0, 0, fabs.s f13, f10)
        TEST_FP_S(24, 0, 0x80000000, 0x00000000, 0, 0, fneg.s f13, f10)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
