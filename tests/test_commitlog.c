/* Unit tests of the commit log (platform/debug/commitlog.c): the line
 * format as Spike prints it (register names padded, value widths, CSR
 * names, the order of entries), and the log of a hart running code in RAM
 * (loads and stores of each width, AMOs, LR/SC with and without success,
 * fflags raised and raised again, FS becoming Dirty, sie logged as sie and
 * mie, a trap that logs nothing and the mret that logs mstatus, an AMO
 * and an SC under Sv39 in S-mode, an illegal encoding, newer rows:
 * sm4ed, cbo.zero, Zcb).
 *
 * Instruction words were produced by riscv64-unknown-elf-as 2.40
 * (-march=rv64gc) and are given with their assembly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "commitlog.h"
#include "hart.h"
#include "isa.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)
#define PROG (RAM_BASE + 0x1000)
#define HANDLER (RAM_BASE + 0x100)
#define DATA (RAM_BASE + 0x8000)
#define ROOT (RAM_BASE + 0x10000) /* Sv39 root page table */

/* ---- the format ---- */

static const char *fmt(const struct commit_record *r)
{
    static char buf[512];
    commit_format(r, buf, sizeof buf);
    return buf;
}

static void test_format_registers(void **state)
{
    (void)state;
    struct commit_record r = {.hartid = 0, .priv = 3, .pc = 0x80000000, .raw = 0x00000297, .len = 4};
    commit_add_reg(&r, COMMIT_X, 5, 0x80000000);
    assert_string_equal(fmt(&r), "core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000\n");

    /* two-digit numbers take the pad; x0 is never logged; a compressed
     * instruction shows 4 digits; hart numbers are right-aligned in 4 */
    r = (struct commit_record){.hartid = 12, .priv = 1, .pc = 0xffffffc000001000ull, .raw = 0x12fd, .len = 2};
    commit_add_reg(&r, COMMIT_X, 0, 7);
    commit_add_reg(&r, COMMIT_X, 10, 0xfffffffffffffffbull);
    assert_string_equal(fmt(&r), "core  12: 1 0xffffffc000001000 (0x12fd) x10 0xfffffffffffffffb\n");

    /* no entry at all: a branch, a store-free fence */
    r = (struct commit_record){.priv = 0, .pc = 0x1000, .raw = 0xfe029fe3, .len = 4};
    assert_string_equal(fmt(&r), "core   0: 0 0x0000000000001000 (0xfe029fe3)\n");
}

static void test_format_order_and_csrs(void **state)
{
    (void)state;
    /* Spike's key is number << 4 | kind (x 0, f 1, CSR 4): fflags (CSR 1)
     * sorts after f1 and before x2/f2; mstatus after every register */
    struct commit_record r = {.priv = 3, .pc = 0x80000010, .raw = 0x1a00f153, .len = 4};
    commit_add_reg(&r, COMMIT_CSR, 0x300, 0x8000000a00006000ull);
    commit_add_reg(&r, COMMIT_F, 2, 0x7ff0000000000000ull);
    commit_add_reg(&r, COMMIT_CSR, 1, 0x8);
    commit_add_reg(&r, COMMIT_F, 1, 1);
    commit_add_reg(&r, COMMIT_CSR, 1, 0x9); /* written twice: the last value */
    assert_string_equal(fmt(&r), "core   0: 3 0x0000000080000010 (0x1a00f153)"
                                 " f1  0x0000000000000001 c1_fflags 0x0000000000000009"
                                 " f2  0x7ff0000000000000 c768_mstatus 0x8000000a00006000\n");
    char buf[32];
    assert_string_equal(commit_csr_name(0x104, buf, sizeof buf), "sie");
    assert_string_equal(commit_csr_name(0x309, buf, sizeof buf), "mvip");
    assert_string_equal(commit_csr_name(0x3b3, buf, sizeof buf), "pmpaddr3");
    assert_string_equal(commit_csr_name(0x3a2, buf, sizeof buf), "pmpcfg2");
    assert_string_equal(commit_csr_name(0xb05, buf, sizeof buf), "mhpmcounter5");
    assert_string_equal(commit_csr_name(0xc1f, buf, sizeof buf), "hpmcounter31");
    assert_string_equal(commit_csr_name(0x33f, buf, sizeof buf), "mhpmevent31");
    assert_string_equal(commit_csr_name(0x7c0, buf, sizeof buf), "unknown-csr");
}

static void test_format_memory(void **state)
{
    (void)state;
    /* reads show the address only; writes the data at the access's width;
     * an AMO's read comes before its write */
    struct commit_record r = {.priv = 3, .pc = 0x80000020, .raw = 0x00d5a62f, .len = 4};
    commit_add_reg(&r, COMMIT_X, 12, 0x55667788);
    r.reads[r.nreads++] = 0x80008000;
    r.writes[0].addr = 0x80008000, r.writes[0].value = 0x55667a0a, r.writes[0].size = 4;
    r.nwrites = 1;
    assert_string_equal(fmt(&r), "core   0: 3 0x0000000080000020 (0x00d5a62f) x12 0x0000000055667788"
                                 " mem 0x0000000080008000 mem 0x0000000080008000 0x55667a0a\n");
    static const char *const want[4] = {" mem 0x0000000080008010 0x88\n", " mem 0x0000000080008010 0x7788\n",
                                        " mem 0x0000000080008010 0x55667788\n",
                                        " mem 0x0000000080008010 0x1122334455667788\n"};
    for (unsigned k = 0; k < 4; k++) {
        r = (struct commit_record){.priv = 3, .pc = 0x80000000, .raw = 0x00a58823, .len = 4};
        r.writes[0].addr = 0x80008010, r.writes[0].value = 0x1122334455667788ull, r.writes[0].size = 1u << k;
        r.nwrites = 1;
        const char *line = fmt(&r);
        assert_string_equal(line + strlen("core   0: 3 0x0000000080000000 (0x00a58823)"), want[k]);
    }
    /* a short buffer is truncated, terminated */
    char small[16];
    assert_int_equal(commit_format(&r, small, sizeof small), 15);
    assert_string_equal(small, "core   0: 3 0x0");
}

/* ---- a hart ---- */

struct env {
    struct phys_mem pm;
    struct mmu *mmu;
    uint64_t mtime;
    struct hart h;
    char path[64];
};

static void put32(struct env *e, uint64_t pa, uint32_t w) { memcpy(e->pm.ram + (pa - RAM_BASE), &w, 4); }
static void put16(struct env *e, uint64_t pa, uint16_t w) { memcpy(e->pm.ram + (pa - RAM_BASE), &w, 2); }
static void put64(struct env *e, uint64_t pa, uint64_t v) { memcpy(e->pm.ram + (pa - RAM_BASE), &v, 8); }
static uint64_t get64(struct env *e, uint64_t pa)
{
    uint64_t v;
    memcpy(&v, e->pm.ram + (pa - RAM_BASE), 8);
    return v;
}

static int setup(void **state)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = calloc(1, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    struct mmu_config mc;
    mmu_config_default(&mc);
    e->mmu = mmu_create(&mc, &e->pm, &e->h.pmp);
    struct hart_config cfg = {.max_satp_mode = SATP_SV57};
    hart_init(&e->h, 0, &e->pm, &cfg, e->mmu);
    e->h.mtime = &e->mtime;
    /* PMP entry 0: NAPOT over everything, RWX, so S-mode may run */
    assert_true(csr_write(&e->h, 0x3b0, ~0ull));
    assert_true(csr_write(&e->h, 0x3a0, 0x1f));
    /* the trap handler: mepc += 4, mret */
    put32(e, HANDLER + 0, 0x341022f3); /* csrr t0, mepc */
    put16(e, HANDLER + 4, 0x0291);     /* c.addi t0, 4 */
    put32(e, HANDLER + 6, 0x34129073); /* csrw mepc, t0 */
    put32(e, HANDLER + 10, 0x30200073); /* mret */
    e->h.mtvec = HANDLER;
    strcpy(e->path, "/tmp/test_commitlog.XXXXXX");
    int fd = mkstemp(e->path);
    assert_true(fd >= 0);
    close(fd);
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    unlink(e->path);
    hart_free(&e->h);
    mmu_destroy(e->mmu);
    free(e->pm.ram);
    free(e);
    return 0;
}

/* Run n steps with the commit log on; the log's lines, NUL-separated in a
 * static buffer, counted in *nlines. */
static char *run_logged(struct env *e, uint64_t n, unsigned *nlines)
{
    struct commitlog *l = commitlog_open(e->path, &e->h, 1);
    assert_non_null(l);
    assert_ptr_not_equal(e->h.step_hook, NULL);
    hart_run(&e->h, n);
    assert_true(commitlog_close(l));
    assert_null(e->h.step_hook);
    static char text[16384];
    FILE *f = fopen(e->path, "r");
    assert_non_null(f);
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = 0;
    *nlines = 0;
    for (char *p = text; (p = strchr(p, '\n')); p++) {
        *p = 0;
        ++*nlines;
    }
    return text;
}

static const char *line_at(const char *text, unsigned i)
{
    while (i--) text += strlen(text) + 1;
    return text;
}

static void test_hart_machine_mode(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    static const uint32_t prog[] = {
        0x0005b503, /* ld a0, 0(a1) */
        0x00a5b423, /* sd a0, 8(a1) */
        0x00a58823, /* sb a0, 16(a1) */
        0x00a59923, /* sh a0, 18(a1) */
        0x00d5a62f, /* amoadd.w a2, a3, (a1) */
        0x18d5a72f, /* sc.w a4, a3, (a1): no reservation, fails */
        0x1005b72f, /* lr.d a4, (a1) */
        0x18d5b02f, /* sc.d zero, a3, (a1): succeeds, rd = x0 */
        0x1a00f153, /* fdiv.d f2, f1, f0: DZ; FS Initial -> Dirty */
        0x1a00f0d3, /* fdiv.d f1, f1, f0: DZ again */
        0xa210a7d3, /* feq.d a5, f1, f1: no flag */
        0x10469073, /* csrw sie, a3 */
        0x00000073, /* ecall: not logged; the handler is */
        0x0210d1d3, /* fadd.d f3, f1, f1 with rm 5: illegal, not logged */
        0x021091d3, /* fadd.d f3, f1, f1, rtz */
        0x0000006f, /* j . */
    };
    for (size_t i = 0; i < sizeof prog / sizeof prog[0]; i++) put32(e, PROG + 4 * i, prog[i]);
    put64(e, DATA, 0x1122334455667788ull);
    h->pc = PROG;
    h->x[11] = DATA;                 /* a1 */
    h->x[13] = 0x222;                /* a3 */
    h->mideleg = 0x222;
    h->mstatus |= 1ull << 13;        /* FS = Initial */
    h->fcsr = 1;                     /* NX already set */
    h->f[1] = 0x3ff0000000000000ull; /* 1.0 */
    h->f[0] = 0;
    unsigned n;
    const char *t = run_logged(e, 27, &n);
    static const char *const want[] = {
        "core   0: 3 0x0000000080001000 (0x0005b503) x10 0x1122334455667788 mem 0x0000000080008000",
        "core   0: 3 0x0000000080001004 (0x00a5b423) mem 0x0000000080008008 0x1122334455667788",
        "core   0: 3 0x0000000080001008 (0x00a58823) mem 0x0000000080008010 0x88",
        "core   0: 3 0x000000008000100c (0x00a59923) mem 0x0000000080008012 0x7788",
        ("core   0: 3 0x0000000080001010 (0x00d5a62f) x12 0x0000000055667788 mem 0x0000000080008000"
         " mem 0x0000000080008000 0x556679aa"),
        "core   0: 3 0x0000000080001014 (0x18d5a72f) x14 0x0000000000000001",
        "core   0: 3 0x0000000080001018 (0x1005b72f) x14 0x11223344556679aa mem 0x0000000080008000",
        "core   0: 3 0x000000008000101c (0x18d5b02f) mem 0x0000000080008000 0x0000000000000222",
        ("core   0: 3 0x0000000080001020 (0x1a00f153) c1_fflags 0x0000000000000009 f2  0x7ff0000000000000"
         " c768_mstatus 0x8000000a00006000"),
        "core   0: 3 0x0000000080001024 (0x1a00f0d3) f1  0x7ff0000000000000 c1_fflags 0x0000000000000009",
        "core   0: 3 0x0000000080001028 (0xa210a7d3) x15 0x0000000000000001",
        "core   0: 3 0x000000008000102c (0x10469073) c260_sie 0x0000000000000222 c772_mie 0x0000000000000222",
        "core   0: 3 0x0000000080000100 (0x341022f3) x5  0x0000000080001030",
        "core   0: 3 0x0000000080000104 (0x0291) x5  0x0000000080001034",
        "core   0: 3 0x0000000080000106 (0x34129073) c833_mepc 0x0000000080001034",
        "core   0: 3 0x000000008000010a (0x30200073) c768_mstatus 0x8000000a00006080",
        "core   0: 3 0x0000000080000100 (0x341022f3) x5  0x0000000080001034",
        "core   0: 3 0x0000000080000104 (0x0291) x5  0x0000000080001038",
        "core   0: 3 0x0000000080000106 (0x34129073) c833_mepc 0x0000000080001038",
        "core   0: 3 0x000000008000010a (0x30200073) c768_mstatus 0x8000000a00006080",
        "core   0: 3 0x0000000080001038 (0x021091d3) f3  0x7ff0000000000000",
        "core   0: 3 0x000000008000103c (0x0000006f)",
        "core   0: 3 0x000000008000103c (0x0000006f)",
    };
    unsigned nw = sizeof want / sizeof want[0];
    /* 27 steps: 23 lines and the two traps (ecall, the illegal fadd) */
    assert_int_equal(n, 25);
    for (unsigned i = 0; i < nw; i++) assert_string_equal(line_at(t, i), want[i]);
    /* fflags were put back with what the instructions raised: NX kept */
    assert_int_equal(h->fcsr & 0x1f, 0x9);
    assert_int_equal(get64(e, DATA), 0x222);
}

static void test_hart_sv39(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    /* a gigapage: VA 0..1 GiB -> PA 0x80000000 (V R W X A D), so every
     * virtual address is its physical one less RAM_BASE */
    put64(e, ROOT, ((RAM_BASE >> 12) << 10) | 0xcf);
    static const uint32_t prog[] = {
        0x08d5b62f, /* amoswap.d a2, a3, (a1) */
        0x40d5b02f, /* amoor.d zero, a3, (a1): the data written is read back through the MMU */
        0x1005a72f, /* lr.w a4, (a1) */
        0x18d5a02f, /* sc.w zero, a3, (a1): its reservation, found through the MMU */
        0x0000006f, /* j . */
    };
    for (size_t i = 0; i < sizeof prog / sizeof prog[0]; i++) put32(e, PROG + 4 * i, prog[i]);
    put64(e, DATA, 0x0f0f0f0f0f0f0f01ull);
    assert_true(csr_write(h, 0x180, (8ull << 60) | (ROOT >> 12)));
    h->priv = PRIV_S;
    h->pc = PROG - RAM_BASE;
    hart_priv_changed(h);
    h->x[11] = DATA - RAM_BASE;
    h->x[13] = 0x30;
    unsigned n;
    const char *t = run_logged(e, 4, &n);
    static const char *const want[] = {
        ("core   0: 1 0x0000000000001000 (0x08d5b62f) x12 0x0f0f0f0f0f0f0f01 mem 0x0000000000008000"
         " mem 0x0000000000008000 0x0000000000000030"),
        "core   0: 1 0x0000000000001004 (0x40d5b02f) mem 0x0000000000008000 mem 0x0000000000008000 0x0000000000000030",
        "core   0: 1 0x0000000000001008 (0x1005a72f) x14 0x0000000000000030 mem 0x0000000000008000",
        "core   0: 1 0x000000000000100c (0x18d5a02f) mem 0x0000000000008000 0x00000030",
    };
    assert_int_equal(n, 4);
    for (unsigned i = 0; i < 4; i++) assert_string_equal(line_at(t, i), want[i]);
}

/* An illegal encoding (c.unimp, all zero: decoded with no table row) traps
 * and is not logged; its handler is. */
static void test_illegal_not_logged(void **state)
{
    struct env *e = *state;
    put32(e, PROG, 0x00000000);     /* c.unimp; c.unimp (the handler skips 4 bytes) */
    put32(e, PROG + 4, 0x0000006f); /* j . */
    e->h.pc = PROG;
    unsigned n;
    const char *t = run_logged(e, 6, &n);
    assert_int_equal(n, 5);
    assert_string_equal(line_at(t, 0), "core   0: 3 0x0000000080000100 (0x341022f3) x5  0x0000000080001000");
    assert_string_equal(line_at(t, 4), "core   0: 3 0x0000000080001004 (0x0000006f)");
    assert_int_equal(e->h.mcause, EXC_ILLEGAL);
}

/* Instructions beyond RV64GC (-cpu max): an rd written by a row of a newer
 * layout (sm4ed), cbo.zero logged as Spike stores its block (64 byte
 * stores of zero from the block's start), Zcb's compressed byte and
 * halfword accesses. */
static void test_hart_newer_rows(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    hart_free(h);
    struct hart_config cfg = {.ext = isa_max, .max_satp_mode = SATP_SV57};
    hart_init(h, 0, &e->pm, &cfg, e->mmu);
    h->mtime = &e->mtime;
    put32(e, PROG + 0, 0x30c587b3);  /* sm4ed a5, a1, a2, 0 */
    put32(e, PROG + 4, 0x0045200f);  /* cbo.zero (a0) */
    put16(e, PROG + 8, 0x8150);      /* c.lbu a2, 1(a0) */
    put16(e, PROG + 10, 0x8d34);     /* c.sh a3, 2(a0) */
    put32(e, PROG + 12, 0x0000006f); /* j . */
    for (unsigned i = 0; i < 128; i += 8) put64(e, DATA + i, ~0ull);
    h->pc = PROG;
    h->x[10] = DATA + 4; /* a0: the block is DATA's */
    h->x[11] = 0x01234567;
    h->x[12] = 0x89abcdef;
    h->x[13] = 0xbeef;
    unsigned n;
    const char *t = run_logged(e, 5, &n);
    assert_int_equal(n, 5);
    char want[4096];
    snprintf(want, sizeof want, "core   0: 3 0x0000000080001000 (0x30c587b3) x15 0x%016llx",
             (unsigned long long)h->x[15]);
    assert_string_equal(line_at(t, 0), want);
    int k = snprintf(want, sizeof want, "core   0: 3 0x0000000080001004 (0x0045200f)");
    for (unsigned i = 0; i < 64; i++)
        k += snprintf(want + k, sizeof want - (size_t)k, " mem 0x%016llx 0x00", (unsigned long long)(DATA + i));
    assert_string_equal(line_at(t, 1), want);
    assert_string_equal(line_at(t, 2), "core   0: 3 0x0000000080001008 (0x8150) x12 0x0000000000000000 mem 0x0000000080008005");
    assert_string_equal(line_at(t, 3), "core   0: 3 0x000000008000100a (0x8d34) mem 0x0000000080008006 0xbeef");
    assert_int_equal(get64(e, DATA), 0xbeef000000000000ull);
    assert_int_equal(get64(e, DATA + 64), ~0ull);
}

/* With nothing attached the hart has no hook; a hook that was there is
 * called too and comes back when the log closes. */
static unsigned chained_before, chained_after;
static void chain_before(void *ctx, struct hart *h, const struct insn *d) { (void)ctx, (void)h, (void)d; chained_before++; }
static void chain_after(void *ctx, struct hart *h, const struct insn *d, bool retired)
{
    (void)ctx, (void)h, (void)d, (void)retired;
    chained_after++;
}

static void test_chained_hook(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    assert_null(h->step_hook);
    const struct hart_step_hook other = {NULL, chain_before, chain_after};
    h->step_hook = &other;
    put32(e, PROG, 0x0000006f); /* j . */
    h->pc = PROG;
    struct commitlog *l = commitlog_open(e->path, h, 1);
    assert_non_null(l);
    hart_run(h, 3);
    assert_true(commitlog_close(l));
    assert_ptr_equal(h->step_hook, &other);
    assert_int_equal(chained_before, 3);
    assert_int_equal(chained_after, 3);
    h->step_hook = NULL;
    assert_true(commitlog_close(NULL));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_registers),
        cmocka_unit_test(test_format_order_and_csrs),
        cmocka_unit_test(test_format_memory),
        T(test_hart_machine_mode),
        T(test_hart_sv39),
        T(test_illegal_not_logged),
        T(test_hart_newer_rows),
        T(test_chained_hook),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
