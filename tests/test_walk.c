/* Unit tests of the page-table walker (mmu/walk.c through mmu_translate):
 * every step of the privileged spec's "Virtual Address Translation Process"
 * in Sv39, Sv48 and Sv57, Svnapot, Svpbmt, A/D updates and Svade, PMP and
 * PMA access faults on the walk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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
#define N (1ULL << 63)
#define PBMT(v) ((uint64_t)(v) << 61)

struct env {
    struct phys_mem pm;
    struct pmp pmp;
    struct mmu *m;
    uint64_t next_page; /* bump allocator for page tables */
    uint64_t root;
    unsigned levels;
    uint64_t satp;
};

static struct env *env_new(unsigned levels)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = aligned_alloc(4096, RAM_SIZE);
    memset(e->pm.ram, 0, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    pmp_init(&e->pmp, 0); /* no PMP unless a test adds one */
    struct mmu_config c;
    mmu_config_default(&c);
    e->m = mmu_create(&c, &e->pm, &e->pmp);
    e->next_page = RAM_BASE + 0x100000;
    e->root = e->next_page;
    e->next_page += 4096;
    e->levels = levels;
    unsigned mode = levels == 3 ? SATP_SV39 : levels == 4 ? SATP_SV48 : SATP_SV57;
    e->satp = ((uint64_t)mode << 60) | (1ULL << 44) | (e->root >> 12);
    return e;
}

/* PMP changes as the hart makes them (csr.c): each followed by
 * mmu_pmp_changed, as mmu.h requires */
static void pmp_setup(struct env *e, int n)
{
    pmp_init(&e->pmp, n);
    mmu_pmp_changed(e->m);
}

static void pmp_cfg(struct env *e, int k, uint64_t v)
{
    pmp_write_cfg(&e->pmp, k, v);
    mmu_pmp_changed(e->m);
}

static void pmp_addr(struct env *e, int i, uint64_t v)
{
    pmp_write_addr(&e->pmp, i, v);
    mmu_pmp_changed(e->m);
}

static int env_setup(void **state, unsigned levels)
{
    *state = env_new(levels);
    return 0;
}
static int setup39(void **state) { return env_setup(state, 3); }
static int setup48(void **state) { return env_setup(state, 4); }
static int setup57(void **state) { return env_setup(state, 5); }

static int teardown(void **state)
{
    struct env *e = *state;
    mmu_destroy(e->m);
    free(e->pm.ram);
    free(e);
    return 0;
}

static uint64_t *pte_ptr(struct env *e, uint64_t pa) { return (uint64_t *)(void *)(e->pm.ram + (pa - RAM_BASE)); }

/* Address of the PTE for va at `level`, creating valid non-leaf PTEs above
 * it (with extra bits `nl` on each non-leaf). */
static uint64_t pte_addr_nl(struct env *e, uint64_t va, int level, uint64_t nl)
{
    uint64_t table = e->root;
    for (int i = (int)e->levels - 1; i > level; i--) {
        uint64_t *p = pte_ptr(e, table + ((va >> (12 + 9 * i)) & 0x1ff) * 8);
        if (!(*p & V)) {
            *p = ((e->next_page >> 12) << 10) | V | nl;
            memset(e->pm.ram + (e->next_page - RAM_BASE), 0, 4096);
            e->next_page += 4096;
        }
        table = ((*p >> 10) & ((1ULL << 44) - 1)) << 12;
    }
    return table + ((va >> (12 + 9 * level)) & 0x1ff) * 8;
}
static uint64_t pte_addr(struct env *e, uint64_t va, int level) { return pte_addr_nl(e, va, level, 0); }

/* Map va -> pa with a leaf at `level`; returns the PTE's address. */
static uint64_t map(struct env *e, uint64_t va, uint64_t pa, int level, uint64_t flags)
{
    uint64_t a = pte_addr(e, va, level);
    *pte_ptr(e, a) = ((pa >> 12) << 10) | flags;
    return a;
}

static struct mmu_req req(struct env *e, uint8_t priv)
{
    return (struct mmu_req){ .satp = e->satp, .priv = priv, .hw_ad = true };
}

static enum mmu_result xl(struct env *e, uint64_t va, enum mmu_access acc, const struct mmu_req *r,
                          uint64_t *pa)
{
    struct mmu_xlate x = { 0 };
    enum mmu_result res = mmu_translate(e->m, va, acc, r, &x);
    if (pa)
        *pa = res == MMU_OK ? x.pa : ~0ULL;
    return res;
}

static const uint64_t RWXAD = R | W | X | A | D | V;

/* ---- untranslated ---------------------------------------------------- */

static void test_bare_and_m_mode(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    r.satp = 0; /* Bare */
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, RAM_BASE + 0x1234, MMU_LOAD, &r, &x), MMU_OK);
    assert_int_equal(x.pa, RAM_BASE + 0x1234);
    assert_ptr_equal(x.host, e->pm.ram + 0x1234);
    /* outside RAM: translated, no host pointer (device) */
    assert_int_equal(mmu_translate(e->m, 0x10000000, MMU_STORE, &r, &x), MMU_OK);
    assert_null(x.host);
    /* M-mode ignores satp even when it names Sv39 */
    r = req(e, PRIV_M);
    assert_int_equal(mmu_translate(e->m, 0x1000, MMU_FETCH, &r, &x), MMU_OK);
    assert_int_equal(x.pa, 0x1000);
    assert_int_equal(mmu_get_stats(e->m)->walks, 0);
    assert_int_equal(mmu_get_stats(e->m)->untranslated, 3);
}

static void test_bare_pmp(void **state)
{
    struct env *e = *state;
    pmp_setup(e, 16);
    struct mmu_req r = req(e, PRIV_S);
    r.satp = 0;
    /* S-mode, PMP implemented, no entry matches: access fault */
    assert_int_equal(xl(e, RAM_BASE, MMU_LOAD, &r, NULL), MMU_ACCESS_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->access_faults[MMU_LOAD], 1);
    /* allow all RAM for R/W only */
    pmp_addr(e, 0, (RAM_BASE >> 2) | ((RAM_SIZE >> 3) - 1));
    pmp_cfg(e, 0, PMP_A_NAPOT | PMP_R | PMP_W);
    assert_int_equal(xl(e, RAM_BASE, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(xl(e, RAM_BASE, MMU_FETCH, &r, NULL), MMU_ACCESS_FAULT);
    r.priv = PRIV_M;
    assert_int_equal(xl(e, RAM_BASE, MMU_FETCH, &r, NULL), MMU_OK);
}

/* ---- every page size in every mode ------------------------------------ */

static void check_all_sizes(struct env *e)
{
    struct mmu_req r = req(e, PRIV_S);
    for (int level = 0; level < (int)e->levels; level++) {
        uint64_t psize = 1ULL << (12 + 9 * level);
        /* a distinct, page-aligned va per level; pa inside RAM when the page
         * is small enough, else a page based at 0 (RAM lies inside it) */
        uint64_t va = (uint64_t)(level + 1) << (12 + 9 * (e->levels - 1)); /* different root slot */
        uint64_t pa_base = psize <= (8ULL << 20) ? RAM_BASE + (8ULL << 20) : 0;
        if (pa_base == 0 && psize < (1ULL << 32))
            pa_base = RAM_BASE & ~(psize - 1);
        map(e, va, pa_base, level, RWXAD);
        uint64_t off = psize > 0x3000 ? psize - 0x3000 + 0x123 : 0x123;
        if (pa_base + off < RAM_BASE || pa_base + off >= RAM_BASE + RAM_SIZE)
            off = (RAM_BASE + 0x5123) - pa_base; /* land in RAM inside the big page */
        uint64_t pa;
        assert_int_equal(xl(e, va + off, MMU_LOAD, &r, &pa), MMU_OK);
        assert_int_equal(pa, pa_base + off);
        struct mmu_xlate x;
        assert_int_equal(mmu_translate(e->m, va + off, MMU_STORE, &r, &x), MMU_OK);
        assert_ptr_equal(x.host, e->pm.ram + (pa - RAM_BASE));
        /* one TLB entry of the right size class */
        struct tlb_entry_view v[64];
        int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
        bool found = false;
        for (int k = 0; k < n; k++)
            if (v[k].va == va && v[k].bytes == psize && v[k].pa == pa_base)
                found = true;
        assert_true(found);
    }
}

static void test_sizes(void **state) { check_all_sizes(*state); }

static void test_canonical(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    unsigned vabits = 12 + 9 * e->levels;
    map(e, 0, RAM_BASE, 0, RWXAD);
    /* bit vabits-1 clear but a higher bit set */
    assert_int_equal(xl(e, 1ULL << vabits, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    /* top bit set but not sign-extended */
    assert_int_equal(xl(e, 1ULL << (vabits - 1), MMU_FETCH, &r, NULL), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->walks, 0);
    /* properly sign-extended high address walks (and faults: not mapped) */
    uint64_t hi = ~0ULL << (vabits - 1);
    assert_int_equal(xl(e, hi, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->walks, 1);
    map(e, hi, RAM_BASE + 0x2000, 0, RWXAD);
    uint64_t pa;
    assert_int_equal(xl(e, hi + 8, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x2008);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], 2);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_FETCH], 1);
}

/* ---- step 3: invalid and reserved ------------------------------------- */

static void test_invalid_and_reserved(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x400000;
    uint64_t a = map(e, va, RAM_BASE + 0x10000, 0, RWXAD);
    uint64_t *p = pte_ptr(e, a);
    const uint64_t good = *p;
    struct { uint64_t pte; enum mmu_result want; } cases[] = {
        { good & ~V, MMU_PAGE_FAULT },                      /* V = 0 */
        { (good & ~(R | X)) | W, MMU_PAGE_FAULT },          /* R = 0, W = 1 */
        { (good & ~R) | W | X, MMU_PAGE_FAULT },            /* W X without R */
        { good | (1ULL << 54), MMU_PAGE_FAULT },            /* reserved 60:54 */
        { good | (1ULL << 60), MMU_PAGE_FAULT },
        { good | PBMT(3), MMU_PAGE_FAULT },                 /* Svpbmt reserved encoding */
        { good | PBMT(1), MMU_OK },                         /* NC */
        { good | PBMT(2), MMU_OK },                         /* IO */
        { good | N, MMU_PAGE_FAULT },                       /* N with ppn[3:0] = 0 */
        { good, MMU_OK },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        *p = cases[k].pte;
        mmu_sfence_vma(e->m, false, 0, false, 0);
        assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), cases[k].want);
    }
}

static void test_nonleaf_reserved(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x200000;
    map(e, va, RAM_BASE + 0x10000, 0, RWXAD);
    uint64_t *nl = pte_ptr(e, pte_addr(e, va, 1)); /* non-leaf PTE at level 1 */
    const uint64_t good = *nl;
    uint64_t bad[] = { good | D, good | A, good | U, good | PBMT(1), good | PBMT(2), good | N,
                       good | (1ULL << 57) };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        *nl = bad[k];
        mmu_sfence_vma(e->m, false, 0, false, 0);
        assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    }
    *nl = good | G; /* G is fine on a non-leaf */
    mmu_sfence_vma(e->m, false, 0, false, 0);
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
}

static void test_nonleaf_at_level0(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x600000;
    uint64_t a = pte_addr(e, va, 0);
    *pte_ptr(e, a) = ((RAM_BASE + 0x20000) >> 12) << 10 | V; /* pointer at the last level */
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
}

/* ---- Svnapot ------------------------------------------------------------ */

static void test_napot(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x1230000; /* 64 KiB aligned */
    uint64_t pa = RAM_BASE + 0x40000;
    /* all 16 PTEs of the 64 KiB range, each with ppn[3:0] = 1000 */
    for (int k = 0; k < 16; k++) {
        uint64_t a = pte_addr(e, va + k * 4096, 0);
        *pte_ptr(e, a) = (((pa >> 12) | 0x8) << 10) | N | RWXAD;
    }
    uint64_t got;
    assert_int_equal(xl(e, va + 0x5678, MMU_LOAD, &r, &got), MMU_OK);
    assert_int_equal(got, pa + 0x5678);
    /* one 64 KiB entry serves the whole range: no second walk */
    uint64_t walks = mmu_get_stats(e->m)->walks;
    assert_int_equal(xl(e, va + 0xf008, MMU_LOAD, &r, &got), MMU_OK);
    assert_int_equal(got, pa + 0xf008);
    assert_int_equal(mmu_get_stats(e->m)->walks, walks);
    struct tlb_entry_view v[8];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 8), 1);
    assert_int_equal(v[0].bytes, 65536);
    assert_int_equal(v[0].size, MMU_PAGE_64K);

    /* other N encodings at level 0 are reserved */
    uint64_t va2 = 0x2000000;
    uint64_t a2 = pte_addr(e, va2, 0);
    *pte_ptr(e, a2) = (((pa >> 12) | 0x4) << 10) | N | RWXAD; /* 32 KiB encoding: reserved */
    assert_int_equal(xl(e, va2, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    /* N on a superpage leaf is reserved */
    uint64_t va3 = 0x4000000;
    uint64_t a3 = pte_addr(e, va3, 1);
    *pte_ptr(e, a3) = (((RAM_BASE >> 12) | 0x8) << 10) | N | RWXAD;
    assert_int_equal(xl(e, va3, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
}

/* ---- step 5: misaligned superpages --------------------------------------- */

static void test_misaligned_superpage(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    for (int level = 1; level < (int)e->levels; level++) {
        uint64_t va = (uint64_t)(level + 1) << (12 + 9 * (e->levels - 1));
        map(e, va, RAM_BASE + 0x1000, level, RWXAD); /* ppn[0] != 0 */
        assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    }
    map(e, 0x200000, RAM_BASE + 0x200000, 1, RWXAD); /* aligned megapage: fine */
    assert_int_equal(xl(e, 0x200000, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], e->levels - 1);
}

/* ---- steps 6 and 8: U bit, SUM, MXR, R/W/X ------------------------------ */

static void test_permissions(void **state)
{
    struct env *e = *state;
    uint64_t uva = 0x10000, sva = 0x20000, xva = 0x30000, rva = 0x40000;
    map(e, uva, RAM_BASE + 0x10000, 0, R | W | X | U | A | D | V);
    map(e, sva, RAM_BASE + 0x20000, 0, R | W | X | A | D | V);
    map(e, xva, RAM_BASE + 0x30000, 0, X | A | D | V);
    map(e, rva, RAM_BASE + 0x40000, 0, R | A | D | V);
    struct mmu_req s = req(e, PRIV_S), u = req(e, PRIV_U);
    /* S on U pages: never fetch; load/store only with SUM */
    assert_int_equal(xl(e, uva, MMU_FETCH, &s, NULL), MMU_PAGE_FAULT);
    assert_int_equal(xl(e, uva, MMU_LOAD, &s, NULL), MMU_PAGE_FAULT);
    assert_int_equal(xl(e, uva, MMU_STORE, &s, NULL), MMU_PAGE_FAULT);
    s.sum = true;
    assert_int_equal(xl(e, uva, MMU_LOAD, &s, NULL), MMU_OK);
    assert_int_equal(xl(e, uva, MMU_STORE, &s, NULL), MMU_OK);
    assert_int_equal(xl(e, uva, MMU_FETCH, &s, NULL), MMU_PAGE_FAULT);
    /* U on non-U pages: never */
    assert_int_equal(xl(e, sva, MMU_LOAD, &u, NULL), MMU_PAGE_FAULT);
    assert_int_equal(xl(e, sva, MMU_FETCH, &u, NULL), MMU_PAGE_FAULT);
    assert_int_equal(xl(e, uva, MMU_FETCH, &u, NULL), MMU_OK);
    assert_int_equal(xl(e, uva, MMU_STORE, &u, NULL), MMU_OK);
    /* execute-only page: fetch yes, load only with MXR, store never */
    s.sum = false;
    assert_int_equal(xl(e, xva, MMU_FETCH, &s, NULL), MMU_OK);
    assert_int_equal(xl(e, xva, MMU_LOAD, &s, NULL), MMU_PAGE_FAULT);
    s.mxr = true;
    assert_int_equal(xl(e, xva, MMU_LOAD, &s, NULL), MMU_OK);
    assert_int_equal(xl(e, xva, MMU_STORE, &s, NULL), MMU_PAGE_FAULT);
    /* read-only page */
    assert_int_equal(xl(e, rva, MMU_LOAD, &s, NULL), MMU_OK);
    assert_int_equal(xl(e, rva, MMU_STORE, &s, NULL), MMU_PAGE_FAULT);
    assert_int_equal(xl(e, rva, MMU_FETCH, &s, NULL), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_FETCH], 4);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], 3);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_STORE], 3);
}

/* ---- step 2: access faults on PTE reads --------------------------------- */

static void test_pte_outside_ram(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x800000;
    /* the level-1 table pointer leads outside RAM */
    uint64_t a = pte_addr(e, va, e->levels - 1);
    *pte_ptr(e, a) = ((0x10000000ULL >> 12) << 10) | V;
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_ACCESS_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->access_faults[MMU_STORE], 1);
    /* root itself outside RAM */
    r.satp = (r.satp & ~((1ULL << 44) - 1)) | (0x1000 >> 12);
    assert_int_equal(xl(e, va, MMU_FETCH, &r, NULL), MMU_ACCESS_FAULT);
}

static void test_pmp_denies_pte_read(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x800000, data = RAM_BASE + 0x80000;
    map(e, va, data, 0, RWXAD);
    uint64_t leaf_table = pte_addr(e, va, 0) & ~0xfffULL;
    pmp_setup(e, 16);
    /* entry 0: the leaf page table, no permission; entry 1: all of memory RWX */
    pmp_addr(e, 0, (leaf_table >> 2) | 0x1ff); /* NAPOT 4 KiB */
    pmp_addr(e, 1, (1ULL << 54) - 1);
    pmp_cfg(e, 0, (uint64_t)PMP_A_NAPOT | ((uint64_t)(PMP_A_NAPOT | PMP_R | PMP_W | PMP_X) << 8));
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_ACCESS_FAULT);
    /* readable table: walk works */
    pmp_cfg(e, 0, (uint64_t)(PMP_A_NAPOT | PMP_R) | ((uint64_t)(PMP_A_NAPOT | PMP_R | PMP_W | PMP_X) << 8));
    uint64_t pa;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(pa, data);
    /* the final address is checked with the access's privilege */
    pmp_addr(e, 0, (data >> 2) | 0x1ff);
    pmp_cfg(e, 0, (uint64_t)(PMP_A_NAPOT | PMP_R) | ((uint64_t)(PMP_A_NAPOT | PMP_R | PMP_W | PMP_X) << 8));
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_ACCESS_FAULT);
    assert_int_equal(xl(e, va, MMU_FETCH, &r, NULL), MMU_ACCESS_FAULT);
}

/* ---- step 9: A/D ---------------------------------------------------------- */

static void test_ad_hardware(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x123000;
    uint64_t *p = pte_ptr(e, map(e, va, RAM_BASE + 0x90000, 0, R | W | X | V));
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    assert_true(*p & A);
    assert_false(*p & D);
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_OK);
    assert_true(*p & D);
    assert_int_equal(mmu_get_stats(e->m)->ad_updates, 2);
    /* a fetch to an A=0 page sets A only */
    uint64_t *q = pte_ptr(e, map(e, va + 0x1000, RAM_BASE + 0x91000, 0, R | X | V));
    assert_int_equal(xl(e, va + 0x1000, MMU_FETCH, &r, NULL), MMU_OK);
    assert_int_equal(*q & (A | D), A);
    /* a store sets both at once */
    uint64_t *s = pte_ptr(e, map(e, va + 0x2000, RAM_BASE + 0x92000, 0, R | W | V));
    assert_int_equal(xl(e, va + 0x2000, MMU_STORE, &r, NULL), MMU_OK);
    assert_int_equal(*s & (A | D), A | D);
}

static void test_ad_svade(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    r.hw_ad = false;
    uint64_t va = 0x123000;
    uint64_t *p = pte_ptr(e, map(e, va, RAM_BASE + 0x90000, 0, R | W | V));
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    assert_int_equal(*p & (A | D), 0);
    *p |= A;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_PAGE_FAULT); /* D = 0 */
    assert_int_equal(*p & D, 0);
    *p |= D;
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->ad_updates, 0);
}

struct race { struct env *e; uint64_t newpte; int calls; };
static void race_hook(void *ctx, uint64_t pte_pa)
{
    struct race *rc = ctx;
    if (rc->calls++ == 0)
        *pte_ptr(rc->e, pte_pa) = rc->newpte;
}

static void test_ad_race(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x123000;
    uint64_t *p = pte_ptr(e, map(e, va, RAM_BASE + 0x90000, 0, R | W | V));
    /* another agent remaps the page between our read and our CAS: the walk
     * returns to step 2 and uses the new PTE */
    struct race rc = { e, ((RAM_BASE + 0xa0000) >> 12) << 10 | R | W | V, 0 };
    mmu_set_ad_hook(e->m, race_hook, &rc);
    uint64_t pa;
    assert_int_equal(xl(e, va + 4, MMU_STORE, &r, &pa), MMU_OK);
    assert_int_equal(pa, RAM_BASE + 0xa0004);
    assert_int_equal(*p, rc.newpte | A | D);
    assert_int_equal(rc.calls, 2);
    assert_int_equal(mmu_get_stats(e->m)->ad_retries, 1);
    assert_int_equal(mmu_get_stats(e->m)->ad_updates, 1);
    /* the agent invalidates it instead: page fault after the retry */
    uint64_t *q = pte_ptr(e, map(e, va + 0x1000, RAM_BASE + 0x91000, 0, R | W | V));
    struct race rc2 = { e, 0, 0 };
    mmu_set_ad_hook(e->m, race_hook, &rc2);
    assert_int_equal(xl(e, va + 0x1000, MMU_LOAD, &r, NULL), MMU_PAGE_FAULT);
    assert_int_equal(*q, 0);
    mmu_set_ad_hook(e->m, NULL, NULL);
}

static void test_ad_pmp_write_denied(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x123000;
    uint64_t *p = pte_ptr(e, map(e, va, RAM_BASE + 0x90000, 0, R | W | V));
    uint64_t table = pte_addr(e, va, 0) & ~0xfffULL;
    pmp_setup(e, 8);
    pmp_addr(e, 0, (table >> 2) | 0x1ff);
    pmp_addr(e, 1, (1ULL << 54) - 1);
    pmp_cfg(e, 0, (uint64_t)(PMP_A_NAPOT | PMP_R) | ((uint64_t)(PMP_A_NAPOT | PMP_R | PMP_W | PMP_X) << 8));
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_ACCESS_FAULT); /* A must be set */
    assert_int_equal(*p & A, 0);
    *p |= A;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(xl(e, va, MMU_STORE, &r, NULL), MMU_ACCESS_FAULT); /* D must be set */
}

/* ---- walk length, page-walk cache, global ------------------------------- */

static void test_walk_reads_and_pwc(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    map(e, 0x5000, RAM_BASE + 0x50000, 0, RWXAD);
    map(e, 0x6000, RAM_BASE + 0x60000, 0, RWXAD);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->pte_reads, e->levels);
    assert_int_equal(mmu_get_stats(e->m)->walk_reads[e->levels - 1], 1);
    /* neighbour page: the PWC holds the level-1 pointer, one read */
    assert_int_equal(xl(e, 0x6000, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->pte_reads, e->levels + 1);
    assert_int_equal(mmu_get_stats(e->m)->walk_reads[0], 1);
    assert_int_equal(mmu_get_stats(e->m)->pwc_hits, 1);
    struct tlb_entry_view v[8];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_PWC, v, 8), (int)e->levels - 1);
}

static void test_global_from_nonleaf(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t va = 0x7000;
    uint64_t a = pte_addr_nl(e, va, 0, G);
    *pte_ptr(e, a) = ((RAM_BASE + 0x70000) >> 12) << 10 | RWXAD; /* leaf without G */
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    struct tlb_entry_view v[4];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_true(v[0].global);
    /* so another ASID hits it */
    r.satp ^= 3ULL << 44;
    uint64_t walks = mmu_get_stats(e->m)->walks;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(mmu_get_stats(e->m)->walks, walks);
}

/* mmu_walk_inspect: each level's PTE, the PWC's part, the leaf or the
 * fault, and nothing changed by looking. */
static void test_inspect(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    uint64_t leaf = map(e, 0x5000, RAM_BASE + 0x50000, 0, R | W | V); /* A clear: a walk would set it */
    map(e, 0x6000, RAM_BASE + 0x60000, 0, RWXAD);
    struct mmu_walk_view w;
    mmu_walk_inspect(e->m, e->satp, 0x5123, &w);
    assert_int_equal(w.levels, e->levels);
    assert_int_equal(w.nrows, e->levels);
    assert_true(w.ok);
    assert_int_equal(w.pa, RAM_BASE + 0x50123);
    assert_int_equal(w.size, MMU_PAGE_4K);
    assert_int_equal(w.rows[0].level, e->levels - 1);
    assert_int_equal(w.rows[0].pte_pa, e->root + 0 * 8);
    assert_int_equal(w.rows[e->levels - 1].pte_pa, leaf);
    for (unsigned i = 0; i < w.nrows; i++)
        assert_false(w.rows[i].pwc);
    assert_int_equal(*pte_ptr(e, leaf) & A, 0);               /* no A update */
    assert_int_equal(mmu_get_stats(e->m)->pte_reads, 0);       /* no statistics */
    struct tlb_entry_view none[4];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, none, 4), 0);
    /* after a walk of the neighbour page the PWC holds every non-leaf
     * PTE on the path: only the leaf would be read */
    assert_int_equal(xl(e, 0x6000, MMU_LOAD, &r, NULL), MMU_OK);
    uint64_t reads = mmu_get_stats(e->m)->pte_reads;
    mmu_walk_inspect(e->m, e->satp, 0x5000, &w);
    for (unsigned i = 0; i + 1 < w.nrows; i++)
        assert_true(w.rows[i].pwc);
    assert_false(w.rows[w.nrows - 1].pwc);
    assert_int_equal(mmu_get_stats(e->m)->pte_reads, reads);
    /* another ASID: the PWC's entries are not its own */
    mmu_walk_inspect(e->m, e->satp ^ (5ULL << 44), 0x5000, &w);
    assert_false(w.rows[0].pwc);
    /* faults: nothing mapped, a misaligned superpage, not canonical */
    mmu_walk_inspect(e->m, e->satp, 0x40000000, &w);
    assert_false(w.ok);
    assert_non_null(strstr(w.fault, "V=0"));
    map(e, 0x200000, RAM_BASE + 0x1000, 1, RWXAD);
    mmu_walk_inspect(e->m, e->satp, 0x200000, &w);
    assert_false(w.ok);
    assert_non_null(strstr(w.fault, "misaligned"));
    mmu_walk_inspect(e->m, e->satp, 1ULL << 62, &w);
    assert_false(w.ok);
    assert_int_equal(w.nrows, 0);
    /* Bare: no rows, PA = VA */
    mmu_walk_inspect(e->m, 0, 0x1234, &w);
    assert_true(w.ok);
    assert_int_equal(w.pa, 0x1234);
    assert_int_equal(w.nrows, 0);
}

/* The hits of an L1D entry since its fill, through the general path, the
 * data path and the fast path; a new fill starts again from 0. */
static void test_entry_hits(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    map(e, 0x5000, RAM_BASE + 0x50000, 0, RWXAD);
    struct tlb_entry_view v[4];
    assert_int_equal(mmu_track_entry_hits(e->m), 0);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, NULL), MMU_OK); /* a miss and a fill */
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 0);
    assert_int_equal(xl(e, 0x5008, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(xl(e, 0x5010, MMU_STORE, &r, NULL), MMU_OK);
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 2);
    /* the fast path: a data-path hit fills its slot, five uses of it */
    mmu_fast_context(e->m, &r);
    bool l1 = false;
    assert_non_null(mmu_data_ptr(e->m, 0x5018, MMU_LOAD, &l1));
    assert_true(l1);
    for (int i = 0; i < 5; i++)
        assert_non_null(mmu_fast_lookup(e->m, 0x5020, MMU_LOAD));
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 8);
    /* resetting the statistics keeps them */
    mmu_stats_reset(e->m);
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 8);
    /* a fence and a new fill: 0 again, the fast slot's old uses not added */
    mmu_sfence_vma(e->m, false, 0, false, 0);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, NULL), MMU_OK);
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 0);
}

/* Without mmu_track_entry_hits nothing is counted per entry. */
static void test_entry_hits_off(void **state)
{
    struct env *e = *state;
    struct mmu_req r = req(e, PRIV_S);
    map(e, 0x5000, RAM_BASE + 0x50000, 0, RWXAD);
    for (int i = 0; i < 3; i++)
        assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, NULL), MMU_OK);
    struct tlb_entry_view v[4];
    assert_int_equal(mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 4), 1);
    assert_int_equal(v[0].hits, 0);
    assert_int_equal(mmu_get_stats(e->m)->tlb[MMU_TLB_L1D].hits, 2);
}

/* ---- the TLB coherence checker (mmu/check.c) ---- */

struct check_log {
    unsigned n;
    struct mmu_stale last;
    uint64_t pc; /* what where() answers */
};

static void check_where(void *ctx, unsigned agent, uint64_t *pc, uint32_t *insn, uint64_t *when)
{
    struct check_log *l = ctx;
    *pc = l->pc + agent;
    *insn = 0x13;
    *when = 1000 + agent;
}

static void check_stale(void *ctx, const struct mmu_stale *s)
{
    struct check_log *l = ctx;
    l->n++;
    l->last = *s;
}

/* A cached translation used after its PTE changed is reported with the
 * current walk and the PTE's last writer; what the spec lets a hart keep
 * (more permission in memory, A cleared) is not; a store under a cached
 * D = 1 whose PTE is now clean is; walks from the root are not compared. */
static void test_check_stale(void **state)
{
    struct env *e = *state;
    struct check_log log = {.pc = 0x4000};
    struct mmu_checker_ops ops = {.ctx = &log, .where = check_where, .stale = check_stale};
    struct mmu_checker *c = mmu_checker_create(&e->pm, &ops);
    assert_non_null(c);
    mmu_checker_attach(c, e->m, 2);
    struct mmu_req r = req(e, PRIV_S);
    uint64_t pte = map(e, 0x5000, RAM_BASE + 0x50000, 0, R | W | A | D | V);
    uint64_t pa;
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK); /* the walk reads the table's page */
    assert_int_equal(xl(e, 0x5008, MMU_LOAD, &r, &pa), MMU_OK); /* a hit, memory agrees */
    assert_int_equal(log.n, 0);
    /* a guest store (through a checked MMU, untranslated) repoints the PTE */
    struct mmu_req bare = req(e, PRIV_S);
    bare.satp = 0;
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(e->m, pte, MMU_STORE, &bare, &x), MMU_OK);
    *pte_ptr(e, pte) = ((RAM_BASE + 0x60000) >> 12) << 10 | R | W | A | D | V;
    assert_int_equal(xl(e, 0x5010, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x50010); /* the stale entry is still used, exactly */
    assert_int_equal(log.n, 1);
    assert_int_equal(log.last.agent, 2);
    assert_int_equal(log.last.va, 0x5010);
    assert_int_equal(log.last.which, MMU_TLB_L1D);
    assert_int_equal(log.last.cached_pa, RAM_BASE + 0x50010);
    assert_true(log.last.now.ok);
    assert_int_equal(log.last.now.pa, RAM_BASE + 0x60010);
    assert_true(log.last.writer_known);
    assert_int_equal(log.last.writer_agent, 2);
    assert_int_equal(log.last.writer_pc, 0x4002);
    assert_int_equal(log.last.writer_pte_pa, pte);
    assert_int_equal(log.last.writer_when, 1002);
    /* after the fence: a walk, no report */
    mmu_sfence_vma(e->m, true, 0x5000, false, 0);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(log.n, 1);
    /* A cleared, or W added, in memory: allowed */
    *pte_ptr(e, pte) &= ~A;
    *pte_ptr(e, pte) |= X;
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(log.n, 1);
    /* D cleared in memory while the TLB allows stores: a store is stale */
    assert_int_equal(xl(e, 0x5000, MMU_STORE, &r, &pa), MMU_OK); /* walks? no: cached D = 1 */
    *pte_ptr(e, pte) = (*pte_ptr(e, pte) | A) & ~D;
    assert_int_equal(xl(e, 0x5000, MMU_STORE, &r, &pa), MMU_OK);
    assert_int_equal(log.n, 2);
    assert_int_equal(log.last.acc, MMU_STORE);
    /* D was cleared by the test, not by a tracked guest store: the last
     * tracked store to that PTE is still the first one */
    assert_true(log.last.writer_known);
    assert_int_equal(log.last.writer_seq, 1);
    assert_int_equal(mmu_checker_seq(c), 1);
    /* invalid in memory: a load through the cached entry is stale */
    *pte_ptr(e, pte) = 0;
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(log.n, 3);
    assert_false(log.last.now.ok);
    assert_non_null(log.last.now.fault);
    assert_int_equal(mmu_checker_stale_count(c), 3);
    /* detached, the MMU no longer checks (a stale use goes unreported) */
    mmu_checker_attach(NULL, e->m, 2);
    assert_int_equal(xl(e, 0x5000, MMU_LOAD, &r, &pa), MMU_OK);
    assert_int_equal(log.n, 3);
    mmu_checker_destroy(c);
}

#define T(f, s) cmocka_unit_test_setup_teardown(f, s, teardown)
#define ALL_MODES(f) T(f, setup39), T(f, setup48), T(f, setup57)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_bare_and_m_mode, setup39),
        T(test_bare_pmp, setup39),
        ALL_MODES(test_sizes),
        ALL_MODES(test_canonical),
        ALL_MODES(test_invalid_and_reserved),
        ALL_MODES(test_nonleaf_reserved),
        ALL_MODES(test_nonleaf_at_level0),
        ALL_MODES(test_napot),
        ALL_MODES(test_misaligned_superpage),
        ALL_MODES(test_permissions),
        ALL_MODES(test_pte_outside_ram),
        ALL_MODES(test_pmp_denies_pte_read),
        ALL_MODES(test_ad_hardware),
        ALL_MODES(test_ad_svade),
        ALL_MODES(test_ad_race),
        ALL_MODES(test_ad_pmp_write_denied),
        ALL_MODES(test_walk_reads_and_pwc),
        ALL_MODES(test_global_from_nonleaf),
        ALL_MODES(test_inspect),
        ALL_MODES(test_entry_hits),
        T(test_entry_hits_off, setup39),
        ALL_MODES(test_check_stale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
