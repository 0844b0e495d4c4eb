// System call numbers, shared by the kernel and the user library.
#pragma once
#define SYS_exit 1
#define SYS_fork 2
#define SYS_exec 3
#define SYS_wait 4
#define SYS_getpid 5
#define SYS_write 6
#define SYS_yield 7
#define SYS_mmap 8
#define SYS_munmap 9
#define SYS_mprotect 10
#define SYS_frame 11     // physical address of the frame at a user address, or -1
#define SYS_vmstat 12    // vmstat(st, total): fill a struct vmstat for the caller (or the system)
#define SYS_fail 13      // say why the test fails (the runner prints it), then exit(1)
#define SYS_hartid 14    // the hart the caller runs on
#define SYS_uptime 15    // timer ticks since boot
#define SYS_clone 16     // clone(pc, sp, a0, a1): a thread in the caller's address space
#define SYS_mlock 17     // mlock(addr, len): every page present now and kept
#define SYS_mmapfile 18  // mmapfile(addr, len, prot, MAP_SHARED 1 | MAP_PRIVATE 2, path, off)
#define SYS_madvise 19   // madvise(addr, len, MADV_DONTNEED 4 | MADV_HUGEPAGE 14 | MADV_NOHUGEPAGE 15)
#define SYS_setrss 20    // setrss(npages): keep at most npages resident, swapping out the rest
#define SYS_shmtable 21  // shmtable(va, key): map the 2 MiB region `key` by sharing its page table
#define SYS_ptable 22    // physical address of the leaf page table that maps va, or -1
#define SYS_read 23      // read(fd, buf, n): console input, at least one byte
#define SYS_readdir 24   // readdir(i, name[48]): size of file i, or -1 past the last
#define SYS_ps 25        // ps(slot, struct psinfo *): 1 used slot, 0 unused, -1 past the end
#define SYS_poweroff 26  // poweroff(failed)
#define SYS_sbrk 27      // sbrk(incr): move the end of the heap; returns the old end, or -1
#define SYS_skip 28      // skip(msg): the test cannot run here; the runner says why
#define SKIP_STATUS 77
#define SYS_texit 29     // texit(status): end this thread only (exit ends every thread)
#define SYS_waitpid 30   // waitpid(pid, &status): wait for that child
#define SYS_accel_submit 31 // accel_submit(&job): give the accelerator work on the caller's memory; a ticket or -1
#define SYS_accel_wait 32   // accel_wait(ticket, &done): sleep until it completes; its status or -1
#define SYS_devstat 33      // devstat(&st, flags): the IOMMU's and the accelerator's counters
#define DEVSTAT_PRINT_FAULTS 1 // devstat flag: print the caller's IOMMU fault records from now on

#ifndef __ASSEMBLER__
// Memory counters, per address space and for the whole system (SYS_vmstat).
struct vmcount {
  unsigned long faults, zero_fills, file_fills, cow_copies, cow_reuses;
  unsigned long fences_local, shootdowns_sent;  // TLB fences: on this hart, sent to others
  unsigned long shootdown_targets;              // remote harts those shootdowns fenced
  unsigned long huge_fills, promotions, demotions; // 2 MiB pages (demotions: 1 GiB too)
  unsigned long giant_fills;                       // 1 GiB pages
  unsigned long pageouts, pageins, writebacks, clean_drops, a_cleared, ad_faults;
  unsigned long table_outs, table_ins, tables_freed; // leaf page tables swapped or freed
  unsigned long napot_fills, napot_demotions;        // 64 KiB Svnapot blocks
  unsigned long accel_descs;                   // descriptors given to the accelerator
  unsigned long accel_page_reqs, accel_page_denied; // its page requests served / refused
  unsigned long iommu_faults;                  // IOMMU fault records naming the address space
  unsigned long iommu_invals;                  // IOTINVAL.VMA commands sent for it
};

// What SYS_ps reports about one process.
struct psinfo {
  int pid, ppid;
  char state[12];
  char name[16];
  unsigned long resident, tables, asid;
  int threads;          // processes sharing the address space
};

// What SYS_vmstat reports.
struct vmstat {
  unsigned long tables;       // page-table pages of the address space, root included
  unsigned long resident;     // user pages mapped
  unsigned long asid, levels;
  unsigned long free_frames;
  unsigned long asid_rollovers; // since boot
  struct vmcount count;       // the caller's, or with vmstat(st, 1) the whole system's
  unsigned long received[8];  // shootdowns each hart (0..7) received, whole system
};

// Work for the accelerator (SYS_accel_submit), on the caller's own virtual addresses:
// op 0 NOP, 1 COPY dst <- src, 2 FILL dst with the 8-byte pattern value, 3 VADD32
// dst[i] = src[i] + src2[i] (32-bit words), 4 CRC32 of src (docs/DEVICES.md).
struct accel_job {
  unsigned long op, dst, src, src2, len, value;
};
// How it ended (SYS_accel_wait): status 1 OK, 2 BAD_DESC, 3 FAULT (cause: the IOMMU's
// fault cause, result: the address that faulted), 255 the queue stopped; result is
// the CRC for CRC32.
struct accel_done {
  unsigned long status, cause, result;
};
#define ACCEL_OK 1
#define ACCEL_BAD_DESC 2
#define ACCEL_FAULT 3
#define ACCEL_QERROR 255

// What SYS_devstat reports: the whole system's device counters, and the caller's
// PASID. fault_cause[c] counts fault records of cause c < 32, fault_cause[32 + c - 256]
// those of cause c in 256..287.
struct devstat {
  unsigned long iommu, accel;          // 1 if the device tree has them (and they work)
  unsigned long pasid, pscid;          // the caller's (0: it has not used the device)
  unsigned long pasids;                // process contexts valid now
  unsigned long descriptors, status[4]; // descriptors completed, by status (0: queue error)
  unsigned long page_reqs, page_denied; // page requests answered Success / Invalid Request
  unsigned long fault_records, fault_cause[64];
  unsigned long iotinval, iofence, iodir, prgr; // commands sent to the IOMMU
  unsigned long irq_fault, irq_pagereq, irq_accel; // interrupts handled
};
#endif
