/* Translating a device's access: section "Process to translate an IOVA",
 * steps numbered as there, with the first stage done by mmu/ (the hart's
 * walker and TLB model: the IOTLB is a struct mmu), and a device's page
 * requests (section "PCIe ATS Page Request handling"). */
#include <string.h>

#include "iommu_internal.h"

int iommu_pscid_tag(const struct iommu *io, uint32_t pscid)
{
    uint16_t t = io->tag_of[pscid & TA_PSCID_MASK];
    return t ? t : -1;
}

/* The IOTLB tag for a PSCID, given one on its first use.  When all 65535
 * are in use the IOTLB is emptied and tags are handed out afresh (a full
 * flush is always allowed: it only makes the IOMMU walk again). */
static uint16_t pscid_tag(struct iommu *io, uint32_t pscid)
{
    uint16_t *t = &io->tag_of[pscid & TA_PSCID_MASK];
    if (*t)
        return *t;
    if (io->next_tag > 0xffff) {
        mmu_flush_all(io->iotlb);
        memset(io->tag_of, 0, ((size_t)1 << 20) * sizeof *io->tag_of);
        io->next_tag = 1;
    }
    *t = (uint16_t)io->next_tag++;
    return *t;
}

/* An address used as it is (iommu_mode Bare, or a Bare first stage). */
static enum iommu_cause untranslated(struct iommu *io, uint64_t iova, unsigned size, struct mmu_xlate *out)
{
    io->st.bare++;
    out->pa = iova;
    out->host = phys_ram_ptr(io->pm, iova, size);
    return IOMMU_OK;
}

/* Steps 3-5: is device_id wider than ddtp.iommu_mode's directory allows
 * (base format: DDI[0] 7 bits, DDI[1] 9, DDI[2] 8)? */
static bool device_id_too_wide(uint64_t mode, uint32_t device_id)
{
    if (device_id >> 24)
        return true;
    if (mode == DDTP_2LVL)
        return (device_id >> 16) != 0;
    if (mode == DDTP_1LVL)
        return (device_id >> 7) != 0;
    return false;
}

/* Step 7: is process_id wider than pdtp.MODE allows (PD8: 8 bits, PD17:
 * 17, PD20: 20)? */
static bool pasid_too_wide(uint64_t pdtp, uint32_t pasid)
{
    switch (pdtp >> ATP_MODE_SHIFT) {
    case PDTP_PD8: return (pasid >> 8) != 0;
    case PDTP_PD17: return (pasid >> 17) != 0;
    default: return (pasid >> 20) != 0;
    }
}

/* The fault a first-stage failure reports: the page fault or access fault
 * of the original access type (privileged spec's exception codes). */
static enum iommu_cause first_stage_cause(enum mmu_result res, enum mmu_access acc)
{
    static const enum iommu_cause page[3] = { IOMMU_CAUSE_FETCH_PAGE, IOMMU_CAUSE_READ_PAGE, IOMMU_CAUSE_WRITE_PAGE };
    static const enum iommu_cause access[3] = { IOMMU_CAUSE_FETCH_ACCESS, IOMMU_CAUSE_READ_ACCESS,
                                                IOMMU_CAUSE_WRITE_ACCESS };
    return res == MMU_PAGE_FAULT ? page[acc] : access[acc];
}

/* Steps 1-20 for an untranslated request; *dtf is set once the device
 * context is found and says not to report translation faults. */
static enum iommu_cause translate(struct iommu *io, const struct iommu_req *r, uint64_t iova, unsigned size,
                                  struct mmu_xlate *out, bool *dtf)
{
    uint64_t mode = io->ddtp & DDTP_MODE_MASK;
    /* 1. Off: nothing passes */
    if (mode == DDTP_OFF)
        return IOMMU_CAUSE_ALL_DISALLOWED;
    /* 2. Bare: untranslated requests pass as they are, translation
     * requests are disallowed */
    if (mode == DDTP_BARE)
        return r->ats ? IOMMU_CAUSE_TTYP_DISALLOWED : untranslated(io, iova, size, out);
    /* 3-5. base-format DDI; a device_id too wide for the directory */
    if (device_id_too_wide(mode, r->device_id))
        return IOMMU_CAUSE_TTYP_DISALLOWED;
    /* 6. the device context */
    struct iommu_dc dc;
    enum iommu_cause c = iommu_locate_dc(io, r->device_id, &dc);
    if (c != IOMMU_OK)
        return c;
    *dtf = (dc.tc & TC_DTF) != 0;
    /* 7. a translation request without DC.tc.EN_ATS; a process_id where
     * the context has no PDT, or too wide for it */
    if ((r->ats && !(dc.tc & TC_EN_ATS)) || (r->pv && (!(dc.tc & TC_PDTV) || pasid_too_wide(dc.fsc, r->pasid))))
        return IOMMU_CAUSE_TTYP_DISALLOWED;
    /* 8-9 are for translated requests (ATS), which devices here never make */
    uint64_t iosatp = 0; /* Bare */
    uint32_t pscid = 0;
    bool priv = false, sum = false;
    if (!(dc.tc & TC_PDTV)) {
        /* 10. the DC's own iosatp and PSCID */
        iosatp = dc.fsc;
        pscid = (uint32_t)(dc.ta >> TA_PSCID_SHIFT) & TA_PSCID_MASK;
    } else {
        /* 11. DPE: a request without process_id uses process_id 0 */
        bool pv = r->pv || (dc.tc & TC_DPE);
        uint32_t pasid = r->pv ? r->pasid : 0;
        /* 12-13. no process_id (and no DPE), or pdtp.MODE Bare: first stage Bare */
        if (pv && (dc.fsc >> ATP_MODE_SHIFT) != PDTP_BARE) {
            /* 14. the process context */
            struct iommu_pc pc;
            c = iommu_locate_pc(io, r->device_id, &dc, pasid, &pc);
            if (c != IOMMU_OK)
                return c;
            /* 15. supervisor privilege needs PC.ta.ENS (only a request
             * that carries a process_id can ask for it) */
            priv = r->pv && r->priv;
            if (priv && !(pc.ta & PC_TA_ENS))
                return IOMMU_CAUSE_TTYP_DISALLOWED;
            sum = (pc.ta & PC_TA_SUM) != 0;
            /* 16. the process's iosatp and PSCID */
            iosatp = pc.fsc;
            pscid = (uint32_t)(pc.ta >> TA_PSCID_SHIFT) & TA_PSCID_MASK;
        }
    }
    /* 17. the first stage: the privileged spec's translation process, by
     * mmu/ with the PSCID's tag as the ASID.  U-mode unless supervisor
     * privilege was granted; SUM from the PC (a supervisor request never
     * reads U pages for execute, whatever SUM says: mmu/'s rule for S-mode
     * fetches); A/D updated in hardware when DC.tc.SADE, else page faults
     * (as Svade).  Translations are not cached for a Bare first stage. */
    if ((iosatp >> ATP_MODE_SHIFT) == SATP_BARE)
        return untranslated(io, iova, size, out);
    const struct mmu_req req = {
        .satp = (iosatp & (0xfull << ATP_MODE_SHIFT)) | (uint64_t)pscid_tag(io, pscid) << 44 |
                (iosatp & ATP_PPN_MASK),
        .priv = priv ? PRIV_S : PRIV_U,
        .sum = sum,
        .hw_ad = (dc.tc & TC_SADE) != 0,
    };
    enum mmu_result res = mmu_translate_n(io->iotlb, iova, size, r->acc, &req, out);
    /* 18-19. no MSI page tables and a Bare second stage: done */
    return res == MMU_OK ? IOMMU_OK : first_stage_cause(res, r->acc);
}

/* Causes still reported when DC.tc.DTF = 1 (table "Fault record CAUSE
 * field encodings", last column): faults that are not about translating
 * the transaction's address. */
static bool reported_despite_dtf(unsigned cause)
{
    return (cause >= IOMMU_CAUSE_ALL_DISALLOWED && cause <= IOMMU_CAUSE_DDT_MISCONFIG) || cause == 268 ||
           cause == 272 || cause == 273;
}

/* Causes that a translation request answers with "Success, no
 * permission" and records no fault for (section "PCIe ATS translation
 * request handling"; no guest page faults or MSI PTEs here). */
static bool ats_success_without_permission(unsigned cause)
{
    return cause == IOMMU_CAUSE_FETCH_PAGE || cause == IOMMU_CAUSE_READ_PAGE || cause == IOMMU_CAUSE_WRITE_PAGE ||
           cause == IOMMU_CAUSE_PDT_INVALID;
}

/* Count a fault and report it in the fault queue (dtf: the device context
 * found suppresses translation faults). */
static void report(struct iommu *io, enum iommu_cause c, const struct iommu_req *r, unsigned ttyp, uint64_t iotval,
                   bool dtf)
{
    io->st.faults[c < IOMMU_NCAUSES ? c : 0]++;
    if ((dtf && !reported_despite_dtf(c)) || !iommu_record_fault(io, c, r, ttyp, iotval))
        io->st.fault_dropped++;
}

enum iommu_cause iommu_translate(struct iommu *io, const struct iommu_req *r, uint64_t iova, unsigned size,
                                 struct mmu_xlate *out)
{
    io->st.requests++;
    if (r->acc > MMU_STORE) /* not an access kind: a device model's mistake, refused */
        return IOMMU_CAUSE_TTYP_DISALLOWED;
    if (size == 0)
        size = 1;
    if ((iova & 0xfff) + size > 4096) /* one page at a time: the rest is the device's next request */
        size = 4096 - (unsigned)(iova & 0xfff);
    bool dtf = false;
    enum iommu_cause c = translate(io, r, iova, size, out, &dtf);
    if (c == IOMMU_OK)
        return c;
    if (r->ats && ats_success_without_permission(c))
        io->st.faults[c]++; /* counted, not recorded: the device is told "no permission" */
    else
        report(io, c, r, r->ats ? TTYP_ATS_TRANSLATION : TTYP_UNTRANSLATED_FETCH + r->acc, iova, dtf);
    return c;
}

/* "Page Request" message code (PCIe), reported in iotval of a fault about
 * a message (TTYP 9). */
#define PAGE_REQUEST_MESSAGE_CODE 0x4

enum iommu_prq_status iommu_page_request(struct iommu *io, const struct iommu_req *r, uint64_t iova, bool read,
                                         bool write, bool last, unsigned prgi)
{
    io->st.page_requests++;
    uint64_t mode = io->ddtp & DDTP_MODE_MASK;
    enum iommu_cause c = IOMMU_OK;
    struct iommu_dc dc;
    /* Steps 1 to 5 of the translation process locate the device context
     * (without a context there is nothing to tell whether PRI is on) */
    if (mode == DDTP_OFF)
        c = IOMMU_CAUSE_ALL_DISALLOWED;
    else if (mode == DDTP_BARE || device_id_too_wide(mode, r->device_id))
        c = IOMMU_CAUSE_TTYP_DISALLOWED;
    else if ((c = iommu_locate_dc(io, r->device_id, &dc)) == IOMMU_OK &&
             (dc.tc & (TC_EN_ATS | TC_EN_PRI)) != (TC_EN_ATS | TC_EN_PRI))
        c = IOMMU_CAUSE_TTYP_DISALLOWED;
    if (c != IOMMU_OK) {
        report(io, c, r, TTYP_MESSAGE, PAGE_REQUEST_MESSAGE_CODE, false);
        /* the response the IOMMU itself sends: Invalid Request for a Bare
         * IOMMU, PRI off or an id too wide (cause 260), else Response Failure */
        return c == IOMMU_CAUSE_TTYP_DISALLOWED ? IOMMU_PRQ_INVALID : IOMMU_PRQ_FAILURE;
    }
    /* The payload of a Page Request: R, W, L, the group index, the page. */
    uint64_t payload = (uint64_t)read | (uint64_t)write << 1 | (uint64_t)last << 2 | (uint64_t)(prgi & 0x1ff) << 3 |
                       (iova & ~0xfffull);
    uint64_t head = (uint64_t)(r->pv ? r->pasid & TA_PSCID_MASK : 0) << 12 | (uint64_t)r->pv << 32 |
                    (uint64_t)(r->pv && r->priv) << 33 | (uint64_t)(r->pv && r->acc == MMU_FETCH) << 34 |
                    (uint64_t)(r->device_id & 0xffffff) << 40;
    enum iommu_prq_status s = iommu_queue_page_request(io, head, payload);
    if (s == IOMMU_PRQ_QUEUED)
        io->st.page_requests_queued++;
    return s;
}
