/* Unit tests of the H extension's two-stage translation (mmu/nested.c
 * through mmu_translate): the VS-stage over the G-stage in Sv39/Sv39x4
 * and Sv48/Sv48x4, vsatp Bare, guest-page faults with their GPA and
 * implicit kind, the GPA width, HLVX, MXR at each stage, A/D at both
 * stages, superpages of different sizes, VMID/ASID tagging, each fence's
 * scope, and the PTE reads of a cold 2-D walk (24 for Sv48 over Sv48x4)
 * with what the TLB, the nested TLB and the page-walk cache save. */
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
#define RAM_SIZE (32ULL << 20)

#define V (1ULL << 0)
#define R (1ULL << 1)
#define W (1ULL << 2)
#define X (1ULL << 3)
#define U (1ULL << 4)
#define G (1ULL << 5)
#define A (1ULL << 6)
#define D (1ULL << 7)

static const uint64_t VS_RWX = V | R | W | X | A | D;         /* a VS-stage leaf (S pages) */
static const uint64_t G_RWX = V | R | W | X | U | A | D;      /* a G-stage leaf (U = 1 always) */

/* Guest memory: host RAM holds the G-stage tables (below 8 MiB) and the
 * pages that guest physical pages are mapped to (above 8 MiB, the VS
 * tables among them).  A list remembers which host page backs each guest
 * physical page the test mapped, so that it can write VS-stage PTEs. */
struct gmapping { uint64_t gpa, pa, vmid_root; };
struct env {
    struct phys_mem pm;
    struct pmp pmp;
    struct mmu *m;
    uint64_t next_table;   /* bump allocator: G-stage tables */
    uint64_t next_page;    /* bump allocator: pages backing guest physical ones */
    uint64_t next_gpa;     /* the next VS table's GPA, and the step between them */
    uint64_t gpa_step;
    unsigned vslevels, glevels;
    uint64_t groot;        /* the current G-stage root (16 KiB) */
    uint64_t vsroot_gpa;
    uint16_t vmid, asid;
    struct gmapping map[256];
    int nmap;
};

static uint64_t *host(struct env *e, uint64_t pa) { return (uint64_t *)(void *)(e->pm.ram + (pa - RAM_BASE)); }

/* A zeroed host page (or 4 of them, 16 KiB aligned) for G-stage tables. */
static uint64_t table_alloc(struct env *e, unsigned pages)
{
    e->next_table = (e->next_table + pages * 4096ULL - 1) & ~(pages * 4096ULL - 1);
    uint64_t pa = e->next_table;
    e->next_table += pages * 4096ULL;
    assert_true(e->next_table <= RAM_BASE + (8ULL << 20));
    memset(host(e, pa), 0, pages * 4096);
    return pa;
}

/* Map gpa -> pa at the G-stage under root groot with a leaf at level
 * (the root's index has 11 bits); returns the leaf PTE's address. */
static uint64_t gmap_root(struct env *e, uint64_t groot, uint64_t gpa, uint64_t pa, int level, uint64_t flags)
{
    uint64_t table = groot;
    for (int i = (int)e->glevels - 1;; i--) {
        uint64_t idx = (gpa >> (12 + 9 * i)) & (i == (int)e->glevels - 1 ? 0x7ff : 0x1ff);
        uint64_t *p = host(e, table + idx * 8);
        if (i == level) {
            *p = ((pa >> 12) << 10) | flags;
            return table + idx * 8;
        }
        if (!(*p & V))
            *p = ((table_alloc(e, 1) >> 12) << 10) | V;
        table = ((*p >> 10) & ((1ULL << 44) - 1)) << 12;
    }
}
static uint64_t gmap(struct env *e, uint64_t gpa, uint64_t pa, int level, uint64_t flags)
{
    uint64_t a = gmap_root(e, e->groot, gpa, pa, level, flags);
    if (level == 0 && e->nmap < 256)
        e->map[e->nmap++] = (struct gmapping){ gpa & ~0xfffULL, pa, e->groot };
    return a;
}

/* The host page backing guest physical page gpa (mapped by gmap, 4 KiB). */
static uint64_t pa_of_gpa(struct env *e, uint64_t gpa)
{
    for (int k = 0; k < e->nmap; k++)
        if (e->map[k].gpa == (gpa & ~0xfffULL) && e->map[k].vmid_root == e->groot)
            return e->map[k].pa + (gpa & 0xfff);
    fail_msg("gpa %llx not mapped", (unsigned long long)gpa);
    return 0;
}

/* A fresh zeroed host page mapped at the G-stage at guest physical gpa
 * (flags: G-stage leaf bits); returns its host address. */
static uint64_t gpage(struct env *e, uint64_t gpa, uint64_t flags)
{
    uint64_t pa = e->next_page;
    e->next_page += 4096;
    assert_true(e->next_page <= RAM_BASE + RAM_SIZE);
    memset(host(e, pa), 0, 4096);
    gmap(e, gpa, pa, 0, flags);
    return pa;
}

/* A new VS-stage table at the next table GPA, mapped RW at the G-stage. */
static uint64_t vs_table(struct env *e)
{
    uint64_t gpa = e->next_gpa;
    e->next_gpa += e->gpa_step;
    gpage(e, gpa, G_RWX & ~X);
    return gpa;
}

/* The GPA of the VS-stage PTE for va at level, creating the tables above. */
static uint64_t vs_pte_gpa(struct env *e, uint64_t va, int level)
{
    uint64_t table = e->vsroot_gpa;
    for (int i = (int)e->vslevels - 1; i > level; i--) {
        uint64_t *p = host(e, pa_of_gpa(e, table + ((va >> (12 + 9 * i)) & 0x1ff) * 8));
        if (!(*p & V))
            *p = ((vs_table(e) >> 12) << 10) | V;
        table = ((*p >> 10) & ((1ULL << 44) - 1)) << 12;
    }
    return table + ((va >> (12 + 9 * level)) & 0x1ff) * 8;
}

/* Map va -> gpa at the VS-stage (leaf at level); returns the PTE's GPA. */
static uint64_t vsmap(struct env *e, uint64_t va, uint64_t gpa, int level, uint64_t flags)
{
    uint64_t a = vs_pte_gpa(e, va, level);
    *host(e, pa_of_gpa(e, a)) = ((gpa >> 12) << 10) | flags;
    return a;
}

/* Switch to another guest (VMID, G-stage root); the VS root is per guest. */
static void new_guest(struct env *e, uint16_t vmid)
{
    e->vmid = vmid;
    e->groot = table_alloc(e, 4);
    e->vsroot_gpa = vs_table(e);
}

static struct env *env_new(unsigned vslevels, unsigned glevels, uint64_t first_gpa, uint64_t gpa_step)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = aligned_alloc(4096, RAM_SIZE);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = RAM_SIZE;
    pmp_init(&e->pmp, 0);
    e->m = mmu_create(NULL, &e->pm, &e->pmp);
    e->next_table = RAM_BASE + 0x100000;
    e->next_page = RAM_BASE + (8ULL << 20);
    e->next_gpa = first_gpa;
    e->gpa_step = gpa_step;
    e->vslevels = vslevels;
    e->glevels = glevels;
    e->asid = 5;
    new_guest(e, 7);
    return e;
}

static int setup39(void **state)
{
    *state = env_new(3, 3, 0x10000000, 4096);
    return 0;
}
static int setup48(void **state)
{
    *state = env_new(4, 4, 0x10000000, 4096);
    return 0;
}
/* Sv48 over Sv48x4 with every VS table in its own 512 GiB region of guest
 * physical memory, so that no two G-stage walks share a G-stage table */
static int setup48_apart(void **state)
{
    *state = env_new(4, 4, 1ULL << 39, 1ULL << 39);
    return 0;
}

static int setup57(void **state)
{
    *state = env_new(5, 5, 0x10000000, 4096);
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    mmu_destroy(e->m);
    free(e->pm.ram);
    free(e);
    return 0;
}

/* A V=1 request: VS-mode (priv S) or VU (priv U) in the current guest. */
static struct mmu_req vreq(struct env *e, uint8_t priv)
{
    unsigned vmode = e->vslevels == 3 ? SATP_SV39 : e->vslevels == 4 ? SATP_SV48 : SATP_SV57;
    unsigned gmode = e->glevels == 3 ? HGATP_SV39X4 : e->glevels == 4 ? HGATP_SV48X4 : HGATP_SV57X4;
    return (struct mmu_req){
        .satp = (uint64_t)vmode << 60 | (uint64_t)e->asid << 44 | e->vsroot_gpa >> 12,
        .priv = priv, .hw_ad = true, .virt = true, .g_hw_ad = true,
        .hgatp = (uint64_t)gmode << 60 | (uint64_t)e->vmid << HGATP_VMID_SHIFT | e->groot >> 12,
    };
}

static enum mmu_result xl(struct env *e, uint64_t va, enum mmu_access acc, const struct mmu_req *r,
                          struct mmu_xlate *x)
{
    struct mmu_xlate tmp;
    if (!x)
        x = &tmp;
    memset(x, 0, sizeof *x);
    return mmu_translate(e->m, va, acc, r, x);
}

/* The physical address of va, asserting the translation succeeds. */
static uint64_t pa_ok(struct env *e, uint64_t va, enum mmu_access acc, const struct mmu_req *r)
{
    struct mmu_xlate x;
    assert_int_equal(xl(e, va, acc, r, &x), MMU_OK);
    return x.pa;
}

/* Entries of kind and VMID in one structure. */
static int count_kind(struct env *e, int which, unsigned kind, int vmid)
{
    struct tlb_entry_view v[4096];
    int n = mmu_tlb_dump(e->m, which, v, 4096), c = 0;
    for (int k = 0; k < n; k++)
        if (v[k].kind == kind && (vmid < 0 || v[k].vmid == vmid))
            c++;
    return c;
}

static uint64_t sum5(const uint64_t *v) { return v[0] + v[1] + v[2] + v[3] + v[4]; }

/* ---- translation ------------------------------------------------------ */

/* va -> gpa -> pa at both widths; loads, stores, fetches; host pointers. */
static void check_basic(struct env *e)
{
    uint64_t va = 0x12345000, gpa = 0x20000000;
    uint64_t pa = gpage(e, gpa, G_RWX);
    vsmap(e, va, gpa, 0, VS_RWX);
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    for (enum mmu_access acc = MMU_FETCH; acc <= MMU_STORE; acc++) {
        assert_int_equal(xl(e, va + 0x18, acc, &r, &x), MMU_OK);
        assert_int_equal(x.pa, pa + 0x18);
        assert_ptr_equal(x.host, (uint8_t *)host(e, pa) + 0x18);
    }
    const struct mmu_stats *s = mmu_get_stats(e->m);
    assert_int_equal(s->virt_translations, 3);
    assert_int_equal(s->two_stage_walks, 1); /* the fetch; the load refills the L1D from the L2 */
    assert_int_equal(s->guest_page_faults[0] + s->guest_page_faults[1] + s->guest_page_faults[2], 0);
    /* the combined entry: kind VS, the VMID and ASID, the G-stage's flags */
    struct tlb_entry_view v[64];
    int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].kind, MMU_ENTRY_VS);
    assert_int_equal(v[0].vmid, e->vmid);
    assert_int_equal(v[0].asid, e->asid);
    assert_int_equal(v[0].va, va);
    assert_int_equal(v[0].pa, pa);
    assert_int_equal(v[0].gflags, R | W | X | D);
    /* G-stage entries in the L2 (the nested TLB), keyed by GPA */
    assert_true(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, e->vmid) >= 2);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_G, -1), 0);
}

static void test_basic(void **state) { check_basic(*state); }

/* A VS-stage refusal is an ordinary page fault. */
static void test_vs_page_fault(void **state)
{
    struct env *e = *state;
    uint64_t va = 0x40000000, gpa = 0x20000000;
    gpage(e, gpa, G_RWX);
    uint64_t a = vsmap(e, va, gpa, 0, VS_RWX & ~V);
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    *host(e, pa_of_gpa(e, a)) |= V | U; /* a U page: VS-mode needs SUM, VU may */
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    r.sum = true;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), MMU_OK);
    r = vreq(e, PRIV_U);
    assert_int_equal(xl(e, va, MMU_FETCH, &r, &x), MMU_OK);
    /* not canonical under Sv39 */
    assert_int_equal(xl(e, 1ULL << 40, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->page_faults[MMU_LOAD], 3);
}

/* vsatp Bare: the GPA is va, still G-stage translated; kind VSBARE. */
static void test_bare_vs(void **state)
{
    struct env *e = *state;
    uint64_t gpa = 0x30000000;
    uint64_t pa = gpage(e, gpa, G_RWX);
    struct mmu_req r = vreq(e, PRIV_S);
    r.satp = 0;
    assert_int_equal(pa_ok(e, gpa + 0x40, MMU_STORE, &r), pa + 0x40);
    assert_int_equal(pa_ok(e, gpa + 0x48, MMU_LOAD, &r), pa + 0x48);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VSBARE, e->vmid), 1);
    /* an unmapped GPA: a guest-page fault for the access itself */
    struct mmu_xlate x;
    assert_int_equal(xl(e, gpa + 0x1008, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.gpa, gpa + 0x1008);
    assert_int_equal(x.g_implicit, 0);
    /* wider than Sv39x4's 41 bits */
    assert_int_equal(xl(e, 1ULL << 41, MMU_FETCH, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.gpa, 1ULL << 41);
    /* the Bare entry never answers under a translating vsatp */
    struct mmu_req t = vreq(e, PRIV_S);
    assert_int_equal(xl(e, gpa + 0x40, MMU_LOAD, &t, &x), MMU_PAGE_FAULT);
    assert_int_equal(mmu_get_stats(e->m)->guest_page_faults[MMU_FETCH], 1);
    assert_int_equal(mmu_get_stats(e->m)->guest_page_faults[MMU_LOAD], 1);
}

/* Guest-page faults: where, and for what (htinst's implicit kinds). */
static void test_guest_page_faults(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    /* 1: the VS root's GPA is mapped, but the level-1 table it points to
     * is not: the read of its PTE faults with that PTE's GPA */
    uint64_t va = 0x00801000, gpa = 0x20000000;
    uint64_t *root = host(e, pa_of_gpa(e, e->vsroot_gpa + ((va >> 30) & 0x1ff) * 8));
    uint64_t lost = 0x7000000; /* a GPA no G-stage PTE maps */
    *root = ((lost >> 12) << 10) | V;
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.g_implicit, 1);
    assert_int_equal(x.gpa, lost + ((va >> 21) & 0x1ff) * 8);
    *root = 0;
    mmu_hfence_vvma(e->m, e->vmid, false, 0, false, 0); /* the PWC holds the root PTE */
    /* 0: the final page is not mapped */
    vsmap(e, va, gpa, 0, VS_RWX);
    assert_int_equal(xl(e, va + 0x10, MMU_STORE, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.g_implicit, 0);
    assert_int_equal(x.gpa, gpa + 0x10);
    /* 0: mapped with U = 0 at the G-stage */
    uint64_t pa = gpage(e, gpa, G_RWX & ~U);
    assert_int_equal(xl(e, va + 0x10, MMU_FETCH, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.g_implicit, 0);
    assert_int_equal(x.gpa, gpa + 0x10);
    gmap(e, gpa, pa, 0, G_RWX);
    assert_int_equal(xl(e, va + 0x10, MMU_FETCH, &r, &x), MMU_OK);
    /* 2: the VS leaf needs A set, and its table's page is read-only at the
     * G-stage: the A/D write faults with the PTE's GPA; the PTE stays */
    uint64_t va2 = va + 0x1000, gpa2 = 0x20001000;
    gpage(e, gpa2, G_RWX);
    uint64_t a = vsmap(e, va2, gpa2, 0, VS_RWX & ~(A | D));
    gmap(e, a & ~0xfffULL, pa_of_gpa(e, a) & ~0xfffULL, 0, G_RWX & ~W);
    mmu_hfence_gvma(e->m, false, 0, false, 0);
    assert_int_equal(xl(e, va2, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.g_implicit, 2);
    assert_int_equal(x.gpa, a);
    assert_int_equal(*host(e, pa_of_gpa(e, a)) & A, 0);
    /* reads of that table still work: the neighbour with A set translates */
    assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), MMU_OK);
    const struct mmu_stats *s = mmu_get_stats(e->m);
    assert_int_equal(s->guest_page_faults[MMU_LOAD], 2);
    assert_int_equal(s->guest_page_faults[MMU_STORE], 1);
    assert_int_equal(s->guest_page_faults[MMU_FETCH], 1);
}

/* The GPA width: bits above 41 (Sv39x4) or 50 (Sv48x4) fault. */
static void check_gpa_width(struct env *e, unsigned bits)
{
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    uint64_t va = 0x5000;
    /* the widest GPA in range maps (root index 0x7ff) ... */
    uint64_t top = (1ULL << bits) - 0x1000;
    uint64_t pa = gpage(e, top, G_RWX);
    vsmap(e, va, top, 0, VS_RWX);
    assert_int_equal(pa_ok(e, va + 8, MMU_LOAD, &r), pa + 8);
    /* ... one bit more does not */
    vsmap(e, va + 0x1000, 1ULL << bits, 0, VS_RWX);
    assert_int_equal(xl(e, va + 0x1008, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.gpa, (1ULL << bits) + 8);
    assert_int_equal(x.g_implicit, 0);
}
static void test_gpa_width39(void **state) { check_gpa_width(*state, 41); }
static void test_gpa_width48(void **state) { check_gpa_width(*state, 50); }

/* Sv57x4: 59 bits, more than a VS-stage PTE's PPN can name (56), so
 * under vsatp Bare, where the GPA is the whole va. */
static void test_gpa_width57(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_U);
    r.satp = 0;
    struct mmu_xlate x;
    uint64_t top = (1ULL << 59) - 0x1000;
    uint64_t pa = gpage(e, top, G_RWX);
    assert_int_equal(pa_ok(e, top + 0x10, MMU_FETCH, &r), pa + 0x10);
    assert_int_equal(xl(e, 1ULL << 59, MMU_FETCH, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.gpa, 1ULL << 59);
    assert_int_equal(xl(e, ~0ULL << 59 | 0x10, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
}

static uint64_t hook_pte; /* the G-stage PTE the A/D hook changes once */
static void change_once(void *ctx, uint64_t pte_pa)
{
    struct env *e = ctx;
    if (pte_pa == hook_pte) {
        *host(e, pte_pa) |= 1ULL << 8; /* a software bit: the compare-and-swap fails */
        hook_pte = 0;
    }
}

/* The G-stage's A/D compare-and-swap finds the PTE changed: back to step 2
 * (privileged spec, step 9), then succeeds with the new value. */
static void test_g_ad_retry(void **state)
{
    struct env *e = *state;
    uint64_t va = 0x310000, gpa = 0x23100000;
    gpage(e, gpa, G_RWX);
    uint64_t gleaf = gmap(e, gpa, pa_of_gpa(e, gpa), 0, G_RWX & ~(A | D));
    vsmap(e, va, gpa, 0, VS_RWX);
    hook_pte = gleaf;
    mmu_set_ad_hook(e->m, change_once, e);
    struct mmu_req r = vreq(e, PRIV_S);
    assert_int_equal(pa_ok(e, va, MMU_STORE, &r), pa_of_gpa(e, gpa));
    mmu_set_ad_hook(e->m, NULL, NULL);
    assert_int_equal(mmu_get_stats(e->m)->ad_retries, 1);
    assert_int_equal(*host(e, gleaf) & (A | D | 1ULL << 8), A | D | 1ULL << 8);
}

/* HLVX: X, not R, at both stages, MXR no part. */
static void test_hlvx(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_S), lvx = r;
    lvx.lvx = true;
    struct mmu_xlate x;
    struct { uint64_t vs, g; enum mmu_result load, hlvx; } cases[] = {
        { V | X | A, G_RWX & ~(R | W), MMU_PAGE_FAULT, MMU_OK },        /* execute-only at both */
        { V | R | A, G_RWX, MMU_OK, MMU_PAGE_FAULT },                   /* VS not executable */
        { V | X | A | R, V | R | U | A, MMU_OK, MMU_GUEST_PAGE_FAULT }, /* G not executable */
    };
    for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        uint64_t va = 0x100000 + k * 0x1000, gpa = 0x21000000 + k * 0x1000;
        gpage(e, gpa, cases[k].g);
        vsmap(e, va, gpa, 0, cases[k].vs);
        assert_int_equal(xl(e, va, MMU_LOAD, &lvx, &x), cases[k].hlvx);
        assert_int_equal(xl(e, va, MMU_LOAD, &r, &x), cases[k].load);
        assert_int_equal(xl(e, va, MMU_LOAD, &lvx, &x), cases[k].hlvx); /* again, from the TLB */
    }
    /* MXR at both stages does not make HLVX read a non-executable page */
    lvx.mxr = lvx.g_mxr = true;
    assert_int_equal(xl(e, 0x101000, MMU_LOAD, &lvx, &x), MMU_PAGE_FAULT);
}

/* MXR: the VS-stage's is r->mxr (vsstatus.MXR | mstatus.MXR), the
 * G-stage's only g_mxr (mstatus.MXR). */
static void test_mxr_per_stage(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    /* execute-only at the VS-stage */
    gpage(e, 0x22000000, G_RWX);
    vsmap(e, 0x200000, 0x22000000, 0, V | X | A);
    assert_int_equal(xl(e, 0x200000, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    r.g_mxr = true;
    assert_int_equal(xl(e, 0x200000, MMU_LOAD, &r, &x), MMU_PAGE_FAULT);
    r.g_mxr = false, r.mxr = true;
    assert_int_equal(xl(e, 0x200000, MMU_LOAD, &r, &x), MMU_OK);
    /* execute-only at the G-stage */
    r = vreq(e, PRIV_S);
    gpage(e, 0x22001000, V | X | U | A);
    vsmap(e, 0x201000, 0x22001000, 0, VS_RWX);
    assert_int_equal(xl(e, 0x201000, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    r.mxr = true;
    assert_int_equal(xl(e, 0x201000, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    r.mxr = false, r.g_mxr = true;
    assert_int_equal(xl(e, 0x201000, MMU_LOAD, &r, &x), MMU_OK);
    /* and from the TLB the same, both ways */
    assert_int_equal(xl(e, 0x201000, MMU_LOAD, &r, &x), MMU_OK);
    r.g_mxr = false;
    assert_int_equal(xl(e, 0x201000, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.gpa, 0x22001000);
}

/* A/D at both stages: hardware updates, and faults without them. */
static void test_ad_both_stages(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_S);
    struct mmu_xlate x;
    uint64_t va = 0x300000, gpa = 0x23000000;
    gpage(e, gpa, G_RWX);
    uint64_t gleaf = gmap(e, gpa, pa_of_gpa(e, gpa), 0, G_RWX & ~(A | D));
    uint64_t vleaf = vsmap(e, va, gpa, 0, VS_RWX & ~(A | D));
    /* the G-stage PTE of the VS leaf's table page: clean, not accessed */
    uint64_t tpage = vleaf & ~0xfffULL;
    uint64_t gtable = gmap(e, tpage, pa_of_gpa(e, tpage) & ~0xfffULL, 0, G_RWX & ~(A | D));
    /* the G-stage PTE of the VS root's page, made not accessed too */
    uint64_t groot_leaf = gmap(e, e->vsroot_gpa, pa_of_gpa(e, e->vsroot_gpa), 0, G_RWX & ~(A | D));
    /* without hardware updates at the G-stage: the first G-stage PTE met
     * without A (the VS root's page, read first) faults */
    r.g_hw_ad = false;
    assert_int_equal(xl(e, va, MMU_STORE, &r, &x), MMU_GUEST_PAGE_FAULT);
    assert_int_equal(x.g_implicit, 1);
    assert_int_equal(x.gpa, e->vsroot_gpa + ((va >> 30) & 0x1ff) * 8);
    /* without them at the VS-stage: a page fault */
    r = vreq(e, PRIV_S);
    r.hw_ad = false;
    assert_int_equal(xl(e, va, MMU_STORE, &r, &x), MMU_PAGE_FAULT);
    /* with both: a store sets A and D at the VS leaf, at the G leaf of the
     * page, and at the G leaf of the VS leaf's table page (its A/D write is
     * a store there); the VS root's page was only read: A, not D */
    r = vreq(e, PRIV_S);
    uint64_t before = mmu_get_stats(e->m)->ad_updates;
    assert_int_equal(xl(e, va, MMU_STORE, &r, &x), MMU_OK);
    assert_int_equal(*host(e, pa_of_gpa(e, vleaf)) & (A | D), A | D);
    assert_int_equal(*host(e, gleaf) & (A | D), A | D);
    assert_int_equal(*host(e, gtable) & (A | D), A | D);
    assert_int_equal(*host(e, groot_leaf) & (A | D), A);
    assert_int_equal(mmu_get_stats(e->m)->ad_updates - before, 3); /* VS leaf, G leaf, G table page's D */
}

/* Superpages: the combined entry has the smaller of the two sizes. */
static void test_superpages(void **state)
{
    struct env *e = *state;
    struct mmu_req r = vreq(e, PRIV_S);
    struct tlb_entry_view v[64];
    /* VS 2 MiB over G 4 KiB pages */
    uint64_t va = 0x40000000, gpa = 0x24000000;
    vsmap(e, va, gpa, 1, VS_RWX);
    uint64_t pa = gpage(e, gpa + 0x5000, G_RWX);
    assert_int_equal(pa_ok(e, va + 0x5010, MMU_LOAD, &r), pa + 0x10);
    /* VS 4 KiB over a G 2 MiB page */
    uint64_t va2 = 0x50000000, gpa2 = 0x26000000, big = RAM_BASE + (16ULL << 20);
    gmap(e, gpa2, big, 1, G_RWX);
    vsmap(e, va2, gpa2 + 0x3000, 0, VS_RWX);
    assert_int_equal(pa_ok(e, va2 + 0x20, MMU_LOAD, &r), big + 0x3020);
    /* VS 1 GiB over a G 2 MiB page: 2 MiB */
    uint64_t va3 = 0x80000000;
    vsmap(e, va3, 0, 2, VS_RWX); /* GPA 0..1 GiB */
    gmap(e, 0x200000, big, 1, G_RWX);
    assert_int_equal(pa_ok(e, va3 + 0x200000 + 0x1234, MMU_STORE, &r), big + 0x1234);
    int n = mmu_tlb_dump(e->m, MMU_TLB_L1D, v, 64);
    int seen = 0;
    for (int k = 0; k < n; k++) {
        if (v[k].va == va + 0x5000)
            seen |= 1, assert_int_equal(v[k].size, MMU_PAGE_4K);
        if (v[k].va == va2)
            seen |= 2, assert_int_equal(v[k].size, MMU_PAGE_4K);
        if (v[k].va == va3 + 0x200000)
            seen |= 4, assert_int_equal(v[k].size, MMU_PAGE_2M), assert_int_equal(v[k].pa, big);
    }
    assert_int_equal(seen, 7);
    /* the 2 MiB combined entry answers elsewhere in its page without a walk */
    uint64_t walks = mmu_get_stats(e->m)->two_stage_walks;
    assert_int_equal(pa_ok(e, va3 + 0x3ff000, MMU_LOAD, &r), big + 0x1ff000);
    assert_int_equal(mmu_get_stats(e->m)->two_stage_walks, walks);
    /* a misaligned G-stage superpage is a guest-page fault */
    gmap(e, 0x28000000, big + 0x1000, 1, G_RWX);
    vsmap(e, 0x60000000, 0x28000000, 0, VS_RWX);
    struct mmu_xlate x;
    assert_int_equal(xl(e, 0x60000000, MMU_LOAD, &r, &x), MMU_GUEST_PAGE_FAULT);
}

/* The data fast path serves V=1 L1D hits in a V=1 context, for what both
 * stages allow, until the L1D or the context changes. */
static void test_fast_path_virt(void **state)
{
    struct env *e = *state;
    uint64_t va = 0x90000, gpa = 0x27000000, va2 = 0x91000, gpa2 = 0x27001000;
    uint64_t pa = gpage(e, gpa, G_RWX);
    gpage(e, gpa2, G_RWX & ~D); /* clean at the G-stage */
    vsmap(e, va, gpa, 0, VS_RWX);
    vsmap(e, va2, gpa2, 0, VS_RWX);
    struct mmu_req r = vreq(e, PRIV_S);
    mmu_fast_context(e->m, &r);
    bool l1_hit = false;
    assert_null(mmu_data_ptr(e->m, va, MMU_LOAD, &l1_hit)); /* path 0: the general path answers V=1 */
    assert_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);   /* a walk: the L1D filled */
    assert_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);   /* an L1D hit: the fast slot filled */
    assert_ptr_equal(mmu_fast_lookup(e->m, va + 8, MMU_LOAD), (uint8_t *)host(e, pa) + 8);
    assert_ptr_equal(mmu_fast_lookup(e->m, va + 8, MMU_STORE), (uint8_t *)host(e, pa) + 8);
    /* a page clean at the G-stage: loads only */
    assert_int_equal(pa_ok(e, va2, MMU_LOAD, &r), pa_of_gpa(e, gpa2));
    assert_int_equal(pa_ok(e, va2, MMU_LOAD, &r), pa_of_gpa(e, gpa2));
    assert_non_null(mmu_fast_lookup(e->m, va2, MMU_LOAD));
    assert_null(mmu_fast_lookup(e->m, va2, MMU_STORE));
    /* another VMID in the context: nothing */
    struct mmu_req o = r;
    o.hgatp ^= 1ULL << HGATP_VMID_SHIFT;
    mmu_fast_context(e->m, &o);
    assert_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
    /* back, refilled; then hfence.vvma retires the slot */
    mmu_fast_context(e->m, &r);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);
    assert_non_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
    mmu_hfence_vvma(e->m, e->vmid, true, va, false, 0);
    assert_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
    /* a V=0 context never gets a V=1 slot */
    struct mmu_req h = { .satp = r.satp, .priv = PRIV_S, .hw_ad = true };
    mmu_fast_context(e->m, &h);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);
    assert_null(mmu_fast_lookup(e->m, va, MMU_LOAD));
}

/* ---- tagging ------------------------------------------------------------ */

/* Two VMIDs, the same ASID and VA: different pages; V=0 apart. */
static void test_vmid_asid_tagging(void **state)
{
    struct env *e = *state;
    uint64_t va = 0x7000, gpa = 0x25000000;
    uint64_t pa1 = gpage(e, gpa, G_RWX);
    vsmap(e, va, gpa, 0, VS_RWX | G); /* global in its guest */
    struct mmu_req r1 = vreq(e, PRIV_S);
    new_guest(e, 9);
    uint64_t pa2 = gpage(e, gpa, G_RWX);
    vsmap(e, va, gpa, 0, VS_RWX | G);
    struct mmu_req r2 = vreq(e, PRIV_S);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r1), pa1);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r2), pa2);
    uint64_t walks = mmu_get_stats(e->m)->two_stage_walks;
    for (int k = 0; k < 3; k++) {
        assert_int_equal(pa_ok(e, va, MMU_LOAD, &r1), pa1);
        assert_int_equal(pa_ok(e, va, MMU_LOAD, &r2), pa2);
    }
    assert_int_equal(mmu_get_stats(e->m)->two_stage_walks, walks); /* all hits */
    /* V=0 with the same ASID: its own page table, which maps va elsewhere */
    uint64_t root = RAM_BASE + (6ULL << 20), l1 = root + 0x1000, l0 = root + 0x2000;
    memset(host(e, root), 0, 3 * 4096);
    *host(e, root) = ((l1 >> 12) << 10) | V;
    *host(e, l1) = ((l0 >> 12) << 10) | V;
    *host(e, l0 + 7 * 8) = ((RAM_BASE + 0x5000) >> 12) << 10 | VS_RWX;
    struct mmu_req h = { .satp = (uint64_t)SATP_SV39 << 60 | (uint64_t)e->asid << 44 | root >> 12,
                         .priv = PRIV_S, .hw_ad = true };
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &h), RAM_BASE + 0x5000);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r1), pa1);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &h), RAM_BASE + 0x5000);
    /* a V=0 request never takes a V=1 entry (the fast fetch path neither) */
    uint64_t page;
    assert_int_equal(pa_ok(e, va, MMU_FETCH, &r1), pa1);
    assert_non_null(mmu_fetch_page_virt(e->m, va, &r1, &page));
    assert_int_equal(page, pa1);
    assert_null(mmu_fetch_page(e->m, va, r1.satp, PRIV_S, &page));
    assert_null(mmu_fetch_page_virt(e->m, va, &h, &page)); /* not virt */
}

/* ---- fences --------------------------------------------------------------- */

/* Two guests with two pages each, a V=0 translation, all cached. */
struct fence_fix { struct mmu_req r[2], h; uint64_t va[2], pa[2][2]; uint64_t gpa[2]; };

static void fence_setup(struct env *e, struct fence_fix *f)
{
    f->va[0] = 0x10000;
    f->va[1] = 0x401000; /* another level-0 table, another L1D set */
    f->gpa[0] = 0x26000000;
    f->gpa[1] = 0x26400000;
    for (int g = 0; g < 2; g++) {
        if (g)
            new_guest(e, 11);
        for (int k = 0; k < 2; k++) {
            f->pa[g][k] = gpage(e, f->gpa[k], G_RWX);
            vsmap(e, f->va[k], f->gpa[k], 0, VS_RWX);
        }
        f->r[g] = vreq(e, PRIV_S);
    }
    /* a V=0 Sv39 address space with the guests' ASID, mapping va[0] */
    uint64_t root = RAM_BASE + (7ULL << 20);
    memset(host(e, root), 0, 3 * 4096);
    *host(e, root) = ((root + 0x1000) >> 12) << 10 | V;
    *host(e, root + 0x1000) = ((root + 0x2000) >> 12) << 10 | V;
    *host(e, root + 0x2000 + 0x10 * 8) = ((RAM_BASE + 0x9000) >> 12) << 10 | VS_RWX;
    f->h = (struct mmu_req){ .satp = (uint64_t)SATP_SV39 << 60 | (uint64_t)e->asid << 44 | root >> 12,
                             .priv = PRIV_S, .hw_ad = true };
}

/* Translate everything; returns the walks this took (0: all cached). */
static uint64_t fence_touch(struct env *e, struct fence_fix *f)
{
    const struct mmu_stats *s = mmu_get_stats(e->m);
    uint64_t w = s->walks;
    for (int g = 0; g < 2; g++)
        for (int k = 0; k < 2; k++)
            assert_int_equal(pa_ok(e, f->va[k], MMU_LOAD, &f->r[g]), f->pa[g][k]);
    assert_int_equal(pa_ok(e, f->va[0], MMU_LOAD, &f->h), RAM_BASE + 0x9000);
    s = mmu_get_stats(e->m);
    return s->walks - w;
}

static void test_fence_scopes(void **state)
{
    struct env *e = *state;
    struct fence_fix f;
    fence_setup(e, &f);
    uint16_t vm0 = (uint16_t)(f.r[0].hgatp >> HGATP_VMID_SHIFT), vm1 = 11;
    assert_int_equal(fence_touch(e, &f), 5);
    assert_int_equal(fence_touch(e, &f), 0);

    /* sfence.vma (all): only V=0 */
    mmu_sfence_vma(e->m, false, 0, false, 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_S, -1), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, -1), 4);
    assert_int_equal(fence_touch(e, &f), 1);

    /* hfence.vvma of one VMID: its combined entries and VS-stage PWC
     * entries; the other guest's, the G-stage's and V=0's stay */
    int g_before = count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, -1);
    mmu_hfence_vvma(e->m, vm0, false, 0, false, 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm0), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_VS, vm0), 0);
    assert_int_equal(count_kind(e, MMU_TLB_PWC, MMU_ENTRY_VS, vm0), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm1), 2);
    assert_true(count_kind(e, MMU_TLB_PWC, MMU_ENTRY_VS, vm1) > 0);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, -1), g_before);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_S, -1), 1);
    uint64_t gw = mmu_get_stats(e->m)->g_walks;
    assert_int_equal(fence_touch(e, &f), 2);
    assert_int_equal(mmu_get_stats(e->m)->g_walks, gw); /* the nested TLB answered */

    /* hfence.vvma with an address: that page of that VMID only */
    mmu_hfence_vvma(e->m, vm1, true, f.va[1], false, 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm1), 1);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm0), 2);
    assert_int_equal(fence_touch(e, &f), 1);

    /* hfence.vvma with an ASID: not the global entries */
    uint64_t *leaf = host(e, pa_of_gpa(e, vs_pte_gpa(e, f.va[0], 0))); /* guest 1's */
    *leaf |= G;
    mmu_hfence_vvma(e->m, vm1, true, f.va[0], false, 0);
    assert_int_equal(fence_touch(e, &f), 1); /* refilled as global */
    mmu_hfence_vvma(e->m, vm1, false, 0, true, e->asid);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm1), 1); /* the global one */
    assert_int_equal(fence_touch(e, &f), 1);
    const struct mmu_stats *s = mmu_get_stats(e->m);
    assert_int_equal(s->hfence_vvma[MMU_FENCE_ALL], 1);
    assert_int_equal(s->hfence_vvma[MMU_FENCE_VA], 2);
    assert_int_equal(s->hfence_vvma[MMU_FENCE_ASID], 1);

    /* hfence.gvma of one GPA in one VMID: that G-stage entry, and every
     * combined entry of the VMID; not the other VMID's, not V=0's */
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, vm0), g_before / 2);
    mmu_hfence_gvma(e->m, true, f.gpa[1], true, vm0);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, vm0), g_before / 2 - 1);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, vm1), g_before / 2);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm0), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, vm1), 2);
    assert_true(count_kind(e, MMU_TLB_PWC, MMU_ENTRY_VS, vm0) > 0); /* GVA -> GPA: not G-stage */
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_S, -1), 1);
    gw = mmu_get_stats(e->m)->g_walks;
    assert_int_equal(fence_touch(e, &f), 2);
    assert_int_equal(mmu_get_stats(e->m)->g_walks, gw + 1); /* only gpa[1] walked again */

    /* hfence.gvma of a VMID: all its G-stage entries */
    mmu_hfence_gvma(e->m, false, 0, true, vm1);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, vm1), 0);
    assert_int_equal(count_kind(e, MMU_TLB_PWC, MMU_ENTRY_G, vm1), 0);
    assert_true(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, vm0) > 0);
    assert_int_equal(fence_touch(e, &f), 2);

    /* hfence.gvma (all): every G-stage and combined entry, V=0 stays */
    mmu_hfence_gvma(e->m, false, 0, false, 0);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_G, -1), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L2, MMU_ENTRY_VS, -1), 0);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_S, -1), 1);
    assert_int_equal(fence_touch(e, &f), 4);
    s = mmu_get_stats(e->m);
    assert_int_equal(s->hfence_gvma[MMU_FENCE_VA_ASID], 1);
    assert_int_equal(s->hfence_gvma[MMU_FENCE_ASID], 1);
    assert_int_equal(s->hfence_gvma[MMU_FENCE_ALL], 1);
    assert_true(s->hfence_gvma_removed[MMU_FENCE_ALL] > 0);

    /* sfence.vma with an ASID the guests use: V=0 only */
    mmu_sfence_vma(e->m, false, 0, true, e->asid);
    assert_int_equal(count_kind(e, MMU_TLB_L1D, MMU_ENTRY_VS, -1), 4);
    assert_int_equal(fence_touch(e, &f), 1);

    /* flush-all: everything */
    mmu_flush_all(e->m);
    for (int which = 0; which <= MMU_TLB_PWC; which++)
        for (unsigned k = 0; k < 4; k++)
            assert_int_equal(count_kind(e, which, k, -1), 0);
    assert_int_equal(fence_touch(e, &f), 5);
}

/* ---- the 2-D walk's reads ------------------------------------------------ */

/* Sv48 over Sv48x4, cold: 4 VS PTE reads, each after a 4-read G-stage walk
 * of its GPA, and 4 G-stage reads for the final GPA: 24.  Then what the
 * caches save. */
static void test_24_reads(void **state)
{
    struct env *e = *state;
    uint64_t va = 0x123456789000ULL & ((1ULL << 47) - 1);
    uint64_t gpa = 7ULL << 39 | 0x1000; /* a region of its own */
    uint64_t pa = gpage(e, gpa, G_RWX);
    gpage(e, gpa + 0x1000, G_RWX);
    vsmap(e, va, gpa, 0, VS_RWX);
    vsmap(e, va + 0x1000, gpa + 0x1000, 0, VS_RWX);
    mmu_flush_all(e->m);
    mmu_stats_reset(e->m);
    struct mmu_req r = vreq(e, PRIV_S);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);
    const struct mmu_stats *s = mmu_get_stats(e->m);
    assert_int_equal(s->pte_reads, 24);
    assert_int_equal(s->two_stage_walks, 1);
    assert_int_equal(s->walk_reads[4], 1); /* the 5+ bucket */
    for (int i = 0; i < 4; i++) {
        assert_int_equal(s->vs_pte_reads[i], 1);
        assert_int_equal(s->g_pte_reads_vs[i], 4);
        assert_int_equal(s->g_pte_reads_final[i], 1);
    }
    assert_int_equal(s->g_walks, 5);
    assert_int_equal(s->g_tlb_misses, 5);
    assert_int_equal(s->pwc_hits_vs + s->pwc_hits_g, 0);
    /* again: a TLB hit, no read */
    assert_int_equal(pa_ok(e, va + 8, MMU_LOAD, &r), pa + 8);
    assert_int_equal(mmu_get_stats(e->m)->pte_reads, 24);
    /* the next page: the VS PWC gives the leaf table's GPA, the nested TLB
     * its host page, the G-stage PWC the final GPA's level-0 table: 2 reads */
    assert_int_equal(pa_ok(e, va + 0x1000, MMU_LOAD, &r), pa_of_gpa(e, gpa + 0x1000));
    s = mmu_get_stats(e->m);
    assert_int_equal(s->pte_reads, 26);
    assert_int_equal(s->vs_pte_reads[0], 2);
    assert_int_equal(s->g_pte_reads_final[0], 2);
    assert_int_equal(sum5(s->g_pte_reads_vs), 16);
    assert_int_equal(s->pwc_hits_vs, 1);
    assert_int_equal(s->pwc_hits_g, 1);
    assert_int_equal(s->g_tlb_hits, 1);
    /* hfence.vvma: the combined entries and VS PWC go, the nested TLB
     * stays: 4 VS reads and nothing of the G-stage */
    mmu_hfence_vvma(e->m, e->vmid, false, 0, false, 0);
    assert_int_equal(pa_ok(e, va, MMU_LOAD, &r), pa);
    s = mmu_get_stats(e->m);
    assert_int_equal(s->pte_reads, 30);
    assert_int_equal(sum5(s->g_pte_reads_vs) + sum5(s->g_pte_reads_final), 16 + 5);
    /* the statistics print them */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mmu_stats_print(e->m, f);
    fclose(f);
    assert_non_null(strstr(buf, "two-stage: translations 4 walks 3"));
    assert_non_null(strstr(buf, "VS 3/2/2/2/0 G-for-VS 4/4/4/4/0 G-final 2/1/1/1/0"));
    free(buf);
    f = open_memstream(&buf, &len);
    mmu_stats_json(e->m, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"g_pte_reads_for_vs_by_level\":[4,4,4,4,0]"));
    free(buf);
}

/* With V=0 only, --stats prints no two-stage line. */
static void test_stats_quiet_without_virt(void **state)
{
    struct env *e = *state;
    struct mmu_req h = { .satp = 0, .priv = PRIV_S };
    assert_int_equal(pa_ok(e, RAM_BASE, MMU_LOAD, &h), RAM_BASE);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mmu_stats_print(e->m, f);
    fclose(f);
    assert_null(strstr(buf, "two-stage"));
    assert_null(strstr(buf, "hfence"));
    free(buf);
}

#define T(f, s) cmocka_unit_test_setup_teardown(f, s, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_basic, setup39),
        T(test_basic, setup48),
        T(test_vs_page_fault, setup39),
        T(test_bare_vs, setup39),
        T(test_guest_page_faults, setup39),
        T(test_gpa_width39, setup39),
        T(test_gpa_width48, setup48),
        T(test_basic, setup57),
        T(test_gpa_width57, setup57),
        T(test_g_ad_retry, setup39),
        T(test_hlvx, setup39),
        T(test_mxr_per_stage, setup39),
        T(test_ad_both_stages, setup39),
        T(test_superpages, setup39),
        T(test_fast_path_virt, setup39),
        T(test_vmid_asid_tagging, setup39),
        T(test_fence_scopes, setup39),
        T(test_24_reads, setup48_apart),
        T(test_stats_quiet_without_virt, setup39),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
