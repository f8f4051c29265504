/*
 * votes_db.c -- the warehouse's UN General Assembly vote record in memory
 * (see votes_db.h).  Roll calls come first from unvotes, then from
 * unga_votes_voeten (whose sessions follow unvotes' last), each source in
 * (date, rcid) order; the votes are gathered as (roll call, state, vote)
 * triples and counting-sorted by roll call, which keeps each roll call's
 * states in the ccode order in which the tables' primary keys return them.
 */
#include "votes_db.h"
#include "agreement.h"
#include "../core/dynbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VDB_MAXRC ((size_t)1 << 24)    /* roll calls read */
#define VDB_MAXVOTES ((size_t)1 << 31) /* country-votes read */

struct ent_vrec {
    ent_ctx *ctx;
    ent_rollcall *rc;
    size_t nrc, rc_cap;
    int16_t *ccode;
    uint8_t *vote;
    size_t nv;
};

/* A vote before sorting. */
typedef struct triple {
    uint32_t rc;
    int16_t ccode;
    uint8_t vote;
} triple;

typedef struct tbuf {
    triple *t;
    size_t n, cap;
} tbuf;

const char *ent_vsrc_name(ent_vsrc s)
{
    return s == ENT_VSRC_UNGA_VOETEN ? "unga_votes_voeten" : "unvotes";
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

static int parse_date(const unsigned char *s)
{
    int y, m, d;
    if (!s || sscanf((const char *)s, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return y * 10000 + m * 100 + d;
}

static ent_status db_err(ent_ctx *ctx, sqlite3 *db)
{
    return ent_err(ctx, ENT_EDB, "reading the UN votes: %s", sqlite3_errmsg(db));
}

/* read_rcs appends the roll calls of one source. */
static ent_status read_rcs(ent_vrec *v, sqlite3 *db, ent_vsrc src, int ylo, int yhi)
{
    const char *sql =
        src == ENT_VSRC_UNVOTES
            ? "SELECT rcid, date, session, year, cal_year, important, 0 FROM un_roll_calls"
              " WHERE year BETWEEN ?1 AND ?2 ORDER BY date, rcid"
            : "SELECT rcid, date, session, year, cal_year, NULL, partial FROM unga_roll_calls"
              " WHERE year BETWEEN ?1 AND ?2 ORDER BY date, rcid";
    sqlite3_stmt *q = NULL;
    int rc;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_err(v->ctx, db);
    sqlite3_bind_int(q, 1, ylo);
    sqlite3_bind_int(q, 2, yhi);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        ent_rollcall *r;
        if (ent_grow(v->ctx, &v->rc, &v->rc_cap, v->nrc + 1, sizeof *v->rc, VDB_MAXRC,
                     "votes: roll calls") != ENT_OK) {
            sqlite3_finalize(q);
            return ENT_ENOMEM;
        }
        r = &v->rc[v->nrc++];
        memset(r, 0, sizeof *r);
        r->rcid = sqlite3_column_int64(q, 0);
        r->date = parse_date(sqlite3_column_text(q, 1));
        r->session = sqlite3_column_int(q, 2);
        r->year = sqlite3_column_int(q, 3);
        r->cal_year = sqlite3_column_int(q, 4);
        r->important = sqlite3_column_type(q, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 5);
        r->partial = sqlite3_column_int(q, 6);
        r->source = src;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? ENT_OK : db_err(v->ctx, db);
}

static int push(ent_ctx *ctx, tbuf *b, size_t rc, int ccode, int vote)
{
    if (ent_grow(ctx, &b->t, &b->cap, b->n + 1, sizeof *b->t, VDB_MAXVOTES,
                 "votes: country-votes") != ENT_OK)
        return 0;
    b->t[b->n].rc = (uint32_t)rc;
    b->t[b->n].ccode = (int16_t)ccode;
    b->t[b->n].vote = (uint8_t)vote;
    b->n++;
    return 1;
}

static int vote_ok(int ccode, int vote)
{
    return ccode > 0 && ccode < 1000 && vote >= ENT_VOTE_YES && vote <= ENT_VOTE_NO;
}

/* unvotes: rcid is unique, so a dense rcid -> roll-call index map. */
static ent_status read_unvotes(ent_vrec *v, sqlite3 *db, size_t lo, size_t hi, tbuf *b)
{
    sqlite3_stmt *q = NULL;
    int64_t max = -1;
    uint32_t *idx = NULL;
    ent_status st = ENT_OK;
    int rc;
    for (size_t i = lo; i < hi; i++)
        if (v->rc[i].rcid > max)
            max = v->rc[i].rcid;
    if (max < 0)
        return ENT_OK;
    if (max > 100000000)
        return ent_err(v->ctx, ENT_EDB, "un_roll_calls: rcid %lld out of range", (long long)max);
    idx = ent_malloc(v->ctx, (size_t)(max + 1) * sizeof *idx);
    if (!idx)
        return ent_err(v->ctx, ENT_ENOMEM, "out of memory");
    memset(idx, 0xff, (size_t)(max + 1) * sizeof *idx);
    for (size_t i = lo; i < hi; i++)
        if (v->rc[i].rcid >= 0)
            idx[v->rc[i].rcid] = (uint32_t)i;
    if (sqlite3_prepare_v2(db, "SELECT rcid, ccode, vote FROM un_votes", -1, &q, NULL) !=
        SQLITE_OK) {
        st = db_err(v->ctx, db);
        goto out;
    }
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0);
        int cc = sqlite3_column_int(q, 1), vote = sqlite3_column_int(q, 2);
        if (id < 0 || id > max || idx[id] == UINT32_MAX || !vote_ok(cc, vote))
            continue; /* a roll call outside [ylo, yhi] */
        if (!push(v->ctx, b, idx[id], cc, vote)) {
            st = ENT_ENOMEM; /* the message names the cap or the memory */
            goto out;
        }
    }
    if (rc != SQLITE_DONE)
        st = db_err(v->ctx, db);
out:
    sqlite3_finalize(q);
    ent_free(v->ctx, idx);
    return st;
}

/* unga_votes_voeten: key (date, rcid), found by bisection in [lo, hi). */
static size_t find_rc(const ent_vrec *v, size_t lo, size_t hi, int date, int64_t rcid)
{
    size_t a = lo, z = hi;
    while (a < z) {
        size_t m = a + (z - a) / 2;
        const ent_rollcall *r = &v->rc[m];
        if (r->date < date || (r->date == date && r->rcid < rcid))
            a = m + 1;
        else
            z = m;
    }
    return a < hi && v->rc[a].date == date && v->rc[a].rcid == rcid ? a : SIZE_MAX;
}

static ent_status read_unga(ent_vrec *v, sqlite3 *db, size_t lo, size_t hi, tbuf *b)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc;
    if (lo == hi)
        return ENT_OK;
    if (sqlite3_prepare_v2(db, "SELECT rcid, date, ccode, vote FROM unga_votes", -1, &q, NULL) !=
        SQLITE_OK)
        return db_err(v->ctx, db);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        size_t i = find_rc(v, lo, hi, parse_date(sqlite3_column_text(q, 1)),
                           sqlite3_column_int64(q, 0));
        int cc = sqlite3_column_int(q, 2), vote = sqlite3_column_int(q, 3);
        if (i == SIZE_MAX || !vote_ok(cc, vote))
            continue;
        if (!push(v->ctx, b, i, cc, vote)) {
            st = ENT_ENOMEM; /* the message names the cap or the memory */
            goto out;
        }
    }
    if (rc != SQLITE_DONE)
        st = db_err(v->ctx, db);
out:
    sqlite3_finalize(q);
    return st;
}

ent_status ent_vrec_load(ent_ctx *ctx, sqlite3 *db, int ylo, int yhi, ent_vrec **out)
{
    ent_vrec *v = ent_calloc(ctx, 1, sizeof *v);
    tbuf b = {NULL, 0, 0};
    size_t n_un = 0, *pos = NULL;
    ent_status st = ENT_OK;
    *out = NULL;
    if (!v)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    v->ctx = ctx;
    if (!ylo && !yhi) {
        ylo = 0;
        yhi = 1 << 30;
    }
    if (has_table(db, "un_roll_calls") && has_table(db, "un_votes")) {
        if ((st = read_rcs(v, db, ENT_VSRC_UNVOTES, ylo, yhi)) != ENT_OK)
            goto fail;
        n_un = v->nrc;
        if ((st = read_unvotes(v, db, 0, n_un, &b)) != ENT_OK)
            goto fail;
    }
    if (has_table(db, "unga_roll_calls") && has_table(db, "unga_votes")) {
        if ((st = read_rcs(v, db, ENT_VSRC_UNGA_VOETEN, ylo, yhi)) != ENT_OK ||
            (st = read_unga(v, db, n_un, v->nrc, &b)) != ENT_OK)
            goto fail;
    }
    /* counting sort of the triples by roll call (stable) */
    pos = ent_calloc(ctx, v->nrc + 1, sizeof *pos);
    v->ccode = ent_malloc(ctx, (b.n ? b.n : 1) * sizeof *v->ccode);
    v->vote = ent_malloc(ctx, b.n ? b.n : 1);
    if (!pos || !v->ccode || !v->vote) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto fail;
    }
    for (size_t k = 0; k < b.n; k++)
        v->rc[b.t[k].rc].nv++;
    for (size_t i = 0, at = 0; i < v->nrc; i++) {
        v->rc[i].v0 = pos[i] = at;
        at += v->rc[i].nv;
    }
    for (size_t k = 0; k < b.n; k++) {
        size_t at = pos[b.t[k].rc]++;
        v->ccode[at] = b.t[k].ccode;
        v->vote[at] = b.t[k].vote;
    }
    v->nv = b.n;
    ent_free(ctx, pos);
    ent_free(ctx, b.t);
    *out = v;
    return ENT_OK;
fail:
    ent_free(ctx, pos);
    ent_free(ctx, b.t);
    ent_vrec_free(v);
    return st;
}

void ent_vrec_free(ent_vrec *v)
{
    if (!v)
        return;
    ent_free(v->ctx, v->rc);
    ent_free(v->ctx, v->ccode);
    ent_free(v->ctx, v->vote);
    ent_free(v->ctx, v);
}

size_t ent_vrec_count(const ent_vrec *v)
{
    return v->nrc;
}

const ent_rollcall *ent_vrec_rc(const ent_vrec *v, size_t i)
{
    return i < v->nrc ? &v->rc[i] : NULL;
}

void ent_vrec_votes(const ent_vrec *v, size_t i, const int16_t **ccode, const uint8_t **vote,
                    size_t *n)
{
    if (i >= v->nrc) {
        *ccode = NULL;
        *vote = NULL;
        *n = 0;
        return;
    }
    *ccode = v->ccode + v->rc[i].v0;
    *vote = v->vote + v->rc[i].v0;
    *n = v->rc[i].nv;
}
