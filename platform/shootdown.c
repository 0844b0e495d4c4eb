/* Decoding the SBI calls that shoot down other harts' TLBs (shootdown.h). */
#include "shootdown.h"

/* SBI extension IDs and the legacy (v0.1) ones that send IPIs or fences */
#define SBI_EXT_IPI 0x735049
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_LEGACY_SEND_IPI 4
#define SBI_LEGACY_FENCE_I 5
#define SBI_LEGACY_SFENCE_VMA 6
#define SBI_LEGACY_SFENCE_VMA_ASID 7

/* The SBI v0.2 hart mask of an IPI or RFENCE call (a0 = mask, a1 = base;
 * base = -1 means every hart), as bits of harts 0..63. */
static uint64_t sbi_targets(unsigned nharts, uint64_t mask, uint64_t base)
{
    uint64_t all = nharts >= 64 ? ~0ULL : (1ULL << nharts) - 1;
    if (base == ~0ULL)
        return all;
    if (base >= 64)
        return 0;
    return (mask << base) & all;
}

bool shootdown_from_sbi_call(const struct hart *h, unsigned self, unsigned nharts, struct shootdown_req *out)
{
    uint64_t ext = h->x[17], fid = h->x[16], a0 = h->x[10], a1 = h->x[11];
    *out = (struct shootdown_req){.start = 0, .size = ~0ULL};
    if (ext == SBI_EXT_IPI && fid == 0) {
        out->kind = SHOOTDOWN_IPI;
        out->targets = sbi_targets(nharts, a0, a1);
        return true;
    }
    if (ext == SBI_EXT_RFENCE && fid <= 6) {
        /* fid 0 remote fence.i; 1 sfence.vma; 2 sfence.vma.asid; 3-6
         * the hypervisor fences, counted as sfence.vma */
        out->targets = sbi_targets(nharts, a0, a1);
        out->kind = fid == 0 ? SHOOTDOWN_FENCE_I : fid == 2 ? SHOOTDOWN_SFENCE_ASID : SHOOTDOWN_SFENCE;
        if (fid != 0)
            out->start = h->x[12], out->size = h->x[13], out->asid = (uint16_t)h->x[14];
        return true;
    }
    if (ext >= SBI_LEGACY_SEND_IPI && ext <= SBI_LEGACY_SFENCE_VMA_ASID) {
        out->targets = sbi_targets(nharts, 0, ~0ULL) & ~(self < 64 ? 1ULL << self : 0);
        out->kind = ext == SBI_LEGACY_SEND_IPI ? SHOOTDOWN_IPI
                  : ext == SBI_LEGACY_FENCE_I ? SHOOTDOWN_FENCE_I
                  : ext == SBI_LEGACY_SFENCE_VMA ? SHOOTDOWN_SFENCE : SHOOTDOWN_SFENCE_ASID;
        if (ext >= SBI_LEGACY_SFENCE_VMA)
            out->start = h->x[11], out->size = h->x[12], out->asid = (uint16_t)h->x[13];
        return true;
    }
    return false;
}

bool shootdown_done_by_fence(enum shootdown_kind kind)
{
    return kind == SHOOTDOWN_SFENCE || kind == SHOOTDOWN_SFENCE_ASID || kind == SHOOTDOWN_MSIP;
}

const char *shootdown_kind_name(enum shootdown_kind kind)
{
    static const char *const names[] = {"IPI", "SFENCE", "SFENCE.ASID", "FENCE.I", "MSIP"};
    return (unsigned)kind < 5 ? names[kind] : "?";
}
