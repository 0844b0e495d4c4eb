// The kernel's shared structures and the functions each file offers.
#pragma once
#include "types.h"
#include "param.h"
#include "sbi.h"
#include "syscall.h"

// What the device tree told us (fdt.c).
struct boardinfo {
  uint64 ram_base, ram_size;
  uint64 uart_pa, plic_pa, test_pa;
  uint64 iommu_pa; uint32 iommu_irq[4];           // RISC-V IOMMU (-M virt,iommu-sys=on)
  uint64 accel_pa; uint32 accel_irq, accel_devid; // pagoda,accel (-device pagoda-accel)
  uint64 virtio_pa[8]; int nvirtio;
  uint8 hart_present[NCPU]; int nharts;
  uint32 timebase;
  uint64 dtb_size;
  const char *bootargs;
  int svnapot;       // the harts' riscv,isa lists Svnapot
};
extern struct boardinfo boardinfo;

struct spinlock {
  volatile uint32 locked;
  struct cpu *cpu;
};

// Callee-saved registers, saved by swtch.
struct context {
  uint64 ra, sp, s[12];
};

// A user trap saves every register here (trap.S knows the offsets).
struct trapframe {
  uint64 ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7;
  uint64 s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6; // 31 registers
  uint64 epc;        // 248
  uint64 kernel_sp;  // 256
  uint64 hartid;     // 264
};

// One region of a user address space (mmap'd, ELF segment, stack).
enum vmakind { VMA_ANON, VMA_FILE_SHARED, VMA_FILE_PRIVATE, VMA_SHMTABLE };
struct vma {
  uint64 start, end; // page aligned, [start, end)
  uint64 prot;       // PTE_R | PTE_W | PTE_X
  enum vmakind kind;
  int file;          // file index for file-backed regions (the key of a VMA_SHMTABLE)
  uint64 foff;       // file offset of start
  uint64 fbytes;     // bytes of file data from start; the rest reads as zero
  uint64 maxprot;    // what mprotect may grant a shared file region
  int huge;          // largest page level allowed: 1 = 2 MiB (MADV_HUGEPAGE), 2 = 1 GiB (MADV_GIANT)
  int locked;        // mlock: never swapped out
  int napot;         // madvise(MADV_NAPOT): filled with 64 KiB Svnapot blocks where aligned
  uint64 limit;      // a stack: may grow down to limit + PGSIZE; [limit, +PGSIZE) is its guard
};

// Adds one to a memory counter of vs and of the whole system (vs->lock held).
#define COUNT(vs, field) do { (vs)->count.field++; __sync_fetch_and_add(&vmtotal.field, 1); } while (0)
// The same without vs->lock (device interrupts, system calls outside the lock).
#define COUNT_SYNC(vs, field) \
  do { __sync_fetch_and_add(&(vs)->count.field, 1); __sync_fetch_and_add(&vmtotal.field, 1); } while (0)

// An address space: a page-table tree, its ASID and the harts that may cache it.
struct vmspace {
  pagetable_t root;
  uint64 asid, asid_gen;   // valid while asid_gen equals the allocator's generation
  volatile uint64 cpumask; // harts whose TLB may hold entries of this ASID
  uint64 stale_mask;       // harts that may still hold entries under an older ASID
  int refs;                // threads sharing it
  int ntables;             // page-table pages, root included
  uint64 nresident;        // user pages mapped
  struct vma vma[NVMA];
  int nvma;
  struct vmcount count;
  uint64 brk_start, brk;   // the heap: [brk_start, brk), grown by sbrk
  uint64 rss_limit;        // setrss: most user pages resident at once (0: no limit)
  int hand_vma;            // the clock hand: a region and an address in it
  uint64 hand_va;
  uint64 *swapmap;         // clean resident pages whose copy in swap is still good
  int nswapmap;
  uint32 pasid;            // the device's name for it (iommu.c), 0 until it uses the device
  uint32 pscid;            // the IOMMU's tag for its translations: never changes, never an ASID
  int print_faults;        // print the IOMMU's fault records naming its PASID (devstat flag)
  struct spinlock lock;
};

enum procstate { UNUSED, USED, SLEEPING, RUNNABLE, RUNNING, ZOMBIE };
struct proc {
  enum procstate state;
  int pid;
  struct proc *parent;
  void *chan;           // sleeping on
  int killed, xstate;
  char name[16];
  char why[64];         // why it failed or was killed, for the test runner
  struct vmspace *vs;   // 0 for a kernel process
  struct trapframe tf;
  struct context context;
  uint8 *kstack;
};

struct cpu {
  struct proc *proc;
  struct context context; // the scheduler's
  int noff, intena;
  uint64 asid_gen_seen;   // this hart flushed its TLB when this generation began
  int started;
  uint64 shootdowns_received; // remote fences other harts asked of this one
};
extern struct cpu cpus[NCPU];

// string.c
void *memset(void *dst, int c, uint64 n);
void *memmove(void *dst, const void *src, uint64 n);
void *memcpy(void *dst, const void *src, uint64 n);
uint64 strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, uint64 n);
char *safestrcpy(char *dst, const char *src, int n);
// printf.c, uart.c
void kprintf(const char *fmt, ...);
void panic(const char *s) __attribute__((noreturn));
extern volatile int panicked;
void uart_init(void);
void uart_putc(int c);
int uart_getc(void);
// fdt.c
int fdt_read(const void *dtb);
// spinlock.c
void acquire(struct spinlock *lk);
void release(struct spinlock *lk);
int holding(struct spinlock *lk);
void push_off(void);
void pop_off(void);
// kalloc.c
void kinit(uint64 start_pa, uint64 end_pa);
void *kalloc(void);
void *kalloc_block(uint64 n);
void kfree(void *va);
void kref(void *va);
int krefcount(void *va);
uint64 kfree_count(void);
// bootargs (main.c)
const char *bootarg(const char *key);
int bootarg_has(const char *v, const char *word);
// vm.c
extern uint64 satp_mode;
void kvm_init(void);
void kvm_inithart(void);
uint64 kernel_satp(void);
struct vmspace *vs_create(void);
void vs_free(struct vmspace *vs);
void vs_put(struct vmspace *vs);
struct vmspace *vs_fork(struct vmspace *parent);
int vma_add(struct vmspace *vs, uint64 start, uint64 end, uint64 prot, enum vmakind kind,
            int file, uint64 foff, uint64 fbytes);
#define FAULT_GUARD (-2)
int vm_fault(struct vmspace *vs, uint64 va, int cause);
int copyout(struct vmspace *vs, uint64 dst, const void *src, uint64 n);
int copyin(struct vmspace *vs, void *dst, uint64 src, uint64 n);
int copyinstr(struct vmspace *vs, char *dst, uint64 src, uint64 max);
uint64 vs_frame(struct vmspace *vs, uint64 va);
long vs_mmap(struct vmspace *vs, uint64 addr, uint64 len, uint64 prot, enum vmakind kind,
             int f, uint64 off);
int vs_munmap(struct vmspace *vs, uint64 addr, uint64 len);
int vs_mlock(struct vmspace *vs, uint64 addr, uint64 len);
int vs_madvise(struct vmspace *vs, uint64 addr, uint64 len, int advice);
int vs_setrss(struct vmspace *vs, uint64 npages);
long vs_sbrk(struct vmspace *vs, long incr);
int vs_shmtable(struct vmspace *vs, uint64 va, int key);
uint64 vs_ptable(struct vmspace *vs, uint64 va);
void swap_init(void);
int vs_mprotect(struct vmspace *vs, uint64 addr, uint64 len, uint64 prot);
void vs_fence(struct vmspace *vs, uint64 va, uint64 size);
void vs_fence_harts(struct vmspace *vs, uint64 va, uint64 size);
extern struct vmcount vmtotal;
// asid.c
void asid_init(void);
void asid_switch(struct vmspace *vs);
uint64 asid_stale_harts(struct vmspace *vs);
extern uint64 asid_limit, asid_rollovers;
// proc.c
struct cpu *mycpu(void);
struct proc *myproc(void);
uint64 cpuid(void);
void scheduler(void) __attribute__((noreturn));
void yield(void);
void sleep(void *chan, struct spinlock *lk);
void wakeup(void *chan);
void sleep_tick(void);
int fork(void);
int clone(uint64 pc, uint64 sp, uint64 a0, uint64 a1);
void exit(int status) __attribute__((noreturn));
void exit_group(int status) __attribute__((noreturn));
int wait(int pid, int *status, char *why);
int spawn(const char *path, char **argv);
void kproc_start(void (*fn)(void), const char *name);
void proc_kill_self(const char *why) __attribute__((noreturn));
int proc_info(int slot, struct psinfo *info);
// trap.c
void trap_inithart(void);
void usertrapret(void) __attribute__((noreturn));
void timer_arm(void);
extern volatile uint64 ticks;
// syscall.c
void syscall(void);
// virtio.c
int virtio_init(void);
int disk_read(uint64 sector, void *buf, uint64 nsectors);
int disk_rw(uint64 sector, void *buf, uint64 nsectors, int write);
// fs.c
int fs_init(void);
int fs_lookup(const char *name);
uint64 fs_size(int file);
int fs_read(int file, uint64 off, void *dst, uint64 n);
const char *fs_name(int file);
int fs_count(void);
void fs_swap_area(uint64 *start, uint64 *nsectors);
void *pcache_get(int file, uint64 pageidx);
// exec.c
int exec(struct proc *p, const char *path, char **argv);
// runner.c
void runner(void);
// plic.c
int plic_register(int id, void (*fn)(int));
void plic_inithart(void);
void plic_intr(void);
// iommu.c
int iommu_init(void);
void iommu_start(void);
int iommu_ready(void);
int iommu_attach(struct vmspace *vs);
void iommu_detach(struct vmspace *vs);
void iommu_pasid_hold(uint32 pasid, int hold);
void iommu_fence(struct vmspace *vs, uint64 va, uint64 size);
void iommu_drain_faults(void);
void iommu_stat(struct vmspace *vs, struct devstat *st);
// accel.c
int accel_init(void);
long accel_submit(struct vmspace *vs, const struct accel_job *job);
int accel_wait(struct vmspace *vs, long ticket, struct accel_done *done);
void accel_forget(struct vmspace *vs);
void accel_stat(struct devstat *st);
