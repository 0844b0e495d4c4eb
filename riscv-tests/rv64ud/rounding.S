# Rounding modes for double precision: every static rm and the same five via
# frm (rm=dyn), on ties (RNE to even, RMM away), overflow, underflow.
#include "fmacros.h"

#define RCASE(num, flags, res, a, b, code...)               \
        li TESTNUM, num;                                    \
        fsflags x0;                                         \
        li a0, a; fmv.d.x f10, a0;                          \
        li a0, b; fmv.d.x f11, a0;                          \
        code;                                               \
        fmv.x.d a0, f13;                                    \
        li t6, res;                                         \
        bne a0, t6, fail;                                   \
        CHECK_FFLAGS(flags)

#define RM_ALL(n, op, flags, a, b, r_rne, r_rtz, r_rdn, r_rup, r_rmm) \
        RCASE(n+0, flags, r_rne, a, b, op f13, f10, f11, rne) \
        RCASE(n+1, flags, r_rtz, a, b, op f13, f10, f11, rtz) \
        RCASE(n+2, flags, r_rdn, a, b, op f13, f10, f11, rdn) \
        RCASE(n+3, flags, r_rup, a, b, op f13, f10, f11, rup) \
        RCASE(n+4, flags, r_rmm, a, b, op f13, f10, f11, rmm) \
        RCASE(n+5, flags, r_rne, a, b, fsrmi 0; op f13, f10, f11, dyn) \
        RCASE(n+6, flags, r_rtz, a, b, fsrmi 1; op f13, f10, f11, dyn) \
        RCASE(n+7, flags, r_rdn, a, b, fsrmi 2; op f13, f10, f11, dyn) \
        RCASE(n+8, flags, r_rup, a, b, fsrmi 3; op f13, f10, f11, dyn) \
        RCASE(n+9, flags, r_rmm, a, b, fsrmi 4; op f13, f10, f11, dyn; fsrmi 0)

#define U1   0x3ff0000000000001     /* 1 + 2^-52 */
#define U2   0x3ff0000000000002
#define H    0x3ca0000000000000     /* 2^-53: half an ulp of 1 */
#define MU1  0xbff0000000000001
#define NMAX 0xffefffffffffffff

RVTEST_CODE_BEGIN
        /*                              a       b       rne     rtz     rdn     rup     rmm */
        RM_ALL( 10, fadd.d, NX,         D_ONE,  H,      D_ONE,  D_ONE,  D_ONE,  U1,     U1)     /* tie, even down */
        RM_ALL( 20, fadd.d, NX,         U1,     H,      U2,     U1,     U1,     U2,     U2)     /* tie, even up */
        RM_ALL( 30, fsub.d, NX,         D_MONE, H,      D_MONE, D_MONE, MU1,    D_MONE, MU1)    /* negative tie */
        RM_ALL( 40, fadd.d, OF|NX,      D_MAX,  D_MAX,  D_INF,  D_MAX,  D_MAX,  D_INF,  D_INF)
        RM_ALL( 50, fadd.d, OF|NX,      NMAX,   NMAX,   D_NINF, NMAX,   D_NINF, NMAX,   D_NINF)
        RM_ALL( 60, fmul.d, UF|NX,      D_MINS, D_HALF, D_PZERO, D_PZERO, D_PZERO, D_MINS, D_MINS)
        RM_ALL( 70, fmul.d, UF|NX,      0x8000000000000001, D_HALF, D_NZERO, D_NZERO, 0x8000000000000001, D_NZERO, 0x8000000000000001)
        RM_ALL( 80, fdiv.d, NX,         D_ONE,  0x4008000000000000, 0x3fd5555555555555, 0x3fd5555555555555, 0x3fd5555555555555, 0x3fd5555555555556, 0x3fd5555555555555)
        RM_ALL( 90, fdiv.d, NX,         D_MONE, 0x4008000000000000, 0xbfd5555555555555, 0xbfd5555555555555, 0xbfd5555555555556, 0xbfd5555555555555, 0xbfd5555555555555)
        RM_ALL(100, fsub.d, 0,          D_TWO,  D_TWO,  D_PZERO, D_PZERO, D_NZERO, D_PZERO, D_PZERO)

        /* dyn on other operations */
        RCASE(200, NX, 0x3ff6a09e667f3bcc, D_TWO, 0, fsrmi 1; fsqrt.d f13, f10; fsrmi 0)
        RCASE(201, NX, U1, D_ONE, H, fsrmi 4; fmadd.d f13, f10, f10, f11; fsrmi 0)
        RCASE(202, NX, D_ONE, D_ONE, H, fsrmi 3; fmadd.d f13, f10, f10, f11, rne; fsrmi 0)   /* static wins */
        RCASE(203, NX, 0x4340000000000001, 0, 0, li a1, 0x0020000000000001; fsrmi 4; fcvt.d.l f13, a1; fsrmi 0)
        TEST_FP_S(204, NX, 0x3f8ccccc, 0, 0, 0, li a1, 0x3ff199999999999a; fmv.d.x f10, a1; fsrmi 1; fcvt.s.d f13, f10; fsrmi 0)
        TEST_FP_INT_D(205, NX, 3, 0x4004000000000000, 0, fsrmi 4; fcvt.w.d a0, f10; fsrmi 0)
        TEST_FP_INT_D(206, NX, -3, 0xc004000000000000, 0, fsrmi 2; fcvt.l.d a0, f10, dyn; fsrmi 0)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
