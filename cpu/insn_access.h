/* The data memory access an instruction makes, read off its bits and the
 * registers it would run with: for the debug triggers (trigger.c: which
 * address is about to be read or written, and the data), the commit log
 * (which addresses Spike's log names) and the GDB stub.  Off the hart's hot
 * path: only the one-instruction step path calls it, while a trigger is
 * armed. */
#ifndef PAGODA_INSN_ACCESS_H
#define PAGODA_INSN_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"

/* The cache block cbo.zero zeroes (Pagoda's, as Spike's and QEMU's) */
#define INSN_ACCESS_BLOCK 64

struct insn_access {
    bool reads, writes;   /* an AMO does both; LR reads; SC writes (when it succeeds) */
    bool amo, lr, sc;
    bool fp_data;         /* a store's data comes from f[data_reg] (fsw, fsd, c.fsd, c.fsdsp) */
    unsigned size;        /* 1, 2, 4 or 8 bytes; INSN_ACCESS_BLOCK for cbo.zero */
    unsigned data_reg;    /* the register a store or AMO takes its operand from (rs2) */
    uint64_t addr;        /* the virtual address: x[rs1] + offset (cbo.zero: its block's) */
};

/* The access of the decoded instruction d (bits raw) if it is a load,
 * store, AMO, LR, SC (integer, FP and compressed forms) or cbo.zero, with
 * x the integer registers before it runs; false for every other
 * instruction, an illegal encoding included. */
bool insn_access_of(uint32_t raw, const struct insn *d, const uint64_t x[32], struct insn_access *a);

#endif
