/* virtio-mmio block device, version 2 (virtio 1.2 §4.2 "Virtio Over MMIO",
 * §5.2 "Block Device"), one split virtqueue (§2.7) of up to 256 entries.
 * A slot on QEMU virt is at 0x10001000 + 0x1000*n, PLIC source 1 + n.
 * Vendor id 0x554d4551 ("QEMU" in guest memory order), QEMU's: drivers
 * written against QEMU virt check it (xv6's virtio_disk_init does).
 * Features offered: VIRTIO_F_VERSION_1, VIRTIO_F_INDIRECT_DESC,
 * VIRTIO_BLK_F_SEG_MAX, VIRTIO_BLK_F_BLK_SIZE, VIRTIO_BLK_F_FLUSH, and
 * VIRTIO_BLK_F_RO for a read-only disk.
 * Requests run synchronously when the driver notifies the queue. */
#ifndef PAGODA_VIRTIO_BLK_H
#define PAGODA_VIRTIO_BLK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "device.h"
#include "phys.h"

#define VIRTIO_MMIO_BASE 0x10001000u
#define VIRTIO_MMIO_STRIDE 0x1000u
#define VIRTIO_MMIO_SIZE 0x1000u
#define VIRTIO_MMIO_SLOTS 8
#define VIRTIO_MMIO_IRQ_FIRST 1   /* PLIC source of slot 0 */

#define VIRTIO_MMIO_MAGIC 0x74726976u /* "virt" */
#define VIRTIO_BLK_VENDOR 0x554d4551u /* "QEMU", as QEMU virt shows */
#define VIRTIO_BLK_QUEUE_MAX 256
#define VIRTIO_BLK_SECTOR 512

/* Device status bits (§2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_NEEDS_RESET 64
#define VIRTIO_STATUS_FAILED 128

/* Feature bits. */
#define VIRTIO_BLK_F_SEG_MAX 2
#define VIRTIO_BLK_F_RO 5
#define VIRTIO_BLK_F_BLK_SIZE 6
#define VIRTIO_BLK_F_FLUSH 9
#define VIRTIO_F_INDIRECT_DESC 28
#define VIRTIO_F_VERSION_1 32

/* Request types and status values (§5.2.6). */
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2
#define VIRTIO_BLK_ID_BYTES 20

/* MMIO register offsets (§4.2.2). */
enum {
    VIRTIO_MMIO_MAGIC_VALUE = 0x000, VIRTIO_MMIO_VERSION = 0x004,
    VIRTIO_MMIO_DEVICE_ID = 0x008, VIRTIO_MMIO_VENDOR_ID = 0x00c,
    VIRTIO_MMIO_DEVICE_FEATURES = 0x010, VIRTIO_MMIO_DEVICE_FEATURES_SEL = 0x014,
    VIRTIO_MMIO_DRIVER_FEATURES = 0x020, VIRTIO_MMIO_DRIVER_FEATURES_SEL = 0x024,
    VIRTIO_MMIO_QUEUE_SEL = 0x030, VIRTIO_MMIO_QUEUE_NUM_MAX = 0x034,
    VIRTIO_MMIO_QUEUE_NUM = 0x038, VIRTIO_MMIO_QUEUE_READY = 0x044,
    VIRTIO_MMIO_QUEUE_NOTIFY = 0x050, VIRTIO_MMIO_INTERRUPT_STATUS = 0x060,
    VIRTIO_MMIO_INTERRUPT_ACK = 0x064, VIRTIO_MMIO_STATUS = 0x070,
    VIRTIO_MMIO_QUEUE_DESC_LOW = 0x080, VIRTIO_MMIO_QUEUE_DESC_HIGH = 0x084,
    VIRTIO_MMIO_QUEUE_DRIVER_LOW = 0x090, VIRTIO_MMIO_QUEUE_DRIVER_HIGH = 0x094,
    VIRTIO_MMIO_QUEUE_DEVICE_LOW = 0x0a0, VIRTIO_MMIO_QUEUE_DEVICE_HIGH = 0x0a4,
    VIRTIO_MMIO_SHM_LEN_LOW = 0x0b0, VIRTIO_MMIO_SHM_LEN_HIGH = 0x0b4,
    VIRTIO_MMIO_SHM_BASE_LOW = 0x0b8, VIRTIO_MMIO_SHM_BASE_HIGH = 0x0bc,
    VIRTIO_MMIO_CONFIG_GENERATION = 0x0fc, VIRTIO_MMIO_CONFIG = 0x100,
};

struct virtio_blk_opts {
    const char *path;   /* host image file */
    bool readonly;      /* open read-only and offer VIRTIO_BLK_F_RO */
    bool snapshot;      /* keep guest writes in memory; never write the file */
    const char *serial; /* GET_ID answer (<= 20 bytes used); NULL: file's base name */
};

struct virtio_blk;

/* Open the image and create the device.  Guest memory is reached only
 * through `pm` (phys_ram_ptr, with full length checks).  The interrupt output
 * calls irq(irq_ctx, irq_line, level).  On failure returns NULL and writes a
 * one-line message such as "disk.img: No such file or directory" or
 * "disk.img: size is not a multiple of 512 bytes" into err[errlen]. */
struct virtio_blk *virtio_blk_create(const struct virtio_blk_opts *opts, const struct phys_mem *pm,
                                     irq_fn irq, void *irq_ctx, unsigned irq_line,
                                     char *err, size_t errlen);

/* Flush (fsync unless snapshot/read-only), close the file and free. */
void virtio_blk_destroy(struct virtio_blk *d);

/* fsync the image unless snapshot or read-only (also done by destroy).
 * Returns false on an I/O error. */
bool virtio_blk_flush(struct virtio_blk *d);

/* The MMIO window of the device at guest physical address `base`. */
struct mmio_dev virtio_blk_mmio(struct virtio_blk *d, uint64_t base);

/* Disk size in 512-byte sectors. */
uint64_t virtio_blk_capacity(const struct virtio_blk *d);

/* Device status register (e.g. to check VIRTIO_STATUS_NEEDS_RESET). */
uint32_t virtio_blk_status(const struct virtio_blk *d);

/* An empty virtio-mmio slot (device id 0: "no device", §4.2.2), so the
 * board can fill the slots the device tree lists without a disk. */
struct mmio_dev virtio_mmio_empty(uint64_t base);

#endif
