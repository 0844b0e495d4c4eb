/* A guest for the commit log (e2e:commitlog, docs/DEBUGGING.md): a few of
 * each kind of line Spike's --log-commits prints -- integer and compressed
 * instructions, loads and stores of every width, AMOs, LR/SC (success,
 * failure, rd = x0), F and D instructions (FS becoming Dirty, fflags raised
 * and raised again), CSR writes Spike logs under other names (sstatus,
 * sie, mip, fcsr), an ecall taken in M-mode and its mret -- then exits
 * through HTIF's tohost, so it runs unchanged on Spike and on Pagoda.  It
 * reads nothing the two boot ROMs leave differently (a1, a2, counters). */
    .option norelax                  /* la is pc-relative: no gp set up */
    .section .text.start, "ax"
    .globl _start
_start:
    la      t0, trap
    csrw    mtvec, t0
    /* the timer: Spike's CLINT starts mtimecmp at 0 (MTIP pending, seen in
     * mip below), Pagoda's at all ones; a store to the CLINT sets it */
    li      t0, -1
    li      t1, 0x2004000
    sd      t0, 0(t1)
    la      a0, data
    la      sp, stack_top

    /* integer and M */
    li      a1, 0x1122334455667788
    li      a2, -5
    add     a3, a1, a2
    sub     a4, a2, a1
    xori    a5, a2, 0x7f
    slli    a6, a2, 3
    srai    a7, a2, 1
    sltu    t1, a2, a1
    lui     t2, 0xfffff
    addiw   t3, t2, -1
    mul     t4, a1, a2
    mulhu   t5, a1, a2
    div     t6, a1, a2
    remu    s2, a1, a2
    divu    s3, a1, zero
    auipc   s4, 0
    addi    zero, a1, 1              /* writes x0: a bare line */

    /* stores of each width, then loads of each width and sign */
    sd      a1, 0(a0)
    sw      a2, 8(a0)
    sh      a1, 12(a0)
    sb      a2, 14(a0)
    ld      s5, 0(a0)
    lw      s6, 8(a0)
    lwu     s7, 8(a0)
    lh      s8, 12(a0)
    lhu     s9, 12(a0)
    lb      s10, 14(a0)
    lbu     s11, 14(a0)

    /* compressed */
    c.li    t1, 9
    c.addi  t1, -3
    c.mv    t2, t1
    c.add   t2, t1
    c.slli  t2, 2
    c.sdsp  t2, 0(sp)
    c.ldsp  t3, 0(sp)
    c.sw    a2, 16(a0)
    c.lw    a3, 16(a0)
    c.beqz  a0, 1f                   /* not taken */
    c.j     1f
    nop
1:
    /* A */
    addi    a3, a0, 24
    sd      a1, 0(a3)
    amoadd.w  a4, a2, (a3)
    amoswap.d a5, a2, (a3)
    amoor.d   zero, a1, (a3)         /* rd = x0: only the accesses */
    amomaxu.w a6, a1, (a3)
    lr.d    a7, (a3)
    sc.d    t4, a1, (a3)             /* succeeds: t4 = 0 */
    sc.d    t5, a2, (a3)             /* no reservation: t5 = 1, nothing stored */
    lr.w    t6, (a3)
    sc.w    zero, a2, (a3)           /* succeeds, rd = x0 */

    /* F and D: FS Initial, then Dirty on the first write */
    li      t0, 1 << 13
    csrs    mstatus, t0
    li      t1, 0x3ff0000000000000   /* 1.0 */
    fmv.d.x f1, t1
    fmv.d.x f2, zero
    fadd.d  f3, f1, f1
    fdiv.d  f4, f1, f2               /* 1/0: DZ */
    fdiv.d  f5, f1, f2               /* DZ again: logged again */
    fcvt.s.d f6, f3
    fsw     f6, 32(a0)
    flw     f7, 32(a0)
    fsd     f4, 40(a0)
    fld     f0, 40(a0)
    c.fsdsp f3, 8(sp)
    c.fldsp f8, 8(sp)
    feq.d   s2, f1, f3
    fcvt.w.d s3, f4                  /* inf: NV, x register */
    fsqrt.s f9, f6
    fmadd.d f10, f1, f3, f1
    li      t2, 0x3
    fdiv.s  f11, f6, f7, rtz
    csrr    s4, fflags
    csrw    fflags, zero
    csrrw   s5, fcsr, t2
    csrwi   frm, 1

    /* CSRs Spike logs under other names */
    li      t0, 0x5a5a
    csrw    mscratch, t0
    csrrw   s6, mscratch, zero
    csrr    s7, mhartid
    csrs    sstatus, 2               /* SIE: Spike logs mstatus */
    csrc    sstatus, 2
    li      t0, 0x222
    csrw    mideleg, t0
    csrw    sie, t0                  /* sie and mie */
    csrwi   mie, 0
    csrsi   mip, 2                   /* SSIP: mvip and mip */
    csrci   mip, 2
    csrw    mideleg, zero
    csrw    medeleg, zero

    /* an ecall taken in M-mode (not logged), the handler, mret */
    li      a7, 93
    ecall
    addi    s8, s8, 1

    /* exit 0 through HTIF */
    li      t0, 1
    la      t1, tohost
    sd      t0, 0(t1)
2:  j       2b

    .align  2
trap:
    csrr    t0, mcause
    csrr    t1, mepc
    addi    t1, t1, 4
    csrw    mepc, t1
    mret

    .data
    .align  6
    .globl  tohost
tohost: .dword 0
    .align  6
    .globl  fromhost
fromhost: .dword 0
    .align  6
data:   .space 64
    .align  4
stack:  .space 64
stack_top:
