/*
 * svg.c -- text buffer, XML escaping, scales, nice ticks, and path data with
 * gaps at missing values, for the report's charts (see svg.h).
 */
#include "svg.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define SB_MAX ((size_t)1 << 31) /* bytes of one page or chart (a report page is about 200 KB) */

void ent_sb_init(ent_sb *b, ent_ctx *ctx)
{
    memset(b, 0, sizeof *b);
    b->ctx = ctx;
}

void ent_sb_free(ent_sb *b)
{
    ent_free(b->ctx, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

char *ent_sb_take(ent_sb *b)
{
    char *p;
    if (b->oom) {
        ent_sb_free(b);
        return NULL;
    }
    p = b->p ? b->p : ent_strdup(b->ctx, "");
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

static int grow(ent_sb *b, size_t extra)
{
    if (b->oom)
        return 0;
    /* the text and its NUL; a huge extra is refused, not wrapped around */
    if (extra > SIZE_MAX - 1 - b->len ||
        ent_grow(b->ctx, &b->p, &b->cap, b->len + extra + 1, 1, SB_MAX, "report text bytes") !=
            ENT_OK) {
        b->oom = 1;
        return 0;
    }
    return 1;
}

void ent_sb_put(ent_sb *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void ent_sb_puts(ent_sb *b, const char *s)
{
    if (s)
        ent_sb_put(b, s, strlen(s));
}

void ent_sb_printf(ent_sb *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ent_sb_xml(ent_sb *b, const char *s)
{
    const char *run = s;
    if (!s)
        return;
    for (; *s; s++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                rep = "\xEF\xBF\xBD";
        }
        if (rep) {
            ent_sb_put(b, run, (size_t)(s - run));
            ent_sb_puts(b, rep);
            run = s + 1;
        }
    }
    ent_sb_put(b, run, (size_t)(s - run));
}

void ent_sb_num(ent_sb *b, double v)
{
    char t[48];
    int n;
    if (!isfinite(v))
        v = 0; /* never reached by callers, which skip missing values */
    v = round(v * 100) / 100;
    if (v == 0)
        v = 0; /* no "-0" */
    n = snprintf(t, sizeof t, "%.2f", v);
    while (n > 0 && t[n - 1] == '0')
        t[--n] = 0;
    if (n > 0 && t[n - 1] == '.')
        t[--n] = 0;
    ent_sb_put(b, t, (size_t)n);
}

double ent_scale_map(const ent_scale *s, double v)
{
    if (isnan(v))
        return NAN;
    if (s->d1 == s->d0)
        return (s->r0 + s->r1) / 2;
    return s->r0 + (v - s->d0) * (s->r1 - s->r0) / (s->d1 - s->d0);
}

int ent_ticks(double lo, double hi, int target, double *out, int max, double *step)
{
    double span, raw, mag, f, st, t0;
    int n = 0;
    if (!isfinite(lo) || !isfinite(hi) || lo > hi || max <= 0)
        return 0;
    if (target < 1)
        target = 1;
    span = hi - lo;
    if (span == 0) {
        out[0] = lo;
        if (step)
            *step = 0;
        return 1;
    }
    raw = span / target;
    mag = pow(10, floor(log10(raw)));
    f = raw / mag;
    st = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    t0 = ceil(lo / st - 1e-9) * st;
    for (double t = t0; t <= hi + st * 1e-9 && n < max; t = t0 + st * n) {
        out[n++] = fabs(t) < st * 1e-9 ? 0 : t;
    }
    if (step)
        *step = st;
    return n;
}

static void pt(ent_sb *b, char cmd, double x, double y)
{
    ent_sb_put(b, &cmd, 1);
    ent_sb_num(b, x);
    ent_sb_put(b, " ", 1);
    ent_sb_num(b, y);
}

int ent_svg_line_d(ent_sb *b, const double *x, const double *y, size_t n, const ent_scale *sx,
                   const ent_scale *sy)
{
    int runs = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]) || isnan(x[i])) {
            in = 0;
            continue;
        }
        if (runs && !in)
            ent_sb_put(b, " ", 1);
        pt(b, in ? 'L' : 'M', ent_scale_map(sx, x[i]), ent_scale_map(sy, y[i]));
        if (!in)
            runs++;
        in = 1;
    }
    return runs;
}

int ent_svg_band_d(ent_sb *b, const double *x, const double *lo, const double *hi, size_t n,
                   const ent_scale *sx, const ent_scale *sy, double hw)
{
    int runs = 0;
    size_t i = 0;
    while (i < n) {
        size_t j;
        if (isnan(lo[i]) || isnan(hi[i]) || isnan(x[i])) {
            i++;
            continue;
        }
        for (j = i; j < n && !isnan(lo[j]) && !isnan(hi[j]) && !isnan(x[j]); j++)
            ;
        if (runs)
            ent_sb_put(b, " ", 1);
        runs++;
        if (j - i == 1) {
            double px = ent_scale_map(sx, x[i]);
            pt(b, 'M', px - hw, ent_scale_map(sy, hi[i]));
            pt(b, 'L', px + hw, ent_scale_map(sy, hi[i]));
            pt(b, 'L', px + hw, ent_scale_map(sy, lo[i]));
            pt(b, 'L', px - hw, ent_scale_map(sy, lo[i]));
        } else {
            for (size_t k = i; k < j; k++)
                pt(b, k == i ? 'M' : 'L', ent_scale_map(sx, x[k]), ent_scale_map(sy, hi[k]));
            for (size_t k = j; k-- > i;)
                pt(b, 'L', ent_scale_map(sx, x[k]), ent_scale_map(sy, lo[k]));
        }
        ent_sb_put(b, "Z", 1);
        i = j;
    }
    return runs;
}
