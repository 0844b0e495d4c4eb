/* Pagoda SBI firmware: boot, per-hart setup, trap dispatch and the SBI v2.0
 * extensions BASE, TIME, IPI, RFENCE, HSM, SRST, DBCN plus the legacy calls.
 * Section numbers refer to the RISC-V SBI specification v2.0. */
#include "fw.h"

/* SBI error codes (section 3.2) */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED (-1)
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_DENIED (-4)
#define SBI_ERR_INVALID_ADDRESS (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)

#define EXT_BASE 0x10
#define EXT_TIME 0x54494D45
#define EXT_IPI 0x735049
#define EXT_RFENCE 0x52464E43
#define EXT_HSM 0x48534D
#define EXT_SRST 0x53525354
#define EXT_DBCN 0x4442434E
#define EXT_PMU 0x504D55

/* HSM states (section 9, table "HSM Hart States") */
#define HSM_STARTED 0
#define HSM_STOPPED 1
#define HSM_START_PENDING 2
#define HSM_STOP_PENDING 3
#define HSM_SUSPENDED 4
#define HSM_SUSPEND_PENDING 5
#define HSM_RESUME_PENDING 6

#define SUSPEND_DEFAULT_RETENTIVE 0x00000000UL
#define SUSPEND_DEFAULT_NON_RETENTIVE 0x80000000UL

enum rfence_op { RF_FENCE_I, RF_SFENCE_VMA, RF_SFENCE_VMA_ASID };
/* A page range larger than this is flushed with one full sfence.vma. */
#define RFENCE_RANGE_LIMIT (256UL * 4096UL)

/* State other harts read or write; in .bss, cleared by the boot hart before
 * anyone else leaves the boot barrier. */
struct hart_shared {
	volatile long hsm_state;
	volatile unsigned long start_go;
	volatile unsigned long start_addr;
	volatile unsigned long start_arg;
	volatile unsigned long ipi_ssip;    /* set: raise mip.SSIP */
	volatile unsigned long rfence_from; /* mask of harts whose request waits for us */
	/* This hart's outgoing RFENCE request, stable until pending_acks == 0. */
	volatile unsigned long req_op, req_start, req_size, req_asid;
	volatile long pending_acks;
	unsigned long suspend_type, suspend_addr, suspend_arg;
} __attribute__((aligned(128)));

struct hart_area {
	struct hart_ctx ctx;
	uint8_t stack[HART_AREA_SIZE - sizeof(struct hart_ctx)];
};
_Static_assert(sizeof(struct hart_area) == HART_AREA_SIZE, "hart area size");
_Static_assert(offsetof(struct hart_ctx, stack_top) == CTX_STACK_TOP, "ctx layout");

struct hart_area hart_areas[MAX_HARTS] __attribute__((section(".hartarea"), aligned(16)));
static struct hart_shared harts[MAX_HARTS];

/* Boot barrier: in .data so that clearing .bss cannot race with it. */
static volatile unsigned int boot_lottery __attribute__((section(".data"))) = 0;
static volatile unsigned int boot_done __attribute__((section(".data"))) = 0;

static unsigned long hart_valid;  /* harts listed in the device tree */
static unsigned long boot_hartid;
static int have_sstc;
static volatile unsigned int console_lock;

extern char __bss_start[], __bss_end[];

/* ---------------------------------------------------------------- console */

#define UART_THR 0
#define UART_RBR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR 0x01
#define LSR_THRE 0x20

static void uart_init(void)
{
	mmio_write8(UART_BASE + UART_IER, 0);
	mmio_write8(UART_BASE + UART_LCR, 0x03); /* 8N1, divisor untouched */
	mmio_write8(UART_BASE + UART_FCR, 0x07); /* FIFOs on and cleared */
	mmio_write8(UART_BASE + UART_MCR, 0x03);
}

static void uart_putc(char c)
{
	while (!(mmio_read8(UART_BASE + UART_LSR) & LSR_THRE))
		;
	mmio_write8(UART_BASE + UART_THR, (uint8_t)c);
}

static int uart_getc(void)
{
	if (mmio_read8(UART_BASE + UART_LSR) & LSR_DR)
		return mmio_read8(UART_BASE + UART_RBR);
	return -1;
}

static void lock(volatile unsigned int *l)
{
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		while (*l)
			;
}

static void unlock(volatile unsigned int *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }

void console_puts(const char *s)
{
	lock(&console_lock);
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s);
	}
	unlock(&console_lock);
}

static char *fmt_u(char *p, unsigned long v, int base)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* ------------------------------------------------------------ device tree */

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;
	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int str_prefix(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

/* Returns the mask of enabled hart ids (< 64) under /cpus, 0 if the blob is
 * not a flattened device tree. */
static unsigned long fdt_hart_mask(unsigned long fdt)
{
	enum { BEGIN = 1, END = 2, PROP = 3, NOP = 4, FEND = 9 };
	if (!fdt || (fdt & 3) || be32((void *)fdt) != 0xd00dfeed)
		return 0;
	const uint8_t *st = (const uint8_t *)(fdt + be32((void *)(fdt + 8)));
	const char *strs = (const char *)(fdt + be32((void *)(fdt + 12)));
	unsigned long mask = 0;
	int depth = 0, in_cpus = 0, is_cpu = 0, disabled = 0;
	long reg = -1;
	for (;;) {
		uint32_t tok = be32(st);
		st += 4;
		if (tok == BEGIN) {
			const char *name = (const char *)st;
			size_t len = 0;
			while (name[len])
				len++;
			st += (len + 4) & ~3UL;
			depth++;
			if (depth == 2)
				in_cpus = str_eq(name, "cpus");
			if (depth == 3 && in_cpus) {
				is_cpu = str_prefix(name, "cpu@");
				reg = -1;
				disabled = 0;
			}
		} else if (tok == PROP) {
			uint32_t len = be32(st), nameoff = be32(st + 4);
			const uint8_t *val = st + 8;
			st += 8 + ((len + 3) & ~3U);
			if (depth == 3 && in_cpus) {
				const char *pn = strs + nameoff;
				if (str_eq(pn, "reg") && len >= 4)
					reg = be32(val + len - 4); /* low cell */
				else if (str_eq(pn, "device_type"))
					is_cpu = str_eq((const char *)val, "cpu");
				else if (str_eq(pn, "status"))
					disabled = !str_eq((const char *)val, "okay") &&
						   !str_eq((const char *)val, "ok");
			}
		} else if (tok == END) {
			if (depth == 3 && in_cpus && is_cpu && !disabled && reg >= 0 && reg < MAX_HARTS)
				mask |= 1UL << reg;
			if (depth == 2)
				in_cpus = 0;
			if (depth == 3)
				is_cpu = 0;
			depth--;
		} else if (tok == NOP) {
			continue;
		} else {
			break;
		}
	}
	return mask;
}

/* The compiler may emit calls to these even in freestanding code. */
void *memset(void *d, int c, size_t n)
{
	uint8_t *p = d;
	while (n--)
		*p++ = (uint8_t)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	uint8_t *p = d;
	const uint8_t *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

void *memmove(void *d, const void *s, size_t n)
{
	uint8_t *p = d;
	const uint8_t *q = s;
	if (p <= q)
		return memcpy(d, s, n);
	while (n--)
		p[n] = q[n];
	return d;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

struct fdt_patch {
	uint8_t buf[256];
	size_t len;
	char strs[64]; /* strings to append to the strings block */
	size_t slen;
	const char *old_strs;
	size_t old_slen;
};

static uint32_t fdt_string_off(struct fdt_patch *fp, const char *name)
{
	size_t n = 0;
	while (name[n])
		n++;
	for (size_t i = 0; i + n < fp->old_slen; i++) {
		size_t k = 0;
		while (k <= n && fp->old_strs[i + k] == name[k])
			k++;
		if (k > n)
			return (uint32_t)i;
	}
	for (size_t i = 0; i + n < fp->slen; i++) {
		size_t k = 0;
		while (k <= n && fp->strs[i + k] == name[k])
			k++;
		if (k > n)
			return (uint32_t)(fp->old_slen + i);
	}
	uint32_t off = (uint32_t)(fp->old_slen + fp->slen);
	memcpy(fp->strs + fp->slen, name, n + 1);
	fp->slen += n + 1;
	return off;
}

static void fdt_emit32(struct fdt_patch *fp, uint32_t v)
{
	put_be32(fp->buf + fp->len, v);
	fp->len += 4;
}

static void fdt_emit_node(struct fdt_patch *fp, const char *name)
{
	fdt_emit32(fp, 1);
	size_t n = 0;
	while (name[n])
		n++;
	memset(fp->buf + fp->len, 0, (n + 4) & ~3UL);
	memcpy(fp->buf + fp->len, name, n);
	fp->len += (n + 4) & ~3UL;
}

static void fdt_emit_prop(struct fdt_patch *fp, const char *name, const uint32_t *cells, size_t ncells)
{
	fdt_emit32(fp, 3);
	fdt_emit32(fp, (uint32_t)(4 * ncells));
	fdt_emit32(fp, fdt_string_off(fp, name));
	for (size_t i = 0; i < ncells; i++)
		fdt_emit32(fp, cells[i]);
}

/* Adds /reserved-memory/mmode_resv0@80000000 (no-map) for the firmware's
 * PMP-protected region, as OpenSBI does, so that S-mode software that reads
 * the device tree (Linux) never touches it. The blob grows in place by at
 * most 256 bytes; nothing is done if the node is already there or the blob's
 * layout is not the usual header, reservations, structure, strings. */
static void fdt_reserve_firmware(unsigned long fdt)
{
	enum { BEGIN = 1, END = 2, PROP = 3, NOP = 4 };
	uint8_t *b = (uint8_t *)fdt;
	if (!fdt || (fdt & 7) || be32(b) != 0xd00dfeed || be32(b + 20) < 17)
		return;
	uint32_t off_struct = be32(b + 8), off_strings = be32(b + 12);
	uint32_t size_strings = be32(b + 32), size_struct = be32(b + 36);
	if (off_strings < off_struct + size_struct)
		return;
	uint8_t *st = b + off_struct, *p = st;
	uint8_t *root_end = 0, *resv_end = 0;
	int depth = 0, in_resv = 0;
	for (;;) {
		uint32_t tok = be32(p);
		if (tok == BEGIN) {
			const char *name = (const char *)p + 4;
			size_t n = 0;
			while (name[n])
				n++;
			depth++;
			if (depth == 2 && str_eq(name, "reserved-memory"))
				in_resv = 1;
			if (depth == 3 && in_resv && str_prefix(name, "mmode_resv"))
				return; /* already described */
			p += 4 + ((n + 4) & ~3UL);
		} else if (tok == PROP) {
			p += 12 + ((be32(p + 4) + 3) & ~3U);
		} else if (tok == END) {
			if (depth == 2 && in_resv) {
				resv_end = p;
				in_resv = 0;
			}
			if (depth == 1)
				root_end = p;
			depth--;
			p += 4;
		} else if (tok == NOP) {
			p += 4;
		} else {
			break;
		}
		if (p >= st + size_struct)
			return;
	}
	if (!root_end)
		return;

	static struct fdt_patch fp;
	fp.len = fp.slen = 0;
	fp.old_strs = (const char *)(b + off_strings);
	fp.old_slen = size_strings;
	uint8_t *at = resv_end ? resv_end : root_end;
	static const uint32_t two = 2;
	const uint32_t reg[4] = {(uint32_t)(FW_BASE >> 32), (uint32_t)FW_BASE, 0, (uint32_t)FW_SIZE};
	if (!resv_end) {
		fdt_emit_node(&fp, "reserved-memory");
		fdt_emit_prop(&fp, "#address-cells", &two, 1);
		fdt_emit_prop(&fp, "#size-cells", &two, 1);
		fdt_emit_prop(&fp, "ranges", 0, 0);
	}
	fdt_emit_node(&fp, "mmode_resv0@80000000");
	fdt_emit_prop(&fp, "reg", reg, 4);
	fdt_emit_prop(&fp, "no-map", 0, 0);
	fdt_emit32(&fp, END);
	if (!resv_end)
		fdt_emit32(&fp, END);

	/* strings block goes right after the grown structure block */
	uint32_t new_off_strings = off_struct + size_struct + (uint32_t)fp.len;
	memmove(b + new_off_strings, b + off_strings, size_strings);
	memmove(at + fp.len, at, (size_t)(st + size_struct - at));
	memcpy(at, fp.buf, fp.len);
	memcpy(b + new_off_strings + size_strings, fp.strs, fp.slen);
	put_be32(b + 12, new_off_strings);
	put_be32(b + 32, size_strings + (uint32_t)fp.slen);
	put_be32(b + 36, size_struct + (uint32_t)fp.len);
	put_be32(b + 4, new_off_strings + size_strings + (uint32_t)fp.slen);
}

/* ------------------------------------------------------ timer and IPIs */

static unsigned long hartid(void) { return csr_read(mhartid); }

static void set_timer(unsigned long when)
{
	if (have_sstc) {
		/* Sstc: S-mode may also program stimecmp itself; STIP follows it. */
		csr_write(CSR_STIMECMP, when);
		return;
	}
	mmio_write64(CLINT_MTIMECMP(hartid()), when);
	csr_clear(mip, MIP_STIP);
	csr_set(mie, MIP_MTIP);
}

/* M-mode timer interrupt: hand it to S-mode as STIP and mask MTI until the
 * next set_timer. */
static void handle_mtimer(void)
{
	csr_clear(mie, MIP_MTIP);
	csr_set(mip, MIP_STIP);
}

static void send_msip(unsigned long h)
{
	fence_all();
	mmio_write32(CLINT_MSIP(h), 1);
}

static void do_rfence(unsigned long op, unsigned long start, unsigned long size, unsigned long asid)
{
	if (op == RF_FENCE_I) {
		__asm__ volatile("fence.i" ::: "memory");
		return;
	}
	/* Section 8: "start_addr and size are both 0, or size is 2^XLEN-1" means
	 * the whole address space. */
	int full = (start == 0 && size == 0) || size == ~0UL || size > RFENCE_RANGE_LIMIT;
	if (full) {
		if (op == RF_SFENCE_VMA_ASID)
			__asm__ volatile("sfence.vma x0, %0" ::"r"(asid) : "memory");
		else
			__asm__ volatile("sfence.vma" ::: "memory");
		return;
	}
	unsigned long va = start & ~0xfffUL, end = start + size;
	for (; va < end; va += 4096) {
		if (op == RF_SFENCE_VMA_ASID)
			__asm__ volatile("sfence.vma %0, %1" ::"r"(va), "r"(asid) : "memory");
		else
			__asm__ volatile("sfence.vma %0" ::"r"(va) : "memory");
	}
}

/* Handle this hart's M-mode software interrupt: SSIP requests and RFENCE
 * requests from other harts. deliver_ssip = 0 when the hart is stopped. */
static void handle_msi(int deliver_ssip)
{
	unsigned long me = hartid();
	struct hart_shared *hs = &harts[me];
	mmio_write32(CLINT_MSIP(me), 0);
	fence_all();
	if (__atomic_exchange_n(&hs->ipi_ssip, 0, __ATOMIC_ACQUIRE) && deliver_ssip)
		csr_set(mip, MIP_SSIP);
	unsigned long from = __atomic_exchange_n(&hs->rfence_from, 0, __ATOMIC_ACQUIRE);
	while (from) {
		unsigned long s = __builtin_ctzl(from);
		from &= from - 1;
		struct hart_shared *src = &harts[s];
		do_rfence(src->req_op, src->req_start, src->req_size, src->req_asid);
		__atomic_fetch_sub(&src->pending_acks, 1, __ATOMIC_RELEASE);
	}
}

/* Service M-level events while M-mode code waits with MIE = 0. */
static void poll_m_events(int deliver_ssip)
{
	unsigned long mip = csr_read(mip);
	if (mip & MIP_MSIP)
		handle_msi(deliver_ssip);
	if ((mip & MIP_MTIP) && (csr_read(mie) & MIP_MTIP))
		handle_mtimer();
}

static int hart_is_running(unsigned long h)
{
	long st = harts[h].hsm_state;
	return st == HSM_STARTED || st == HSM_SUSPENDED || st == HSM_SUSPEND_PENDING ||
	       st == HSM_RESUME_PENDING;
}

/* Expands (hart_mask, hart_mask_base) per section 3 (base = -1: all harts).
 * Returns 0 and the target set, or -1 if a hart id is invalid. */
static int hart_mask_expand(unsigned long mask, unsigned long base, unsigned long *out)
{
	if (base == ~0UL) {
		*out = hart_valid;
		return 0;
	}
	unsigned long set = 0;
	while (mask) {
		unsigned long bit = __builtin_ctzl(mask);
		mask &= mask - 1;
		unsigned long h = base + bit;
		if (h < base || h >= MAX_HARTS || !(hart_valid & (1UL << h)))
			return -1;
		set |= 1UL << h;
	}
	*out = set;
	return 0;
}

static long sbi_send_ipi(unsigned long targets)
{
	unsigned long me = hartid();
	for (unsigned long h = 0; h < MAX_HARTS; h++) {
		if (!(targets & (1UL << h)) || !hart_is_running(h))
			continue;
		if (h == me) {
			csr_set(mip, MIP_SSIP);
			continue;
		}
		__atomic_store_n(&harts[h].ipi_ssip, 1, __ATOMIC_RELEASE);
		send_msip(h);
	}
	return SBI_SUCCESS;
}

/* RFENCE: post our request, signal every running target with an M-mode
 * software interrupt, do the fence locally if we are a target, then wait
 * until every target acknowledged (serving incoming requests meanwhile, so
 * two harts fencing each other cannot deadlock). */
static long sbi_rfence(unsigned long targets, unsigned long op, unsigned long start,
		       unsigned long size, unsigned long asid)
{
	unsigned long me = hartid();
	struct hart_shared *hs = &harts[me];
	if (op != RF_FENCE_I && size != ~0UL && start + size < start)
		return SBI_ERR_INVALID_ADDRESS;
	hs->req_op = op;
	hs->req_start = start;
	hs->req_size = size;
	hs->req_asid = asid;
	long n = 0;
	for (unsigned long h = 0; h < MAX_HARTS; h++)
		if ((targets & (1UL << h)) && h != me && hart_is_running(h))
			n++;
	__atomic_store_n(&hs->pending_acks, n, __ATOMIC_RELEASE);
	for (unsigned long h = 0; h < MAX_HARTS; h++) {
		if (!(targets & (1UL << h)) || h == me || !hart_is_running(h))
			continue;
		__atomic_fetch_or(&harts[h].rfence_from, 1UL << me, __ATOMIC_RELEASE);
		send_msip(h);
	}
	if (targets & (1UL << me))
		do_rfence(op, start, size, asid);
	while (__atomic_load_n(&hs->pending_acks, __ATOMIC_ACQUIRE) > 0)
		poll_m_events(1);
	return SBI_SUCCESS;
}

/* ------------------------------------------------------------------ HSM */

static void stopped_loop(struct hart_ctx *ctx) __attribute__((noreturn));

static void hart_quiesce(void)
{
	csr_write(mie, MIP_MSIP);
	mmio_write64(CLINT_MTIMECMP(hartid()), ~0UL);
	if (have_sstc)
		csr_write(CSR_STIMECMP, ~0UL);
	csr_clear(mip, MIP_SSIP | MIP_STIP);
}

/* A stopped hart waits here in M-mode (wfi, MSIP enabled) for hart_start. */
static void stopped_loop(struct hart_ctx *ctx)
{
	unsigned long me = ctx->hartid;
	struct hart_shared *hs = &harts[me];
	hart_quiesce();
	for (;;) {
		__asm__ volatile("wfi");
		poll_m_events(0);
		if (__atomic_load_n(&hs->start_go, __ATOMIC_ACQUIRE))
			break;
	}
	hs->start_go = 0;
	unsigned long addr = hs->start_addr, arg = hs->start_arg;
	hs->ipi_ssip = 0;
	csr_clear(mip, MIP_SSIP | MIP_STIP);
	__atomic_store_n(&hs->hsm_state, HSM_STARTED, __ATOMIC_RELEASE);
	enter_smode(addr, me, arg);
}

static int addr_is_firmware(unsigned long a) { return a >= FW_BASE && a < FW_BASE + FW_SIZE; }

static long hsm_hart_start(unsigned long h, unsigned long addr, unsigned long arg)
{
	if (h >= MAX_HARTS || !(hart_valid & (1UL << h)))
		return SBI_ERR_INVALID_PARAM;
	if (addr_is_firmware(addr))
		return SBI_ERR_INVALID_ADDRESS;
	long expect = HSM_STOPPED;
	if (!__atomic_compare_exchange_n(&harts[h].hsm_state, &expect, HSM_START_PENDING, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return SBI_ERR_ALREADY_AVAILABLE;
	harts[h].start_addr = addr;
	harts[h].start_arg = arg;
	__atomic_store_n(&harts[h].start_go, 1, __ATOMIC_RELEASE);
	send_msip(h);
	return SBI_SUCCESS;
}

static void __attribute__((noreturn)) hsm_hart_stop(struct hart_ctx *ctx)
{
	struct hart_shared *hs = &harts[ctx->hartid];
	hs->hsm_state = HSM_STOP_PENDING;
	hart_quiesce();
	__atomic_store_n(&hs->hsm_state, HSM_STOPPED, __ATOMIC_RELEASE);
	park_on_stack(ctx, stopped_loop);
}

/* Wait in M-mode until an interrupt S-mode has enabled is pending. */
static void suspend_wait(void)
{
	for (;;) {
		unsigned long pend = csr_read(mip) & csr_read(mie) & (MIP_SSIP | MIP_STIP | MIP_SEIP);
		if (pend)
			return;
		__asm__ volatile("wfi");
		poll_m_events(1);
	}
}

static void nonretentive_resume(struct hart_ctx *ctx)
{
	struct hart_shared *hs = &harts[ctx->hartid];
	suspend_wait();
	__atomic_store_n(&hs->hsm_state, HSM_STARTED, __ATOMIC_RELEASE);
	enter_smode(hs->suspend_addr, ctx->hartid, hs->suspend_arg);
}

static long hsm_hart_suspend(struct hart_ctx *ctx, unsigned long type, unsigned long addr,
			     unsigned long arg)
{
	struct hart_shared *hs = &harts[ctx->hartid];
	/* Only the two default suspend types (section 9.4); reserved and
	 * platform-specific types are rejected. */
	if (type != SUSPEND_DEFAULT_RETENTIVE && type != SUSPEND_DEFAULT_NON_RETENTIVE)
		return SBI_ERR_INVALID_PARAM;
	if (type == SUSPEND_DEFAULT_NON_RETENTIVE && addr_is_firmware(addr))
		return SBI_ERR_INVALID_ADDRESS;
	hs->hsm_state = HSM_SUSPENDED;
	if (type == SUSPEND_DEFAULT_RETENTIVE) {
		suspend_wait();
		hs->hsm_state = HSM_STARTED;
		return SBI_SUCCESS;
	}
	hs->suspend_addr = addr;
	hs->suspend_arg = arg;
	park_on_stack(ctx, nonretentive_resume);
}

/* ----------------------------------------------------------------- SRST */

static void __attribute__((noreturn)) system_reset(unsigned long type, unsigned long reason)
{
	uint32_t cmd;
	if (type == 0)
		cmd = reason ? ((1U << 16) | 0x3333) : 0x5555;
	else
		cmd = 0x7777;
	/* If the board resets without reloading the image, the next boot must
	 * still find the boot barrier open. */
	boot_done = 0;
	boot_lottery = 0;
	fence_all();
	mmio_write32(SIFIVE_TEST, cmd);
	for (;;)
		__asm__ volatile("wfi");
}

/* ------------------------------------------------------------------- ecall */

static unsigned long mtime_read(void) { return mmio_read64(CLINT_MTIME); }

static int ext_probe(unsigned long eid)
{
	switch (eid) {
	case EXT_BASE: case EXT_TIME: case EXT_IPI: case EXT_RFENCE:
	case EXT_HSM: case EXT_SRST: case EXT_DBCN: case EXT_PMU:
		return 1;
	default:
		return eid <= 0x08;
	}
}

/* Legacy calls pass a pointer to the hart mask in S-mode virtual memory. */
static int legacy_mask(unsigned long ptr, unsigned long *out)
{
	if (!ptr) {
		*out = hart_valid;
		return 0;
	}
	unsigned long m = 0;
	struct unpriv_trap t;
	for (int i = 0; i < 8; i++) {
		m |= unpriv_lbu(ptr + i, &t) << (8 * i);
		if (t.cause)
			return -1;
	}
	*out = m & hart_valid;
	return 0;
}

static void sbi_ecall(struct hart_ctx *ctx)
{
	unsigned long *r = ctx->regs;
	unsigned long eid = r[17], fid = r[16];
	unsigned long a0 = r[10], a1 = r[11], a2 = r[12], a3 = r[13], a4 = r[14];
	long err = SBI_SUCCESS;
	unsigned long val = 0, set;
	int legacy = 0;

	csr_write(mepc, csr_read(mepc) + 4);
#ifdef PAGODA_FW_SELFTEST
	/* Test hook (firmware-specific EID space, SBI section 3): emulate the
	 * load/store instruction at a0 as if it had trapped misaligned at
	 * address a1 with cause a2; registers change as the instruction would
	 * change them. Lets QEMU, which never traps misaligned accesses, check
	 * the emulation. Not built by default. */
	if (eid == 0x0A000000) {
		unsigned long ret = csr_read(mepc);
		csr_write(mepc, a0);
		csr_write(mtval, a1);
		handle_misaligned(ctx, a2);
		unsigned long epc = csr_read(mepc);
		if (epc == a0 + 2 || epc == a0 + 4)
			csr_write(mepc, ret); /* emulated; else redirected to stvec */
		return;
	}
#endif
	switch (eid) {
	case EXT_BASE:
		switch (fid) {
		case 0: val = (2UL << 24) | 0; break; /* spec version 2.0 */
		case 1: val = SBI_IMPL_ID; break;
		case 2: val = SBI_IMPL_VERSION; break;
		case 3: val = ext_probe(a0); break;
		case 4: val = csr_read(mvendorid); break;
		case 5: val = csr_read(marchid); break;
		case 6: val = csr_read(mimpid); break;
		default: err = SBI_ERR_NOT_SUPPORTED;
		}
		break;
	case EXT_TIME:
		if (fid == 0)
			set_timer(a0);
		else
			err = SBI_ERR_NOT_SUPPORTED;
		break;
	case EXT_IPI:
		if (fid != 0)
			err = SBI_ERR_NOT_SUPPORTED;
		else if (hart_mask_expand(a0, a1, &set))
			err = SBI_ERR_INVALID_PARAM;
		else
			err = sbi_send_ipi(set);
		break;
	case EXT_RFENCE:
		if (fid > 2)
			err = SBI_ERR_NOT_SUPPORTED; /* HFENCE: no hypervisor extension */
		else if (hart_mask_expand(a0, a1, &set))
			err = SBI_ERR_INVALID_PARAM;
		else
			err = sbi_rfence(set, fid, a2, a3, a4);
		break;
	case EXT_HSM:
		switch (fid) {
		case 0: err = hsm_hart_start(a0, a1, a2); break;
		case 1: hsm_hart_stop(ctx);
		case 2:
			if (a0 >= MAX_HARTS || !(hart_valid & (1UL << a0)))
				err = SBI_ERR_INVALID_PARAM;
			else
				val = harts[a0].hsm_state;
			break;
		case 3: err = hsm_hart_suspend(ctx, a0, a1, a2); break;
		default: err = SBI_ERR_NOT_SUPPORTED;
		}
		break;
	case EXT_SRST:
		if (fid != 0)
			err = SBI_ERR_NOT_SUPPORTED;
		else if (a0 > 2 && a0 < 0xF0000000UL)
			err = SBI_ERR_INVALID_PARAM;
		else if (a1 > 1 && a1 < 0xE0000000UL)
			err = SBI_ERR_INVALID_PARAM;
		else if (a0 > 2)
			err = SBI_ERR_NOT_SUPPORTED; /* vendor reset types */
		else
			system_reset(a0, a1);
		break;
	case EXT_PMU: {
		unsigned long args[5] = {a0, a1, a2, a3, a4};
		err = sbi_pmu(hartid(), fid, args, &val);
		break;
	}
	case EXT_DBCN:
		if (fid == 0 || fid == 1) {
			/* a0 = num_bytes, a1/a2 = physical address lo/hi (section 12) */
			if (a2 != 0 || a1 + a0 < a1 || (a0 && a1 < FW_BASE + FW_SIZE && a1 + a0 > FW_BASE)) {
				err = SBI_ERR_INVALID_PARAM;
				break;
			}
			/* A hole in the memory map ends the transfer early; nothing
			 * transferred at all means the address was bad. */
			struct unpriv_trap t = {0, 0};
			if (fid == 0) {
				lock(&console_lock);
				for (val = 0; val < a0; val++) {
					unsigned long c = phys_lbu(a1 + val, &t);
					if (t.cause)
						break;
					uart_putc((char)c);
				}
				unlock(&console_lock);
			} else {
				int c;
				for (val = 0; val < a0 && (c = uart_getc()) >= 0; val++) {
					phys_sb(a1 + val, (unsigned long)c, &t);
					if (t.cause)
						break;
				}
			}
			if (t.cause && val == 0)
				err = SBI_ERR_INVALID_PARAM;
		} else if (fid == 2) {
			lock(&console_lock);
			uart_putc((char)a0);
			unlock(&console_lock);
		} else {
			err = SBI_ERR_NOT_SUPPORTED;
		}
		break;
	/* Legacy extensions (section 5): one return value in a0. */
	case 0x00: legacy = 1; set_timer(a0); err = 0; break;
	case 0x01: legacy = 1; lock(&console_lock); uart_putc((char)a0); unlock(&console_lock); err = 0; break;
	case 0x02: legacy = 1; err = uart_getc(); break;
	case 0x03: legacy = 1; csr_clear(mip, MIP_SSIP); err = 0; break;
	case 0x04: legacy = 1;
		err = legacy_mask(a0, &set) ? SBI_ERR_INVALID_ADDRESS : sbi_send_ipi(set);
		break;
	case 0x05: case 0x06: case 0x07: legacy = 1;
		err = legacy_mask(a0, &set) ? SBI_ERR_INVALID_ADDRESS
					    : sbi_rfence(set, eid - 0x05, a1, a2, a3);
		break;
	case 0x08: legacy = 1; system_reset(0, 0);
	default:
		err = SBI_ERR_NOT_SUPPORTED;
	}
	r[10] = (unsigned long)err;
	if (!legacy)
		r[11] = val;
}

/* --------------------------------------------------------------- traps */

/* Deliver an exception to S-mode as if the hardware had delegated it
 * (privileged spec 3.1.6.1 / 4.1.1: SPP, SPIE, SIE; sepc, scause, stval). */
void redirect_trap(struct hart_ctx *ctx, unsigned long cause, unsigned long tval)
{
	(void)ctx;
	unsigned long ms = csr_read(mstatus);
	unsigned long prev = (ms & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
	csr_write(sepc, csr_read(mepc));
	csr_write(scause, cause);
	csr_write(stval, tval);
	ms &= ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_MPP);
	if (prev == 1)
		ms |= MSTATUS_SPP;
	if (csr_read(mstatus) & MSTATUS_SIE)
		ms |= MSTATUS_SPIE;
	ms |= 1UL << MSTATUS_MPP_SHIFT;
	csr_write(mstatus, ms);
	csr_write(mepc, csr_read(stvec) & ~3UL);
}

static void __attribute__((noreturn)) fw_panic(const char *what, unsigned long cause,
					      unsigned long epc, unsigned long tval)
{
	char buf[160], *p = buf;
	const char *s = "pagoda-fw: ";
	while (*s)
		*p++ = *s++;
	while (*what)
		*p++ = *what++;
	s = " mcause=0x";
	while (*s) *p++ = *s++;
	p = fmt_u(p, cause, 16);
	s = " mepc=0x";
	while (*s) *p++ = *s++;
	p = fmt_u(p, epc, 16);
	s = " mtval=0x";
	while (*s) *p++ = *s++;
	p = fmt_u(p, tval, 16);
	*p++ = '\n';
	*p = 0;
	console_puts(buf);
	system_reset(0, 1);
}

/* "csrr rd, time" (csrrs rd, 0xc01, x0) trapped because the hart has no time
 * CSR: emulate it from the CLINT's mtime. */
static int emulate_rdtime(struct hart_ctx *ctx)
{
	unsigned long insn = csr_read(mtval);
	if (!insn) {
		struct unpriv_trap t;
		unsigned long epc = csr_read(mepc);
		insn = unpriv_lhu_x(epc, &t);
		if (t.cause || (insn & 3) != 3)
			return 0;
		insn |= unpriv_lhu_x(epc + 2, &t) << 16;
		if (t.cause)
			return 0;
	}
	if ((insn & 0xfffff07fUL) != 0xc0102073UL)
		return 0;
	unsigned long rd = (insn >> 7) & 31;
	if (rd)
		ctx->regs[rd] = mtime_read();
	csr_write(mepc, csr_read(mepc) + 4);
	return 1;
}

void trap_handler(struct hart_ctx *ctx)
{
	unsigned long cause = csr_read(mcause);
	if ((long)cause < 0) {
		switch (cause & 0xff) {
		case IRQ_M_SOFT: handle_msi(1); return;
		case IRQ_M_TIMER: handle_mtimer(); return;
		default: fw_panic("unexpected interrupt", cause, csr_read(mepc), 0);
		}
	}
	unsigned long mpp = (csr_read(mstatus) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
	if (mpp == 3)
		fw_panic("trap in M-mode", cause, csr_read(mepc), csr_read(mtval));
	switch (cause) {
	case CAUSE_SUPERVISOR_ECALL:
		sbi_ecall(ctx);
		return;
	case CAUSE_MISALIGNED_LOAD:
	case CAUSE_MISALIGNED_STORE:
		handle_misaligned(ctx, cause);
		return;
	case CAUSE_ILLEGAL_INSN:
		if (emulate_rdtime(ctx))
			return;
		redirect_trap(ctx, cause, csr_read(mtval));
		return;
	default:
		redirect_trap(ctx, cause, csr_read(mtval));
	}
}

/* ------------------------------------------------------------------ boot */

/* M-mode state every hart sets up before running S-mode code. */
static void hart_init(void)
{
	/* PMP: entry 0 hides the firmware from S/U (no permissions, not locked,
	 * so M-mode is unaffected); entry 1 opens everything else (NAPOT all ones). */
	unsigned long fw_napot = (FW_BASE >> 2) | ((FW_SIZE >> 3) - 1);
	unsigned long cfg0 = (0x1fUL << 8) /* entry 1: NAPOT|X|W|R */ | 0x18UL /* entry 0: NAPOT, none */;
	probe_pmp_setup(fw_napot, ~0UL, cfg0);

	/* Delegation, as OpenSBI does: misaligned fetch, breakpoint, U-mode ecall
	 * and page faults go straight to S-mode. Illegal instruction (rdtime
	 * emulation), access faults and misaligned load/store (emulation) come to
	 * M-mode and are redirected to S-mode when not handled here. */
	csr_write(medeleg, (1UL << CAUSE_MISALIGNED_FETCH) | (1UL << CAUSE_BREAKPOINT) |
				   (1UL << CAUSE_USER_ECALL) | (1UL << CAUSE_FETCH_PAGE_FAULT) |
				   (1UL << CAUSE_LOAD_PAGE_FAULT) | (1UL << CAUSE_STORE_PAGE_FAULT));
	csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP | (1UL << IRQ_LCOF));
	csr_write(mcounteren, 0xffffffffUL);
	pmu_init_hart(csr_read(mhartid));

	/* menvcfg (privileged 1.12): Sstc, Svpbmt, Zicbom/Zicboz for S-mode; the
	 * bits are WARL, so reading back tells which extensions exist. */
	unsigned long envcfg = probe_csr_set_menvcfg(MENVCFG_STCE | MENVCFG_PBMTE | MENVCFG_CBZE |
						     MENVCFG_CBCFE | MENVCFG_CBIE_FLUSH);
	/* Some harts keep STCE writable without Sstc (QEMU 7.2): also require
	 * that stimecmp itself exists. */
	int sstc = (envcfg & MENVCFG_STCE) && probe_stimecmp();
	if ((envcfg & MENVCFG_STCE) && !sstc)
		csr_clear(CSR_MENVCFG, MENVCFG_STCE);
	if (hartid() == boot_hartid)
		have_sstc = sstc;

	/* FP on (Dirty) with a clean fcsr, as OpenSBI leaves it; S-mode may turn it off. */
	csr_set(mstatus, MSTATUS_FS);
	csr_write(fcsr, 0);
	csr_clear(mstatus, MSTATUS_MPRV | MSTATUS_MIE);

	mmio_write64(CLINT_MTIMECMP(hartid()), ~0UL);
	csr_write(mie, MIP_MSIP);
}

static void banner(unsigned long nharts)
{
	char buf[96], *p = buf;
	const char *s = "Pagoda SBI firmware v0.1: ";
	while (*s)
		*p++ = *s++;
	p = fmt_u(p, nharts, 10);
	s = nharts == 1 ? " hart, boot hart " : " harts, boot hart ";
	while (*s)
		*p++ = *s++;
	p = fmt_u(p, boot_hartid, 10);
	s = have_sstc ? ", Sstc\n" : "\n";
	while (*s)
		*p++ = *s++;
	*p = 0;
	console_puts(buf);
}

void fw_main(unsigned long me, unsigned long dtb)
{
	struct hart_ctx *ctx = &hart_areas[me].ctx;
	unsigned long stack_top = ctx->stack_top;
	for (size_t i = 0; i < sizeof(*ctx) / sizeof(unsigned long); i++)
		((unsigned long *)ctx)[i] = 0;
	ctx->stack_top = stack_top;
	ctx->hartid = me;

	if (__atomic_fetch_add(&boot_lottery, 1, __ATOMIC_ACQ_REL) == 0) {
		for (char *b = __bss_start; b < __bss_end; b++)
			*b = 0;
		boot_hartid = me;
		hart_valid = fdt_hart_mask(dtb);
		fdt_reserve_firmware(dtb);
		if (!(hart_valid & (1UL << me)))
			hart_valid |= 1UL << me; /* no usable device tree: just us */
		for (unsigned long h = 0; h < MAX_HARTS; h++)
			harts[h].hsm_state = HSM_STOPPED;
		harts[me].hsm_state = HSM_STARTED;
		uart_init();
		hart_init();
		banner(__builtin_popcountl(hart_valid));
		__atomic_store_n(&boot_done, 1, __ATOMIC_RELEASE);
		enter_smode(NEXT_STAGE, me, dtb);
	}
	while (!__atomic_load_n(&boot_done, __ATOMIC_ACQUIRE))
		;
	hart_init();
	stopped_loop(ctx);
}
