/* Shootdowns as a tool watching the board sees them (the TLB view, the
 * MMU trace): a hart asks others to fence their TLBs (or just interrupts
 * them) through an SBI call of its supervisor, or, in a guest that makes
 * no SBI calls, by writing their CLINT msip.  This decodes the SBI calls
 * (SBI specification: "IPI Extension", "RFENCE Extension", "Legacy
 * Extensions") at the ecall's trap, before the firmware runs, and says
 * what completes a shootdown on each target. */
#ifndef PAGODA_SHOOTDOWN_H
#define PAGODA_SHOOTDOWN_H

#include <stdbool.h>
#include <stdint.h>

#include "hart.h"

enum shootdown_kind {
    SHOOTDOWN_IPI = 0,         /* sbi_send_ipi: done when the target takes its software interrupt */
    SHOOTDOWN_SFENCE = 1,      /* remote sfence.vma over a range: done at the target's sfence.vma */
    SHOOTDOWN_SFENCE_ASID = 2, /* the same for one ASID */
    SHOOTDOWN_FENCE_I = 3,     /* remote fence.i: done at the target's software interrupt */
    SHOOTDOWN_MSIP = 4,        /* an msip write by a guest without SBI: done at the target's sfence.vma */
};

struct shootdown_req {
    enum shootdown_kind kind;
    uint64_t targets;          /* bit i: hart i (harts >= 64 are not represented) */
    uint64_t start, size;      /* the address range; size ~0 (or 0): everything */
    uint16_t asid;
};

/* An ecall from S-mode by hart `self` of a board with nharts harts (its
 * a0-a7 as the trap found them): true and *out when it is an SBI call that
 * interrupts or fences other harts.  The legacy calls pass a pointer to
 * the hart mask: taken as every other hart. */
bool shootdown_from_sbi_call(const struct hart *h, unsigned self, unsigned nharts, struct shootdown_req *out);
/* Is the shootdown done on a target by its sfence.vma (true) or by its
 * taking a software interrupt (false)? */
bool shootdown_done_by_fence(enum shootdown_kind kind);
/* "IPI", "SFENCE", "SFENCE.ASID", "FENCE.I", "MSIP". */
const char *shootdown_kind_name(enum shootdown_kind kind);

#endif
