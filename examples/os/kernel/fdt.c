// A small flattened-device-tree reader: finds the harts, RAM, UART, PLIC, virtio-mmio
// slots, the test finisher, the RISC-V IOMMU and Pagoda's accelerator, and the boot
// arguments (Devicetree Specification v0.4, ch. 5).
#include "types.h"
#include "riscv.h"
#include "defs.h"

struct boardinfo boardinfo;

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define MAXDEPTH 8

// What one node said about itself, gathered until its end token.
struct node {
  const char *name;
  const char *compat; int compat_len; // a list of NUL-terminated strings
  const char *device_type;
  const char *status;
  const uint32 *reg; int reg_len;
  int addr_cells, size_cells;         // for its children
  uint32 timebase;
  const char *isa;
  const uint32 *irqs; int irqs_len;   // interrupts: one cell each (the PLIC's #interrupt-cells)
  const uint32 *iommus; int iommus_len; // iommus: <phandle device-id>
};

// Reads a big-endian 32-bit word.
static uint32 be32(const void *p)
{
  const uint8 *b = p;
  return ((uint32)b[0] << 24) | ((uint32)b[1] << 16) | ((uint32)b[2] << 8) | b[3];
}

// Reads a number `cells` 32-bit cells long, big-endian; returns it.
static uint64 cells(const uint32 *p, int n)
{
  uint64 v = 0;
  for (int i = 0; i < n; i++)
    v = (v << 32) | be32(p + i);
  return v;
}

// Returns 1 if the node's compatible list holds `want`.
static int compatible(struct node *n, const char *want)
{
  for (int i = 0; i < n->compat_len; i += strlen(n->compat + i) + 1)
    if (strcmp(n->compat + i, want) == 0)
      return 1;
  return 0;
}

// Returns 1 if `name` is `prefix` or starts with `prefix@`.
static int named(const char *name, const char *prefix)
{
  int n = strlen(prefix);
  return strncmp(name, prefix, n) == 0 && (name[n] == 0 || name[n] == '@');
}

// Returns 1 if the ISA string (rv64imac_zicsr_..._svnapot) names extension ext.
static int has_extension(const char *isa, const char *ext)
{
  uint64 n = strlen(ext);
  for (const char *s = isa; *s; s++)
    if (*s == '_' && strncmp(s + 1, ext, n) == 0 && (s[n + 1] == '_' || s[n + 1] == 0)) return 1;
  return 0;
}

// Records what a finished node tells about the board; parent gives its reg cell sizes.
static void take_node(struct node *n, struct node *parent, int depth)
{
  uint64 base = 0, size = 0;
  if (n->reg && parent) {
    base = cells(n->reg, parent->addr_cells);
    if (parent->size_cells)
      size = cells(n->reg + parent->addr_cells, parent->size_cells);
  }
  int okay = n->status == 0 || strcmp(n->status, "okay") == 0 || strcmp(n->status, "ok") == 0;
  if (depth == 1 && n->device_type && strcmp(n->device_type, "memory") == 0 && n->reg) {
    if (boardinfo.ram_size == 0) {
      boardinfo.ram_base = base;
      boardinfo.ram_size = size;
    }
  } else if (depth == 1 && named(n->name, "cpus")) {
    if (n->timebase)
      boardinfo.timebase = n->timebase;
  } else if (depth == 2 && named(parent->name, "cpus") && n->device_type &&
             strcmp(n->device_type, "cpu") == 0 && okay && n->reg) {
    if (base < NCPU) {
      boardinfo.hart_present[base] = 1;
      boardinfo.nharts++;
    }
    if (n->isa && has_extension(n->isa, "svnapot") && boardinfo.nharts == 1)
      boardinfo.svnapot = 1;
  } else if (compatible(n, "ns16550a") && n->reg) {
    boardinfo.uart_pa = base;
  } else if (compatible(n, "sifive,test0") && n->reg) {
    boardinfo.test_pa = base;
  } else if ((compatible(n, "riscv,plic0") || compatible(n, "sifive,plic-1.0.0")) && n->reg) {
    boardinfo.plic_pa = base;
  } else if (compatible(n, "virtio,mmio") && n->reg && boardinfo.nvirtio < 8) {
    boardinfo.virtio_pa[boardinfo.nvirtio++] = base;
  } else if (compatible(n, "riscv,iommu") && n->reg && okay) {
    boardinfo.iommu_pa = base;
    for (int i = 0; i < 4 && 4 * (i + 1) <= n->irqs_len; i++)
      boardinfo.iommu_irq[i] = be32(n->irqs + i);
  } else if (compatible(n, "pagoda,accel") && n->reg && okay) {
    boardinfo.accel_pa = base;
    boardinfo.accel_irq = n->irqs_len >= 4 ? be32(n->irqs) : 0;
    // iommus = <&iommu device-id> (#iommu-cells = 1): the id it presents to the IOMMU
    boardinfo.accel_devid = n->iommus_len >= 8 ? be32(n->iommus + 1) : (uint32)-1;
  }
}

// Walks the device tree at kernel address dtb and fills boardinfo; returns 0, or -1 if
// the blob is not a device tree.
int fdt_read(const void *dtb)
{
  const uint8 *h = dtb;
  if (be32(h) != FDT_MAGIC)
    return -1;
  boardinfo.dtb_size = be32(h + 4);
  const uint8 *p = h + be32(h + 8);
  const char *strings = (const char *)h + be32(h + 12);
  struct node stack[MAXDEPTH];
  int depth = -1;
  for (;;) {
    uint32 tok = be32(p);
    p += 4;
    if (tok == FDT_BEGIN_NODE) {
      const char *name = (const char *)p;
      p += (strlen(name) + 4) & ~3UL;
      if (++depth >= MAXDEPTH)
        return -1;
      memset(&stack[depth], 0, sizeof(stack[depth]));
      stack[depth].name = name;
      stack[depth].addr_cells = 2; // Devicetree spec 2.3.5 defaults
      stack[depth].size_cells = 1;
    } else if (tok == FDT_END_NODE) {
      if (depth < 0)
        return -1;
      take_node(&stack[depth], depth ? &stack[depth - 1] : 0, depth);
      depth--;
    } else if (tok == FDT_PROP) {
      uint32 len = be32(p), nameoff = be32(p + 4);
      const char *pname = strings + nameoff;
      const void *val = p + 8;
      p += 8 + ((len + 3) & ~3U);
      if (depth < 0)
        return -1;
      struct node *n = &stack[depth];
      if (strcmp(pname, "compatible") == 0) { n->compat = val; n->compat_len = len; }
      else if (strcmp(pname, "device_type") == 0) n->device_type = val;
      else if (strcmp(pname, "status") == 0) n->status = val;
      else if (strcmp(pname, "reg") == 0) { n->reg = val; n->reg_len = len; }
      else if (strcmp(pname, "#address-cells") == 0) n->addr_cells = be32(val);
      else if (strcmp(pname, "#size-cells") == 0) n->size_cells = be32(val);
      else if (strcmp(pname, "timebase-frequency") == 0) n->timebase = be32(val);
      else if (strcmp(pname, "riscv,isa") == 0) n->isa = val;
      else if (strcmp(pname, "interrupts") == 0) { n->irqs = val; n->irqs_len = len; }
      else if (strcmp(pname, "iommus") == 0) { n->iommus = val; n->iommus_len = len; }
      else if (depth == 1 && named(n->name, "chosen") && strcmp(pname, "bootargs") == 0)
        boardinfo.bootargs = val;
    } else if (tok == FDT_NOP) {
      continue;
    } else if (tok == FDT_END) {
      return 0;
    } else {
      return -1;
    }
  }
}
