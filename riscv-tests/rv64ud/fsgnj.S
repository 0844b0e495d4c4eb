# fsgnj.d / fsgnjn.d / fsgnjx.d: bit operations on all 64 bits, never flags.
#include "fmacros.h"

#define PI  0x400921fb54442d18
#define MPI 0xc00921fb54442d18

RVTEST_CODE_BEGIN
        TEST_FOPN_D( 2, fsgnj.d,  0, PI,  PI,  D_ONE)
        TEST_FOPN_D( 3, fsgnj.d,  0, MPI, PI,  D_MONE)
        TEST_FOPN_D( 4, fsgnj.d,  0, PI,  MPI, D_PZERO)
        TEST_FOPN_D( 5, fsgnj.d,  0, MPI, MPI, D_NZERO)
        TEST_FOPN_D( 6, fsgnj.d,  0, 0xfff0000000000001, D_SNAN, D_NINF)   /* no NV */
        TEST_FOPN_D( 7, fsgnjn.d, 0, MPI, PI,  D_ONE)
        TEST_FOPN_D( 8, fsgnjn.d, 0, PI,  PI,  D_MONE)
        TEST_FOPN_D( 9, fsgnjn.d, 0, MPI, MPI, D_PZERO)
        TEST_FOPN_D(10, fsgnjn.d, 0, PI,  MPI, D_NZERO)
        TEST_FOPN_D(11, fsgnjx.d, 0, PI,  PI,  D_ONE)
        TEST_FOPN_D(12, fsgnjx.d, 0, MPI, PI,  D_MONE)
        TEST_FOPN_D(13, fsgnjx.d, 0, MPI, MPI, D_PZERO)
        TEST_FOPN_D(14, fsgnjx.d, 0, PI,  MPI, D_NZERO)
        TEST_FOPN_D(15, fsgnjx.d, 0, 0x7ff8000000012345, 0xfff8000000012345, D_NINF)
        /* .d ops do not care about NaN-boxing: the boxed single is just bits */
        TEST_FOPN_D(16, fsgnj.d,  0, 0x7fffffff3f800000, 0xffffffff3f800000, D_ONE)
        TEST_FP_D(20, 0, PI, MPI, 0, 0, fabs.d f13, f10)
        TEST_FP_D(21, 0, MPI, PI, 0, 0, fneg.d f13, f10)
        TEST_FP_D(22, 0, MPI, MPI, 0, 0, fmv.d f13, f10)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
