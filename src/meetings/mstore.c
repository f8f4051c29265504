/*
 * mstore.c -- the warehouse side of the meeting loaders: schema, Archigos
 * spells, record inserts, the unmatched-name report, role propagation and the
 * derived dyad-year table meet_dyad_year.
 */
#include "mstore.h"
#include "../core/dynbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MS_MAXSPELLS ((size_t)1 << 24)    /* Archigos spells (about 3,300) */
#define MS_MAXNAMEBYTES ((size_t)1 << 30) /* their names, NUL-terminated (about 35 KB) */
#define MS_MAXUNMATCHED ((size_t)1 << 24) /* distinct unmatched (name, reason) of one source */
#define MS_MAXMEETINGS ((size_t)1 << 30)  /* leader-level meeting records */

const char ent_meet_schema[] =
    "CREATE TABLE IF NOT EXISTS meetings("
    " id INTEGER PRIMARY KEY,"
    " date TEXT NOT NULL,"          /* YYYY-MM-DD, first day */
    " end_date TEXT,"               /* last day when the record spans several */
    " leader_a TEXT NOT NULL,"      /* the source's subject (Chinese official, US president ...) */
    " role_a TEXT NOT NULL,"        /* head | official | unknown */
    " state_a INTEGER,"             /* COW */
    " leader_b TEXT,"               /* the counterpart, canonical; NULL = unnamed */
    " role_b TEXT NOT NULL,"
    " state_b INTEGER,"
    " place TEXT,"
    " format TEXT NOT NULL,"        /* visit | summit_bilateral | multilateral | call | message */
    " group_size INTEGER NOT NULL," /* counterparts named in the same row */
    " basis_b TEXT,"                /* how leader_b's role and state were decided */
    " name_b_raw TEXT,"             /* the name as written */
    " title_b TEXT,"                /* the title as written */
    " source TEXT NOT NULL,"        /* china_vitae | state_dept | icews */
    " source_row INTEGER NOT NULL);" /* line in the source file */
    "CREATE INDEX IF NOT EXISTS meetings_a ON meetings(leader_a, date);"
    "CREATE INDEX IF NOT EXISTS meetings_b ON meetings(leader_b, date);"
    "CREATE TABLE IF NOT EXISTS meet_unmatched("
    " source TEXT NOT NULL, name TEXT NOT NULL, title TEXT, reason TEXT NOT NULL,"
    " n INTEGER NOT NULL, first_row INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS meet_coverage("
    " source TEXT PRIMARY KEY, ccode INTEGER NOT NULL, year_lo INTEGER NOT NULL,"
    " year_hi INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS meet_dyad_year("
    " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
    " meet_episodes INTEGER, meet_days INTEGER, meet_calls INTEGER,"
    " meet_coverage TEXT NOT NULL,"
    " PRIMARY KEY(ccode1, ccode2, year)) WITHOUT ROWID;";

static ent_status load_spells(ent_meet_sink *s)
{
    ent_ctx *ctx = s->ld->ctx;
    sqlite3 *db = s->ld->db;
    sqlite3_stmt *q = NULL;
    size_t cap = 0, ncap = 0, nlen = 0;
    ent_status st = ENT_OK;
    int rc;

    if (sqlite3_prepare_v2(db,
                           "SELECT ccode, startdate, enddate, exit, leader FROM leaders "
                           "WHERE ccode IS NOT NULL ORDER BY ccode, startdate",
                           -1, &q, NULL) != SQLITE_OK)
        return ENT_OK; /* archigos not loaded: no spells, titles only */
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *sd = (const char *)sqlite3_column_text(q, 1);
        const char *ed = (const char *)sqlite3_column_text(q, 2);
        const char *ex = (const char *)sqlite3_column_text(q, 3);
        const char *nm = (const char *)sqlite3_column_text(q, 4);
        ent_meet_spell *sp;
        size_t l;
        if (!sd || !ed || !nm)
            continue;
        l = strlen(nm) + 1;
        /* names are stored as offsets first, pointers fixed at the end */
        if ((st = ent_grow(ctx, &s->spells, &cap, s->nspells + 1, sizeof *s->spells, MS_MAXSPELLS,
                           "meetings: Archigos spells")) != ENT_OK ||
            (st = ent_grow(ctx, &s->names, &ncap, nlen + l, 1, MS_MAXNAMEBYTES,
                           "meetings: bytes of Archigos names")) != ENT_OK)
            goto out;
        memcpy(s->names + nlen, nm, l);
        sp = &s->spells[s->nspells++];
        sp->ccode = sqlite3_column_int(q, 0);
        if (ent_meet_date_parse(sd, &sp->start) != 1 || ent_meet_date_parse(ed, &sp->end) != 1) {
            s->nspells--;
            continue;
        }
        sp->still = ex && !strcmp(ex, "Still in Office");
        sp->name = (const char *)(uintptr_t)nlen;
        nlen += l;
    }
    for (size_t i = 0; i < s->nspells; i++)
        s->spells[i].name = s->names + (uintptr_t)s->spells[i].name;
out:
    sqlite3_finalize(q);
    return st;
}

ent_status ent_meet_sink_open(ent_load *ld, const char *source, ent_meet_sink *s)
{
    ent_status st;
    char sql[256];
    memset(s, 0, sizeof *s);
    s->ld = ld;
    s->source = source;
    if ((st = ent_sql_exec(ld->ctx, ld->db, ent_meet_schema)) != ENT_OK)
        return st;
    snprintf(sql, sizeof sql,
             "DELETE FROM meetings WHERE source='%s'; DELETE FROM meet_unmatched WHERE "
             "source='%s'; DELETE FROM meet_coverage WHERE source='%s';",
             source, source, source);
    if ((st = ent_sql_exec(ld->ctx, ld->db, sql)) != ENT_OK)
        return st;
    if ((st = ent_sql_prepare(ld->ctx, ld->db,
                              "INSERT INTO meetings(date,end_date,leader_a,role_a,state_a,"
                              "leader_b,role_b,state_b,place,format,group_size,basis_b,"
                              "name_b_raw,title_b,source,source_row) "
                              "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                              &s->ins)) != ENT_OK)
        return st;
    return load_spells(s);
}

static void bind_date(sqlite3_stmt *q, int i, int32_t day, int present)
{
    int y, m, d;
    char buf[16];
    if (!present) {
        sqlite3_bind_null(q, i);
        return;
    }
    ent_meet_civil_from_days(day, &y, &m, &d);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    sqlite3_bind_text(q, i, buf, -1, SQLITE_TRANSIENT);
}

static void bind_str(sqlite3_stmt *q, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

static void bind_state(sqlite3_stmt *q, int i, int c)
{
    if (c > 0)
        sqlite3_bind_int(q, i, c);
    else
        sqlite3_bind_null(q, i);
}

ent_status ent_meet_sink_add(ent_meet_sink *s, const ent_meet_rec *r)
{
    sqlite3_stmt *q = s->ins;
    bind_date(q, 1, r->day, 1);
    bind_date(q, 2, r->end, r->end > r->day);
    bind_str(q, 3, r->leader_a);
    bind_str(q, 4, r->role_a);
    bind_state(q, 5, r->state_a);
    bind_str(q, 6, r->leader_b);
    bind_str(q, 7, r->role_b);
    bind_state(q, 8, r->state_b);
    bind_str(q, 9, r->place);
    bind_str(q, 10, ent_meet_format_name(r->format));
    sqlite3_bind_int(q, 11, r->group_size);
    bind_str(q, 12, r->basis_b);
    bind_str(q, 13, r->name_b_raw);
    bind_str(q, 14, r->title_b);
    bind_str(q, 15, s->source);
    sqlite3_bind_int64(q, 16, (sqlite3_int64)r->source_row);
    return ent_sql_step_reset(s->ld->ctx, s->ld->db, q);
}

static char *dup0(ent_ctx *ctx, const char *s)
{
    return ent_strdup(ctx, s ? s : "");
}

ent_status ent_meet_sink_unmatched(ent_meet_sink *s, const char *name, const char *title,
                                   const char *reason, uint64_t line)
{
    ent_ctx *ctx = s->ld->ctx;
    ent_meet_unm *u;
    for (size_t i = 0; i < s->nunm; i++) {
        u = &s->unm[i];
        if (!strcmp(u->name, name) && !strcmp(u->reason, reason)) {
            u->n++;
            return ENT_OK;
        }
    }
    if (ent_grow(ctx, &s->unm, &s->capunm, s->nunm + 1, sizeof *s->unm, MS_MAXUNMATCHED,
                 "meetings: unmatched names") != ENT_OK)
        return ENT_ENOMEM;
    u = &s->unm[s->nunm];
    u->name = dup0(ctx, name);
    u->title = dup0(ctx, title);
    u->reason = dup0(ctx, reason);
    if (!u->name || !u->title || !u->reason) {
        ent_free(ctx, u->name);
        ent_free(ctx, u->title);
        ent_free(ctx, u->reason);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    u->n = 1;
    u->first_line = line;
    s->nunm++;
    return ENT_OK;
}

void ent_meet_sink_free(ent_meet_sink *s)
{
    ent_ctx *ctx = s->ld ? s->ld->ctx : NULL;
    if (!ctx)
        return;
    sqlite3_finalize(s->ins);
    s->ins = NULL;
    for (size_t i = 0; i < s->nunm; i++) {
        ent_free(ctx, s->unm[i].name);
        ent_free(ctx, s->unm[i].title);
        ent_free(ctx, s->unm[i].reason);
    }
    ent_free(ctx, s->unm);
    ent_free(ctx, s->spells);
    ent_free(ctx, s->names);
    memset(s, 0, sizeof *s);
}

ent_status ent_meet_sink_close(ent_meet_sink *s, int ccode, int lo, int hi)
{
    ent_ctx *ctx = s->ld->ctx;
    sqlite3 *db = s->ld->db;
    sqlite3_stmt *q = NULL;
    ent_status st;
    int64_t total = 0;

    st = ent_sql_prepare(ctx, db,
                         "INSERT INTO meet_unmatched(source,name,title,reason,n,first_row) "
                         "VALUES(?,?,?,?,?,?)",
                         &q);
    for (size_t i = 0; st == ENT_OK && i < s->nunm; i++) {
        sqlite3_bind_text(q, 1, s->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, s->unm[i].name, -1, SQLITE_STATIC);
        bind_str(q, 3, s->unm[i].title);
        sqlite3_bind_text(q, 4, s->unm[i].reason, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 5, s->unm[i].n);
        sqlite3_bind_int64(q, 6, (sqlite3_int64)s->unm[i].first_line);
        st = ent_sql_step_reset(ctx, db, q);
        total += s->unm[i].n;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (st == ENT_OK && s->nunm)
        ent_log(ctx, "%-22s %zu name(s) unmatched in %lld mention(s): see table meet_unmatched",
                s->source, s->nunm, (long long)total);
    if (st == ENT_OK && lo > 0) {
        st = ent_sql_prepare(ctx, db,
                             "INSERT OR REPLACE INTO meet_coverage(source,ccode,year_lo,year_hi) "
                             "VALUES(?,?,?,?)",
                             &q);
        if (st == ENT_OK) {
            sqlite3_bind_text(q, 1, s->source, -1, SQLITE_STATIC);
            sqlite3_bind_int(q, 2, ccode);
            sqlite3_bind_int(q, 3, lo);
            sqlite3_bind_int(q, 4, hi);
            st = ent_sql_step_reset(ctx, db, q);
        }
        sqlite3_finalize(q);
    }
    /* A counterpart named without a title (a headline) takes the head role
     * when the same source calls the same person a head within a year. */
    if (st == ENT_OK) {
        char sql[1024];
        snprintf(sql, sizeof sql,
                 "UPDATE meetings SET role_b='head', basis_b=coalesce(basis_b||'+','')||"
                 "'titled record within 366 days' WHERE source='%s' AND role_b='unknown' "
                 "AND leader_b IS NOT NULL AND state_b IS NOT NULL AND EXISTS(SELECT 1 FROM "
                 "meetings m2 WHERE m2.source=meetings.source AND m2.leader_b=meetings.leader_b "
                 "AND m2.state_b=meetings.state_b AND m2.role_b='head' AND "
                 "abs(julianday(m2.date)-julianday(meetings.date))<=366);",
                 s->source);
        st = ent_sql_exec(ctx, db, sql);
    }
    ent_meet_sink_free(s);
    return st;
}

/* ------------------------------------------------------------ dyad-year */

typedef struct drow {
    int c1, c2, year;
    int32_t day, end;
    int inperson, call, group;
    int src;     /* index into the coverage list; records count only there */
    char *pair;  /* leader_a \x1f leader_b: episodes are per pair of people */
    char *place;
} drow;

static int cmp_drow(const void *a, const void *b)
{
    const drow *x = a, *y = b;
    int c;
    if (x->c1 != y->c1)
        return x->c1 < y->c1 ? -1 : 1;
    if (x->c2 != y->c2)
        return x->c2 < y->c2 ? -1 : 1;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    c = strcmp(x->pair, y->pair);
    if (c)
        return c;
    return (x->day > y->day) - (x->day < y->day);
}

typedef struct cov {
    char source[32];
    int ccode, lo, hi;
} cov;

ent_status ent_meet_dyad_year(ent_load *ld)
{
    ent_ctx *ctx = ld->ctx;
    sqlite3 *db = ld->db;
    sqlite3_stmt *q = NULL, *ins = NULL;
    drow *rows = NULL;
    ent_meet_day *days = NULL;
    cov covs[8];
    size_t n = 0, cap = 0, ncov = 0, ncodes = 0;
    const int *codes;
    ent_status st;
    int rc;

    if ((st = ent_sql_exec(ctx, db, ent_meet_schema)) != ENT_OK ||
        (st = ent_sql_exec(ctx, db, "DELETE FROM meet_dyad_year")) != ENT_OK)
        return st;
    if ((st = ent_sql_prepare(ctx, db,
                              "SELECT source, ccode, year_lo, year_hi FROM meet_coverage "
                              "ORDER BY source",
                              &q)) != ENT_OK)
        return st;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && ncov < 8) {
        snprintf(covs[ncov].source, sizeof covs[ncov].source, "%s", sqlite3_column_text(q, 0));
        covs[ncov].ccode = sqlite3_column_int(q, 1);
        covs[ncov].lo = sqlite3_column_int(q, 2);
        covs[ncov].hi = sqlite3_column_int(q, 3);
        ncov++;
    }
    sqlite3_finalize(q);
    q = NULL;
    /* Leader-level records: both sides heads of state or government. */
    if ((st = ent_sql_prepare(ctx, db,
                              "SELECT state_a, state_b, date, coalesce(end_date,date), format, "
                              "group_size, leader_a, leader_b, coalesce(place,''), source FROM meetings "
                              "WHERE role_a='head' AND role_b='head' AND state_a IS NOT NULL "
                              "AND state_b IS NOT NULL AND state_a<>state_b "
                              "AND format IN ('visit','summit_bilateral','multilateral','call')",
                              &q)) != ENT_OK)
        return st;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int a = sqlite3_column_int(q, 0), b = sqlite3_column_int(q, 1), y, m, d;
        const char *fmt = (const char *)sqlite3_column_text(q, 4);
        const char *la = (const char *)sqlite3_column_text(q, 6);
        const char *lb = (const char *)sqlite3_column_text(q, 7);
        const char *pl = (const char *)sqlite3_column_text(q, 8);
        const char *so = (const char *)sqlite3_column_text(q, 9);
        drow *r;
        size_t l;
        if ((st = ent_grow(ctx, &rows, &cap, n + 1, sizeof *rows, MS_MAXMEETINGS,
                           "meetings: leader-level records")) != ENT_OK)
            goto out;
        r = &rows[n];
        memset(r, 0, sizeof *r);
        r->src = -1;
        for (size_t c = 0; c < ncov; c++)
            if (so && !strcmp(so, covs[c].source))
                r->src = (int)c;
        r->c1 = a < b ? a : b;
        r->c2 = a < b ? b : a;
        if (ent_meet_date_parse((const char *)sqlite3_column_text(q, 2), &r->day) != 1 ||
            ent_meet_date_parse((const char *)sqlite3_column_text(q, 3), &r->end) != 1)
            continue;
        ent_meet_civil_from_days(r->day, &y, &m, &d);
        r->year = y;
        r->call = !strcmp(fmt, "call");
        r->inperson = !r->call;
        r->group = !strcmp(fmt, "multilateral");
        l = strlen(la ? la : "") + strlen(lb ? lb : "") + 2;
        r->pair = ent_malloc(ctx, l);
        r->place = ent_strdup(ctx, pl ? pl : "");
        if (!r->pair || !r->place) {
            ent_free(ctx, r->pair);
            ent_free(ctx, r->place);
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        /* the pair in name order: A met B and B met A are one pair */
        if (strcmp(la ? la : "", lb ? lb : "") <= 0)
            snprintf(r->pair, l, "%s\x1f%s", la ? la : "", lb ? lb : "");
        else
            snprintf(r->pair, l, "%s\x1f%s", lb ? lb : "", la ? la : "");
        n++;
    }
    sqlite3_finalize(q);
    q = NULL;
    if (n)
        qsort(rows, n, sizeof *rows, cmp_drow);
    days = ent_calloc(ctx, n ? n : 1, sizeof *days);
    if (!days) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    if ((st = ent_sql_prepare(ctx, db,
                              "INSERT INTO meet_dyad_year(ccode1,ccode2,year,meet_episodes,"
                              "meet_days,meet_calls,meet_coverage) VALUES(?,?,?,?,?,?,?) "
                              "ON CONFLICT(ccode1,ccode2,year) DO UPDATE SET "
                              "meet_episodes=max(meet_episodes,excluded.meet_episodes),"
                              "meet_days=max(meet_days,excluded.meet_days),"
                              "meet_calls=max(meet_calls,excluded.meet_calls),"
                              "meet_coverage=meet_coverage||'+'||excluded.meet_coverage",
                              &ins)) != ENT_OK)
        goto out;
    codes = ent_state_codes(ld->reg, &ncodes);
    /* Every covered dyad-year gets a row (zeros are real zeros); counts come
     * from the records of that dyad-year. */
    for (size_t c = 0; c < ncov; c++) {
        for (int year = covs[c].lo; year <= covs[c].hi; year++) {
            /* a source covers one state's dyads (ccode), or every dyad (0) */
            for (size_t k2 = 0; k2 < (covs[c].ccode ? 1 : ncodes); k2++) {
            int side = covs[c].ccode ? covs[c].ccode : codes[k2];
            if (!covs[c].ccode && !ent_state_member(ld->reg, side, year))
                continue;
            for (size_t k = 0; k < ncodes; k++) {
                int o = codes[k], c1, c2;
                int64_t ep = 0, dy = 0, calls = 0;
                size_t i, j;
                drow key;
                if (o == side || !ent_state_member(ld->reg, o, year))
                    continue;
                if (!covs[c].ccode && o < side)
                    continue; /* every pair once */
                c1 = o < side ? o : side;
                c2 = o < side ? side : o;
                /* binary search the first row of (c1, c2, year) */
                memset(&key, 0, sizeof key);
                key.c1 = c1;
                key.c2 = c2;
                key.year = year;
                {
                    size_t lo = 0, hi = n;
                    while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        const drow *r = &rows[mid];
                        int less = r->c1 < c1 || (r->c1 == c1 && (r->c2 < c2 || (r->c2 == c2 &&
                                                                  r->year < year)));
                        if (less)
                            lo = mid + 1;
                        else
                            hi = mid;
                    }
                    i = lo;
                }
                while (i < n && rows[i].c1 == c1 && rows[i].c2 == c2 && rows[i].year == year) {
                    size_t nd = 0;
                    j = i;
                    while (j < n && rows[j].c1 == c1 && rows[j].c2 == c2 &&
                           rows[j].year == year && !strcmp(rows[j].pair, rows[i].pair)) {
                        if (rows[j].src != (int)c)
                            ; /* another source's record: counted in its own pass */
                        else if (rows[j].call)
                            calls++;
                        else {
                            days[nd].day = rows[j].day;
                            days[nd].end = rows[j].end;
                            days[nd].place = rows[j].place;
                            days[nd].group = rows[j].group;
                            nd++;
                        }
                        j++;
                    }
                    {
                        ent_meet_count cnt = ent_meet_episodes(days, nd);
                        ep += cnt.episodes;
                        dy += cnt.days;
                    }
                    i = j;
                }
                sqlite3_bind_int(ins, 1, c1);
                sqlite3_bind_int(ins, 2, c2);
                sqlite3_bind_int(ins, 3, year);
                sqlite3_bind_int64(ins, 4, ep);
                sqlite3_bind_int64(ins, 5, dy);
                sqlite3_bind_int64(ins, 6, calls);
                sqlite3_bind_text(ins, 7, covs[c].source, -1, SQLITE_STATIC);
                if ((st = ent_sql_step_reset(ctx, db, ins)) != ENT_OK)
                    goto out;
                ld->read++; /* a derived row: one per covered dyad-year and source */
                ent_load_year(ld, year);
            }
            }
        }
    }
    { /* rows written: a dyad-year two sources cover is one row (the upsert) */
        sqlite3_stmt *cq = NULL;
        if ((st = ent_sql_prepare(ctx, db, "SELECT count(*) FROM meet_dyad_year", &cq)) != ENT_OK)
            goto out;
        if (sqlite3_step(cq) == SQLITE_ROW) {
            uint64_t w = (uint64_t)sqlite3_column_int64(cq, 0);
            ld->loaded += w;
            for (uint64_t k = w; k < ld->read; k++)
                ent_load_reject(ld, NULL, "merged into the row of another source covering "
                                          "the same dyad-year (the larger counts are kept)");
        }
        sqlite3_finalize(cq);
    }
out:
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    for (size_t i = 0; i < n; i++) {
        ent_free(ctx, rows[i].pair);
        ent_free(ctx, rows[i].place);
    }
    ent_free(ctx, rows);
    ent_free(ctx, days);
    return st;
}

/* ------------------------------------------------------------ hash set */


uint64_t ent_meet_fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int ent_meet_hset_add(ent_ctx *ctx, ent_meet_hset *s, uint64_t h)
{
    size_t i;
    if (h == 0)
        h = 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16384;
        uint64_t *nv = ent_calloc(ctx, nc, sizeof *nv);
        if (!nv)
            return -1;
        for (i = 0; i < s->cap; i++) {
            if (s->v[i]) {
                size_t j = (size_t)(s->v[i] % nc);
                while (nv[j])
                    j = (j + 1) % nc;
                nv[j] = s->v[i];
            }
        }
        ent_free(ctx, s->v);
        s->v = nv;
        s->cap = nc;
    }
    for (i = (size_t)(h % s->cap); s->v[i]; i = (i + 1) % s->cap)
        if (s->v[i] == h)
            return 0;
    s->v[i] = h;
    s->n++;
    return 1;
}
