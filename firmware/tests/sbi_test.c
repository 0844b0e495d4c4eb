/* S-mode SBI test payload for Pagoda's firmware (also runs on QEMU virt).
 * Prints "SBI TEST PASS" and powers off through SRST, or prints
 * "SBI TEST FAIL <reason>" and powers off with a failure reason. */
#include <stdint.h>

struct sbiret {
	long error;
	long value;
};

static struct sbiret sbi(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
			 unsigned long a2, unsigned long a3, unsigned long a4)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r4 __asm__("a4") = a4;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = eid;
	__asm__ volatile("ecall"
			 : "+r"(r0), "+r"(r1)
			 : "r"(r2), "r"(r3), "r"(r4), "r"(r6), "r"(r7)
			 : "memory");
	return (struct sbiret){(long)r0, (long)r1};
}

#define EXT_BASE 0x10
#define EXT_TIME 0x54494D45
#define EXT_IPI 0x735049
#define EXT_RFENCE 0x52464E43
#define EXT_HSM 0x48534D
#define EXT_SRST 0x53525354
#define EXT_DBCN 0x4442434E
#define EXT_PMU 0x504D55

/* hpmcounterN (3..31) by number */
static unsigned long read_hpmcounter(unsigned long n)
{
	unsigned long v = 0;
	switch (n) {
#define R(k) case k: __asm__ volatile("csrr %0, %1" : "=r"(v) : "i"(0xc00 + k)); break;
	R(3) R(4) R(5) R(6) R(7) R(8) R(9) R(10) R(11) R(12) R(13) R(14) R(15) R(16) R(17)
	R(18) R(19) R(20) R(21) R(22) R(23) R(24) R(25) R(26) R(27) R(28) R(29) R(30) R(31)
#undef R
	}
	return v;
}

#define csr_read(csr) ({ unsigned long __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)::"memory"); __v; })
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" ::"r"(v) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" ::"r"(v) : "memory")

#define TIMEOUT 50000000UL /* 5 s at the virt board's 10 MHz timebase */

static volatile struct {
	unsigned int print_lock;
	long timer_hits[64];
	long ssi_hits[64];
	long started;
	long phase;
	long bad_opaque;
	long expect_misaligned_trap;
	long misaligned_trap_cause, misaligned_trap_tval, misaligned_trap_epc;
} g;

static void putc_(char c) { sbi(EXT_DBCN, 2, (unsigned char)c, 0, 0, 0, 0); }

static void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

static void putu(unsigned long v, int base)
{
	char b[24];
	int n = 0;
	do {
		b[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		putc_(b[--n]);
}

static void lock(void)
{
	while (__atomic_exchange_n(&g.print_lock, 1, __ATOMIC_ACQUIRE))
		;
}
static void unlock(void) { __atomic_store_n(&g.print_lock, 0, __ATOMIC_RELEASE); }

static void __attribute__((noreturn)) fail(const char *why, long v)
{
	lock();
	puts_("SBI TEST FAIL ");
	puts_(why);
	puts_(" (");
	if (v < 0) {
		putc_('-');
		v = -v;
	}
	putu((unsigned long)v, 10);
	puts_(")\n");
	sbi(EXT_SRST, 0, 0, 1, 0, 0, 0); /* shutdown, system failure */
	for (;;)
		;
}

static void check(int ok, const char *why, long v)
{
	if (!ok)
		fail(why, v);
}

static unsigned long rdtime(void) { return csr_read(time); }
static unsigned long hartid_of_sp(void);

void s_trap(void)
{
	unsigned long cause = csr_read(scause);
	unsigned long h = hartid_of_sp();
	if (cause == ((1UL << 63) | 5)) { /* STI */
		sbi(EXT_TIME, 0, ~0UL, 0, 0, 0, 0); /* clears the pending STIP */
		g.timer_hits[h]++;
	} else if (cause == ((1UL << 63) | 1)) { /* SSI */
		csr_clear(sip, 2UL);
		g.ssi_hits[h]++;
	} else if ((cause == 4 || cause == 6) && g.expect_misaligned_trap) {
		/* misaligned AMO: the firmware cannot emulate it and must hand it
		 * to S-mode with the original cause, sepc and stval */
		g.misaligned_trap_cause = (long)cause;
		g.misaligned_trap_tval = (long)csr_read(stval);
		g.misaligned_trap_epc = (long)csr_read(sepc);
		__asm__ volatile("csrw sepc, %0" ::"r"(csr_read(sepc) + 4));
	} else {
		fail("unexpected trap, scause", (long)cause);
	}
}

extern char stacks[];
extern char secondary_start[];
static unsigned long secondary_start_addr(void) { return (unsigned long)secondary_start; }
static unsigned long hartid_of_sp(void)
{
	unsigned long sp;
	__asm__ volatile("mv %0, sp" : "=r"(sp));
	return (sp - (unsigned long)stacks) >> 13;
}

static void wait_for(volatile long *p, long want, const char *what)
{
	unsigned long t0 = rdtime();
	while (*p < want)
		if (rdtime() - t0 > TIMEOUT)
			fail(what, *p);
}

void secondary_main(unsigned long hartid, unsigned long opaque)
{
	if (opaque != 0x5000 + hartid)
		g.bad_opaque++;
	csr_set(sie, 2UL);
	csr_set(sstatus, 2UL);
	lock();
	puts_("  hart ");
	putu(hartid, 10);
	puts_(" started\n");
	unlock();
	__atomic_fetch_add(&g.started, 1, __ATOMIC_RELEASE);
	while (g.phase < 2)
		__asm__ volatile("wfi");
	struct sbiret r = sbi(EXT_HSM, 1, 0, 0, 0, 0, 0); /* hart_stop: does not return */
	fail("hart_stop returned", r.error);
}

static void misaligned_tests(void)
{
	static uint8_t buf[64] __attribute__((aligned(16)));
	for (int i = 0; i < 64; i++)
		buf[i] = (uint8_t)(0x80 + i);
	volatile uint8_t *p = buf + 1;
	unsigned long v;
	__asm__ volatile("ld %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
	check(v == 0x8887868584838281UL, "misaligned ld", (long)v);
	__asm__ volatile("lw %0, 2(%1)" : "=r"(v) : "r"(p) : "memory");
	check(v == 0xffffffff86858483UL, "misaligned lw", (long)v);
	__asm__ volatile("lhu %0, 4(%1)" : "=r"(v) : "r"(p) : "memory");
	check(v == 0x8685UL, "misaligned lhu", (long)v);
	v = 0x1122334455667788UL;
	__asm__ volatile("sd %0, 8(%1)" ::"r"(v), "r"(p) : "memory");
	check(buf[9] == 0x88 && buf[16] == 0x11, "misaligned sd", buf[9]);
	__asm__ volatile("sw %0, 20(%1)" ::"r"(v), "r"(p) : "memory");
	check(buf[21] == 0x88 && buf[24] == 0x55, "misaligned sw", buf[21]);
	/* compressed forms: c.ld / c.sd need x8..x15 */
	register unsigned long ra_ __asm__("a4");
	register volatile uint8_t *rb __asm__("a5") = buf + 3;
	__asm__ volatile(".option push\n.option rvc\nc.ld a4, 8(a5)\n.option pop" : "=r"(ra_) : "r"(rb) : "memory");
	v = ra_;
	unsigned long want = 0;
	for (int i = 7; i >= 0; i--)
		want = (want << 8) | buf[11 + i];
	check(v == want, "misaligned c.ld", (long)v);
	ra_ = 0xa1a2a3a4a5a6a7a8UL;
	__asm__ volatile(".option push\n.option rvc\nc.sd a4, 32(a5)\n.option pop" ::"r"(ra_), "r"(rb) : "memory");
	check(buf[35] == 0xa8 && buf[42] == 0xa1, "misaligned c.sd", buf[35]);
	/* FP */
	double d = 1.5, e = 0;
	__asm__ volatile("fsd %1, 0(%0)" ::"r"(buf + 45), "f"(d) : "memory");
	__asm__ volatile("fld %0, 0(%1)" : "=f"(e) : "r"(buf + 45) : "memory");
	check(e == 1.5, "misaligned fsd/fld", (long)e);
	/* misaligned AMO traps (QEMU and Pagoda): must reach S-mode unchanged */
	g.expect_misaligned_trap = 1;
	unsigned long amo_pc;
	__asm__ volatile(".option push\n.option norvc\n1: amoadd.w zero, %1, (%2)\n.option pop\nla %0, 1b"
			 : "=r"(amo_pc) : "r"(1UL), "r"(buf + 50) : "memory");
	g.expect_misaligned_trap = 0;
	if (g.misaligned_trap_cause) {
		/* 6 per the ISA; QEMU's single-threaded AMO path reports 4 */
		check(g.misaligned_trap_cause == 6 || g.misaligned_trap_cause == 4,
		      "misaligned AMO scause", g.misaligned_trap_cause);
		check(g.misaligned_trap_tval == (long)(buf + 50), "misaligned AMO stval", g.misaligned_trap_tval);
		check(g.misaligned_trap_epc == (long)amo_pc, "misaligned AMO sepc", g.misaligned_trap_epc);
	}
}

void test_main(unsigned long hartid, unsigned long dtb)
{
	struct sbiret r;
	(void)dtb;
	/* .bss may not be cleared by every loader: start from zero. */
	for (unsigned long i = 0; i < sizeof(g); i++)
		((volatile char *)&g)[i] = 0;

	puts_("SBI test: boot hart ");
	putu(hartid, 10);
	putc_('\n');

	/* BASE */
	r = sbi(EXT_BASE, 0, 0, 0, 0, 0, 0);
	check(r.error == 0 && r.value == 0x02000000, "spec version", r.value);
	r = sbi(EXT_BASE, 1, 0, 0, 0, 0, 0);
	puts_("  impl id 0x");
	putu((unsigned long)r.value, 16);
	r = sbi(EXT_BASE, 2, 0, 0, 0, 0, 0);
	puts_(" version 0x");
	putu((unsigned long)r.value, 16);
	putc_('\n');
	static const unsigned long exts[] = {EXT_TIME, EXT_IPI, EXT_RFENCE, EXT_HSM, EXT_SRST, EXT_DBCN, EXT_PMU};
	for (unsigned i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		r = sbi(EXT_BASE, 3, exts[i], 0, 0, 0, 0);
		check(r.error == 0 && r.value == 1, "probe_extension", (long)exts[i]);
	}
	r = sbi(EXT_BASE, 3, 0x0abcdef0, 0, 0, 0, 0);
	check(r.error == 0 && r.value == 0, "probe of unknown extension", r.value);
	r = sbi(0x0abcdef0, 0, 0, 0, 0, 0, 0);
	check(r.error == -2, "unknown EID", r.error);
	r = sbi(EXT_BASE, 99, 0, 0, 0, 0, 0);
	check(r.error == -2, "unknown BASE FID", r.error);

	/* DBCN */
	static const char msg[] = "  DBCN console_write ok\n";
	r = sbi(EXT_DBCN, 0, sizeof(msg) - 1, (unsigned long)msg, 0, 0, 0);
	check(r.error == 0 && r.value == sizeof(msg) - 1, "console_write", r.error);
	r = sbi(EXT_DBCN, 0, 4, 0x80000000UL, 0, 0, 0); /* the firmware's own memory */
	check(r.error == -3, "console_write from firmware memory", r.error);
	r = sbi(EXT_DBCN, 0, 4, 0x00000100UL, 0, 0, 0); /* a hole in the memory map */
	check(r.error == -3, "console_write from a hole", r.error);

	/* PMU (SBI chapter "Performance Monitoring Unit Extension"): counters
	 * 0 and 2..31 are hardware counters of CSR 0xC00 + i, 64 bits wide;
	 * the DTLB read-miss cache event takes one of 3..31; start and stop
	 * with their flags and errors */
	r = sbi(EXT_PMU, 0, 0, 0, 0, 0, 0);
	check(r.error == 0 && r.value == 32, "pmu num_counters", r.value);
	r = sbi(EXT_PMU, 1, 0, 0, 0, 0, 0);
	check(r.error == 0 && r.value == (0xc00 | 63UL << 12), "pmu counter_get_info(0)", r.value);
	r = sbi(EXT_PMU, 1, 31, 0, 0, 0, 0);
	check(r.error == 0 && r.value == (0xc1f | 63UL << 12), "pmu counter_get_info(31)", r.value);
	r = sbi(EXT_PMU, 1, 1, 0, 0, 0, 0);
	check(r.error == -3, "pmu counter_get_info(time)", r.error);
	r = sbi(EXT_PMU, 1, 32, 0, 0, 0, 0);
	check(r.error == -3, "pmu counter_get_info(32)", r.error);
	/* config_matching: CLEAR_VALUE | AUTO_START, DTLB READ MISS */
	r = sbi(EXT_PMU, 2, 0, 0xffffffffUL, 2 | 4, 0x10019, 0);
	check(r.error == 0 && r.value >= 3 && r.value <= 31, "pmu config_matching dTLB-load-misses", r.error);
	unsigned long c = (unsigned long)r.value;
	r = sbi(EXT_PMU, 3, c, 1, 0, 0, 0);
	check(r.error == -7, "pmu start of a started counter", r.error);
	r = sbi(EXT_PMU, 4, c, 1, 0, 0, 0);
	check(r.error == 0, "pmu counter_stop", r.error);
	r = sbi(EXT_PMU, 4, c, 1, 0, 0, 0);
	check(r.error == -8, "pmu stop of a stopped counter", r.error);
	r = sbi(EXT_PMU, 3, c, 1, 1, 1000, 0); /* SET_INIT_VALUE */
	check(r.error == 0 && read_hpmcounter(c) >= 1000, "pmu counter_start with an initial value", r.error);
	r = sbi(EXT_PMU, 2, 0, 0xffffffffUL, 0, 0x00002, 0);
	check(r.error == 0 && r.value == 2, "pmu config_matching instructions", r.value);
	r = sbi(EXT_PMU, 4, 2, 1, 1, 0, 0); /* RESET */
	check(r.error == 0, "pmu stop and reset instret", r.error);
	r = sbi(EXT_PMU, 2, 0, 0xffffffffUL, 0, 0x20000, 7); /* raw: walks */
	check(r.error == 0 && r.value >= 3 && (unsigned long)r.value != c, "pmu config_matching raw event", r.value);
	r = sbi(EXT_PMU, 4, (unsigned long)r.value, 1, 1, 0, 0);
	check(r.error == 0, "pmu stop and reset the raw counter", r.error);
	r = sbi(EXT_PMU, 2, 0, 0xffffffffUL, 0, 0x10000, 0); /* L1D read access: not offered */
	check(r.error == -2, "pmu config_matching of an event not offered", r.error);
	r = sbi(EXT_PMU, 4, c, 1, 1, 0, 0);
	check(r.error == 0, "pmu stop and reset", r.error);
	r = sbi(EXT_PMU, 3, c, 1, 0, 0, 0);
	check(r.error == -3, "pmu start of a counter no longer configured", r.error);
	r = sbi(EXT_PMU, 5, 0, 0, 0, 0, 0);
	check(r.error == -2, "pmu counter_fw_read (no firmware counters)", r.error);

	/* TIME: one timer interrupt */
	csr_set(sie, (1UL << 5) | (1UL << 1));
	csr_set(sstatus, 2UL);
	unsigned long t0 = rdtime();
	r = sbi(EXT_TIME, 0, t0 + 100000, 0, 0, 0, 0);
	check(r.error == 0, "set_timer", r.error);
	wait_for(&g.timer_hits[hartid], 1, "timer interrupt");
	check(rdtime() - t0 >= 100000, "timer fired early", (long)(rdtime() - t0));
	puts_("  TIME ok\n");

	/* HSM suspend (default retentive) woken by a timer */
	csr_clear(sstatus, 2UL); /* the timer may fire before the suspend call */
	r = sbi(EXT_TIME, 0, rdtime() + 20000, 0, 0, 0, 0);
	r = sbi(EXT_HSM, 3, 0, 0, 0, 0, 0);
	check(r.error == 0, "hart_suspend", r.error);
	csr_set(sstatus, 2UL);
	wait_for(&g.timer_hits[hartid], 2, "timer after suspend");

	/* IPI to self */
	r = sbi(EXT_IPI, 0, 1, hartid, 0, 0, 0);
	check(r.error == 0, "send_ipi self", r.error);
	wait_for(&g.ssi_hits[hartid], 1, "self IPI");
	r = sbi(EXT_IPI, 0, 1, 64, 0, 0, 0);
	check(r.error == -3, "send_ipi to invalid hart", r.error);
	puts_("  IPI ok\n");

	/* HSM: start every other hart */
	r = sbi(EXT_HSM, 2, hartid, 0, 0, 0, 0);
	check(r.error == 0 && r.value == 0, "own hart status", r.value);
	r = sbi(EXT_HSM, 0, hartid, (unsigned long)secondary_start_addr(), 0, 0, 0);
	check(r.error == -6, "hart_start of self", r.error);
	unsigned long others = 0;
	long n = 0;
	for (unsigned long h = 0; h < 64; h++) {
		if (h == hartid)
			continue;
		r = sbi(EXT_HSM, 2, h, 0, 0, 0, 0);
		if (r.error)
			continue;
		check(r.value == 1, "initial hart status not STOPPED", r.value);
		r = sbi(EXT_HSM, 0, h, (unsigned long)secondary_start_addr(), 0x5000 + h, 0, 0);
		check(r.error == 0, "hart_start", r.error);
		others |= 1UL << h;
		n++;
	}
	wait_for(&g.started, n, "secondary harts starting");
	check(g.bad_opaque == 0, "opaque argument", g.bad_opaque);
	puts_("  HSM start ok, ");
	putu((unsigned long)n + 1, 10);
	puts_(" harts running\n");

	/* IPI to all (hart_mask_base = -1) */
	r = sbi(EXT_IPI, 0, 0, ~0UL, 0, 0, 0);
	check(r.error == 0, "send_ipi all", r.error);
	wait_for(&g.ssi_hits[hartid], 2, "broadcast IPI (self)");
	for (unsigned long h = 0; h < 64; h++)
		if (others & (1UL << h))
			wait_for(&g.ssi_hits[h], 1, "broadcast IPI (other hart)");
	puts_("  IPI broadcast ok\n");

	/* RFENCE on all harts */
	r = sbi(EXT_RFENCE, 0, 0, ~0UL, 0, 0, 0);
	check(r.error == 0, "remote_fence_i", r.error);
	r = sbi(EXT_RFENCE, 1, 0, ~0UL, 0, 0, 0);
	check(r.error == 0, "remote_sfence_vma full", r.error);
	r = sbi(EXT_RFENCE, 1, 0, ~0UL, 0x1000, 0x3000, 0);
	check(r.error == 0, "remote_sfence_vma range", r.error);
	r = sbi(EXT_RFENCE, 2, 0, ~0UL, 0, ~0UL, 1);
	check(r.error == 0, "remote_sfence_vma_asid", r.error);
	r = sbi(EXT_RFENCE, 2, others | (1UL << hartid), 0, 0x40000000, 0x2000, 7);
	check(r.error == 0, "remote_sfence_vma_asid mask", r.error);
	r = sbi(EXT_RFENCE, 3, 0, ~0UL, 0, 0, 0);
	check(r.error == -2, "hfence without H", r.error);
	puts_("  RFENCE ok\n");

	misaligned_tests();
	puts_(g.misaligned_trap_cause ? "  misaligned ok (AMO trap redirected)\n" : "  misaligned ok\n");

	/* HSM stop, then restart one hart and stop it again */
	g.phase = 2;
	__asm__ volatile("fence" ::: "memory");
	if (others)
		sbi(EXT_IPI, 0, others, 0, 0, 0, 0); /* wake them from wfi */
	for (unsigned long h = 0; h < 64; h++) {
		if (!(others & (1UL << h)))
			continue;
		unsigned long t = rdtime();
		do {
			r = sbi(EXT_HSM, 2, h, 0, 0, 0, 0);
			check(rdtime() - t < TIMEOUT, "hart_stop", r.value);
		} while (r.value != 1);
	}
	if (others) {
		unsigned long h = __builtin_ctzl(others);
		r = sbi(EXT_HSM, 0, h, (unsigned long)secondary_start_addr(), 0x5000 + h, 0, 0);
		check(r.error == 0, "hart_start after stop", r.error);
		wait_for(&g.started, n + 1, "restarted hart");
		sbi(EXT_IPI, 0, 1UL << h, 0, 0, 0, 0);
		unsigned long t = rdtime();
		do {
			r = sbi(EXT_HSM, 2, h, 0, 0, 0, 0);
			check(rdtime() - t < TIMEOUT, "second hart_stop", r.value);
		} while (r.value != 1);
	}
	puts_("  HSM stop/restart ok\n");

	puts_("SBI TEST PASS\n");
	sbi(EXT_SRST, 0, 0, 0, 0, 0, 0);
	fail("system_reset returned", 0);
}
