/* The virt board: memory map (DESIGN.md "The board"), image placement as on
 * QEMU virt, device wiring, HTIF, and the deterministic round-robin
 * scheduler of harts. */
#include "board.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <libfdt.h>

#include "clint.h"
#include "console.h"
#include "fdt.h"
#include "accel.h"
#include "iommu.h"
#include "loader.h"
#include "plic.h"
#include "sifive_test.h"
#include "signature.h"
#include "uart.h"
#include "virtio_blk.h"

#define MAX_MMIO 24
#define TICKS_PER_INSN_DIV 10 /* mtime advances one 10 MHz tick per 10 instructions: a 100 MIPS hart */
#define TICKS_PER_US 10       /* mtime ticks in a microsecond (timebase-frequency 10 MHz) */

struct board {
    struct board_opts o;
    struct phys_mem pm;
    uint64_t mtime;
    struct hart harts[BOARD_MAX_HARTS];
    struct mmu *mmus[BOARD_MAX_HARTS];
    unsigned nharts;

    struct mmio_dev mmio[MAX_MMIO];
    unsigned nmmio;
    uint8_t bootrom[0x100];

    struct clint *clint;
    struct plic *plic;
    struct uart *uart;
    struct sifive_test *test;
    struct virtio_blk *blk[BOARD_MAX_DRIVES];
    unsigned nblk;
    struct iommu *iommu; /* -M virt,iommu-sys=on; else NULL */
    struct accel *accel; /* -device pagoda-accel; else NULL */

    void *fdt;
    size_t fdt_size;
    uint64_t fdt_addr;

    bool htif;
    uint64_t tohost, fromhost;

    uint64_t idle_insns; /* wfi counted toward --max-insns while waiting for host input */

    bool exit_requested;
    int exit_code;
    bool guest_ended;    /* the guest itself ended the run (HTIF exit, sifive_test) */

    bool has_signature;  /* the program's begin_signature/end_signature (--signature) */
    uint64_t sig_begin, sig_end;

    bool out_pending; /* UART or HTIF output waits in stdout's buffer */

    const struct board_watch *watch; /* NULL: nothing watches; else watches[0] or &chain */
    const struct board_watch *watches[BOARD_MAX_WATCH];
    unsigned nwatches;
    struct board_watch chain;        /* calls each of watches[] */
    int only_hart;                   /* >= 0: rounds run this hart alone (board_run_only) */
    uint64_t resv_seen[BOARD_MAX_HARTS]; /* short rounds: what each reservation covered */
    unsigned running;                /* the hart whose turn it is */

    struct timespec start;
};

/* ---- bus ---- */

static bool bus_load(void *ctx, uint64_t pa, unsigned size, uint64_t *val)
{
    struct board *b = ctx;
    for (unsigned i = 0; i < b->nmmio; i++) {
        struct mmio_dev *d = &b->mmio[i];
        if (pa >= d->base && pa - d->base < d->size && size <= d->size - (pa - d->base))
            return d->read ? d->read(d->opaque, pa - d->base, size, val) : false;
    }
    return false;
}

static bool bus_store(void *ctx, uint64_t pa, unsigned size, uint64_t val)
{
    struct board *b = ctx;
    for (unsigned i = 0; i < b->nmmio; i++) {
        struct mmio_dev *d = &b->mmio[i];
        if (pa >= d->base && pa - d->base < d->size && size <= d->size - (pa - d->base))
            return d->write ? d->write(d->opaque, pa - d->base, size, val) : false;
    }
    return false;
}

static void add_mmio(struct board *b, struct mmio_dev d)
{
    if (b->nmmio < MAX_MMIO) b->mmio[b->nmmio++] = d;
}

/* Boot ROM: read-only, any size access within it */
static bool rom_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct board *b = opaque;
    if (off + size > sizeof b->bootrom) return false;
    uint64_t v = 0;
    memcpy(&v, b->bootrom + off, size);
    *val = v;
    return true;
}

/* ---- interrupt wiring ---- */

static void hart_irq(void *ctx, unsigned hart, unsigned irq, bool level)
{
    struct board *b = ctx;
    if (hart >= b->nharts) return;
    struct hart *h = &b->harts[hart];
    if (level && irq == IRQ_MSI && b->watch && b->watch->msip && !(h->mip_ext & (1ull << IRQ_MSI)))
        b->watch->msip(b->watch->ctx, b->running, hart);
    if (level) h->mip_ext |= 1ull << irq;
    else h->mip_ext &= ~(1ull << irq);
    h->irq_check = true;
}

static void test_cb(void *ctx, int kind, int code)
{
    struct board *b = ctx;
    /* QEMU's finisher ends the run at once: its first write decides, and
     * what the guest writes later in this turn (OpenSBI's SRST writes
     * PASS after a kernel's FAIL) changes nothing */
    if (b->exit_requested)
        return;
    if (kind == SIFIVE_TEST_RESET) {
        fprintf(stderr, "pagoda: guest requested a reboot; stopping (reset is not supported)\n");
        b->exit_code = 0;
    } else {
        b->exit_code = kind == SIFIVE_TEST_PASS ? 0 : code;
    }
    b->exit_requested = true;
    b->guest_ended = true;
}

static void uart_out(void *ctx, uint8_t byte)
{
    struct board *b = ctx;
    putchar(byte);
    b->out_pending = true;
}

/* ---- HTIF (Spike's tohost/fromhost protocol) ---- */

static void htif_poll(struct board *b)
{
    uint8_t *p = phys_ram_ptr(&b->pm, b->tohost, 8);
    uint8_t *fp = phys_ram_ptr(&b->pm, b->fromhost, 8);
    if (!p) return;
    uint64_t v = phys_read_host(p, 8);
    if (!v) return;
    unsigned dev = (unsigned)(v >> 56), cmd = (unsigned)((v >> 48) & 0xff);
    uint64_t payload = v & ((1ull << 48) - 1);
    phys_write_host(p, 8, 0);
    if (dev == 0 && cmd == 0) {
        if (payload & 1) { /* exit: code = value >> 1 */
            b->exit_code = (int)(payload >> 1);
            b->exit_requested = true;
            b->guest_ended = true;
            return;
        }
        /* a syscall block (riscv-tests' benchmarks): magic_mem[0..3] */
        uint8_t *mm = phys_ram_ptr(&b->pm, payload, 32);
        if (mm) {
            uint64_t which = phys_read_host(mm, 8), a0 = phys_read_host(mm + 8, 8);
            uint64_t a1 = phys_read_host(mm + 16, 8), a2 = phys_read_host(mm + 24, 8);
            uint64_t ret = (uint64_t)-1;
            if (which == 64 && (a0 == 1 || a0 == 2)) { /* write(fd, buf, len) */
                uint8_t *buf = phys_ram_ptr(&b->pm, a1, a2 ? a2 : 1);
                if (buf) {
                    fwrite(buf, 1, a2, a0 == 1 ? stdout : stderr);
                    b->out_pending = true;
                    ret = a2;
                }
            } else if (which == 93) { /* exit(code) */
                b->exit_code = (int)a0;
                b->exit_requested = true;
                b->guest_ended = true;
                return;
            }
            phys_write_host(mm, 8, ret);
        }
        if (fp) phys_write_host(fp, 8, 1);
    } else if (dev == 1 && cmd == 1) { /* console putchar */
        putchar((int)(payload & 0xff));
        b->out_pending = true;
        if (fp) phys_write_host(fp, 8, (1ull << 56) | (1ull << 48));
    } else if (fp) {
        phys_write_host(fp, 8, (uint64_t)dev << 56 | (uint64_t)cmd << 48);
    }
}

/* ---- building the board ---- */

static char *firmware_default_path(void)
{
    const char *env = getenv("PAGODA_FIRMWARE");
    if (env) return strdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = 0;
    static const char *const rel[] = {"/firmware/pagoda-fw.elf", "/../share/pagoda/pagoda-fw.elf"};
    for (unsigned i = 0; i < 2; i++) {
        char path[PATH_MAX + 64];
        snprintf(path, sizeof path, "%s%s", exe, rel[i]);
        if (access(path, R_OK) == 0) return strdup(path);
    }
    return NULL;
}

static int load_image(struct board *b, const char *path, uint64_t raw_addr, struct loaded_image *img)
{
    char err[512];
    int rc = file_is_elf(path) ? load_elf(&b->pm, path, img, err, sizeof err)
                               : load_raw(&b->pm, path, raw_addr, img, err, sizeof err);
    if (rc) fprintf(stderr, "pagoda: %s\n", err);
    return rc;
}

/* The reset vector, as QEMU virt's: a0 = mhartid, a1 = device tree,
 * a2 = fw_dynamic_info (OpenSBI's struct: magic, version, next_addr,
 * next_mode, options, boot_hart), then jump to the firmware. */
static void build_bootrom(struct board *b, uint64_t start, uint64_t next_addr)
{
    static const uint32_t code[] = {
        0x00000297, /* auipc t0, 0 */
        0x02828613, /* addi  a2, t0, 40 */
        0xf1402573, /* csrr  a0, mhartid */
        0x0202b583, /* ld    a1, 32(t0) */
        0x0182b283, /* ld    t0, 24(t0) */
        0x00028067, /* jr    t0 */
    };
    memset(b->bootrom, 0, sizeof b->bootrom);
    memcpy(b->bootrom, code, sizeof code);
    uint64_t words[8] = {
        start, b->fdt_addr,
        0x4942534f,           /* fw_dynamic magic "OSBI" */
        2,                    /* version */
        next_addr,
        1,                    /* next_mode: S */
        0,                    /* options */
        (uint64_t)-1,         /* boot_hart: any (lottery) */
    };
    memcpy(b->bootrom + 24, words, sizeof words);
}

static void satp_peer_flush(struct hart *h) { mmu_flush_all(h->mmu); }

struct board *board_create(const struct board_opts *o, int *status)
{
    *status = 1;
    struct board *b = calloc(1, sizeof *b);
    if (!b) { fprintf(stderr, "pagoda: out of memory\n"); return NULL; }
    b->o = *o;
    b->nharts = o->nharts ? o->nharts : 1;
    b->only_hart = -1;
    if (b->nharts > BOARD_MAX_HARTS) {
        fprintf(stderr, "pagoda: -smp %u: at most %d harts\n", b->nharts, BOARD_MAX_HARTS);
        *status = 2;
        free(b);
        return NULL;
    }
    b->pm.ram_base = RAM_BASE;
    b->pm.ram_size = o->ram_size;
    b->pm.ram = mmap(NULL, o->ram_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (b->pm.ram == MAP_FAILED) {
        fprintf(stderr, "pagoda: cannot allocate %" PRIu64 " MiB of guest RAM\n", o->ram_size >> 20);
        free(b);
        return NULL;
    }
    /* Transparent huge pages for guest RAM when the host offers them
     * (advice only: without them everything works, with more host TLB
     * misses when a guest touches memory at random) */
    (void)madvise(b->pm.ram, o->ram_size, MADV_HUGEPAGE);
    b->pm.io_ctx = b;
    b->pm.io_load = bus_load;
    b->pm.io_store = bus_store;

    /* devices */
    add_mmio(b, (struct mmio_dev){"bootrom", BOOTROM_BASE, sizeof b->bootrom, b, rom_read, NULL});
    b->test = sifive_test_create(test_cb, b);
    add_mmio(b, sifive_test_mmio(b->test, 0x100000));
    b->clint = clint_create(b->nharts, &b->mtime, hart_irq, b);
    add_mmio(b, clint_mmio(b->clint, CLINT_BASE));
    b->plic = plic_create(b->nharts, hart_irq, b);
    add_mmio(b, plic_mmio(b->plic, PLIC_BASE));
    b->uart = uart_create(uart_out, b, plic_set_irq, b->plic, UART_IRQ);
    add_mmio(b, uart_mmio(b->uart, UART_BASE));
    for (unsigned i = 0; i < VIRTIO_MMIO_SLOTS; i++) {
        uint64_t base = VIRTIO_MMIO_BASE + VIRTIO_MMIO_STRIDE * i;
        if (i < o->ndrives) {
            struct virtio_blk_opts vo = {.path = o->drives[i].file, .readonly = o->drives[i].readonly,
                                         .snapshot = o->snapshot || o->drives[i].snapshot};
            char err[512];
            b->blk[i] = virtio_blk_create(&vo, &b->pm, plic_set_irq, b->plic, VIRTIO_MMIO_IRQ_FIRST + i, err, sizeof err);
            if (!b->blk[i]) {
                fprintf(stderr, "pagoda: %s\n", err);
                board_destroy(b);
                return NULL;
            }
            b->nblk = i + 1;
            add_mmio(b, virtio_blk_mmio(b->blk[i], base));
        } else {
            add_mmio(b, virtio_mmio_empty(base));
        }
    }
    if (o->iommu) {
        b->iommu = iommu_create(&b->pm, plic_set_irq, b->plic, IOMMU_IRQ_FIRST);
        if (!b->iommu) {
            fprintf(stderr, "pagoda: out of memory for the IOMMU\n");
            board_destroy(b);
            return NULL;
        }
        add_mmio(b, iommu_mmio(b->iommu, IOMMU_BASE));
    }
    if (o->accel && b->iommu) {
        b->accel = accel_create(b->iommu, o->accel_devid, o->accel_rate, TICKS_PER_US, plic_set_irq, b->plic,
                                ACCEL_IRQ);
        if (!b->accel) {
            fprintf(stderr, "pagoda: out of memory for the accelerator\n");
            board_destroy(b);
            return NULL;
        }
        add_mmio(b, accel_mmio(b->accel, ACCEL_BASE));
    }

    /* harts and their MMUs */
    for (unsigned i = 0; i < b->nharts; i++) {
        b->mmus[i] = mmu_create(o->mmu, &b->pm, &b->harts[i].pmp);
        hart_init(&b->harts[i], i, &b->pm, &o->hart, b->mmus[i]);
        b->harts[i].mtime = &b->mtime;
        b->harts[i].platform = b;
        if (o->trace) b->harts[i].trace = stderr;
        if (o->tlb_flush_peer) b->harts[i].satp_write_hook = satp_peer_flush;
    }

    /* images: firmware at RAM_BASE, kernel after it (raw: +2 MiB) or at its
     * ELF addresses; with -bios none the kernel itself starts at RAM_BASE */
    const char *kernel = o->kernel ? o->kernel : o->program;
    bool no_bios = o->program || (o->bios && strcmp(o->bios, "none") == 0);
    uint64_t start = RAM_BASE, next = RAM_BASE + KERNEL_OFFSET, top = RAM_BASE;
    struct loaded_image img, fw_img = {0};
    char *fw = NULL; /* the firmware's file name, for the overlap check */
    if (!no_bios) {
        fw = o->bios ? strdup(o->bios) : firmware_default_path();
        if (!fw) {
            fprintf(stderr, "pagoda: Pagoda's firmware (pagoda-fw.elf) was not found next to the binary; "
                            "use -bios FILE or -bios none\n");
            board_destroy(b);
            return NULL;
        }
        int rc = load_image(b, fw, RAM_BASE, &img);
        if (rc) { free(fw); board_destroy(b); return NULL; }
        fw_img = img;
        start = img.entry;
        top = img.high;
        if (img.has_tohost) { b->htif = true; b->tohost = img.tohost; b->fromhost = img.fromhost; }
    }
    if (kernel) {
        /* the Spike-style program must be an ELF (load_elf says why not);
         * -kernel also takes raw images */
        char err[512];
        int rc = o->program ? load_elf(&b->pm, o->program, &img, err, sizeof err) : 0;
        if (rc) fprintf(stderr, "pagoda: %s\n", err);
        if (rc || (!o->program && load_image(b, kernel, no_bios ? RAM_BASE : RAM_BASE + KERNEL_OFFSET, &img))) {
            free(fw);
            board_destroy(b);
            return NULL;
        }
        /* the kernel must not land on the firmware: QEMU refuses such
         * overlapping images too, rather than boot a damaged firmware */
        if (fw && img.low < fw_img.high && fw_img.low < img.high) {
            fprintf(stderr, "pagoda: kernel %s overlaps firmware %s in [0x%" PRIx64 ", 0x%" PRIx64 ")\n", kernel, fw,
                    img.low > fw_img.low ? img.low : fw_img.low, img.high < fw_img.high ? img.high : fw_img.high);
            free(fw);
            board_destroy(b);
            return NULL;
        }
        if (no_bios) start = img.entry;
        next = img.entry;
        if (img.high > top) top = img.high;
        if (img.has_tohost) { b->htif = true; b->tohost = img.tohost; b->fromhost = img.fromhost; }
        if (img.has_signature) { b->has_signature = true; b->sig_begin = img.sig_begin; b->sig_end = img.sig_end; }
    }
    free(fw);
    /* --signature: as Spike, the region is the program's; without it the
     * run would be wasted, so say so now */
    if (o->signature) {
        char err[256];
        if (!b->has_signature) {
            fprintf(stderr, "pagoda: --signature: %s defines no begin_signature and end_signature symbols\n",
                    kernel ? kernel : "the program");
            board_destroy(b);
            return NULL;
        }
        if (signature_check(&b->pm, b->sig_begin, b->sig_end, err, sizeof err)) {
            fprintf(stderr, "pagoda: --signature: %s: %s\n", kernel ? kernel : "the program", err);
            board_destroy(b);
            return NULL;
        }
    }
    uint64_t initrd_start = 0, initrd_end = 0;
    if (o->initrd) {
        /* far enough above the kernel that it survives decompression, as
         * QEMU does: half of RAM, at most 128 MiB in */
        uint64_t at = RAM_BASE + (o->ram_size / 2 < (128ull << 20) ? o->ram_size / 2 : (128ull << 20));
        if (at < top) at = (top + 0xfff) & ~0xfffull;
        char err[512];
        if (load_raw(&b->pm, o->initrd, at, &img, err, sizeof err)) {
            fprintf(stderr, "pagoda: %s\n", err);
            board_destroy(b);
            return NULL;
        }
        initrd_start = img.low;
        initrd_end = img.high;
    }

    /* device tree */
    if (o->dtb) {
        char err[512];
        if (fdt_load_file(o->dtb, &b->fdt, &b->fdt_size, err, sizeof err)) {
            fprintf(stderr, "pagoda: %s\n", err);
            board_destroy(b);
            return NULL;
        }
        /* as QEMU does: -append and -initrd patch /chosen of a given tree */
        if ((o->append || o->initrd) &&
            fdt_set_chosen(&b->fdt, &b->fdt_size, o->append, initrd_start, initrd_end) != 0) {
            fprintf(stderr, "pagoda: %s: cannot update /chosen\n", o->dtb);
            board_destroy(b);
            return NULL;
        }
    } else {
        struct board_desc d;
        board_desc_virt(&d);
        if (b->iommu) {
            d.iommu_base = IOMMU_BASE;
            d.iommu_irq = IOMMU_IRQ_FIRST;
        }
        if (b->accel) {
            d.accel_base = ACCEL_BASE;
            d.accel_irq = ACCEL_IRQ;
            d.accel_devid = o->accel_devid;
        }
        d.nharts = b->nharts;
        d.ram_base = RAM_BASE;
        d.ram_size = o->ram_size;
        /* what the harts implement: -cpu's choice (cpu/isa.h) */
        static char isa[512];
        uint64_t ext = isa_resolve(o->hart.ext, o->hart.svadu);
        isa_string(ext, isa, sizeof isa);
        d.isa = o->isa ? o->isa : isa;
        d.cbom_block_size = (ext & EXT_ZICBOM) ? CBO_BLOCK_SIZE : 0;
        d.cboz_block_size = (ext & EXT_ZICBOZ) ? CBO_BLOCK_SIZE : 0;
        d.cbop_block_size = (ext & EXT_ZICBOP) ? CBO_BLOCK_SIZE : 0;
        d.mmu_type = o->hart.max_satp_mode == SATP_SV39 ? "riscv,sv39"
                   : o->hart.max_satp_mode == SATP_SV48 ? "riscv,sv48" : "riscv,sv57";
        d.bootargs = o->append;
        d.initrd_start = initrd_start;
        d.initrd_end = initrd_end;
        b->fdt = fdt_build_virt(&d, &b->fdt_size);
        if (!b->fdt) {
            fprintf(stderr, "pagoda: could not build the device tree\n");
            board_destroy(b);
            return NULL;
        }
    }
    if (o->dump_dtb) {
        FILE *f = fopen(o->dump_dtb, "wb");
        if (!f || fwrite(b->fdt, 1, b->fdt_size, f) != b->fdt_size) {
            fprintf(stderr, "pagoda: %s: %s\n", o->dump_dtb, strerror(errno));
            if (f) fclose(f);
            board_destroy(b);
            return NULL;
        }
        fclose(f);
        /* like QEMU's -machine dumpdtb=FILE: write the tree and stop */
        board_destroy(b);
        *status = 0;
        return NULL;
    }
    /* the tree goes at the top of RAM, 2 MiB aligned down, as QEMU places it */
    if (b->fdt_size > o->ram_size / 2) {
        fprintf(stderr, "pagoda: device tree too large for RAM\n");
        board_destroy(b);
        return NULL;
    }
    b->fdt_addr = (RAM_BASE + o->ram_size - b->fdt_size) & ~((2ull << 20) - 1);
    if (b->fdt_addr < top) b->fdt_addr = (RAM_BASE + o->ram_size - b->fdt_size) & ~7ull;
    memcpy(phys_ram_ptr(&b->pm, b->fdt_addr, b->fdt_size), b->fdt, b->fdt_size);

    build_bootrom(b, start, next);
    for (unsigned i = 0; i < b->nharts; i++) hart_reset(&b->harts[i], BOOTROM_BASE);
    *status = 0;
    return b;
}

void board_destroy(struct board *b)
{
    if (!b) return;
    for (unsigned i = 0; i < BOARD_MAX_DRIVES; i++) virtio_blk_destroy(b->blk[i]);
    accel_destroy(b->accel); /* before the IOMMU it uses */
    iommu_destroy(b->iommu);
    for (unsigned i = 0; i < b->nharts; i++) {
        if (b->mmus[i]) mmu_destroy(b->mmus[i]);
        hart_free(&b->harts[i]);
    }
    uart_destroy(b->uart);
    plic_destroy(b->plic);
    clint_destroy(b->clint);
    sifive_test_destroy(b->test);
    free(b->fdt);
    if (b->pm.ram && b->pm.ram != MAP_FAILED) munmap(b->pm.ram, b->pm.ram_size);
    free(b);
}

/* ---- running ---- */

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

static uint64_t total_instret(const struct board *b)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < b->nharts; i++) n += b->harts[i].instret;
    return n;
}

/* What --max-insns counts: instructions executed, whether they retired or
 * trapped, so a guest stuck in a fault loop still reaches the limit; and
 * harts asleep in wfi while the board waits for host input (board_run). */
static uint64_t limit_count(const struct board *b)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < b->nharts; i++) n += b->harts[i].instret + b->harts[i].n_exceptions;
    return n + b->idle_insns;
}

/* Earliest future timer event over CLINT mtimecmp and Sstc stimecmp, and
 * the moment the accelerator finishes the work it can do now. */
static uint64_t next_timer_event(const struct board *b)
{
    uint64_t t = clint_next_deadline(b->clint);
    if (b->accel) {
        uint64_t ta = accel_next_event(b->accel, b->mtime);
        if (ta < t) t = ta;
    }
    for (unsigned i = 0; i < b->nharts; i++) {
        const struct hart *h = &b->harts[i];
        if ((h->menvcfg >> 63) && h->stimecmp > b->mtime && h->stimecmp < t) t = h->stimecmp;
        /* a guest's Sstc timer (H): VSTIP when time + htimedelta >= vstimecmp
         * (priv. spec, "Hypervisor Time Delta Register"), so its event is
         * at mtime = vstimecmp - htimedelta */
        if ((h->menvcfg >> 63) && (h->henvcfg >> 63)) {
            uint64_t v = h->vstimecmp - h->htimedelta;
            if (v > b->mtime && v < t) t = v;
        }
    }
    return t;
}

static void print_stats(struct board *b, double secs, FILE *f)
{
    uint64_t n = total_instret(b);
    fprintf(f, "instructions: %" PRIu64 "\n", n);
    fprintf(f, "time: %.3f s\n", secs);
    fprintf(f, "MIPS: %.1f\n", secs > 0 ? (double)n / secs / 1e6 : 0.0);
    for (unsigned i = 0; i < b->nharts; i++) {
        struct hart *h = &b->harts[i];
        fprintf(f, "hart %u: instructions %" PRIu64 ", exceptions %" PRIu64 ", interrupts %" PRIu64 "\n", i,
                h->instret, h->n_exceptions, h->n_interrupts);
        mmu_stats_print(b->mmus[i], f);
    }
    if (b->iommu) iommu_stats_print(b->iommu, f);
    if (b->accel) accel_stats_print(b->accel, f);
}

static void write_stats_json(struct board *b, double secs, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "pagoda: %s: %s\n", path, strerror(errno));
        return;
    }
    uint64_t n = total_instret(b);
    fprintf(f, "{\"instructions\": %" PRIu64 ", \"seconds\": %.6f, \"mips\": %.3f, \"harts\": [", n, secs,
            secs > 0 ? (double)n / secs / 1e6 : 0.0);
    for (unsigned i = 0; i < b->nharts; i++) {
        struct hart *h = &b->harts[i];
        fprintf(f, "%s{\"hart\": %u, \"instructions\": %" PRIu64 ", \"exceptions\": %" PRIu64
                   ", \"interrupts\": %" PRIu64 ", \"mmu\": ",
                i ? ", " : "", i, h->instret, h->n_exceptions, h->n_interrupts);
        mmu_stats_json(b->mmus[i], f);
        fputc('}', f);
    }
    fprintf(f, "]");
    if (b->iommu) {
        fprintf(f, ", \"iommu\": ");
        iommu_stats_json(b->iommu, f);
    }
    if (b->accel) {
        fprintf(f, ", \"accel\": ");
        accel_stats_json(b->accel, f);
    }
    fprintf(f, "}\n");
    if (ferror(f) | fclose(f)) fprintf(stderr, "pagoda: %s: %s\n", path, strerror(errno)); /* e.g. a full disk */
}

static bool chain_between_rounds(void *ctx, uint64_t *budget)
{
    struct board *b = ctx;
    bool go = true;
    uint64_t least = UINT64_MAX;
    for (unsigned i = 0; i < b->nwatches; i++) {
        uint64_t mine = UINT64_MAX;
        if (!b->watches[i]->between_rounds(b->watches[i]->ctx, &mine)) go = false;
        if (mine < least) least = mine;
    }
    *budget = least;
    return go;
}

static void chain_msip(void *ctx, unsigned from, unsigned to)
{
    struct board *b = ctx;
    for (unsigned i = 0; i < b->nwatches; i++)
        if (b->watches[i]->msip) b->watches[i]->msip(b->watches[i]->ctx, from, to);
}

void board_set_watch(struct board *b, const struct board_watch *w)
{
    if (!w || b->nwatches == BOARD_MAX_WATCH) return;
    b->watches[b->nwatches++] = w;
    if (b->nwatches == 1) {
        b->watch = w;
    } else {
        b->chain = (struct board_watch){b, chain_between_rounds, chain_msip};
        b->watch = &b->chain;
    }
}
void board_run_only(struct board *b, int hart) { b->only_hart = hart < (int)b->nharts ? hart : -1; }
struct phys_mem *board_phys(struct board *b) { return &b->pm; }
unsigned board_nharts(const struct board *b) { return b->nharts; }
struct hart *board_harts(struct board *b) { return b->harts; }
struct mmu *const *board_mmus(const struct board *b) { return b->mmus; }
const uint64_t *board_mtime(const struct board *b) { return &b->mtime; }
struct iommu *board_iommu(const struct board *b) { return b->iommu; }

void board_request_exit(struct board *b, int status)
{
    b->exit_code = status;
    b->exit_requested = true;
}
struct accel *board_accel(const struct board *b) { return b->accel; }

/* The doubleword under a hart's reservation, for the debugger's short
 * rounds (board_run). */
static void resv_remember(struct board *b, const struct hart *h, unsigned i)
{
    const uint8_t *p = phys_ram_ptr(&b->pm, h->resv_addr & ~7ull, 8);
    b->resv_seen[i] = p ? phys_read_host(p, 8) : 0;
}

static bool resv_unchanged(struct board *b, const struct hart *h, unsigned i)
{
    const uint8_t *p = phys_ram_ptr(&b->pm, h->resv_addr & ~7ull, 8);
    return h->resv_valid && p && phys_read_host(p, 8) == b->resv_seen[i];
}

int board_run(struct board *b)
{
    const struct board_opts *o = &b->o;
    unsigned quantum = o->quantum ? o->quantum : 1000;
    clock_gettime(CLOCK_MONOTONIC, &b->start);
    console_init();
    uint64_t round = 0;
    int status = 0;
    bool limit_hit = false;
    uint64_t budget = UINT64_MAX; /* per hart per round, from the watching tool (stepping) */
    uint64_t tick_carry = 0;
    /* a watching tool sees the board before the first instruction (a view
     * that starts paused stops here) */
    if (b->watch && !b->watch->between_rounds(b->watch->ctx, &budget))
        b->exit_requested = true;
    while (!b->exit_requested) {
        bool all_asleep = true;
        for (unsigned i = 0; i < b->nharts && !b->exit_requested; i++) {
            if (b->only_hart >= 0 && i != (unsigned)b->only_hart) { /* a debugger steps one hart */
                if (!b->harts[i].wfi) all_asleep = false; /* the others are paused, not asleep */
                continue;
            }
            struct hart *h = &b->harts[i];
            /* another hart may store between this hart's LR and SC: drop
             * reservations at every switch (see exec.c).  In a debugger's
             * short rounds (budget below the quantum) every few
             * instructions are a switch and an LR/SC loop would never
             * succeed: there a reservation stays while the doubleword it
             * covers still holds what it held (QEMU's SC compares values
             * the same way). */
            if (b->nharts > 1 && !(budget < quantum && resv_unchanged(b, h, i))) h->resv_valid = false;
            uint64_t q = quantum < budget ? quantum : budget;
            b->running = i;
            if (o->max_insns) { /* stop exactly at the limit */
                uint64_t done = limit_count(b);
                if (done >= o->max_insns) break;
                if (o->max_insns - done < q) q = o->max_insns - done;
            }
            hart_run(h, q);
            if (budget < quantum && h->resv_valid) resv_remember(b, h, i);
            if (!h->wfi) all_asleep = false;
        }
        round++;
        if (o->realtime) {
            b->mtime = (uint64_t)(seconds_since(&b->start) * 1e7);
        } else {
            /* a round of q instructions per hart is q / 10 ticks; a
             * stepping tool's short rounds carry the remainder */
            tick_carry += quantum < budget ? quantum : budget;
            b->mtime += tick_carry / TICKS_PER_INSN_DIV;
            tick_carry %= TICKS_PER_INSN_DIV;
        }
        clint_update(b->clint);
        for (unsigned i = 0; i < b->nharts; i++)
            if (b->harts[i].menvcfg >> 63) b->harts[i].irq_check = true;
        /* the accelerator works over the guest time that passed; a store
         * of a device ends the harts' reservations as another hart's would
         * (conservatively: whatever it wrote) */
        if (b->accel && accel_advance(b->accel, b->mtime))
            for (unsigned i = 0; i < b->nharts; i++) b->harts[i].resv_valid = false;
        if (b->htif) htif_poll(b);
        if (b->out_pending) { fflush(stdout); b->out_pending = false; }
        if (all_asleep && !b->exit_requested) {
            /* every hart waits for an interrupt: skip time to the next timer
             * event, or wait for console input */
            uint64_t t = next_timer_event(b);
            bool any_pending = false;
            for (unsigned i = 0; i < b->nharts; i++)
                if (hart_mip(&b->harts[i]) & b->harts[i].mie) any_pending = true;
            if (!any_pending) {
                if (t != UINT64_MAX && !o->realtime) {
                    b->mtime = t;
                    clint_update(b->clint);
                    for (unsigned i = 0; i < b->nharts; i++) b->harts[i].irq_check = true;
                } else if (console_input_open()) {
                    console_poll(b->uart, 10);
                    /* only host input can wake a hart now: each wait counts
                     * as a quantum of wfi per hart toward --max-insns (the
                     * privileged spec lets wfi retire as a no-op), so the
                     * limit holds whatever the guest does */
                    b->idle_insns += (uint64_t)quantum * b->nharts;
                } else if (t == UINT64_MAX) {
                    fprintf(stderr, "pagoda: every hart is waiting for an interrupt that can never come\n");
                    status = 1;
                    limit_hit = true;
                    break;
                } else {
                    struct timespec ts = {0, 1000000};
                    nanosleep(&ts, NULL);
                }
            }
        }
        if (o->max_insns && limit_count(b) >= o->max_insns && !b->exit_requested) {
            fprintf(stderr, "pagoda: stopped after %" PRIu64 " instructions (--max-insns)\n", limit_count(b));
            status = 124;
            limit_hit = true;
            break;
        }
        if (b->watch && !b->watch->between_rounds(b->watch->ctx, &budget)) {
            status = 0;
            limit_hit = true;
            break;
        }
        if ((round & 15) == 0) {
            if (console_poll(b->uart, 0) && console_stop_requested(&status)) {
                if (status) fprintf(stderr, "pagoda: stopped by signal %d (%s)\n", status - 128, strsignal(status - 128));
                limit_hit = true;
                break;
            }
            if (o->timeout > 0 && seconds_since(&b->start) >= o->timeout) {
                fprintf(stderr, "pagoda: stopped after %.1f s (--timeout)\n", o->timeout);
                status = 124;
                limit_hit = true;
                break;
            }
        }
    }
    fflush(stdout);
    double secs = seconds_since(&b->start);
    console_restore();
    if (o->stats) print_stats(b, secs, stderr);
    if (o->stats_json) write_stats_json(b, secs, o->stats_json);
    for (unsigned i = 0; i < b->nblk; i++)
        if (b->blk[i]) virtio_blk_flush(b->blk[i]);
    if (limit_hit) return status;
    /* the signature, as Spike writes it: when the guest has ended */
    if (o->signature && b->guest_ended) {
        char err[512];
        if (signature_write(&b->pm, b->sig_begin, b->sig_end, o->signature_granularity ? o->signature_granularity : 4, o->signature, err, sizeof err)) {
            fprintf(stderr, "pagoda: --signature: %s\n", err);
            return b->exit_code ? b->exit_code : 1;
        }
    }
    return b->exit_code;
}
