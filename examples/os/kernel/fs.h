// The on-disk format of the read-only file system (built by mkfs.py on the host).
// Sector 0 holds the superblock, the directory follows from sector 1, each file starts
// on a 4 KiB boundary (so a page of a file is 8 whole sectors), and the swap area
// comes after the last file. All numbers are little-endian.
#pragma once
#include "types.h"

#define FS_MAGIC "PGOSFS1"
#define FS_NAMELEN 48

struct superblock {
  char magic[8];       // "PGOSFS1\0"
  uint32 nfiles;
  uint32 dir_sectors;  // the directory: sectors 1 .. dir_sectors
  uint64 swap_start;   // first sector of the swap area
  uint64 swap_sectors;
};

struct dirent {        // 64 bytes, 8 to a sector
  char name[FS_NAMELEN];
  uint64 start;        // first sector
  uint64 size;         // bytes
};
