/*
 * query.c -- a leader's counterparts from table `meetings`, counted as
 * in-person episodes and days (ent_meet_episodes), with calls and messages
 * counted apart, and ranked; and what the sources of the table cover, so
 * that a query past a source's last record says so; a leader's records, and
 * the dyad-years of table meet_dyad_year.
 */
#include "query.h"
#include "../core/dynbuf.h"
#include "../store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MQ_MAXROWS ((size_t)1 << 24) /* records of one leader (at most about 900 in the sources) */

ent_status ent_meet_leader_name(ent_ctx *ctx, sqlite3 *db, const char *typed, char *out,
                                size_t cap)
{
    const ent_meet_alias *al = ent_meet_canon(typed);
    const char *want = al ? al->canonical : typed;
    char fw[ENT_MEET_NAMEMAX * 2], fn[ENT_MEET_NAMEMAX * 2];
    sqlite3_stmt *q = NULL;
    int found = 0;

    ent_meet_fold(want, fw, sizeof fw);
    if (sqlite3_prepare_v2(db,
                           "SELECT leader_a FROM meetings UNION SELECT leader_b FROM meetings "
                           "WHERE leader_b IS NOT NULL",
                           -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "no meetings table (run `entente build`): %s",
                       sqlite3_errmsg(db));
    while (!found && sqlite3_step(q) == SQLITE_ROW) {
        const char *nm = (const char *)sqlite3_column_text(q, 0);
        if (!nm)
            continue;
        ent_meet_fold(nm, fn, sizeof fn);
        if (!strcmp(fn, fw)) {
            snprintf(out, cap, "%s", nm);
            found = 1;
        }
    }
    sqlite3_finalize(q);
    if (!found)
        return ent_err(ctx, ENT_ENOTFOUND,
                       "no meeting record names '%s' (names are as in table meetings, e.g. "
                       "\"Xi Jinping\", \"Vladimir Putin\")",
                       typed);
    return ENT_OK;
}

typedef struct prow {
    char *partner;
    int ccode;
    int32_t day, end;
    int format;
    char *place;
    char src[16]; /* source name: a pair is counted from one source only */
} prow;

static int cmp_prow(const void *a, const void *b)
{
    const prow *x = a, *y = b;
    int c = strcmp(x->partner, y->partner);
    if (c)
        return c;
    return (x->day > y->day) - (x->day < y->day);
}

static int cmp_partner(const void *a, const void *b)
{
    const ent_meet_partner *x = a, *y = b;
    if (x->in.episodes != y->in.episodes)
        return x->in.episodes > y->in.episodes ? -1 : 1;
    if (x->in.days != y->in.days)
        return x->in.days > y->in.days ? -1 : 1;
    if (x->calls != y->calls)
        return x->calls > y->calls ? -1 : 1;
    return strcmp(x->partner, y->partner);
}

void ent_meet_partners_free(ent_ctx *ctx, ent_meet_partner *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ent_free(ctx, p[i].partner);
    ent_free(ctx, p);
}

ent_status ent_meet_partners(ent_ctx *ctx, sqlite3 *db, const char *leader, int32_t from,
                             int32_t to, ent_meet_partner **out, size_t *nout)
{
    static const char sql[] =
        "SELECT leader_b, state_b, date, coalesce(end_date,date), format, coalesce(place,''), "
        "source FROM meetings WHERE leader_a=?1 AND role_b='head' AND leader_b IS NOT NULL "
        "UNION ALL "
        "SELECT leader_a, state_a, date, coalesce(end_date,date), format, coalesce(place,''), "
        "source FROM meetings WHERE leader_b=?1 AND role_a='head'";
    sqlite3_stmt *q = NULL;
    prow *rows = NULL;
    ent_meet_partner *ps = NULL;
    ent_meet_day *days = NULL;
    size_t n = 0, cap = 0, np = 0;
    ent_status st = ENT_OK;

    *out = NULL;
    *nout = 0;
    if ((st = ent_sql_prepare(ctx, db, sql, &q)) != ENT_OK)
        return st;
    sqlite3_bind_text(q, 1, leader, -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        prow *r;
        int32_t d, e;
        if (ent_meet_date_parse((const char *)sqlite3_column_text(q, 2), &d) != 1 ||
            ent_meet_date_parse((const char *)sqlite3_column_text(q, 3), &e) != 1)
            continue;
        if (from <= to && (d < from || d > to))
            continue;
        if ((st = ent_grow(ctx, &rows, &cap, n + 1, sizeof *rows, MQ_MAXROWS,
                           "meetings: records of one leader")) != ENT_OK)
            goto out;
        r = &rows[n];
        r->partner = ent_strdup(ctx, (const char *)sqlite3_column_text(q, 0));
        r->place = ent_strdup(ctx, (const char *)sqlite3_column_text(q, 5));
        if (!r->partner || !r->place) {
            ent_free(ctx, r->partner);
            ent_free(ctx, r->place);
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        snprintf(r->src, sizeof r->src, "%s", (const char *)sqlite3_column_text(q, 6));
        r->ccode = sqlite3_column_int(q, 1);
        r->day = d;
        r->end = e;
        r->format = ent_meet_format_parse((const char *)sqlite3_column_text(q, 4));
        n++;
    }
    if (n)
        qsort(rows, n, sizeof *rows, cmp_prow);
    ps = ent_calloc(ctx, n ? n : 1, sizeof *ps);
    days = ent_calloc(ctx, n ? n : 1, sizeof *days);
    if (!ps || !days) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i, nd = 0, end, best = 0;
        const char *use = rows[i].src;
        ent_meet_partner *p = &ps[np];
        /* The same meeting can be in two sources (a Chinese and a US record
         * of one summit): count the pair from the source with more records. */
        for (end = i; end < n && !strcmp(rows[end].partner, rows[i].partner); end++)
            ;
        for (size_t a = i; a < end; a++) {
            size_t k = 0;
            for (size_t b = i; b < end; b++)
                k += !strcmp(rows[a].src, rows[b].src);
            if (k > best || (k == best && strcmp(rows[a].src, use) < 0)) {
                best = k;
                use = rows[a].src;
            }
        }
        while (j < end) {
            if (strcmp(rows[j].src, use))
                ; /* the other source's record of the pair */
            else if (ent_meet_format_inperson(rows[j].format)) {
                days[nd].day = rows[j].day;
                days[nd].end = rows[j].end;
                days[nd].place = rows[j].place;
                days[nd].group = rows[j].format == ENT_MF_MULTILATERAL;
                nd++;
            } else if (rows[j].format == ENT_MF_CALL)
                p->calls++;
            else if (rows[j].format == ENT_MF_MESSAGE)
                p->messages++;
            p->ccode = rows[j].ccode; /* latest record's state */
            j++;
        }
        p->in = ent_meet_episodes(days, nd);
        p->partner = ent_strdup(ctx, rows[i].partner);
        if (!p->partner) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        np++;
        i = j;
    }
    if (np)
        qsort(ps, np, sizeof *ps, cmp_partner);
    for (size_t i = 0; i < np; i++)
        ps[i].rank = (i > 0 && ps[i].in.episodes == ps[i - 1].in.episodes) ? ps[i - 1].rank
                                                                            : (int64_t)i + 1;
    *out = ps;
    *nout = np;
    ps = NULL;
out:
    sqlite3_finalize(q);
    for (size_t i = 0; i < n; i++) {
        ent_free(ctx, rows[i].partner);
        ent_free(ctx, rows[i].place);
    }
    ent_free(ctx, rows);
    ent_free(ctx, days);
    if (ps)
        ent_meet_partners_free(ctx, ps, np);
    return st;
}

ent_status ent_meet_coverage(ent_ctx *ctx, sqlite3 *db, const char *leader,
                             ent_meet_cover cov[ENT_MEET_MAXSRC], size_t *n)
{
    static const char sql[] =
        "SELECT source, min(date), max(date), "
        "max(?1 IS NOT NULL AND (leader_a = ?1 OR leader_b = ?1)) "
        "FROM meetings GROUP BY source ORDER BY source";
    sqlite3_stmt *q = NULL;
    ent_status st;
    *n = 0;
    if ((st = ent_sql_prepare(ctx, db, sql, &q)) != ENT_OK)
        return st;
    if (leader)
        sqlite3_bind_text(q, 1, leader, -1, SQLITE_STATIC);
    while (*n < ENT_MEET_MAXSRC && sqlite3_step(q) == SQLITE_ROW) {
        ent_meet_cover *c = &cov[*n];
        const char *f = (const char *)sqlite3_column_text(q, 1);
        const char *l = (const char *)sqlite3_column_text(q, 2);
        snprintf(c->source, sizeof c->source, "%s", (const char *)sqlite3_column_text(q, 0));
        snprintf(c->first, sizeof c->first, "%s", f ? f : "");
        snprintf(c->last, sizeof c->last, "%s", l ? l : "");
        if (!l || ent_meet_date_parse(l, &c->last_day) != 1)
            continue;
        c->has_leader = sqlite3_column_int(q, 3);
        (*n)++;
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

int ent_meet_coverage_text(const ent_meet_cover *cov, size_t n, const char *leader,
                           int32_t from, int32_t to, char *buf, size_t cap)
{
    size_t o = 0;
    int ended = 0, going = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (o < cap)                                                                               \
            o += (size_t)snprintf(buf + o, cap - o, __VA_ARGS__);                                  \
    } while (0)
    int32_t latest = 0;
    if (!cap)
        return 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) /* an open range ends at the latest record of any source */
        if (!i || cov[i].last_day > latest)
            latest = cov[i].last_day;
    if (!to || to > latest)
        to = latest;
    if (from > to)
        to = from;
    for (size_t i = 0; i < n; i++)
        if (cov[i].has_leader && cov[i].last_day < to) {
            if (!ended++)
                PUT("coverage: for %s, %s ends on %s", leader, cov[i].source, cov[i].last);
            else
                PUT(" and %s on %s", cov[i].source, cov[i].last);
        }
    if (!ended) {
        buf[0] = '\0';
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (cov[i].has_leader && cov[i].last_day >= to)
            PUT("%s%s (to %s)", going++ ? ", " : "; after that only ", cov[i].source, cov[i].last);
    if (going)
        PUT(" record%s meetings", going > 1 ? "" : "s");
    else
        PUT("; no source records meetings after that");
#undef PUT
    return 1;
}

ent_status ent_meet_records(ent_ctx *ctx, sqlite3 *db, const char *leader, int32_t from,
                            int32_t to, ent_meet_record_fn fn, void *ud)
{
    static const char sql[] =
        "SELECT date, end_date, leader_b, state_b, role_b, place, format, source, source_row "
        "FROM meetings WHERE leader_a=?1 UNION ALL "
        "SELECT date, end_date, leader_a, state_a, role_a, place, format, source, source_row "
        "FROM meetings WHERE leader_b=?1 ORDER BY 1, 3";
    sqlite3_stmt *q = NULL;
    ent_status st;

    if ((st = ent_sql_prepare(ctx, db, sql, &q)) != ENT_OK)
        return st;
    sqlite3_bind_text(q, 1, leader, -1, SQLITE_STATIC);
    while (st == ENT_OK && sqlite3_step(q) == SQLITE_ROW) {
        ent_meet_record r;
        int32_t d;
        r.date = (const char *)sqlite3_column_text(q, 0);
        if (ent_meet_date_parse(r.date, &d) != 1 || (from <= to && (d < from || d > to)))
            continue;
        r.end_date = (const char *)sqlite3_column_text(q, 1);
        r.partner = (const char *)sqlite3_column_text(q, 2);
        r.partner_state = sqlite3_column_type(q, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 3);
        r.role = (const char *)sqlite3_column_text(q, 4);
        r.place = (const char *)sqlite3_column_text(q, 5);
        r.format = (const char *)sqlite3_column_text(q, 6);
        r.source = (const char *)sqlite3_column_text(q, 7);
        r.source_row = sqlite3_column_int64(q, 8);
        st = fn(ud, &r);
    }
    sqlite3_finalize(q);
    return st;
}

ent_status ent_meet_dyad_span(ent_ctx *ctx, sqlite3 *db, int a, int b, int *lo, int *hi)
{
    sqlite3_stmt *q = NULL;
    *lo = *hi = 0;
    if (sqlite3_prepare_v2(db, "SELECT min(year), max(year) FROM meet_dyad_year WHERE "
                               "ccode1=? AND ccode2=?", -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_ENODATA, "no meet_dyad_year table in the warehouse: run "
                                         "`entente build` (%s)", sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, a < b ? a : b);
    sqlite3_bind_int(q, 2, a < b ? b : a);
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        *lo = sqlite3_column_int(q, 0);
        *hi = sqlite3_column_int(q, 1);
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

ent_status ent_meet_dyad_years(ent_ctx *ctx, sqlite3 *db, int a, int b, int lo, int hi,
                               ent_meet_year *out)
{
    sqlite3_stmt *q = NULL;
    ent_status st;
    if ((st = ent_sql_prepare(ctx, db,
                              "SELECT meet_episodes, meet_days, meet_calls, meet_coverage "
                              "FROM meet_dyad_year WHERE ccode1=? AND ccode2=? AND year=?",
                              &q)) != ENT_OK)
        return st;
    for (int y = lo; y <= hi; y++) {
        ent_meet_year *m = &out[y - lo];
        int64_t *v[3] = {&m->episodes, &m->days, &m->calls};
        memset(m, 0, sizeof *m);
        m->episodes = m->days = m->calls = ENT_NA;
        sqlite3_bind_int(q, 1, a < b ? a : b);
        sqlite3_bind_int(q, 2, a < b ? b : a);
        sqlite3_bind_int(q, 3, y);
        if (sqlite3_step(q) == SQLITE_ROW) {
            const char *c = (const char *)sqlite3_column_text(q, 3);
            m->found = 1;
            for (int k = 0; k < 3; k++)
                if (sqlite3_column_type(q, k) != SQLITE_NULL)
                    *v[k] = sqlite3_column_int64(q, k);
            snprintf(m->coverage, sizeof m->coverage, "%s", c ? c : "");
        }
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    return ENT_OK;
}
