/* The host side of the guest's console: stdin (raw mode on a terminal) fed
 * into the UART, Ctrl-A X to quit as in QEMU -nographic, and SIGTERM, SIGINT
 * and SIGHUP turned into an orderly stop.  The saved terminal modes live in
 * static storage, so restoring them never depends on a board that may
 * already be freed; the terminal is restored on every way out. */
#ifndef PAGODA_CONSOLE_H
#define PAGODA_CONSOLE_H

#include <stdbool.h>

struct uart;

/* Put a terminal on stdin into raw mode (restored at exit and by
 * console_restore) and catch SIGTERM, SIGINT and SIGHUP.  Call once. */
void console_init(void);

/* Move waiting stdin bytes into the UART, waiting up to wait_ms for the
 * first one.  Returns true when the run should stop: Ctrl-A X was typed or
 * a signal arrived (console_stop_requested says which). */
bool console_poll(struct uart *u, int wait_ms);

/* True while stdin may still deliver bytes (not closed, not at EOF). */
bool console_input_open(void);

/* True when a stop is pending: *status = 0 after Ctrl-A X, 128 + the signal
 * number after SIGTERM, SIGINT or SIGHUP (as a shell reports it). */
bool console_stop_requested(int *status);

/* Put the terminal back as console_init found it; harmless to repeat. */
void console_restore(void);

#endif
