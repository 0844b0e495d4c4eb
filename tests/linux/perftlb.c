/* perftlb: counts TLB misses with perf_event_open (the kernel's SBI PMU
 * driver over Pagoda's firmware and mhpmcounters) around a page-stride
 * loop, and prints what it counted for the boot test to compare with
 * Pagoda's --stats-json.
 *
 * 1024 pages of 4 KiB (no transparent huge page), 64 rounds of loads of
 * one word per page, then 64 rounds of stores: every access is to another page than the 64 before it, so each
 * misses the 64-entry L1 data TLB (16 sets x 4 ways, LRU) and hits the L2.
 * Then 64 rounds of calls to 96 functions, each on its own code page:
 * every call misses the 64-entry L1 instruction TLB.  The task stays on one
 * CPU; the counters count its user and kernel time (Pagoda has no Sscofpmf
 * mode filtering).
 *
 * Prints "PAGODA-LINUX-PERF: dtlb_load_misses N dtlb_store_misses N
 * itlb_load_misses N loads N stores N calls N cpu N" and then
 * "PAGODA-LINUX-PERF: PASS" when each count is at least the loop's
 * accesses and at most 10% more, or "PAGODA-LINUX-PERF: FAIL (why)". */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGES 1024
#define ROUNDS 64
#define PAGE 4096
#define CODE_PAGES 96

/* 96 functions, one per 4 KiB page of code */
#define F(n) static __attribute__((noinline, aligned(4096))) unsigned f_##n(unsigned x) { return x * 3 + 1; }
#define F8(a) F(a##0) F(a##1) F(a##2) F(a##3) F(a##4) F(a##5) F(a##6) F(a##7)
F8(a) F8(b) F8(c) F8(d) F8(e) F8(f) F8(g) F8(h) F8(i) F8(j) F8(k) F8(l)
#define T8(a) f_##a##0, f_##a##1, f_##a##2, f_##a##3, f_##a##4, f_##a##5, f_##a##6, f_##a##7,
static unsigned (*const code_pages[CODE_PAGES])(unsigned) = {
	T8(a) T8(b) T8(c) T8(d) T8(e) T8(f) T8(g) T8(h) T8(i) T8(j) T8(k) T8(l)
};

/* A counting (not sampling) event of the hardware-cache kind for this task. */
static int open_cache_event(unsigned cache, unsigned op, unsigned result)
{
	struct perf_event_attr a;
	memset(&a, 0, sizeof a);
	a.size = sizeof a;
	a.type = PERF_TYPE_HW_CACHE;
	a.config = cache | op << 8 | result << 16;
	a.disabled = 1;
	return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
}

static int fail(const char *what)
{
	printf("PAGODA-LINUX-PERF: FAIL (%s: %s)\n", what, strerror(errno));
	fflush(stdout);
	return 1;
}

int main(void)
{
	/* one CPU, so the loop's counts come from one hart's counters */
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(sched_getcpu(), &one);
	sched_setaffinity(0, sizeof one, &one);
	volatile uint64_t *buf = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return fail("mmap");
	/* 4 KiB pages only: a transparent huge page would map 512 of them
	 * with one TLB entry (errors ignored: a kernel without THP has none) */
	madvise((void *)buf, PAGES * PAGE, MADV_NOHUGEPAGE);
	for (unsigned p = 0; p < PAGES; p++) /* fault every page in now */
		buf[p * PAGE / 8] = p;
	int fd[3] = {
		open_cache_event(PERF_COUNT_HW_CACHE_DTLB, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS),
		open_cache_event(PERF_COUNT_HW_CACHE_DTLB, PERF_COUNT_HW_CACHE_OP_WRITE, PERF_COUNT_HW_CACHE_RESULT_MISS),
		open_cache_event(PERF_COUNT_HW_CACHE_ITLB, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS),
	};
	for (int i = 0; i < 3; i++)
		if (fd[i] < 0)
			return fail(i == 0 ? "perf_event_open dTLB-load-misses" : i == 1 ? "perf_event_open dTLB-store-misses"
										 : "perf_event_open iTLB-load-misses");
	for (int i = 0; i < 3; i++) {
		ioctl(fd[i], PERF_EVENT_IOC_RESET, 0);
		ioctl(fd[i], PERF_EVENT_IOC_ENABLE, 0);
	}
	uint64_t sum = 0;
	for (unsigned r = 0; r < ROUNDS; r++)
		for (unsigned p = 0; p < PAGES; p++)
			sum += buf[p * PAGE / 8 + r % 8];
	for (unsigned r = 0; r < ROUNDS; r++)
		for (unsigned p = 0; p < PAGES; p++)
			buf[p * PAGE / 8 + r % 8] = sum + r;
	unsigned x = (unsigned)sum;
	for (unsigned r = 0; r < ROUNDS; r++)
		for (unsigned k = 0; k < CODE_PAGES; k++)
			x = code_pages[k](x);
	uint64_t n[3];
	for (int i = 0; i < 3; i++) {
		ioctl(fd[i], PERF_EVENT_IOC_DISABLE, 0);
		if (read(fd[i], &n[i], sizeof n[i]) != sizeof n[i])
			return fail("read");
	}
	uint64_t want = (uint64_t)PAGES * ROUNDS, calls = (uint64_t)CODE_PAGES * ROUNDS;
	printf("PAGODA-LINUX-PERF: dtlb_load_misses %llu dtlb_store_misses %llu itlb_load_misses %llu loads %llu stores %llu calls %llu cpu %d (%u)\n",
	       (unsigned long long)n[0], (unsigned long long)n[1], (unsigned long long)n[2], (unsigned long long)want,
	       (unsigned long long)want, (unsigned long long)calls, sched_getcpu(), x & 1);
	if (n[0] < want || n[0] > want + want / 10 || n[1] < want || n[1] > want + want / 10 || n[2] < calls ||
	    n[2] > calls + calls / 10)
		printf("PAGODA-LINUX-PERF: FAIL (the counts are not the loops' %llu data and %llu code misses, give or take 10%%)\n",
		       (unsigned long long)want, (unsigned long long)calls);
	else
		printf("PAGODA-LINUX-PERF: PASS\n");
	fflush(stdout);
	return 0;
}
