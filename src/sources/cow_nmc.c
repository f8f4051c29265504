/*
 * cow_nmc.c -- the `cow_nmc` source: COW National Material Capabilities v7.0,
 * state-years 1816-2022 (CINC and its six components).  Table cow_nmc; see
 * docs/internals/sources.md.
 */
#include "srcutil.h"

#define C(n) {n, n, ENT_COL_REAL, ENT_COL_NEG9 | ENT_COL_NONNEG, 0, 0, NULL}

static const ent_colspec COLS[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    C("milex"), C("milper"), C("irst"), C("pec"), C("tpop"), C("upop"), C("cinc"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "cow_nmc.csv", .table = "cow_nmc", .cols = COLS,
                         .ncols = sizeof COLS / sizeof COLS[0]};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_cow_nmc = {
    .name = "cow_nmc",
    .dir = "cow_nmc",
    .files = {"cow_nmc.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS cow_nmc("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL,"
              " milex REAL, milper REAL, irst REAL, pec REAL, tpop REAL, upop REAL, cinc REAL,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;",
    .tables = "cow_nmc",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2022,
    .coverage = "full",
    .cite = "Singer, Bremer & Stuckey (1972); Singer (1987) Reconstructing the Correlates of War "
            "Dataset on Material Capabilities of States, Int. Interactions 14:115-32 (NMC v7.0)",
    .load = load,
};
