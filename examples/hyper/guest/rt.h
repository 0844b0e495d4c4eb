/* A guest's small runtime: console and exit through SBI calls, printing,
 * and its own Sv39 page tables (the guest's VS-stage, or plain S-mode
 * paging in the native build). */
#ifndef HYPER_GUEST_RT_H
#define HYPER_GUEST_RT_H
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint8_t u8;

#define UART_BASE 0x10000000UL
#define GUEST_RAM_BASE 0x80000000UL

#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PAGE_4K 0x1000UL
#define PAGE_2M 0x200000UL

#define csr_read(csr) ({ u64 __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "rK"((u64)(v)) : "memory")

void sbi_putchar(char c);
/* print.c, writing through console_putc (this program's console) */
void console_putc(char c);
void puts_(const char *s);
void put_hex(u64 v);
void put_dec(u64 v);
void put_kv_dec(const char *key, u64 v);
void print_checksum(u64 v);
__attribute__((noreturn)) void guest_exit(int status);

/* Mixes a value into a running checksum; xorshift64* generator (both as
 * examples/bench/rt.h, so the chase visits the same nodes). */
static inline u64 mix64(u64 h, u64 v) { h ^= v; h *= 0x100000001b3ULL; h ^= h >> 29; return h; }
static inline u64 xs64(u64 *s) { u64 x = *s; x ^= x >> 12; x ^= x << 25; x ^= x >> 27; *s = x; return x * 0x2545F4914F6CDD1DULL; }

void vm_init(void);
void vm_map(u64 va, u64 pa, u64 size, int level, u64 perm);
volatile u64 *vm_pte(u64 va);
void vm_enable(void);
static inline void sfence_vma_va(u64 va) { __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory"); }

extern char _free_start[];
#endif
