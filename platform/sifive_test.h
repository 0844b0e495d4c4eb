/* sifive_test (SiFive "test finisher", QEMU virt at 0x100000): a 32-bit write
 * to offset 0 whose low 16 bits are
 *   0x5555  pass: power off, exit status 0
 *   0x3333  fail: exit status = value >> 16
 *   0x7777  reset the board
 * Other values are ignored; reads return 0. */
#ifndef PAGODA_SIFIVE_TEST_H
#define PAGODA_SIFIVE_TEST_H

#include <stdint.h>
#include "device.h"

#define SIFIVE_TEST_BASE 0x100000u
#define SIFIVE_TEST_SIZE 0x1000u

enum sifive_test_kind {
    SIFIVE_TEST_PASS = 0,  /* code 0 */
    SIFIVE_TEST_FAIL = 1,  /* code = value >> 16 */
    SIFIVE_TEST_RESET = 2, /* code 0 */
};

struct sifive_test;

/* Create the device; each recognised write calls cb(ctx, kind, code) with
 * kind an enum sifive_test_kind. */
struct sifive_test *sifive_test_create(void (*cb)(void *ctx, int kind, int code), void *ctx);

/* Free it (NULL is fine). */
void sifive_test_destroy(struct sifive_test *t);

/* The MMIO window at guest physical address `base`. */
struct mmio_dev sifive_test_mmio(struct sifive_test *t, uint64_t base);

#endif
