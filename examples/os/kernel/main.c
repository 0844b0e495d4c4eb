// Boot: the first hart reads the device tree, sets up memory, paging, the disk and the
// file system, starts the test runner and the other harts, then every hart schedules.
#include "types.h"
#include "riscv.h"
#include "defs.h"

char stack0[KSTACK_SIZE * NCPU] __attribute__((aligned(16)));
extern char kernel_end[], bss_start[], bss_end[];
extern char _secondary[];

// Returns the value of boot argument key (`key=value`: a pointer to value, which ends at
// a space or NUL; a bare `key`: ""), or 0 if the command line lacks it.
const char *bootarg(const char *key)
{
  const char *s = boardinfo.bootargs;
  uint64 n = strlen(key);
  while (s && *s) {
    while (*s == ' ') s++;
    if (strncmp(s, key, n) == 0 && (s[n] == '=' || s[n] == ' ' || s[n] == 0))
      return s[n] == '=' ? s + n + 1 : s + n;
    while (*s && *s != ' ') s++;
  }
  return 0;
}

// Returns 1 if the comma-separated boot argument value v (ending at a space or NUL)
// lists word.
int bootarg_has(const char *v, const char *word)
{
  uint64 n = strlen(word);
  for (;;) {
    if (strncmp(v, word, n) == 0 && (v[n] == 0 || v[n] == ' ' || v[n] == ',')) return 1;
    while (*v && *v != ' ' && *v != ',') v++;
    if (*v != ',') return 0;
    v++;
  }
}

// Starts every other hart of the device tree through SBI HSM (SBI spec 9.1).
static void start_harts(uint64 me)
{
  for (uint64 h = 0; h < NCPU; h++) {
    if (h == me || !boardinfo.hart_present[h]) continue;
    long err = sbi_hart_start(h, V2P(_secondary), 0);
    if (err) kprintf("hart %d: hart_start error %d\n", (int)h, (int)err);
  }
}

// Names the SBI implementation from its id (SBI spec 4.2, sbi_get_impl_id: 1 is OpenSBI;
// 0x50474441 "PGDA" is Pagoda's firmware, 0x50474856 "PGHV" the minimal hypervisor of
// examples/hyper, which runs this kernel in VS-mode), or 0 for another.
static const char *firmware_name(long impl)
{
  if (impl == 1) return "OpenSBI firmware";
  if (impl == 0x50474441) return "Pagoda firmware";
  if (impl == 0x50474856) return "the minimal hypervisor (VS-mode)";
  return 0;
}

// The boot hart's C entry, on its boot stack, paging on with the boot table.
void kmain(uint64 hartid, uint64 dtb_pa)
{
  memset(bss_start, 0, (uint64)stack0 - (uint64)bss_start); // not our own stack
  memset(stack0 + sizeof(stack0), 0, bss_end - (stack0 + sizeof(stack0)));
  if (hartid >= NCPU || fdt_read(P2V(dtb_pa)) < 0)
    panic("no device tree, or boot hart id too large");
  uart_init();
  uint64 ram_end = boardinfo.ram_base + boardinfo.ram_size;
  uint64 free_end = (dtb_pa > V2P(kernel_end) && dtb_pa < ram_end) ? PGROUNDDOWN(dtb_pa) : ram_end;
  kinit(V2P(kernel_end), free_end);
  kvm_init();
  asid_init();
  long impl = sbi_impl_id();
  const char *fw = firmware_name(impl);
  kprintf("\npagoda-os: %d harts, boot hart %d, RAM %lu MiB, %s, %lu ASIDs, ",
          boardinfo.nharts, (int)hartid, boardinfo.ram_size >> 20,
          satp_mode == SATP_SV48 ? "Sv48" : "Sv39", asid_limit);
  if (fw)
    kprintf("%s\n", fw);
  else
    kprintf("SBI implementation %x\n", impl);
  trap_inithart();
  if (virtio_init() < 0) panic("no virtio-blk disk");
  if (fs_init() < 0) panic("no file system on the disk");
  swap_init();
  if (iommu_init() == 0)
    kprintf("iommu: RISC-V IOMMU at %p, 1-level device directory, PD8 process directory\n",
            boardinfo.iommu_pa);
  if (accel_init() == 0)
    kprintf("accel: accelerator at %p, device id %d, PLIC source %d\n", boardinfo.accel_pa,
            boardinfo.accel_devid, boardinfo.accel_irq);
  kproc_start(runner, "runner");
  iommu_start();
  plic_inithart();
  start_harts(hartid);
  scheduler();
}

// Entry of the other harts (from entry.S, which put the hart id in tp), once the boot
// hart has set everything up.
void kmain_secondary(void)
{
  kvm_inithart();
  trap_inithart();
  plic_inithart();
  scheduler();
}
