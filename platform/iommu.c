/* The RISC-V IOMMU's register file, interrupts and statistics (chapter
 * "Memory-mapped register interface").  Translation is in iommu_dir.c and
 * iommu_translate.c, the queues in iommu_queues.c. */
#include <stdlib.h>
#include <string.h>

#include "iommu_internal.h"

struct iommu *iommu_create(const struct phys_mem *pm, irq_fn irq, void *irq_ctx, unsigned first_irq)
{
    struct iommu *io = calloc(1, sizeof *io);
    if (!io)
        return NULL;
    io->pm = pm;
    io->irq = irq;
    io->irq_ctx = irq_ctx;
    io->first_irq = first_irq;
    io->next_tag = 1;
    /* The IOTLB: one unified set-associative TLB (no L1s) and a page-walk
     * cache; PMP does not apply to a device (NULL). */
    struct mmu_config c;
    mmu_config_default(&c);
    c.l1i_sets = c.l1i_ways = 0;
    c.l1d_sets = c.l1d_ways = 0;
    c.l2_sets = 64;
    c.l2_ways = 4;
    c.pwc_entries = 16;
    io->iotlb = mmu_create(&c, pm, NULL);
    io->tag_of = calloc((size_t)1 << 20, sizeof *io->tag_of);
    if (!io->iotlb || !io->tag_of) {
        iommu_destroy(io);
        return NULL;
    }
    /* Reset (section "Reset behavior"): iommu_mode Off (the recommended
     * value, and QEMU's riscv-iommu-sys), queues off, ipsr 0. */
    io->ddtp = DDTP_OFF;
    return io;
}

void iommu_destroy(struct iommu *io)
{
    if (!io)
        return;
    mmu_destroy(io->iotlb);
    free(io->tag_of);
    free(io);
}

struct mmu *iommu_iotlb(struct iommu *io) { return io->iotlb; }
const struct iommu_stats *iommu_get_stats(const struct iommu *io) { return &io->st; }

void iommu_set_prgr_handler(struct iommu *io, iommu_prgr_fn fn, void *ctx)
{
    io->prgr = fn;
    io->prgr_ctx = ctx;
}

/* ---- interrupts (section "Interrupt pending status register") ---- */

static const struct iommu_queue *queue_of_cause(const struct iommu *io, unsigned cause)
{
    return cause == INT_CQ ? &io->cq : cause == INT_FQ ? &io->fq : cause == INT_PQ ? &io->pq : NULL;
}

void iommu_update_interrupts(struct iommu *io)
{
    /* ipsr.cip/fip/pip are set while their queue's interrupts are enabled
     * and an error bit (or cqcsr.fence_w_ip) is 1; a write of 1 clears
     * them, and they come back while the condition holds. */
    if ((io->cq.csr & QCSR_IE) && (io->cq.csr & CQCSR_ERRORS))
        io->ipsr |= 1u << INT_CQ;
    if ((io->fq.csr & QCSR_IE) && (io->fq.csr & XQCSR_ERRORS))
        io->ipsr |= 1u << INT_FQ;
    if ((io->pq.csr & QCSR_IE) && (io->pq.csr & XQCSR_ERRORS))
        io->ipsr |= 1u << INT_PQ;
    /* With fctl.WSI = 1 each pending bit drives the wire icvec gives its
     * cause; a wire is the OR of the bits mapped to it. */
    bool level[IOMMU_NVECTORS] = { false };
    for (unsigned c = 0; c < INT_N; c++)
        if (io->ipsr & (1u << c))
            level[(io->icvec >> (4 * c)) & (IOMMU_NVECTORS - 1)] = true;
    for (unsigned v = 0; v < IOMMU_NVECTORS; v++) {
        if (level[v] != io->wire[v]) {
            io->wire[v] = level[v];
            if (io->irq)
                io->irq(io->irq_ctx, io->first_irq + v, level[v]);
        }
    }
}

void iommu_interrupt(struct iommu *io, unsigned cause)
{
    const struct iommu_queue *q = queue_of_cause(io, cause);
    if (q && (q->csr & QCSR_IE))
        io->ipsr |= 1u << cause;
    iommu_update_interrupts(io);
}

/* ---- registers ---- */

static uint32_t read32(struct iommu *io, uint64_t off)
{
    uint64_t v64;
    switch (off & ~7ull) {
    case REG_CAPABILITIES: v64 = IOMMU_CAPABILITIES; break;
    case REG_DDTP: v64 = io->ddtp; break;
    case REG_CQB: v64 = io->cq.base; break;
    case REG_FQB: v64 = io->fq.base; break;
    case REG_PQB: v64 = io->pq.base; break;
    case REG_ICVEC: v64 = io->icvec; break;
    default:
        switch (off) {
        case REG_FCTL: return FCTL_WSI;
        case REG_CQH: return io->cq.head;
        case REG_CQT: return io->cq.tail;
        case REG_FQH: return io->fq.head;
        case REG_FQT: return io->fq.tail;
        case REG_PQH: return io->pq.head;
        case REG_PQT: return io->pq.tail;
        case REG_CQCSR: return io->cq.csr;
        case REG_FQCSR: return io->fq.csr;
        case REG_PQCSR: return io->pq.csr;
        case REG_IPSR: return io->ipsr;
        default: return 0; /* absent optional registers, reserved and custom space read 0 */
        }
    }
    return (uint32_t)(v64 >> (off & 4 ? 32 : 0));
}

/* A 32-bit write into one half of a 64-bit register. */
static uint64_t merge_half(uint64_t reg, uint64_t off, uint32_t v)
{
    unsigned sh = off & 4 ? 32 : 0;
    return (reg & ~(0xffffffffull << sh)) | (uint64_t)v << sh;
}

static void write_ddtp(struct iommu *io, uint64_t v)
{
    /* iommu_mode is WARL: Off, Bare, 1LVL, 2LVL, 3LVL; a reserved or custom
     * value leaves the mode as it was.  busy is always 0 (the change is
     * done at once).  The directory caches are dropped on every write (the
     * spec allows keeping them; dropping more is always allowed), the
     * IOTLB is not: only IOTINVAL removes translations. */
    uint64_t mode = v & DDTP_MODE_MASK;
    if (mode > DDTP_3LVL)
        mode = io->ddtp & DDTP_MODE_MASK;
    io->ddtp = (v & PPN_FIELD) | mode;
    iommu_dir_flush(io);
}

/* cqb/fqb/pqb: LOG2SZ-1 (at most QUEUE_MAX_LOG2SZ_1) and PPN writable;
 * the head or tail software owns keeps only its LOG2SZ low bits (section
 * "Command-queue base"). */
static void write_qbase(struct iommu_queue *q, uint64_t v, uint32_t *sw_index)
{
    uint64_t log2sz_1 = v & 0x1f;
    q->base = (v & PPN_FIELD) | (log2sz_1 < QUEUE_MAX_LOG2SZ_1 ? log2sz_1 : QUEUE_MAX_LOG2SZ_1);
    *sw_index &= queue_mask(q);
}

/* cqcsr/fqcsr/pqcsr: en and ie are RW, the error bits RW1C, on and busy
 * read-only.  Turning en on resets the IOMMU-owned index and the error
 * bits (the queue is on at once: busy stays 0). */
static void write_qcsr(struct iommu_queue *q, uint32_t v, uint32_t errors, uint32_t *hw_index)
{
    uint32_t csr = q->csr & ~(v & errors);
    if ((v & QCSR_EN) && !(csr & QCSR_EN)) {
        *hw_index = 0;
        csr &= ~errors;
        csr |= QCSR_ON;
    } else if (!(v & QCSR_EN)) {
        csr &= ~QCSR_ON;
    }
    q->csr = (csr & ~(QCSR_EN | QCSR_IE)) | (v & (QCSR_EN | QCSR_IE));
}

static void write32(struct iommu *io, uint64_t off, uint32_t v)
{
    switch (off) {
    case REG_DDTP: case REG_DDTP + 4:
        write_ddtp(io, merge_half(io->ddtp, off, v));
        break;
    case REG_CQB: case REG_CQB + 4:
        write_qbase(&io->cq, merge_half(io->cq.base, off, v), &io->cq.tail);
        break;
    case REG_FQB: case REG_FQB + 4:
        write_qbase(&io->fq, merge_half(io->fq.base, off, v), &io->fq.head);
        break;
    case REG_PQB: case REG_PQB + 4:
        write_qbase(&io->pq, merge_half(io->pq.base, off, v), &io->pq.head);
        break;
    case REG_CQT:
        io->cq.tail = v & queue_mask(&io->cq);
        iommu_process_commands(io);
        break;
    case REG_FQH:
        io->fq.head = v & queue_mask(&io->fq);
        break;
    case REG_PQH:
        io->pq.head = v & queue_mask(&io->pq);
        break;
    case REG_CQCSR:
        write_qcsr(&io->cq, v, CQCSR_ERRORS, &io->cq.head);
        iommu_process_commands(io);
        break;
    case REG_FQCSR:
        write_qcsr(&io->fq, v, XQCSR_ERRORS, &io->fq.tail);
        break;
    case REG_PQCSR:
        write_qcsr(&io->pq, v, XQCSR_ERRORS, &io->pq.tail);
        break;
    case REG_IPSR:
        io->ipsr &= ~(v & ((1u << INT_N) - 1));
        break;
    case REG_ICVEC: case REG_ICVEC + 4:
        /* civ, fiv, pmiv, piv: WARL, 4 vectors (2 bits each kept) */
        io->icvec = merge_half(io->icvec, off, v) & 0x3333;
        break;
    default:
        return; /* read-only, absent, reserved or custom: ignored */
    }
    iommu_update_interrupts(io);
}

/* 4- and 8-byte aligned accesses (anything else is UNSPECIFIED in the
 * spec; here an access fault).  An 8-byte access is two 4-byte ones, the
 * high half first, as the spec allows, so a 64-bit write to ddtp or cqb
 * acts once the low half (with the mode) arrives. */
static bool iommu_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct iommu *io = opaque;
    if ((size != 4 && size != 8) || (off & (size - 1)))
        return false;
    uint64_t hi = size == 8 ? read32(io, off + 4) : 0;
    *val = read32(io, off) | hi << 32;
    return true;
}

static bool iommu_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct iommu *io = opaque;
    if ((size != 4 && size != 8) || (off & (size - 1)))
        return false;
    if (size == 8)
        write32(io, off + 4, (uint32_t)(val >> 32));
    write32(io, off, (uint32_t)val);
    return true;
}

struct mmio_dev iommu_mmio(struct iommu *io, uint64_t base)
{
    return (struct mmio_dev){ "riscv-iommu", base, IOMMU_SIZE, io, iommu_read, iommu_write };
}

/* ---- statistics ---- */

static const char *cause_name(unsigned c)
{
    switch (c) {
    case 1: return "instruction access fault";
    case 5: return "read access fault";
    case 7: return "write/AMO access fault";
    case 12: return "instruction page fault";
    case 13: return "read page fault";
    case 15: return "write/AMO page fault";
    case 256: return "all inbound transactions disallowed";
    case 257: return "DDT entry load access fault";
    case 258: return "DDT entry not valid";
    case 259: return "DDT entry misconfigured";
    case 260: return "transaction type disallowed";
    case 265: return "PDT entry load access fault";
    case 266: return "PDT entry not valid";
    case 267: return "PDT entry misconfigured";
    default: return "other";
    }
}

static const char *const inval_names[4] = { "all", "pscid", "addr", "addr_pscid" };

void iommu_stats_print(struct iommu *io, FILE *f)
{
    const struct iommu_stats *s = &io->st;
    const struct mmu_stats *m = mmu_get_stats(io->iotlb);
    const struct mmu_tlb_stats *t = &m->tlb[MMU_TLB_L2];
    const struct mmu_config *c = mmu_get_config(io->iotlb);
    fprintf(f, "iommu: iotlb=%ux%u pwc=%u\n", c->l2_sets, c->l2_ways, c->pwc_entries);
    fprintf(f, "  requests %llu (passed as they are, Bare: %llu); fault records %llu (not recorded %llu)\n",
            (unsigned long long)s->requests, (unsigned long long)s->bare, (unsigned long long)s->fault_records,
            (unsigned long long)s->fault_dropped);
    mmu_tlb_stats_print(t, "iotlb", f);
    fprintf(f, "  walks %llu, PTE reads %llu; page-walk cache lookups %llu hits %llu; A/D updates %llu\n",
            (unsigned long long)m->walks, (unsigned long long)m->pte_reads, (unsigned long long)m->pwc_lookups,
            (unsigned long long)m->pwc_hits, (unsigned long long)m->ad_updates);
    fprintf(f, "  device contexts: cache hits %llu misses %llu; process contexts: cache hits %llu misses %llu; "
               "DDT reads %llu, PDT reads %llu\n",
            (unsigned long long)s->dc_hits, (unsigned long long)s->dc_misses, (unsigned long long)s->pc_hits,
            (unsigned long long)s->pc_misses, (unsigned long long)s->ddt_reads, (unsigned long long)s->pdt_reads);
    fprintf(f, "  faults by cause:");
    bool any = false;
    for (unsigned k = 0; k < IOMMU_NCAUSES; k++) {
        if (s->faults[k]) {
            fprintf(f, " %u (%s) %llu;", k, cause_name(k), (unsigned long long)s->faults[k]);
            any = true;
        }
    }
    fprintf(f, "%s\n  iotinval.vma", any ? "" : " none");
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %llu (removed %llu)", inval_names[k], (unsigned long long)s->inval_vma[k],
                (unsigned long long)s->inval_vma_removed[k]);
    fprintf(f, ", gscid %llu; iotinval.gvma %llu; iofence.c %llu; iodir.inval_ddt %llu inval_pdt %llu; "
               "ats.inval %llu ats.prgr %llu; illegal %llu\n",
            (unsigned long long)s->inval_vma_gscid, (unsigned long long)s->inval_gvma,
            (unsigned long long)s->iofence, (unsigned long long)s->inval_ddt, (unsigned long long)s->inval_pdt,
            (unsigned long long)s->ats_inval, (unsigned long long)s->ats_prgr,
            (unsigned long long)s->cmd_illegal);
    fprintf(f, "  page requests %llu (queued %llu)\n", (unsigned long long)s->page_requests,
            (unsigned long long)s->page_requests_queued);
}

void iommu_stats_json(struct iommu *io, FILE *f)
{
    const struct iommu_stats *s = &io->st;
    const struct mmu_stats *m = mmu_get_stats(io->iotlb);
    const struct mmu_tlb_stats *t = &m->tlb[MMU_TLB_L2];
    const struct mmu_config *c = mmu_get_config(io->iotlb);
    fprintf(f, "{\"iotlb_geometry\":[%u,%u],\"pwc\":%u,\"requests\":%llu,\"bare\":%llu,", c->l2_sets,
            c->l2_ways, c->pwc_entries, (unsigned long long)s->requests, (unsigned long long)s->bare);
    fprintf(f, "\"iotlb\":");
    mmu_tlb_stats_json(t, f);
    fprintf(f, ",\"walks\":%llu,\"pte_reads\":%llu,\"pwc_lookups\":%llu,\"pwc_hits\":%llu,\"ad_updates\":%llu,",
            (unsigned long long)m->walks, (unsigned long long)m->pte_reads, (unsigned long long)m->pwc_lookups,
            (unsigned long long)m->pwc_hits, (unsigned long long)m->ad_updates);
    fprintf(f, "\"dc_cache\":{\"hits\":%llu,\"misses\":%llu},\"pc_cache\":{\"hits\":%llu,\"misses\":%llu},"
               "\"ddt_reads\":%llu,\"pdt_reads\":%llu,",
            (unsigned long long)s->dc_hits, (unsigned long long)s->dc_misses, (unsigned long long)s->pc_hits,
            (unsigned long long)s->pc_misses, (unsigned long long)s->ddt_reads, (unsigned long long)s->pdt_reads);
    fprintf(f, "\"faults_by_cause\":{");
    bool first = true;
    for (unsigned k = 0; k < IOMMU_NCAUSES; k++) {
        if (s->faults[k]) {
            fprintf(f, "%s\"%u\":%llu", first ? "" : ",", k, (unsigned long long)s->faults[k]);
            first = false;
        }
    }
    fprintf(f, "},\"fault_records\":%llu,\"fault_not_recorded\":%llu,\"iotinval_vma\":{",
            (unsigned long long)s->fault_records, (unsigned long long)s->fault_dropped);
    for (int k = 0; k < 4; k++)
        fprintf(f, "%s\"%s\":%llu", k ? "," : "", inval_names[k], (unsigned long long)s->inval_vma[k]);
    fprintf(f, "},\"iotinval_vma_removed\":{");
    for (int k = 0; k < 4; k++)
        fprintf(f, "%s\"%s\":%llu", k ? "," : "", inval_names[k], (unsigned long long)s->inval_vma_removed[k]);
    fprintf(f, "},\"iotinval_vma_gscid\":%llu,\"iotinval_gvma\":%llu,\"iofence_c\":%llu,\"iodir_inval_ddt\":%llu,"
               "\"iodir_inval_pdt\":%llu,\"ats_inval\":%llu,\"ats_prgr\":%llu,\"illegal_commands\":%llu,"
               "\"page_requests\":%llu,\"page_requests_queued\":%llu}",
            (unsigned long long)s->inval_vma_gscid, (unsigned long long)s->inval_gvma,
            (unsigned long long)s->iofence, (unsigned long long)s->inval_ddt, (unsigned long long)s->inval_pdt,
            (unsigned long long)s->ats_inval, (unsigned long long)s->ats_prgr,
            (unsigned long long)s->cmd_illegal, (unsigned long long)s->page_requests,
            (unsigned long long)s->page_requests_queued);
}
