/*
 * sipri.c -- the `sipri_arms_transfers_tiv` source: SIPRI trend-indicator
 * values of arms transfers by ORDER year, 1950-2018, directed supplier ->
 * recipient.  Table sipri_tiv; codes mapped from the ISO3 columns on the
 * year; non-state actors (iso3 0) are rejected with their reason.
 * See docs/internals/sources.md.
 */
#include "srcutil.h"

static const ent_colspec COLS[] = {
    {"year", "year", ENT_COL_YEAR, 0, 0, 0, NULL},
    {"from_iso3", "supplier", ENT_COL_ISO3, 0, 0, 0, "supplier_iso3"},
    {"to_iso3", "recipient", ENT_COL_ISO3, 0, 0, 0, "recipient_iso3"},
    {"tiv_ordered", "tiv", ENT_COL_REAL, ENT_COL_REQ | ENT_COL_NONNEG, 0, 0, NULL},
};

/* SIPRI's own codes for states the ISO crosswalk does not list. */
static const ent_iso3_alias ALIAS[] = {
    {"CZS", 315}, /* Czechoslovakia */
    {"NYE", 678}, /* North Yemen (Yemen Arab Republic) */
    {"SYE", 680}, /* South Yemen (Yemen People's Republic) */
    {"SVA", 817}, /* South Viet Nam (Republic of Vietnam) */
    {"TMP", 860}, /* Timor-Leste */
    {"KOS", 347}, /* Kosovo */
};

static ent_status load(ent_load *ld)
{
    const ent_copy cp = {.file = "sipri_tiv_orders_dyadic_1950_2018.csv",
                         .table = "sipri_tiv",
                         .cols = COLS,
                         .ncols = sizeof COLS / sizeof COLS[0],
                         .alias = ALIAS,
                         .nalias = sizeof ALIAS / sizeof ALIAS[0],
                         .same_pair_reason = "supplier = recipient",
                         .dup_reason = "duplicate COW dyad-year after ISO3 mapping"};
    return ent_src_copy(ld, &cp);
}

const ent_source ent_src_sipri_arms_transfers_tiv = {
    .name = "sipri_arms_transfers_tiv",
    .dir = "sipri_arms_transfers_tiv",
    .files = {"sipri_tiv_orders_dyadic_1950_2018.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS sipri_tiv("
              " supplier INTEGER NOT NULL, recipient INTEGER NOT NULL, year INTEGER NOT NULL,"
              " tiv REAL NOT NULL, supplier_iso3 TEXT NOT NULL, recipient_iso3 TEXT NOT NULL,"
              " PRIMARY KEY (supplier, recipient, year)) WITHOUT ROWID;"
              "CREATE INDEX IF NOT EXISTS sipri_tiv_rec ON sipri_tiv(recipient, year);",
    .tables = "sipri_tiv",
    .deps = "states", /* codes are checked against the registry */
    .year_lo = 1950,
    .year_hi = 2018,
    .coverage = "full",
    .cite = "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute "
            "(TIV by order year, via dennis-klein/arms-trade-networks)",
    .load = load,
};
