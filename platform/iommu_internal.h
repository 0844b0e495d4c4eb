/* Inside the RISC-V IOMMU model: its state and the register and
 * data-structure fields, named as the specification names them.  Only
 * platform/iommu*.c include this. */
#ifndef PAGODA_IOMMU_INTERNAL_H
#define PAGODA_IOMMU_INTERNAL_H

#include "iommu.h"

/* ---- registers (chapter "Memory-mapped register interface") ---- */
enum {
    REG_CAPABILITIES = 0x00, REG_FCTL = 0x08, REG_DDTP = 0x10,
    REG_CQB = 0x18, REG_CQH = 0x20, REG_CQT = 0x24,
    REG_FQB = 0x28, REG_FQH = 0x30, REG_FQT = 0x34,
    REG_PQB = 0x38, REG_PQH = 0x40, REG_PQT = 0x44,
    REG_CQCSR = 0x48, REG_FQCSR = 0x4c, REG_PQCSR = 0x50, REG_IPSR = 0x54,
    REG_ICVEC = 0x2f8,
};

/* capabilities: version 1.0, Sv39/48/57, Svpbmt, AMO_HWAD, ATS (with
 * PRI), IGS = WSI, PAS = 56, PD8/PD17/PD20.  No second stage, no MSI
 * translation (base-format device contexts), no HPM, no debug interface. */
#define CAP_VERSION_1_0 0x10ull
#define CAP_SV39 (1ull << 9)
#define CAP_SV48 (1ull << 10)
#define CAP_SV57 (1ull << 11)
#define CAP_SVPBMT (1ull << 15)
#define CAP_AMO_HWAD (1ull << 24)
#define CAP_ATS (1ull << 25)
#define CAP_IGS_WSI (1ull << 28)
#define CAP_PAS_SHIFT 32
#define CAP_PD8 (1ull << 38)
#define CAP_PD17 (1ull << 39)
#define CAP_PD20 (1ull << 40)
#define IOMMU_CAPABILITIES (CAP_VERSION_1_0 | CAP_SV39 | CAP_SV48 | CAP_SV57 | CAP_SVPBMT | CAP_AMO_HWAD | \
                            CAP_ATS | CAP_IGS_WSI | (56ull << CAP_PAS_SHIFT) | CAP_PD8 | CAP_PD17 | CAP_PD20)

#define FCTL_WSI (1u << 1) /* the only method offered (IGS = WSI), so fixed at 1 */

/* ddtp.iommu_mode */
enum { DDTP_OFF = 0, DDTP_BARE = 1, DDTP_1LVL = 2, DDTP_2LVL = 3, DDTP_3LVL = 4 };
#define DDTP_MODE_MASK 0xfull
#define PPN_FIELD (((1ull << 44) - 1) << 10)  /* bits 53:10 of ddtp, cqb, fqb, pqb and directory entries */

/* cqcsr / fqcsr / pqcsr: enable, interrupt enable, error bits, on */
#define QCSR_EN (1u << 0)
#define QCSR_IE (1u << 1)
#define QCSR_MF (1u << 8)            /* cqmf, fqmf, pqmf */
#define CQCSR_CMD_TO (1u << 9)
#define CQCSR_CMD_ILL (1u << 10)
#define CQCSR_FENCE_W_IP (1u << 11)
#define QCSR_OF (1u << 9)            /* fqof, pqof */
#define QCSR_ON (1u << 16)
#define CQCSR_ERRORS (QCSR_MF | CQCSR_CMD_TO | CQCSR_CMD_ILL | CQCSR_FENCE_W_IP)
#define XQCSR_ERRORS (QCSR_MF | QCSR_OF)

/* ipsr bits and icvec fields, by interrupt cause */
enum { INT_CQ = 0, INT_FQ = 1, INT_PM = 2, INT_PQ = 3, INT_N = 4 };

/* ---- device context, base format (section "Device-Directory-Table") ---- */
#define TC_V (1ull << 0)
#define TC_EN_ATS (1ull << 1)
#define TC_EN_PRI (1ull << 2)
#define TC_T2GPA (1ull << 3)
#define TC_DTF (1ull << 4)
#define TC_PDTV (1ull << 5)
#define TC_PRPR (1ull << 6)
#define TC_GADE (1ull << 7)
#define TC_SADE (1ull << 8)
#define TC_DPE (1ull << 9)
#define TC_SBE (1ull << 10)
#define TC_SXL (1ull << 11)
#define TC_RESERVED (~0ull << 32 | 0xfffull << 12) /* bits 31:24 are custom: ignored */
#define ATP_MODE_SHIFT 60                          /* iosatp, pdtp, iohgatp, PC.fsc: MODE in 63:60 */
#define ATP_PPN_MASK ((1ull << 44) - 1)
#define FSC_RESERVED (0xffffull << 44)             /* iosatp, pdtp: bits 59:44 */
#define TA_PSCID_SHIFT 12
#define TA_PSCID_MASK 0xfffffull
#define DC_TA_RESERVED (0xfffull | ~0ull << 32)    /* RCID/MCID reserved without QOSID */
#define IOHGATP_GSCID_SHIFT 44
/* pdtp.MODE */
enum { PDTP_BARE = 0, PDTP_PD8 = 1, PDTP_PD17 = 2, PDTP_PD20 = 3 };
/* process context ta */
#define PC_TA_V (1ull << 0)
#define PC_TA_ENS (1ull << 1)
#define PC_TA_SUM (1ull << 2)
#define PC_TA_RESERVED (0x1ffull << 3 | ~0ull << 32)
/* a non-leaf DDT or PDT entry: V, PPN 53:10, the rest reserved */
#define NL_V 1ull
#define NL_RESERVED (~(PPN_FIELD | NL_V))

/* A device context as the translation uses it (fields as in memory). */
struct iommu_dc {
    uint64_t tc, iohgatp, ta, fsc;
};
struct iommu_pc {
    uint64_t ta, fsc;
};

/* The directory caches: device contexts by device_id, process contexts by
 * (device_id, process_id).  Only valid, well-configured contexts are
 * cached; an entry stays until IODIR.INVAL_DDT / INVAL_PDT (or a ddtp
 * write) drops it, or the cache replaces it (round robin). */
#define IOMMU_DC_CACHE 16
#define IOMMU_PC_CACHE 32
struct dc_slot {
    bool valid;
    uint32_t device_id;
    struct iommu_dc dc;
};
struct pc_slot {
    bool valid;
    uint32_t device_id, pasid;
    struct iommu_pc pc;
};

/* One in-memory queue's registers: base (cqb/fqb/pqb), head, tail, csr. */
struct iommu_queue {
    uint64_t base;       /* the register: LOG2SZ-1 in 4:0, PPN in 53:10 */
    uint32_t head, tail;
    uint32_t csr;
};

struct iommu {
    const struct phys_mem *pm;
    irq_fn irq;
    void *irq_ctx;
    unsigned first_irq;
    bool wire[IOMMU_NVECTORS];   /* each wire's level as last signalled */

    uint64_t ddtp;
    uint64_t icvec;
    uint32_t ipsr;
    struct iommu_queue cq, fq, pq;

    struct mmu *iotlb;           /* first-stage translations, tagged by PSCID through tag_of */
    /* PSCIDs are 20 bits and the TLB model's ASIDs 16: each PSCID in use
     * gets its own 16-bit tag (1..65535) on its first translation, so that
     * tags name PSCIDs one to one; tag_of[pscid] = 0 when it has none.
     * When the tags run out the IOTLB is flushed and they start again. */
    uint16_t *tag_of;            /* 1 << 20 entries */
    uint32_t next_tag;

    struct dc_slot dc[IOMMU_DC_CACHE];
    struct pc_slot pc[IOMMU_PC_CACHE];
    unsigned dc_next, pc_next;   /* round-robin victims */

    /* commands are running: a command's own store that reaches the
     * IOMMU's registers (IOFENCE.C's completion write aimed at cqt) must
     * not start another pass inside this one */
    bool in_commands;

    iommu_prgr_fn prgr;
    void *prgr_ctx;

    struct iommu_stats st;
};

/* iommu.c: raise the ipsr bit of cause (an event: a record written, an
 * IOFENCE.C completing with WSI) when its queue's interrupts are enabled,
 * and drive the wires. */
void iommu_interrupt(struct iommu *io, unsigned cause);
/* Set the ipsr bits whose conditions hold (error bits with interrupts
 * enabled) and drive the wires from ipsr and icvec. */
void iommu_update_interrupts(struct iommu *io);

/* iommu_queues.c */
/* The largest LOG2SZ-1 a queue base register keeps (WARL): 2^20 entries,
 * so that one register write makes the IOMMU do a bounded amount of work
 * (Linux's driver reads the value back and asks for less when refused). */
#define QUEUE_MAX_LOG2SZ_1 19u
/* The mask of a queue's index bits (entries - 1: 2^(LOG2SZ-1+1) - 1), and
 * its first entry's address. */
static inline uint32_t queue_mask(const struct iommu_queue *q) { return (2u << (q->base & 0x1f)) - 1; }
static inline uint64_t queue_addr(const struct iommu_queue *q) { return (q->base & PPN_FIELD) << 2; }
/* Fetch and run commands while the command queue is on, not stopped by an
 * error and not empty. */
void iommu_process_commands(struct iommu *io);
/* Fault-record TTYP (table "Fault record TTYP field encodings"):
 * untranslated read for execute, read, write/AMO are 1, 2, 3 (1 + enum
 * mmu_access); a PCIe ATS Translation Request is 8, a message request 9. */
enum { TTYP_UNTRANSLATED_FETCH = 1, TTYP_ATS_TRANSLATION = 8, TTYP_MESSAGE = 9 };
/* Write a fault record (section "Fault/Event-Queue") for request r; false
 * when it was discarded (queue off, full or in error). */
bool iommu_record_fault(struct iommu *io, unsigned cause, const struct iommu_req *r, unsigned ttyp,
                        uint64_t iotval);
/* Put a page-request record (its two doublewords) in the page-request
 * queue (section "Page-Request-Queue"); what the device is told. */
enum iommu_prq_status iommu_queue_page_request(struct iommu *io, uint64_t head, uint64_t payload);

/* iommu_dir.c */
/* Drop every cached device and process context. */
void iommu_dir_flush(struct iommu *io);
/* IODIR.INVAL_DDT with DV = 1: the device's context and its process contexts. */
void iommu_dir_inval_device(struct iommu *io, uint32_t device_id);
/* IODIR.INVAL_PDT: one process context. */
void iommu_dir_inval_process(struct iommu *io, uint32_t device_id, uint32_t pasid);
/* Locate the device context of device_id (section "Process to locate the
 * Device-context", after the width checks): IOMMU_OK and *dc, or 257, 258
 * or 259. */
enum iommu_cause iommu_locate_dc(struct iommu *io, uint32_t device_id, struct iommu_dc *dc);
/* Locate the process context of pasid under device context dc (PDTV = 1,
 * pdtp.MODE not Bare, pasid as wide as the mode allows): IOMMU_OK and *pc,
 * or 265, 266 or 267. */
enum iommu_cause iommu_locate_pc(struct iommu *io, uint32_t device_id, const struct iommu_dc *dc, uint32_t pasid,
                                 struct iommu_pc *pc);

/* iommu_translate.c: the IOTLB tag of a PSCID, when it has one (else -1). */
int iommu_pscid_tag(const struct iommu *io, uint32_t pscid);

#endif
