/* The view off-screen: drawn with SDL's software renderer on a surface,
 * written with SDL2_image.  Needs no display. */
#include <stdio.h>

#include <SDL.h>
#include <SDL_image.h>

#include "draw.h"
#include "font.h"
#include "layout.h"
#include "render.h"

int view_png_write(const struct view_model *m, const char *path, char *err, size_t errlen)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, VIEW_WIDTH, VIEW_HEIGHT, 32, SDL_PIXELFORMAT_RGB888);
    if (!s) {
        snprintf(err, errlen, "view: cannot make a %dx%d image: %s", VIEW_WIDTH, VIEW_HEIGHT, SDL_GetError());
        return -1;
    }
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    if (!r) {
        snprintf(err, errlen, "view: no software renderer: %s", SDL_GetError());
        SDL_FreeSurface(s);
        return -1;
    }
    int rc = -1;
    struct view_font *f = view_font_open(r, err, errlen);
    if (f) {
        struct view_layout l;
        view_layout(m, &l);
        view_render(r, f, m, &l);
        SDL_RenderFlush(r);
        if (IMG_SavePNG(s, path) == 0)
            rc = 0;
        else
            snprintf(err, errlen, "%s: cannot write the PNG: %s", path, IMG_GetError());
        view_font_close(f);
    }
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    return rc;
}
