/* The IOMMU's in-memory queues (chapter "In-memory queue interface"): the
 * command queue it consumes, the fault queue and the page-request queue it
 * fills.  A queue is empty when head = tail and full when tail = head - 1.
 * Commands run when software moves cqt (or turns the queue on), all at
 * once: nothing is left in flight, so IOFENCE.C completes at once too. */
#include <string.h>

#include "iommu_internal.h"

/* ---- commands (section "Command-Queue (CQ)") ---- */

enum { OP_IOTINVAL = 1, OP_IOFENCE = 2, OP_IODIR = 3, OP_ATS = 4 };

/* Reserved operand bits per opcode, set in a command = illegal.  IOTINVAL:
 * bit 11, NL (bit 34: the non-leaf invalidation extension is not offered),
 * 43:35, 63:60; dword 1 bits 8:0, S (bit 9: no range extension), 63:62. */
#define IOTINVAL_RSVD0 (1ull << 11 | 0x1ffull << 34 | 0xfull << 60)
#define IOTINVAL_RSVD1 (0x3ffull | 3ull << 62)
/* IOFENCE.C: 31:14; dword 1 bits 63:62 */
#define IOFENCE_RSVD0 (0x3ffffull << 14)
#define IOFENCE_RSVD1 (3ull << 62)
/* IODIR: 11:10, 32, 39:34; all of dword 1 */
#define IODIR_RSVD0 (3ull << 10 | 1ull << 32 | 0x3full << 34)
/* ATS: 11:10, 39:34 */
#define ATS_RSVD0 (3ull << 10 | 0x3full << 34)

static uint64_t bits(uint64_t v, unsigned lo, unsigned n) { return (v >> lo) & ((1ull << n) - 1); }

/* IOTINVAL.VMA (table "IOTINVAL.VMA operands and operations").  Only host
 * address spaces (second stage Bare) are ever cached here, so with GV = 1
 * nothing matches; with GV = 0 the four AV/PSCV forms are sfence.vma's
 * four forms on the IOTLB, the PSCID's tag in place of an ASID (a PSCID
 * without a tag has nothing cached). */
static void iotinval_vma(struct iommu *io, uint64_t d0, uint64_t d1)
{
    bool av = bits(d0, 10, 1), pscv = bits(d0, 32, 1), gv = bits(d0, 33, 1);
    if (gv) {
        io->st.inval_vma_gscid++;
        return;
    }
    int kind = (av ? MMU_FENCE_VA : 0) | (pscv ? MMU_FENCE_ASID : 0);
    io->st.inval_vma[kind]++;
    int tag = pscv ? iommu_pscid_tag(io, (uint32_t)bits(d0, 12, 20)) : 0;
    if (tag < 0)
        return;
    uint64_t va = bits(d1, 10, 52) << 12; /* ADDR[63:12] */
    uint64_t before = mmu_get_stats(io->iotlb)->fence_removed[kind];
    mmu_sfence_vma(io->iotlb, av, va, pscv, (uint16_t)tag);
    io->st.inval_vma_removed[kind] += mmu_get_stats(io->iotlb)->fence_removed[kind] - before;
}

/* One command: 0 when it completed, CQCSR_CMD_ILL for an illegal or
 * unsupported one, QCSR_MF when a memory access it made faulted (both stop
 * the queue with cqh on the command). */
static uint32_t run_command(struct iommu *io, uint64_t d0, uint64_t d1)
{
    unsigned func3 = (unsigned)bits(d0, 7, 3);
    switch (d0 & 0x7f) {
    case OP_IOTINVAL:
        if ((d0 & IOTINVAL_RSVD0) || (d1 & IOTINVAL_RSVD1) || func3 > 1)
            return CQCSR_CMD_ILL;
        if (func3 == 0) {
            iotinval_vma(io, d0, d1);
        } else {
            /* IOTINVAL.GVMA: PSCV must be 0; nothing from a second stage is
             * ever cached (none is offered), so it has nothing to do */
            if (bits(d0, 32, 1))
                return CQCSR_CMD_ILL;
            io->st.inval_gvma++;
        }
        return 0;
    case OP_IOFENCE:
        if (func3 != 0 || (d0 & IOFENCE_RSVD0) || (d1 & IOFENCE_RSVD1))
            return CQCSR_CMD_ILL;
        /* IOFENCE.C: every earlier command has completed (they run one by
         * one), and no device access is in flight, so PR and PW are met.
         * AV: write DATA to ADDR[63:2] x 4 as a 4-byte store (a memory
         * fault sets cqmf and the fence does not complete).  WSI: set
         * cqcsr.fence_w_ip (offered: fctl.WSI is 1). */
        if (bits(d0, 10, 1) && !phys_store(io->pm, bits(d1, 0, 62) << 2, 4, bits(d0, 32, 32)))
            return QCSR_MF;
        if (bits(d0, 11, 1))
            io->cq.csr |= CQCSR_FENCE_W_IP;
        io->st.iofence++;
        return 0;
    case OP_IODIR: {
        bool dv = bits(d0, 33, 1);
        uint32_t pid = (uint32_t)bits(d0, 12, 20), did = (uint32_t)bits(d0, 40, 24);
        if (func3 > 1 || (d0 & IODIR_RSVD0) || d1)
            return CQCSR_CMD_ILL;
        if (func3 == 0) {
            /* INVAL_DDT: PID is reserved; DV = 0: every cached DC and PC */
            if (pid)
                return CQCSR_CMD_ILL;
            if (dv)
                iommu_dir_inval_device(io, did);
            else
                iommu_dir_flush(io);
            io->st.inval_ddt++;
        } else {
            /* INVAL_PDT: DV must be 1 */
            if (!dv)
                return CQCSR_CMD_ILL;
            iommu_dir_inval_process(io, did, pid);
            io->st.inval_pdt++;
        }
        return 0;
    }
    case OP_ATS:
        if (func3 > 1 || (d0 & ATS_RSVD0))
            return CQCSR_CMD_ILL;
        if (func3 == 0) {
            /* ATS.INVAL: no device here keeps an address-translation cache
             * of its own (they ask the IOMMU for every access), so the
             * invalidation completes at once */
            io->st.ats_inval++;
        } else {
            /* ATS.PRGR: a Page Request Group Response to device RID (with
             * DSEG when DSV), PASID when PV */
            uint32_t did = (uint32_t)bits(d0, 40, 16) | (bits(d0, 33, 1) ? (uint32_t)bits(d0, 56, 8) << 16 : 0);
            bool pv = bits(d0, 32, 1);
            io->st.ats_prgr++;
            if (io->prgr)
                io->prgr(io->prgr_ctx, did, pv, pv ? (uint32_t)bits(d0, 12, 20) : 0, (unsigned)bits(d1, 32, 9),
                         (unsigned)bits(d1, 44, 4));
        }
        return 0;
    default:
        return CQCSR_CMD_ILL; /* reserved or custom opcodes: none implemented */
    }
}

void iommu_process_commands(struct iommu *io)
{
    struct iommu_queue *q = &io->cq;
    if (io->in_commands)
        return; /* the pass under way reads the new cqt */
    io->in_commands = true;
    /* at most one pass over the queue per call, so that a guest that
     * moves cqt from a command cannot keep the IOMMU busy forever */
    for (uint64_t n = 0; n <= queue_mask(q); n++) {
        if (!(q->csr & QCSR_ON) || (q->csr & (QCSR_MF | CQCSR_CMD_TO | CQCSR_CMD_ILL)) || q->head == q->tail)
            break;
        const uint8_t *p = phys_ram_ptr(io->pm, queue_addr(q) + (uint64_t)q->head * 16, 16);
        if (!p) {
            q->csr |= QCSR_MF; /* the command could not be fetched */
            break;
        }
        uint64_t d[2];
        memcpy(d, p, sizeof d); /* little-endian (fctl.BE = 0) on a little-endian host */
        uint32_t err = run_command(io, d[0], d[1]);
        if (err) {
            if (err == CQCSR_CMD_ILL)
                io->st.cmd_illegal++;
            q->csr |= err;
            break;
        }
        q->head = (q->head + 1) & queue_mask(q);
    }
    io->in_commands = false;
    iommu_update_interrupts(io);
}

/* ---- the queues the IOMMU fills ---- */

/* The slot for the next record of size bytes in q (fault or page-request
 * queue), or NULL having set fqof/pqof (full) or fqmf/pqmf (not in RAM);
 * also NULL, changing nothing, while the queue is off or in error. */
static uint8_t *next_record(struct iommu *io, struct iommu_queue *q, unsigned size)
{
    if (!(q->csr & QCSR_ON) || (q->csr & XQCSR_ERRORS))
        return NULL;
    if (((q->tail + 1) & queue_mask(q)) == q->head) {
        q->csr |= QCSR_OF;
        return NULL;
    }
    uint8_t *p = phys_ram_ptr(io->pm, queue_addr(q) + (uint64_t)q->tail * size, size);
    if (!p)
        q->csr |= QCSR_MF;
    return p;
}

bool iommu_record_fault(struct iommu *io, unsigned cause, const struct iommu_req *r, unsigned ttyp,
                        uint64_t iotval)
{
    uint8_t *p = next_record(io, &io->fq, 32);
    if (!p) {
        iommu_update_interrupts(io);
        return false;
    }
    /* CAUSE 11:0, PID 31:12, PV 32, PRIV 33, TTYP 39:34, DID 63:40; then
     * the custom and reserved word, iotval (the IOVA), iotval2 (0: no
     * guest-page faults here).  PID and PRIV are 0 without PV. */
    uint64_t rec[4] = {
        (cause & 0xfff) | (uint64_t)(r->pv ? r->pasid & TA_PSCID_MASK : 0) << 12 | (uint64_t)r->pv << 32 |
            (uint64_t)(r->pv && r->priv) << 33 | (uint64_t)(ttyp & 0x3f) << 34 | (uint64_t)(r->device_id & 0xffffff) << 40,
        0, iotval, 0,
    };
    memcpy(p, rec, sizeof rec);
    io->fq.tail = (io->fq.tail + 1) & queue_mask(&io->fq);
    io->st.fault_records++;
    iommu_interrupt(io, INT_FQ);
    return true;
}

enum iommu_prq_status iommu_queue_page_request(struct iommu *io, uint64_t head, uint64_t payload)
{
    struct iommu_queue *q = &io->pq;
    /* Section "PCIe ATS Page Request handling": a queue that is off or had
     * a memory fault answers Response Failure; one that is full or
     * overflowed drops the request and answers Success (the device asks
     * again) */
    bool failure = !(q->csr & QCSR_ON) || (q->csr & QCSR_MF);
    uint8_t *p = next_record(io, q, 16);
    if (!p) {
        iommu_update_interrupts(io);
        return failure || (q->csr & QCSR_MF) ? IOMMU_PRQ_FAILURE : IOMMU_PRQ_SUCCESS;
    }
    uint64_t rec[2] = { head, payload };
    memcpy(p, rec, sizeof rec);
    q->tail = (q->tail + 1) & queue_mask(q);
    iommu_interrupt(io, INT_PQ);
    return IOMMU_PRQ_QUEUED;
}
