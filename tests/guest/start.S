/* Entry for bare-metal e2e guests on the virt board, M-mode, -bios none.
 * Every hart arrives at 0x80000000 with a0 = hart id.  Hart 0 clears .bss
 * and releases the others; each hart gets a 4 KiB stack and calls
 * guest_main(hartid).  Traps go to trap_handler(mcause, mepc, mtval). */
    .section .text.start, "ax"
    .globl _start
_start:
    csrw    mie, zero
    la      t0, trap_entry
    csrw    mtvec, t0
    li      t0, 8                  /* at most 8 harts */
    bgeu    a0, t0, park
    la      sp, stacks
    addi    t0, a0, 1
    slli    t0, t0, 12
    add     sp, sp, t0
    bnez    a0, wait_bss
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:  fence   rw, rw
    la      t0, bss_ready
    li      t1, 1
    sw      t1, 0(t0)
    j       go
wait_bss:
    la      t0, bss_ready
3:  lw      t1, 0(t0)
    beqz    t1, 3b
    fence   rw, rw
go:
    call    guest_main
    li      a0, 99                 /* guest_main returned: fail with 99 */
    call    guest_exit
park:
    wfi
    j       park

    .align  4
trap_entry:
    addi    sp, sp, -144
    sd      ra, 0(sp)
    sd      t0, 8(sp)
    sd      t1, 16(sp)
    sd      t2, 24(sp)
    sd      t3, 32(sp)
    sd      t4, 40(sp)
    sd      t5, 48(sp)
    sd      t6, 56(sp)
    sd      a0, 64(sp)
    sd      a1, 72(sp)
    sd      a2, 80(sp)
    sd      a3, 88(sp)
    sd      a4, 96(sp)
    sd      a5, 104(sp)
    sd      a6, 112(sp)
    sd      a7, 120(sp)
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    trap_handler
    ld      ra, 0(sp)
    ld      t0, 8(sp)
    ld      t1, 16(sp)
    ld      t2, 24(sp)
    ld      t3, 32(sp)
    ld      t4, 40(sp)
    ld      t5, 48(sp)
    ld      t6, 56(sp)
    ld      a0, 64(sp)
    ld      a1, 72(sp)
    ld      a2, 80(sp)
    ld      a3, 88(sp)
    ld      a4, 96(sp)
    ld      a5, 104(sp)
    ld      a6, 112(sp)
    ld      a7, 120(sp)
    addi    sp, sp, 144
    mret

    .data
    .align  3
bss_ready:
    .word   0

    .bss
    .align  12
stacks:
    .space  8 * 4096
