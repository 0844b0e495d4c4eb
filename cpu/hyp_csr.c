/* The H extension's CSRs: the HS-level hypervisor registers (h*), the
 * virtual-supervisor registers (vs*) that stand for the supervisor ones
 * while V = 1, and M-mode's mtval2 and mtinst (privileged spec, chapter
 * "Hypervisor Extension", "Hypervisor and Virtual Supervisor CSRs").
 * Privilege checks by CSR number (and the virtual-instruction exception)
 * are in do_csr (system.c); here are existence, WARL rules and effects.
 * GEILEN is 0: no guest external interrupt files, so hgeip, hgeie and
 * hstatus.VGEIN are read-only zero. */
#include "csr.h"

enum {
    CSR_VSSTATUS = 0x200, CSR_VSIE = 0x204, CSR_VSTVEC = 0x205, CSR_VSSCRATCH = 0x240, CSR_VSEPC = 0x241,
    CSR_VSCAUSE = 0x242, CSR_VSTVAL = 0x243, CSR_VSIP = 0x244, CSR_VSTIMECMP = 0x24d, CSR_VSATP = 0x280,
    CSR_HSTATUS = 0x600, CSR_HEDELEG = 0x602, CSR_HIDELEG = 0x603, CSR_HIE = 0x604, CSR_HTIMEDELTA = 0x605,
    CSR_HCOUNTEREN = 0x606, CSR_HGEIE = 0x607, CSR_HENVCFG = 0x60a, CSR_HTVAL = 0x643, CSR_HIP = 0x644,
    CSR_HVIP = 0x645, CSR_HTINST = 0x64a, CSR_HGATP = 0x680, CSR_HGEIP = 0xe12,
    CSR_MTINST = 0x34a, CSR_MTVAL2 = 0x34b,
};

/* hstatus: VTSR, VTW, VTVM, HU, SPVP, SPV and GVA are writable; VSXL is 2
 * (64-bit VS), VSBE 0 (little-endian), VGEIN 0 (GEILEN = 0). */
#define HSTATUS_WRITABLE (HSTATUS_VTSR | HSTATUS_VTW | HSTATUS_VTVM | HSTATUS_HU | HSTATUS_SPVP | HSTATUS_SPV | \
                          HSTATUS_GVA)
/* hedeleg: what medeleg may delegate, except the ecalls from HS, VS and M
 * (9, 10, 11) and the causes that must reach HS: guest-page faults and
 * the virtual-instruction exception (20-23), which are read-only zero */
#define HEDELEG_WRITABLE (0xb1ffull)
/* hie/hip: the VS-level interrupts and SGEI */
#define HIP_BITS (MIP_VS_BITS | (1ull << IRQ_SGEI))
/* hgatp: MODE, a 14-bit VMID (VMIDLEN = 14, the most RV64 allows), and a
 * root PPN whose low two bits are zero (the root table is 16 KiB) */
#define HGATP_WRITABLE ((0xfull << 60) | (0x3fffull << 44) | (((1ull << 44) - 1) & ~3ull))

bool hyp_csr_exists(unsigned csr)
{
    switch (csr) {
    case CSR_VSSTATUS: case CSR_VSIE: case CSR_VSTVEC: case CSR_VSSCRATCH: case CSR_VSEPC: case CSR_VSCAUSE:
    case CSR_VSTVAL: case CSR_VSIP: case CSR_VSTIMECMP: case CSR_VSATP: case CSR_HSTATUS: case CSR_HEDELEG:
    case CSR_HIDELEG: case CSR_HIE: case CSR_HTIMEDELTA: case CSR_HCOUNTEREN: case CSR_HGEIE: case CSR_HENVCFG:
    case CSR_HTVAL: case CSR_HIP: case CSR_HVIP: case CSR_HTINST: case CSR_HGATP: case CSR_HGEIP:
    case CSR_MTINST: case CSR_MTVAL2:
        return true;
    default:
        return false;
    }
}

unsigned hyp_vs_alias(unsigned csr)
{
    switch (csr) {
    case 0x100: return CSR_VSSTATUS;
    case 0x104: return CSR_VSIE;
    case 0x105: return CSR_VSTVEC;
    case 0x140: return CSR_VSSCRATCH;
    case 0x141: return CSR_VSEPC;
    case 0x142: return CSR_VSCAUSE;
    case 0x143: return CSR_VSTVAL;
    case 0x144: return CSR_VSIP;
    case 0x14d: return CSR_VSTIMECMP;
    case 0x180: return CSR_VSATP;
    default: return csr;
    }
}

/* Sstc's vstimecmp: below M it needs menvcfg.STCE and mcounteren.TM
 * (else illegal) and, from VS, henvcfg.STCE and hcounteren.TM (else a
 * virtual-instruction exception; Sstc spec, "Virtual Supervisor Timer
 * Register (vstimecmp)"). */
static bool vstimecmp_allowed(struct hart *h)
{
    if (!hart_has(h, ISA_SSTC)) return false;
    if (h->priv == PRIV_M) return true;
    if (!((h->menvcfg >> 63) && ((h->mcounteren >> 1) & 1))) return false;
    h->csr_virtual = h->virt && !((h->henvcfg >> 63) && ((h->hcounteren >> 1) & 1));
    return !h->csr_virtual;
}

/* After a change of what translations depend on (vsatp, hgatp, henvcfg,
 * vsstatus): the fetch page and the load/store context. */
static void translation_changed(struct hart *h)
{
    hart_flush_fetch(h);
    hart_update_mem_mode(h);
}

bool hyp_csr_read(struct hart *h, unsigned csr, uint64_t *val)
{
    switch (csr) {
    case CSR_VSSTATUS: *val = status_with_sd(h->vsstatus) & SSTATUS_VISIBLE; return true;
    /* vsie/vsip: the VS-level bits that hideleg delegates, at the S-level
     * positions (VSSIP, bit 2, is vsip.SSIP, bit 1, ...) */
    case CSR_VSIE: *val = (h->mie & h->hideleg & MIP_VS_BITS) >> 1; return true;
    case CSR_VSIP: *val = (hart_mip(h) & h->hideleg & MIP_VS_BITS) >> 1; return true;
    case CSR_VSTVEC: *val = h->vstvec; return true;
    case CSR_VSSCRATCH: *val = h->vsscratch; return true;
    case CSR_VSEPC: *val = h->vsepc; return true;
    case CSR_VSCAUSE: *val = h->vscause; return true;
    case CSR_VSTVAL: *val = h->vstval; return true;
    case CSR_VSTIMECMP:
        if (!vstimecmp_allowed(h)) return false;
        *val = h->vstimecmp; return true;
    case CSR_VSATP: *val = h->vsatp; return true;
    case CSR_HSTATUS: *val = h->hstatus; return true;
    case CSR_HEDELEG: *val = h->hedeleg; return true;
    case CSR_HIDELEG: *val = h->hideleg; return true;
    case CSR_HIE: *val = h->mie & HIP_BITS; return true;
    case CSR_HTIMEDELTA: *val = h->htimedelta; return true;
    case CSR_HCOUNTEREN: *val = h->hcounteren; return true;
    case CSR_HGEIE: case CSR_HGEIP: *val = 0; return true;
    case CSR_HENVCFG: *val = h->henvcfg; return true;
    case CSR_HTVAL: *val = h->htval; return true;
    case CSR_HIP: *val = hart_mip(h) & HIP_BITS; return true;
    case CSR_HVIP: *val = h->hvip & MIP_VS_BITS; return true;
    case CSR_HTINST: *val = h->htinst; return true;
    case CSR_HGATP:
        /* mstatus.TVM traps HS-mode's accesses to hgatp as to satp */
        if (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)) return false;
        *val = h->hgatp; return true;
    case CSR_MTINST: *val = h->mtinst; return true;
    case CSR_MTVAL2: *val = h->mtval2; return true;
    default: return false;
    }
}

/* hgatp's MODE: Bare, Sv39x4 and Sv48x4 (Sv57x4 where Sv57 is on: --mmu). */
static bool hgatp_mode_supported(const struct hart *h, unsigned mode)
{
    return mode == HGATP_BARE || mode == HGATP_SV39X4 || mode == HGATP_SV48X4 ||
           (mode == HGATP_SV57X4 && h->cfg.max_satp_mode >= SATP_SV57);
}

bool hyp_csr_write(struct hart *h, unsigned csr, uint64_t v)
{
    switch (csr) {
    case CSR_VSSTATUS: {
        uint64_t w = SSTATUS_WRITABLE & (~MSTATUS_FS | fs_writable(h));
        h->vsstatus = (h->vsstatus & ~w) | (v & w);
        h->irq_check = true;
        hart_update_mem_mode(h); /* vsstatus.SUM and MXR */
        return true;
    }
    case CSR_VSIE: {
        uint64_t w = h->hideleg & MIP_VS_BITS;
        h->mie = (h->mie & ~w) | ((v << 1) & w);
        h->irq_check = true; return true;
    }
    case CSR_VSIP:
        /* only vsip.SSIP is writable (hvip.VSSIP), when delegated */
        if (h->hideleg & (1ull << IRQ_VSSI))
            h->hvip = (h->hvip & ~(1ull << IRQ_VSSI)) | ((v << 1) & (1ull << IRQ_VSSI));
        h->irq_check = true; return true;
    case CSR_VSTVEC: h->vstvec = legal_tvec(h->vstvec, v); return true;
    case CSR_VSSCRATCH: h->vsscratch = v; return true;
    case CSR_VSEPC: h->vsepc = v & ~1ull; return true;
    case CSR_VSCAUSE: h->vscause = v; return true;
    case CSR_VSTVAL: h->vstval = v; return true;
    case CSR_VSTIMECMP:
        if (!vstimecmp_allowed(h)) return false;
        h->vstimecmp = v;
        h->irq_check = true; return true;
    case CSR_VSATP:
        /* as satp: an unsupported MODE makes the whole write void; the
         * TLB is tagged by VMID and ASID, so nothing is flushed */
        if (!satp_mode_supported(h, (unsigned)(v >> 60))) return true;
        h->vsatp = v & ((0xfull << 60) | (0xffffull << 44) | ((1ull << 44) - 1));
        translation_changed(h);
        if (h->satp_write_hook) h->satp_write_hook(h);
        return true;
    case CSR_HSTATUS: h->hstatus = (h->hstatus & ~HSTATUS_WRITABLE) | (v & HSTATUS_WRITABLE); return true;
    case CSR_HEDELEG: h->hedeleg = v & HEDELEG_WRITABLE; return true;
    case CSR_HIDELEG: h->hideleg = v & MIP_VS_BITS; h->irq_check = true; return true;
    case CSR_HIE: h->mie = (h->mie & ~HIP_BITS) | (v & HIP_BITS); h->irq_check = true; return true;
    case CSR_HTIMEDELTA: h->htimedelta = v; h->irq_check = true; return true;
    case CSR_HCOUNTEREN: h->hcounteren = v & 0xffffffffull; return true;
    case CSR_HGEIE: return true; /* GEILEN = 0: read-only zero */
    case CSR_HENVCFG: {
        /* STCE, PBMTE and ADUE only where menvcfg has them on */
        uint64_t w = ENVCFG_FIOM | (h->menvcfg & (ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE));
        h->henvcfg = envcfg_legal(h, h->henvcfg, v, w);
        h->irq_check = true;
        translation_changed(h);
        return true;
    }
    case CSR_HTVAL: h->htval = v; return true;
    case CSR_HIP:
        /* hip.VSSIP is hvip.VSSIP; the others are read-only here */
        h->hvip = (h->hvip & ~(1ull << IRQ_VSSI)) | (v & (1ull << IRQ_VSSI));
        h->irq_check = true; return true;
    case CSR_HVIP: h->hvip = v & MIP_VS_BITS; h->irq_check = true; return true;
    case CSR_HTINST: h->htinst = v; return true;
    case CSR_HGATP:
        if (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)) return false;
        /* "If hgatp is written with an unsupported MODE, the entire write has no effect" */
        if (!hgatp_mode_supported(h, (unsigned)(v >> 60))) return true;
        h->hgatp = v & HGATP_WRITABLE;
        translation_changed(h);
        if (h->satp_write_hook) h->satp_write_hook(h);
        return true;
    case CSR_MTINST: h->mtinst = v; return true;
    case CSR_MTVAL2: h->mtval2 = v; return true;
    default: return false;
    }
}
