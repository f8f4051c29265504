/*
 * us_troops.c -- the `us_troops` source: US military personnel (active duty)
 * stationed in each host country-year, 1950-2024 (DoD DMDC reports rebuilt by
 * Flynn et al., troopdata).  Table us_troops(ccode, year, troops_ad, nrows).
 *
 * Traps handled here (see ../shared/data/us_troops/SOURCE.txt):
 *  - the file's ccode files West Germany under 255: the host is the ISO3
 *    code mapped on the year (DEU -> 260 before 1990-10-03), the ccode only
 *    when the ISO3 is NA;
 *  - 29 host-years appear under two spellings ("Czech Republic"/"Czechia"),
 *    one of them all zeros: their counts are summed (nrows says how many rows
 *    went into the value);
 *  - the United States itself (personnel at home) is rejected with a reason.
 * The panel's us_troops indicator exists only for dyads of the USA.
 */
#include "srcutil.h"

#include <math.h>
#include <string.h>

#define US 2

static ent_status load(ent_load *ld)
{
    static const char *const names[] = {"countryname", "year", "ccode", "iso3c", "troops_ad"};
    enum { C_NAME, C_YEAR, C_CCODE, C_ISO, C_TROOPS, C_N };
    int idx[C_N];
    ent_reader *r = NULL;
    ent_cell *cells;
    size_t nc;
    sqlite3_stmt *ins = NULL;
    ent_status st;

    if ((st = ent_load_open(ld, "troopdata-rebuild-country-year.csv", NULL, &r)) != ENT_OK)
        return st;
    if ((st = ent_reader_cols(r, names, idx, C_N)) != ENT_OK)
        goto out;
    if ((st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO us_troops VALUES(?1, ?2, ?3, 1) ON CONFLICT(year, ccode)"
                              " DO UPDATE SET troops_ad = troops_ad + excluded.troops_ad,"
                              " nrows = nrows + 1",
                              &ins)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        int64_t year, ccode;
        double troops;
        int host = -1;
        if ((st = ent_src_int(r, cells, idx[C_YEAR], 1, &year)) != ENT_OK ||
            (st = ent_src_int(r, cells, idx[C_CCODE], 0, &ccode)) != ENT_OK ||
            (st = ent_src_real(r, cells, idx[C_TROOPS], 0, &troops)) != ENT_OK)
            goto out;
        if (year < 1900 || year > 2100) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_YEAR], "year %lld out of range",
                                 (long long)year);
            goto out;
        }
        if (!isnan(troops) && troops < 0) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_TROOPS], "negative count %g", troops);
            goto out;
        }
        if (!ent_cell_is_na(cells[idx[C_ISO]]))
            host = ent_src_iso3(ld, cells[idx[C_ISO]].p, (int)year);
        if (host < 0 && ccode != ENT_NA && ent_state_member(ld->reg, (int)ccode, (int)year))
            host = (int)ccode;
        if (host == US) {
            ent_load_reject(ld, r, "host is the United States (personnel at home)");
            continue;
        }
        if (host < 0 || !ent_state_member(ld->reg, host, (int)year)) {
            ent_load_reject(ld, r, "host not a COW system member that year (territory, "
                                   "colony or occupied)");
            continue;
        }
        if (isnan(troops)) {
            ent_load_reject(ld, r, "no active-duty count (NA)");
            continue;
        }
        sqlite3_bind_int(ins, 1, host);
        sqlite3_bind_int(ins, 2, (int)year);
        sqlite3_bind_double(ins, 3, troops);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK)
            goto out;
        ent_load_ok(ld);
        ent_load_year(ld, (int)year);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    sqlite3_finalize(ins);
    ent_load_close(ld, r);
    return st;
}

const ent_source ent_src_us_troops = {
    .name = "us_troops",
    .dir = "us_troops",
    .files = {"troopdata-rebuild-country-year.csv"},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS us_troops("
              " ccode INTEGER NOT NULL, year INTEGER NOT NULL, troops_ad REAL NOT NULL,"
              " nrows INTEGER NOT NULL,"
              " PRIMARY KEY (year, ccode)) WITHOUT ROWID;",
    .tables = "us_troops",
    .deps = "states", /* hosts are mapped through the registry */
    .year_lo = 1950,
    .year_hi = 2024,
    .coverage = "partial: the United States as sender only (US personnel by host state)",
    .cite = "Allen, Flynn, Machain & Stravers (2022) Beyond the Wire: US Military Deployments "
            "and Host Country Public Opinion; Flynn, troopdata R package (DoD DMDC reports; "
            "Kane 2004 for early years), https://github.com/meflynn/troopdata",
    .load = load,
};
