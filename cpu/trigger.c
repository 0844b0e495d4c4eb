/* Sdtrig: the hart's debug triggers (trigger.h).  Register layouts and
 * rules from the RISC-V Debug Specification 1.0, chapter "Sdtrig" and its
 * register descriptions (tselect, tdata1, mcontrol, mcontrol6, tinfo);
 * the breakpoint exception (cause 3) from the privileged spec. */
#include "trigger.h"

#include <string.h>

#include "hart.h"

enum { CSR_TSELECT = 0x7a0, CSR_TDATA1 = 0x7a1, CSR_TDATA2 = 0x7a2, CSR_TDATA3 = 0x7a3, CSR_TINFO = 0x7a4 };

/* tinfo: version 1 (Sdtrig 1.0) in bits 31:24, the supported types in 15:0 */
#define TINFO_VALUE ((1ull << 24) | (1u << TRIG_TYPE_MCONTROL) | (1u << TRIG_TYPE_MCONTROL6) | \
                     (1u << TRIG_TYPE_DISABLED))

#define MODE_BITS (TRIG_M | TRIG_S | TRIG_U)
/* mcontrol6's vs (bit 24) and vu (bit 23): the trigger matches in VS / VU-mode */
#define MCONTROL6_VS (1ull << 24)
#define MCONTROL6_VU (1ull << 23)
#define ACCESS_BITS (TRIG_EXECUTE | TRIG_STORE | TRIG_LOAD)

/* The type field of tdata1. */
static unsigned type_of(uint64_t tdata1) { return (unsigned)(tdata1 >> 60); }

static bool is_match_type(uint64_t tdata1)
{
    unsigned t = type_of(tdata1);
    return t == TRIG_TYPE_MCONTROL || t == TRIG_TYPE_MCONTROL6;
}

/* The match field (bits 10:7) and the action field (bits 15:12). */
static unsigned match_of(uint64_t tdata1) { return (unsigned)(tdata1 >> TRIG_MATCH_SHIFT) & 15; }
static unsigned action_of(uint64_t tdata1) { return (unsigned)(tdata1 >> TRIG_ACTION_SHIFT) & 15; }

/* select: compare against data (1) or addresses (0); its bit depends on the type. */
static bool select_of(uint64_t tdata1)
{
    return type_of(tdata1) == TRIG_TYPE_MCONTROL ? (tdata1 & MCONTROL_SELECT) != 0
                                                 : (tdata1 & MCONTROL6_SELECT) != 0;
}

/* The access size a trigger is limited to, in bytes (0: any): mcontrol's
 * sizehi:sizelo (bits 22:21, 17:16) or mcontrol6's size (18:16); codes 1,
 * 2, 3, 5 are 8, 16, 32, 64 bits, the only ones kept (see legal_size). */
static unsigned size_bytes(uint64_t tdata1)
{
    unsigned code = type_of(tdata1) == TRIG_TYPE_MCONTROL
                        ? (unsigned)(((tdata1 >> 21) & 3) << 2 | ((tdata1 >> 16) & 3))
                        : (unsigned)(tdata1 >> 16) & 7;
    static const unsigned bytes[8] = {0, 1, 2, 4, 0, 8, 0, 0};
    return bytes[code & 7];
}

/* Size codes Pagoda matches: any, 8, 16, 32 and 64 bits (the hart has no
 * 48-bit or wider instructions and no accesses wider than 64 bits to
 * match: other codes read back as 0, any, as QEMU makes them). */
static bool legal_size(unsigned code) { return code <= 3 || code == 5; }

/* The rest of a written mcontrol (type 2), made legal.  maskmax is 0 (no
 * NAPOT on type 2, as QEMU; mcontrol6 has it); hit is writable; timing is
 * 1 exactly for load-data triggers (select = 1 with load: the value is
 * known only after the load), 0 otherwise; chain is 0 (not implemented);
 * action 0, or 1 for the debugger's triggers; match any of equal, ge, lt,
 * mask low/high and their negations (NAPOT: 0). */
static uint64_t legal_mcontrol(uint64_t v, bool dmode)
{
    uint64_t out = (uint64_t)TRIG_TYPE_MCONTROL << 60 | (dmode ? TRIG_DMODE : 0);
    unsigned size = (unsigned)(((v >> 21) & 3) << 2 | ((v >> 16) & 3));
    if (legal_size(size)) out |= v & ((3ull << 21) | (3ull << 16));
    out |= v & (MCONTROL_HIT | MCONTROL_SELECT);
    if ((v & MCONTROL_SELECT) && (v & TRIG_LOAD)) out |= MCONTROL_TIMING;
    unsigned action = action_of(v);
    if (action == 1 && dmode) out |= 1ull << TRIG_ACTION_SHIFT;
    unsigned m = match_of(v);
    if (m == 0 || (m >= 2 && m <= 5) || m == 8 || m == 12 || m == 13) out |= (uint64_t)m << TRIG_MATCH_SHIFT;
    out |= v & (MODE_BITS | ACCESS_BITS);
    return out;
}

/* The rest of a written mcontrol6 (type 6), made legal: vs and vu are
 * writable with the H extension (has_h) and 0 without, uncertain and
 * uncertainen (Pagoda sees every access exactly) are 0; hit0/hit1 writable; size as legal_size; chain 0; action as for
 * mcontrol; match any of equal, NAPOT (maskmax6 = 63), ge, lt, mask
 * low/high and the negations of equal, NAPOT and the masks. */
static uint64_t legal_mcontrol6(uint64_t v, bool dmode, bool has_h)
{
    uint64_t out = (uint64_t)TRIG_TYPE_MCONTROL6 << 60 | (dmode ? TRIG_DMODE : 0);
    out |= v & (MCONTROL6_HIT1 | MCONTROL6_HIT0 | MCONTROL6_SELECT);
    if (legal_size((unsigned)(v >> 16) & 7)) out |= v & (7ull << 16);
    if (action_of(v) == 1 && dmode) out |= 1ull << TRIG_ACTION_SHIFT;
    unsigned m = match_of(v);
    if (m <= 5 || m == 8 || m == 9 || m == 12 || m == 13) out |= (uint64_t)m << TRIG_MATCH_SHIFT;
    out |= v & (MODE_BITS | ACCESS_BITS | (has_h ? MCONTROL6_VS | MCONTROL6_VU : 0));
    return out;
}

/* Whether trigger t can ever match: a match type with a mode and an access bit. */
static bool trigger_armed(uint64_t tdata1)
{
    return is_match_type(tdata1) && (tdata1 & (MODE_BITS | MCONTROL6_VS | MCONTROL6_VU)) && (tdata1 & ACCESS_BITS);
}

/* Recompute h->trig.armed; when a trigger became armed, make hart_run look
 * again (irq_check) so that it leaves its decoded blocks for the step path. */
static void update_armed(struct hart *h)
{
    bool armed = false;
    for (unsigned i = 0; i < TRIG_COUNT; i++) armed |= trigger_armed(h->trig.t[i].tdata1);
    if (armed && !h->trig.armed) h->irq_check = true;
    h->trig.armed = armed;
}

void trigger_reset(struct hart_triggers *tr)
{
    for (unsigned i = 0; i < TRIG_COUNT; i++) {
        if (tr->t[i].tdata1 & TRIG_DMODE) continue; /* the debugger's stay the debugger's */
        tr->t[i].tdata1 = (uint64_t)TRIG_TYPE_MCONTROL << 60;
        tr->t[i].tdata2 = 0;
    }
    tr->select = 0;
    tr->halted = false;
    tr->have_access = false;
    tr->after_mask = 0;
    bool armed = false;
    for (unsigned i = 0; i < TRIG_COUNT; i++) armed |= trigger_armed(tr->t[i].tdata1);
    tr->armed = armed;
}

/* Write tdata1 of trigger t with the rights of M-mode (debugger = false)
 * or of Debug Mode (the GDB stub).  The type decides the layout: 2 and 6
 * are made legal, 0 and 15 disable the trigger (type 15; spec: "Writing 0
 * to this register must result in a trigger that is disabled"), any other
 * type leaves the register as it was (as QEMU).  M-mode cannot set dmode
 * nor write a trigger whose dmode is 1. */
static void write_tdata1(struct hart *h, struct trigger *t, uint64_t v, bool debugger)
{
    if ((t->tdata1 & TRIG_DMODE) && !debugger) return;
    bool dmode = debugger && (v & TRIG_DMODE);
    switch (type_of(v)) {
    case TRIG_TYPE_NONE: case TRIG_TYPE_DISABLED:
        t->tdata1 = (uint64_t)TRIG_TYPE_DISABLED << 60 | (dmode ? TRIG_DMODE : 0);
        break;
    case TRIG_TYPE_MCONTROL: t->tdata1 = legal_mcontrol(v, dmode); break;
    case TRIG_TYPE_MCONTROL6: t->tdata1 = legal_mcontrol6(v, dmode, hart_has(h, ISA_H)); break;
    default: return;
    }
    update_armed(h);
}

/* tdata2 holds any 64-bit value (every address in every translation mode
 * and every data value); for an mcontrol6 NAPOT trigger with maskmax6 = 63,
 * bits 62:0 all ones are not a legal range and bit 62 is cleared (spec,
 * mcontrol6 match = 1). */
static void write_tdata2(struct trigger *t, uint64_t v, bool debugger)
{
    if ((t->tdata1 & TRIG_DMODE) && !debugger) return;
    if (type_of(t->tdata1) == TRIG_TYPE_MCONTROL6 && (match_of(t->tdata1) & 7) == 1 &&
        (v & ~(1ull << 63)) == ~(1ull << 63))
        v &= ~(1ull << 62);
    t->tdata2 = v;
}

bool trigger_csr_read(struct hart *h, unsigned csr, uint64_t *val)
{
    if (csr < CSR_TSELECT || csr > CSR_TINFO || !hart_has(h, ISA_SDTRIG)) return false;
    const struct trigger *t = &h->trig.t[h->trig.select];
    switch (csr) {
    case CSR_TSELECT: *val = h->trig.select; break;
    case CSR_TDATA1: *val = t->tdata1; break;
    case CSR_TDATA2: *val = t->tdata2; break;
    case CSR_TDATA3: *val = 0; break; /* textra64 with every field 0: no extra condition */
    default: *val = TINFO_VALUE; break;
    }
    return true;
}

bool trigger_csr_write(struct hart *h, unsigned csr, uint64_t val)
{
    if (csr < CSR_TSELECT || csr > CSR_TINFO || !hart_has(h, ISA_SDTRIG)) return false;
    struct trigger *t = &h->trig.t[h->trig.select];
    switch (csr) {
    case CSR_TSELECT:
        /* WARL: an index without a trigger leaves tselect as it was (QEMU) */
        if (val < TRIG_COUNT) h->trig.select = (unsigned)val;
        break;
    case CSR_TDATA1: write_tdata1(h, t, val, false); break;
    case CSR_TDATA2: write_tdata2(t, val, false); break;
    default: break; /* tdata3 (textra64, all fields hard-wired 0) and tinfo (read-only) */
    }
    return true;
}

/* ---- matching ---- */

/* One compare value c against tdata2 under match types 0-5 (spec, mcontrol
 * "match"), on the low bits that mask keeps. */
static bool compare_one(unsigned match, uint64_t c, uint64_t t, uint64_t mask)
{
    c &= mask;
    t &= mask;
    switch (match & 7) {
    case 0: return c == t;
    case 1: { /* NAPOT: the bits above the lowest 0 of tdata2 */
        uint64_t ones = ~t == 0 ? 64 : (uint64_t)__builtin_ctzll(~t);
        uint64_t keep = ones >= 63 ? 0 : ~0ull << (ones + 1);
        return ((c ^ t) & keep) == 0;
    }
    case 2: return c >= t;
    case 3: return c < t;
    case 4: return ((c & 0xffffffffull) & (t >> 32)) == (t & 0xffffffffull);
    case 5: return ((c >> 32) & (t >> 32)) == (t & 0xffffffffull);
    default: return false;
    }
}

/* A trigger's match on a set of compare values: n consecutive addresses
 * from first (select = 0), or the single value first (n = 1, under mask).
 * Match types 8, 9, 12, 13 match when their base type would not.  *hit is
 * the compare value that matched (the lowest one for a negated type). */
static bool compare_values(uint64_t tdata1, uint64_t tdata2, uint64_t first, unsigned n, uint64_t mask,
                           uint64_t *hit)
{
    unsigned match = match_of(tdata1);
    for (unsigned i = 0; i < n; i++)
        if (compare_one(match, first + i, tdata2, mask)) {
            *hit = first + i;
            return !(match & 8);
        }
    *hit = first;
    return (match & 8) != 0;
}

/* Whether trigger t may match in the hart's current mode.  Triggers with
 * action 0 follow the spec's first solution to re-entrancy (Sdtrig,
 * "Native Triggers"): they do not match in M-mode while mstatus.MIE is 0,
 * nor in S-mode while SIE is 0 if breakpoints are delegated (medeleg[3]);
 * tcontrol is not implemented. */
static bool mode_enabled(const struct hart *h, uint64_t tdata1)
{
    static const uint64_t mode_bit[4] = {TRIG_U, TRIG_S, 0, TRIG_M};
    /* with V = 1 only mcontrol6's vs and vu bits enable a trigger (mcontrol
     * has none: it never matches in VS or VU) */
    uint64_t bit = h->virt ? (type_of(tdata1) == TRIG_TYPE_MCONTROL6
                                  ? (h->priv == PRIV_S ? MCONTROL6_VS : MCONTROL6_VU) : 0)
                           : mode_bit[h->priv & 3];
    if (!(tdata1 & bit)) return false;
    if (action_of(tdata1) != 0) return true;
    if (h->priv == PRIV_M) return (h->mstatus & MSTATUS_MIE) != 0;
    if (h->priv == PRIV_S && ((h->medeleg >> EXC_BREAKPOINT) & 1)) return (h->mstatus & MSTATUS_SIE) != 0;
    return true;
}

static uint64_t low_bits(unsigned bytes) { return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1; }

/* Does trigger t match event kind (execute, load or store) with access
 * bit `bit`, at address addr of size bytes (an instruction's length for
 * execute), data value `data` (the instruction's bits, the value stored or
 * loaded; has_data false: no data compare possible)?  *tval: the address
 * to report. */
static bool trigger_matches(const struct hart *h, uint64_t tdata1, uint64_t tdata2, uint64_t bit, uint64_t addr,
                            unsigned size, bool has_data, uint64_t data, uint64_t *tval)
{
    if (!(tdata1 & bit) || !is_match_type(tdata1) || !mode_enabled(h, tdata1)) return false;
    unsigned want = size_bytes(tdata1);
    if (size > 8) { /* cbo.zero: only size any, select 0 (spec, "Cache Operations") */
        if (want || select_of(tdata1)) return false;
    } else if (want && want != size) {
        return false;
    }
    uint64_t hit;
    if (!select_of(tdata1)) {
        if (!compare_values(tdata1, tdata2, addr, size, ~0ull, &hit)) return false;
        *tval = hit;
        return true;
    }
    if (!has_data || !compare_values(tdata1, tdata2, data & low_bits(size), 1, low_bits(size), &hit)) return false;
    *tval = addr;
    return true;
}

/* Whether trigger i fires after the instruction rather than before it:
 * mcontrol's timing bit; for mcontrol6 (no timing bit) a load-data match
 * (spec, table "Suggested Trigger Timings"), which is only known after. */
static bool fires_after(uint64_t tdata1, bool load_data)
{
    if (type_of(tdata1) == TRIG_TYPE_MCONTROL) return (tdata1 & MCONTROL_TIMING) != 0;
    return load_data;
}

/* Take the action of the triggers in `fired` (a mask; before: timing before).
 * The debugger's action 1 wins over a breakpoint exception (the spec
 * allows doing only that when both fire); hit is set on every trigger that
 * fired except the debugger's (the guest does not see those change). */
static void fire(struct hart *h, unsigned fired, bool before, enum trig_kind kind, const uint64_t *tval)
{
    int halt = -1, brk = -1;
    for (unsigned i = 0; i < TRIG_COUNT; i++) {
        if (!((fired >> i) & 1)) continue;
        struct trigger *t = &h->trig.t[i];
        if (action_of(t->tdata1) == 1) {
            if (halt < 0) halt = (int)i;
            continue;
        }
        if (brk < 0) brk = (int)i;
        if (type_of(t->tdata1) == TRIG_TYPE_MCONTROL) t->tdata1 |= MCONTROL_HIT;
        else t->tdata1 = (t->tdata1 & ~(MCONTROL6_HIT1 | MCONTROL6_HIT0)) |
                         (before ? MCONTROL6_HIT0 : MCONTROL6_HIT1 | MCONTROL6_HIT0); /* 1 before, 3 just after */
    }
    if (halt >= 0) {
        h->trig.halted = true;
        h->trig.halt_index = halt;
        h->trig.halt_kind = kind;
        h->trig.halt_addr = tval[halt];
        return;
    }
    if (brk >= 0) { /* taken at once; hart_raise sets what the trap reports beside tval (GVA with V = 1) */
        hart_raise(h, EXC_BREAKPOINT, tval[brk]);
        h->trap_pending = false;
        hart_trap(h, EXC_BREAKPOINT, tval[brk]);
    }
}

/* Match every trigger against one event (see trigger_matches); the ones
 * that fire now go to *now, the ones that fire after the instruction to
 * h->trig.after_mask.  skip_debug passes over the debugger's triggers
 * (trigger_debug_resume with step_over). */
static void match_event(struct hart *h, uint64_t bit, uint64_t addr, unsigned size, bool has_data, uint64_t data,
                        bool load_data, bool skip_debug, unsigned *now, uint64_t *tval)
{
    for (unsigned i = 0; i < TRIG_COUNT; i++) {
        const struct trigger *t = &h->trig.t[i];
        if (skip_debug && action_of(t->tdata1) == 1) continue;
        if (load_data != ((t->tdata1 & TRIG_LOAD) && select_of(t->tdata1) && bit == TRIG_LOAD)) continue;
        uint64_t a;
        if (!trigger_matches(h, t->tdata1, t->tdata2, bit, addr, size, has_data, data, &a)) continue;
        if (!load_data && fires_after(t->tdata1, false)) {
            if (!((h->trig.after_mask >> i) & 1)) h->trig.after_tval = a;
            h->trig.after_mask |= 1u << i;
        } else {
            now[0] |= 1u << i;
            tval[i] = a;
        }
    }
}

bool trigger_before(struct hart *h, const struct insn *d)
{
    struct hart_triggers *tr = &h->trig;
    tr->have_access = false;
    tr->after_mask = 0;
    bool skip_debug = tr->skip_debug;
    tr->skip_debug = false;
    uint64_t tval[TRIG_COUNT] = {0};
    unsigned now = 0;
    /* execute: address before (highest priority of the trigger matches), then opcode */
    match_event(h, TRIG_EXECUTE, h->pc, d->len, true, d->raw, false, skip_debug, &now, tval);
    if (now) {
        fire(h, now, true, TRIG_HIT_EXECUTE, tval);
        return true;
    }
    /* loads and stores: address before, store data before (spec, "Priority"
     * table: with illegal instruction, before misaligned and page faults) */
    if (!insn_access_of(d->raw, d, h->x, &tr->acc)) return false;
    tr->have_access = true;
    const struct insn_access *a = &tr->acc;
    if (a->reads && !a->sc) match_event(h, TRIG_LOAD, a->addr, a->size, false, 0, false, skip_debug, &now, tval);
    enum trig_kind kind = now ? TRIG_HIT_LOAD : TRIG_HIT_STORE;
    if (a->writes) {
        /* store data: the register's value at the access's width; an AMO's
         * is computed, and whether it matches is UNSPECIFIED: it does not */
        uint64_t data = a->fp_data ? h->f[a->data_reg] : h->x[a->data_reg];
        match_event(h, TRIG_STORE, a->addr, a->size, !a->amo, data, false, skip_debug, &now, tval);
    }
    if (!now) return false;
    fire(h, now, true, kind, tval);
    return true;
}

void trigger_after(struct hart *h, const struct insn *d)
{
    struct hart_triggers *tr = &h->trig;
    uint64_t tval[TRIG_COUNT] = {0};
    unsigned now = 0;
    enum trig_kind kind = TRIG_HIT_EXECUTE;
    if (tr->have_access && tr->acc.reads && !tr->acc.sc && tr->acc.size <= 8) {
        /* load data (spec: a load to x0 need not match, and here does not) */
        bool fp = (insn_table[d->row].dis & DIS_RD_F) != 0;
        if (fp || d->rd != 0) {
            uint64_t v = fp ? h->f[d->rd] : h->x[d->rd];
            match_event(h, TRIG_LOAD, tr->acc.addr, tr->acc.size, true, v, true, false, &now, tval);
            if (now) kind = TRIG_HIT_LOAD;
        }
    }
    for (unsigned i = 0; i < TRIG_COUNT; i++)
        if ((tr->after_mask >> i) & 1) {
            now |= 1u << i;
            tval[i] = tr->after_tval;
            uint64_t t1 = tr->t[i].tdata1;
            if (kind == TRIG_HIT_EXECUTE && !(t1 & TRIG_EXECUTE)) kind = (t1 & TRIG_STORE) ? TRIG_HIT_STORE : TRIG_HIT_LOAD;
        }
    tr->after_mask = 0;
    tr->have_access = false;
    if (now) fire(h, now, false, kind, tval);
}

/* ---- the debugger's side ---- */

int trigger_debug_claim(struct hart *h, uint64_t tdata1, uint64_t tdata2)
{
    for (int i = TRIG_COUNT - 1; i >= 0; i--) {
        struct trigger *t = &h->trig.t[i];
        if ((t->tdata1 & TRIG_DMODE) || trigger_armed(t->tdata1)) continue;
        write_tdata1(h, t, 0, true);
        write_tdata2(t, tdata2, true);
        write_tdata1(h, t, tdata1 | TRIG_DMODE | (1ull << TRIG_ACTION_SHIFT), true);
        uint64_t want = (tdata1 & ~(0xfull << TRIG_ACTION_SHIFT)) | TRIG_DMODE | (1ull << TRIG_ACTION_SHIFT);
        if (t->tdata1 != want) { /* not a configuration Pagoda has */
            trigger_debug_release(h, i);
            return -1;
        }
        return i;
    }
    return -1;
}

void trigger_debug_release(struct hart *h, int index)
{
    if (index < 0 || index >= TRIG_COUNT) return;
    struct trigger *t = &h->trig.t[index];
    t->tdata1 = (uint64_t)TRIG_TYPE_DISABLED << 60;
    t->tdata2 = 0;
    update_armed(h);
}

void trigger_debug_resume(struct hart *h, bool step_over)
{
    if (!h->trig.halted) return;
    h->trig.halted = false;
    h->trig.skip_debug = step_over;
}
