// The virtio-blk disk (virtio 1.2, sections 4.2 MMIO transport and 5.2 block device),
// driven by polling one split virtqueue: the kernel waits for each request to finish.
#include "types.h"
#include "riscv.h"
#include "defs.h"

#define MMIO_MAGIC 0x000
#define MMIO_VERSION 0x004
#define MMIO_DEVICE_ID 0x008
#define MMIO_DEVICE_FEATURES 0x010
#define MMIO_DEVICE_FEATURES_SEL 0x014
#define MMIO_DRIVER_FEATURES 0x020
#define MMIO_DRIVER_FEATURES_SEL 0x024
#define MMIO_QUEUE_SEL 0x030
#define MMIO_QUEUE_NUM_MAX 0x034
#define MMIO_QUEUE_NUM 0x038
#define MMIO_QUEUE_READY 0x044
#define MMIO_QUEUE_NOTIFY 0x050
#define MMIO_INTERRUPT_STATUS 0x060
#define MMIO_INTERRUPT_ACK 0x064
#define MMIO_STATUS 0x070
#define MMIO_QUEUE_DESC 0x080
#define MMIO_QUEUE_DRIVER 0x090
#define MMIO_QUEUE_DEVICE 0x0a0
#define STATUS_ACK 1
#define STATUS_DRIVER 2
#define STATUS_DRIVER_OK 4
#define STATUS_FEATURES_OK 8
#define QSIZE 8
#define DESC_NEXT 1
#define DESC_WRITE 2
#define BLK_T_IN 0
#define BLK_T_OUT 1

struct desc { uint64 addr; uint32 len; uint16 flags, next; };
struct avail { uint16 flags, idx, ring[QSIZE]; };
struct used_elem { uint32 id, len; };
struct used { uint16 flags, idx; struct used_elem ring[QSIZE]; };
struct blk_req { uint32 type, reserved; uint64 sector; };

static struct {
  volatile uint8 *regs;
  struct desc *desc;
  struct avail *avail;
  volatile struct used *used;
  uint16 used_seen;
  struct blk_req req;
  volatile uint8 status;
  struct spinlock lock;
} disk;

// Reads a 32-bit device register.
static uint32 rd(int off) { return *(volatile uint32 *)(disk.regs + off); }
// Writes a 32-bit device register.
static void wr(int off, uint32 v) { *(volatile uint32 *)(disk.regs + off) = v; }
// Writes a 64-bit address as its low and high registers.
static void wr64(int off, uint64 v) { wr(off, (uint32)v); wr(off + 4, v >> 32); }

// Reads nsectors sectors from `sector` into buf; returns 0 or -1.
int disk_read(uint64 sector, void *buf, uint64 nsectors)
{
  return disk_rw(sector, buf, nsectors, 0);
}

// Finds the first virtio-mmio slot holding a block device and brings it up with one
// queue; returns 0, or -1 if there is none.
int virtio_init(void)
{
  for (int i = 0; i < boardinfo.nvirtio && !disk.regs; i++) {
    disk.regs = P2V(boardinfo.virtio_pa[i]);
    if (rd(MMIO_MAGIC) != 0x74726976 || rd(MMIO_VERSION) != 2 || rd(MMIO_DEVICE_ID) != 2)
      disk.regs = 0;
  }
  if (!disk.regs) return -1;
  // Device initialization, virtio 1.2 section 3.1.1.
  wr(MMIO_STATUS, 0);
  wr(MMIO_STATUS, STATUS_ACK);
  wr(MMIO_STATUS, STATUS_ACK | STATUS_DRIVER);
  wr(MMIO_DRIVER_FEATURES_SEL, 0);
  wr(MMIO_DRIVER_FEATURES, 0);
  wr(MMIO_DRIVER_FEATURES_SEL, 1);
  wr(MMIO_DRIVER_FEATURES, 1); // VIRTIO_F_VERSION_1 (bit 32) and nothing else
  wr(MMIO_STATUS, STATUS_ACK | STATUS_DRIVER | STATUS_FEATURES_OK);
  if (!(rd(MMIO_STATUS) & STATUS_FEATURES_OK)) return -1;
  wr(MMIO_QUEUE_SEL, 0);
  if (rd(MMIO_QUEUE_NUM_MAX) < QSIZE) return -1;
  wr(MMIO_QUEUE_NUM, QSIZE);
  disk.desc = kalloc();
  disk.avail = kalloc();
  disk.used = kalloc();
  if (!disk.desc || !disk.avail || !disk.used) return -1;
  wr64(MMIO_QUEUE_DESC, V2P(disk.desc));
  wr64(MMIO_QUEUE_DRIVER, V2P(disk.avail));
  wr64(MMIO_QUEUE_DEVICE, V2P((void *)disk.used));
  wr(MMIO_QUEUE_READY, 1);
  wr(MMIO_STATUS, STATUS_ACK | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK);
  return 0;
}

// Reads (write = 0) or writes nsectors 512-byte sectors at `sector` from or to buf (a
// kernel address, so physically contiguous); returns 0 or -1.
int disk_rw(uint64 sector, void *buf, uint64 nsectors, int write)
{
  if (!disk.regs) return -1;
  acquire(&disk.lock);
  disk.req.type = write ? BLK_T_OUT : BLK_T_IN;
  disk.req.reserved = 0;
  disk.req.sector = sector;
  disk.status = 0xff;
  disk.desc[0] = (struct desc){ V2P(&disk.req), sizeof(disk.req), DESC_NEXT, 1 };
  // The data buffer is device-writable only for a read (virtio 1.2, 2.7.5).
  disk.desc[1] = (struct desc){ V2P(buf), nsectors * 512, DESC_NEXT | (write ? 0 : DESC_WRITE), 2 };
  disk.desc[2] = (struct desc){ V2P((void *)&disk.status), 1, DESC_WRITE, 0 };
  disk.avail->ring[disk.avail->idx % QSIZE] = 0;
  __sync_synchronize();
  disk.avail->idx++;
  __sync_synchronize();
  wr(MMIO_QUEUE_NOTIFY, 0);
  while (disk.used->idx == disk.used_seen)
    __sync_synchronize();
  disk.used_seen = disk.used->idx;
  wr(MMIO_INTERRUPT_ACK, rd(MMIO_INTERRUPT_STATUS) & 3);
  int r = disk.status == 0 ? 0 : -1;
  release(&disk.lock);
  return r;
}
