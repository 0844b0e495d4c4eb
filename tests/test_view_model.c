/* Unit tests of the view model (platform/view/model.c), no display needed:
 * what each cell shows for a given TLB state and how its marks follow the
 * changes, ASID colours, the walk view's rows for a given page table, the
 * counter graphs and the shootdown bookkeeping; the IOMMU's panel for the
 * state a real IOMMU (platform/iommu.h) leaves in its IOTLB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "view/model.h"

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE (4ULL << 20)

/* what tests/iommu_env.h needs */
struct env {
    struct phys_mem pm;
    struct mmio_dev regs;
    uint64_t next_page;
    uint64_t cq;
    uint32_t cq_tail;
};
#include "iommu_env.h"

static struct tlb_entry_view entry(unsigned set, unsigned way, uint64_t va, uint16_t asid, uint64_t hits)
{
    return (struct tlb_entry_view){ .set = set, .way = way, .va = va, .pa = 0x80000000 + va, .bytes = 4096,
                                    .size = MMU_PAGE_4K, .asid = asid, .flags = 0xc7 /* V R W A D */,
                                    .levels = 3, .stamp = hits + 1, .hits = hits };
}

/* A 2-set, 2-way TLB. */
static struct view_tlb small_tlb(void)
{
    struct view_tlb t = { .name = "L1D", .sets = 2, .ways = 2 };
    t.cells = calloc(4, sizeof *t.cells);
    return t;
}

static void test_marks_follow_changes(void **state)
{
    (void)state;
    struct view_tlb t = small_tlb();
    struct tlb_entry_view e[4];
    e[0] = entry(0, 0, 0x1000, 1, 0);
    e[1] = entry(1, 1, 0x3000, 2, 0);
    view_tlb_update(&t, e, 2);
    assert_true(t.cells[0].valid);
    assert_int_equal(t.cells[0].mark, VIEW_MARK_FILL);
    assert_int_equal(t.cells[0].fade, VIEW_FADE_FRAMES);
    assert_int_equal(t.cells[0].rgb, view_asid_rgb(1, false));
    assert_false(t.cells[1].valid);
    assert_int_equal(t.cells[1].rgb, VIEW_EMPTY_RGB);
    assert_int_equal(t.cells[3].mark, VIEW_MARK_FILL);
    assert_int_equal(t.cells[3].rgb, view_asid_rgb(2, false));

    /* (0,0) used 5 times; (1,1) removed; (0,1) filled; (1,0) untouched */
    e[0] = entry(0, 0, 0x1000, 1, 5);
    e[1] = entry(0, 1, 0x5000, 1, 0);
    view_tlb_update(&t, e, 2);
    assert_int_equal(t.cells[0].mark, VIEW_MARK_HIT);
    assert_int_equal(t.cells[0].e.hits, 5);
    assert_int_equal(t.cells[1].mark, VIEW_MARK_FILL);
    assert_false(t.cells[3].valid);
    assert_int_equal(t.cells[3].mark, VIEW_MARK_FENCE);
    assert_int_equal(t.cells[2].mark, VIEW_MARK_NONE);

    /* (0,0) replaced by another page: an eviction; (0,1) unchanged fades */
    e[0] = entry(0, 0, 0x7000, 3, 0);
    e[1] = entry(0, 1, 0x5000, 1, 0);
    view_tlb_update(&t, e, 2);
    assert_int_equal(t.cells[0].mark, VIEW_MARK_EVICT);
    assert_int_equal(t.cells[0].rgb, view_asid_rgb(3, false));
    assert_int_equal(t.cells[1].mark, VIEW_MARK_FILL);
    assert_int_equal(t.cells[1].fade, VIEW_FADE_FRAMES - 1);
    /* the same page filled again (its hits start over): a fill, not an eviction */
    e[0] = entry(0, 0, 0x7000, 3, 0);
    e[0].flags |= 0x08;
    view_tlb_update(&t, e, 2);
    assert_int_equal(t.cells[0].mark, VIEW_MARK_FILL);
    /* marks fade out */
    for (int i = 0; i < VIEW_FADE_FRAMES; i++)
        view_tlb_update(&t, e, 2);
    for (int k = 0; k < 4; k++) {
        assert_int_equal(t.cells[k].mark, VIEW_MARK_NONE);
        assert_int_equal(t.cells[k].fade, 0);
    }
    /* the replacement age: the newest stamp is the base */
    e[0].stamp = 10;
    e[1].stamp = 4;
    view_tlb_update(&t, e, 2);
    assert_int_equal(t.age_base, 10);
    free(t.cells);
}

/* Is a colour grey (its channels within 24 of each other)? */
static bool greyish(uint32_t rgb)
{
    int r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
    int hi = r > g ? (r > b ? r : b) : (g > b ? g : b), lo = r < g ? (r < b ? r : b) : (g < b ? g : b);
    return hi - lo < 24;
}

static void test_asid_colours(void **state)
{
    (void)state;
    for (unsigned a = 0; a < 256; a++) {
        uint32_t c = view_asid_rgb((uint16_t)a, false);
        assert_false(greyish(c));
        assert_int_not_equal(c, view_asid_rgb(0, true));
        if (a < 16) /* neighbours differ clearly */
            for (unsigned b = 0; b < a; b++) {
                uint32_t d = view_asid_rgb((uint16_t)b, false);
                int dr = (int)(c >> 16 & 255) - (int)(d >> 16 & 255), dg = (int)(c >> 8 & 255) - (int)(d >> 8 & 255),
                    db = (int)(c & 255) - (int)(d & 255);
                assert_true(dr * dr + dg * dg + db * db > 30 * 30);
            }
    }
    assert_int_equal(view_asid_rgb(7, true), view_asid_rgb(9, true));
    for (int m = VIEW_MARK_HIT; m < VIEW_NMARKS; m++)
        for (int n = VIEW_MARK_HIT; n < m; n++)
            assert_int_not_equal(view_mark_rgb(m), view_mark_rgb(n));
}

static void test_cell_describe(void **state)
{
    (void)state;
    struct view_tlb t = small_tlb();
    struct tlb_entry_view e = entry(1, 0, 0xffffffc000200000ULL, 3, 12);
    e.size = MMU_PAGE_2M;
    e.bytes = 2 << 20;
    e.global = true;
    e.flags = 0xeb; /* V R X G A D */
    e.stamp = 20;
    view_tlb_update(&t, &e, 1);
    t.age_base = 32;
    char buf[256];
    view_cell_describe(&t, &t.cells[2], buf, sizeof buf);
    assert_non_null(strstr(buf, "set 1 way 0"));
    assert_non_null(strstr(buf, "VPN 0x4000200 (VA 0xffffffc000200000) -> PPN 0xffffffc080200 "));
    assert_non_null(strstr(buf, "2M"));
    assert_non_null(strstr(buf, "ASID 3 G"));
    assert_non_null(strstr(buf, "R-X-GAD"));
    assert_non_null(strstr(buf, "PMA"));
    assert_non_null(strstr(buf, "age 12"));
    assert_non_null(strstr(buf, "hits 12"));
    view_cell_describe(&t, &t.cells[0], buf, sizeof buf);
    assert_string_equal(buf, "(empty)");
    free(t.cells);
}

/* The H extension's entries: the kind, the VMID and the G-stage's flags;
 * a change of VMID alone is another entry (a fill, not the same cell). */
static void test_cell_describe_two_stage(void **state)
{
    (void)state;
    struct view_tlb t = small_tlb();
    struct tlb_entry_view e = entry(1, 0, 0x40000000, 3, 12);
    e.kind = MMU_ENTRY_VS;
    e.vmid = 9;
    e.flags = 0xc7;  /* V R W A D */
    e.gflags = 0x86; /* R W D at the G-stage, no X */
    view_tlb_update(&t, &e, 1);
    char buf[256];
    view_cell_describe(&t, &t.cells[2], buf, sizeof buf);
    assert_non_null(strstr(buf, "VS+G VMID 9: set 1 way 0"));
    assert_non_null(strstr(buf, "guest VA 0x40000000"));
    assert_non_null(strstr(buf, "G-stage RW-D"));
    e.kind = MMU_ENTRY_G;
    e.vmid = 2;
    view_tlb_update(&t, &e, 1);
    assert_int_equal(t.cells[2].mark, VIEW_MARK_FILL);
    view_cell_describe(&t, &t.cells[2], buf, sizeof buf);
    assert_non_null(strstr(buf, "G-stage VMID 2: "));
    assert_non_null(strstr(buf, "GPA 0x40000000"));
    assert_non_null(strstr(buf, "Sv39x4"));
    free(t.cells);
}

/* A page table in RAM: 0x40201000 -> 0x80050000 under Sv39, the walk view's rows. */
static void test_walk_rows(void **state)
{
    (void)state;
    struct phys_mem pm = { 0 };
    pm.ram = aligned_alloc(4096, RAM_SIZE);
    memset(pm.ram, 0, RAM_SIZE);
    pm.ram_base = RAM_BASE;
    pm.ram_size = RAM_SIZE;
    uint64_t root = RAM_BASE + 0x10000, l1 = RAM_BASE + 0x11000, l0 = RAM_BASE + 0x12000;
    uint64_t va = 0x40201000;
    uint64_t *p2 = (uint64_t *)(void *)(pm.ram + (root - RAM_BASE)) + ((va >> 30) & 511);
    uint64_t *p1 = (uint64_t *)(void *)(pm.ram + (l1 - RAM_BASE)) + ((va >> 21) & 511);
    uint64_t *p0 = (uint64_t *)(void *)(pm.ram + (l0 - RAM_BASE)) + ((va >> 12) & 511);
    *p2 = (l1 >> 12) << 10 | 1;
    *p1 = (l0 >> 12) << 10 | 1;
    *p0 = (0x80050000ULL >> 12) << 10 | 0xc7;
    struct mmu_config c;
    mmu_config_default(&c);
    struct mmu *m = mmu_create(&c, &pm, NULL);
    uint64_t satp = 8ULL << 60 | 4ULL << 44 | root >> 12;
    struct mmu_walk_view w;
    mmu_walk_inspect(m, satp, va + 0x10, &w);
    char buf[200];
    assert_int_equal(w.nrows, 3);
    view_walk_describe(&w, 0, buf, sizeof buf);
    assert_string_equal(buf, "L2 PTE @0x80010008 = 0x0000000020004401  -> table 0x80011000");
    view_walk_describe(&w, 1, buf, sizeof buf);
    assert_string_equal(buf, "L1 PTE @0x80011008 = 0x0000000020004801  -> table 0x80012000");
    view_walk_describe(&w, 2, buf, sizeof buf);
    assert_string_equal(buf, "L0 PTE @0x80012008 = 0x00000000200140c7  leaf RW---AD");
    view_walk_describe(&w, 3, buf, sizeof buf);
    assert_string_equal(buf, "-> PA 0x80050010 (4K page, 3 PTE reads without the PWC)");
    /* after a translation the PWC answers the upper levels */
    struct mmu_req r = { .satp = satp, .priv = PRIV_S, .hw_ad = true };
    struct mmu_xlate x;
    assert_int_equal(mmu_translate(m, va, MMU_LOAD, &r, &x), MMU_OK);
    mmu_sfence_vma(m, true, va, false, 0); /* leaves gone, and the PWC's entries for va too */
    assert_int_equal(mmu_translate(m, va, MMU_LOAD, &r, &x), MMU_OK);
    mmu_walk_inspect(m, satp, va, &w);
    view_walk_describe(&w, 0, buf, sizeof buf);
    assert_non_null(strstr(buf, "(page-walk cache)"));
    /* a hole */
    *p0 = 0;
    mmu_walk_inspect(m, satp, va, &w);
    view_walk_describe(&w, 2, buf, sizeof buf);
    assert_non_null(strstr(buf, "invalid"));
    view_walk_describe(&w, 3, buf, sizeof buf);
    assert_string_equal(buf, "page fault: V=0: not valid");
    mmu_destroy(m);
    free(pm.ram);
}

static void test_history_ring(void **state)
{
    (void)state;
    struct view_hart *h = calloc(1, sizeof *h);
    struct mmu_stats s = { 0 };
    for (unsigned i = 1; i <= VIEW_HISTORY + 10; i++) {
        s.walks += i;
        s.tlb[MMU_TLB_L1D].lookups += 10;
        s.tlb[MMU_TLB_L1D].hits += 9;
        view_hart_sample(h, &s, (uint64_t)i * 2000000, 1.0);
    }
    assert_int_equal(h->hist_len, VIEW_HISTORY);
    assert_int_equal((int)view_hist_at(h, VIEW_S_WALKS, 0), 11);                 /* the oldest kept */
    assert_int_equal((int)view_hist_at(h, VIEW_S_WALKS, VIEW_HISTORY - 1), VIEW_HISTORY + 10);
    assert_int_equal((int)view_hist_at(h, VIEW_S_L1D_HIT, 5), 90);
    assert_int_equal((int)view_hist_at(h, VIEW_S_MIPS, 5), 2);
    assert_int_equal((int)view_hist_at(h, VIEW_S_L1I_HIT, 5), 100);              /* no lookups: 100 % */
    free(h);
}

static void test_shootdowns(void **state)
{
    (void)state;
    struct view_model *m = calloc(1, sizeof *m);
    m->nharts = 4;
    m->harts = calloc(4, sizeof *m->harts);
    uint64_t instret[4] = { 100, 200, 300, 400 };
    struct view_shootdown *s = view_sd_begin(m, 0, 0x6, VIEW_SD_SFENCE, 0x1000, 0x2000, 0, instret, 50);
    struct view_shootdown *ipi = view_sd_begin(m, 3, 0x2, VIEW_SD_IPI, 0, 0, 0, instret, 60);
    assert_int_equal(m->sd_count, 2);
    assert_int_equal(m->harts[0].shootdowns_sent, 1);
    assert_int_equal(view_sd_event(m, 3, true, 999, 70), 0); /* not a target */
    assert_int_equal(view_sd_event(m, 1, true, 250, 80), 1); /* the fence, not the IPI */
    assert_int_equal(s->done, 0x2);
    assert_int_equal(s->lat_insns[1], 50);
    assert_int_equal(s->lat_mtime[1], 30);
    assert_int_equal(ipi->done, 0);
    assert_int_equal(view_sd_event(m, 1, false, 260, 90), 1); /* its software interrupt */
    assert_int_equal(ipi->done, 0x2);
    assert_int_equal(ipi->lat_insns[1], 60);
    assert_int_equal(view_sd_event(m, 2, true, 310, 95), 1);
    assert_int_equal(s->done, 0x6);
    assert_int_equal(m->harts[1].shootdowns_received, 2);
    /* the ring keeps the last VIEW_SHOOTDOWNS */
    for (int i = 0; i < VIEW_SHOOTDOWNS + 3; i++)
        view_sd_begin(m, 1, 0x1, VIEW_SD_MSIP, 0, ~0ULL, 0, instret, 100 + (uint64_t)i);
    assert_int_equal(m->sd_count, VIEW_SHOOTDOWNS);
    assert_int_equal(m->sd[m->sd_head].t_mtime, 103);
    unsigned f = m->sd[m->sd_head].fade;
    view_sd_fade(m);
    assert_int_equal(m->sd[m->sd_head].fade, f - 1);
    free(m->harts);
    free(m);
}

/* The model takes each structure's geometry from the MMU. */
static void test_model_init(void **state)
{
    (void)state;
    struct phys_mem pm = { 0 };
    struct mmu_config c;
    mmu_config_default(&c);
    char err[100];
    assert_int_equal(mmu_config_parse_tlb(&c, "l1i=8x2,l1d=16x4,l2=0,pwc=8", err, sizeof err), 0);
    struct mmu *mm[2] = { mmu_create(&c, &pm, NULL), mmu_create(&c, &pm, NULL) };
    struct view_model m;
    assert_int_equal(view_model_init(&m, 2, mm), 0);
    assert_int_equal(m.harts[1].tlb[MMU_TLB_L1I].sets, 8);
    assert_int_equal(m.harts[1].tlb[MMU_TLB_L1I].ways, 2);
    assert_int_equal(m.harts[1].tlb[MMU_TLB_L1D].sets, 16);
    assert_int_equal(m.harts[1].tlb[MMU_TLB_L2].sets, 0);
    assert_null(m.harts[1].tlb[MMU_TLB_L2].cells);
    assert_int_equal(m.harts[0].tlb[MMU_TLB_PWC].sets, 1);
    assert_int_equal(m.harts[0].tlb[MMU_TLB_PWC].ways, 8);
    assert_string_equal(m.harts[0].tlb[MMU_TLB_PWC].name, "PWC");
    assert_int_equal(m.harts[0].tlb[MMU_TLB_L1D].cells[5].rgb, VIEW_EMPTY_RGB);
    assert_int_equal(m.ctl.sel_cell, -1);
    /* --view-text: the two-stage line only once a hart ran with V=1 */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    view_model_text(&m, f);
    fclose(f);
    assert_null(strstr(buf, "two_stage"));
    free(buf);
    m.harts[1].stats.virt_translations = 5;
    m.harts[1].stats.g_tlb_lookups = 4;
    m.harts[1].stats.g_tlb_hits = 3;
    m.harts[1].stats.guest_page_faults[MMU_STORE] = 2;
    f = open_memstream(&buf, &len);
    view_model_text(&m, f);
    fclose(f);
    assert_non_null(strstr(buf, "hart 1 two_stage translations 5 "));
    assert_non_null(strstr(buf, "nested_tlb_hits 3/4"));
    assert_non_null(strstr(buf, "guest_page_faults 0/0/2"));
    assert_null(strstr(buf, "hart 0 two_stage"));
    free(buf);
    view_model_free(&m);
    mmu_destroy(mm[0]);
    mmu_destroy(mm[1]);
}

static void no_irq(void *ctx, unsigned line, bool level)
{
    (void)ctx, (void)line, (void)level;
}

/* The IOTLB cell holding iova, or NULL. */
static const struct view_cell *iotlb_cell(const struct view_device *d, uint64_t iova)
{
    const struct view_tlb *t = &d->tlb[MMU_TLB_L2];
    for (unsigned i = 0; i < t->sets * t->ways; i++)
        if (t->cells[i].valid && t->cells[i].e.va == iova)
            return &t->cells[i];
    return NULL;
}

static unsigned marked(const struct view_tlb *t, enum view_mark mk)
{
    unsigned n = 0;
    for (unsigned i = 0; i < t->sets * t->ways; i++)
        n += t->cells[i].mark == mk && t->cells[i].fade == VIEW_FADE_FRAMES;
    return n;
}

/* The IOMMU's panel for what a real IOMMU holds: a device (id 5, PSCID
 * 0x42) translating through its Sv39 tables, a 4K and a 2M page, the
 * cells filled, hit, then removed by IOTINVAL.VMA; the counters, the
 * description of a cell and the lines of --view-text. */
static void test_iommu_device(void **state)
{
    (void)state;
    struct env *e = env_with_ram(RAM_SIZE);
    e->next_page = RAM_BASE + 0x100000;
    struct iommu *io = iommu_create(&e->pm, no_irq, NULL, IOMMU_IRQ_FIRST);
    assert_non_null(io);
    e->regs = iommu_mmio(io, IOMMU_BASE);
    uint64_t ddt = alloc_page(e);
    e->cq = alloc_page(e);
    w64(e, 0x18 /* cqb */, qbase(e->cq, 6));
    w32(e, 0x48 /* cqcsr */, 1);
    w64(e, 0x10 /* ddtp */, (ddt >> 12) << 10 | 2 /* 1LVL */);
    uint64_t root = alloc_page(e);
    uint64_t *dc = mem(e, ddt + 5 * 32);
    dc[0] = 1 | 1 << 8;                        /* V, SADE */
    dc[2] = 0x42ULL << 12;                     /* PSCID */
    dc[3] = 8ULL << 60 | root >> 12;           /* Sv39 */
    map(e, root, 3, 0x10000, RAM_BASE + 0x300000, 0xd7 /* V R W U A D */, 0);
    map(e, root, 3, 0x40000000, RAM_BASE + 0x200000, 0x53 /* V R U A */, 1);

    struct view_model m;
    assert_int_equal(view_model_init(&m, 0, NULL), 0);
    assert_int_equal(view_model_add_device(&m, "IOMMU", iommu_iotlb(io)), 0);
    struct view_device *d = &m.devices[0];
    assert_int_equal(view_model_slots(&m), 1);
    assert_ptr_equal(view_slot_tlbs(&m, 0), d->tlb);
    assert_null(view_slot_tlbs(&m, 1));
    /* the geometry is the IOTLB's: 64 x 4, no L1s, a 16-entry PWC */
    assert_int_equal(d->tlb[MMU_TLB_L2].sets, 64);
    assert_int_equal(d->tlb[MMU_TLB_L2].ways, 4);
    assert_string_equal(d->tlb[MMU_TLB_L2].name, "IOTLB");
    assert_string_equal(d->tlb[MMU_TLB_L2].tag_name, "PSCID tag");
    assert_int_equal(d->tlb[MMU_TLB_L1I].sets, 0);
    assert_null(d->tlb[MMU_TLB_L1D].cells);
    assert_int_equal(d->tlb[MMU_TLB_PWC].sets * d->tlb[MMU_TLB_PWC].ways, 16);
    struct tlb_entry_view buf[256];
    view_device_update(d, iommu_iotlb(io), iommu_get_stats(io), buf, 256);
    assert_null(iotlb_cell(d, 0x10000));

    struct iommu_req r = { .device_id = 5, .acc = MMU_LOAD };
    struct mmu_xlate x;
    assert_int_equal(iommu_translate(io, &r, 0x10010, 4, &x), IOMMU_OK);
    assert_int_equal(iommu_translate(io, &r, 0x40001000, 4, &x), IOMMU_OK);
    assert_int_equal(mmu_track_entry_hits(iommu_iotlb(io)), 0);
    view_device_update(d, iommu_iotlb(io), iommu_get_stats(io), buf, 256);
    const struct view_cell *c4k = iotlb_cell(d, 0x10000), *c2m = iotlb_cell(d, 0x40000000);
    assert_non_null(c4k);
    assert_non_null(c2m);
    assert_int_equal(c4k->e.pa, RAM_BASE + 0x300000);
    assert_int_equal(c4k->e.size, MMU_PAGE_4K);
    assert_int_equal(c2m->e.size, MMU_PAGE_2M);
    assert_int_equal(c4k->mark, VIEW_MARK_FILL);
    /* coloured by tag: the IOMMU's first tag is 1, for PSCID 0x42 */
    assert_int_equal(c4k->e.asid, 1);
    assert_int_equal(c4k->rgb, view_asid_rgb(1, false));
    assert_int_equal(marked(&d->tlb[MMU_TLB_L2], VIEW_MARK_FILL), 2);
    assert_true(marked(&d->tlb[MMU_TLB_PWC], VIEW_MARK_FILL) >= 1);
    /* the counters are the IOMMU's and its IOTLB's */
    assert_int_equal(d->io.requests, 2);
    assert_int_equal(d->stats.tlb[MMU_TLB_L2].misses, 2);
    assert_int_equal(d->stats.walks, 2);

    /* used again: a hit mark */
    assert_int_equal(iommu_translate(io, &r, 0x10020, 4, &x), IOMMU_OK);
    view_device_update(d, iommu_iotlb(io), iommu_get_stats(io), buf, 256);
    c4k = iotlb_cell(d, 0x10000);
    assert_int_equal(c4k->mark, VIEW_MARK_HIT);
    assert_int_equal(c4k->e.hits, 1);
    assert_int_equal(d->stats.tlb[MMU_TLB_L2].hits_by_size[MMU_PAGE_4K], 1);

    /* the details line: IOVA, PPN, size, the tag, the permissions */
    char line[256];
    view_cell_describe(&d->tlb[MMU_TLB_L2], c4k, line, sizeof line);
    assert_non_null(strstr(line, "VPN 0x10 (IOVA 0x10000) -> PPN 0x80300 "));
    assert_non_null(strstr(line, "4K  PSCID tag 1  RW-U-AD  PMA  Sv39"));
    assert_non_null(strstr(line, "hits 1"));
    view_cell_describe(&d->tlb[MMU_TLB_L2], c2m, line, sizeof line);
    assert_non_null(strstr(line, "2M  PSCID tag 1  R--U-A-"));

    /* the panel's lines */
    char lines[VIEW_DEV_LINES][VIEW_DEV_CHARS];
    unsigned n = view_device_lines(d, lines, VIEW_DEV_LINES);
    assert_true(n >= 10);
    assert_string_equal(lines[0], "requests 3  untranslated 0");
    assert_string_equal(lines[1], "IOTLB hits 1/3  33.3%");
    assert_string_equal(lines[2], "  hits   4K 1");
    assert_string_equal(lines[3], "  misses 4K 1 2M 1");
    assert_string_equal(lines[7], "faults none");

    /* a read of an unmapped page: a fault by cause; IOTINVAL.VMA of the
     * 4K page: its cell is marked removed */
    assert_int_equal(iommu_translate(io, &r, 0x90000, 4, &x), IOMMU_CAUSE_READ_PAGE);
    submit(e, 1 | 1 << 10 | 0x42ULL << 12 | 1ULL << 32, (0x10000ULL >> 12) << 10); /* AV, PSCV */
    view_device_update(d, iommu_iotlb(io), iommu_get_stats(io), buf, 256);
    assert_null(iotlb_cell(d, 0x10000));
    assert_int_equal(marked(&d->tlb[MMU_TLB_L2], VIEW_MARK_FENCE), 1);
    assert_non_null(iotlb_cell(d, 0x40000000));
    n = view_device_lines(d, lines, VIEW_DEV_LINES);
    assert_string_equal(lines[7], "fault 13 read page fault: 1");
    bool inval = false;
    for (unsigned i = 0; i < n; i++)
        inval |= strstr(lines[i], "addr+pscid 1 (") != NULL;
    assert_true(inval);

    /* --view-text: the numbers under the names --stats-json gives them */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    view_model_text(&m, f);
    fclose(f);
    assert_non_null(strstr(text, "\niommu entries: IOTLB 1/256 PWC "));
    assert_non_null(strstr(text, "\niommu requests 4 bare 0 walks 3 "));
    assert_non_null(strstr(text, "\niommu iotlb lookups 4 hits 1 misses 3 fills 2 evictions 0\n"));
    assert_non_null(strstr(text, "\niommu iotlb hits_by_size 4K 1 64K 0 2M 0 1G 0 512G 0 256T 0\n"));
    assert_non_null(strstr(text, "\niommu faults_by_cause 13 1\n"));
    assert_non_null(strstr(text, "\niommu iotinval_vma all 0 pscid 0 addr 0 addr_pscid 1\n"));
    free(text);

    view_model_free(&m);
    assert_int_equal(m.ndevices, 0);
    iommu_destroy(io);
    free(e->pm.ram);
    free(e);
}

static void test_iommu_cause_names(void **state)
{
    (void)state;
    assert_string_equal(view_iommu_cause_name(IOMMU_CAUSE_WRITE_PAGE), "write page fault");
    assert_string_equal(view_iommu_cause_name(IOMMU_CAUSE_DDT_INVALID), "DDT entry not valid");
    assert_string_equal(view_iommu_cause_name(IOMMU_CAUSE_PDT_MISCONFIG), "PDT misconfigured");
    assert_null(view_iommu_cause_name(2));
    assert_null(view_iommu_cause_name(IOMMU_NCAUSES));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_follow_changes),
        cmocka_unit_test(test_asid_colours),
        cmocka_unit_test(test_cell_describe),
        cmocka_unit_test(test_cell_describe_two_stage),
        cmocka_unit_test(test_walk_rows),
        cmocka_unit_test(test_history_ring),
        cmocka_unit_test(test_shootdowns),
        cmocka_unit_test(test_model_init),
        cmocka_unit_test(test_iommu_device),
        cmocka_unit_test(test_iommu_cause_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
