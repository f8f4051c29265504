/*
 * mme.c -- the `mme_exercises` source: Multinational Military Exercises v7
 * (D'Orazio & Galambos), 1980-2010, from the long file (one row per exercise
 * x participant x active year, with Gleditsch-Ward codes).  Table
 * mme_part(year, mmeid, ccode, nparts): the COW states taking part in each
 * exercise in each year it was under way, and the exercise's number of
 * participants as the source counts them (participant_count).
 *
 * Traps handled here (see ../shared/data/mme_exercises/SOURCE.txt):
 *  - a participant is its GW code mapped to COW on the year; where the GW
 *    code is NA, or names no state that year (the file gives Vietnam GW 817),
 *    its name through the registry;
 *  - '-9' is an unknown participant: never a state, rejected, but it still
 *    counts in participant_count (an exercise of two named states and an
 *    unknown third is not bilateral);
 *  - 36 repeated (exercise, participant, year) rows and a state listed under
 *    two names in one exercise are rejected as duplicates.
 */
#include "srcutil.h"
#include "namemap.h"

#include <string.h>

#define FILE_NAME "mme-v7-long.csv"
#define YLO 1980
#define YHI 2010

/* participants without a GW code, by name */
static const ent_name_alias ALIAS[] = {
    {"Antigua & Barbuda", "58"},  {"St. Lucia", "56"},        {"St. Kitts & Nevis", "60"},
    {"st. christopher", "60"},    {"St. Vincent & Grenadines", "57"},
    {"São Tomé & Príncipe", "403"}, {"Dominica", "54"},       {"Grenada", "55"},
    {"Tonga", "955"},             {"Vanuatu", "935"},         {"Seychelles", "591"},
    {"Palau", "986"},             {"NATO", NULL},             {"Baltic States", ENT_NAME_AGGR},
    {"Hong Kong SAR China", NULL}, {"New Caledonia", NULL},    {"Netherlands Antilles", NULL},
    {"Bermuda", NULL},
};

static int from_gw(const ent_load *ld, int gw, int y)
{
    int c = ent_state_from_gw(ld->reg, gw, y, 7, 1);
    if (c < 0)
        c = ent_state_from_gw(ld->reg, gw, y, 12, 31);
    if (c < 0)
        c = ent_state_from_gw(ld->reg, gw, y, 1, 1);
    return c;
}

static ent_status load(ent_load *ld)
{
    static const char *const names[] = {"MMEID", "gwcode", "country", "year",
                                        "participant_count"};
    enum { C_ID, C_GW, C_NAME, C_YEAR, C_NP, C_N };
    int idx[C_N];
    ent_reader *r = NULL;
    ent_namemap *nm = NULL;
    ent_cell *cells;
    size_t nc;
    sqlite3_stmt *ins = NULL;
    ent_status st;

    if ((st = ent_load_open(ld, FILE_NAME, NULL, &r)) != ENT_OK)
        return st;
    if ((st = ent_reader_cols(r, names, idx, C_N)) != ENT_OK ||
        (st = ent_namemap_new(ld, ALIAS, sizeof ALIAS / sizeof ALIAS[0], YLO, YHI, &nm)) !=
            ENT_OK ||
        (st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT OR IGNORE INTO mme_part VALUES(?1, ?2, ?3, ?4)", &ins)) !=
            ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        ent_cell id = cells[idx[C_ID]], name = cells[idx[C_NAME]];
        int64_t year, gw, np;
        int c = -1;
        if ((st = ent_src_int(r, cells, idx[C_YEAR], 1, &year)) != ENT_OK ||
            (st = ent_src_int(r, cells, idx[C_GW], 0, &gw)) != ENT_OK ||
            (st = ent_src_int(r, cells, idx[C_NP], 1, &np)) != ENT_OK)
            goto out;
        if (year < YLO || year > YHI) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_YEAR], "year %lld outside %d-%d",
                                 (long long)year, YLO, YHI);
            goto out;
        }
        if (np < 1 || np > 500) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_NP], "participant count %lld",
                                 (long long)np);
            goto out;
        }
        if (id.n == 0) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_ID], "missing value");
            goto out;
        }
        if (gw == -9 || (name.n == 2 && !memcmp(name.p, "-9", 2))) {
            ent_load_reject(ld, r, "unknown participant (-9)");
            continue;
        }
        if (gw != ENT_NA && gw > 0 && gw < 1000)
            c = from_gw(ld, (int)gw, (int)year);
        if (c < 0 || !ent_state_member(ld->reg, c, (int)year)) {
            c = ent_namemap_get(nm, name.p, name.n, (int)year);
            if (c == -3) {
                st = ent_err(ld->ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
        }
        if (c == ENT_NAME_NOTMEMBER) {
            ent_load_reject(ld, r, "participant not a COW system member that year");
            continue;
        }
        if (c < 0) {
            ent_load_reject(ld, r, "participant is no COW state (NATO, a territory, a group)");
            continue;
        }
        sqlite3_bind_int(ins, 1, (int)year);
        sqlite3_bind_text(ins, 2, id.p, (int)id.n, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 3, c);
        sqlite3_bind_int(ins, 4, (int)np);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK)
            goto out;
        if (sqlite3_changes(ld->db) == 0) {
            ent_load_reject(ld, r, "duplicate participant (same exercise, state and year)");
            continue;
        }
        ent_load_ok(ld);
        ent_load_year(ld, (int)year);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    sqlite3_finalize(ins);
    ent_namemap_free(nm);
    ent_load_close(ld, r);
    return st;
}

const ent_source ent_src_mme_exercises = {
    .name = "mme_exercises",
    .dir = "mme_exercises",
    .files = {FILE_NAME},
    .version = 1,
    .schema = "CREATE TABLE IF NOT EXISTS mme_part("
              " year INTEGER NOT NULL, mmeid TEXT NOT NULL, ccode INTEGER NOT NULL,"
              " nparts INTEGER NOT NULL,"
              " PRIMARY KEY (year, mmeid, ccode)) WITHOUT ROWID;",
    .tables = "mme_part",
    .deps = "states", /* GW codes and names are mapped through the registry */
    .year_lo = YLO,
    .year_hi = YHI,
    .coverage = "full",
    .cite = "D'Orazio, V. & Galambos, K. (2021) Multinational Military Exercises, 1980-2010 "
            "(v7), Harvard Dataverse, doi:10.7910/DVN/KHFODX (via meflynn/troopdata)",
    .load = load,
};
