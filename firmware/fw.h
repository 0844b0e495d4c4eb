/* Pagoda SBI firmware: shared definitions (board, CSRs, per-hart state). */
#ifndef PAGODA_FW_H
#define PAGODA_FW_H

#include <stdint.h>
#include <stddef.h>

#define FW_VERSION_MAJOR 0
#define FW_VERSION_MINOR 1
/* SBI implementation ID: "PGDA" in ASCII, outside the range the SBI
 * specification (section 4.9) assigns to known implementations. */
#define SBI_IMPL_ID 0x50474441UL
#define SBI_IMPL_VERSION ((FW_VERSION_MAJOR << 16) | FW_VERSION_MINOR)

#define MAX_HARTS 64

/* Board: QEMU virt memory map (DESIGN.md). */
#define FW_BASE 0x80000000UL
#define FW_SIZE 0x00080000UL /* firmware owns [FW_BASE, FW_BASE + FW_SIZE): 512 KiB, PMP-protected */
#define NEXT_STAGE 0x80200000UL
#define SIFIVE_TEST 0x00100000UL
#define CLINT_BASE 0x02000000UL
#define CLINT_MSIP(h) (CLINT_BASE + 4UL * (h))
#define CLINT_MTIMECMP(h) (CLINT_BASE + 0x4000UL + 8UL * (h))
#define CLINT_MTIME (CLINT_BASE + 0xBFF8UL)
#define UART_BASE 0x10000000UL

/* Per-hart private area (not cleared with .bss): trap frame + M-mode stack. */
#define HART_AREA_SIZE 4096
#define CTX_STACK_TOP 256 /* offset of hart_ctx.stack_top, used by start.S */

/* CSR bits */
#define MSTATUS_SIE (1UL << 1)
#define MSTATUS_MIE (1UL << 3)
#define MSTATUS_SPIE (1UL << 5)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_SPP (1UL << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3UL << 11)
#define MSTATUS_FS (3UL << 13)
#define MSTATUS_MPRV (1UL << 17)
#define MSTATUS_MXR (1UL << 19)
#define MSTATUS_VS (3UL << 9)

#define IRQ_S_SOFT 1
#define IRQ_M_SOFT 3
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7
#define IRQ_S_EXT 9
#define IRQ_M_EXT 11
#define IRQ_LCOF 13
#define MIP_SSIP (1UL << IRQ_S_SOFT)
#define MIP_MSIP (1UL << IRQ_M_SOFT)
#define MIP_STIP (1UL << IRQ_S_TIMER)
#define MIP_MTIP (1UL << IRQ_M_TIMER)
#define MIP_SEIP (1UL << IRQ_S_EXT)

#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL_INSN 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_SUPERVISOR_ECALL 9
#define CAUSE_MACHINE_ECALL 11
#define CAUSE_FETCH_PAGE_FAULT 12
#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15

#define CSR_MENVCFG 0x30a
#define CSR_STIMECMP 0x14d
#define MENVCFG_STCE (1UL << 63)
#define MENVCFG_PBMTE (1UL << 62)
#define MENVCFG_CBZE (1UL << 7)
#define MENVCFG_CBCFE (1UL << 6)
#define MENVCFG_CBIE_FLUSH (1UL << 4)

#define STR(x) #x
#define XSTR(x) STR(x)
#define csr_read(csr)                                          \
	({                                                         \
		unsigned long __v;                                     \
		__asm__ volatile("csrr %0, " XSTR(csr) : "=r"(__v)::"memory"); \
		__v;                                                   \
	})
#define csr_write(csr, val) __asm__ volatile("csrw " XSTR(csr) ", %0" ::"rK"(val) : "memory")
#define csr_set(csr, val) __asm__ volatile("csrs " XSTR(csr) ", %0" ::"rK"(val) : "memory")
#define csr_clear(csr, val) __asm__ volatile("csrc " XSTR(csr) ", %0" ::"rK"(val) : "memory")

static inline void mmio_write32(unsigned long a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint32_t mmio_read32(unsigned long a) { return *(volatile uint32_t *)a; }
static inline void mmio_write64(unsigned long a, uint64_t v) { *(volatile uint64_t *)a = v; }
static inline uint64_t mmio_read64(unsigned long a) { return *(volatile uint64_t *)a; }
static inline void mmio_write8(unsigned long a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline uint8_t mmio_read8(unsigned long a) { return *(volatile uint8_t *)a; }
static inline void fence_all(void) { __asm__ volatile("fence iorw, iorw" ::: "memory"); }

/* Private per-hart context; mscratch points at it. Layout used by start.S:
 * regs[0..31] at 0 (regs[0] unused), stack_top at CTX_STACK_TOP. */
struct hart_ctx {
	unsigned long regs[32];
	unsigned long stack_top;
	unsigned long hartid;
};

/* Result of an M-mode access made on behalf of S/U (MPRV), see start.S. */
struct unpriv_trap {
	unsigned long cause; /* 0: no trap */
	unsigned long tval;
};

/* start.S */
void enter_smode(unsigned long addr, unsigned long a0, unsigned long a1) __attribute__((noreturn));
void park_on_stack(struct hart_ctx *ctx, void (*fn)(struct hart_ctx *)) __attribute__((noreturn));
unsigned long unpriv_lbu(unsigned long addr, struct unpriv_trap *t);
void unpriv_sb(unsigned long addr, unsigned long val, struct unpriv_trap *t);
unsigned long phys_lbu(unsigned long addr, struct unpriv_trap *t);
void phys_sb(unsigned long addr, unsigned long val, struct unpriv_trap *t);
unsigned long unpriv_lhu_x(unsigned long addr, struct unpriv_trap *t);
unsigned long probe_csr_set_menvcfg(unsigned long bits); /* read-back, 0 if absent */
int probe_stimecmp(void); /* 1 if stimecmp exists */
unsigned long probe_pmp_setup(unsigned long addr0, unsigned long addr1, unsigned long cfg0);
unsigned long fp_read_reg(unsigned long n);          /* fmv.x.d a0, f<n> */
void fp_write_reg(unsigned long n, unsigned long v); /* fmv.d.x f<n>, a1 */
void fp_write_reg_s(unsigned long n, unsigned long v); /* fmv.w.x (NaN-boxed) */

/* main.c */
void console_puts(const char *s);
void redirect_trap(struct hart_ctx *ctx, unsigned long cause, unsigned long tval);

/* misaligned.c */
void handle_misaligned(struct hart_ctx *ctx, unsigned long cause);

/* pmu.c: the SBI PMU extension (fid, a0-a4 in a[], value in *val; returns
 * the SBI error), and a hart's counters at boot (all free and stopped). */
long sbi_pmu(unsigned long hart, unsigned long fid, unsigned long *a, unsigned long *val);
void pmu_init_hart(unsigned long hart);

#endif
