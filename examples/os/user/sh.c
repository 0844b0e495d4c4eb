// A small shell for poking at the kernel (-append shell): list the programs, run one
// (a test, say), look at processes and memory counters, power off.
#include "user.h"

#define MAXLINE 128

// Reads one line from the console, echoing it, into buf; returns its length.
static int getline(char *buf)
{
  int n = 0;
  for (;;) {
    char c;
    if (read(0, &c, 1) != 1) continue;
    if (c == '\n') { printf("\n"); break; }
    if ((c == 8 || c == 127) && n > 0) { n--; printf("\b \b"); continue; }
    if (c < ' ' || n >= MAXLINE - 1) continue;
    buf[n++] = c;
    write(1, &c, 1);
  }
  buf[n] = 0;
  return n;
}

// Splits line into words in place; returns how many (at most max - 1), argv 0-ended.
static int split(char *line, char **argv, int max)
{
  int argc = 0;
  while (*line && argc < max - 1) {
    while (*line == ' ') *line++ = 0;
    if (!*line) break;
    argv[argc++] = line;
    while (*line && *line != ' ') line++;
  }
  argv[argc] = 0;
  return argc;
}

// Lists the files of the disk.
static void ls(void)
{
  char name[48];
  long size;
  for (int i = 0; (size = readdir(i, name)) >= 0; i++) printf("%ld\t%s\n", size, name);
}

// Lists the processes.
static void pstable(void)
{
  struct psinfo pi;
  printf("pid\tppid\tstate\t\tthreads\tpages\ttables\tasid\tname\n");
  for (int i = 0; ps(i, &pi) >= 0; i++)
    if (pi.pid) printf("%d\t%d\t%s\t\t%d\t%lu\t%lu\t%lu\t%s\n", pi.pid, pi.ppid, pi.state,
                       pi.threads, pi.resident, pi.tables, pi.asid, pi.name);
}

// Prints the system's memory counters.
static void vmstat_all(void)
{
  struct vmstat st;
  vmstat(&st, 1);
  struct vmcount *c = &st.count;
  printf("free frames %lu, ASID rollovers %lu\n", st.free_frames, st.asid_rollovers);
  printf("faults %lu: zero-filled %lu, from files %lu; COW copies %lu, reuses %lu\n", c->faults,
         c->zero_fills, c->file_fills, c->cow_copies, c->cow_reuses);
  printf("fences here %lu, shootdowns sent %lu (to %lu harts); A/D faults %lu\n",
         c->fences_local, c->shootdowns_sent, c->shootdown_targets, c->ad_faults);
  printf("shootdowns received by hart 0..7:");
  for (int h = 0; h < 8; h++) printf(" %lu", st.received[h]);
  printf("\n");
  printf("2 MiB pages %lu (promoted %lu, demoted %lu); 64 KiB blocks %lu (demoted %lu)\n",
         c->huge_fills, c->promotions, c->demotions, c->napot_fills, c->napot_demotions);
  printf("paged out %lu (written %lu, dropped %lu), in %lu; A cleared %lu; tables out %lu, in %lu\n",
         c->pageouts, c->writebacks, c->clean_drops, c->pageins, c->a_cleared, c->table_outs,
         c->table_ins);
  struct devstat d;
  if (devstat(&d, 0) == 0 && d.accel)
    printf("accelerator: %lu descriptors (ok %lu, bad %lu, fault %lu); page requests %lu served, "
           "%lu refused; IOMMU fault records %lu, IOTINVAL.VMA %lu, IOFENCE.C %lu; PASIDs %lu\n",
           d.descriptors, d.status[ACCEL_OK], d.status[ACCEL_BAD_DESC], d.status[ACCEL_FAULT], d.page_reqs,
           d.page_denied, d.fault_records, d.iotinval, d.iofence, d.pasids);
}

// Runs program argv[0] (with or without its test_ prefix) and waits for it.
static void run(char **argv)
{
  char path[48];
  snprintf(path, sizeof(path), "test_%s", argv[0]);
  int pid = fork();
  if (pid == 0) {
    exec(argv[0], argv);
    exec(path, argv);
    printf("%s: not found\n", argv[0]);
    exit(127);
  }
  int st = 0;
  if (pid < 0 || wait(&st) < 0) printf("fork failed\n");
  else printf("[%s: exit status %d]\n", argv[0], st);
}

int main(void)
{
  char line[MAXLINE], *argv[8];
  printf("pagoda-os shell: ls, ps, vmstat, NAME (a program or a test: cow, swap...), poweroff\n");
  for (;;) {
    printf("$ ");
    getline(line);
    int argc = split(line, argv, 8);
    if (argc == 0) continue;
    if (strcmp(argv[0], "ls") == 0) ls();
    else if (strcmp(argv[0], "ps") == 0) pstable();
    else if (strcmp(argv[0], "vmstat") == 0) vmstat_all();
    else if (strcmp(argv[0], "poweroff") == 0 || strcmp(argv[0], "exit") == 0) poweroff(0);
    else if (strcmp(argv[0], "help") == 0) printf("ls, ps, vmstat, NAME [ARGS], poweroff\n");
    else run(argv);
  }
}
