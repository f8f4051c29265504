/*
 * agree_db.c -- agreement of a dyad (or of one state with every other) read
 * from the warehouse.  Unfiltered requests read the stored panel un_agree;
 * filters (issue, important votes, calendar years, other weights) recompute
 * the 3 x 3 vote tables from the votes of both vote sources (un_votes,
 * unga_votes) and apply ent_agree_from_counts, the same function the stored
 * panel was built with.  Years outside the vote record's coverage for the
 * request are left missing, never 0.
 */
#include "agree_db.h"
#include "../store/store.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ISSUE_MAXKEYS ((size_t)1 << 28) /* (roll call, issue) pairs read (UN: ~20000) */

/* The issue codes, which are also unga_roll_calls' flag columns. */
static const char *const issues[] = {"me", "nu", "di", "hr", "co", "ec"};

static const char *issue_column(const char *issue)
{
    for (size_t i = 0; issue && i < sizeof issues / sizeof issues[0]; i++)
        if (!strcmp(issue, issues[i]))
            return issues[i];
    return NULL;
}

static int has_table(sqlite3 *db, const char *name)
{
    sqlite3_stmt *q = NULL;
    int ok = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", -1,
                           &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        ok = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return ok;
}

int ent_agree_stored(const ent_agree_opts *o)
{
    return o->wt == ENT_AGREE_QUADRATIC && !o->issue && !o->important && !o->calendar;
}

ent_status ent_agree_check(ent_db *db, const ent_agree_opts *o)
{
    sqlite3 *sq = ent_db_sqlite(db);
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc;
    if (sqlite3_prepare_v2(sq, "SELECT 1 FROM un_agree LIMIT 1", -1, &q, NULL) != SQLITE_OK ||
        sqlite3_step(q) != SQLITE_ROW) {
        st = ent_err(db->ctx, ENT_ENODATA,
                     "the warehouse holds no UN votes: run `entente build` with the unvotes "
                     "data");
        goto out;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (!o->issue)
        goto out;
    if (!has_table(sq, "un_roll_call_issues")) { /* unga_votes_voeten alone: its flag columns */
        if (!issue_column(o->issue))
            st = ent_err(db->ctx, ENT_EINVAL, "--issue: '%s' is not one of co, di, ec, hr, me, "
                         "nu", o->issue);
        goto out;
    }
    if ((st = ent_sql_prepare(db->ctx, sq, "SELECT 1 FROM un_roll_call_issues WHERE issue = ?",
                              &q)) != ENT_OK)
        goto out;
    sqlite3_bind_text(q, 1, o->issue, -1, SQLITE_STATIC);
    rc = sqlite3_step(q);
    sqlite3_finalize(q);
    q = NULL;
    if (rc != SQLITE_ROW) {
        char known[256] = "";
        size_t len = 0;
        if ((st = ent_sql_prepare(db->ctx, sq,
                                  "SELECT DISTINCT issue FROM un_roll_call_issues ORDER BY 1",
                                  &q)) != ENT_OK)
            goto out;
        while (sqlite3_step(q) == SQLITE_ROW && len < sizeof known - 16)
            len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", len ? ", " : "",
                                    (const char *)sqlite3_column_text(q, 0));
        st = ent_err(db->ctx, ENT_EINVAL, "--issue: '%s' is not one of %s", o->issue, known);
    }
out:
    sqlite3_finalize(q);
    return st;
}

/* One source's part of the coverage: min/max year and last date. */
static ent_status cover_part(ent_db *db, const char *sql, int *lo, int *hi, char *last)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ent_sql_prepare(db->ctx, ent_db_sqlite(db), sql, &q);
    *lo = *hi = 0;
    last[0] = 0;
    if (st != ENT_OK)
        return st;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        *lo = sqlite3_column_int(q, 0);
        *hi = sqlite3_column_int(q, 1);
        snprintf(last, 11, "%s", (const char *)sqlite3_column_text(q, 2));
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

ent_status ent_agree_coverage(ent_db *db, const ent_agree_opts *o, ent_agree_cover *c)
{
    sqlite3 *sq = ent_db_sqlite(db);
    const char *ycol = o->calendar ? "cal_year" : "year";
    char sql[512], last[11];
    int lo, hi;
    ent_status st;
    memset(c, 0, sizeof *c);
    if (has_table(sq, "un_roll_calls")) {
        snprintf(sql, sizeof sql, "SELECT min(%s), max(%s), max(date) FROM un_roll_calls%s",
                 ycol, ycol, o->important ? " WHERE important IS NOT NULL" : "");
        if ((st = cover_part(db, sql, &lo, &hi, last)) != ENT_OK)
            return st;
        if (hi) {
            c->year_lo = lo;
            c->year_hi = hi;
            snprintf(c->source_hi, sizeof c->source_hi, "%s", ent_vsrc_name(ENT_VSRC_UNVOTES));
            memcpy(c->last_date, last, sizeof last);
        }
    }
    /* unga_votes_voeten has no important-vote flags */
    if (!o->important && has_table(sq, "unga_roll_calls")) {
        snprintf(sql, sizeof sql, "SELECT min(%s), max(%s), max(date) FROM unga_roll_calls",
                 ycol, ycol);
        if ((st = cover_part(db, sql, &lo, &hi, last)) != ENT_OK)
            return st;
        if (hi) {
            if (!c->year_lo || lo < c->year_lo)
                c->year_lo = lo;
            if (hi >= c->year_hi) {
                c->year_hi = hi;
                snprintf(c->source_hi, sizeof c->source_hi, "%s",
                         ent_vsrc_name(ENT_VSRC_UNGA_VOETEN));
                memcpy(c->last_date, last, sizeof last);
            }
        }
    }
    if (!c->year_hi)
        return ENT_OK;
    if (o->calendar) {
        /* the last calendar year is cut short unless the data reach its 31 December */
        if (strcmp(c->last_date + 4, "-12-31") != 0)
            c->partial = c->year_hi;
        return ENT_OK;
    }
    if (!o->important && has_table(sq, "unga_roll_calls")) {
        sqlite3_stmt *q = NULL;
        if ((st = ent_sql_prepare(db->ctx, sq,
                                  "SELECT max(year), max(session) FROM unga_roll_calls "
                                  "WHERE partial = 1",
                                  &q)) != ENT_OK)
            return st;
        if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
            c->partial = sqlite3_column_int(q, 0);
            c->partial_session = sqlite3_column_int(q, 1);
        }
        sqlite3_finalize(q);
    }
    return ENT_OK;
}

static void blank(ent_agree_year *y, int a, int b, int year, int dyad)
{
    y->a = a;
    y->b = b;
    y->year = year;
    y->dyad = dyad;
    y->m.n = ENT_NA;
    y->m.agree = y->m.s = y->m.pi = y->m.kappa = NAN;
}

static double col_f64(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? NAN : sqlite3_column_double(q, i);
}

/* from_store reads un_agree for (a, b) and years from..to into out. */
static ent_status from_store(ent_db *db, int a, int b, int from, int to, ent_agree_year *out)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ent_sql_prepare(db->ctx, ent_db_sqlite(db),
                                    "SELECT year, n, agree, s, pi, kappa FROM un_agree "
                                    "WHERE a = ? AND b = ? AND year BETWEEN ? AND ?",
                                    &q);
    if (st != ENT_OK)
        return st;
    sqlite3_bind_int(q, 1, a < b ? a : b);
    sqlite3_bind_int(q, 2, a < b ? b : a);
    sqlite3_bind_int(q, 3, from);
    sqlite3_bind_int(q, 4, to);
    while (sqlite3_step(q) == SQLITE_ROW) {
        ent_agree_year *y = &out[sqlite3_column_int(q, 0) - from];
        if (!y->dyad)
            continue; /* cannot happen: the panel holds member dyads only */
        y->m.n = sqlite3_column_int64(q, 1);
        y->m.agree = col_f64(q, 2);
        y->m.s = col_f64(q, 3);
        y->m.pi = col_f64(q, 4);
        y->m.kappa = col_f64(q, 5);
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

/* recompute builds the 3 x 3 tables of (a, b) per year from un_votes and,
 * when present, unga_votes (which has no important-vote flags). */
static ent_status recompute(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                            ent_agree_year *out)
{
    char sql[2048];
    size_t len = 0;
    sqlite3 *sq = ent_db_sqlite(db);
    const char *ycol = o->calendar ? "cal_year" : "year", *icol = issue_column(o->issue);
    sqlite3_stmt *q = NULL;
    uint32_t(*cnt)[9] = NULL;
    int ny = to - from + 1;
    ent_status st;
    sql[0] = 0;
    if (has_table(sq, "un_votes"))
        len = (size_t)snprintf(sql, sizeof sql,
             "SELECT r.%s, va.vote, vb.vote FROM un_votes va"
             " JOIN un_votes vb ON vb.ccode = ?2 AND vb.rcid = va.rcid"
             " JOIN un_roll_calls r ON r.rcid = va.rcid"
             " WHERE va.ccode = ?1 AND r.%s BETWEEN ?3 AND ?4%s%s",
             ycol, ycol, o->important ? " AND r.important = 1" : "",
             o->issue ? " AND r.rcid IN (SELECT rcid FROM un_roll_call_issues WHERE issue = ?5)"
                      : "");
    if (!o->important && (!o->issue || icol) && has_table(sq, "unga_votes") && len < sizeof sql)
        snprintf(sql + len, sizeof sql - len,
                 "%sSELECT r.%s, va.vote, vb.vote FROM unga_votes va"
                 " JOIN unga_votes vb ON vb.ccode = ?2 AND vb.date = va.date AND vb.rcid = va.rcid"
                 " JOIN unga_roll_calls r ON r.rcid = va.rcid AND r.date = va.date"
                 " WHERE va.ccode = ?1 AND r.%s BETWEEN ?3 AND ?4%s%s%s",
                 len ? " UNION ALL " : "", ycol, ycol, icol ? " AND r." : "", icol ? icol : "", icol ? " = 1" : "");
    cnt = ent_calloc(db->ctx, (size_t)ny, sizeof *cnt);
    if (!cnt)
        return ent_err(db->ctx, ENT_ENOMEM, "out of memory");
    if (!sql[0]) { /* no votes for the request: every count 0 */
        st = ENT_OK;
        goto tables;
    }
    if ((st = ent_sql_prepare(db->ctx, sq, sql, &q)) != ENT_OK)
        goto out;
    sqlite3_bind_int(q, 1, a);
    sqlite3_bind_int(q, 2, b);
    sqlite3_bind_int(q, 3, from);
    sqlite3_bind_int(q, 4, to);
    if (o->issue)
        sqlite3_bind_text(q, 5, o->issue, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int y = sqlite3_column_int(q, 0) - from, va = sqlite3_column_int(q, 1),
            vb = sqlite3_column_int(q, 2);
        if (y >= 0 && y < ny && va >= 1 && va <= 3 && vb >= 1 && vb <= 3)
            cnt[y][3 * (va - 1) + (vb - 1)]++;
    }
tables:
    for (int y = 0; y < ny; y++)
        if (out[y].dyad)
            ent_agree_from_counts(cnt[y], o->wt, &out[y].m);
out:
    sqlite3_finalize(q);
    ent_free(db->ctx, cnt);
    return st;
}

/* dyad is ent_agree_dyad under a known coverage. */
static ent_status dyad(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                       const ent_agree_cover *c, ent_agree_year *out)
{
    const ent_registry *reg;
    ent_status st = ent_db_registry(db, &reg);
    if (st != ENT_OK)
        return st;
    if (a == b)
        return ent_err(db->ctx, ENT_EINVAL, "the two states are the same (%s)",
                       ent_state_abb(reg, a));
    for (int y = from; y <= to; y++)
        blank(&out[y - from], a, b, y,
              ent_state_member(reg, a, y) && ent_state_member(reg, b, y));
    st = ent_agree_stored(o) ? from_store(db, a, b, from, to, out)
                             : recompute(db, a, b, from, to, o, out);
    for (int y = from; st == ENT_OK && y <= to; y++)
        if (y < c->year_lo || y > c->year_hi)
            blank(&out[y - from], a, b, y, out[y - from].dyad);
    return st;
}

ent_status ent_agree_dyad(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                          ent_agree_year *out)
{
    ent_agree_cover c;
    ent_status st = ent_agree_coverage(db, o, &c);
    return st == ENT_OK ? dyad(db, a, b, from, to, o, &c, out) : st;
}

ent_status ent_agree_with(ent_db *db, int a, int year, const ent_agree_opts *o,
                          ent_agree_year *out, size_t cap, size_t *n)
{
    const ent_registry *reg;
    const int *codes;
    size_t nc, k = 0;
    ent_agree_cover c;
    ent_status st = ent_db_registry(db, &reg);
    if (st != ENT_OK || (st = ent_agree_coverage(db, o, &c)) != ENT_OK)
        return st;
    *n = 0;
    if (!ent_state_member(reg, a, year))
        return ent_err(db->ctx, ENT_ENODATA, "%s is not a COW system member in %d",
                       ent_state_abb(reg, a), year);
    codes = ent_state_codes(reg, &nc);
    for (size_t i = 0; i < nc && k < cap; i++) {
        if (codes[i] == a || !ent_state_member(reg, codes[i], year))
            continue;
        if ((st = dyad(db, a, codes[i], year, year, o, &c, &out[k])) != ENT_OK)
            return st;
        k++;
    }
    *n = k;
    return ENT_OK;
}

/* Issue-coded roll calls of one source as sorted keys: rcid * 10^8 + date
 * (yyyymmdd; 0 for unvotes, whose rcids are unique). */
static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static ent_status issue_keys(ent_db *db, const char *sql, const char *const *codes, size_t n,
                             int bind, int64_t **keys, size_t *nk, size_t *cap)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ent_sql_prepare(db->ctx, ent_db_sqlite(db), sql, &q);
    int rc;
    if (st != ENT_OK)
        return st;
    for (size_t i = 0; bind && i < n; i++)
        sqlite3_bind_text(q, (int)i + 1, codes[i], -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*nk == *cap && (st = ent_grow(db->ctx, keys, cap, *nk ? *nk + 1 : 4096, sizeof **keys,
                                          ISSUE_MAXKEYS, "issue codes of roll calls")) != ENT_OK) {
            sqlite3_finalize(q);
            return st;
        }
        (*keys)[(*nk)++] = sqlite3_column_int64(q, 0) * 100000000 + sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? ENT_OK
                             : ent_err(db->ctx, ENT_EDB, "reading issue codes: %s",
                                       sqlite3_errmsg(ent_db_sqlite(db)));
}

ent_status ent_votes_scan(ent_db *db, int from, int to, const char *const *codes,
                          size_t nissues, int important, ent_vote_fn fn, void *ud)
{
    sqlite3 *sq = ent_db_sqlite(db);
    ent_vrec *vr = NULL;
    int64_t *keys = NULL;
    size_t nk = 0, cap = 0;
    ent_status st = ENT_OK;
    char sql[512];
    size_t len;

    if (nissues > 32)
        return ent_err(db->ctx, ENT_EINVAL, "at most 32 issue codes");
    if (nissues && has_table(sq, "un_roll_call_issues")) {
        len = (size_t)snprintf(sql, sizeof sql, "SELECT DISTINCT rcid, 0 FROM "
                                                "un_roll_call_issues WHERE issue IN (");
        for (size_t i = 0; i < nissues; i++)
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s?%zu", i ? "," : "", i + 1);
        snprintf(sql + len, sizeof sql - len, ")");
        if ((st = issue_keys(db, sql, codes, nissues, 1, &keys, &nk, &cap)) != ENT_OK)
            goto out;
    }
    if (nissues && has_table(sq, "unga_roll_calls")) {
        len = (size_t)snprintf(sql, sizeof sql, "SELECT rcid, CAST(replace(date, '-', '') AS "
                                                "INTEGER) FROM unga_roll_calls WHERE 0");
        for (size_t i = 0; i < nissues; i++) /* only known codes are column names */
            if (issue_column(codes[i]))
                len += (size_t)snprintf(sql + len, sizeof sql - len, " OR %s = 1",
                                        issue_column(codes[i]));
        if ((st = issue_keys(db, sql, codes, nissues, 0, &keys, &nk, &cap)) != ENT_OK)
            goto out;
    }
    if (nk)
        qsort(keys, nk, sizeof *keys, cmp_i64);
    if ((st = ent_vrec_load(db->ctx, sq, from, to, &vr)) != ENT_OK)
        goto out;
    for (size_t i = 0; i < ent_vrec_count(vr) && st == ENT_OK; i++) {
        const ent_rollcall *rc = ent_vrec_rc(vr, i);
        const int16_t *cc;
        const uint8_t *vote;
        size_t n;
        if (rc->year < from || rc->year > to || (important && rc->important != 1))
            continue;
        if (nissues) {
            int64_t key = rc->rcid * 100000000 +
                          (rc->source == ENT_VSRC_UNVOTES ? 0 : (int64_t)rc->date);
            if (!nk || !bsearch(&key, keys, nk, sizeof *keys, cmp_i64))
                continue;
        }
        ent_vrec_votes(vr, i, &cc, &vote, &n);
        for (size_t k = 0; k < n && st == ENT_OK; k++)
            st = fn(ud, (int64_t)i, rc->year, cc[k], vote[k]);
    }
out:
    ent_vrec_free(vr);
    ent_free(db->ctx, keys);
    return st;
}
