/* What the two hypervisor builds share (docs/HYPERVISOR.md): hyp.c runs the
 * small bare-metal guest, hyp_os.c the teaching OS. hyp_lib.c holds the
 * console, the power-off, the M-mode and HS-mode catch-alls and the G-stage
 * page tables; hyp_start.S the entry, the mode switches and the HS trap
 * entry.
 *
 * Specification references are to the RISC-V privileged architecture
 * (version 20211203), chapter "Hypervisor Extension, Version 1.0", and the
 * RISC-V SBI specification (v1.0, v2.0 for DBCN) for the calls. */
#ifndef HYP_H
#define HYP_H
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint16_t u16;
typedef uint8_t u8;

#define UART_BASE 0x10000000UL
#define TEST_BASE 0x00100000UL                    /* sifive_test: exit status */

#define csr_read(csr) ({ u64 __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "rK"((u64)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "rK"((u64)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "rK"((u64)(v)) : "memory")

/* Bits of the H extension's CSRs used here (priv. spec, "Hypervisor and
 * Virtual Supervisor CSRs"). */
#define HSTATUS_SPV   (1UL << 7)      /* V before the trap; sret returns to V = SPV */
#define HSTATUS_SPVP  (1UL << 8)
#define SSTATUS_SIE   (1UL << 1)
#define SSTATUS_SPIE  (1UL << 5)
#define SSTATUS_SPP   (1UL << 8)
#define HGATP_SV39X4  (8UL << 60)
#define HGATP_VMID(v) ((u64)(v) << 44)

/* Exception causes (priv. spec, mcause table, with the H extension's). */
#define CAUSE_ECALL_VS          10
#define CAUSE_FETCH_GUEST_PF    20
#define CAUSE_LOAD_GUEST_PF     21
#define CAUSE_VIRTUAL_INSN      22
#define CAUSE_STORE_GUEST_PF    23

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)

#define SBI_LEGACY_PUTCHAR 0x01       /* SBI spec, "Legacy Extensions" */
#define SBI_SRST           0x53525354
#define SBI_ERR_NOT_SUPPORTED (-2L)

/* The guest's registers while the hypervisor runs: x[i] is register i
 * (x[0] unused, x[2] the guest's sp). Laid out as hyp_start.S saves them. */
struct guest_regs { u64 x[32]; };

extern char _pool_start[], _hs_stack_end[];
extern void enter_hs(u64 entry, u64 sp) __attribute__((noreturn));
extern void enter_guest(struct guest_regs *r) __attribute__((noreturn));
extern void hs_trap_entry(void);

void uart_putc(char c);
/* print.c, writing through console_putc (this program's console) */
void console_putc(char c);
void puts_(const char *s);
void put_hex(u64 v);
void put_dec(u64 v);
void m_setup(void);
void machine_exit(u32 status) __attribute__((noreturn));
u64 *alloc_pages(u64 n, u64 align);
void gstage_init(u64 pool_end);
void gstage_map(u64 gpa, u64 hpa, u64 size, u64 perm);
u64 gstage_hgatp(u64 vmid);
void gstage_enable(u64 hgatp);

#endif
