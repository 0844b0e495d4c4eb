/* CLINT: mtime vs mtimecmp drives MTIP, msip drives MSIP, 32-bit halves. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "clint.h"

struct lines { uint64_t mip[4]; int calls; };

static void hart_irq(void *ctx, unsigned hart, unsigned irq, bool level)
{
    struct lines *l = ctx;
    l->calls++;
    if (level) l->mip[hart] |= 1ull << irq;
    else l->mip[hart] &= ~(1ull << irq);
}

static uint64_t rd(struct mmio_dev *d, uint64_t off, unsigned size)
{
    uint64_t v = 0xdead;
    assert_true(d->read(d->opaque, off, size, &v));
    return v;
}

static void wr(struct mmio_dev *d, uint64_t off, unsigned size, uint64_t v)
{
    assert_true(d->write(d->opaque, off, size, v));
}

static void test_reset_values(void **state)
{
    (void)state;
    uint64_t mtime = 0;
    struct lines l = {0};
    struct clint *c = clint_create(2, &mtime, hart_irq, &l);
    assert_non_null(c);
    struct mmio_dev d = clint_mmio(c, CLINT_BASE);
    assert_int_equal(d.base, CLINT_BASE);
    assert_int_equal(d.size, 0x10000);
    assert_int_equal(rd(&d, 0x4000, 8), UINT64_MAX);
    assert_int_equal(rd(&d, 0x4008, 8), UINT64_MAX);
    assert_int_equal(rd(&d, 0x0, 4), 0);
    mtime = 1000000;
    clint_update(c);
    assert_int_equal(l.mip[0], 0); /* no timer at reset */
    assert_int_equal(clint_next_deadline(c), UINT64_MAX);
    assert_null(clint_create(0, &mtime, hart_irq, &l));
    assert_null(clint_create(65, &mtime, hart_irq, &l));
    clint_destroy(c);
}

static void test_timer(void **state)
{
    (void)state;
    uint64_t mtime = 100;
    struct lines l = {0};
    struct clint *c = clint_create(2, &mtime, hart_irq, &l);
    struct mmio_dev d = clint_mmio(c, CLINT_BASE);

    wr(&d, 0x4000, 8, 150);           /* hart 0 */
    assert_int_equal(l.mip[0] & (1u << 7), 0);
    assert_int_equal(clint_next_deadline(c), 150);
    mtime = 149; clint_update(c);
    assert_int_equal(l.mip[0] & (1u << 7), 0);
    mtime = 150; clint_update(c);      /* mtime >= mtimecmp */
    assert_int_equal(l.mip[0], 1u << 7);
    assert_int_equal(l.mip[1], 0);
    assert_int_equal(clint_next_deadline(c), UINT64_MAX);
    int calls = l.calls;
    mtime = 151; clint_update(c);      /* no change: no call */
    assert_int_equal(l.calls, calls);
    wr(&d, 0x4000, 8, 1000);           /* moving mtimecmp clears MTIP at once */
    assert_int_equal(l.mip[0], 0);
    wr(&d, 0x4008, 8, 500);            /* hart 1 */
    assert_int_equal(clint_next_deadline(c), 500);
    wr(&d, 0x4008, 8, 151);            /* already reached on write */
    assert_int_equal(l.mip[1], 1u << 7);
    assert_int_equal(clint_next_deadline(c), 1000);

    /* mtime is readable and writable through the CLINT. */
    assert_int_equal(rd(&d, 0xBFF8, 8), 151);
    wr(&d, 0xBFF8, 8, 2000);
    assert_int_equal(mtime, 2000);
    clint_update(c);
    assert_int_equal(l.mip[0], 1u << 7);
    clint_destroy(c);
}

static void test_halves(void **state)
{
    (void)state;
    uint64_t mtime = 0x100000000ull;
    struct lines l = {0};
    struct clint *c = clint_create(1, &mtime, hart_irq, &l);
    struct mmio_dev d = clint_mmio(c, CLINT_BASE);
    /* The classic RV32 sequence: high half to max, low half, then high half. */
    wr(&d, 0x4004, 4, 0xffffffff);
    wr(&d, 0x4000, 4, 0x00000010);
    assert_int_equal(l.mip[0], 0);
    wr(&d, 0x4004, 4, 0x00000001);
    assert_int_equal(clint_get_mtimecmp(c, 0), 0x100000010ull);
    assert_int_equal(rd(&d, 0x4000, 4), 0x10);
    assert_int_equal(rd(&d, 0x4004, 4), 1);
    mtime = 0x100000010ull; clint_update(c);
    assert_int_equal(l.mip[0], 1u << 7);
    assert_int_equal(rd(&d, 0xBFF8, 4), 0x10);
    assert_int_equal(rd(&d, 0xBFFC, 4), 1);
    wr(&d, 0xBFFC, 4, 0);              /* write mtime high half */
    assert_int_equal(mtime, 0x10);
    /* Refused: 1- and 2-byte and misaligned accesses. */
    uint64_t v;
    assert_false(d.read(d.opaque, 0x4000, 1, &v));
    assert_false(d.read(d.opaque, 0x4000, 2, &v));
    assert_false(d.read(d.opaque, 0x4004, 8, &v));
    assert_false(d.write(d.opaque, 0x4002, 4, 0));
    clint_destroy(c);
}

static void test_msip(void **state)
{
    (void)state;
    uint64_t mtime = 0;
    struct lines l = {0};
    struct clint *c = clint_create(3, &mtime, hart_irq, &l);
    struct mmio_dev d = clint_mmio(c, CLINT_BASE);
    wr(&d, 0x8, 4, 1);                 /* IPI to hart 2 */
    assert_int_equal(l.mip[2], 1u << 3);
    assert_int_equal(l.mip[0] | l.mip[1], 0);
    assert_int_equal(rd(&d, 0x8, 4), 1);
    assert_true(clint_get_msip(c, 2));
    wr(&d, 0x8, 4, 0xfffffffe);        /* only bit 0 counts */
    assert_int_equal(l.mip[2], 0);
    assert_int_equal(rd(&d, 0x8, 4), 0);
    wr(&d, 0x0, 8, 0x100000001ull);    /* 8-byte: harts 0 and 1 */
    assert_int_equal(l.mip[0], 1u << 3);
    assert_int_equal(l.mip[1], 1u << 3);
    wr(&d, 0xC, 4, 1);                 /* hart 3 does not exist: ignored */
    assert_int_equal(rd(&d, 0xC, 4), 0);
    clint_reset(c);
    assert_int_equal(l.mip[0] | l.mip[1] | l.mip[2], 0);
    clint_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reset_values),
        cmocka_unit_test(test_timer),
        cmocka_unit_test(test_halves),
        cmocka_unit_test(test_msip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
