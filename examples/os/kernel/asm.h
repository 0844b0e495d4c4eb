// Constants shared by the assembly files (kept in step with riscv.h and param.h).
#pragma once
#define PTE_V 1
#define PTE_R 2
#define PTE_W 4
#define PTE_X 8
#define PTE_A 64
#define PTE_D 128
#define PTE_G 32
#define KBASE_ASM 0xffffffc000000000
#define KSTACK_SIZE_ASM 16384
#define TF_EPC 248
#define TF_KSP 256
#define TF_HARTID 264
