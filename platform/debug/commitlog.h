/* The commit log (--log-commits, docs/DEBUGGING.md): one line per retired
 * instruction in Spike's --log-commits format, so that a run of Pagoda can
 * be diffed against Spike's on the same ELF:
 *
 *   core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000
 *   core   0: 3 0x0000000080000010 (0x00b53023) mem 0x0000000080001000 0x0000000000000007
 *
 * privilege (0 U, 1 S, 3 M), pc, the instruction's bits (4 hex digits when
 * compressed), then the registers it wrote (x, f and CSRs in Spike's order
 * and naming), the addresses it read and the addresses and data it wrote.
 * An instruction that traps is not logged (it does not retire), as in
 * Spike.  It follows the harts through their step hook (cpu/hart.h), so
 * the harts run one instruction at a time while it is on; without it
 * nothing of it exists. */
#ifndef PAGODA_COMMITLOG_H
#define PAGODA_COMMITLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct hart;
struct commitlog;

/* Log every instruction harts[0..n) retire to path (NULL: stderr).  NULL
 * with errno set when the file cannot be opened or memory is short. */
struct commitlog *commitlog_open(const char *path, struct hart *harts, unsigned n);
/* Detach from the harts, flush and close; false when a write failed.
 * NULL is accepted. */
bool commitlog_close(struct commitlog *c);

/* ---- one line, for the hook and the unit tests ---- */

/* What a register entry is (Spike keys its entries number << 4 | kind and
 * prints them in that order). */
enum { COMMIT_X = 0, COMMIT_F = 1, COMMIT_CSR = 4 };
#define COMMIT_MAX_REGS 8
#define COMMIT_MAX_READS 2
#define COMMIT_MAX_WRITES 64 /* cbo.zero: one byte store per byte of its block, as Spike logs it */

struct commit_record {
    unsigned hartid, priv;
    uint64_t pc;
    uint32_t raw;
    unsigned len;              /* 2 or 4 bytes */
    unsigned nregs, nreads, nwrites;
    struct { uint32_t key; uint64_t value; } regs[COMMIT_MAX_REGS]; /* sorted by key */
    uint64_t reads[COMMIT_MAX_READS];
    struct { uint64_t addr, value; unsigned size; } writes[COMMIT_MAX_WRITES];
};

/* Add (or replace) a written register: kind COMMIT_X, COMMIT_F or
 * COMMIT_CSR, its number, its value.  x0 is never logged. */
void commit_add_reg(struct commit_record *r, unsigned kind, unsigned num, uint64_t value);
/* The line for r, newline included, into buf (truncated to n); its length. */
size_t commit_format(const struct commit_record *r, char *buf, size_t n);
/* The CSR's name as Spike prints it ("mstatus", "pmpaddr3"; "unknown-csr"). */
const char *commit_csr_name(unsigned csr, char *buf, size_t n);

#endif
