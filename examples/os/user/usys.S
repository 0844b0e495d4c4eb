# System call stubs: the number (kernel/syscall.h) in a7, then ecall.
#include "../kernel/syscall.h"

.globl exit
exit:
  li a7, SYS_exit
  ecall
  ret
.globl fork
fork:
  li a7, SYS_fork
  ecall
  ret
.globl exec
exec:
  li a7, SYS_exec
  ecall
  ret
.globl wait
wait:
  li a7, SYS_wait
  ecall
  ret
.globl getpid
getpid:
  li a7, SYS_getpid
  ecall
  ret
.globl write
write:
  li a7, SYS_write
  ecall
  ret
.globl yield
yield:
  li a7, SYS_yield
  ecall
  ret
.globl mmap
mmap:
  li a7, SYS_mmap
  ecall
  ret
.globl munmap
munmap:
  li a7, SYS_munmap
  ecall
  ret
.globl mprotect
mprotect:
  li a7, SYS_mprotect
  ecall
  ret
.globl frame
frame:
  li a7, SYS_frame
  ecall
  ret
.globl vmstat
vmstat:
  li a7, SYS_vmstat
  ecall
  ret
.globl fail
fail:
  li a7, SYS_fail
  ecall
  ret
.globl hartid
hartid:
  li a7, SYS_hartid
  ecall
  ret
.globl uptime
uptime:
  li a7, SYS_uptime
  ecall
  ret
.globl clone
clone:
  li a7, SYS_clone
  ecall
  ret
.globl mlock
mlock:
  li a7, SYS_mlock
  ecall
  ret
.globl mmapfile
mmapfile:
  li a7, SYS_mmapfile
  ecall
  ret
.globl madvise
madvise:
  li a7, SYS_madvise
  ecall
  ret
.globl setrss
setrss:
  li a7, SYS_setrss
  ecall
  ret
.globl shmtable
shmtable:
  li a7, SYS_shmtable
  ecall
  ret
.globl ptable
ptable:
  li a7, SYS_ptable
  ecall
  ret
.globl read
read:
  li a7, SYS_read
  ecall
  ret
.globl readdir
readdir:
  li a7, SYS_readdir
  ecall
  ret
.globl ps
ps:
  li a7, SYS_ps
  ecall
  ret
.globl poweroff
poweroff:
  li a7, SYS_poweroff
  ecall
  ret
.globl sbrk
sbrk:
  li a7, SYS_sbrk
  ecall
  ret
.globl skip
skip:
  li a7, SYS_skip
  ecall
  ret
.globl texit
texit:
  li a7, SYS_texit
  ecall
  ret
.globl waitpid
waitpid:
  li a7, SYS_waitpid
  ecall
  ret
.globl accel_submit
accel_submit:
  li a7, SYS_accel_submit
  ecall
  ret
.globl accel_wait
accel_wait:
  li a7, SYS_accel_wait
  ecall
  ret
.globl devstat
devstat:
  li a7, SYS_devstat
  ecall
  ret
