# Entry of every user program: main(argc, argv) with a0/a1 from exec, then exit.
.section .text.start
.globl _start
_start:
  call main
  call exit
1:
  j 1b
