// Threads and exit: exit() ends the whole process, so the other threads of a process
// that exits are killed (each at its next trap), while texit() ends one thread only.
#include "user.h"

static volatile int started;

// Thread body: spins for ever, giving up the hart now and then.
static void spinner(void *arg)
{
  (void)arg;
  __sync_fetch_and_add(&started, 1);
  for (;;) yield();
}

// Thread body: ends at once, alone.
static void quitter(void *arg)
{
  (void)arg;
  texit(0);
}

// Returns how many processes other than the caller and the runner are alive.
static int others_alive(void)
{
  struct psinfo pi;
  int n = 0, me = getpid();
  for (int i = 0; ps(i, &pi) >= 0; i++)
    if (pi.pid && pi.pid != me && pi.pid != 1 && strcmp(pi.state, "zombie") != 0) n++;
  return n;
}

int main(void)
{
  int before = others_alive();
  int pid = fork();
  if (pid == 0) {
    if (thread_create(quitter, 0) < 0) exit(2);
    int st;
    if (wait(&st) < 0 || st != 0) exit(3); // texit ended that thread, not this one
    for (int i = 0; i < 3; i++)
      if (thread_create(spinner, 0) < 0) exit(2);
    while (started < 3) yield();
    exit(5); // takes the spinners with it
  }
  int st = -1;
  if (wait(&st) != pid || st != 5) failf("the process ended with status %d, not 5", st);
  for (int i = 0; i < 50 && others_alive() > before; i++) yield();
  if (others_alive() > before) failf("%d threads outlived their process", others_alive() - before);
  return 0;
}
