/* Drawing the view model with SDL2: the window (--view) and the off-screen
 * PNG (--view-png).  Only platform/view/ includes this; model.h says what
 * is drawn. */
#ifndef PAGODA_VIEW_DRAW_H
#define PAGODA_VIEW_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define VIEW_WIDTH 1600   /* the window's and the PNG's size, in pixels */
#define VIEW_HEIGHT 1000

struct view_window;

/* Open the window (SDL video, SDL2_ttf with the Debian DejaVu font).  NULL
 * with a one-line reason in err when there is no display or no font. */
struct view_window *view_window_open(char *err, size_t errlen);
/* Draw m into the window and show it. */
void view_window_draw(struct view_window *w, const struct view_model *m);
/* Handle the window's pending events (waiting up to wait_ms for one):
 * keys and the mouse change m->ctl (and m->walk, setting
 * ctl.walk_requested); closing the window sets ctl.closed (and ctl.quit
 * with quit_on_close).  Returns true when something changed that needs a
 * redraw. */
bool view_window_poll(struct view_window *w, struct view_model *m, int wait_ms, bool quit_on_close);
void view_window_close(struct view_window *w);

/* Draw m off-screen (no display needed) and write it as a PNG to path.
 * Returns 0, or -1 with a one-line reason in err. */
int view_png_write(const struct view_model *m, const char *path, char *err, size_t errlen);

#endif
