/*
 * agree_db.c -- agreement of a dyad (or of one state with every other) read
 * from the warehouse.  Unfiltered requests read the stored panel un_agree;
 * filters (issue, important votes, calendar years, other weights) recompute
 * the 3 x 3 vote tables from un_votes and apply ent_agree_from_counts, the
 * same function the stored panel was built with.
 */
#include "agree_db.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* recompute builds the 3 x 3 tables of (a, b) per year from un_votes. */
static ent_status recompute(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                            ent_agree_year *out)
{
    char sql[768];
    sqlite3_stmt *q = NULL;
    uint32_t(*cnt)[9] = NULL;
    int ny = to - from + 1;
    ent_status st;
    snprintf(sql, sizeof sql,
             "SELECT r.%s, va.vote, vb.vote FROM un_votes va"
             " JOIN un_votes vb ON vb.ccode = ?2 AND vb.rcid = va.rcid"
             " JOIN un_roll_calls r ON r.rcid = va.rcid"
             " WHERE va.ccode = ?1 AND r.%s BETWEEN ?3 AND ?4%s%s",
             o->calendar ? "cal_year" : "year", o->calendar ? "cal_year" : "year",
             o->important ? " AND r.important = 1" : "",
             o->issue ? " AND r.rcid IN (SELECT rcid FROM un_roll_call_issues WHERE issue = ?5)"
                      : "");
    cnt = ent_calloc(db->ctx, (size_t)ny, sizeof *cnt);
    if (!cnt)
        return ent_err(db->ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_sql_prepare(db->ctx, ent_db_sqlite(db), sql, &q)) != ENT_OK)
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
    for (int y = 0; y < ny; y++)
        if (out[y].dyad)
            ent_agree_from_counts(cnt[y], o->wt, &out[y].m);
out:
    sqlite3_finalize(q);
    ent_free(db->ctx, cnt);
    return st;
}

ent_status ent_agree_dyad(ent_db *db, int a, int b, int from, int to, const ent_agree_opts *o,
                          ent_agree_year *out)
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
    if (ent_agree_stored(o))
        return from_store(db, a, b, from, to, out);
    return recompute(db, a, b, from, to, o, out);
}

ent_status ent_agree_with(ent_db *db, int a, int year, const ent_agree_opts *o,
                          ent_agree_year *out, size_t cap, size_t *n)
{
    const ent_registry *reg;
    const int *codes;
    size_t nc, k = 0;
    ent_status st = ent_db_registry(db, &reg);
    if (st != ENT_OK)
        return st;
    *n = 0;
    if (!ent_state_member(reg, a, year))
        return ent_err(db->ctx, ENT_ENODATA, "%s is not a COW system member in %d",
                       ent_state_abb(reg, a), year);
    codes = ent_state_codes(reg, &nc);
    for (size_t i = 0; i < nc && k < cap; i++) {
        if (codes[i] == a || !ent_state_member(reg, codes[i], year))
            continue;
        if ((st = ent_agree_dyad(db, a, codes[i], year, year, o, &out[k])) != ENT_OK)
            return st;
        k++;
    }
    *n = k;
    return ENT_OK;
}

ent_status ent_votes_scan(ent_db *db, int from, int to, const char *const *issues,
                          size_t nissues, int important, ent_vote_fn fn, void *ud)
{
    char sql[1024];
    size_t len;
    sqlite3_stmt *q = NULL;
    ent_status st;
    if (nissues > 32)
        return ent_err(db->ctx, ENT_EINVAL, "at most 32 issue codes");
    len = (size_t)snprintf(sql, sizeof sql,
                           "SELECT v.rcid, r.year, v.ccode, v.vote FROM un_votes v"
                           " JOIN un_roll_calls r ON r.rcid = v.rcid"
                           " WHERE r.year BETWEEN ?1 AND ?2%s",
                           important ? " AND r.important = 1" : "");
    if (nissues) {
        len += (size_t)snprintf(sql + len, sizeof sql - len,
                                " AND v.rcid IN (SELECT rcid FROM un_roll_call_issues"
                                " WHERE issue IN (");
        for (size_t i = 0; i < nissues; i++)
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s?%zu", i ? "," : "", i + 3);
        snprintf(sql + len, sizeof sql - len, "))");
    }
    if ((st = ent_sql_prepare(db->ctx, ent_db_sqlite(db), sql, &q)) != ENT_OK)
        return st;
    sqlite3_bind_int(q, 1, from);
    sqlite3_bind_int(q, 2, to);
    for (size_t i = 0; i < nissues; i++)
        sqlite3_bind_text(q, (int)i + 3, issues[i], -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if ((st = fn(ud, sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1),
                     sqlite3_column_int(q, 2), sqlite3_column_int(q, 3))) != ENT_OK)
            break;
    if (st == ENT_OK && rc != SQLITE_DONE)
        st = ent_err(db->ctx, ENT_EDB, "reading the votes: %s",
                     sqlite3_errmsg(ent_db_sqlite(db)));
    sqlite3_finalize(q);
    return st;
}
