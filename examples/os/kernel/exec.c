// exec: replaces a process's address space with a program from the file system.
// Nothing is read into memory here: each ELF segment becomes a region that page
// faults fill later (text shared from the page cache, data copied, bss zeroed).
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "elf.h"

#define USTACK_TOP MAXUVA
#define USTACK_MAX (1UL << 20)  // the stack grows on demand up to this size
#define USTACK_INIT (4 * PGSIZE)

// Adds a region for one loadable segment; returns 0 or -1.
static int load_segment(struct vmspace *vs, int f, struct proghdr *ph)
{
  if (ph->memsz < ph->filesz || ph->vaddr + ph->memsz < ph->vaddr ||
      ph->vaddr % PGSIZE != ph->off % PGSIZE)
    return -1;
  uint64 start = PGROUNDDOWN(ph->vaddr), end = PGROUNDUP(ph->vaddr + ph->memsz);
  uint64 prot = (ph->flags & PF_R ? PTE_R : 0) | (ph->flags & PF_W ? PTE_W | PTE_R : 0) |
                (ph->flags & PF_X ? PTE_X : 0);
  // Read-only segments map the page cache's frames, so every process running the
  // program shares them; writable ones get private copies.
  enum vmakind kind = (ph->flags & PF_W) ? VMA_FILE_PRIVATE : VMA_FILE_SHARED;
  if (vma_add(vs, start, end, prot, kind, f, PGROUNDDOWN(ph->off), ph->vaddr - start + ph->filesz) < 0)
    return -1;
  vs->vma[vs->nvma - 1].maxprot = prot & ~PTE_W; // never write the shared text
  return 0;
}

// Pushes argv onto the new stack; returns the new stack pointer or 0.
static uint64 push_args(struct vmspace *vs, char **argv, int *argcp)
{
  uint64 sp = USTACK_TOP, uargv[MAXARG + 1];
  int argc = 0;
  for (; argv && argv[argc]; argc++) {
    if (argc >= MAXARG) return 0;
    uint64 n = strlen(argv[argc]) + 1;
    sp = (sp - n) & ~15UL;
    if (copyout(vs, sp, argv[argc], n) < 0) return 0;
    uargv[argc] = sp;
  }
  uargv[argc] = 0;
  sp = (sp - (argc + 1) * 8) & ~15UL;
  if (copyout(vs, sp, uargv, (argc + 1) * 8) < 0) return 0;
  *argcp = argc;
  return sp;
}

// Loads program path into process p with arguments argv; on success p runs it from its
// entry with a0 = argc, a1 = argv, and exec returns argc (the syscall's a0); on failure
// returns -1 and p is unchanged.
int exec(struct proc *p, const char *path, char **argv)
{
  if (p->vs && p->vs->refs > 1) return -1; // other threads run in this address space
  int f = fs_lookup(path);
  struct elfhdr eh;
  if (f < 0 || fs_read(f, 0, &eh, sizeof(eh)) < 0 || eh.magic != ELF_MAGIC ||
      eh.machine != EM_RISCV || eh.phentsize != sizeof(struct proghdr))
    return -1;
  struct vmspace *vs = vs_create();
  if (!vs) return -1;
  for (int i = 0; i < eh.phnum; i++) {
    struct proghdr ph;
    if (fs_read(f, eh.phoff + i * sizeof(ph), &ph, sizeof(ph)) < 0) goto bad;
    if (ph.type == PT_LOAD && ph.memsz > 0 && load_segment(vs, f, &ph) < 0) goto bad;
  }
  for (int i = 0; i < vs->nvma; i++) // the heap starts after the program
    if (vs->vma[i].end > vs->brk_start) vs->brk_start = vs->vma[i].end;
  vs->brk = vs->brk_start;
  if (vma_add(vs, USTACK_TOP - USTACK_INIT, USTACK_TOP, PTE_R | PTE_W, VMA_ANON, 0, 0, 0) < 0)
    goto bad;
  vs->vma[vs->nvma - 1].limit = USTACK_TOP - USTACK_MAX; // its lowest page is the guard
  int argc;
  uint64 sp = push_args(vs, argv, &argc);
  if (!sp) goto bad;

  struct vmspace *old = p->vs;
  p->vs = vs;
  memset(&p->tf, 0, sizeof(p->tf));
  p->tf.epc = eh.entry;
  p->tf.sp = sp;
  p->tf.a1 = sp;
  const char *name = path;
  for (const char *s = path; *s; s++)
    if (*s == '/') name = s + 1;
  safestrcpy(p->name, name, sizeof(p->name));
  if (old) {
    // p runs on this hart on old's tables: move to the new ones before freeing them.
    push_off();
    asid_switch(vs);
    pop_off();
    vs_put(old);
  }
  p->tf.a0 = argc;
  return argc;
bad:
  vs_free(vs);
  return -1;
}
