/*
 * score.c -- scoring: normalisation of a term among all dyads of a year,
 * dimension scores and the composite of one dyad with the missing-data
 * policy, and ranks (see index.h).
 */
#include "index.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ normalisation */

typedef struct vi {
    double v;
    size_t i;
} vi;

static int cmp_vi(const void *a, const void *b)
{
    double x = ((const vi *)a)->v, y = ((const vi *)b)->v;
    return (x > y) - (x < y);
}

void ent_ix_normalize(const double *x, size_t n, ent_norm m, int reverse, double *out)
{
    size_t np = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        out[i] = NAN;
        if (!isnan(x[i])) {
            np++;
            if (x[i] < lo)
                lo = x[i];
            if (x[i] > hi)
                hi = x[i];
        }
    }
    if (np == 0)
        return;
    if (lo == hi) {
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i]))
                out[i] = 50;
        return;
    }
    if (m == ENT_NORM_PCT) {
        vi *s = malloc(np * sizeof *s);
        size_t k = 0;
        if (!s)
            return;
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                s[k].v = x[i];
                s[k++].i = i;
            }
        qsort(s, np, sizeof *s, cmp_vi);
        for (size_t a = 0; a < np;) {
            size_t b = a;
            while (b < np && s[b].v == s[a].v)
                b++;
            for (size_t t = a; t < b; t++)
                out[s[t].i] = 100.0 * ((double)a + (double)(b - a) / 2.0) / (double)np;
            a = b;
        }
        free(s);
    } else if (m == ENT_NORM_ZLOG) {
        double sum = 0, ss = 0, mean, sd;
        int use_log = lo > -1;
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                double y = use_log ? log1p(x[i]) : x[i];
                sum += y;
                ss += y * y;
            }
        mean = sum / (double)np;
        sd = sqrt(fmax(ss / (double)np - mean * mean, 0));
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                double y = use_log ? log1p(x[i]) : x[i];
                out[i] = sd > 0 ? 50.0 * erfc(-((y - mean) / sd) / sqrt(2.0)) : 50;
            }
    } else {
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i]))
                out[i] = 100.0 * (x[i] - lo) / (hi - lo);
    }
    if (reverse)
        for (size_t i = 0; i < n; i++)
            if (!isnan(out[i]))
                out[i] = 100.0 - out[i];
}

/* ------------------------------------------------------------ scores */

void ent_ix_score_row(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, ent_norm m,
                      const double *tw, const double *dw, const unsigned char *drop,
                      ent_ix_score *out)
{
    double num[ENT_NDIM] = {0}, den[ENT_NDIM] = {0}, cn = 0, cd = 0;
    const double *row = y->norm[m] + r * (size_t)cfg->nterms;
    memset(out, 0, sizeof *out);
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        double w = tw ? tw[i] : t->weight;
        if ((drop && drop[i]) || w <= 0)
            continue;
        out->total[t->dim]++;
        if (isnan(row[i]))
            continue;
        out->present[t->dim]++;
        num[t->dim] += w * row[i];
        den[t->dim] += w;
    }
    out->complete = 1;
    for (int d = 0; d < ENT_NDIM; d++) {
        double w = dw ? dw[d] : cfg->dimw[d];
        out->dim[d] = den[d] > 0 ? num[d] / den[d] : NAN;
        if (w <= 0)
            continue;
        if (isnan(out->dim[d])) {
            out->complete = 0;
            continue;
        }
        cn += w * out->dim[d];
        cd += w;
    }
    out->composite = cd > 0 ? cn / cd : NAN;
}

static int cmp_vi_desc(const void *a, const void *b)
{
    double x = ((const vi *)a)->v, y = ((const vi *)b)->v;
    return (x < y) - (x > y);
}

void ent_ix_rank_values(const double *v, size_t n, int *rank)
{
    vi *s = malloc((n ? n : 1) * sizeof *s);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        rank[i] = 0;
        if (!isnan(v[i]) && s) {
            s[k].v = v[i];
            s[k++].i = i;
        }
    }
    if (!s)
        return;
    qsort(s, k, sizeof *s, cmp_vi_desc);
    for (size_t a = 0; a < k;) {
        size_t b = a;
        while (b < k && s[b].v == s[a].v)
            b++;
        for (size_t t = a; t < b; t++)
            rank[s[t].i] = (int)a + 1; /* ties share the best rank */
        a = b;
    }
    free(s);
}
