/*
 * rivalries.c -- the `rivalries` source: Thompson & Dreyer strategic
 * rivalries (td_rivalries), Thompson, Sakuwa & Suhas rivalries
 * (tss_rivalries) and Gibler, Rider & Hutchison arms races (grh_arms_races),
 * all as non-directed spells.  See docs/internals/sources.md.
 */
#include "srcutil.h"

#define Y(n, s) {n, s, ENT_COL_INT, ENT_COL_REQ | ENT_COL_RANGE, 1400, 2100, NULL}
#define T(n) {n, n, ENT_COL_TEXT, 0, 0, 0, NULL}
#define F(n) {n, n, ENT_COL_FLAG1, 0, 0, 0, NULL}
#define CC(n) {n, n, ENT_COL_CCODE, 0, 0, 0, NULL}
#define ID(n) {n, n, ENT_COL_INT, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0, NULL}

static const ent_colspec TD[] = {
    ID("rivalryno"), {"rivalryname", "rivalryname", ENT_COL_TEXT, ENT_COL_REQ, 0, 0, NULL},
    CC("ccode1"), CC("ccode2"), Y("styear", "styear"), Y("endyear", "endyear"),
    T("region"), T("type1"), T("type2"), T("type3"),
};

static const ent_colspec TSS[] = {
    ID("tssr_id"), {"rivalry", "rivalry", ENT_COL_TEXT, ENT_COL_REQ, 0, 0, NULL},
    CC("ccode1"), CC("ccode2"), Y("start", "styear"), Y("end", "endyear"),
    F("positional"), F("spatial"), F("ideological"), F("interventionary"), F("principal"),
    F("aprin"),
};

static const ent_colspec GRH[] = {
    ID("race_id"), CC("ccode1"), CC("ccode2"), Y("styear", "styear"), Y("endyear", "endyear"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp[] = {
        {.file = "td_rivalries.csv", .table = "td_rivalries", .cols = TD,
         .ncols = sizeof TD / sizeof TD[0]},
        {.file = "tss_rivalries.csv", .table = "tss_rivalries", .cols = TSS,
         .ncols = sizeof TSS / sizeof TSS[0]},
        {.file = "grh_arms_races.csv", .table = "grh_arms_races", .cols = GRH,
         .ncols = sizeof GRH / sizeof GRH[0]},
    };
    for (size_t i = 0; i < sizeof cp / sizeof cp[0]; i++) {
        ent_status st = ent_src_copy(ld, &cp[i]);
        if (st != ENT_OK)
            return st;
    }
    return ENT_OK;
}

const ent_source ent_src_rivalries = {
    .name = "rivalries",
    .dir = "rivalries",
    .files = {"td_rivalries.csv", "tss_rivalries.csv", "grh_arms_races.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS td_rivalries("
              " rivalryno INTEGER PRIMARY KEY, rivalryname TEXT NOT NULL,"
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
              " styear INTEGER NOT NULL, endyear INTEGER NOT NULL,"
              " region TEXT, type1 TEXT, type2 TEXT, type3 TEXT);"
              "CREATE INDEX IF NOT EXISTS td_rivalries_dyad ON td_rivalries(ccode1, ccode2);"
              "CREATE TABLE IF NOT EXISTS tss_rivalries("
              " tssr_id INTEGER PRIMARY KEY, rivalry TEXT NOT NULL,"
              " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
              " styear INTEGER NOT NULL, endyear INTEGER NOT NULL,"
              " positional INTEGER, spatial INTEGER, ideological INTEGER,"
              " interventionary INTEGER, principal INTEGER, aprin INTEGER);"
              "CREATE INDEX IF NOT EXISTS tss_rivalries_dyad ON tss_rivalries(ccode1, ccode2);"
              "CREATE TABLE IF NOT EXISTS grh_arms_races("
              " race_id INTEGER PRIMARY KEY, ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL,"
              " styear INTEGER NOT NULL, endyear INTEGER NOT NULL);",
    .tables = "td_rivalries,tss_rivalries,grh_arms_races",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1816,
    .year_hi = 2010,
    .coverage = "full (Thompson-Dreyer strategic rivalries through 2010; tss to 2020)",
    .cite = "Thompson & Dreyer (2012) Handbook of International Rivalries, CQ Press; Thompson, "
            "Sakuwa & Suhas (2022); Gibler, Rider & Hutchison (2005) JPR 42(2)",
    .load = load,
};
