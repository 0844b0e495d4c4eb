/* Unit tests of the TLB model: --tlb parsing, geometry and replacement,
 * L1/L2 refill, the four sfence.vma forms with ASIDs and global entries,
 * stale translations (used until a fence), exact D, statistics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mmu.h"
#include "mmu_fast.h"

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE (16ULL << 20)
#define V (1ULL << 0)
#define R (1ULL << 1)
#define W (1ULL << 2)
#define X (1ULL << 3)
#define U (1ULL << 4)
#define G (1ULL << 5)
#define A (1ULL << 6)
#define D (1ULL << 7)
#define RWXAD (R | W | X | A | D | V)

/* Sv39, two address spaces: root1 (ASID 1) and root2 (ASID 2). */
struct env {
    struct phys_mem pm;
    struct pmp pmp;
    struct mmu *m;
    uint64_t next_page;
    uint64_t root[3];
};

static struct env *env_new(const char *tlb)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = aligned_alloc(4096, RAM_SIZE);
    memset(e->pm.ram, 0, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    pmp_init(&e->pmp, 0);
    struct mmu_config c;
    mmu_config_default(&c);
    char err[200];
    if (tlb)
        assert_int_equal(mmu_config_parse_tlb(&c, tlb, err, sizeof err), 0);
    e->m = mmu_create(&c, &e->pm, &e->pmp);
    assert_non_null(e->m);
    e->next_page = RAM_BASE + 0x100000;
    for (int k = 1; k <= 2; k++) {
        e->root[k] = e->next_page;
        e->next_page += 4096;
    }
    return e;
}

static void env_free(struct env *e)
{
    mmu_destroy(e->m);
    free(e->pm.ram);
    free(e);
}

static uint64_t *pte_ptr(struct env *e, uint64_t pa) { return (uint64_t *)(void *)(e->pm.ram + (pa - RAM_BASE)); }

static uint64_t *leaf(struct env *e, int as, uint64_t va, int level)
{
    uint64_t table = e->root[as];
    for (int i = 2; i > level; i--) {
        uint64_t *p = pte_ptr(e, table + ((va >> (12 + 9 * i)) & 0x1ff) * 8);
        if (!(*p & V)) {
            *p = ((e->next_page >> 12) << 10) | V;
            e->next_page += 4096;
        }
        table = (*p >> 10) << 12;
    }
    return pte_ptr(e, table + ((va >> (12 + 9 * level)) & 0x1ff) * 8);
}

static void map(struct env *e, int as, uint64_t va, uint64_t pa, int level, uint64_t flags)
{
    *leaf(e, as, va, level) = ((pa >> 12) << 10) | flags;
}

static struct mmu_req req(struct env *e, int as)
{
    return (struct mmu_req){ .satp = (8ULL << 60) | ((uint64_t)as << 44) | (e->root[as] >> 12),
                             .priv = PRIV_S, .hw_ad = true };
}

/* A load in address space as, through the general path (mmu_translate);
 * with the fast path's key it still fills the fast slot on an L1D hit.
 * (Static storage: a request that is the fast path's context by chance of
 * a shared stack address would make no difference now, but is not what
 * the tests mean.) */
static uint64_t ld(struct env *e, int as, uint64_t va)
{
    static struct mmu_req r;
    r = req(e, as);
    struct mmu_xlate x;
    if (mmu_translate(e->m, va, MMU_LOAD, &r, &x) != MMU_OK)
        return ~0ULL;
    return x.pa;
}

static int count(struct env *e, int which)
{
    struct tlb_entry_view v[4096];
    return mmu_tlb_dump(e->m, which, v, 4096);
}

static bool holds(struct env *e, int which, uint64_t va, int asid)
{
    struct tlb_entry_view v[4096];
    int n = mmu_tlb_dump(e->m, which, v, 4096);
    for (int k = 0; k < n; k++)
        if (va >= v[k].va && va - v[k].va < v[k].bytes && (asid < 0 || v[k].asid == asid))
            return true;
    return false;
}

/* ---- configuration ------------------------------------------------------ */

static void test_config(void **state)
{
    (void)state;
    struct mmu_config c;
    char err[200];
    mmu_config_default(&c);
    assert_int_equal(c.l1i_sets * c.l1i_ways, 64);
    assert_int_equal(c.l1d_sets * c.l1d_ways, 64);
    assert_int_equal(c.l2_sets * c.l2_ways, 2048);
    assert_int_equal(c.pwc_entries, 32);
    assert_int_equal(c.repl, MMU_REPL_LRU);
    assert_int_equal(mmu_config_parse_tlb(&c, "l1i=8x2,l1d=1x32,l2=0,pwc=0,repl=fifo", err, sizeof err), 0);
    assert_int_equal(c.l1i_sets, 8);
    assert_int_equal(c.l1i_ways, 2);
    assert_int_equal(c.l1d_sets, 1);
    assert_int_equal(c.l1d_ways, 32);
    assert_int_equal(c.l2_sets, 0);
    assert_int_equal(c.pwc_entries, 0);
    assert_int_equal(c.repl, MMU_REPL_FIFO);
    struct mmu_config before = c;
    const char *bad[] = { "l1i=12x4", "l2=256", "l1d=16x0", "foo=1", "repl=plru", "pwc=x",
                          "l1i", "", "l2=256x8,l1i=3x1" };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        err[0] = 0;
        assert_int_equal(mmu_config_parse_tlb(&c, bad[k], err, sizeof err), -1);
        assert_true(strlen(err) > 0);
        assert_null(strchr(err, '\n'));
        assert_memory_equal(&c, &before, sizeof c); /* unchanged on error */
    }
    mmu_config_parse_tlb(&c, "l1i=12x4", err, sizeof err);
    assert_non_null(strstr(err, "power of two"));
    assert_int_equal(mmu_config_set_flush_mode(&c, "peer"), 0);
    assert_true(c.flush_on_satp_write);
    assert_int_equal(mmu_config_set_flush_mode(&c, "exact"), 0);
    assert_false(c.flush_on_satp_write);
    assert_int_equal(mmu_config_set_flush_mode(&c, "lazy"), -1);
    assert_int_equal(mmu_config_set_ad(&c, "fault"), 0);
    assert_int_equal(c.ad, MMU_AD_FAULT);
    assert_int_equal(mmu_config_set_ad(&c, "hw"), 0);
    assert_int_equal(c.ad, MMU_AD_HARDWARE);
    assert_int_equal(mmu_config_set_ad(&c, "x"), -1);
}

/* phys_ram_ptr: a host pointer exactly when [pa, pa+len) lies wholly in
 * RAM, at both edges, for a pa below RAM (its offset wraps) and for a
 * length larger than RAM (a 512 GiB page's, say). */
static void test_phys_ram_ptr(void **state)
{
    (void)state;
    static uint8_t ram[1 << 20];
    const struct phys_mem pm = { .ram = ram, .ram_base = RAM_BASE, .ram_size = sizeof ram };
    const uint64_t end = RAM_BASE + sizeof ram;
    assert_ptr_equal(phys_ram_ptr(&pm, RAM_BASE, 8), ram);
    assert_ptr_equal(phys_ram_ptr(&pm, end - 8, 8), ram + sizeof ram - 8);
    assert_ptr_equal(phys_ram_ptr(&pm, end - 4096, 4096), ram + sizeof ram - 4096);
    assert_ptr_equal(phys_ram_ptr(&pm, RAM_BASE, sizeof ram), ram);
    assert_null(phys_ram_ptr(&pm, end - 4, 8));          /* crosses the end */
    assert_null(phys_ram_ptr(&pm, end, 1));
    assert_null(phys_ram_ptr(&pm, end - 4096 + 8, 4096));
    assert_null(phys_ram_ptr(&pm, RAM_BASE - 8, 8));     /* below RAM */
    assert_null(phys_ram_ptr(&pm, RAM_BASE - 4, 8));     /* crosses the start */
    assert_null(phys_ram_ptr(&pm, 0, 8));
    assert_null(phys_ram_ptr(&pm, ~0ULL - 7, 8));
    assert_null(phys_ram_ptr(&pm, RAM_BASE, sizeof ram + 1)); /* longer than RAM */
    assert_null(phys_ram_ptr(&pm, RAM_BASE, 1ULL << 39));
    assert_null(phys_ram_ptr(&pm, RAM_BASE - (1ULL << 39), 1ULL << 39));
}

/* struct mmu is declared 64-byte aligned (its fast slots) and each TLB's
 * arrays are laid out by cache line (a set's match words, its stamps, two
 * entries a line): calloc's 16-byte alignment honoured neither, which a
 * build with AVX stores turned into a crash.  Several geometries, so that
 * an allocation that is aligned by chance cannot hide it. */
static void test_arrays_line_aligned(void **state)
{
    (void)state;
    const char *geometry[] = { NULL, "l1d=1x32,l2=64x4,pwc=8", "l1i=2x1,l1d=4x2,l2=1024x16,pwc=64",
                               "l2=8x2,pwc=1", "l1i=32x8" };
    for (size_t g = 0; g < sizeof geometry / sizeof geometry[0]; g++) {
        struct env *e = env_new(geometry[g]);
        assert_int_equal((uintptr_t)e->m % 64, 0);
        const struct tlb *t[4] = { &e->m->tlb[0], &e->m->tlb[1], &e->m->tlb[2], &e->m->pwc.t };
        for (int k = 0; k < 4; k++) {
            assert_non_null(t[k]->e);
            assert_int_equal((uintptr_t)t[k]->e % 64, 0);
            assert_int_equal((uintptr_t)t[k]->stamp % 64, 0);
            assert_int_equal((uintptr_t)t[k]->match % 64, 0);
        }
        env_free(e);
    }
}

static void test_capacity(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=8x2,l1d=4x4,l2=0,pwc=5");
    assert_int_equal(mmu_tlb_capacity(e->m, MMU_TLB_L1I), 16);
    assert_int_equal(mmu_tlb_capacity(e->m, MMU_TLB_L1D), 16);
    assert_int_equal(mmu_tlb_capacity(e->m, MMU_TLB_L2), 0);
    assert_int_equal(mmu_tlb_capacity(e->m, MMU_TLB_PWC), 5);
    /* fill far more pages than fit: never more than 16 entries, 4 per set */
    for (uint64_t p = 0; p < 64; p++) {
        map(e, 1, p << 12, RAM_BASE + (p << 12), 0, RWXAD);
        assert_int_equal(ld(e, 1, p << 12), RAM_BASE + (p << 12));
    }
    struct tlb_entry_view v[64];
    int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
    assert_int_equal(n, 16);
    for (int k = 0; k < n; k++)
        assert_int_equal(v[k].set, (v[k].va >> 12) & 3); /* 4K pages index by vpn */
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].evictions, 64 - 16);
    env_free(e);
}

/* ---- replacement ---------------------------------------------------------- */

static void run_sequence(struct env *e)
{
    for (uint64_t p = 0; p < 5; p++)
        map(e, 1, p << 12, RAM_BASE + (p << 12), 0, RWXAD);
    for (uint64_t p = 0; p < 4; p++)
        ld(e, 1, p << 12);
    ld(e, 1, 0);        /* touch page 0 again */
    ld(e, 1, 4 << 12);  /* a fifth page evicts one */
}

static void test_lru(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=1x4,l1d=1x4,l2=0,pwc=0,repl=lru");
    run_sequence(e);
    assert_true(holds(e, MMU_TLB_L1D, 0, 1));         /* recently used */
    assert_false(holds(e, MMU_TLB_L1D, 1 << 12, 1));  /* least recently used */
    assert_int_equal(count(e, MMU_TLB_L1D), 4);
    env_free(e);
}

/* pwc_insert overwrites the entry that the same address space would hit
 * (same level and tag: a re-walk, or a global entry over another ASID's)
 * instead of keeping two, whether or not the index's bucket is shared. */
static unsigned pwc_valid(const struct pwc *p)
{
    unsigned k = 0;
    for (unsigned w = 0; w < p->t.ways; w++)
        k += p->t.e[w].valid;
    return k;
}

static void test_pwc_insert_overwrites(void **state)
{
    (void)state;
    struct pwc p;
    assert_int_equal(pwc_init(&p, 8, MMU_REPL_LRU, 7), 0);
    const uint64_t va = 0x40201000;
    struct tlb_entry n = { .tag = va >> 21, .ppn = 0x100, .asid = 1, .size = 1, .valid = 1, .levels = 3 };
    pwc_insert(&p, &n);
    n.ppn = 0x200; /* the same PTE walked again */
    pwc_insert(&p, &n);
    assert_int_equal(pwc_valid(&p), 1);
    assert_int_equal(pwc_lookup(&p, va, 1, 3)->ppn, 0x200);
    struct tlb_entry g = n; /* global, from another ASID: replaces ASID 1's */
    g.asid = 2;
    g.global = 1;
    g.ppn = 0x300;
    pwc_insert(&p, &g);
    assert_int_equal(pwc_valid(&p), 1);
    assert_int_equal(pwc_lookup(&p, va, 1, 3)->ppn, 0x300);
    struct tlb_entry o = n; /* another tag, and a level-2 entry: both kept */
    o.tag = (va >> 21) + 1;
    pwc_insert(&p, &o);
    struct tlb_entry up = { .tag = va >> 30, .ppn = 0x400, .asid = 1, .size = 2, .valid = 1, .levels = 3 };
    pwc_insert(&p, &up);
    assert_int_equal(pwc_valid(&p), 3);
    n.ppn = 0x500; /* ASID 1's own entry again: overwrites the global one */
    pwc_insert(&p, &n);
    assert_int_equal(pwc_valid(&p), 3);
    assert_int_equal(pwc_lookup(&p, va, 1, 3)->ppn, 0x500);
    pwc_free(&p);
}

/* The way of L1D entry va (or -1). */
static int way_of(struct env *e, uint64_t va)
{
    struct tlb_entry_view v[64];
    int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
    for (int k = 0; k < n; k++)
        if (v[k].va == va)
            return (int)v[k].way;
    return -1;
}

/* Four ways (the default L1s' geometry) choose the victim with a tree of
 * selects (tlb_victim_n): an empty set fills ways 0, 1, 2, 3 in order (the
 * first invalid way), and a full set evicts its least recently used way,
 * wherever that is. */
static void test_lru_4_ways(void **state)
{
    (void)state;
    for (int lru = 0; lru < 4; lru++) {
        struct env *e = env_new("l1d=1x4,l2=0,pwc=0,repl=lru");
        for (uint64_t p = 0; p < 5; p++)
            map(e, 1, p << 12, RAM_BASE + (p << 12), 0, RWXAD);
        for (int p = 0; p < 4; p++) {
            ld(e, 1, (uint64_t)p << 12);
            assert_int_equal(way_of(e, (uint64_t)p << 12), p);
        }
        for (int p = 0; p < 4; p++) /* every page but lru used again */
            if (p != lru)
                ld(e, 1, (uint64_t)p << 12);
        ld(e, 1, 4 << 12);
        assert_int_equal(way_of(e, (uint64_t)lru << 12), -1);
        assert_int_equal(way_of(e, 4 << 12), lru);
        env_free(e);
    }
}

/* With any number of ways but 4 the victim is chosen from keyed stamps (tlb_victim_n):
 * the least recently used way, and an invalid way before any valid one. */
static void test_lru_8_ways(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=1x4,l1d=1x8,l2=0,pwc=0,repl=lru");
    for (uint64_t p = 0; p < 12; p++)
        map(e, 1, p << 12, RAM_BASE + (p << 12), 0, RWXAD);
    for (uint64_t p = 0; p < 8; p++)
        ld(e, 1, p << 12);
    const uint64_t order[] = { 3, 1, 0, 2, 7, 4, 6 }; /* page 5 is now the least recently used */
    for (unsigned k = 0; k < 7; k++)
        ld(e, 1, order[k] << 12);
    ld(e, 1, 8 << 12);
    assert_false(holds(e, MMU_TLB_L1D, 5 << 12, 1));
    for (uint64_t p = 0; p < 9; p++)
        if (p != 5)
            assert_true(holds(e, MMU_TLB_L1D, p << 12, 1));
    /* then page 3 (used first above); but a fenced way is filled before it */
    mmu_sfence_vma(e->m, true, 6 << 12, false, 0);
    ld(e, 1, 9 << 12);
    assert_false(holds(e, MMU_TLB_L1D, 6 << 12, 1));
    assert_true(holds(e, MMU_TLB_L1D, 3 << 12, 1));
    ld(e, 1, 10 << 12);
    assert_false(holds(e, MMU_TLB_L1D, 3 << 12, 1));
    assert_true(holds(e, MMU_TLB_L1D, 1 << 12, 1));
    assert_int_equal(count(e, MMU_TLB_L1D), 8);
    env_free(e);
}

static void test_fifo(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=1x4,l1d=1x4,l2=0,pwc=0,repl=fifo");
    run_sequence(e);
    assert_false(holds(e, MMU_TLB_L1D, 0, 1));        /* first in, first out */
    assert_true(holds(e, MMU_TLB_L1D, 1 << 12, 1));
    env_free(e);
}

static void test_random_deterministic(void **state)
{
    (void)state;
    struct env *a = env_new("l1d=1x4,l2=0,pwc=0,repl=random");
    struct env *b = env_new("l1d=1x4,l2=0,pwc=0,repl=random");
    struct tlb_entry_view va[4], vb[4];
    for (int k = 0; k < 2; k++) {
        struct env *e = k ? b : a;
        for (uint64_t p = 0; p < 40; p++) {
            map(e, 1, p << 12, RAM_BASE + (p << 12), 0, RWXAD);
            ld(e, 1, p << 12);
        }
    }
    assert_int_equal(mmu_tlb_dump(a->m, MMU_TLB_L1D, va, 4), 4);
    assert_int_equal(mmu_tlb_dump(b->m, MMU_TLB_L1D, vb, 4), 4);
    for (int k = 0; k < 4; k++)
        assert_int_equal(va[k].va, vb[k].va);
    env_free(a);
    env_free(b);
}

/* ---- L1 / L2 ------------------------------------------------------------ */

static void test_l2_refill(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=1x1,l1d=1x1,l2=16x4,pwc=0");
    map(e, 1, 0x1000, RAM_BASE + 0x1000, 0, RWXAD);
    map(e, 1, 0x2000, RAM_BASE + 0x2000, 0, RWXAD);
    ld(e, 1, 0x1000);
    ld(e, 1, 0x2000); /* evicts 0x1000 from the L1D */
    assert_int_equal(mmu_get_stats(e->m)->walks, 2);
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x1000);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2); /* from the L2 */
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L2].hits, 1);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].misses, 3);
    assert_true(holds(e, MMU_TLB_L1D, 0x1000, 1));
    /* fetches use the L1I and share the L2 */
    struct mmu_req r = req(e, 1);
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, 0x2000, MMU_FETCH, &r, &x), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2);
    assert_true(holds(e, MMU_TLB_L1I, 0x2000, 1));
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1I].lookups, 1);
    env_free(e);
}

/* ---- superpages: one entry --------------------------------------------- */

static void test_superpage_one_entry(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x40000000, RAM_BASE, 1, RWXAD);             /* 2 MiB */
    map(e, 1, 0xc0000000, 0x80000000, 2, RWXAD);           /* 1 GiB */
    map(e, 1, 0x5000, RAM_BASE + 0x5000, 0, RWXAD);        /* 4 KiB */
    for (uint64_t off = 0; off < (2 << 20); off += 0x10000)
        assert_int_equal(ld(e, 1, 0x40000000 + off), RAM_BASE + off);
    assert_int_equal(ld(e, 1, 0xc0000000 + 0x123456), 0x80123456);
    assert_int_equal(ld(e, 1, 0xc0000000 + 0x3fffff00), 0xbfffff00);
    assert_int_equal(ld(e, 1, 0x5008), RAM_BASE + 0x5008);
    assert_int_equal(mmu_get_stats(e->m)->walks, 3);
    assert_int_equal(count(e, MMU_TLB_L1D), 3);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits_by_size[MMU_PAGE_2M], 31);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits_by_size[MMU_PAGE_1G], 1);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].misses_by_size[MMU_PAGE_2M], 1);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].misses_by_size[MMU_PAGE_4K], 1);
    /* a fence naming any address inside the megapage removes it */
    mmu_sfence_vma(e->m, true, 0x40000000 + 0x1ff000, false, 0);
    assert_false(holds(e, MMU_TLB_L1D, 0x40000000, -1));
    assert_false(holds(e, MMU_TLB_L2, 0x40000000, -1));
    assert_true(holds(e, MMU_TLB_L1D, 0xc0000000, -1));
    assert_true(holds(e, MMU_TLB_L1D, 0x5000, -1));
    env_free(e);
}

/* ---- stale entries, satp switches --------------------------------------- */

static void test_stale_until_fence(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x10000, 0, RWXAD);
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x10000);
    map(e, 1, 0x1000, RAM_BASE + 0x20000, 0, RWXAD); /* remap, no fence */
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x10000); /* stale, as hardware */
    *leaf(e, 1, 0x1000, 0) = 0;                           /* unmap, no fence */
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x10000);
    map(e, 1, 0x1000, RAM_BASE + 0x20000, 0, RWXAD);
    mmu_sfence_vma(e->m, true, 0x1000, true, 1);
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x20000);
    env_free(e);
}

static void test_survives_satp_switch(void **state)
{
    (void)state;
    struct env *e = env_new("l1d=16x4,pwc=0");
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 2, 0x1000, RAM_BASE + 0x21000, 0, RWXAD);
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x11000);
    assert_int_equal(ld(e, 2, 0x1000), RAM_BASE + 0x21000); /* other ASID: misses, walks */
    map(e, 1, 0x1000, RAM_BASE + 0x31000, 0, RWXAD);        /* change without fence */
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x11000); /* back to ASID 1: still cached */
    assert_int_equal(mmu_get_stats(e->m)->walks, 2);
    assert_int_equal(count(e, MMU_TLB_L1D), 2);
    /* --tlb-flush=peer: the caller flushes on satp writes */
    assert_false(mmu_flush_on_satp_write(e->m));
    uint64_t g = mmu_generation(e->m);
    mmu_flush_all(e->m);
    assert_true(mmu_generation(e->m) != g);
    assert_int_equal(count(e, MMU_TLB_L1D) + count(e, MMU_TLB_L2), 0);
    assert_int_equal(ld(e, 1, 0x1000), RAM_BASE + 0x31000);
    env_free(e);
}

/* ---- the four sfence.vma forms ------------------------------------------ */

/* ASID 1: 0x1000 (private), 0x2000 (global); ASID 2: 0x1000, 0x3000. */
static struct env *fence_env(void)
{
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, RWXAD | G);
    map(e, 2, 0x1000, RAM_BASE + 0x21000, 0, RWXAD);
    map(e, 2, 0x3000, RAM_BASE + 0x23000, 0, RWXAD);
    ld(e, 1, 0x1000);
    ld(e, 1, 0x2000);
    ld(e, 2, 0x1000);
    ld(e, 2, 0x3000);
    assert_int_equal(count(e, MMU_TLB_L1D), 4);
    assert_int_equal(count(e, MMU_TLB_L2), 4);
    return e;
}

static void test_fence_all(void **state)
{
    (void)state;
    struct env *e = fence_env();
    uint64_t g = mmu_generation(e->m);
    mmu_sfence_vma(e->m, false, 0, false, 0);
    assert_int_equal(count(e, MMU_TLB_L1D) + count(e, MMU_TLB_L2) + count(e, MMU_TLB_PWC), 0);
    assert_int_equal(mmu_get_stats(e->m)->fences[MMU_FENCE_ALL], 1);
    /* 4 L1D + 4 L2 + PWC: the level-2 and level-1 pointers of each space */
    assert_int_equal(mmu_get_stats(e->m)->fence_removed[MMU_FENCE_ALL], 8 + 4);
    assert_true(mmu_generation(e->m) > g);
    env_free(e);
}

static void test_fence_asid(void **state)
{
    (void)state;
    struct env *e = fence_env();
    mmu_sfence_vma(e->m, false, 0, true, 1);
    /* ASID 1's private entry gone, its global entry kept, ASID 2 untouched */
    assert_false(holds(e, MMU_TLB_L1D, 0x1000, 1));
    assert_true(holds(e, MMU_TLB_L1D, 0x2000, 1));
    assert_true(holds(e, MMU_TLB_L1D, 0x1000, 2));
    assert_true(holds(e, MMU_TLB_L1D, 0x3000, 2));
    assert_int_equal(count(e, MMU_TLB_L1D), 3);
    assert_int_equal(count(e, MMU_TLB_L2), 3);
    /* the global entry serves ASID 2 too: no walk */
    uint64_t walks = mmu_get_stats(e->m)->walks;
    assert_int_equal(ld(e, 2, 0x2000), RAM_BASE + 0x12000);
    assert_int_equal(mmu_get_stats(e->m)->walks, walks);
    assert_int_equal(mmu_get_stats(e->m)->fences[MMU_FENCE_ASID], 1);
    assert_int_equal(mmu_get_stats(e->m)->fence_removed[MMU_FENCE_ASID], 2 + 2 /* PWC of ASID 1 */);
    env_free(e);
}

static void test_fence_va(void **state)
{
    (void)state;
    struct env *e = fence_env();
    /* every address space's leaf for 0x1000 */
    mmu_sfence_vma(e->m, true, 0x1000, false, 0);
    assert_false(holds(e, MMU_TLB_L1D, 0x1000, 1));
    assert_false(holds(e, MMU_TLB_L1D, 0x1000, 2));
    assert_int_equal(count(e, MMU_TLB_L1D), 2);
    /* including global entries */
    mmu_sfence_vma(e->m, true, 0x2000, false, 0);
    assert_false(holds(e, MMU_TLB_L1D, 0x2000, -1));
    assert_true(holds(e, MMU_TLB_L1D, 0x3000, 2));
    assert_int_equal(mmu_get_stats(e->m)->fences[MMU_FENCE_VA], 2);
    env_free(e);
}

static void test_fence_va_asid(void **state)
{
    (void)state;
    struct env *e = fence_env();
    mmu_sfence_vma(e->m, true, 0x1000, true, 2);
    assert_true(holds(e, MMU_TLB_L1D, 0x1000, 1));
    assert_false(holds(e, MMU_TLB_L1D, 0x1000, 2));
    /* a global entry survives a fence naming an ASID */
    mmu_sfence_vma(e->m, true, 0x2000, true, 1);
    assert_true(holds(e, MMU_TLB_L1D, 0x2000, 1));
    /* an address not cached removes nothing */
    mmu_sfence_vma(e->m, true, 0x7000, true, 1);
    assert_int_equal(mmu_get_stats(e->m)->fences[MMU_FENCE_VA_ASID], 3);
    /* L1D + L2 leaf of ASID 2, plus the PWC pointers on the path of each
     * named va in the named ASID (flushed conservatively) */
    assert_int_equal(mmu_get_stats(e->m)->fence_removed[MMU_FENCE_VA_ASID], 2 + 2 + 2);
    assert_int_equal(count(e, MMU_TLB_PWC), 0);
    env_free(e);
}

/* ---- the page-walk cache ------------------------------------------------
 * The PWC is one fully associative set with an index (mmu_internal.h); the
 * index must never change what a walk uses or what is evicted.  These pin
 * the cases an index gets wrong: entries of two address spaces for the same
 * (level, tag), an indexed entry removed while another stays, the deepest
 * entry on a path, global entries, and the replacement order. */

/* PTE reads of one load of va in address space as */
static uint64_t walk_reads(struct env *e, int as, uint64_t va, uint64_t want_pa)
{
    uint64_t before = mmu_get_stats(e->m)->pte_reads;
    assert_int_equal(ld(e, as, va), want_pa);
    return mmu_get_stats(e->m)->pte_reads - before;
}

static void test_pwc_shared_tag(void **state)
{
    (void)state;
    /* no TLBs: every load walks and looks in the PWC */
    struct env *e = env_new("l1i=0,l1d=0,l2=0,pwc=8");
    const uint64_t va = 0x40201000;
    map(e, 1, va, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 2, va, RAM_BASE + 0x21000, 0, RWXAD);
    assert_int_equal(walk_reads(e, 1, va, RAM_BASE + 0x11000), 3);
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x21000), 3); /* ASID 1's entries are not ASID 2's */
    /* each space's level-1 pointer for the same va: the deepest one of its own ASID */
    assert_int_equal(walk_reads(e, 1, va, RAM_BASE + 0x11000), 1);
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x21000), 1);
    assert_int_equal(count(e, MMU_TLB_PWC), 4);
    /* remove ASID 2's (the last added for that tag): ASID 1's still serve */
    mmu_sfence_vma(e->m, true, va, true, 2);
    assert_int_equal(count(e, MMU_TLB_PWC), 2);
    assert_int_equal(walk_reads(e, 1, va, RAM_BASE + 0x11000), 1);
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x21000), 3);
    /* and the other way round */
    mmu_sfence_vma(e->m, true, va, true, 1);
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x21000), 1);
    assert_int_equal(walk_reads(e, 1, va, RAM_BASE + 0x11000), 3);
    assert_int_equal(mmu_get_stats(e->m)->pwc_lookups, 8);
    assert_int_equal(mmu_get_stats(e->m)->pwc_hits, 4); /* the walks of one PTE read */
    env_free(e);
}

static void test_pwc_global_pointer(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=0,l1d=0,l2=0,pwc=8");
    const uint64_t va = 0x80403000;
    map(e, 1, va, RAM_BASE + 0x13000, 0, RWXAD);
    *pte_ptr(e, e->root[1] + ((va >> 30) & 0x1ff) * 8) |= G; /* a global level-2 pointer */
    assert_int_equal(walk_reads(e, 1, va, RAM_BASE + 0x13000), 3);
    /* ASID 2 (its own root maps nothing there) uses the global entries: the
     * spec's global mappings are the same in every address space */
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x13000), 1);
    /* a fence naming ASID 2 keeps global entries */
    mmu_sfence_vma(e->m, false, 0, true, 2);
    assert_int_equal(walk_reads(e, 2, va, RAM_BASE + 0x13000), 1);
    env_free(e);
}

/* Three 2 MiB regions of one 1 GiB region in a 3-entry PWC: the level-2
 * pointer and three level-1 pointers compete; returns the PTE reads of a
 * walk of the first region after the third was walked. */
static uint64_t pwc_replacement(const char *tlb)
{
    struct env *e = env_new(tlb);
    const uint64_t a = 0x40000000, b = 0x40200000, c = 0x40400000;
    map(e, 1, a, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, b, RAM_BASE + 0x12000, 0, RWXAD);
    map(e, 1, c, RAM_BASE + 0x13000, 0, RWXAD);
    assert_int_equal(walk_reads(e, 1, a, RAM_BASE + 0x11000), 3); /* fills L2ptr, L1ptr(a) */
    assert_int_equal(walk_reads(e, 1, b, RAM_BASE + 0x12000), 2); /* uses L2ptr; fills L1ptr(b) */
    assert_int_equal(walk_reads(e, 1, c, RAM_BASE + 0x13000), 2); /* uses L2ptr; fills L1ptr(c): evicts one */
    assert_int_equal(count(e, MMU_TLB_PWC), 3);
    uint64_t reads = walk_reads(e, 1, a, RAM_BASE + 0x11000);
    env_free(e);
    return reads;
}

static void test_pwc_replacement(void **state)
{
    (void)state;
    /* LRU: the level-2 pointer was just used, L1ptr(a) is the oldest use */
    assert_int_equal(pwc_replacement("l1i=0,l1d=0,l2=0,pwc=3,repl=lru"), 2);
    /* FIFO: the level-2 pointer was filled first; L1ptr(a) survives */
    assert_int_equal(pwc_replacement("l1i=0,l1d=0,l2=0,pwc=3,repl=fifo"), 1);
}

/* A PWC as large as allowed, many regions and address spaces, churned by
 * fences: every walk takes exactly the PTE reads the PWC contents imply. */
static void test_pwc_large(void **state)
{
    (void)state;
    struct env *e = env_new("l1i=0,l1d=0,l2=0,pwc=4096");
    for (uint64_t r = 0; r < 64; r++)
        for (int as = 1; as <= 2; as++)
            map(e, as, r << 21, RAM_BASE + (r << 12) + (uint64_t)as * 0x100000, 0, RWXAD);
    for (int round = 0; round < 3; round++) {
        for (uint64_t r = 0; r < 64; r++)
            for (int as = 1; as <= 2; as++) {
                uint64_t want = round == 0 && r == 0 ? 3 : round == 0 ? 2 : 1;
                assert_int_equal(walk_reads(e, as, r << 21, RAM_BASE + (r << 12) + (uint64_t)as * 0x100000), want);
            }
        if (round == 0) {
            /* drop ASID 1's level-1 pointers of the odd regions: one
             * space's entry goes, the other's for the same tag stays */
            for (uint64_t r = 1; r < 64; r += 2)
                mmu_sfence_vma(e->m, true, r << 21, true, 1);
            for (uint64_t r = 1; r < 64; r += 2) {
                /* ASID 1's level-2 pointer went with the first fence */
                assert_int_equal(walk_reads(e, 1, r << 21, RAM_BASE + (r << 12) + 0x100000), r == 1 ? 3 : 2);
                assert_int_equal(walk_reads(e, 2, r << 21, RAM_BASE + (r << 12) + 0x200000), 1);
            }
        }
    }
    env_free(e);
}

/* ---- exact D, permissions on hits, generation ------------------------ */

static void test_exact_dirty(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, R | W | V);
    struct mmu_req r = req(e, 1);
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_LOAD, &r, &x), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->walks, 1);
    assert_int_equal(*leaf(e, 1, 0x1000, 0) & (A | D), A);
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_STORE, &r, &x), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2); /* store to a clean entry walks */
    assert_int_equal(*leaf(e, 1, 0x1000, 0) & (A | D), A | D);
    assert_int_equal(mmu_translate(e->m, 0x1004, MMU_STORE, &r, &x), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2); /* now dirty in the TLB */
    struct tlb_entry_view v[4];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1); /* updated in place */
    assert_true(v[0].flags & D);
    env_free(e);
}

static void test_permissions_on_hit(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, R | W | U | A | D | V);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, X | A | V);
    struct mmu_req r = req(e, 1);
    struct mmu_xlate x;
    r.sum = true;
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_LOAD, &r, &x), MMU_OK);
    r.sum = false; /* no flush: the cached bits are checked against SUM now */
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    r.priv = PRIV_U;
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_STORE, &r, &x), MMU_OK);
    r.priv = PRIV_S;
    r.mxr = true;
    assert_int_equal(mmu_translate(e->m, 0x2000, MMU_LOAD, &r, &x), MMU_OK);
    r.mxr = false;
    assert_int_equal(mmu_translate(e->m, 0x2000, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], 2);
    env_free(e);
}

static void test_generation(void **state)
{
    (void)state;
    struct env *e = env_new("l1d=1x1,l2=0,pwc=0");
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, RWXAD);
    uint64_t g0 = mmu_generation(e->m);
    ld(e, 1, 0x1000); /* fill into an empty way: no change */
    assert_int_equal(mmu_generation(e->m), g0);
    ld(e, 1, 0x2000); /* replacement */
    uint64_t g1 = mmu_generation(e->m);
    assert_true(g1 > g0);
    mmu_sfence_vma(e->m, true, 0x5000, false, 0); /* removes nothing */
    assert_int_equal(mmu_generation(e->m), g1);
    mmu_sfence_vma(e->m, true, 0x2000, false, 0);
    uint64_t g2 = mmu_generation(e->m);
    assert_true(g2 > g1);
    pmp_init(&e->pmp, 16);
    uint64_t g3 = mmu_generation(e->m);
    pmp_write_addr(&e->pmp, 0, 0x1234); /* a PMP write changes it too */
    assert_true(mmu_generation(e->m) > g3);
    env_free(e);
}

/* ---- the data fast path (mmu_fast.h) -------------------------------------- */

static uint8_t *fast_ld(struct env *e, int as, uint64_t va)
{
    struct mmu_req r = req(e, as);
    mmu_fast_context(e->m, &r);
    return mmu_fast_lookup(e->m, va, MMU_LOAD);
}

/* mmu_pmp_page_mask (the data path's PMP test for a whole page, through the
 * region cache) answers what PMP itself answers for the page, also for
 * pages that straddle a region's edge and after PMP writes, whatever the
 * order of the pages asked about. */
static void test_pmp_page_mask(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    pmp_init(&e->pmp, 16);
    /* entry 0: TOR [0, RAM+0x11800) RW; entry 1: TOR [.., RAM+0x20000) R;
     * entry 2: TOR [.., RAM+0x21004) RWX; the rest: nothing */
    pmp_write_addr(&e->pmp, 0, (RAM_BASE + 0x11800) >> 2);
    pmp_write_addr(&e->pmp, 1, (RAM_BASE + 0x20000) >> 2);
    pmp_write_addr(&e->pmp, 2, (RAM_BASE + 0x21004) >> 2);
    pmp_write_cfg(&e->pmp, 0, 0x0b | 0x09 << 8 | 0x0f << 16);
    mmu_pmp_changed(e->m);
    uint64_t x = 99;
    for (int n = 0; n < 2000; n++) {
        if (n == 1000) { /* entry 1 becomes RW: the cache must not answer the old mask */
            pmp_write_cfg(&e->pmp, 0, 0x0b | 0x0b << 8 | 0x0f << 16);
            mmu_pmp_changed(e->m);
        }
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        uint64_t pa = RAM_BASE + ((x >> 40) % 0x30 << 12);
        unsigned priv = (x >> 20) & 1 ? PRIV_S : PRIV_U;
        uint64_t lo, hi;
        unsigned want = pmp_lookup(&e->pmp, pa, 4096, (int)priv, &lo, &hi);
        assert_int_equal(mmu_pmp_page_mask(e->m, pa, priv), want);
    }
    /* the straddling pages: 0x11000 and 0x21000 allow nothing to S/U */
    assert_int_equal(mmu_pmp_page_mask(e->m, RAM_BASE + 0x11000, PRIV_S), 0);
    assert_int_equal(mmu_pmp_page_mask(e->m, RAM_BASE + 0x21000, PRIV_U), 0);
    assert_int_equal(mmu_pmp_page_mask(e->m, RAM_BASE + 0x10000, PRIV_S), 6); /* load, store */
    assert_int_equal(mmu_pmp_page_mask(e->m, RAM_BASE + 0x1f000, PRIV_S), 6);
    assert_int_equal(mmu_pmp_page_mask(e->m, RAM_BASE + 0x20000, PRIV_S), 7);
    env_free(e);
}

/* A PMP write (mmu_pmp_changed) retires the fast path's entries at once. */
static void test_fast_path_pmp_write(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    pmp_init(&e->pmp, 16);
    pmp_write_addr(&e->pmp, 0, ~0ULL);
    pmp_write_cfg(&e->pmp, 0, 0x1f); /* NAPOT over everything, RWX */
    mmu_pmp_changed(e->m);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    assert_null(fast_ld(e, 1, 0x1008));
    assert_int_equal(ld(e, 1, 0x1008), RAM_BASE + 0x11008); /* walks */
    assert_int_equal(ld(e, 1, 0x1008), RAM_BASE + 0x11008); /* an L1D hit: fills the fast path */
    assert_ptr_equal(fast_ld(e, 1, 0x1010), e->pm.ram + 0x11010);
    pmp_write_cfg(&e->pmp, 0, 0x1c); /* execute only */
    mmu_pmp_changed(e->m);
    assert_null(fast_ld(e, 1, 0x1010));
    struct mmu_req r = req(e, 1);
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, 0x1010, MMU_LOAD, &r, &x), MMU_ACCESS_FAULT);
    env_free(e);
}

/* The fast generation counts modulo 4096 in the tags' top bits: after
 * exactly 4096 changes a slot filled before them must not match again
 * (here its L1D entry was evicted by the first change). */
static void test_fast_path_generation_wrap(void **state)
{
    (void)state;
    struct env *e = env_new("l1d=1x1");
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, RWXAD);
    struct mmu_req r = req(e, 1);
    mmu_fast_context(e->m, &r);
    ld(e, 1, 0x1000);
    ld(e, 1, 0x1000); /* an L1D hit: fills the fast path */
    assert_non_null(mmu_fast_lookup(e->m, 0x1000, MMU_LOAD));
    ld(e, 1, 0x2000); /* evicts 0x1000 from the only L1D way: one change */
    for (int k = 0; k < 4095; k++)
        mmu_pmp_changed(e->m);
    assert_null(mmu_fast_lookup(e->m, 0x1000, MMU_LOAD));
    env_free(e);
}

/* One access as the hart makes it: the fast path, then the data path
 * (mmu_data_ptr; or, every other access, as the hart's slow handlers take
 * it: mmu_data_ptr_first, then mmu_data_ptr when that says
 * MMU_DATA_AGAIN), then the general translation.  Returns the pa, or ~0
 * on a fault. */
static int fetch_path_hits; /* fetches that hart_like's mmu_fetch_page answered */

/* Would the fast path answer this access (without counting it as it would)? */
static bool fast_holds(const struct mmu *m, uint64_t va, enum mmu_access acc)
{
    return m->fast[(va >> 12) & (MMU_FAST_N - 1)].tag[acc - 1] == ((va >> 12) ^ m->fast_gen);
}

static int first_hits, first_again, first_l1_hits; /* what mmu_data_ptr_first answered */
static bool data_l1_hit;   /* what mmu_data_ptr reported */
static int data_l1_hits;   /* how often it reported an L1D hit */
static unsigned data_turn;

static uint64_t hart_like(struct env *e, struct mmu_req *r, uint64_t va, enum mmu_access acc)
{
    uint64_t page;
    if (acc == MMU_FETCH) { /* as the hart's fetch_page */
        uint8_t *host = mmu_fetch_page(e->m, va, r->satp, r->priv, &page);
        if (host) {
            fetch_path_hits++;
            assert_ptr_equal(host, e->pm.ram + (page - RAM_BASE));
            return page | (va & 0xfff);
        }
        struct mmu_xlate x;
        return mmu_translate(e->m, va, acc, r, &x) == MMU_OK ? x.pa : ~0ULL;
    }
    uint8_t *p = mmu_fast_lookup(e->m, va, acc);
    if (!p && data_turn++ % 2) {
        bool l1_hit = false;
        p = mmu_data_ptr_first(e->m, va, acc, &l1_hit);
        assert_true(!l1_hit || (p && p != MMU_DATA_AGAIN && fast_holds(e->m, va, acc)));
        first_l1_hits += l1_hit;
        first_hits += p && p != MMU_DATA_AGAIN;
        if (p == MMU_DATA_AGAIN) {
            first_again++;
            p = mmu_data_ptr(e->m, va, acc, &data_l1_hit);
        }
    } else if (!p) {
        data_l1_hit = false;
        p = mmu_data_ptr(e->m, va, acc, &data_l1_hit);
        /* an L1D hit is reported exactly when the fast path now holds the page */
        assert_true(data_l1_hit == (p && fast_holds(e->m, va, acc)));
        data_l1_hits += data_l1_hit;
    }
    if (p)
        return RAM_BASE + (uint64_t)(p - e->pm.ram);
    struct mmu_xlate x;
    return mmu_translate(e->m, va, acc, r, &x) == MMU_OK ? x.pa : ~0ULL;
}

/* The fast path and the data path (an L1D hit the fast path did not have,
 * an L1D miss refilled from the L2, a miss in both walked from a PWC hit at
 * level 1), and the fetch path (an L1I hit), change nothing that the
 * general translation would not: the same answers, statistics and TLB
 * contents (LRU stamps included) as the same accesses in a context that is
 * not the fast path's, with walks of every length, faults, clean pages,
 * pages without A, Svpbmt types, MMIO and evictions in the mix, in three
 * regions: two in one 1 GiB, one in another.  With two_pmp: PMP allows
 * RAM in two regions (but not one page accessed), the pages accessed in
 * one and the page tables in the other, so that PMP's region cache misses
 * after walks (the data path's MMU_DATA_AGAIN).  first: what
 * mmu_data_ptr_first must have answered more than 50 times (1 a host
 * address, 2 MMU_DATA_AGAIN). */
static void data_path_same_as_general(const char *tlb, bool two_pmp, int first)
{
    struct env *a = env_new(tlb), *b = env_new(tlb);
    struct env *both[2] = { a, b };
    for (int k = 0; two_pmp && k < 2; k++) {
        pmp_init(&both[k]->pmp, 16);
        pmp_write_addr(&both[k]->pmp, 0, (RAM_BASE + 0x2f000) >> 2);   /* TOR: the pages, */
        pmp_write_addr(&both[k]->pmp, 1, (RAM_BASE + 0x30000) >> 2);   /* but i = 15's: no access */
        pmp_write_addr(&both[k]->pmp, 2, (RAM_BASE + RAM_SIZE) >> 2);  /* TOR: the page tables */
        pmp_write_cfg(&both[k]->pmp, 0, 0x0f | 0x08 << 8 | 0x0f << 16);
        mmu_pmp_changed(both[k]->m);
    }
    const uint64_t region[3] = { 0x10000, 0x210000, 0x40010000 }; /* 2 MiB apart, 1 GiB apart */
    for (int k = 0; k < 2; k++) {
        for (int g = 0; g < 3; g++) {
            for (uint64_t i = 0; i < 24; i++) {
                uint64_t flags = i % 5 == 3    ? (R | W | A | V)          /* clean: a store walks */
                               : i % 7 == 6    ? (R | W | U | A | D | V)  /* U page: S without SUM faults */
                               : i % 11 == 4   ? (R | W | X | V)          /* no A: the walk sets it */
                               : i % 13 == 5   ? (RWXAD | 1ULL << 61)     /* Svpbmt NC */
                               : i == 17       ? (X | A | V)              /* execute-only: loads fault */
                                               : RWXAD;
                uint64_t pa = i == 9 ? 0x10000000 : RAM_BASE + 0x20000 + (i << 12); /* 9: MMIO */
                map(both[k], 1, region[g] + (i << 12), pa, 0, flags);
            }
        }
        /* global pointers (a mapping below a G pointer is global): the
         * level-1 pointer of the second region and the root's pointer of
         * the third, so that a walk's global bit comes from a PTE it reads
         * and from a PWC entry it starts at */
        *leaf(both[k], 1, region[1], 1) |= G;
        *leaf(both[k], 1, region[2], 2) |= G;
    }
    struct mmu_req ra = req(a, 1), rb = req(b, 1);
    mmu_fast_context(a->m, &ra);
    fetch_path_hits = first_hits = first_again = first_l1_hits = data_l1_hits = 0;
    uint64_t x = 12345;
    for (int n = 0; n < 6000; n++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        uint64_t va = region[(x >> 40) % 3] + ((x >> 33) % 26 << 12) + ((x >> 20) & 0xff8); /* 2 pages unmapped */
        enum mmu_access acc = (x >> 56) % 8 == 0 ? MMU_FETCH : (x >> 60) & 1 ? MMU_STORE : MMU_LOAD;
        struct mmu_xlate xb;
        uint64_t pb = mmu_translate(b->m, va, acc, &rb, &xb) == MMU_OK ? xb.pa : ~0ULL;
        assert_int_equal(hart_like(a, &ra, va, acc), pb);
    }
    struct mmu_stats sa = *mmu_get_stats(a->m), sb = *mmu_get_stats(b->m);
    assert_int_equal(sa.walks, sb.walks);
    assert_int_equal(sa.tlb[MMU_TLB_L1D].hits, sb.tlb[MMU_TLB_L1D].hits);
    assert_int_equal(sa.tlb[MMU_TLB_L2].hits, sb.tlb[MMU_TLB_L2].hits);
    assert_memory_equal(&sa, &sb, sizeof sa);
    assert_true(sa.tlb[MMU_TLB_L1D].evictions > 100 && sa.tlb[MMU_TLB_L2].hits > 100 &&
                sa.page_faults[MMU_LOAD] > 0 && sa.walks > 100 && sa.ad_updates > 0);
    /* both kinds of walk happened: the data path's and the general one's */
    uint64_t data_walks = a->m->pwc_walks[0] + a->m->pwc_walks[1], data_walks2 = a->m->pwc2_walks[0] + a->m->pwc2_walks[1];
    assert_true(data_walks > 100 && sa.walks - data_walks - data_walks2 > 100);
    /* misses by access add up, and loads and stores both missed */
    for (int k = 0; k < 3; k++)
        assert_int_equal(sa.tlb[k].misses, sa.tlb[k].misses_by_access[MMU_FETCH] + sa.tlb[k].misses_by_access[MMU_LOAD] +
                                               sa.tlb[k].misses_by_access[MMU_STORE]);
    assert_true(sa.tlb[MMU_TLB_L1D].misses_by_access[MMU_LOAD] > 10 && sa.tlb[MMU_TLB_L1D].misses_by_access[MMU_STORE] > 10);
    assert_int_equal(sa.tlb[MMU_TLB_L1D].misses_by_access[MMU_FETCH], 0);
    /* and fetches, from the fetch path and from the general one */
    assert_true(fetch_path_hits > 50 && sa.tlb[MMU_TLB_L1I].lookups - (uint64_t)fetch_path_hits > 50);
    assert_true(first == 1 ? first_hits > 50 : first_again > 50);
    assert_true(first != 1 || first_l1_hits > 10);
    assert_true(data_l1_hits > 10);
    for (int which = MMU_TLB_L1I; which <= MMU_TLB_PWC; which++) {
        struct tlb_entry_view va_[64], vb[64];
        int na = mmu_tlb_dump(a->m, which, va_, 64), nb = mmu_tlb_dump(b->m, which, vb, 64);
        assert_int_equal(na, nb);
        for (int k = 0; k < na; k++) {
            assert_int_equal(va_[k].set, vb[k].set);
            assert_int_equal(va_[k].way, vb[k].way);
            assert_int_equal(va_[k].va, vb[k].va);
            assert_int_equal(va_[k].pa, vb[k].pa);
            assert_int_equal(va_[k].size, vb[k].size);
            assert_int_equal(va_[k].asid, vb[k].asid);
            assert_int_equal(va_[k].global, vb[k].global);
            assert_int_equal(va_[k].levels, vb[k].levels);
            assert_int_equal(va_[k].flags, vb[k].flags);
            assert_int_equal(va_[k].pbmt, vb[k].pbmt);
            assert_int_equal(va_[k].stamp, vb[k].stamp);
        }
    }
    env_free(a);
    env_free(b);
}

/* The data path's walk of two reads (a level-1 PWC miss, a level-2 hit)
 * follows the level-1 PTE only when it is a plain pointer: V, no R/W/X,
 * none of the bits reserved in a non-leaf PTE (A, D, U, Svpbmt, N, 60:54),
 * G and the software bits allowed.  Anything else it leaves, having changed
 * nothing, to the general walk (a fault, or a superpage for R/X); a plain
 * pointer it walks, caching it in the PWC as the general walk would. */
static void test_data_walk_two_reads(void **state)
{
    (void)state;
    const uint64_t other[] = { 0, G, 3ULL << 8, A, D, U, 1ULL << 61, 1ULL << 63, 1ULL << 54, R, X, W | R, ~0ULL };
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        struct env *e = env_new(NULL);
        map(e, 1, 0x200000, RAM_BASE + 0x30000, 0, RWXAD);
        map(e, 1, 0x400000, RAM_BASE + 0x31000, 0, RWXAD);
        uint64_t *pointer = leaf(e, 1, 0x400000, 1); /* the level-1 PTE of 0x400000 */
        if (other[k] == ~0ULL)
            *pointer &= ~V; /* not valid */
        else
            *pointer |= other[k];
        static struct mmu_req r;
        r = req(e, 1);
        mmu_fast_context(e->m, &r);
        /* the general walk of 0x200000 caches the root's pointer (level 2)
         * and its own level-1 pointer, which 0x400000 does not share */
        struct mmu_xlate x;
        assert_int_equal(mmu_translate(e->m, 0x200000, MMU_LOAD, &r, &x), MMU_OK);
        struct mmu_stats before = *mmu_get_stats(e->m);
        int pwc_before = count(e, MMU_TLB_PWC);
        uint8_t *p = mmu_data_ptr(e->m, 0x400008, MMU_LOAD, &data_l1_hit);
        if (other[k] == 0 || other[k] == G || other[k] == 3ULL << 8) {
            assert_ptr_equal(p, e->pm.ram + 0x31008);
            assert_int_equal(e->m->pwc2_walks[0], 1);
            assert_int_equal(count(e, MMU_TLB_PWC), pwc_before + 1);
            assert_true(holds(e, MMU_TLB_L1D, 0x400000, 1));
            struct tlb_entry_view v[64];
            int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
            for (int i = 0; i < n; i++)
                if (v[i].va == 0x400000)
                    assert_int_equal(v[i].global, other[k] == G); /* below a G pointer: global */
            assert_int_equal(mmu_get_stats(e->m)->walk_reads[1], before.walk_reads[1] + 1);
        } else {
            assert_null(p);
            assert_int_equal(e->m->pwc2_walks[0], 0);
            assert_int_equal(count(e, MMU_TLB_PWC), pwc_before);
            struct mmu_stats after = *mmu_get_stats(e->m);
            assert_memory_equal(&after, &before, sizeof after); /* nothing changed */
            assert_false(holds(e, MMU_TLB_L1D, 0x400000, 1));
        }
        env_free(e);
    }
}

/* In a geometry the data path searches with generic loops, and in the
 * default 4-way L1D and 8-way L2 for which it has unrolled searches and
 * victim choices (fewer sets, so that 26 pages still evict); and with a
 * PWC of 2 entries for the 5 non-leaf PTEs of the regions, so that walks
 * of two and three reads (the general path's) mix with the data path's. */
static void test_data_path_same_as_general(void **state)
{
    (void)state;
    data_path_same_as_general("l1d=2x2,l2=4x2,pwc=8", false, 2); /* not the default ways: AGAIN */
    data_path_same_as_general("l1d=2x4,l2=2x8,pwc=8", false, 1);
    data_path_same_as_general("l1d=2x4,l2=2x8,pwc=2", false, 1);
    data_path_same_as_general("l1d=2x4,l2=2x8,pwc=8", true, 2);
}

/* The fetch path answers only what the general path would allow: U-mode
 * fetches from U pages only, S-mode from non-U pages only (SUM or not),
 * X required; an L1I hit it refuses leaves everything as it was. */
static void test_fetch_path_u_and_s(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, R | X | U | A | V);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, R | X | A | V);
    map(e, 1, 0x3000, RAM_BASE + 0x13000, 0, R | W | U | A | D | V);
    struct mmu_req s = req(e, 1), u = s;
    u.priv = PRIV_U;
    s.sum = true;
    struct mmu_xlate x;
    uint64_t page = 0;
    assert_null(mmu_fetch_page(e->m, 0x1000, u.satp, PRIV_U, &page)); /* not in the L1I yet */
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_FETCH, &u, &x), MMU_OK);
    assert_int_equal(mmu_translate(e->m, 0x2000, MMU_FETCH, &s, &x), MMU_OK);
    assert_int_equal(mmu_translate(e->m, 0x3000, MMU_LOAD, &u, &x), MMU_OK);
    assert_int_equal(mmu_translate(e->m, 0x3000, MMU_FETCH, &u, &x), MMU_PAGE_FAULT); /* no X */
    struct mmu_stats before = *mmu_get_stats(e->m);
    assert_null(mmu_fetch_page(e->m, 0x2010, u.satp, PRIV_U, &page)); /* not a U page */
    assert_null(mmu_fetch_page(e->m, 0x1010, s.satp, PRIV_S, &page)); /* a U page, SUM set */
    assert_null(mmu_fetch_page(e->m, 0x1010, s.satp, PRIV_M, &page)); /* M: not translated */
    assert_memory_equal(&before, mmu_get_stats(e->m), sizeof before);
    assert_ptr_equal(mmu_fetch_page(e->m, 0x1ffe, u.satp, PRIV_U, &page), e->pm.ram + 0x11000);
    assert_int_equal(page, RAM_BASE + 0x11000);
    assert_ptr_equal(mmu_fetch_page(e->m, 0x2000, s.satp, PRIV_S, &page), e->pm.ram + 0x12000);
    const struct mmu_stats *st = mmu_get_stats(e->m);
    assert_int_equal(st->tlb[MMU_TLB_L1I].hits, before.tlb[MMU_TLB_L1I].hits + 2);
    assert_int_equal(st->translations, before.translations + 2);
    env_free(e);
}

/* The fast slot of a page is filled only by an L1D hit that the fast path
 * did not answer: a walk or an L1D refill from the L2 leaves it empty (when
 * every access misses, the next L1D fill would retire it unused), and the
 * next access to the page fills it.  The same through the data path
 * (mmu_data_ptr) and the general path (mmu_translate with a request of the
 * same key). */
static bool access_via(struct env *e, bool data_path, const struct mmu_req *r, uint64_t va, enum mmu_access acc)
{
    struct mmu_xlate x;
    if (data_path)
        return mmu_data_ptr(e->m, va, acc, &data_l1_hit) == e->pm.ram + 0x10000 + (va & 0xffff);
    return mmu_translate(e->m, va, acc, r, &x) == MMU_OK && x.pa == RAM_BASE + 0x10000 + (va & 0xffff);
}

static void fast_filled_on_l1d_hit(bool data_path)
{
    struct env *e = env_new("l1d=1x1");
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, 0x2000, RAM_BASE + 0x12000, 0, RWXAD);
    struct mmu_req r = req(e, 1), other = r;
    mmu_fast_context(e->m, &r);
    /* an unmapped page of the same 2 MiB: the walk faults at level 0 and
     * leaves the level-1 PTE in the PWC, from which the data path walks */
    assert_int_equal(ld(e, 1, 0x3000), ~0ULL);
    assert_true(access_via(e, data_path, &other, 0x1000, MMU_LOAD)); /* walks */
    assert_null(mmu_fast_lookup(e->m, 0x1000, MMU_LOAD));
    assert_true(access_via(e, data_path, &other, 0x2000, MMU_STORE)); /* evicts 0x1000 */
    assert_null(mmu_fast_lookup(e->m, 0x2000, MMU_STORE));
    assert_true(access_via(e, data_path, &other, 0x1000, MMU_LOAD)); /* from the L2 */
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L2].hits, 1);
    assert_null(mmu_fast_lookup(e->m, 0x1000, MMU_LOAD));
    assert_true(access_via(e, data_path, &other, 0x1010, MMU_LOAD)); /* an L1D hit */
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits, 1);
    assert_ptr_equal(mmu_fast_lookup(e->m, 0x1008, MMU_LOAD), e->pm.ram + 0x11008);
    assert_ptr_equal(mmu_fast_lookup(e->m, 0x1ff8, MMU_STORE), e->pm.ram + 0x11ff8);
    if (data_path)
        assert_int_equal(e->m->pwc_walks[0] + e->m->pwc_walks[1], 2); /* both walks were the data path's */
    env_free(e);
}

static void test_fast_path_filled_on_l1d_hit(void **state)
{
    (void)state;
    fast_filled_on_l1d_hit(true);
    fast_filled_on_l1d_hit(false);
}

/* A change of context (here SUM) retires the fast entries at once: S-mode
 * may no longer load from a U page, and the fast path must not say it may. */
static void test_fast_path_context_change(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, R | W | U | A | D | V);
    struct mmu_req r = req(e, 1);
    r.sum = true;
    mmu_fast_context(e->m, &r);
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_LOAD, &r, &x), MMU_OK); /* walks */
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_LOAD, &r, &x), MMU_OK); /* fills */
    assert_ptr_equal(mmu_fast_lookup(e->m, 0x1008, MMU_LOAD), e->pm.ram + 0x11008);
    r.sum = false;
    mmu_fast_context(e->m, &r);
    assert_null(mmu_fast_lookup(e->m, 0x1008, MMU_LOAD));
    assert_int_equal(mmu_translate(e->m, 0x1008, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    /* a translation in another context answers, but does not fill */
    struct mmu_req other = r;
    other.sum = true;
    assert_int_equal(mmu_translate(e->m, 0x1008, MMU_LOAD, &other, &x), MMU_OK);
    assert_null(mmu_fast_lookup(e->m, 0x1008, MMU_LOAD));
    env_free(e);
}

/* Fast-path hits count as translations, L1D lookups and hits, also after
 * their slot is refilled for another page. */
static void test_fast_path_counts(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    map(e, 1, 0x1000 + (MMU_FAST_N << 12), RAM_BASE + 0x12000, 0, RWXAD); /* same fast slot */
    struct mmu_req r = req(e, 1);
    mmu_fast_context(e->m, &r); /* ld() translates in this context */
    ld(e, 1, 0x1000);             /* a walk (an L1D miss) */
    ld(e, 1, 0x1000);             /* an L1D hit: fills the fast slot */
    uint64_t tr = mmu_get_stats(e->m)->translations;
    uint64_t hits = mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits;
    for (int i = 0; i < 5; i++)
        assert_non_null(fast_ld(e, 1, 0x1000));
    assert_int_equal(mmu_get_stats(e->m)->translations, tr + 5);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits, hits + 5);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits_by_size[0], hits + 5);
    ld(e, 1, 0x1000 + (MMU_FAST_N << 12)); /* a walk */
    ld(e, 1, 0x1000 + (MMU_FAST_N << 12)); /* refills the slot: the 5 stay counted */
    assert_non_null(fast_ld(e, 1, 0x1000 + (MMU_FAST_N << 12)));
    assert_int_equal(mmu_get_stats(e->m)->translations, tr + 5 + 3);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].lookups, hits + 5 + 2 + 2 /* the walks' misses */);
    mmu_stats_reset(e->m);
    assert_int_equal(mmu_get_stats(e->m)->translations, 0);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits, 0);
    env_free(e);
}

/* ---- statistics ----------------------------------------------------------- */

static void test_stats(void **state)
{
    (void)state;
    struct env *e = env_new(NULL);
    map(e, 1, 0x1000, RAM_BASE + 0x11000, 0, RWXAD);
    ld(e, 1, 0x1000);
    ld(e, 1, 0x1008);
    ld(e, 1, 0x9000); /* unmapped */
    assert_int_equal(mmu_get_stats(e->m)->translations, 3);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].lookups, 3);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits, 1);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].misses, 2);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L2].lookups, 2);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L2].misses, 2);
    assert_int_equal(mmu_get_stats(e->m)->walks, 2);
    assert_int_equal(mmu_get_stats(e->m)->walk_reads[2], 1); /* 3 reads: the first walk */
    assert_int_equal(mmu_get_stats(e->m)->walk_reads[0], 1); /* 1 read: PWC hit, then the invalid leaf */
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mmu_stats_json(e->m, f);
    fclose(f);
    assert_int_equal(buf[0], '{');
    assert_int_equal(buf[len - 1], '}');
    assert_non_null(strstr(buf, "\"walks\":2"));
    assert_non_null(strstr(buf, "\"l1d\":{\"lookups\":3,\"hits\":1,\"misses\":2"));
    free(buf);
    f = open_memstream(&buf, &len);
    mmu_stats_print(e->m, f);
    fclose(f);
    assert_non_null(strstr(buf, "walks 2"));
    free(buf);
    mmu_stats_reset(e->m);
    assert_int_equal(mmu_get_stats(e->m)->walks, 0);
    env_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config),
        cmocka_unit_test(test_arrays_line_aligned),
        cmocka_unit_test(test_phys_ram_ptr),
        cmocka_unit_test(test_capacity),
        cmocka_unit_test(test_lru),
        cmocka_unit_test(test_lru_4_ways),
        cmocka_unit_test(test_lru_8_ways),
        cmocka_unit_test(test_pwc_insert_overwrites),
        cmocka_unit_test(test_fifo),
        cmocka_unit_test(test_random_deterministic),
        cmocka_unit_test(test_l2_refill),
        cmocka_unit_test(test_superpage_one_entry),
        cmocka_unit_test(test_stale_until_fence),
        cmocka_unit_test(test_survives_satp_switch),
        cmocka_unit_test(test_fence_all),
        cmocka_unit_test(test_fence_asid),
        cmocka_unit_test(test_fence_va),
        cmocka_unit_test(test_fence_va_asid),
        cmocka_unit_test(test_pwc_shared_tag),
        cmocka_unit_test(test_pwc_global_pointer),
        cmocka_unit_test(test_pwc_replacement),
        cmocka_unit_test(test_pwc_large),
        cmocka_unit_test(test_exact_dirty),
        cmocka_unit_test(test_permissions_on_hit),
        cmocka_unit_test(test_generation),
        cmocka_unit_test(test_stats),
        cmocka_unit_test(test_fast_path_pmp_write),
        cmocka_unit_test(test_fast_path_counts),
        cmocka_unit_test(test_pmp_page_mask),
        cmocka_unit_test(test_fast_path_filled_on_l1d_hit),
        cmocka_unit_test(test_fast_path_context_change),
        cmocka_unit_test(test_data_path_same_as_general),
        cmocka_unit_test(test_data_walk_two_reads),
        cmocka_unit_test(test_fetch_path_u_and_s),
        cmocka_unit_test(test_fast_path_generation_wrap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
