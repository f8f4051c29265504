/*
 * unga_votes_voeten.c -- the `unga_votes_voeten` source: Voeten's UN General
 * Assembly roll calls to June 2024 (ungaVoting_003.csv), a wide file with one
 * row per roll call (rcid, date, the issue flags me nu di hr co ec) and one
 * ISO3 column per state holding Voeten's code: 1 yes, 2 abstain, 3 no,
 * 8 absent, 9 not a member (also written 1.0, 2.0, ...).
 *
 *   unga_roll_calls(rcid, date, session, year, cal_year, partial, me .. ec)
 *       the roll calls used: sessions 75 on (after unvotes' last, 74);
 *       key (rcid, date): the file reuses rcids 411 427 449 495 in 2023
 *   unga_votes(ccode, date, rcid, vote)   vote 1 yes, 2 abstain, 3 no
 *   unga_sessions(session, year, opened, reference, roll_calls, first_date,
 *                 last_date, partial)     sessions 75-79 of the table below
 *   unga_overlap(kind, n, first)          how the file and unvotes differ on
 *   unga_overlap_diff(rcid, date, ccode, iso3, unvotes_vote, file_code, kind)
 *                                         sessions 1-74, every disagreement
 *
 * The file has no session column.  A roll call belongs to the regular
 * session open on its date: the last session in ga_sessions opened on or
 * before it.  Emergency special sessions (ES-10 and ES-11 met during
 * sessions 75-78) are assigned the same way, to the regular session in
 * progress, as Voeten codes them (ES-10/19 of 2017-12-21 is session 72 in
 * unvotes).  year = session + 1945.  A session is partial when the file ends
 * before the next session opened (session 78: the file ends 2024-06-04).
 *
 * Sessions 1-74 are taken from unvotes, never from this file: their rows are
 * rejected with that reason after their votes are compared with unvotes'
 * (the file keeps only current states, files the USSR under RUS and
 * Yugoslavia under SRB, so each ISO3 column is mapped to COW on the vote's
 * date, as unvotes' ISO2 codes are).  Every disagreement is stored and
 * logged: a vote that differs, a vote one has and the other has not, a vote
 * in unvotes of a state with no column here (Czechoslovakia, the GDR, ...),
 * a roll call only one of them has.
 *
 * Bad input is an error naming file:line and column: a header column that
 * is no ISO3 code, a vote code other than 1 2 3 8 9, a bad date or rcid, a
 * flag other than TRUE/FALSE, a (rcid, date) twice.
 */
#include "../store/store.h"
#include "../measures/votes_db.h"
#include "../measures/agreement.h"
#include "srcutil.h"
#include "../core/dynbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_SESSION 75 /* the first session taken from this file: unvotes ends at 74 */
#define MAXCODE 1000
#define NFLAGS 6
#define NKINDS 6
#define MAXRC ((size_t)1 << 24) /* roll calls (rows) of the file; the real one has ~6000 */
#define RC_WHAT "unga_votes_voeten: roll calls"
#define LOG_FIRST 3      /* disagreements shown per kind in the build log */

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS unga_roll_calls("
    " rcid INTEGER NOT NULL, date TEXT NOT NULL,"
    " session INTEGER NOT NULL, year INTEGER NOT NULL," /* year = session + 1945 */
    " cal_year INTEGER NOT NULL,"
    " partial INTEGER NOT NULL,"   /* 1: its session was still open when the file ends */
    " me INTEGER, nu INTEGER, di INTEGER, hr INTEGER, co INTEGER, ec INTEGER,"
    " PRIMARY KEY(rcid, date)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS unga_votes("
    " ccode INTEGER NOT NULL, date TEXT NOT NULL, rcid INTEGER NOT NULL,"
    " vote INTEGER NOT NULL,"      /* 1 yes, 2 abstain, 3 no */
    " PRIMARY KEY(ccode, date, rcid)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS unga_sessions("
    " session INTEGER PRIMARY KEY, year INTEGER NOT NULL, opened TEXT NOT NULL,"
    " reference TEXT, roll_calls INTEGER NOT NULL, first_date TEXT, last_date TEXT,"
    " partial INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS unga_overlap("
    " kind TEXT PRIMARY KEY, n INTEGER NOT NULL, first TEXT);"
    "CREATE TABLE IF NOT EXISTS unga_overlap_diff("
    " rcid INTEGER NOT NULL, date TEXT NOT NULL, ccode INTEGER, iso3 TEXT,"
    " unvotes_vote INTEGER," /* 1 yes, 2 abstain, 3 no, NULL none */
    " file_code INTEGER,"    /* 1 2 3 8 9, NULL no column or no roll call */
    " kind TEXT NOT NULL);";

/* The dates on which General Assembly sessions opened (rule 1 of the GA's
 * rules of procedure: the Tuesday of the third week of September, counting
 * from the first week with at least one working day; since 2023 the session
 * opens a week earlier).  References: docs/measures.md. */
static const struct ga_session {
    int session;
    int opened; /* yyyymmdd */
    const char *reference;
} ga_sessions[] = {
    {74, 20190917, "UN Audiovisual Library, 1st plenary meeting of the 74th session, 17 Sep 2019"},
    {75, 20200915, "Xinhua, 75th session of UNGA declared open, 15 Sep 2020"},
    {76, 20210914, "TASS, 76th session of the UN General Assembly opened, 14 Sep 2021"},
    {77, 20220913, "UN Photo, first plenary meeting of the 77th session, 13 Sep 2022"},
    {78, 20230905, "UN press release GA/12525, 5 Sep 2023"},
    {79, 20240910, "UN press release GA/12622, 10 Sep 2024"},
};
#define NSESSIONS (sizeof ga_sessions / sizeof ga_sessions[0])
/* a roll call this long after the last opening needs the next one in the table */
#define SESSION_SPAN 10000 /* one year in yyyymmdd arithmetic */

enum kind {
    K_DIFF,       /* both voted, differently */
    K_UN_ONLY,    /* a vote in unvotes; absent or not a member in the file */
    K_FILE_ONLY,  /* a vote in the file; none in unvotes */
    K_NO_COLUMN,  /* a vote in unvotes of a state with no column in the file */
    K_RC_FILE,    /* a roll call of sessions 1-74 in the file, not in unvotes */
    K_RC_UN       /* a roll call of unvotes not in the file */
};
static const char *const kind_name[NKINDS] = {
    "vote differs",
    "vote in unvotes, absent or not a member in the file",
    "vote in the file, none in unvotes",
    "vote in unvotes of a state with no column in the file",
    "roll call in the file, not in unvotes",
    "roll call in unvotes, not in the file",
};

/* unvotes' record, for the comparison */
typedef struct unvotes_rec {
    int present;      /* un_roll_calls has rows */
    int64_t max_rcid;
    int *date;        /* rcid -> yyyymmdd, 0 none */
    uint8_t *seen;    /* rcid -> matched by a row of the file */
    uint8_t *vote;    /* rcid * MAXCODE + ccode -> 1 2 3, 0 none */
} unvotes_rec;

typedef struct overlap {
    uint64_t n[NKINDS];
    char first[NKINDS][LOG_FIRST][160];
    uint64_t rcs, votes, uncompared; /* roll calls and country-votes compared; votes of
                                      * non-members on the date, not compared */
    sqlite3_stmt *ins;
} overlap;

/* A state column of the file. */
typedef struct scol {
    int col;
    char iso3[4];
    int last_date, last_cc; /* one-entry cache of the mapping on a date */
    int first_member;       /* first date (sessions 75 on) with a code other than 9 */
    int n9, first9, last9;  /* codes 9 after an earlier date with another code */
} scol;

static int day_of(int y, int m, int d)
{
    return y * 10000 + m * 100 + d;
}

static void date_text(int date, char out[11])
{
    unsigned u = (unsigned)date;
    snprintf(out, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
}

/* A used roll call's codes, kept for the membership check. */
typedef struct used_rc {
    int date;
    uint8_t *codes; /* ncols */
} used_rc;

static int by_date(const void *pa, const void *pb)
{
    const used_rc *a = pa, *b = pb;
    return (a->date > b->date) - (a->date < b->date);
}

/* check_members logs the states coded 9 (not a member) on a roll call of
 * sessions 75 on after an earlier one on which they were members: a UN
 * member does not stop being one, so these votes are lost from the file
 * (TUR and YEM in session 78).  The votes stay missing, never 0. */
static void check_members(ent_load *ld, scol *cols, size_t ncols, used_rc *u, size_t nu)
{
    qsort(u, nu, sizeof *u, by_date);
    for (size_t i = 0; i < nu; i++)
        for (size_t j = 0; j < ncols; j++) {
            scol *c = &cols[j];
            if (u[i].codes[j] != 9) {
                if (!c->first_member)
                    c->first_member = u[i].date;
            } else if (c->first_member) {
                if (!c->n9++)
                    c->first9 = u[i].date;
                c->last9 = u[i].date;
            }
        }
    for (size_t j = 0; j < ncols; j++)
        if (cols[j].n9) {
            char a[11], b[11];
            date_text(cols[j].first9, a);
            date_text(cols[j].last9, b);
            ent_log(ld->ctx, "%-22s %s is coded 9 (not a member) on %d roll calls %s to %s after "
                    "voting before: no vote used (a gap in the file)", "unga_votes_voeten",
                    cols[j].iso3, cols[j].n9, a, b);
        }
}

static int map_col(const ent_load *ld, scol *s, int date)
{
    if (s->last_date != date) {
        s->last_date = date;
        s->last_cc = ent_state_from_iso3(ld->reg, s->iso3, date / 10000, date / 100 % 100,
                                         date % 100);
    }
    return s->last_cc;
}

/* The vote code of a cell: 1 2 3 8 9, also written with ".0"; -1 otherwise. */
static int vote_code(const ent_cell *c)
{
    if ((c->n == 1 || (c->n == 3 && c->p[1] == '.' && c->p[2] == '0')) &&
        strchr("12389", c->p[0]) && c->p[0])
        return c->p[0] - '0';
    return -1;
}

static int session_of(int date)
{
    int s = -1;
    for (size_t i = 0; i < NSESSIONS; i++)
        if (ga_sessions[i].opened <= date)
            s = (int)i;
    return s;
}

static ent_status load_unvotes(ent_load *ld, unvotes_rec *u)
{
    ent_ctx *ctx = ld->ctx;
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc, maxsess = 0;
    if (sqlite3_prepare_v2(ld->db, "SELECT max(rcid), max(session) FROM un_roll_calls", -1, &q,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return ENT_OK; /* unvotes is not in the warehouse: nothing to compare */
    }
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        u->present = 1;
        u->max_rcid = sqlite3_column_int64(q, 0);
        maxsess = sqlite3_column_int(q, 1);
    }
    sqlite3_finalize(q);
    q = NULL;
    if (!u->present)
        return ENT_OK;
    if (maxsess >= FIRST_SESSION)
        return ent_err(ctx, ENT_EINVAL,
                       "unga_votes_voeten: unvotes now covers session %d; this source starts at "
                       "session %d (FIRST_SESSION in %s)",
                       maxsess, FIRST_SESSION, __FILE__);
    if (u->max_rcid < 0 || u->max_rcid > 10000000)
        return ent_err(ctx, ENT_EDB, "un_roll_calls: rcid %lld out of range",
                       (long long)u->max_rcid);
    u->date = ent_calloc(ctx, (size_t)u->max_rcid + 1, sizeof *u->date);
    u->seen = ent_calloc(ctx, (size_t)u->max_rcid + 1, 1);
    u->vote = ent_calloc(ctx, ((size_t)u->max_rcid + 1) * MAXCODE, 1);
    if (!u->date || !u->seen || !u->vote)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_sql_prepare(ctx, ld->db, "SELECT rcid, date FROM un_roll_calls", &q)) != ENT_OK)
        return st;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int y, m, d;
        const char *t = (const char *)sqlite3_column_text(q, 1);
        int64_t id = sqlite3_column_int64(q, 0);
        if (id >= 0 && id <= u->max_rcid && t && sscanf(t, "%4d-%2d-%2d", &y, &m, &d) == 3)
            u->date[id] = day_of(y, m, d);
    }
    sqlite3_finalize(q);
    q = NULL;
    if (rc != SQLITE_DONE)
        return ent_err(ctx, ENT_EDB, "un_roll_calls: %s", sqlite3_errmsg(ld->db));
    if ((st = ent_sql_prepare(ctx, ld->db, "SELECT rcid, ccode, vote FROM un_votes", &q)) !=
        ENT_OK)
        return st;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0);
        int cc = sqlite3_column_int(q, 1), v = sqlite3_column_int(q, 2);
        if (id >= 0 && id <= u->max_rcid && cc > 0 && cc < MAXCODE && v >= 1 && v <= 3)
            u->vote[(size_t)id * MAXCODE + (size_t)cc] = (uint8_t)v;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return ent_err(ctx, ENT_EDB, "un_votes: %s", sqlite3_errmsg(ld->db));
    return ENT_OK;
}

/* note records one disagreement. */
static ent_status note(ent_load *ld, overlap *ov, enum kind k, int64_t rcid, int date, int cc,
                       const char *iso3, int uvote, int fcode)
{
    char d[11];
    date_text(date, d);
    if (ov->n[k] < LOG_FIRST) {
        const ent_registry *reg = ld->reg;
        if (k == K_RC_FILE || k == K_RC_UN)
            snprintf(ov->first[k][ov->n[k]], sizeof ov->first[k][0], "rcid %lld of %s",
                     (long long)rcid, d);
        else if (k == K_NO_COLUMN)
            snprintf(ov->first[k][ov->n[k]], sizeof ov->first[k][0],
                     "rcid %lld of %s, %s (COW %d): unvotes %d, no column in the file",
                     (long long)rcid, d, ent_state_abb(reg, cc), cc, uvote);
        else
            snprintf(ov->first[k][ov->n[k]], sizeof ov->first[k][0],
                     "rcid %lld of %s, %s (%s, COW %d): unvotes %d, file %d", (long long)rcid, d,
                     ent_state_abb(reg, cc), iso3 ? iso3 : "no column", cc, uvote, fcode);
    }
    ov->n[k]++;
    sqlite3_bind_int64(ov->ins, 1, rcid);
    sqlite3_bind_text(ov->ins, 2, d, -1, SQLITE_TRANSIENT);
    ent_sql_bind_i64(ov->ins, 3, cc > 0 ? cc : ENT_NA);
    if (iso3)
        sqlite3_bind_text(ov->ins, 4, iso3, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(ov->ins, 4);
    ent_sql_bind_i64(ov->ins, 5, uvote > 0 ? uvote : ENT_NA);
    ent_sql_bind_i64(ov->ins, 6, fcode > 0 ? fcode : ENT_NA);
    sqlite3_bind_text(ov->ins, 7, kind_name[k], -1, SQLITE_STATIC);
    return ent_sql_step_reset(ld->ctx, ld->db, ov->ins);
}

/* compare_row compares one roll call of sessions 1-74 with unvotes'. */
static ent_status compare_row(ent_load *ld, unvotes_rec *u, overlap *ov, scol *cols,
                              size_t ncols, const int *codes, int64_t rcid, int date)
{
    uint8_t covered[MAXCODE];
    const uint8_t *uv;
    ent_status st;
    if (rcid > u->max_rcid || u->date[rcid] != date)
        return note(ld, ov, K_RC_FILE, rcid, date, 0, NULL, 0, 0);
    u->seen[rcid] = 1;
    ov->rcs++;
    uv = u->vote + (size_t)rcid * MAXCODE;
    memset(covered, 0, sizeof covered);
    for (size_t j = 0; j < ncols; j++) {
        int cc = map_col(ld, &cols[j], date), fv = codes[j] <= 3 ? codes[j] : 0;
        if (cc <= 0 || cc >= MAXCODE) {
            if (fv)
                ov->uncompared++;
            continue;
        }
        covered[cc] = 1;
        if (!uv[cc] && !fv)
            continue;
        ov->votes++;
        if (uv[cc] == fv)
            continue;
        if ((st = note(ld, ov, uv[cc] && fv ? K_DIFF : uv[cc] ? K_UN_ONLY : K_FILE_ONLY, rcid,
                       date, cc, cols[j].iso3, uv[cc], codes[j])) != ENT_OK)
            return st;
    }
    for (int cc = 1; cc < MAXCODE; cc++)
        if (uv[cc] && !covered[cc]) {
            ov->votes++;
            if ((st = note(ld, ov, K_NO_COLUMN, rcid, date, cc, NULL, uv[cc], 0)) != ENT_OK)
                return st;
        }
    return ENT_OK;
}

/* A roll call of the file, for the duplicate check. */
typedef struct rckey {
    int64_t rcid;
    int date;
    uint64_t line;
} rckey;

static int by_key(const void *pa, const void *pb)
{
    const rckey *a = pa, *b = pb;
    if (a->rcid != b->rcid)
        return a->rcid < b->rcid ? -1 : 1;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

static ent_status write_sessions(ent_load *ld, int last_date)
{
    static const char *const sql[] = {
        "INSERT INTO unga_sessions SELECT ?1, ?1 + 1945, ?2, ?3, count(*), min(date), "
        "max(date), ?4 FROM unga_roll_calls WHERE session = ?1",
        "UPDATE unga_roll_calls SET partial = 1 WHERE session = ?1"};
    sqlite3_stmt *q[2] = {NULL, NULL};
    ent_status st = ENT_OK;
    for (int k = 0; k < 2 && st == ENT_OK; k++)
        st = ent_sql_prepare(ld->ctx, ld->db, sql[k], &q[k]);
    for (size_t i = 0; i < NSESSIONS && st == ENT_OK; i++) {
        char d[11];
        /* open when the file ends before the next session opened (or no next is known) */
        int partial = last_date >= ga_sessions[i].opened &&
                      (i + 1 == NSESSIONS || last_date < ga_sessions[i + 1].opened);
        if (ga_sessions[i].session < FIRST_SESSION)
            continue;
        date_text(ga_sessions[i].opened, d);
        sqlite3_bind_int(q[0], 1, ga_sessions[i].session);
        sqlite3_bind_text(q[0], 2, d, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q[0], 3, ga_sessions[i].reference, -1, SQLITE_STATIC);
        sqlite3_bind_int(q[0], 4, partial);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, q[0])) != ENT_OK)
            break;
        if (partial) {
            sqlite3_bind_int(q[1], 1, ga_sessions[i].session);
            st = ent_sql_step_reset(ld->ctx, ld->db, q[1]);
        }
    }
    sqlite3_finalize(q[0]);
    sqlite3_finalize(q[1]);
    return st;
}

static ent_status report_overlap(ent_load *ld, unvotes_rec *u, overlap *ov)
{
    sqlite3_stmt *q = NULL;
    uint64_t total = 0;
    ent_status st;
    if (!u->present) {
        ent_log(ld->ctx, "%-22s unvotes is not in the warehouse: sessions 1-74 not compared",
                "unga_votes_voeten");
        return ENT_OK;
    }
    for (int64_t id = 0; id <= u->max_rcid; id++)
        if (u->date[id] && !u->seen[id] &&
            (st = note(ld, ov, K_RC_UN, id, u->date[id], 0, NULL, 0, 0)) != ENT_OK)
            return st;
    if ((st = ent_sql_prepare(ld->ctx, ld->db, "INSERT INTO unga_overlap VALUES(?,?,?)", &q)) !=
        ENT_OK)
        return st;
    for (int k = 0; k < NKINDS; k++) {
        total += ov->n[k];
        sqlite3_bind_text(q, 1, kind_name[k], -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, (int64_t)ov->n[k]);
        if (ov->n[k])
            sqlite3_bind_text(q, 3, ov->first[k][0], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(q, 3);
        if ((st = ent_sql_step_reset(ld->ctx, ld->db, q)) != ENT_OK)
            break;
    }
    sqlite3_finalize(q);
    if (st != ENT_OK)
        return st;
    ent_log(ld->ctx,
            "%-22s compared with unvotes on sessions 1-74: %llu roll calls, %llu country-votes; "
            "%llu disagreements (table unga_overlap_diff)%s",
            "unga_votes_voeten", (unsigned long long)ov->rcs, (unsigned long long)ov->votes,
            (unsigned long long)total, total ? ":" : "");
    for (int k = 0; k < NKINDS; k++) {
        if (!ov->n[k])
            continue;
        ent_log(ld->ctx, "%-22s   %llu %s", "", (unsigned long long)ov->n[k], kind_name[k]);
        for (uint64_t i = 0; i < ov->n[k] && i < LOG_FIRST; i++)
            ent_log(ld->ctx, "%-22s     %s", "", ov->first[k][i]);
    }
    if (ov->uncompared)
        ent_log(ld->ctx, "%-22s   %llu votes in the file by states that are not COW members "
                "on the date (unvotes rejects them too): not compared",
                "", (unsigned long long)ov->uncompared);
    return ENT_OK;
}

static ent_status load(ent_load *ld)
{
    static const char *const names[2 + NFLAGS] = {"rcid", "date", "me", "nu",
                                                  "di",   "hr",   "co", "ec"};
    ent_ctx *ctx = ld->ctx;
    ent_reader *r = NULL;
    sqlite3_stmt *ins_rc = NULL, *ins_v = NULL;
    unvotes_rec u = {0};
    overlap ov;
    scol *cols = NULL;
    int *codes = NULL;
    rckey *keys = NULL;
    used_rc *used = NULL;
    size_t ncols = 0, nkeys = 0, kcap = 0, nused = 0, ucap = 0;
    uint64_t nonmember = 0;
    int ix[2 + NFLAGS], last_date = 0;
    ent_cell *c;
    size_t nc;
    ent_status st;

    memset(&ov, 0, sizeof ov);
    if ((st = load_unvotes(ld, &u)) != ENT_OK)
        goto out;
    if ((st = ent_load_open(ld, "ungaVoting_003.csv", NULL, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, ix, 2 + NFLAGS)) != ENT_OK)
        goto out;
    /* every other column is a state, named by ISO3 */
    cols = ent_calloc(ctx, ent_reader_ncols(r), sizeof *cols);
    codes = ent_calloc(ctx, ent_reader_ncols(r), sizeof *codes);
    if (!cols || !codes) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < ent_reader_ncols(r); i++) {
        const char *name = ent_reader_colname(r, i);
        int known = 0, fixed = 0;
        for (int k = 0; k < 2 + NFLAGS; k++)
            fixed |= ix[k] == (int)i;
        if (fixed)
            continue;
        if (strlen(name) == 3)
            for (int y = 1946; y <= 2024 && !known; y++)
                known = ent_src_iso3(ld, name, y) > 0;
        if (!known) {
            st = ent_err(ctx, ENT_EPARSE,
                         "ungaVoting_003.csv:1: column %zu ('%s') is not rcid, date, an issue "
                         "flag or the ISO3 code of a state",
                         i + 1, name);
            goto out;
        }
        cols[ncols].col = (int)i;
        memcpy(cols[ncols].iso3, name, 4);
        ncols++;
    }
    if ((st = ent_sql_prepare(ctx, ld->db,
                              "INSERT INTO unga_roll_calls VALUES(?,?,?,?,?,0,?,?,?,?,?,?)",
                              &ins_rc)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, ld->db, "INSERT INTO unga_votes VALUES(?,?,?,?)", &ins_v)) !=
            ENT_OK ||
        (st = ent_sql_prepare(ctx, ld->db,
                              "INSERT INTO unga_overlap_diff VALUES(?,?,?,?,?,?,?)", &ov.ins)) !=
            ENT_OK)
        goto out;

    while ((st = ent_reader_next(r, &c, &nc)) == ENT_OK) {
        int64_t rcid;
        int y, m, d, date, flags[NFLAGS], si, k;
        char dtext[11];
        if (ent_cell_i64(c[ix[0]], &rcid) != 1 || rcid < 0 || rcid > 10000000) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "'%s' is not a roll-call id", c[ix[0]].p);
            goto out;
        }
        if (ent_cell_date(c[ix[1]], &y, &m, &d) != 1) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[1], "'%s' is not a date (YYYY-MM-DD)",
                                 c[ix[1]].p);
            goto out;
        }
        date = day_of(y, m, d);
        for (k = 0; k < NFLAGS; k++) {
            const ent_cell *f = &c[ix[2 + k]];
            if (!strcmp(f->p, "TRUE"))
                flags[k] = 1;
            else if (!strcmp(f->p, "FALSE"))
                flags[k] = 0;
            else {
                st = ent_reader_fail(r, ENT_EPARSE, ix[2 + k], "'%s' is not TRUE or FALSE",
                                     f->p);
                goto out;
            }
        }
        for (size_t j = 0; j < ncols; j++)
            if ((codes[j] = vote_code(&c[cols[j].col])) < 0) {
                st = ent_reader_fail(r, ENT_EPARSE, cols[j].col,
                                     "'%s' is not a vote code (1 yes, 2 abstain, 3 no, 8 absent, "
                                     "9 not a member)",
                                     c[cols[j].col].p);
                goto out;
            }
        if (nkeys == kcap && (st = ent_grow(ctx, &keys, &kcap, nkeys ? nkeys + 1 : 8192,
                                            sizeof *keys, MAXRC, RC_WHAT)) != ENT_OK)
            goto out;
        keys[nkeys].rcid = rcid;
        keys[nkeys].date = date;
        keys[nkeys].line = ent_reader_line(r);
        nkeys++;
        if (date > last_date)
            last_date = date;
        si = session_of(date);
        if (si < 0 || ga_sessions[si].session < FIRST_SESSION) {
            if (!u.present) {
                ent_load_reject(ld, r, "session 74 or earlier: taken from unvotes (not in the "
                                       "warehouse, so not compared)");
                continue;
            }
            if ((st = compare_row(ld, &u, &ov, cols, ncols, codes, rcid, date)) != ENT_OK)
                goto out;
            ent_load_reject(ld, r, "session 74 or earlier: taken from unvotes (votes compared)");
            continue;
        }
        if ((size_t)si + 1 == NSESSIONS && date - ga_sessions[si].opened >= SESSION_SPAN) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[1],
                                 "%s is a year after session %d opened: add the next session's "
                                 "opening date to ga_sessions in %s",
                                 c[ix[1]].p, ga_sessions[si].session, __FILE__);
            goto out;
        }
        date_text(date, dtext);
        sqlite3_bind_int64(ins_rc, 1, rcid);
        sqlite3_bind_text(ins_rc, 2, dtext, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins_rc, 3, ga_sessions[si].session);
        sqlite3_bind_int(ins_rc, 4, ga_sessions[si].session + 1945);
        sqlite3_bind_int(ins_rc, 5, y);
        for (k = 0; k < NFLAGS; k++)
            sqlite3_bind_int(ins_rc, 6 + k, flags[k]);
        k = sqlite3_step(ins_rc);
        sqlite3_reset(ins_rc);
        if (k == SQLITE_CONSTRAINT) {
            st = ent_reader_fail(r, ENT_EPARSE, ix[0], "roll call %lld of %s appears twice",
                                 (long long)rcid, dtext);
            goto out;
        }
        if (k != SQLITE_DONE) {
            st = ent_err(ctx, ENT_EDB, "unga_roll_calls: %s", sqlite3_errmsg(ld->db));
            goto out;
        }
        for (size_t j = 0; j < ncols; j++) {
            int cc;
            if (codes[j] > 3)
                continue;
            cc = map_col(ld, &cols[j], date);
            if (cc <= 0) {
                nonmember++;
                continue;
            }
            sqlite3_bind_int(ins_v, 1, cc);
            sqlite3_bind_text(ins_v, 2, dtext, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(ins_v, 3, rcid);
            sqlite3_bind_int(ins_v, 4, codes[j]);
            if ((st = ent_sql_step_reset(ctx, ld->db, ins_v)) != ENT_OK)
                goto out;
        }
        if (nused == ucap &&
            (st = ent_grow(ctx, &used, &ucap, nused + 1, sizeof *used, MAXRC, RC_WHAT)) != ENT_OK)
            goto out;
        used[nused].date = date;
        if (!(used[nused].codes = ent_malloc(ctx, ncols ? ncols : 1))) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        for (size_t j = 0; j < ncols; j++)
            used[nused].codes[j] = (uint8_t)codes[j];
        nused++;
        ent_load_ok(ld);
        ent_load_year(ld, ga_sessions[si].session + 1945);
    }
    if (st != ENT_DONE)
        goto out;
    st = ENT_OK;
    /* (rcid, date) is the key */
    qsort(keys, nkeys, sizeof *keys, by_key);
    for (size_t i = 1; i < nkeys; i++)
        if (keys[i].rcid == keys[i - 1].rcid && keys[i].date == keys[i - 1].date) {
            char dt[11];
            date_text(keys[i].date, dt);
            st = ent_err(ctx, ENT_EPARSE,
                         "ungaVoting_003.csv:%llu: roll call %lld of %s appears twice (first on "
                         "line %llu)",
                         (unsigned long long)keys[i].line, (long long)keys[i].rcid, dt,
                         (unsigned long long)keys[i - 1].line);
            goto out;
        }
    if (nonmember)
        ent_log(ctx, "%-22s %llu votes of sessions %d on by states that are not COW members on "
                "the date: not used", "unga_votes_voeten", (unsigned long long)nonmember,
                FIRST_SESSION);
    check_members(ld, cols, ncols, used, nused);
    if ((st = write_sessions(ld, last_date)) != ENT_OK ||
        (st = report_overlap(ld, &u, &ov)) != ENT_OK)
        goto out;
out:
    sqlite3_finalize(ins_rc);
    sqlite3_finalize(ins_v);
    sqlite3_finalize(ov.ins);
    ent_load_close(ld, r);
    ent_free(ctx, cols);
    ent_free(ctx, codes);
    ent_free(ctx, keys);
    for (size_t i = 0; i < nused; i++)
        ent_free(ctx, used[i].codes);
    ent_free(ctx, used);
    ent_free(ctx, u.date);
    ent_free(ctx, u.seen);
    ent_free(ctx, u.vote);
    return st;
}

const ent_source ent_src_unga_votes_voeten = {
    .name = "unga_votes_voeten",
    .dir = "unga_votes_voeten",
    .files = {"ungaVoting_003.csv"},
    .version = 1,
    .schema = SCHEMA,
    .tables = "unga_roll_calls,unga_votes,unga_sessions,unga_overlap,unga_overlap_diff",
    .deps = "states,unvotes",
    .year_lo = 2020,
    .year_hi = 2023,
    .coverage = "partial: sessions 75-78 (years 2020-2023 by session + 1945); session 78 "
                "(2023) still open when the file ends (2024-06-04); sessions 1-74 are taken "
                "from unvotes and only compared",
    .cite = "Voeten, Strezhnev & Bailey (2009-) United Nations General Assembly Voting Data, "
            "Harvard Dataverse hdl:1902.1/12379 (release to 2024-06-04, wide form of "
            "Pigeon-Effect/Mapping-UNGA-Voting-Alliances)",
    .load = load,
};
