/*
 * charts.c -- the report's SVG charts (see charts.h): trend lines with the
 * group's band, sorted dot charts, the draws' rank histogram and the
 * coverage grid.
 */
#include "charts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ent_rp_measure_names[ENT_RP_NM] = {"personal", "economic", "military",
                                                     "diplomatic", "composite"};

#define FONT "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"

static void svg_open(ent_sb *b, const char *id, double w, double h, const char *title,
                     const char *desc)
{
    ent_sb_printf(b,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"%s\" "
                  "viewBox=\"0 0 %g %g\" width=\"%g\" height=\"%g\" role=\"img\" "
                  "aria-labelledby=\"%s-t %s-d\" font-family=\"%s\" font-size=\"12\" "
                  "fill=\"" ENT_C_INK "\">\n<title id=\"%s-t\">",
                  id, w, h, w, h, id, id, FONT, id);
    ent_sb_xml(b, title);
    ent_sb_printf(b, "</title>\n<desc id=\"%s-d\">", id);
    ent_sb_xml(b, desc);
    ent_sb_puts(b, "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    ent_sb_puts(b, "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">");
    ent_sb_xml(b, title);
    ent_sb_puts(b, "</text>\n");
}

static void text_at(ent_sb *b, double x, double y, const char *anchor, const char *attrs,
                    const char *s)
{
    ent_sb_puts(b, "<text x=\"");
    ent_sb_num(b, x);
    ent_sb_puts(b, "\" y=\"");
    ent_sb_num(b, y);
    ent_sb_printf(b, "\" text-anchor=\"%s\"%s%s>", anchor, attrs ? " " : "", attrs ? attrs : "");
    ent_sb_xml(b, s);
    ent_sb_puts(b, "</text>\n");
}

static void line(ent_sb *b, double x1, double y1, double x2, double y2, const char *attrs)
{
    ent_sb_puts(b, "<line x1=\"");
    ent_sb_num(b, x1);
    ent_sb_puts(b, "\" y1=\"");
    ent_sb_num(b, y1);
    ent_sb_puts(b, "\" x2=\"");
    ent_sb_num(b, x2);
    ent_sb_puts(b, "\" y2=\"");
    ent_sb_num(b, y2);
    ent_sb_printf(b, "\" %s/>\n", attrs);
}

/* markers: the subject is a diamond, the group's dyads circles; open = a
 * composite that lacks a whole dimension */
static void diamond(ent_sb *b, double x, double y, double r, int open)
{
    ent_sb_puts(b, "<path d=\"");
    ent_sb_puts(b, "M");
    ent_sb_num(b, x);
    ent_sb_puts(b, " ");
    ent_sb_num(b, y - r);
    ent_sb_puts(b, "L");
    ent_sb_num(b, x + r);
    ent_sb_puts(b, " ");
    ent_sb_num(b, y);
    ent_sb_puts(b, "L");
    ent_sb_num(b, x);
    ent_sb_puts(b, " ");
    ent_sb_num(b, y + r);
    ent_sb_puts(b, "L");
    ent_sb_num(b, x - r);
    ent_sb_puts(b, " ");
    ent_sb_num(b, y);
    ent_sb_printf(b, "Z\" fill=\"%s\" stroke=\"" ENT_C_SUBJECT "\" stroke-width=\"1.5\"/>\n",
                  open ? "#ffffff" : ENT_C_SUBJECT);
}

static void circle(ent_sb *b, double x, double y, double r, int open)
{
    ent_sb_puts(b, "<circle cx=\"");
    ent_sb_num(b, x);
    ent_sb_puts(b, "\" cy=\"");
    ent_sb_num(b, y);
    ent_sb_puts(b, "\" r=\"");
    ent_sb_num(b, r);
    ent_sb_printf(b, "\" fill=\"%s\" stroke=\"" ENT_C_GROUP "\" stroke-width=\"1.2\"/>\n",
                  open ? "#ffffff" : ENT_C_GROUP);
}

/* the y axis of a 0-100 score: grid lines, tick labels, the axis label */
static void score_axis_y(ent_sb *b, const ent_scale *sy, double x0, double x1, int small)
{
    double t[8];
    int n = ent_ticks(0, 100, small ? 2 : 4, t, 8, NULL);
    char lab[16];
    for (int i = 0; i < n; i++) {
        double y = ent_scale_map(sy, t[i]);
        line(b, x0, y, x1, y, "stroke=\"" ENT_C_GRID "\" stroke-width=\"1\"");
        snprintf(lab, sizeof lab, "%g", t[i]);
        text_at(b, x0 - 5, y + 4, "end", "font-size=\"11\"", lab);
    }
    ent_sb_printf(b, "<text transform=\"translate(12 %g) rotate(-90)\" text-anchor=\"middle\" "
                     "font-size=\"11\">score (0-100)</text>\n",
                  (sy->r0 + sy->r1) / 2);
}

/* the x axis of a 0-100 score, horizontal */
static void score_axis_x(ent_sb *b, const ent_scale *sx, double y0, double y1, int small,
                         const char *label)
{
    double t[8];
    int n = ent_ticks(0, 100, small ? 2 : 4, t, 8, NULL);
    char lab[16];
    for (int i = 0; i < n; i++) {
        double x = ent_scale_map(sx, t[i]);
        line(b, x, y0, x, y1, "stroke=\"" ENT_C_GRID "\" stroke-width=\"1\"");
        snprintf(lab, sizeof lab, "%g", t[i]);
        text_at(b, x, y1 + 14, "middle", "font-size=\"11\"", lab);
    }
    text_at(b, (sx->r0 + sx->r1) / 2, y1 + 28, "middle", "font-size=\"11\"", label);
}

/* a short name for a source in a chart label: "cow_trade" -> "COW trade",
 * "sipri_arms_transfers_tiv" -> "SIPRI", "atop_alliance+cow_nmc" -> "ATOP" */
static void short_source(const char *src, char *buf, size_t cap)
{
    size_t k = strcspn(src, "_+, ");
    snprintf(buf, cap, "%.*s", (int)k, src);
    for (char *p = buf; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    if (!strcmp(buf, "COW") && src[k] == '_') {
        size_t j = strcspn(src + k + 1, "_+, ");
        snprintf(buf + strlen(buf), cap - strlen(buf), " %.*s", (int)j, src + k + 1);
    }
}

static int ends_here(const ent_rp *rp, int k, int m, int year)
{
    const ent_rp_term *t = &rp->terms[k];
    return t->last == year && (m == ENT_RP_COMPOSITE || t->dim == m);
}

/* list_ends writes, per year, the sources (and their terms) for which at(rp,
 * k, m, year) holds: "after 2018: atop_alliance (atop_level, ...); ..." */
typedef int (*term_at_fn)(const ent_rp *rp, int k, int m, int year);

static int list_ends(ent_sb *b, const ent_rp *rp, int m, term_at_fn at)
{
    int count = 0;
    for (int year = rp->from; year < rp->to; year++) {
        int first = 1;
        for (int k = 0; k < rp->nterms; k++) {
            int seen = 0;
            if (!at(rp, k, m, year))
                continue;
            for (int j = 0; j < k && !seen; j++)
                seen = at(rp, j, m, year) && !strcmp(rp->terms[j].source, rp->terms[k].source);
            if (seen)
                continue;
            if (first)
                ent_sb_printf(b, "%safter %d: ", count ? "; " : "", year);
            else
                ent_sb_puts(b, ", ");
            ent_sb_printf(b, "%s (", rp->terms[k].source);
            for (int j = k, n = 0; j < rp->nterms; j++)
                if (at(rp, j, m, year) && !strcmp(rp->terms[j].source, rp->terms[k].source))
                    ent_sb_printf(b, "%s%s", n++ ? ", " : "", rp->terms[j].expr);
            ent_sb_puts(b, ")");
            first = 0;
            count++;
        }
    }
    return count;
}

int ent_rp_source_ends(ent_sb *b, const ent_rp *rp, int m)
{
    return list_ends(b, rp, m, ends_here);
}

/* the last year of the span in which the subject has term k (a value or a
 * zero), or 0 */
static int subject_last(const ent_rp *rp, int k)
{
    for (int t = rp->nyears; t-- > 0;) {
        unsigned char c = rp->cov[(size_t)k * (size_t)rp->nyears + (size_t)t];
        if (c == ENT_RP_PRESENT || c == ENT_RP_ZERO)
            return rp->from + t;
    }
    return 0;
}

static int stops_here(const ent_rp *rp, int k, int m, int year)
{
    const ent_rp_term *t = &rp->terms[k];
    return (m == ENT_RP_COMPOSITE || t->dim == m) && t->last > year &&
           subject_last(rp, k) == year;
}

int ent_rp_subject_stops(ent_sb *b, const ent_rp *rp, int m)
{
    return list_ends(b, rp, m, stops_here);
}

/* the years in which a series is missing, as "2019-2023, 2025" */
static void missing_years(ent_sb *b, const double *v, const ent_rp *rp)
{
    int first = 1;
    for (int t = 0; t < rp->nyears;) {
        int u;
        if (!isnan(v[t])) {
            t++;
            continue;
        }
        for (u = t; u + 1 < rp->nyears && isnan(v[u + 1]); u++)
            ;
        if (u > t)
            ent_sb_printf(b, "%s%d-%d", first ? "" : ", ", rp->from + t, rp->from + u);
        else
            ent_sb_printf(b, "%s%d", first ? "" : ", ", rp->from + t);
        first = 0;
        t = u + 1;
    }
    if (first)
        ent_sb_puts(b, "none");
}

void ent_chart_trend(ent_sb *b, const ent_rp *rp, int m, int small, const char *id)
{
    double w = small ? 360 : 640, h = small ? 230 : 340;
    double ml = small ? 40 : 46, mr = 12, mt = small ? 58 : 62, mb = 38;
    ent_scale sx = {rp->from - 0.5, rp->to + 0.5, ml, w - mr};
    ent_scale sy = {0, 100, h - mb, mt};
    const double *subj = rp->subj + (size_t)m * (size_t)rp->nyears;
    const double *q1 = rp->q1 + (size_t)m * (size_t)rp->nyears;
    const double *med = rp->med + (size_t)m * (size_t)rp->nyears;
    const double *q3 = rp->q3 + (size_t)m * (size_t)rp->nyears;
    double *xs = ent_malloc(rp->ctx, (size_t)rp->nyears * sizeof *xs);
    double ticks[16];
    int nt;
    char title[128], lab[16];
    ent_sb desc;

    ent_sb_init(&desc, rp->ctx);
    snprintf(title, sizeof title, "%s: %s %s", rp->subject,
             m == ENT_RP_COMPOSITE ? "the composite" : ent_rp_measure_names[m],
             m == ENT_RP_COMPOSITE ? "score by year" : "score");
    ent_sb_printf(&desc, "Line chart, %d-%d: %s's %s score (0-100 among all dyads of each "
                         "year) against the median and interquartile range of %s. "
                         "%s missing in: ",
                  rp->from, rp->to, rp->subject, ent_rp_measure_names[m], rp->group, rp->subject);
    missing_years(&desc, subj, rp);
    ent_sb_puts(&desc, ". Group missing in: ");
    missing_years(&desc, med, rp);
    ent_sb_puts(&desc, ".");
    {
        ent_sb ends;
        ent_sb_init(&ends, rp->ctx);
        if (ent_rp_source_ends(&ends, rp, m) && ends.p)
            ent_sb_printf(&desc, " Sources that end in the span: %s.", ends.p);
        ent_sb_free(&ends);
        ent_sb_init(&ends, rp->ctx);
        if (ent_rp_subject_stops(&ends, rp, m) && ends.p)
            ent_sb_printf(&desc, " Earlier for %s: %s.", rp->subject, ends.p);
        ent_sb_free(&ends);
    }
    svg_open(b, id, w, h, title, desc.p ? desc.p : "");
    ent_sb_free(&desc);
    if (!xs)
        goto done;
    for (int t = 0; t < rp->nyears; t++)
        xs[t] = rp->from + t;

    /* legend, under the title */
    {
        double ly = 38, lx = 8;
        diamond(b, lx + 10, ly - 4, 4.5, 0);
        line(b, lx, ly - 4, lx + 20, ly - 4, "stroke=\"" ENT_C_SUBJECT "\" stroke-width=\"2.5\"");
        text_at(b, lx + 25, ly, "start", NULL, rp->subject);
        lx += 40 + 8 * (double)strlen(rp->subject);
        line(b, lx, ly - 4, lx + 22, ly - 4,
             "stroke=\"" ENT_C_GROUP "\" stroke-width=\"2\" stroke-dasharray=\"6 3\"");
        text_at(b, lx + 27, ly, "start", NULL, "group median");
        lx += 118;
        ent_sb_printf(b, "<rect x=\"%g\" y=\"%g\" width=\"20\" height=\"10\" fill=\"" ENT_C_BAND
                         "\" fill-opacity=\"0.45\"/>\n",
                      lx, ly - 9);
        text_at(b, lx + 25, ly, "start", NULL, small ? "middle half" : "middle half of the group");
        if (!small)
            text_at(b, 8, ly + 16, "start", "font-size=\"11\" fill=\"" ENT_C_MUTED "\"",
                    "open diamond: a composite without a whole dimension; gap: no data");
    }
    score_axis_y(b, &sy, ml, w - mr, small);
    /* x axis: years */
    nt = ent_ticks(rp->from, rp->to, small ? 4 : 8, ticks, 16, NULL);
    for (int i = 0; i < nt; i++) {
        double x = ent_scale_map(&sx, ticks[i]);
        if (ticks[i] != floor(ticks[i])) /* years are whole */
            continue;
        line(b, x, h - mb, x, h - mb + 4, "stroke=\"" ENT_C_INK "\"");
        snprintf(lab, sizeof lab, "%g", ticks[i]);
        text_at(b, x, h - mb + 16, "middle", "font-size=\"11\"", lab);
    }
    line(b, ml, h - mb, w - mr, h - mb, "stroke=\"" ENT_C_INK "\"");
    text_at(b, (ml + w - mr) / 2, h - 4, "middle", "font-size=\"11\"", "year");

    /* where sources end: a dotted line after the last year with data */
    for (int year = rp->from; year < rp->to; year++) {
        int any = 0;
        char names[160] = "";
        for (int k = 0; k < rp->nterms; k++) {
            char sh[40];
            if (!ends_here(rp, k, m, year))
                continue;
            any = 1;
            short_source(rp->terms[k].source, sh, sizeof sh);
            if (!strstr(names, sh) && strlen(names) + strlen(sh) + 3 < sizeof names)
                snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                         *names ? ", " : "", sh);
        }
        if (any) {
            double x = ent_scale_map(&sx, year + 0.5);
            line(b, x, mt, x, h - mb,
                 "stroke=\"" ENT_C_MUTED "\" stroke-width=\"1\" stroke-dasharray=\"2 3\"");
            ent_sb_printf(b, "<text transform=\"translate(%g %g) rotate(-90)\" text-anchor=\"end\" "
                             "font-size=\"10\" fill=\"" ENT_C_MUTED "\" stroke=\"#ffffff\" "
                             "stroke-width=\"3\" paint-order=\"stroke\">",
                          x - 3, mt + 2);
            ent_sb_xml(b, names);
            ent_sb_printf(b, " end %d</text>\n", year);
        }
    }

    /* band, median, subject */
    ent_sb_puts(b, "<path fill=\"" ENT_C_BAND "\" fill-opacity=\"0.45\" stroke=\"none\" d=\"");
    ent_svg_band_d(b, xs, q1, q3, (size_t)rp->nyears, &sx, &sy, 3);
    ent_sb_puts(b, "\"/>\n<path fill=\"none\" stroke=\"" ENT_C_GROUP
                   "\" stroke-width=\"2\" stroke-dasharray=\"6 3\" d=\"");
    ent_svg_line_d(b, xs, med, (size_t)rp->nyears, &sx, &sy);
    ent_sb_puts(b, "\"/>\n");
    for (int t = 0; t < rp->nyears; t++) /* a median alone between gaps: a dash */
        if (!isnan(med[t]) && (t == 0 || isnan(med[t - 1])) &&
            (t + 1 == rp->nyears || isnan(med[t + 1]))) {
            double x = ent_scale_map(&sx, xs[t]), y = ent_scale_map(&sy, med[t]);
            line(b, x - 7, y, x + 7, y, "stroke=\"" ENT_C_GROUP "\" stroke-width=\"2.5\"");
        }
    ent_sb_puts(b, "<path fill=\"none\" stroke=\"" ENT_C_SUBJECT
                   "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" d=\"");
    ent_svg_line_d(b, xs, subj, (size_t)rp->nyears, &sx, &sy);
    ent_sb_puts(b, "\"/>\n");
    for (int t = 0; t < rp->nyears; t++)
        if (!isnan(subj[t]))
            diamond(b, ent_scale_map(&sx, xs[t]), ent_scale_map(&sy, subj[t]), small ? 3.5 : 4.5,
                    m == ENT_RP_COMPOSITE && !rp->complete[t]);
done:
    ent_free(rp->ctx, xs);
    ent_sb_puts(b, "</svg>\n");
}

typedef struct ord {
    double v;
    size_t i;
} ord;

static int cmp_ord(const void *a, const void *b)
{
    const ord *x = a, *y = b;
    int nx = isnan(x->v), ny = isnan(y->v);
    if (nx || ny)
        return nx != ny ? nx - ny : (x->i > y->i) - (x->i < y->i);
    if (x->v != y->v)
        return x->v < y->v ? 1 : -1;
    return (x->i > y->i) - (x->i < y->i);
}

void ent_chart_dots(ent_sb *b, const ent_rp *rp, int m, int small, const char *id)
{
    size_t n = rp->ndyads, present = 0;
    int strip = small == 1, narrow = small == 2;
    double rowh = strip ? 7 : narrow ? 13 : 15, ml = strip ? 14 : narrow ? 76 : 92, mr = 16;
    double mt = small ? 62 : 58, w = strip ? 300 : narrow ? 360 : 640;
    double h = mt + rowh * (double)n + 44, med = NAN;
    ent_scale sx = {0, 100, ml, w - mr};
    ord *o = ent_malloc(rp->ctx, (n ? n : 1) * sizeof *o);
    double *tmp = ent_malloc(rp->ctx, (n ? n : 1) * sizeof *tmp);
    char title[256], lab[96];
    ent_sb desc;
    size_t k = 0, subj_pos = 0;

    for (size_t i = 0; tmp && i < n; i++)
        if (!rp->dyads[i].is_subject)
            tmp[k++] = rp->dyads[i].score[m];
    if (tmp) {
        double q[3];
        ent_rp_quartiles(tmp, k, q);
        med = q[1];
    }
    for (size_t i = 0; o && i < n; i++) {
        o[i].v = rp->dyads[i].score[m];
        o[i].i = i;
        present += !isnan(o[i].v);
    }
    if (o)
        qsort(o, n, sizeof *o, cmp_ord);
    for (size_t r = 0; o && r < n; r++)
        if (rp->dyads[o[r].i].is_subject)
            subj_pos = r;

    ent_sb_init(&desc, rp->ctx);
    snprintf(title, sizeof title, "%s in %d%s%s", strip ? ent_rp_measure_names[m] : "The group",
             rp->year, strip ? "" : ", composite: ", strip ? "" : rp->group);
    ent_sb_printf(&desc, "Dot chart of the %zu dyads of %s in %d (the subject included) on the "
                         "%s score (0-100), sorted from highest; %zu have a score. ",
                  n, rp->group, rp->year, ent_rp_measure_names[m], present);
    if (o && n) {
        const ent_rp_dyad *sd = &rp->dyads[o[subj_pos].i];
        if (isnan(sd->score[m]))
            ent_sb_printf(&desc, "%s has no %s score that year. ", rp->subject,
                          ent_rp_measure_names[m]);
        else
            ent_sb_printf(&desc, "%s is at position %zu with %.1f. ", rp->subject, subj_pos + 1,
                          sd->score[m]);
    }
    if (!isnan(med))
        ent_sb_printf(&desc, "The group's median (without the subject) is %.1f.", med);
    svg_open(b, id, w, h, title, desc.p ? desc.p : "");
    ent_sb_free(&desc);
    if (!o || !tmp)
        goto done;
    /* legend */
    {
        double ly = small ? 36 : 38, lx = 8;
        diamond(b, lx + 5, ly - 4, 4.5, 0);
        text_at(b, lx + 14, ly, "start", NULL, rp->subject);
        lx += 30 + 8 * (double)strlen(rp->subject);
        circle(b, lx + 5, ly - 4, 4, 0);
        text_at(b, lx + 14, ly, "start", NULL, small ? "group" : "a dyad of the group");
        lx += small ? 58 : 140;
        line(b, lx, ly - 10, lx, ly + 2,
             "stroke=\"" ENT_C_INK "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"");
        text_at(b, lx + 6, ly, "start", NULL, "median");
        if (!small) {
            lx += 60;
            circle(b, lx + 5, ly - 4, 4, 1);
            text_at(b, lx + 14, ly, "start", NULL, "open: lacks a dimension");
        }
    }
    score_axis_x(b, &sx, mt - 4, mt + rowh * (double)n + 2, small,
                 strip ? "score (0-100)"
                 : narrow ? "composite score (0-100)"
                          : "composite score (0-100 among all dyads of the year)");
    for (size_t r = 0; r < n; r++) {
        const ent_rp_dyad *d = &rp->dyads[o[r].i];
        double y = mt + rowh * ((double)r + 0.5), v = d->score[m];
        int open = m == ENT_RP_COMPOSITE && !d->complete;
        if (d->is_subject)
            ent_sb_printf(b, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\""
                             ENT_C_SUBJECT "\" fill-opacity=\"0.12\"/>\n",
                          strip ? 0.0 : 2.0, y - rowh / 2, w - (strip ? 0.0 : 4.0), rowh);
        snprintf(lab, sizeof lab, "%s", d->name);
        if (!strip) {
            text_at(b, ml - 6, y + 4, "end",
                    d->is_subject ? "font-weight=\"bold\""
                    : narrow      ? "font-size=\"10.5\""
                                  : "font-size=\"11\"",
                    lab);
        } else if (d->is_subject) { /* beside its marker, on the side with room */
            double x = isnan(v) ? ml + 40 : ent_scale_map(&sx, v);
            int left = !isnan(v) && v > 50;
            text_at(b, left ? x - 8 : x + 8, y + 4, left ? "end" : "start",
                    "font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" "
                    "paint-order=\"stroke\"", lab);
        }
        if (isnan(v)) {
            text_at(b, ml + 4, y + 4, "start", "font-size=\"10\" fill=\"" ENT_C_MUTED "\"",
                    "no score");
            continue;
        }
        if (d->is_subject)
            diamond(b, ent_scale_map(&sx, v), y, strip ? 4 : 5.5, open);
        else
            circle(b, ent_scale_map(&sx, v), y, strip ? 2.4 : narrow ? 3.5 : 4, open);
    }
    if (!isnan(med)) {
        double x = ent_scale_map(&sx, med);
        line(b, x, mt - 4, x, mt + rowh * (double)n + 2,
             "stroke=\"" ENT_C_INK "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"");
        snprintf(lab, sizeof lab, "median %.1f", med);
        text_at(b, med > 70 ? x - 4 : x + 4, mt - 8, med > 70 ? "end" : "start",
                "font-size=\"10\"", lab);
    }
done:
    ent_free(rp->ctx, o);
    ent_free(rp->ctx, tmp);
    ent_sb_puts(b, "</svg>\n");
}

void ent_chart_ranks(ent_sb *b, const ent_rp *rp, int narrow, const char *id)
{
    size_t n = rp->ndyads;
    double w = narrow ? 360 : 640, h = narrow ? 300 : 280, ml = 52, mr = 12;
    double mt = narrow ? 74 : 58, mb = narrow ? 56 : 42, top = 0;
    int maxc = 0, defined = 0;
    size_t worst, xmax = 0; /* the axis stops after the lowest rank drawn, so bars stay readable */
    double ticks[16];
    int nt;
    char title[128], lab[96];
    ent_sb desc;
    ent_scale sx, sy;

    for (size_t r = 1; r <= n; r++) {
        if (rp->rank_count[r] > maxc)
            maxc = rp->rank_count[r];
        defined += rp->rank_count[r];
        if (rp->rank_count[r])
            xmax = r;
    }
    worst = xmax;
    if ((size_t)rp->default_rank > xmax)
        xmax = (size_t)rp->default_rank;
    xmax = xmax + 1 > 10 ? xmax + 1 : 10;
    if (xmax > n)
        xmax = n;
    snprintf(title, sizeof title, narrow ? "%s's rank over %d draws, %d"
                                         : "%s's rank in the group over %d draws, %d",
             rp->subject, rp->draws, rp->year);
    ent_sb_init(&desc, rp->ctx);
    ent_sb_printf(&desc, "Bar chart: how many of %d robustness draws (seed %lld) gave %s each "
                         "composite rank among the %zu dyads of %s in %d (1 = highest). ",
                  rp->draws, rp->seed, rp->subject, n, rp->group, rp->year);
    for (size_t r = 1; r <= n; r++)
        if (rp->rank_count[r])
            ent_sb_printf(&desc, "Rank %zu: %d. ", r, rp->rank_count[r]);
    if (rp->rank_count[0])
        ent_sb_printf(&desc, "Undefined (no composite): %d. ", rp->rank_count[0]);
    if (rp->default_rank)
        ent_sb_printf(&desc, "With the default weights: rank %d.", rp->default_rank);
    svg_open(b, id, w, h, title, desc.p ? desc.p : "");
    ent_sb_free(&desc);

    sx = (ent_scale){0.5, (double)xmax + 0.5, ml, w - mr};
    {
        double yt[8];
        int ny;
        top = maxc ? maxc : 1;
        ny = ent_ticks(0, top, 4, yt, 8, NULL);
        if (ny && yt[ny - 1] < top) { /* the axis ends on a tick */
            double st = ny > 1 ? yt[1] - yt[0] : top;
            top = yt[ny - 1] + st;
        }
        sy = (ent_scale){0, top, h - mb, mt};
        ny = ent_ticks(0, top, 4, yt, 8, NULL);
        for (int i = 0; i < ny; i++) {
            double y = ent_scale_map(&sy, yt[i]);
            line(b, ml, y, w - mr, y, "stroke=\"" ENT_C_GRID "\"");
            snprintf(lab, sizeof lab, "%g", yt[i]);
            text_at(b, ml - 5, y + 4, "end", "font-size=\"11\"", lab);
        }
        ent_sb_printf(b, "<text transform=\"translate(14 %g) rotate(-90)\" text-anchor=\"middle\" "
                         "font-size=\"11\">draws (count)</text>\n",
                      (sy.r0 + sy.r1) / 2);
    }
    /* legend */
    ent_sb_printf(b, "<rect x=\"8\" y=\"29\" width=\"14\" height=\"10\" fill=\"" ENT_C_DRAWS
                     "\"/>\n");
    text_at(b, 27, 38, "start", NULL, "draws with that rank");
    line(b, narrow ? 15 : 170, narrow ? 44 : 28, narrow ? 15 : 170, narrow ? 56 : 40,
         "stroke=\"" ENT_C_SUBJECT "\" stroke-width=\"2\" stroke-dasharray=\"5 2\"");
    text_at(b, narrow ? 27 : 176, narrow ? 54 : 38, "start", NULL, "rank with the default weights");
    {
        double bw = (w - mr - ml) / (double)(xmax ? xmax : 1) * 0.8;
        if (bw > 40)
            bw = 40;
        for (size_t r = 1; r <= xmax; r++) {
            double x, y;
            if (!rp->rank_count[r])
                continue;
            x = ent_scale_map(&sx, (double)r);
            y = ent_scale_map(&sy, rp->rank_count[r]);
            ent_sb_puts(b, "<rect x=\"");
            ent_sb_num(b, x - bw / 2);
            ent_sb_puts(b, "\" y=\"");
            ent_sb_num(b, y);
            ent_sb_puts(b, "\" width=\"");
            ent_sb_num(b, bw);
            ent_sb_puts(b, "\" height=\"");
            ent_sb_num(b, h - mb - y);
            ent_sb_puts(b, "\" fill=\"" ENT_C_DRAWS "\"/>\n");
            snprintf(lab, sizeof lab, "%d", rp->rank_count[r]);
            if (xmax <= 30 || rp->rank_count[r] * 20 >= rp->draws)
                text_at(b, x, y - 3, "middle", "font-size=\"10\"", lab);
        }
    }
    if (rp->default_rank) { /* down to the bar's label, or to the axis */
        double x = ent_scale_map(&sx, rp->default_rank), y1 = h - mb;
        int c = rp->rank_count[rp->default_rank];
        if (c)
            y1 = ent_scale_map(&sy, c) - 15;
        line(b, x, mt - 6, x, y1 > mt - 6 ? y1 : mt - 6,
             "stroke=\"" ENT_C_SUBJECT "\" stroke-width=\"2\" stroke-dasharray=\"5 2\"");
    }
    nt = ent_ticks(1, (double)(xmax ? xmax : 1), narrow ? 6 : 10, ticks, 16, NULL);
    if (nt && ticks[0] > 1) { /* rank 1 always labelled */
        memmove(ticks + 1, ticks, (size_t)(nt < 15 ? nt : 15) * sizeof *ticks);
        ticks[0] = 1;
        nt = nt < 15 ? nt + 1 : 16;
    }
    for (int i = 0; i < nt; i++) {
        double x = ent_scale_map(&sx, ticks[i]);
        if (i && ticks[i] - ticks[i - 1] < 1)
            continue;
        line(b, x, h - mb, x, h - mb + 4, "stroke=\"" ENT_C_INK "\"");
        snprintf(lab, sizeof lab, "%g", ticks[i]);
        text_at(b, x, h - mb + 16, "middle", "font-size=\"11\"", lab);
    }
    line(b, ml, h - mb, w - mr, h - mb, "stroke=\"" ENT_C_INK "\"");
    if (xmax < n)
        snprintf(lab, sizeof lab, "rank on the composite among %zu dyads (1 = highest; the "
                                  "lowest in any draw: %zu)", n, worst);
    else
        snprintf(lab, sizeof lab, "rank on the composite among %zu dyads (1 = highest)", n);
    if (narrow) {
        char *cut = strstr(lab, " (");
        if (cut) {
            text_at(b, (ml + w - mr) / 2, h - 20, "middle", "font-size=\"11\"", cut + 1);
            *cut = 0;
        }
        text_at(b, (ml + w - mr) / 2, h - 34, "middle", "font-size=\"11\"", lab);
    } else {
        text_at(b, (ml + w - mr) / 2, h - 6, "middle", "font-size=\"11\"", lab);
    }
    ent_sb_puts(b, "</svg>\n");
}

void ent_chart_coverage(ent_sb *b, const ent_rp *rp, const char *id)
{
    double cw = 18, ch = 15, ml = 262, mt = 74, mr = 10;
    int rows = rp->nterms + ENT_NDIM;
    double w = ml + cw * rp->nyears + mr, h = mt + ch * rows + 10;
    char title[128], lab[200];
    int counts[4] = {0};
    ent_sb desc;
    double y;

    for (int i = 0; i < rp->nterms * rp->nyears; i++)
        counts[rp->cov[i] & 3]++;
    snprintf(title, sizeof title, "%s: which indicators have data, %d-%d", rp->subject, rp->from,
             rp->to);
    ent_sb_init(&desc, rp->ctx);
    ent_sb_printf(&desc, "Grid of %d indicators by %d years for %s: %d cells present, %d zero, "
                         "%d missing (outside the source's coverage or not reported), %d in "
                         "years when it was not a dyad.",
                  rp->nterms, rp->nyears, rp->subject, counts[ENT_RP_PRESENT],
                  counts[ENT_RP_ZERO], counts[ENT_RP_MISSING], counts[ENT_RP_NODYAD]);
    svg_open(b, id, w, h, title, desc.p ? desc.p : "");
    ent_sb_free(&desc);
    /* legend */
    ent_sb_printf(b, "<rect x=\"8\" y=\"29\" width=\"11\" height=\"11\" fill=\"" ENT_C_GROUP
                     "\"/>\n");
    text_at(b, 24, 39, "start", NULL, "present");
    ent_sb_printf(b, "<rect x=\"84.75\" y=\"29.75\" width=\"9.5\" height=\"9.5\" fill=\"#ffffff\" "
                     "stroke=\"" ENT_C_ZERO "\" stroke-width=\"1.5\"/>\n");
    text_at(b, 100, 39, "start", NULL, "zero");
    line(b, 143, 31, 151, 39, "stroke=\"" ENT_C_MUTED "\" stroke-width=\"1.3\"");
    line(b, 143, 39, 151, 31, "stroke=\"" ENT_C_MUTED "\" stroke-width=\"1.3\"");
    text_at(b, 157, 39, "start", NULL, "missing");
    text_at(b, 215, 39, "start", NULL, "(blank: not a dyad)");
    /* years */
    for (int t = 0; t < rp->nyears; t++) {
        int year = rp->from + t;
        if (t && t + 1 < rp->nyears && year % 5)
            continue;
        snprintf(lab, sizeof lab, "%d", year);
        ent_sb_printf(b, "<text transform=\"translate(%g %g) rotate(-60)\" font-size=\"10\">",
                      ml + cw * (t + 0.5) + 3, mt - 4);
        ent_sb_xml(b, lab);
        ent_sb_puts(b, "</text>\n");
    }
    y = mt;
    for (int d = 0; d < ENT_NDIM; d++) {
        text_at(b, 8, y + ch - 3, "start", "font-weight=\"bold\" font-size=\"11\"",
                ent_rp_measure_names[d]);
        line(b, 8, y + 1, w - mr, y + 1, "stroke=\"" ENT_C_GRID "\"");
        y += ch;
        for (int k = 0; k < rp->nterms; k++) {
            if (rp->terms[k].dim != d)
                continue;
            snprintf(lab, sizeof lab, "%s", rp->terms[k].expr);
            if (strlen(lab) > 40)
                strcpy(lab + 37, "...");
            text_at(b, 16, y + ch - 4, "start", "font-size=\"10.5\"", lab);
            for (int t = 0; t < rp->nyears; t++) {
                double x = ml + cw * t, cy = y + ch / 2, cx = x + cw / 2;
                switch (rp->cov[(size_t)k * (size_t)rp->nyears + (size_t)t]) {
                case ENT_RP_PRESENT:
                    ent_sb_printf(b, "<rect x=\"%g\" y=\"%g\" width=\"11\" height=\"11\" fill=\""
                                     ENT_C_GROUP "\"/>\n",
                                  cx - 5.5, cy - 5.5);
                    break;
                case ENT_RP_ZERO:
                    ent_sb_printf(b, "<rect x=\"%g\" y=\"%g\" width=\"9.5\" height=\"9.5\" "
                                     "fill=\"#ffffff\" stroke=\"" ENT_C_ZERO
                                     "\" stroke-width=\"1.5\"/>\n",
                                  cx - 4.75, cy - 4.75);
                    break;
                case ENT_RP_MISSING:
                    line(b, cx - 4, cy - 4, cx + 4, cy + 4,
                         "stroke=\"" ENT_C_MUTED "\" stroke-width=\"1.3\"");
                    line(b, cx - 4, cy + 4, cx + 4, cy - 4,
                         "stroke=\"" ENT_C_MUTED "\" stroke-width=\"1.3\"");
                    break;
                default: break;
                }
            }
            y += ch;
        }
    }
    ent_sb_puts(b, "</svg>\n");
}
