/* Entry for all benchmark programs: every hart starts here in M-mode with
 * a0 = hart id (QEMU virt with -bios none, and Pagoda likewise). Hart 0
 * clears .bss and calls main(); other harts wait for that and call
 * secondary_main(hartid), which parks them unless a program defines it. */
#define STACK_SIZE  65536
#define MSTACK_SIZE 8192

  .section .text.init, "ax"
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  csrr a0, mhartid
  la sp, _stacks_end
  li t0, STACK_SIZE
  mul t1, a0, t0
  sub sp, sp, t1
  la t2, _mstacks_end
  li t0, MSTACK_SIZE
  mul t1, a0, t0
  sub t2, t2, t1
  csrw mscratch, t2
  la t0, m_trap_entry
  csrw mtvec, t0
  li t0, 0x2000            /* mstatus.FS = Initial: the compiler may use FP registers */
  csrs mstatus, t0
  bnez a0, 2f
  la t0, _bss_start
  la t1, _bss_end
1:bgeu t0, t1, 1f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
1:fence rw, rw
  la t0, boot_ready
  li t1, 1
  sd t1, 0(t0)
  call main
  call bench_exit
2:la t0, boot_ready        /* secondary harts: wait until .bss is clear */
3:ld t1, 0(t0)
  bnez t1, 4f
  .word 0x0100000f         /* pause (Zihintpause) */
  j 3b
4:fence rw, rw
  call secondary_main
5:wfi
  j 5b

  .section .data
  .balign 8
boot_ready: .dword 0

/* M-mode trap entry: switch to this hart's M stack (mscratch), save the
 * integer registers in a struct trap_frame and call m_trap(frame). */
  .section .text
  .balign 4
  .globl m_trap_entry
m_trap_entry:
  csrrw sp, mscratch, sp
  addi sp, sp, -256
  sd x1, 8(sp)
  sd x3, 24(sp)
  sd x4, 32(sp)
  sd x5, 40(sp)
  sd x6, 48(sp)
  sd x7, 56(sp)
  sd x8, 64(sp)
  sd x9, 72(sp)
  sd x10, 80(sp)
  sd x11, 88(sp)
  sd x12, 96(sp)
  sd x13, 104(sp)
  sd x14, 112(sp)
  sd x15, 120(sp)
  sd x16, 128(sp)
  sd x17, 136(sp)
  sd x18, 144(sp)
  sd x19, 152(sp)
  sd x20, 160(sp)
  sd x21, 168(sp)
  sd x22, 176(sp)
  sd x23, 184(sp)
  sd x24, 192(sp)
  sd x25, 200(sp)
  sd x26, 208(sp)
  sd x27, 216(sp)
  sd x28, 224(sp)
  sd x29, 232(sp)
  sd x30, 240(sp)
  sd x31, 248(sp)
  csrr t0, mscratch
  sd t0, 16(sp)
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  mv a0, sp
  call m_trap
  ld x1, 8(sp)
  ld x3, 24(sp)
  ld x4, 32(sp)
  ld x5, 40(sp)
  ld x6, 48(sp)
  ld x7, 56(sp)
  ld x8, 64(sp)
  ld x9, 72(sp)
  ld x10, 80(sp)
  ld x11, 88(sp)
  ld x12, 96(sp)
  ld x13, 104(sp)
  ld x14, 112(sp)
  ld x15, 120(sp)
  ld x16, 128(sp)
  ld x17, 136(sp)
  ld x18, 144(sp)
  ld x19, 152(sp)
  ld x20, 160(sp)
  ld x21, 168(sp)
  ld x22, 176(sp)
  ld x23, 184(sp)
  ld x24, 192(sp)
  ld x25, 200(sp)
  ld x26, 208(sp)
  ld x27, 216(sp)
  ld x28, 224(sp)
  ld x29, 232(sp)
  ld x30, 240(sp)
  ld x31, 248(sp)
  addi sp, sp, 256
  csrrw sp, mscratch, sp
  mret

/* enter_lower(entry, sp, mpp): leave M-mode for privilege mpp (0 = U,
 * 1 = S) at entry with the given stack; translation follows satp. */
  .globl enter_lower
enter_lower:
  csrw mepc, a0
  li t0, 0x1800
  csrc mstatus, t0
  slli a2, a2, 11
  csrs mstatus, a2
  mv sp, a1
  mret
