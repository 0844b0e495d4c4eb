// The read-only file system: a flat directory of contiguous files, read through a
// page cache whose frames processes map directly (shared text) or copy (private data).
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "fs.h"

static struct superblock sb;
static struct dirent dir[NFILE];
static int nfiles;

struct pcentry { int file; uint64 idx; void *page; };
static struct {
  struct spinlock lock;
  struct pcentry e[NPCACHE];
  int n;
} pcache;

// Reads the superblock and the directory; returns the number of files, or -1.
int fs_init(void)
{
  uint8 *buf = kalloc();
  if (!buf || disk_read(0, buf, 1) < 0) return -1;
  memmove(&sb, buf, sizeof(sb));
  if (strcmp(sb.magic, FS_MAGIC) != 0) { kfree(buf); return -1; }
  nfiles = sb.nfiles < NFILE ? sb.nfiles : NFILE;
  for (int i = 0; i < nfiles; i++) {
    if (i % 8 == 0 && disk_read(1 + i / 8, buf, 1) < 0) { kfree(buf); return -1; }
    memmove(&dir[i], buf + (i % 8) * sizeof(struct dirent), sizeof(struct dirent));
    dir[i].name[FS_NAMELEN - 1] = 0;
  }
  kfree(buf);
  return nfiles;
}

// Gives the swap area after the files: its first sector and its size in sectors.
void fs_swap_area(uint64 *start, uint64 *nsectors)
{
  *start = sb.swap_start;
  *nsectors = sb.swap_sectors;
}

// Returns the number of files.
int fs_count(void) { return nfiles; }
// Returns the name of file f.
const char *fs_name(int f) { return dir[f].name; }
// Returns the size in bytes of file f.
uint64 fs_size(int f) { return dir[f].size; }

// Returns the index of the file called name (a leading '/' is ignored), or -1.
int fs_lookup(const char *name)
{
  if (name[0] == '/') name++;
  for (int i = 0; i < nfiles; i++)
    if (strcmp(dir[i].name, name) == 0) return i;
  return -1;
}

// Returns the cached frame holding page idx of file f, reading it from the disk on the
// first request (bytes past the end of the file read as zero); 0 if out of range or out
// of memory. The cache keeps one reference to the frame for ever.
void *pcache_get(int f, uint64 idx)
{
  if (f < 0 || f >= nfiles || idx * PGSIZE >= dir[f].size) return 0;
  acquire(&pcache.lock);
  for (int i = 0; i < pcache.n; i++)
    if (pcache.e[i].file == f && pcache.e[i].idx == idx) {
      void *pg = pcache.e[i].page;
      release(&pcache.lock);
      return pg;
    }
  uint8 *pg = pcache.n < NPCACHE ? kalloc() : 0;
  if (pg) {
    uint64 left = dir[f].size - idx * PGSIZE;
    uint64 nsec = left >= PGSIZE ? 8 : (left + 511) / 512;
    if (disk_read(dir[f].start + idx * 8, pg, nsec) < 0) {
      kfree(pg);
      pg = 0;
    } else {
      if (left < PGSIZE) memset(pg + left, 0, PGSIZE - left);
      pcache.e[pcache.n++] = (struct pcentry){ f, idx, pg };
    }
  }
  release(&pcache.lock);
  return pg;
}

// Copies n bytes at offset off of file f into dst; returns 0, or -1 past the end.
int fs_read(int f, uint64 off, void *dst, uint64 n)
{
  if (f < 0 || f >= nfiles || off + n > dir[f].size || off + n < off) return -1;
  while (n > 0) {
    uint8 *pg = pcache_get(f, off / PGSIZE);
    if (!pg) return -1;
    uint64 m = PGSIZE - off % PGSIZE;
    if (m > n) m = n;
    memmove(dst, pg + off % PGSIZE, m);
    n -= m; off += m; dst = (uint8 *)dst + m;
  }
  return 0;
}
