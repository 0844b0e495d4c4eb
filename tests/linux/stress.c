/*
 * The paging stress program of the Linux boot test (tests/e2e_linux.sh),
 * run by tests/linux/init.c.  Each part checks every byte it expects and
 * prints "stress: NAME: ok (...)" or "stress: NAME: FAIL: ..."; the last line
 * is "PAGODA-LINUX-STRESS: PASS" or "PAGODA-LINUX-STRESS: FAIL (...)".
 *
 *   threads   one thread pinned to every CPU: mmap/fill/mprotect/partial
 *             munmap churn, atomics on a shared counter, and two TLB
 *             shootdown checks: one thread keeps replacing a page (mremap
 *             onto it) while the others read it and must never see an older
 *             page; it makes a page read-only that the others have just
 *             written, and their next write must fault
 *   cow       fork with copy-on-write: parent and children write the same
 *             private pages concurrently; each sees only its own writes
 *   protect   mprotect and munmap take effect: a write to a read-only page,
 *             a read of a PROT_NONE or unmapped page fault at that address
 *   madvise   MADV_DONTNEED zero-fills private pages and keeps shared ones
 *   shared    MAP_SHARED between two processes: an anonymous mapping
 *             inherited over fork (ping-pong) and a tmpfs file mapped by each
 *   thp       a 2 MiB aligned region becomes a transparent huge page
 *             (AnonHugePages in smaps), survives fork/COW, mprotect and
 *             munmap of one of its 4 KiB pages (splits)
 *   blk       when /dev/vda exists: its contents (written by the test) read
 *             back, a write flushed and read back after dropping the cache
 *
 * The amount of work is scaled by the "rounds=N" boot argument (default 1),
 * which the kernel hands to init's environment and init to us.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL
#define HUGE (2UL << 20)

static int ncpus;
static int rounds = 1;
static int failures;

/* say: one whole line on stdout in one write, so that lines of threads and
 * processes never interleave. */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof line - 2)
		n = sizeof line - 2;
	line[n++] = '\n';
	if (write(1, line, n) < 0) {
		/* nowhere to report it */
	}
}

/* A failure inside a part: reported at once, counted by the caller. */
#define CHECK(cond, fmt, ...)                                                                     \
	do {                                                                                      \
		if (!(cond)) {                                                                    \
			say("stress: FAIL in %s, line %d: " fmt, __func__, __LINE__, ##__VA_ARGS__); \
			return 1;                                                                 \
		}                                                                                 \
	} while (0)

static uint64_t xorshift(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

/* word: the expected value of 64-bit word i of a buffer filled with tag. */
static uint64_t word(uint64_t tag, size_t i)
{
	return (tag * 0x9e3779b97f4a7c15ULL) ^ (i * 0xbf58476d1ce4e5b9ULL) ^ i;
}

static void fill(void *p, size_t bytes, uint64_t tag)
{
	uint64_t *w = p;
	for (size_t i = 0; i < bytes / 8; i++)
		w[i] = word(tag, i);
}

/* check: the index of the first word of p that is not as fill left it
 * (relative to the start of the fill, first), or -1 when all are. */
static long check(const void *p, size_t bytes, uint64_t tag, size_t first)
{
	const volatile uint64_t *w = p;
	for (size_t i = 0; i < bytes / 8; i++)
		if (w[i] != word(tag, first + i))
			return (long)i;
	return -1;
}

static void *map_anon(size_t bytes, int prot, int flags)
{
	void *p = mmap(NULL, bytes, prot, flags | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* -------------------------------------------------------------- faults */

/* The SIGSEGV handler's state is per thread: threads of the threads part
 * take expected faults concurrently. */
static _Thread_local sigjmp_buf fault_jump;
static _Thread_local volatile void *fault_addr;
static _Thread_local volatile int fault_signal;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	fault_signal = sig;
	fault_addr = si->si_addr;
	siglongjmp(fault_jump, 1);
}

/* faults: whether touching p (a write when write, else a read) raises
 * SIGSEGV at p; returns 1 if it faulted there, 0 if the access went
 * through, -1 if it faulted elsewhere. */
static int faults(volatile uint8_t *p, int write)
{
	fault_addr = NULL;
	fault_signal = 0;
	if (sigsetjmp(fault_jump, 1) == 0) {
		if (write)
			*p = 0x5a;
		else
			(void)*p;
		return 0;
	}
	return fault_signal == SIGSEGV && fault_addr == p ? 1 : -1;
}

/* catch_faults: SIGSEGV goes to on_fault (on) or kills as usual (off). */
static int catch_faults(int on)
{
	struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
	if (!on)
		sa = (struct sigaction){ .sa_handler = SIG_DFL };
	sigemptyset(&sa.sa_mask);
	return sigaction(SIGSEGV, &sa, NULL);
}

/* ------------------------------------------------------------- threads */

static atomic_long counter;
static atomic_ulong generation;   /* the newest page put at moving_page */
static atomic_int writer_done;
static atomic_int threads_ready;
static uint64_t *moving_page;
static uint8_t *guarded_page;     /* made read-only and writable again by cpu 0 */
static atomic_int phase, acks, threads_abort;
#define GEN_WORD(g, k) (((uint64_t)(g) << 16) | (k))

struct thread_arg {
	int cpu;
	int result;
	long churned;
	long reads;
};

/* churn: mmap, fill, mprotect read-only, check, unmap a random page in the
 * middle, check both sides, unmap the rest. */
static int churn(struct thread_arg *a, uint64_t *seed, int n)
{
	for (int r = 0; r < n; r++) {
		size_t pages = 2 + xorshift(seed) % 15;
		uint64_t tag = ((uint64_t)a->cpu << 32) | (uint64_t)r;
		uint8_t *p = map_anon(pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		CHECK(p, "cpu %d: mmap: %s", a->cpu, strerror(errno));
		fill(p, pages * PAGE, tag);
		CHECK(!mprotect(p, pages * PAGE, PROT_READ), "mprotect: %s", strerror(errno));
		long bad = check(p, pages * PAGE, tag, 0);
		CHECK(bad < 0, "cpu %d round %d: word %ld of a read-only mapping changed", a->cpu, r, bad);
		CHECK(!mprotect(p, pages * PAGE, PROT_READ | PROT_WRITE), "mprotect: %s", strerror(errno));
		size_t hole = 1 + xorshift(seed) % (pages - 1);
		CHECK(!munmap(p + hole * PAGE, PAGE), "munmap: %s", strerror(errno));
		bad = check(p, hole * PAGE, tag, 0);
		CHECK(bad < 0, "cpu %d round %d: word %ld below the hole changed", a->cpu, r, bad);
		bad = check(p + (hole + 1) * PAGE, (pages - hole - 1) * PAGE, tag, (hole + 1) * PAGE / 8);
		CHECK(bad < 0, "cpu %d round %d: word %ld above the hole changed", a->cpu, r, bad);
		/* the two pieces, not the whole range: another thread's mmap may
		 * have been given the hole meanwhile */
		CHECK(!munmap(p, hole * PAGE), "munmap: %s", strerror(errno));
		CHECK(hole + 1 == pages || !munmap(p + (hole + 1) * PAGE, (pages - hole - 1) * PAGE), "munmap: %s",
		      strerror(errno));
		for (int k = 0; k < 64; k++)
			atomic_fetch_add(&counter, 1);
		a->churned++;
	}
	return 0;
}

/* The writer (cpu 0) puts generation g at moving_page: a new page filled
 * with g, moved over the old one by mremap, then announced. */
static int move_pages(int n)
{
	for (int g = 2; g < 2 + n; g++) {
		uint64_t *fresh = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		CHECK(fresh, "mmap: %s", strerror(errno));
		for (int k = 0; k < 512; k++)
			fresh[k] = GEN_WORD(g, k);
		void *at = mremap(fresh, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, moving_page);
		CHECK(at == moving_page, "mremap: %s", strerror(errno));
		atomic_store_explicit(&generation, g, memory_order_release);
		sched_yield();
	}
	return 0;
}

/* A reader: whatever generation it has seen announced, the page it reads
 * must be that one or newer (an older one is a stale TLB entry). */
static int read_pages(struct thread_arg *a)
{
	uint64_t *seen = moving_page;
	unsigned k = (unsigned)a->cpu * 37;
	while (!atomic_load(&writer_done)) {
		for (int i = 0; i < 64; i++) {
			uint64_t g = atomic_load_explicit(&generation, memory_order_acquire);
			k = (k + 97) % 512;
			uint64_t v = ((volatile uint64_t *)seen)[k];
			CHECK((v & 0xffff) == k && (v >> 16) >= g,
			      "cpu %d: word %u of the moving page is %#lx after generation %lu was announced"
			      " (a stale translation?)",
			      a->cpu, k, (unsigned long)v, (unsigned long)g);
			a->reads++;
		}
		sched_yield();
	}
	return 0;
}

/* wait_until: spins (yielding) until *v >= want; 0, or -1 when a thread
 * has given up (threads_abort), so that no thread waits forever. */
static int wait_until(atomic_int *v, int want)
{
	while (atomic_load(v) < want)
		if (atomic_load(&threads_abort))
			return -1;
		else
			sched_yield();
	return 0;
}

/* Permission downgrades reach every CPU: in round g, cpu 0 makes the
 * guarded page writable (phase 2g) and every other thread writes its byte;
 * then cpu 0 makes it read-only (phase 2g+1) and every other thread's
 * write must fault, although its TLB held a writable translation. */
static int downgrade_pages(int n, int readers)
{
	for (int g = 1; g <= n; g++) {
		CHECK(!mprotect(guarded_page, PAGE, PROT_READ | PROT_WRITE), "mprotect: %s", strerror(errno));
		atomic_store(&phase, 2 * g);
		if (wait_until(&acks, (2 * g - 1) * readers))
			return 1;
		CHECK(!mprotect(guarded_page, PAGE, PROT_READ), "mprotect: %s", strerror(errno));
		atomic_store(&phase, 2 * g + 1);
		if (wait_until(&acks, 2 * g * readers))
			return 1;
	}
	return 0;
}

static int downgrade_writer(int n, int readers)
{
	int r = downgrade_pages(n, readers);
	if (r)
		atomic_store(&threads_abort, 1);
	return r;
}

static int downgrade_reader_rounds(struct thread_arg *a, int n)
{
	volatile uint8_t *mine = guarded_page + a->cpu * 64;
	for (int g = 1; g <= n; g++) {
		if (wait_until(&phase, 2 * g))
			return 1;
		*mine = 0;
		CHECK(faults(mine, 1) == 0 && *mine == 0x5a, "cpu %d: a write to the page made writable faulted",
		      a->cpu);
		atomic_fetch_add(&acks, 1);
		if (wait_until(&phase, 2 * g + 1))
			return 1;
		int f = faults(mine, 1);
		CHECK(f == 1, "cpu %d round %d: a write to the page cpu 0 made read-only %s", a->cpu, g,
		      f == 0 ? "went through (a stale writable translation?)" : "faulted elsewhere");
		atomic_fetch_add(&acks, 1);
	}
	return 0;
}

static int downgrade_reader(struct thread_arg *a, int n)
{
	int r = downgrade_reader_rounds(a, n);
	if (r)
		atomic_store(&threads_abort, 1);
	return r;
}

static void *thread_main(void *p)
{
	struct thread_arg *a = p;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(a->cpu, &set);
	if (sched_setaffinity(0, sizeof set, &set)) {
		say("stress: FAIL: sched_setaffinity cpu %d: %s", a->cpu, strerror(errno));
		a->result = 1;
		atomic_store(&threads_abort, 1); /* nobody waits for this thread */
		atomic_store(&writer_done, 1);
		return NULL;
	}
	atomic_fetch_add(&threads_ready, 1);
	if (wait_until(&threads_ready, ncpus)) {
		a->result = 1;
		return NULL;
	}
	uint64_t seed = 0x1234567ULL + (uint64_t)a->cpu * 7919;
	int r = churn(a, &seed, 64 * rounds);
	int downgrades = ncpus > 1 ? 200 * rounds : 0;
	if (a->cpu == 0) {
		r |= move_pages(ncpus > 1 ? 1000 * rounds : 20);
		atomic_store(&writer_done, 1);
		r |= downgrade_writer(downgrades, ncpus - 1);
	} else {
		r |= read_pages(a);
		r |= downgrade_reader(a, downgrades);
	}
	r |= churn(a, &seed, 8 * rounds);
	int cpu = sched_getcpu();
	if (!r && cpu != a->cpu) {
		say("stress: FAIL: thread pinned to cpu %d runs on cpu %d", a->cpu, cpu);
		r = 1;
	}
	a->result = r;
	return NULL;
}

static int part_threads(void)
{
	pthread_t t[CPU_SETSIZE];
	struct thread_arg a[CPU_SETSIZE];
	moving_page = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(moving_page, "mmap: %s", strerror(errno));
	for (int k = 0; k < 512; k++)
		moving_page[k] = GEN_WORD(1, k);
	atomic_store(&generation, 1);
	guarded_page = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(guarded_page, "mmap: %s", strerror(errno));
	CHECK(!catch_faults(1), "sigaction: %s", strerror(errno));
	for (int i = 0; i < ncpus; i++) {
		a[i] = (struct thread_arg){ .cpu = i };
		int e = pthread_create(&t[i], NULL, thread_main, &a[i]);
		CHECK(!e, "pthread_create: %s", strerror(e));
	}
	int bad = 0;
	long churned = 0, reads = 0;
	for (int i = 0; i < ncpus; i++) {
		pthread_join(t[i], NULL);
		bad |= a[i].result;
		churned += a[i].churned;
		reads += a[i].reads;
	}
	catch_faults(0);
	if (bad)
		return 1;
	CHECK(atomic_load(&counter) == 64 * churned, "counter is %ld, wanted %ld", atomic_load(&counter),
	      64 * churned);
	say("stress: threads: ok (%d threads pinned one per CPU, %ld map/protect/unmap rounds, "
	    "%lu page moves under %ld reads of the moving page, %d read-only downgrades seen by %d CPUs)",
	    ncpus, churned, (unsigned long)atomic_load(&generation) - 1, reads, atomic_load(&phase) / 2,
	    ncpus - 1);
	munmap(moving_page, PAGE);
	munmap(guarded_page, PAGE);
	return 0;
}

/* ----------------------------------------------------------------- cow */

#define COW_BYTES (1UL << 20)

/* The parent fills a private buffer, forks children and writes its even
 * pages; each child checks the buffer is still as filled (while the parent
 * writes), writes its odd pages with its own tag, and checks again. */
static int part_cow(void)
{
	int nchildren = ncpus < 2 ? 2 : ncpus;
	uint8_t *buf = map_anon(COW_BYTES + PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(buf, "mmap: %s", strerror(errno));
	buf += PAGE; /* not 2 MiB aligned: 4 KiB pages, whatever THP does */
	fill(buf, COW_BYTES, 1);
	pid_t pids[64];
	for (int c = 0; c < nchildren; c++) {
		pids[c] = fork();
		CHECK(pids[c] >= 0, "fork: %s", strerror(errno));
		if (pids[c] == 0) {
			for (int pass = 0; pass < 2 * rounds; pass++) {
				long bad = check(buf, COW_BYTES, 1, 0);
				if (bad >= 0) {
					say("stress: FAIL: cow: child %d sees word %ld changed by its parent", c, bad);
					_exit(1);
				}
			}
			uint64_t tag = 100 + (uint64_t)c;
			for (size_t pg = 1; pg < COW_BYTES / PAGE; pg += 2)
				fill(buf + pg * PAGE, PAGE, tag + pg);
			for (size_t pg = 0; pg < COW_BYTES / PAGE; pg++) {
				long bad = pg & 1 ? check(buf + pg * PAGE, PAGE, tag + pg, 0)
						  : check(buf + pg * PAGE, PAGE, 1, pg * PAGE / 8);
				if (bad >= 0) {
					say("stress: FAIL: cow: child %d page %zu word %ld is not its own", c, pg, bad);
					_exit(1);
				}
			}
			_exit(0);
		}
	}
	for (size_t pg = 0; pg < COW_BYTES / PAGE; pg += 2)
		fill(buf + pg * PAGE, PAGE, 50 + pg);
	int bad = 0;
	for (int c = 0; c < nchildren; c++) {
		int st;
		CHECK(waitpid(pids[c], &st, 0) == pids[c], "waitpid: %s", strerror(errno));
		if (!WIFEXITED(st) || WEXITSTATUS(st)) {
			say("stress: FAIL: cow: child %d ended with status %#x", c, st);
			bad = 1;
		}
	}
	for (size_t pg = 0; pg < COW_BYTES / PAGE; pg++) {
		long w = pg & 1 ? check(buf + pg * PAGE, PAGE, 1, pg * PAGE / 8)
				: check(buf + pg * PAGE, PAGE, 50 + pg, 0);
		CHECK(w < 0, "parent's page %zu word %ld changed by a child", pg, w);
	}
	if (bad)
		return 1;
	munmap(buf - PAGE, COW_BYTES + PAGE);
	say("stress: cow: ok (%d children and the parent wrote %lu KiB of shared copy-on-write pages)",
	    nchildren, COW_BYTES >> 10);
	return 0;
}

/* ------------------------------------------------------------- protect */

static int part_protect(void)
{
	CHECK(!catch_faults(1), "sigaction: %s", strerror(errno));
	int checks = 0;
	for (int r = 0; r < 16 * rounds; r++) {
		size_t pages = 4;
		uint8_t *p = map_anon(pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		CHECK(p, "mmap: %s", strerror(errno));
		fill(p, pages * PAGE, 7 + r);
		/* page 1 read-only, page 2 no access, page 3 unmapped */
		CHECK(!mprotect(p + PAGE, PAGE, PROT_READ), "mprotect: %s", strerror(errno));
		CHECK(!mprotect(p + 2 * PAGE, PAGE, PROT_NONE), "mprotect: %s", strerror(errno));
		CHECK(!munmap(p + 3 * PAGE, PAGE), "munmap: %s", strerror(errno));
		size_t off = (r * 520) % PAGE;
		CHECK(faults(p + off, 1) == 0, "a write to a read-write page faulted");
		CHECK(faults(p + PAGE + off, 0) == 0, "a read of a read-only page faulted");
		CHECK(faults(p + PAGE + off, 1) == 1, "a write to a read-only page did not fault there");
		CHECK(faults(p + 2 * PAGE + off, 0) == 1, "a read of a PROT_NONE page did not fault there");
		CHECK(faults(p + 3 * PAGE + off, 0) == 1, "a read of an unmapped page did not fault there");
		/* the faults changed nothing; access given back works */
		CHECK(check(p + PAGE, PAGE, 7 + r, PAGE / 8) < 0, "the read-only page changed");
		CHECK(!mprotect(p + PAGE, 2 * PAGE, PROT_READ | PROT_WRITE), "mprotect: %s", strerror(errno));
		CHECK(check(p + 2 * PAGE, PAGE, 7 + r, 2 * PAGE / 8) < 0, "the PROT_NONE page changed");
		CHECK(faults(p + PAGE + off, 1) == 0, "a write to a page made writable again faulted");
		CHECK(faults(p + 2 * PAGE + off, 1) == 0, "a write to a page made accessible again faulted");
		CHECK(p[PAGE + off] == 0x5a && p[2 * PAGE + off] == 0x5a, "the writes did not land");
		CHECK(!munmap(p, 3 * PAGE), "munmap: %s", strerror(errno));
		checks += 9;
	}
	catch_faults(0);
	say("stress: protect: ok (%d access checks: read-only, PROT_NONE and unmapped pages fault at "
	    "the address, restored ones do not)",
	    checks);
	return 0;
}

/* ------------------------------------------------------------- madvise */

static int part_madvise(void)
{
	size_t pages = 64;
	for (int shared = 0; shared < 2; shared++) {
		uint8_t *p = map_anon(pages * PAGE, PROT_READ | PROT_WRITE, shared ? MAP_SHARED : MAP_PRIVATE);
		CHECK(p, "mmap: %s", strerror(errno));
		for (int r = 0; r < 4 * rounds; r++) {
			fill(p, pages * PAGE, 300 + r);
			size_t from = 3 + r % 7, n = 5 + r % 11;
			CHECK(!madvise(p + from * PAGE, n * PAGE, MADV_DONTNEED), "madvise: %s", strerror(errno));
			for (size_t pg = 0; pg < pages; pg++) {
				int dropped = !shared && pg >= from && pg < from + n;
				if (dropped) {
					for (size_t b = 0; b < PAGE; b++)
						CHECK(p[pg * PAGE + b] == 0,
						      "private page %zu byte %zu is %#x after MADV_DONTNEED, wanted 0",
						      pg, b, p[pg * PAGE + b]);
				} else {
					long bad = check(p + pg * PAGE, PAGE, 300 + r, pg * PAGE / 8);
					CHECK(bad < 0, "%s page %zu word %ld changed by MADV_DONTNEED",
					      shared ? "shared" : "private", pg, bad);
				}
			}
		}
		CHECK(!munmap(p, pages * PAGE), "munmap: %s", strerror(errno));
	}
	say("stress: madvise: ok (MADV_DONTNEED zero-fills private pages and keeps shared ones)");
	return 0;
}

/* -------------------------------------------------------------- shared */

static int part_shared(void)
{
	/* ping-pong through an anonymous MAP_SHARED page inherited over fork */
	volatile atomic_long *turn = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	CHECK(turn, "mmap: %s", strerror(errno));
	long n = 200 * rounds;
	atomic_store(turn, 0);
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		for (long i = 1; i < 2 * n; i += 2) {
			while (atomic_load(turn) != i - 1)
				sched_yield();
			atomic_store(turn, i);
		}
		_exit(0);
	}
	for (long i = 2; i <= 2 * n; i += 2) {
		while (atomic_load(turn) != i - 1)
			sched_yield();
		atomic_store(turn, i);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st), "ping-pong child failed (%#x)",
	      st);
	munmap((void *)turn, PAGE);

	/* a tmpfs file mapped MAP_SHARED by two processes, each with its own mmap */
	size_t bytes = 32 * PAGE;
	const char *path = "/tmp/stress-shared";
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0, "open %s: %s", path, strerror(errno));
	CHECK(!ftruncate(fd, bytes), "ftruncate: %s", strerror(errno));
	uint8_t *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap %s: %s", path, strerror(errno));
	fill(p, bytes, 400);
	pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		int cfd = open(path, O_RDWR);
		uint8_t *q = cfd < 0 ? MAP_FAILED : mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
		if (q == MAP_FAILED) {
			say("stress: FAIL: shared: child cannot map %s: %s", path, strerror(errno));
			_exit(1);
		}
		long bad = check(q, bytes, 400, 0);
		if (bad >= 0) {
			say("stress: FAIL: shared: child's mapping of the file differs at word %ld", bad);
			_exit(1);
		}
		fill(q, bytes, 401);
		_exit(0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st), "file child failed (%#x)", st);
	long bad = check(p, bytes, 401, 0);
	CHECK(bad < 0, "the parent's mapping does not show the child's write at word %ld", bad);
	/* read(2) sees the same page cache */
	uint64_t w[64];
	CHECK(pread(fd, w, sizeof w, 5 * PAGE) == sizeof w, "pread: %s", strerror(errno));
	CHECK(check(w, sizeof w, 401, 5 * PAGE / 8) < 0, "read(2) differs from the shared mapping");
	munmap(p, bytes);
	close(fd);
	unlink(path);
	say("stress: shared: ok (%ld ping-pong rounds through a MAP_SHARED page; a tmpfs file written "
	    "through one process's mapping is seen in the other's and by read)",
	    n);
	return 0;
}

/* ----------------------------------------------------------------- thp */

/* anon_huge_kb: AnonHugePages of the mapping that holds addr, in kB, from
 * /proc/self/smaps; -1 if not found. */
static long anon_huge_kb(const void *addr)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[256];
	int in = 0;
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) /* a mapping's first line */
			in = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
		else if (in && sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

/* thp_mode: the line of /sys/kernel/mm/transparent_hugepage/enabled into
 * mode (e.g. "always madvise [never]"); 0 when read. */
static int thp_mode(char *mode, size_t size)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	int r = f && fgets(mode, size, f) ? 0 : -1;
	if (f)
		fclose(f);
	if (r)
		snprintf(mode, size, "(unreadable: %s)", strerror(errno));
	mode[strcspn(mode, "\n")] = 0;
	return r;
}

static int part_thp(void)
{
	/* CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS, but the kernel turns THP off on a
	 * machine with less than 512 MiB of RAM (hugepage_init), and -m 512M
	 * leaves a little less than that: turned on again here. */
	char was[128], mode[128];
	thp_mode(was, sizeof was);
	if (!strstr(was, "[always]")) {
		FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "w");
		CHECK(f && fputs("always", f) >= 0 && fclose(f) == 0, "cannot turn THP on (it is %s): %s", was,
		      strerror(errno));
	}
	CHECK(!thp_mode(mode, sizeof mode) && strstr(mode, "[always]"), "THP mode is %s after writing always",
	      mode);
	uint8_t *raw = map_anon(2 * HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	CHECK(raw, "mmap: %s", strerror(errno));
	uint8_t *p = (uint8_t *)(((uintptr_t)raw + HUGE - 1) & ~(HUGE - 1));
	CHECK(!madvise(p, HUGE, MADV_HUGEPAGE), "madvise(MADV_HUGEPAGE): %s", strerror(errno));
	p[0] = 1; /* the first touch of the aligned 2 MiB: one huge page */
	long kb = anon_huge_kb(p);
	CHECK(kb >= 2048, "no transparent huge page: AnonHugePages %ld kB for the 2 MiB aligned region "
			  "(THP mode %s)", kb, mode);
	fill(p, HUGE, 500);
	long bad = check(p, HUGE, 500, 0);
	CHECK(bad < 0, "huge page word %ld wrong", bad);

	/* copy-on-write of a huge page */
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		long b = check(p, HUGE, 500, 0);
		if (b >= 0) {
			say("stress: FAIL: thp: child sees huge page word %ld changed", b);
			_exit(1);
		}
		fill(p + 100 * PAGE, PAGE, 501);
		if (check(p + 100 * PAGE, PAGE, 501, 0) >= 0 || check(p, 100 * PAGE, 500, 0) >= 0 ||
		    check(p + 101 * PAGE, HUGE - 101 * PAGE, 500, 101 * PAGE / 8) >= 0) {
			say("stress: FAIL: thp: child's copy of the huge page is wrong after its write");
			_exit(1);
		}
		_exit(0);
	}
	fill(p + 200 * PAGE, PAGE, 502);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st), "child failed (%#x)", st);
	CHECK(check(p, 200 * PAGE, 500, 0) < 0 && check(p + 200 * PAGE, PAGE, 502, 0) < 0 &&
		      check(p + 201 * PAGE, HUGE - 201 * PAGE, 500, 201 * PAGE / 8) < 0,
	      "the parent's huge page changed under copy-on-write");
	fill(p, HUGE, 503);

	/* mprotect one 4 KiB page inside: the PMD is split, the data stays */
	CHECK(!mprotect(p + 7 * PAGE, PAGE, PROT_READ), "mprotect: %s", strerror(errno));
	bad = check(p, HUGE, 503, 0);
	CHECK(bad < 0, "word %ld wrong after splitting the huge page with mprotect", bad);
	CHECK(!munmap(p + 300 * PAGE, PAGE), "munmap: %s", strerror(errno));
	CHECK(check(p, 300 * PAGE, 503, 0) < 0 && check(p + 301 * PAGE, HUGE - 301 * PAGE, 503, 301 * PAGE / 8) < 0,
	      "data wrong after unmapping a 4 KiB page of the huge page");
	CHECK(!mprotect(p + 7 * PAGE, PAGE, PROT_READ | PROT_WRITE), "mprotect: %s", strerror(errno));
	fill(p, 300 * PAGE, 504);
	CHECK(check(p, 300 * PAGE, 504, 0) < 0, "write after the split went wrong");
	munmap(raw, 2 * HUGE);
	say("stress: thp: ok (a 2 MiB aligned region got a huge page, AnonHugePages %ld kB, THP mode %s, "
	    "was %s; copy-on-write, mprotect and munmap of one 4 KiB page kept every byte)",
	    kb, mode, was);
	return 0;
}

/* ----------------------------------------------------------------- blk */

/* The disk the test attaches: byte i of the image is blk_byte(i). */
static uint8_t blk_byte(uint64_t i)
{
	return (uint8_t)((i * 131) ^ (i >> 9) ^ 0x5c);
}

static int part_blk(void)
{
	int fd = open("/dev/vda", O_RDWR);
	if (fd < 0) {
		say("stress: blk: skipped (no /dev/vda: %s)", strerror(errno));
		return 0;
	}
	uint64_t size = 0;
	CHECK(!ioctl(fd, BLKGETSIZE64, &size), "BLKGETSIZE64: %s", strerror(errno));
	CHECK(size >= 64 * 1024, "/dev/vda is %lu bytes, wanted at least 64 KiB", (unsigned long)size);
	static uint8_t buf[64 * 1024];
	for (uint64_t off = 0; off < size; off += sizeof buf) {
		size_t len = size - off < sizeof buf ? size - off : sizeof buf;
		CHECK(pread(fd, buf, len, off) == (ssize_t)len, "read at %lu: %s", (unsigned long)off, strerror(errno));
		for (size_t i = 0; i < len; i++)
			CHECK(buf[i] == blk_byte(off + i), "/dev/vda byte %lu is %#x, wanted %#x",
			      (unsigned long)(off + i), buf[i], blk_byte(off + i));
	}
	/* sectors 16..23 get ~pattern; flushed, the cache dropped, read again */
	for (size_t i = 0; i < 4096; i++)
		buf[i] = (uint8_t)~blk_byte(8192 + i);
	CHECK(pwrite(fd, buf, 4096, 8192) == 4096, "write: %s", strerror(errno));
	CHECK(!fsync(fd), "fsync: %s", strerror(errno));
	CHECK(!ioctl(fd, BLKFLSBUF, 0), "BLKFLSBUF: %s", strerror(errno));
	memset(buf, 0, 4096);
	CHECK(pread(fd, buf, 4096, 8192) == 4096, "read: %s", strerror(errno));
	for (size_t i = 0; i < 4096; i++) {
		uint8_t want = ~blk_byte(8192 + i);
		CHECK(buf[i] == want, "byte %zu of the written block reads back as %#x, wanted %#x", i, buf[i], want);
	}
	close(fd);
	say("stress: blk: ok (read %lu KiB of /dev/vda as written by the host; a 4 KiB write flushed and "
	    "read back from the device)",
	    (unsigned long)(size >> 10));
	return 0;
}

int main(void)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	sched_getaffinity(0, sizeof set, &set);
	ncpus = CPU_COUNT(&set);
	const char *r = getenv("rounds");
	if (r && atoi(r) > 0)
		rounds = atoi(r);
	say("stress: %d CPUs, rounds=%d", ncpus, rounds);
	struct {
		const char *name;
		int (*run)(void);
	} parts[] = {
		{ "threads", part_threads }, { "cow", part_cow },	{ "protect", part_protect },
		{ "madvise", part_madvise }, { "shared", part_shared }, { "thp", part_thp },
		{ "blk", part_blk },
	};
	char failed[256] = "";
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].run()) {
			say("stress: %s: FAIL", parts[i].name);
			failures++;
			strncat(failed, " ", sizeof failed - strlen(failed) - 1);
			strncat(failed, parts[i].name, sizeof failed - strlen(failed) - 1);
		}
	if (failures)
		say("PAGODA-LINUX-STRESS: FAIL (%d parts failed:%s)", failures, failed);
	else
		say("PAGODA-LINUX-STRESS: PASS");
	return failures != 0;
}
