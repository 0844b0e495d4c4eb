/* sifive_test: the values are those of QEMU's hw/misc/sifive_test.c, which
 * Linux (syscon-poweroff / syscon-reboot), OpenSBI and riscv-tests use. */
#include "sifive_test.h"

#include <stdlib.h>

struct sifive_test {
    void (*cb)(void *, int, int);
    void *ctx;
};

struct sifive_test *sifive_test_create(void (*cb)(void *ctx, int kind, int code), void *ctx)
{
    struct sifive_test *t = calloc(1, sizeof *t);
    if (t) {
        t->cb = cb;
        t->ctx = ctx;
    }
    return t;
}

void sifive_test_destroy(struct sifive_test *t)
{
    free(t);
}

static bool st_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    (void)opaque; (void)off; (void)size;
    *val = 0;
    return true;
}

static bool st_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct sifive_test *t = opaque;
    /* Linux's syscon-poweroff writes a 32-bit word, OpenSBI's driver a
     * 16-bit one (writew); QEMU's device takes both, and a 16-bit write
     * carries the whole command (the status code is then 0) */
    if (off != 0 || size < 2)
        return true;
    uint32_t v = size == 2 ? (uint16_t)val : (uint32_t)val;
    int kind;
    int code = 0;
    switch (v & 0xffff) {
    case 0x5555: kind = SIFIVE_TEST_PASS; break;
    case 0x3333: kind = SIFIVE_TEST_FAIL; code = (int)(v >> 16); break;
    case 0x7777: kind = SIFIVE_TEST_RESET; break;
    default: return true;
    }
    if (t->cb)
        t->cb(t->ctx, kind, code);
    return true;
}

struct mmio_dev sifive_test_mmio(struct sifive_test *t, uint64_t base)
{
    struct mmio_dev d = { "sifive_test", base, SIFIVE_TEST_SIZE, t, st_read, st_write };
    return d;
}
