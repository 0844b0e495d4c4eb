// Feature 3: exec and shared text. Two processes running one program map the same
// read-only frames for its code (from the kernel's page cache), not copies.
#include "user.h"

int main(int argc, char **argv)
{
  long f = frame((unsigned long)main);
  if (f == -1) fail("main's page is not present while it runs");
  if (argc == 2) // the second process: compare with the first one's frame
    exit(f == atol(argv[1]) ? 0 : 2);
  char arg[24];
  snprintf(arg, sizeof(arg), "%ld", f);
  int pid = fork();
  if (pid == 0) {
    char *args[] = { "test_sharedtext", arg, 0 };
    exec("test_sharedtext", args);
    exit(3);
  }
  int st = -1;
  wait(&st);
  if (st == 2) fail("the second process runs main from another frame");
  if (st != 0) failf("the second process failed with status %d", st);
  long data_frame = frame((unsigned long)&f); // the stack: private, never shared
  if (data_frame == f) fail("stack and text share a frame");
  return 0;
}
