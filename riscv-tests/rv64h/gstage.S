/* rv64h/gstage: two-stage translation (privileged spec 20211203, 8.5
 * "Two-Stage Address Translation", 8.6.3 for htinst/mtinst): a guest's Sv39
 * over Sv39x4 and Sv48x4; guest-page faults 20/21/23 with mtval = guest
 * virtual address, mtval2 = guest physical address >> 2 (or 0: the spec
 * allows it), GVA = 1, mtinst 0 or the transformed instruction, and for an
 * implicit VS-stage PTE access the pseudoinstructions 0x3000 (read) and
 * 0x3020 (write, a hardware A/D update); G-stage leaves need U = 1;
 * hardware A/D updating at both stages (this test expects it: Pagoda's
 * default --ad=hw and QEMU 7.2 both update; under Svade these cases would
 * raise page faults instead); guest physical addresses of 41 bits and more
 * fault under Sv39x4, not under Sv48x4; hfence.gvma and hfence.vvma make
 * changed tables visible; VMID-tagged translations: two VMIDs with
 * different G-stage tables for one GPA see different data when hgatp is
 * switched without a fence.  Traps stay in M (medeleg = 0).
 * pagoda-args: -cpu max
 * qemu-check: cpu rv64,h=true */
#include "h.h"

/* Layout.  VS stage (vs_root, Sv39): VA 0x80000000.. = GPA (gigapage, RWX,
 * U = 0) for the code; TVA(i) = 0x40000000 + i * 4 KiB through vs_l1[0] ->
 * vs_l0.  G stage (g_root, Sv39x4): GPA 0x80000000.. = PA (gigapage, U = 1)
 * and TGPA(i) = 0x1_0000_0000 + i * 4 KiB through g_root[4] -> g_l1 ->
 * g_l0.  So vs_l0[i] names a GPA and g_l0[i] names the page behind TGPA(i). */
#define TVA(i)   (0x40000000 + (i) * 4096)
#define TGPA(i)  (0x100000000 + (i) * 4096)
#define VS_RW    0xc7           /* V R W A D */
#define VS_RWX   0xcf
#define VS_RW_NOAD 0x07         /* V R W, A = D = 0 */
#define G_RWXU   0xdf           /* V R W X U A D */
#define G_RWX_NOU 0xcf          /* U = 0 */
#define G_RWU_NOAD 0x17         /* V R W U, A = D = 0 */
#define G_RU     0x53           /* V R U A: read-only */
#define VAL_A 0xaaaa00000000000a
#define VAL_B 0xbbbb00000000000b
#define VAL_C 0xcccc00000000000c

/* reg = a PTE for the physical page at label */
#define PTE_AT(reg, label, flags) \
        la reg, label; srli reg, reg, 12; slli reg, reg, 10; ori reg, reg, flags;
/* reg = a PTE for guest physical address gpa */
#define PTE_GPA(reg, gpa, flags) li reg, (((gpa) >> 12) << 10) | (flags);
/* vs_l0[i] = VS PTE -> gpa;  g_l0[i] = G PTE -> label */
#define VS_MAP(i, gpa, flags) PTE_GPA(t0, gpa, flags); la t1, vs_l0; sd t0, (i) * 8(t1);
#define G_MAP(i, label, flags) PTE_AT(t0, label, flags); la t1, g_l0; sd t0, (i) * 8(t1);
#define G_MAP2(i, label, flags) PTE_AT(t0, label, flags); la t1, g_l0_2; sd t0, (i) * 8(t1);
/* hgatp = mode | vmid | root's PPN */
#define HGATP(mode, vmid, root) \
        la t0, root; srli t0, t0, 12; li t1, ((mode) << 60) | ((vmid) << 44); or t0, t0, t1; csrw hgatp, t0;
/* the mtinst values allowed for a plain `ld a0, 0(t1)` / `sd a0, 0(t1)`:
 * zero or the transformed instruction (rs1 and offset zeroed, 8.6.3) */
#define TINST_LD_A0 0x00003503
#define TINST_SD_A0 0x00a03023
/* fail unless s9 (mtinst) is 0 or `value` */
#define CHECK_TINST_0_OR(value) beqz s9, 1f; CHECK(s9, value); 1:

        RVTEST_CODE_BEGIN
        H_INIT
        /* the pages' contents */
        la t0, pageA; li t1, VAL_A; sd t1, 0(t0)
        la t0, pageB; li t1, VAL_B; sd t1, 0(t0)
        la t0, pageC; li t1, VAL_C; sd t1, 0(t0)
        /* VS stage */
        la a0, vs_root
        PTE_GPA(t0, 0x80000000, VS_RWX); sd t0, 2 * 8(a0)
        PTE_AT(t0, vs_l1, 1); sd t0, 1 * 8(a0)
        la a0, vs_l1
        PTE_AT(t0, vs_l0, 1); sd t0, 0(a0)
        /* vs_l1[1] (VA 0x40200000..): a table at TGPA(3), which the G stage does not map */
        PTE_GPA(t0, TGPA(3), 1); sd t0, 1 * 8(a0)
        /* vs_l1[2] (VA 0x40400000..): table vs_l0b seen at TGPA(10), G-stage read-only */
        PTE_GPA(t0, TGPA(10), 1); sd t0, 2 * 8(a0)
        la t0, vs_root; srli t0, t0, 12; li t1, 8 << 60; or t0, t0, t1; csrw vsatp, t0
        /* G stage, Sv39x4 (VMID 1) and a second root for VMID 2 */
        la a0, g_root
        PTE_GPA(t0, 0x80000000, G_RWXU); sd t0, 2 * 8(a0)
        PTE_AT(t0, g_l1, 1); sd t0, 4 * 8(a0)
        la a0, g_l1; PTE_AT(t0, g_l0, 1); sd t0, 0(a0)
        la a0, g_root2
        PTE_GPA(t0, 0x80000000, G_RWXU); sd t0, 2 * 8(a0)
        PTE_AT(t0, g_l1_2, 1); sd t0, 4 * 8(a0)
        la a0, g_l1_2; PTE_AT(t0, g_l0_2, 1); sd t0, 0(a0)
        /* Sv48x4: g48_root[0] and [4] -> g48_l2: [2] identity, [4] -> g_l1 */
        la a0, g48_root
        PTE_AT(t0, g48_l2, 1); sd t0, 0(a0); sd t0, 4 * 8(a0)
        la a0, g48_l2
        PTE_GPA(t0, 0x80000000, G_RWXU); sd t0, 2 * 8(a0)
        PTE_AT(t0, g_l1, 1); sd t0, 4 * 8(a0)
        HGATP(8, 1, g_root)
        hfence.gvma
        hfence.vvma

        /* 2: both stages map TVA(0) -> TGPA(0) -> pageA */
        VS_MAP(0, TGPA(0), VS_RW)
        G_MAP(0, pageA, G_RWXU)
        TEST_CASE(2, a0, VAL_A, li a0, 0; RUN_IN(M_S, 1, li t1, TVA(0); ld a0, 0(t1)))
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        /* 4: G stage does not map TGPA(1): load guest-page fault (21);
         * mtval = the guest VA, mtval2 = TGPA(1) >> 2 or 0, GVA = 1, MPV = 1,
         * mtinst 0 or the transformed load.  QEMU 7.2 gives mtval2 = the
         * GPA >> 2 and mtinst = 0 in cases 4-6 */
        VS_MAP(1, TGPA(1) + 0, VS_RW)
        TEST_CASE(4, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, TVA(1) + 0x18; ld a0, 0(t1)))
        EXPECT_TRAP(CAUSE_LOAD_GPF, 3)
        CHECK(s3, TVA(1) + 0x18)
        beqz s8, 2f
        CHECK(s8, (TGPA(1) + 0x18) >> 2)
2:      CHECK_BITS(s11, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA | MSTATUS_MPV)
        CHECK_TINST_0_OR(TINST_LD_A0)
        /* 5: a store there: 23 */
        TEST_CASE(5, s2, CAUSE_STORE_GPF, RUN_IN(M_S, 1, li t1, TVA(1) + 0x20; sd a0, 0(t1)))
        CHECK(s3, TVA(1) + 0x20)
        beqz s8, 2f
        CHECK(s8, (TGPA(1) + 0x20) >> 2)
2:      CHECK_TINST_0_OR(TINST_SD_A0)
        /* 6: a fetch there: 20, mtinst 0 (no transformation exists for fetches) */
        VS_MAP(2, TGPA(2), VS_RWX)
        TEST_CASE(6, s2, CAUSE_FETCH_GPF, RUN_IN(M_S, 1, li t1, TVA(2) + 0x40; jalr t1))
        CHECK(s3, TVA(2) + 0x40)
        beqz s8, 2f
        CHECK(s8, (TGPA(2) + 0x40) >> 2)
2:      CHECK(s9, 0)
        CHECK_BITS(s11, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA | MSTATUS_MPV)

        /* 7: an implicit VS-stage PTE read that faults in the G stage: the
         * fault has the original access type (load, 21), mtval = the VA,
         * mtval2 = the PTE's GPA >> 2 or 0; with a nonzero mtval2 mtinst
         * must be the pseudoinstruction 0x3000 (64-bit read for VS-stage
         * translation); QEMU 7.2 gives mtval2 = the GPA >> 2 and 0x3000 */
        TEST_CASE(7, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, 0x40200000 + 5 * 4096; ld a0, 0(t1)))
        EXPECT_TRAP(CAUSE_LOAD_GPF, 3)
        CHECK(s3, 0x40200000 + 5 * 4096)
        beqz s8, 2f
        CHECK(s8, (TGPA(3) + 5 * 8) >> 2)
        CHECK(s9, 0x3000)
2:      CHECK_BITS(s11, MSTATUS_GVA, MSTATUS_GVA)
        /* 8: a store through it is reported as a store (23), still 0x3000
         * (a read); QEMU 7.2 reports a load guest-page fault (21) */
#ifndef PAGODA_QEMU_EXIT
        TEST_CASE(8, s2, CAUSE_STORE_GPF, RUN_IN(M_S, 1, li t1, 0x40200000; sd a0, 0(t1)))
        beqz s8, 2f
        CHECK(s9, 0x3000)
2:
#endif
        /* 9: an implicit write: the VS PTE (A = 0) sits in a table that the
         * G stage maps read-only, so setting its A bit faults: reported as
         * the load (21) with the pseudoinstruction 0x3020 (64-bit write for
         * VS-stage translation) when mtval2 is nonzero; A stays 0 */
#ifndef PAGODA_QEMU_EXIT
        /* (QEMU 7.2 sets the A bit through the read-only G-stage mapping:
         * no fault) */
        G_MAP(10, vs_l0b, G_RU)
        PTE_GPA(t0, TGPA(0), VS_RW_NOAD); la t1, vs_l0b; sd t0, 0(t1)
        TEST_CASE(9, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, 0x40400000; ld a0, 0(t1)))
        CHECK(s3, 0x40400000)
        beqz s8, 2f
        CHECK(s8, TGPA(10) >> 2)
        CHECK(s9, 0x3020)
2:      la t1, vs_l0b; ld t0, 0(t1)     /* A stayed 0 */
        CHECK_BITS(t0, 0x40, 0)
#endif

        /* 10: a G-stage leaf with U = 0 faults: every G-stage access is a
         * user access ("Guest Physical Address Translation") */
        VS_MAP(4, TGPA(4), VS_RW)
        G_MAP(4, pageB, G_RWX_NOU)
        TEST_CASE(10, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, TVA(4); ld a0, 0(t1)))
        EXPECT_TRAP(CAUSE_LOAD_GPF, 3)

        /* 11: A and D set by hardware at both stages on a store: the VS
         * PTE and the G-stage PTE both start with A = D = 0 */
        VS_MAP(5, TGPA(5), VS_RW_NOAD)
        G_MAP(5, pageC, G_RWU_NOAD)
        TEST_CASE(11, a0, VAL_B, li a0, VAL_B; RUN_IN(M_S, 1, li t1, TVA(5); sd a0, 0(t1)); la t1, pageC; ld a0, 0(t1))
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        TEST_CASE(12, a0, 0xc0, la t1, vs_l0; ld a0, 5 * 8(t1); andi a0, a0, 0xc0)
        TEST_CASE(13, a0, 0xc0, la t1, g_l0; ld a0, 5 * 8(t1); andi a0, a0, 0xc0)
        /* 14: a load sets A only, at both stages */
        VS_MAP(6, TGPA(6), VS_RW_NOAD)
        G_MAP(6, pageC, G_RWU_NOAD)
        TEST_CASE(14, a0, 0x40, RUN_IN(M_S, 1, li t1, TVA(6); ld a0, 0(t1)); la t1, vs_l0; ld a0, 6 * 8(t1); andi a0, a0, 0xc0)
        TEST_CASE(15, a0, 0x40, la t1, g_l0; ld a0, 6 * 8(t1); andi a0, a0, 0xc0)

        /* 16: a GPA of 42 bits faults under Sv39x4 (bits 63:41 must be zero);
         * mtval2, when given, is that GPA >> 2 */
        VS_MAP(7, (1 << 41) + 0x80000000, VS_RW)
        TEST_CASE(16, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, TVA(7) + 8; ld a0, 0(t1)))
        EXPECT_TRAP(CAUSE_LOAD_GPF, 3)
        beqz s8, 2f
        CHECK(s8, ((1 << 41) + 0x80000008) >> 2)
2:
        /* 17: under Sv48x4 the same GPA maps (g48_root[4] -> g48_l2), to the
         * test image: TVA(7) reads the first dword of the image's page
         * at 0x80000000 */
        HGATP(9, 1, g48_root)
        hfence.gvma
        li t0, 0x80000000
        ld a1, 8(t0)
        TEST_CASE(17, a0, 1, RUN_IN(M_S, 1, li t1, TVA(7) + 8; ld a0, 0(t1)); sub a0, a0, a1; seqz a0, a0)
        EXPECT_DONE(CAUSE_ECALL_VS, 3)
        /* 18: and TVA(0) -> TGPA(0) -> pageA through the shared g_l1 */
        TEST_CASE(18, a0, VAL_A, RUN_IN(M_S, 1, li t1, TVA(0); ld a0, 0(t1)))
        /* 19: a GPA of 50 bits faults under Sv48x4 */
        VS_MAP(8, (1 << 50) + 0x80000000, VS_RW)
        TEST_CASE(19, s2, CAUSE_LOAD_GPF, RUN_IN(M_S, 1, li t1, TVA(8); ld a0, 0(t1)))
        EXPECT_TRAP(CAUSE_LOAD_GPF, 3)
        HGATP(8, 1, g_root)
        hfence.gvma

        /* 20: hfence.gvma makes a changed G-stage leaf visible */
        VS_MAP(9, TGPA(9), VS_RW)
        G_MAP(9, pageA, G_RWXU)
        hfence.gvma
        TEST_CASE(20, a0, VAL_A, RUN_IN(M_S, 1, li t1, TVA(9); ld a0, 0(t1)))
        G_MAP(9, pageB, G_RWXU)
        li t0, TGPA(9) >> 2
        hfence.gvma t0, zero            /* this GPA only */
        TEST_CASE(21, a0, VAL_B, RUN_IN(M_S, 1, li t1, TVA(9); ld a0, 0(t1)))
        /* 22: hfence.vvma makes a changed VS-stage leaf visible: TVA(9) -> TGPA(0) (pageA) */
        VS_MAP(9, TGPA(0), VS_RW)
        li t0, TVA(9)
        hfence.vvma t0, zero
        TEST_CASE(22, a0, VAL_A, RUN_IN(M_S, 1, li t1, TVA(9); ld a0, 0(t1)))

        /* 23: VMIDs: g_root (VMID 1) and g_root2 (VMID 2) map TGPA(11) to
         * pageA and pageC; each VMID sees its own page when hgatp is
         * switched with no fence in between (each VMID's tables fenced
         * once, after they were written) */
        la t0, pageC; li t1, VAL_C; sd t1, 0(t0)     /* case 11 wrote VAL_B there */
        VS_MAP(11, TGPA(11), VS_RW)
        G_MAP(11, pageA, G_RWXU)
        G_MAP2(11, pageC, G_RWXU)
        hfence.vvma
        li t0, 1
        hfence.gvma zero, t0
        li t0, 2
        hfence.gvma zero, t0
        li a1, TVA(11)
        TEST_CASE(23, a0, VAL_A, HGATP(8, 1, g_root); RUN_IN(M_S, 1, ld a0, 0(a1)))
        TEST_CASE(24, a0, VAL_C, HGATP(8, 2, g_root2); RUN_IN(M_S, 1, ld a0, 0(a1)))
        TEST_CASE(25, a0, VAL_A, HGATP(8, 1, g_root); RUN_IN(M_S, 1, ld a0, 0(a1)))
        TEST_CASE(26, a0, VAL_C, HGATP(8, 2, g_root2); RUN_IN(M_S, 1, ld a0, 0(a1)))
        HGATP(8, 1, g_root)
        csrw vsatp, zero

        TEST_PASSFAIL

        H_HANDLERS
        RVTEST_CODE_END

        .data
        RVTEST_DATA_BEGIN
        .align 14
g_root:   .skip 16384
g_root2:  .skip 16384
g48_root: .skip 16384
g48_l2:   .skip 4096
g_l1:     .skip 4096
g_l0:     .skip 4096
g_l1_2:   .skip 4096
g_l0_2:   .skip 4096
vs_root:  .skip 4096
vs_l1:    .skip 4096
vs_l0:    .skip 4096
vs_l0b:   .skip 4096
pageA:    .skip 4096
pageB:    .skip 4096
pageC:    .skip 4096
        RVTEST_DATA_END
