/* What GDB sees of a hart's registers: the target description (XML with
 * the features GDB's RISC-V support knows: org.gnu.gdb.riscv.cpu, .fpu,
 * .csr and .virtual) and register access by GDB register number. */
#ifndef PAGODA_GDB_REGS_H
#define PAGODA_GDB_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hart;

/* Register numbers: x0-x31 are 0-31, pc 32, f0-f31 33-64, a CSR 65 + its
 * number (fflags 66, mstatus 65 + 0x300, satp 65 + 0x180), and the
 * privilege mode ("priv", in org.gnu.gdb.riscv.virtual) 65 + 4096. */
enum { GDB_REG_PC = 32, GDB_REG_F0 = 33, GDB_REG_CSR0 = 65, GDB_REG_PRIV = 65 + 4096 };
#define GDB_G_REGS 33 /* the 'g' packet holds x0-x31 and pc */

/* The whole target description ("target.xml"). */
const char *gdb_target_xml(void);
/* Read register regno of h into *val; false when no such register. */
bool gdb_reg_read(struct hart *h, unsigned regno, uint64_t *val);
/* Write it (x0 and read-only CSRs ignore the write); false when no such
 * register or the value is refused. */
bool gdb_reg_write(struct hart *h, unsigned regno, uint64_t val);

#endif
