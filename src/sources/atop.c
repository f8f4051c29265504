/*
 * atop.c -- the `atop_alliance` source: ATOP 5.1 directed dyad-years
 * (1815-2018) with five obligation flags.  Table atop_alliance; see
 * docs/internals/sources.md.
 */
#include "srcutil.h"

#define FLAG(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_RANGE, 0, 1, NULL}

static const ent_colspec COLS[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    FLAG("atop_defense"), FLAG("atop_offense"), FLAG("atop_neutral"),
    FLAG("atop_nonagg"), FLAG("atop_consul"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "atop_alliance.csv", .table = "atop_alliance", .cols = COLS,
                         .sort = 1 /* the file is by dyad */,
                         .ncols = sizeof COLS / sizeof COLS[0]};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_atop_alliance = {
    .name = "atop_alliance",
    .dir = "atop_alliance",
    .files = {"atop_alliance.csv"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS atop_alliance("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " atop_defense INTEGER NOT NULL, atop_offense INTEGER NOT NULL,"
              " atop_neutral INTEGER NOT NULL, atop_nonagg INTEGER NOT NULL,"
              " atop_consul INTEGER NOT NULL,"
              " PRIMARY KEY (year, ccode1, ccode2)) WITHOUT ROWID;",
    .tables = "atop_alliance",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1815,
    .year_hi = 2018,
    .coverage = "full",
    .cite = "Leeds, Ritter, Mitchell & Long (2002) Alliance Treaty Obligations and Provisions, "
            "International Interactions 28:237-60 (ATOP v5.1, via peacesciencer)",
    .load = load,
};
