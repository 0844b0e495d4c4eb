/* The SBI Performance Monitoring Unit extension (SBI 2.0, chapter
 * "Performance Monitoring Unit Extension", EID 0x504D55 "PMU") over
 * Pagoda's counters: logical counter i is the hardware counter of CSR
 * 0xC00 + i (0 cycle, 2 instret, 3..31 mhpmcounter3..31; 1, time, cannot
 * be configured).  Events (docs/MMU.md, "Performance counters"): the
 * general events CPU_CYCLES and INSTRUCTIONS, the hardware-cache events
 * DTLB read and write misses and ITLB read misses, and raw events whose
 * event_data is an mhpmevent value of cpu/hpm.h.  No firmware counters,
 * no overflow interrupts (no Sscofpmf), no snapshot memory. */
#include "fw.h"

#define SBI_SUCCESS 0
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_ALREADY_STARTED (-7)
#define SBI_ERR_ALREADY_STOPPED (-8)

#define NCOUNTERS 32
#define HPM_MASK 0xfffffff8UL   /* the programmable counters 3..31 */
#define CFG_SKIP_MATCH (1UL << 0)
#define CFG_CLEAR_VALUE (1UL << 1)
#define CFG_AUTO_START (1UL << 2)
#define START_SET_INIT_VALUE (1UL << 0)
#define STOP_RESET (1UL << 0)

/* mhpmevent values of cpu/hpm.h that the cache events name */
#define HPM_DTLB_LOAD_MISS 1
#define HPM_DTLB_STORE_MISS 2
#define HPM_ITLB_MISS 3
#define HPM_NEVENTS 14

/* Counters configured for an event (by config_matching), per hart. */
static unsigned long in_use[MAX_HARTS];

static void write_mhpmevent(unsigned i, unsigned long v)
{
	switch (i) {
#define W(n) case n: __asm__ volatile("csrw %0, %1" ::"i"(0x320 + n), "r"(v)); break;
	W(3) W(4) W(5) W(6) W(7) W(8) W(9) W(10) W(11) W(12) W(13) W(14) W(15) W(16) W(17)
	W(18) W(19) W(20) W(21) W(22) W(23) W(24) W(25) W(26) W(27) W(28) W(29) W(30) W(31)
#undef W
	}
}

/* The counter's value (machine view: mcycle, minstret, mhpmcounterN). */
static void write_counter(unsigned i, unsigned long v)
{
	switch (i) {
	case 0: __asm__ volatile("csrw mcycle, %0" ::"r"(v)); break;
	case 2: __asm__ volatile("csrw minstret, %0" ::"r"(v)); break;
#define W(n) case n: __asm__ volatile("csrw %0, %1" ::"i"(0xb00 + n), "r"(v)); break;
	W(3) W(4) W(5) W(6) W(7) W(8) W(9) W(10) W(11) W(12) W(13) W(14) W(15) W(16) W(17)
	W(18) W(19) W(20) W(21) W(22) W(23) W(24) W(25) W(26) W(27) W(28) W(29) W(30) W(31)
#undef W
	}
}

/* Which counters can count event_idx (with event_data for raw events),
 * and the mhpmevent value that selects it (0 for cycle and instret). */
static unsigned long event_counters(unsigned long event_idx, unsigned long event_data, unsigned long *sel)
{
	unsigned long type = (event_idx >> 16) & 0xf, code = event_idx & 0xffff;
	*sel = 0;
	switch (type) {
	case 0: /* general events: 1 CPU_CYCLES, 2 INSTRUCTIONS */
		return code == 1 ? 1UL << 0 : code == 2 ? 1UL << 2 : 0;
	case 1: /* hardware cache: code = cache_id << 3 | op_id << 1 | result_id */
		if (code == (3 << 3 | 0 << 1 | 1)) /* DTLB, READ, MISS */
			*sel = HPM_DTLB_LOAD_MISS;
		else if (code == (3 << 3 | 1 << 1 | 1)) /* DTLB, WRITE, MISS */
			*sel = HPM_DTLB_STORE_MISS;
		else if (code == (4 << 3 | 0 << 1 | 1)) /* ITLB, READ, MISS */
			*sel = HPM_ITLB_MISS;
		return *sel ? HPM_MASK : 0;
	case 2: /* raw: event_data is the mhpmevent value */
		if (code != 0 || event_data == 0 || event_data >= HPM_NEVENTS)
			return 0;
		*sel = event_data;
		return HPM_MASK;
	default: /* firmware events and the rest: none */
		return 0;
	}
}

/* The counters base + bits of mask, or 0 when one does not exist. */
static unsigned long counters_of(unsigned long base, unsigned long mask)
{
	if (base >= NCOUNTERS || (mask && base + 63 - (unsigned long)__builtin_clzl(mask) >= NCOUNTERS))
		return 0;
	return (mask << base) & ~(1UL << 1); /* time is not a PMU counter */
}

static void inhibit(unsigned long bits, int on)
{
	if (on)
		__asm__ volatile("csrs mcountinhibit, %0" ::"r"(bits));
	else
		__asm__ volatile("csrc mcountinhibit, %0" ::"r"(bits));
}

long sbi_pmu(unsigned long hart, unsigned long fid, unsigned long *a, unsigned long *val)
{
	unsigned long sel, set;
	switch (fid) {
	case 0: /* num_counters */
		*val = NCOUNTERS;
		return SBI_SUCCESS;
	case 1: /* counter_get_info: csr[11:0], width - 1 [17:12], type [XLEN-1] = 0 (hardware) */
		if (a[0] >= NCOUNTERS || a[0] == 1)
			return SBI_ERR_INVALID_PARAM;
		*val = (0xc00 + a[0]) | (63UL << 12);
		return SBI_SUCCESS;
	case 2: { /* counter_config_matching(base, mask, flags, event_idx, event_data) */
		unsigned long cand = counters_of(a[0], a[1]), can = event_counters(a[3], a[4], &sel);
		if (!cand || !(cand & can))
			return (cand && !can) ? SBI_ERR_NOT_SUPPORTED : SBI_ERR_INVALID_PARAM;
		unsigned long i;
		if (a[2] & CFG_SKIP_MATCH) { /* the first counter of the mask, already configured */
			i = (unsigned long)__builtin_ctzl(cand);
			if (!(in_use[hart] & (1UL << i)))
				return SBI_ERR_INVALID_PARAM;
		} else {
			unsigned long free = cand & can & ~in_use[hart];
			if (!free)
				return SBI_ERR_NOT_SUPPORTED;
			i = (unsigned long)__builtin_ctzl(free);
			inhibit(1UL << i, 1);
			if (i >= 3)
				write_mhpmevent((unsigned)i, sel);
			in_use[hart] |= 1UL << i;
		}
		if (a[2] & CFG_CLEAR_VALUE)
			write_counter((unsigned)i, 0);
		if (a[2] & CFG_AUTO_START)
			inhibit(1UL << i, 0);
		*val = i;
		return SBI_SUCCESS;
	}
	case 3: /* counter_start(base, mask, flags, initial_value) */
		set = counters_of(a[0], a[1]);
		if (!set || (set & ~in_use[hart]))
			return SBI_ERR_INVALID_PARAM;
		if (!(csr_read(mcountinhibit) & set))
			return SBI_ERR_ALREADY_STARTED;
		for (unsigned i = 0; i < NCOUNTERS; i++)
			if ((set >> i) & 1 && (a[2] & START_SET_INIT_VALUE))
				write_counter(i, a[3]);
		inhibit(set, 0);
		return SBI_SUCCESS;
	case 4: /* counter_stop(base, mask, flags) */
		set = counters_of(a[0], a[1]);
		if (!set || (set & ~in_use[hart]))
			return SBI_ERR_INVALID_PARAM;
		if ((csr_read(mcountinhibit) & set) == set && !(a[2] & STOP_RESET))
			return SBI_ERR_ALREADY_STOPPED;
		inhibit(set, 1);
		if (a[2] & STOP_RESET) {
			in_use[hart] &= ~set;
			for (unsigned i = 3; i < NCOUNTERS; i++)
				if ((set >> i) & 1)
					write_mhpmevent(i, 0);
			inhibit(set & 5, 0); /* cycle and instret run when free, as after reset */
		}
		return SBI_SUCCESS;
	case 5: /* counter_fw_read: no firmware counters */
	default:
		return SBI_ERR_NOT_SUPPORTED;
	}
}

void pmu_init_hart(unsigned long hart)
{
	in_use[hart] = 0;
	inhibit(HPM_MASK, 1); /* the programmable counters stay still until started */
}
