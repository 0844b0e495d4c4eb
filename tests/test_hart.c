/* Unit tests of the hart (cpu/hart.c, cpu/system.c, cpu/exec.c) by executing
 * code in RAM: trap entry and return, delegation, interrupts and their
 * priority, vectored traps, misaligned accesses, LR/SC and AMOs, the decoded
 * instruction cache under self-modifying code, decoded blocks (cut by the
 * budget, by a trap, by an interrupt a store raised; code changed after the
 * current block), instructions across a page boundary, and fetch faults.
 *
 * Instruction words were produced by riscv64-unknown-elf-as 2.40
 * (-march=rv64gc) and are given with their assembly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hart.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)
#define RAM_END (RAM_BASE + RAM_SIZE)
#define PROG (RAM_BASE + 0x1000)   /* test program */
#define MTVEC (RAM_BASE + 0x100)   /* M-mode handler: j . */
#define STVEC (RAM_BASE + 0x200)   /* S-mode handler: j . */
#define TARGET (RAM_BASE + 0x300)  /* where xRET goes: j . */
#define VEC (RAM_BASE + 0x400)     /* a vector table of j . */
#define DATA (RAM_BASE + 0x8000)
#define SENTINEL 0x5eedull

/* instruction words */
#define J_SELF    0x0000006fu /* jal zero, . */
#define NOP       0x00000013u /* addi zero, zero, 0 */
#define ECALL     0x00000073u /* ecall */
#define MRET      0x30200073u /* mret */
#define SRET      0x10200073u /* sret */
#define WFI       0x10500073u /* wfi */
#define CSRR_MSTATUS 0x30002573u /* csrrs a0, mstatus, zero */
#define LD_A0_A1  0x0005b503u /* ld a0, 0(a1) */
#define SD_A0_A1  0x00a5b023u /* sd a0, 0(a1) */
#define LR_W      0x1005a52fu /* lr.w a0, (a1) */
#define SC_W      0x18d5a62fu /* sc.w a2, a3, (a1) */
#define AMOADD_W  0x00c5a52fu /* amoadd.w a0, a2, (a1) */
#define AMOSWAP_D 0x08c5b52fu /* amoswap.d a0, a2, (a1) */
#define ADDI_A0_1  0x00150513u /* addi a0, a0, 1 */
#define ADDI_A0_16 0x01050513u /* addi a0, a0, 16 */
#define ADDI_A1_123 0x12358593u /* addi a1, a1, 291 */
#define C_ADDI_A0_1 0x0505u   /* c.addi a0, 1 */
#define C_ADDI_A0_2 0x0509u   /* c.addi a0, 2 */

#define IRQ(n) ((1ull << 63) | (n))
#define MPP_OF(s) (((s) >> 11) & 3)

struct env {
    struct phys_mem pm;
    struct mmu *mmu;
    uint64_t mtime;
    struct hart h;
    /* a device that accepts every access (for the AMO test) */
    unsigned dev_loads, dev_stores;
    bool dev_store_raises_msip; /* a store to the device sets MSIP (like the CLINT) */
};

static bool dev_load(void *ctx, uint64_t pa, unsigned size, uint64_t *val)
{
    struct env *e = ctx;
    (void)pa; (void)size;
    e->dev_loads++;
    *val = 0;
    return pa >= 0x40000000 && pa < 0x40001000;
}

static bool dev_store(void *ctx, uint64_t pa, unsigned size, uint64_t val)
{
    struct env *e = ctx;
    (void)size; (void)val;
    e->dev_stores++;
    if (e->dev_store_raises_msip) {
        e->h.mip_ext |= 1u << IRQ_MSI;
        e->h.irq_check = true;
    }
    return pa >= 0x40000000 && pa < 0x40001000;
}

static void put32(struct env *e, uint64_t pa, uint32_t w) { memcpy(e->pm.ram + (pa - RAM_BASE), &w, 4); }
static void put16(struct env *e, uint64_t pa, uint16_t w) { memcpy(e->pm.ram + (pa - RAM_BASE), &w, 2); }
static uint64_t get64(struct env *e, uint64_t pa)
{
    uint64_t v;
    memcpy(&v, e->pm.ram + (pa - RAM_BASE), 8);
    return v;
}

static struct env *env_new(const struct hart_config *cfg_in)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = calloc(1, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    e->pm.io_ctx = e;
    e->pm.io_load = dev_load;
    e->pm.io_store = dev_store;
    struct mmu_config mc;
    mmu_config_default(&mc);
    e->mmu = mmu_create(&mc, &e->pm, &e->h.pmp);
    struct hart_config cfg = {.max_satp_mode = SATP_SV57};
    if (cfg_in) cfg = *cfg_in;
    hart_init(&e->h, 0, &e->pm, &cfg, e->mmu);
    e->h.mtime = &e->mtime;
    struct hart *h = &e->h;
    /* PMP entry 0: NAPOT over everything, RWX, so S and U may run */
    assert_true(csr_write(h, 0x3b0, ~0ull));
    assert_true(csr_write(h, 0x3a0, 0x1f));
    h->mtvec = MTVEC;
    h->stvec = STVEC;
    put32(e, MTVEC, J_SELF);
    put32(e, STVEC, J_SELF);
    put32(e, TARGET, J_SELF);
    for (int i = 0; i < 16; i++) put32(e, VEC + 4 * i, J_SELF);
    return e;
}

static void env_free(struct env *e)
{
    hart_free(&e->h);
    mmu_destroy(e->mmu);
    free(e->pm.ram);
    free(e);
}

static int setup(void **state)
{
    *state = env_new(NULL);
    return 0;
}

static int teardown(void **state)
{
    env_free(*state);
    return 0;
}

/* Put the hart at pc in privilege priv, as a trap or xRET would (its mode
 * and mstatus may have been set directly by the test). */
static void start_at(struct hart *h, unsigned priv, uint64_t pc)
{
    h->priv = (uint8_t)priv;
    h->pc = pc;
    hart_priv_changed(h);
}

/* Load a program at PROG followed by j ., start it in privilege priv and
 * run until it sits in a j . (its end, a handler or an xRET target). */
static void run_prog(struct env *e, unsigned priv, const uint32_t *w, size_t n)
{
    struct hart *h = &e->h;
    for (size_t i = 0; i < n; i++) put32(e, PROG + 4 * i, w[i]);
    put32(e, PROG + 4 * n, J_SELF);
    h->mcause = h->scause = SENTINEL;
    h->mepc = h->mtval = h->stval = SENTINEL; /* not sepc: sret tests set it */
    h->wfi = false;
    start_at(h, priv, PROG);
    hart_run(h, n + 8);
}

#define RUN(e, priv, ...) do { \
        static const uint32_t prog_[] = {__VA_ARGS__}; \
        run_prog((e), (priv), prog_, sizeof prog_ / sizeof prog_[0]); \
    } while (0)

static void assert_m_trap(struct env *e, uint64_t cause, uint64_t epc, uint64_t tval)
{
    struct hart *h = &e->h;
    if (h->mcause != cause)
        fail_msg("mcause %llx, want %llx (pc %llx, scause %llx)", (unsigned long long)h->mcause,
                 (unsigned long long)cause, (unsigned long long)h->pc, (unsigned long long)h->scause);
    assert_int_equal(h->priv, PRIV_M);
    assert_int_equal(h->mepc, epc);
    assert_int_equal(h->mtval, tval);
}

static void fill_data(struct env *e)
{
    for (int i = 0; i < 32; i++) e->pm.ram[DATA - RAM_BASE + i] = (uint8_t)(i + 1);
}

/* ---- ecall and the trap entry ---- */

static void test_ecall_causes(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    static const struct { unsigned priv; uint64_t cause; } c[] = {
        {PRIV_M, EXC_ECALL_M}, {PRIV_S, EXC_ECALL_S}, {PRIV_U, EXC_ECALL_U}};
    for (int k = 0; k < 3; k++) {
        h->mstatus = (h->mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)) | MSTATUS_MIE;
        uint64_t instret = h->instret;
        RUN(e, c[k].priv, NOP, ECALL);
        assert_m_trap(e, c[k].cause, PROG + 4, 0);
        assert_int_equal(h->pc, MTVEC);
        assert_int_equal(MPP_OF(h->mstatus), c[k].priv);
        /* MPIE = old MIE, MIE = 0 */
        assert_int_equal(h->mstatus & (MSTATUS_MIE | MSTATUS_MPIE), MSTATUS_MPIE);
        assert_int_equal(h->scause, SENTINEL);
        /* ecall does not retire: of the 10 steps (n + 8), the nop and the
         * handler's 8 j . instructions did */
        assert_true(h->instret - instret >= 2);
        assert_int_equal(h->instret - instret, 9);
    }
}

static void test_delegation_to_s(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->medeleg = (1u << EXC_ECALL_U) | (1u << EXC_ECALL_S) | (1u << EXC_ILLEGAL);
    /* from U, SIE = 1: SPP = U, SPIE = 1, SIE = 0 */
    h->mstatus = (h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)) | MSTATUS_SIE;
    RUN(e, PRIV_U, NOP, ECALL);
    assert_int_equal(h->scause, EXC_ECALL_U);
    assert_int_equal(h->sepc, PROG + 4);
    assert_int_equal(h->stval, 0);
    assert_int_equal(h->priv, PRIV_S);
    assert_int_equal(h->pc, STVEC);
    assert_int_equal(h->mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP), MSTATUS_SPIE);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->mepc, SENTINEL);
    /* from S, SIE = 0, SPIE = 1: SPP = S, SPIE = 0 */
    h->sepc = SENTINEL;
    h->mstatus = (h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)) | MSTATUS_SPIE;
    RUN(e, PRIV_S, ECALL);
    assert_int_equal(h->scause, EXC_ECALL_S);
    assert_int_equal(h->sepc, PROG);
    assert_int_equal(h->priv, PRIV_S);
    assert_int_equal(h->mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP), MSTATUS_SPP);
    /* a delegated illegal instruction: stval = the instruction bits */
    h->sepc = SENTINEL;
    RUN(e, PRIV_U, CSRR_MSTATUS);
    assert_int_equal(h->scause, EXC_ILLEGAL);
    assert_int_equal(h->stval, CSRR_MSTATUS);
    assert_int_equal(h->sepc, PROG);
    assert_int_equal(h->mcause, SENTINEL);
    /* not delegated: M */
    h->medeleg = 0;
    RUN(e, PRIV_U, ECALL);
    assert_m_trap(e, EXC_ECALL_U, PROG, 0);
    assert_int_equal(h->scause, SENTINEL);
}

static void test_trap_never_goes_lower(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* ecall from M cannot be delegated at all */
    assert_true(csr_write(h, 0x302, ~0ull));
    uint64_t medeleg;
    assert_true(csr_read(h, 0x302, &medeleg));
    assert_int_equal((medeleg >> EXC_ECALL_M) & 1, 0);
    assert_int_equal((medeleg >> EXC_ILLEGAL) & 1, 1);
    /* an M-mode exception whose medeleg bit is set stays in M */
    RUN(e, PRIV_M, 0xffffffffu /* illegal */);
    assert_m_trap(e, EXC_ILLEGAL, PROG, 0xffffffffu);
    assert_int_equal(h->scause, SENTINEL);
    RUN(e, PRIV_M, ECALL);
    assert_m_trap(e, EXC_ECALL_M, PROG, 0);
    assert_int_equal(h->pc, MTVEC);
    /* and delegated S interrupts are not taken in M-mode, even with MIE */
    h->medeleg = 0;
    h->mideleg = 1u << IRQ_STI;
    h->mie = 1u << IRQ_STI;
    h->mip_ext = 1u << IRQ_STI;
    h->mstatus |= MSTATUS_MIE | MSTATUS_SIE;
    RUN(e, PRIV_M, NOP);
    assert_int_equal(h->pc, PROG + 4);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->scause, SENTINEL);
    /* U-mode takes it in S whatever SIE says */
    h->mstatus &= ~MSTATUS_SIE;
    RUN(e, PRIV_U, NOP);
    assert_int_equal(h->scause, IRQ(IRQ_STI));
    assert_int_equal(h->priv, PRIV_S);
    assert_int_equal(h->sepc, PROG);
    assert_int_equal(h->mstatus & MSTATUS_SPP, 0);
    /* S-mode with SIE = 0 does not */
    RUN(e, PRIV_S, NOP);
    assert_int_equal(h->scause, SENTINEL);
    assert_int_equal(h->pc, PROG + 4);
    /* an S-mode program takes it (SIE = 1) in S */
    h->mstatus |= MSTATUS_SIE;
    RUN(e, PRIV_S, NOP);
    assert_int_equal(h->scause, IRQ(IRQ_STI));
    assert_int_equal(h->priv, PRIV_S);
    h->mip_ext = 0;
}

/* ---- trap return ---- */

static void test_mret(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* to S: MIE = MPIE, MPIE = 1, MPP = U, MPRV cleared */
    h->mepc = TARGET;
    h->mstatus = (h->mstatus & ~(MSTATUS_MIE | MSTATUS_MPP)) | MSTATUS_MPIE | (1ull << 11) | MSTATUS_MPRV;
    put32(e, PROG, MRET);
    put32(e, PROG + 4, J_SELF);
    start_at(h, PRIV_M, PROG);
    hart_run(h, 3);
    assert_int_equal(h->pc, TARGET);
    assert_int_equal(h->priv, PRIV_S);
    assert_int_equal(h->mstatus & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV),
                     MSTATUS_MIE | MSTATUS_MPIE);
    /* to U with MPIE = 0: MIE = 0 */
    h->mstatus = (h->mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)) | MSTATUS_MPRV;
    start_at(h, PRIV_M, PROG);
    hart_run(h, 3);
    assert_int_equal(h->priv, PRIV_U);
    assert_int_equal(h->pc, TARGET);
    assert_int_equal(h->mstatus & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV), MSTATUS_MPIE);
    /* to M: MPRV is kept */
    h->mstatus = (h->mstatus & ~MSTATUS_MPP) | (3ull << 11) | MSTATUS_MPRV;
    start_at(h, PRIV_M, PROG);
    hart_run(h, 3);
    assert_int_equal(h->priv, PRIV_M);
    assert_int_equal(h->pc, TARGET);
    assert_int_equal(h->mstatus & MSTATUS_MPRV, MSTATUS_MPRV);
    assert_int_equal(MPP_OF(h->mstatus), PRIV_U);
    h->mstatus &= ~MSTATUS_MPRV;
    /* mret below M is illegal */
    h->mepc = SENTINEL;
    RUN(e, PRIV_S, MRET);
    assert_m_trap(e, EXC_ILLEGAL, PROG, MRET);
}

static void test_sret(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* from S to U: SIE = SPIE, SPIE = 1, SPP = U, MPRV cleared */
    h->sepc = TARGET;
    h->mstatus = (h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPP)) | MSTATUS_SPIE | MSTATUS_MPRV;
    put32(e, PROG, SRET);
    put32(e, PROG + 4, J_SELF);
    start_at(h, PRIV_S, PROG);
    hart_run(h, 3);
    assert_int_equal(h->priv, PRIV_U);
    assert_int_equal(h->pc, TARGET);
    assert_int_equal(h->mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV),
                     MSTATUS_SIE | MSTATUS_SPIE);
    /* from M with SPP = S: to S */
    h->mstatus = (h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPIE)) | MSTATUS_SPP;
    start_at(h, PRIV_M, PROG);
    hart_run(h, 3);
    assert_int_equal(h->priv, PRIV_S);
    assert_int_equal(h->pc, TARGET);
    assert_int_equal(h->mstatus & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP), MSTATUS_SPIE);
    /* sret in U: illegal */
    h->mstatus &= ~MSTATUS_TSR;
    RUN(e, PRIV_U, SRET);
    assert_m_trap(e, EXC_ILLEGAL, PROG, SRET);
    /* sret in S with TSR = 1: illegal */
    h->mstatus |= MSTATUS_TSR;
    RUN(e, PRIV_S, SRET);
    assert_m_trap(e, EXC_ILLEGAL, PROG, SRET);
    /* TSR does not affect M-mode */
    h->mstatus |= MSTATUS_TSR | MSTATUS_SPP;
    h->sepc = TARGET;
    RUN(e, PRIV_M, SRET);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->priv, PRIV_S);
    h->mstatus &= ~MSTATUS_TSR;
}

/* ---- wfi ---- */

static void test_wfi(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* U-mode: illegal (S-mode exists and we do not complete it in bounded time) */
    h->mstatus &= ~MSTATUS_TW;
    RUN(e, PRIV_U, WFI);
    assert_m_trap(e, EXC_ILLEGAL, PROG, WFI);
    /* S-mode with TW = 1: illegal */
    h->mstatus |= MSTATUS_TW;
    RUN(e, PRIV_S, WFI);
    assert_m_trap(e, EXC_ILLEGAL, PROG, WFI);
    /* M-mode ignores TW: the hart sleeps, wfi retired */
    RUN(e, PRIV_M, WFI);
    assert_true(h->wfi);
    assert_int_equal(h->pc, PROG + 4);
    assert_int_equal(h->mcause, SENTINEL);
    /* S-mode with TW = 0: sleeps; an enabled pending interrupt wakes it even
     * though it is then taken in M (below M, M interrupts are always on) */
    h->mstatus &= ~(MSTATUS_TW | MSTATUS_MIE);
    h->mie = 1u << IRQ_MTI;
    RUN(e, PRIV_S, WFI);
    assert_true(h->wfi);
    assert_int_equal(h->pc, PROG + 4);
    assert_int_equal(hart_run(h, 5), 0); /* still asleep */
    h->mip_ext = 1u << IRQ_MTI;
    h->irq_check = true;
    hart_run(h, 1);
    assert_false(h->wfi);
    assert_m_trap(e, IRQ(IRQ_MTI), PROG + 4, 0);
    assert_int_equal(MPP_OF(h->mstatus), PRIV_S);
    /* a pending interrupt enabled in mie but masked by MIE: wfi completes at
     * once and execution continues without a trap */
    h->mstatus &= ~MSTATUS_MIE;
    RUN(e, PRIV_M, WFI, NOP);
    assert_false(h->wfi);
    assert_int_equal(h->pc, PROG + 8);
    assert_int_equal(h->mcause, SENTINEL);
    h->mip_ext = 0;
}

/* ---- interrupts ---- */

static void test_interrupt_priority(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* MEI > MSI > MTI > SEI > SSI > STI (privileged spec, "Machine Interrupt
     * Registers (mip and mie)") */
    static const unsigned order[] = {IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI};
    uint64_t all = 0;
    for (int k = 0; k < 6; k++) all |= 1ull << order[k];
    h->mie = all;
    h->mideleg = 0;
    h->mip_ext = all;
    put32(e, PROG, J_SELF);
    for (int k = 0; k < 6; k++) {
        h->priv = PRIV_M;
        h->mstatus |= MSTATUS_MIE;
        h->pc = PROG;
        h->mcause = SENTINEL;
        h->irq_check = true;
        hart_run(h, 1);
        if (h->mcause != IRQ(order[k]))
            fail_msg("step %d: mcause %llx, want interrupt %u", k, (unsigned long long)h->mcause, order[k]);
        assert_int_equal(h->mepc, PROG);
        assert_int_equal(h->mtval, 0);
        assert_int_equal(h->pc, MTVEC);
        assert_int_equal(h->mstatus & MSTATUS_MIE, 0);
        h->mip_ext &= ~(1ull << order[k]);
    }
    /* MIE = 0 in M-mode: nothing is taken */
    h->mip_ext = all;
    h->mstatus &= ~MSTATUS_MIE;
    h->pc = PROG;
    h->mcause = SENTINEL;
    h->irq_check = true;
    hart_run(h, 3);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->pc, PROG);
    /* mie gates each source */
    h->mie = 1u << IRQ_SSI;
    h->mstatus |= MSTATUS_MIE;
    h->irq_check = true;
    hart_run(h, 1);
    assert_int_equal(h->mcause, IRQ(IRQ_SSI));
    h->mip_ext = 0;
}

/* A CSR write or an xRET that enables a pending interrupt makes it taken
 * before the next instruction. */
static void test_interrupt_enabled_by_csr_write_and_mret(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->mstatus |= MSTATUS_MIE;
    h->mie = 0;
    h->mip_ext = 1u << IRQ_MTI;
    h->x[10] = 1u << IRQ_MTI;
    RUN(e, PRIV_M, 0x30451073u /* csrw mie, a0 */, NOP, NOP);
    assert_m_trap(e, IRQ(IRQ_MTI), PROG + 4, 0);
    /* csrs mstatus, MIE */
    h->mstatus &= ~MSTATUS_MIE;
    h->x[10] = MSTATUS_MIE;
    RUN(e, PRIV_M, NOP, 0x30052073u /* csrs mstatus, a0 */, NOP);
    assert_m_trap(e, IRQ(IRQ_MTI), PROG + 8, 0);
    /* mret to U: M interrupts are enabled below M whatever MIE */
    h->mstatus &= ~(MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP);
    h->mepc = TARGET;
    put32(e, PROG, MRET);
    h->mcause = SENTINEL;
    start_at(h, PRIV_M, PROG);
    hart_run(h, 2);
    assert_int_equal(h->mcause, IRQ(IRQ_MTI));
    assert_int_equal(h->mepc, TARGET);
    assert_int_equal(MPP_OF(h->mstatus), PRIV_U);
    h->mip_ext = 0;
}

/* struct block is declared 64-byte aligned; calloc gave 16 (a crash when
 * built with AVX stores). */
static void test_blocks_line_aligned(void **state)
{
    struct env *e = *state;
    assert_int_equal((uintptr_t)e->h.blocks % _Alignof(struct block), 0);
    assert_int_equal(_Alignof(struct block), 64);
}

/* MPRV: M-mode loads and stores use MPP's privilege (and its PMP rules);
 * fetches do not. */
static void test_mprv(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    fill_data(e);
    /* PMP entry 0 over everything, execute only: U/S may not load */
    assert_true(csr_write(h, 0x3a0, 0x1c));
    h->x[11] = DATA;
    assert_true(csr_write(h, 0x300, 0)); /* MPRV = 0, MPP = U */
    RUN(e, PRIV_M, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL); /* M ignores unlocked PMP entries */
    assert_int_equal(h->x[10], 0x0807060504030201ull);
    assert_true(csr_write(h, 0x300, MSTATUS_MPRV)); /* MPP = U */
    RUN(e, PRIV_M, LD_A0_A1);
    assert_m_trap(e, EXC_LOAD_ACCESS, PROG, DATA);
    assert_true(csr_write(h, 0x300, MSTATUS_MPRV));
    h->x[10] = 0;
    RUN(e, PRIV_M, SD_A0_A1);
    assert_m_trap(e, EXC_STORE_ACCESS, PROG, DATA);
    /* MPP = M: as without MPRV */
    assert_true(csr_write(h, 0x300, MSTATUS_MPRV | MSTATUS_MPP));
    RUN(e, PRIV_M, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    /* set by a guest instruction (csrs mstatus, a2), then a load */
    assert_true(csr_write(h, 0x300, 0));
    h->x[12] = MSTATUS_MPRV;
    RUN(e, PRIV_M, 0x30062073u /* csrs mstatus, a2 */, LD_A0_A1);
    assert_m_trap(e, EXC_LOAD_ACCESS, PROG + 4, DATA);
    assert_true(csr_write(h, 0x300, 0));
    assert_true(csr_write(h, 0x3a0, 0x1f));
}

static void test_vectored_mtvec(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->mtvec = VEC | 1;
    /* interrupt: base + 4 * cause */
    h->mie = 1u << IRQ_MTI;
    h->mip_ext = 1u << IRQ_MTI;
    h->mstatus |= MSTATUS_MIE;
    RUN(e, PRIV_M, NOP);
    assert_int_equal(h->mcause, IRQ(IRQ_MTI));
    assert_int_equal(h->pc, VEC + 4 * IRQ_MTI);
    h->mip_ext = 0;
    /* exception: base */
    RUN(e, PRIV_M, ECALL);
    assert_int_equal(h->mcause, EXC_ECALL_M);
    assert_int_equal(h->pc, VEC);
    /* stvec, for a delegated interrupt */
    h->mtvec = MTVEC;
    h->stvec = VEC | 1;
    h->mideleg = 1u << IRQ_SSI;
    h->mie = 1u << IRQ_SSI;
    h->mip_ext = 1u << IRQ_SSI;
    h->mstatus |= MSTATUS_SIE;
    RUN(e, PRIV_S, NOP);
    assert_int_equal(h->scause, IRQ(IRQ_SSI));
    assert_int_equal(h->pc, VEC + 4 * IRQ_SSI);
    h->mip_ext = 0;
    h->stvec = STVEC;
}

/* ---- misaligned accesses ---- */

static void test_misaligned_performed_by_default(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    fill_data(e);
    h->x[11] = DATA + 1;
    RUN(e, PRIV_M, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[10], 0x0908070605040302ull);
    h->x[10] = 0x1122334455667788ull;
    h->x[11] = DATA + 13;
    RUN(e, PRIV_M, SD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(get64(e, DATA + 13), 0x1122334455667788ull);
    assert_int_equal(e->pm.ram[DATA - RAM_BASE + 12], 13);
    assert_int_equal(e->pm.ram[DATA - RAM_BASE + 21], 22);
    /* across a page boundary, from S-mode too */
    memcpy(e->pm.ram + (DATA + 0x1000 - 4 - RAM_BASE), "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    h->x[11] = DATA + 0x1000 - 4;
    RUN(e, PRIV_S, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[10], 0x0807060504030201ull);
}

/* A load whose fast path keeps missing is rewritten to start at its slow
 * handler after 16 misses and back (exec.c): the results stay the same all
 * along.  In M-mode, a misaligned load from RAM (performed) and a load from
 * a device, 40 turns of a loop each; both need the general path, whose
 * handler (NAME_rest) rewrites the instruction back at once, so each 16th
 * turn goes through both rewrites (test_load_rewritten_under_sv39 has the
 * rewritten start in use). */
static void test_load_rewritten_same_results(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    fill_data(e);
    static const uint32_t loop[] = {
        LD_A0_A1,    /* loop: ld a0, 0(a1) */
        0x00a686b3u, /*       add a3, a3, a0 */
        0xfff60613u, /*       addi a2, a2, -1 */
        0xfe061ae3u, /*       bnez a2, loop */
        J_SELF,
    };
    for (size_t i = 0; i < sizeof loop / sizeof loop[0]; i++) put32(e, PROG + 4 * i, loop[i]);
    const uint64_t addr[2] = { DATA + 1, 0x40000008 };
    for (int k = 0; k < 2; k++) {
        h->x[11] = addr[k];
        h->x[12] = 40;
        h->x[13] = 0;
        unsigned loads = e->dev_loads;
        start_at(h, PRIV_M, PROG);
        hart_run(h, 200);
        assert_int_equal(h->pc, PROG + 16);
        assert_int_equal(h->x[13], k == 0 ? 40 * 0x0908070605040302ull : 0);
        assert_int_equal(e->dev_loads - loads, k == 0 ? 0 : 40);
    }
}

void exec_ld(struct hart *h, const struct insn *d); /* exec.c */

/* Under Sv39, a load that misses the fast path at every turn (a new page
 * each time, more pages than the L1D holds) ends up started at its slow
 * handler, and goes back to exec_ld once the L1D holds its page again; the
 * results are the same throughout. */
static void test_load_rewritten_under_sv39(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint64_t root = RAM_BASE + 0x10000, l1 = root + 0x1000, l0 = root + 0x2000;
    const uint64_t pages = RAM_BASE + 0x20000, va = 0x40000000;
    memset(e->pm.ram + (root - RAM_BASE), 0, 0x3000);
    uint64_t *t_root = (uint64_t *)(void *)(e->pm.ram + (root - RAM_BASE));
    uint64_t *t_l1 = (uint64_t *)(void *)(e->pm.ram + (l1 - RAM_BASE));
    uint64_t *t_l0 = (uint64_t *)(void *)(e->pm.ram + (l0 - RAM_BASE));
    t_root[2] = (RAM_BASE >> 12) << 10 | 0xcf;  /* RAM itself: a gigapage, RWX, A, D */
    t_root[1] = (l1 >> 12) << 10 | 1;           /* va: through l1 and l0 */
    t_l1[0] = (l0 >> 12) << 10 | 1;
    for (int i = 0; i < 128; i++) {
        t_l0[i] = ((pages >> 12) + (uint64_t)i) << 10 | 0xc7; /* RW, A, D */
        uint64_t v = ((uint64_t)i + 1) * 0x100000001ull; /* a wrong load width would show */
        memcpy(e->pm.ram + (pages - RAM_BASE) + 4096 * (uint64_t)i, &v, 8);
    }
    assert_true(csr_write(h, 0x180, 8ull << 60 | root >> 12)); /* satp: Sv39 */
    static const uint32_t loop[] = {
        LD_A0_A1,    /* loop: ld a0, 0(a1) */
        0x00a686b3u, /*       add a3, a3, a0 */
        0x00e585b3u, /*       add a1, a1, a4 */
        0xfff60613u, /*       addi a2, a2, -1 */
        0xfe0618e3u, /*       bnez a2, loop */
        J_SELF,
    };
    for (size_t i = 0; i < sizeof loop / sizeof loop[0]; i++) put32(e, PROG + 4 * i, loop[i]);
    const struct block *b = &h->blocks[(PROG >> 1) & ((1u << BLOCK_BITS) - 1)];
    /* 128 pages, one load each: the fast path never holds the page */
    h->x[11] = va;
    h->x[12] = 128;
    h->x[13] = 0;
    h->x[14] = 4096;
    h->mcause = h->scause = SENTINEL;
    start_at(h, PRIV_S, PROG);
    hart_run(h, 128 * 5 + 8);
    assert_int_equal(h->pc, PROG + 20);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->scause, SENTINEL);
    assert_int_equal(h->x[13], 128 * 129 / 2 * 0x100000001ull);
    assert_int_equal(b->tag, ~PROG);
    assert_ptr_not_equal(b->insn[0].fn, exec_ld);
    /* one page 40 times: the L2 refills the L1D, then the L1D holds it */
    h->x[11] = va + 5 * 4096;
    h->x[12] = 40;
    h->x[13] = 0;
    h->x[14] = 0;
    start_at(h, PRIV_S, PROG);
    hart_run(h, 40 * 5 + 8);
    assert_int_equal(h->pc, PROG + 20);
    assert_int_equal(h->x[13], 40 * 6 * 0x100000001ull);
    assert_ptr_equal(b->insn[0].fn, exec_ld);
}

static void test_misaligned_trap_option(void **state)
{
    (void)state;
    struct hart_config cfg = {.max_satp_mode = SATP_SV57, .misaligned_trap = true};
    struct env *e = env_new(&cfg);
    struct hart *h = &e->h;
    fill_data(e);
    h->x[10] = 0;
    h->x[11] = DATA + 1;
    RUN(e, PRIV_M, LD_A0_A1);
    assert_m_trap(e, EXC_LOAD_MISALIGNED, PROG, DATA + 1);
    assert_int_equal(h->x[10], 0); /* no write-back */
    h->x[10] = ~0ull;
    h->x[11] = DATA + 4;
    RUN(e, PRIV_M, SD_A0_A1);
    assert_m_trap(e, EXC_STORE_MISALIGNED, PROG, DATA + 4);
    assert_int_equal(get64(e, DATA), 0x0807060504030201ull); /* memory unchanged */
    /* aligned accesses are fine */
    h->x[11] = DATA + 8;
    RUN(e, PRIV_M, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[10], 0x100f0e0d0c0b0a09ull);
    env_free(e);
}

/* ---- A extension ---- */

static void test_lr_sc(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    fill_data(e);
    h->x[11] = DATA;
    h->x[13] = 0x55;
    /* sc without a reservation fails: rd = 1, memory unchanged */
    h->resv_valid = false;
    RUN(e, PRIV_M, SC_W);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[12], 1);
    assert_int_equal(get64(e, DATA) & 0xffffffff, 0x04030201);
    /* lr then sc succeeds: rd = 0 */
    RUN(e, PRIV_M, LR_W, SC_W);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[10], 0x04030201);
    assert_int_equal(h->x[12], 0);
    assert_int_equal(get64(e, DATA) & 0xffffffff, 0x55);
    /* the reservation is gone after an sc */
    RUN(e, PRIV_M, SC_W);
    assert_int_equal(h->x[12], 1);
    /* an sc to another address than the reserved one fails */
    h->x[11] = DATA;
    RUN(e, PRIV_M, LR_W, 0x04058593u /* addi a1, a1, 64 */, SC_W);
    assert_int_equal(h->x[12], 1);
    assert_int_equal(get64(e, DATA + 64), 0);
    h->x[11] = DATA;
    /* lr.w sign-extends */
    put32(e, DATA, 0x80000000u);
    RUN(e, PRIV_M, LR_W);
    assert_int_equal(h->x[10], 0xffffffff80000000ull);
    /* misaligned lr: load address misaligned, tval = address */
    h->x[11] = DATA + 2;
    RUN(e, PRIV_M, LR_W);
    assert_m_trap(e, EXC_LOAD_MISALIGNED, PROG, DATA + 2);
    /* misaligned sc: store/AMO address misaligned */
    RUN(e, PRIV_M, SC_W);
    assert_m_trap(e, EXC_STORE_MISALIGNED, PROG, DATA + 2);
    /* misaligned AMO, even with misaligned loads allowed */
    RUN(e, PRIV_M, AMOADD_W);
    assert_m_trap(e, EXC_STORE_MISALIGNED, PROG, DATA + 2);
}

static void test_amo_outside_ram(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* nothing mapped at 0: store/AMO access fault, tval = address */
    h->x[11] = 0;
    h->x[12] = 1;
    RUN(e, PRIV_M, AMOADD_W);
    assert_m_trap(e, EXC_STORE_ACCESS, PROG, 0);
    RUN(e, PRIV_M, AMOSWAP_D);
    assert_m_trap(e, EXC_STORE_ACCESS, PROG, 0);
    /* lr is a load: load access fault */
    RUN(e, PRIV_M, LR_W);
    assert_m_trap(e, EXC_LOAD_ACCESS, PROG, 0);
    /* a device that accepts loads and stores: AMOs are still refused, and
     * the device is not touched (Pagoda supports AMOs on RAM only) */
    h->x[11] = 0x40000000;
    e->dev_loads = e->dev_stores = 0;
    RUN(e, PRIV_M, AMOADD_W);
    assert_m_trap(e, EXC_STORE_ACCESS, PROG, 0x40000000);
    assert_int_equal(e->dev_loads + e->dev_stores, 0);
    /* while a plain load from it works */
    RUN(e, PRIV_M, LD_A0_A1);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(e->dev_loads, 1);
}

/* ---- the decoded-instruction cache ---- */

static void test_self_modifying_code(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* the guest rewrites an instruction it has executed, then runs it again */
    h->x[10] = 0;
    h->x[11] = PROG;        /* address of the first instruction */
    h->x[12] = ADDI_A0_16;  /* its replacement */
    h->x[13] = 0;
    RUN(e, PRIV_M,
        ADDI_A0_1,          /* +0:  addi a0, a0, 1  (becomes addi a0, a0, 16) */
        0x00069a63u,        /* +4:  bne a3, zero, +20 (to the end) */
        0x00100693u,        /* +8:  addi a3, zero, 1 */
        0x00c5a023u,        /* +12: sw a2, 0(a1) */
        0x0000100fu,        /* +16: fence.i */
        0xfedff06fu);       /* +20: jal zero, -20 (to +0) */
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->pc, PROG + 24);
    assert_int_equal(h->x[10], 17);
    /* memory changed behind the hart's back (a device or another hart):
     * the cache compares the bits, so the new instruction runs */
    put32(e, PROG, ADDI_A0_1);
    put32(e, PROG + 4, J_SELF);
    h->x[10] = 0;
    h->pc = PROG;
    hart_run(h, 2);
    assert_int_equal(h->x[10], 1);
    put32(e, PROG, ADDI_A0_16);
    h->pc = PROG;
    hart_run(h, 2);
    assert_int_equal(h->x[10], 17);
    /* 32-bit instruction replaced by a compressed one at the same address */
    put32(e, PROG, C_ADDI_A0_2 | ((uint32_t)0x0001 << 16)); /* c.addi a0, 2; c.nop */
    h->pc = PROG;
    hart_run(h, 3);
    assert_int_equal(h->x[10], 19);
    assert_int_equal(h->pc, PROG + 4);
}

/* ---- decoded blocks ---- */

#define MINSTRET_A5 0xb02027f3u /* csrrs a5, minstret, zero */

/* A block is cut exactly where the budget ends (--max-insns relies on it),
 * and the next run starts in the middle of the cached block. */
static void test_block_cut_by_budget(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    for (int i = 0; i < 10; i++) put32(e, PROG + 4 * i, ADDI_A0_1);
    put32(e, PROG + 40, J_SELF);
    h->x[10] = 0;
    h->pc = PROG;
    uint64_t start = h->instret;
    assert_int_equal(hart_run(h, 3), 3);
    assert_int_equal(h->x[10], 3);
    assert_int_equal(h->pc, PROG + 12);
    assert_int_equal(h->instret - start, 3);
    assert_int_equal(hart_run(h, 5), 5);
    assert_int_equal(h->x[10], 8);
    assert_int_equal(h->pc, PROG + 32);
    /* from the start again: the whole block, then into j . */
    h->pc = PROG;
    h->x[10] = 0;
    assert_int_equal(hart_run(h, 12), 12);
    assert_int_equal(h->x[10], 10);
    assert_int_equal(h->pc, PROG + 40);
}

/* Straight-line code longer than one block (BLOCK_MAX) runs through, and
 * minstret read at the end of a block counts every instruction before it. */
static void test_block_long_straight_line(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    uint32_t prog[3 * BLOCK_MAX + 1];
    for (int i = 0; i < 3 * BLOCK_MAX; i++) prog[i] = i % 2 ? C_ADDI_A0_1 | (C_ADDI_A0_1 << 16) : ADDI_A0_1;
    prog[3 * BLOCK_MAX] = MINSTRET_A5;
    uint64_t before;
    for (size_t i = 0; i < sizeof prog / sizeof prog[0]; i++) put32(e, PROG + 4 * i, prog[i]);
    put32(e, PROG + 4 * (sizeof prog / sizeof prog[0]), J_SELF);
    h->x[10] = 0;
    h->pc = PROG;
    assert_true(csr_read(h, 0xb02, &before));
    /* 1.5 * 3 * BLOCK_MAX additions (two c.addi per odd word), then csrr */
    unsigned n_insns = 3 * BLOCK_MAX / 2 + 2 * (3 * BLOCK_MAX / 2) + 1;
    assert_int_equal(hart_run(h, n_insns), n_insns);
    assert_int_equal(h->x[10], 3 * BLOCK_MAX / 2 * 3);
    assert_int_equal(h->x[15] - before, n_insns - 1); /* csrr sees the ones before it */
    assert_int_equal(h->pc, PROG + 4 * (sizeof prog / sizeof prog[0]));
}

/* A load that faults in the middle of a block: the instructions before it
 * retired, it did not, mepc is its address. */
static void test_block_trap_in_middle(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->x[10] = 0;
    h->x[11] = 0x10000; /* nothing there: load access fault */
    uint64_t start = h->instret;
    RUN(e, PRIV_M, ADDI_A0_1, ADDI_A0_1, LD_A0_A1, ADDI_A0_1);
    assert_m_trap(e, EXC_LOAD_ACCESS, PROG + 8, 0x10000);
    assert_int_equal(h->x[10], 2);
    /* of the 4 + 8 steps: the two addi retire, the ld traps (a step that
     * retires nothing), the handler's j . retires in the other 9 */
    assert_int_equal(h->instret - start, 2 + 9);
    assert_int_equal(h->pc, MTVEC);
}

/* A store to a device that raises an interrupt (the CLINT's msip) is
 * followed by the interrupt before the next instruction of the block. */
static void test_block_interrupt_after_device_store(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    e->dev_store_raises_msip = true;
    h->mstatus |= MSTATUS_MIE;
    h->mie = 1u << IRQ_MSI;
    h->x[10] = 0;
    h->x[11] = 0x40000000;
    RUN(e, PRIV_M, ADDI_A0_1, SD_A0_A1, ADDI_A0_1, ADDI_A0_1);
    assert_m_trap(e, IRQ(IRQ_MSI), PROG + 8, 0);
    assert_int_equal(h->x[10], 1);
    h->mip_ext = 0;
}

/* Code rewritten by a store in the current block, in a block that runs
 * next (not the current one), is seen without fence.i, as on QEMU: a block
 * is checked against memory each time it is entered. */
static void test_block_sees_code_stored_before_it(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* PROG:      sw a2, 8(a1)   ; rewrite PROG+8
     * PROG+4:    jal zero, +4   ; block ends, go to PROG+8
     * PROG+8:    addi a0, a0, 1 ; (becomes addi a0, a0, 16 the second time) */
    h->x[10] = 0;
    h->x[11] = PROG;
    h->x[12] = ADDI_A0_1;
    RUN(e, PRIV_M, 0x00c5a423u /* sw a2, 8(a1) */, 0x0040006fu /* jal zero, +4 */, ADDI_A0_1);
    assert_int_equal(h->x[10], 1);
    assert_int_equal(h->pc, PROG + 12);
    h->x[12] = ADDI_A0_16;
    h->pc = PROG;
    hart_run(h, 3);
    assert_int_equal(h->x[10], 17);
    assert_int_equal(h->pc, PROG + 12);
}

/* A loop that is one block runs again without a lookup; the budget still
 * stops it exactly, in the middle of an iteration too. */
static void test_block_self_loop_budget(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    put32(e, PROG, 0xfff50513u);     /* loop: addi a0, a0, -1 */
    put32(e, PROG + 4, 0xfe051ee3u); /*       bnez a0, loop */
    put32(e, PROG + 8, J_SELF);
    h->x[10] = 100;
    h->pc = PROG;
    uint64_t start = h->instret;
    assert_int_equal(hart_run(h, 151), 151);
    assert_int_equal(h->x[10], 100 - 76);
    assert_int_equal(h->pc, PROG + 4);
    assert_int_equal(h->instret - start, 151);
    /* the countdown's last 49 steps (bnez, then 24 turns), then `j .`: a
     * spin-wait, whose turns change no register, gives up the rest of the
     * hart's turn once 65 turns showed it (block_loop) */
    assert_int_equal(hart_run(h, 1000), 49 + 65);
    assert_int_equal(h->x[10], 0);
    assert_int_equal(h->pc, PROG + 8);
}

/* A loop polling memory gives up its turn while nothing changes, and goes
 * on once another agent writes what it waits for; a loop that makes
 * progress in a register uses its whole budget. */
static void test_spin_wait_gives_up_turn(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    put32(e, PROG, LD_A0_A1);        /* wait: ld a0, 0(a1) */
    put32(e, PROG + 4, 0xfe050ee3u); /*       beqz a0, wait */
    put32(e, PROG + 8, J_SELF);
    h->x[11] = DATA;
    memset(e->pm.ram + (DATA - RAM_BASE), 0, 8);
    start_at(h, PRIV_M, PROG);
    uint64_t n = hart_run(h, 100000);
    assert_true(n > 0 && n < 1000);
    assert_int_equal(h->pc, PROG);
    /* the next turn looks after one turn of the loop: 2 turns, 4 steps */
    assert_int_equal(hart_run(h, 100000), 4);
    assert_int_equal(h->pc, PROG);
    put32(e, DATA, 7); /* another hart's store */
    hart_run(h, 3);
    assert_int_equal(h->x[10], 7);
    assert_int_equal(h->pc, PROG + 8);
    /* progress in the FP registers alone is progress too */
    put32(e, PROG, 0x02107053u);     /* loop: fadd.d f0, f0, f1 */
    put32(e, PROG + 4, 0xffdff06fu); /*       j loop */
    h->mstatus |= MSTATUS_FS;
    h->f[0] = 0;
    h->f[1] = 0x3ff0000000000000ull; /* 1.0 */
    start_at(h, PRIV_M, PROG);
    assert_int_equal(hart_run(h, 10000), 10000);
}

/* A one-block loop with stores runs again without a block lookup, but its
 * code is compared before every turn: here its first store replaces its own
 * branch with `j .`.  That turn still runs the branch as decoded (within a
 * block), the next turn sees the new code: the loop ends at the `j .`
 * after two stores, instead of storing on to a3. */
static void test_store_loop_rewrites_itself(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    put32(e, PROG, 0x00c5a023u);     /* loop: sw a2, 0(a1) */
    put32(e, PROG + 4, 0x00458593u); /*       addi a1, a1, 4 */
    put32(e, PROG + 8, 0xfed59ce3u); /*       bne a1, a3, loop */
    put32(e, PROG + 12, NOP);
    h->x[11] = PROG + 8;
    h->x[12] = J_SELF;
    h->x[13] = PROG + 8 + 4 * 20;
    start_at(h, PRIV_M, PROG);
    hart_run(h, 1000);
    assert_int_equal(h->pc, PROG + 8);
    assert_int_equal(h->x[11], PROG + 16);
}

/* S-mode with satp Bare goes straight to RAM only while PMP grants S
 * everything (pmp.su_all_allowed): a PMP entry without W still faults the
 * store, and giving W back lets it through. */
static void test_s_bare_direct_follows_pmp(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->x[10] = 0x1122334455667788ull;
    h->x[11] = DATA;
    RUN(e, PRIV_S, SD_A0_A1);
    assert_true(h->mem_direct);
    assert_int_equal(get64(e, DATA), 0x1122334455667788ull);
    assert_true(csr_write(h, 0x3a0, 0x1d)); /* NAPOT, R and X only */
    h->x[10] = 42;
    assert_false(h->pmp.su_all_allowed);
    RUN(e, PRIV_S, SD_A0_A1);
    assert_m_trap(e, EXC_STORE_ACCESS, PROG, DATA);
    assert_int_equal(get64(e, DATA), 0x1122334455667788ull);
    RUN(e, PRIV_S, LD_A0_A1); /* loads are still allowed */
    assert_int_equal(h->x[10], 0x1122334455667788ull);
    assert_true(csr_write(h, 0x3a0, 0x1f));
    h->x[10] = 42;
    RUN(e, PRIV_S, SD_A0_A1);
    assert_true(h->mem_direct);
    assert_int_equal(get64(e, DATA), 42);
}

/* An interrupt taken at the start of a turn whose budget is one step: the
 * handler's first block is cut to one pure instruction (addi), and exactly
 * that instruction runs.  Before the fix, taking the interrupt left
 * irq_check set, the cut block's addi ran into the end marker, the step was
 * counted twice and the pc resumed past the marker (at the page's start
 * here), as xv6 did after a timer interrupt in the last step of a turn. */
static void test_interrupt_then_one_step_block(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint64_t page = RAM_BASE + 0x10000, handler = page + 0x100;
    for (uint64_t a = page; a < page + 0x1000; a += 8) {
        put32(e, a, 0x30401073u); /* csrw mie, zero */
        put32(e, a + 4, WFI);     /* then sleep for good: any wrong pc ends here */
    }
    put32(e, handler, ADDI_A0_1);
    put32(e, handler + 4, ADDI_A0_1);
    put32(e, PROG, NOP);
    h->mtvec = handler;
    h->mie = 1u << IRQ_MSI;
    h->mstatus |= MSTATUS_MIE;
    h->x[10] = 0;
    start_at(h, PRIV_M, PROG);
    h->mip_ext = 1u << IRQ_MSI;
    h->irq_check = true;
    uint64_t start = h->instret;
    assert_int_equal(hart_run(h, 1), 1);
    assert_int_equal(h->mcause, IRQ(IRQ_MSI));
    assert_int_equal(h->x[10], 1);
    assert_int_equal(h->pc, handler + 4);
    assert_int_equal(h->instret - start, 1);
    assert_false(h->wfi);
    h->mip_ext = 0;
    assert_int_equal(hart_run(h, 1), 1); /* the second addi, then on */
    assert_int_equal(h->x[10], 2);
    assert_int_equal(h->pc, handler + 8);
}

/* A block without stores, checked once, then rewritten by a later block
 * of the same run: it is checked again (the store moved the code epoch). */
static void test_block_rechecked_after_a_store(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->x[10] = 0;
    h->x[11] = PROG;
    h->x[12] = ADDI_A0_16;
    h->x[13] = 0;
    RUN(e, PRIV_M,
        ADDI_A0_1,          /* +0:  addi a0, a0, 1   (becomes addi a0, a0, 16) */
        0x00069863u,        /* +4:  bne a3, zero, +16 (to +20, the end) */
        0x00100693u,        /* +8:  addi a3, zero, 1 */
        0x00c5a023u,        /* +12: sw a2, 0(a1) */
        0xff1ff06fu);       /* +16: jal zero, -16 (to +0) */
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->pc, PROG + 20);
    assert_int_equal(h->x[10], 17);
}

/* ---- fetch across pages and fetch faults ---- */

static void test_fetch_across_page(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* c.addi at B-4, a 32-bit addi at B-2 straddling into the next page */
    const uint64_t B = RAM_BASE + 0x3000;
    put16(e, B - 4, C_ADDI_A0_1);                    /* c.addi a0, 1 */
    put16(e, B - 2, ADDI_A1_123 & 0xffff);           /* addi a1, a1, 291 (low half) */
    put16(e, B, ADDI_A1_123 >> 16);                  /*                  (high half) */
    put16(e, B + 2, C_ADDI_A0_2);                    /* c.addi a0, 2 */
    put32(e, B + 4, J_SELF);
    h->x[10] = h->x[11] = 0;
    h->mcause = SENTINEL;
    h->pc = B - 4;
    hart_run(h, 3);
    assert_int_equal(h->mcause, SENTINEL);
    assert_int_equal(h->x[10], 3);
    assert_int_equal(h->x[11], 0x123);
    assert_int_equal(h->pc, B + 4);
    /* run it again (cached decodes) */
    h->pc = B - 4;
    hart_run(h, 3);
    assert_int_equal(h->x[10], 6);
    assert_int_equal(h->x[11], 0x246);
    /* c.addi in the last 2 bytes of a page, then a 32-bit one at the next */
    const uint64_t B2 = RAM_BASE + 0x5000;
    put16(e, B2 - 2, C_ADDI_A0_1);
    put32(e, B2, ADDI_A1_123);
    put32(e, B2 + 4, J_SELF);
    h->x[10] = h->x[11] = 0;
    h->pc = B2 - 2;
    hart_run(h, 2);
    assert_int_equal(h->x[10], 1);
    assert_int_equal(h->x[11], 0x123);
    assert_int_equal(h->pc, B2 + 4);
    /* and the straddling one from S-mode (PMP checks both halves) */
    h->x[10] = h->x[11] = 0;
    start_at(h, PRIV_S, B - 4);
    hart_run(h, 3);
    assert_int_equal(h->x[10], 3);
    assert_int_equal(h->x[11], 0x123);
    assert_int_equal(h->priv, PRIV_S);
}

static void test_fetch_fault(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* nothing at 0x10000: instruction access fault, tval = pc */
    h->mcause = SENTINEL;
    start_at(h, PRIV_M, 0x10000);
    hart_run(h, 1);
    assert_m_trap(e, EXC_INSN_ACCESS, 0x10000, 0x10000);
    assert_int_equal(h->pc, MTVEC);
    /* from S-mode too */
    start_at(h, PRIV_S, 0x20000);
    hart_run(h, 1);
    assert_m_trap(e, EXC_INSN_ACCESS, 0x20000, 0x20000);
    assert_int_equal(MPP_OF(h->mstatus), PRIV_S);
    /* a 32-bit instruction whose second half lies past the end of RAM:
     * mepc = its start, mtval = the faulting half (privileged spec, "Machine
     * Trap Value Register": for variable-length instructions, the portion of
     * the instruction that caused the fault) */
    put16(e, RAM_END - 2, ADDI_A1_123 & 0xffff);
    start_at(h, PRIV_M, RAM_END - 2);
    hart_run(h, 1);
    assert_m_trap(e, EXC_INSN_ACCESS, RAM_END - 2, RAM_END);
    /* a compressed one there is fine */
    put16(e, RAM_END - 2, C_ADDI_A0_1);
    h->x[10] = 0;
    h->mcause = SENTINEL;
    h->pc = RAM_END - 2;
    hart_run(h, 1);
    assert_int_equal(h->x[10], 1);
    assert_int_equal(h->pc, RAM_END);
    assert_int_equal(h->mcause, SENTINEL);
    /* ... and falling off the end of RAM faults at RAM_END */
    hart_run(h, 1);
    assert_m_trap(e, EXC_INSN_ACCESS, RAM_END, RAM_END);
}

/* ---- the extensions chosen with -cpu ---- */

/* An instruction of an extension the hart lacks is an illegal instruction,
 * inside a decoded block and on the one-step path (--trace, the commit
 * log), with mtval = its bits; the same bits run on a hart that has it. */
static void test_missing_extension_is_illegal(void **state)
{
    (void)state;
#define SH1ADD_A0 0x20a5a533u /* sh1add a0, a1, a0 */
#define C_FLD     0x2188u     /* c.fld fa0, 0(a1) */
    struct hart_config cfg = {.max_satp_mode = SATP_SV57};
    char err[160];
    assert_int_equal(isa_parse_cpu("rv64,zba=off,d=off", &cfg.ext, err, sizeof err), 0);
    struct env *e = env_new(&cfg);
    struct hart *h = &e->h;
    h->x[10] = 1;
    h->x[11] = 2;
    RUN(e, PRIV_M, ADDI_A0_1, SH1ADD_A0, ADDI_A0_1);
    assert_m_trap(e, EXC_ILLEGAL, PROG + 4, SH1ADD_A0);
    assert_int_equal(h->x[10], 2); /* the addi before it ran */
    /* one instruction at a time, as under a step hook */
    FILE *null = fopen("/dev/null", "w");
    h->trace = null;
    h->x[10] = 1;
    RUN(e, PRIV_M, ADDI_A0_1, SH1ADD_A0, ADDI_A0_1);
    assert_m_trap(e, EXC_ILLEGAL, PROG + 4, SH1ADD_A0);
    h->trace = NULL;
    fclose(null);
    /* a compressed row that needs D */
    h->mstatus |= MSTATUS_FS;
    h->x[11] = DATA;
    put16(e, PROG, C_FLD);
    put16(e, PROG + 2, 0x0001); /* c.nop */
    put32(e, PROG + 4, J_SELF);
    start_at(h, PRIV_M, PROG);
    hart_run(h, 4);
    assert_m_trap(e, EXC_ILLEGAL, PROG, C_FLD);
    env_free(e);

    /* the default hart runs both */
    e = env_new(NULL);
    h = &e->h;
    h->x[10] = 1;
    h->x[11] = 2;
    RUN(e, PRIV_M, ADDI_A0_1, SH1ADD_A0, ADDI_A0_1);
    assert_int_equal(h->pc, PROG + 12);
    assert_int_equal(h->x[10], 2 * 2 + 2 + 1);
    env_free(e);
#undef SH1ADD_A0
#undef C_FLD
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_ecall_causes),
        T(test_delegation_to_s),
        T(test_trap_never_goes_lower),
        T(test_mret),
        T(test_sret),
        T(test_wfi),
        T(test_interrupt_priority),
        T(test_interrupt_enabled_by_csr_write_and_mret),
        T(test_blocks_line_aligned),
        T(test_mprv),
        T(test_vectored_mtvec),
        T(test_misaligned_performed_by_default),
        T(test_load_rewritten_same_results),
        T(test_load_rewritten_under_sv39),
        T(test_misaligned_trap_option),
        T(test_lr_sc),
        T(test_amo_outside_ram),
        T(test_self_modifying_code),
        T(test_block_cut_by_budget),
        T(test_block_long_straight_line),
        T(test_block_trap_in_middle),
        T(test_block_interrupt_after_device_store),
        T(test_block_sees_code_stored_before_it),
        T(test_block_rechecked_after_a_store),
        T(test_block_self_loop_budget),
        T(test_store_loop_rewrites_itself),
        T(test_s_bare_direct_follows_pmp),
        T(test_interrupt_then_one_step_block),
        T(test_spin_wait_gives_up_turn),
        T(test_fetch_across_page),
        T(test_fetch_fault),
        cmocka_unit_test(test_missing_extension_is_illegal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
