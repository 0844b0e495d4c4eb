/* Physical memory as seen by a hart or a device: RAM that the host can
 * address directly, and everything else (devices) behind two callbacks that
 * the platform provides.  mmu/ and cpu/ only know this interface, never the
 * board (DESIGN.md: platform -> cpu -> mmu). */
#ifndef PAGODA_PHYS_H
#define PAGODA_PHYS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

struct phys_mem {
    uint8_t *ram;      /* host memory backing guest RAM */
    uint64_t ram_base; /* guest physical address of ram[0] */
    uint64_t ram_size;
    void *io_ctx;
    /* Device access. Return false for an access fault (no device there,
     * or the device refuses the size). */
    bool (*io_load)(void *ctx, uint64_t pa, unsigned size, uint64_t *val);
    bool (*io_store)(void *ctx, uint64_t pa, unsigned size, uint64_t val);
};

/* Host pointer for [pa, pa+len) when it lies wholly in RAM, else NULL.
 * The offset is compared once: a pa below RAM wraps off to more than any
 * RAM size (RAM ends inside the address space), and off + len <= size is
 * off <= size - len once len <= size. */
static inline __attribute__((always_inline)) uint8_t *phys_ram_ptr(const struct phys_mem *pm, uint64_t pa,
                                                                  uint64_t len)
{
    uint64_t off = pa - pm->ram_base;
    if (len > pm->ram_size || off > pm->ram_size - len)
        return 0;
    return pm->ram + off;
}

/* Little-endian host assumed (x86-64, aarch64): guest RAM is stored as is. */
static inline uint64_t phys_read_host(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1: return *p;
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}

static inline void phys_write_host(uint8_t *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: *p = (uint8_t)v; break;
    case 2: { uint16_t t = (uint16_t)v; memcpy(p, &t, 2); break; }
    case 4: { uint32_t t = (uint32_t)v; memcpy(p, &t, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

/* Load/store of 1, 2, 4 or 8 bytes at a physical address; false = access fault. */
static inline bool phys_load(const struct phys_mem *pm, uint64_t pa, unsigned size, uint64_t *val)
{
    uint8_t *p = phys_ram_ptr(pm, pa, size);
    if (p) { *val = phys_read_host(p, size); return true; }
    if (pm->io_load) return pm->io_load(pm->io_ctx, pa, size, val);
    return false;
}

static inline bool phys_store(const struct phys_mem *pm, uint64_t pa, unsigned size, uint64_t val)
{
    uint8_t *p = phys_ram_ptr(pm, pa, size);
    if (p) { phys_write_host(p, size, val); return true; }
    if (pm->io_store) return pm->io_store(pm->io_ctx, pa, size, val);
    return false;
}

/* Compare-and-swap of a 64-bit word in RAM (page-table entries, A/D update).
 * Returns false (access fault) outside RAM; *done says whether it swapped and
 * *seen holds the value found. */
static inline bool phys_cas64(const struct phys_mem *pm, uint64_t pa, uint64_t expected,
                              uint64_t desired, bool *done, uint64_t *seen)
{
    uint8_t *p = phys_ram_ptr(pm, pa, 8);
    if (!p || (pa & 7)) return false;
    uint64_t exp = expected;
    *done = __atomic_compare_exchange_n((uint64_t *)(void *)p, &exp, desired, false,
                                        __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    *seen = *done ? expected : exp;
    return true;
}

#endif
