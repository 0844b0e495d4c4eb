// Calls into the SBI firmware (SBI specification v2.0).
#pragma once
#include "types.h"

struct sbiret { long error; long value; };

#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494D45
#define SBI_EXT_IPI 0x735049
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_EXT_HSM 0x48534D
#define SBI_EXT_SRST 0x53525354
#define SBI_EXT_DBCN 0x4442434E

struct sbiret sbi_call(uint64 eid, uint64 fid, uint64 a0, uint64 a1, uint64 a2, uint64 a3, uint64 a4);
long sbi_impl_id(void);
void sbi_set_timer(uint64 when);
long sbi_hart_start(uint64 hartid, uint64 start_pa, uint64 opaque);
long sbi_send_ipi(uint64 mask, uint64 base);
long sbi_remote_fence_i(uint64 mask, uint64 base);
long sbi_remote_sfence_vma(uint64 mask, uint64 base, uint64 start, uint64 size);
long sbi_remote_sfence_vma_asid(uint64 mask, uint64 base, uint64 start, uint64 size, uint64 asid);
void sbi_shutdown(int failed) __attribute__((noreturn));
