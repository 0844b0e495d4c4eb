/* Sdtrig: the hart's debug triggers (RISC-V Debug Specification 1.0,
 * chapter "Sdtrig"; docs/CPU.md, "Debug triggers").  TRIG_COUNT triggers,
 * each of type 2 (mcontrol), 6 (mcontrol6) or 15 (disabled), reached
 * through tselect/tdata1/tdata2/tdata3/tinfo from M-mode; and the same
 * triggers claimed by the GDB stub (dmode = 1, action = 1: the hart stops
 * for the debugger).
 *
 * Nothing of it is on the hot loop: while a trigger is armed (h->trig.armed)
 * the hart runs every instruction through its single-step path, which
 * calls trigger_before and trigger_after around the instruction. */
#ifndef PAGODA_TRIGGER_H
#define PAGODA_TRIGGER_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"
#include "insn_access.h"

/* Four triggers per hart: rv64mi-p-breakpoint uses two, a debugger
 * usually wants one hbreak and a watchpoint or two besides what the guest
 * uses, and every armed trigger is compared at every instruction. */
#define TRIG_COUNT 4

/* tdata1's type field (bits 63:60) */
enum { TRIG_TYPE_NONE = 0, TRIG_TYPE_MCONTROL = 2, TRIG_TYPE_MCONTROL6 = 6, TRIG_TYPE_DISABLED = 15 };

/* Fields shared by mcontrol and mcontrol6 (tdata1) */
#define TRIG_DMODE     (1ull << 59)
#define TRIG_LOAD      (1ull << 0)
#define TRIG_STORE     (1ull << 1)
#define TRIG_EXECUTE   (1ull << 2)
#define TRIG_U         (1ull << 3)
#define TRIG_S         (1ull << 4)
#define TRIG_M         (1ull << 6)
#define TRIG_MATCH_SHIFT 7      /* match, bits 10:7 */
#define TRIG_ACTION_SHIFT 12    /* action, bits 15:12 */
/* mcontrol (type 2) */
#define MCONTROL_HIT     (1ull << 20)
#define MCONTROL_SELECT  (1ull << 19)
#define MCONTROL_TIMING  (1ull << 18)
/* mcontrol6 (type 6) */
#define MCONTROL6_HIT1   (1ull << 25)
#define MCONTROL6_HIT0   (1ull << 22)
#define MCONTROL6_SELECT (1ull << 21)

/* The debugger's view of why a hart stopped at a trigger (action 1). */
enum trig_kind { TRIG_HIT_EXECUTE, TRIG_HIT_LOAD, TRIG_HIT_STORE };

struct trigger {
    uint64_t tdata1, tdata2;
};

struct hart_triggers {
    struct trigger t[TRIG_COUNT];
    unsigned select;          /* tselect */
    bool armed;               /* some trigger can match: the hart runs one instruction at a time */
    /* A trigger with action 1 fired: the hart is in "Debug Mode" (stopped
     * for the GDB stub) before the instruction at its pc, or after the one
     * before it (load data).  Cleared by the debugger (trigger_debug_resume). */
    bool halted;
    bool skip_debug;          /* the next instruction ignores the debugger's triggers */
    int halt_index;
    enum trig_kind halt_kind;
    uint64_t halt_addr;       /* the address that matched */
    /* between trigger_before and trigger_after: the instruction's access */
    bool have_access;
    struct insn_access acc;
    unsigned after_mask;      /* triggers that matched before and fire after (mcontrol timing = 1) */
    uint64_t after_tval;
};

struct hart;

/* The triggers at reset: every one mcontrol, all fields zero (it matches
 * nothing), as QEMU resets them. */
void trigger_reset(struct hart_triggers *tr);

/* tselect, tdata1-3 and tinfo (0x7a0..0x7a4) as M-mode reads and writes
 * them.  False for any other CSR or when the hart lacks Sdtrig (then the
 * caller raises an illegal-instruction exception). */
bool trigger_csr_read(struct hart *h, unsigned csr, uint64_t *val);
bool trigger_csr_write(struct hart *h, unsigned csr, uint64_t val);

/* The single-step path, before instruction d runs at h->pc: the triggers
 * that match its execution (address or opcode), its load or store address
 * or its store data.  Returns true when the instruction must not run: a
 * breakpoint exception was taken (hart_trap) or the hart halted for the
 * debugger (h->trig.halted). */
bool trigger_before(struct hart *h, const struct insn *d);
/* After d retired (h->pc is the next instruction): load-data matches and
 * the matches of triggers with mcontrol timing = 1 fire now. */
void trigger_after(struct hart *h, const struct insn *d);

/* The debugger's side (the GDB stub; Debug Mode's rights): claim a free
 * trigger (type 15, or one with no mode or no access bit, and not the
 * debugger's already) with tdata1/tdata2 (dmode and action 1 are added).
 * Returns its index or -1 when none is free or the configuration is not
 * supported.  Release gives it back (type 15, dmode 0). */
int trigger_debug_claim(struct hart *h, uint64_t tdata1, uint64_t tdata2);
void trigger_debug_release(struct hart *h, int index);
/* Let a halted hart run again; with step_over its next instruction does
 * not match the debugger's triggers (the stub lets an access that its
 * wider NAPOT range caught, but GDB does not watch, go on). */
void trigger_debug_resume(struct hart *h, bool step_over);

#endif
