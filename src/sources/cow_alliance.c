/*
 * cow_alliance.c -- the `cow_alliance` source: COW Formal Alliances v4.1,
 * directed dyad-years 1816-2012.  Table cow_alliance; see
 * docs/internals/sources.md.
 */
#include "srcutil.h"

#define FLAG(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_RANGE, 0, 1, NULL}

static const ent_colspec COLS[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    FLAG("cow_defense"), FLAG("cow_neutral"), FLAG("cow_nonagg"), FLAG("cow_entente"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "cow_alliance.csv", .table = "cow_alliance", .cols = COLS,
                         .sort = 1 /* the file is by dyad */,
                         .ncols = sizeof COLS / sizeof COLS[0]};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_cow_alliance = {
    .name = "cow_alliance",
    .dir = "cow_alliance",
    .files = {"cow_alliance.csv"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS cow_alliance("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " cow_defense INTEGER NOT NULL, cow_neutral INTEGER NOT NULL,"
              " cow_nonagg INTEGER NOT NULL, cow_entente INTEGER NOT NULL,"
              " PRIMARY KEY (year, ccode1, ccode2)) WITHOUT ROWID;",
    .tables = "cow_alliance",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2012,
    .coverage = "full",
    .cite = "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. CQ Press "
            "(COW Formal Alliances v4.1, via peacesciencer)",
    .load = load,
};
