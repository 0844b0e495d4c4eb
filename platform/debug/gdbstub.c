/* The GDB remote stub: see gdbstub.h and docs/DEBUGGING.md.  Packets as in
 * the GDB manual's "Remote Protocol" appendix; each hart is a thread
 * (thread id = hart + 1). */
#include "gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../board.h"
#include "../console.h"
#include "gdb_regs.h"
#include "rsp.h"

#define MAX_POINTS 64
#define POLL_ROUNDS 64 /* look for Ctrl-C or a new connection every this many rounds */

enum { BP_SW = 0, BP_HW = 1, WP_WRITE = 2, WP_READ = 3, WP_ACCESS = 4 };

/* A software breakpoint (Z0): the stub compares the harts' pcs. */
struct point {
    int type;       /* BP_SW */
    uint64_t addr;  /* virtual address */
    uint64_t len;
};

/* A hardware breakpoint or watchpoint (Z1-Z4): one debug trigger
 * (cpu/trigger.h, dmode = 1, action 1) claimed on every hart. */
struct tpoint {
    int type;                     /* BP_HW or WP_* (the Z packet's number) */
    uint64_t addr, len;           /* what GDB asked for */
    int index[BOARD_MAX_HARTS];   /* each hart's trigger */
};

/* Where a hart was before a round (breakpoints: did it move?). */
struct access {
    uint64_t pc0, steps0;   /* the pc and instret + traps before the round */
};

struct gdbstub {
    struct board *b;
    struct board_watch watch;
    int lfd, fd;              /* listening and connected sockets (-1: none) */
    bool wait_first;          /* -S: wait for GDB before the first instruction */
    bool started;             /* between_rounds ran once */
    bool noack;
    bool stopped;             /* the guest is stopped, GDB is in charge */
    bool step_pending;        /* a single step of step_hart is running */
    int step_hart;
    int run_hart;             /* >= 0: only this hart continues (vCont;c:TID with no default action) */
    int g_hart, c_hart;       /* Hg and Hc (-1: any) */
    bool phys;                /* monitor phys on: m/M take physical addresses */
    bool quitting;            /* a signal asked Pagoda to stop: the board ends the run */
    char stop_reply[96];
    struct point pts[MAX_POINTS];
    unsigned npts;
    struct tpoint tps[TRIG_COUNT];
    unsigned ntps;
    struct access acc[BOARD_MAX_HARTS];
    uint64_t rounds;
    struct rsp_rx rx;
    char out[2 * RSP_MAX_PACKET + 8];
    size_t out_len;
};

/* ---- the connection ---- */

static void release_tpoints(struct gdbstub *g);

static void drop_connection(struct gdbstub *g)
{
    if (g->fd >= 0) close(g->fd);
    g->fd = -1;
    g->noack = false;
    g->stopped = false;
    g->step_pending = false;
    g->run_hart = -1;
    g->npts = 0;
    release_tpoints(g);
    g->phys = false;
    rsp_rx_init(&g->rx);
    board_run_only(g->b, -1);
}

static bool send_all(struct gdbstub *g, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(g->fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Wait until fd can be read; false when a signal (SIGTERM, SIGINT,
 * SIGHUP: console.h) asks Pagoda to stop meanwhile. */
static bool wait_readable(struct gdbstub *g, int fd)
{
    int st;
    for (;;) {
        if (g->quitting || console_stop_requested(&st)) {
            g->quitting = true;
            return false;
        }
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, 200);
        if (r > 0) return true;
        if (r < 0 && errno != EINTR) return false;
    }
}

/* Read one byte, waiting; -1 when the connection is gone or Pagoda is
 * told to stop. */
static int read_byte(struct gdbstub *g)
{
    uint8_t c;
    for (;;) {
        if (!wait_readable(g, g->fd)) return -1;
        ssize_t r = recv(g->fd, &c, 1, 0);
        if (r == 1) return c;
        if (r < 0 && errno == EINTR) continue;
        return -1;
    }
}

/* Send a packet and, unless in no-ack mode, wait for its '+' (resending
 * on '-'). */
static bool send_packet_n(struct gdbstub *g, const char *payload, size_t n)
{
    if (g->fd < 0) return false;
    g->out_len = rsp_frame(payload, n, g->out, sizeof g->out);
    if (!g->out_len) g->out_len = rsp_frame("E01", 3, g->out, sizeof g->out);
    for (int tries = 0; tries < 8; tries++) {
        if (!send_all(g, g->out, g->out_len)) return false;
        if (g->noack) return true;
        int c;
        while ((c = read_byte(g)) >= 0 && c != '+' && c != '-')
            ;
        if (c < 0) return false;
        if (c == '+') return true;
    }
    return false;
}

static bool send_packet(struct gdbstub *g, const char *payload) { return send_packet_n(g, payload, strlen(payload)); }

/* ---- memory, as the selected hart sees it ---- */

static struct hart *hart_of(struct gdbstub *g, int which)
{
    unsigned n = board_nharts(g->b);
    return &board_harts(g->b)[which >= 0 && (unsigned)which < n ? (unsigned)which : 0];
}

/* The physical address of va for hart h (without touching its TLB or
 * statistics: mmu_walk_inspect); false when va is not mapped. */
static bool debug_translate(struct gdbstub *g, struct hart *h, uint64_t va, uint64_t *pa)
{
    if (g->phys || h->priv == PRIV_M || (h->satp >> 60) == 0) {
        *pa = va;
        return true;
    }
    struct mmu_walk_view w;
    mmu_walk_inspect(h->mmu, h->satp, va, &w);
    if (!w.ok) return false;
    *pa = w.pa;
    return true;
}

/* One byte of guest memory at va: RAM, or the boot ROM (device registers
 * are not read: reading a UART's receive register would take a byte). */
static bool debug_rw_byte(struct gdbstub *g, struct hart *h, uint64_t va, uint8_t *byte, bool write)
{
    uint64_t pa;
    if (!debug_translate(g, h, va, &pa)) return false;
    struct phys_mem *pm = board_phys(g->b);
    uint8_t *p = phys_ram_ptr(pm, pa, 1);
    if (p) {
        if (write) *p = *byte;
        else *byte = *p;
        return true;
    }
    if (write || pa < BOOTROM_BASE || pa >= BOOTROM_BASE + 0x100) return false;
    uint64_t v;
    if (!pm->io_load(pm->io_ctx, pa, 1, &v)) return false;
    *byte = (uint8_t)v;
    return true;
}

/* ---- breakpoints and watchpoints ---- */

static bool have_breakpoint(const struct gdbstub *g, uint64_t pc, int *type)
{
    for (unsigned i = 0; i < g->npts; i++)
        if (g->pts[i].type <= BP_HW && g->pts[i].addr == pc) {
            *type = g->pts[i].type;
            return true;
        }
    return false;
}

/* After a round: did a hart reach a software breakpoint? */
static bool check_points(struct gdbstub *g)
{
    unsigned n = board_nharts(g->b);
    struct hart *harts = board_harts(g->b);
    for (unsigned i = 0; i < n; i++) {
        int type;
        struct hart *h = &harts[i];
        /* only a hart that moved (a sleeping hart at a breakpoint does not stop the guest again) */
        bool moved = h->pc != g->acc[i].pc0 || h->instret + h->n_exceptions + h->n_interrupts != g->acc[i].steps0;
        if (moved && have_breakpoint(g, h->pc, &type)) {
            snprintf(g->stop_reply, sizeof g->stop_reply, "T05thread:%x;%s:;", i + 1,
                     type == BP_SW ? "swbreak" : "hwbreak");
            g->g_hart = (int)i;
            return true;
        }
    }
    return false;
}

/* ---- hardware breakpoints and watchpoints: debug triggers ---- */

/* The trigger (mcontrol6, every mode, dmode and action 1 added by
 * trigger_debug_claim) of a Z1-Z4 point: execute at addr; or loads and/or
 * stores touching the NAPOT range that holds [addr, addr + len), the
 * smallest one (exactly the range when len is a power of two and addr is
 * aligned to it; otherwise the stub looks at the access when it hits). */
static void tpoint_trigger(int type, uint64_t addr, uint64_t len, uint64_t *tdata1, uint64_t *tdata2)
{
    uint64_t t1 = (uint64_t)TRIG_TYPE_MCONTROL6 << 60 | TRIG_M | TRIG_S | TRIG_U;
    if (type == BP_HW) {
        *tdata1 = t1 | TRIG_EXECUTE;
        *tdata2 = addr;
        return;
    }
    t1 |= type == WP_WRITE ? TRIG_STORE : type == WP_READ ? TRIG_LOAD : TRIG_LOAD | TRIG_STORE;
    uint64_t size = 1;
    while (size < (1ull << 62) && (addr & ~(size - 1)) + size < addr + len) size <<= 1;
    if (size == 1) {
        *tdata1 = t1;
        *tdata2 = addr;
    } else {
        *tdata1 = t1 | 1ull << TRIG_MATCH_SHIFT; /* NAPOT */
        *tdata2 = (addr & ~(size - 1)) | (size / 2 - 1);
    }
}

/* Give every claimed trigger back (on every hart), and let a hart that
 * one of them halted go on (GDB is gone). */
static void release_tpoints(struct gdbstub *g)
{
    unsigned n = board_nharts(g->b);
    for (unsigned k = 0; k < g->ntps; k++)
        for (unsigned i = 0; i < n; i++) trigger_debug_release(&board_harts(g->b)[i], g->tps[k].index[i]);
    g->ntps = 0;
    for (unsigned i = 0; i < n; i++) trigger_debug_resume(&board_harts(g->b)[i], false);
}

/* Insert or remove a Z1-Z4 point.  0: done; -1: a bad request; -2: no
 * free trigger on some hart (answered E22, as QEMU answers a target that
 * is out of breakpoint resources); -3: the harts have no Sdtrig (an empty
 * reply: not supported, so GDB may fall back to software watchpoints). */
static int tpoint_packet(struct gdbstub *g, int type, uint64_t addr, uint64_t len, bool insert)
{
    unsigned n = board_nharts(g->b);
    struct hart *harts = board_harts(g->b);
    for (unsigned k = 0; k < g->ntps; k++) {
        struct tpoint *t = &g->tps[k];
        if (t->type != type || t->addr != addr || (type != BP_HW && t->len != len)) continue;
        if (!insert) {
            for (unsigned i = 0; i < n; i++) trigger_debug_release(&harts[i], t->index[i]);
            *t = g->tps[--g->ntps];
        }
        return 0;
    }
    if (!insert) return 0;
    if (type >= WP_WRITE && (len == 0 || len > 4096)) return -1;
    if (!hart_has(&harts[0], ISA_SDTRIG)) return -3;
    if (g->ntps == TRIG_COUNT) return -2;
    struct tpoint *t = &g->tps[g->ntps];
    *t = (struct tpoint){type, addr, len, {0}};
    uint64_t tdata1, tdata2;
    tpoint_trigger(type, addr, len, &tdata1, &tdata2);
    for (unsigned i = 0; i < n; i++) {
        t->index[i] = trigger_debug_claim(&harts[i], tdata1, tdata2);
        if (t->index[i] < 0) {
            while (i--) trigger_debug_release(&harts[i], t->index[i]);
            return -2;
        }
    }
    g->ntps++;
    return 0;
}

/* The Z/z packet: Z0 a software breakpoint, Z1-Z4 triggers. */
static int point_packet(struct gdbstub *g, const char *p, bool insert)
{
    uint64_t type, addr, kind;
    const char *s = p + 1;
    if (!rsp_hex_number(&s, &type) || type > WP_ACCESS || *s++ != ',' || !rsp_hex_number(&s, &addr) || *s++ != ',' ||
        !rsp_hex_number(&s, &kind))
        return -1;
    if (type != BP_SW) return tpoint_packet(g, (int)type, addr, kind, insert);
    for (unsigned i = 0; i < g->npts; i++)
        if (g->pts[i].type == (int)type && g->pts[i].addr == addr) {
            if (!insert) g->pts[i] = g->pts[--g->npts];
            return 0;
        }
    if (!insert) return 0;
    if (g->npts == MAX_POINTS) return -1;
    g->pts[g->npts++] = (struct point){(int)type, addr, kind};
    return 0;
}

/* After a round: did a hart stop at one of the debugger's triggers?  A
 * watchpoint whose NAPOT range is wider than what GDB watches lets an
 * access outside [addr, addr + len) go on: the hart runs that
 * instruction past its trigger in the next round. */
static bool check_triggers(struct gdbstub *g)
{
    unsigned n = board_nharts(g->b);
    struct hart *harts = board_harts(g->b);
    for (unsigned i = 0; i < n; i++) {
        struct hart *h = &harts[i];
        if (!h->trig.halted) continue;
        const struct tpoint *t = NULL;
        for (unsigned k = 0; k < g->ntps && !t; k++)
            if (g->tps[k].index[i] == h->trig.halt_index) t = &g->tps[k];
        if (!t) { /* a point removed meanwhile */
            trigger_debug_resume(h, false);
            continue;
        }
        if (t->type == BP_HW) {
            snprintf(g->stop_reply, sizeof g->stop_reply, "T05thread:%x;hwbreak:;", i + 1);
        } else {
            /* the access (the trigger fires before it: GDB's RISC-V watchpoints are "non-steppable") */
            uint64_t lo = h->trig.acc.addr, hi = lo + h->trig.acc.size;
            if (hi <= t->addr || lo >= t->addr + t->len) {
                trigger_debug_resume(h, true);
                continue;
            }
            static const char *const kind[] = {"watch", "rwatch", "awatch"};
            snprintf(g->stop_reply, sizeof g->stop_reply, "T05thread:%x;%s:%" PRIx64 ";", i + 1,
                     kind[t->type - WP_WRITE], lo > t->addr ? lo : t->addr);
        }
        g->g_hart = (int)i;
        return true;
    }
    return false;
}

/* The guest runs again: every hart halted at a trigger goes on. */
static void resume_triggers(struct gdbstub *g)
{
    unsigned n = board_nharts(g->b);
    for (unsigned i = 0; i < n; i++) trigger_debug_resume(&board_harts(g->b)[i], false);
}

/* ---- packets ---- */

static void stop_reply_for(struct gdbstub *g, const char *sig, int hart)
{
    snprintf(g->stop_reply, sizeof g->stop_reply, "T%sthread:%x;", sig, hart + 1);
    g->g_hart = hart;
}

static bool parse_thread(const char *s, int *hart, unsigned nharts)
{
    if (!strcmp(s, "-1") || !strcmp(s, "0")) { *hart = -1; return true; }
    uint64_t t;
    if (!rsp_hex_number(&s, &t) || *s || t == 0 || t > nharts) return false;
    *hart = (int)t - 1;
    return true;
}

static void reply_registers(struct gdbstub *g, struct hart *h)
{
    char buf[GDB_G_REGS * 16 + 1];
    for (unsigned r = 0; r < GDB_G_REGS; r++) {
        uint64_t v = 0;
        gdb_reg_read(h, r, &v);
        uint8_t le[8];
        for (int k = 0; k < 8; k++) le[k] = (uint8_t)(v >> (8 * k));
        rsp_hex_encode(le, 8, buf + 16 * r);
    }
    send_packet(g, buf);
}

static unsigned reg_bytes(unsigned regno)
{
    return regno >= GDB_REG_CSR0 + 1 && regno <= GDB_REG_CSR0 + 3 ? 4 : 8; /* fflags, frm, fcsr */
}

static void monitor(struct gdbstub *g, const char *hex)
{
    char cmd[256];
    size_t n = strlen(hex) / 2;
    if (n >= sizeof cmd || strlen(hex) % 2 || !rsp_hex_decode(hex, n, (uint8_t *)cmd)) {
        send_packet(g, "E01");
        return;
    }
    cmd[n] = 0;
    const char *msg;
    if (!strcmp(cmd, "phys on")) { g->phys = true; msg = "memory accesses use physical addresses\n"; }
    else if (!strcmp(cmd, "phys off")) { g->phys = false; msg = "memory accesses use the selected hart's translation\n"; }
    else if (!strcmp(cmd, "phys")) msg = g->phys ? "phys on\n" : "phys off\n";
    else msg = "Pagoda monitor commands:\n  phys on|off   m/M packets take physical (on) or virtual addresses (off, default)\n";
    char out[512];
    rsp_hex_encode((const uint8_t *)msg, strlen(msg), out);
    send_packet(g, out);
}

static void xfer_features(struct gdbstub *g, const char *args)
{
    /* qXfer:features:read:ANNEX:OFFSET,LENGTH */
    const char *colon = strchr(args, ':');
    uint64_t off, len;
    const char *s = colon ? colon + 1 : NULL;
    if (!colon || (size_t)(colon - args) != 10 || strncmp(args, "target.xml", 10)) { send_packet(g, "E00"); return; }
    if (!rsp_hex_number(&s, &off) || *s++ != ',' || !rsp_hex_number(&s, &len) || *s) { send_packet(g, "E01"); return; }
    const char *xml = gdb_target_xml();
    size_t total = strlen(xml);
    if (len > RSP_MAX_PACKET / 2) len = RSP_MAX_PACKET / 2;
    static char buf[RSP_MAX_PACKET / 2 + 2];
    if (off >= total) { send_packet(g, "l"); return; }
    size_t n = total - off < len ? total - off : len;
    buf[0] = off + n < total ? 'm' : 'l';
    memcpy(buf + 1, xml + off, n);
    send_packet_n(g, buf, n + 1);
}

enum action { STAY, RESUME, KILL };

/* A vCont action list: ";s:TID" steps one hart (the first step action
 * counts; the other harts wait while it steps); ";c" continues every hart;
 * ";c:TID" alone continues that hart only, as the protocol has threads
 * without an action stay stopped (GDB steps over a breakpoint so); with
 * several such, every hart continues. */
static enum action vcont(struct gdbstub *g, const char *p)
{
    unsigned n = board_nharts(g->b);
    int step = -2, only = -2; /* -2: none yet; -1: every hart */
    while (*p == ';') {
        p++;
        char act = *p++;
        if (act == 'C' || act == 'S') { /* a signal number: ignored */
            uint64_t sig;
            if (!rsp_hex_number(&p, &sig)) return STAY;
            act = act == 'C' ? 'c' : 's';
        }
        int t = -1;
        if (*p == ':') {
            char tid[24];
            size_t k = 0;
            for (p++; *p && *p != ';' && k + 1 < sizeof tid; p++) tid[k++] = *p;
            tid[k] = 0;
            if (!parse_thread(tid, &t, n)) return STAY;
        }
        if (act == 's' && step == -2) step = t >= 0 ? t : (g->c_hart >= 0 ? g->c_hart : g->g_hart >= 0 ? g->g_hart : 0);
        else if (act == 'c') only = only == -2 && t >= 0 ? t : -1;
        else if (act != 's') return STAY;
    }
    if (*p) return STAY;
    g->run_hart = only >= 0 ? only : -1;
    if (step >= 0) {
        g->step_pending = true;
        g->step_hart = step;
    }
    return RESUME;
}

/* Answer one packet; RESUME when the guest should run again. */
static enum action handle_packet(struct gdbstub *g, char *p, size_t len)
{
    unsigned nharts = board_nharts(g->b);
    struct hart *h = hart_of(g, g->g_hart);
    char buf[RSP_MAX_PACKET + 1];
    switch (p[0]) {
    case '?':
        send_packet(g, g->stop_reply);
        return STAY;
    case 'g':
        if (len != 1) break;
        reply_registers(g, h);
        return STAY;
    case 'G': {
        if (len - 1 < GDB_G_REGS * 16) { send_packet(g, "E01"); return STAY; }
        for (unsigned r = 0; r < GDB_G_REGS; r++) {
            uint8_t le[8];
            if (!rsp_hex_decode(p + 1 + 16 * r, 8, le)) { send_packet(g, "E01"); return STAY; }
            uint64_t v = 0;
            for (int k = 0; k < 8; k++) v |= (uint64_t)le[k] << (8 * k);
            gdb_reg_write(h, r, v);
        }
        send_packet(g, "OK");
        return STAY;
    }
    case 'p': case 'P': {
        const char *s = p + 1;
        uint64_t regno, v = 0;
        if (!rsp_hex_number(&s, &regno) || regno > GDB_REG_PRIV) break;
        unsigned nb = reg_bytes((unsigned)regno);
        uint8_t le[8];
        if (p[0] == 'p') {
            if (*s || !gdb_reg_read(h, (unsigned)regno, &v)) { send_packet(g, "E01"); return STAY; }
            for (unsigned k = 0; k < nb; k++) le[k] = (uint8_t)(v >> (8 * k));
            rsp_hex_encode(le, nb, buf);
            send_packet(g, buf);
            return STAY;
        }
        if (*s++ != '=' || strlen(s) != 2 * nb || !rsp_hex_decode(s, nb, le)) { send_packet(g, "E01"); return STAY; }
        for (unsigned k = 0; k < nb; k++) v |= (uint64_t)le[k] << (8 * k);
        send_packet(g, gdb_reg_write(h, (unsigned)regno, v) ? "OK" : "E01");
        return STAY;
    }
    case 'm': case 'M': {
        const char *s = p + 1;
        uint64_t addr, n;
        if (!rsp_hex_number(&s, &addr) || *s++ != ',' || !rsp_hex_number(&s, &n)) { send_packet(g, "E01"); return STAY; }
        if (p[0] == 'm') {
            if (*s) { send_packet(g, "E01"); return STAY; }
            if (n > RSP_MAX_PACKET / 2 - 8) n = RSP_MAX_PACKET / 2 - 8;
            uint8_t bytes[RSP_MAX_PACKET / 2];
            uint64_t k = 0;
            while (k < n && debug_rw_byte(g, h, addr + k, &bytes[k], false)) k++;
            if (!k && n) { send_packet(g, "E14"); return STAY; }
            rsp_hex_encode(bytes, k, buf);
            send_packet(g, buf);
            return STAY;
        }
        if (*s++ != ':' || strlen(s) != 2 * n) { send_packet(g, "E01"); return STAY; }
        for (uint64_t k = 0; k < n; k++) {
            uint8_t byte;
            if (!rsp_hex_decode(s + 2 * k, 1, &byte) || !debug_rw_byte(g, h, addr + k, &byte, true)) {
                send_packet(g, "E14");
                return STAY;
            }
        }
        send_packet(g, "OK");
        return STAY;
    }
    case 'c': case 's': {
        if (len > 1) { /* c ADDR: resume there */
            const char *s = p + 1;
            uint64_t addr;
            if (!rsp_hex_number(&s, &addr) || *s) { send_packet(g, "E01"); return STAY; }
            hart_of(g, g->c_hart)->pc = addr;
        }
        g->run_hart = -1;
        if (p[0] == 's') {
            g->step_pending = true;
            g->step_hart = g->c_hart >= 0 ? g->c_hart : g->g_hart >= 0 ? g->g_hart : 0;
        }
        return RESUME;
    }
    case 'H': {
        int t;
        if ((p[1] != 'g' && p[1] != 'c') || !parse_thread(p + 2, &t, nharts)) { send_packet(g, "E01"); return STAY; }
        if (p[1] == 'g') g->g_hart = t;
        else g->c_hart = t;
        send_packet(g, "OK");
        return STAY;
    }
    case 'T': {
        int t;
        send_packet(g, parse_thread(p + 1, &t, nharts) && t >= 0 ? "OK" : "E01");
        return STAY;
    }
    case 'Z': case 'z': {
        int r = point_packet(g, p, p[0] == 'Z');
        send_packet(g, r == 0 ? "OK" : r == -2 ? "E22" : r == -3 ? "" : "E01");
        return STAY;
    }
    case 'D':
        send_packet(g, "OK");
        drop_connection(g); /* the guest runs on; the stub listens again */
        return RESUME;
    case 'k':
        return KILL;
    case 'v':
        if (!strcmp(p, "vCont?")) { send_packet(g, "vCont;c;C;s;S"); return STAY; }
        if (!strncmp(p, "vCont;", 6)) {
            enum action a = vcont(g, p + 5);
            if (a == STAY) send_packet(g, "E01");
            return a;
        }
        if (!strncmp(p, "vKill", 5)) { send_packet(g, "OK"); return KILL; }
        break; /* vMustReplyEmpty and the rest: not supported */
    case 'q':
        if (!strncmp(p, "qSupported", 10)) {
            snprintf(buf, sizeof buf, "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+;swbreak+;hwbreak+;vContSupported+",
                     RSP_MAX_PACKET);
            send_packet(g, buf);
            return STAY;
        }
        if (!strncmp(p, "qXfer:features:read:", 20)) { xfer_features(g, p + 20); return STAY; }
        if (!strcmp(p, "qfThreadInfo")) {
            size_t o = 0;
            buf[o++] = 'm';
            for (unsigned i = 0; i < nharts; i++) o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%x", i ? "," : "", i + 1);
            send_packet(g, buf);
            return STAY;
        }
        if (!strcmp(p, "qsThreadInfo")) { send_packet(g, "l"); return STAY; }
        if (!strcmp(p, "qC")) {
            snprintf(buf, sizeof buf, "QC%x", (g->g_hart >= 0 ? g->g_hart : 0) + 1);
            send_packet(g, buf);
            return STAY;
        }
        if (!strncmp(p, "qAttached", 9)) { send_packet(g, "1"); return STAY; }
        if (!strncmp(p, "qThreadExtraInfo,", 17)) {
            int t;
            if (!parse_thread(p + 17, &t, nharts) || t < 0) { send_packet(g, "E01"); return STAY; }
            static const char *const mode[4] = {"U", "S", "?", "M"};
            char text[48];
            struct hart *th = &board_harts(g->b)[t];
            snprintf(text, sizeof text, "hart %d, %s-mode%s", t, mode[th->priv & 3], th->wfi ? ", wfi" : "");
            rsp_hex_encode((const uint8_t *)text, strlen(text), buf);
            send_packet(g, buf);
            return STAY;
        }
        if (!strncmp(p, "qRcmd,", 6)) { monitor(g, p + 6); return STAY; }
        break;
    case 'Q':
        if (!strcmp(p, "QStartNoAckMode")) {
            send_packet(g, "OK");
            g->noack = true;
            return STAY;
        }
        break;
    }
    send_packet(g, ""); /* not supported */
    return STAY;
}

/* Serve GDB while the guest is stopped, until it resumes or is killed. */
static enum action serve(struct gdbstub *g)
{
    while (g->fd >= 0) {
        int c = read_byte(g);
        if (c < 0) {
            if (!g->quitting) drop_connection(g);
            return RESUME;
        }
        enum rsp_event e = rsp_rx_byte(&g->rx, (uint8_t)c);
        if (e == RSP_BAD) {
            if (!g->noack) send_all(g, "-", 1);
        } else if (e == RSP_NAK && g->out_len) {
            send_all(g, g->out, g->out_len);
        } else if (e == RSP_PACKET) {
            if (!g->noack && !send_all(g, "+", 1)) { drop_connection(g); return RESUME; }
            enum action a = handle_packet(g, g->rx.buf, g->rx.len);
            if (a != STAY) return a;
        }
    }
    return RESUME;
}

static bool accept_connection(struct gdbstub *g, bool block)
{
    if (!block) {
        struct pollfd pfd = {g->lfd, POLLIN, 0};
        if (poll(&pfd, 1, 0) <= 0) return false;
    } else if (!wait_readable(g, g->lfd)) {
        return false;
    }
    int fd = accept(g->lfd, NULL, NULL);
    if (fd < 0) return false;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    g->fd = fd;
    g->noack = false;
    g->g_hart = g->c_hart = -1;
    rsp_rx_init(&g->rx);
    return true;
}

/* While the guest runs: a Ctrl-C (or a packet, or the end of the connection) stops it. */
static void poll_connection(struct gdbstub *g)
{
    struct pollfd pfd = {g->fd, POLLIN, 0};
    while (g->fd >= 0 && poll(&pfd, 1, 0) > 0) {
        int c = read_byte(g);
        if (c < 0) { drop_connection(g); return; }
        if (rsp_rx_byte(&g->rx, (uint8_t)c) == RSP_INTERRUPT) {
            g->stopped = true;
            stop_reply_for(g, "02", g->c_hart >= 0 ? g->c_hart : 0);
            return;
        }
    }
}

static bool gdb_between_rounds(void *ctx, uint64_t *budget)
{
    struct gdbstub *g = ctx;
    if (g->quitting) { /* the board stops at its next look at signals */
        board_run_only(g->b, -1);
        *budget = UINT64_MAX;
        return true;
    }
    bool first = !g->started;
    g->started = true;
    g->rounds++;
    if (g->fd < 0) {
        bool block = first && g->wait_first;
        if ((block || g->rounds % POLL_ROUNDS == 0) && accept_connection(g, block)) {
            g->stopped = true; /* as QEMU: the guest stops when GDB connects */
            stop_reply_for(g, "05", 0);
        }
    } else if (!g->stopped) {
        if (g->ntps && check_triggers(g)) { /* also when a step stopped at one */
            g->step_pending = false;
            g->stopped = true;
        } else if (g->step_pending) {
            g->step_pending = false;
            g->stopped = true;
            stop_reply_for(g, "05", g->step_hart);
        } else if (g->npts && check_points(g)) {
            g->stopped = true;
        } else if (g->rounds % POLL_ROUNDS == 0) {
            poll_connection(g);
        }
        if (g->stopped) send_packet(g, g->stop_reply);
    }
    if (g->stopped) {
        g->stopped = false;
        if (serve(g) == KILL) return false;
        resume_triggers(g);
    }
    if (g->fd >= 0 && g->step_pending) {
        board_run_only(g->b, g->step_hart);
        *budget = 1;
    } else {
        board_run_only(g->b, g->fd >= 0 ? g->run_hart : -1);
        *budget = g->fd >= 0 && g->npts ? 1 : UINT64_MAX;
    }
    if (g->fd >= 0 && g->npts) {
        unsigned n = board_nharts(g->b);
        for (unsigned i = 0; i < n; i++) {
            struct hart *h = &board_harts(g->b)[i];
            g->acc[i].pc0 = h->pc;
            g->acc[i].steps0 = h->instret + h->n_exceptions + h->n_interrupts;
        }
    }
    return true;
}

/* ---- setup ---- */

int gdbstub_parse_spec(const char *spec)
{
    static const char *const prefixes[] = {"tcp::", "tcp:127.0.0.1:", "tcp:localhost:"};
    for (unsigned i = 0; i < 3; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(spec, prefixes[i], n)) continue;
        const char *s = spec + n;
        char *end;
        errno = 0;
        long port = strtol(s, &end, 10);
        if (*s < '0' || *s > '9' || *end || errno || port < 1 || port > 65535) return -1;
        return (int)port;
    }
    return -1;
}

struct gdbstub *gdbstub_create(struct board *b, int port, bool wait, char *err, size_t errlen)
{
    struct gdbstub *g = calloc(1, sizeof *g);
    if (!g) { snprintf(err, errlen, "out of memory"); return NULL; }
    g->b = b;
    g->fd = -1;
    g->wait_first = wait;
    g->g_hart = g->c_hart = g->run_hart = -1;
    strcpy(g->stop_reply, "S05");
    g->lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (g->lfd < 0 || setsockopt(g->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
        bind(g->lfd, (struct sockaddr *)&sa, sizeof sa) || listen(g->lfd, 1)) {
        snprintf(err, errlen, "-gdb tcp::%d: %s", port, strerror(errno));
        if (g->lfd >= 0) close(g->lfd);
        free(g);
        return NULL;
    }
    g->watch = (struct board_watch){g, gdb_between_rounds, NULL};
    return g;
}

const struct board_watch *gdbstub_watch(struct gdbstub *g) { return &g->watch; }

void gdbstub_finish(struct gdbstub *g, int status)
{
    if (!g || g->fd < 0) return;
    char buf[8];
    snprintf(buf, sizeof buf, "W%02x", status & 0xff);
    g->noack = true; /* the run is over: never wait for a GDB that may not answer */
    send_packet(g, buf);
}

void gdbstub_destroy(struct gdbstub *g)
{
    if (!g) return;
    if (g->fd >= 0) close(g->fd);
    close(g->lfd);
    free(g);
}
