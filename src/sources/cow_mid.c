/*
 * cow_mid.c -- the `cow_mid` source: COW MID 5.0, 1816-2014.  Tables
 * cow_mid_dyad (directed dyad-years, one MID each), cow_mid_dispdyad (every
 * dispute-dyad-year) and cow_mid_dispute (dispute level).  -9 -> NULL.
 * See docs/internals/sources.md.
 */
#include "srcutil.h"

#define CC(n) {n, n, ENT_COL_CCODE, 0, 0, 0, NULL}
#define B(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_RANGE, 0, 1, NULL}
#define B0(n) {n, n, ENT_COL_INT, ENT_COL_RANGE, 0, 1, NULL}
#define I9(n) {n, n, ENT_COL_INT, ENT_COL_NEG9, 0, 0, NULL}
#define I(n) {n, n, ENT_COL_INT, 0, 0, 0, NULL}
#define HL(n) {n, n, ENT_COL_INT, ENT_COL_RANGE, 1, 5, NULL}
#define ID(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0, NULL}

#define SIDES                                                                                 \
    B0("sidea1"), B0("sidea2"), I9("fatality1"), I9("fatality2"), I9("fatalpre1"),          \
        I9("fatalpre2"), I("hiact1"), I("hiact2"), HL("hostlev1"), HL("hostlev2"),          \
        B0("orig1"), B0("orig2")

static const ent_colspec DDY[] = {
    ID("dispnum"), CC("ccode1"), CC("ccode2"), {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    B("cowmidongoing"), B("cowmidonset"), SIDES,
    I9("fatality"), HL("hostlev"), I("mindur"), I("maxdur"), B0("recip"),
    {"stmon", "stmon", ENT_COL_INT, ENT_COL_RANGE | ENT_COL_NEG9, 1, 12, NULL},
};

static const ent_colspec DIR[] = {
    ID("dispnum"), CC("ccode1"), CC("ccode2"), {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    B("dispongoing"), B("disponset"), SIDES,
};

static const ent_colspec DISP[] = {
    ID("dispnum"), {"styear", "styear", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"stmon", "stmon", ENT_COL_INT, ENT_COL_RANGE | ENT_COL_NEG9, 1, 12, NULL},
    I9("outcome"), I9("settle"), I9("fatality"), I("mindur"), I("maxdur"), I("hiact"),
    HL("hostlev"), B0("recip"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp[] = {
        {.file = "cow_mid_ddydisps.csv", .table = "cow_mid_dyad", .cols = DDY,
         .ncols = sizeof DDY / sizeof DDY[0]},
        {.file = "cow_mid_dirdisps.csv", .table = "cow_mid_dispdyad", .cols = DIR,
         .ncols = sizeof DIR / sizeof DIR[0]},
        {.file = "cow_mid_disps.csv", .table = "cow_mid_dispute", .cols = DISP,
         .ncols = sizeof DISP / sizeof DISP[0]},
    };
    for (size_t i = 0; i < sizeof cp / sizeof cp[0]; i++) {
        ent_status st = ent_src_copy(ld, &cp[i]);
        if (st != ENT_OK)
            return st;
    }
    return ENT_OK;
}

#define SIDECOLS                                                                              \
    " sidea1 INTEGER, sidea2 INTEGER, fatality1 INTEGER, fatality2 INTEGER,"                 \
    " fatalpre1 INTEGER, fatalpre2 INTEGER, hiact1 INTEGER, hiact2 INTEGER,"                 \
    " hostlev1 INTEGER, hostlev2 INTEGER, orig1 INTEGER, orig2 INTEGER,"

const ent_source ent_src_cow_mid = {
    .name = "cow_mid",
    .dir = "cow_mid",
    .files = {"cow_mid_ddydisps.csv", "cow_mid_dirdisps.csv", "cow_mid_disps.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS cow_mid_dyad("
              " dispnum INTEGER NOT NULL, ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
              " year INTEGER NOT NULL, cowmidongoing INTEGER NOT NULL,"
              " cowmidonset INTEGER NOT NULL," SIDECOLS
              " fatality INTEGER, hostlev INTEGER, mindur INTEGER, maxdur INTEGER,"
              " recip INTEGER, stmon INTEGER,"
              " PRIMARY KEY (ccode1, ccode2, year)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS cow_mid_dispdyad("
              " dispnum INTEGER NOT NULL, ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
              " year INTEGER NOT NULL, dispongoing INTEGER NOT NULL,"
              " disponset INTEGER NOT NULL," SIDECOLS
              " PRIMARY KEY (ccode1, ccode2, year, dispnum)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS cow_mid_dispute("
              " dispnum INTEGER PRIMARY KEY, styear INTEGER NOT NULL, stmon INTEGER,"
              " outcome INTEGER, settle INTEGER, fatality INTEGER, mindur INTEGER,"
              " maxdur INTEGER, hiact INTEGER, hostlev INTEGER, recip INTEGER);",
    .tables = "cow_mid_dyad,cow_mid_dispdyad,cow_mid_dispute",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2014,
    .coverage = "full",
    .cite = "Palmer et al. (2022) The MID5 Dataset, 2011-2014: Procedures, coding rules, and "
            "description, CMPS 39(4) (COW MID v5.0, via peacesciencer)",
    .load = load,
};
