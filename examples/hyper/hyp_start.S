/* The hypervisor's assembly: the M-mode entry at 0x80000000, the M-mode trap
 * catch-all, the HS-mode trap entry that saves and restores the guest's
 * registers around hs_trap(), and the embedded guest image. */

/* _start: every hart enters here in M-mode with a0 = hart id and a1 = the
 * device tree. Hart 0 clears .bss, takes the M stack and calls
 * m_main(a0, a1); other harts sleep. */
        .section .text.init, "ax"
        .globl _start
_start:
        bnez a0, 3f
        la t0, m_trap_entry
        csrw mtvec, t0
        la t0, _bss_start
        la t1, _bss_end
1:      bgeu t0, t1, 2f
        sd zero, 0(t0)
        addi t0, t0, 8
        j 1b
2:      la sp, _m_stack_end
        call m_main
3:      wfi
        j 3b

/* m_trap_entry: a trap into M-mode means something went wrong (everything
 * the hypervisor handles is delegated to HS): report it and stop. */
        .text
        .align 2
m_trap_entry:
        la sp, _m_stack_end
        call m_trap
4:      j 4b

/* enter_hs(entry, sp): leave M-mode for HS-mode (MPP = S, MPV = 0) at
 * entry with stack sp. */
        .globl enter_hs
enter_hs:
        csrw mepc, a0
        mv sp, a1
        li t0, (3 << 11)                /* MPP */
        csrc mstatus, t0
        li t0, (1 << 11)                /* MPP = S */
        csrs mstatus, t0
        li t0, (1 << 39)                /* MPV = 0 (priv. spec, mstatus for H) */
        csrc mstatus, t0
        mret

/* The HS-mode trap entry. While the hypervisor runs, sscratch is 0; while
 * the guest runs, it holds the hypervisor's stack top. So swapping sp with
 * sscratch tells where the trap came from. A trap from the guest saves all
 * 31 registers in a struct guest_regs on the hypervisor's stack, calls
 * hs_trap(regs) and returns to the guest with sret (hstatus.SPV = 1 and
 * sstatus.SPP select VS-mode again). */
        .align 2
        .globl hs_trap_entry
hs_trap_entry:
        csrrw sp, sscratch, sp
        bnez sp, 5f
        /* from HS itself: a bug in the hypervisor */
        csrr sp, sscratch
        call hs_self_trap
6:      j 6b
5:      addi sp, sp, -256
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
        csrrw t0, sscratch, zero        /* guest sp; sscratch = 0 in HS */
        sd t0, 16(sp)
        mv a0, sp
        call hs_trap
        /* fall through: resume the guest with the (possibly changed) registers */
        .globl hs_resume
hs_resume:
        addi t0, sp, 256
        csrw sscratch, t0
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
        ld sp, 16(sp)
        sret

/* enter_guest(regs): first entry into the guest: regs is a struct
 * guest_regs at the top of the hypervisor's stack (sepc, sstatus.SPP and
 * hstatus.SPV already set). */
        .globl enter_guest
enter_guest:
        mv sp, a0
        j hs_resume

/* The guest's image (GUEST_BIN, a raw binary made by objcopy), in the
 * builds that embed one (hyp.c's; hyp_os.c's guest is loaded by the board). */
#ifdef GUEST_BIN
        .section .rodata
        .align 12
        .globl guest_image, guest_image_end
guest_image:
        .incbin GUEST_BIN
guest_image_end:
#endif
