/* Device tree: build the virt tree and read it back with libfdt; -dtb
 * loading and validation; the sifive_test device behind the syscon
 * poweroff/reboot nodes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fdt.h"
#include "sifive_test.h"

static const char *ISA =
    "rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs_zicond_zihintpause_sstc_svinval_svnapot_svpbmt";

static void *build(unsigned nharts, size_t *size)
{
    struct board_desc b;
    board_desc_virt(&b);
    b.nharts = nharts;
    b.ram_size = 256u << 20;
    b.isa = ISA;
    b.mmu_type = "riscv,sv39";
    b.bootargs = "console=ttyS0 root=/dev/vda";
    b.initrd_start = 0x88000000;
    b.initrd_end = 0x88200000;
    void *fdt = fdt_build_virt(&b, size);
    assert_non_null(fdt);
    return fdt;
}

static uint64_t get_u64(const void *fdt, int node, const char *name)
{
    int len;
    const fdt64_t *p = fdt_getprop(fdt, node, name, &len);
    assert_non_null(p);
    assert_int_equal(len, 8);
    return fdt64_ld(p); /* properties are only 4-byte aligned */
}

static uint32_t get_u32(const void *fdt, int node, const char *name)
{
    int len;
    const fdt32_t *p = fdt_getprop(fdt, node, name, &len);
    assert_non_null(p);
    assert_int_equal(len, 4);
    return fdt32_to_cpu(*p);
}

static void test_build(void **state)
{
    (void)state;
    size_t size;
    void *fdt = build(4, &size);
    assert_int_equal(fdt_check_header(fdt), 0);
    assert_int_equal(fdt_check_full(fdt, size), 0);
    assert_int_equal(fdt_totalsize(fdt), size);

    /* cpus */
    int cpus = fdt_path_offset(fdt, "/cpus");
    assert_true(cpus >= 0);
    assert_int_equal(get_u32(fdt, cpus, "timebase-frequency"), 10000000);
    int n = 0, node;
    fdt_for_each_subnode(node, fdt, cpus) {
        const char *dt = fdt_getprop(fdt, node, "device_type", NULL);
        if (!dt || strcmp(dt, "cpu"))
            continue;
        assert_int_equal(get_u32(fdt, node, "reg"), n);
        assert_string_equal(fdt_getprop(fdt, node, "mmu-type", NULL), "riscv,sv39");
        assert_string_equal(fdt_getprop(fdt, node, "riscv,isa", NULL), ISA);
        assert_string_equal(fdt_getprop(fdt, node, "riscv,isa-base", NULL), "rv64i");
        assert_string_equal(fdt_getprop(fdt, node, "status", NULL), "okay");
        assert_int_equal(fdt_stringlist_search(fdt, node, "riscv,isa-extensions", "zicsr") >= 0, 1);
        assert_int_equal(fdt_stringlist_search(fdt, node, "riscv,isa-extensions", "svpbmt") >= 0, 1);
        assert_int_equal(fdt_stringlist_search(fdt, node, "riscv,isa-extensions", "c"), 5);
        int intc = fdt_subnode_offset(fdt, node, "interrupt-controller");
        assert_true(intc >= 0);
        assert_int_equal(fdt_node_check_compatible(fdt, intc, "riscv,cpu-intc"), 0);
        assert_true(fdt_get_phandle(fdt, intc) != 0);
        n++;
    }
    assert_int_equal(n, 4);
    assert_true(fdt_path_offset(fdt, "/cpus/cpu-map/cluster0/core3") >= 0);

    /* memory */
    int mem = fdt_path_offset(fdt, "/memory@80000000");
    assert_true(mem >= 0);
    int len;
    const fdt32_t *reg = fdt_getprop(fdt, mem, "reg", &len);
    assert_int_equal(len, 16);
    assert_int_equal(((uint64_t)fdt32_to_cpu(reg[0]) << 32) | fdt32_to_cpu(reg[1]), 0x80000000u);
    assert_int_equal(((uint64_t)fdt32_to_cpu(reg[2]) << 32) | fdt32_to_cpu(reg[3]), 256u << 20);

    /* chosen */
    int chosen = fdt_path_offset(fdt, "/chosen");
    assert_string_equal(fdt_getprop(fdt, chosen, "bootargs", NULL), "console=ttyS0 root=/dev/vda");
    assert_string_equal(fdt_getprop(fdt, chosen, "stdout-path", NULL), "/soc/serial@10000000");
    assert_int_equal(get_u64(fdt, chosen, "linux,initrd-start"), 0x88000000);
    assert_int_equal(get_u64(fdt, chosen, "linux,initrd-end"), 0x88200000);

    /* PLIC: (intc, 11), (intc, 9) per hart; CLINT: (intc, 3), (intc, 7). */
    int plic = fdt_path_offset(fdt, "/soc/plic@c000000");
    assert_true(plic >= 0);
    assert_int_equal(get_u32(fdt, plic, "riscv,ndev"), 95);
    const fdt32_t *ie = fdt_getprop(fdt, plic, "interrupts-extended", &len);
    assert_int_equal(len, 4 * 4 * 4);
    int cpu3 = fdt_path_offset(fdt, "/cpus/cpu@3/interrupt-controller");
    assert_int_equal(fdt32_to_cpu(ie[12]), fdt_get_phandle(fdt, cpu3));
    assert_int_equal(fdt32_to_cpu(ie[13]), 11);
    assert_int_equal(fdt32_to_cpu(ie[15]), 9);
    int clint = fdt_path_offset(fdt, "/soc/clint@2000000");
    ie = fdt_getprop(fdt, clint, "interrupts-extended", &len);
    assert_int_equal(len, 4 * 4 * 4);
    assert_int_equal(fdt32_to_cpu(ie[1]), 3);
    assert_int_equal(fdt32_to_cpu(ie[3]), 7);

    /* Devices. */
    int uart = fdt_node_offset_by_compatible(fdt, -1, "ns16550a");
    assert_true(uart >= 0);
    assert_int_equal(get_u32(fdt, uart, "interrupts"), 10);
    assert_int_equal(get_u32(fdt, uart, "interrupt-parent"), fdt_get_phandle(fdt, plic));
    int virtio = 0;
    for (node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio"); node >= 0;
         node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio"))
        virtio++;
    assert_int_equal(virtio, 8);
    int v0 = fdt_path_offset(fdt, "/soc/virtio_mmio@10001000");
    assert_int_equal(get_u32(fdt, v0, "interrupts"), 1);
    int test = fdt_node_offset_by_compatible(fdt, -1, "sifive,test0");
    assert_true(test >= 0);
    int poff = fdt_node_offset_by_compatible(fdt, -1, "syscon-poweroff");
    assert_int_equal(get_u32(fdt, poff, "regmap"), fdt_get_phandle(fdt, test));
    assert_int_equal(get_u32(fdt, poff, "value"), 0x5555);

    /* Room left for the board to add nodes. */
    assert_true(fdt_add_subnode(fdt, fdt_path_offset(fdt, "/soc"), "accel@20000000") >= 0);
    free(fdt);
}

static void test_minimal(void **state)
{
    (void)state;
    struct board_desc b;
    board_desc_virt(&b);
    b.isa = "rv64gc";
    b.mmu_type = NULL;
    b.test_base = 0;
    size_t size;
    void *fdt = fdt_build_virt(&b, &size);
    assert_non_null(fdt);
    int chosen = fdt_path_offset(fdt, "/chosen");
    assert_null(fdt_getprop(fdt, chosen, "bootargs", NULL));
    assert_null(fdt_getprop(fdt, chosen, "linux,initrd-start", NULL));
    int cpu = fdt_path_offset(fdt, "/cpus/cpu@0");
    assert_null(fdt_getprop(fdt, cpu, "mmu-type", NULL));
    assert_int_equal(fdt_stringlist_count(fdt, cpu, "riscv,isa-extensions"), 8); /* imafd zicsr zifencei c */
    assert_true(fdt_node_offset_by_compatible(fdt, -1, "syscon-poweroff") < 0);
    assert_true(fdt_path_offset(fdt, "/cpus/cpu@1") < 0);
    free(fdt);
    b.nharts = 0;
    assert_null(fdt_build_virt(&b, &size));
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void test_load(void **state)
{
    (void)state;
    size_t size;
    void *fdt = build(1, &size);
    char path[] = "/tmp/pagoda_fdt_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, fdt, size);
    void *blob;
    size_t bsize;
    char err[256];
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), 0);
    assert_int_equal(bsize, size);
    assert_memory_equal(blob, fdt, size);

    /* -append / -initrd on a loaded blob. */
    assert_int_equal(fdt_set_chosen(&blob, &bsize, "quiet", 0x84000000, 0x84001000), 0);
    int chosen = fdt_path_offset(blob, "/chosen");
    assert_string_equal(fdt_getprop(blob, chosen, "bootargs", NULL), "quiet");
    assert_int_equal(get_u64(blob, chosen, "linux,initrd-end"), 0x84001000);
    assert_int_equal(fdt_check_full(blob, bsize), 0);
    free(blob);

    /* Truncated. */
    write_file(path, fdt, size / 2);
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), -1);
    assert_non_null(strstr(err, ": not a valid device tree"));
    assert_null(strchr(err, '\n'));
    /* Bad magic. */
    ((uint8_t *)fdt)[0] ^= 0xff;
    write_file(path, fdt, size);
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), -1);
    char want[128];
    snprintf(want, sizeof want, "%s: not a valid device tree: FDT_ERR_BADMAGIC", path);
    assert_string_equal(err, want);
    ((uint8_t *)fdt)[0] ^= 0xff;
    /* Corrupt structure block (a bad tag) behind a good header. */
    uint32_t off = fdt_off_dt_struct(fdt);
    memset((uint8_t *)fdt + off, 0x5a, 4);
    write_file(path, fdt, size);
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), -1);
    /* Too short, and missing. */
    write_file(path, "abc", 3);
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), -1);
    unlink(path);
    assert_int_equal(fdt_load_file(path, &blob, &bsize, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: No such file or directory", path);
    assert_string_equal(err, want);
    free(fdt);
}

struct finisher { int kind, code, calls; };

static void finish(void *ctx, int kind, int code)
{
    struct finisher *f = ctx;
    f->kind = kind;
    f->code = code;
    f->calls++;
}

static void test_sifive_test(void **state)
{
    (void)state;
    struct finisher f = {0};
    struct sifive_test *t = sifive_test_create(finish, &f);
    struct mmio_dev d = sifive_test_mmio(t, SIFIVE_TEST_BASE);
    assert_int_equal(d.base, 0x100000);
    assert_int_equal(d.size, 0x1000);
    uint64_t v = 1;
    assert_true(d.read(d.opaque, 0, 4, &v));
    assert_int_equal(v, 0);
    assert_true(d.write(d.opaque, 0, 4, 0x5555));
    assert_int_equal(f.calls, 1);
    assert_int_equal(f.kind, SIFIVE_TEST_PASS);
    assert_int_equal(f.code, 0);
    assert_true(d.write(d.opaque, 0, 4, (42u << 16) | 0x3333));
    assert_int_equal(f.kind, SIFIVE_TEST_FAIL);
    assert_int_equal(f.code, 42);
    assert_true(d.write(d.opaque, 0, 4, 0xffff3333u));
    assert_int_equal(f.code, 0xffff);
    assert_true(d.write(d.opaque, 0, 4, 0x7777));
    assert_int_equal(f.kind, SIFIVE_TEST_RESET);
    assert_int_equal(f.calls, 4);
    assert_true(d.write(d.opaque, 0, 4, 0x1234)); /* other values: nothing */
    assert_true(d.write(d.opaque, 8, 4, 0x5555)); /* other offsets: nothing */
    assert_int_equal(f.calls, 4);
    /* OpenSBI powers off with a 16-bit write (writew), as QEMU accepts */
    assert_true(d.write(d.opaque, 0, 2, 0x5555));
    assert_int_equal(f.calls, 5);
    assert_int_equal(f.kind, SIFIVE_TEST_PASS);
    assert_int_equal(f.code, 0);
    assert_true(d.write(d.opaque, 0, 1, 0x55)); /* bytes: nothing */
    assert_int_equal(f.calls, 5);
    sifive_test_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_minimal),
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_sifive_test),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
