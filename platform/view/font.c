/* The view's font: see font.h. */
#include "font.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <SDL_ttf.h>

#define FIRST_CHAR 32
#define NCHARS 95 /* 32..126 */

struct view_font *view_font_open(SDL_Renderer *r, char *err, size_t errlen)
{
    if (access(VIEW_FONT_PATH, R_OK) != 0) {
        snprintf(err, errlen, "view: font %s is missing (install fonts-dejavu-core)", VIEW_FONT_PATH);
        return NULL;
    }
    if (TTF_Init() != 0) {
        snprintf(err, errlen, "view: SDL2_ttf: %s", TTF_GetError());
        return NULL;
    }
    TTF_Font *ttf = TTF_OpenFont(VIEW_FONT_PATH, VIEW_FONT_PT);
    if (!ttf) {
        snprintf(err, errlen, "view: cannot open font %s: %s", VIEW_FONT_PATH, TTF_GetError());
        TTF_Quit();
        return NULL;
    }
    /* A monospaced font without kerning puts character i at i * advance,
     * so one rendered line of all the characters is the whole atlas. */
    TTF_SetFontKerning(ttf, 0);
    char line[NCHARS + 1];
    for (int i = 0; i < NCHARS; i++)
        line[i] = (char)(FIRST_CHAR + i);
    line[NCHARS] = 0;
    int adv = 0;
    SDL_Surface *s = NULL;
    if (TTF_GlyphMetrics(ttf, 'M', NULL, NULL, NULL, NULL, &adv) == 0 && adv > 0)
        s = TTF_RenderText_Blended(ttf, line, (SDL_Color){ 255, 255, 255, 255 });
    int h = TTF_FontHeight(ttf);
    TTF_CloseFont(ttf);
    TTF_Quit();
    if (!s) {
        snprintf(err, errlen, "view: cannot draw font %s: %s", VIEW_FONT_PATH, TTF_GetError());
        return NULL;
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (!t) {
        snprintf(err, errlen, "view: cannot make the font texture: %s", SDL_GetError());
        return NULL;
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    struct view_font *f = SDL_calloc(1, sizeof *f);
    if (!f) {
        SDL_DestroyTexture(t);
        snprintf(err, errlen, "view: out of memory");
        return NULL;
    }
    f->glyphs = t;
    f->adv = adv;
    f->h = h;
    return f;
}

void view_font_close(struct view_font *f)
{
    if (!f)
        return;
    SDL_DestroyTexture(f->glyphs);
    SDL_free(f);
}

int view_font_draw(const struct view_font *f, SDL_Renderer *r, int x, int y, uint32_t rgb, const char *s,
                   size_t max)
{
    SDL_SetTextureColorMod(f->glyphs, (uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb);
    int x0 = x;
    for (size_t i = 0; i < max && s[i]; i++, x += f->adv) {
        int c = (unsigned char)s[i];
        if (c <= FIRST_CHAR || c >= FIRST_CHAR + NCHARS)
            continue; /* space, or nothing to draw */
        SDL_Rect src = { (c - FIRST_CHAR) * f->adv, 0, f->adv, f->h };
        SDL_Rect dst = { x, y, f->adv, f->h };
        SDL_RenderCopy(r, f->glyphs, &src, &dst);
    }
    return x - x0;
}
