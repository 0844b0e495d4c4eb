# First instructions of every hart. The firmware enters at physical 0x80200000 with
# paging off, a0 = hart id, a1 = device tree (boot hart) or opaque (harts started by HSM).
# We turn on a boot page table that maps RAM twice: at its physical address (so the next
# instruction still fetches) and at KBASE + pa where the kernel is linked, then jump up.
#include "asm.h"

.section .text.entry
.globl _entry
_entry:
  csrw sie, zero
  # Fill boot_pagetable: entries 256..319 map 1 GiB pages at KBASE + i GiB (global),
  # entry 2 maps 0x80000000 onto itself for the jump (Sv39, privileged spec 10.4).
  lla t0, boot_pagetable
  li t1, 256
  li t2, 320
  li t3, (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G)
  li t4, 0
1:
  slli t5, t1, 3
  add t5, t5, t0
  slli t6, t4, 28          # (i GiB >> 12) << 10 = i << 28
  or t6, t6, t3
  sd t6, 0(t5)
  addi t1, t1, 1
  addi t4, t4, 1
  blt t1, t2, 1b
  li t6, (0x80000000 >> 2) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
  sd t6, 16(t0)
  li s1, 1                 # boot hart
  j paging_on

.globl _secondary
_secondary:
  csrw sie, zero
  li s1, 0
paging_on:
  lla t0, boot_pagetable
  srli t0, t0, 12
  li t1, (8 << 60)         # Sv39
  or t0, t0, t1
  sfence.vma zero, zero
  csrw satp, t0
  sfence.vma zero, zero
  li t1, KBASE_ASM
  lla t0, high
  add t0, t0, t1
  jr t0
high:
  # Now running at KBASE + pa; give each hart its boot stack.
  lla sp, stack0
  li t0, KSTACK_SIZE_ASM
  addi t1, a0, 1
  mul t0, t0, t1
  add sp, sp, t0
  mv tp, a0
  beqz s1, 2f
  call kmain               # kmain(hartid, dtb_pa)
2:
  call kmain_secondary     # kmain_secondary(), hart id in tp
3:
  wfi
  j 3b

.section .data
.balign 4096
.globl boot_pagetable
boot_pagetable:
  .zero 4096
