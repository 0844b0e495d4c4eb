/* --check-tlb[=first|warn|stop]: the TLB coherence checker of mmu/ (mmu.h,
 * "The TLB coherence checker") attached to every hart's MMU and the
 * IOMMU's IOTLB, with the report a person reads: the hart, the
 * instruction, the access, the cached translation, the walk memory gives
 * now row by row, and the store that changed the PTE without a fence
 * since (docs/DEBUGGING.md, "--check-tlb"). */
#ifndef PAGODA_CHECK_TLB_H
#define PAGODA_CHECK_TLB_H

#include <stddef.h>

#include "board.h"

enum check_tlb_mode {
    CHECK_TLB_FIRST, /* report the first stale use in full, count the others (the default) */
    CHECK_TLB_WARN,  /* report every stale use and go on */
    CHECK_TLB_STOP,  /* report the first and stop the guest with CHECK_TLB_EXIT */
};
#define CHECK_TLB_EXIT 125 /* exit status of --check-tlb=stop */

struct check_tlb;

/* Attach to b's harts (and IOMMU).  The harts then run one instruction at
 * a time and translate every access on the MMU's general path (slow).
 * NULL and a message in err when out of memory. */
struct check_tlb *check_tlb_start(struct board *b, enum check_tlb_mode mode, char *err, size_t errlen);
/* The summary line (stale uses in all) on stderr, and free. */
void check_tlb_finish(struct check_tlb *c);

#endif
