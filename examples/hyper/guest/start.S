/* A guest's entry. The hypervisor enters _start in VS-mode at
 * guest-physical 0x80000000 with a0 = hart id. It takes its stack, clears
 * its .bss and calls guest_main(); guest_main never returns (it exits
 * through SBI).
 *
 * Built with -DNATIVE (the benchmark's native twin), the image instead
 * starts in M-mode at _mstart, placed first at 0x80000000: a few lines of
 * M-mode firmware that serve the same SBI calls as the hypervisor (console
 * putchar, exit with a status) and enter _start in S-mode. */
#ifdef NATIVE
        .section .text.mstart, "ax"
        .globl _mstart
_mstart:
        csrr t0, mhartid
        bnez t0, 9f
        la t0, m_sbi
        csrw mtvec, t0
        la t0, m_save
        csrw mscratch, t0
        li t0, -1
        srli t0, t0, 10
        csrw pmpaddr0, t0               /* PMP: everything RWX for S */
        li t0, 0x1f
        csrw pmpcfg0, t0
        li t0, 7
        csrw mcounteren, t0
        li t0, 3 << 11                  /* mstatus.MPP = S */
        csrc mstatus, t0
        li t0, 1 << 11
        csrs mstatus, t0
        la t0, _start
        csrw mepc, t0
        li a0, 0
        mret
9:      wfi
        j 9b

/* m_sbi: an ecall from S (cause 9). a7 = 1: putchar a0 on the UART;
 * a7 = 0x08000000: exit with status a0 (sifive_test); anything else (or
 * another trap) stops with status 4, as the hypervisor does. */
        .align 2
m_sbi:
        csrrw t6, mscratch, t6
        sd t0, 0(t6)
        sd t1, 8(t6)
        csrr t0, mcause
        li t1, 9
        bne t0, t1, 3f
        li t1, 1
        bne a7, t1, 2f
        li t0, 0x10000000
1:      lbu t1, 5(t0)                   /* LSR.THRE */
        andi t1, t1, 0x20
        beqz t1, 1b
        sb a0, 0(t0)
        li a0, 0
        csrr t0, mepc
        addi t0, t0, 4
        csrw mepc, t0
        ld t0, 0(t6)
        ld t1, 8(t6)
        csrrw t6, mscratch, t6
        mret
2:      li t1, 0x08000000
        bne a7, t1, 3f
        andi t0, a0, 0xff
        j 4f
3:      li t0, 4
4:      li t1, 0x5555
        beqz t0, 5f
        slli t0, t0, 16
        li t1, 0x3333
        or t1, t1, t0
5:      li t0, 0x100000
        sw t1, 0(t0)
6:      j 6b

        .section .data
        .align 3
m_save: .dword 0, 0
#endif

        .section .text.init, "ax"
        .globl _start
_start:
        la sp, _stack_end
        la t0, _bss_start
        la t1, _bss_end
1:      bgeu t0, t1, 2f
        sd zero, 0(t0)
        addi t0, t0, 8
        j 1b
2:      call guest_main
3:      j 3b
