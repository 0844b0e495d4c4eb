/* The integer mix shared by intmix (M-mode) and intmix-sv39 (U-mode). */
#ifndef BENCH_INTMIX_WORK_H
#define BENCH_INTMIX_WORK_H
#include "rt.h"

#ifndef INTMIX_ROUNDS
#define INTMIX_ROUNDS 3000
#endif

/* Runs INTMIX_ROUNDS rounds, prints the parameters and results, returns the
 * checksum (also printed). Returns 0 in *ok when a self-check failed. */
u64 intmix_run(const char *name, int *ok);
#endif
