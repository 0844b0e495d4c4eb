/* Register maps shared by the e2e guests that drive devices themselves:
 * virtio-mmio version 2 (virtio 1.2 §4.2.2), the split virtqueue layout
 * (§2.7) and the PLIC (QEMU virt layout, platform/plic.h), plus the 16550
 * registers.  Definitions only; each guest keeps its own driver. */
#ifndef VIO_H
#define VIO_H
#include <stdint.h>

/* virtio-mmio slot 0 (PLIC source 1) */
#define VIO0 0x10001000UL
#define VIO_MAGIC 0x000
#define VIO_VERSION 0x004
#define VIO_DEVICE_ID 0x008
#define VIO_VENDOR_ID 0x00c
#define VIO_DEV_FEATURES 0x010
#define VIO_DEV_FEATURES_SEL 0x014
#define VIO_DRV_FEATURES 0x020
#define VIO_DRV_FEATURES_SEL 0x024
#define VIO_QUEUE_SEL 0x030
#define VIO_QUEUE_NUM_MAX 0x034
#define VIO_QUEUE_NUM 0x038
#define VIO_QUEUE_READY 0x044
#define VIO_QUEUE_NOTIFY 0x050
#define VIO_INT_STATUS 0x060
#define VIO_INT_ACK 0x064
#define VIO_STATUS 0x070
#define VIO_QUEUE_DESC_LOW 0x080
#define VIO_QUEUE_DESC_HIGH 0x084
#define VIO_QUEUE_DRIVER_LOW 0x090
#define VIO_QUEUE_DRIVER_HIGH 0x094
#define VIO_QUEUE_DEVICE_LOW 0x0a0
#define VIO_QUEUE_DEVICE_HIGH 0x0a4
#define VIO_CONFIG 0x100

#define VIO_S_ACK 1
#define VIO_S_DRIVER 2
#define VIO_S_DRIVER_OK 4
#define VIO_S_FEATURES_OK 8

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2

#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1

struct virtq_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct virtq_used_elem { uint32_t id, len; };
struct virtio_blk_req { uint32_t type, reserved; uint64_t sector; };

/* PLIC */
#define PLIC 0x0c000000UL
#define PLIC_PRIORITY(src) (PLIC + 4UL * (src))
#define PLIC_PENDING (PLIC + 0x1000UL)
#define PLIC_ENABLE(ctx) (PLIC + 0x2000UL + 0x80UL * (ctx))
#define PLIC_THRESHOLD(ctx) (PLIC + 0x200000UL + 0x1000UL * (ctx))
#define PLIC_CLAIM(ctx) (PLIC + 0x200004UL + 0x1000UL * (ctx))
#define PLIC_SRC_VIRTIO0 1
#define PLIC_SRC_UART 10

/* 16550 registers (byte offsets from UART_BASE) and bits */
#define UART_RBR 0
#define UART_THR 0
#define UART_IER 1
#define UART_IIR 2
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_IER_ERBFI 0x01
#define UART_IER_ETBEI 0x02
#define UART_FCR_ENABLE 0x01
#define UART_FCR_CLEAR 0x06
#define UART_MCR_LOOP 0x10
#define UART_LSR_DR 0x01
#define UART_LSR_THRE 0x20

/* mip/mie bits (privileged spec, "Machine Interrupt Registers") */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_SEI 9
#define IRQ_MEI 11
#define CAUSE_IRQ (1ULL << 63)

#endif
