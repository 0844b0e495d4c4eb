/* The target description and register access for the GDB stub. */
#include "gdb_regs.h"

#include <stdio.h>
#include <string.h>

#include "../../cpu/hart.h"

/* The CSRs the description lists in org.gnu.gdb.riscv.csr (the ones
 * cpu/csr.c implements); fflags, frm and fcsr are in the fpu feature. */
static const struct { const char *name; unsigned num; } csrs[] = {
    {"sstatus", 0x100}, {"sie", 0x104}, {"stvec", 0x105}, {"scounteren", 0x106}, {"senvcfg", 0x10a},
    {"sscratch", 0x140}, {"sepc", 0x141}, {"scause", 0x142}, {"stval", 0x143}, {"sip", 0x144},
    {"stimecmp", 0x14d}, {"satp", 0x180},
    {"mstatus", 0x300}, {"misa", 0x301}, {"medeleg", 0x302}, {"mideleg", 0x303}, {"mie", 0x304},
    {"mtvec", 0x305}, {"mcounteren", 0x306}, {"menvcfg", 0x30a}, {"mcountinhibit", 0x320},
    {"mscratch", 0x340}, {"mepc", 0x341}, {"mcause", 0x342}, {"mtval", 0x343}, {"mip", 0x344},
    {"mcycle", 0xb00}, {"minstret", 0xb02}, {"cycle", 0xc00}, {"time", 0xc01}, {"instret", 0xc02},
    {"mvendorid", 0xf11}, {"marchid", 0xf12}, {"mimpid", 0xf13}, {"mhartid", 0xf14},
};
#define NCSRS (sizeof csrs / sizeof csrs[0])

static char xml[8192];

const char *gdb_target_xml(void)
{
    if (xml[0]) return xml;
    static const char *const abi[32] = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1", "a0",
                                        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
                                        "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    size_t n = 0, cap = sizeof xml;
#define OUT(...) (n += (size_t)snprintf(xml + n, n < cap ? cap - n : 0, __VA_ARGS__))
    OUT("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n"
        "<architecture>riscv:rv64</architecture>\n<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
    for (unsigned i = 0; i < 32; i++)
        OUT("<reg name=\"%s\" bitsize=\"64\" regnum=\"%u\" type=\"%s\"/>\n", abi[i], i,
            i == 1 ? "code_ptr" : (i == 2 || i == 3 || i == 4 || i == 8) ? "data_ptr" : "int");
    OUT("<reg name=\"pc\" bitsize=\"64\" regnum=\"%d\" type=\"code_ptr\"/>\n</feature>\n", GDB_REG_PC);
    /* the FP registers hold doubles, or NaN-boxed floats: a union as GDB's own description has */
    OUT("<feature name=\"org.gnu.gdb.riscv.fpu\">\n<union id=\"riscv_double\">"
        "<field name=\"float\" type=\"ieee_single\"/><field name=\"double\" type=\"ieee_double\"/></union>\n");
    for (unsigned i = 0; i < 32; i++)
        OUT("<reg name=\"f%u\" bitsize=\"64\" regnum=\"%u\" type=\"riscv_double\"/>\n", i, GDB_REG_F0 + i);
    OUT("<reg name=\"fflags\" bitsize=\"32\" regnum=\"%d\" type=\"int\"/>\n"
        "<reg name=\"frm\" bitsize=\"32\" regnum=\"%d\" type=\"int\"/>\n"
        "<reg name=\"fcsr\" bitsize=\"32\" regnum=\"%d\" type=\"int\"/>\n</feature>\n",
        GDB_REG_CSR0 + 1, GDB_REG_CSR0 + 2, GDB_REG_CSR0 + 3);
    OUT("<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (unsigned i = 0; i < NCSRS; i++)
        OUT("<reg name=\"%s\" bitsize=\"64\" regnum=\"%u\" type=\"int\" group=\"system\"/>\n", csrs[i].name,
            GDB_REG_CSR0 + csrs[i].num);
    OUT("</feature>\n<feature name=\"org.gnu.gdb.riscv.virtual\">\n"
        "<reg name=\"priv\" bitsize=\"64\" regnum=\"%d\" type=\"int\"/>\n</feature>\n</target>\n", GDB_REG_PRIV);
#undef OUT
    return xml;
}

static bool csr_listed(unsigned num)
{
    for (unsigned i = 0; i < NCSRS; i++)
        if (csrs[i].num == num) return true;
    return false;
}

bool gdb_reg_read(struct hart *h, unsigned regno, uint64_t *val)
{
    if (regno < 32) { *val = regno ? h->x[regno] : 0; return true; }
    if (regno == GDB_REG_PC) { *val = h->pc; return true; }
    if (regno >= GDB_REG_F0 && regno < GDB_REG_F0 + 32) { *val = h->f[regno - GDB_REG_F0]; return true; }
    if (regno == GDB_REG_PRIV) { *val = h->priv; return true; }
    if (regno < GDB_REG_CSR0 || regno >= GDB_REG_PRIV) return false;
    unsigned csr = regno - GDB_REG_CSR0;
    switch (csr) {
    case 1: *val = h->fcsr & 0x1f; return true; /* the debugger sees them whatever mstatus.FS says */
    case 2: *val = (h->fcsr >> 5) & 7; return true;
    case 3: *val = h->fcsr & 0xff; return true;
    }
    if (!csr_listed(csr)) return false;
    /* as the debugger sees it: with M-mode's rights (no TVM, counter
     * enable or Sstc checks of the privilege the hart is in) */
    uint8_t priv = h->priv;
    h->priv = PRIV_M;
    bool ok = csr_read(h, csr, val);
    h->priv = priv;
    return ok;
}

bool gdb_reg_write(struct hart *h, unsigned regno, uint64_t val)
{
    if (regno < 32) { if (regno) h->x[regno] = val; return true; }
    if (regno == GDB_REG_PC) { h->pc = val & ~1ull; return true; }
    if (regno >= GDB_REG_F0 && regno < GDB_REG_F0 + 32) { h->f[regno - GDB_REG_F0] = val; return true; }
    if (regno == GDB_REG_PRIV) {
        if (val != PRIV_U && val != PRIV_S && val != PRIV_M) return false;
        h->priv = (uint8_t)val;
        hart_priv_changed(h);
        return true;
    }
    if (regno < GDB_REG_CSR0 || regno >= GDB_REG_PRIV) return false;
    unsigned csr = regno - GDB_REG_CSR0;
    switch (csr) {
    case 1: h->fcsr = (h->fcsr & ~0x1fu) | (uint32_t)(val & 0x1f); return true;
    case 2: h->fcsr = (h->fcsr & ~0xe0u) | (uint32_t)((val & 7) << 5); return true;
    case 3: h->fcsr = (uint32_t)(val & 0xff); return true;
    }
    if (!csr_listed(csr)) return false;
    uint8_t priv = h->priv;
    h->priv = PRIV_M;
    bool ok = csr_write(h, csr, val);
    h->priv = priv;
    hart_priv_changed(h); /* mstatus, satp, ... were written under M: recompute the access mode for the real one */
    return ok;
}
