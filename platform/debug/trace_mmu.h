/* --trace-mmu FILE: the MMU's events as a Trace Event JSON file (the
 * "JSON Array Format" of Google's Trace Event Format, which Perfetto's UI
 * and chrome://tracing open): page-table walks, page and access faults,
 * interrupts, sfence.vma, and shootdowns (sender, targets, range, and the
 * latency until each target's fence, drawn as a slice on the target with
 * a flow arrow from the sender), one track per hart; the IOMMU's walks
 * and the accelerator's descriptors on device tracks.  Timestamps are
 * guest time in microseconds (mtime, refined within a scheduling round by
 * the hart's retired instructions at the board's 100 MIPS).
 *
 * It hooks in beside whatever already watches (the TLB view): harts'
 * trap and fence hooks are chained, the board watch is added, and the
 * MMUs' walk hooks are set.  With no --trace-mmu none of this exists;
 * docs/DEBUGGING.md, "MMU event trace", says how to open the file. */
#ifndef PAGODA_TRACE_MMU_H
#define PAGODA_TRACE_MMU_H

#include <stddef.h>

#include "board.h"

struct trace_mmu;

/* Create path and hook into b.  NULL and a one-line message in err when
 * the file cannot be written or memory is short. */
struct trace_mmu *trace_mmu_open(const char *path, struct board *b, char *err, size_t errlen);
/* What to pass to board_set_watch (round boundaries and msip writes). */
const struct board_watch *trace_mmu_watch(struct trace_mmu *t);
/* Finish the shootdowns still open (as unfinished), flush and close; the
 * hooks are removed.  Returns false after a write error (message on
 * stderr). */
bool trace_mmu_close(struct trace_mmu *t);

#endif
