/* Unit tests of Sdtrig (cpu/trigger.c): the CSRs' WARL rules through
 * csr_read/csr_write, that nothing is armed (and the hart keeps its
 * decoded blocks) until a trigger is, that a trigger armed by a CSR
 * instruction fires later in the same hart_run, the breakpoint exception's
 * mepc/mtval, load-data triggers firing after the load, and the
 * debugger's side (trigger_debug_claim and friends: dmode = 1, action 1
 * halts the hart, the guest cannot change or see change those triggers).
 *
 * Instruction words were produced by riscv64-unknown-elf-as 2.40
 * (-march=rv64gc, .option norvc) and are given with their assembly. */
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
#define PROG (RAM_BASE + 0x1000)
#define MTVEC (RAM_BASE + 0x100)
#define DATA (RAM_BASE + 0x8000)

#define J_SELF      0x0000006fu /* jal zero, . */
#define NOP         0x00000013u /* addi zero, zero, 0 */
#define CSRW_TDATA1 0x7a151073u /* csrw tdata1, a0 */
#define ADDI_A1     0x00158593u /* addi a1, a1, 1 */
#define LD_A2       0x0006b603u /* ld a2, 0(a3) */
#define SD_A2       0x00c6b023u /* sd a2, 0(a3) */

enum { TSELECT = 0x7a0, TDATA1 = 0x7a1, TDATA2 = 0x7a2, TDATA3 = 0x7a3, TINFO = 0x7a4, TCONTROL = 0x7a5,
       MSTATUS = 0x300, MTVEC_CSR = 0x305 };

#define MC2 (2ull << 60)
#define MC6 (6ull << 60)
#define TDIS (15ull << 60)
#define ACT1 (1ull << 12)

struct env {
    struct phys_mem pm;
    struct mmu *mmu;
    uint64_t mtime;
    struct hart h;
};

/* A hart (with -cpu ext, 0: the default) on 1 MiB of RAM, M-mode, MIE set
 * (triggers with action 0 match in M only then), mtvec at a j . */
static struct env *env_new(uint64_t ext)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = calloc(1, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    struct mmu_config mc;
    mmu_config_default(&mc);
    e->mmu = mmu_create(&mc, &e->pm, &e->h.pmp);
    struct hart_config cfg = {.max_satp_mode = SATP_SV39, .ext = ext};
    hart_init(&e->h, 0, &e->pm, &cfg, e->mmu);
    e->h.mtime = &e->mtime;
    assert_true(csr_write(&e->h, MTVEC_CSR, MTVEC));
    e->h.mstatus |= MSTATUS_MIE;
    e->h.pc = PROG;
    uint32_t j = J_SELF;
    memcpy(e->pm.ram + (MTVEC - RAM_BASE), &j, 4);
    return e;
}

static int setup(void **state)
{
    *state = env_new(0);
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

/* Put the program w[0..n) at PROG, followed by j . */
static void load(struct env *e, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i <= n; i++) {
        uint32_t x = i < n ? w[i] : J_SELF;
        memcpy(e->pm.ram + (PROG + 4 * i - RAM_BASE), &x, 4);
    }
}

static uint64_t rd(struct hart *h, unsigned csr)
{
    uint64_t v = 0;
    assert_true(csr_read(h, csr, &v));
    return v;
}

/* Program trigger i from M-mode as the spec says a debugger must
 * (tdata1 = 0, tdata2, tdata1); returns what tdata1 reads back. */
static uint64_t set(struct hart *h, unsigned i, uint64_t t1, uint64_t t2)
{
    assert_true(csr_write(h, TSELECT, i));
    assert_true(csr_write(h, TDATA1, 0));
    assert_true(csr_write(h, TDATA2, t2));
    assert_true(csr_write(h, TDATA1, t1));
    return rd(h, TDATA1);
}

static void test_csrs(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    assert_int_equal(rd(h, TINFO), 0x1008044); /* version 1; types 2, 6, 15 */
    assert_int_equal(rd(h, TDATA1), MC2);       /* reset: an mcontrol matching nothing */
    assert_false(h->trig.armed);
    assert_true(csr_write(h, TSELECT, 2));
    assert_true(csr_write(h, TSELECT, 9)); /* no trigger 9: ignored */
    assert_int_equal(rd(h, TSELECT), 2);
    assert_true(csr_write(h, TDATA1, 0));
    assert_int_equal(rd(h, TDATA1), TDIS);
    assert_true(csr_write(h, TDATA1, 4ull << 60 | 0x44)); /* itrigger: not supported, kept */
    assert_int_equal(rd(h, TDATA1), TDIS);
    /* M-mode cannot take dmode or action 1 */
    assert_int_equal(set(h, 2, MC6 | TRIG_DMODE | ACT1 | TRIG_M | TRIG_LOAD, 0), MC6 | TRIG_M | TRIG_LOAD);
    assert_true(h->trig.armed);
    assert_true(csr_write(h, TDATA3, ~0ull));
    assert_int_equal(rd(h, TDATA3), 0);
    assert_true(csr_write(h, TDATA1, 0));
    assert_false(h->trig.armed);
    /* a mode bit or an access bit alone arms nothing */
    assert_int_equal(set(h, 1, MC2 | TRIG_M, 0), MC2 | TRIG_M);
    assert_int_equal(set(h, 1, MC2 | TRIG_EXECUTE, 0), MC2 | TRIG_EXECUTE);
    assert_false(h->trig.armed);
    /* tcontrol does not exist; neither do the others without Sdtrig */
    uint64_t v;
    assert_false(csr_read(h, TCONTROL, &v));
    struct env *off = env_new(ISA_RV64 & ~EXT_SDTRIG);
    assert_false(csr_read(&off->h, TSELECT, &v));
    assert_false(csr_write(&off->h, TDATA1, 0));
    assert_false(csr_read(&off->h, TINFO, &v));
    teardown((void **)&off);
}

/* A trigger armed by the program's own csrw fires three instructions
 * later in the same hart_run (the run leaves its decoded blocks). */
static void test_armed_by_csr_instruction(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint32_t prog[] = {CSRW_TDATA1, NOP, NOP, ADDI_A1, NOP};
    load(e, prog, 5);
    assert_true(csr_write(h, TSELECT, 0));
    assert_true(csr_write(h, TDATA2, PROG + 12));
    h->x[10] = MC2 | TRIG_M | TRIG_EXECUTE;
    h->x[11] = 7;
    hart_run(h, 1000);
    assert_true(h->trig.armed);
    assert_int_equal(h->mcause, EXC_BREAKPOINT);
    assert_int_equal(h->mepc, PROG + 12);
    assert_int_equal(h->mtval, PROG + 12);
    assert_int_equal(h->x[11], 7); /* the addi did not run */
    assert_int_equal(h->pc, MTVEC);
    assert_true(rd(h, TDATA1) & MCONTROL_HIT);
    /* in the handler MIE is 0: the trigger does not match there, nor when
     * the handler returns to it with MIE still 0 */
    h->pc = PROG + 12;
    hart_run(h, 2);
    assert_int_equal(h->x[11], 8);
}

/* Load data fires after the load: rd written, mepc the next instruction. */
static void test_load_data_after(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint32_t prog[] = {NOP, LD_A2, ADDI_A1, NOP};
    load(e, prog, 4);
    uint64_t v = 0x1234567890ull;
    memcpy(e->pm.ram + (DATA - RAM_BASE), &v, 8);
    assert_int_equal(set(h, 3, MC6 | MCONTROL6_SELECT | TRIG_M | TRIG_LOAD, v),
                     MC6 | MCONTROL6_SELECT | TRIG_M | TRIG_LOAD);
    h->x[13] = DATA;
    h->x[11] = 0;
    hart_run(h, 1000);
    assert_int_equal(h->mcause, EXC_BREAKPOINT);
    assert_int_equal(h->mepc, PROG + 8);
    assert_int_equal(h->mtval, DATA);
    assert_int_equal(h->x[12], v);
    assert_int_equal(h->x[11], 0);
    assert_int_equal(rd(h, TDATA1) & (MCONTROL6_HIT1 | MCONTROL6_HIT0), MCONTROL6_HIT1 | MCONTROL6_HIT0);
}

/* With the H extension, V = 1: mcontrol6's vs bit enables a trigger in
 * VS-mode, and mcontrol (type 2), which has no such bit, never matches
 * there even with s set; without H, vs and vu read back as 0. */
static void test_virtual_modes(void **state)
{
    (void)state;
    struct env *e = env_new(ISA_RV64 | EXT_H);
    struct hart *h = &e->h;
    const uint64_t vs = 1ull << 24, vu = 1ull << 23;
    const uint32_t prog[] = {NOP, ADDI_A1, ADDI_A1, NOP};
    load(e, prog, 4);
    assert_true(csr_write(h, 0x3b0, ~0ull)); /* pmpaddr0: everything, */
    assert_true(csr_write(h, 0x3a0, 0x1f));  /* NAPOT RWX for S and U */
    assert_int_equal(set(h, 0, MC2 | TRIG_S | TRIG_EXECUTE, PROG + 4), MC2 | TRIG_S | TRIG_EXECUTE);
    assert_int_equal(set(h, 1, MC6 | vs | vu | TRIG_EXECUTE, PROG + 8), MC6 | vs | vu | TRIG_EXECUTE);
    h->priv = PRIV_S; /* VS-mode, both stages Bare */
    h->virt = true;
    hart_priv_changed(h);
    h->x[11] = 0;
    hart_run(h, 1000);
    assert_int_equal(h->mcause, EXC_BREAKPOINT);
    assert_int_equal(h->mepc, PROG + 8);   /* the type-2 trigger at PROG + 4 did not match */
    assert_int_equal(h->x[11], 1);
    assert_true(h->mstatus & MSTATUS_MPV);
    assert_true(h->mstatus & MSTATUS_GVA); /* mtval is a guest virtual address */
    teardown((void **)&e);
    struct env *noh = env_new(0);
    assert_int_equal(set(&noh->h, 1, MC6 | vs | vu | TRIG_S | TRIG_EXECUTE, 0), MC6 | TRIG_S | TRIG_EXECUTE);
    teardown((void **)&noh);
}

/* The debugger's triggers: claimed with dmode and action 1, invisible to
 * the guest's writes, and a hit halts the hart before the store. */
static void test_debugger(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    const uint32_t prog[] = {NOP, ADDI_A1, SD_A2, NOP};
    load(e, prog, 4);
    int i = trigger_debug_claim(h, MC6 | TRIG_M | TRIG_S | TRIG_U | TRIG_STORE, DATA);
    assert_int_equal(i, TRIG_COUNT - 1); /* from the top: the guest usually uses the low ones */
    assert_true(h->trig.armed);
    assert_true(csr_write(h, TSELECT, (uint64_t)i));
    uint64_t want = MC6 | TRIG_DMODE | ACT1 | TRIG_M | TRIG_S | TRIG_U | TRIG_STORE;
    assert_int_equal(rd(h, TDATA1), want);
    assert_true(csr_write(h, TDATA1, 0)); /* the guest's writes are ignored */
    assert_true(csr_write(h, TDATA2, 0));
    assert_int_equal(rd(h, TDATA1), want);
    assert_int_equal(rd(h, TDATA2), DATA);
    h->x[13] = DATA;
    h->x[12] = 0x55;
    h->mstatus &= ~MSTATUS_MIE; /* action 1 does not follow the MIE rule */
    uint64_t n = hart_run(h, 1000);
    assert_int_equal(n, 2);
    assert_true(h->trig.halted);
    assert_int_equal(h->trig.halt_index, i);
    assert_int_equal(h->trig.halt_kind, TRIG_HIT_STORE);
    assert_int_equal(h->trig.halt_addr, DATA);
    assert_int_equal(h->pc, PROG + 8);
    assert_int_equal(h->mcause, 0); /* no exception */
    uint64_t mem;
    memcpy(&mem, e->pm.ram + (DATA - RAM_BASE), 8);
    assert_int_equal(mem, 0);
    assert_int_equal(rd(h, TDATA1), want); /* no hit bit: the guest sees no change */
    /* a halted hart stays put until released */
    assert_int_equal(hart_run(h, 1000), 0);
    trigger_debug_release(h, i);
    trigger_debug_resume(h, false);
    assert_false(h->trig.armed);
    hart_run(h, 2);
    memcpy(&mem, e->pm.ram + (DATA - RAM_BASE), 8);
    assert_int_equal(mem, 0x55);
    assert_int_equal(rd(h, TDATA1), TDIS);
}

/* No free trigger (the guest armed all of them), or a configuration
 * Pagoda lacks (NAPOT on type 2): the claim fails and changes nothing. */
static void test_debugger_full(void **state)
{
    struct env *e = *state;
    struct hart *h = &e->h;
    assert_int_equal(trigger_debug_claim(h, MC2 | 1ull << 7 | TRIG_M | TRIG_LOAD, DATA | 3), -1);
    assert_int_equal(rd(h, TDATA1), MC2);
    for (unsigned k = 0; k < TRIG_COUNT; k++) set(h, k, MC2 | TRIG_U | TRIG_LOAD, DATA + k);
    assert_int_equal(trigger_debug_claim(h, MC6 | TRIG_M | TRIG_EXECUTE, PROG), -1);
    for (unsigned k = 0; k < TRIG_COUNT; k++) {
        assert_true(csr_write(h, TSELECT, k));
        assert_int_equal(rd(h, TDATA1), MC2 | TRIG_U | TRIG_LOAD);
        assert_int_equal(rd(h, TDATA2), DATA + k);
    }
    assert_true(csr_write(h, TSELECT, 1));
    assert_true(csr_write(h, TDATA1, 0));
    assert_int_equal(trigger_debug_claim(h, MC6 | TRIG_M | TRIG_EXECUTE, PROG), 1);
    /* a reset keeps the debugger's trigger */
    hart_reset(h, PROG);
    assert_true(csr_write(h, TSELECT, 1));
    assert_true(rd(h, TDATA1) & TRIG_DMODE);
    assert_true(h->trig.armed);
    assert_true(csr_write(h, TSELECT, 0));
    assert_int_equal(rd(h, TDATA1), MC2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_csrs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_armed_by_csr_instruction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_data_after, setup, teardown),
        cmocka_unit_test_setup_teardown(test_debugger, setup, teardown),
        cmocka_unit_test(test_virtual_modes),
        cmocka_unit_test_setup_teardown(test_debugger_full, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
