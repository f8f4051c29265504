/*
 * assemble.c -- the derived source `panel`: builds the warehouse table
 * `panel` (one row per pair of COW system members per year, ccode1 < ccode2,
 * 1816-2024) from the source tables, one year at a time, as a loop over the
 * indicator families of families.c (see family.h).
 *
 * For each year the members are indexed 0..n-1 in COW-code order, every
 * codebook column gets an n x n array (pair i < j at [i*n + j]) initialised
 * to NULL outside its coverage and to 0 or NULL inside it (ent_absent); each
 * family whose first column is covered runs its queries (each source table
 * read once for the year with an indexed `WHERE year = ?`) through its fill;
 * then each family derives its derived columns (shares, ratios, portfolios),
 * and the rows are inserted with one prepared statement inside the build's
 * transaction.  A family whose tables are not all in the warehouse (a source
 * not built) leaves its columns NULL in every year, never 0.
 */
#include "family.h"
#include "../store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the build holds per family: its first column, whether its tables are
 * in the warehouse, its span of years (families with a span SQL), and its
 * prepared queries. */
typedef struct fam_state {
    int base;
    int loaded;
    int span_lo, span_hi;
    sqlite3_stmt *q[ENT_PFAM_MAXQ];
} fam_state;

static int table_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q = NULL;
    int ok = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        ok = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return ok;
}

/* tables_exist: every table of a comma list (NULL: none) is in the warehouse */
static int tables_exist(sqlite3 *db, const char *list)
{
    char name[128];
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, ",");
        snprintf(name, sizeof name, "%.*s", (int)k, p);
        if (!table_exists(db, name))
            return 0;
        p += k + (p[k] == ',');
    }
    return 1;
}

/* covered says whether column k of family fs is covered in year */
static int covered(const ent_indicator *ind, const fam_state *fs, const ent_pfamily *fam,
                   int year)
{
    if (!fs->loaded)
        return 0;
    if (ind->lo == 0 && ind->hi == 0) {
        if (fam->span) /* coverage by the years present */
            return fs->span_lo && year >= fs->span_lo && year <= fs->span_hi;
        return 1; /* coverage by rows: absent = NULL */
    }
    return year >= ind->lo && year <= ind->hi;
}

/* ------------------------------------------------------------ one year */

static void read_year(const fam_state *fs, ent_pyear *y)
{
    const size_t nn = (size_t)y->n * (size_t)y->n;

    for (size_t f = 0; f < ent_panel_nfamilies; f++) {
        const ent_pfamily *fam = &ent_panel_families[f];
        for (int i = 0; i < fam->ncols; i++) {
            const int k = fs[f].base + i;
            const ent_indicator *ind = &ent_panel_indicators[k];
            double init;
            y->cov[k] = (unsigned char)covered(ind, &fs[f], fam, y->year);
            init = y->cov[k] && ind->absent == ENT_ABSENT_ZERO ? 0.0 : NAN;
            for (int a = 0; a < y->n; a++) /* pairs a < b only: the lower half is never read */
                for (int b = a + 1; b < y->n; b++)
                    y->v[k][(size_t)a * (size_t)y->n + (size_t)b] = init;
        }
    }
    for (int m = 0; m < ENT_PY_MONO; m++)
        for (int i = 0; i < y->n; i++)
            y->mono[m][i] = NAN;
    for (int x = 0; x < ENT_PY_CELLX; x++)
        memset(y->cellx[x], 0, nn * sizeof *y->cellx[x]);
    y->ntext = 0;

    for (size_t f = 0; f < ent_panel_nfamilies; f++) {
        const ent_pfamily *fam = &ent_panel_families[f];
        if (!y->cov[fs[f].base])
            continue;
        for (int i = 0; i < ENT_PFAM_MAXQ && fam->q[i].sql; i++) {
            sqlite3_stmt *q = fs[f].q[i];
            sqlite3_reset(q);
            sqlite3_bind_int(q, 1, y->year);
            while (sqlite3_step(q) == SQLITE_ROW)
                fam->q[i].fill(y, &y->v[fs[f].base], q);
        }
    }
    for (size_t f = 0; f < ent_panel_nfamilies; f++)
        if (ent_panel_families[f].derive)
            ent_panel_families[f].derive(y, &y->v[fs[f].base], &y->cov[fs[f].base]);
}

/* ------------------------------------------------------------ the source */

static int is_integer_unit(const ent_indicator *ind)
{
    static const char *const units[] = {"0/1", "events", "drafts", "IGOs", "roll calls",
                                        "episodes", "days", "calls", "COW type 0-5",
                                        "ordinal 0-3", "0-5", "-10..10", "exercises"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(ind->unit, units[i]))
            return 1;
    return 0;
}

static ent_status create_table(ent_load *ld)
{
    char sql[8192];
    size_t o = 0;
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          "DROP VIEW IF EXISTS panel_directed;"
                          "DROP TABLE IF EXISTS panel;"
                          "CREATE TABLE panel(ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
                          " year INTEGER NOT NULL");
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s %s", ind->name,
                              ind->is_text ? "TEXT" : is_integer_unit(ind) ? "INTEGER" : "REAL");
    }
    snprintf(sql + o, sizeof sql - o,
             ", PRIMARY KEY(year, ccode1, ccode2)) WITHOUT ROWID;");
    return ent_sql_exec(ld->ctx, ld->db, sql);
}

/* create_directed_view defines panel_directed: every row of panel in both
 * orders; on the reversed row the two columns of each directed pair
 * (_1to2/_2to1, _1/_2) trade places. */
static ent_status create_directed_view(ent_load *ld)
{
    char sql[16384];
    size_t o = 0;
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          "DROP VIEW IF EXISTS panel_directed;"
                          "CREATE VIEW panel_directed AS SELECT ccode1, ccode2, year");
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s", ent_panel_indicators[k].name);
    o += (size_t)snprintf(sql + o, sizeof sql - o,
                          " FROM panel UNION ALL SELECT ccode2, ccode1, year");
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s AS %s",
                              ind->pair ? ind->pair : ind->name, ind->name);
    }
    snprintf(sql + o, sizeof sql - o, " FROM panel;");
    return ent_sql_exec(ld->ctx, ld->db, sql);
}

/* prepare resolves the families against the codebook and the warehouse:
 * which are loaded, their covering indexes, spans and queries; then the
 * INSERT of a panel row. */
static ent_status prepare(ent_load *ld, fam_state *fs, sqlite3_stmt **ins)
{
    char sql[4096];
    size_t o;
    ent_status st;
    int base[256];

    if (ent_panel_nfamilies > sizeof base / sizeof base[0])
        return ent_err(ld->ctx, ENT_EINVAL, "panel: more than %zu families",
                       sizeof base / sizeof base[0]);
    if ((st = ent_panel_families_check(ld->ctx, base)) != ENT_OK)
        return st;
    for (size_t f = 0; f < ent_panel_nfamilies; f++) {
        const ent_pfamily *fam = &ent_panel_families[f];
        fs[f].base = base[f];
        fs[f].loaded = tables_exist(ld->db, fam->needs);
        for (int i = 0; i < ENT_PFAM_MAXQ && fam->q[i].sql; i++)
            fs[f].loaded = fs[f].loaded && table_exists(ld->db, fam->q[i].table);
        if (!fs[f].loaded)
            continue;
        for (int i = 0; i < ENT_PFAM_MAXQ && fam->q[i].sql; i++) {
            const ent_pquery *pq = &fam->q[i];
            if (pq->index) {
                /* a covering index: the year's rows are read without a
                 * lookup in the table's own key order */
                snprintf(sql, sizeof sql, "CREATE INDEX IF NOT EXISTS %s_panel ON %s(%s)",
                         pq->table, pq->table, pq->index);
                if ((st = ent_sql_exec(ld->ctx, ld->db, sql)) != ENT_OK)
                    return st;
            }
            if ((st = ent_sql_prepare(ld->ctx, ld->db, pq->sql, &fs[f].q[i])) != ENT_OK)
                return st;
        }
        if (fam->span) {
            sqlite3_stmt *q = NULL;
            if ((st = ent_sql_prepare(ld->ctx, ld->db, fam->span, &q)) != ENT_OK)
                return st;
            if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
                fs[f].span_lo = sqlite3_column_int(q, 0);
                fs[f].span_hi = sqlite3_column_int(q, 1);
            }
            sqlite3_finalize(q);
        }
    }
    o = (size_t)snprintf(sql, sizeof sql, "INSERT INTO panel VALUES(?,?,?");
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ",?");
    snprintf(sql + o, sizeof sql - o, ")");
    return ent_sql_prepare(ld->ctx, ld->db, sql, ins);
}

/* insert_year inserts the year's rows in key order */
static ent_status insert_year(ent_load *ld, const ent_pyear *y, sqlite3_stmt *ins)
{
    const size_t nk = ent_panel_nindicators;
    ent_status st;
    for (int i = 0; i < y->n; i++) {
        for (int j = i + 1; j < y->n; j++) {
            long c = (long)i * y->n + j;
            sqlite3_bind_int(ins, 1, y->codes[i]);
            sqlite3_bind_int(ins, 2, y->codes[j]);
            sqlite3_bind_int(ins, 3, y->year);
            for (size_t k = 0; k < nk; k++) {
                double v = y->v[k][c];
                int p = 4 + (int)k;
                if (isnan(v))
                    sqlite3_bind_null(ins, p);
                else if (ent_panel_indicators[k].is_text)
                    sqlite3_bind_text(ins, p, y->text[(int)v - 1], -1, SQLITE_STATIC);
                else if (v == floor(v) && fabs(v) < 1e15)
                    sqlite3_bind_int64(ins, p, (sqlite3_int64)v);
                else
                    sqlite3_bind_double(ins, p, v);
            }
            if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK)
                return st;
            ld->read++; /* a derived row: one per dyad-year of the universe */
            ent_load_ok(ld);
        }
    }
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    ent_pyear y;
    fam_state *fs = NULL;
    sqlite3_stmt *ins = NULL;
    const size_t maxn = ENT_PY_MAXN, cells = maxn * maxn, nk = ent_panel_nindicators;
    ent_status st;
    size_t ncodes;
    const int *codes = ent_state_codes(ld->reg, &ncodes);

    memset(&y, 0, sizeof y);
    if (ncodes > maxn)
        return ent_err(ld->ctx, ENT_EINVAL, "panel: more than %zu states", maxn);
    if (!(fs = ent_calloc(ld->ctx, ent_panel_nfamilies, sizeof *fs)) ||
        !(y.v = ent_calloc(ld->ctx, nk, sizeof *y.v)) || !(y.cov = ent_calloc(ld->ctx, nk, 1)))
        goto nomem;
    for (size_t k = 0; k < nk; k++)
        if (!(y.v[k] = ent_malloc(ld->ctx, cells * sizeof(double))))
            goto nomem;
    for (int m = 0; m < ENT_PY_MONO; m++)
        if (!(y.mono[m] = ent_malloc(ld->ctx, maxn * sizeof(double))))
            goto nomem;
    for (int x = 0; x < ENT_PY_CELLX; x++)
        if (!(y.cellx[x] = ent_malloc(ld->ctx, cells * sizeof(double))))
            goto nomem;
    y.codes = ent_malloc(ld->ctx, maxn * sizeof(int));
    y.deg = ent_malloc(ld->ctx, maxn * sizeof(int));
    y.nz = ent_malloc(ld->ctx, cells * sizeof(int));
    y.work = ent_malloc(ld->ctx, 4 * maxn * sizeof(double));
    if (!y.codes || !y.deg || !y.nz || !y.work)
        goto nomem;
    if ((st = create_table(ld)) != ENT_OK || (st = prepare(ld, fs, &ins)) != ENT_OK)
        goto out;

    for (int year = ENT_PANEL_YEAR_LO; year <= ENT_PANEL_YEAR_HI; year++) {
        y.year = year;
        y.n = 0;
        for (int c = 0; c < 1000; c++)
            y.idx[c] = -1;
        for (size_t i = 0; i < ncodes; i++) {
            if (ent_state_member(ld->reg, codes[i], year)) {
                y.idx[codes[i]] = y.n;
                y.codes[y.n++] = codes[i];
            }
        }
        read_year(fs, &y);
        if ((st = insert_year(ld, &y, ins)) != ENT_OK)
            goto out;
        if (y.n > 1)
            ent_load_year(ld, year);
    }
    /* rows go in in key order (year, ccode1, ccode2); the dyad index is built
     * once at the end, which is faster than maintaining it row by row */
    if ((st = ent_sql_exec(ld->ctx, ld->db,
                           "CREATE INDEX panel_dyad ON panel(ccode1, ccode2, year)")) != ENT_OK)
        goto out;
    st = create_directed_view(ld);
    goto out;
nomem:
    st = ent_err(ld->ctx, ENT_ENOMEM, "panel: out of memory");
out:
    for (size_t f = 0; fs && f < ent_panel_nfamilies; f++)
        for (int i = 0; i < ENT_PFAM_MAXQ; i++)
            sqlite3_finalize(fs[f].q[i]);
    sqlite3_finalize(ins);
    for (size_t k = 0; y.v && k < nk; k++)
        ent_free(ld->ctx, y.v[k]);
    ent_free(ld->ctx, y.v);
    ent_free(ld->ctx, y.cov);
    for (int m = 0; m < ENT_PY_MONO; m++)
        ent_free(ld->ctx, y.mono[m]);
    for (int x = 0; x < ENT_PY_CELLX; x++)
        ent_free(ld->ctx, y.cellx[x]);
    ent_free(ld->ctx, y.codes);
    ent_free(ld->ctx, y.deg);
    ent_free(ld->ctx, y.nz);
    ent_free(ld->ctx, y.work);
    ent_free(ld->ctx, fs);
    return st;
}

const ent_source ent_src_panel = {
    .name = "panel",
    .dir = NULL,
    .files = {NULL},
    .version = 7,
    .tables = NULL, /* the loader drops and recreates `panel` */
    .deps = "states,unvotes,un_agree,meet_dyad_year,atop_alliance,cow_alliance,cow_trade,"
            "itpd_bilateral_trade,sipri_arms_transfers_tiv,unsc_vetoes,unga_ideal_points,"
            "cow_nmc,cow_contiguity,distance,cow_mid,rivalries,cow_igo,democracy_gdp,"
            "cow_diplomatic_exchange_extract,sipri_trade_register,imf_dots,mme_exercises,"
            "us_troops",
    .year_lo = ENT_PANEL_YEAR_LO,
    .year_hi = ENT_PANEL_YEAR_HI,
    .coverage = "derived: every pair of COW system members, 1816-2024; each indicator "
                "NULL outside its source's coverage",
    .cite = "entente dyad-year panel (see docs/measures.md)",
    .load = load,
};
