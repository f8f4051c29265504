/*
 * cow_trade.c -- the `cow_trade` source: COW Trade 4.0, 1870-2014.
 * Tables cow_trade_dyad (non-directed, ccode1 < ccode2, flow1 = imports of
 * ccode1 from ccode2, flow2 = imports of ccode2 from ccode1, current million
 * USD) and cow_trade_state (state-year imports and exports, the denominators
 * of trade shares).  See docs/internals/sources.md.
 */
#include "srcutil.h"

#define FLOW(n) {n, n, ENT_COL_REAL, ENT_COL_NEG9 | ENT_COL_NONNEG, 0, 0, NULL}

static const ent_colspec DYAD[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    FLOW("flow1"), FLOW("flow2"), FLOW("smoothflow1"), FLOW("smoothflow2"),
};

static const ent_colspec STATE[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    FLOW("imports"), FLOW("exports"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy dy = {.file = "cow_trade_ndy.csv", .table = "cow_trade_dyad", .cols = DYAD,
                         .sort = 1 /* the file is by dyad */,
                         .ncols = sizeof DYAD / sizeof DYAD[0]};
    const ent_copy sy = {.file = "cow_trade_sy.csv", .table = "cow_trade_state", .cols = STATE,
                         .ncols = sizeof STATE / sizeof STATE[0]};
    ent_status st = ent_src_copy(ld, &dy);
    if (st != ENT_OK)
        return st;
    return ent_src_copy(ld, &sy);
}

const ent_source ent_src_cow_trade = {
    .name = "cow_trade",
    .dir = "cow_trade",
    .files = {"cow_trade_ndy.csv", "cow_trade_sy.csv"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS cow_trade_dyad("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " flow1 REAL, flow2 REAL, smoothflow1 REAL, smoothflow2 REAL,"
              " PRIMARY KEY (year, ccode1, ccode2)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS cow_trade_state("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL, imports REAL, exports REAL,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;",
    .tables = "cow_trade_dyad,cow_trade_state",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1870,
    .year_hi = 2014,
    .coverage = "full",
    .cite = "Barbieri, Keshk & Pollins (2009) Trading Data: Evaluating our Assumptions and "
            "Coding Rules, CMPS 26(5):471-491 (COW Trade v4.0, via peacesciencer)",
    .load = load,
};
