/* Tiny freestanding runtime shared by the benchmark programs: console on the
 * ns16550a UART, exit through sifive_test, CSR access, the M-mode trap
 * handler. No libc. */
#ifndef BENCH_RT_H
#define BENCH_RT_H

#include <stdint.h>
#include <stddef.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint16_t u16;
typedef uint8_t u8;

#define UART_BASE 0x10000000UL
#define TEST_BASE 0x00100000UL
#define CLINT_BASE 0x02000000UL

#define PRIV_U 0
#define PRIV_S 1
#define PRIV_M 3

/* Environment calls understood by the M-mode handler (and forwarded by the
 * trapbench S-mode handler): a7 selects. */
#define ECALL_EXIT 93

#define csr_read(csr) ({ u64 __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "rK"((u64)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "rK"((u64)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "rK"((u64)(v)) : "memory")

static inline void fence(void) { __asm__ volatile("fence rw, rw" ::: "memory"); }
static inline void cpu_pause(void) { __asm__ volatile(".word 0x0100000f" ::: "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }
static inline void sfence_vma_va(u64 va) { __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory"); }
static inline void sfence_vma_all(void) { __asm__ volatile("sfence.vma" ::: "memory"); }

struct trap_frame { u64 x[32]; };

/* Privilege the program's main code currently runs at; bench_exit uses
 * an ecall unless this is PRIV_M. Set it before entering a lower mode. */
extern volatile int rt_priv;

void uart_putc(char c);
void puts_(const char *s);            /* no newline added */
void put_hex(u64 v);                  /* 0x + 16 digits */
void put_dec(u64 v);
void put_kv_dec(const char *key, u64 v);   /* "key: v\n" */
void print_checksum(u64 v);          /* "checksum: 0x...\n" */
__attribute__((noreturn)) void bench_exit(int code);
__attribute__((noreturn)) void bench_exit_m(int code);

/* Mixes a value into a running checksum (FNV-1a style over 64-bit words). */
static inline u64 mix64(u64 h, u64 v) { h ^= v; h *= 0x100000001b3ULL; h ^= h >> 29; return h; }

/* Small deterministic generator (xorshift64*). */
static inline u64 xs64(u64 *s) { u64 x = *s; x ^= x >> 12; x ^= x << 25; x ^= x >> 27; *s = x; return x * 0x2545F4914F6CDD1DULL; }

void enter_lower(u64 entry, u64 sp, u64 mpp) __attribute__((noreturn));
void secondary_main(u64 hartid);
void m_trap(struct trap_frame *f);

/* Hooks for programs: called by m_trap for an M-mode software interrupt
 * (after msip is cleared). Default: forward to S-mode as SSIP. */
extern void (*rt_msip_hook)(void);

#endif
