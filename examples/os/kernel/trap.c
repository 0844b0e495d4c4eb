// Traps: system calls, page faults and timer interrupts from user mode; interrupts
// taken in the kernel (only while a hart idles in the scheduler); device interrupts
// through the PLIC (plic.c) in either.
#include "types.h"
#include "riscv.h"
#include "defs.h"

extern char uservec[], kernelvec[];
void userret(struct trapframe *tf) __attribute__((noreturn));
volatile uint64 ticks;
static uint64 tick_interval;

// Asks the firmware for the next timer interrupt on this hart, one tick from now.
void timer_arm(void)
{
  if (!tick_interval)
    tick_interval = (boardinfo.timebase ? boardinfo.timebase : 10000000) / TICK_HZ;
  sbi_set_timer(csr_read(time) + tick_interval);
}

// Sets this hart up for traps: kernel vector, timer and software interrupts enabled in
// sie (they are taken in U-mode always, in S-mode only while sstatus.SIE is set).
void trap_inithart(void)
{
  csr_write(stvec, (uint64)kernelvec);
  csr_write(sie, SIE_SSIE | SIE_STIE);
  timer_arm();
}

// Handles an interrupt (scause has bit 63 set); returns 1 if it was the timer.
static int handle_interrupt(uint64 scause)
{
  uint64 code = scause & ~SCAUSE_INTR;
  if (code == IRQ_S_TIMER) {
    if (cpuid() == 0 || !cpus[0].started) {
      __sync_fetch_and_add(&ticks, 1);
      wakeup((void *)&ticks);
    }
    timer_arm();
    return 1;
  }
  if (code == IRQ_S_SOFT) {
    csr_clear(sip, 1UL << IRQ_S_SOFT);
    return 0;
  }
  if (code == IRQ_S_EXT) {
    plic_intr();
    return 0;
  }
  kprintf("unexpected interrupt scause %p\n", scause);
  return 0;
}

// Called from uservec with the user registers saved in the trapframe.
void usertrap(void)
{
  csr_write(stvec, (uint64)kernelvec);
  struct proc *p = myproc();
  uint64 scause = csr_read(scause), stval = csr_read(stval);
  if (scause & SCAUSE_INTR) {
    if (handle_interrupt(scause))
      yield();
  } else if (scause == EXC_ECALL_U) {
    p->tf.epc += 4;
    syscall();
  } else if (scause == EXC_INSN_PAGE_FAULT || scause == EXC_LOAD_PAGE_FAULT ||
             scause == EXC_STORE_PAGE_FAULT) {
    int r = vm_fault(p->vs, stval, scause);
    if (r == FAULT_GUARD) {
      kprintf("pid %d (%s): stack overflow: touched the guard page at %p, pc %p: killed\n",
              p->pid, p->name, stval, p->tf.epc);
      safestrcpy(p->why, "stack overflow (guard page)", sizeof(p->why));
      p->killed = 1;
    } else if (r < 0) {
      kprintf("pid %d (%s): %s page fault at %p, pc %p: killed\n", p->pid, p->name,
              scause == EXC_STORE_PAGE_FAULT ? "store"
              : scause == EXC_LOAD_PAGE_FAULT ? "load" : "fetch",
              stval, p->tf.epc);
      safestrcpy(p->why, "killed by a page fault", sizeof(p->why));
      p->killed = 1;
    }
  } else {
    kprintf("pid %d (%s): trap scause %p at pc %p, stval %p: killed\n", p->pid, p->name, scause,
            p->tf.epc, stval);
    safestrcpy(p->why, "killed by an unexpected trap", sizeof(p->why));
    p->killed = 1;
  }
  if (p->killed)
    exit(-1);
  usertrapret();
}

// Returns to user mode in the current process (interrupts off until sret).
void usertrapret(void)
{
  struct proc *p = myproc();
  intr_off();
  csr_write(stvec, (uint64)uservec);
  p->tf.kernel_sp = (uint64)p->kstack + KSTACK_SIZE;
  p->tf.hartid = cpuid();
  uint64 s = csr_read(sstatus);
  s &= ~(SSTATUS_SPP | SSTATUS_SUM); // to U-mode; the kernel never touches user pages directly
  s |= SSTATUS_SPIE;                 // interrupts on in U-mode
  csr_write(sstatus, s);
  userret(&p->tf);
}

// Called from kernelvec for a trap taken in S-mode.
void kerneltrap(void)
{
  uint64 scause = csr_read(scause);
  if (scause & SCAUSE_INTR) {
    handle_interrupt(scause);
    return;
  }
  kprintf("kernel trap: scause %p sepc %p stval %p\n", scause, csr_read(sepc), csr_read(stval));
  panic("kerneltrap");
}
