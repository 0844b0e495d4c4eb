// Processes: creation, the per-hart scheduler, sleep/wakeup, fork, exit and wait.
// One lock, plock, guards every process's state and the parent links.
#include "types.h"
#include "riscv.h"
#include "defs.h"

struct cpu cpus[NCPU];
static struct proc procs[NPROC];
static uint8 kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static void (*kfns[NPROC])(void); // entry of kernel processes
static struct spinlock plock;
static int nextpid = 1;
static struct proc *initproc;     // adopts orphans (the test runner)
void swtch(struct context *old, struct context *new);

// Returns this hart's cpu (tp holds the hart id in the kernel).
struct cpu *mycpu(void) { return &cpus[r_tp()]; }
// Returns this hart's id.
uint64 cpuid(void) { return r_tp(); }

// Returns the process running on this hart, or 0.
struct proc *myproc(void)
{
  push_off();
  struct proc *p = mycpu()->proc;
  pop_off();
  return p;
}

// The first code a new process runs, on its kernel stack, still holding plock from the
// scheduler: user processes return to user mode, kernel processes call their function.
static void forkret(void)
{
  struct proc *p = myproc();
  release(&plock);
  void (*fn)(void) = kfns[p - procs];
  if (fn) {
    fn();
    exit(0);
  }
  usertrapret();
}

// Returns a fresh process slot in state USED with a pid and a kernel stack, or 0.
static struct proc *allocproc(void)
{
  acquire(&plock);
  for (struct proc *p = procs; p < procs + NPROC; p++) {
    if (p->state != UNUSED) continue;
    int slot = p - procs;
    memset(p, 0, sizeof(*p));
    p->state = USED;
    p->pid = nextpid++;
    p->kstack = kstacks[slot];
    kfns[slot] = 0;
    p->context.ra = (uint64)forkret;
    p->context.sp = (uint64)p->kstack + KSTACK_SIZE;
    release(&plock);
    return p;
  }
  release(&plock);
  return 0;
}

// Each hart runs this forever: pick a runnable process, switch to its address space
// and registers, and come back here when it gives up the hart.
void scheduler(void)
{
  struct cpu *c = mycpu();
  c->proc = 0;
  c->started = 1;
  for (;;) {
    intr_on(); // let a pending timer or IPI in
    intr_off();
    int found = 0;
    acquire(&plock);
    for (struct proc *p = procs; p < procs + NPROC; p++) {
      if (p->state != RUNNABLE) continue;
      p->state = RUNNING;
      c->proc = p;
      if (p->vs) asid_switch(p->vs);
      swtch(&c->context, &p->context);
      csr_write(satp, kernel_satp()); // the process's tables may be freed once it is off
      c->proc = 0;
      found = 1;
    }
    release(&plock);
    if (!found) {
      intr_on();
      asm volatile("wfi");
      intr_off();
    }
  }
}

// Gives the hart back to the scheduler; plock held, state already changed.
static void sched(void)
{
  struct proc *p = myproc();
  if (!holding(&plock) || mycpu()->noff != 1 || p->state == RUNNING || intr_get())
    panic("sched");
  int intena = mycpu()->intena;
  swtch(&p->context, &mycpu()->context);
  mycpu()->intena = intena;
}

// Lets other processes run (a timer tick, or the yield system call).
void yield(void)
{
  struct proc *p = myproc();
  acquire(&plock);
  p->state = RUNNABLE;
  sched();
  release(&plock);
}

// Sleeps on chan, giving up lk meanwhile; lk may be plock itself.
void sleep(void *chan, struct spinlock *lk)
{
  struct proc *p = myproc();
  if (lk != &plock) { acquire(&plock); release(lk); }
  p->chan = chan;
  p->state = SLEEPING;
  sched();
  p->chan = 0;
  if (lk != &plock) { release(&plock); acquire(lk); }
}

// Wakes every process sleeping on chan; plock held.
static void wakeup_locked(void *chan)
{
  for (struct proc *p = procs; p < procs + NPROC; p++)
    if (p->state == SLEEPING && p->chan == chan) p->state = RUNNABLE;
}

// Sleeps until the next timer tick.
void sleep_tick(void)
{
  acquire(&plock);
  sleep((void *)&ticks, &plock);
  release(&plock);
}

// Wakes every process sleeping on chan.
void wakeup(void *chan)
{
  acquire(&plock);
  wakeup_locked(chan);
  release(&plock);
}

// Makes np, set up by fork or clone, a runnable child of p named like it; returns its pid.
static int start_child(struct proc *np, struct proc *p)
{
  safestrcpy(np->name, p->name, sizeof(np->name));
  acquire(&plock);
  np->parent = p;
  np->state = RUNNABLE;
  release(&plock);
  return np->pid;
}

// Creates a child with a copy-on-write copy of the caller; returns the child's pid to
// the parent (0 to the child, through its trapframe), or -1.
int fork(void)
{
  struct proc *p = myproc(), *np = allocproc();
  if (!np) return -1;
  if ((np->vs = vs_fork(p->vs)) == 0) {
    acquire(&plock);
    np->state = UNUSED;
    release(&plock);
    return -1;
  }
  np->tf = p->tf;
  np->tf.a0 = 0;
  return start_child(np, p);
}

// Creates a thread: a process sharing the caller's address space, starting at pc with
// stack pointer sp and a0, a1 as given. Returns its pid, or -1.
int clone(uint64 pc, uint64 sp, uint64 a0, uint64 a1)
{
  struct proc *p = myproc(), *np = allocproc();
  if (!np) return -1;
  __sync_fetch_and_add(&p->vs->refs, 1);
  np->vs = p->vs;
  np->tf = p->tf;
  np->tf.epc = pc;
  np->tf.sp = sp;
  np->tf.a0 = a0;
  np->tf.a1 = a1;
  return start_child(np, p);
}

// Starts a kernel process running fn (it has no user address space); the first one
// becomes the parent of orphans.
void kproc_start(void (*fn)(void), const char *name)
{
  struct proc *p = allocproc();
  if (!p) panic("kproc_start");
  kfns[p - procs] = fn;
  safestrcpy(p->name, name, sizeof(p->name));
  acquire(&plock);
  if (!initproc) initproc = p;
  p->state = RUNNABLE;
  release(&plock);
}

// Creates a process running program path with argv, child of the caller; returns its
// pid or -1.
int spawn(const char *path, char **argv)
{
  struct proc *np = allocproc();
  if (!np) return -1;
  if (exec(np, path, argv) < 0) {
    acquire(&plock);
    np->state = UNUSED;
    release(&plock);
    return -1;
  }
  acquire(&plock);
  np->parent = myproc();
  np->state = RUNNABLE;
  release(&plock);
  return np->pid;
}

// Ends the calling process with status; its parent frees it in wait.
void exit(int status)
{
  struct proc *p = myproc();
  acquire(&plock);
  for (struct proc *q = procs; q < procs + NPROC; q++)
    if (q->parent == p) {
      q->parent = initproc;
      if (q->state == ZOMBIE) wakeup_locked(initproc);
    }
  p->xstate = status;
  p->state = ZOMBIE;
  wakeup_locked(p->parent);
  sched();
  panic("zombie exit");
}

// Describes the process in table slot `slot`; returns 1, 0 for an unused slot, or -1
// past the end of the table.
int proc_info(int slot, struct psinfo *info)
{
  static const char *names[] = { "unused", "used", "sleeping", "runnable", "running", "zombie" };
  if (slot < 0 || slot >= NPROC) return -1;
  memset(info, 0, sizeof(*info));
  acquire(&plock);
  struct proc *p = &procs[slot];
  int used = p->state != UNUSED;
  if (used) {
    info->pid = p->pid;
    info->ppid = p->parent ? p->parent->pid : 0;
    safestrcpy(info->state, names[p->state], sizeof(info->state));
    safestrcpy(info->name, p->name, sizeof(info->name));
    if (p->vs) {
      info->resident = p->vs->nresident;
      info->tables = p->vs->ntables;
      info->asid = p->vs->asid;
      info->threads = p->vs->refs;
    }
  }
  release(&plock);
  return used;
}

// Ends the calling process: every other thread sharing its address space is killed
// (each dies at its next trap, or wakes to die if asleep), then the caller exits.
void exit_group(int status)
{
  struct proc *p = myproc();
  acquire(&plock);
  for (struct proc *q = procs; q < procs + NPROC; q++) {
    if (q == p || q->vs != p->vs || q->state == UNUSED || q->state == ZOMBIE) continue;
    q->killed = 1;
    safestrcpy(q->why, "killed: another thread exited", sizeof(q->why));
    if (q->state == SLEEPING) q->state = RUNNABLE;
  }
  release(&plock);
  exit(status);
}

// Records why the process dies and ends it with status -1.
void proc_kill_self(const char *why)
{
  safestrcpy(myproc()->why, why, sizeof(myproc()->why));
  exit(-1);
}

// Waits for the child `pid` (any child if pid is 0) to exit; returns its pid and
// stores its status (and why it failed, if why is not 0), or returns -1 if the caller
// has no such child.
int wait(int pid_wanted, int *status, char *why)
{
  struct proc *p = myproc();
  acquire(&plock);
  for (;;) {
    int have = 0;
    for (struct proc *q = procs; q < procs + NPROC; q++) {
      if (q->parent != p || (pid_wanted && q->pid != pid_wanted)) continue;
      have = 1;
      if (q->state != ZOMBIE) continue;
      int pid = q->pid;
      if (status) *status = q->xstate;
      if (why) safestrcpy(why, q->why, sizeof(q->why));
      struct vmspace *vs = q->vs;
      q->vs = 0;
      q->parent = 0;
      q->state = UNUSED;
      release(&plock);
      if (vs) vs_put(vs); // not under plock: freeing it takes the device's locks
      return pid;
    }
    if (!have || p->killed) { release(&plock); return -1; }
    sleep(p, &plock);
  }
}
