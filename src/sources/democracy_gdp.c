/*
 * democracy_gdp.c -- the `democracy_gdp` source: V-Dem polyarchy, Polity2 and
 * the Xm UDS by state-year (1816-2020, table democracy), and the Anders,
 * Fariss & Markowitz simulated GDP, population and SDP (natural logs,
 * 1800-2016 in the file, table sdp_gdp).  See docs/internals/sources.md.
 */
#include "srcutil.h"

#define R(n) {n, n, ENT_COL_REAL, 0, 0, 0, NULL}

static const ent_colspec DEMO[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"v2x_polyarchy", "v2x_polyarchy", ENT_COL_REAL, 0, 0, 0, NULL},
    {"polity2", "polity2", ENT_COL_INT, ENT_COL_RANGE, -10, 10, NULL},
    R("xm_qudsest"),
};

static const ent_colspec GDP[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    R("wbgdp2011est"), R("wbpopest"), R("sdpest"), R("wbgdppc2011est"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy de = {.file = "ccode_democracy.csv", .table = "democracy", .cols = DEMO,
                         .ncols = sizeof DEMO / sizeof DEMO[0]};
    const ent_copy gd = {.file = "cow_sdp_gdp.csv", .table = "sdp_gdp", .cols = GDP,
                         .ncols = sizeof GDP / sizeof GDP[0]};
    ent_status st = ent_src_copy(ld, &de);
    if (st != ENT_OK)
        return st;
    return ent_src_copy(ld, &gd);
}

const ent_source ent_src_democracy_gdp = {
    .name = "democracy_gdp",
    .dir = "democracy_gdp",
    .files = {"ccode_democracy.csv", "cow_sdp_gdp.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS democracy("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL,"
              " v2x_polyarchy REAL, polity2 INTEGER, xm_qudsest REAL,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;"
              "CREATE TABLE IF NOT EXISTS sdp_gdp("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL,"
              " wbgdp2011est REAL, wbpopest REAL, sdpest REAL, wbgdppc2011est REAL,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;",
    .tables = "democracy,sdp_gdp",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2020,
    .coverage = "full (democracy 1816-2020; sdp_gdp 1816-2016, file from 1800)",
    .cite = "Coppedge et al. V-Dem; Marshall & Jaggers Polity IV; Pemstein, Meserve & Melton "
            "UDS; Anders, Fariss & Markowitz (2020) Bread Before Guns or Butter, ISQ 64(2) "
            "(via peacesciencer)",
    .load = load,
};
