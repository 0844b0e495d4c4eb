// The parts of the ELF-64 format that exec reads.
#pragma once
#include "types.h"

#define ELF_MAGIC 0x464c457fU // "\x7fELF" little-endian
#define EM_RISCV 243
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4

struct elfhdr {
  uint32 magic;
  uint8 ident[12];
  uint16 type, machine;
  uint32 version;
  uint64 entry, phoff, shoff;
  uint32 flags;
  uint16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct proghdr {
  uint32 type, flags;
  uint64 off, vaddr, paddr, filesz, memsz, align;
};
