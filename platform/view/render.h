/* Drawing the view model on any SDL renderer: the window's (window.c) or a
 * software renderer on a surface (png.c). */
#ifndef PAGODA_VIEW_RENDER_H
#define PAGODA_VIEW_RENDER_H

#include <stdint.h>

#include <SDL.h>

#include "font.h"
#include "layout.h"
#include "model.h"

/* Colours the drawing uses (0xRRGGBB), named here for the tests. */
#define VIEW_RGB_BG 0x0e1116       /* the background */
#define VIEW_RGB_PANEL 0x171c23    /* a hart panel */
#define VIEW_RGB_SELECT 0xffc83d   /* the selected hart's panel border and the selected cell */
#define VIEW_RGB_GLOBAL_DOT 0xffffff /* the corner dot of a global entry */
#define VIEW_RGB_VS_DOT 0xff5cf0   /* the H extension: the corner dot of a combined VS+G entry (or VS-stage PTE) */
#define VIEW_RGB_G_DOT 0x3cf0ff    /* and of a G-stage entry (the nested TLB, G-stage PTEs) */
#define VIEW_RGB_PWC_ROW 0x4fc1ff  /* a walk row the page-walk cache answers */
#define VIEW_RGB_FAULT 0xff7b72    /* a walk that faults; a device's fault counters */

/* The colour of a cell's fill before any size pattern: its ASID colour (or
 * grey when empty) with its mark blended in by fade / VIEW_FADE_FRAMES
 * (the whole cell when it is empty or smaller than 6 pixels; otherwise
 * the mark is a frame around it). */
uint32_t view_cell_fill_rgb(const struct view_cell *c, int cell_px);
/* The colour of a shootdown kind (enum view_sd_kind): its arrows, at full
 * strength, and its lines in the list. */
uint32_t view_sd_rgb(unsigned kind);
/* a blended with b: t = 0 gives a, t = 1 gives b. */
uint32_t view_rgb_mix(uint32_t a, uint32_t b, float t);

/* Draw m on r (VIEW_WIDTH x VIEW_HEIGHT pixels) with font f, laid out as l
 * (view_layout of the same m). */
void view_render(SDL_Renderer *r, const struct view_font *f, const struct view_model *m,
                 const struct view_layout *l);

#endif
