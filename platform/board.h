/* The virt board: RAM, boot ROM, devices, harts and the scheduler that runs
 * them round-robin on one host thread. */
#ifndef PAGODA_BOARD_H
#define PAGODA_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "../cpu/hart.h"

#define BOARD_MAX_HARTS 64
#define BOARD_MAX_DRIVES 8
#define RAM_BASE 0x80000000ull
#define BOOTROM_BASE 0x1000ull
#define KERNEL_OFFSET 0x200000ull /* raw kernels go to RAM_BASE + 2 MiB (fw_jump's address) */

struct drive_opt {
    const char *file;
    bool readonly;
    bool snapshot;
};

struct board_opts {
    unsigned nharts;          /* -smp */
    uint64_t ram_size;        /* -m */
    const char *program;      /* positional ELF (Spike style): as -bios none -kernel */
    const char *bios;         /* NULL: Pagoda's firmware; "none": no firmware */
    const char *kernel, *initrd, *append, *dtb;
    const char *dump_dtb;     /* --dump-dtb FILE */
    struct drive_opt drives[BOARD_MAX_DRIVES];
    unsigned ndrives;
    bool snapshot;            /* -snapshot: all drives */
    struct hart_config hart;
    struct mmu_config *mmu;   /* TLB geometry and policies */
    bool tlb_flush_peer;      /* --tlb-flush=peer: flush on satp writes */
    bool stats;
    const char *stats_json;
    uint64_t max_insns;       /* 0 = no limit */
    double timeout;           /* seconds of host time, 0 = none */
    bool realtime;            /* mtime from the host clock */
    unsigned quantum;         /* instructions per hart per turn */
    const char *isa;          /* riscv,isa string in the device tree */
    bool iommu;               /* -M virt,iommu-sys=on: the RISC-V IOMMU (platform/iommu.h) */
    bool accel;               /* -device pagoda-accel: the accelerator (platform/accel.h); needs iommu */
    uint32_t accel_devid;     /* its device id (devid=) */
    uint32_t accel_rate;      /* bytes per guest microsecond (rate=) */
    bool trace;               /* --trace: disassemble every instruction to stderr */
    const char *signature;    /* --signature FILE: dump begin_signature..end_signature when the guest ends */
    unsigned signature_granularity; /* --signature-granularity: bytes per line (0: 4) */
};

struct board;

/* Build the board and load the images.  Returns NULL after printing a
 * one-line error to stderr (*status = 1 for bad files, 2 for bad options). */
struct board *board_create(const struct board_opts *o, int *status);
/* A tool that watches the run (the TLB view).  between_rounds is called
 * after every scheduling round: it may wait (a paused view), sets *budget
 * to the most instructions each hart may run in the next round, and
 * returns false to stop the guest.  msip is told when the running hart
 * from sets hart to's CLINT msip.  Never called from the hot loop. */
struct board_watch {
    void *ctx;
    bool (*between_rounds)(void *ctx, uint64_t *budget);
    void (*msip)(void *ctx, unsigned from, unsigned to);
};
/* Add a watching tool (at most BOARD_MAX_WATCH: the view, the GDB stub
 * the MMU trace and the TLB checker).  With more than one, each is called in turn: the budget is the smallest of
 * theirs and the guest stops when either says so. */
#define BOARD_MAX_WATCH 4
void board_set_watch(struct board *b, const struct board_watch *w);
/* A debugger stepping or continuing one hart: while hart >= 0, scheduling
 * rounds run only that hart (the others keep their state and do not advance);
 * -1 runs every hart again.  Called from between_rounds. */
void board_run_only(struct board *b, int hart);
/* A tool stops the guest (the coherence checker): board_run returns
 * status after the running hart's turn. */
void board_request_exit(struct board *b, int status);
/* Guest physical memory, for tools that read or write it (the GDB stub) */
struct phys_mem *board_phys(struct board *b);
/* What a watching tool reads: the harts, their MMUs, mtime. */
unsigned board_nharts(const struct board *b);
struct hart *board_harts(struct board *b);
struct mmu *const *board_mmus(const struct board *b);
const uint64_t *board_mtime(const struct board *b);
/* The RISC-V IOMMU (-M virt,iommu-sys=on) and the accelerator (-device
 * pagoda-accel), or NULL when the board has none. */
struct iommu *board_iommu(const struct board *b);
struct accel *board_accel(const struct board *b);

/* Run until the guest powers off, HTIF exit, Ctrl-A X or a limit; returns
 * the process exit status. */
int board_run(struct board *b);
void board_destroy(struct board *b);

#endif
