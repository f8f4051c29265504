/*
 * query.c -- the index's three queries behind compare.h: compare a dyad with
 * a group (one year or a range of years), rank the dyads of a year, and one
 * dyad's trend.  Each builds an ent_ix_result (rows and notes); the CLI only
 * prints it.  Coverage: a year past a source's last covered year (from the
 * codebook) is a COVERAGE note naming the source, its last year and the
 * indicators it takes away.
 */
#include "compare.h"
#include "panel/panel.h"
#include "store/store.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const compare_cols[] = {"a",          "b",         "year",     "personal",
                                           "economic",   "military",  "diplomatic",
                                           "composite",  "rank",      "group_size",
                                           "is_subject"};
static const char *const rank_cols[] = {"rank",     "a",        "b",          "year",
                                        "personal", "economic", "military",   "diplomatic",
                                        "composite", "complete"};
static const char *const trend_cols[] = {
    "a",        "b",         "year",       "personal",        "personal_rank",
    "economic", "economic_rank", "military", "military_rank", "diplomatic",
    "diplomatic_rank", "composite", "rank", "dyads",       "complete"};

/* ------------------------------------------------------------ the result */

/* The caps on a result's arrays (ent_grow).  Rows: compare --with all over
 * every panel year is about 19,000 dyads x 209 years = 4 million; notes: a
 * handful per year; years: one per scored year; a group: at most the dyads
 * of a year (ent_ix_group's cap). */
#define IX_MAXROWS (1u << 24)
#define IX_MAXNOTES (1u << 20)
#define IX_MAXYEARS (1u << 16)
#define IX_MAXGROUP (1u << 20)

static ent_status new_result(ent_ctx *ctx, ent_ix_kind kind, ent_ix_result **out)
{
    ent_ix_result *r = ent_calloc(ctx, 1, sizeof *r);
    *out = NULL;
    if (!r)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    r->kind = kind;
    r->cols = kind == ENT_IX_COMPARE ? compare_cols : kind == ENT_IX_RANK ? rank_cols : trend_cols;
    r->ncols = kind == ENT_IX_COMPARE ? sizeof compare_cols / sizeof *compare_cols
               : kind == ENT_IX_RANK  ? sizeof rank_cols / sizeof *rank_cols
                                      : sizeof trend_cols / sizeof *trend_cols;
    *out = r;
    return ENT_OK;
}

void ent_ix_result_free(ent_ctx *ctx, ent_ix_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->nnotes; i++)
        ent_free(ctx, res->notes[i].text);
    ent_free(ctx, res->notes);
    ent_free(ctx, res->rows);
    ent_free(ctx, res->years);
    ent_free(ctx, res);
}

static ent_status add_note(ent_ctx *ctx, ent_ix_result *res, ent_ix_note_kind kind, int year,
                           const char *fmt, ...) ENT_PRINTF(5, 6);

static ent_status add_note(ent_ctx *ctx, ent_ix_result *res, ent_ix_note_kind kind, int year,
                           const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    ent_ix_note *n;
    if (ent_grow(ctx, &res->notes, &res->notes_cap, res->nnotes + 1, sizeof *res->notes,
                 IX_MAXNOTES, "index: notes of a result") != ENT_OK)
        return ENT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    n = res->notes + res->nnotes;
    n->kind = kind;
    n->year = year;
    if (!(n->text = ent_strdup(ctx, buf)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    res->nnotes++;
    return ENT_OK;
}

static ent_ix_row *add_row(ent_ctx *ctx, ent_ix_result *res)
{
    ent_ix_row *r;
    if (ent_grow(ctx, &res->rows, &res->rows_cap, res->nrows + 1, sizeof *res->rows, IX_MAXROWS,
                 "index: rows of a result") != ENT_OK)
        return NULL;
    r = res->rows + res->nrows++;
    memset(r, 0, sizeof *r);
    return r;
}

static void fill_row(ent_ix_row *row, const ent_registry *reg, int year, int c1, int c2,
                     const ent_ix_score *s)
{
    row->year = year;
    row->c1 = c1;
    row->c2 = c2;
    snprintf(row->abb1, sizeof row->abb1, "%s", ent_state_abb(reg, c1));
    snprintf(row->abb2, sizeof row->abb2, "%s", ent_state_abb(reg, c2));
    memcpy(row->dim, s->dim, sizeof row->dim);
    row->composite = s->composite;
    row->complete = s->complete;
}

void ent_ix_lacks_text(const ent_ix_row *row, char *buf, size_t cap)
{
    size_t o = 0;
    if (cap)
        buf[0] = '\0';
    for (int d = 0; d < ENT_NDIM; d++)
        if (isnan(row->dim[d]) && o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", o ? ", " : "", ent_ix_dims[d]);
}

/* ------------------------------------------------------------ scoring */

ent_status ent_ix_score_year(ent_ctx *ctx, const ent_ix_config *cfg, const ent_ix_year *y,
                             ent_norm m, ent_ix_score **scp, int **rkp)
{
    ent_ix_score *sc = ent_malloc(ctx, (y->n ? y->n : 1) * sizeof *sc);
    int *rk = ent_malloc(ctx, (ENT_NDIM + 1) * (y->n ? y->n : 1) * sizeof *rk);
    double *v = ent_malloc(ctx, (y->n ? y->n : 1) * sizeof *v);
    *scp = NULL;
    *rkp = NULL;
    if (!sc || !rk || !v) {
        ent_free(ctx, sc);
        ent_free(ctx, rk);
        ent_free(ctx, v);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    for (size_t r = 0; r < y->n; r++)
        ent_ix_score_row(cfg, y, r, m, NULL, NULL, NULL, &sc[r]);
    for (int d = 0; d <= ENT_NDIM; d++) {
        for (size_t r = 0; r < y->n; r++)
            v[r] = d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite;
        ent_ix_rank_values(v, y->n, rk + (size_t)d * y->n);
    }
    ent_free(ctx, v);
    *scp = sc;
    *rkp = rk;
    return ENT_OK;
}

/* coverage adds a COVERAGE note for each source whose codebook coverage ends
 * before `to`, naming the config's indicators it takes away. */
static ent_status coverage(ent_ctx *ctx, ent_ix_result *res, const ent_ix_config *cfg, int from,
                           int to)
{
    const char *done[ENT_IX_MAXTERMS * 2];
    int ndone = 0;
    ent_status st = ENT_OK;
    for (int i = 0; i < cfg->nterms && st == ENT_OK; i++)
        for (int c = 0; c < (cfg->terms[i].op ? 2 : 1); c++) {
            int k = ent_panel_find(cfg->terms[i].col[c]), seen = 0, hi;
            const char *src;
            char list[2048], span[32];
            size_t o = 0;
            int nlist = 0, first;
            if (k < 0 || !ent_panel_indicators[k].hi || ent_panel_indicators[k].hi >= to ||
                cfg->terms[i].weight <= 0)
                continue;
            src = ent_panel_indicators[k].source;
            hi = ent_panel_indicators[k].hi;
            for (int j = 0; j < ndone; j++)
                seen |= !strcmp(done[j], src);
            if (seen)
                continue;
            done[ndone++] = src;
            list[0] = '\0';
            for (int t = i; t < cfg->nterms; t++) { /* the terms this source ends */
                int hit = 0;
                for (int cc = 0; cc < (cfg->terms[t].op ? 2 : 1); cc++) {
                    int kk = ent_panel_find(cfg->terms[t].col[cc]);
                    hit |= kk >= 0 && !strcmp(ent_panel_indicators[kk].source, src) &&
                           ent_panel_indicators[kk].hi == hi;
                }
                if (hit && cfg->terms[t].weight > 0 && o < sizeof list) {
                    o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "",
                                          cfg->terms[t].expr);
                    nlist++;
                }
            }
            first = from > hi ? from : hi + 1;
            if (first == to)
                snprintf(span, sizeof span, "%d", to);
            else
                snprintf(span, sizeof span, "%d-%d", first, to);
            st = add_note(ctx, res, ENT_IX_NOTE_COVERAGE, 0,
                          "coverage: %s ends in %d; %s %s missing in %s", src, hi, list,
                          nlist > 1 ? "are" : "is", span);
            break;
        }
    return st;
}

/* ------------------------------------------------------------ compare */

typedef struct tickctx {
    const ent_ix_opts *o;
    long long base, total;
} tickctx;

static void tick(void *ud, int done)
{
    tickctx *t = ud;
    t->o->progress(t->o->progress_ud, t->base + done, t->total);
}

/* unstored reports whether term t is a partial-coverage indicator (stated
 * coverage 0-0 in the codebook: event data, meetings) with no value for any
 * dyad of y: data never stored, not a source that ended. */
static int unstored(const ent_ix_config *cfg, const ent_ix_year *y, int t)
{
    int k = ent_panel_find(cfg->terms[t].col[0]);
    if (k < 0 || ent_panel_indicators[k].hi)
        return 0;
    for (size_t r = 0; r < y->n; r++)
        if (!isnan(y->raw[r * (size_t)cfg->nterms + (size_t)t]))
            return 0;
    return 1;
}

/* carried writes, for the subject's dimensions that rest on part of their
 * indicators, "economic on trade_total (1 of 3)"; returns how many.  Terms
 * never stored for the year (unstored) are not counted. */
static int carried(const ent_ix_config *cfg, const ent_ix_year *y, size_t r,
                   const ent_ix_score *s, char *buf, size_t cap)
{
    size_t o = 0;
    int nd = 0;
    buf[0] = '\0';
    for (int d = 0; d < ENT_NDIM; d++) {
        int k = 0, total = 0, present = 0;
        char list[1024];
        size_t lo = 0;
        list[0] = '\0';
        if (!s->present[d])
            continue;
        for (int t = 0; t < cfg->nterms; t++) {
            if (cfg->terms[t].dim != d || cfg->terms[t].weight <= 0)
                continue;
            if (!isnan(y->raw[r * (size_t)cfg->nterms + (size_t)t])) {
                present++;
                total++;
                if (lo < sizeof list)
                    lo += (size_t)snprintf(list + lo, sizeof list - lo, "%s%s", k++ ? ", " : "",
                                           cfg->terms[t].expr);
            } else if (!unstored(cfg, y, t)) {
                total++;
            }
        }
        if (present == total)
            continue;
        if (o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s on %s (%d of %d)", nd++ ? "; " : "",
                                  ent_ix_dims[d], list, present, total);
    }
    return nd;
}

static ent_status compare_year(ent_ctx *ctx, ent_db *db, const ent_registry *reg,
                               const ent_ix_opts *opt, int year, int a, int b, int range,
                               tickctx *tk, ent_ix_result *res)
{
    const ent_ix_config *cfg = opt->cfg;
    sqlite3 *sq = ent_db_sqlite(db);
    ent_ix_year y;
    ent_ix_score *sc = NULL;
    long *rows = NULL, subj_row;
    size_t n = 0, subject = 0, *order = NULL;
    int *rk = NULL, anchor = 0;
    double *v = NULL;
    ent_ix_verdict vd;
    ent_ix_yearres *yr;
    ent_status st;
    char line[2048], miss[2048];
    const char *name = res->subject;

    if ((st = ent_ix_load_year(ctx, sq, cfg, year, &y)) != ENT_OK) {
        if (range && st == ENT_ENODATA)
            return add_note(ctx, res, ENT_IX_NOTE_SKIP, year, "%d: %s", year, ent_errmsg(ctx));
        return st;
    }
    if ((subj_row = ent_ix_find(&y, a, b)) < 0) {
        int who = ent_state_member(reg, a, year) ? b : a;
        ent_ix_year_free(ctx, &y);
        if (range)
            return add_note(ctx, res, ENT_IX_NOTE_SKIP, year,
                            "%d: %s is not a dyad (%s was not a COW system member)", year, name,
                            ent_state_abb(reg, who));
        return ent_err(ctx, ENT_ENODATA, "%s-%s is not a dyad in %d: %s was not a COW system "
                                         "member", ent_state_abb(reg, a), ent_state_abb(reg, b),
                       year, ent_state_abb(reg, who));
    }
    if ((st = ent_ix_group(ctx, sq, reg, &y, opt->group, &rows, &n)) != ENT_OK) {
        ent_ix_year_free(ctx, &y);
        if (range && st == ENT_ENODATA)
            return add_note(ctx, res, ENT_IX_NOTE_SKIP, year, "%d: %s", year, ent_errmsg(ctx));
        return st;
    }
    { /* the subject is in the table, first among equals */
        size_t i;
        for (i = 0; i < n && rows[i] != subj_row; i++)
            ;
        if (i == n) {
            size_t rcap = n; /* ent_ix_group's array holds at least its n rows */
            if ((st = ent_grow(ctx, &rows, &rcap, n + 1, sizeof *rows, IX_MAXGROUP,
                               "index: dyads of a group")) != ENT_OK)
                goto out;
            rows[n++] = subj_row;
        }
        for (i = 0; i < n; i++)
            if (rows[i] == subj_row)
                subject = i;
    }
    if (n < 2) {
        if (range)
            st = add_note(ctx, res, ENT_IX_NOTE_SKIP, year,
                          "%d: the group has no dyad other than %s", year, name);
        else
            st = ent_err(ctx, ENT_ENODATA, "the group has no dyad other than %s in %d", name,
                         year);
        goto out;
    }
    sc = ent_malloc(ctx, n * sizeof *sc);
    rk = ent_malloc(ctx, (ENT_NDIM + 1) * n * sizeof *rk);
    v = ent_malloc(ctx, n * sizeof *v);
    order = ent_malloc(ctx, n * sizeof *order);
    if ((st = ent_grow(ctx, &res->years, &res->years_cap, res->nyears + 1, sizeof *res->years,
                       IX_MAXYEARS, "index: years of a comparison")) != ENT_OK)
        goto out;
    if (!sc || !rk || !v || !order) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        ent_ix_score_row(cfg, &y, (size_t)rows[i], opt->norm, NULL, NULL, NULL, &sc[i]);
    for (int d = 0; d <= ENT_NDIM; d++) {
        for (size_t i = 0; i < n; i++)
            v[i] = d < ENT_NDIM ? sc[i].dim[d] : sc[i].composite;
        ent_ix_rank_values(v, n, rk + (size_t)d * n);
    }
    ent_ix_verdict_count(sc, n, subject, &vd);
    /* the state every other dyad of the group shares (USA in allies:USA) is shown first */
    for (int side = 0; side < 2 && !anchor; side++) {
        size_t i;
        int cand = side ? y.c2[rows[subject ? 0 : 1]] : y.c1[rows[subject ? 0 : 1]];
        for (i = 0; i < n; i++)
            if (i != subject && y.c1[rows[i]] != cand && y.c2[rows[i]] != cand)
                break;
        if (i == n)
            anchor = cand;
    }
    /* rows by composite rank; missing composites last (a stable insertion sort) */
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = 1; i < n; i++) {
        size_t t = order[i], j = i;
        int rt = rk[ENT_NDIM * n + t] ? rk[ENT_NDIM * n + t] : 1 << 30;
        while (j > 0) {
            size_t u = order[j - 1];
            int ru = rk[ENT_NDIM * n + u] ? rk[ENT_NDIM * n + u] : 1 << 30;
            if (ru <= rt)
                break;
            order[j] = u;
            j--;
        }
        order[j] = t;
    }
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        long r = rows[i];
        int c1 = y.c1[r], c2 = y.c2[r];
        ent_ix_row *row;
        if (i == subject) { /* the subject in the order the user gave */
            c1 = a;
            c2 = b;
        } else if (anchor ? c2 == anchor : (c2 == a || c2 == b)) {
            int t = c1;
            c1 = c2;
            c2 = t;
        }
        if (!(row = add_row(ctx, res))) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        fill_row(row, reg, year, c1, c2, &sc[i]);
        row->rank = rk[ENT_NDIM * n + i];
        for (int d = 0; d < ENT_NDIM; d++)
            row->dim_rank[d] = rk[(size_t)d * n + i];
        row->n = (int)n;
        row->is_subject = i == subject;
    }
    yr = &res->years[res->nyears++];
    memset(yr, 0, sizeof *yr);
    yr->year = year;
    yr->dyads = y.n;
    yr->group = n;
    yr->verdict = vd;
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < ENT_NDIM; d++)
            yr->group_missing[d] += i != subject && isnan(sc[i].dim[d]);

    (void)ent_ix_missing_text(cfg, &y, (size_t)subj_row, miss, sizeof miss);
    ent_ix_verdict_text(&vd, name, line, sizeof line);
    if (!range)
        st = add_note(ctx, res, ENT_IX_NOTE_INFO, year,
                      "scores 0-100 among all %zu dyads of %d (%s); * = a dimension missing "
                      "from the composite", y.n, year, ent_norm_name(opt->norm));
    if (st == ENT_OK)
        st = range ? add_note(ctx, res, ENT_IX_NOTE_VERDICT, year, "%d: %s.", year, line)
                   : add_note(ctx, res, ENT_IX_NOTE_VERDICT, year, "%s.", line);
    if (st == ENT_OK)
        st = add_note(ctx, res, ENT_IX_NOTE_MISSING, year, "missing for %s in %d: %s", name,
                      year, miss);
    if (st == ENT_OK && carried(cfg, &y, (size_t)subj_row, &sc[subject], line, sizeof line))
        st = add_note(ctx, res, ENT_IX_NOTE_CARRIED, year,
                      "%s in %d rests on part of its indicators: %s", name, year, line);
    if (st == ENT_OK && range) { /* what the year's claim cannot see */
        char ds[256] = "", dg[256] = "";
        size_t os = 0, og = 0, others = n - 1;
        for (int d = 0; d < ENT_NDIM; d++) {
            if (cfg->dimw[d] <= 0)
                continue;
            if (isnan(sc[subject].dim[d]))
                os += (size_t)snprintf(ds + os, sizeof ds - os, "%s%s", os ? ", " : "",
                                       ent_ix_dims[d]);
            if (2 * (size_t)yr->group_missing[d] > others)
                og += (size_t)snprintf(dg + og, sizeof dg - og, "%s%s (%d of %zu)",
                                       og ? ", " : "", ent_ix_dims[d], yr->group_missing[d],
                                       others);
        }
        st = add_note(ctx, res, ENT_IX_NOTE_DIMS, year,
                      "%d: missing for %s: %s; missing for most of the group: %s", year, name,
                      os ? ds : "none", og ? dg : "none");
    }
    if (st == ENT_OK && opt->draws > 0 && (long long)opt->draws * (long long)n > ENT_IX_MAX_DYAD_DRAWS)
        st = ent_err(ctx, ENT_EINVAL,
                     "%d draws over a group of %zu dyads in %d is %lld dyad-draws, more than the "
                     "cap of %lld (about 30 s): give at most %lld draws", opt->draws, n, year,
                     (long long)opt->draws * (long long)n, ENT_IX_MAX_DYAD_DRAWS,
                     ENT_IX_MAX_DYAD_DRAWS / (long long)n);
    if (st == ENT_OK && opt->draws > 0) {
        ent_ix_draws_cb(cfg, &y, rows, n, subject, opt->draws, opt->seed, &yr->robust,
                        opt->progress ? tick : NULL, tk);
        yr->has_robust = 1;
        tk->base += opt->draws;
        if (opt->progress)
            opt->progress(opt->progress_ud, tk->base, tk->total);
        ent_ix_robust_text(&yr->robust, name, (long long)opt->seed, line, sizeof line);
        st = range ? add_note(ctx, res, ENT_IX_NOTE_ROBUST, year, "%d: %s", year, line)
                   : add_note(ctx, res, ENT_IX_NOTE_ROBUST, year, "%s", line);
    }
out:
    ent_free(ctx, sc);
    ent_free(ctx, rk);
    ent_free(ctx, v);
    ent_free(ctx, order);
    ent_free(ctx, rows);
    ent_ix_year_free(ctx, &y);
    return st;
}

/* The print order of a range's notes: the verdicts and the missing
 * dimensions end the output, one line per year each. */
static int note_order(ent_ix_note_kind k)
{
    switch (k) {
    case ENT_IX_NOTE_COVERAGE: return 0;
    case ENT_IX_NOTE_INFO: return 1;
    case ENT_IX_NOTE_SKIP: return 2;
    case ENT_IX_NOTE_MISSING: return 3;
    case ENT_IX_NOTE_CARRIED: return 4;
    case ENT_IX_NOTE_ROBUST: return 5;
    case ENT_IX_NOTE_VERDICT: return 6;
    case ENT_IX_NOTE_DIMS: return 7;
    default: return 8;
    }
}

static void sort_notes(ent_ix_result *res)
{
    for (size_t i = 1; i < res->nnotes; i++) { /* stable: years stay in order */
        ent_ix_note t = res->notes[i];
        size_t j = i;
        while (j > 0 && note_order(res->notes[j - 1].kind) > note_order(t.kind)) {
            res->notes[j] = res->notes[j - 1];
            j--;
        }
        res->notes[j] = t;
    }
}

ent_status ent_ix_compare(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opt, ent_ix_result **out)
{
    const ent_registry *reg;
    ent_ix_result *res = NULL;
    ent_status st;
    int a, b, range = opt->from || opt->to, from, to;
    tickctx tk = {opt, 0, 0};

    *out = NULL;
    if (!opt->cfg || !opt->subject || !opt->group)
        return ent_err(ctx, ENT_EINVAL, "compare: a subject A-B and a group are required");
    if (range && opt->year)
        return ent_err(ctx, ENT_EINVAL, "give either a year or a range (from, to), not both");
    if (range && (!opt->from || !opt->to))
        return ent_err(ctx, ENT_EINVAL, "a range needs both from and to");
    if (range && opt->from > opt->to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", opt->from, opt->to);
    if (opt->draws < 0 || opt->draws > ENT_IX_MAX_DRAWS)
        return ent_err(ctx, ENT_EINVAL, "draws must be 0 to %d, not %d", ENT_IX_MAX_DRAWS,
                       opt->draws);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK)
        return st;
    if ((st = ent_ix_pair(ctx, reg, opt->subject, range ? opt->to : opt->year, &a, &b)) != ENT_OK)
        return st;
    from = opt->from;
    to = opt->to;
    if (!range) {
        int year = opt->year;
        if (!year && (st = ent_ix_latest_complete(ctx, ent_db_sqlite(db), opt->cfg, a, b,
                                                  &year)) != ENT_OK) {
            if (st != ENT_ENODATA) /* out of memory, SQLite: not a dyad without data */
                return st;
            return ent_err(ctx, ENT_ENODATA, "no year has data on all four dimensions for %s-%s; "
                                             "give --year", ent_state_abb(reg, a),
                           ent_state_abb(reg, b));
        }
        from = to = year;
    }
    if ((st = new_result(ctx, ENT_IX_COMPARE, &res)) != ENT_OK)
        return st;
    snprintf(res->subject, sizeof res->subject, "%s-%s", ent_state_abb(reg, a),
             ent_state_abb(reg, b));
    res->from = from;
    res->to = to;
    tk.total = (long long)opt->draws * (to - from + 1);
    st = coverage(ctx, res, opt->cfg, from, to);
    if (st == ENT_OK && range)
        st = add_note(ctx, res, ENT_IX_NOTE_INFO, 0,
                      "scores 0-100 among all dyads of each year (%s); * = a dimension missing "
                      "from the composite", ent_norm_name(opt->norm));
    if (st == ENT_OK && strchr(opt->group, '@'))
        st = add_note(ctx, res, ENT_IX_NOTE_INFO, 0,
                      "group %s: the membership of %s, for every year scored", opt->group,
                      strchr(opt->group, '@') + 1);
    for (int t = from; t <= to && st == ENT_OK; t++)
        st = compare_year(ctx, db, reg, opt, t, a, b, range, &tk, res);
    if (st == ENT_OK && !res->nrows)
        st = ent_err(ctx, ENT_ENODATA, "%s: nothing to compare in %d-%d", res->subject, from, to);
    if (st != ENT_OK) {
        ent_ix_result_free(ctx, res);
        return st;
    }
    if (range)
        sort_notes(res);
    *out = res;
    return ENT_OK;
}

/* ------------------------------------------------------------ rank */

/* latest_any finds the latest panel year in which some dyad has all four
 * dimensions and leaves it loaded in y (*year 0 when none).  A year without
 * dyads is passed over; any other failure (memory, SQLite) is returned. */
static ent_status latest_any(ent_ctx *ctx, sqlite3 *db, const ent_ix_opts *opt, ent_ix_year *y,
                             int *year)
{
    *year = 0;
    for (int t = ENT_PANEL_YEAR_HI; t >= ENT_PANEL_YEAR_LO; t--) {
        int found = 0;
        ent_status st = ent_ix_load_year(ctx, db, opt->cfg, t, y);
        if (st == ENT_ENODATA)
            continue;
        if (st != ENT_OK)
            return st;
        for (size_t r = 0; r < y->n && !found; r++) {
            ent_ix_score s;
            ent_ix_score_row(opt->cfg, y, r, opt->norm, NULL, NULL, NULL, &s);
            found = s.complete;
        }
        if (found) {
            *year = t;
            return ENT_OK;
        }
        ent_ix_year_free(ctx, y);
    }
    return ENT_OK;
}

typedef struct rank_ix {
    int rank;
    size_t r;
} rank_ix;

static int cmp_rank(const void *x, const void *y)
{
    const rank_ix *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return (a->r > b->r) - (a->r < b->r); /* ties: panel order (ccode1, ccode2) */
}

ent_status ent_ix_rank(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opt, ent_ix_result **out)
{
    const ent_registry *reg;
    ent_ix_result *res = NULL;
    ent_ix_year y = {0};
    ent_ix_score *sc = NULL;
    int *rk = NULL, s = 0, year = opt->year, dim = opt->dim;
    rank_ix *order = NULL;
    ent_status st;
    size_t k = 0, ranked = 0, incomplete = 0, listed = 0;

    *out = NULL;
    if (!opt->cfg || opt->top < 1 || dim < 0 || dim > ENT_NDIM)
        return ent_err(ctx, ENT_EINVAL, "rank: a config, top >= 1 and a dimension are required");
    if ((st = ent_db_registry(db, &reg)) != ENT_OK)
        return st;
    if (opt->state && (st = ent_state_resolve(ctx, reg, opt->state, year, &s)) != ENT_OK)
        return st;
    if (!year) {
        if ((st = latest_any(ctx, ent_db_sqlite(db), opt, &y, &year)) != ENT_OK)
            return st;
        if (!year)
            return ent_err(ctx, ENT_ENODATA, "no year has a dyad with data on all four dimensions");
    } else if ((st = ent_ix_load_year(ctx, ent_db_sqlite(db), opt->cfg, year, &y)) != ENT_OK) {
        return st;
    }
    if (s && !ent_state_member(reg, s, year)) {
        st = ent_err(ctx, ENT_ENODATA, "%s was not a COW system member in %d",
                     ent_state_abb(reg, s), year);
        goto out;
    }
    if ((st = ent_ix_score_year(ctx, opt->cfg, &y, opt->norm, &sc, &rk)) != ENT_OK ||
        (st = new_result(ctx, ENT_IX_RANK, &res)) != ENT_OK)
        goto out;
    res->from = res->to = year;
    if (!(order = ent_malloc(ctx, (y.n ? y.n : 1) * sizeof *order))) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    {
        const int *R = rk + (size_t)dim * y.n;
        for (size_t r = 0; r < y.n; r++) {
            ranked += R[r] != 0;
            if (R[r] && (!s || y.c1[r] == s || y.c2[r] == s) && (!opt->complete_only || sc[r].complete)) {
                order[k].rank = R[r];
                order[k++].r = r;
            }
        }
        qsort(order, k, sizeof *order, cmp_rank);
        for (size_t i = 0; i < k && (int)i < opt->top; i++) {
            size_t r = order[i].r;
            int c1 = y.c1[r], c2 = y.c2[r];
            ent_ix_row *row;
            if (s && c2 == s) {
                c2 = c1;
                c1 = s;
            }
            if (!(row = add_row(ctx, res))) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
            fill_row(row, reg, year, c1, c2, &sc[r]);
            row->rank = R[r];
            for (int d = 0; d < ENT_NDIM; d++)
                row->dim_rank[d] = rk[(size_t)d * y.n + r];
            row->n = (int)y.n;
            incomplete += !sc[r].complete;
            listed++;
        }
    }
    st = coverage(ctx, res, opt->cfg, year, year);
    if (st == ENT_OK)
        st = add_note(ctx, res, ENT_IX_NOTE_INFO, year,
                      "world ranks by %s among the %zu of %zu dyads of %d with a score (%s); "
                      "scores 0-100", dim < ENT_NDIM ? ent_ix_dims[dim] : "composite", ranked,
                      y.n, year, ent_norm_name(opt->norm));
    if (st == ENT_OK && opt->complete_only)
        st = add_note(ctx, res, ENT_IX_NOTE_INCOMPLETE, year,
                      "--complete: %zu dyads%s%s have all four dimensions; only those are listed",
                      k, s ? " of " : "", s ? ent_state_abb(reg, s) : "");
    else if (st == ENT_OK && incomplete)
        st = add_note(ctx, res, ENT_IX_NOTE_INCOMPLETE, year,
                      "%zu of the %zu listed lack a dimension (complete = 0); --complete lists "
                      "only complete composites", incomplete, listed);
out:
    ent_free(ctx, order);
    ent_free(ctx, sc);
    ent_free(ctx, rk);
    ent_ix_year_free(ctx, &y);
    if (st != ENT_OK) {
        ent_ix_result_free(ctx, res);
        return st;
    }
    *out = res;
    return ENT_OK;
}

/* ------------------------------------------------------------ trend */

ent_status ent_ix_trend(ent_ctx *ctx, ent_db *db, const ent_ix_opts *opt, ent_ix_result **out)
{
    const ent_registry *reg;
    ent_ix_result *res = NULL;
    ent_status st;
    int a, b;
    size_t incomplete = 0;
    char line[2048];

    *out = NULL;
    if (!opt->cfg || !opt->subject || !opt->from || !opt->to)
        return ent_err(ctx, ENT_EINVAL, "trend: a subject A-B, from and to are required");
    if (opt->from > opt->to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", opt->from, opt->to);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK)
        return st;
    if ((st = ent_ix_pair(ctx, reg, opt->subject, opt->to, &a, &b)) != ENT_OK)
        return st;
    if ((st = new_result(ctx, ENT_IX_TREND, &res)) != ENT_OK)
        return st;
    snprintf(res->subject, sizeof res->subject, "%s-%s", ent_state_abb(reg, a),
             ent_state_abb(reg, b));
    res->from = opt->from;
    res->to = opt->to;
    st = coverage(ctx, res, opt->cfg, opt->from, opt->to);
    for (int t = opt->from; t <= opt->to && st == ENT_OK; t++) {
        ent_ix_year y;
        ent_ix_score *sc = NULL;
        int *rk = NULL;
        long r;
        ent_ix_row *row;
        if (!ent_state_member(reg, a, t) || !ent_state_member(reg, b, t)) {
            st = add_note(ctx, res, ENT_IX_NOTE_SKIP, t,
                          "%d: %s not a dyad (not both system members)", t, res->subject);
            continue;
        }
        if ((st = ent_ix_load_year(ctx, ent_db_sqlite(db), opt->cfg, t, &y)) == ENT_ENODATA) {
            st = add_note(ctx, res, ENT_IX_NOTE_SKIP, t, "%d: no dyads in the panel", t);
            continue;
        }
        if (st != ENT_OK)
            break;
        if ((r = ent_ix_find(&y, a, b)) < 0) {
            st = add_note(ctx, res, ENT_IX_NOTE_SKIP, t, "%d: %s has no row in the panel", t,
                          res->subject);
        } else if ((st = ent_ix_score_year(ctx, opt->cfg, &y, opt->norm, &sc, &rk)) == ENT_OK) {
            if (!(row = add_row(ctx, res))) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            } else {
                fill_row(row, reg, t, a, b, &sc[r]);
                for (int d = 0; d < ENT_NDIM; d++)
                    row->dim_rank[d] = rk[(size_t)d * y.n + (size_t)r];
                row->rank = rk[(size_t)ENT_NDIM * y.n + (size_t)r];
                row->n = (int)y.n;
                incomplete += row->rank && !row->complete;
                if (carried(opt->cfg, &y, (size_t)r, &sc[r], line, sizeof line))
                    st = add_note(ctx, res, ENT_IX_NOTE_CARRIED, t,
                                  "%d: %s rests on part of its indicators: %s", t, res->subject,
                                  line);
            }
        }
        ent_free(ctx, sc);
        ent_free(ctx, rk);
        ent_ix_year_free(ctx, &y);
    }
    if (st == ENT_OK && !res->nrows)
        st = ent_err(ctx, ENT_ENODATA, "%s has no row in the panel in %d-%d (not both system "
                                       "members, or no panel data)", res->subject, opt->from,
                     opt->to);
    if (st == ENT_OK)
        st = add_note(ctx, res, ENT_IX_NOTE_INFO, 0,
                      "scores 0-100 among all dyads of each year (%s); ranks are world ranks",
                      ent_norm_name(opt->norm));
    if (st == ENT_OK && incomplete)
        st = add_note(ctx, res, ENT_IX_NOTE_INCOMPLETE, 0,
                      "%zu of the %zu years rank a composite that lacks a dimension (complete = "
                      "0, marked *): its world rank is among composites however complete",
                      incomplete, res->nrows);
    if (st != ENT_OK) {
        ent_ix_result_free(ctx, res);
        return st;
    }
    *out = res;
    return ENT_OK;
}
