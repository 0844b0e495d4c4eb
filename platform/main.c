/* pagoda: the command line.  QEMU's flags for the virt board (-smp, -m,
 * -bios, -kernel, ...), Spike's "pagoda prog.elf", and Pagoda's own
 * --options.  A bad flag or value prints the usage line and exits 2. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accel.h"
#include "board.h"
#include "signature.h"
#include "debug/commitlog.h"
#include "debug/gdbstub.h"
#include "debug/check_tlb.h"
#include "debug/trace_mmu.h"
#ifdef PAGODA_HAVE_VIEW
#include "view/view.h"
#endif

static const char usage_line[] =
    "usage: pagoda [options] [PROGRAM.elf]   (pagoda --help for the options)\n";

static const char help_text[] =
    "Pagoda: a RISC-V RV64GC system emulator (QEMU virt board) with a modelled MMU.\n"
    "\n"
    "  pagoda [-bios none] PROGRAM.elf   run a bare-metal ELF in M-mode (as -bios none -kernel)\n"
    "QEMU-compatible options:\n"
    "  -smp N                       harts (1..64)\n"
    "  -cpu rv64|max[,EXT=on|off...] the extensions (default rv64; -cpu help lists them; docs/CPU.md)\n"
    "  -m SIZE                      RAM size, e.g. 128M, 1G (default 128M)\n"
    "  -bios FILE|none              M-mode firmware (default: Pagoda's SBI firmware)\n"
    "  -kernel FILE                 ELF or raw image (raw at 0x80200000, or 0x80000000 with -bios none)\n"
    "  -initrd FILE   -append ARGS  -dtb FILE\n"
    "  -drive file=F,if=none,format=raw,id=ID[,readonly=on|off]   -device virtio-blk-device,drive=ID\n"
    "  -snapshot                    keep disk writes in memory\n"
    "  -nographic, -M/-machine virt[,key=value...] accepted\n"
    "  -M virt,iommu-sys=on         add the RISC-V IOMMU at 0x3010000 (PLIC sources 36-39), as QEMU\n"
    "  -device pagoda-accel[,devid=N][,rate=R]  add Pagoda's accelerator behind the IOMMU at 0x4000000\n"
    "                               (PLIC source 64; device id N, default 1; R bytes per guest us, default 1024)\n"
    "  -global virtio-mmio.force-legacy=false   accepted (Pagoda's virtio-mmio is version 2)\n"
    "  -gdb tcp::PORT               GDB remote stub on 127.0.0.1:PORT (docs/DEBUGGING.md); -s = -gdb tcp::1234\n"
    "  -S                           wait for GDB before the first instruction\n"
    "Pagoda options:\n"
    "  --stats                      print instructions, time, MIPS and MMU statistics on exit\n"
    "  --stats-json FILE            write the statistics as JSON\n"
    "  --trace-mmu FILE             write walks, faults, fences and shootdowns as Trace Event JSON (Perfetto)\n"
    "  --check-tlb[=first|warn|stop] compare every cached translation used with memory; report stale ones\n"
    "                               (first: the first in full, the default; warn: each; stop: the first, exit 125)\n"
    "  --max-insns N                stop after N instructions, trapped ones included (exit status 124)\n"
    "  --timeout S                  stop after S seconds of host time (exit status 124)\n"
    "  --misaligned=emulate|trap    misaligned loads/stores performed (default) or trapped\n"
    "  --mmu sv39|sv48|sv57         largest satp mode offered (default sv57)\n"
    "  --tlb SPEC                   TLB geometry, e.g. l1i=16x4,l1d=16x4,l2=256x8,pwc=32,repl=lru\n"
    "  --tlb-flush=exact|peer       peer: flush the TLB on every satp write, like QEMU\n"
    "  --ad=hw|fault|svadu          A/D bits set by hardware (default), Svade page faults, or Svadu\n"
    "                               (menvcfg.ADUE chooses; Svade until firmware sets it)\n"
    "  --pmp N                      PMP entries (0..64, default 16)\n"
"  --trace                      print every executed instruction (hart, mode, pc, bits, disassembly)\n"
    "  --signature FILE             when the guest ends, write the memory from begin_signature to\n"
    "                               end_signature to FILE as Spike's +signature does (RISCOF, arch tests)\n"
    "  --signature-granularity N    bytes per line of the signature, highest address first (default 4)\n"
    "  --log-commits[=FILE]         Spike's commit log of every retired instruction, to stderr or FILE\n"
    "  --realtime                   mtime follows the host clock (default: instruction count)\n"
    "  --quantum N                  instructions per hart per scheduling turn (default 1000)\n"
    "  --dump-dtb FILE              write the generated device tree and exit (QEMU: dumpdtb)\n"
    "The TLB view (docs/VIEW.md):\n"
    "  --view[=quit-on-close,hold,paused]  a window showing every hart's TLBs live (needs a\n"
    "                               display); hold: it stays open after the guest stops, until\n"
    "                               closed; paused: start paused (space runs, s steps)\n"
    "  --view-png FILE              draw the same view off-screen into FILE when the run ends\n"
    "  --view-every N               with --view-png: also FILE-000001.png... every N instructions\n"
    "  --view-text FILE             write the view's numbers as text when the run ends\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "pagoda: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_line);
    return 2;
}

static bool parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end || s[0] == '-') return false;
    *out = v;
    return true;
}

static bool parse_size(const char *s, uint64_t *out)
{
    if (!s || !*s || s[0] == '-') return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return false;
    uint64_t mul = 1ull << 20; /* QEMU: a plain number is MiB */
    if (*end) {
        switch (*end) {
        case 'k': case 'K': mul = 1ull << 10; break;
        case 'm': case 'M': mul = 1ull << 20; break;
        case 'g': case 'G': mul = 1ull << 30; break;
        default: return false;
        }
        if (end[1] && !(end[1] == 'B' && !end[2]) && !(end[1] == 'i' && end[2] == 'B' && !end[3])) return false;
    }
    *out = v * mul;
    return v != 0 && *out / mul == v;
}

/* A boolean property value as QEMU's parser takes it: on/off, yes/no, true/false. */
static bool parse_bool(const char *v, bool *out)
{
    if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "true")) *out = true;
    else if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "false")) *out = false;
    else return false;
    return true;
}

/* -drive file=F,if=none,format=raw,id=ID[,readonly=on][,snapshot=on] */
struct drive_def {
    char *file, *id;
    bool readonly, snapshot;
    bool used; /* connected by a -device already */
};

/* Parse a -drive spec in place; returns NULL, or what is wrong with it. */
static const char *parse_drive(char *spec, struct drive_def *d)
{
    memset(d, 0, sizeof *d);
    for (char *tok = strtok(spec, ","); tok; tok = strtok(NULL, ",")) {
        char *eq = strchr(tok, '=');
        if (!eq) return "every property needs a value (key=value)";
        *eq = 0;
        const char *k = tok, *v = eq + 1;
        if (!strcmp(k, "file")) d->file = (char *)v;
        else if (!strcmp(k, "id")) d->id = (char *)v;
        else if (!strcmp(k, "format")) { if (strcmp(v, "raw")) return "only format=raw is supported"; }
        else if (!strcmp(k, "if")) { if (strcmp(v, "none") && strcmp(v, "virtio")) return "only if=none or if=virtio"; }
        else if (!strcmp(k, "readonly")) { if (!parse_bool(v, &d->readonly)) return "readonly= takes on/off, yes/no or true/false"; }
        else if (!strcmp(k, "snapshot")) { if (!parse_bool(v, &d->snapshot)) return "snapshot= takes on/off, yes/no or true/false"; }
        else if (!strcmp(k, "cache") || !strcmp(k, "media")) continue;
        else return "unknown property";
    }
    if (!d->file) return "no file= (file=F,if=none,format=raw,id=ID)";
    if (!*d->file) return "empty file name (file=)";
    if (d->id && !*d->id) return "empty id (id=)";
    return NULL;
}

/* -M/-machine: "virt", optionally followed by ,key=value properties (QEMU's
 * own, such as aclint=on, are accepted and have no effect here, except
 * iommu-sys=on|off, QEMU's switch for the RISC-V IOMMU, into *iommu). */
static bool machine_is_virt(const char *val, bool *iommu)
{
    const char *p = val;
    if (!strncmp(p, "type=", 5)) p += 5;
    if (strncmp(p, "virt", 4) || (p[4] && p[4] != ',')) return false;
    for (p += 4; *p == ','; ) {
        const char *end = strchr(p + 1, ',');
        size_t len = end ? (size_t)(end - (p + 1)) : strlen(p + 1);
        const char *eq = memchr(p + 1, '=', len);
        if (!eq || eq == p + 1) return false; /* a property without key=value */
        if (eq - (p + 1) == 9 && !strncmp(p + 1, "iommu-sys", 9)) {
            char v[8];
            size_t vlen = len - 10;
            if (vlen >= sizeof v) return false;
            memcpy(v, eq + 1, vlen);
            v[vlen] = 0;
            if (!parse_bool(v, iommu)) return false;
        }
        p += 1 + len;
    }
    return *p == 0;
}

/* -device pagoda-accel's properties after the name: ",devid=N" (0..2^24-1,
 * the device id it presents to the IOMMU) and ",rate=R" (bytes per guest
 * microsecond, 1..1048576), into *o; also turns the device on. */
static bool parse_accel(const char *p, struct board_opts *o)
{
    o->accel = true;
    o->accel_devid = ACCEL_DEFAULT_DEVICE_ID;
    o->accel_rate = ACCEL_DEFAULT_RATE;
    while (*p == ',') {
        const char *end = strchr(p + 1, ',');
        size_t len = end ? (size_t)(end - (p + 1)) : strlen(p + 1);
        char kv[40];
        if (len >= sizeof kv) return false;
        memcpy(kv, p + 1, len);
        kv[len] = 0;
        uint64_t v;
        if (!strncmp(kv, "devid=", 6) && parse_u64(kv + 6, &v) && v < (1u << 24)) o->accel_devid = (uint32_t)v;
        else if (!strncmp(kv, "rate=", 5) && parse_u64(kv + 5, &v) && v >= 1 && v <= (1u << 20)) o->accel_rate = (uint32_t)v;
        else return false;
        p += 1 + len;
    }
    return *p == 0;
}

/* Whether path can be opened for writing, found without writing or leaving
 * anything behind (an existing file is opened without truncation, a new one
 * created and removed again).  On failure errno says why. */
static bool can_write_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) { errno = EISDIR; return false; }
        /* a FIFO or device: opening it now would be seen by whoever is at
         * the other end, so leave it to the write at the end */
        if (!S_ISREG(st.st_mode)) return true;
    }
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        close(fd);
        return true;
    }
    if (errno != ENOENT) return false;
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return false;
    close(fd);
    unlink(path);
    return true;
}

#ifdef PAGODA_HAVE_VIEW
/* The board's watch hooks, handed to the view. */
static bool watch_between_rounds(void *ctx, uint64_t *budget) { return view_turn(ctx, budget); }
static void watch_msip(void *ctx, unsigned from, unsigned to) { view_msip(ctx, from, to); }
#endif

int main(int argc, char **argv)
{
    struct board_opts o;
    memset(&o, 0, sizeof o);
    o.nharts = 1;
    o.ram_size = 128ull << 20;
    o.hart.max_satp_mode = SATP_SV57;
    o.hart.pmp_entries = 16;
    static struct mmu_config mc;
    mmu_config_default(&mc);
    o.mmu = &mc;

    struct drive_def drives[BOARD_MAX_DRIVES];
    unsigned ndrives = 0;
    bool view = false, view_quit_on_close = false, view_hold = false, view_paused = false;
    const char *view_png = NULL, *view_text = NULL;
    const char *trace_mmu_path = NULL;
    bool check_tlb = false;
    enum check_tlb_mode check_tlb_mode = CHECK_TLB_FIRST;
    bool log_commits = false; const char *log_commits_path = NULL; /* NULL: stderr */
    uint64_t view_every = 0;
    char *devices[BOARD_MAX_DRIVES];
    unsigned ndevices = 0;
    int gdb_port = 0; /* 0: no GDB stub */
    bool gdb_wait = false;

    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        /* accept both -opt and --opt, and --opt=value */
        char name[64];
        const char *val = NULL;
        if (a[0] != '-' || a[1] == 0) {
            if (o.program) return usage_error("more than one program given: %s", a);
            o.program = a;
            continue;
        }
        const char *n = a + 1 + (a[1] == '-');
        const char *eq = strchr(n, '=');
        size_t len = eq ? (size_t)(eq - n) : strlen(n);
        if (len >= sizeof name) return usage_error("unknown option %s", a);
        memcpy(name, n, len);
        name[len] = 0;
        if (eq) val = eq + 1;
#define NEEDVAL() do { if (!val) { if (i + 1 >= argc) return usage_error("option %s needs a value", a); val = argv[++i]; } } while (0)
        if (!strcmp(name, "help") || !strcmp(name, "h")) { fputs(help_text, stdout); return 0; }
        else if (!strcmp(name, "smp")) {
            uint64_t v; NEEDVAL();
            char *c = strstr(val, "cpus="); /* -smp cpus=N */
            if (!parse_u64(c ? c + 5 : val, &v) || v < 1 || v > BOARD_MAX_HARTS) return usage_error("bad -smp value %s (1..64)", val);
            o.nharts = (unsigned)v;
        } else if (!strcmp(name, "m")) {
            NEEDVAL();
            const char *s = strncmp(val, "size=", 5) ? val : val + 5;
            if (!parse_size(s, &o.ram_size) || o.ram_size < (1ull << 20) || o.ram_size > (64ull << 30))
                return usage_error("bad -m value %s (1M..64G)", val);
        } else if (!strcmp(name, "bios")) { NEEDVAL(); o.bios = val; }
        else if (!strcmp(name, "s") && !val) gdb_port = 1234;
        else if (!strcmp(name, "S") && !val) gdb_wait = true;
        else if (!strcmp(name, "gdb")) {
            NEEDVAL();
            gdb_port = gdbstub_parse_spec(val);
            if (gdb_port < 0) return usage_error("bad -gdb value %s (tcp::PORT)", val);
        }
        else if (!strcmp(name, "kernel")) { NEEDVAL(); o.kernel = val; }
        else if (!strcmp(name, "initrd")) { NEEDVAL(); o.initrd = val; }
        else if (!strcmp(name, "append")) { NEEDVAL(); o.append = val; }
        else if (!strcmp(name, "dtb")) { NEEDVAL(); o.dtb = val; }
        else if (!strcmp(name, "dump-dtb")) { NEEDVAL(); o.dump_dtb = val; }
        else if (!strcmp(name, "drive")) {
            NEEDVAL();
            if (ndrives >= BOARD_MAX_DRIVES) return usage_error("too many drives (%s)", val);
            /* parsed in place in static storage: the drive's strings live
             * as long as the process, and nothing is left to free */
            static char spec[BOARD_MAX_DRIVES][1024];
            if (strlen(val) >= sizeof spec[0]) return usage_error("-drive %s: too long", val);
            strcpy(spec[ndrives], val);
            const char *why = parse_drive(spec[ndrives], &drives[ndrives]);
            if (why) {
                fprintf(stderr, "pagoda: bad -drive %s: %s\n%s", val, why, usage_line);
                return 2;
            }
            for (unsigned j = 0; j < ndrives && drives[ndrives].id; j++)
                if (drives[j].id && !strcmp(drives[j].id, drives[ndrives].id))
                    return usage_error("-drive: duplicate id %s", drives[ndrives].id);
            ndrives++;
        } else if (!strcmp(name, "device")) {
            NEEDVAL();
            if (!strncmp(val, "pagoda-accel", 12) && (val[12] == 0 || val[12] == ',')) {
                if (!parse_accel(val + 12, &o)) return usage_error("bad -device %s (pagoda-accel[,devid=N][,rate=BYTES_PER_US])", val);
                continue;
            }
            if (strncmp(val, "virtio-blk-device", 17)) return usage_error("unsupported -device %s (virtio-blk-device or pagoda-accel)", val);
            if (ndevices >= BOARD_MAX_DRIVES) return usage_error("too many devices (%s)", val);
            devices[ndevices++] = (char *)val;
        } else if (!strcmp(name, "snapshot")) o.snapshot = true;
        else if (!strcmp(name, "nographic") || !strcmp(name, "no-reboot")) continue;
        else if (!strcmp(name, "M") || !strcmp(name, "machine")) {
            NEEDVAL();
            if (!machine_is_virt(val, &o.iommu)) return usage_error("unsupported machine %s (only virt[,key=value...])", val);
        } else if (!strcmp(name, "global")) {
            /* QEMU device defaults; the one kernels' scripts pass (xv6's
             * Makefile) asks for what Pagoda's virtio-mmio is: version 2 */
            NEEDVAL();
            const char *prop = "virtio-mmio.force-legacy=";
            bool legacy;
            if (strncmp(val, prop, strlen(prop)) || !parse_bool(val + strlen(prop), &legacy))
                return usage_error("unsupported -global %s (only virtio-mmio.force-legacy=false)", val);
            if (legacy)
                return usage_error("-global %s: legacy virtio-mmio (version 1) is not implemented", val);
        } else if (!strcmp(name, "serial") || !strcmp(name, "monitor")) {
            NEEDVAL();
            if (strcmp(val, "mon:stdio") && strcmp(val, "stdio") && strcmp(val, "none"))
                return usage_error("unsupported %s (the UART is always on stdio)", val);
        } else if (!strcmp(name, "view")) {
            view = true;
            for (const char *f = val; f && *f; f += strcspn(f, ",") + (f[strcspn(f, ",")] == ',')) {
                size_t fl = strcspn(f, ",");
                if (fl == 13 && !strncmp(f, "quit-on-close", fl)) view_quit_on_close = true;
                else if (fl == 4 && !strncmp(f, "hold", fl)) view_hold = true;
                else if (fl == 6 && !strncmp(f, "paused", fl)) view_paused = true;
                else return usage_error("bad --view value %s (quit-on-close, hold, paused)", val);
            }
        } else if (!strcmp(name, "check-tlb")) {
            check_tlb = true;
            if (!val || !strcmp(val, "first")) check_tlb_mode = CHECK_TLB_FIRST;
            else if (!strcmp(val, "warn")) check_tlb_mode = CHECK_TLB_WARN;
            else if (!strcmp(val, "stop")) check_tlb_mode = CHECK_TLB_STOP;
            else return usage_error("bad --check-tlb value %s (first, warn, stop)", val);
        } else if (!strcmp(name, "view-png")) { NEEDVAL(); view_png = val; }
        else if (!strcmp(name, "view-text")) { NEEDVAL(); view_text = val; }
        else if (!strcmp(name, "view-every")) {
            NEEDVAL();
            if (!parse_u64(val, &view_every) || !view_every) return usage_error("bad --view-every value %s", val);
        } else if (!strcmp(name, "stats")) o.stats = true;
        else if (!strcmp(name, "stats-json")) { NEEDVAL(); o.stats_json = val; }
        else if (!strcmp(name, "trace-mmu")) { NEEDVAL(); trace_mmu_path = val; }
        else if (!strcmp(name, "max-insns")) {
            NEEDVAL();
            if (!parse_u64(val, &o.max_insns) || !o.max_insns) return usage_error("bad --max-insns value %s", val);
        } else if (!strcmp(name, "timeout")) {
            NEEDVAL();
            char *end;
            o.timeout = strtod(val, &end);
            if (*end || !(o.timeout > 0)) return usage_error("bad --timeout value %s (seconds > 0)", val);
        } else if (!strcmp(name, "misaligned")) {
            NEEDVAL();
            if (!strcmp(val, "trap")) o.hart.misaligned_trap = true;
            else if (!strcmp(val, "emulate")) o.hart.misaligned_trap = false;
            else return usage_error("bad --misaligned value %s (emulate|trap)", val);
        } else if (!strcmp(name, "mmu")) {
            NEEDVAL();
            if (!strcmp(val, "sv39")) o.hart.max_satp_mode = SATP_SV39;
            else if (!strcmp(val, "sv48")) o.hart.max_satp_mode = SATP_SV48;
            else if (!strcmp(val, "sv57")) o.hart.max_satp_mode = SATP_SV57;
            else return usage_error("bad --mmu value %s (sv39|sv48|sv57)", val);
        } else if (!strcmp(name, "tlb")) {
            NEEDVAL();
            char err[256];
            if (mmu_config_parse_tlb(&mc, val, err, sizeof err)) return usage_error("bad --tlb: %s", err);
        } else if (!strcmp(name, "tlb-flush")) {
            NEEDVAL();
            if (mmu_config_set_flush_mode(&mc, val)) return usage_error("bad --tlb-flush value %s (exact|peer)", val);
            o.tlb_flush_peer = mc.flush_on_satp_write;
        } else if (!strcmp(name, "ad")) {
            NEEDVAL();
            if (!strcmp(val, "svadu")) {
                o.hart.svadu = true; /* menvcfg.ADUE chooses, per hart, at run time */
            } else {
                if (mmu_config_set_ad(&mc, val)) return usage_error("bad --ad value %s (hw|fault|svadu)", val);
                o.hart.ad_fault = mc.ad == MMU_AD_FAULT;
            }
        } else if (!strcmp(name, "cpu")) {
            NEEDVAL();
            if (!strcmp(val, "help")) { isa_print_help(stdout); return 0; }
            char err[160];
            if (isa_parse_cpu(val, &o.hart.ext, err, sizeof err)) return usage_error("bad -cpu: %s", err);
        } else if (!strcmp(name, "pmp")) {
            uint64_t v; NEEDVAL();
            if (!parse_u64(val, &v) || v > 64) return usage_error("bad --pmp value %s (0..64)", val);
            o.hart.pmp_entries = v ? (int)v : -1;
        } else if (!strcmp(name, "trace")) o.trace = true;
        else if (!strcmp(name, "signature")) { NEEDVAL(); o.signature = val; }
        else if (!strcmp(name, "signature-granularity")) {
            uint64_t v; NEEDVAL();
            if (!parse_u64(val, &v) || v == 0 || v > SIGNATURE_MAX_GRANULARITY)
                return usage_error("bad --signature-granularity value %s (1..4096 bytes)", val);
            o.signature_granularity = (unsigned)v;
        }
        else if (!strcmp(name, "log-commits")) { log_commits = true; log_commits_path = val && *val ? val : NULL; }
        else if (!strcmp(name, "realtime")) o.realtime = true;
        else if (!strcmp(name, "quantum")) {
            uint64_t v; NEEDVAL();
            if (!parse_u64(val, &v) || v < 10 || v > 1000000) return usage_error("bad --quantum value %s (10..1000000)", val);
            o.quantum = (unsigned)v;
        } else {
            return usage_error("unknown option %s", a);
        }
#undef NEEDVAL
    }
    if (o.accel && !o.iommu) return usage_error("%s", "-device pagoda-accel needs the IOMMU: -M virt,iommu-sys=on");
    /* PROGRAM.elf is -bios none -kernel PROGRAM.elf, so -bios none may be said */
    if (o.program && (o.kernel || (o.bios && strcmp(o.bios, "none"))))
        return usage_error("%s: give either a program (with -bios none at most) or -bios/-kernel, not both", o.program);
    if (!o.program && !o.kernel && !o.bios) return usage_error("%s", "nothing to run: give a PROGRAM.elf or -kernel FILE");

    /* -device virtio-blk-device,drive=ID connects a drive to the next slot;
     * drives defined with if=virtio need no -device */
    for (unsigned k = 0; k < ndevices; k++) {
        const char *dr = strstr(devices[k], "drive=");
        if (!dr) return usage_error("-device %s needs drive=ID", devices[k]);
        char id[64];
        size_t l = strcspn(dr + 6, ",");
        if (l >= sizeof id) return usage_error("bad drive id in %s", devices[k]);
        memcpy(id, dr + 6, l);
        id[l] = 0;
        unsigned j = 0;
        while (j < ndrives && !(drives[j].id && !strcmp(drives[j].id, id))) j++;
        if (j == ndrives) return usage_error("-device refers to unknown drive %s", id);
        /* ids are unique (checked above); as QEMU, one drive, one device */
        if (drives[j].used) return usage_error("drive %s is used by more than one -device", id);
        if (o.ndrives >= BOARD_MAX_DRIVES) return usage_error("too many devices (%s)", devices[k]);
        drives[j].used = true;
        o.drives[o.ndrives++] = (struct drive_opt){drives[j].file, drives[j].readonly, drives[j].snapshot};
    }
    if (ndevices == 0)
        for (unsigned j = 0; j < ndrives && o.ndrives < BOARD_MAX_DRIVES; j++)
            o.drives[o.ndrives++] = (struct drive_opt){drives[j].file, drives[j].readonly, drives[j].snapshot};

    /* --trace-mmu, --stats-json: a file that cannot be written is found now, before any
     * guest time is spent, rather than after the run */
    if (trace_mmu_path && !can_write_file(trace_mmu_path)) {
        fprintf(stderr, "pagoda: %s: %s\n", trace_mmu_path, strerror(errno));
        return 1;
    }
    if (log_commits_path && !can_write_file(log_commits_path)) {
        fprintf(stderr, "pagoda: %s: %s\n", log_commits_path, strerror(errno));
        return 1;
    }
    if (o.signature && !can_write_file(o.signature)) {
        fprintf(stderr, "pagoda: %s: %s\n", o.signature, strerror(errno));
        return 1;
    }
    if (o.stats_json && !can_write_file(o.stats_json)) {
        fprintf(stderr, "pagoda: %s: %s\n", o.stats_json, strerror(errno));
        return 1;
    }

    if (view_every && !view_png) return usage_error("%s needs --view-png FILE", "--view-every");
#ifndef PAGODA_HAVE_VIEW
    (void)view_quit_on_close, (void)view_hold, (void)view_paused;
    if (view || view_png || view_text)
        return usage_error("%s: this pagoda was built without SDL2 (PAGODA_SDL=OFF)", view ? "--view" : view_png ? "--view-png" : "--view-text");
#endif
    const char *view_files[2] = { view_png, view_text };
    for (int k = 0; k < 2; k++)
        if (view_files[k] && !can_write_file(view_files[k])) {
            fprintf(stderr, "pagoda: %s: %s\n", view_files[k], strerror(errno));
            return 1;
        }

    if (gdb_wait && !gdb_port) return usage_error("%s needs -s or -gdb tcp::PORT", "-S");

    int status;
    struct board *b = board_create(&o, &status);
    if (!b) return status;
    struct gdbstub *gdb = NULL;
    if (gdb_port) {
        char err[256];
        gdb = gdbstub_create(b, gdb_port, gdb_wait, err, sizeof err);
        if (!gdb) {
            fprintf(stderr, "pagoda: %s\n", err);
            board_destroy(b);
            return 1;
        }
        board_set_watch(b, gdbstub_watch(gdb));
    }
#ifdef PAGODA_HAVE_VIEW
    struct view *v = NULL;
    struct board_watch watch;
    if (view || view_png || view_text) {
        struct view_opts vo = { .window = view, .png = view_png, .text = view_text, .every = view_every, .quit_on_close = view_quit_on_close, .hold = view_hold,
                                .paused = view_paused };
        struct view_source src = { board_nharts(b), board_harts(b), board_mmus(b), board_mtime(b) };
        char err[256];
        v = view_create(&vo, &src, err, sizeof err);
        if (!v) {
            if (view)
                fprintf(stderr, "pagoda: --view: %s\n", err + (strncmp(err, "view: ", 6) ? 0 : 6)); /* names --view-png */
            else
                fprintf(stderr, "pagoda: --view-png: %s\n", err);
            board_destroy(b);
            return 2;
        }
        /* the IOMMU's IOTLB as a device panel */
        if (board_iommu(b) && view_add_iommu(v, board_iommu(b)) != 0)
            fprintf(stderr, "pagoda: --view: no panel for the IOMMU\n");
        watch = (struct board_watch){ v, watch_between_rounds, watch_msip };
        board_set_watch(b, &watch);
    }
#endif
    /* after the view: the trace chains its hart hooks behind the view's */
    struct trace_mmu *trace = NULL;
    if (trace_mmu_path) {
        char err[256];
        trace = trace_mmu_open(trace_mmu_path, b, err, sizeof err);
        if (!trace) {
            fprintf(stderr, "pagoda: --trace-mmu: %s\n", err);
            board_destroy(b);
            return 1;
        }
        board_set_watch(b, trace_mmu_watch(trace));
    }
    struct commitlog *clog = log_commits ? commitlog_open(log_commits_path, board_harts(b), board_nharts(b)) : NULL;
    if (log_commits && !clog) {
        fprintf(stderr, "pagoda: --log-commits: %s\n", strerror(errno));
        board_destroy(b);
        return 1;
    }
    struct check_tlb *checker = NULL;
    if (check_tlb) { /* after the commit log: the checker chains its step hook behind it */
        char err[256];
        checker = check_tlb_start(b, check_tlb_mode, err, sizeof err);
        if (!checker) {
            fprintf(stderr, "pagoda: --check-tlb: %s\n", err);
            board_destroy(b);
            return 1;
        }
    }
    int rc = board_run(b);
    check_tlb_finish(checker);
    if (!commitlog_close(clog) && rc == 0) rc = 1;
    if (!trace_mmu_close(trace) && rc == 0) rc = 1;
    gdbstub_finish(gdb, rc);
    gdbstub_destroy(gdb);
#ifdef PAGODA_HAVE_VIEW
    if (v && view_finish(v) && rc == 0) rc = 1;
    view_destroy(v);
#endif
    board_destroy(b);
    return rc;
}
