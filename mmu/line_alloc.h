/* Zeroed arrays aligned to a host cache line (64 bytes).  calloc aligns to
 * 16 bytes only: a type declared aligned(64) (struct mmu, struct block)
 * allocated with it is undefined behaviour, which a compiler using 32-byte
 * vector stores (-march with AVX) turns into a crash, and arrays laid out
 * so that one set or one entry fills part of a line (the TLB's match words,
 * stamps and entries) straddle two lines.  The memory comes from calloc,
 * so a large array stays unmapped until used. */
#ifndef PAGODA_LINE_ALLOC_H
#define PAGODA_LINE_ALLOC_H

#include <stdint.h>
#include <stdlib.h>

#define LINE_BYTES 64

/* n elements of size bytes, zeroed, at an address that is a multiple of
 * LINE_BYTES; NULL when out of memory.  Free with line_free. */
static inline void *line_calloc(size_t n, size_t size)
{
    if (size && n > (SIZE_MAX - 2 * LINE_BYTES) / size)
        return NULL;
    /* calloc's 16-byte alignment leaves at least 16 bytes before the
     * aligned address: room for the pointer that line_free needs */
    char *raw = calloc(1, n * size + LINE_BYTES);
    if (!raw)
        return NULL;
    uintptr_t p = ((uintptr_t)raw + LINE_BYTES) & ~(uintptr_t)(LINE_BYTES - 1);
    ((void **)p)[-1] = raw;
    return (void *)p;
}

static inline void line_free(void *p)
{
    if (p)
        free(((void **)p)[-1]);
}

#endif
