/*
 * itpd.c -- the `itpd_bilateral_trade` source: ITPD-E exports aggregated over
 * industries, 2000-2016, constant 2010 USD.  Table itpd_trade (directed,
 * exporter -> importer), codes mapped from the ISO3 columns on the year.
 * Domestic rows (exporter = importer) are rejected with their reason.
 * See docs/internals/sources.md.
 */
#include "srcutil.h"

static const ent_colspec COLS[] = {
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"from_iso3", "exporter", ENT_COL_ISO3, 0, 0, 0, "exporter_iso3"},
    {"to_iso3", "importer", ENT_COL_ISO3, 0, 0, 0, "importer_iso3"},
    {"exports_const2010usd", "exports", ENT_COL_REAL, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0,
     NULL},
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "itpd_e_exports_aggregated_2000_2016.csv",
                         .table = "itpd_trade",
                         .cols = COLS,
                         .ncols = sizeof COLS / sizeof COLS[0],
                         .same_pair_reason = "domestic flow (exporter = importer)",
                         .dup_reason = "duplicate COW dyad-year after ISO3 mapping",
                         .sort = 1 /* by year, then by country name */};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_itpd_bilateral_trade = {
    .name = "itpd_bilateral_trade",
    .dir = "itpd_bilateral_trade",
    .files = {"itpd_e_exports_aggregated_2000_2016.csv"},
    .version = 1,
    /* keyed by year first: the panel stage reads one year at a time, and its
     * covering index (year, ...) is built from rows already in that order */
    .schema = "CREATE TABLE IF NOT EXISTS itpd_trade("
              " exporter INTEGER NOT NULL, importer INTEGER NOT NULL, year INTEGER NOT NULL,"
              " exports REAL NOT NULL, exporter_iso3 TEXT NOT NULL,"
              " importer_iso3 TEXT NOT NULL,"
              " PRIMARY KEY (year, exporter, importer)) WITHOUT ROWID;"
              "CREATE INDEX IF NOT EXISTS itpd_trade_imp ON itpd_trade(importer, exporter, year);",
    .tables = "itpd_trade",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 2000,
    .year_hi = 2016,
    .coverage = "full",
    .cite = "Borchert, Larch, Shikher & Yotov (2021) The International Trade and Production "
            "Database for Estimation (ITPD-E), International Economics 166",
    .load = load,
};
