// RISC-V supervisor-mode registers, page-table entry bits and helpers. Section numbers
// in the kernel's comments are those of the privileged specification, version 20240411
// (chapter 10, Supervisor-Level ISA); the SBI ones are of SBI v2.0.
#pragma once
#include "types.h"

#define csr_read(csr) ({ uint64 v_; asm volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) asm volatile("csrw " #csr ", %0" ::"r"((uint64)(v)))
#define csr_set(csr, v) asm volatile("csrs " #csr ", %0" ::"r"((uint64)(v)))
#define csr_clear(csr, v) asm volatile("csrc " #csr ", %0" ::"r"((uint64)(v)))

// sstatus (privileged spec 10.1.1)
#define SSTATUS_SIE (1UL << 1)
#define SSTATUS_SPIE (1UL << 5)
#define SSTATUS_SPP (1UL << 8)
#define SSTATUS_FS (3UL << 13)
#define SSTATUS_SUM (1UL << 18)
// sie / sip bits
#define SIE_SSIE (1UL << 1)
#define SIE_STIE (1UL << 5)
#define SIE_SEIE (1UL << 9)
// scause values
#define SCAUSE_INTR (1UL << 63)
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9
#define EXC_INSN_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15
#define EXC_ECALL_U 8

// satp (privileged spec 10.1.11): MODE in bits 63:60, ASID in 59:44, PPN in 43:0
#define SATP_SV39 (8UL << 60)
#define SATP_SV48 (9UL << 60)
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK 0xffffUL

// Page-table entry bits (privileged spec 10.3.1)
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PTE_COW (1UL << 8) // RSW bit: a write must copy the frame first
#define PTE_SWAP (1UL << 9) // RSW bit, in an invalid PTE: the page is in swap slot PTE2SLOT
#define SLOT2PTE(s) (((uint64)(s) << 10) | PTE_SWAP)
#define PTE2SLOT(pte) ((pte) >> 10)
// In an invalid PTE the hardware ignores every other bit (10.3.2, step 3), so G's
// position (never set in a user PTE) marks a PROT_NONE page: its frame (PPN) and bits
// are kept, V is clear, any access faults; mprotect makes it valid again (mmap.c).
#define PTE_PROTNONE PTE_G
#define PTE_LEAF (PTE_R | PTE_W | PTE_X)
#define PTE_N (1UL << 63)   // Svnapot: one of 16 PTEs mapping a 64 KiB block (Svnapot spec)
#define NAPOTSIZE (64UL << 10)
#define NAPOTPAGES 16

#define PGSIZE 4096UL
#define PGSHIFT 12
#define HUGESIZE (2UL << 20) // a level-1 leaf (a megapage, 10.4.1)
#define HUGEPAGES 512
#define PGROUNDUP(a) (((a) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(PGSIZE - 1))
#define PA2PTE(pa) ((((uint64)(pa)) >> 12) << 10)
#define PTE2PA(pte) ((((pte) >> 10) & ((1UL << 44) - 1)) << 12) // PPN: bits 53..10
#define PX(level, va) ((((uint64)(va)) >> (PGSHIFT + 9 * (level))) & 0x1ff)

// The kernel sees all physical memory at KBASE + pa; its own image is linked there too.
// KBASE lies in the top 256 GiB, which Sv39 and Sv48 both can address (10.3.2, 10.4.2).
#define KBASE 0xffffffc000000000UL
#define P2V(pa) ((void *)((uint64)(pa) + KBASE))
#define V2P(va) ((uint64)(va) - KBASE)
// User addresses: below 256 GiB in both modes (the lower half of Sv39).
#define MAXUVA 0x4000000000UL

static inline void sfence_vma_all(void) { asm volatile("sfence.vma zero, zero" ::: "memory"); }
static inline void sfence_vma_asid(uint64 asid)
{
  asm volatile("sfence.vma zero, %0" ::"r"(asid) : "memory");
}
static inline void sfence_vma_page(uint64 va, uint64 asid) {
  asm volatile("sfence.vma %0, %1" ::"r"(va), "r"(asid) : "memory");
}
static inline void sfence_vma_va(uint64 va)
{
  asm volatile("sfence.vma %0, zero" ::"r"(va) : "memory");
}
static inline uint64 r_tp(void) { uint64 x; asm volatile("mv %0, tp" : "=r"(x)); return x; }
static inline void intr_on(void) { csr_set(sstatus, SSTATUS_SIE); }
static inline void intr_off(void) { csr_clear(sstatus, SSTATUS_SIE); }
static inline int intr_get(void) { return (csr_read(sstatus) & SSTATUS_SIE) != 0; }
