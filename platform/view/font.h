/* The view's one font: DejaVu Sans Mono from Debian's fonts-dejavu-core,
 * opened with SDL2_ttf, and its printable ASCII characters drawn once into
 * a texture per renderer so that text costs one copy per character. */
#ifndef PAGODA_VIEW_FONT_H
#define PAGODA_VIEW_FONT_H

#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#define VIEW_FONT_PATH "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
#define VIEW_FONT_PT 12

/* The font's glyphs on one renderer: characters 32..126 side by side,
 * white on transparent, each adv pixels wide and h high. */
struct view_font {
    SDL_Texture *glyphs;
    int adv, h;
};

/* Open the font (initialising SDL2_ttf) and draw its glyphs for r.  NULL
 * with a one-line reason in err when the font is missing or unreadable. */
struct view_font *view_font_open(SDL_Renderer *r, char *err, size_t errlen);
void view_font_close(struct view_font *f);
/* Draw s at (x, y) (top left) in colour rgb (0xRRGGBB), at most max
 * characters; returns the width drawn in pixels. */
int view_font_draw(const struct view_font *f, SDL_Renderer *r, int x, int y, uint32_t rgb, const char *s,
                   size_t max);

#endif
