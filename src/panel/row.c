/*
 * row.c -- the panel row accessor: the one reader of the warehouse table
 * `panel` outside assembly, and the one place that does the directed swap.
 *
 * A reader names every codebook column in its SELECT (a panel's column order
 * is no contract; [name], not "name", which SQLite would take for a string
 * when the column is missing) and serves each row from a side: the stored order (ccode1
 * < ccode2) or reversed.  On a reversed row the two states swap and every
 * directed indicator (_1to2/_2to1, _1/_2: the codebook's `pair`) is read from
 * its pair's column; non-directed indicators stay.  Reversed rows are either
 * every row of one dyad asked as (a, b) with a > b (`entente dyad JPN USA`),
 * or the second copy of each row of a directed read (`entente panel
 * --directed`).  export.c, the public ent_dyad / ent_panel and the default
 * year of a dyad read through here.
 */
#include "panel.h"
#include "../core/core.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct ent_panel_rows {
    ent_ctx *ctx;
    sqlite3 *db;
    sqlite3_stmt *q;
    int directed; /* every stored row twice: stored order, then reversed */
    int swap;     /* one dyad asked with a > b: every row reversed */
    int side;     /* the side of the current row: 0 stored, 1 reversed */
    int pending;  /* directed: the reversed copy of the current row is still to come */
    int on_row;
    int col[2][ENT_PANEL_MAXIND]; /* statement column of indicator k, per side */
};

/* the statement column of indicator k on the current row's side */
static int colof(const ent_panel_rows *r, int k)
{
    if (!r->on_row || k < 0 || (size_t)k >= ent_panel_nindicators || k >= ENT_PANEL_MAXIND)
        return -1;
    return r->col[r->side][k];
}

ent_status ent_panel_rows_open(ent_ctx *ctx, struct sqlite3 *db, int a, int b, int from, int to,
                               int directed, ent_panel_rows **out)
{
    char sql[ENT_PANEL_MAXIND * 48 + 256];
    size_t n;
    ent_panel_rows *r;

    *out = NULL;
    if (ent_panel_nindicators > ENT_PANEL_MAXIND)
        return ent_err(ctx, ENT_EINVAL, "panel: more than %d indicators", ENT_PANEL_MAXIND);
    if (!(r = ent_calloc(ctx, 1, sizeof *r)))
        return ent_err(ctx, ENT_ENOMEM, "panel: out of memory");
    r->ctx = ctx;
    r->db = db;
    r->directed = !a && directed;
    r->swap = a && a > b;
    for (size_t k = 0; k < ent_panel_nindicators; k++) { /* the directed swap, once */
        const char *pair = ent_panel_indicators[k].pair;
        int p = pair ? ent_panel_find(pair) : -1;
        r->col[0][k] = 3 + (int)k;
        r->col[1][k] = 3 + (p >= 0 ? p : (int)k);
    }
    n = (size_t)snprintf(sql, sizeof sql, "SELECT ccode1, ccode2, year");
    for (size_t k = 0; k < ent_panel_nindicators && n < sizeof sql; k++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", [%s]", ent_panel_indicators[k].name);
    if (n < sizeof sql)
        n += (size_t)snprintf(sql + n, sizeof sql - n, " FROM panel WHERE year BETWEEN ?1 AND ?2%s"
                              " ORDER BY year, ccode1, ccode2",
                              a ? " AND ccode1 = ?3 AND ccode2 = ?4" : "");
    if (n >= sizeof sql || sqlite3_prepare_v2(db, sql, -1, &r->q, NULL) != SQLITE_OK) {
        ent_status st = ent_err(ctx, ENT_ENODATA, "the warehouse has no panel (or one of another "
                                "version): %s; run `entente build`", sqlite3_errmsg(db));
        ent_panel_rows_close(r);
        return st;
    }
    sqlite3_bind_int(r->q, 1, from);
    sqlite3_bind_int(r->q, 2, to);
    if (a) {
        sqlite3_bind_int(r->q, 3, a < b ? a : b);
        sqlite3_bind_int(r->q, 4, a < b ? b : a);
    }
    *out = r;
    return ENT_OK;
}

ent_status ent_panel_rows_next(ent_panel_rows *r)
{
    int rc;
    if (r->pending) {
        r->pending = 0;
        r->side = 1;
        return ENT_OK;
    }
    r->on_row = 0;
    if ((rc = sqlite3_step(r->q)) == SQLITE_DONE)
        return ENT_DONE;
    if (rc != SQLITE_ROW)
        return ent_err(r->ctx, ENT_EDB, "sqlite: reading the panel: %s", sqlite3_errmsg(r->db));
    r->on_row = 1;
    r->side = r->swap;
    r->pending = r->directed;
    return ENT_OK;
}

void ent_panel_rows_close(ent_panel_rows *r)
{
    if (!r)
        return;
    sqlite3_finalize(r->q);
    ent_free(r->ctx, r);
}

int ent_panel_rows_ccode1(const ent_panel_rows *r)
{
    return r->on_row ? sqlite3_column_int(r->q, r->side) : 0;
}

int ent_panel_rows_ccode2(const ent_panel_rows *r)
{
    return r->on_row ? sqlite3_column_int(r->q, !r->side) : 0;
}

int ent_panel_rows_year(const ent_panel_rows *r)
{
    return r->on_row ? sqlite3_column_int(r->q, 2) : 0;
}

ent_panel_vtype ent_panel_rows_type(const ent_panel_rows *r, int k)
{
    int c = colof(r, k);
    if (c < 0)
        return ENT_PV_NULL;
    switch (sqlite3_column_type(r->q, c)) {
    case SQLITE_INTEGER: return ENT_PV_INT;
    case SQLITE_FLOAT: return ENT_PV_REAL;
    case SQLITE_TEXT: return ENT_PV_TEXT;
    default: return ENT_PV_NULL;
    }
}

double ent_panel_rows_real(const ent_panel_rows *r, int k)
{
    ent_panel_vtype t = ent_panel_rows_type(r, k);
    if (t == ENT_PV_INT)
        return (double)sqlite3_column_int64(r->q, colof(r, k));
    if (t == ENT_PV_REAL)
        return sqlite3_column_double(r->q, colof(r, k));
    return NAN;
}

int64_t ent_panel_rows_int(const ent_panel_rows *r, int k)
{
    if (ent_panel_rows_type(r, k) != ENT_PV_INT)
        return ENT_NA;
    return sqlite3_column_int64(r->q, colof(r, k));
}

const char *ent_panel_rows_text(const ent_panel_rows *r, int k)
{
    if (ent_panel_rows_type(r, k) != ENT_PV_TEXT)
        return NULL;
    return (const char *)sqlite3_column_text(r->q, colof(r, k));
}

ent_panel_vtype ent_panel_rows_cell(const ent_panel_rows *r, int k, double *num,
                                    const char **text)
{
    int c = colof(r, k);
    *num = NAN;
    *text = NULL;
    if (c < 0)
        return ENT_PV_NULL;
    switch (sqlite3_column_type(r->q, c)) {
    case SQLITE_INTEGER: *num = (double)sqlite3_column_int64(r->q, c); return ENT_PV_INT;
    case SQLITE_FLOAT: *num = sqlite3_column_double(r->q, c); return ENT_PV_REAL;
    case SQLITE_TEXT: *text = (const char *)sqlite3_column_text(r->q, c); return ENT_PV_TEXT;
    default: return ENT_PV_NULL;
    }
}

double ent_panel_rows_get(const ent_panel_rows *r, const char *name)
{
    return ent_panel_rows_real(r, ent_panel_find(name));
}

int ent_panel_rows_present(const ent_panel_rows *r)
{
    int n = 0;
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        n += ent_panel_rows_type(r, (int)k) != ENT_PV_NULL;
    return n;
}

ent_status ent_panel_dyad_latest(ent_ctx *ctx, struct sqlite3 *db, int a, int b, int *year,
                                 int *present, int *best)
{
    int years[ENT_PANEL_YEAR_HI - ENT_PANEL_YEAR_LO + 1], counts[ENT_PANEL_YEAR_HI - ENT_PANEL_YEAR_LO + 1];
    int n = 0, max = 0, cap = (int)(sizeof years / sizeof *years);
    ent_panel_rows *r;
    ent_status st;

    *year = *present = *best = 0;
    if ((st = ent_panel_rows_open(ctx, db, a, b, ENT_PANEL_YEAR_LO, ENT_PANEL_YEAR_HI, 0, &r)) !=
        ENT_OK)
        return st;
    while (n < cap && (st = ent_panel_rows_next(r)) == ENT_OK) {
        years[n] = ent_panel_rows_year(r);
        counts[n] = ent_panel_rows_present(r);
        if (counts[n] > max)
            max = counts[n];
        n++;
    }
    ent_panel_rows_close(r);
    if (st != ENT_OK && st != ENT_DONE)
        return st;
    if (!n)
        return ent_err(ctx, ENT_ENODATA, "no panel rows for this dyad");
    *best = max;
    for (int i = n - 1; i >= 0; i--)
        if (2 * counts[i] >= max) {
            *year = years[i];
            *present = counts[i];
            break;
        }
    return ENT_OK;
}
