/* Unit tests of the signature dump (platform/signature.c): Spike's
 * +signature format at several granularities, and the region checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "signature.h"

static uint8_t ram[64];
static const struct phys_mem pm = { ram, 0x80000000ull, sizeof ram, NULL, NULL, NULL };

/* signature_print of [begin, end) at granularity g, into a string */
static char *dump(uint64_t begin, uint64_t end, unsigned g, int *rc)
{
    static char buf[1024];
    char err[128];
    memset(buf, 0, sizeof buf); /* fmemopen leaves an untouched buffer as it was */
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    *rc = signature_print(&pm, begin, end, g, f, err, sizeof err);
    fclose(f);
    return buf;
}

/* bytes 0..11 = 0x00..0x0b: each line is its bytes highest address first */
static void test_granularities(void **state)
{
    (void)state;
    for (unsigned i = 0; i < sizeof ram; i++) ram[i] = (uint8_t)i;
    int rc;
    assert_string_equal(dump(0x80000000, 0x8000000c, 4, &rc), "03020100\n07060504\n0b0a0908\n");
    assert_int_equal(rc, 0);
    /* a partial last line: zero bytes at its high end, as Spike */
    assert_string_equal(dump(0x80000000, 0x8000000c, 8, &rc), "0706050403020100\n000000000b0a0908\n");
    assert_string_equal(dump(0x80000004, 0x80000006, 1, &rc), "04\n05\n");
    assert_string_equal(dump(0x80000010, 0x80000020, 16, &rc), "1f1e1d1c1b1a19181716151413121110\n");
    /* an empty region prints nothing */
    assert_string_equal(dump(0x80000010, 0x80000010, 4, &rc), "");
    assert_int_equal(rc, 0);
}

/* regions outside RAM, reversed, and granularity 0 are refused */
static void test_bad_regions(void **state)
{
    (void)state;
    char err[128];
    assert_int_equal(signature_check(&pm, 0x80000000, 0x80000040, err, sizeof err), 0);
    assert_int_equal(signature_check(&pm, 0x80000000, 0x80000041, err, sizeof err), -1);
    assert_non_null(strstr(err, "not in RAM"));
    assert_int_equal(signature_check(&pm, 0x7ffffffc, 0x80000004, err, sizeof err), -1);
    assert_int_equal(signature_check(&pm, 0x80000008, 0x80000004, err, sizeof err), -1);
    assert_non_null(strstr(err, "below begin_signature"));
    int rc;
    dump(0x80000000, 0x80000004, 0, &rc);
    assert_int_equal(rc, -1);
    dump(0x80000000, 0x80000004, SIGNATURE_MAX_GRANULARITY + 1, &rc);
    assert_int_equal(rc, -1);
}

/* signature_write names the file it cannot create */
static void test_write_error(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(signature_write(&pm, 0x80000000, 0x80000004, 4, "/nonexistent-dir/sig", err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent-dir/sig"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_granularities),
        cmocka_unit_test(test_bad_regions),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
