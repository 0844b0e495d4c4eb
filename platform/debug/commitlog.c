/* The commit log: see commitlog.h and docs/DEBUGGING.md ("Commit log").
 *
 * What a line holds follows what Spike's commit log records (riscv-isa-sim,
 * execute.cc and the CSR classes): the registers an instruction writes,
 * whether or not the value changes (an x register named by rd, except x0;
 * an f register, 64 bits wide; the CSRs Spike's CSR objects log when they
 * are written), then each load's address and each store's address and
 * data at the access's width.  Entries are keyed number << 4 | kind
 * (0 x, 1 f, 4 CSR) and printed in key order, as Spike's ordered map does:
 * fflags (CSR 1) comes after x1/f1 and before x2, mstatus after every
 * register. */
#include "commitlog.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hart.h"
#include "insn_access.h"

/* ---- CSR names (Spike's, which are the privileged spec's) ---- */

static const struct { uint16_t num; const char *name; } csr_names[] = {
    {0x001, "fflags"}, {0x002, "frm"}, {0x003, "fcsr"},
    {0xc00, "cycle"}, {0xc01, "time"}, {0xc02, "instret"},
    {0x100, "sstatus"}, {0x104, "sie"}, {0x105, "stvec"}, {0x106, "scounteren"}, {0x10a, "senvcfg"},
    {0x140, "sscratch"}, {0x141, "sepc"}, {0x142, "scause"}, {0x143, "stval"}, {0x144, "sip"},
    {0x14d, "stimecmp"}, {0x180, "satp"},
    {0x300, "mstatus"}, {0x301, "misa"}, {0x302, "medeleg"}, {0x303, "mideleg"}, {0x304, "mie"},
    {0x305, "mtvec"}, {0x306, "mcounteren"}, {0x309, "mvip"}, {0x30a, "menvcfg"},
    {0x320, "mcountinhibit"}, {0x340, "mscratch"}, {0x341, "mepc"}, {0x342, "mcause"},
    {0x343, "mtval"}, {0x344, "mip"}, {0xb00, "mcycle"}, {0xb02, "minstret"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"}, {0xf13, "mimpid"}, {0xf14, "mhartid"}, {0xf15, "mconfigptr"},
};

const char *commit_csr_name(unsigned csr, char *buf, size_t n)
{
    for (size_t i = 0; i < sizeof csr_names / sizeof csr_names[0]; i++)
        if (csr_names[i].num == csr) return csr_names[i].name;
    /* the numbered families */
    if (csr >= 0xc03 && csr <= 0xc1f) snprintf(buf, n, "hpmcounter%u", csr - 0xc00);
    else if (csr >= 0xb03 && csr <= 0xb1f) snprintf(buf, n, "mhpmcounter%u", csr - 0xb00);
    else if (csr >= 0x323 && csr <= 0x33f) snprintf(buf, n, "mhpmevent%u", csr - 0x320);
    else if (csr >= 0x3a0 && csr <= 0x3af) snprintf(buf, n, "pmpcfg%u", csr - 0x3a0);
    else if (csr >= 0x3b0 && csr <= 0x3ef) snprintf(buf, n, "pmpaddr%u", csr - 0x3b0);
    else return "unknown-csr";
    return buf;
}

/* ---- one line ---- */

void commit_add_reg(struct commit_record *r, unsigned kind, unsigned num, uint64_t value)
{
    uint32_t key = (uint32_t)num << 4 | kind;
    if (key == 0) return; /* x0 */
    unsigned i = 0;
    while (i < r->nregs && r->regs[i].key < key) i++;
    if (i < r->nregs && r->regs[i].key == key) {
        r->regs[i].value = value; /* written twice: the last value, as Spike's map keeps */
        return;
    }
    if (r->nregs == COMMIT_MAX_REGS) return;
    memmove(&r->regs[i + 1], &r->regs[i], (r->nregs - i) * sizeof r->regs[0]);
    r->regs[i].key = key;
    r->regs[i].value = value;
    r->nregs++;
}

/* Append to buf at *at (bounded by n, always terminated). */
static void put(char *buf, size_t n, size_t *at, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t n, size_t *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(*at < n ? buf + *at : NULL, *at < n ? n - *at : 0, fmt, ap);
    va_end(ap);
    if (k > 0) *at += (size_t)k;
}

/* A value at a width of 8, 16, 32 or 64 bits: 0x and 2, 4, 8 or 16 digits. */
static void put_value(char *buf, size_t n, size_t *at, unsigned bits, uint64_t v)
{
    if (bits < 64) v &= (1ull << bits) - 1;
    put(buf, n, at, "0x%0*" PRIx64, (int)(bits / 4), v);
}

size_t commit_format(const struct commit_record *r, char *buf, size_t n)
{
    size_t at = 0;
    if (n) buf[0] = 0;
    put(buf, n, &at, "core%4u: %u ", r->hartid, r->priv);
    put_value(buf, n, &at, 64, r->pc);
    put(buf, n, &at, " (");
    put_value(buf, n, &at, r->len * 8, r->raw);
    put(buf, n, &at, ")");
    for (unsigned i = 0; i < r->nregs; i++) {
        unsigned num = r->regs[i].key >> 4, kind = r->regs[i].key & 15;
        if (kind == COMMIT_CSR) {
            char name[32];
            put(buf, n, &at, " c%u_%s ", num, commit_csr_name(num, name, sizeof name));
        } else {
            put(buf, n, &at, " %c%-2u ", kind == COMMIT_F ? 'f' : 'x', num);
        }
        put_value(buf, n, &at, 64, r->regs[i].value);
    }
    for (unsigned i = 0; i < r->nreads; i++) {
        put(buf, n, &at, " mem ");
        put_value(buf, n, &at, 64, r->reads[i]);
    }
    for (unsigned i = 0; i < r->nwrites; i++) {
        put(buf, n, &at, " mem ");
        put_value(buf, n, &at, 64, r->writes[i].addr);
        put(buf, n, &at, " ");
        put_value(buf, n, &at, r->writes[i].size * 8, r->writes[i].value);
    }
    put(buf, n, &at, "\n");
    return at < n ? at : (n ? n - 1 : 0);
}

/* ---- following the harts ---- */

enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003, CSR_SSTATUS = 0x100, CSR_SIE = 0x104,
    CSR_SIP = 0x144, CSR_MSTATUS = 0x300, CSR_MIE = 0x304, CSR_MVIP = 0x309, CSR_MIP = 0x344,
};
#define MIP_SSIP (1ull << IRQ_SSI)
#define MIP_STIP (1ull << IRQ_STI)
#define MIP_SEIP (1ull << IRQ_SEI)

struct commit_hart {
    struct hart_step_hook hook;
    const struct hart_step_hook *next; /* the hook that was there before, called too */
    struct commitlog *log;
    struct commit_record rec;   /* pc, privilege and bits, from before() */
    bool has_access;
    struct insn_access acc;
    uint64_t store_data;        /* what a store writes (its data register before it ran) */
    bool resv_valid;            /* the LR reservation before an SC */
    uint64_t resv_addr;
    uint64_t mstatus, mip;      /* before */
    bool fp_op;                 /* an FP computation: fflags were cleared to see what it raises */
    uint32_t fflags;            /* ... and held here meanwhile */
};

struct commitlog {
    FILE *out;
    bool own;                   /* out was opened here */
    bool failed;                /* a write failed */
    struct hart *harts;
    unsigned n;
    struct commit_hart *ch;
};

static uint64_t csr_now(struct hart *h, unsigned csr)
{
    uint64_t v = 0;
    if (!csr_read(h, csr, &v)) v = 0;
    return v;
}

/* The physical address of a data access at va as the hart's translation
 * stands (MPRV applied), read without side effects; false when unmapped. */
static bool data_pa(const struct hart *h, uint64_t va, uint64_t *pa)
{
    unsigned priv = (h->mstatus & MSTATUS_MPRV) ? (h->mstatus >> 11) & 3 : h->priv;
    if (priv == PRIV_M || (h->satp >> 60) == SATP_BARE) {
        *pa = va;
        return true;
    }
    struct mmu_walk_view w;
    mmu_walk_inspect(h->mmu, h->satp, va, &w);
    if (!w.ok) return false;
    *pa = w.pa;
    return true;
}

static bool is_fp_op(uint32_t raw)
{
    unsigned op = raw & 0x7f;
    return (raw & 3) == 3 && (op == 0x53 || op == 0x43 || op == 0x47 || op == 0x4b || op == 0x4f);
}

/* The kind of register an instruction writes at rd (COMMIT_X or COMMIT_F),
 * or -1: every table row writes its rd but those whose disassembly names
 * none (stores, branches, fences, cbo.*, prefetches, ecall, xRET, ...;
 * c.jr names none and decodes with rd = x0, c.jalr with rd = x1). */
static int rd_kind(const struct insn *d)
{
    if (d->row >= insn_table_len) return -1;
    uint16_t dis = insn_table[d->row].dis;
    switch (dis & DIS_MASK) {
    case DIS_NONE: case DIS_STORE: case DIS_BRANCH: case DIS_FENCE: case DIS_SFENCE: case DIS_ADDR: case DIS_MEM:
        return -1;
    default:
        return (dis & DIS_RD_F) ? COMMIT_F : COMMIT_X;
    }
}

static void before(void *ctx, struct hart *h, const struct insn *d)
{
    struct commit_hart *c = ctx;
    struct commit_record *r = &c->rec;
    if (c->next) c->next->before(c->next->ctx, h, d);
    r->hartid = h->hartid;
    r->priv = h->priv;
    r->pc = h->pc;
    r->raw = d->raw;
    r->len = d->len;
    c->has_access = insn_access_of(d->raw, d, h->x, &c->acc);
    if (c->has_access && c->acc.writes)
        c->store_data = c->acc.fp_data ? h->f[c->acc.data_reg] : h->x[c->acc.data_reg];
    c->resv_valid = h->resv_valid;
    c->resv_addr = h->resv_addr;
    c->mstatus = csr_now(h, CSR_MSTATUS);
    c->mip = hart_mip(h);
    /* Spike logs fflags whenever an FP instruction raises a flag, even one
     * already set: clear them for the instruction (FP computations do not
     * read fflags) to see what it raises, and put them back after */
    c->fp_op = is_fp_op(d->raw);
    if (c->fp_op) {
        c->fflags = h->fcsr & 0x1f;
        h->fcsr &= ~0x1fu;
    }
}

/* The CSRs Spike logs for a CSR instruction's write of csr: the CSR
 * itself, except where Spike's CSR object writes and logs others
 * (csrs.cc): sstatus logs mstatus; sie logs sie and mie; sip and mip log
 * mvip (Spike's alias of the software SEIP, read before mip changes) and
 * mip; fcsr logs fflags and frm. */
static void add_csr(struct commit_record *r, struct hart *h, unsigned csr)
{
    commit_add_reg(r, COMMIT_CSR, csr, csr_now(h, csr));
}

static void add_csr_write(struct commit_hart *c, struct hart *h, unsigned csr)
{
    struct commit_record *r = &c->rec;
    switch (csr) {
    case CSR_SSTATUS: add_csr(r, h, CSR_MSTATUS); break;
    case CSR_SIE: add_csr(r, h, CSR_SIE); add_csr(r, h, CSR_MIE); break;
    case CSR_SIP: case CSR_MIP:
        commit_add_reg(r, COMMIT_CSR, CSR_MVIP,
                       (h->mip & MIP_SEIP) | ((h->menvcfg >> 63) ? 0 : c->mip & MIP_STIP) | (c->mip & MIP_SSIP));
        add_csr(r, h, CSR_MIP);
        break;
    case CSR_FCSR: add_csr(r, h, CSR_FFLAGS); add_csr(r, h, CSR_FRM); break;
    default: add_csr(r, h, csr); break;
    }
}

static void write_line(struct commitlog *l, const struct commit_record *r)
{
    char line[4096]; /* the longest: cbo.zero's 64 stores, 28 characters each */
    size_t len = commit_format(r, line, sizeof line);
    if (fwrite(line, 1, len, l->out) != len) l->failed = true;
}

static void after(void *ctx, struct hart *h, const struct insn *d, bool retired)
{
    struct commit_hart *c = ctx;
    struct commit_record *r = &c->rec;
    if (c->next) c->next->after(c->next->ctx, h, d, retired);
    uint32_t raised = 0;
    if (c->fp_op) {
        raised = h->fcsr & 0x1f;
        h->fcsr |= c->fflags;
    }
    if (!retired) return; /* a trap: Spike logs nothing for it either */
    r->nregs = r->nreads = r->nwrites = 0;

    int kind = rd_kind(d);
    if (kind == COMMIT_X) commit_add_reg(r, COMMIT_X, d->rd, h->x[d->rd]);
    else if (kind == COMMIT_F) commit_add_reg(r, COMMIT_F, d->rd, h->f[d->rd]);
    if (raised) commit_add_reg(r, COMMIT_CSR, CSR_FFLAGS, h->fcsr & 0x1f);

    uint32_t raw = d->raw;
    unsigned f3 = (raw >> 12) & 7;
    if ((raw & 0x7f) == 0x73 && f3 != 0 && f3 != 4) {
        /* csrrw/csrrwi always write; csrrs/csrrc(i) only with rs1 (uimm) != 0 */
        if ((f3 & 3) == 1 || ((raw >> 15) & 31) != 0) add_csr_write(c, h, raw >> 20);
    }
    /* mstatus: mret and sret write it (Spike logs it even when the value
     * stays); anything else that changed it (FS becoming Dirty) */
    uint64_t mstatus = csr_now(h, CSR_MSTATUS);
    if (raw == 0x30200073 || raw == 0x10200073 || mstatus != c->mstatus)
        commit_add_reg(r, COMMIT_CSR, CSR_MSTATUS, mstatus);

    if (c->has_access) {
        const struct insn_access *a = &c->acc;
        uint64_t mask = a->size >= 8 ? ~0ull : (1ull << (8 * a->size)) - 1;
        bool stored = a->writes;
        if (a->sc) {
            /* an SC that fails writes nothing (rd = 1); with rd = x0, the
             * reservation it found tells */
            uint64_t pa;
            stored = d->rd ? h->x[d->rd] == 0
                           : c->resv_valid && data_pa(h, a->addr, &pa) && pa == c->resv_addr;
        }
        if (a->reads) r->reads[r->nreads++] = a->addr;
        if (stored && a->size == INSN_ACCESS_BLOCK) {
            /* cbo.zero: Spike stores (and logs) the block a byte at a time */
            for (unsigned i = 0; i < INSN_ACCESS_BLOCK && i < COMMIT_MAX_WRITES; i++) {
                r->writes[i].addr = a->addr + i;
                r->writes[i].value = 0;
                r->writes[i].size = 1;
            }
            r->nwrites = INSN_ACCESS_BLOCK < COMMIT_MAX_WRITES ? INSN_ACCESS_BLOCK : COMMIT_MAX_WRITES;
        } else if (stored) {
            uint64_t v = c->store_data, pa;
            uint8_t *p;
            /* what an AMO wrote is in memory now (RAM: AMOs elsewhere fault) */
            if (a->amo && data_pa(h, a->addr, &pa) && (p = phys_ram_ptr(h->pm, pa, a->size)))
                v = phys_read_host(p, a->size);
            r->writes[0].addr = a->addr;
            r->writes[0].value = v & mask;
            r->writes[0].size = a->size;
            r->nwrites = 1;
        }
    }
    write_line(c->log, r);
}

struct commitlog *commitlog_open(const char *path, struct hart *harts, unsigned n)
{
    struct commitlog *l = calloc(1, sizeof *l);
    struct commit_hart *ch = calloc(n ? n : 1, sizeof *ch);
    if (!l || !ch) {
        free(l);
        free(ch);
        errno = ENOMEM;
        return NULL;
    }
    if (path) {
        l->out = fopen(path, "w");
        if (!l->out) {
            int e = errno;
            free(l);
            free(ch);
            errno = e;
            return NULL;
        }
        l->own = true;
    } else {
        /* stderr, as Spike.  On a terminal it stays unbuffered (lines
         * appear as the guest runs); redirected, it is given a large buffer
         * (one write per line made the run 4 times slower), and Pagoda's
         * own messages, which go through the same stream, stay in order */
        l->out = stderr;
        if (!isatty(STDERR_FILENO)) setvbuf(stderr, NULL, _IOFBF, 1 << 20);
    }
    l->harts = harts;
    l->n = n;
    l->ch = ch;
    for (unsigned i = 0; i < n; i++) {
        ch[i].log = l;
        ch[i].hook = (struct hart_step_hook){&ch[i], before, after};
        ch[i].next = harts[i].step_hook;
        harts[i].step_hook = &ch[i].hook;
    }
    return l;
}

bool commitlog_close(struct commitlog *l)
{
    if (!l) return true;
    for (unsigned i = 0; i < l->n; i++)
        if (l->harts[i].step_hook == &l->ch[i].hook) l->harts[i].step_hook = l->ch[i].next;
    bool ok = !l->failed;
    if (fflush(l->out) != 0) ok = false;
    if (l->own && fclose(l->out) != 0) ok = false;
    free(l->ch);
    free(l);
    return ok;
}
