/*
 * svg.h -- the pieces charts are drawn with: a growable text buffer, XML
 * escaping, linear scales, "nice" axis ticks, and SVG path data that breaks
 * at missing values (a gap, never a line through zero).
 *
 * Ownership: an ent_sb owns its text (ent_sb_free, or take it with
 * ent_sb_take); everything else here is plain values.  Missing values are
 * NAN throughout.
 */
#ifndef ENT_SVG_H
#define ENT_SVG_H

#include "../core/core.h"

#include <stddef.h>

typedef struct ent_sb {
    ent_ctx *ctx;
    char *p;    /* NUL-terminated when len > 0 */
    size_t len, cap;
    int oom;    /* an append failed: the text is incomplete */
} ent_sb;

void ent_sb_init(ent_sb *b, ent_ctx *ctx);
void ent_sb_free(ent_sb *b);
/* ent_sb_take returns the text (a ctx allocation, "" when empty) and empties
 * b; NULL when an append failed or on no memory. */
char *ent_sb_take(ent_sb *b);
void ent_sb_put(ent_sb *b, const char *s, size_t n);
void ent_sb_puts(ent_sb *b, const char *s);
void ent_sb_printf(ent_sb *b, const char *fmt, ...) ENT_PRINTF(2, 3);
/* ent_sb_xml appends s with & < > " ' escaped, for text and attribute
 * values; bytes below 0x20 other than tab and newline (not allowed in XML
 * 1.0) become U+FFFD.  NULL appends nothing. */
void ent_sb_xml(ent_sb *b, const char *s);
/* ent_sb_num appends v with at most 2 decimals and no trailing zeros
 * ("12", "12.5", "-0.25"): coordinates. */
void ent_sb_num(ent_sb *b, double v);

/* A linear map from the domain [d0, d1] to the range [r0, r1]; r1 < r0 is
 * how a y axis points up.  A domain of zero width maps to the middle. */
typedef struct ent_scale {
    double d0, d1, r0, r1;
} ent_scale;

double ent_scale_map(const ent_scale *s, double v); /* NAN stays NAN */

/* ent_ticks picks about target ticks on [lo, hi] at a step of 1, 2 or 5
 * times a power of ten, from the first multiple of the step >= lo to the
 * last <= hi; writes at most max of them to out and returns the count
 * (0 when lo > hi or a bound is not finite).  *step (may be NULL) gets the
 * step, for choosing decimals. */
int ent_ticks(double lo, double hi, int target, double *out, int max, double *step);

/* ent_svg_line_d appends path data ("M x y L x y ...") through the points
 * (x[i], y[i]) mapped by sx, sy, starting a new subpath after every missing
 * y: a missing year is a gap.  Returns the number of subpaths; a subpath of
 * one point draws nothing by itself (callers mark points). */
int ent_svg_line_d(ent_sb *b, const double *x, const double *y, size_t n, const ent_scale *sx,
                   const ent_scale *sy);
/* ent_svg_band_d appends one closed subpath per run of points where both lo
 * and hi are present: along hi, then back along lo.  Returns the number of
 * runs; a run of one point becomes a thin vertical bar of half-width hw. */
int ent_svg_band_d(ent_sb *b, const double *x, const double *lo, const double *hi, size_t n,
                   const ent_scale *sx, const ent_scale *sy, double hw);

#endif
