/* Device tree generation.  The layout copies QEMU's hw/riscv/virt.c (node
 * names, property order and values), including its order of nodes under
 * /soc.  Bindings: Documentation/devicetree/bindings/riscv/cpus.yaml,
 * interrupt-controller/sifive,plic-1.0.0.yaml, timer/sifive,clint.yaml,
 * serial/8250.yaml, virtio/mmio.yaml, power/reset/syscon-{poweroff,reboot}. */
#include "fdt.h"

#include <libfdt.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FREE_SPACE 4096

void board_desc_virt(struct board_desc *b)
{
    memset(b, 0, sizeof *b);
    b->nharts = 1;
    b->ram_base = 0x80000000u;
    b->ram_size = 128u << 20;
    b->isa = "rv64imafdc_zicsr_zifencei";
    b->mmu_type = "riscv,sv48";
    b->timebase = 10000000;
    b->virtio_slots = 8;
    b->virtio_base = 0x10001000u;
    b->virtio_irq = 1;
    b->uart_base = 0x10000000u;
    b->uart_irq = 10;
    b->uart_clock = 3686400;
    b->plic_base = 0xC000000u;
    b->plic_size = 0x600000u;
    b->plic_ndev = 95;
    b->clint_base = 0x2000000u;
    b->clint_size = 0x10000u;
    b->test_base = 0x100000u;
}

/* Phandles, fixed so that a tree is the same from run to run. */
enum { PH_PLIC = 1, PH_TEST = 2, PH_CPU0 = 3, PH_IOMMU = 0x100 /* past the cpus' 3..130 */ };
static uint32_t ph_cpu(unsigned h) { return PH_CPU0 + 2 * h; }
static uint32_t ph_intc(unsigned h) { return PH_CPU0 + 2 * h + 1; }

/* Any libfdt error stops the build; the caller retries with more room on
 * -FDT_ERR_NOSPACE. */
#define TRY(x) do { int r_ = (x); if (r_ < 0) return r_; } while (0)

static int prop_reg(void *f, uint64_t base, uint64_t size)
{
    fdt32_t c[4] = { cpu_to_fdt32((uint32_t)(base >> 32)), cpu_to_fdt32((uint32_t)base),
                     cpu_to_fdt32((uint32_t)(size >> 32)), cpu_to_fdt32((uint32_t)size) };
    return fdt_property(f, "reg", c, sizeof c);
}

static int begin_node_at(void *f, const char *name, uint64_t addr)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s@%llx", name, (unsigned long long)addr);
    return fdt_begin_node(f, buf);
}

/* "rv64imafdc_zicsr_zba" -> "i\0m\0a\0f\0d\0c\0zicsr\0zba\0" (a 'g' stands for
 * imafd_zicsr_zifencei).  Returns the length written, or -1 if out of room. */
static int isa_extensions(const char *isa, char *out, size_t cap)
{
    size_t n = 0;
#define PUT(s, len) do { if (n + (len) + 1 > cap) return -1; \
                         memcpy(out + n, (s), (len)); n += (len); out[n++] = 0; } while (0)
    const char *p = isa;
    if (!strncmp(p, "rv64", 4) || !strncmp(p, "rv32", 4))
        p += 4;
    for (; *p && *p != '_'; p++) {
        if (*p == 'g') {
            PUT("i", 1); PUT("m", 1); PUT("a", 1); PUT("f", 1); PUT("d", 1);
            PUT("zicsr", 5); PUT("zifencei", 8);
        } else {
            PUT(p, 1);
        }
    }
    while (*p == '_') {
        const char *s = ++p;
        while (*p && *p != '_')
            p++;
        if (p > s)
            PUT(s, (size_t)(p - s));
    }
#undef PUT
    return (int)n;
}

static int build(void *f, int bufsize, const struct board_desc *b)
{
    TRY(fdt_create(f, bufsize));
    TRY(fdt_finish_reservemap(f));
    TRY(fdt_begin_node(f, ""));
    TRY(fdt_property_u32(f, "#address-cells", 2));
    TRY(fdt_property_u32(f, "#size-cells", 2));
    TRY(fdt_property_string(f, "compatible", "riscv-virtio"));
    TRY(fdt_property_string(f, "model", "riscv-virtio,qemu"));

    /* /chosen */
    TRY(fdt_begin_node(f, "chosen"));
    if (b->bootargs)
        TRY(fdt_property_string(f, "bootargs", b->bootargs));
    if (b->initrd_end > b->initrd_start) {
        TRY(fdt_property_u64(f, "linux,initrd-start", b->initrd_start));
        TRY(fdt_property_u64(f, "linux,initrd-end", b->initrd_end));
    }
    char path[64];
    snprintf(path, sizeof path, "/soc/serial@%llx", (unsigned long long)b->uart_base);
    TRY(fdt_property_string(f, "stdout-path", path));
    TRY(fdt_end_node(f));

    /* syscon poweroff / reboot through the sifive_test register. */
    if (b->test_base) {
        TRY(fdt_begin_node(f, "poweroff"));
        TRY(fdt_property_u32(f, "value", 0x5555));
        TRY(fdt_property_u32(f, "offset", 0));
        TRY(fdt_property_u32(f, "regmap", PH_TEST));
        TRY(fdt_property_string(f, "compatible", "syscon-poweroff"));
        TRY(fdt_end_node(f));
        TRY(fdt_begin_node(f, "reboot"));
        TRY(fdt_property_u32(f, "value", 0x7777));
        TRY(fdt_property_u32(f, "offset", 0));
        TRY(fdt_property_u32(f, "regmap", PH_TEST));
        TRY(fdt_property_string(f, "compatible", "syscon-reboot"));
        TRY(fdt_end_node(f));
    }

    TRY(begin_node_at(f, "memory", b->ram_base));
    TRY(fdt_property_string(f, "device_type", "memory"));
    TRY(prop_reg(f, b->ram_base, b->ram_size));
    TRY(fdt_end_node(f));

    /* /cpus (riscv/cpus.yaml) */
    char exts[1024];
    int exts_len = isa_extensions(b->isa, exts, sizeof exts);
    if (exts_len < 0)
        return -FDT_ERR_BADVALUE;
    TRY(fdt_begin_node(f, "cpus"));
    TRY(fdt_property_u32(f, "#address-cells", 1));
    TRY(fdt_property_u32(f, "#size-cells", 0));
    TRY(fdt_property_u32(f, "timebase-frequency", b->timebase));
    for (unsigned h = 0; h < b->nharts; h++) {
        TRY(begin_node_at(f, "cpu", h));
        TRY(fdt_property_u32(f, "phandle", ph_cpu(h)));
        TRY(fdt_property_string(f, "device_type", "cpu"));
        TRY(fdt_property_u32(f, "reg", h));
        TRY(fdt_property_string(f, "status", "okay"));
        TRY(fdt_property_string(f, "compatible", "riscv"));
        TRY(fdt_property_string(f, "riscv,isa", b->isa));
        TRY(fdt_property_string(f, "riscv,isa-base", strncmp(b->isa, "rv32", 4) ? "rv64i" : "rv32i"));
        TRY(fdt_property(f, "riscv,isa-extensions", exts, exts_len));
        if (b->cbom_block_size)
            TRY(fdt_property_u32(f, "riscv,cbom-block-size", b->cbom_block_size));
        if (b->cboz_block_size)
            TRY(fdt_property_u32(f, "riscv,cboz-block-size", b->cboz_block_size));
        if (b->cbop_block_size)
            TRY(fdt_property_u32(f, "riscv,cbop-block-size", b->cbop_block_size));
        if (b->mmu_type)
            TRY(fdt_property_string(f, "mmu-type", b->mmu_type));
        TRY(fdt_begin_node(f, "interrupt-controller"));
        TRY(fdt_property_u32(f, "#interrupt-cells", 1));
        TRY(fdt_property(f, "interrupt-controller", NULL, 0));
        TRY(fdt_property_string(f, "compatible", "riscv,cpu-intc"));
        TRY(fdt_property_u32(f, "phandle", ph_intc(h)));
        TRY(fdt_end_node(f));
        TRY(fdt_end_node(f));
    }
    TRY(fdt_begin_node(f, "cpu-map"));
    TRY(fdt_begin_node(f, "cluster0"));
    for (unsigned h = 0; h < b->nharts; h++) {
        char name[32];
        snprintf(name, sizeof name, "core%u", h);
        TRY(fdt_begin_node(f, name));
        TRY(fdt_property_u32(f, "cpu", ph_cpu(h)));
        TRY(fdt_end_node(f));
    }
    TRY(fdt_end_node(f));
    TRY(fdt_end_node(f));
    TRY(fdt_end_node(f)); /* cpus */

    /* /pmu, where QEMU puts it: the events of mhpmcounter3..31 (cpu/hpm.h)
     * for an SBI implementation that maps SBI PMU events itself (OpenSBI's
     * binding, docs/pmu_support.md): DTLB read and write misses and ITLB
     * read misses (SBI hardware-cache events) select mhpmevent 1, 2 and 3
     * on any of counters 3..31; cycles and instructions are counters 0 and
     * 2; a raw event is the mhpmevent value itself (upper bits zero). */
    {
        static const uint32_t ev_to_sel[] = {0x10019, 0, 1, 0x1001b, 0, 2, 0x10021, 0, 3};
        static const uint32_t ev_to_ctr[] = {0x00001, 0x00001, 0x1,        0x00002, 0x00002, 0x4,
                                             0x10019, 0x10019, 0xfffffff8, 0x1001b, 0x1001b, 0xfffffff8,
                                             0x10021, 0x10021, 0xfffffff8};
        static const uint32_t raw_to_ctr[] = {0, 0, 0xffffffff, 0xffffff00, 0xfffffff8};
        fdt32_t cells[15];
        TRY(fdt_begin_node(f, "pmu"));
        TRY(fdt_property_string(f, "compatible", "riscv,pmu"));
        for (unsigned k = 0; k < 9; k++) cells[k] = cpu_to_fdt32(ev_to_sel[k]);
        TRY(fdt_property(f, "riscv,event-to-mhpmevent", cells, 9 * sizeof *cells));
        for (unsigned k = 0; k < 15; k++) cells[k] = cpu_to_fdt32(ev_to_ctr[k]);
        TRY(fdt_property(f, "riscv,event-to-mhpmcounters", cells, 15 * sizeof *cells));
        for (unsigned k = 0; k < 5; k++) cells[k] = cpu_to_fdt32(raw_to_ctr[k]);
        TRY(fdt_property(f, "riscv,raw-event-to-mhpmcounters", cells, 5 * sizeof *cells));
        TRY(fdt_end_node(f));
    }

    /* /soc, in QEMU's node order */
    TRY(fdt_begin_node(f, "soc"));
    TRY(fdt_property_u32(f, "#address-cells", 2));
    TRY(fdt_property_u32(f, "#size-cells", 2));
    TRY(fdt_property_string(f, "compatible", "simple-bus"));
    TRY(fdt_property(f, "ranges", NULL, 0));

    TRY(begin_node_at(f, "serial", b->uart_base));
    TRY(fdt_property_u32(f, "interrupts", b->uart_irq));
    TRY(fdt_property_u32(f, "interrupt-parent", PH_PLIC));
    TRY(fdt_property_u32(f, "clock-frequency", b->uart_clock));
    TRY(prop_reg(f, b->uart_base, 0x100));
    TRY(fdt_property_string(f, "compatible", "ns16550a"));
    TRY(fdt_end_node(f));

    if (b->test_base) {
        static const char test_compat[] = "sifive,test1\0sifive,test0\0syscon";
        TRY(begin_node_at(f, "test", b->test_base));
        TRY(fdt_property_u32(f, "phandle", PH_TEST));
        TRY(prop_reg(f, b->test_base, 0x1000));
        TRY(fdt_property(f, "compatible", test_compat, sizeof test_compat));
        TRY(fdt_end_node(f));
    }

    /* QEMU lists the slots from the highest address down. */
    for (unsigned i = b->virtio_slots; i-- > 0;) {
        uint64_t base = b->virtio_base + 0x1000ull * i;
        TRY(begin_node_at(f, "virtio_mmio", base));
        TRY(fdt_property_u32(f, "interrupts", b->virtio_irq + i));
        TRY(fdt_property_u32(f, "interrupt-parent", PH_PLIC));
        TRY(prop_reg(f, base, 0x1000));
        TRY(fdt_property_string(f, "compatible", "virtio,mmio"));
        TRY(fdt_end_node(f));
    }

    /* The RISC-V IOMMU as Linux's binding describes it
     * (Documentation/devicetree/bindings/iommu/riscv,iommu.yaml), where
     * QEMU's virt,iommu-sys=on puts it: its four wired interrupts are
     * vectors 0..3 (icvec maps the causes to them); a device behind it
     * names it with iommus = <phandle device_id>. */
    if (b->iommu_base) {
        TRY(begin_node_at(f, "iommu", b->iommu_base));
        TRY(fdt_property_u32(f, "phandle", PH_IOMMU));
        fdt32_t irqs[4];
        for (unsigned k = 0; k < 4; k++)
            irqs[k] = cpu_to_fdt32(b->iommu_irq + k);
        TRY(fdt_property(f, "interrupts", irqs, sizeof irqs));
        TRY(fdt_property_u32(f, "interrupt-parent", PH_PLIC));
        TRY(fdt_property_u32(f, "#iommu-cells", 1));
        TRY(prop_reg(f, b->iommu_base, 0x1000));
        /* the binding wants an implementation's compatible before the
         * generic one, and names QEMU's, which this device stands in for */
        static const char iommu_compat[] = "qemu,riscv-iommu\0riscv,iommu";
        TRY(fdt_property(f, "compatible", iommu_compat, sizeof iommu_compat));
        TRY(fdt_end_node(f));
    }

    /* Pagoda's accelerator (docs/DEVICES.md, "Accelerator"): a bus master
     * behind the IOMMU, which it names with the device id it presents
     * (the generic iommus binding, Documentation/devicetree/bindings/
     * iommu/iommu.txt). */
    if (b->accel_base && b->iommu_base) {
        TRY(begin_node_at(f, "accel", b->accel_base));
        TRY(fdt_property_u32(f, "interrupts", b->accel_irq));
        TRY(fdt_property_u32(f, "interrupt-parent", PH_PLIC));
        fdt32_t iommus[2] = {cpu_to_fdt32(PH_IOMMU), cpu_to_fdt32(b->accel_devid)};
        TRY(fdt_property(f, "iommus", iommus, sizeof iommus));
        TRY(prop_reg(f, b->accel_base, 0x1000));
        TRY(fdt_property_string(f, "compatible", "pagoda,accel"));
        TRY(fdt_end_node(f));
    }

    /* PLIC: per hart, context 2h = M-mode external (11), 2h+1 = S-mode (9). */
    {
        static const char plic_compat[] = "sifive,plic-1.0.0\0riscv,plic0";
        TRY(begin_node_at(f, "plic", b->plic_base));
        TRY(fdt_property_u32(f, "phandle", PH_PLIC));
        TRY(fdt_property_u32(f, "riscv,ndev", b->plic_ndev));
        TRY(prop_reg(f, b->plic_base, b->plic_size));
        size_t ncell = 4 * (size_t)b->nharts;
        fdt32_t *c = malloc(ncell * sizeof *c);
        if (!c)
            return -FDT_ERR_NOSPACE;
        for (unsigned h = 0; h < b->nharts; h++) {
            c[4 * h + 0] = cpu_to_fdt32(ph_intc(h));
            c[4 * h + 1] = cpu_to_fdt32(11);
            c[4 * h + 2] = cpu_to_fdt32(ph_intc(h));
            c[4 * h + 3] = cpu_to_fdt32(9);
        }
        int r = fdt_property(f, "interrupts-extended", c, (int)(ncell * sizeof *c));
        free(c);
        TRY(r);
        TRY(fdt_property(f, "interrupt-controller", NULL, 0));
        TRY(fdt_property(f, "compatible", plic_compat, sizeof plic_compat));
        TRY(fdt_property_u32(f, "#address-cells", 0));
        TRY(fdt_property_u32(f, "#interrupt-cells", 1));
        TRY(fdt_end_node(f));
    }

    /* CLINT: per hart, machine software (3) and machine timer (7). */
    {
        static const char clint_compat[] = "sifive,clint0\0riscv,clint0";
        TRY(begin_node_at(f, "clint", b->clint_base));
        size_t ncell = 4 * (size_t)b->nharts;
        fdt32_t *c = malloc(ncell * sizeof *c);
        if (!c)
            return -FDT_ERR_NOSPACE;
        for (unsigned h = 0; h < b->nharts; h++) {
            c[4 * h + 0] = cpu_to_fdt32(ph_intc(h));
            c[4 * h + 1] = cpu_to_fdt32(3);
            c[4 * h + 2] = cpu_to_fdt32(ph_intc(h));
            c[4 * h + 3] = cpu_to_fdt32(7);
        }
        int r = fdt_property(f, "interrupts-extended", c, (int)(ncell * sizeof *c));
        free(c);
        TRY(r);
        TRY(prop_reg(f, b->clint_base, b->clint_size));
        TRY(fdt_property(f, "compatible", clint_compat, sizeof clint_compat));
        TRY(fdt_end_node(f));
    }

    TRY(fdt_end_node(f)); /* soc */
    TRY(fdt_end_node(f)); /* / */
    return fdt_finish(f);
}

void *fdt_build_virt(const struct board_desc *b, size_t *size_out)
{
    if (!b || !b->isa || b->nharts == 0)
        return NULL;
    for (int bufsize = 16384 + 1024 * (int)b->nharts; bufsize <= (64 << 20); bufsize *= 2) {
        void *tmp = malloc((size_t)bufsize);
        if (!tmp)
            return NULL;
        int r = build(tmp, bufsize, b);
        if (r == -FDT_ERR_NOSPACE) {
            free(tmp);
            continue;
        }
        if (r < 0) {
            free(tmp);
            return NULL;
        }
        /* Repack with a known amount of free space at the end. */
        int total = (int)fdt_totalsize(tmp) + FREE_SPACE;
        void *out = malloc((size_t)total);
        if (!out || fdt_open_into(tmp, out, total) < 0) {
            free(out);
            free(tmp);
            return NULL;
        }
        free(tmp);
        if (size_out)
            *size_out = (size_t)total;
        return out;
    }
    return NULL;
}

int fdt_load_file(const char *path, void **blob, size_t *size, char *err, size_t n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 0, len = 0;
    uint8_t *buf = NULL;
    for (;;) {
        if (len == cap) {
            if (cap >= (64u << 20)) {
                snprintf(err, n, "%s: not a valid device tree: larger than 64 MiB", path);
                goto fail;
            }
            cap = cap ? 2 * cap : 65536;
            uint8_t *nb = realloc(buf, cap);
            if (!nb) {
                snprintf(err, n, "%s: out of memory", path);
                goto fail;
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            if (ferror(fp)) {
                snprintf(err, n, "%s: %s", path, strerror(errno));
                goto fail;
            }
            break;
        }
    }
    fclose(fp);
    fp = NULL;
    int r;
    if (len < sizeof(struct fdt_header)) {
        snprintf(err, n, "%s: not a valid device tree: file too short", path);
        goto fail;
    }
    r = fdt_check_header(buf);
    if (r == 0 && fdt_totalsize(buf) > len) {
        snprintf(err, n, "%s: not a valid device tree: truncated (header says %u bytes, file has %zu)",
                 path, fdt_totalsize(buf), len);
        goto fail;
    }
    if (r == 0)
        r = fdt_check_full(buf, fdt_totalsize(buf));
    if (r < 0) {
        snprintf(err, n, "%s: not a valid device tree: %s", path, fdt_strerror(r));
        goto fail;
    }
    *blob = buf;
    *size = fdt_totalsize(buf);
    return 0;
fail:
    if (fp)
        fclose(fp);
    free(buf);
    return -1;
}

int fdt_set_chosen(void **blob, size_t *size, const char *bootargs,
                   uint64_t initrd_start, uint64_t initrd_end)
{
    size_t need = fdt_totalsize(*blob) + (bootargs ? strlen(bootargs) : 0) + 512;
    void *nb = malloc(need);
    if (!nb)
        return -FDT_ERR_NOSPACE;
    int r = fdt_open_into(*blob, nb, (int)need);
    if (r < 0) {
        free(nb);
        return r;
    }
    int node = fdt_path_offset(nb, "/chosen");
    if (node < 0)
        node = fdt_add_subnode(nb, 0, "chosen");
    if (node >= 0 && bootargs)
        r = fdt_setprop_string(nb, node, "bootargs", bootargs);
    if (node >= 0 && r >= 0 && initrd_end > initrd_start) {
        r = fdt_setprop_u64(nb, node, "linux,initrd-start", initrd_start);
        if (r >= 0)
            r = fdt_setprop_u64(nb, node, "linux,initrd-end", initrd_end);
    }
    if (node < 0)
        r = node;
    if (r < 0) {
        free(nb);
        return r;
    }
    free(*blob);
    *blob = nb;
    *size = fdt_totalsize(nb);
    return 0;
}
