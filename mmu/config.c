/* The MMU's configuration: the defaults and the --tlb, --tlb-flush and
 * --ad options (docs/MMU.md, "Configuration"). */
#include <stdio.h>
#include <string.h>

#include "mmu.h"

void mmu_config_default(struct mmu_config *c)
{
    /* Roughly a current application core: 64-entry L1s, 2048-entry L2. */
    *c = (struct mmu_config){
        .l1i_sets = 16, .l1i_ways = 4,
        .l1d_sets = 16, .l1d_ways = 4,
        .l2_sets = 256, .l2_ways = 8,
        .pwc_entries = 32,
        .repl = MMU_REPL_LRU,
        .flush_on_satp_write = false,
        .ad = MMU_AD_HARDWARE,
    };
}

static bool parse_uint(const char *s, size_t len, unsigned max, unsigned *out)
{
    if (len == 0 || len > 9)
        return false;
    unsigned v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        v = v * 10 + (unsigned)(s[k] - '0');
    }
    if (v > max)
        return false;
    *out = v;
    return true;
}

/* "SxW" or "0" */
static int parse_geometry(const char *v, size_t len, unsigned *sets, unsigned *ways,
                          const char *key, char *err, size_t errlen)
{
    if (len == 1 && v[0] == '0') {
        *sets = *ways = 0;
        return 0;
    }
    const char *x = memchr(v, 'x', len);
    unsigned s, w;
    if (!x || !parse_uint(v, (size_t)(x - v), 1u << 16, &s) ||
        !parse_uint(x + 1, len - (size_t)(x + 1 - v), 256, &w) || s == 0 || w == 0) {
        snprintf(err, errlen, "--tlb: %s wants SETSxWAYS (sets 1..65536, ways 1..256) or 0, got '%.*s'",
                 key, (int)len, v);
        return -1;
    }
    if (s & (s - 1)) {
        snprintf(err, errlen, "--tlb: %s: sets must be a power of two, got %u", key, s);
        return -1;
    }
    *sets = s;
    *ways = w;
    return 0;
}

int mmu_config_parse_tlb(struct mmu_config *c, const char *spec, char *err, size_t errlen)
{
    struct mmu_config t = *c;
    const char *p = spec;
    if (!spec || !*spec) {
        snprintf(err, errlen, "--tlb: empty value");
        return -1;
    }
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (!eq) {
            snprintf(err, errlen, "--tlb: '%.*s' is not key=value", (int)len, p);
            return -1;
        }
        size_t klen = (size_t)(eq - p);
        const char *v = eq + 1;
        size_t vlen = len - klen - 1;
#define KEY(s) (klen == strlen(s) && memcmp(p, s, klen) == 0)
#define VAL(s) (vlen == strlen(s) && memcmp(v, s, vlen) == 0)
        if (KEY("l1i")) {
            if (parse_geometry(v, vlen, &t.l1i_sets, &t.l1i_ways, "l1i", err, errlen)) return -1;
        } else if (KEY("l1d")) {
            if (parse_geometry(v, vlen, &t.l1d_sets, &t.l1d_ways, "l1d", err, errlen)) return -1;
        } else if (KEY("l2")) {
            if (parse_geometry(v, vlen, &t.l2_sets, &t.l2_ways, "l2", err, errlen)) return -1;
        } else if (KEY("pwc")) {
            if (!parse_uint(v, vlen, 4096, &t.pwc_entries)) {
                snprintf(err, errlen, "--tlb: pwc wants a number of entries 0..4096, got '%.*s'",
                         (int)vlen, v);
                return -1;
            }
        } else if (KEY("repl")) {
            if (VAL("lru")) t.repl = MMU_REPL_LRU;
            else if (VAL("fifo")) t.repl = MMU_REPL_FIFO;
            else if (VAL("random")) t.repl = MMU_REPL_RANDOM;
            else {
                snprintf(err, errlen, "--tlb: repl wants lru, fifo or random, got '%.*s'", (int)vlen, v);
                return -1;
            }
        } else {
            snprintf(err, errlen, "--tlb: unknown key '%.*s' (l1i, l1d, l2, pwc, repl)", (int)klen, p);
            return -1;
        }
#undef KEY
#undef VAL
        p += len;
        if (*p == ',')
            p++;
    }
    *c = t;
    return 0;
}

int mmu_config_set_flush_mode(struct mmu_config *c, const char *mode)
{
    if (strcmp(mode, "peer") == 0) c->flush_on_satp_write = true;
    else if (strcmp(mode, "exact") == 0) c->flush_on_satp_write = false;
    else return -1;
    return 0;
}

int mmu_config_set_ad(struct mmu_config *c, const char *mode)
{
    if (strcmp(mode, "hw") == 0) c->ad = MMU_AD_HARDWARE;
    else if (strcmp(mode, "fault") == 0) c->ad = MMU_AD_FAULT;
    else return -1;
    return 0;
}
