/*
 * cow_contiguity.c -- the `cow_contiguity` source: COW Direct Contiguity
 * v3.2, directed spells (both orders) with the contiguity type and ISO start
 * and end dates, 1816-2016.  Table cow_contiguity; see
 * docs/internals/sources.md.
 */
#include "srcutil.h"

#include <stdio.h>

static ent_status date_cell(ent_reader *r, ent_cell *cells, int col, char out[11], int *year)
{
    int y, m, d, k = ent_cell_date(cells[col], &y, &m, &d);
    if (k < 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not a date (YYYY-MM-DD)",
                               cells[col].p);
    if (k == 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    *year = y;
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    static const char *const names[] = {"ccode1", "ccode2", "conttype", "stdate", "enddate"};
    const ent_reader_opts ro = {.label = "cow_contdir.csv"};
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    int idx[5];
    ent_status st;

    st = ent_sql_prepare(ld->ctx, ld->db,
                         "INSERT INTO cow_contiguity(ccode1,ccode2,conttype,stdate,enddate,"
                         "styear,endyear) VALUES(?,?,?,?,?,?,?)",
                         &ins);
    if (st != ENT_OK)
        goto out;
    if ((st = ent_load_open(ld, "cow_contdir.csv", &ro, &r)) != ENT_OK)
        goto out;
    if ((st = ent_reader_cols(r, names, idx, 5)) != ENT_OK)
        goto out;
    for (;;) {
        ent_cell *cells;
        size_t nc;
        int64_t c1, c2, type;
        char sd[11], ed[11];
        int sy, ey, rc;
        char why[80];
        st = ent_reader_next(r, &cells, &nc);
        if (st == ENT_DONE) {
            st = ENT_OK;
            break;
        }
        if (st != ENT_OK)
            goto out;
        if ((st = ent_src_int(r, cells, idx[0], 1, &c1)) != ENT_OK ||
            (st = ent_src_int(r, cells, idx[1], 1, &c2)) != ENT_OK ||
            (st = ent_src_int(r, cells, idx[2], 1, &type)) != ENT_OK ||
            (st = date_cell(r, cells, idx[3], sd, &sy)) != ENT_OK ||
            (st = date_cell(r, cells, idx[4], ed, &ey)) != ENT_OK)
            goto out;
        if (type < 0 || type > 5) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[2], "out of range 0..5: %lld",
                                 (long long)type);
            goto out;
        }
        if (ed[0] && ey < sy) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[4], "ends (%s) before it starts (%s)", ed,
                                 sd);
            goto out;
        }
        if (!ent_src_ccode_known(ld, c1) || !ent_src_ccode_known(ld, c2)) {
            int bad1 = !ent_src_ccode_known(ld, c1);
            snprintf(why, sizeof why, "unknown COW code %lld (%s)",
                     (long long)(bad1 ? c1 : c2), bad1 ? "ccode1" : "ccode2");
            ent_load_reject(ld, r, why);
            continue;
        }
        sqlite3_bind_int64(ins, 1, c1);
        sqlite3_bind_int64(ins, 2, c2);
        sqlite3_bind_int64(ins, 3, type);
        sqlite3_bind_text(ins, 4, sd, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 5, ed, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 6, sy);
        sqlite3_bind_int(ins, 7, ey);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_CONSTRAINT) {
            st = ent_reader_fail(r, ENT_EPARSE, -1,
                                 "duplicate row: its key repeats an earlier row of "
                                 "cow_contiguity");
            goto out;
        }
        if (rc != SQLITE_DONE) {
            st = ent_err(ld->ctx, ENT_EDB, "cow_contiguity: %s", sqlite3_errmsg(ld->db));
            goto out;
        }
        ent_load_ok(ld);
        ent_load_year(ld, sy);
        ent_load_year(ld, ey);
    }
out:
    ent_load_close(ld, r);
    sqlite3_finalize(ins);
    return st;
}

const ent_source ent_src_cow_contiguity = {
    .name = "cow_contiguity",
    .dir = "cow_contiguity",
    .files = {"cow_contdir.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS cow_contiguity("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, conttype INTEGER NOT NULL,"
              " stdate TEXT NOT NULL, enddate TEXT NOT NULL,"
              " styear INTEGER NOT NULL, endyear INTEGER NOT NULL,"
              " PRIMARY KEY (ccode1, ccode2, stdate)) WITHOUT ROWID;"
              "CREATE INDEX IF NOT EXISTS cow_contiguity_years ON cow_contiguity(styear, endyear);",
    .tables = "cow_contiguity",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2016,
    .coverage = "full",
    .cite = "Stinnett, Tir, Schafer, Diehl & Gochman (2002) The Correlates of War Project "
            "Direct Contiguity Data, Version 3, CMPS 19(2):58-66 (v3.2, via peacesciencer)",
    .load = load,
};
