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
 * --directed`).  export.c, the public ent_dyad / ent_panel, the default
 * year of a dyad and the index (src/index: a year's dyads, a dyad's years,
 * the members of an alliance group) read through here; a read names only the
 * columns it wants (the index's dozen of the 57), each a "slot".  No file
 * outside src/panel writes SQL against the table (tests/sh/panel_sql.sh).
 */
#include "panel.h"
#include "../core/core.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* a read's statement columns: ccode1, ccode2, year, then each distinct
 * column a slot reads on either side */
#define ROW_MAXCOLS (2 * ENT_PANEL_MAXREAD)

struct ent_panel_rows {
    ent_ctx *ctx;
    sqlite3 *db;
    sqlite3_stmt *q;
    int directed; /* every stored row twice: stored order, then reversed */
    int swap;     /* one dyad asked with a > b: every row reversed */
    int side;     /* the side of the current row: 0 stored, 1 reversed */
    int pending;  /* directed: the reversed copy of the current row is still to come */
    int on_row;
    int nslots;                      /* the columns asked (ent_panel_read.cols) */
    int col[2][ENT_PANEL_MAXREAD];   /* statement column of slot i, per side */
    int kslot[ENT_PANEL_MAXIND];     /* slot of codebook indicator k, or -1: not read */
};

/* the statement column of slot i on the current row's side */
static int slotcol(const ent_panel_rows *r, int i)
{
    return r->on_row && i >= 0 && i < r->nslots ? r->col[r->side][i] : -1;
}

/* the statement column of codebook indicator k on the current row's side */
static int colof(const ent_panel_rows *r, int k)
{
    if (k < 0 || (size_t)k >= ent_panel_nindicators || k >= ENT_PANEL_MAXIND)
        return -1;
    return slotcol(r, r->kslot[k]);
}

/* codebook_exact is the index of the indicator named exactly name (no bare
 * aliases: a read names stored columns), or -1. */
static int codebook_exact(const char *name)
{
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        if (!strcmp(ent_panel_indicators[k].name, name))
            return (int)k;
    return -1;
}

/* stmt_col returns the statement column of name, adding it to the list of
 * distinct selected names (3 + its position), or -1 past ROW_MAXCOLS. */
static int stmt_col(const char **sel, int *nsel, const char *name)
{
    for (int j = 0; j < *nsel; j++)
        if (!strcmp(sel[j], name))
            return 3 + j;
    if (*nsel == ROW_MAXCOLS)
        return -1;
    sel[*nsel] = name;
    return 3 + (*nsel)++;
}

ent_status ent_panel_rows_read(ent_ctx *ctx, struct sqlite3 *db, const ent_panel_read *rd,
                               ent_panel_rows **out)
{
    char sql[ROW_MAXCOLS * (ENT_PANEL_MAXNAME + 4) + 256];
    const char *sel[ROW_MAXCOLS];
    int nsel = 0, a = rd->a, b = rd->b, with = a ? 0 : rd->with;
    int nslots = rd->cols ? rd->ncols : (int)ent_panel_nindicators;
    size_t n;
    ent_panel_rows *r;

    *out = NULL;
    if (ent_panel_nindicators > ENT_PANEL_MAXIND)
        return ent_err(ctx, ENT_EINVAL, "panel: more than %d indicators", ENT_PANEL_MAXIND);
    if (nslots < 0 || nslots > ENT_PANEL_MAXREAD)
        return ent_err(ctx, ENT_EINVAL, "panel: %d columns asked (at most %d)", nslots,
                       ENT_PANEL_MAXREAD);
    if (!(r = ent_calloc(ctx, 1, sizeof *r)))
        return ent_err(ctx, ENT_ENOMEM, "panel: out of memory");
    r->ctx = ctx;
    r->db = db;
    r->directed = !a && rd->directed;
    r->swap = a && a > b;
    r->nslots = nslots;
    for (size_t k = 0; k < ENT_PANEL_MAXIND; k++)
        r->kslot[k] = -1;
    for (int i = 0; i < nslots; i++) { /* the directed swap, once */
        const char *name = rd->cols ? rd->cols[i] : ent_panel_indicators[i].name;
        int k = codebook_exact(name);
        const char *pair = k >= 0 ? ent_panel_indicators[k].pair : NULL;
        if (strlen(name) >= ENT_PANEL_MAXNAME) {
            ent_panel_rows_close(r);
            return ent_err(ctx, ENT_EINVAL, "panel: column name '%.40s...' too long", name);
        }
        r->col[0][i] = stmt_col(sel, &nsel, name);
        /* the pair's column only when a row may be read reversed */
        r->col[1][i] = pair && (r->swap || r->directed) ? stmt_col(sel, &nsel, pair)
                                                        : r->col[0][i];
        if (k >= 0 && r->kslot[k] < 0)
            r->kslot[k] = i;
    }
    n = (size_t)snprintf(sql, sizeof sql, "SELECT ccode1, ccode2, year");
    for (int j = 0; j < nsel && n < sizeof sql; j++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", [%s]", sel[j]);
    if (n < sizeof sql)
        n += (size_t)snprintf(sql + n, sizeof sql - n, " FROM panel WHERE year BETWEEN ?1 AND ?2%s"
                              " ORDER BY year, ccode1, ccode2",
                              a ? " AND ccode1 = ?3 AND ccode2 = ?4"
                              : with ? " AND (ccode1 = ?3 OR ccode2 = ?3)" : "");
    if (n >= sizeof sql || sqlite3_prepare_v2(db, sql, -1, &r->q, NULL) != SQLITE_OK) {
        ent_status st = ent_err(ctx, ENT_ENODATA, "the warehouse has no panel (or one of another "
                                "version): %s; run `entente build`", sqlite3_errmsg(db));
        ent_panel_rows_close(r);
        return st;
    }
    sqlite3_bind_int(r->q, 1, rd->from);
    sqlite3_bind_int(r->q, 2, rd->to);
    if (a) {
        sqlite3_bind_int(r->q, 3, a < b ? a : b);
        sqlite3_bind_int(r->q, 4, a < b ? b : a);
    } else if (with) {
        sqlite3_bind_int(r->q, 3, with);
    }
    *out = r;
    return ENT_OK;
}

ent_status ent_panel_rows_open(ent_ctx *ctx, struct sqlite3 *db, int a, int b, int from, int to,
                               int directed, ent_panel_rows **out)
{
    ent_panel_read rd = {.a = a, .b = b, .from = from, .to = to, .directed = directed};
    return ent_panel_rows_read(ctx, db, &rd, out);
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

double ent_panel_rows_at(const ent_panel_rows *r, int i)
{
    int c = slotcol(r, i);
    if (c < 0)
        return NAN;
    switch (sqlite3_column_type(r->q, c)) {
    case SQLITE_INTEGER: return (double)sqlite3_column_int64(r->q, c);
    case SQLITE_FLOAT: return sqlite3_column_double(r->q, c);
    default: return NAN;
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

ent_status ent_panel_columns_missing(ent_ctx *ctx, struct sqlite3 *db, const char *const *names,
                                     int n, int *missing)
{
    /* table_info, not a trial SELECT: SQLite reads an unknown "name" as a string */
    unsigned char found[ENT_PANEL_MAXREAD] = {0};
    sqlite3_stmt *q = NULL;
    int ncols = 0, rc;

    *missing = -1;
    if (n < 0 || n > ENT_PANEL_MAXREAD)
        return ent_err(ctx, ENT_EINVAL, "panel: %d columns asked (at most %d)", n,
                       ENT_PANEL_MAXREAD);
    if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('panel')", -1, &q, NULL) !=
        SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(q, 0);
        ncols++;
        for (int i = 0; i < n && col; i++)
            found[i] |= !strcmp(col, names[i]);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    if (ncols == 0)
        return ent_err(ctx, ENT_ENODATA, "the warehouse has no panel; run `entente build` first");
    for (int i = 0; i < n && *missing < 0; i++)
        if (!found[i])
            *missing = i;
    return ENT_OK;
}
