/*
 * unvotes.c -- the `unvotes` source: UN General Assembly roll-call votes
 * (Voeten, Strezhnev & Bailey; the unvotes R package's three tables), sessions
 * 1-74.  The agreement panel un_agree is derived from these votes and those
 * of unga_votes_voeten by the source un_agree (un_agree.c).
 *
 *   un_roll_calls(rcid, session, year, date, cal_year, important, ...)
 *       year = session + 1945 (Voeten's convention); cal_year = the date's year
 *   un_roll_call_issues(rcid, issue, name)      issue codes me nu di hr co ec
 *   un_votes(ccode, rcid, vote)                 vote 1 yes, 2 abstain, 3 no
 *
 * Country codes are ISO 3166 alpha-2, mapped to COW on the vote's date; the
 * three rows with an empty code (the Federal Republic of Germany, the Yemen
 * Arab Republic, Zanzibar) are placed by name.  A vote by a state that is
 * not a COW system member on the vote date is rejected with that reason.  An
 * unknown code or an invalid vote is an error naming file:line and column.
 */
#include "../store/store.h"
#include "../measures/votepanel.h"
#include "../measures/votes_db.h"
#include "unvotes.h"
#include "srcutil.h"
#include "../core/dynbuf.h"

#include <string.h>

#define UN_YEAR_LO ENT_UN_YEAR_LO
#define UN_YEAR_HI ENT_UNVOTES_YEAR_HI
#define UN_MAXRCID 100000000 /* roll-call ids (real ones are below 10^5); dates by id */

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS un_roll_calls("
    " rcid INTEGER PRIMARY KEY,"
    " session INTEGER NOT NULL,"
    " year INTEGER NOT NULL,"      /* session + 1945 */
    " date TEXT NOT NULL,"         /* YYYY-MM-DD */
    " cal_year INTEGER NOT NULL,"  /* the date's year */
    " important INTEGER,"          /* 1 an important vote (US State Dept), 0 not, NULL unknown */
    " unres TEXT, amend INTEGER, para INTEGER, short TEXT, descr TEXT);"
    "CREATE TABLE IF NOT EXISTS un_roll_call_issues("
    " rcid INTEGER NOT NULL, issue TEXT NOT NULL, name TEXT,"
    " PRIMARY KEY(rcid, issue)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS un_roll_call_issues_issue ON un_roll_call_issues(issue, rcid);"
    "CREATE TABLE IF NOT EXISTS un_votes("
    " ccode INTEGER NOT NULL, rcid INTEGER NOT NULL,"
    " vote INTEGER NOT NULL,"      /* 1 yes, 2 abstain, 3 no */
    " PRIMARY KEY(ccode, rcid)) WITHOUT ROWID;";

int ent_unvotes_vote_parse(const char *s)
{
    if (!strcmp(s, "yes"))
        return ENT_VOTE_YES;
    if (!strcmp(s, "abstain"))
        return ENT_VOTE_ABSTAIN;
    if (!strcmp(s, "no"))
        return ENT_VOTE_NO;
    return -1;
}

/* Rows of un_votes.csv with no country_code, placed by name. */
static const struct {
    const char *name;
    const char *iso2; /* dated through ent_state_from_iso2, or NULL */
    int ccode;        /* else this COW code */
} blank_codes[] = {
    {"Federal Republic of Germany", "DE", 0}, /* 260 before 1990-10-03 */
    {"Yemen Arab Republic", "YE", 0},         /* 678 before 1990-05-22 */
    {"Zanzibar", NULL, 511},
};

int ent_unvotes_place(const ent_registry *reg, ent_unvotes_cache *cache, const ent_cell *code,
                      const ent_cell *name, int y, int m, int d)
{
    int date = y * 10000 + m * 100 + d, slot = 26 * 26, c;
    if (code->n == 0) {
        for (size_t i = 0; i < sizeof blank_codes / sizeof blank_codes[0]; i++) {
            if (strcmp(name->p, blank_codes[i].name))
                continue;
            if (blank_codes[i].iso2) {
                c = ent_state_from_iso2(reg, blank_codes[i].iso2, y, m, d);
                return c > 0 ? c : 0;
            }
            return ent_state_member_on(reg, blank_codes[i].ccode, y, m, d) ? blank_codes[i].ccode
                                                                          : 0;
        }
        return -1;
    }
    if (code->n == 2 && code->p[0] >= 'A' && code->p[0] <= 'Z' && code->p[1] >= 'A' &&
        code->p[1] <= 'Z')
        slot = (code->p[0] - 'A') * 26 + (code->p[1] - 'A');
    if (slot < 26 * 26 && cache->date[slot] == date)
        return cache->code[slot];
    c = ent_state_from_iso2(reg, code->p, y, m, d);
    if (c <= 0)
        c = ent_state_from_iso2(reg, code->p, 0, 0, 0) > 0 ? 0 : -1;
    if (slot < 26 * 26) {
        cache->date[slot] = date;
        cache->code[slot] = c;
    }
    return c;
}

/* Per-rcid facts the votes need: the date (y*10000+m*100+d). */
typedef struct rc_info {
    int *date;
    size_t cap;
} rc_info;

static ent_status load_roll_calls(ent_load *ld, rc_info *rc)
{
    static const char *const names[] = {"rcid", "session", "importantvote", "date", "unres",
                                        "amend", "para", "short", "descr"};
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    ent_cell *c;
    size_t nc;
    int ix[9];
    ent_status st;

    if ((st = ent_load_open(ld, "un_roll_calls.csv", NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, ix, 9)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, ld->db,
                              "INSERT INTO un_roll_calls VALUES(?,?,?,?,?,?,?,?,?,?,?)", &ins)) !=
            ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        int session, y, m, d, imp = 0, amend = 0, para = 0, k;
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || rcid > UN_MAXRCID) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "'%s' is not a roll-call id", c[ix[0]].p);
            goto out;
        }
        if (ent_cell_int(c[ix[1]], &session) != 1 || session < 1 || session > 200) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[1], "'%s' is not a session number",
                                 c[ix[1]].p);
            goto out;
        }
        if (ent_cell_date(c[ix[3]], &y, &m, &d) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[3], "'%s' is not a date (YYYY-MM-DD)",
                                 c[ix[3]].p);
            goto out;
        }
        k = ent_cell_int(c[ix[2]], &imp);
        if (k < 0 || (k == 1 && imp != 0 && imp != 1)) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[2], "'%s' is not 0 or 1", c[ix[2]].p);
            goto out;
        }
        if ((size_t)rcid >= rc->cap) { /* from 16384 ids, doubled; the new ones zero */
            size_t old = rc->cap;
            if ((st = ent_grow(ctx, &rc->date, &rc->cap, rcid < 16384 ? 16384 : (size_t)rcid + 1,
                               sizeof *rc->date, (size_t)UN_MAXRCID + 1,
                               "roll calls by id")) != ENT_OK)
                goto out;
            memset(rc->date + old, 0, (rc->cap - old) * sizeof *rc->date);
        }
        if (rc->date[rcid]) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "roll call %lld appears twice",
                                 (long long)rcid);
            goto out;
        }
        rc->date[rcid] = y * 10000 + m * 100 + d;
        sqlite3_bind_int64(ins, 1, rcid);
        sqlite3_bind_int(ins, 2, session);
        sqlite3_bind_int(ins, 3, session + 1945);
        sqlite3_bind_text(ins, 4, c[ix[3]].p, (int)c[ix[3]].n, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 5, y);
        ent_sql_bind_i64(ins, 6, k == 1 ? imp : ENT_NA);
        for (int j = 4; j < 9; j++) {
            const ent_cell *v = &c[ix[j]];
            int num = j == 5 ? ent_cell_int(*v, &amend) : j == 6 ? ent_cell_int(*v, &para) : -2;
            if (num == 1)
                sqlite3_bind_int(ins, j + 3, j == 5 ? amend : para);
            else if (num == 0 || ent_cell_is_na(*v))
                sqlite3_bind_null(ins, j + 3);
            else
                sqlite3_bind_text(ins, j + 3, v->p, (int)v->n, SQLITE_TRANSIENT);
        }
        if ((st = ent_sql_step_reset(ctx, ld->db, ins)) != ENT_OK)
            goto out;
        ent_load_ok(ld);
        ent_load_year(ld, session + 1945);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    sqlite3_finalize(ins);
    ent_load_close(ld, r);
    return st;
}

static ent_status load_issues(ent_load *ld, const rc_info *rc)
{
    static const char *const names[] = {"rcid", "short_name", "issue"};
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    sqlite3_stmt *ins = NULL;
    ent_cell *c;
    size_t nc;
    int ix[3];
    ent_status st;

    if ((st = ent_load_open(ld, "un_roll_call_issues.csv", NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, ix, 3)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, ld->db, "INSERT INTO un_roll_call_issues VALUES(?,?,?)",
                              &ins)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || (size_t)rcid >= rc->cap ||
            !rc->date[rcid]) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "'%s' is not a roll call of "
                                 "un_roll_calls.csv", c[ix[0]].p);
            goto out;
        }
        if (c[ix[1]].n == 0) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[1], "missing issue code");
            goto out;
        }
        sqlite3_bind_int64(ins, 1, rcid);
        sqlite3_bind_text(ins, 2, c[ix[1]].p, (int)c[ix[1]].n, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, c[ix[2]].p, (int)c[ix[2]].n, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) == SQLITE_CONSTRAINT) {
            sqlite3_reset(ins);
            ent_load_reject(ld, r, "the same issue listed twice for a roll call");
            continue;
        }
        sqlite3_reset(ins);
        ent_load_ok(ld);
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    sqlite3_finalize(ins);
    ent_load_close(ld, r);
    return st;
}

/* write_votes inserts the votes held in vote[cc * cap + rcid] (0: none) in
 * the key order of un_votes (ccode, rcid): appending to the B-tree is several
 * times cheaper than inserting in the file's rcid order. */
static ent_status write_votes(ent_load *ld, const uint8_t *vote, size_t cap)
{
    ent_batch *b = NULL;
    ent_status st = ent_batch_open(ld->ctx, ld->db, "INSERT INTO un_votes", 3, &b);
    for (int cc = 1; st == ENT_OK && cc < ENT_VPANEL_MAXCODE; cc++) {
        const uint8_t *v = vote + (size_t)cc * cap;
        for (size_t rcid = 0; st == ENT_OK && rcid < cap; rcid++) {
            if (!v[rcid])
                continue;
            ent_batch_i64(b, cc);
            ent_batch_i64(b, (int64_t)rcid);
            ent_batch_i64(b, v[rcid]);
            st = ent_batch_row(b);
        }
    }
    return ent_batch_close(b, st);
}

static ent_status load_votes(ent_load *ld, const rc_info *rc)
{
    static const char *const names[] = {"rcid", "country", "country_code", "vote"};
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    ent_unvotes_cache *cache = NULL;
    uint8_t *vote = NULL; /* [ccode * cap + rcid]: the state's vote, 0 none yet */
    ent_cell *c;
    size_t nc;
    int ix[4];
    ent_status st;

    cache = ent_calloc(ctx, 1, sizeof *cache);
    vote = ent_calloc(ctx, (size_t)ENT_VPANEL_MAXCODE * rc->cap, 1);
    if (!cache || !vote) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    if ((st = ent_load_open(ld, "un_votes.csv", NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, ix, 4)) != ENT_OK)
        goto out;
    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        int v, date, cc;
        uint8_t *cell;
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || (size_t)rcid >= rc->cap ||
            !rc->date[rcid]) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "'%s' is not a roll call of "
                                 "un_roll_calls.csv", c[ix[0]].p);
            goto out;
        }
        v = ent_unvotes_vote_parse(c[ix[3]].p);
        if (v < 0) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[3], "'%s' is not one of yes, no, abstain",
                                 c[ix[3]].p);
            goto out;
        }
        date = rc->date[rcid];
        cc = ent_unvotes_place(ld->reg, cache, &c[ix[2]], &c[ix[1]], date / 10000, date / 100 % 100,
                   date % 100);
        if (cc < 0) {
            if (c[ix[2]].n == 0)
                st = ent_reader_fail(r, ENT_ENOTFOUND, ix[2],
                                     "empty, and the country '%s' cannot be placed",
                                     c[ix[1]].p);
            else
                st = ent_reader_fail(r, ENT_ENOTFOUND, ix[2],
                                     "'%s' is not a known ISO 3166 alpha-2 code", c[ix[2]].p);
            goto out;
        }
        if (cc == 0) {
            ent_load_reject(ld, r, "not a COW system member on the vote date");
            continue;
        }
        cell = &vote[(size_t)cc * rc->cap + (size_t)rcid];
        if (*cell) {
            ent_load_reject(ld, r, "a second vote of the same state on the roll call");
            continue;
        }
        *cell = (uint8_t)v;
        ent_load_ok(ld);
    }
    if (st == ENT_DONE)
        st = write_votes(ld, vote, rc->cap);
out:
    ent_load_close(ld, r);
    ent_free(ctx, cache);
    ent_free(ctx, vote);
    return st;
}

static ent_status load(ent_load *ld)
{
    rc_info rc = {NULL, 0};
    ent_status st;
    if ((st = load_roll_calls(ld, &rc)) == ENT_OK && (st = load_issues(ld, &rc)) == ENT_OK)
        st = load_votes(ld, &rc);
    ent_free(ld->ctx, rc.date);
    return st;
}

const ent_source ent_src_unvotes = {
    .name = "unvotes",
    .dir = "unvotes",
    .files = {"un_roll_calls.csv", "un_roll_call_issues.csv", "un_votes.csv"},
    .version = 2,
    .schema = SCHEMA,
    .tables = "un_roll_calls,un_roll_call_issues,un_votes",
    .deps = "states",
    .year_lo = UN_YEAR_LO,
    .year_hi = UN_YEAR_HI,
    .coverage = "full: sessions 1-74 (years 1946-2019 by session + 1945)",
    .cite = "Voeten, Strezhnev & Bailey (2009) United Nations General Assembly Voting Data, "
            "Harvard Dataverse hdl:1902.1/12379; Robinson (2017) unvotes R package",
    .load = load,
};
