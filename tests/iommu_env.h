/* Helpers shared by the unit tests that drive the RISC-V IOMMU
 * (test_iommu.c, test_accel.c): guest RAM in a host buffer, the IOMMU's
 * registers, page tables built in RAM, the command queue.  The including
 * test defines RAM_BASE and a struct env with at least these fields:
 *   struct phys_mem pm;    guest RAM
 *   struct mmio_dev regs;  the IOMMU's register window
 *   uint64_t next_page;    the next free page of RAM (alloc_page)
 *   uint64_t cq;           the 64-entry command queue
 *   uint32_t cq_tail;
 * before including this file. */
#ifndef PAGODA_TESTS_IOMMU_ENV_H
#define PAGODA_TESTS_IOMMU_ENV_H

#define PTE_V (1ULL << 0)

/* A zeroed env with size bytes of zeroed guest RAM at RAM_BASE. */
static inline struct env *env_with_ram(uint64_t size)
{
    struct env *e = calloc(1, sizeof *e);
    e->pm.ram = aligned_alloc(4096, size);
    memset(e->pm.ram, 0, size);
    e->pm.ram_base = RAM_BASE;
    e->pm.ram_size = size;
    return e;
}

/* The host view of guest RAM at pa. */
static inline uint64_t *mem(struct env *e, uint64_t pa) { return (uint64_t *)(void *)(e->pm.ram + (pa - RAM_BASE)); }

/* A zeroed page of RAM. */
static inline uint64_t alloc_page(struct env *e)
{
    uint64_t pa = e->next_page;
    e->next_page += 4096;
    memset(mem(e, pa), 0, 4096);
    return pa;
}

/* IOMMU register accesses that must succeed. */
static inline void w64(struct env *e, uint64_t off, uint64_t v) { assert_true(e->regs.write(e->regs.opaque, off, 8, v)); }
static inline void w32(struct env *e, uint64_t off, uint32_t v) { assert_true(e->regs.write(e->regs.opaque, off, 4, v)); }
static inline uint64_t r64(struct env *e, uint64_t off)
{
    uint64_t v;
    assert_true(e->regs.read(e->regs.opaque, off, 8, &v));
    return v;
}
static inline uint32_t r32(struct env *e, uint64_t off)
{
    uint64_t v;
    assert_true(e->regs.read(e->regs.opaque, off, 4, &v));
    return (uint32_t)v;
}

/* A queue base register value: LOG2SZ-1 and the page's PPN. */
static inline uint64_t qbase(uint64_t pa, unsigned log2sz) { return (pa >> 12) << 10 | (log2sz - 1); }

/* Map va to pa with a leaf at level (0: 4 KiB, 1: 2 MiB, 2: 1 GiB) in the
 * tables under root (levels 3 or 4), creating tables as needed. */
static inline void map(struct env *e, uint64_t root, unsigned levels, uint64_t va, uint64_t pa, uint64_t flags,
                       unsigned level)
{
    uint64_t table = root;
    for (int i = (int)levels - 1; i > (int)level; i--) {
        uint64_t *pte = mem(e, table + ((va >> (12 + 9 * i)) & 0x1ff) * 8);
        if (!(*pte & PTE_V))
            *pte = (alloc_page(e) >> 12) << 10 | PTE_V;
        table = (*pte >> 10) << 12;
    }
    *mem(e, table + ((va >> (12 + 9 * level)) & 0x1ff) * 8) = (pa >> 12) << 10 | flags;
}

/* The leaf PTE of va at level under root (for tests that change it). */
static inline uint64_t *leaf(struct env *e, uint64_t root, unsigned levels, uint64_t va, unsigned level)
{
    uint64_t table = root;
    for (int i = (int)levels - 1; i > (int)level; i--)
        table = (*mem(e, table + ((va >> (12 + 9 * i)) & 0x1ff) * 8) >> 10) << 12;
    return mem(e, table + ((va >> (12 + 9 * level)) & 0x1ff) * 8);
}

/* Put a command in the command queue and move cqt (the IOMMU runs it). */
static inline void submit(struct env *e, uint64_t d0, uint64_t d1)
{
    uint64_t *slot = mem(e, e->cq + (uint64_t)e->cq_tail * 16);
    slot[0] = d0;
    slot[1] = d1;
    e->cq_tail = (e->cq_tail + 1) & 63;
    w32(e, 0x24 /* cqt */, e->cq_tail);
}

#endif
