/*
 * agree.c -- ent_agreement, ent_agreement_with and ent_agree: UN General
 * Assembly vote agreement as a result (the library form of `entente agree`),
 * over src/measures/agree_db.c, which reads the warehouse.
 */
#include "entente/agree.h"
#include "entente/query.h"
#include "result.h"
#include "measures/agree_db.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MEAS_AGREE, MEAS_S, MEAS_PI, MEAS_KAPPA, NMEAS };
static const char *const mnames[NMEAS] = {"agree", "s", "pi", "kappa"};

/* A checked query: the measures as indexes, the weights and filters. */
typedef struct spec {
    int sel[NMEAS], nsel;
    ent_agree_opts ao;
} spec;

static double mval(const ent_agree_row *r, int m)
{
    switch (m) {
    case MEAS_AGREE: return r->agree;
    case MEAS_S: return r->s;
    case MEAS_PI: return r->pi;
    default: return r->kappa;
    }
}

/* parse_measures fills sel from the comma list; the count, 0 when bad. */
static int parse_measures(const char *list, int *sel)
{
    int k = 0;
    const char *p = list;
    if (!*p)
        return 0;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int found = -1;
        for (int m = 0; m < NMEAS; m++)
            if (strlen(mnames[m]) == len && !strncmp(p, mnames[m], len))
                found = m;
        if (found < 0 || k == NMEAS)
            return 0;
        for (int i = 0; i < k; i++)
            if (sel[i] == found)
                return 0;
        sel[k++] = found;
        p = e ? e + 1 : p + len;
    }
    return k;
}

static ent_status check(ent_ctx *ctx, const ent_agree_query *q, spec *s)
{
    static const ent_agree_query none = {0};
    int w;
    if (!q)
        q = &none;
    memset(s, 0, sizeof *s);
    s->ao.wt = ENT_AGREE_QUADRATIC;
    for (int m = 0; m < NMEAS; m++)
        s->sel[m] = m;
    s->nsel = NMEAS;
    if (q->measures && !(s->nsel = parse_measures(q->measures, s->sel)))
        return ent_err(ctx, ENT_EINVAL, "--measure: '%s' is not a comma list of agree, s, pi, "
                                        "kappa", q->measures);
    if (q->weights) {
        if ((w = ent_agree_wt_parse(q->weights)) < 0)
            return ent_err(ctx, ENT_EINVAL, "--weights: '%s' is not nominal, linear or "
                                            "quadratic", q->weights);
        s->ao.wt = (ent_agree_wt)w;
    }
    if (q->from && q->to && (q->from > q->to || q->to - q->from > 500))
        return ent_err(ctx, ENT_EINVAL, "--from %d --to %d is not a year range", q->from, q->to);
    s->ao.issue = q->issue;
    s->ao.important = q->important != 0;
    s->ao.calendar = q->calendar != 0;
    return ENT_OK;
}

ent_status ent_agree_query_check(ent_ctx *ctx, const ent_agree_query *q)
{
    spec s;
    return check(ctx, q, &s);
}

/* years writes "2024 has" or "2020-2024 have". */
static void years(char *b, size_t n, int lo, int hi)
{
    if (lo == hi)
        snprintf(b, n, "%d has", lo);
    else
        snprintf(b, n, "%d-%d have", lo, hi);
}

/* coverage_notes says where the votes end in [from, to], and whether a row
 * shown is of the partial year. */
static void coverage_notes(ent_result *r, const ent_agree_opts *ao, const ent_agree_cover *c,
                           int from, int to, int partial_shown)
{
    const char *what = ao->important ? "the important-vote flags" : "the UN votes";
    char span[32];
    if (!c->year_hi) {
        ent_result_add_note(r, "coverage", "%s cover no year", what);
        return;
    }
    if (from < c->year_lo) {
        years(span, sizeof span, from, to < c->year_lo - 1 ? to : c->year_lo - 1);
        ent_result_add_note(r, "coverage", "%s begin in %d: %s no data", what, c->year_lo, span);
    }
    if (to > c->year_hi) {
        years(span, sizeof span, from > c->year_hi + 1 ? from : c->year_hi + 1, to);
        ent_result_add_note(r, "coverage", "%s end in %d (%s, last roll call %s): %s no data",
                            what, c->year_hi, c->source_hi, c->last_date, span);
    }
    if (!partial_shown)
        return;
    if (ao->calendar)
        ent_result_add_note(r, "coverage", "calendar year %d is partial: the votes end on %s "
                            "(%s)", c->partial, c->last_date, c->source_hi);
    else
        ent_result_add_note(r, "coverage", "%d is partial: session %d was still open when %s "
                            "ends (last roll call %s)", c->partial, c->partial_session,
                            c->source_hi, c->last_date);
}

/* rows_result makes the result of rows[0 .. n) with the notes. */
static ent_status rows_result(ent_db *db, const ent_registry *reg, const spec *s,
                              const ent_agree_cover *cov, const ent_agree_year *rows, size_t n,
                              int from, int to, const char *info, ent_result **out)
{
    ent_result_coldef cols[5 + NMEAS] = {
        {"a", ENT_COL_TEXT, 0}, {"b", ENT_COL_TEXT, 0}, {"year", ENT_COL_INT, 0},
        {"n", ENT_COL_INT, 0}};
    const ent_agree_opts *ao = &s->ao;
    int shown = 0;
    ent_result *r;
    ent_status st;

    for (int i = 0; i < s->nsel; i++)
        cols[4 + i] = (ent_result_coldef){mnames[s->sel[i]], ENT_COL_REAL, 4};
    cols[4 + s->nsel] = (ent_result_coldef){"partial", ENT_COL_INT, 0};
    if ((st = ent_result_new(db->ctx, cols, (size_t)(5 + s->nsel), &r)) != ENT_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const ent_agree_year *y = &rows[i];
        ent_result_row(r);
        ent_result_set_text(r, 0, ent_state_abb(reg, y->a));
        ent_result_set_text(r, 1, ent_state_abb(reg, y->b));
        ent_result_set_int(r, 2, y->year);
        ent_result_set_int(r, 3, y->m.n);
        for (int k = 0; k < s->nsel; k++)
            ent_result_set_real(r, (size_t)(4 + k), mval(&y->m, s->sel[k]));
        ent_result_set_int(r, (size_t)(4 + s->nsel),
                           y->m.n == ENT_NA ? ENT_NA : y->year == cov->partial);
        shown |= cov->partial && y->year == cov->partial && y->m.n != ENT_NA;
    }
    coverage_notes(r, ao, cov, from, to, shown);
    if (info)
        ent_result_add_note(r, "info", "%s", info);
    ent_result_add_note(r, "info", "pi and kappa with %s weights%s%s%s; year = %s",
                        ent_agree_wt_name(ao->wt), ao->issue ? "; issue " : "",
                        ao->issue ? ao->issue : "", ao->important ? "; important votes only" : "",
                        ao->calendar ? "calendar year of the vote" : "session + 1945");
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

/* prepare checks q and the warehouse and reads the coverage. */
static ent_status prepare(ent_db *db, const ent_agree_query *q, spec *s, const ent_registry **reg,
                          ent_agree_cover *cov)
{
    ent_status st;
    if ((st = check(db->ctx, q, s)) != ENT_OK || (st = ent_db_registry(db, reg)) != ENT_OK ||
        (st = ent_agree_check(db, &s->ao)) != ENT_OK)
        return st;
    return ent_agree_coverage(db, &s->ao, cov);
}

ent_status ent_agreement(ent_db *db, const char *sa, const char *sb, const ent_agree_query *q,
                         ent_result **out)
{
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    ent_agree_cover cov;
    ent_agree_year *rows = NULL;
    int from = q ? q->from : 0, to = q ? q->to : 0, explicit_range = from || to, ca, cb;
    size_t k = 0;
    ent_status st;
    spec s;

    *out = NULL;
    if ((st = prepare(db, q, &s, &reg, &cov)) != ENT_OK)
        return st;
    if (!from)
        from = cov.year_lo ? cov.year_lo : ENT_UN_YEAR_LO;
    if (!to)
        to = cov.year_hi ? cov.year_hi : from;
    if (from > to || to - from > 500)
        return ent_err(ctx, ENT_EINVAL, "--from %d --to %d is not a year range", from, to);
    if ((st = ent_state_resolve(ctx, reg, sa, 0, &ca)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, sb, 0, &cb)) != ENT_OK)
        return st;
    if (ca == cb)
        return ent_err(ctx, ENT_EINVAL, "%s and %s are the same state", sa, sb);
    if (!(rows = ent_calloc(ctx, (size_t)(to - from + 1), sizeof *rows)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_agree_dyad(db, ca, cb, from, to, &s.ao, rows)) == ENT_OK) {
        char none[160] = "";
        for (int i = 0; i <= to - from; i++)
            if (explicit_range || rows[i].dyad)
                rows[k++] = rows[i];
        if (!k)
            snprintf(none, sizeof none, "%s and %s are never both COW system members in %d-%d",
                     ent_state_abb(reg, ca), ent_state_abb(reg, cb), from, to);
        st = rows_result(db, reg, &s, &cov, rows, k, from, to, *none ? none : NULL, out);
    }
    ent_free(ctx, rows);
    return st;
}

/* A row of ent_agreement_with with the value it is sorted by (qsort has no
 * user data, and a library keeps no global state). */
typedef struct keyed {
    double v;
    ent_agree_year y;
} keyed;

static int by_value(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v < b->v ? 1 : -1;
    if (a->y.m.n != b->y.m.n)
        return a->y.m.n < b->y.m.n ? 1 : -1;
    return (a->y.b > b->y.b) - (a->y.b < b->y.b);
}

ent_status ent_agreement_with(ent_db *db, const char *sa, int year, int top,
                              const ent_agree_query *q, ent_result **out)
{
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    ent_agree_cover cov;
    ent_agree_year *rows = NULL;
    size_t cap, n = 0, k = 0;
    ent_status st;
    int ca;
    spec s;

    *out = NULL;
    if (top < 0)
        return ent_err(ctx, ENT_EINVAL, "--top: %d is not a count >= 0", top);
    if ((st = prepare(db, q, &s, &reg, &cov)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, sa, year, &ca)) != ENT_OK)
        return st;
    (void)ent_state_codes(reg, &cap);
    if (!(rows = ent_calloc(ctx, cap ? cap : 1, sizeof *rows)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if ((st = ent_agree_with(db, ca, year, &s.ao, rows, cap, &n)) == ENT_OK) {
        keyed *ks = ent_calloc(ctx, n ? n : 1, sizeof *ks);
        if (!ks) {
            ent_free(ctx, rows);
            return ent_err(ctx, ENT_ENOMEM, "out of memory");
        }
        for (size_t i = 0; i < n; i++) /* the pairs with a value of the sort measure */
            if (!isnan(mval(&rows[i].m, s.sel[0])))
                ks[k++] = (keyed){mval(&rows[i].m, s.sel[0]), rows[i]};
        qsort(ks, k, sizeof *ks, by_value);
        if (top && (size_t)top < k)
            k = (size_t)top;
        for (size_t i = 0; i < k; i++)
            rows[i] = ks[i].y;
        ent_free(ctx, ks);
        st = rows_result(db, reg, &s, &cov, rows, k, year, year, NULL, out);
    }
    ent_free(ctx, rows);
    return st;
}

ent_status ent_agree(ent_db *db, const char *a, const char *b, int from, int to,
                     ent_result **out)
{
    ent_agree_query q = {0};
    q.from = from;
    q.to = to;
    return ent_agreement(db, a, b, &q, out);
}
