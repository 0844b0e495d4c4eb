// The test runner, the first process: runs every program called test_* on the disk
// (or only the one named by `test=NAME`), one after another, prints PASS or FAIL for
// each and a total, and powers the machine off with a status the emulator passes on.
#include "types.h"
#include "riscv.h"
#include "defs.h"

// Returns 1 if the boot argument value v (ending at a space or NUL) equals name.
static int arg_is(const char *v, const char *name)
{
  uint64 n = strlen(name);
  return strncmp(v, name, n) == 0 && (v[n] == 0 || v[n] == ' ');
}

// Runs test program `file` and waits for it; returns 1 if it passed, 0 if it failed,
// -1 if it could not run here (it said skip).
static int run_one(const char *file, const char *name)
{
  char *argv[] = { (char *)file, 0 };
  char why[64];
  int status = 0;
  int pid = spawn(file, argv);
  if (pid < 0) {
    kprintf("FAIL %s: cannot exec %s\n", name, file);
    return 0;
  }
  wait(pid, &status, why);
  if (status == 0) {
    kprintf("PASS %s\n", name);
    return 1;
  }
  if (status == SKIP_STATUS) {
    kprintf("SKIP %s: %s\n", name, why);
    return -1;
  }
  if (why[0])
    kprintf("FAIL %s: %s\n", name, why);
  else
    kprintf("FAIL %s: exit status %d\n", name, status);
  return 0;
}

// The runner's body (a kernel process); never returns. With `-append shell` it runs
// the shell instead of the tests, and powers off when the shell ends.
void runner(void)
{
  if (bootarg("shell")) {
    char *argv[] = { "sh", 0 };
    int status = 1;
    if (spawn("sh", argv) < 0) kprintf("cannot run sh\n");
    else wait(0, &status, 0);
    sbi_shutdown(status != 0);
  }
  const char *only = bootarg("test");
  int passed = 0, failed = 0, skipped = 0;
  for (int f = 0; f < fs_count(); f++) {
    const char *file = fs_name(f);
    if (strncmp(file, "test_", 5) != 0) continue;
    if (only && !arg_is(only, file + 5)) continue;
    int r = run_one(file, file + 5);
    if (r > 0) passed++;
    else if (r < 0) skipped++;
    else failed++;
  }
  if (only && passed + failed + skipped == 0) {
    kprintf("FAIL %s: no such test\n", "runner");
    failed++;
  }
  struct vmcount *t = &vmtotal;
  kprintf("memory totals: %lu faults (%lu zero-filled, %lu from files), %lu COW copies, "
          "%lu fences here, %lu shootdowns, %lu huge pages, %lu promoted, %lu demoted, "
          "%lu 1 GiB pages, %lu paged out (%lu written), %lu paged in\n",
          t->faults, t->zero_fills, t->file_fills, t->cow_copies, t->fences_local,
          t->shootdowns_sent, t->huge_fills, t->promotions, t->demotions, t->giant_fills,
          t->pageouts, t->writebacks, t->pageins);
  if (iommu_ready()) {
    struct devstat ds;
    memset(&ds, 0, sizeof(ds));
    iommu_stat(0, &ds); // every fault record, also those of address spaces gone since
    kprintf("device totals: %lu descriptors, %lu page requests served (%lu refused), "
            "%lu IOMMU fault records, %lu IOTINVAL.VMA sent\n",
            t->accel_descs, t->accel_page_reqs, t->accel_page_denied, ds.fault_records, t->iommu_invals);
  }
  if (skipped) kprintf("%d skipped\n", skipped);
  kprintf("%d passed, %d failed\n", passed, failed);
  sbi_shutdown(failed != 0);
}
