/* Tiny support library for the e2e guests: UART output, exit through
 * sifive_test, CSR helpers. */
#ifndef GUEST_H
#define GUEST_H
#include <stdint.h>

#define UART_BASE   0x10000000UL
#define TEST_BASE   0x100000UL
#define CLINT_BASE  0x2000000UL

#define csr_read(csr) ({ uint64_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "rK"((uint64_t)(v)))
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "rK"((uint64_t)(v)))
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "rK"((uint64_t)(v)))
#define mb() __asm__ volatile("fence rw, rw" ::: "memory")

static inline void mmio_w32(uint64_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint32_t mmio_r32(uint64_t a) { return *(volatile uint32_t *)a; }

void putc_(char c);
void puts_(const char *s);
void putdec(uint64_t v);
void puthex(uint64_t v);
/* Power off through sifive_test: 0 -> 0x5555 (pass), else (code<<16)|0x3333. */
__attribute__((noreturn)) void guest_exit(unsigned code);
/* Called from trap_entry for every trap; the default prints and exits 3. */
void trap_handler(uint64_t mcause, uint64_t mepc, uint64_t mtval);
#endif
