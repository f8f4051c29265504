/*
 * gather.c -- fills the report's data (rpdata.h) from a warehouse through
 * the index API: the subject and the group scored in every year of the span,
 * compare's verdict and robustness lines for the answer years, the group in
 * the comparison year with the subject's rank over the draws, the coverage
 * grid, and the sources table.
 */
#include "rpdata.h"
#include "../core/dynbuf.h"
#include "../index/compare.h"
#include "../panel/panel.h"
#include "../store/store.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RP_MAXDYADS (((size_t)1 << 20) + 1) /* a group (at most a year's dyads) and the subject */
#define RP_MAXSOURCES ((size_t)1 << 16)      /* rows of the sources table (about 30) */

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void ent_rp_quartiles(double *v, size_t n, double q[3])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            v[k++] = v[i];
    for (int j = 0; j < 3; j++)
        q[j] = NAN;
    if (!k)
        return;
    qsort(v, k, sizeof *v, cmp_dbl);
    for (int j = 0; j < 3; j++) {
        double h = (double)(k - 1) * (j + 1) / 4.0;
        size_t lo = (size_t)floor(h);
        q[j] = lo + 1 < k ? v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]) : v[lo];
    }
}

ent_status ent_rp_alloc(ent_ctx *ctx, ent_rp *rp, int from, int to, int nterms, size_t ndyads)
{
    size_t ny = (size_t)(to - from + 1), nm = ENT_RP_NM * ny;
    memset(rp, 0, sizeof *rp);
    rp->ctx = ctx;
    rp->from = from;
    rp->to = to;
    rp->nyears = (int)ny;
    rp->nterms = nterms;
    rp->subj = ent_malloc(ctx, nm * sizeof *rp->subj);
    rp->q1 = ent_malloc(ctx, nm * sizeof *rp->q1);
    rp->med = ent_malloc(ctx, nm * sizeof *rp->med);
    rp->q3 = ent_malloc(ctx, nm * sizeof *rp->q3);
    rp->group_n = ent_calloc(ctx, ny, sizeof *rp->group_n);
    rp->complete = ent_calloc(ctx, ny, 1);
    rp->year_note = ent_calloc(ctx, ny, sizeof *rp->year_note);
    rp->terms = ent_calloc(ctx, nterms ? (size_t)nterms : 1, sizeof *rp->terms);
    rp->cov = ent_calloc(ctx, (size_t)(nterms ? nterms : 1) * ny, 1);
    rp->ndyads = ndyads;
    rp->dyads = ent_calloc(ctx, ndyads ? ndyads : 1, sizeof *rp->dyads);
    rp->rank_count = ent_calloc(ctx, ndyads + 1, sizeof *rp->rank_count);
    if (!rp->subj || !rp->q1 || !rp->med || !rp->q3 || !rp->group_n || !rp->complete ||
        !rp->year_note || !rp->terms || !rp->cov || !rp->dyads || !rp->rank_count)
        return ent_err(ctx, ENT_ENOMEM, "report: out of memory");
    for (size_t i = 0; i < nm; i++)
        rp->subj[i] = rp->q1[i] = rp->med[i] = rp->q3[i] = NAN;
    for (size_t i = 0; i < ndyads; i++)
        for (int m = 0; m < ENT_RP_NM; m++)
            rp->dyads[i].score[m] = NAN;
    return ENT_OK;
}

void ent_rp_free(ent_rp *rp)
{
    ent_ctx *ctx = rp->ctx;
    if (!ctx)
        return;
    for (int t = 0; rp->year_note && t < rp->nyears; t++)
        ent_free(ctx, rp->year_note[t]);
    ent_free(ctx, rp->year_note);
    ent_free(ctx, rp->subj);
    ent_free(ctx, rp->q1);
    ent_free(ctx, rp->med);
    ent_free(ctx, rp->q3);
    ent_free(ctx, rp->group_n);
    ent_free(ctx, rp->complete);
    ent_free(ctx, rp->terms);
    ent_free(ctx, rp->cov);
    ent_free(ctx, rp->dyads);
    ent_free(ctx, rp->rank_count);
    ent_free(ctx, rp->src);
    memset(rp, 0, sizeof *rp);
}

static double measure(const ent_ix_score *s, int m)
{
    return m < ENT_NDIM ? s->dim[m] : s->composite;
}

static void note(ent_rp *rp, int t, const char *msg)
{
    if (!rp->year_note[t])
        rp->year_note[t] = ent_strdup(rp->ctx, msg);
}

/* One year scored: the year's panel, the group's rows with the subject among
 * them (at *subject), and their scores. */
typedef struct scored {
    ent_ix_year y;
    long *rows;
    size_t n, subject;
    ent_ix_score *sc;
} scored;

static void scored_free(ent_ctx *ctx, scored *s)
{
    ent_free(ctx, s->rows);
    ent_free(ctx, s->sc);
    ent_ix_year_free(ctx, &s->y);
    memset(s, 0, sizeof *s);
}

/* score_year loads year t and scores the group; ENT_ENODATA (message on ctx)
 * when the subject is not a dyad or the group is empty that year.  With no
 * group (ENT_ENODATA from the group) s->rows holds the subject alone. */
static ent_status score_year(ent_ctx *ctx, ent_db *db, const ent_registry *reg,
                             const ent_ix_config *cfg, const ent_rp_opts *o, int a, int b, int t,
                             scored *s)
{
    sqlite3 *q = ent_db_sqlite(db);
    ent_status st;
    char gmsg[512] = "";
    long r;
    size_t i;
    memset(s, 0, sizeof *s);
    if ((st = ent_ix_load_year(ctx, q, cfg, t, &s->y)) != ENT_OK)
        return st;
    if ((r = ent_ix_find(&s->y, a, b)) < 0)
        return ent_err(ctx, ENT_ENODATA, "%s-%s is not a dyad in %d", ent_state_abb(reg, a),
                       ent_state_abb(reg, b), t);
    st = ent_ix_group(ctx, q, reg, &s->y, o->group, &s->rows, &s->n);
    if (st != ENT_OK && st != ENT_ENODATA && st != ENT_EINVAL)
        return st;
    if (st != ENT_OK) { /* empty, or not defined that year (ATOP after its end) */
        snprintf(gmsg, sizeof gmsg, "%s", ent_errmsg(ctx));
        ent_free(ctx, s->rows);
        s->rows = NULL;
        s->n = 0;
    }
    for (i = 0; i < s->n && s->rows[i] != r; i++)
        ;
    if (i == s->n) {
        size_t cap = s->n; /* the group's array holds at least its dyads */
        if (ent_grow(ctx, &s->rows, &cap, s->n + 1, sizeof *s->rows, RP_MAXDYADS,
                     "report: dyads") != ENT_OK)
            return ENT_ENOMEM;
        s->rows[s->n++] = r;
    }
    s->subject = i;
    if (!(s->sc = ent_malloc(ctx, s->n * sizeof *s->sc)))
        return ent_err(ctx, ENT_ENOMEM, "report: out of memory");
    for (i = 0; i < s->n; i++)
        ent_ix_score_row(cfg, &s->y, (size_t)s->rows[i], o->norm, NULL, NULL, NULL, &s->sc[i]);
    if (st != ENT_OK)
        return ent_err(ctx, ENT_ENODATA, "%s", gmsg);
    if (s->n < 2)
        return ent_err(ctx, ENT_ENODATA, "the group %s has no dyad in %d", o->group, t);
    return ENT_OK;
}

/* compare_year is `entente compare` for one year: its verdict, robustness
 * and missing-indicator lines go to an, and (when dy is not NULL) its rows to
 * rp->dyads.  ENT_ENODATA and ENT_EINVAL (nothing to compare that year) are
 * returned with the message on ctx. */
static ent_status compare_year(ent_ctx *ctx, ent_db *db, const ent_ix_config *cfg,
                               const ent_rp_opts *o, int t, ent_rp_answer *an, ent_rp *dy)
{
    ent_ix_opts io = ENT_IX_OPTS_INIT;
    ent_ix_result *res = NULL;
    ent_status st;
    io.cfg = cfg;
    io.norm = o->norm;
    io.subject = o->pair;
    io.group = o->group;
    io.year = t;
    io.draws = o->draws;
    io.seed = (unsigned long long)o->seed;
    if ((st = ent_ix_compare(ctx, db, &io, &res)) != ENT_OK)
        return st;
    memset(an, 0, sizeof *an);
    an->year = t;
    for (size_t i = 0; i < res->nrows; i++)
        if (res->rows[i].is_subject)
            an->complete = res->rows[i].complete;
    for (size_t i = 0; i < res->nnotes; i++) {
        const ent_ix_note *n = &res->notes[i];
        char *dst = NULL;
        size_t cap = 0;
        switch (n->kind) {
        case ENT_IX_NOTE_VERDICT: dst = an->verdict; cap = sizeof an->verdict; break;
        case ENT_IX_NOTE_ROBUST: dst = an->robust; cap = sizeof an->robust; break;
        case ENT_IX_NOTE_MISSING: dst = an->missing; cap = sizeof an->missing; break;
        case ENT_IX_NOTE_CARRIED: dst = an->carried; cap = sizeof an->carried; break;
        default: break;
        }
        if (dst && !*dst)
            snprintf(dst, cap, "%s", n->text);
    }
    if (dy) {
        ent_free(ctx, dy->dyads);
        if (!(dy->dyads = ent_calloc(ctx, res->nrows ? res->nrows : 1, sizeof *dy->dyads))) {
            ent_ix_result_free(ctx, res);
            return ent_err(ctx, ENT_ENOMEM, "report: out of memory");
        }
        dy->ndyads = res->nrows;
        for (size_t i = 0; i < res->nrows; i++) {
            const ent_ix_row *r = &res->rows[i];
            ent_rp_dyad *d = &dy->dyads[i];
            snprintf(d->name, sizeof d->name, "%s-%s", r->abb1, r->abb2);
            for (int m = 0; m < ENT_NDIM; m++)
                d->score[m] = r->dim[m];
            d->score[ENT_RP_COMPOSITE] = r->composite;
            d->complete = r->complete;
            d->is_subject = r->is_subject;
            if (r->is_subject)
                dy->default_rank = r->rank;
        }
    }
    ent_ix_result_free(ctx, res);
    return ENT_OK;
}

static ent_status load_sources(ent_ctx *ctx, ent_db *db, ent_rp *rp)
{
    sqlite3_stmt *q = NULL;
    size_t cap = 0;
    if (sqlite3_prepare_v2(ent_db_sqlite(db),
                           "SELECT name, version, sha256, year_lo, year_hi, stated_lo, stated_hi,"
                           " coverage, cite FROM sources ORDER BY name",
                           -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "not a warehouse (no sources table); run `entente build`");
    while (sqlite3_step(q) == SQLITE_ROW) {
        ent_rp_source *s;
        const char *t;
        if (ent_grow(ctx, &rp->src, &cap, rp->nsrc + 1, sizeof *rp->src, RP_MAXSOURCES,
                     "report: sources") != ENT_OK) {
            sqlite3_finalize(q);
            return ENT_ENOMEM;
        }
        s = &rp->src[rp->nsrc++];
        memset(s, 0, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s", (const char *)sqlite3_column_text(q, 0));
        s->version = sqlite3_column_int(q, 1);
        if ((t = (const char *)sqlite3_column_text(q, 2)))
            snprintf(s->digest, sizeof s->digest, "%.12s", t);
        s->year_lo = sqlite3_column_int(q, 3);
        s->year_hi = sqlite3_column_int(q, 4);
        s->stated_lo = sqlite3_column_int(q, 5);
        s->stated_hi = sqlite3_column_int(q, 6);
        if ((t = (const char *)sqlite3_column_text(q, 7)))
            snprintf(s->coverage, sizeof s->coverage, "%s", t);
        if ((t = (const char *)sqlite3_column_text(q, 8)))
            snprintf(s->cite, sizeof s->cite, "%s", t);
    }
    sqlite3_finalize(q);
    return ENT_OK;
}

static void term_source(const ent_ix_term *tm, char *buf, size_t cap)
{
    buf[0] = 0;
    for (int c = 0; c < (tm->op ? 2 : 1); c++) {
        int k = ent_panel_find(tm->col[c]);
        const char *src = k >= 0 ? ent_panel_indicators[k].source : NULL;
        if (src && !strstr(buf, src))
            snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s", *buf ? ", " : "", src);
    }
}

ent_status ent_rp_gather(ent_ctx *ctx, ent_db *db, const ent_rp_opts *o, ent_rp *rp)
{
    const ent_registry *reg;
    ent_ix_config cfg;
    ent_status st;
    int a, b, from = o->from, to = o->to, latest = 0;
    double *v = NULL; /* the group's values of one measure, vcap allocated */
    size_t vcap = 0;
    scored s = {0};

    memset(rp, 0, sizeof *rp);
    rp->ctx = ctx;
    if (!from != !to || from > to || to - from > 250 || o->draws < 1)
        return ent_err(ctx, ENT_EINVAL, "report: give --from and --to together, in order, at "
                                        "most 250 years apart, and at least one draw");
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_ix_config_load(ctx, o->config, &cfg)) != ENT_OK ||
        (st = ent_ix_config_check(ctx, o->config ? o->config : "index-default.conf", &cfg,
                                  ent_db_sqlite(db))) != ENT_OK ||
        (st = ent_ix_pair(ctx, reg, o->pair, to ? to : o->year, &a, &b)) != ENT_OK)
        return st;
    if (!to) {
        if ((st = ent_ix_latest_complete(ctx, ent_db_sqlite(db), &cfg, a, b, &to)) != ENT_OK)
            return st;
        if (o->year > to)
            to = o->year;
        from = to - 14;
    }
    if (o->year && (o->year < from || o->year > to))
        return ent_err(ctx, ENT_EINVAL, "--year %d is outside %d-%d", o->year, from, to);
    if ((st = ent_rp_alloc(ctx, rp, from, to, cfg.nterms, 0)) != ENT_OK)
        return st;
    snprintf(rp->subject, sizeof rp->subject, "%s-%s", ent_state_abb(reg, a),
             ent_state_abb(reg, b));
    snprintf(rp->group, sizeof rp->group, "%s", o->group);
    snprintf(rp->command, sizeof rp->command, "%s", o->command ? o->command : "");
    snprintf(rp->norm, sizeof rp->norm, "%s", ent_norm_name(o->norm));
    rp->draws = o->draws;
    rp->seed = o->seed;
    memcpy(rp->dimw, cfg.dimw, sizeof rp->dimw);
    for (int k = 0; k < cfg.nterms; k++) {
        ent_rp_term *tm = &rp->terms[k];
        tm->dim = cfg.terms[k].dim;
        snprintf(tm->expr, sizeof tm->expr, "%s", cfg.terms[k].expr);
        tm->weight = cfg.terms[k].weight;
        tm->reverse = cfg.terms[k].reverse;
        term_source(&cfg.terms[k], tm->source, sizeof tm->source);
    }

    /* 1. every year of the span */
    for (int t = from; t <= to; t++) {
        int ti = t - from;
        size_t ny = (size_t)rp->nyears;
        if (!ent_state_member(reg, a, t) || !ent_state_member(reg, b, t)) {
            char m[96];
            snprintf(m, sizeof m, "%s not a dyad (not both COW system members)", rp->subject);
            note(rp, ti, m);
            for (int k = 0; k < cfg.nterms; k++)
                rp->cov[(size_t)k * ny + (size_t)ti] = ENT_RP_NODYAD;
            continue;
        }
        st = score_year(ctx, db, reg, &cfg, o, a, b, t, &s);
        if (st != ENT_OK && st != ENT_ENODATA)
            goto fail;
        if (s.y.n) { /* which terms any dyad has this year */
            for (int k = 0; k < cfg.nterms; k++)
                for (size_t r = 0; r < s.y.n; r++)
                    if (!isnan(s.y.raw[r * (size_t)cfg.nterms + (size_t)k])) {
                        if (!rp->terms[k].first)
                            rp->terms[k].first = t;
                        rp->terms[k].last = t;
                        break;
                    }
        }
        if (!s.sc) { /* no panel year (missing), or the subject is not a dyad */
            note(rp, ti, ent_errmsg(ctx));
            for (int k = 0; k < cfg.nterms; k++)
                rp->cov[(size_t)k * ny + (size_t)ti] = s.y.n ? ENT_RP_NODYAD : ENT_RP_MISSING;
            scored_free(ctx, &s);
            continue;
        }
        if (st == ENT_ENODATA)
            note(rp, ti, ent_errmsg(ctx));
        {
            const ent_ix_score *me = &s.sc[s.subject];
            long r = s.rows[s.subject];
            rp->complete[ti] = (unsigned char)me->complete;
            if (me->complete)
                latest = t;
            rp->group_n[ti] = (int)s.n - 1;
            for (int k = 0; k < cfg.nterms; k++) {
                double x = s.y.raw[(size_t)r * (size_t)cfg.nterms + (size_t)k];
                rp->cov[(size_t)k * ny + (size_t)ti] =
                    isnan(x) ? ENT_RP_MISSING : x == 0 ? ENT_RP_ZERO : ENT_RP_PRESENT;
            }
            if ((st = ent_grow(ctx, &v, &vcap, s.n, sizeof *v, RP_MAXDYADS,
                               "report: dyads")) != ENT_OK)
                goto fail;
            for (int m = 0; m < ENT_RP_NM; m++) {
                size_t k = 0, at = (size_t)m * ny + (size_t)ti;
                double q[3];
                rp->subj[at] = measure(me, m);
                for (size_t i = 0; i < s.n; i++)
                    if (i != s.subject)
                        v[k++] = measure(&s.sc[i], m);
                ent_rp_quartiles(v, k, q);
                rp->q1[at] = q[0];
                rp->med[at] = q[1];
                rp->q3[at] = q[2];
            }
        }
        scored_free(ctx, &s);
    }
    if (!latest && !o->year) {
        st = ent_err(ctx, ENT_ENODATA, "no year of %d-%d has data on all four dimensions for %s; "
                                       "give --year", from, to, rp->subject);
        goto fail;
    }

    /* 2. compare's lines for the answer years, its rows for the comparison year */
    rp->year = o->year ? o->year : latest;
    {
        int years[2], ny = 0;
        if (latest)
            years[ny++] = latest;
        if (to != latest)
            years[ny++] = to;
        for (int i = 0; i < ny; i++) {
            ent_rp_answer *an = &rp->ans[rp->nans++];
            st = compare_year(ctx, db, &cfg, o, years[i], an, years[i] == rp->year ? rp : NULL);
            if (st == ENT_ENODATA || st == ENT_EINVAL) {
                memset(an, 0, sizeof *an);
                an->year = years[i];
                snprintf(an->verdict, sizeof an->verdict, "no comparison in %d: %s.", years[i],
                         ent_errmsg(ctx));
            } else if (st != ENT_OK) {
                goto fail;
            }
        }
        if (!rp->ndyads) { /* --year outside the answer years, or no comparison there */
            ent_rp_answer scratch;
            if ((st = compare_year(ctx, db, &cfg, o, rp->year, &scratch, rp)) != ENT_OK)
                goto fail;
        }
    }
    /* 3. the subject's rank in each draw of the comparison year */
    if ((st = score_year(ctx, db, reg, &cfg, o, a, b, rp->year, &s)) != ENT_OK)
        goto fail;
    {
        ent_ix_robust rb;
        int *ranks = ent_calloc(ctx, (size_t)o->draws, sizeof *ranks);
        ent_free(ctx, rp->rank_count);
        rp->rank_count = ent_calloc(ctx, rp->ndyads + 1, sizeof *rp->rank_count);
        if (!ranks || !rp->rank_count) {
            ent_free(ctx, ranks);
            st = ent_err(ctx, ENT_ENOMEM, "report: out of memory");
            goto fail;
        }
        ent_ix_draws_ranks(&cfg, &s.y, s.rows, s.n, s.subject, o->draws,
                           (unsigned long long)o->seed, &rb, ranks);
        for (int d = 0; d < o->draws; d++)
            rp->rank_count[ranks[d] > 0 && (size_t)ranks[d] <= rp->ndyads ? ranks[d] : 0]++;
        ent_free(ctx, ranks);
    }
    scored_free(ctx, &s);
    ent_free(ctx, v);
    return load_sources(ctx, db, rp);
fail:
    scored_free(ctx, &s);
    ent_free(ctx, v);
    ent_rp_free(rp);
    return st;
}
