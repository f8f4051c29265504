/*
 * year.c -- loading one year of the panel for the index: every dyad's raw
 * term values (the config's columns combined) and their normalisations, the
 * lookup of a dyad, and the latest year a dyad is complete (see index.h).
 */
#include "index.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IX_MAXDYADS (1u << 20) /* dyads of one year (about 19,000 in the panel) */
#define IX_WHAT "index: dyads of a year"

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

/* row_terms combines the config's columns, from column k of q on, into
 * the terms' raw values out[0..nterms). */
static void row_terms(sqlite3_stmt *q, int k, const ent_ix_config *cfg, double *out)
{
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        double a = sqlite3_column_type(q, k) == SQLITE_NULL ? NAN : sqlite3_column_double(q, k);
        double b = NAN;
        k++;
        if (t->op) {
            b = sqlite3_column_type(q, k) == SQLITE_NULL ? NAN : sqlite3_column_double(q, k);
            k++;
        }
        out[i] = combine(t->op, a, b);
    }
}

/* select_sql writes "SELECT <lead>, <the config's columns> FROM panel <tail>". */
static void select_sql(char *sql, size_t cap, const char *lead, const ent_ix_config *cfg,
                       const char *tail)
{
    size_t o = (size_t)snprintf(sql, cap, "SELECT %s", lead);
    for (int i = 0; i < cfg->nterms && o < cap; i++)
        for (int c = 0; c < (cfg->terms[i].op ? 2 : 1) && o < cap; c++)
            o += (size_t)snprintf(sql + o, cap - o, ", \"%s\"", cfg->terms[i].col[c]);
    if (o < cap)
        snprintf(sql + o, cap - o, " FROM panel %s", tail);
}

ent_status ent_ix_latest_complete(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int a,
                                  int b, int *year)
{
    char sql[256 + 2 * ENT_IX_MAXTERMS * 72];
    sqlite3_stmt *q = NULL;
    double raw[ENT_IX_MAXTERMS];
    int rc;
    *year = 0;
    select_sql(sql, sizeof sql, "year", cfg, "WHERE ccode1 = ?1 AND ccode2 = ?2 ORDER BY year DESC");
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, a < b ? a : b);
    sqlite3_bind_int(q, 2, a < b ? b : a);
    while (!*year && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        int ok = 1;
        row_terms(q, 1, cfg, raw);
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
            *year = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    if (!*year)
        return ent_err(ctx, ENT_ENODATA, "no year has data on all four dimensions for this dyad");
    return ENT_OK;
}

ent_status ent_ix_load_year(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int year,
                            ent_ix_year *y)
{
    /* 2 + 2 * ENT_IX_MAXTERMS columns of at most 63 characters, quoted */
    char sql[256 + 2 * ENT_IX_MAXTERMS * 72];
    size_t cap = 0;
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc, nomem;
    double *col = NULL;

    memset(y, 0, sizeof *y);
    y->year = year;
    y->nterms = cfg->nterms;
    select_sql(sql, sizeof sql, "ccode1, ccode2", cfg, "WHERE year = ?1 ORDER BY ccode1, ccode2");
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, year);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
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
        y->c1[y->n] = sqlite3_column_int(q, 0);
        y->c2[y->n] = sqlite3_column_int(q, 1);
        row_terms(q, 2, cfg, y->raw + y->n * (size_t)cfg->nterms);
        y->n++;
    }
    if (rc != SQLITE_DONE) {
        st = ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
        goto out;
    }
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
        for (size_t r = 0; r < y->n; r++)
            in[r] = y->raw[r * (size_t)cfg->nterms + (size_t)i];
        for (int m = 0; m < ENT_NORM_COUNT; m++) {
            ent_ix_normalize(in, y->n, (ent_norm)m, cfg->terms[i].reverse, res);
            for (size_t r = 0; r < y->n; r++)
                y->norm[m][r * (size_t)cfg->nterms + (size_t)i] = res[r];
        }
    }
out:
    ent_free(ctx, col);
    sqlite3_finalize(q);
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
