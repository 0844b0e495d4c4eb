/* trapbench's S-mode trap handler. It lives in .text.super, mapped for S
 * only. An ecall from U with a7 = 0 increments the counter and returns;
 * a7 = 1 returns the counter in a0; any other a7 is forwarded to M-mode with
 * an ecall (exit). Any other trap ends the run with exit code 5. */
  .section .text.super, "ax"
  .balign 4
  .globl s_trap
s_trap:
  csrrw sp, sscratch, sp
  sd t0, 0(sp)
  csrr t0, scause
  addi t0, t0, -8
  bnez t0, s_fatal
  bnez a7, 1f
  ld t0, 8(sp)
  addi t0, t0, 1
  sd t0, 8(sp)
s_return:
  csrr t0, sepc
  addi t0, t0, 4
  csrw sepc, t0
  ld t0, 0(sp)
  csrrw sp, sscratch, sp
  sret
1:li t0, 1
  bne a7, t0, 2f
  ld a0, 8(sp)
  j s_return
2:ecall
  j s_return
s_fatal:
  li a7, 93
  li a0, 5
  ecall
  j s_fatal

  .section .data.super, "aw"
  .balign 16
  .globl s_area
s_area:
  .dword 0      /* saved t0 */
  .dword 0      /* counter */
