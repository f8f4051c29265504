/*
 * distance.c -- the `distance` source: CShapes 2.0 minimum distance (km)
 * between states, non-directed dyad-years 1886-2019 (gzip file; the reader
 * decompresses it).  Table cow_mindist; see docs/internals/sources.md.
 */
#include "srcutil.h"

static const ent_colspec COLS[] = {
    {"ccode1", "ccode1", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"ccode2", "ccode2", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"mindist", "mindist", ENT_COL_REAL, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0, NULL},
};

static ent_status load(ent_load *ld)
{
    const ent_reader_opts ro = {.delim = ','};
    const ent_copy cp = {.file = "cow_mindist.csv.gz", .table = "cow_mindist", .cols = COLS,
                         .ncols = sizeof COLS / sizeof COLS[0], .ropts = &ro,
                         .sort = 1 /* in key order already: held for batched inserts */};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_distance = {
    .name = "distance",
    .dir = "distance",
    .files = {"cow_mindist.csv.gz"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS cow_mindist("
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
              " mindist REAL NOT NULL,"
              " PRIMARY KEY (year, ccode1, ccode2)) WITHOUT ROWID;",
    .tables = "cow_mindist",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1886,
    .year_hi = 2019,
    .coverage = "full",
    .cite = "Schvitz et al. (2022) Mapping the International System, 1886-2019: The CShapes 2.0 "
            "Dataset, JCR (minimum distances via peacesciencer)",
    .load = load,
};
