/* Unit tests of PMP (mmu/pmp.c), privileged spec "Physical Memory
 * Protection": OFF/TOR/NA4/NAPOT matching, priority, partial matches, the L
 * bit, WARL rules of the CSRs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pmp.h"

enum { F = 0, L = 1, S = 2 }; /* access: fetch, load, store */
enum { PU = 0, PS = 1, PM = 3 };

/* write one entry's config byte, leaving the others of its register */
static void set_cfg(struct pmp *p, int i, uint8_t c)
{
    int k = (i / 8) * 2;
    uint64_t v = pmp_read_cfg(p, k);
    v &= ~(0xffULL << (8 * (i % 8)));
    v |= (uint64_t)c << (8 * (i % 8));
    pmp_write_cfg(p, k, v);
}

static uint64_t napot(uint64_t base, uint64_t size) { return (base >> 2) | ((size >> 3) - 1); }

static void test_no_entries(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    assert_true(p.m_all_allowed);
    /* "If no PMP entry matches an M-mode access, the access succeeds." */
    assert_true(pmp_check(&p, 0x80000000, 8, S, PM));
    /* "If no PMP entry matches an S-mode or U-mode access, but at least one
     * PMP entry is implemented, the access fails." */
    assert_false(pmp_check(&p, 0x80000000, 8, L, PS));
    assert_false(pmp_check(&p, 0x80000000, 4, F, PU));
    /* no entry implemented: everything succeeds */
    pmp_init(&p, 0);
    assert_true(pmp_check(&p, 0x80000000, 8, S, PU));
    set_cfg(&p, 0, PMP_A_NA4); /* nothing to write to */
    assert_int_equal(pmp_read_cfg(&p, 0), 0);
}

/* su_all_allowed: S/U accesses are all allowed when no entry is
 * implemented or the first active entry grants RWX on the whole physical
 * space (xv6: entry 0 TOR up to 2^54 - 1, RWX), and it agrees with
 * pmp_check: the hart then skips the check for aligned accesses. */
static void test_su_all_allowed(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 0);
    assert_true(p.su_all_allowed);
    pmp_init(&p, 16);
    assert_false(p.su_all_allowed); /* implemented, nothing matches: denied */
    pmp_write_addr(&p, 0, 0x3fffffffffffffull);
    set_cfg(&p, 0, PMP_A_TOR | PMP_R | PMP_W | PMP_X);
    assert_true(p.su_all_allowed);
    assert_true(pmp_check(&p, 0x80000000, 8, S, PS));
    assert_true(pmp_check(&p, 0x10000000, 1, L, PU));
    set_cfg(&p, 0, PMP_A_TOR | PMP_R | PMP_X); /* no W */
    assert_false(p.su_all_allowed);
    assert_false(pmp_check(&p, 0x80000000, 8, S, PS));
    pmp_write_addr(&p, 0, ~0ull);
    set_cfg(&p, 0, PMP_A_NAPOT | PMP_R | PMP_W | PMP_X); /* NAPOT, everything */
    assert_true(p.su_all_allowed);
    pmp_write_addr(&p, 0, 0x80000000 >> 2); /* a TOR below RAM's end: not everything */
    set_cfg(&p, 0, PMP_A_TOR | PMP_R | PMP_W | PMP_X);
    assert_false(p.su_all_allowed);
    /* an earlier entry that denies part of the space takes priority */
    pmp_write_addr(&p, 0, napot(0x80000000, 0x1000));
    set_cfg(&p, 0, PMP_A_NAPOT | PMP_R);
    pmp_write_addr(&p, 1, 0x3fffffffffffffull);
    set_cfg(&p, 1, PMP_A_TOR | PMP_R | PMP_W | PMP_X);
    assert_false(p.su_all_allowed);
    assert_false(pmp_check(&p, 0x80000000, 8, S, PS));
}

static void test_na4(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    pmp_write_addr(&p, 3, 0x80000010 >> 2);
    set_cfg(&p, 3, PMP_A_NA4 | PMP_R);
    assert_true(pmp_check(&p, 0x80000010, 4, L, PS));
    assert_true(pmp_check(&p, 0x80000012, 2, L, PU));
    assert_false(pmp_check(&p, 0x80000010, 4, S, PS));
    assert_false(pmp_check(&p, 0x80000014, 4, L, PS)); /* next word: no match */
    assert_false(pmp_check(&p, 0x80000010, 8, L, PS)); /* partial match */
    assert_false(pmp_check(&p, 0x8000000c, 8, L, PM)); /* partial match fails even in M-mode */
    assert_true(pmp_check(&p, 0x80000010, 4, S, PM));  /* unlocked: M unrestricted */
}

static void test_napot_sizes(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    for (int lg = 3; lg <= 34; lg++) {
        uint64_t size = 1ULL << lg, base = 0x400000000ULL; /* 16 GiB aligned */
        pmp_write_addr(&p, 0, napot(base, size));
        set_cfg(&p, 0, PMP_A_NAPOT | PMP_R | PMP_W);
        assert_int_equal(p.hi[0] - p.lo[0], size);
        assert_true(pmp_check(&p, base, 4, L, PS));
        assert_true(pmp_check(&p, base + size - 8, 8, S, PS));
        assert_false(pmp_check(&p, base + size, 4, L, PS));
        assert_false(pmp_check(&p, base - 4, 4, L, PS));
        assert_false(pmp_check(&p, base + size - 4, 8, L, PS)); /* straddles the end */
        assert_false(pmp_check(&p, base, 4, F, PS));
    }
    /* all ones: the whole address space */
    pmp_write_addr(&p, 0, ~0ULL);
    assert_int_equal(pmp_read_addr(&p, 0), (1ULL << 54) - 1); /* 54 bits on RV64 */
    assert_true(pmp_check(&p, 0, 8, L, PU));
    assert_true(pmp_check(&p, 0xfffffffffff8ULL, 8, S, PU));
}

static void test_tor(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    /* entry 0 TOR: [0, 0x1000) */
    pmp_write_addr(&p, 0, 0x1000 >> 2);
    set_cfg(&p, 0, PMP_A_TOR | PMP_X);
    assert_true(pmp_check(&p, 0, 4, F, PU));
    assert_true(pmp_check(&p, 0xffc, 4, F, PU));
    assert_false(pmp_check(&p, 0x1000, 4, F, PU));
    /* entry 2 TOR over entry 1's address: [0x80000000, 0x80200000) */
    pmp_write_addr(&p, 1, 0x80000000 >> 2);
    pmp_write_addr(&p, 2, 0x80200000 >> 2);
    set_cfg(&p, 2, PMP_A_TOR | PMP_R | PMP_W);
    assert_true(pmp_check(&p, 0x80000000, 8, S, PS));
    assert_true(pmp_check(&p, 0x801ffff8, 8, L, PS));
    assert_false(pmp_check(&p, 0x80200000, 8, L, PS));
    assert_false(pmp_check(&p, 0x7ffffffc, 8, L, PS)); /* partial */
    /* pmpaddr[i-1] >= pmpaddr[i]: matches nothing */
    pmp_write_addr(&p, 1, 0x80300000 >> 2);
    assert_false(pmp_check(&p, 0x80000000, 8, L, PS));
    assert_false(pmp_check(&p, 0x80250000, 8, L, PS));
}

static void test_priority(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    /* entry 0 denies a 4 KiB hole inside entry 1's RWX region */
    pmp_write_addr(&p, 0, napot(0x80001000, 0x1000));
    pmp_write_addr(&p, 1, napot(0x80000000, 0x100000));
    set_cfg(&p, 0, PMP_A_NAPOT);
    set_cfg(&p, 1, PMP_A_NAPOT | PMP_R | PMP_W | PMP_X);
    assert_true(pmp_check(&p, 0x80000ff8, 8, S, PS));
    assert_false(pmp_check(&p, 0x80001000, 8, L, PS));
    assert_false(pmp_check(&p, 0x80000ffc, 8, L, PS)); /* touches entry 0 partially */
    assert_true(pmp_check(&p, 0x80002000, 8, F, PU));
    /* the lookup's safe range excludes the hole */
    uint64_t lo, hi;
    unsigned mask = pmp_lookup(&p, 0x80003000, 8, PS, &lo, &hi);
    assert_int_equal(mask, 7);
    assert_int_equal(lo, 0x80002000);
    assert_int_equal(hi, 0x80100000);
    mask = pmp_lookup(&p, 0x80000100, 8, PS, &lo, &hi);
    assert_int_equal(lo, 0x80000000);
    assert_int_equal(hi, 0x80001000);
    mask = pmp_lookup(&p, 0x90000000, 8, PS, &lo, &hi); /* no match: the gap */
    assert_int_equal(mask, 0);
    assert_int_equal(lo, 0x80100000);
    assert_int_equal(hi, UINT64_MAX);
    mask = pmp_lookup(&p, 0x80000ffc, 8, PS, &lo, &hi);
    assert_int_equal(mask, 0);
    assert_true(lo >= hi);
}

static void test_lock(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    pmp_write_addr(&p, 0, 0x80000000 >> 2);
    pmp_write_addr(&p, 1, 0x80100000 >> 2);
    set_cfg(&p, 1, PMP_A_TOR | PMP_R | PMP_L);
    assert_false(p.m_all_allowed);
    /* locked entries apply to M-mode */
    assert_true(pmp_check(&p, 0x80000000, 8, L, PM));
    assert_false(pmp_check(&p, 0x80000000, 8, S, PM));
    assert_false(pmp_check(&p, 0x80000000, 4, F, PM));
    /* writes to the locked entry's cfg and addr are ignored ... */
    set_cfg(&p, 1, PMP_A_NAPOT | PMP_R | PMP_W | PMP_X);
    assert_int_equal(pmp_read_cfg(&p, 0) >> 8 & 0xff, PMP_A_TOR | PMP_R | PMP_L);
    pmp_write_addr(&p, 1, 0x1234);
    assert_int_equal(pmp_read_addr(&p, 1), 0x80100000 >> 2);
    /* ... and, the entry being TOR, so are writes to pmpaddr0 */
    pmp_write_addr(&p, 0, 0x1000);
    assert_int_equal(pmp_read_addr(&p, 0), 0x80000000 >> 2);
    /* entry 0 itself is still writable (cfg) */
    set_cfg(&p, 0, PMP_A_NA4 | PMP_R);
    assert_int_equal(pmp_read_cfg(&p, 0) & 0xff, PMP_A_NA4 | PMP_R);
    /* a locked NAPOT entry does not protect its neighbour's address */
    pmp_init(&p, 16);
    pmp_write_addr(&p, 1, napot(0x80000000, 0x1000));
    set_cfg(&p, 1, PMP_A_NAPOT | PMP_L);
    pmp_write_addr(&p, 0, 0x42);
    assert_int_equal(pmp_read_addr(&p, 0), 0x42);
    assert_false(pmp_check(&p, 0x80000000, 4, L, PM));
    assert_true(pmp_check(&p, 0x90000000, 4, L, PM)); /* no match: M succeeds */
}

static void test_warl(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    /* reserved R=0 W=1: the write is ignored, the old value stays */
    set_cfg(&p, 2, PMP_A_NA4 | PMP_R);
    set_cfg(&p, 2, PMP_A_NA4 | PMP_W);
    assert_int_equal(pmp_read_cfg(&p, 0) >> 16 & 0xff, PMP_A_NA4 | PMP_R);
    set_cfg(&p, 2, PMP_A_NA4 | PMP_W | PMP_X);
    assert_int_equal(pmp_read_cfg(&p, 0) >> 16 & 0xff, PMP_A_NA4 | PMP_R);
    /* bits 6:5 read as zero */
    set_cfg(&p, 2, 0x60 | PMP_A_NAPOT | PMP_R);
    assert_int_equal(pmp_read_cfg(&p, 0) >> 16 & 0xff, PMP_A_NAPOT | PMP_R);
    /* RV64: odd pmpcfg registers do not exist */
    pmp_write_cfg(&p, 1, ~0ULL);
    assert_int_equal(pmp_read_cfg(&p, 1), 0);
    /* entries beyond n are not implemented */
    pmp_init(&p, 4);
    pmp_write_cfg(&p, 0, 0x0f0f0f0f0f0f0f0fULL & 0x9f9f9f9f9f9f9f9fULL);
    assert_int_equal(pmp_read_cfg(&p, 0), 0x0f0f0f0fULL);
    pmp_write_addr(&p, 5, 0x1234);
    assert_int_equal(pmp_read_addr(&p, 5), 0);
    /* 64 entries: pmpcfg14 holds entries 56..63 */
    pmp_init(&p, 64);
    pmp_write_cfg(&p, 14, (uint64_t)(PMP_A_NA4 | PMP_R) << 56);
    assert_int_equal(p.cfg[63], PMP_A_NA4 | PMP_R);
    /* generation advances on every write */
    uint64_t g = p.gen;
    pmp_write_addr(&p, 63, 0x20000000);
    assert_true(p.gen > g);
    assert_true(pmp_check(&p, 0x80000000, 4, L, PS));
}

static void test_off_entry_and_m_fast_path(void **state)
{
    (void)state;
    struct pmp p;
    pmp_init(&p, 16);
    pmp_write_addr(&p, 0, napot(0x80000000, 0x1000));
    set_cfg(&p, 0, PMP_R); /* A = OFF: matches nothing */
    assert_false(pmp_check(&p, 0x80000000, 4, L, PS));
    /* NA4 entry at a 4-byte boundary: an M-mode 8-byte access over it
     * partially matches and fails although nothing is locked */
    pmp_write_addr(&p, 1, 0x80000004 >> 2);
    set_cfg(&p, 1, PMP_A_NA4 | PMP_R);
    assert_false(p.m_all_allowed);
    assert_false(pmp_check(&p, 0x80000000, 8, L, PM));
    assert_true(pmp_check(&p, 0x80000004, 4, S, PM));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_entries),
        cmocka_unit_test(test_na4),
        cmocka_unit_test(test_napot_sizes),
        cmocka_unit_test(test_tor),
        cmocka_unit_test(test_priority),
        cmocka_unit_test(test_su_all_allowed),
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_warl),
        cmocka_unit_test(test_off_entry_and_m_fast_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
