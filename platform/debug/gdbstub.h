/* The GDB remote stub (docs/DEBUGGING.md): QEMU's -s, -gdb tcp::PORT and
 * -S.  It listens on 127.0.0.1 and drives the board through its watch
 * hooks (board.h): between scheduling rounds it answers GDB, stops and
 * resumes harts, single-steps one hart, and checks breakpoints and
 * watchpoints.  Nothing of it runs in the hot loop: with no breakpoint or
 * watchpoint set the harts run their usual quanta, and with any set they
 * run one instruction per round (much slower, and only while debugging). */
#ifndef PAGODA_GDBSTUB_H
#define PAGODA_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>

struct board;
struct board_watch;
struct gdbstub;

/* Parse a -gdb value: "tcp::PORT" or "tcp:127.0.0.1:PORT" (or
 * "tcp:localhost:PORT"); the port, or -1 when malformed. */
int gdbstub_parse_spec(const char *spec);
/* Listen on 127.0.0.1:port; with wait (-S), the first instruction waits
 * for GDB.  NULL with a one-line reason in err. */
struct gdbstub *gdbstub_create(struct board *b, int port, bool wait, char *err, size_t errlen);
const struct board_watch *gdbstub_watch(struct gdbstub *g);
/* The run ended with this exit status: tell a connected GDB (W packet). */
void gdbstub_finish(struct gdbstub *g, int status);
void gdbstub_destroy(struct gdbstub *g);

#endif
