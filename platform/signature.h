/* The test signature (riscv-arch-test, RISCOF): the memory between the ELF
 * symbols begin_signature and end_signature, written to a file when the
 * guest ends, in the format of Spike's +signature=FILE. */
#ifndef PAGODA_SIGNATURE_H
#define PAGODA_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../mmu/phys.h"

#define SIGNATURE_MAX_GRANULARITY 4096

/* Check that [begin, end) is a signature region that can be dumped: end not
 * below begin and every byte in RAM.  Returns 0, or -1 with a one-line
 * reason in err. */
int signature_check(const struct phys_mem *pm, uint64_t begin, uint64_t end, char *err, size_t errlen);

/* Print the bytes of [begin, end) to f as Spike does: one line per
 * granularity bytes, each line the bytes in hex from the highest address to
 * the lowest (so granularity 4 prints each little-endian word as %08x), a
 * last partial line padded with zero bytes at its high end.  Returns 0, or
 * -1 with a reason in err. */
int signature_print(const struct phys_mem *pm, uint64_t begin, uint64_t end, unsigned granularity, FILE *f,
                    char *err, size_t errlen);

/* signature_print into the file at path (created or truncated).  Returns 0,
 * or -1 with a one-line reason naming the file in err. */
int signature_write(const struct phys_mem *pm, uint64_t begin, uint64_t end, unsigned granularity,
                    const char *path, char *err, size_t errlen);

#endif
