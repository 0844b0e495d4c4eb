/* Loading guest images into RAM: ELF64 RISC-V executables (via libelf) and
 * raw binaries. */
#ifndef PAGODA_LOADER_H
#define PAGODA_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../mmu/phys.h"

struct loaded_image {
    uint64_t entry;
    uint64_t low, high;       /* lowest and highest+1 physical address written */
    bool has_tohost;
    uint64_t tohost, fromhost; /* HTIF addresses when the ELF defines them */
    bool has_signature;        /* begin_signature and end_signature are both defined */
    uint64_t sig_begin, sig_end; /* the test signature region (riscv-arch-test), for --signature */
};

/* True when the file starts with the ELF magic. */
bool file_is_elf(const char *path);

/* Load an ELF executable's PT_LOAD segments at their physical addresses.
 * Returns 0, or -1 with a one-line reason (naming the file) in err. */
int load_elf(const struct phys_mem *pm, const char *path, struct loaded_image *img, char *err, size_t errlen);

/* Load a raw binary at addr. Same conventions. */
int load_raw(const struct phys_mem *pm, const char *path, uint64_t addr, struct loaded_image *img,
             char *err, size_t errlen);

#endif
