/* Helpers for the supervisor tests (rv64si): p environment (the test starts
 * in M-mode), M-mode builds page tables in physical memory, then runs short
 * snippets in S- or U-mode with RUN_AS and checks what trapped.
 *
 * Mode: -DVM_SV48 (or #define VM_SV48 before including) gives Sv48, else Sv39.
 * Layout (VM_DATA, in .data, page aligned):
 *   vm_root  root table; with Sv48 root[0] -> vm_l2
 *   identity: a global gigapage VA 0x80000000 -> PA 0x80000000 (RWX, U=0,
 *             A=D=1) holds the test's code and data, so S-mode runs from it
 *   vm_l1    the table for VA 0x40000000..0x7fffffff; vm_l1[0] -> vm_l0
 *   vm_l0    leaf table: TVA(i) = 0x40000000 + i * 4096, i < 256, is
 *            mapped with VM_MAP(i, label, flags)
 *   vm_pageA/B/C  data pages whose first dword is PAGE_A/B/C_VAL
 *   vm_root2 a second root for ASID tests (VM_INIT2 copies vm_root's
 *            gigapage entries and points at vm_l1_2 -> vm_l0_2)
 * Registers: RUN_AS uses t0; the trap record is TRAP_HANDLER_RESUME's
 * (s2 cause, s3 tval, s4 epc, s5 count, s7 mstatus; s6 = resume). */
#ifndef PAGODA_VM_H
#define PAGODA_VM_H
#include "macros.h"

#ifdef VM_SV48
#define VM_MODE 9
#else
#define VM_MODE 8
#endif

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RWX (PTE_V | PTE_R | PTE_W | PTE_X)
#define PTE_ALL (PTE_RWX | PTE_A | PTE_D)
#define PTE_N   (1 << 63)
#define PTE_PBMT_NC (1 << 61)
#define PTE_PBMT_IO (2 << 61)

#define MSTATUS_MPRV (1 << 17)
#define MSTATUS_SUM  (1 << 18)
#define MSTATUS_MXR  (1 << 19)
#define MSTATUS_TVM  (1 << 20)

#define TVA_BASE 0x40000000
#define TVA(i)   (TVA_BASE + (i) * 4096)
#define PAGE_A_VAL 0xaaaa000000000a0a
#define PAGE_B_VAL 0xbbbb000000000b0b
#define PAGE_C_VAL 0xcccc000000000c0c

/* reg = PTE pointing at label's page with flags (flags < 2048) */
#define PTE_OF(reg, label, flags)                        \
        la reg, label; srli reg, reg, 12; slli reg, reg, 10; ori reg, reg, flags;

/* vm_l0[i] = PTE(label, flags)  (uses t0, t1) */
#define VM_MAP(i, label, flags)                          \
        PTE_OF(t0, label, flags); la t1, vm_l0; sd t0, (i) * 8(t1);
#define VM_MAP2(i, label, flags)                         \
        PTE_OF(t0, label, flags); la t1, vm_l0_2; sd t0, (i) * 8(t1);
#define VM_UNMAP(i)  la t1, vm_l0; sd zero, (i) * 8(t1);
/* reg = vm_l0[i] */
#define VM_PTE(reg, i)  la reg, vm_l0; ld reg, (i) * 8(reg);

/* fail unless vm_l0[i] == PTE(label, flags)  (uses a2, a3) */
#define CHECK_PTE(i, label, flags)                       \
        VM_PTE(a2, i); PTE_OF(a3, label, flags); bne a2, a3, fail;

#define VM_SATP_REG(reg, root, asid)                     \
        la reg, root; srli reg, reg, 12;                 \
        li t1, ((VM_MODE) << 60) | ((asid) << 44); or reg, reg, t1;
#define VM_SATP(asid)   VM_SATP_REG(t0, vm_root, asid); csrw satp, t0;
#define VM_SATP2(asid)  VM_SATP_REG(t0, vm_root2, asid); csrw satp, t0;

/* Build the tables (all zero first).  Uses t0-t2, a0.  Also opens PMP. */
#define VM_INIT                                          \
        PMP_OPEN_ALL;                                    \
        la t0, vm_tables_start; la t1, vm_tables_end;    \
1:      sd zero, 0(t0); addi t0, t0, 8; bltu t0, t1, 1b; \
        VM_INIT_ROOT(vm_root, vm_l2, vm_l1, vm_l0)       \
        VM_INIT_ROOT(vm_root2, vm_l2_2, vm_l1_2, vm_l0_2) \
        la t0, vm_pageA; li t1, PAGE_A_VAL; sd t1, 0(t0); \
        la t0, vm_pageB; li t1, PAGE_B_VAL; sd t1, 0(t0); \
        la t0, vm_pageC; li t1, PAGE_C_VAL; sd t1, 0(t0); \
        sfence.vma;

#ifdef VM_SV48
#define VM_INIT_ROOT(root, l2, l1, l0)                   \
        la a0, root; PTE_OF(t0, l2, PTE_V); sd t0, 0(a0); \
        la a0, l2;                                       \
        li t0, ((0x80000000 >> 12) << 10) | PTE_ALL | PTE_G; sd t0, 2 * 8(a0); \
        PTE_OF(t0, l1, PTE_V); sd t0, 1 * 8(a0);         \
        la a0, l1; PTE_OF(t0, l0, PTE_V); sd t0, 0(a0);
#else
#define VM_INIT_ROOT(root, l2, l1, l0)                   \
        la a0, root;                                     \
        li t0, ((0x80000000 >> 12) << 10) | PTE_ALL | PTE_G; sd t0, 2 * 8(a0); \
        PTE_OF(t0, l1, PTE_V); sd t0, 1 * 8(a0);         \
        la a0, l1; PTE_OF(t0, l0, PTE_V); sd t0, 0(a0);
#endif

/* Run `code` in `mode` (1 = S, 0 = U) from the identity mapping, then ecall
 * back to M.  After it: s5 = traps taken (1), s2 = cause: 9 (S) / 8 (U)
 * when `code` completed, else the fault's cause with s3 = tval, s4 = epc.
 * `code` must not use the local labels 7 and 8. */
#define RUN_AS(mode, code...)                            \
        TRAP_RESET;                                      \
        la s6, 8f;                                       \
        li t0, (3 << 11) | (1 << 7); csrc mstatus, t0;   \
        li t0, (mode) << 11; csrs mstatus, t0;           \
        la t0, 7f; csrw mepc, t0;                        \
        mret;                                            \
7:      code;                                            \
        ecall;                                           \
8:

/* after RUN_AS: it completed / it trapped with `cause` and tval `tval` */
#define EXPECT_OK(mode)   CHECK(s5, 1); CHECK(s2, 8 + (mode));
#define EXPECT_FAULT(cause, tval) CHECK(s5, 1); CHECK(s2, cause); CHECK(s3, tval);

/* the page tables and pages (after RVTEST_DATA_BEGIN) */
#define VM_DATA                                          \
        .align 12;                                       \
vm_tables_start:                                         \
vm_root:  .skip 4096;                                    \
vm_l2:    .skip 4096;                                    \
vm_l1:    .skip 4096;                                    \
vm_l0:    .skip 4096;                                    \
vm_root2: .skip 4096;                                    \
vm_l2_2:  .skip 4096;                                    \
vm_l1_2:  .skip 4096;                                    \
vm_l0_2:  .skip 4096;                                    \
vm_pageA: .skip 4096;                                    \
vm_pageB: .skip 4096;                                    \
vm_pageC: .skip 4096;                                    \
vm_tables_end:

#endif
