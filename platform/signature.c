/* The test signature dump (--signature), in Spike's +signature format. */
#include "signature.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

/* [begin, end) must be in RAM as a whole: the dump reads it directly. */
int signature_check(const struct phys_mem *pm, uint64_t begin, uint64_t end, char *err, size_t errlen)
{
    if (end < begin) {
        snprintf(err, errlen, "end_signature 0x%" PRIx64 " is below begin_signature 0x%" PRIx64, end, begin);
        return -1;
    }
    if (end > begin && !phys_ram_ptr(pm, begin, end - begin)) {
        snprintf(err, errlen, "the signature [0x%" PRIx64 ", 0x%" PRIx64 ") is not in RAM", begin, end);
        return -1;
    }
    return 0;
}

/* Spike (fesvr/htif.cc, htif_t::stop) walks the region in steps of the
 * granularity and prints each step's bytes highest address first, using 00
 * for the bytes past end_signature; we print the same lines. */
int signature_print(const struct phys_mem *pm, uint64_t begin, uint64_t end, unsigned granularity, FILE *f,
                    char *err, size_t errlen)
{
    if (granularity == 0 || granularity > SIGNATURE_MAX_GRANULARITY) {
        snprintf(err, errlen, "bad signature granularity %u (1..%u)", granularity, SIGNATURE_MAX_GRANULARITY);
        return -1;
    }
    if (signature_check(pm, begin, end, err, errlen)) return -1;
    uint64_t len = end - begin;
    const uint8_t *p = len ? phys_ram_ptr(pm, begin, len) : NULL;
    for (uint64_t i = 0; i < len; i += granularity) {
        for (uint64_t j = granularity; j > 0; j--)
            fprintf(f, "%02x", i + j <= len ? p[i + j - 1] : 0);
        fputc('\n', f);
    }
    return 0;
}

/* The file is written only when the whole dump succeeded to the stream;
 * a write error (disk full) is reported, not ignored. */
int signature_write(const struct phys_mem *pm, uint64_t begin, uint64_t end, unsigned granularity,
                    const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char why[200];
    int rc = signature_print(pm, begin, end, granularity, f, why, sizeof why);
    if (rc) snprintf(err, errlen, "%s: %s", path, why);
    if (ferror(f) | fclose(f)) {
        if (!rc) snprintf(err, errlen, "%s: write error: %s", path, strerror(errno));
        rc = -1;
    }
    return rc;
}
