/*
 * year.c -- loading one year of the panel for the index: every dyad's raw
 * term values (the config's columns combined) and their normalisations, the
 * lookup of a dyad, and the latest year a dyad is complete (see index.h).
 * The rows come through the panel's row accessor (src/panel/row.c), which
 * reads only the config's columns; no SQL here.
 */
#include "index.h"
#include "panel/panel.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IX_MAXDYADS (1u << 20) /* dyads of one year (about 19,000 in the panel) */
#define IX_WHAT "index: dyads of a year"

/* a config's columns (two per combined term) fit one panel read */
_Static_assert(2 * ENT_IX_MAXTERMS <= ENT_PANEL_MAXREAD, "the index's columns fit a panel read");

/* ------------------------------------------------------------ one year */

static double combine(char op, double a, double b)
{
    switch (op) {
    case 'M': return isnan(a) ? b : isnan(b) ? a : fmax(a, b);
    case 'S': return isnan(a) || isnan(b) ? NAN : a + b;
    case 'A': return isnan(a) || isnan(b) ? NAN : (a + b) / 2;
    default: return a;
    }
}

/* term_cols lists the config's columns in term order, two for a combined
 * term: the slots of the panel read that row_terms combines.  Returns how
 * many (at most 2 * ENT_IX_MAXTERMS = ENT_PANEL_MAXREAD). */
static int term_cols(const ent_ix_config *cfg, const char **cols)
{
    int n = 0;
    for (int i = 0; i < cfg->nterms; i++)
        for (int c = 0; c < (cfg->terms[i].op ? 2 : 1); c++)
            cols[n++] = cfg->terms[i].col[c];
    return n;
}

/* row_terms combines the current row's slots (term_cols order) into the
 * terms' raw values out[0..nterms). */
static void row_terms(const ent_panel_rows *r, const ent_ix_config *cfg, double *out)
{
    int k = 0;
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        double a = ent_panel_rows_at(r, k++), b = NAN;
        if (t->op)
            b = ent_panel_rows_at(r, k++);
        out[i] = combine(t->op, a, b);
    }
}

/* open_read opens the panel read of the config's columns for rd's rows. */
static ent_status open_read(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg,
                            ent_panel_read *rd, ent_panel_rows **r)
{
    const char *cols[2 * ENT_IX_MAXTERMS];
    ent_status st;
    rd->cols = cols;
    rd->ncols = term_cols(cfg, cols);
    st = ent_panel_rows_read(ctx, db, rd, r);
    rd->cols = NULL; /* cols dies here; the read has copied what it needs */
    /* a panel without the config's columns is a broken warehouse, not a
     * year without dyads (which trend and rank skip) */
    return st == ENT_ENODATA ? ENT_EDB : st;
}

ent_status ent_ix_latest_complete(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int a,
                                  int b, int *year)
{
    /* the stored order (a < b), as the year's rows are read: no swap */
    ent_panel_read rd = {.a = a < b ? a : b, .b = a < b ? b : a, .from = ENT_PANEL_YEAR_LO,
                         .to = ENT_PANEL_YEAR_HI};
    ent_panel_rows *r = NULL;
    double raw[ENT_IX_MAXTERMS];
    ent_status st;
    *year = 0;
    if ((st = open_read(ctx, db, cfg, &rd, &r)) != ENT_OK)
        return st;
    while ((st = ent_panel_rows_next(r)) == ENT_OK) { /* ascending: the last one wins */
        int ok = 1;
        row_terms(r, cfg, raw);
        for (int d = 0; d < ENT_NDIM && ok; d++) {
            int present = 0;
            if (cfg->dimw[d] <= 0)
                continue;
            for (int i = 0; i < cfg->nterms; i++)
                if (cfg->terms[i].dim == d && cfg->terms[i].weight > 0 && !isnan(raw[i]))
                    present = 1;
            ok = present;
        }
        if (ok)
            *year = ent_panel_rows_year(r);
    }
    ent_panel_rows_close(r);
    if (st != ENT_DONE) {
        *year = 0;
        return st;
    }
    if (!*year)
        return ent_err(ctx, ENT_ENODATA, "no year has data on all four dimensions for this dyad");
    return ENT_OK;
}

ent_status ent_ix_load_year(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int year,
                            ent_ix_year *y)
{
    ent_panel_read rd = {.from = year, .to = year};
    ent_panel_rows *r = NULL;
    size_t cap = 0;
    ent_status st;
    int nomem;
    double *col = NULL;

    memset(y, 0, sizeof *y);
    y->year = year;
    y->nterms = cfg->nterms;
    if ((st = open_read(ctx, db, cfg, &rd, &r)) != ENT_OK)
        return st;
    while ((st = ent_panel_rows_next(r)) == ENT_OK) { /* ordered by (ccode1, ccode2) */
        if (y->n == cap) { /* three parallel arrays: the same capacity from the same start */
            const size_t rsz = (size_t)(cfg->nterms ? cfg->nterms : 1) * sizeof *y->raw;
            size_t c1 = cap, c2 = cap, c3 = cap;
            if (ent_grow(ctx, &y->c1, &c1, cap + 1, sizeof *y->c1, IX_MAXDYADS, IX_WHAT) ||
                ent_grow(ctx, &y->c2, &c2, cap + 1, sizeof *y->c2, IX_MAXDYADS, IX_WHAT) ||
                ent_grow(ctx, &y->raw, &c3, cap + 1, rsz, IX_MAXDYADS, IX_WHAT)) {
                st = ENT_ENOMEM; /* ent_grow's message names the cap or the memory */
                goto out;
            }
            cap = c1;
        }
        y->c1[y->n] = ent_panel_rows_ccode1(r);
        y->c2[y->n] = ent_panel_rows_ccode2(r);
        row_terms(r, cfg, y->raw + y->n * (size_t)cfg->nterms);
        y->n++;
    }
    if (st != ENT_DONE)
        goto out;
    st = ENT_OK;
    if (y->n == 0) {
        st = ent_err(ctx, ENT_ENODATA, "no dyads in the panel for %d (the panel spans 1816-2022)",
                     year);
        goto out;
    }
    col = ent_malloc(ctx, 2 * y->n * sizeof *col);
    nomem = !col;
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        if (!(y->norm[m] = ent_malloc(ctx, y->n * (size_t)(cfg->nterms ? cfg->nterms : 1) *
                                               sizeof(double))))
            nomem = 1; /* (col is kept, to be freed) */
    if (nomem) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int i = 0; i < cfg->nterms; i++) {
        double *in = col, *res = col + y->n;
        for (size_t row = 0; row < y->n; row++)
            in[row] = y->raw[row * (size_t)cfg->nterms + (size_t)i];
        for (int m = 0; m < ENT_NORM_COUNT; m++) {
            ent_ix_normalize(in, y->n, (ent_norm)m, cfg->terms[i].reverse, res);
            for (size_t row = 0; row < y->n; row++)
                y->norm[m][row * (size_t)cfg->nterms + (size_t)i] = res[row];
        }
    }
out:
    ent_free(ctx, col);
    ent_panel_rows_close(r);
    if (st != ENT_OK)
        ent_ix_year_free(ctx, y);
    return st;
}

void ent_ix_year_free(ent_ctx *ctx, ent_ix_year *y)
{
    ent_free(ctx, y->c1);
    ent_free(ctx, y->c2);
    ent_free(ctx, y->raw);
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        ent_free(ctx, y->norm[m]);
    memset(y, 0, sizeof *y);
}

long ent_ix_find(const ent_ix_year *y, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    size_t l = 0, h = y->n;
    while (l < h) { /* rows are sorted by (ccode1, ccode2) */
        size_t mid = (l + h) / 2;
        if (y->c1[mid] < lo || (y->c1[mid] == lo && y->c2[mid] < hi))
            l = mid + 1;
        else
            h = mid;
    }
    return l < y->n && y->c1[l] == lo && y->c2[l] == hi ? (long)l : -1;
}
