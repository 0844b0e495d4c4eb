/* Unit tests of the RISC-V IOMMU model (platform/iommu*.c): device and
 * process directories built in a RAM buffer, first-stage translation
 * through mmu/ (superpages, NAPOT, A/D set by a device), faults and their
 * records, the IOTLB kept until IOTINVAL.VMA, PSCID scoping, the command
 * queue (IOFENCE.C, IODIR, illegal commands), the fault and page-request
 * queues, the wired interrupts, guests that program it badly, and its
 * device-tree node. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "fdt.h"
#include "iommu.h"

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE (16ULL << 20)

/* PTE bits */
#define V (1ULL << 0)
#define R (1ULL << 1)
#define W (1ULL << 2)
#define X (1ULL << 3)
#define U (1ULL << 4)
#define G (1ULL << 5)
#define A (1ULL << 6)
#define D (1ULL << 7)
#define N (1ULL << 63)

/* registers */
#define CAPABILITIES 0x00
#define FCTL 0x08
#define DDTP 0x10
#define CQB 0x18
#define CQH 0x20
#define CQT 0x24
#define FQB 0x28
#define FQH 0x30
#define FQT 0x34
#define PQB 0x38
#define PQH 0x40
#define PQT 0x44
#define CQCSR 0x48
#define FQCSR 0x4c
#define PQCSR 0x50
#define IPSR 0x54
#define ICVEC 0x2f8

/* device-context tc bits */
#define TC_V (1ULL << 0)
#define TC_EN_ATS (1ULL << 1)
#define TC_EN_PRI (1ULL << 2)
#define TC_DTF (1ULL << 4)
#define TC_PDTV (1ULL << 5)
#define TC_SADE (1ULL << 8)
#define TC_DPE (1ULL << 9)

#define SV39 (8ULL << 60)
#define SV48 (9ULL << 60)
#define PD8 (1ULL << 60)
#define PD17 (2ULL << 60)

struct env {
    struct phys_mem pm;
    struct iommu *io;
    struct mmio_dev regs;
    uint64_t next_page;
    uint64_t ddt, cq, fq, pq;   /* queue and directory pages */
    uint32_t cq_tail;
    bool line[64];              /* PLIC source levels as last signalled */
    unsigned line_calls;
    unsigned prgr_calls;
    uint32_t prgr_did, prgr_pasid;
    unsigned prgr_prgi, prgr_code;
};

static void irq_cb(void *ctx, unsigned line, bool level)
{
    struct env *e = ctx;
    assert_true(line < 64);
    e->line[line] = level;
    e->line_calls++;
}

static void prgr_cb(void *ctx, uint32_t did, bool pv, uint32_t pasid, unsigned prgi, unsigned code)
{
    struct env *e = ctx;
    (void)pv;
    e->prgr_calls++;
    e->prgr_did = did;
    e->prgr_pasid = pasid;
    e->prgr_prgi = prgi;
    e->prgr_code = code;
}

#include "iommu_env.h"

/* The bus beyond RAM: the IOMMU's own registers (a command's store may
 * reach them), nothing else. */
static bool bus_store(void *ctx, uint64_t pa, unsigned size, uint64_t val)
{
    struct env *e = ctx;
    if (pa < IOMMU_BASE || pa - IOMMU_BASE >= IOMMU_SIZE)
        return false;
    return e->regs.write(e->regs.opaque, pa - IOMMU_BASE, size, val);
}

/* The IOMMU with a 1-level DDT, a 64-entry command queue and fault queue
 * and a 64-entry page-request queue, all on, interrupts enabled. */
static int setup(void **state)
{
    struct env *e = env_with_ram(RAM_SIZE);
    e->pm.io_ctx = e;
    e->pm.io_store = bus_store;
    e->io = iommu_create(&e->pm, irq_cb, e, IOMMU_IRQ_FIRST);
    assert_non_null(e->io);
    iommu_set_prgr_handler(e->io, prgr_cb, e);
    e->regs = iommu_mmio(e->io, IOMMU_BASE);
    e->next_page = RAM_BASE + 0x100000;
    e->ddt = alloc_page(e);
    e->cq = alloc_page(e);
    e->fq = alloc_page(e);
    alloc_page(e); /* the fault queue is 64 x 32 bytes: two pages */
    e->pq = alloc_page(e);
    w64(e, CQB, qbase(e->cq, 6));
    w64(e, FQB, qbase(e->fq, 6));
    w64(e, PQB, qbase(e->pq, 6));
    w32(e, CQCSR, 3); /* cqen, cie */
    w32(e, FQCSR, 3);
    w32(e, PQCSR, 3);
    w64(e, DDTP, (e->ddt >> 12) << 10 | 2); /* 1LVL */
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    iommu_destroy(e->io);
    free(e->pm.ram);
    free(e);
    return 0;
}

/* A base-format device context in the 1-level DDT. */
static void set_dc(struct env *e, uint32_t did, uint64_t tc, uint64_t ta, uint64_t fsc)
{
    uint64_t *dc = mem(e, e->ddt + did * 32);
    dc[0] = tc;
    dc[1] = 0;
    dc[2] = ta;
    dc[3] = fsc;
}

static uint64_t pscid_ta(uint32_t pscid) { return (uint64_t)pscid << 12; }

/* A device whose DC translates with its own Sv39 tables (PDTV = 0); the
 * root's address. */
static uint64_t device_sv39(struct env *e, uint32_t did, uint32_t pscid, uint64_t extra_tc)
{
    uint64_t root = alloc_page(e);
    set_dc(e, did, TC_V | TC_SADE | extra_tc, pscid_ta(pscid), SV39 | root >> 12);
    return root;
}

/* IOTINVAL.VMA with AV/PSCV (GV = 0) */
static void iotinval_vma(struct env *e, bool av, uint64_t addr, bool pscv, uint32_t pscid)
{
    submit(e, 1 | (uint64_t)av << 10 | (uint64_t)pscid << 12 | (uint64_t)pscv << 32, (addr >> 12) << 10);
}

static void iodir_inval_ddt(struct env *e, bool dv, uint32_t did)
{
    submit(e, 3 | (uint64_t)dv << 33 | (uint64_t)did << 40, 0);
}

static void iodir_inval_pdt(struct env *e, uint32_t did, uint32_t pasid)
{
    submit(e, 3 | 1 << 7 | (uint64_t)pasid << 12 | 1ULL << 33 | (uint64_t)did << 40, 0);
}

static struct iommu_req req(uint32_t did, enum mmu_access acc)
{
    return (struct iommu_req){ .device_id = did, .acc = acc };
}

static enum iommu_cause xlate(struct env *e, struct iommu_req r, uint64_t va, uint64_t *pa)
{
    struct mmu_xlate out = { 0 };
    enum iommu_cause c = iommu_translate(e->io, &r, va, 4, &out);
    if (c == IOMMU_OK && pa)
        *pa = out.pa;
    return c;
}

/* The fault record at index k of the fault queue. */
static const uint64_t *record(struct env *e, unsigned k) { return mem(e, e->fq + k * 32); }

/* ---- registers and modes ---- */

static void test_reset_registers(void **state)
{
    struct env *e = *state;
    uint64_t cap = r64(e, CAPABILITIES);
    assert_int_equal(cap, 0x1f813008e10ULL);         /* as docs/DEVICES.md lists */
    assert_int_equal(cap & 0xff, 0x10);              /* version 1.0 */
    assert_true(cap & (1ULL << 9) && cap & (1ULL << 10)); /* Sv39, Sv48 */
    assert_int_equal((cap >> 28) & 3, 1);            /* IGS = WSI */
    assert_true(cap & (1ULL << 25));                 /* ATS (and PRI) */
    assert_int_equal((cap >> 32) & 0x3f, 56);        /* PAS */
    assert_int_equal(r32(e, FCTL), 2);               /* WSI */
    /* capabilities is read-only; the 32-bit halves read as the 64-bit value */
    w64(e, CAPABILITIES, 0);
    assert_int_equal(r64(e, CAPABILITIES), cap);
    assert_int_equal(r32(e, CAPABILITIES + 4), cap >> 32);
    /* queues on, busy never set */
    assert_int_equal(r32(e, CQCSR), 3 | 1 << 16);
    /* 2-byte and misaligned accesses are refused */
    uint64_t v;
    assert_false(e->regs.read(e->regs.opaque, CQCSR, 2, &v));
    assert_false(e->regs.write(e->regs.opaque, CQT + 2, 4, 0));
    /* reserved space reads 0 */
    assert_int_equal(r64(e, 0x800), 0);
}

static void test_off_and_bare(void **state)
{
    struct env *e = *state;
    uint64_t pa;
    w64(e, DDTP, 0); /* Off */
    assert_int_equal(xlate(e, req(5, MMU_LOAD), 0x1234, &pa), IOMMU_CAUSE_ALL_DISALLOWED);
    const uint64_t *rec = record(e, 0);
    assert_int_equal(rec[0] & 0xfff, 256);
    assert_int_equal((rec[0] >> 34) & 0x3f, 2); /* untranslated read */
    assert_int_equal(rec[0] >> 40, 5);
    assert_int_equal(rec[2], 0x1234);
    assert_int_equal(r32(e, FQT), 1);
    w64(e, DDTP, 1); /* Bare */
    assert_int_equal(xlate(e, req(5, MMU_STORE), RAM_BASE + 0x40, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x40);
    /* a reserved mode is not taken (WARL) */
    w64(e, DDTP, 7);
    assert_int_equal(r64(e, DDTP) & 0xf, 1);
}

/* ---- translation ---- */

static void test_translate_4k_and_superpages(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 3, 7, 0);
    uint64_t frame = RAM_BASE + 0x400000;
    map(e, root, 3, 0x10000, frame, V | R | W | U | A | D, 0);
    map(e, root, 3, 0x40000000, RAM_BASE + 0x800000 - 0x800000 % 0x200000, V | R | U | A | D, 1); /* 2 MiB */
    map(e, root, 3, 0x80000000, RAM_BASE & ~0x3fffffffULL, V | R | W | U | A | D, 2);                /* 1 GiB */
    uint64_t pa;
    assert_int_equal(xlate(e, req(3, MMU_LOAD), 0x10123, &pa), IOMMU_OK);
    assert_int_equal(pa, frame + 0x123);
    assert_int_equal(xlate(e, req(3, MMU_LOAD), 0x40123456, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x800000 + 0x123456);
    assert_int_equal(xlate(e, req(3, MMU_STORE), 0x80654320, &pa), IOMMU_OK);
    assert_int_equal(pa, (RAM_BASE & ~0x3fffffffULL) + 0x654320);
    /* again: IOTLB hits, by size */
    assert_int_equal(xlate(e, req(3, MMU_LOAD), 0x10008, &pa), IOMMU_OK);
    assert_int_equal(xlate(e, req(3, MMU_LOAD), 0x40000008, &pa), IOMMU_OK);
    const struct mmu_stats *s = mmu_get_stats(iommu_iotlb(e->io));
    assert_int_equal(s->tlb[MMU_TLB_L2].hits_by_size[MMU_PAGE_4K], 1);
    assert_int_equal(s->tlb[MMU_TLB_L2].hits_by_size[MMU_PAGE_2M], 1);
    assert_int_equal(s->tlb[MMU_TLB_L2].misses_by_size[MMU_PAGE_1G], 1);
    assert_int_equal(s->walks, 3);
    /* the host pointer of a RAM page */
    struct mmu_xlate out;
    struct iommu_req r = req(3, MMU_LOAD);
    *mem(e, frame + 0x80) = 0x1122334455667788ULL;
    assert_int_equal(iommu_translate(e->io, &r, 0x10080, 8, &out), IOMMU_OK);
    assert_non_null(out.host);
    uint64_t v;
    memcpy(&v, out.host, 8);
    assert_int_equal(v, 0x1122334455667788ULL);
}

static void test_napot_and_sv48(void **state)
{
    struct env *e = *state;
    uint64_t root = alloc_page(e);
    set_dc(e, 9, TC_V, pscid_ta(1), SV48 | root >> 12);
    /* a 64 KiB NAPOT page: 16 PTEs with N and ppn[3:0] = 1000 */
    uint64_t base = RAM_BASE + 0x600000, va = 0x7f0000000000ULL >> 4; /* a high Sv48 address, 64K aligned */
    va &= ~0xffffULL;
    for (unsigned k = 0; k < 16; k++)
        map(e, root, 4, va + k * 4096, base | 0x8000, V | R | U | A | D | N, 0);
    uint64_t pa;
    assert_int_equal(xlate(e, req(9, MMU_LOAD), va + 0x5678, &pa), IOMMU_OK);
    assert_int_equal(pa, base + 0x5678);
    assert_int_equal(xlate(e, req(9, MMU_LOAD), va + 0x9abc, &pa), IOMMU_OK);
    assert_int_equal(pa, base + 0x9abc);
    const struct mmu_stats *s = mmu_get_stats(iommu_iotlb(e->io));
    assert_int_equal(s->tlb[MMU_TLB_L2].hits_by_size[MMU_PAGE_64K], 1);
}

static void test_device_write_sets_dirty(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 4, 2, 0); /* SADE */
    map(e, root, 3, 0x5000, RAM_BASE + 0x500000, V | R | W | U, 0); /* A = D = 0 */
    uint64_t *pte = leaf(e, root, 3, 0x5000, 0);
    assert_int_equal(xlate(e, req(4, MMU_LOAD), 0x5000, NULL), IOMMU_OK);
    assert_true(*pte & A);
    assert_false(*pte & D);
    /* a write to the clean page sets D, though the IOTLB holds the page */
    assert_int_equal(xlate(e, req(4, MMU_STORE), 0x5008, NULL), IOMMU_OK);
    assert_true(*pte & D);
    assert_int_equal(mmu_get_stats(iommu_iotlb(e->io))->ad_updates, 2);
    /* without SADE a clean page is a page fault of the access's type */
    uint64_t root2 = alloc_page(e);
    set_dc(e, 6, TC_V, pscid_ta(3), SV39 | root2 >> 12);
    map(e, root2, 3, 0x5000, RAM_BASE + 0x500000, V | R | W | U | A, 0);
    assert_int_equal(xlate(e, req(6, MMU_LOAD), 0x5000, NULL), IOMMU_OK);
    assert_int_equal(xlate(e, req(6, MMU_STORE), 0x5000, NULL), IOMMU_CAUSE_WRITE_PAGE);
    assert_false(*leaf(e, root2, 3, 0x5000, 0) & D);
}

/* ---- faults and fault records ---- */

static void test_translation_faults(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 0x21, 5, 0);
    map(e, root, 3, 0x3000, RAM_BASE + 0x300000, V | R | U | A | D, 0); /* read-only, not executable */
    map(e, root, 3, 0x4000, RAM_BASE + 0x300000, V | R | W | A | D, 0); /* a supervisor page */
    assert_int_equal(xlate(e, req(0x21, MMU_LOAD), 0x9000, NULL), IOMMU_CAUSE_READ_PAGE);   /* not mapped */
    assert_int_equal(xlate(e, req(0x21, MMU_STORE), 0x3010, NULL), IOMMU_CAUSE_WRITE_PAGE); /* not writable */
    assert_int_equal(xlate(e, req(0x21, MMU_FETCH), 0x3020, NULL), IOMMU_CAUSE_FETCH_PAGE); /* not executable */
    assert_int_equal(xlate(e, req(0x21, MMU_LOAD), 0x4000, NULL), IOMMU_CAUSE_READ_PAGE);   /* U = 0 */
    /* a PTE outside RAM: access fault of the access's type */
    *mem(e, root + 8 * 3) = (0x1000ULL >> 12) << 10 | V; /* va 0xc0000000's table at 0x1000 */
    assert_int_equal(xlate(e, req(0x21, MMU_STORE), 0xc0000000, NULL), IOMMU_CAUSE_WRITE_ACCESS);
    /* a non-canonical address */
    assert_int_equal(xlate(e, req(0x21, MMU_LOAD), 1ULL << 40, NULL), IOMMU_CAUSE_READ_PAGE);
    assert_int_equal(r32(e, FQT), 6);
    const uint64_t *rec = record(e, 1);
    assert_int_equal(rec[0] & 0xfff, 15);
    assert_int_equal((rec[0] >> 12) & 0xfffff, 0);  /* no PID */
    assert_int_equal((rec[0] >> 32) & 3, 0);        /* PV, PRIV */
    assert_int_equal((rec[0] >> 34) & 0x3f, 3);     /* untranslated write */
    assert_int_equal(rec[0] >> 40, 0x21);
    assert_int_equal(rec[2], 0x3010);
    assert_int_equal(rec[3], 0);
    assert_int_equal((record(e, 2)[0] >> 34) & 0x3f, 1); /* read for execute */
    const struct iommu_stats *s = iommu_get_stats(e->io);
    assert_int_equal(s->faults[13], 3);
    assert_int_equal(s->faults[15], 1);
    assert_int_equal(s->fault_records, 6);
    /* the fault interrupt: fip, on the wire icvec.fiv names (vector 0) */
    assert_true(r32(e, IPSR) & 2);
    assert_true(e->line[IOMMU_IRQ_FIRST]);
}

static void test_directory_faults(void **state)
{
    struct env *e = *state;
    /* DC not valid */
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    /* a reserved tc bit, EN_PRI without EN_ATS, an unsupported iosatp mode,
     * DPE without PDTV, a second stage: misconfigured */
    set_dc(e, 2, TC_V | 1ULL << 40, 0, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    set_dc(e, 2, TC_V | TC_EN_PRI, 0, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    set_dc(e, 2, TC_V, 0, 5ULL << 60);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    set_dc(e, 2, TC_V | TC_DPE, 0, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    set_dc(e, 2, TC_V, 0, 0);
    mem(e, e->ddt + 2 * 32)[1] = 8ULL << 60; /* iohgatp Sv39x4 */
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    /* a device_id too wide for a 1-level DDT; a PASID where the DC has no PDT */
    assert_int_equal(xlate(e, req(0x80, MMU_LOAD), 0, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    set_dc(e, 3, TC_V, 0, 0); /* first stage Bare */
    struct iommu_req r = req(3, MMU_LOAD);
    r.pv = true;
    r.pasid = 1;
    assert_int_equal(xlate(e, r, 0, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    assert_int_equal(xlate(e, req(3, MMU_LOAD), RAM_BASE, NULL), IOMMU_OK); /* Bare: passes */
    /* the DDT itself outside RAM */
    w64(e, DDTP, 0);
    w64(e, DDTP, (0x2000ULL >> 12) << 10 | 2);
    assert_int_equal(xlate(e, req(3, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_ACCESS);
    const struct iommu_stats *s = iommu_get_stats(e->io);
    assert_int_equal(s->faults[258], 1);
    assert_int_equal(s->faults[259], 5);
    assert_int_equal(s->faults[260], 2);
    assert_int_equal(s->faults[257], 1);
    assert_int_equal(r32(e, FQT), 9);
}

static void test_dtf_suppresses_translation_faults(void **state)
{
    struct env *e = *state;
    device_sv39(e, 8, 1, TC_DTF);
    assert_int_equal(xlate(e, req(8, MMU_LOAD), 0x1000, NULL), IOMMU_CAUSE_READ_PAGE);
    assert_int_equal(r32(e, FQT), 0);
    assert_int_equal(iommu_get_stats(e->io)->fault_dropped, 1);
    /* a DDT fault is still reported (DTF is not known without a DC) */
    assert_int_equal(xlate(e, req(9, MMU_LOAD), 0x1000, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_int_equal(r32(e, FQT), 1);
}

/* ---- the IOTLB and its invalidation ---- */

static void test_stale_until_iotinval(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 1, 0x77, 0);
    map(e, root, 3, 0x20000, RAM_BASE + 0x200000, V | R | W | U | A | D, 0);
    uint64_t pa;
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x20010, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x200010);
    /* the driver remaps the page and forgets the invalidation */
    *leaf(e, root, 3, 0x20000, 0) = ((RAM_BASE + 0x210000) >> 12) << 10 | V | R | W | U | A | D;
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x20010, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x200010); /* stale, as hardware */
    /* an invalidation of another page or another PSCID does not cover it */
    iotinval_vma(e, true, 0x21000, true, 0x77);
    iotinval_vma(e, true, 0x20000, true, 0x78);
    iotinval_vma(e, false, 0, true, 0x78);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x20010, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x200010);
    /* one that covers it */
    iotinval_vma(e, true, 0x20000, true, 0x77);
    assert_int_equal(r32(e, CQH), 4);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x20010, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x210010);
    const struct iommu_stats *s = iommu_get_stats(e->io);
    assert_int_equal(s->inval_vma[MMU_FENCE_VA_ASID], 3);
    assert_int_equal(s->inval_vma[MMU_FENCE_ASID], 1);
    /* the leaf, and the page-walk cache's entries on 0x21000's path (the
     * same tables: dropping them too is allowed) */
    assert_int_equal(s->inval_vma_removed[MMU_FENCE_VA_ASID], 3);
}

static void test_pscid_scoping(void **state)
{
    struct env *e = *state;
    /* PSCIDs that agree in their low 16 bits are still different spaces */
    uint32_t p1 = 0x12345, p2 = 0x22345;
    uint64_t r1 = device_sv39(e, 1, p1, 0), r2 = device_sv39(e, 2, p2, 0);
    map(e, r1, 3, 0x8000, RAM_BASE + 0x100000 * 3, V | R | U | A | D, 0);
    map(e, r2, 3, 0x8000, RAM_BASE + 0x100000 * 4, V | R | U | A | D, 0);
    map(e, r1, 3, 0x9000, RAM_BASE + 0x100000 * 5, V | R | U | G | A | D, 0); /* a global page */
    uint64_t pa;
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x300000);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x400000);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x9000, NULL), IOMMU_OK);
    /* both remapped in memory; IOTINVAL.VMA of PSCID p1 (AV = 0) drops p1's
     * non-global entries only */
    *leaf(e, r1, 3, 0x8000, 0) = ((RAM_BASE + 0x600000) >> 12) << 10 | V | R | U | A | D;
    *leaf(e, r2, 3, 0x8000, 0) = ((RAM_BASE + 0x700000) >> 12) << 10 | V | R | U | A | D;
    *leaf(e, r1, 3, 0x9000, 0) = ((RAM_BASE + 0x800000) >> 12) << 10 | V | R | U | G | A | D;
    iotinval_vma(e, false, 0, true, p1);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x600000);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x400000); /* p2 kept */
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x9000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x500000); /* global kept */
    /* AV = 1, PSCV = 0: every space, globals included */
    iotinval_vma(e, true, 0x9000, false, 0);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x9000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x800000);
    /* GV = 1: guest spaces only; none are cached, nothing changes */
    submit(e, 1 | 1ULL << 33 | 5ULL << 44, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x400000);
    /* AV = 0, PSCV = 0: all */
    iotinval_vma(e, false, 0, false, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x8000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x700000);
    assert_int_equal(iommu_get_stats(e->io)->inval_vma_gscid, 1);
}

static void test_pscid_tags_recycled(void **state)
{
    struct env *e = *state;
    /* 65535 PSCIDs get the 65535 tags; the next one empties the IOTLB and
     * starts over with tag 1, which PSCID 1 had: PSCID 1's entries must
     * not answer for it */
    uint64_t root1 = alloc_page(e), root2 = alloc_page(e);
    map(e, root1, 3, 0x4000, RAM_BASE + 0x410000, V | R | U | A | D, 0);
    map(e, root2, 3, 0x4000, RAM_BASE + 0x420000, V | R | U | A | D, 0);
    /* the PSCIDs between use another page (another IOTLB set), so that
     * PSCID 1's entry for 0x4000 is still there when its tag is reused */
    map(e, root1, 3, 0x5000, RAM_BASE + 0x430000, V | R | U | A | D, 0);
    uint64_t ddtp = r64(e, DDTP), pa;
    for (uint32_t p = 1; p <= 0x10000; p++) {
        set_dc(e, 1, TC_V, pscid_ta(p), SV39 | (p == 0x10000 ? root2 : root1) >> 12);
        w64(e, DDTP, ddtp); /* a ddtp write empties the directory caches */
        if (p == 1 || p >= 0xfffe) {
            assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x4000, &pa), IOMMU_OK);
            assert_int_equal(pa, p == 0x10000 ? RAM_BASE + 0x420000 : RAM_BASE + 0x410000);
        } else {
            struct mmu_xlate out;
            struct iommu_req r = req(1, MMU_LOAD);
            assert_int_equal(iommu_translate(e->io, &r, 0x5000, 1, &out), IOMMU_OK);
        }
    }
    assert_int_equal(mmu_get_stats(iommu_iotlb(e->io))->flush_all, 1);
    /* PSCID 1 has a tag again only when it is used again, a new one */
    set_dc(e, 1, TC_V, pscid_ta(1), SV39 | root1 >> 12);
    w64(e, DDTP, ddtp);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x4000, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x410000);
}

/* ---- process contexts ---- */

static void test_pdt_and_privilege(void **state)
{
    struct env *e = *state;
    /* a PD8 PDT for device 5; PASID 3: a user process, PASID 4: with ENS */
    uint64_t pdt = alloc_page(e), root = alloc_page(e);
    set_dc(e, 5, TC_V | TC_PDTV | TC_SADE, 0, PD8 | pdt >> 12);
    map(e, root, 3, 0x1000, RAM_BASE + 0x300000, V | R | W | U | A | D, 0);
    map(e, root, 3, 0x2000, RAM_BASE + 0x310000, V | R | W | A | D, 0); /* supervisor */
    uint64_t *pc = mem(e, pdt + 3 * 16);
    pc[0] = 1 | pscid_ta(30);
    pc[1] = SV39 | root >> 12;
    pc = mem(e, pdt + 4 * 16);
    pc[0] = 1 | 2 | pscid_ta(40); /* ENS, no SUM */
    pc[1] = SV39 | root >> 12;
    struct iommu_req r = req(5, MMU_LOAD);
    r.pv = true;
    r.pasid = 3;
    uint64_t pa;
    assert_int_equal(xlate(e, r, 0x1004, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x300004);
    assert_int_equal(xlate(e, r, 0x2004, NULL), IOMMU_CAUSE_READ_PAGE); /* U-mode, S page */
    r.priv = true;
    assert_int_equal(xlate(e, r, 0x1004, NULL), IOMMU_CAUSE_TTYP_DISALLOWED); /* no ENS */
    const uint64_t *rec = record(e, 1);
    assert_int_equal((rec[0] >> 12) & 0xfffff, 3);
    assert_int_equal((rec[0] >> 32) & 3, 3); /* PV, PRIV */
    r.pasid = 4;
    assert_int_equal(xlate(e, r, 0x2004, &pa), IOMMU_OK);                /* S page */
    assert_int_equal(xlate(e, r, 0x1004, NULL), IOMMU_CAUSE_READ_PAGE);  /* U page without SUM */
    /* PASID 9: PC not valid; PASID 0x100: too wide for PD8 */
    r.pasid = 9;
    assert_int_equal(xlate(e, r, 0, NULL), IOMMU_CAUSE_PDT_INVALID);
    r.pasid = 0x100;
    assert_int_equal(xlate(e, r, 0, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    /* a reserved bit in a PC */
    mem(e, pdt + 6 * 16)[0] = 1 | 1ULL << 40;
    r.pasid = 6;
    assert_int_equal(xlate(e, r, 0, NULL), IOMMU_CAUSE_PDT_MISCONFIG);
    /* no PASID and no DPE: first stage Bare */
    assert_int_equal(xlate(e, req(5, MMU_LOAD), RAM_BASE + 8, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 8);
}

static void test_pd17_and_dpe(void **state)
{
    struct env *e = *state;
    uint64_t pdt = alloc_page(e), leafpage = alloc_page(e), root = alloc_page(e);
    set_dc(e, 7, TC_V | TC_PDTV | TC_DPE, 0, PD17 | pdt >> 12);
    uint32_t pasid = 0x1ab05; /* PDI[1] = 0x1ab, PDI[0] = 0x05 */
    *mem(e, pdt + 0x1ab * 8) = (leafpage >> 12) << 10 | 1;
    uint64_t *pc = mem(e, leafpage + 5 * 16);
    pc[0] = 1 | pscid_ta(9);
    pc[1] = SV39 | root >> 12;
    map(e, root, 3, 0x6000, RAM_BASE + 0x660000, V | R | U | A | D, 0);
    struct iommu_req r = req(7, MMU_LOAD);
    r.pv = true;
    r.pasid = pasid;
    uint64_t pa;
    assert_int_equal(xlate(e, r, 0x6010, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x660010);
    /* DPE: no PASID means PASID 0, whose non-leaf entry is not valid */
    assert_int_equal(xlate(e, req(7, MMU_LOAD), 0x6010, NULL), IOMMU_CAUSE_PDT_INVALID);
    /* a reserved bit in the non-leaf PDT entry (PASID 0x1ac05) */
    *mem(e, pdt + 0x1ac * 8) = (leafpage >> 12) << 10 | 1 | 1ULL << 63;
    r.pasid = 0x1ac05;
    assert_int_equal(xlate(e, r, 0x6010, NULL), IOMMU_CAUSE_PDT_MISCONFIG);
}

static void test_ats_translation_requests(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 0x30, 3, TC_EN_ATS);
    map(e, root, 3, 0x1000, RAM_BASE + 0x510000, V | R | U | A | D, 0);
    struct iommu_req r = req(0x30, MMU_LOAD);
    r.ats = true;
    uint64_t pa;
    assert_int_equal(xlate(e, r, 0x1008, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x510008);
    /* not present, or no write permission: "Success, no permission", and
     * no fault record (the device would now send a Page Request) */
    assert_int_equal(xlate(e, r, 0x2000, NULL), IOMMU_CAUSE_READ_PAGE);
    r.acc = MMU_STORE;
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_CAUSE_WRITE_PAGE);
    assert_int_equal(r32(e, FQT), 0);
    assert_int_equal(iommu_get_stats(e->io)->faults[15], 1);
    /* without EN_ATS, or with the IOMMU Bare: disallowed, recorded as TTYP 8 */
    device_sv39(e, 0x31, 4, 0);
    r.device_id = 0x31;
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    assert_int_equal(r32(e, FQT), 1);
    assert_int_equal((record(e, 0)[0] >> 34) & 0x3f, 8);
    w64(e, DDTP, 1);
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    /* an access kind that is none: refused, not a crash */
    struct iommu_req bad = req(0x31, (enum mmu_access)7);
    assert_int_equal(xlate(e, bad, 0x1000, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
}

/* ---- directories: 2 levels, caching and IODIR ---- */

static void test_two_level_ddt(void **state)
{
    struct env *e = *state;
    uint64_t top = alloc_page(e), leafpage = alloc_page(e);
    w64(e, DDTP, 0);
    w64(e, DDTP, (top >> 12) << 10 | 3); /* 2LVL */
    uint32_t did = 0x1234;               /* DDI[1] = 0x24, DDI[0] = 0x34 */
    *mem(e, top + 0x24 * 8) = (leafpage >> 12) << 10 | 1;
    uint64_t root = alloc_page(e);
    uint64_t *dc = mem(e, leafpage + 0x34 * 32);
    dc[0] = TC_V;
    dc[2] = pscid_ta(4);
    dc[3] = SV39 | root >> 12;
    map(e, root, 3, 0x7000, RAM_BASE + 0x770000, V | R | U | A | D, 0);
    uint64_t pa;
    assert_int_equal(xlate(e, req(did, MMU_LOAD), 0x7008, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x770008);
    /* a non-leaf entry not valid, or with a reserved bit; an id too wide */
    assert_int_equal(xlate(e, req(0x1334, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    *mem(e, top + 0x25 * 8) = (leafpage >> 12) << 10 | 1 | 2;
    assert_int_equal(xlate(e, req(0x12b4, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_MISCONFIG);
    assert_int_equal(xlate(e, req(0x10000, MMU_LOAD), 0, NULL), IOMMU_CAUSE_TTYP_DISALLOWED);
    /* 3 levels: DDI[2] = device_id[23:16] */
    uint64_t top3 = alloc_page(e);
    w64(e, DDTP, 0);
    w64(e, DDTP, (top3 >> 12) << 10 | 4);
    *mem(e, top3 + 1 * 8) = (top >> 12) << 10 | 1;
    assert_int_equal(xlate(e, req(0x11234, MMU_LOAD), 0x7008, &pa), IOMMU_OK);
    assert_int_equal(pa, RAM_BASE + 0x770008);
}

static void test_iodir_invalidation(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 2, 1, 0);
    map(e, root, 3, 0x1000, RAM_BASE + 0x310000, V | R | U | A | D, 0);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x1000, NULL), IOMMU_OK);
    /* the DC is made invalid in memory: the cached one stays in use */
    mem(e, e->ddt + 2 * 32)[0] = 0;
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x1000, NULL), IOMMU_OK);
    iodir_inval_ddt(e, true, 3); /* another device */
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x1000, NULL), IOMMU_OK);
    iodir_inval_ddt(e, true, 2);
    assert_int_equal(xlate(e, req(2, MMU_LOAD), 0x1000, NULL), IOMMU_CAUSE_DDT_INVALID);
    /* process contexts: INVAL_PDT drops one */
    uint64_t pdt = alloc_page(e);
    set_dc(e, 4, TC_V | TC_PDTV, 0, PD8 | pdt >> 12);
    uint64_t *pc = mem(e, pdt + 1 * 16);
    pc[0] = 1 | pscid_ta(11);
    pc[1] = SV39 | root >> 12;
    struct iommu_req r = req(4, MMU_LOAD);
    r.pv = true;
    r.pasid = 1;
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_OK);
    pc[0] = 0;
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_OK);
    iodir_inval_pdt(e, 4, 2);
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_OK);
    iodir_inval_pdt(e, 4, 1);
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_CAUSE_PDT_INVALID);
    /* INVAL_DDT with DV = 0 drops everything */
    pc[0] = 1 | pscid_ta(11);
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_OK);
    mem(e, e->ddt + 4 * 32)[0] = 0;
    iodir_inval_ddt(e, false, 0);
    assert_int_equal(xlate(e, r, 0x1000, NULL), IOMMU_CAUSE_DDT_INVALID);
    const struct iommu_stats *s = iommu_get_stats(e->io);
    assert_int_equal(s->inval_ddt, 3);
    assert_int_equal(s->inval_pdt, 2);
    assert_true(s->dc_hits > 0 && s->pc_hits > 0);
}

/* ---- the command queue ---- */

static void test_iofence_completion(void **state)
{
    struct env *e = *state;
    uint64_t flag = RAM_BASE + 0x80;
    *mem(e, flag) = 0;
    /* AV: DATA written at ADDR; WSI: fence_w_ip, cip, the command wire */
    submit(e, 2 | 1 << 10 | 1 << 11 | 0xcafef00dULL << 32, flag >> 2);
    assert_int_equal(*mem(e, flag) & 0xffffffff, 0xcafef00d);
    assert_int_equal(r32(e, CQH), 1);
    assert_true(r32(e, CQCSR) & (1 << 11));
    assert_true(r32(e, IPSR) & 1);
    assert_true(e->line[IOMMU_IRQ_FIRST]);
    /* clearing fence_w_ip, then cip, lowers the wire */
    w32(e, CQCSR, 3 | 1 << 11);
    w32(e, IPSR, 1);
    assert_int_equal(r32(e, IPSR) & 1, 0);
    assert_false(e->line[IOMMU_IRQ_FIRST]);
    /* a completion write nowhere: cqmf, cqh stays on the fence */
    submit(e, 2 | 1 << 10 | 1ULL << 32, 0x40000000ULL >> 2);
    assert_int_equal(r32(e, CQH), 1);
    assert_true(r32(e, CQCSR) & (1 << 8));
    assert_true(r32(e, IPSR) & 1);
    assert_int_equal(iommu_get_stats(e->io)->iofence, 1);
}

static void test_command_moving_cqt(void **state)
{
    struct env *e = *state;
    /* IOFENCE.C's completion write aimed at cqt itself: the pass under way
     * goes on to the command it added, with no pass inside the pass */
    uint64_t flag = RAM_BASE + 0x180;
    uint64_t *slot = mem(e, e->cq);
    slot[0] = 2 | 1 << 10 | 2ULL << 32;
    slot[1] = (IOMMU_BASE + CQT) >> 2;
    slot[2] = 2 | 1 << 10 | 7ULL << 32;
    slot[3] = flag >> 2;
    w32(e, CQT, 1);
    assert_int_equal(r32(e, CQH), 2);
    assert_int_equal(r32(e, CQT), 2);
    assert_int_equal(*mem(e, flag), 7);
    /* commands that each queue one more, forever: one pass over the queue
     * (64 commands) per register write, then the IOMMU waits */
    for (unsigned k = 0; k < 64; k++) {
        mem(e, e->cq + k * 16)[0] = 2 | 1 << 10 | (uint64_t)((k + 2) & 63) << 32;
        mem(e, e->cq + k * 16)[1] = (IOMMU_BASE + CQT) >> 2;
    }
    w32(e, CQT, 3);
    assert_int_equal(r32(e, CQCSR) & (1 << 8 | 1 << 10), 0);
    assert_int_equal(iommu_get_stats(e->io)->iofence, 2 + 64);
    assert_int_equal(r32(e, CQH), 2);
    assert_int_equal(r32(e, CQT), 3);
}

static void test_illegal_commands(void **state)
{
    struct env *e = *state;
    submit(e, 0x3f, 0);                    /* a reserved opcode */
    assert_int_equal(r32(e, CQH), 0);
    assert_true(r32(e, CQCSR) & (1 << 10)); /* cmd_ill */
    /* nothing more runs until cmd_ill is cleared; then the queue goes on
     * from the same command (software fixes it first) */
    uint64_t flag = RAM_BASE + 0x100;
    submit(e, 2 | 1 << 10 | 5ULL << 32, flag >> 2);
    assert_int_equal(*mem(e, flag), 0);
    mem(e, e->cq)[0] = 2; /* replaced by a plain IOFENCE.C */
    w32(e, CQCSR, 3 | 1 << 10);
    assert_int_equal(r32(e, CQH), 2);
    assert_int_equal(*mem(e, flag), 5);
    /* reserved bits: IOTINVAL with NL (no extension), IODIR.INVAL_PDT
     * without DV, IOTINVAL.GVMA with PSCV, IOFENCE.C func3 1 */
    static const uint64_t bad[4][2] = {
        { 1 | 1ULL << 34, 0 }, { 3 | 1 << 7, 0 }, { 1 | 1 << 7 | 1ULL << 32, 0 }, { 2 | 1 << 7, 0 },
    };
    for (int k = 0; k < 4; k++) {
        uint32_t head = r32(e, CQH);
        submit(e, bad[k][0], bad[k][1]);
        assert_int_equal(r32(e, CQH), head);
        assert_true(r32(e, CQCSR) & (1 << 10));
        mem(e, e->cq + head * 16)[0] = 2;
        w32(e, CQCSR, 3 | 1 << 10);
        assert_int_equal(r32(e, CQH), head + 1);
    }
    assert_int_equal(iommu_get_stats(e->io)->cmd_illegal, 5);
}

static void test_bad_queue_pointers(void **state)
{
    struct env *e = *state;
    /* a command queue outside RAM: cqmf at the first fetch */
    w32(e, CQCSR, 0);
    w64(e, CQB, qbase(0x40000000, 4));
    w32(e, CQCSR, 1);
    assert_int_equal(r32(e, CQH), 0);
    w32(e, CQT, 1);
    assert_true(r32(e, CQCSR) & (1 << 8));
    assert_int_equal(r32(e, CQH), 0);
    /* cqt keeps only LOG2SZ bits; the largest LOG2SZ-1 kept is 19 */
    w32(e, CQT, 0xffff);
    assert_int_equal(r32(e, CQT), 0xf);
    w64(e, CQB, qbase(e->cq, 32));
    assert_int_equal(r64(e, CQB) & 0x1f, 19);
    /* a fault queue outside RAM: fqmf, the record is lost */
    w32(e, FQCSR, 0);
    w64(e, FQB, qbase(0x40000000, 4));
    w32(e, FQCSR, 3);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_true(r32(e, FQCSR) & (1 << 8));
    assert_int_equal(r32(e, FQT), 0);
    assert_true(r32(e, IPSR) & 2);
    /* while fqmf is set nothing more is written, even to a good queue */
    w64(e, FQB, qbase(e->fq, 6));
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_int_equal(r32(e, FQT), 0);
    w32(e, FQCSR, 3 | 1 << 8);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_int_equal(r32(e, FQT), 1);
    assert_int_equal(iommu_get_stats(e->io)->fault_dropped, 2);
}

static void test_fault_queue_overflow(void **state)
{
    struct env *e = *state;
    w32(e, FQCSR, 0);
    w64(e, FQB, qbase(e->fq, 1)); /* 2 entries: room for one record */
    w32(e, FQCSR, 3);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_int_equal(r32(e, FQT), 1);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_true(r32(e, FQCSR) & (1 << 9)); /* fqof */
    assert_int_equal(r32(e, FQT), 1);
    /* software takes the record and clears fqof */
    w32(e, FQH, 1);
    w32(e, FQCSR, 3 | 1 << 9);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_int_equal(r32(e, FQT), 0);
}

static void test_interrupt_vectors(void **state)
{
    struct env *e = *state;
    /* faults on vector 2, commands on vector 1 */
    w64(e, ICVEC, 1 << 0 | 2 << 4 | 3 << 12);
    assert_int_equal(r64(e, ICVEC), 1 << 0 | 2 << 4 | 3 << 12);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_true(e->line[IOMMU_IRQ_FIRST + 2]);
    assert_false(e->line[IOMMU_IRQ_FIRST]);
    submit(e, 2 | 1 << 11, 0);
    assert_true(e->line[IOMMU_IRQ_FIRST + 1]);
    w32(e, IPSR, 2);
    assert_false(e->line[IOMMU_IRQ_FIRST + 2]);
    assert_true(e->line[IOMMU_IRQ_FIRST + 1]);
    /* with fie = 0 a new record raises nothing */
    w32(e, FQCSR, 1);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0, NULL), IOMMU_CAUSE_DDT_INVALID);
    assert_false(e->line[IOMMU_IRQ_FIRST + 2]);
}

/* ---- page requests ---- */

static void test_page_requests(void **state)
{
    struct env *e = *state;
    uint64_t pdt = alloc_page(e);
    set_dc(e, 0x42, TC_V | TC_EN_ATS | TC_EN_PRI | TC_PDTV, 0, PD8 | pdt >> 12);
    struct iommu_req r = req(0x42, MMU_STORE);
    r.pv = true;
    r.pasid = 0x17;
    assert_int_equal(iommu_page_request(e->io, &r, 0x12345678, true, true, true, 0x1a5), IOMMU_PRQ_QUEUED);
    assert_int_equal(r32(e, PQT), 1);
    const uint64_t *rec = mem(e, e->pq);
    assert_int_equal((rec[0] >> 12) & 0xfffff, 0x17);
    assert_int_equal((rec[0] >> 32) & 1, 1);   /* PV */
    assert_int_equal((rec[0] >> 34) & 1, 0);   /* EXEC */
    assert_int_equal(rec[0] >> 40, 0x42);
    assert_int_equal(rec[1], 0x12345000ULL | 0x1a5 << 3 | 7);
    assert_true(r32(e, IPSR) & 8); /* pip */
    /* software answers with ATS.PRGR: the device hears it */
    submit(e, 4 | 1 << 7 | 0x17ULL << 12 | 1ULL << 32 | 0x42ULL << 40, 0x1a5ULL << 32 | 0ULL << 44);
    assert_int_equal(e->prgr_calls, 1);
    assert_int_equal(e->prgr_did, 0x42);
    assert_int_equal(e->prgr_pasid, 0x17);
    assert_int_equal(e->prgr_prgi, 0x1a5);
    assert_int_equal(e->prgr_code, 0);
    /* PRI not enabled: Invalid Request, and a fault about the message */
    set_dc(e, 0x43, TC_V, 0, 0);
    r.device_id = 0x43;
    assert_int_equal(iommu_page_request(e->io, &r, 0x1000, true, false, true, 1), IOMMU_PRQ_INVALID);
    assert_int_equal((record(e, 0)[0] >> 34) & 0x3f, 9);
    assert_int_equal(record(e, 0)[0] & 0xfff, 260);
    /* the queue off: Response Failure, no fault */
    w32(e, PQCSR, 0);
    r.device_id = 0x42;
    assert_int_equal(iommu_page_request(e->io, &r, 0x1000, true, false, true, 1), IOMMU_PRQ_FAILURE);
    assert_int_equal(r32(e, FQT), 1);
    /* the queue full: pqof, Success */
    w64(e, PQB, qbase(e->pq, 1));
    w32(e, PQCSR, 3);
    assert_int_equal(iommu_page_request(e->io, &r, 0x1000, true, false, true, 1), IOMMU_PRQ_QUEUED);
    assert_int_equal(iommu_page_request(e->io, &r, 0x2000, true, false, true, 2), IOMMU_PRQ_SUCCESS);
    assert_true(r32(e, PQCSR) & (1 << 9));
    /* Off: Response Failure */
    w64(e, DDTP, 0);
    assert_int_equal(iommu_page_request(e->io, &r, 0x1000, true, false, true, 1), IOMMU_PRQ_FAILURE);
    assert_int_equal(iommu_get_stats(e->io)->page_requests_queued, 2);
}

/* ---- statistics ---- */

static void test_stats_output(void **state)
{
    struct env *e = *state;
    uint64_t root = device_sv39(e, 1, 1, 0);
    map(e, root, 3, 0x1000, RAM_BASE + 0x300000, V | R | U | A | D, 0);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x1000, NULL), IOMMU_OK);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x1000, NULL), IOMMU_OK);
    assert_int_equal(xlate(e, req(1, MMU_LOAD), 0x2000, NULL), IOMMU_CAUSE_READ_PAGE);
    iotinval_vma(e, false, 0, false, 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    iommu_stats_print(e->io, f);
    fclose(f);
    assert_non_null(strstr(buf, "iotlb lookups 3 hits 1 misses 2"));
    assert_non_null(strstr(buf, "13 (read page fault) 1"));
    assert_non_null(strstr(buf, "iotinval.vma all 1 (removed"));
    free(buf);
    f = open_memstream(&buf, &len);
    iommu_stats_json(e->io, f);
    fclose(f);
    assert_non_null(strstr(buf, "\"faults_by_cause\":{\"13\":1}"));
    assert_non_null(strstr(buf, "\"requests\":3"));
    assert_int_equal(buf[0], '{');
    assert_int_equal(buf[strlen(buf) - 1], '}');
    free(buf);
}

/* ---- the device-tree node ---- */

static void test_device_tree_node(void **state)
{
    (void)state;
    struct board_desc d;
    board_desc_virt(&d);
    d.isa = "rv64imafdc";
    size_t size;
    void *fdt = fdt_build_virt(&d, &size);
    assert_non_null(fdt);
    assert_true(fdt_path_offset(fdt, "/soc/iommu@3010000") < 0); /* only when asked for */
    free(fdt);
    d.iommu_base = IOMMU_BASE;
    d.iommu_irq = IOMMU_IRQ_FIRST;
    fdt = fdt_build_virt(&d, &size);
    assert_non_null(fdt);
    int node = fdt_path_offset(fdt, "/soc/iommu@3010000");
    assert_true(node >= 0);
    int len;
    const char *compat = fdt_getprop(fdt, node, "compatible", &len);
    assert_int_equal(len, (int)sizeof "qemu,riscv-iommu\0riscv,iommu");
    assert_string_equal(compat, "qemu,riscv-iommu");
    assert_string_equal(compat + strlen(compat) + 1, "riscv,iommu");
    assert_int_equal(fdt_node_check_compatible(fdt, node, "riscv,iommu"), 0);
    const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
    assert_int_equal(len, 16);
    assert_int_equal(fdt32_to_cpu(reg[1]), IOMMU_BASE);
    assert_int_equal(fdt32_to_cpu(reg[3]), IOMMU_SIZE);
    const fdt32_t *irq = fdt_getprop(fdt, node, "interrupts", &len);
    assert_int_equal(len, 16);
    for (int k = 0; k < 4; k++)
        assert_int_equal(fdt32_to_cpu(irq[k]), 36 + k);
    const fdt32_t *cells = fdt_getprop(fdt, node, "#iommu-cells", &len);
    assert_int_equal(fdt32_to_cpu(*cells), 1);
    /* its interrupt parent is the PLIC; it has a phandle for iommus = <> */
    const fdt32_t *parent = fdt_getprop(fdt, node, "interrupt-parent", &len);
    assert_int_equal(fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*parent)), fdt_path_offset(fdt, "/soc/plic@c000000"));
    assert_int_equal(fdt_node_offset_by_phandle(fdt, fdt_get_phandle(fdt, node)), node);
    free(fdt);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_reset_registers),
        T(test_off_and_bare),
        T(test_translate_4k_and_superpages),
        T(test_napot_and_sv48),
        T(test_device_write_sets_dirty),
        T(test_translation_faults),
        T(test_directory_faults),
        T(test_dtf_suppresses_translation_faults),
        T(test_stale_until_iotinval),
        T(test_pscid_scoping),
        T(test_pscid_tags_recycled),
        T(test_pdt_and_privilege),
        T(test_pd17_and_dpe),
        T(test_ats_translation_requests),
        T(test_two_level_ddt),
        T(test_iodir_invalidation),
        T(test_iofence_completion),
        T(test_command_moving_cqt),
        T(test_illegal_commands),
        T(test_bad_queue_pointers),
        T(test_fault_queue_overflow),
        T(test_interrupt_vectors),
        T(test_page_requests),
        T(test_stats_output),
        cmocka_unit_test(test_device_tree_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
