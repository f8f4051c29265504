/*
 * cow_igo.c -- the `cow_igo` source: COW IGO v3, 1816-2014.  Tables
 * cow_igo_dyad (non-directed count of shared full memberships) and
 * cow_igo_state (state-year membership counts).  See docs/internals/sources.md.
 */
#include "srcutil.h"

#define N(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0, NULL}

static const ent_colspec DYAD[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    N("dyadigos"),
};

static const ent_colspec STATE[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    N("sum_igo_full"), N("sum_igo_associate"), N("sum_igo_observer"), N("sum_igo_anytype"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy dy = {.file = "cow_igo_ndy.csv", .table = "cow_igo_dyad", .cols = DYAD,
                         .sort = 1 /* the file is by dyad */,
                         .ncols = sizeof DYAD / sizeof DYAD[0]};
    const ent_copy sy = {.file = "cow_igo_sy.csv", .table = "cow_igo_state", .cols = STATE,
                         .ncols = sizeof STATE / sizeof STATE[0]};
    ent_status st = ent_src_copy(ld, &dy);
    if (st != ENT_OK)
        return st;
    return ent_src_copy(ld, &sy);
}

const ent_source ent_src_cow_igo = {
    .name = "cow_igo",
    .dir = "cow_igo",
    .files = {"cow_igo_ndy.csv", "cow_igo_sy.csv"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS cow_igo_dyad("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " dyadigos INTEGER NOT NULL,"
              " PRIMARY KEY (year, ccode1, ccode2)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS cow_igo_state("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL, sum_igo_full INTEGER,"
              " sum_igo_associate INTEGER, sum_igo_observer INTEGER, sum_igo_anytype INTEGER,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;",
    .tables = "cow_igo_dyad,cow_igo_state",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2014,
    .coverage = "full",
    .cite = "Pevehouse, Nordstrom, McManus & Jamison (2020) Tracking Organizations in the World: "
            "The Correlates of War IGO Version 3.0 Datasets, JPR 57(3)",
    .load = load,
};
