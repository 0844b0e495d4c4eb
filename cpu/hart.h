/* One RV64GC hart: architectural state, CSRs, and the interface that the
 * instruction handlers use (memory access, traps, FP state). */
#ifndef PAGODA_HART_H
#define PAGODA_HART_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../mmu/mmu.h"
#include "../mmu/mmu_fast.h"
#include "decode.h"
#include "hpm.h"
#include "isa.h"
#include "trigger.h"

/* Exception causes (privileged spec, table "Machine cause register values"). */
enum {
    EXC_INSN_MISALIGNED = 0, EXC_INSN_ACCESS = 1, EXC_ILLEGAL = 2, EXC_BREAKPOINT = 3,
    EXC_LOAD_MISALIGNED = 4, EXC_LOAD_ACCESS = 5, EXC_STORE_MISALIGNED = 6,
    EXC_STORE_ACCESS = 7, EXC_ECALL_U = 8, EXC_ECALL_S = 9, EXC_ECALL_M = 11,
    EXC_INSN_PAGE = 12, EXC_LOAD_PAGE = 13, EXC_STORE_PAGE = 15,
    /* the H extension's */
    EXC_ECALL_VS = 10, EXC_INSN_GUEST_PAGE = 20, EXC_LOAD_GUEST_PAGE = 21, EXC_VIRTUAL_INSN = 22,
    EXC_STORE_GUEST_PAGE = 23,
};
/* Interrupt numbers (bit positions in mip/mie); VS* and SGEI with H. */
enum {
    IRQ_SSI = 1, IRQ_VSSI = 2, IRQ_MSI = 3, IRQ_STI = 5, IRQ_VSTI = 6, IRQ_MTI = 7, IRQ_SEI = 9, IRQ_VSEI = 10,
    IRQ_MEI = 11, IRQ_SGEI = 12,
};
#define MIP_VS_BITS ((1ull << IRQ_VSSI) | (1ull << IRQ_VSTI) | (1ull << IRQ_VSEI))

/* mstatus fields */
#define MSTATUS_SIE  (1ull << 1)
#define MSTATUS_MIE  (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_UBE  (1ull << 6)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP  (1ull << 8)
#define MSTATUS_VS   (3ull << 9)
#define MSTATUS_MPP  (3ull << 11)
#define MSTATUS_FS   (3ull << 13)
#define MSTATUS_XS   (3ull << 15)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM  (1ull << 18)
#define MSTATUS_MXR  (1ull << 19)
#define MSTATUS_TVM  (1ull << 20)
#define MSTATUS_TW   (1ull << 21)
#define MSTATUS_TSR  (1ull << 22)
#define MSTATUS_UXL  (3ull << 32)
#define MSTATUS_SXL  (3ull << 34)
#define MSTATUS_GVA  (1ull << 38)
#define MSTATUS_MPV  (1ull << 39)
#define MSTATUS_SD   (1ull << 63)

/* hstatus fields (privileged spec, "Hypervisor Status Register (hstatus)") */
#define HSTATUS_GVA  (1ull << 6)
#define HSTATUS_SPV  (1ull << 7)
#define HSTATUS_SPVP (1ull << 8)
#define HSTATUS_HU   (1ull << 9)
#define HSTATUS_VTVM (1ull << 20)
#define HSTATUS_VTW  (1ull << 21)
#define HSTATUS_VTSR (1ull << 22)
#define HSTATUS_VSXL (3ull << 32)

/* menvcfg / senvcfg fields (privileged spec, "Machine Environment
 * Configuration Register"; STCE, PBMTE and ADUE exist in menvcfg only) */
#define ENVCFG_FIOM  (1ull << 0)
#define ENVCFG_CBIE  (3ull << 4)  /* cbo.inval: 00 illegal, 01 flush, 11 invalidate; 10 reserved */
#define ENVCFG_CBCFE (1ull << 6)  /* cbo.clean, cbo.flush */
#define ENVCFG_CBZE  (1ull << 7)  /* cbo.zero */
#define ENVCFG_ADUE  (1ull << 61)
#define ENVCFG_PBMTE (1ull << 62)
#define ENVCFG_STCE  (1ull << 63)

/* The cache-block size of Zicbom, Zicboz and Zicbop (riscv,cbo*-block-size
 * in the device tree, as QEMU's default) */
#define CBO_BLOCK_SIZE 64

/* fflags bits */
#define FFLAG_NX 1
#define FFLAG_UF 2
#define FFLAG_OF 4
#define FFLAG_DZ 8
#define FFLAG_NV 16

/* Rounding modes */
enum { RM_RNE = 0, RM_RTZ = 1, RM_RDN = 2, RM_RUP = 3, RM_RMM = 4, RM_DYN = 7 };

/* Decoded blocks (docs/PERFORMANCE.md, "the dispatch"): straight-line runs
 * of instructions within one 4 KiB page, ending after the first instruction
 * for which insn_ends_block() holds, or at BLOCK_MAX instructions, or before
 * an instruction that would cross the page.  Cached per hart, direct-mapped
 * by the physical address of the first instruction, and used only while the
 * code bytes in memory are still the bytes decoded.  That is checked when a
 * block is entered unless nothing can have written memory since the block
 * was last checked: the hart's code epoch moves when hart_run starts (other
 * harts and devices ran in between), before every block that may write
 * memory (insn_writes_memory) and for every single-stepped instruction. */
#define BLOCK_BITS 12 /* 4 Ki blocks */
#define BLOCK_MAX 16

struct __attribute__((aligned(64))) block {
    uint64_t tag;                /* ~(physical address of the first instruction); 0 = empty */
    uint16_t n;                  /* instructions, 1..BLOCK_MAX */
    uint16_t bytes;              /* bytes of code covered */
    uint16_t end;                /* page offset just after the last instruction (<= 4096) */
    uint8_t words;               /* 8-byte words to compare; 0: compare bytes (page end) */
    uint8_t writes;              /* 1 when an instruction may write memory */
    uint64_t epoch;              /* the hart's code_epoch when last checked */
    uint64_t last_mask;          /* the bytes of the last word that are code */
    uint64_t code[BLOCK_MAX / 2]; /* the code bytes that were decoded, zero-padded */
    struct insn insn[BLOCK_MAX + 1]; /* insn[n] is the end marker (see HART_NEXT) */
};

struct hart_config {
    uint64_t ext;           /* -cpu: the extensions (isa.h); 0 = ISA_RV64, the default */
    bool misaligned_trap;   /* --misaligned=trap */
    bool ad_fault;          /* --ad=fault: Svade behaviour */
    bool svadu;             /* --ad=svadu (or Svadu in ext): Svadu offered, menvcfg.ADUE selects (reset: Svade) */
    unsigned max_satp_mode; /* SATP_SV39, SATP_SV48 or SATP_SV57 (--mmu) */
    int pmp_entries;        /* 0 = default 16 */
};

struct hart;
/* What a tool watching a hart (the TLB view; later traces and debuggers)
 * is told.  h->watch is NULL when nothing watches, which is the usual case:
 * the hooks sit on the trap and fence paths, never on the hot loop. */
struct hart_watch {
    void *ctx;
    /* a trap is about to be taken from privilege h->priv at h->pc (the
     * registers still hold what the trapping code left: an ecall's a0-a7) */
    void (*trap)(void *ctx, struct hart *h, uint64_t cause, uint64_t tval);
    /* an sfence.vma / sinval.vma was performed (rs1 != x0: has_va; rs2 != x0: has_asid) */
    void (*fence)(void *ctx, struct hart *h, bool has_va, uint64_t va, bool has_asid, uint16_t asid);
};

/* A tool that follows every instruction (the commit log, --log-commits).
 * h->step_hook is NULL unless one does; while it is set the hart runs one
 * instruction at a time through its single-step path, as under --trace,
 * and decoded blocks are not used: nothing of it is on the hot loop.  A
 * tool that sets it keeps the hook it replaces, calls that one too, and
 * puts it back when it is done. */
struct hart_step_hook {
    void *ctx;
    /* instruction d is about to run at h->pc in privilege h->priv */
    void (*before)(void *ctx, struct hart *h, const struct insn *d);
    /* it ran: retired (h->pc and h->instret have moved on), or it raised
     * an exception, which is about to be taken (h->exc_cause, h->exc_tval) */
    void (*after)(void *ctx, struct hart *h, const struct insn *d, bool retired);
};

struct hart {
    uint64_t x[32];
    uint64_t f[32];          /* NaN-boxed single values live in the low 32 bits */
    uint64_t pc;
    uint64_t next_pc;        /* set by the handler: pc + len, or a jump target */
    uint8_t priv;            /* PRIV_U, PRIV_S, PRIV_M: the nominal privilege */
    bool virt;               /* the H extension's V: with priv, VS (S) or VU (U) */
    bool wfi;                /* sleeping in wfi until an interrupt is pending */
    union {
        struct {
            bool trap_pending; /* a handler raised an exception */
            bool irq_check;    /* re-evaluate pending interrupts before next insn */
        };
        uint16_t block_exit;   /* either: leave the block after this instruction */
    };
    FILE *trace;             /* --trace: one line per executed instruction */

    uint32_t hartid;
    uint64_t instret;        /* instructions retired (raw count) */
    /* mcycle/minstret = instret - base, or the frozen value while inhibited */
    uint64_t cycle_base, instret_base, cycle_frozen, instret_frozen;

    /* pending exception (valid while trap_pending); with H also what goes
     * to htval/mtval2 (a guest physical address >> 2), htinst/mtinst, and
     * whether tval is a guest virtual address (hstatus.GVA, mstatus.GVA) */
    uint64_t exc_cause, exc_tval, exc_tval2, exc_tinst;
    bool exc_gva;
    bool csr_virtual;        /* csr_read/csr_write refused with a virtual-instruction exception */

    /* CSRs */
    uint64_t mstatus, misa, medeleg, mideleg, mie, mip, mtvec, mscratch, mepc, mcause, mtval;
    uint64_t stvec, sscratch, sepc, scause, stval, satp;
    uint64_t mcounteren, scounteren, mcountinhibit, menvcfg, senvcfg;
    uint64_t stimecmp;
    /* the H extension (hyp.c): HS-level and VS-level CSRs */
    uint64_t hstatus, hedeleg, hideleg, hvip, hcounteren, htval, htinst, hgatp, henvcfg, htimedelta;
    uint64_t vsstatus, vstvec, vsscratch, vsepc, vscause, vstval, vsatp, vstimecmp;
    uint64_t mtval2, mtinst;
    uint32_t fcsr;           /* frm in 7:5, fflags in 4:0 */
    uint64_t mhpmevent[32];

    /* LR/SC reservation (physical address; valid flag) */
    uint64_t resv_addr;
    bool resv_valid;

    /* Interrupt lines driven by the platform (MEIP, SEIP from the PLIC, MTIP
     * and MSIP from the CLINT); merged into mip on read. */
    uint64_t mip_ext;
    /* machine time, read by the time CSR; supplied by the platform */
    const uint64_t *mtime;

    struct hart_config cfg;
    uint64_t ext;            /* the extensions it implements, with isa_effective's derived bits */
    struct phys_mem *pm;
    struct pmp pmp;
    struct mmu *mmu;

    /* fetch page cache: translation of the page the pc is in */
    uint64_t fetch_vpage;    /* virtual page base, or ~0 when invalid */
    uint8_t *fetch_host;     /* host pointer of the page (NULL: not RAM) */
    uint64_t fetch_ppage;
    uint64_t fetch_gen;      /* *mmu_gen when filled */
    const uint64_t *mmu_gen; /* mmu_fetch_generation_ptr(): changes when an L1I entry goes or PMP changes */
    /* loads and stores go straight to RAM: effective privilege M and no
     * PMP entry that could refuse an aligned access (hart_update_mem_mode) */
    bool mem_direct;
    struct mmu_req xlate_req; /* the translation context of loads and stores (MPRV applied) */

    /* statistics */
    uint64_t n_exceptions, n_interrupts;

    /* hooks for the platform */
    void *platform;
    /* called after every satp write (--tlb-flush=peer flushes the TLB here) */
    void (*satp_write_hook)(struct hart *h);
    const struct hart_watch *watch; /* NULL: nothing watches */

    struct block *blocks;    /* 1 << BLOCK_BITS decoded blocks */
    const struct insn *cur;  /* the instruction running in the current block */
    uint64_t slow_val;       /* hart_load's slow-path result */
    struct insn cut[BLOCK_MAX + 1]; /* the head of a block cut short by the budget */
    uint64_t spin_pc;        /* the loop whose spin-wait last ended a turn (block_loop) */
    uint64_t code_epoch;     /* see struct block */
    const struct hart_step_hook *step_hook; /* NULL: nothing follows each instruction */
    struct hpm_counter hpm[32];  /* mhpmcounter/mhpmevent 3..31 (hpm.h); 0..2 unused */
    struct hart_triggers trig;   /* Sdtrig (trigger.h); armed: every instruction takes the step path */
};

void hart_init(struct hart *h, uint32_t hartid, struct phys_mem *pm, const struct hart_config *cfg,
               struct mmu *mmu);
void hart_free(struct hart *h);
void hart_reset(struct hart *h, uint64_t pc);

/* Run up to n instructions; stops early when the hart sleeps in wfi.
 * Returns the number of instructions retired. */
uint64_t hart_run(struct hart *h, uint64_t n);

/* Enter the trap handler now (cause bit 63 = interrupt). */
void hart_trap(struct hart *h, uint64_t cause, uint64_t tval);
/* Forget the cached translation of the fetch page. */
void hart_flush_fetch(struct hart *h);

/* Raise an exception from a handler: the instruction does not retire. */
void hart_raise(struct hart *h, uint64_t cause, uint64_t tval);
void hart_illegal(struct hart *h, const struct insn *d);
/* The H extension's virtual-instruction exception (cause 22, tval = the
 * instruction's bits, as for an illegal instruction). */
void hart_virtual_insn(struct hart *h, const struct insn *d);
/* The exception of a translation that failed with res (x: its guest
 * physical address, for a guest-page fault), tval = va. */
void hart_raise_xlate(struct hart *h, enum mmu_result res, enum mmu_access acc, uint64_t va,
                      const struct mmu_xlate *x);
/* The translation context of an access with nominal privilege priv and
 * virtualization mode virt (hyp.c fills the VS/G-stage part). */
struct mmu_req hart_mmu_req(const struct hart *h, unsigned priv, bool virt);

/* The end of every handler of an instruction that can be followed by
 * another in its block (all but jumps, branches, SYSTEM and MISC-MEM):
 * unless the instruction trapped or asked for an interrupt check, go on
 * with the next one in the block by a tail call (threaded dispatch: one
 * indirect jump per instruction, no return to a loop).  The block ends
 * with a marker instruction whose handler returns.  A handler that raises
 * an exception may simply return.  h->cur tells the loop which
 * instruction was running when the chain returned. */
#define HART_NEXT(h, d)                              \
    do {                                             \
        (h)->x[0] = 0;                               \
        if (__builtin_expect((h)->block_exit, 0))    \
            return;                                  \
        (h)->cur = (d) + 1;                          \
        (d)[1].fn((h), (d) + 1);                     \
    } while (0)

/* HART_NEXT for a handler that can neither trap nor ask for an interrupt
 * check (integer computation: exec.c's OP): block_exit was clear when it
 * began, so it still is. */
#define HART_NEXT_PURE(h, d)                         \
    do {                                             \
        (h)->x[0] = 0;                               \
        (h)->cur = (d) + 1;                          \
        (d)[1].fn((h), (d) + 1);                     \
    } while (0)

/* The pc of instruction d, for the handlers that need it (auipc, jumps,
 * branches, ebreak).  While a decoded block runs, h->pc holds the pc of the
 * block's first instruction, which shares its 4 KiB page with every
 * instruction of the block; d->pcoff is the offset in that page.  (h->pc is
 * exact between blocks, when a trap is taken and in the one-step loop.) */
static inline uint64_t hart_pc(const struct hart *h, const struct insn *d)
{
    return (h->pc & ~0xfffull) | d->pcoff;
}

/* Guest virtual memory, with translation, PMP, misalignment rules.  Return
 * false after raising the exception. */
bool hart_load_slow(struct hart *h, uint64_t va, unsigned size, uint64_t *val);
bool hart_store_slow(struct hart *h, uint64_t va, unsigned size, uint64_t val);
/* Recompute mem_direct and xlate_req (and tell the MMU's fast path) after a change of mstatus,
 * satp, menvcfg, PMP or the privilege. */
void hart_update_mem_mode(struct hart *h);
/* After a privilege change (trap, xRET): drop the fetch page, look at
 * interrupts again, recompute the data-access mode. */
void hart_priv_changed(struct hart *h);

/* The fast path of a load or store: the host address of an aligned access
 * of size bytes at va when it needs nothing else (M-mode RAM with PMP out of
 * play, or an L1 data TLB hit answered by mmu_fast.h); NULL otherwise, and
 * then hart_miss_ptr and hart_access_rest (the handlers), or
 * hart_load_slow/hart_store_slow, do the rest.  Aligned and at most 8
 * bytes, so in RAM when its first byte is (RAM sizes are multiples of
 * 1 MiB). */
static inline uint8_t *hart_mem_ptr(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc)
{
    if (__builtin_expect(va & (size - 1), 0)) return NULL;
    if (h->mem_direct) {
        uint64_t off = va - h->pm->ram_base;
        if (__builtin_expect(off >= h->pm->ram_size, 0)) return NULL;
        uint8_t *p = h->pm->ram + off;
        if (p == NULL) __builtin_unreachable(); /* a host address */
        return p;
    }
    return mmu_fast_lookup(h->mmu, va, acc);
}

/* The read (into *val) or write (of *val) of size bytes at host address p. */
static inline void hart_host_access(uint8_t *p, unsigned size, enum mmu_access acc, uint64_t *val)
{
    if (acc == MMU_STORE) phys_write_host(p, size, *val);
    else *val = phys_read_host(p, size);
}

/* A misaligned access made byte by byte: byte i of the value is at host
 * address hp[i] (the bytes translated one at a time). */
void hart_bytes_access(uint8_t *const *hp, unsigned size, enum mmu_access acc, uint64_t *val);

/* An aligned access under translation that the MMU's data path did not
 * answer: the general translation (a fault, MMIO, an A/D update, ...). */
bool hart_access_general(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *val);

/* A handler's slow path, first part, inline and without a call: the host
 * address of the aligned access under translation that hart_mem_ptr did not
 * answer, when the MMU's data path gives it at once (mmu_data_ptr_first);
 * otherwise NULL or MMU_DATA_AGAIN (0 or 1), having changed nothing, and
 * the handler goes on with hart_access_rest.  *l1_hit as
 * mmu_data_ptr_first sets it. */
static inline __attribute__((always_inline)) uint8_t *hart_miss_ptr(struct hart *h, uint64_t va, unsigned size,
                                                                    enum mmu_access acc, bool *l1_hit)
{
    if (__builtin_expect(!(va & (size - 1)) && !h->mem_direct, 1))
        return mmu_data_ptr_first(h->mmu, va, acc, l1_hit);
    return NULL;
}

/* The rest of the load (into *val) or store (of *val) of size bytes at va
 * after hart_miss_ptr returned first (not a host address): the data path
 * with calls, then the general translation, or (misaligned, M-mode RAM)
 * hart_load_slow / hart_store_slow.  False when it trapped.  *data_path is
 * set when the data path answered without an L1D hit, as hart_miss_ptr
 * does for the accesses that keep missing the fast path (exec.c). */
static inline __attribute__((always_inline)) bool hart_access_rest(struct hart *h, uint64_t va, unsigned size,
                                                                   enum mmu_access acc, const uint8_t *first,
                                                                   uint64_t *val, bool *data_path)
{
    if (first == MMU_DATA_AGAIN) {
        bool l1_hit = false;
        uint8_t *p = mmu_data_ptr_again(h->mmu, va, acc, &l1_hit);
        if (p) {
            hart_host_access(p, size, acc, val);
            *data_path = !l1_hit;
            return true;
        }
    } else if ((va & (size - 1)) || h->mem_direct) {
        return acc == MMU_STORE ? hart_store_slow(h, va, size, *val) : hart_load_slow(h, va, size, val);
    }
    return hart_access_general(h, va, size, acc, val); /* the data path did not answer */
}

static inline bool hart_load(struct hart *h, uint64_t va, unsigned size, uint64_t *val)
{
    uint8_t *p = hart_mem_ptr(h, va, size, MMU_LOAD);
    if (__builtin_expect(p != NULL, 1)) {
        *val = phys_read_host(p, size);
        return true;
    }
    /* through h->slow_val, so that the caller's *val never has its address
     * taken (the handler can then end in a tail call, see HART_NEXT) */
    bool ok = hart_load_slow(h, va, size, &h->slow_val);
    *val = h->slow_val;
    return ok;
}

static inline bool hart_store(struct hart *h, uint64_t va, unsigned size, uint64_t val)
{
    uint8_t *p = hart_mem_ptr(h, va, size, MMU_STORE);
    if (__builtin_expect(p != NULL, 1)) {
        phys_write_host(p, size, val);
        return true;
    }
    return hart_store_slow(h, va, size, val);
}
/* For AMOs and LR/SC: translate for a store-class access (faults are store/AMO
 * faults) and return the physical address; requires natural alignment. */
bool hart_amo_translate(struct hart *h, uint64_t va, unsigned size, bool is_lr, uint64_t *pa);

/* CSR access; return false if illegal (caller raises). */
bool csr_read(struct hart *h, unsigned csr, uint64_t *val);
bool csr_write(struct hart *h, unsigned csr, uint64_t val);
/* what csrrs/csrrc modify, given the CSR's read value (mip: software SEIP) */
uint64_t csr_rmw_base(const struct hart *h, unsigned csr, uint64_t read);

/* Floating point helpers for handlers */
/* A/D policy for a translation: Svadu's menvcfg.ADUE when Svadu is offered
 * (Svadu spec: ADUE = 1 hardware update, 0 Svade faults), else --ad. */
static inline bool hart_hw_ad(const struct hart *h)
{
    return h->cfg.svadu ? ((h->menvcfg >> 61) & 1) != 0 : !h->cfg.ad_fault;
}

/* FP is on when mstatus.FS is not Off and, with V = 1, vsstatus.FS is not
 * either (privileged spec, H chapter, "Virtual Supervisor Status Register") */
static inline bool hart_fp_enabled(const struct hart *h)
{
    return (h->mstatus & MSTATUS_FS) != 0 && (!h->virt || (h->vsstatus & MSTATUS_FS) != 0);
}
/* Whether the hart implements extension e (ISA_ZICBOZ...). */
static inline bool hart_has(const struct hart *h, enum isa_ext e) { return (h->ext >> e) & 1; }
static inline void hart_fp_dirty(struct hart *h)
{
    h->mstatus |= MSTATUS_FS | MSTATUS_SD;
    if (h->virt) h->vsstatus |= MSTATUS_FS;
}
/* resolve the rounding mode of an instruction; returns -1 when illegal */
static inline int hart_fp_rm(const struct hart *h, unsigned rm)
{
    if (rm == RM_DYN) rm = (h->fcsr >> 5) & 7;
    return rm <= RM_RMM ? (int)rm : -1;
}
static inline void hart_fp_flags(struct hart *h, unsigned flags) { h->fcsr |= flags & 0x1f; }

/* mideleg's read-only ones: with H, the VS-level interrupts and SGEI
 * (privileged spec, H chapter, "Machine Interrupt Delegation Register") */
static inline uint64_t hart_mideleg_fixed(const struct hart *h)
{
    return hart_has(h, ISA_H) ? MIP_VS_BITS | (1ull << IRQ_SGEI) : 0;
}

/* merged interrupt-pending bits (mip with platform lines) */
uint64_t hart_mip(const struct hart *h);
/* Take a pending, enabled interrupt if any; returns true if one was taken. */
bool hart_check_interrupts(struct hart *h);

void hart_dump(const struct hart *h, FILE *f);

#endif
