// System calls: the number in a7, arguments in a0..a5, the result back in a0.
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "syscall.h"

// Copies argv (a user array of user strings) into kbuf; returns argc or -1.
static int fetch_argv(struct vmspace *vs, uint64 uargv, char *argv[], char kbuf[][64])
{
  int argc = 0;
  for (; argc < MAXARG; argc++) {
    uint64 ua;
    if (copyin(vs, &ua, uargv + 8 * argc, 8) < 0) return -1;
    if (ua == 0) break;
    if (copyinstr(vs, kbuf[argc], ua, 64) < 0) return -1;
    argv[argc] = kbuf[argc];
  }
  argv[argc] = 0;
  return argc;
}

// exec(path, argv): replaces the caller's program; returns only on failure (-1).
static long sys_exec(struct proc *p)
{
  char path[64], kbuf[MAXARG][64];
  char *argv[MAXARG + 1];
  if (copyinstr(p->vs, path, p->tf.a0, sizeof(path)) < 0) return -1;
  if (fetch_argv(p->vs, p->tf.a1, argv, kbuf) < 0) return -1;
  return exec(p, path, argv);
}

// write(fd, buf, n): writes to the console (any fd); returns n or -1.
static long sys_write(struct proc *p)
{
  char buf[128];
  uint64 ubuf = p->tf.a1, n = p->tf.a2, done = 0;
  while (done < n) {
    uint64 m = n - done < sizeof(buf) - 1 ? n - done : sizeof(buf) - 1;
    if (copyin(p->vs, buf, ubuf + done, m) < 0) return -1;
    buf[m] = 0;
    kprintf("%s", buf);
    done += m;
  }
  return n;
}

// wait(&status) or waitpid(pid, &status): waits for any child, or for child pid;
// returns its pid and stores its exit status, or -1.
static long sys_wait(struct proc *p, int pid, uint64 ustatus)
{
  int status;
  pid = wait(pid, &status, 0);
  if (pid >= 0 && ustatus && copyout(p->vs, ustatus, &status, sizeof(status)) < 0) return -1;
  return pid;
}

// vmstat(&st, total): fills in the caller's memory counters (or, if total, the
// system's since boot); returns 0 or -1.
static long sys_vmstat(struct proc *p)
{
  struct vmspace *vs = p->vs;
  struct vmstat st;
  st.tables = vs->ntables;
  st.resident = vs->nresident;
  st.asid = vs->asid;
  st.levels = satp_mode == SATP_SV48 ? 4 : 3;
  st.free_frames = kfree_count();
  st.asid_rollovers = asid_rollovers;
  st.count = p->tf.a1 ? vmtotal : vs->count;
  for (int h = 0; h < 8; h++)
    st.received[h] = h < NCPU ? cpus[h].shootdowns_received : 0;
  return copyout(vs, p->tf.a0, &st, sizeof(st));
}

// mmapfile(addr, len, prot, flags, path, off): maps a file, MAP_SHARED (1) or
// MAP_PRIVATE (2); returns the address or -1.
static long sys_mmapfile(struct proc *p)
{
  char path[64];
  if (copyinstr(p->vs, path, p->tf.a4, sizeof(path)) < 0) return -1;
  enum vmakind kind = p->tf.a3 == 1 ? VMA_FILE_SHARED : p->tf.a3 == 2 ? VMA_FILE_PRIVATE : VMA_ANON;
  if (kind == VMA_ANON) return -1;
  return vs_mmap(p->vs, p->tf.a0, p->tf.a1, p->tf.a2, kind, fs_lookup(path), p->tf.a5);
}

// read(fd, buf, n): waits for console input (looking once a timer tick, so an idle
// hart can sleep in wfi meanwhile) and returns the bytes that have arrived, at most n,
// at least 1; a typed CR reads as LF.
static long sys_read(struct proc *p)
{
  char buf[64];
  uint64 n = p->tf.a2 < sizeof(buf) ? p->tf.a2 : sizeof(buf), got = 0;
  if (n == 0) return 0;
  int c;
  while ((c = uart_getc()) < 0) {
    if (p->killed) return -1;
    sleep_tick();
  }
  do buf[got++] = c == '\r' ? '\n' : c;
  while (got < n && (c = uart_getc()) >= 0);
  return copyout(p->vs, p->tf.a1, buf, got) < 0 ? -1 : (long)got;
}

// readdir(i, name): copies the name of file i (48 bytes) and returns its size, or -1.
static long sys_readdir(struct proc *p)
{
  char name[48];
  int i = (int)p->tf.a0;
  if (i < 0 || i >= fs_count()) return -1;
  safestrcpy(name, fs_name(i), sizeof(name));
  return copyout(p->vs, p->tf.a1, name, sizeof(name)) < 0 ? -1 : (long)fs_size(i);
}

// ps(slot, info): describes one process-table slot; see proc_info.
static long sys_ps(struct proc *p)
{
  struct psinfo info;
  int r = proc_info((int)p->tf.a0, &info);
  if (r >= 0 && copyout(p->vs, p->tf.a1, &info, sizeof(info)) < 0) return -1;
  return r;
}

// fail(msg) / skip(msg): ends the caller with status 1 (or SKIP_STATUS), keeping msg
// (cut to 63 bytes) for the test runner.
static long sys_fail(struct proc *p, int status)
{
  uint64 n = 0;
  while (n < sizeof(p->why) - 1 && copyin(p->vs, &p->why[n], p->tf.a0 + n, 1) == 0 && p->why[n])
    n++;
  p->why[n] = 0;
  if (n == 0) safestrcpy(p->why, "(no reason given)", sizeof(p->why));
  exit(status);
}

// accel_submit(&job): gives the accelerator work on the caller's memory; returns a
// ticket for accel_wait, or -1.
static long sys_accel_submit(struct proc *p)
{
  struct accel_job job;
  if (copyin(p->vs, &job, p->tf.a0, sizeof(job)) < 0) return -1;
  return accel_submit(p->vs, &job);
}

// accel_wait(ticket, &done): sleeps until the job completes; fills done and returns
// its status, or -1.
static long sys_accel_wait(struct proc *p)
{
  struct accel_done done;
  int r = accel_wait(p->vs, (long)p->tf.a0, &done);
  if (r >= 0 && p->tf.a1 && copyout(p->vs, p->tf.a1, &done, sizeof(done)) < 0) return -1;
  return r;
}

// devstat(&st, flags): the IOMMU's and accelerator's counters and the caller's PASID;
// with DEVSTAT_PRINT_FAULTS the kernel prints, from now on, each fault record that
// names the caller's address space. Returns 0 or -1.
static long sys_devstat(struct proc *p)
{
  struct devstat st;
  if (p->tf.a1 & DEVSTAT_PRINT_FAULTS) p->vs->print_faults = 1;
  memset(&st, 0, sizeof(st));
  iommu_stat(p->vs, &st);
  accel_stat(&st);
  return copyout(p->vs, p->tf.a0, &st, sizeof(st));
}

// Runs the system call the trapframe asks for and puts its result in a0.
void syscall(void)
{
  struct proc *p = myproc();
  struct trapframe *tf = &p->tf;
  long r;
  switch (tf->a7) {
  case SYS_exit: exit_group((int)tf->a0);
  case SYS_texit: exit((int)tf->a0);
  case SYS_fork: r = fork(); break;
  case SYS_exec: r = sys_exec(p); break;
  case SYS_wait: r = sys_wait(p, 0, tf->a0); break;
  case SYS_waitpid: r = sys_wait(p, (int)tf->a0, tf->a1); break;
  case SYS_getpid: r = p->pid; break;
  case SYS_write: r = sys_write(p); break;
  case SYS_yield: yield(); r = 0; break;
  case SYS_mmap: r = vs_mmap(p->vs, tf->a0, tf->a1, tf->a2, VMA_ANON, -1, 0); break;
  case SYS_mmapfile: r = sys_mmapfile(p); break;
  case SYS_madvise: r = vs_madvise(p->vs, tf->a0, tf->a1, tf->a2); break;
  case SYS_setrss: r = vs_setrss(p->vs, tf->a0); break;
  case SYS_shmtable: r = vs_shmtable(p->vs, tf->a0, (int)tf->a1); break;
  case SYS_ptable: r = vs_ptable(p->vs, tf->a0); break;
  case SYS_read: r = sys_read(p); break;
  case SYS_readdir: r = sys_readdir(p); break;
  case SYS_ps: r = sys_ps(p); break;
  case SYS_poweroff: sbi_shutdown(tf->a0 != 0);
  case SYS_sbrk: r = vs_sbrk(p->vs, (long)tf->a0); break;
  case SYS_munmap: r = vs_munmap(p->vs, tf->a0, tf->a1); break;
  case SYS_mprotect: r = vs_mprotect(p->vs, tf->a0, tf->a1, tf->a2); break;
  case SYS_frame: r = vs_frame(p->vs, tf->a0); break;
  case SYS_vmstat: r = sys_vmstat(p); break;
  case SYS_fail: r = sys_fail(p, 1); break;
  case SYS_skip: r = sys_fail(p, SKIP_STATUS); break;
  case SYS_hartid: r = cpuid(); break;
  case SYS_uptime: r = ticks; break;
  case SYS_clone: r = clone(tf->a0, tf->a1, tf->a2, tf->a3); break;
  case SYS_mlock: r = vs_mlock(p->vs, tf->a0, tf->a1); break;
  case SYS_accel_submit: r = sys_accel_submit(p); break;
  case SYS_accel_wait: r = sys_accel_wait(p); break;
  case SYS_devstat: r = sys_devstat(p); break;
  default:
    kprintf("pid %d (%s): unknown system call %d\n", p->pid, p->name, (int)tf->a7);
    r = -1;
  }
  tf->a0 = r;
}
