// Spinlocks; a hart holding one runs with interrupts off (push_off/pop_off nest).
#include "types.h"
#include "riscv.h"
#include "defs.h"

// Disables interrupts, remembering whether they were on at the outermost level.
void push_off(void)
{
  int old = intr_get();
  intr_off();
  struct cpu *c = mycpu();
  if (c->noff == 0) c->intena = old;
  c->noff++;
}

// Undoes one push_off; turns interrupts back on after the outermost one if they were on.
void pop_off(void)
{
  struct cpu *c = mycpu();
  if (intr_get() || c->noff < 1) panic("pop_off");
  if (--c->noff == 0 && c->intena) intr_on();
}

// Returns 1 if this hart holds lk.
int holding(struct spinlock *lk)
{
  return lk->locked && lk->cpu == mycpu();
}

// Spins until lk is ours.
void acquire(struct spinlock *lk)
{
  push_off();
  if (holding(lk)) panic("acquire: already held");
  while (__sync_lock_test_and_set(&lk->locked, 1) != 0)
    ;
  __sync_synchronize();
  lk->cpu = mycpu();
}

// Gives lk up.
void release(struct spinlock *lk)
{
  if (!holding(lk)) panic("release: not held");
  lk->cpu = 0;
  __sync_synchronize();
  __sync_lock_release(&lk->locked);
  pop_off();
}
