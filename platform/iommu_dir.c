/* The IOMMU's directories: locating a device context in the DDT and a
 * process context in the PDT (sections "Process to locate the
 * Device-context" and "Process to locate the Process-context"), their
 * configuration checks, and the caches that hold them until IODIR. */
#include <string.h>

#include "iommu_internal.h"

void iommu_dir_flush(struct iommu *io)
{
    memset(io->dc, 0, sizeof io->dc);
    memset(io->pc, 0, sizeof io->pc);
}

void iommu_dir_inval_device(struct iommu *io, uint32_t device_id)
{
    for (unsigned k = 0; k < IOMMU_DC_CACHE; k++)
        if (io->dc[k].valid && io->dc[k].device_id == device_id)
            io->dc[k].valid = false;
    for (unsigned k = 0; k < IOMMU_PC_CACHE; k++)
        if (io->pc[k].valid && io->pc[k].device_id == device_id)
            io->pc[k].valid = false;
}

void iommu_dir_inval_process(struct iommu *io, uint32_t device_id, uint32_t pasid)
{
    for (unsigned k = 0; k < IOMMU_PC_CACHE; k++)
        if (io->pc[k].valid && io->pc[k].device_id == device_id && io->pc[k].pasid == pasid)
            io->pc[k].valid = false;
}

/* The 8-byte directory entry at pa, if it is in RAM (implicit accesses to
 * anything else are access faults: the directories live in main memory). */
static bool load_entry(const struct iommu *io, uint64_t pa, uint64_t *v)
{
    const uint8_t *p = phys_ram_ptr(io->pm, pa, 8);
    if (!p || (pa & 7))
        return false;
    *v = __atomic_load_n((const uint64_t *)(const void *)p, __ATOMIC_ACQUIRE);
    return true;
}

/* What a directory walk reports when an entry cannot be read, is not
 * valid, or has reserved bits set: the DDT's causes or the PDT's. */
struct dir_causes {
    enum iommu_cause access, invalid, misconfig;
};
static const struct dir_causes ddt_causes = { IOMMU_CAUSE_DDT_ACCESS, IOMMU_CAUSE_DDT_INVALID,
                                              IOMMU_CAUSE_DDT_MISCONFIG };
static const struct dir_causes pdt_causes = { IOMMU_CAUSE_PDT_ACCESS, IOMMU_CAUSE_PDT_INVALID,
                                              IOMMU_CAUSE_PDT_MISCONFIG };

/* The non-leaf levels of a DDT or PDT walk (steps 2-7 of locating a DC,
 * 2-9 of locating a PC): from the table at *a, levels i down to 1, the
 * entry indexed by index(id, level) gives the next table; *a ends at the
 * leaf table.  IOMMU_OK, or the cause of the first bad entry. */
static enum iommu_cause walk_nonleaf(struct iommu *io, uint64_t *a, int i, uint32_t id,
                                     uint32_t (*index)(uint32_t id, int level), const struct dir_causes *c,
                                     uint64_t *reads)
{
    for (; i > 0; i--) {
        uint64_t e;
        (*reads)++;
        if (!load_entry(io, *a + index(id, i) * 8, &e))
            return c->access;
        if (!(e & NL_V))
            return c->invalid;
        if (e & NL_RESERVED)
            return c->misconfig;
        *a = (e & PPN_FIELD) << 2;
    }
    return IOMMU_OK;
}

/* iosatp.MODE / PC.fsc.MODE with DC.tc.SXL = 0: Bare, Sv39, Sv48, Sv57
 * (all supported, table "Encodings of iosatp.MODE field when SXL=0"). */
static bool fsc_mode_ok(uint64_t fsc)
{
    unsigned mode = (unsigned)(fsc >> ATP_MODE_SHIFT);
    return mode == SATP_BARE || mode == SATP_SV39 || mode == SATP_SV48 || mode == SATP_SV57;
}

/* Section "Device-context configuration checks", for this IOMMU's
 * capabilities (ATS with PRI, no T2GPA, no second stage, no MSI_FLAT,
 * AMO_HWAD, one endianness, SXL fixed at 0, no QoS IDs). */
static bool dc_misconfigured(const struct iommu_dc *dc)
{
    uint64_t tc = dc->tc;
    if (tc & TC_RESERVED)
        return true;
    if (!(tc & TC_EN_ATS) && (tc & TC_EN_PRI))
        return true;
    if (!(tc & TC_EN_PRI) && (tc & TC_PRPR))
        return true;
    if (tc & TC_T2GPA)                     /* capabilities.T2GPA = 0 */
        return true;
    if (tc & (TC_SBE | TC_SXL))            /* END = 0 with fctl.BE = 0; GXL not writable */
        return true;
    if (dc->ta & DC_TA_RESERVED)
        return true;
    if (dc->iohgatp >> ATP_MODE_SHIFT)     /* no SvNx4: only Bare is a supported mode */
        return true;
    if (dc->fsc & FSC_RESERVED)
        return true;
    if (tc & TC_PDTV)
        return (dc->fsc >> ATP_MODE_SHIFT) > PDTP_PD20;
    /* PDTV = 0: iosatp must be a supported mode, and DPE is reserved */
    return !fsc_mode_ok(dc->fsc) || (tc & TC_DPE);
}

/* device_id's DDI[level] for base-format contexts: bits 6:0, 15:7, 23:16. */
static uint32_t ddi(uint32_t device_id, int level)
{
    static const unsigned shift[3] = { 0, 7, 16 }, bits[3] = { 7, 9, 8 };
    return (device_id >> shift[level]) & ((1u << bits[level]) - 1);
}

enum iommu_cause iommu_locate_dc(struct iommu *io, uint32_t device_id, struct iommu_dc *dc)
{
    for (unsigned k = 0; k < IOMMU_DC_CACHE; k++) {
        if (io->dc[k].valid && io->dc[k].device_id == device_id) {
            io->st.dc_hits++;
            *dc = io->dc[k].dc;
            return IOMMU_OK;
        }
    }
    io->st.dc_misses++;
    /* 1. a = ddtp.PPN x 2^12, i = LEVELS - 1 (1LVL: 1, 2LVL: 2, 3LVL: 3 levels) */
    uint64_t a = (io->ddtp & PPN_FIELD) << 2;
    int i = (int)(io->ddtp & DDTP_MODE_MASK) - DDTP_1LVL;
    /* 2-7. the non-leaf entries */
    enum iommu_cause c = walk_nonleaf(io, &a, i, device_id, ddi, &ddt_causes, &io->st.ddt_reads);
    if (c != IOMMU_OK)
        return c;
    /* 8. the 32-byte base-format DC at a + DDI[0] x 32 */
    uint64_t pa = a + ddi(device_id, 0) * 32;
    const uint8_t *p = phys_ram_ptr(io->pm, pa, 32);
    io->st.ddt_reads++;
    if (!p || (pa & 7))
        return IOMMU_CAUSE_DDT_ACCESS;
    uint64_t w[4];
    for (int k = 0; k < 4; k++)
        w[k] = __atomic_load_n((const uint64_t *)(const void *)(p + 8 * k), __ATOMIC_ACQUIRE);
    *dc = (struct iommu_dc){ .tc = w[0], .iohgatp = w[1], .ta = w[2], .fsc = w[3] };
    /* 9. V; 10. the configuration checks */
    if (!(dc->tc & TC_V))
        return IOMMU_CAUSE_DDT_INVALID;
    if (dc_misconfigured(dc))
        return IOMMU_CAUSE_DDT_MISCONFIG;
    /* only valid, well-configured contexts may be cached (section
     * "Caching in-memory data structures") */
    io->dc[io->dc_next] = (struct dc_slot){ .valid = true, .device_id = device_id, .dc = *dc };
    io->dc_next = (io->dc_next + 1) % IOMMU_DC_CACHE;
    return IOMMU_OK;
}

/* process_id's PDI[level]: bits 7:0, 16:8, 19:17. */
static uint32_t pdi(uint32_t pasid, int level)
{
    static const unsigned shift[3] = { 0, 8, 17 }, bits[3] = { 8, 9, 3 };
    return (pasid >> shift[level]) & ((1u << bits[level]) - 1);
}

/* Section "Process-context configuration checks" (SXL = 0). */
static bool pc_misconfigured(const struct iommu_pc *pc)
{
    return (pc->ta & PC_TA_RESERVED) || (pc->fsc & FSC_RESERVED) || !fsc_mode_ok(pc->fsc);
}

enum iommu_cause iommu_locate_pc(struct iommu *io, uint32_t device_id, const struct iommu_dc *dc, uint32_t pasid,
                                 struct iommu_pc *pc)
{
    for (unsigned k = 0; k < IOMMU_PC_CACHE; k++) {
        const struct pc_slot *s = &io->pc[k];
        if (s->valid && s->device_id == device_id && s->pasid == pasid) {
            io->st.pc_hits++;
            *pc = s->pc;
            return IOMMU_OK;
        }
    }
    io->st.pc_misses++;
    /* 1. a = pdtp.PPN x 2^12, i = LEVELS - 1 (PD8: 1, PD17: 2, PD20: 3).
     * The second stage is Bare, so step 3 (a is a GPA) never applies. */
    uint64_t a = (dc->fsc & ATP_PPN_MASK) << 12;
    int i = (int)(dc->fsc >> ATP_MODE_SHIFT) - PDTP_PD8;
    /* 2, 4-9: the non-leaf entries, 8 bytes at a + PDI[i] x 8 */
    enum iommu_cause c = walk_nonleaf(io, &a, i, pasid, pdi, &pdt_causes, &io->st.pdt_reads);
    if (c != IOMMU_OK)
        return c;
    /* 10. the 16-byte PC at a + PDI[0] x 16 */
    uint64_t ta, fsc, pa = a + pdi(pasid, 0) * 16;
    io->st.pdt_reads++;
    if (!load_entry(io, pa, &ta) || !load_entry(io, pa + 8, &fsc))
        return IOMMU_CAUSE_PDT_ACCESS;
    *pc = (struct iommu_pc){ .ta = ta, .fsc = fsc };
    /* 11. V; 12. the configuration checks */
    if (!(ta & PC_TA_V))
        return IOMMU_CAUSE_PDT_INVALID;
    if (pc_misconfigured(pc))
        return IOMMU_CAUSE_PDT_MISCONFIG;
    io->pc[io->pc_next] = (struct pc_slot){ .valid = true, .device_id = device_id, .pasid = pasid, .pc = *pc };
    io->pc_next = (io->pc_next + 1) % IOMMU_PC_CACHE;
    return IOMMU_OK;
}
