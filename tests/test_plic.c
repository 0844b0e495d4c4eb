/* PLIC: priorities, threshold, ties, claim/complete, per-context enables and
 * the MEIP/SEIP outputs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "plic.h"

struct lines { uint64_t mip[4]; };

static void hart_irq(void *ctx, unsigned hart, unsigned irq, bool level)
{
    struct lines *l = ctx;
    if (level) l->mip[hart] |= 1ull << irq;
    else l->mip[hart] &= ~(1ull << irq);
}

#define MEI (1u << 11)
#define SEI (1u << 9)

static struct mmio_dev d;

static uint32_t rd(uint64_t off)
{
    uint64_t v = 0xdead;
    assert_true(d.read(d.opaque, off, 4, &v));
    return (uint32_t)v;
}

static void wr(uint64_t off, uint32_t v)
{
    assert_true(d.write(d.opaque, off, 4, v));
}

static uint64_t prio(unsigned s) { return 4ull * s; }
static uint64_t enable(unsigned ctx, unsigned w) { return 0x2000 + 0x80ull * ctx + 4 * w; }
static uint64_t thresh(unsigned ctx) { return 0x200000 + 0x1000ull * ctx; }
static uint64_t claim(unsigned ctx) { return 0x200004 + 0x1000ull * ctx; }

static void test_registers(void **state)
{
    (void)state;
    struct lines l = {0};
    struct plic *p = plic_create(2, hart_irq, &l);
    assert_non_null(p);
    d = plic_mmio(p, PLIC_BASE);
    assert_int_equal(d.size, 0x600000);
    wr(prio(5), 0xffffffff);
    assert_int_equal(rd(prio(5)), 7);          /* 3-bit priority */
    wr(prio(0), 5);
    assert_int_equal(rd(prio(0)), 0);          /* source 0 does not exist */
    wr(enable(3, 0), 0xffffffff);
    assert_int_equal(rd(enable(3, 0)), 0xfffffffe);
    wr(enable(3, 2), 0xffffffff);
    assert_int_equal(rd(enable(3, 2)), 0xffffffff); /* sources 64..95 */
    wr(thresh(1), 9);
    assert_int_equal(rd(thresh(1)), 1);
    wr(0x1000, 0xffffffff);                    /* pending is read-only */
    assert_int_equal(rd(0x1000), 0);
    uint64_t v;
    assert_false(d.read(d.opaque, 0, 1, &v));
    assert_false(d.write(d.opaque, 2, 4, 0));
    assert_int_equal(rd(enable(4, 0)), 0);     /* context 4 (hart 2) absent */
    assert_int_equal(rd(claim(4)), 0);
    plic_destroy(p);
}

static void test_claim_complete(void **state)
{
    (void)state;
    struct lines l = {0};
    struct plic *p = plic_create(2, hart_irq, &l);
    d = plic_mmio(p, PLIC_BASE);
    wr(prio(10), 1);
    wr(prio(1), 3);
    wr(prio(2), 3);
    wr(enable(1, 0), (1u << 10) | (1u << 1) | (1u << 2)); /* hart 0 S-mode */

    plic_set_irq(p, 10, true);
    assert_int_equal(rd(0x1000), 1u << 10);
    assert_int_equal(l.mip[0], SEI);
    assert_int_equal(l.mip[1], 0);
    plic_set_irq(p, 2, true);
    plic_set_irq(p, 1, true);
    assert_int_equal(rd(0x1000), (1u << 10) | 6);

    /* Highest priority first; among equals the lowest id. */
    assert_int_equal(rd(claim(1)), 1);
    assert_int_equal(rd(0x1000), (1u << 10) | 4); /* claim clears pending */
    /* Gateways as QEMU's: source 1 signals again while in flight; the
     * request is pending but not offered before its completion. */
    plic_set_irq(p, 1, true);
    assert_int_equal(rd(0x1000) & 2, 2);
    assert_int_equal(rd(claim(1)), 2);
    assert_int_equal(rd(claim(1)), 10);
    assert_int_equal(l.mip[0], 0);             /* nothing left to claim */
    assert_int_equal(rd(claim(1)), 0);

    /* Completing source 1 delivers the request made while it was in flight. */
    wr(claim(1), 1);
    assert_int_equal(l.mip[0], SEI);
    assert_int_equal(rd(claim(1)), 1);
    /* Completing with the line still high but no new request: nothing is
     * pended (xv6's UART handler never reads IIR; QEMU does not re-pend). */
    wr(claim(1), 1);
    assert_int_equal(rd(0x1000) & 2, 0);
    assert_int_equal(l.mip[0], 0);
    /* ... until the device signals again. */
    plic_set_irq(p, 1, true);
    assert_int_equal(l.mip[0], SEI);
    /* A request withdrawn before its claim is gone. */
    plic_set_irq(p, 1, false);
    assert_int_equal(rd(0x1000) & 2, 0);
    assert_int_equal(l.mip[0], 0);
    /* Source 2 withdrew its request while in flight: not pending after. */
    plic_set_irq(p, 2, false);
    wr(claim(1), 2);
    assert_int_equal(rd(0x1000), 0);
    /* Completion with a source not enabled for the context is ignored. */
    wr(claim(0), 10);                          /* ctx 0 has nothing enabled */
    plic_set_irq(p, 10, true);
    assert_int_equal(rd(claim(1)), 0);         /* still in flight */
    assert_int_equal(l.mip[0], 0);
    wr(claim(1), 10);
    assert_int_equal(rd(0x1000), 1u << 10);
    assert_int_equal(l.mip[0], SEI);
    plic_destroy(p);
}

static void test_threshold_and_contexts(void **state)
{
    (void)state;
    struct lines l = {0};
    struct plic *p = plic_create(2, hart_irq, &l);
    d = plic_mmio(p, PLIC_BASE);
    wr(prio(33), 4);
    plic_set_irq(p, 33, true);
    assert_int_equal(rd(0x1004), 2);           /* pending word 1, bit 1 */
    assert_int_equal(l.mip[0] | l.mip[1], 0);  /* enabled nowhere */

    wr(enable(2, 1), 2);                       /* hart 1 M-mode */
    assert_int_equal(l.mip[1], MEI);
    assert_int_equal(l.mip[0], 0);
    wr(thresh(2), 4);                          /* priority <= threshold is masked */
    assert_int_equal(l.mip[1], 0);
    assert_int_equal(rd(claim(2)), 0);
    wr(thresh(2), 3);
    assert_int_equal(l.mip[1], MEI);

    wr(enable(1, 1), 2);                       /* hart 0 S-mode as well */
    assert_int_equal(l.mip[0], SEI);
    assert_int_equal(rd(claim(1)), 33);        /* one claim serves all contexts */
    assert_int_equal(l.mip[0], 0);
    assert_int_equal(l.mip[1], 0);
    wr(claim(2), 33);                          /* complete from another context that enables it */
    assert_int_equal(l.mip[0] | l.mip[1], 0);  /* no new request yet */
    plic_set_irq(p, 33, true);                 /* the device signals again */
    assert_int_equal(l.mip[0], SEI);
    assert_int_equal(l.mip[1], MEI);

    wr(prio(33), 0);                           /* priority 0 never interrupts */
    assert_int_equal(l.mip[0] | l.mip[1], 0);
    wr(thresh(2), 0);
    assert_int_equal(rd(claim(2)), 0);
    wr(enable(2, 1), 0);
    wr(prio(33), 1);
    assert_int_equal(l.mip[0], SEI);
    assert_int_equal(l.mip[1], 0);
    plic_set_irq(p, 33, false);                /* line dropped before any claim */
    assert_int_equal(l.mip[0], 0);
    assert_int_equal(rd(0x1004), 0);
    plic_set_irq(p, 0, true);                  /* ignored */
    plic_set_irq(p, 96, true);                 /* ignored */
    assert_int_equal(rd(0x1000) | rd(0x1004) | rd(0x1008), 0);
    plic_destroy(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registers),
        cmocka_unit_test(test_claim_complete),
        cmocka_unit_test(test_threshold_and_contexts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
