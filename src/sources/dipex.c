/*
 * dipex.c -- the `cow_diplomatic_exchange_extract` source: an extract of COW
 * Diplomatic Exchange v2006.1 holding only the Russia (365) - China (710)
 * rows, 5-year waves 1817-2005.  Its coverage is recorded as partial.
 * Table cow_dipex; see docs/internals/sources.md.
 */
#include "srcutil.h"

#define DR(n, s) {n, s, ENT_COL_INT, ENT_COL_NA9 | ENT_COL_RANGE, 0, 3, NULL}

static const ent_colspec COLS[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    DR("DR_at_1", "dr_at_1"), DR("DR_at_2", "dr_at_2"),
    {"DE", "de", ENT_COL_INT, ENT_COL_REQ | ENT_COL_RANGE, 0, 1, NULL},
    {"version", "version", ENT_COL_TEXT, 0, 0, 0, NULL},
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "DE_2006v1_RUS365_CHN710_extract.csv", .table = "cow_dipex",
                         .cols = COLS, .ncols = sizeof COLS / sizeof COLS[0]};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_cow_diplomatic_exchange_extract = {
    .name = "cow_diplomatic_exchange_extract",
    .dir = "cow_diplomatic_exchange_extract",
    .files = {"DE_2006v1_RUS365_CHN710_extract.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS cow_dipex("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " dr_at_1 INTEGER, dr_at_2 INTEGER, de INTEGER NOT NULL, version TEXT,"
              " PRIMARY KEY (ccode1, ccode2, year)) WITHOUT ROWID;",
    .tables = "cow_dipex",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1817,
    .year_hi = 2005,
    .coverage = "partial: extract of DE v2006.1 with only the Russia(365)-China(710) rows",
    .cite = "Bayer, Resat. 2006. Diplomatic Exchange Data set, v2006.1. Correlates of War "
            "Project",
    .load = load,
};
