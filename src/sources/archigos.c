/*
 * archigos.c -- the `archigos` source: Archigos v4.1 leader spells
 * (Goemans, Gleditsch & Chiozza 2009), one row per spell in office, into
 * table `leaders`.  Archigos numbers states by Gleditsch-Ward; ccode is the
 * COW code of the gwcode on the spell's first day (ent_state_from_gw), or on
 * its last day when the first is before the state entered the COW system.
 * The data end on 2015-12-31: spells with exit "Still in Office" are
 * right-censored there.
 */
#include "../store/store.h"
#include "../meetings/meetings.h"

#include <string.h>

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS leaders("
    " obsid TEXT PRIMARY KEY,"  /* Archigos spell id ("RUS-2000") */
    " leadid TEXT NOT NULL,"    /* person id: the same across spells */
    " gwcode INTEGER NOT NULL," /* Gleditsch-Ward state */
    " ccode INTEGER NOT NULL,"  /* COW state */
    " leader TEXT NOT NULL,"    /* name as Archigos writes it ("Putin", "Xi Jinping") */
    " startdate TEXT NOT NULL," /* YYYY-MM-DD */
    " enddate TEXT NOT NULL,"   /* YYYY-MM-DD; 2015-12-31 when still in office */
    " entry TEXT, exit TEXT, exitcode TEXT,"
    " yrborn INTEGER, gender TEXT);"
    "CREATE INDEX IF NOT EXISTS leaders_ccode ON leaders(ccode, startdate);";

static const char *const cols[] = {"obsid", "gwcode", "leadid", "leader", "yrborn", "gender",
                                   "startdate", "enddate", "entry", "exit", "exitcode"};
enum { C_OBSID, C_GW, C_LEADID, C_LEADER, C_YRBORN, C_GENDER, C_START, C_END, C_ENTRY,
       C_EXIT, C_EXITCODE, NCOLS };

static void bind_cell(sqlite3_stmt *q, int i, ent_cell c)
{
    if (ent_cell_is_na(c))
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_text(q, i, c.p, (int)c.n, SQLITE_TRANSIENT);
}

static ent_status load(ent_load *ld)
{
    ent_reader_opts o = {.delim = ',', .label = "archigos.csv"};
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    ent_cell *c;
    size_t nc;
    int idx[NCOLS];
    ent_status st;

    if ((st = ent_load_open(ld, "archigos.csv", &o, &r)) != ENT_OK)
        return st;
    if ((st = ent_reader_cols(r, cols, idx, NCOLS)) != ENT_OK)
        goto out;
    if ((st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO leaders(obsid,leadid,gwcode,ccode,leader,startdate,"
                              "enddate,entry,exit,exitcode,yrborn,gender) "
                              "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                              &ins)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int gw, yb, ccode, y0, m0, d0, y1, m1, d1;
        int32_t s, e;
        if (ent_cell_int(c[idx[C_GW]], &gw) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_GW], "gwcode '%s' is not a number",
                                 c[idx[C_GW]].p);
            goto out;
        }
        if (ent_meet_date_parse(c[idx[C_START]].p, &s) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_START], "malformed date '%s'",
                                 c[idx[C_START]].p);
            goto out;
        }
        if (ent_meet_date_parse(c[idx[C_END]].p, &e) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, idx[C_END], "malformed date '%s'",
                                 c[idx[C_END]].p);
            goto out;
        }
        if (!c[idx[C_LEADER]].n || !c[idx[C_OBSID]].n) {
            st = ent_reader_fail(r, ENT_EPARSE, c[idx[C_LEADER]].n ? idx[C_OBSID] : idx[C_LEADER],
                                 "empty value");
            goto out;
        }
        ent_meet_civil_from_days(s, &y0, &m0, &d0);
        ent_meet_civil_from_days(e, &y1, &m1, &d1);
        ccode = ent_state_from_gw(ld->reg, gw, y0, m0, d0);
        if (ccode < 0)
            ccode = ent_state_from_gw(ld->reg, gw, y1, m1, d1);
        if (ccode < 0) {
            ent_load_reject(ld, r, "gwcode not a COW state on the spell's first or last day");
            continue;
        }
        bind_cell(ins, 1, c[idx[C_OBSID]]);
        bind_cell(ins, 2, c[idx[C_LEADID]]);
        sqlite3_bind_int(ins, 3, gw);
        sqlite3_bind_int(ins, 4, ccode);
        bind_cell(ins, 5, c[idx[C_LEADER]]);
        bind_cell(ins, 6, c[idx[C_START]]);
        bind_cell(ins, 7, c[idx[C_END]]);
        bind_cell(ins, 8, c[idx[C_ENTRY]]);
        bind_cell(ins, 9, c[idx[C_EXIT]]);
        bind_cell(ins, 10, c[idx[C_EXITCODE]]);
        if (ent_cell_int(c[idx[C_YRBORN]], &yb) == 1)
            sqlite3_bind_int(ins, 11, yb);
        else
            sqlite3_bind_null(ins, 11);
        bind_cell(ins, 12, c[idx[C_GENDER]]);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, ins)) != ENT_OK) {
            st = ent_reader_fail(r, st, -1, "%s", ent_errmsg(ld->ctx));
            goto out;
        }
        ent_load_ok(ld);
        ent_load_year(ld, y0);
        ent_load_year(ld, y1);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    sqlite3_finalize(ins);
    ent_load_close(ld, r);
    return st;
}

const ent_source ent_src_archigos = {
    .name = "archigos",
    .dir = "archigos_leaders",
    .files = {"archigos.csv"},
    .version = 1,
    .schema = schema,
    .tables = "leaders",
    .deps = "states",
    .year_lo = 1840,
    .year_hi = 2015,
    .coverage = "full to 2015-12-31 (spells still in office are censored there)",
    .cite = "Goemans, Gleditsch & Chiozza (2009) Introducing Archigos, JPR 46(2):269-283 "
            "(v4.1, via peacesciencer)",
    .load = load,
};
