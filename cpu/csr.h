/* What csr.c shares with the other CSR files of cpu/ (hyp_csr.c): WARL
 * helpers and the H extension's CSRs.  Only cpu/ includes it. */
#ifndef PAGODA_CSR_H
#define PAGODA_CSR_H

#include "hart.h"

#define MIP_S_BITS ((1ull << IRQ_SSI) | (1ull << IRQ_STI) | (1ull << IRQ_SEI))
/* sstatus's view of mstatus (vsstatus has the same fields) */
#define SSTATUS_VISIBLE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_XS | MSTATUS_VS | \
                         MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL | MSTATUS_SD)
#define SSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | MSTATUS_MXR)

/* xSTATUS with SD worked out from FS and XS. */
uint64_t status_with_sd(uint64_t s);
/* A write of v to a trap-vector register holding old: modes 0 and 1. */
uint64_t legal_tvec(uint64_t old, uint64_t v);
/* A write of v to an envcfg register holding old: writable's bits and the
 * CBO fields of the extensions present. */
uint64_t envcfg_legal(const struct hart *h, uint64_t old, uint64_t v, uint64_t writable);
/* satp (and vsatp) MODE the hart translates with. */
bool satp_mode_supported(const struct hart *h, unsigned mode);
/* mstatus.FS's writable bits (none without F). */
uint64_t fs_writable(const struct hart *h);

/* The H extension's CSRs (hyp_csr.c): the HS-level h* registers, the VS
 * registers vs*, and M-mode's mtval2 and mtinst. */
bool hyp_csr_exists(unsigned csr);
bool hyp_csr_read(struct hart *h, unsigned csr, uint64_t *val);
bool hyp_csr_write(struct hart *h, unsigned csr, uint64_t v);
/* With V = 1, the VS register that a supervisor CSR number reaches
 * (sstatus is vsstatus, ...), or csr itself. */
unsigned hyp_vs_alias(unsigned csr);

#endif
