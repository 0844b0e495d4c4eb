// Sizes and limits of the kernel.
#pragma once
#define NCPU 8          // harts the kernel can run on (hart ids 0..NCPU-1)
#define NPROC 64        // process slots
#define KSTACK_SIZE 16384
#define NVMA 40         // memory regions per address space (struct vmspace fits a page)
#define NFILE 64        // files in the disk's file system
#define NPCACHE 256     // pages held by the page cache
#define MAXARG 8        // exec arguments
#define TICK_HZ 100     // timer interrupts per second on each hart
