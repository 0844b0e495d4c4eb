# fmv.x.w / fmv.w.x (raw bits, sign-extension, NaN-boxing) and the fcsr,
# frm and fflags CSRs.
#include "fmacros.h"

/* run `code`, compare a0 with `result` (no fflags check, no clearing) */
#define TEST_CSR(testnum, result, code...)                  \
test_ ## testnum:                                           \
        li TESTNUM, testnum;                                \
        code;                                               \
        li t6, result;                                      \
        bne a0, t6, fail;

RVTEST_CODE_BEGIN
        /* fmv.x.w sign-extends bit 31 into rd */
        TEST_FP_INT_S( 2, 0, 0x000000003f800000, S_ONE, 0, fmv.x.w a0, f10)
        TEST_FP_INT_S( 3, 0, 0xffffffffbf800000, S_MONE, 0, fmv.x.w a0, f10)
        TEST_FP_INT_S( 4, 0, 0xffffffff80000000, S_NZERO, 0, fmv.x.w a0, f10)
        TEST_FP_INT_S( 5, 0, 0x000000007f800001, S_SNAN, 0, fmv.x.w a0, f10)     /* sNaN: bits kept, no NV */
        TEST_FP_INT_S( 6, 0, 0xffffffffffc12345, 0xffc12345, 0, fmv.x.w a0, f10)
        /* fmv.x.w moves the low 32 bits even when the register is not NaN-boxed */
        TEST_FP_INT_S( 7, 0, 0xffffffff9abcdef0, 0, 0, li a1, 0x123456789abcdef0; fmv.d.x f10, a1; fmv.x.w a0, f10)
        TEST_FP_INT_S( 8, 0, 0x0000000012345678, 0, 0, li a1, 0x9abcdef012345678; fmv.d.x f10, a1; fmv.x.w a0, f10)
        /* fmv.w.x takes the low 32 bits of rs1 and NaN-boxes them */
        TEST_FP_S(10, 0, 0x3f800000, 0, 0, 0, li a1, 0x123456783f800000; fmv.w.x f13, a1)
        TEST_FP_S(11, 0, 0x7f800001, 0, 0, 0, li a1, 0x000000007f800001; fmv.w.x f13, a1)
        TEST_FP_S(12, 0, 0xffffffff, 0, 0, 0, li a1, -1; fmv.w.x f13, a1)
        TEST_FP_S(13, 0, 0x00000000, 0, 0, 0, fmv.w.x f13, x0)
        /* fmv.s (fsgnj.s) of a non-boxed value gives the canonical NaN, boxed */
        TEST_FP_S(14, 0, S_QNAN, 0, 0, 0, li a1, 0x000000003f800000; fmv.d.x f10, a1; fmv.s f13, f10)

        /* fcsr = frm (7:5) | fflags (4:0); bits 31:8 read as zero */
        TEST_CSR(20, 0xff, li a1, 0xff; csrw fcsr, a1; csrr a0, fcsr)
        TEST_CSR(21, 7,    frrm a0)
        TEST_CSR(22, 0x1f, frflags a0)
        TEST_CSR(23, 0xff, li a1, -1; csrw fcsr, a1; csrr a0, fcsr)
        TEST_CSR(24, 0x00, csrw fcsr, x0; csrr a0, fcsr)
        TEST_CSR(25, 0x40, li a1, 2; csrw frm, a1; csrr a0, fcsr)              /* frm alone */
        TEST_CSR(26, 0x45, li a1, 0x25; csrw fflags, a1; csrr a0, fcsr)        /* fflags: 5 bits */
        TEST_CSR(27, 0x05, frflags a0)
        TEST_CSR(28, 0x02, li a1, 0xfa; csrw frm, a1; frrm a0)                 /* frm: 3 bits */
        TEST_CSR(29, 0x45, csrr a0, fcsr)
        TEST_CSR(30, 0x05, csrrsi a0, fflags, 0x10)                            /* set bits */
        TEST_CSR(31, 0x15, csrrci a0, fflags, 0x04)                            /* clear bits */
        TEST_CSR(32, 0x11, frflags a0)
        TEST_CSR(33, 0x02, li a1, 4; fsrm a0, a1)                              /* swap frm */
        TEST_CSR(34, 0x91, csrr a0, fcsr)
        TEST_CSR(35, 0x11, fsflags a0, x0)
        TEST_CSR(36, 0x80, csrr a0, fcsr)
        TEST_CSR(37, 0x04, csrrwi a0, frm, 0)
        TEST_CSR(38, 0x00, csrr a0, fcsr)
        /* an operation ORs its exceptions into fflags; it never clears them */
        TEST_CSR(40, NX|DZ, csrwi fflags, NX; li a1, S_ONE; fmv.w.x f1, a1;
                 fmv.w.x f2, x0; fdiv.s f3, f1, f2; frflags a0)
        TEST_CSR(41, NX|DZ, fadd.s f4, f1, f1; frflags a0)                     /* exact: no change */
        TEST_CSR(42, NX|DZ|NV, fsub.s f3, f3, f3; frflags a0)                  /* inf - inf */
        TEST_CSR(43, NX|DZ|NV, fsflags a0, x0)
        TEST_CSR(44, 0, frflags a0)
        /* a flag-raising op does not change frm */
        TEST_CSR(45, 0x60 | DZ, csrwi frm, 3; fdiv.s f3, f1, f2; csrr a0, fcsr)
        TEST_CSR(46, 0, csrw fcsr, x0; csrr a0, fcsr)

        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
