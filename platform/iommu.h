/* The RISC-V IOMMU (RISC-V IOMMU Architecture Specification 1.0, ratified;
 * section numbers below are that document's chapters): a memory-mapped
 * register file, the device directory (DDT, 1, 2 or 3 levels), device and
 * process contexts (PDT selected by PASID), first-stage translation of a
 * device's accesses through the process's own Sv39/Sv48/Sv57 page tables,
 * and the command, fault and page-request queues, with wired interrupts.
 *
 * Its walker is mmu/'s walker and its IOTLB is mmu/'s TLB model: the IOMMU
 * owns a struct mmu (through mmu.h only) with one unified TLB, tagged by
 * PSCID where a hart's is tagged by ASID.  Like the harts' TLBs it is
 * exact: a translation it holds stays in use until an IOTINVAL.VMA that
 * covers it, so a driver that forgets the invalidation sees the stale
 * translation.
 *
 * A bus-master device asks iommu_translate for each access (device id,
 * PASID, IOVA, size, kind) and gets a physical address or a fault cause;
 * the fault is also reported in the fault queue as the specification says.
 * What this model offers and leaves out is in docs/DEVICES.md, "RISC-V
 * IOMMU". */
#ifndef PAGODA_IOMMU_H
#define PAGODA_IOMMU_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "device.h"
#include "mmu.h"

/* Where QEMU virt puts its riscv-iommu-sys (-M virt,iommu-sys=on), and its
 * four wired interrupts: PLIC sources IOMMU_IRQ_FIRST + vector, vector 0..3
 * as icvec assigns causes to them. */
#define IOMMU_BASE 0x3010000ull
#define IOMMU_SIZE 0x1000ull
#define IOMMU_IRQ_FIRST 36
#define IOMMU_NVECTORS 4

/* Fault-record CAUSE codes (section "Fault/Event-Queue", table
 * "Fault record CAUSE field encodings"). */
enum iommu_cause {
    IOMMU_OK = 0,
    IOMMU_CAUSE_FETCH_ACCESS = 1,      /* instruction access fault */
    IOMMU_CAUSE_READ_ACCESS = 5,
    IOMMU_CAUSE_WRITE_ACCESS = 7,
    IOMMU_CAUSE_FETCH_PAGE = 12,       /* instruction page fault */
    IOMMU_CAUSE_READ_PAGE = 13,
    IOMMU_CAUSE_WRITE_PAGE = 15,
    IOMMU_CAUSE_ALL_DISALLOWED = 256,  /* ddtp.iommu_mode = Off */
    IOMMU_CAUSE_DDT_ACCESS = 257,      /* DDT entry load access fault */
    IOMMU_CAUSE_DDT_INVALID = 258,     /* DDT entry not valid */
    IOMMU_CAUSE_DDT_MISCONFIG = 259,   /* DDT entry misconfigured */
    IOMMU_CAUSE_TTYP_DISALLOWED = 260, /* transaction type disallowed */
    IOMMU_CAUSE_PDT_ACCESS = 265,      /* PDT entry load access fault */
    IOMMU_CAUSE_PDT_INVALID = 266,     /* PDT entry not valid */
    IOMMU_CAUSE_PDT_MISCONFIG = 267,   /* PDT entry misconfigured */
    IOMMU_NCAUSES = 275,               /* causes 0..274 are counted */
};

/* One access of a device, as it reaches the IOMMU: an "untranslated
 * request" (the device's own address, to be translated), or with ats a
 * PCIe ATS Translation Request, a device asking where an address is before
 * it accesses it (section "PCIe ATS translation request handling"). */
struct iommu_req {
    uint32_t device_id;   /* 24 bits (wider: transaction type disallowed) */
    bool pv;              /* the request carries a process_id (PASID) */
    uint32_t pasid;       /* process_id, 20 bits; only with pv */
    bool priv;            /* supervisor privilege requested; only with pv */
    enum mmu_access acc;  /* MMU_FETCH = read for execute, MMU_LOAD = read, MMU_STORE = write/AMO */
    /* a translation request for an access of kind acc (needs DC.tc.EN_ATS,
     * else 260; Bare: 260).  A page that is not there or does not allow the
     * access (12, 13, 15, and 266: no valid PC) is answered "Success with
     * no permission": the cause is returned but no fault is recorded, and
     * the device may send a Page Request.  The answer holds for this one
     * access: devices here keep no ATC (so ATS.INVAL has nothing to do). */
    bool ats;
};

struct iommu;

/* An IOMMU reading and writing guest memory through pm, raising its
 * wired interrupts with irq(irq_ctx, first_irq + vector, level).  Reset
 * state: iommu_mode Off, queues off, IOTLB and directory caches empty.
 * NULL when out of memory. */
struct iommu *iommu_create(const struct phys_mem *pm, irq_fn irq, void *irq_ctx, unsigned first_irq);
void iommu_destroy(struct iommu *io);
/* The 4 KiB register window at base, for the board's bus. */
struct mmio_dev iommu_mmio(struct iommu *io, uint64_t base);

/* Translate the access r of size bytes at iova (within one 4 KiB page: a
 * device splits larger transfers).  IOMMU_OK and *out (pa, and the host
 * pointer when [pa, pa+size) is RAM), or the cause of the fault; the fault
 * is then recorded in the fault queue (unless the device context's DTF
 * suppresses it, the queue is off or in error) and the device must abort
 * the access.  Never touches memory beyond the IOMMU's own structures and
 * the page tables. */
enum iommu_cause iommu_translate(struct iommu *io, const struct iommu_req *r, uint64_t iova, unsigned size,
                                 struct mmu_xlate *out);

/* A "Page Request" from a device that wants the page of iova made present
 * (section "PCIe ATS Page Request handling"): r's device id, PASID and
 * privilege, read/write intent, last = the last request of its group
 * (prgi = Page Request Group Index, 9 bits).  What the device is told: */
enum iommu_prq_status {
    IOMMU_PRQ_QUEUED = 0,   /* in the page-request queue: software will answer with ATS.PRGR */
    IOMMU_PRQ_SUCCESS = 1,  /* not queued (queue full or overflowed): answered Success now */
    IOMMU_PRQ_INVALID = 2,  /* answered Invalid Request now (Bare, EN_PRI = 0, id too wide) */
    IOMMU_PRQ_FAILURE = 3,  /* answered Response Failure now (Off, DDT faults, queue off or faulted) */
};
enum iommu_prq_status iommu_page_request(struct iommu *io, const struct iommu_req *r, uint64_t iova, bool read,
                                         bool write, bool last, unsigned prgi);

/* Who receives the "Page Request Group Response" messages that software
 * sends with ATS.PRGR (a device model with a page-request interface):
 * code is the response code (0 Success, 1 Invalid Request, 0xf Response
 * Failure). */
typedef void (*iommu_prgr_fn)(void *ctx, uint32_t device_id, bool pv, uint32_t pasid, unsigned prgi,
                              unsigned code);
void iommu_set_prgr_handler(struct iommu *io, iommu_prgr_fn fn, void *ctx);

/* Statistics of one IOMMU; the IOTLB's own (lookups, hits and misses by
 * page size, walks, PTE reads, A/D updates) are its mmu's, mmu_get_stats
 * of iommu_iotlb(). */
struct iommu_stats {
    uint64_t requests;              /* iommu_translate calls */
    uint64_t bare;                  /* passed untranslated (iommu_mode Bare, or first stage Bare) */
    uint64_t faults[IOMMU_NCAUSES]; /* by cause */
    uint64_t fault_records;         /* written to the fault queue */
    uint64_t fault_dropped;         /* not written: DTF, queue off, full or in error */
    uint64_t dc_hits, dc_misses;    /* device-context cache */
    uint64_t pc_hits, pc_misses;    /* process-context cache */
    uint64_t ddt_reads, pdt_reads;  /* directory entries read from memory (non-leaf and contexts) */
    uint64_t inval_vma[4];          /* IOTINVAL.VMA with GV = 0, by (AV << 1 | PSCV) as enum mmu_fence_kind */
    uint64_t inval_vma_removed[4];  /* IOTLB and page-walk-cache entries they removed */
    uint64_t inval_vma_gscid;       /* IOTINVAL.VMA with GV = 1 (no guest translations are ever cached) */
    uint64_t inval_gvma;            /* IOTINVAL.GVMA (no second stage) */
    uint64_t iofence;               /* IOFENCE.C */
    uint64_t inval_ddt, inval_pdt;  /* IODIR.INVAL_DDT, IODIR.INVAL_PDT */
    uint64_t ats_inval, ats_prgr;   /* ATS.INVAL, ATS.PRGR */
    uint64_t cmd_illegal;           /* commands that set cqcsr.cmd_ill */
    uint64_t page_requests;         /* iommu_page_request calls */
    uint64_t page_requests_queued;  /* written to the page-request queue */
};
const struct iommu_stats *iommu_get_stats(const struct iommu *io);
/* The IOTLB: for statistics, dumps and tests (do not translate with it). */
struct mmu *iommu_iotlb(struct iommu *io);
/* A readable block (--stats) and one JSON object (--stats-json). */
void iommu_stats_print(struct iommu *io, FILE *f);
void iommu_stats_json(struct iommu *io, FILE *f);

#endif
