# Entry of every user program: main(argc, argv) with a0/a1 from exec, then exit.
.section .text.start
.globl _start
_start:
  call main
  call exit
1:
  j 1b

# A new thread starts here (see thread_create): a0 = function, a1 = its argument; when
# the function returns, the thread (only) ends.
.globl thread_entry
thread_entry:
  mv t0, a0
  mv a0, a1
  jalr t0
  li a0, 0
  call texit
