/*
 * ideal_points.c -- the `unga_ideal_points` source: Bailey-Strezhnev-Voeten
 * UNGA ideal points, July 2025 release, state-years 1946-2023 (2024 rows are
 * loaded but incomplete).  Table unga_ideal_points; see
 * docs/internals/sources.md.
 */
#include "srcutil.h"

#define R(n) {n, n, ENT_COL_REAL, 0, 0, 0, NULL}
#define N(n, s) {n, s, ENT_COL_INT, ENT_COL_NONNEG, 0, 0, NULL}

static const ent_colspec COLS[] = {
    {"ccode", "ccode", ENT_COL_CCODE, 0, 0, 0, NULL},
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"iso3c", "iso3c", ENT_COL_TEXT, 0, 0, 0, NULL},
    R("idealpointfp"), R("idealpointall"), R("idealpointlegacy"),
    N("nvotesfp", "nvotesfp"), N("nvotesall", "nvotesall"), N("nvotesLegacy", "nvoteslegacy"),
    R("q5all"), R("q50all"), R("q95all"),
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "IdealpointsJuly2025.csv", .table = "unga_ideal_points",
                         .cols = COLS, .ncols = sizeof COLS / sizeof COLS[0]};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_unga_ideal_points = {
    .name = "unga_ideal_points",
    .dir = "unga_ideal_points",
    .files = {"IdealpointsJuly2025.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS unga_ideal_points("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL, iso3c TEXT,"
              " idealpointfp REAL, idealpointall REAL, idealpointlegacy REAL,"
              " nvotesfp INTEGER, nvotesall INTEGER, nvoteslegacy INTEGER,"
              " q5all REAL, q50all REAL, q95all REAL,"
              " PRIMARY KEY (ccode, year)) WITHOUT ROWID;",
    .tables = "unga_ideal_points",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1946,
    .year_hi = 2023,
    .coverage = "full (2024 rows present but idealpointall empty)",
    .cite = "Bailey, Strezhnev & Voeten (2017) Estimating Dynamic State Preferences from United "
            "Nations Voting Data, JCR 61(2):430-456 (July 2025 release)",
    .load = load,
};
