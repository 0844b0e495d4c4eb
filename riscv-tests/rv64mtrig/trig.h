/* Helpers of the Sdtrig tests (RISC-V Debug Specification 1.0, "Sdtrig"):
 * tdata1 field values and a macro that programs one trigger the way the
 * spec says a debugger must (tdata1 = 0, then tdata2, then tdata1). */
#ifndef RV64MTRIG_TRIG_H
#define RV64MTRIG_TRIG_H

#define CSR_TSELECT 0x7a0
#define CSR_TDATA1  0x7a1
#define CSR_TDATA2  0x7a2
#define CSR_TDATA3  0x7a3
#define CSR_TINFO   0x7a4
#define CSR_TCONTROL 0x7a5

#define MC2     0x2000000000000000   /* type 2, mcontrol */
#define MC6     0x6000000000000000   /* type 6, mcontrol6 */
#define TDIS    0xf000000000000000   /* type 15, disabled */
#define DMODE   0x0800000000000000
#define T_M     0x40
#define T_S     0x10
#define T_U     0x08
#define T_X     0x04
#define T_ST    0x02
#define T_LD    0x01
#define M_NAPOT (1 << 7)
#define M_GE    (2 << 7)
#define M_LT    (3 << 7)
#define M_MLOW  (4 << 7)
#define M_MHIGH (5 << 7)
#define M_NE    (8 << 7)
#define M_NNAPOT (9 << 7)
#define ACT1    0x1000
#define SEL2    0x80000          /* mcontrol select */
#define TIMING2 0x40000          /* mcontrol timing */
#define HIT2    0x100000         /* mcontrol hit */
#define SEL6    0x200000         /* mcontrol6 select */
#define HIT0    0x400000         /* mcontrol6 hit0 */
#define HIT1    0x2000000        /* mcontrol6 hit1 */
#define SIZE6(c) ((c) << 16)     /* mcontrol6 size: 1 = 8 bits, 2 = 16, 3 = 32, 5 = 64 */

/* Check that the xtval a trap handler recorded in reg is exp: the address
 * that matched (Pagoda).  QEMU 7.2 writes 0, which the privileged spec
 * allows for a breakpoint ("either zero or the faulting virtual
 * address"): the QEMU build takes 0 too. */
#ifdef PAGODA_QEMU_EXIT
#define CHECK_TVAL(reg, exp) beqz reg, 99f; bne reg, exp, fail; 99:
#else
#define CHECK_TVAL(reg, exp) bne reg, exp, fail
#endif

/* Program trigger idx with tdata1 = cfg and tdata2 = the value in register
 * reg (clobbers t0). */
#define TRIG_SET_REG(idx, cfg, reg)                      \
        li t0, idx; csrw CSR_TSELECT, t0;                \
        csrw CSR_TDATA1, x0;                             \
        csrw CSR_TDATA2, reg;                            \
        li t0, cfg; csrw CSR_TDATA1, t0;
/* ... with tdata2 = the address of label (clobbers t2 too) */
#define TRIG_SET_LA(idx, cfg, label)                     \
        la t2, label; TRIG_SET_REG(idx, cfg, t2)
/* ... with tdata2 = a constant (clobbers t2 too) */
#define TRIG_SET_LI(idx, cfg, value)                     \
        li t2, value; TRIG_SET_REG(idx, cfg, t2)
/* Disable trigger idx (tdata1 = 0 makes it type 15) */
#define TRIG_OFF(idx)                                    \
        li t0, idx; csrw CSR_TSELECT, t0; csrw CSR_TDATA1, x0;

#endif
