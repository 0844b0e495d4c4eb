/* The hardware performance-monitor counters mhpmcounter3..31 and their
 * event selectors mhpmevent3..31 (privileged spec, "Hardware Performance
 * Monitor"), counting the MMU's events.  A counter is not incremented on
 * the hot path: it holds a value and a snapshot of its event's count (from
 * the hart's MMU statistics, mmu_get_stats), and a read adds what the
 * event counted since, so counting costs nothing until a CSR is read.
 * docs/MMU.md, "Performance counters", lists the events. */
#ifndef PAGODA_HPM_H
#define PAGODA_HPM_H

#include <stdint.h>

/* mhpmevent values (bits 7:0; other bits are WARL zero, and an unknown
 * event reads back as 0, which counts nothing). */
enum hpm_event {
    HPM_NONE = 0,
    HPM_DTLB_LOAD_MISS = 1,   /* L1 data TLB misses of loads */
    HPM_DTLB_STORE_MISS = 2,  /* L1 data TLB misses of stores and AMOs */
    HPM_ITLB_MISS = 3,        /* L1 instruction TLB misses */
    HPM_L2TLB_LOAD_MISS = 4,  /* L2 TLB misses of loads */
    HPM_L2TLB_STORE_MISS = 5, /* ... of stores and AMOs */
    HPM_L2TLB_FETCH_MISS = 6, /* ... of instruction fetches */
    HPM_WALKS = 7,            /* page-table walks */
    HPM_PTE_READS = 8,        /* PTEs read by walks */
    HPM_LOAD_PAGE_FAULTS = 9,
    HPM_STORE_PAGE_FAULTS = 10,
    HPM_FETCH_PAGE_FAULTS = 11,
    HPM_SFENCE = 12,          /* sfence.vma (and sinval.vma) performed */
    HPM_AD_UPDATES = 13,      /* A/D bits set by the walker */
    HPM_NEVENTS = 14,
};

struct hart;
/* One counter's state (n = 3..31 index struct hart's hpm[]). */
struct hpm_counter {
    uint64_t event;  /* enum hpm_event */
    uint64_t value;  /* the counter's value at the snapshot */
    uint64_t snap;   /* the event's count at the snapshot */
};

uint64_t hpm_counter_read(struct hart *h, unsigned n);
void hpm_counter_write(struct hart *h, unsigned n, uint64_t v);
uint64_t hpm_event_read(const struct hart *h, unsigned n);
void hpm_event_write(struct hart *h, unsigned n, uint64_t v);
/* mcountinhibit changes from old to new: counters 3..31 freeze or resume */
void hpm_inhibit(struct hart *h, uint64_t old, uint64_t new_);

#endif
