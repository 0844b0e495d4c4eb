/* Which extensions a hart implements: the set chosen with -cpu (QEMU's
 * syntax: "rv64", "max", "rv64,zicboz=on,zbkb=off"), and what follows from
 * it: the decoder (every row of the instruction table names the extensions
 * it needs), misa, the CSRs that depend on an extension, and the ISA string
 * of the device tree.  docs/CPU.md lists every name and its default. */
#ifndef PAGODA_ISA_H
#define PAGODA_ISA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One bit per extension, in the canonical order of ISA strings
 * (unprivileged spec, "ISA Extension Naming Conventions"). */
enum isa_ext {
    ISA_I, ISA_M, ISA_A, ISA_F, ISA_D, ISA_C, ISA_H,
    ISA_ZICBOM, ISA_ZICBOP, ISA_ZICBOZ, ISA_ZICOND, ISA_ZICSR, ISA_ZIFENCEI, ISA_ZIHINTPAUSE,
    ISA_ZMMUL,
    ISA_ZFH, ISA_ZFHMIN,
    ISA_ZCB,
    ISA_ZBA, ISA_ZBB, ISA_ZBC, ISA_ZBKB, ISA_ZBKC, ISA_ZBKX, ISA_ZBS,
    ISA_ZKND, ISA_ZKNE, ISA_ZKNH, ISA_ZKSED, ISA_ZKSH, ISA_ZKT,
    ISA_SDTRIG, ISA_SSTC, ISA_SVADU, ISA_SVINVAL, ISA_SVNAPOT, ISA_SVPBMT,
    ISA_NAMED, /* the extensions above have names; those below are derived */
    /* Set by isa_effective when either extension is: an instruction that
     * belongs to two extensions (rol is Zbb and Zbkb) needs one of them. */
    ISA_X_MUL = ISA_NAMED, /* M or Zmmul */
    ISA_X_ZBB_ZBKB,
    ISA_X_ZBC_ZBKC,
    ISA_X_ZKND_ZKNE,
    ISA_X_ZFHMIN,          /* Zfh or Zfhmin */
    ISA_NBITS
};
_Static_assert(ISA_NBITS <= 64, "extension bits fit a uint64_t");

/* The bit of extension NAME (EXT_ZBA); table rows name what they need with
 * these, several or-ed together when all are needed (c.fld: EXT_C | EXT_D). */
#define ISA_BIT(e) (1ull << (e))
#define EXT_I ISA_BIT(ISA_I)
#define EXT_M ISA_BIT(ISA_M)
#define EXT_A ISA_BIT(ISA_A)
#define EXT_F ISA_BIT(ISA_F)
#define EXT_D ISA_BIT(ISA_D)
#define EXT_C ISA_BIT(ISA_C)
#define EXT_H ISA_BIT(ISA_H)
#define EXT_ZICBOM ISA_BIT(ISA_ZICBOM)
#define EXT_ZICBOP ISA_BIT(ISA_ZICBOP)
#define EXT_ZICBOZ ISA_BIT(ISA_ZICBOZ)
#define EXT_ZICOND ISA_BIT(ISA_ZICOND)
#define EXT_ZICSR ISA_BIT(ISA_ZICSR)
#define EXT_ZIFENCEI ISA_BIT(ISA_ZIFENCEI)
#define EXT_ZIHINTPAUSE ISA_BIT(ISA_ZIHINTPAUSE)
#define EXT_ZMMUL ISA_BIT(ISA_ZMMUL)
#define EXT_ZFH ISA_BIT(ISA_ZFH)
#define EXT_ZFHMIN ISA_BIT(ISA_ZFHMIN)
#define EXT_ZCB ISA_BIT(ISA_ZCB)
#define EXT_ZBA ISA_BIT(ISA_ZBA)
#define EXT_ZBB ISA_BIT(ISA_ZBB)
#define EXT_ZBC ISA_BIT(ISA_ZBC)
#define EXT_ZBKB ISA_BIT(ISA_ZBKB)
#define EXT_ZBKC ISA_BIT(ISA_ZBKC)
#define EXT_ZBKX ISA_BIT(ISA_ZBKX)
#define EXT_ZBS ISA_BIT(ISA_ZBS)
#define EXT_ZKND ISA_BIT(ISA_ZKND)
#define EXT_ZKNE ISA_BIT(ISA_ZKNE)
#define EXT_ZKNH ISA_BIT(ISA_ZKNH)
#define EXT_ZKSED ISA_BIT(ISA_ZKSED)
#define EXT_ZKSH ISA_BIT(ISA_ZKSH)
#define EXT_ZKT ISA_BIT(ISA_ZKT)
#define EXT_SDTRIG ISA_BIT(ISA_SDTRIG)
#define EXT_SSTC ISA_BIT(ISA_SSTC)
#define EXT_SVADU ISA_BIT(ISA_SVADU)
#define EXT_SVINVAL ISA_BIT(ISA_SVINVAL)
#define EXT_SVNAPOT ISA_BIT(ISA_SVNAPOT)
#define EXT_SVPBMT ISA_BIT(ISA_SVPBMT)
#define EXT_X_MUL ISA_BIT(ISA_X_MUL)
#define EXT_X_ZBB_ZBKB ISA_BIT(ISA_X_ZBB_ZBKB)
#define EXT_X_ZBC_ZBKC ISA_BIT(ISA_X_ZBC_ZBKC)
#define EXT_X_ZKND_ZKNE ISA_BIT(ISA_X_ZKND_ZKNE)
#define EXT_X_ZFHMIN ISA_BIT(ISA_X_ZFHMIN)

/* -cpu rv64, the default: what Pagoda's hart has always been (RV64GC,
 * Zihintpause, Zicond, Zba, Zbb, Zbc, Zbs, Sstc, Svinval, Svnapot, Svpbmt;
 * the extensions of QEMU 7.2's rv64 that Pagoda implements, and Zicond),
 * and Sdtrig (QEMU 7.2's "debug", on by default there too). */
#define ISA_RV64 (EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_C | EXT_ZICOND | EXT_ZICSR | EXT_ZIFENCEI | \
                  EXT_ZIHINTPAUSE | EXT_ZBA | EXT_ZBB | EXT_ZBC | EXT_ZBS | EXT_SDTRIG | EXT_SSTC |          \
                  EXT_SVINVAL | EXT_SVNAPOT | EXT_SVPBMT)
/* -cpu max: every extension Pagoda implements (Svadu stays a choice of
 * --ad, docs/CPU.md says why). */
extern const uint64_t isa_max;

/* Parse a -cpu value, MODEL[,NAME=VALUE]...: MODEL is rv64 or max, NAME an
 * extension's name (any case, as QEMU 7.2's "Zfh" and QEMU 8's "zfh"),
 * VALUE on/off, true/false or yes/no.  Returns 0 with the set in *ext, or
 * -1 with a one-line reason in err (an unknown model or name, an extension
 * Pagoda lacks or cannot switch off, a missing dependency). */
int isa_parse_cpu(const char *spec, uint64_t *ext, char *err, size_t errlen);

/* The set a hart with configuration ext implements: 0 stands for ISA_RV64
 * (a zeroed struct hart_config is the default hart); svadu adds Svadu
 * (--ad=svadu).  Without the derived bits. */
uint64_t isa_resolve(uint64_t ext, bool svadu);

/* ext with the derived bits (ISA_X_*) set: what the decoder checks rows
 * against. */
uint64_t isa_effective(uint64_t ext);

/* misa's extension bits (A C D F I M S U) for ext; MXL = 2. */
uint64_t isa_misa(uint64_t ext);

/* The ISA string of the device tree's riscv,isa ("rv64imafdc_zicond_...")
 * into buf, without sdtrig (QEMU 7.2's string does not name it).  Returns its length (truncated to n - 1 if longer). */
size_t isa_string(uint64_t ext, char *buf, size_t n);

/* The name of extension e ("zba"; NULL for a derived bit). */
const char *isa_name(enum isa_ext e);

/* -cpu help: the models and every name with its default in rv64 and max. */
void isa_print_help(FILE *f);

#endif
