// What user programs can call: system calls and the small library in ulib.c.
#pragma once
#include "../kernel/syscall.h"

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define PGSIZE 4096UL
#define MADV_DONTNEED 4
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15
#define HUGE (2UL << 20)
#define MADV_NAPOT 100   // this kernel's: 64 KiB Svnapot mappings
#define MADV_NONAPOT 101
#define NAPOT (64UL << 10)
#define MADV_GIANT 102  // this kernel's: 1 GiB pages allowed too
#define GIANT (1UL << 30)
#define MAP_SHARED 1
#define MAP_PRIVATE 2

void exit(int status) __attribute__((noreturn));       // the process: all its threads
void texit(int status) __attribute__((noreturn));      // this thread only
int fork(void);
int exec(const char *path, char **argv);
int wait(int *status);
int waitpid(int pid, int *status);
int getpid(void);
long write(int fd, const void *buf, unsigned long n);
int yield(void);
long mmap(unsigned long addr, unsigned long len, int prot);
int munmap(unsigned long addr, unsigned long len);
int mprotect(unsigned long addr, unsigned long len, int prot);
long frame(unsigned long va);
int vmstat(struct vmstat *st, int total);
void fail(const char *why) __attribute__((noreturn));
void skip(const char *why) __attribute__((noreturn));
int hartid(void);
unsigned long uptime(void);
int clone(void (*pc)(void), unsigned long sp, unsigned long a0, unsigned long a1);
int mlock(unsigned long addr, unsigned long len);
int madvise(unsigned long addr, unsigned long len, int advice);
int setrss(unsigned long npages);
int shmtable(unsigned long va, int key);
long ptable(unsigned long va);
long read(int fd, void *buf, unsigned long n);
long readdir(int i, char *name);
int ps(int slot, struct psinfo *info);
void poweroff(int failed) __attribute__((noreturn));
long sbrk(long incr);
long mmapfile(unsigned long addr, unsigned long len, int prot, int flags, const char *path,
              unsigned long off);
long accel_submit(const struct accel_job *job);            // a ticket, or -1
int accel_wait(long ticket, struct accel_done *done);      // its status, or -1
int devstat(struct devstat *st, int flags);          // flags: DEVSTAT_PRINT_FAULTS

// ulib.c
void printf(const char *fmt, ...);
int snprintf(char *buf, int n, const char *fmt, ...);
void *memset(void *dst, int c, unsigned long n);
unsigned long strlen(const char *s);
int strcmp(const char *a, const char *b);
long atol(const char *s);
int thread_create(void (*fn)(void *), void *arg);
void getstats(struct vmstat *st);
int frames_contiguous(unsigned long va, unsigned long size);
void failf(const char *fmt, ...) __attribute__((noreturn));
// The accelerator (ulib.c): operations as in struct accel_job.
#define OP_NOP 0
#define OP_COPY 1
#define OP_FILL 2
#define OP_VADD32 3
#define OP_CRC32 4
int accel(int op, unsigned long dst, unsigned long src, unsigned long src2, unsigned long len,
          unsigned long value, struct accel_done *done);
long accel_start(int op, unsigned long dst, unsigned long src, unsigned long src2,
                 unsigned long len, unsigned long value);
void need_accel(void);
unsigned int crc32(const void *buf, unsigned long len);
void to_other_hart(int from);
