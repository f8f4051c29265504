/*
 * ideal.c -- ent_idealpoints: the ideal-point estimator of src/ideal/ run
 * on the warehouse's votes, as a result (the library form of `entente
 * idealpoints`): load, fit, bootstrap, optionally store, then the rows and
 * the notes (data, convergence, uncertainty, identification, coverage).
 */
#include "entente/ideal.h"
#include "result.h"
#include "ideal/ideal.h"
#include "measures/agree_db.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_ISSUES 32

/* check_opts validates o and fills the model options io. */
static ent_status check_opts(ent_ctx *ctx, const ent_idealpoints_opts *o, ent_ideal_opts *io)
{
    const struct {
        const char *name;
        double v, *dst;
    } num[] = {{"omega2", o->omega2, &io->omega2},       {"tol", o->tol, &io->tol},
               {"prior_item", o->prior_item, &io->prior_item},
               {"prior_x", o->prior_x, &io->prior_x}, {"max_step", o->max_step, &io->max_step}};
    ent_ideal_opts_default(io);
    for (size_t i = 0; i < sizeof num / sizeof num[0]; i++) {
        if (num[i].v == 0)
            continue;
        if (!(num[i].v > 0) || !isfinite(num[i].v))
            return ent_err(ctx, ENT_EINVAL, "%s %g is not a positive number",
                           num[i].name, num[i].v);
        *num[i].dst = num[i].v;
    }
    if (io->max_step < 1)
        return ent_err(ctx, ENT_EINVAL, "max_step %g is below 1", io->max_step);
    if (o->threads) {
        if (o->threads < 1 || o->threads > 16)
            return ent_err(ctx, ENT_EINVAL, "threads %d is not in 1..16",
                           o->threads);
        io->threads = o->threads;
    }
    if (o->bootstrap && (o->bootstrap < 2 || o->bootstrap > 100000))
        return ent_err(ctx, ENT_EINVAL, "bootstrap %d is not 0 or in 2..100000",
                       o->bootstrap);
    if (o->from < 0 || o->to < 0 || (o->from && o->to && o->from > o->to))
        return ent_err(ctx, ENT_EINVAL, "from %d to %d is not a year range",
                       o->from, o->to);
    return ENT_OK;
}

/* split_issues copies list into buf and points codes at its comma-separated
 * parts. */
static ent_status split_issues(ent_ctx *ctx, const char *list, char *buf, size_t cap,
                               const char **codes, size_t *n)
{
    *n = 0;
    if (!list)
        return ENT_OK;
    if (strlen(list) >= cap)
        return ent_err(ctx, ENT_EINVAL, "the issue list is too long");
    strcpy(buf, list);
    for (char *p = buf, *e; p; p = e) {
        if ((e = strchr(p, ',')))
            *e++ = 0;
        if (!*p)
            continue;
        if (*n == MAX_ISSUES)
            return ent_err(ctx, ENT_EINVAL, "more than %d issue codes",
                           MAX_ISSUES);
        codes[(*n)++] = p;
    }
    if (!*n)
        return ent_err(ctx, ENT_EINVAL, "the issue list '%s' names no code", list);
    return ENT_OK;
}

/* span writes "2024 has" or "2020-2024 have" */
static void span(char *b, size_t n, int lo, int hi)
{
    if (lo == hi)
        snprintf(b, n, "%d has", lo);
    else
        snprintf(b, n, "%d-%d have", lo, hi);
}

static void coverage_notes(ent_result *res, const ent_agree_cover *c, int from, int to,
                           int asked_from, int asked_to, const ent_ideal_result *r)
{
    char s[32];
    if (asked_from && asked_from < c->year_lo) {
        span(s, sizeof s, asked_from, c->year_lo - 1);
        ent_result_add_note(res, "coverage", "the UN votes begin in %d: %s no data",
                            c->year_lo, s);
    }
    if (asked_to && asked_to > c->year_hi) {
        span(s, sizeof s, c->year_hi + 1 > asked_from ? c->year_hi + 1 : asked_from, asked_to);
        ent_result_add_note(res, "coverage", "the UN votes end in %d (%s, last roll call %s): "
                            "%s no data", c->year_hi, c->source_hi, c->last_date, s);
    }
    if (c->partial && c->partial >= from && c->partial <= to) {
        int nv = 0;
        for (size_t i = 0; i < r->ncells; i++)
            if (r->cells[i].year == c->partial)
                nv += r->cells[i].nvotes;
        ent_result_add_note(res, "coverage", "%d is partial: session %d was still open when %s "
                            "ends (last roll call %s); its estimates (partial = 1) rest on the "
                            "%d votes cast by then", c->partial, c->partial_session,
                            c->source_hi, c->last_date, nv);
    }
}

static void put_rows(ent_result *res, const ent_registry *reg, const ent_ideal_result *r,
                     int partial)
{
    for (size_t i = 0; i < r->ncells; i++) {
        const ent_ideal_cell *e = &r->cells[i];
        if (!e->nvotes)
            continue;
        ent_result_row(res);
        ent_result_set_text(res, 0, ent_state_abb(reg, e->ccode));
        ent_result_set_int(res, 1, e->ccode);
        ent_result_set_int(res, 2, e->year);
        ent_result_set_real(res, 3, e->est);
        ent_result_set_real(res, 4, e->se);
        ent_result_set_real(res, 5, e->lo);
        ent_result_set_real(res, 6, e->hi);
        ent_result_set_int(res, 7, e->nvotes);
        ent_result_set_int(res, 8, e->year == partial);
    }
}

ent_status ent_idealpoints(ent_db *db, const ent_idealpoints_opts *opts, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"state", ENT_COL_TEXT, 0}, {"ccode", ENT_COL_INT, 0},  {"year", ENT_COL_INT, 0},
        {"estimate", ENT_COL_REAL, 4}, {"se", ENT_COL_REAL, 4}, {"lo", ENT_COL_REAL, 4},
        {"hi", ENT_COL_REAL, 4},    {"nvotes", ENT_COL_INT, 0}, {"partial", ENT_COL_INT, 0}};
    static const ent_idealpoints_opts defaults = ENT_IDEALPOINTS_OPTS_INIT;
    ent_ctx *ctx = db->ctx;
    const ent_idealpoints_opts *o = opts ? opts : &defaults;
    char ibuf[256];
    const char *codes[MAX_ISSUES];
    ent_ideal_query q = {0, 0, NULL, 0, 0, 0};
    ent_ideal_opts io;
    ent_agree_opts ao = {ENT_AGREE_QUADRATIC, NULL, 0, 0};
    ent_agree_cover cov;
    const ent_registry *reg;
    ent_ideal_data *d = NULL;
    ent_ideal_result *r = NULL;
    ent_result *res = NULL;
    ent_status st;

    *out = NULL;
    if ((st = check_opts(ctx, o, &io)) != ENT_OK ||
        (st = split_issues(ctx, o->issues, ibuf, sizeof ibuf, codes, &q.nissues)) != ENT_OK)
        return st;
    q.issues = q.nissues ? codes : NULL;
    q.important = o->important;
    ao.important = o->important;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK || (st = ent_agree_check(db, &ao)) != ENT_OK ||
        (st = ent_agree_coverage(db, &ao, &cov)) != ENT_OK)
        return st;
    if (!cov.year_hi)
        return ent_err(ctx, ENT_ENODATA, "the warehouse holds no UN votes%s",
                       o->important ? " flagged important" : "");
    q.from = o->from ? o->from : cov.year_lo;
    q.to = o->to ? o->to : cov.year_hi;
    if (q.from > q.to)
        return ent_err(ctx, ENT_EINVAL, "from %d to %d is not a year range",
                       q.from, q.to);
    if ((st = ent_ideal_load(db, &q, &d)) != ENT_OK)
        return st;
    if (!ent_ideal_data_votes(d)) {
        ent_ideal_data_free(d);
        return ent_err(ctx, ENT_ENODATA, "no votes in %d-%d (the UN votes cover "
                       "%d-%d)", q.from, q.to, cov.year_lo, cov.year_hi);
    }
    if ((st = ent_ideal_fit(ctx, d, &io, &r)) != ENT_OK ||
        (o->bootstrap && (st = ent_ideal_bootstrap(r, o->bootstrap, o->seed)) != ENT_OK))
        goto done;
    { /* the years the votes span */
        int lo = 0, hi = 0;
        for (size_t i = 0; i < r->ncells; i++)
            if (r->cells[i].nvotes) {
                if (!lo || r->cells[i].year < lo)
                    lo = r->cells[i].year;
                if (r->cells[i].year > hi)
                    hi = r->cells[i].year;
            }
        q.from = lo;
        q.to = hi;
        q.partial = cov.partial >= lo && cov.partial <= hi ? cov.partial : 0;
    }
    if (o->store && (st = ent_ideal_store(db, r, &q)) != ENT_OK)
        goto done;
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &res)) != ENT_OK)
        goto done;
    put_rows(res, reg, r, cov.partial);
    ent_result_add_note(res, "data", "votes: years %d-%d, %d roll calls (%d unanimous dropped), %zu "
                        "votes, %d states", q.from, q.to, r->nrc, r->nrc_dropped, r->nvotes,
                        r->nstates);
    ent_result_add_note(res, "convergence", "convergence: %s after %d iterations, final max change %.2g, "
                        "log-likelihood %.1f, %.2f s", r->converged ? "converged" : "NOT converged",
                        r->iterations, r->change, r->loglik, r->seconds);
    if (o->bootstrap) {
        char cpu[160];
        size_t len = 0;
        cpu[0] = 0;
        for (int t = 0; t < r->boot_threads && len < sizeof cpu - 16; t++)
            len += (size_t)snprintf(cpu + len, sizeof cpu - len, "%s%.2f", t ? " + " : "",
                                    r->boot_cpu[t]);
        ent_result_add_note(res, "bootstrap", "se, lo, hi: %d parametric-bootstrap refits (seed "
                            "%llu), 95%% percentile interval, %.1f iterations each on average, "
                            "%.2f s on %d threads (CPU %s s)", r->boot_n, o->seed,
                            r->boot_iter_mean, r->boot_seconds, r->boot_threads, cpu);
    } else
        ent_result_add_note(res, "info", "se, lo, hi: empty without a bootstrap (the variational "
                            "posterior sd understates uncertainty)");
    ent_result_add_note(res, "identification", "identification: %s (ccode %d) on the positive side; location "
                        "and scale fixed by the prior (first year N(0,1), steps N(0,%g), each "
                        "year N(0,%g))", ent_state_abb(reg, r->ref_ccode), r->ref_ccode,
                        io.omega2, io.prior_x);
    coverage_notes(res, &cov, q.from, q.to, o->from, o->to, r);
    if (o->store)
        ent_result_add_note(res, "store", "stored in ideal_estimates; the next `entente build` "
                            "refreshes the panel's ideal_distance_own");
    st = ent_result_ok(res);
done:
    ent_ideal_result_free(r);
    ent_ideal_data_free(d);
    if (st != ENT_OK) {
        ent_result_free(res);
        return st;
    }
    *out = res;
    return ENT_OK;
}
