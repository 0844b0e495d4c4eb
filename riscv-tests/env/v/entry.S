/* v environment, M-mode boot and the S-mode trap entry (see test.h). */
#define SSTATUS_SPP (1 << 8)

        .section .text.init, "ax", @progbits
        .globl _start
_start:
        la t0, m_trap
        csrw mtvec, t0
        li t0, -1                       /* PMP: everything RWX for S and U */
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0
        /* delegate U-mode exceptions: misaligned 0/4/6, access faults
         * 1/5/7, illegal 2, breakpoint 3, ecall from U 8, page faults 12/13/15 */
        li t0, 0xb1ff
        csrw medeleg, t0
        csrw mideleg, zero
        csrw mie, zero
        li t0, (1 << 13)                /* FS = Initial */
        csrs mstatus, t0
        li t0, (3 << 11)
        csrc mstatus, t0
        li t0, (1 << 11)                /* MPP = S */
        csrs mstatus, t0
        csrwi fcsr, 0
        la t0, s_init
        csrw mepc, t0
        mret

        /* a trap to M-mode: the supervisor itself faulted */
        .align 2
m_trap:
        li t6, (250 << 1) | 1
        la t5, tohost
        sd t6, 0(t5)
1:      j 1b

s_init:
        la sp, sv_stack_top
        csrw sscratch, sp
        la t0, s_trap
        csrw stvec, t0
        call vm_init                    /* builds the page tables, turns satp on */
        la t0, v_layout
        ld t0, 24(t0)                   /* _ustart */
        csrw sepc, t0
        li t0, SSTATUS_SPP
        csrc sstatus, t0
        li sp, 0
        li ra, 0
        sret

        .align 2
s_trap:
        csrrw sp, sscratch, sp
        addi sp, sp, -34*8
        sd x1, 1*8(sp)
        sd x3, 3*8(sp)
        sd x4, 4*8(sp)
        sd x5, 5*8(sp)
        sd x6, 6*8(sp)
        sd x7, 7*8(sp)
        sd x8, 8*8(sp)
        sd x9, 9*8(sp)
        sd x10, 10*8(sp)
        sd x11, 11*8(sp)
        sd x12, 12*8(sp)
        sd x13, 13*8(sp)
        sd x14, 14*8(sp)
        sd x15, 15*8(sp)
        sd x16, 16*8(sp)
        sd x17, 17*8(sp)
        sd x18, 18*8(sp)
        sd x19, 19*8(sp)
        sd x20, 20*8(sp)
        sd x21, 21*8(sp)
        sd x22, 22*8(sp)
        sd x23, 23*8(sp)
        sd x24, 24*8(sp)
        sd x25, 25*8(sp)
        sd x26, 26*8(sp)
        sd x27, 27*8(sp)
        sd x28, 28*8(sp)
        sd x29, 29*8(sp)
        sd x30, 30*8(sp)
        sd x31, 31*8(sp)
        csrr t0, sscratch
        sd t0, 2*8(sp)
        csrr t0, sepc
        sd t0, 32*8(sp)
        mv a0, sp
        call vm_trap
        ld t0, 32*8(sp)
        csrw sepc, t0
        ld t0, 2*8(sp)
        csrw sscratch, t0
        ld x1, 1*8(sp)
        ld x3, 3*8(sp)
        ld x4, 4*8(sp)
        ld x5, 5*8(sp)
        ld x6, 6*8(sp)
        ld x7, 7*8(sp)
        ld x8, 8*8(sp)
        ld x9, 9*8(sp)
        ld x10, 10*8(sp)
        ld x11, 11*8(sp)
        ld x12, 12*8(sp)
        ld x13, 13*8(sp)
        ld x14, 14*8(sp)
        ld x15, 15*8(sp)
        ld x16, 16*8(sp)
        ld x17, 17*8(sp)
        ld x18, 18*8(sp)
        ld x19, 19*8(sp)
        ld x20, 20*8(sp)
        ld x21, 21*8(sp)
        ld x22, 22*8(sp)
        ld x23, 23*8(sp)
        ld x24, 24*8(sp)
        ld x25, 25*8(sp)
        ld x26, 26*8(sp)
        ld x27, 27*8(sp)
        ld x28, 28*8(sp)
        ld x29, 29*8(sp)
        ld x30, 30*8(sp)
        ld x31, 31*8(sp)
        addi sp, sp, 34*8
        csrrw sp, sscratch, sp
        sret

        .pushsection .tohost, "aw", @progbits
        .align 6; .globl tohost; tohost: .dword 0; .size tohost, 8
        .align 6; .globl fromhost; fromhost: .dword 0; .size fromhost, 8
        .popsection

        /* the user layout, as absolute values (the user VA is out of reach
         * of the supervisor's PC-relative addressing) */
        .section .data.v_layout, "aw", @progbits
        .align 3
        .globl v_layout
        .weak test_trap_handler
v_layout:
        .dword _uva_start, _uva_end, _upa_start, _ustart, test_trap_handler

        .section .bss.sv_stack, "aw", @nobits
        .align 12
        .space 8192
sv_stack_top:
