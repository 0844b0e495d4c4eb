/* Device tree for the virt board, built with libfdt, and loading of a
 * user-supplied blob (-dtb).
 *
 * Note on the name: libfdt.h does `#include <fdt.h>`, and platform/ is on the
 * include path (-I), so this header is what libfdt finds.  It therefore
 * stands in for the system <fdt.h>, pulled in with #include_next (a GCC and
 * Clang extension) after libfdt_env.h, which defines the fdt32_t it uses. */
#include <libfdt_env.h>
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winclude-next-absolute-path"
#endif
#include_next <fdt.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#ifndef PAGODA_FDT_H
#define PAGODA_FDT_H

#include <stddef.h>
#include <stdint.h>

/* What the generated tree describes.  board_desc_virt() fills in QEMU virt's
 * values; the board then sets nharts, RAM, isa, bootargs, initrd... */
struct board_desc {
    unsigned nharts;          /* cpu nodes 0..nharts-1 */
    uint64_t ram_base, ram_size;
    const char *isa;          /* riscv,isa, e.g. "rv64imafdc_zicsr_zifencei"; also
                                 split into riscv,isa-base + riscv,isa-extensions */
    const char *mmu_type;     /* "riscv,sv39" / "riscv,sv48" / "riscv,sv57"; NULL: no mmu-type */
    uint32_t cbom_block_size; /* riscv,cbom-block-size (Zicbom), cboz- (Zicboz), cbop- (Zicbop); */
    uint32_t cboz_block_size; /*   0: omitted */
    uint32_t cbop_block_size;
    uint32_t timebase;        /* timebase-frequency (mtime ticks per second) */
    const char *bootargs;     /* /chosen/bootargs; NULL: none */
    uint64_t initrd_start, initrd_end; /* /chosen linux,initrd-*; start == end: none */
    unsigned virtio_slots;    /* virtio,mmio nodes (QEMU virt: always 8) */
    uint64_t virtio_base;     /* slot n at virtio_base + 0x1000*n ... */
    uint32_t virtio_irq;      /* ... with PLIC source virtio_irq + n */
    uint64_t uart_base;
    uint32_t uart_irq;
    uint32_t uart_clock;      /* clock-frequency of the 16550 */
    uint64_t plic_base, plic_size;
    uint32_t plic_ndev;       /* riscv,ndev */
    uint64_t clint_base, clint_size;
    uint64_t test_base;       /* sifive_test + syscon poweroff/reboot; 0: omitted */
    uint64_t iommu_base;      /* RISC-V IOMMU (4 KiB, "riscv,iommu"); 0: omitted */
    uint32_t iommu_irq;       /* its first PLIC source; four in a row */
    uint64_t accel_base;      /* Pagoda's accelerator (4 KiB, "pagoda,accel", behind the IOMMU); 0: omitted */
    uint32_t accel_irq;       /* its PLIC source */
    uint32_t accel_devid;     /* the device id it presents to the IOMMU */
};

/* Fill *b with the QEMU virt defaults: 1 hart, 128 MiB at 0x80000000, Sv48,
 * timebase 10 MHz, 8 virtio slots, the DESIGN.md memory map, no bootargs and
 * no initrd. */
void board_desc_virt(struct board_desc *b);

/* Build the device tree of the virt board described by *b, laid out like
 * QEMU's (so OpenSBI, U-Boot and Linux find what they expect).  Returns a
 * malloc'd blob with at least 4 KiB of free space for later additions
 * (fdt_add_subnode...), its total size in *size_out; NULL on failure. */
void *fdt_build_virt(const struct board_desc *b, size_t *size_out);

/* Read a device tree blob from `path` (for -dtb) and validate it
 * (fdt_check_header, then fdt_check_full).  Returns 0 and a malloc'd
 * *blob / *size; or -1 with a one-line message in err[n], such as
 * "board.dtb: not a valid device tree: FDT_ERR_BADMAGIC". */
int fdt_load_file(const char *path, void **blob, size_t *size, char *err, size_t n);

/* Set /chosen's bootargs (when non-NULL) and linux,initrd-start/end (when
 * start != end) in a blob, growing it (realloc) as needed: what QEMU does to
 * a -dtb blob for -append / -initrd.  Returns 0, or a negative libfdt error. */
int fdt_set_chosen(void **blob, size_t *size, const char *bootargs,
                   uint64_t initrd_start, uint64_t initrd_end);

#endif
