/* Unit tests of the CSR rules (cpu/csr.c, and the Zicsr handlers in
 * cpu/system.c): read-only and privilege checks, WARL legalisation, the
 * supervisor views of machine registers, counters.  Checked through
 * csr_read/csr_write and by executing real instructions on a hart with RAM.
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
#define PROG (RAM_BASE + 0x1000)    /* test program */
#define MTVEC (RAM_BASE + 0x100)    /* M-mode handler: j . */
#define STVEC (RAM_BASE + 0x200)    /* S-mode handler: j . */
#define SENTINEL 0x5eedull

/* instruction words */
#define J_SELF        0x0000006fu /* jal zero, . */
#define NOP           0x00000013u /* addi zero, zero, 0 */
#define CSRW_MHARTID  0xf1451073u /* csrrw zero, mhartid, a0 */
#define CSRR_MHARTID  0xf1402573u /* csrrs a0, mhartid, zero */
#define CSRRS_MHARTID_A1 0xf145a573u /* csrrs a0, mhartid, a1 */
#define CSRRWI_CYCLE0 0xc0005073u /* csrrwi zero, cycle, 0 */
#define CSRRSI_CYCLE0 0xc0006573u /* csrrsi a0, cycle, 0 */
#define CSRR_MSTATUS  0x30002573u /* csrrs a0, mstatus, zero */
#define CSRR_SSCRATCH 0x14002573u /* csrrs a0, sscratch, zero */
#define RDCYCLE       0xc0002573u /* csrrs a0, cycle, zero */
#define RDINSTRET     0xc0202573u /* csrrs a0, instret, zero */
#define RDTIME        0xc0102573u /* csrrs a0, time, zero */
#define CSRR_SATP     0x18002573u /* csrrs a0, satp, zero */
#define CSRW_SATP     0x18051073u /* csrrw zero, satp, a0 */
#define CSRR_STIMECMP 0x14d02573u /* csrrs a0, stimecmp, zero */
#define CSRW_STIMECMP 0x14d59073u /* csrrw zero, stimecmp, a1 */
#define CSRR_FFLAGS   0x00102573u /* csrrs a0, fflags, zero */
#define CSRR_FRM      0x00202573u /* csrrs a0, frm, zero */
#define CSRR_FCSR     0x00302573u /* csrrs a0, fcsr, zero */
#define CSRW_FFLAGS   0x00159073u /* csrrw zero, fflags, a1 */
#define CSRW_MINSTRET 0xb0251073u /* csrrw zero, minstret, a0 */
#define CSRR_MINSTRET_A1 0xb02025f3u /* csrrs a1, minstret, zero */
#define CSRR_MINSTRET_A2 0xb0202673u /* csrrs a2, minstret, zero */
#define CSRR_MINSTRET_A3 0xb02026f3u /* csrrs a3, minstret, zero */
#define CSRWI_MCOUNTINHIBIT_IR 0x32025073u /* csrrwi zero, mcountinhibit, 4 */
#define CSRWI_MCOUNTINHIBIT_0  0x32005073u /* csrrwi zero, mcountinhibit, 0 */
#define CSRR_MISA     0x30102573u /* csrrs a0, misa, zero */
#define SFENCE_VMA    0x12000073u /* sfence.vma zero, zero */

/* CSR numbers */
enum {
    FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003, SSTATUS = 0x100, SIE = 0x104, STVEC_CSR = 0x105,
    SEPC = 0x141, SIP = 0x144, STIMECMP = 0x14d, SATP = 0x180, MSTATUS = 0x300, MISA = 0x301,
    MIDELEG = 0x303, MIE = 0x304, MTVEC_CSR = 0x305, MCOUNTEREN = 0x306, MENVCFG = 0x30a, SENVCFG = 0x10a,
    MCOUNTINHIBIT = 0x320, MEPC = 0x341, MIP = 0x344, MINSTRET = 0xb02, SCOUNTEREN = 0x106,
    MHARTID = 0xf14, PMPCFG0 = 0x3a0, PMPADDR0 = 0x3b0,
};

struct env {
    struct phys_mem pm;
    struct mmu *mmu;
    uint64_t mtime;
    struct hart h;
};

static struct env *env_new(const struct hart_config *cfg_in)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = calloc(1, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    struct mmu_config mc;
    mmu_config_default(&mc);
    e->mmu = mmu_create(&mc, &e->pm, &e->h.pmp);
    struct hart_config cfg = {.max_satp_mode = SATP_SV57};
    if (cfg_in) cfg = *cfg_in;
    hart_init(&e->h, 3, &e->pm, &cfg, e->mmu);
    e->h.mtime = &e->mtime;
    struct hart *h = &e->h;
    /* PMP entry 0: NAPOT over everything, RWX, so S and U may run */
    assert_true(csr_write(h, PMPADDR0, ~0ull));
    assert_true(csr_write(h, PMPCFG0, 0x1f));
    assert_true(csr_write(h, MTVEC_CSR, MTVEC));
    h->stvec = STVEC;
    h->mcause = h->scause = SENTINEL;
    h->mepc = h->mtval = SENTINEL;
    h->pc = PROG;
    return e;
}

static int setup(void **state)
{
    *state = env_new(NULL);
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    hart_free(&e->h);
    mmu_destroy(e->mmu);
    free(e->pm.ram);
    free(e);
    return 0;
}

static void put32(struct env *e, uint64_t pa, uint32_t w) { memcpy(e->pm.ram + (pa - RAM_BASE), &w, 4); }

/* Write a program at PROG followed by j ., and handlers at MTVEC/STVEC. */
static void load(struct env *e, const uint32_t *w, size_t n)
{
    put32(e, MTVEC, J_SELF);
    put32(e, STVEC, J_SELF);
    for (size_t i = 0; i < n; i++) put32(e, PROG + 4 * i, w[i]);
    put32(e, PROG + 4 * n, J_SELF);
}

/* Run a program from PROG in privilege priv until it ends in j . (program
 * end or a handler). */
static void run_prog(struct env *e, unsigned priv, const uint32_t *w, size_t n)
{
    struct hart *h = &e->h;
    load(e, w, n);
    h->priv = (uint8_t)priv;
    h->pc = PROG;
    h->mcause = h->scause = SENTINEL;
    h->mepc = h->mtval = SENTINEL;
    hart_flush_fetch(h);
    hart_update_mem_mode(h); /* priv/mstatus were set directly */
    hart_run(h, n + 8);
}

#define RUN(e, priv, ...) do { \
        static const uint32_t prog_[] = {__VA_ARGS__}; \
        run_prog((e), (priv), prog_, sizeof prog_ / sizeof prog_[0]); \
    } while (0)

/* the program ran to its end without a trap */
static void assert_completed(struct env *e, size_t n)
{
    struct hart *h = &e->h;
    if (h->pc != PROG + 4 * n)
        fail_msg("trapped: pc %llx mcause %llx mepc %llx mtval %llx", (unsigned long long)h->pc,
                 (unsigned long long)h->mcause, (unsigned long long)h->mepc, (unsigned long long)h->mtval);
    assert_int_equal(h->mcause, SENTINEL);
}

/* the instruction at PROG + 4*idx raised illegal-instruction into M-mode */
static void assert_illegal(struct env *e, size_t idx, uint32_t bits)
{
    struct hart *h = &e->h;
    if (h->mcause != EXC_ILLEGAL)
        fail_msg("want illegal at +%zu: pc %llx mcause %llx", 4 * idx, (unsigned long long)h->pc,
                 (unsigned long long)h->mcause);
    assert_int_equal(h->pc, MTVEC);
    assert_int_equal(h->priv, PRIV_M);
    assert_int_equal(h->mepc, PROG + 4 * idx);
    assert_int_equal(h->mtval, bits);
}

static uint64_t rd(struct hart *h, unsigned csr)
{
    uint64_t v = 0;
    if (!csr_read(h, csr, &v)) fail_msg("csr_read(0x%03x) failed", csr);
    return v;
}

static void wr(struct hart *h, unsigned csr, uint64_t v)
{
    if (!csr_write(h, csr, v)) fail_msg("csr_write(0x%03x) failed", csr);
}

/* ---- read-only CSRs ---- */

static void test_read_only_write_is_illegal(void **state)
{
    struct env *e = *state;
    RUN(e, PRIV_M, CSRW_MHARTID);
    assert_illegal(e, 0, CSRW_MHARTID);
    /* csrrwi always writes, even with uimm = 0 */
    RUN(e, PRIV_M, CSRRWI_CYCLE0);
    assert_illegal(e, 0, CSRRWI_CYCLE0);
    /* csrrs with rs1 != x0 writes (even when the register holds 0) */
    e->h.x[11] = 0;
    RUN(e, PRIV_M, CSRRS_MHARTID_A1);
    assert_illegal(e, 0, CSRRS_MHARTID_A1);
    /* csr_write itself refuses the read-only ones */
    assert_false(csr_write(&e->h, MHARTID, 1));
    assert_false(csr_write(&e->h, 0xc00, 1));
}

static void test_read_only_read_is_legal(void **state)
{
    struct env *e = *state;
    /* csrrs/csrrsi with rs1 = x0 / uimm = 0 do not write */
    RUN(e, PRIV_M, CSRR_MHARTID, 0x00050593 /* addi a1, a0, 0 */, CSRRSI_CYCLE0);
    assert_completed(e, 3);
    assert_int_equal(e->h.x[11], 3);
}

/* ---- privilege ---- */

static void test_s_mode_m_csr_illegal(void **state)
{
    struct env *e = *state;
    RUN(e, PRIV_S, CSRR_MSTATUS);
    assert_illegal(e, 0, CSRR_MSTATUS);
    assert_int_equal((e->h.mstatus & MSTATUS_MPP) >> 11, PRIV_S);
    /* U-mode access to an S CSR */
    RUN(e, PRIV_U, CSRR_SSCRATCH);
    assert_illegal(e, 0, CSRR_SSCRATCH);
    assert_int_equal((e->h.mstatus & MSTATUS_MPP) >> 11, PRIV_U);
    /* S-mode access to an S CSR is fine */
    e->h.sscratch = 0x1234;
    RUN(e, PRIV_S, CSRR_SSCRATCH);
    assert_completed(e, 1);
    assert_int_equal(e->h.x[10], 0x1234);
}

static void test_counter_enables(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* U-mode cycle with mcounteren = 0: illegal */
    RUN(e, PRIV_U, RDCYCLE);
    assert_illegal(e, 0, RDCYCLE);
    /* mcounteren.CY alone: S may read, U still may not */
    wr(h, MCOUNTEREN, 1);
    RUN(e, PRIV_S, RDCYCLE);
    assert_completed(e, 1);
    RUN(e, PRIV_U, RDCYCLE);
    assert_illegal(e, 0, RDCYCLE);
    /* with scounteren.CY too: U may read */
    wr(h, SCOUNTEREN, 1);
    RUN(e, PRIV_U, RDCYCLE);
    assert_completed(e, 1);
    /* instret is bit 2: still illegal for U and S */
    RUN(e, PRIV_U, RDINSTRET);
    assert_illegal(e, 0, RDINSTRET);
    RUN(e, PRIV_S, RDINSTRET);
    assert_illegal(e, 0, RDINSTRET);
    /* time is bit 1 */
    wr(h, MCOUNTEREN, 7);
    wr(h, SCOUNTEREN, 7);
    e->mtime = 777;
    RUN(e, PRIV_U, RDTIME);
    assert_completed(e, 1);
    assert_int_equal(h->x[10], 777);
    /* M-mode always may */
    wr(h, MCOUNTEREN, 0);
    RUN(e, PRIV_M, RDCYCLE, RDINSTRET, RDTIME);
    assert_completed(e, 3);
}

/* ---- mstatus / sstatus ---- */

static void test_mstatus_warl(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* UXL = SXL = 2 (64-bit), and not writable */
    uint64_t s = rd(h, MSTATUS);
    assert_int_equal((s >> 32) & 3, 2);
    assert_int_equal((s >> 34) & 3, 2);
    wr(h, MSTATUS, 0);
    s = rd(h, MSTATUS);
    assert_int_equal((s >> 32) & 3, 2);
    assert_int_equal((s >> 34) & 3, 2);
    assert_int_equal(s & MSTATUS_MPP, 0);
    /* MPP = 2 is reserved: the old value stays */
    wr(h, MSTATUS, 1ull << 11); /* MPP = S */
    assert_int_equal((rd(h, MSTATUS) >> 11) & 3, 1);
    wr(h, MSTATUS, 2ull << 11);
    assert_int_equal((rd(h, MSTATUS) >> 11) & 3, 1);
    wr(h, MSTATUS, 3ull << 11);
    assert_int_equal((rd(h, MSTATUS) >> 11) & 3, 3);
    /* SD reflects FS = 3 (dirty) */
    wr(h, MSTATUS, 1ull << 13); /* FS = initial */
    assert_int_equal(rd(h, MSTATUS) >> 63, 0);
    wr(h, MSTATUS, 3ull << 13); /* FS = dirty */
    s = rd(h, MSTATUS);
    assert_int_equal(s >> 63, 1);
    assert_int_equal(rd(h, SSTATUS) >> 63, 1);
    /* SD itself is not writable */
    wr(h, MSTATUS, 1ull << 63);
    assert_int_equal(rd(h, MSTATUS) >> 63, 0);
    /* XS, VS read zero (no such extensions); UBE/SBE/MBE zero (little-endian) */
    wr(h, MSTATUS, ~0ull);
    s = rd(h, MSTATUS);
    assert_int_equal(s & (MSTATUS_XS | MSTATUS_VS | MSTATUS_UBE), 0);
    assert_int_equal(s & (3ull << 36), 0); /* SBE, MBE */
    assert_int_equal((s >> 32) & 3, 2);
}

static void test_sstatus_is_view(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    wr(h, MSTATUS, MSTATUS_MIE | MSTATUS_MPIE | (3ull << 11) | MSTATUS_TVM);
    /* M-only fields are invisible through sstatus */
    uint64_t ss = rd(h, SSTATUS);
    assert_int_equal(ss & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM), 0);
    assert_int_equal((ss >> 32) & 3, 2); /* UXL visible */
    assert_int_equal((ss >> 34) & 3, 0); /* SXL not */
    /* sstatus writes reach mstatus, and cannot touch M fields */
    wr(h, SSTATUS, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | (1ull << 13));
    uint64_t ms = rd(h, MSTATUS);
    assert_int_equal(ms & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR),
                     MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR);
    assert_int_equal(ms & MSTATUS_FS, 1ull << 13);
    assert_int_equal(ms & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_TVM),
                     MSTATUS_MIE | MSTATUS_MPIE | (3ull << 11) | MSTATUS_TVM);
    wr(h, SSTATUS, 0);
    ms = rd(h, MSTATUS);
    assert_int_equal(ms & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS), 0);
    assert_int_equal(ms & (MSTATUS_MIE | MSTATUS_MPIE), MSTATUS_MIE | MSTATUS_MPIE);
    /* mstatus changes show in sstatus */
    wr(h, MSTATUS, MSTATUS_SUM);
    assert_int_equal(rd(h, SSTATUS) & MSTATUS_SUM, MSTATUS_SUM);
}

/* ---- sie / sip ---- */

static void test_sie_sip_masked_by_mideleg(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint64_t SSIP = 1u << 1, STIP = 1u << 5, SEIP = 1u << 9, MSIP = 1u << 3, MTIP = 1u << 7, MEIP = 1u << 11;
    wr(h, MIE, ~0ull);
    assert_int_equal(rd(h, MIE), SSIP | STIP | SEIP | MSIP | MTIP | MEIP);
    wr(h, MIDELEG, 0);
    assert_int_equal(rd(h, SIE), 0);
    wr(h, MIDELEG, SSIP | STIP);
    assert_int_equal(rd(h, SIE), SSIP | STIP);
    /* mideleg cannot delegate M interrupts */
    wr(h, MIDELEG, ~0ull);
    assert_int_equal(rd(h, MIDELEG), SSIP | STIP | SEIP);
    /* a sie write only changes the delegated bits */
    wr(h, MIDELEG, SSIP);
    wr(h, SIE, 0);
    assert_int_equal(rd(h, MIE), STIP | SEIP | MSIP | MTIP | MEIP);
    wr(h, SIE, ~0ull);
    assert_int_equal(rd(h, MIE), SSIP | STIP | SEIP | MSIP | MTIP | MEIP);
    /* sip: pending bits appear only when delegated */
    wr(h, MIDELEG, 0);
    wr(h, MIP, SSIP | STIP | SEIP);
    assert_int_equal(rd(h, MIP) & (SSIP | STIP | SEIP), SSIP | STIP | SEIP);
    assert_int_equal(rd(h, SIP), 0);
    wr(h, MIDELEG, SSIP | SEIP);
    assert_int_equal(rd(h, SIP), SSIP | SEIP);
    /* platform lines too */
    h->mip_ext = MEIP;
    assert_int_equal(rd(h, SIP), SSIP | SEIP);
    assert_int_equal(rd(h, MIP) & MEIP, MEIP);
    h->mip_ext = 0;
    /* through sip only SSIP is writable, and only when delegated */
    wr(h, SIP, 0);
    assert_int_equal(rd(h, MIP) & (SSIP | STIP | SEIP), STIP | SEIP);
    wr(h, MIDELEG, 0);
    wr(h, SIP, SSIP);
    assert_int_equal(rd(h, MIP) & SSIP, 0);
    wr(h, MIDELEG, SSIP);
    wr(h, SIP, SSIP);
    assert_int_equal(rd(h, MIP) & SSIP, SSIP);
}

/* csrrs/csrrc on mip modify the software-writable SEIP only: a PLIC line
 * that is high while M-mode sets or clears another bit must not stay
 * latched in mip.SEIP after the PLIC lowers it (privileged spec, "Machine
 * Interrupt Registers"; a 4-hart Linux looped in its PLIC handler so) */
static void test_mip_rmw_ignores_external_seip(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint64_t SEIP = 1ull << IRQ_SEI;
    h->mip_ext = SEIP; /* the PLIC's S-context output is high */
    RUN(e, PRIV_M, 0x34416073u /* csrrsi zero, mip, 2 */, 0x34417073u /* csrrci zero, mip, 2 */,
        0x34402573u /* csrr a0, mip */);
    assert_completed(e, 3);
    assert_int_equal(h->x[10] & SEIP, SEIP); /* a read shows the line */
    h->mip_ext = 0;                         /* the PLIC lowers it */
    assert_int_equal(rd(h, MIP) & SEIP, 0);
    /* the software bit itself is still set and cleared by csrrs/csrrc */
    RUN(e, PRIV_M, 0x20000593u /* li a1, 0x200 */, 0x3445a073u /* csrrs zero, mip, a1 */);
    assert_int_equal(rd(h, MIP) & SEIP, SEIP);
    RUN(e, PRIV_M, 0x20000593u /* li a1, 0x200 */, 0x3445b073u /* csrrc zero, mip, a1 */);
    assert_int_equal(rd(h, MIP) & SEIP, 0);
}

/* ---- trap vectors and exception PCs ---- */

static void test_tvec_mode_warl(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    wr(h, MTVEC_CSR, RAM_BASE + 0x400 + 1); /* vectored */
    assert_int_equal(rd(h, MTVEC_CSR), RAM_BASE + 0x401);
    wr(h, MTVEC_CSR, RAM_BASE + 0x800 + 2); /* reserved mode: keeps mode 1 */
    assert_int_equal(rd(h, MTVEC_CSR) & 3, 1);
    wr(h, MTVEC_CSR, RAM_BASE + 0x800 + 3);
    assert_int_equal(rd(h, MTVEC_CSR) & 3, 1);
    wr(h, MTVEC_CSR, RAM_BASE + 0x800);
    assert_int_equal(rd(h, MTVEC_CSR), RAM_BASE + 0x800);
    wr(h, MTVEC_CSR, RAM_BASE + 0xc00 + 2); /* from direct: stays direct */
    assert_int_equal(rd(h, MTVEC_CSR) & 3, 0);
    /* stvec likewise */
    wr(h, STVEC_CSR, RAM_BASE + 0x401);
    wr(h, STVEC_CSR, RAM_BASE + 0x402);
    assert_int_equal(rd(h, STVEC_CSR) & 3, 1);
}

static void test_epc_bit0_cleared(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    wr(h, MEPC, 0x80000003);
    assert_int_equal(rd(h, MEPC), 0x80000002); /* IALIGN = 16: only bit 0 is zero */
    wr(h, SEPC, 0x80000007);
    assert_int_equal(rd(h, SEPC), 0x80000006);
}

/* ---- satp ---- */

static void test_satp_unsupported_mode_ignored(void **state)
{
    (void)state;
    struct hart_config cfg = {.max_satp_mode = SATP_SV39};
    struct env *e = env_new(&cfg);
    struct hart *h = &e->h;
    uint64_t sv39 = (8ull << 60) | (5ull << 44) | 0x80123;
    wr(h, SATP, sv39);
    assert_int_equal(rd(h, SATP), sv39);
    /* Sv48 not supported with max Sv39: the whole write has no effect */
    wr(h, SATP, (9ull << 60) | (7ull << 44) | 0x80456);
    assert_int_equal(rd(h, SATP), sv39);
    wr(h, SATP, (10ull << 60) | 0x80456); /* Sv57 */
    assert_int_equal(rd(h, SATP), sv39);
    wr(h, SATP, (1ull << 60) | 0x80456); /* reserved mode 1 */
    assert_int_equal(rd(h, SATP), sv39);
    wr(h, SATP, 0); /* Bare */
    assert_int_equal(rd(h, SATP), 0);
    /* and through an instruction */
    h->x[10] = (9ull << 60) | 0x80456;
    RUN(e, PRIV_M, CSRW_SATP);
    assert_completed(e, 1);
    assert_int_equal(h->satp, 0);
    teardown((void **)&e);

    cfg.max_satp_mode = SATP_SV48;
    e = env_new(&cfg);
    h = &e->h;
    wr(h, SATP, (9ull << 60) | 0x80456);
    assert_int_equal(rd(h, SATP) >> 60, 9);
    wr(h, SATP, (10ull << 60) | 0x80456);
    assert_int_equal(rd(h, SATP) >> 60, 9);
    teardown((void **)&e);
}

static void test_tvm_traps_satp_in_s(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->satp = 0;
    RUN(e, PRIV_S, CSRR_SATP, CSRW_SATP);
    assert_completed(e, 2);
    h->mstatus |= MSTATUS_TVM;
    RUN(e, PRIV_S, CSRR_SATP);
    assert_illegal(e, 0, CSRR_SATP);
    h->mstatus |= MSTATUS_TVM;
    RUN(e, PRIV_S, CSRW_SATP);
    assert_illegal(e, 0, CSRW_SATP);
    h->mstatus |= MSTATUS_TVM;
    RUN(e, PRIV_S, SFENCE_VMA);
    assert_illegal(e, 0, SFENCE_VMA);
    /* sfence.vma is never allowed in U-mode */
    h->mstatus &= ~MSTATUS_TVM;
    RUN(e, PRIV_U, SFENCE_VMA);
    assert_illegal(e, 0, SFENCE_VMA);
    /* TVM does not affect M-mode */
    h->mstatus |= MSTATUS_TVM;
    RUN(e, PRIV_M, CSRR_SATP, CSRW_SATP, SFENCE_VMA);
    assert_completed(e, 3);
}

/* ---- Sstc ---- */

static void test_stce_gates_stimecmp(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    wr(h, MCOUNTEREN, 2); /* TM: Sstc also requires mcounteren.TM for S access */
    wr(h, MENVCFG, 0);
    RUN(e, PRIV_S, CSRR_STIMECMP);
    assert_illegal(e, 0, CSRR_STIMECMP);
    RUN(e, PRIV_S, CSRW_STIMECMP);
    assert_illegal(e, 0, CSRW_STIMECMP);
    /* M-mode may always */
    h->x[11] = 1000;
    RUN(e, PRIV_M, CSRW_STIMECMP, CSRR_STIMECMP);
    assert_completed(e, 2);
    assert_int_equal(h->x[10], 1000);
    /* STCE = 1: S may */
    wr(h, MENVCFG, 1ull << 63);
    assert_int_equal(rd(h, MENVCFG) >> 63, 1);
    h->x[11] = 2000;
    RUN(e, PRIV_S, CSRW_STIMECMP, CSRR_STIMECMP);
    assert_completed(e, 2);
    assert_int_equal(h->x[10], 2000);
    /* and STIP follows stimecmp against time */
    e->mtime = 1999;
    assert_int_equal(rd(h, MIP) & (1u << 5), 0);
    e->mtime = 2000;
    assert_int_equal(rd(h, MIP) & (1u << 5), 1u << 5);
}

/* Sstc spec: "when STCE=1 ... if mcounteren.TM = 0, S-mode access to
 * stimecmp raises an illegal-instruction exception". */
static void test_stimecmp_needs_mcounteren_tm(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    wr(h, MENVCFG, 1ull << 63);
    wr(h, MCOUNTEREN, 0);
    RUN(e, PRIV_S, CSRR_STIMECMP);
    assert_illegal(e, 0, CSRR_STIMECMP);
}

/* ---- identification ---- */

static void test_misa_and_mhartid(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* MXL = 2; A C D F I M S U */
    const uint64_t misa = 0x800000000014112dull;
    assert_int_equal(rd(h, MISA), misa);
    wr(h, MISA, 0); /* WARL, fixed */
    assert_int_equal(rd(h, MISA), misa);
    RUN(e, PRIV_M, CSRR_MISA);
    assert_completed(e, 1);
    assert_int_equal(h->x[10], misa);
    assert_int_equal(rd(h, MHARTID), 3);
    RUN(e, PRIV_M, CSRR_MHARTID);
    assert_completed(e, 1);
    assert_int_equal(h->x[10], 3);
    /* mvendorid, marchid, mimpid exist (zero is allowed) */
    assert_int_equal(rd(h, 0xf11), 0);
    uint64_t v;
    assert_true(csr_read(h, 0xf12, &v));
    assert_true(csr_read(h, 0xf13, &v));
    /* unknown CSRs do not exist */
    assert_false(csr_read(h, 0x7c0, &v));
    assert_false(csr_write(h, 0x5c0, 0));
}

/* ---- CSRs that follow -cpu ---- */

/* misa shows the letters chosen; without F, mstatus.FS is read-only zero
 * (so fcsr is illegal); without Sstc, stimecmp does not exist and
 * menvcfg.STCE is zero; without Svpbmt, menvcfg.PBMTE is zero; Svadu's
 * ADUE is writable with svadu=on. */
static void test_csrs_follow_cpu(void **state)
{
    (void)state;
    struct hart_config cfg = {.max_satp_mode = SATP_SV57};
    char err[160];
    assert_int_equal(isa_parse_cpu("rv64,m=off,a=off,f=off,d=off,sstc=off,svpbmt=off", &cfg.ext, err, sizeof err), 0);
    struct env *e = env_new(&cfg);
    struct hart *h = &e->h;
    assert_int_equal(rd(h, MISA), 0x8000000000140104ull); /* C I S U */
    wr(h, MSTATUS, MSTATUS_FS);
    assert_int_equal(rd(h, MSTATUS) & MSTATUS_FS, 0);
    wr(h, SSTATUS, MSTATUS_FS);
    assert_int_equal(rd(h, SSTATUS) & MSTATUS_FS, 0);
    RUN(e, PRIV_M, CSRR_FCSR);
    assert_illegal(e, 0, CSRR_FCSR);
    uint64_t v;
    assert_false(csr_read(h, STIMECMP, &v));
    assert_false(csr_write(h, STIMECMP, 5));
    RUN(e, PRIV_M, CSRR_STIMECMP);
    assert_illegal(e, 0, CSRR_STIMECMP);
    wr(h, MENVCFG, ~0ull);
    assert_int_equal(rd(h, MENVCFG), 1); /* FIOM alone */
    teardown((void **)&e);

    /* the default: STCE and PBMTE writable, no ADUE */
    cfg.ext = 0;
    e = env_new(&cfg);
    h = &e->h;
    wr(h, MENVCFG, ~0ull);
    assert_int_equal(rd(h, MENVCFG), (1ull << 63) | (1ull << 62) | 1);
    teardown((void **)&e);
    /* max: the CBO enables too (CBIE = 11, CBCFE, CBZE) */
    assert_int_equal(isa_parse_cpu("max", &cfg.ext, err, sizeof err), 0);
    e = env_new(&cfg);
    h = &e->h;
    wr(h, MENVCFG, ~0ull);
    assert_int_equal(rd(h, MENVCFG), 0xc0000000000000f1ull);
    wr(h, SENVCFG, ~0ull);
    assert_int_equal(rd(h, SENVCFG), 0xf1);
    teardown((void **)&e);
    /* svadu=on is --ad=svadu: ADUE writable, and the hart has Svadu */
    assert_int_equal(isa_parse_cpu("rv64,svadu=on", &cfg.ext, err, sizeof err), 0);
    e = env_new(&cfg);
    h = &e->h;
    assert_true(h->cfg.svadu);
    wr(h, MENVCFG, ~0ull);
    assert_int_equal(rd(h, MENVCFG), (1ull << 63) | (1ull << 62) | (1ull << 61) | 1);
    teardown((void **)&e);
}

/* ---- floating-point CSRs ---- */

static void test_fp_csrs_need_fs(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->mstatus &= ~MSTATUS_FS;
    RUN(e, PRIV_M, CSRR_FFLAGS);
    assert_illegal(e, 0, CSRR_FFLAGS);
    RUN(e, PRIV_M, CSRR_FRM);
    assert_illegal(e, 0, CSRR_FRM);
    RUN(e, PRIV_M, CSRR_FCSR);
    assert_illegal(e, 0, CSRR_FCSR);
    h->x[11] = 0x1f;
    RUN(e, PRIV_M, CSRW_FFLAGS);
    assert_illegal(e, 0, CSRW_FFLAGS);
    /* FS = initial: legal; a write makes FS dirty */
    h->mstatus |= 1ull << 13;
    RUN(e, PRIV_M, CSRW_FFLAGS, CSRR_FCSR);
    assert_completed(e, 2);
    assert_int_equal(h->x[10], 0x1f);
    assert_int_equal(h->mstatus & MSTATUS_FS, MSTATUS_FS);
    assert_int_equal(rd(h, MSTATUS) >> 63, 1);
    /* frm and fflags are fields of fcsr */
    wr(h, FCSR, 0xff);
    assert_int_equal(rd(h, FRM), 7);
    assert_int_equal(rd(h, FFLAGS), 0x1f);
    wr(h, FRM, 1);
    assert_int_equal(rd(h, FCSR), 0x3f);
    wr(h, FFLAGS, 0);
    assert_int_equal(rd(h, FCSR), 0x20);
    wr(h, FCSR, 0x1ff); /* bits above 7 are reserved: zero */
    assert_int_equal(rd(h, FCSR), 0xff);
    /* also from U-mode (fcsr is a user CSR) */
    RUN(e, PRIV_U, CSRR_FCSR);
    assert_completed(e, 1);
}

/* ---- counters ---- */

static void test_minstret_write_then_read(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    h->x[10] = 100;
    RUN(e, PRIV_M, NOP, CSRW_MINSTRET, CSRR_MINSTRET_A1, NOP, CSRR_MINSTRET_A2);
    assert_completed(e, 5);
    /* the written value is what the next instruction reads: the csrw does
     * not count itself (Spike and QEMU behave this way) */
    assert_int_equal(h->x[11], 100);
    /* each retired instruction counts one */
    assert_int_equal(h->x[12] - h->x[11], 2);
}

static void test_mcountinhibit_freezes_minstret(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    RUN(e, PRIV_M, CSRWI_MCOUNTINHIBIT_IR, CSRR_MINSTRET_A1, NOP, NOP, CSRR_MINSTRET_A2,
        CSRWI_MCOUNTINHIBIT_0, NOP, CSRR_MINSTRET_A3);
    assert_completed(e, 8);
    assert_int_equal(h->x[12], h->x[11]);           /* frozen */
    assert_int_equal(h->x[13] - h->x[12], 2);       /* counting again: csrwi, nop */
    /* writes while inhibited are kept */
    wr(h, MCOUNTINHIBIT, 4);
    wr(h, MINSTRET, 42);
    RUN(e, PRIV_M, NOP, NOP);
    assert_int_equal(rd(h, MINSTRET), 42);
    /* inhibiting IR does not stop mcycle */
    uint64_t c0 = rd(h, 0xb00);
    RUN(e, PRIV_M, NOP, NOP);
    assert_true(rd(h, 0xb00) > c0);
    wr(h, MCOUNTINHIBIT, 0);
}

/* mhpmcounter3..31 count the MMU's events (cpu/hpm.c): here L1 data TLB
 * load misses and walks of translations through the hart's MMU (an Sv39
 * table in RAM mapping 4 pages), with the event selectors' WARL rule,
 * counter writes, mcountinhibit, and hpmcounterN from S-mode under
 * mcounteren. */
static void test_hpm_counts_mmu_events(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* Sv39: root at +0x10000 -> level-1 table at +0x11000 -> level-0 at +0x12000 */
    uint64_t root = RAM_BASE + 0x10000, l1 = RAM_BASE + 0x11000, l0 = RAM_BASE + 0x12000;
    uint64_t *ram = (uint64_t *)(void *)e->pm.ram;
    ram[(root - RAM_BASE) / 8] = (l1 >> 12) << 10 | 1;
    ram[(l1 - RAM_BASE) / 8] = (l0 >> 12) << 10 | 1;
    for (int i = 0; i < 4; i++)
        ram[(l0 - RAM_BASE) / 8 + i] = ((RAM_BASE + 0x20000 + 0x1000ull * i) >> 12) << 10 | 0xc7; /* V R W A D */
    struct mmu_req r = {.satp = 8ull << 60 | root >> 12, .priv = PRIV_S, .hw_ad = true};
    wr(h, 0x323, 1);   /* mhpmevent3: L1 data TLB load misses */
    wr(h, 0x324, 7);   /* mhpmevent4: walks */
    wr(h, 0x325, 999); /* an unknown event: WARL 0 */
    assert_int_equal(rd(h, 0x325), 0);
    wr(h, 0xb03, 100);
    uint64_t w0 = rd(h, 0xb04);
    struct mmu_xlate x;
    for (int i = 0; i < 4; i++)
        assert_int_equal(mmu_translate(e->mmu, 0x1000ull * i, MMU_LOAD, &r, &x), MMU_OK); /* 4 misses, 4 walks */
    assert_int_equal(mmu_translate(e->mmu, 0x10, MMU_LOAD, &r, &x), MMU_OK);                /* a hit */
    assert_int_equal(mmu_translate(e->mmu, 0x3000, MMU_STORE, &r, &x), MMU_OK);             /* a store hit */
    assert_int_equal(rd(h, 0xb03), 104);
    assert_int_equal(rd(h, 0xb04) - w0, 4);
    /* inhibited: frozen, then counting again from there */
    wr(h, MCOUNTINHIBIT, 1u << 3);
    mmu_sfence_vma(e->mmu, false, 0, false, 0);
    assert_int_equal(mmu_translate(e->mmu, 0x1000, MMU_LOAD, &r, &x), MMU_OK);
    assert_int_equal(rd(h, 0xb03), 104);
    assert_int_equal(rd(h, MCOUNTINHIBIT), 1u << 3);
    wr(h, MCOUNTINHIBIT, 0);
    assert_int_equal(mmu_translate(e->mmu, 0x2000, MMU_LOAD, &r, &x), MMU_OK);
    assert_int_equal(rd(h, 0xb03), 105);
    /* changing the event keeps the count so far */
    wr(h, 0x323, 2); /* store misses */
    assert_int_equal(rd(h, 0xb03), 105);
    /* hpmcounter3 from S-mode: only with mcounteren.HPM3 */
    h->priv = PRIV_S;
    uint64_t v;
    wr(h, MCOUNTEREN, 0);
    assert_false(csr_read(h, 0xc03, &v));
    wr(h, MCOUNTEREN, 1u << 3);
    assert_true(csr_read(h, 0xc03, &v));
    assert_int_equal(v, 105);
    h->priv = PRIV_M;
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_read_only_write_is_illegal),
        T(test_read_only_read_is_legal),
        T(test_s_mode_m_csr_illegal),
        T(test_counter_enables),
        T(test_mstatus_warl),
        T(test_sstatus_is_view),
        T(test_sie_sip_masked_by_mideleg),
        T(test_mip_rmw_ignores_external_seip),
        T(test_tvec_mode_warl),
        T(test_epc_bit0_cleared),
        T(test_satp_unsupported_mode_ignored),
        T(test_tvm_traps_satp_in_s),
        T(test_stce_gates_stimecmp),
        T(test_stimecmp_needs_mcounteren_tm),
        T(test_misa_and_mhartid),
        cmocka_unit_test(test_csrs_follow_cpu),
        T(test_fp_csrs_need_fs),
        T(test_minstret_write_then_read),
        T(test_mcountinhibit_freezes_minstret),
        T(test_hpm_counts_mmu_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
