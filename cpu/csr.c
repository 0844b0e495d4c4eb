/* Control and status registers: read/write rules of the privileged spec.
 * Privilege and read-only checks by CSR number happen in do_csr (system.c);
 * here are existence, WARL legalisation and side effects. */
#include "csr.h"
#include "hart.h"
#include "hpm.h"

enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105, CSR_SCOUNTEREN = 0x106,
    CSR_SENVCFG = 0x10a, CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141, CSR_SCAUSE = 0x142,
    CSR_STVAL = 0x143, CSR_SIP = 0x144, CSR_STIMECMP = 0x14d, CSR_SATP = 0x180,
    CSR_MVENDORID = 0xf11, CSR_MARCHID = 0xf12, CSR_MIMPID = 0xf13, CSR_MHARTID = 0xf14,
    CSR_MCONFIGPTR = 0xf15,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MCOUNTEREN = 0x306, CSR_MENVCFG = 0x30a,
    CSR_MCOUNTINHIBIT = 0x320, CSR_MSCRATCH = 0x340, CSR_MEPC = 0x341, CSR_MCAUSE = 0x342,
    CSR_MTVAL = 0x343, CSR_MIP = 0x344, CSR_MCYCLE = 0xb00, CSR_MINSTRET = 0xb02,
};

/* mstatus bits that software can write (the rest are read-only zero or
 * fixed: UXL = SXL = 2, SD computed, VS/XS zero, no big-endian) */
#define MSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | \
                          MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR |   \
                          MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define MIE_WRITABLE (MIP_S_BITS | (1ull << IRQ_MSI) | (1ull << IRQ_MTI) | (1ull << IRQ_MEI))
/* exceptions that may be delegated: all but ecall from M (11) and the
 * reserved causes 10 and 14 */
#define MEDELEG_WRITABLE (0xb3ffull & 0xffff)
/* and with H: ecall from VS (10), the guest-page faults (20, 21, 23) and
 * the virtual-instruction exception (22) */
#define MEDELEG_H ((1ull << EXC_ECALL_VS) | (0xfull << 20))

uint64_t status_with_sd(uint64_t s)
{
    /* SD summarises FS/XS/VS dirty (privileged spec, "Extension Context
     * Status in mstatus Register") */
    if ((s & MSTATUS_FS) == MSTATUS_FS || (s & MSTATUS_XS) == MSTATUS_XS) s |= MSTATUS_SD;
    else s &= ~MSTATUS_SD;
    return s;
}

/* Counters: cycle counts retired instructions (one instruction per cycle).
 * mcountinhibit freezes a counter at its current value. */
static uint64_t counter_value(const struct hart *h, int which)
{
    bool inhibited = (h->mcountinhibit >> (which == 0 ? 0 : 2)) & 1;
    if (which == 0) return inhibited ? h->cycle_frozen : h->instret - h->cycle_base;
    return inhibited ? h->instret_frozen : h->instret - h->instret_base;
}

static void counter_write(struct hart *h, int which, uint64_t v)
{
    /* the writing instruction itself retires after the write, so the next
     * read sees v plus what retires after it */
    bool inhibited = (h->mcountinhibit >> (which == 0 ? 0 : 2)) & 1;
    if (which == 0) {
        if (inhibited) h->cycle_frozen = v;
        else h->cycle_base = h->instret + 1 - v;
    } else {
        if (inhibited) h->instret_frozen = v;
        else h->instret_base = h->instret + 1 - v;
    }
}

/* cycle/time/instret and hpmcounters from S or U: allowed only when the
 * matching mcounteren (and, for U, scounteren) bit is set.  With V = 1
 * hcounteren (and, for VU, scounteren) must allow it too, else a
 * virtual-instruction exception (H chapter, "Hypervisor Counter-Enable
 * Register"). */
static bool counter_allowed(struct hart *h, unsigned idx)
{
    if (h->priv == PRIV_M) return true;
    if (!((h->mcounteren >> idx) & 1)) return false;
    if (h->virt) {
        h->csr_virtual = !((h->hcounteren >> idx) & 1) || (h->priv == PRIV_U && !((h->scounteren >> idx) & 1));
        return !h->csr_virtual;
    }
    if (h->priv == PRIV_U && !((h->scounteren >> idx) & 1)) return false;
    return true;
}

/* Sstc: below M-mode, stimecmp needs menvcfg.STCE and mcounteren.TM (Sstc
 * spec, "Supervisor Timer Register (stimecmp)") */
static bool stimecmp_allowed(const struct hart *h)
{
    if (!hart_has(h, ISA_SSTC)) return false; /* no such CSR */
    return h->priv == PRIV_M || ((h->menvcfg >> 63) && ((h->mcounteren >> 1) & 1));
}

/* mstatus.FS is read-only zero without F (privileged spec, "Extension
 * Context Status in mstatus Register": FS may be read-only zero when F is
 * not implemented); then fcsr and the FP instructions are illegal. */
uint64_t fs_writable(const struct hart *h) { return hart_has(h, ISA_F) ? MSTATUS_FS : 0; }

/* A write of v to menvcfg or senvcfg (old value old): the bits of
 * writable, and the CBO enables of the extensions the hart has (CMO
 * chapter: CBZE with Zicboz, CBCFE and CBIE with Zicbom).  CBIE's reserved
 * value 10 is not taken: the field keeps its value. */
uint64_t envcfg_legal(const struct hart *h, uint64_t old, uint64_t v, uint64_t writable)
{
    if (hart_has(h, ISA_ZICBOZ)) writable |= ENVCFG_CBZE;
    if (hart_has(h, ISA_ZICBOM)) writable |= ENVCFG_CBCFE | ENVCFG_CBIE;
    if ((v & ENVCFG_CBIE) == (2ull << 4)) v = (v & ~ENVCFG_CBIE) | (old & ENVCFG_CBIE);
    return v & writable;
}

static bool pmp_csr(unsigned csr) { return csr >= 0x3a0 && csr <= 0x3ef; }

/* The value a CSRRS/CSRRC modifies, given what the CSR read as: the same,
 * except that mip's SEIP is the software-writable bit alone (privileged
 * spec, "Machine Interrupt Registers (mip and mie)": the read-modify-write
 * of csrrs/csrrc ignores the interrupt controller's signal, which csrr
 * ORs in). Otherwise M-mode setting or clearing another mip bit would
 * latch the PLIC's output into mip.SEIP for good. */
uint64_t csr_rmw_base(const struct hart *h, unsigned csr, uint64_t read)
{
    if (csr != CSR_MIP) return read;
    const uint64_t seip = 1ull << IRQ_SEI;
    return (read & ~seip) | (h->mip & seip);
}

bool csr_read(struct hart *h, unsigned csr, uint64_t *val)
{
    switch (csr) {
    case CSR_FFLAGS:
        if (!hart_fp_enabled(h)) return false;
        *val = h->fcsr & 0x1f; return true;
    case CSR_FRM:
        if (!hart_fp_enabled(h)) return false;
        *val = (h->fcsr >> 5) & 7; return true;
    case CSR_FCSR:
        if (!hart_fp_enabled(h)) return false;
        *val = h->fcsr & 0xff; return true;
    case CSR_CYCLE: case CSR_INSTRET: case CSR_TIME:
        if (!counter_allowed(h, csr - CSR_CYCLE)) return false;
        if (csr == CSR_TIME) {
            if (!h->mtime) return false;
            *val = *h->mtime + (h->virt ? h->htimedelta : 0); /* a guest's time is offset */
        } else {
            *val = counter_value(h, csr == CSR_CYCLE ? 0 : 1);
        }
        return true;
    case CSR_SSTATUS: *val = status_with_sd(h->mstatus) & SSTATUS_VISIBLE; return true;
    case CSR_SIE: *val = h->mie & h->mideleg & MIP_S_BITS; return true;
    case CSR_STVEC: *val = h->stvec; return true;
    case CSR_SCOUNTEREN: *val = h->scounteren; return true;
    case CSR_SENVCFG: *val = h->senvcfg; return true;
    case CSR_SSCRATCH: *val = h->sscratch; return true;
    case CSR_SEPC: *val = h->sepc; return true;
    case CSR_SCAUSE: *val = h->scause; return true;
    case CSR_STVAL: *val = h->stval; return true;
    case CSR_SIP: *val = hart_mip(h) & h->mideleg & MIP_S_BITS; return true;
    case CSR_STIMECMP:
        if (!stimecmp_allowed(h)) return false;
        *val = h->stimecmp; return true;
    case CSR_SATP:
        if (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)) return false;
        *val = h->satp; return true;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MCONFIGPTR: *val = 0; return true;
    case CSR_MHARTID: *val = h->hartid; return true;
    case CSR_MSTATUS: *val = status_with_sd(h->mstatus); return true;
    case CSR_MISA: *val = h->misa; return true;
    case CSR_MEDELEG: *val = h->medeleg; return true;
    case CSR_MIDELEG: *val = h->mideleg; return true;
    case CSR_MIE: *val = h->mie; return true;
    case CSR_MTVEC: *val = h->mtvec; return true;
    case CSR_MCOUNTEREN: *val = h->mcounteren; return true;
    case CSR_MENVCFG: *val = h->menvcfg; return true;
    case CSR_MCOUNTINHIBIT: *val = h->mcountinhibit; return true;
    case CSR_MSCRATCH: *val = h->mscratch; return true;
    case CSR_MEPC: *val = h->mepc; return true;
    case CSR_MCAUSE: *val = h->mcause; return true;
    case CSR_MTVAL: *val = h->mtval; return true;
    case CSR_MIP: *val = hart_mip(h); return true;
    case CSR_MCYCLE: *val = counter_value(h, 0); return true;
    case CSR_MINSTRET: *val = counter_value(h, 1); return true;
    default: break;
    }
    if (csr >= 0xc03 && csr <= 0xc1f) { /* hpmcounter3..31: the MMU's events (hpm.c) */
        if (!counter_allowed(h, csr - CSR_CYCLE)) return false;
        *val = hpm_counter_read(h, csr - CSR_CYCLE); return true;
    }
    if (csr >= 0xb03 && csr <= 0xb1f) { *val = hpm_counter_read(h, csr - 0xb00); return true; }
    if (csr >= 0x323 && csr <= 0x33f) { *val = hpm_event_read(h, csr - 0x320); return true; }
    if (hart_has(h, ISA_H) && hyp_csr_exists(csr)) return hyp_csr_read(h, csr, val);
    if (pmp_csr(csr)) {
        if (csr < 0x3b0) {
            if (csr & 1) return false; /* odd pmpcfg do not exist on RV64 */
            *val = pmp_read_cfg(&h->pmp, (int)(csr - 0x3a0));
        } else {
            *val = pmp_read_addr(&h->pmp, (int)(csr - 0x3b0));
        }
        return true;
    }
    return trigger_csr_read(h, csr, val); /* tselect..tinfo, or false */
}

uint64_t legal_tvec(uint64_t old, uint64_t v)
{
    /* modes 0 (direct) and 1 (vectored); others reserved: keep the old mode */
    if ((v & 3) >= 2) v = (v & ~3ull) | (old & 3);
    return v;
}

bool satp_mode_supported(const struct hart *h, unsigned mode)
{
    switch (mode) {
    case SATP_BARE: return true;
    case SATP_SV39: return h->cfg.max_satp_mode >= SATP_SV39;
    case SATP_SV48: return h->cfg.max_satp_mode >= SATP_SV48;
    case SATP_SV57: return h->cfg.max_satp_mode >= SATP_SV57;
    default: return false;
    }
}

bool csr_write(struct hart *h, unsigned csr, uint64_t v)
{
    switch (csr) {
    case CSR_FFLAGS:
        if (!hart_fp_enabled(h)) return false;
        h->fcsr = (h->fcsr & ~0x1fu) | (uint32_t)(v & 0x1f);
        hart_fp_dirty(h); return true;
    case CSR_FRM:
        if (!hart_fp_enabled(h)) return false;
        h->fcsr = (h->fcsr & 0x1fu) | (uint32_t)((v & 7) << 5);
        hart_fp_dirty(h); return true;
    case CSR_FCSR:
        if (!hart_fp_enabled(h)) return false;
        h->fcsr = (uint32_t)(v & 0xff);
        hart_fp_dirty(h); return true;
    case CSR_SSTATUS: {
        uint64_t w = SSTATUS_WRITABLE & (~MSTATUS_FS | fs_writable(h));
        h->mstatus = (h->mstatus & ~w) | (v & w);
        h->irq_check = true;
        hart_update_mem_mode(h); /* SUM and MXR change what translations allow */
        return true;
    }
    case CSR_SIE:
        h->mie = (h->mie & ~(h->mideleg & MIP_S_BITS)) | (v & h->mideleg & MIP_S_BITS);
        h->irq_check = true; return true;
    case CSR_STVEC: h->stvec = legal_tvec(h->stvec, v); return true;
    case CSR_SCOUNTEREN: h->scounteren = v & 0xffffffffull; return true;
    case CSR_SENVCFG: h->senvcfg = envcfg_legal(h, h->senvcfg, v, ENVCFG_FIOM); return true;
    case CSR_SSCRATCH: h->sscratch = v; return true;
    case CSR_SEPC: h->sepc = v & ~1ull; return true;
    case CSR_SCAUSE: h->scause = v; return true;
    case CSR_STVAL: h->stval = v; return true;
    case CSR_SIP:
        /* only SSIP is writable through sip, and only when delegated */
        h->mip = (h->mip & ~(h->mideleg & (1ull << IRQ_SSI))) | (v & h->mideleg & (1ull << IRQ_SSI));
        h->irq_check = true; return true;
    case CSR_STIMECMP:
        if (!stimecmp_allowed(h)) return false;
        h->stimecmp = v;
        h->irq_check = true; return true;
    case CSR_SATP: {
        if (h->priv == PRIV_S && (h->mstatus & MSTATUS_TVM)) return false;
        /* a write with an unsupported MODE has no effect at all (privileged
         * spec, satp: "If satp is written with an unsupported MODE, the
         * entire write has no effect") */
        if (!satp_mode_supported(h, (unsigned)(v >> 60))) return true;
        /* 16 ASID bits implemented; PPN is 44 bits */
        h->satp = v & ((0xfull << 60) | (0xffffull << 44) | ((1ull << 44) - 1));
        /* the TLB is not flushed (entries are ASID-tagged); only the fetch
         * page, which was translated under the old satp */
        hart_flush_fetch(h);
        hart_update_mem_mode(h);
        if (h->satp_write_hook) h->satp_write_hook(h);
        return true;
    }
    case CSR_MSTATUS: {
        uint64_t w = (MSTATUS_WRITABLE | (hart_has(h, ISA_H) ? MSTATUS_MPV | MSTATUS_GVA : 0)) &
                     (~MSTATUS_FS | fs_writable(h));
        uint64_t n = (h->mstatus & ~w) | (v & w);
        if (((n >> 11) & 3) == 2) n = (n & ~MSTATUS_MPP) | (h->mstatus & MSTATUS_MPP); /* MPP=2 reserved */
        h->mstatus = n;
        h->irq_check = true;
        hart_update_mem_mode(h);
        return true;
    }
    case CSR_MISA: return true; /* WARL: not writable, the ISA is fixed */
    case CSR_MEDELEG: h->medeleg = v & (MEDELEG_WRITABLE | (hart_has(h, ISA_H) ? MEDELEG_H : 0)); return true;
    case CSR_MIDELEG: h->mideleg = (v & MIP_S_BITS) | hart_mideleg_fixed(h); h->irq_check = true; return true;
    case CSR_MIE:
        h->mie = v & (MIE_WRITABLE | (hart_has(h, ISA_H) ? MIP_VS_BITS | (1ull << IRQ_SGEI) : 0));
        h->irq_check = true; return true;
    case CSR_MTVEC: h->mtvec = legal_tvec(h->mtvec, v); return true;
    case CSR_MCOUNTEREN: h->mcounteren = v & 0xffffffffull; return true;
    case CSR_MENVCFG: {
        /* (henvcfg's STCE, PBMTE and ADUE read as zero while these are) */
        /* STCE (Sstc), PBMTE (Svpbmt) and ADUE (Svadu) when the hart has
         * the extension; FIOM and the CBO fields as senvcfg */
        uint64_t w = ENVCFG_FIOM | (hart_has(h, ISA_SSTC) ? ENVCFG_STCE : 0) |
                     (hart_has(h, ISA_SVPBMT) ? ENVCFG_PBMTE : 0) | (h->cfg.svadu ? ENVCFG_ADUE : 0);
        h->menvcfg = envcfg_legal(h, h->menvcfg, v, w);
        h->henvcfg &= ~(ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE) | h->menvcfg;
        h->irq_check = true;
        hart_update_mem_mode(h); /* PBMTE changes what a walk accepts */
        return true;
    }
    case CSR_MCOUNTINHIBIT: {
        uint64_t nv = v & 0xfffffffdull; /* CY, IR and HPM3..31; TM does not exist */
        hpm_inhibit(h, h->mcountinhibit, nv);
        for (int which = 0; which < 2; which++) {
            unsigned bit = which == 0 ? 0 : 2;
            bool was = (h->mcountinhibit >> bit) & 1, now = (nv >> bit) & 1;
            uint64_t cur = counter_value(h, which);
            if (!was && now) { if (which == 0) h->cycle_frozen = cur; else h->instret_frozen = cur; }
            if (was && !now) { if (which == 0) h->cycle_base = h->instret - cur; else h->instret_base = h->instret - cur; }
        }
        h->mcountinhibit = nv;
        return true;
    }
    case CSR_MSCRATCH: h->mscratch = v; return true;
    case CSR_MEPC: h->mepc = v & ~1ull; return true;
    case CSR_MCAUSE: h->mcause = v; return true;
    case CSR_MTVAL: h->mtval = v; return true;
    case CSR_MIP: {
        /* SSIP, STIP (unless Sstc owns it) and SEIP are writable; the M bits
         * come from the CLINT and PLIC */
        uint64_t w = MIP_S_BITS;
        if (h->menvcfg >> 63) w &= ~(1ull << IRQ_STI);
        h->mip = (h->mip & ~w) | (v & w);
        /* H: mip.VSSIP is hvip.VSSIP (VSTIP and VSEIP are read-only here) */
        if (hart_has(h, ISA_H)) h->hvip = (h->hvip & ~(1ull << IRQ_VSSI)) | (v & (1ull << IRQ_VSSI));
        h->irq_check = true; return true;
    }
    case CSR_MCYCLE: counter_write(h, 0, v); return true;
    case CSR_MINSTRET: counter_write(h, 1, v); return true;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MHARTID: case CSR_MCONFIGPTR:
    case CSR_CYCLE: case CSR_TIME: case CSR_INSTRET:
        return false;
    default: break;
    }
    if (csr >= 0xb03 && csr <= 0xb1f) { hpm_counter_write(h, csr - 0xb00, v); return true; }
    if (csr >= 0x323 && csr <= 0x33f) { hpm_event_write(h, csr - 0x320, v); return true; }
    if (hart_has(h, ISA_H) && hyp_csr_exists(csr)) return hyp_csr_write(h, csr, v);
    if (pmp_csr(csr)) {
        if (csr < 0x3b0) {
            if (csr & 1) return false;
            pmp_write_cfg(&h->pmp, (int)(csr - 0x3a0), v);
        } else {
            pmp_write_addr(&h->pmp, (int)(csr - 0x3b0), v);
        }
        /* PMP changes take effect at once: drop the cached fetch page and
         * the data fast path's entries */
        hart_flush_fetch(h);
        mmu_pmp_changed(h->mmu);
        hart_update_mem_mode(h);
        return true;
    }
    return trigger_csr_write(h, csr, v); /* tselect..tinfo, or false */
}
