/*
 * cmd_idealpoints.c -- `entente idealpoints`: dynamic ordinal ideal points
 * per state-year estimated from the stored UN General Assembly votes
 * (src/ideal/), with optional bootstrap standard errors, printed and/or
 * stored in the warehouse.
 */
#include "cli.h"
#include "ideal/ideal.h"
#include "store/store.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: entente idealpoints [--from Y1 --to Y2] [--issues LIST] [--important]\n"
    "                           [--bootstrap N] [--seed S] [--store] [--omega2 V]\n"
    "                           [--tol T] [--threads N] [--format table|csv|json]\n"
    "                           [-o FILE] [--db FILE]\n"
    "\n"
    "One-dimensional ideal points per state and session year from the UN General\n"
    "Assembly votes in the warehouse: yes / abstain / no (absent and non-member\n"
    "are missing), an ordered probit per roll call and a random walk linking each\n"
    "state's years, fitted by variational EM (docs/measures.md).  The USA is on\n"
    "the positive side; location and scale are fixed by the prior (first year\n"
    "N(0,1), yearly steps N(0, omega2)).  Roll calls with one kind of vote only\n"
    "are dropped.\n"
    "\n"
    "  --from, --to   session years (year = session + 1945; default all)\n"
    "  --issues LIST  roll calls with any of these issue codes (me,nu,di,hr,co,ec)\n"
    "  --important    important votes only (US State Department list)\n"
    "  --bootstrap N  N parametric-bootstrap refits: se and the 95% interval\n"
    "  --seed S       the bootstrap's seed (default 1)\n"
    "  --store        write the estimates into the warehouse (ideal_estimates),\n"
    "                 read by the panel's ideal_distance_own\n"
    "  --omega2 V     random-walk variance per year (default 0.1)\n"
    "  --tol T        stop when one EM step moves no estimate more than T\n"
    "                 (default 1e-4)\n"
    "  --threads N    worker threads (default 2)\n"
    "\n"
    "Columns: state, ccode, year, estimate, se, lo, hi, nvotes; the convergence\n"
    "summary follows a table, and goes to stderr with csv or json.\n"
    "\n"
    "examples:\n"
    "  entente idealpoints --from 1990 --to 2019 --format csv -o ideal.csv\n"
    "  entente idealpoints --from 2010 --to 2019 --issues hr,di --bootstrap 20\n"
    "  entente idealpoints --from 2000 --to 2019 --store --format csv -o ideal2000.csv\n";

static int parse_issues(char *s, const char **out, size_t cap, size_t *n)
{
    *n = 0;
    for (char *t = strtok(s, ","); t; t = strtok(NULL, ",")) {
        if (!*t)
            continue;
        if (*n == cap)
            return 0;
        out[(*n)++] = t;
    }
    return *n > 0;
}

static int parse_double(const char *opt, const char *s, double *v)
{
    char *end;
    double x = strtod(s, &end);
    if (!*s || *end || !(x > 0) || !isfinite(x)) {
        cli_fail("idealpoints", "%s: '%s' is not a positive number", opt, s);
        return 0;
    }
    *v = x;
    return 1;
}

static void summary(FILE *fp, const ent_ideal_result *r, const ent_ideal_query *q)
{
    fprintf(fp, "idealpoints: years %d-%d, %d roll calls (%d unanimous dropped), %zu votes, "
                "%d states\n",
            q->from, q->to, r->nrc, r->nrc_dropped, r->nvotes, r->nstates);
    fprintf(fp, "convergence: %s after %d iterations, final max change %.2g, log-likelihood "
                "%.1f, %.2f s\n",
            r->converged ? "converged" : "NOT converged", r->iterations, r->change, r->loglik,
            r->seconds);
    if (r->boot_n)
        fprintf(fp, "bootstrap: %d replicates, %.1f iterations each on average, %.2f s\n",
                r->boot_n, r->boot_iter_mean, r->boot_seconds);
    fprintf(fp, "identification: ccode %d (%s) on the positive side; location and scale "
                "fixed by the prior\n",
            r->ref_ccode, r->ref_ccode == 2 ? "USA" : "the state with most votes");
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'F'},      {"to", required_argument, NULL, 'T'},
        {"issues", required_argument, NULL, 'i'},    {"important", no_argument, NULL, 'I'},
        {"bootstrap", required_argument, NULL, 'B'}, {"seed", required_argument, NULL, 's'},
        {"store", no_argument, NULL, 'S'},           {"omega2", required_argument, NULL, 'w'},
        {"tol", required_argument, NULL, 't'},       {"threads", required_argument, NULL, 'j'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {"prior-item", required_argument, NULL, 'p'}, {"prior-x", required_argument, NULL, 'x'},
        {"max-step", required_argument, NULL, 'M'},
        {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"state", "ccode", "year", "estimate", "se",
                                       "lo",    "hi",    "nvotes"};
    const char *dbpath = cli_default_db(), *outpath = NULL, *issues[32];
    int fmt = ENT_FMT_TABLE, c, rc = 0, boot = 0, seed = 1, store = 0;
    ent_ideal_query q = {1946, 2100, NULL, 0, 0};
    ent_ideal_opts io;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_ideal_data *d = NULL;
    ent_ideal_result *r = NULL;
    ent_out *o = NULL;
    const ent_registry *reg = NULL;
    ent_status st;

    ent_ideal_opts_default(&io);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': if (!cli_int("idealpoints", "--from", optarg, &q.from)) return 2; break;
        case 'T': if (!cli_int("idealpoints", "--to", optarg, &q.to)) return 2; break;
        case 'i':
            if (!parse_issues(optarg, issues, 32, &q.nissues))
                return cli_bad(&ent_verb_idealpoints, "--issues: give 1 to 32 codes, "
                                                      "comma-separated");
            q.issues = issues;
            break;
        case 'I': q.important = 1; break;
        case 'B':
            if (!cli_int("idealpoints", "--bootstrap", optarg, &boot)) return 2;
            if (boot < 2 || boot > 100000)
                return cli_bad(&ent_verb_idealpoints, "--bootstrap: %d is not in 2..100000",
                               boot);
            break;
        case 's': if (!cli_int("idealpoints", "--seed", optarg, &seed)) return 2; break;
        case 'S': store = 1; break;
        case 'w': if (!parse_double("--omega2", optarg, &io.omega2)) return 2; break;
        case 't': if (!parse_double("--tol", optarg, &io.tol)) return 2; break;
        case 'M': if (!parse_double("--max-step", optarg, &io.max_step)) return 2; break;
        case 'x': if (!parse_double("--prior-x", optarg, &io.prior_x)) return 2; break;
        case 'p': if (!parse_double("--prior-item", optarg, &io.prior_item)) return 2; break;
        case 'j':
            if (!cli_int("idealpoints", "--threads", optarg, &io.threads)) return 2;
            if (io.threads < 1 || io.threads > 16)
                return cli_bad(&ent_verb_idealpoints, "--threads: %d is not in 1..16",
                               io.threads);
            break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_idealpoints, "--format: '%s' is not table, csv or "
                                                      "json", optarg);
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_idealpoints);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_idealpoints, "unexpected argument '%s'", argv[optind]);
    if (q.from > q.to)
        return cli_bad(&ent_verb_idealpoints, "--from %d is after --to %d", q.from, q.to);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("idealpoints", "out of memory");
    if ((rc = cli_open_db("idealpoints", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_ideal_load(db, &q, &d)) != ENT_OK ||
        (st = ent_ideal_fit(ctx, d, &io, &r)) != ENT_OK ||
        (boot && (st = ent_ideal_bootstrap(r, boot, (uint64_t)seed)) != ENT_OK)) {
        rc = cli_status("idealpoints", ctx, st);
        goto out;
    }
    { /* report the years the votes span */
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
    }
    if (store && (st = ent_ideal_store(db, r, &q)) != ENT_OK) {
        rc = cli_status("idealpoints", ctx, st);
        goto out;
    }
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 8, &o)) != ENT_OK) {
        rc = cli_status("idealpoints", ctx, st);
        goto out;
    }
    for (size_t i = 0; i < r->ncells; i++) {
        const ent_ideal_cell *e = &r->cells[i];
        if (!e->nvotes)
            continue;
        ent_out_str(o, ent_state_abb(reg, e->ccode));
        ent_out_i64(o, e->ccode);
        ent_out_i64(o, e->year);
        ent_out_f64(o, e->est, 4);
        ent_out_f64(o, e->se, 4);
        ent_out_f64(o, e->lo, 4);
        ent_out_f64(o, e->hi, 4);
        ent_out_i64(o, e->nvotes);
        ent_out_row(o);
    }
    if (fmt == ENT_FMT_TABLE) {
        ent_out_note(o, "%d roll calls (%d unanimous dropped), %zu votes, %d states; %s after "
                        "%d iterations (max change %.2g), log-likelihood %.1f, %.2f s",
                     r->nrc, r->nrc_dropped, r->nvotes, r->nstates,
                     r->converged ? "converged" : "NOT converged", r->iterations, r->change,
                     r->loglik, r->seconds);
        ent_out_note(o, "identification: %s on the positive side; location and scale fixed "
                        "by the prior (first year N(0,1), steps N(0,%g))",
                     ent_state_abb(reg, r->ref_ccode), io.omega2);
        if (boot)
            ent_out_note(o, "se, lo, hi: %d parametric-bootstrap refits (seed %d), 95%% "
                            "percentile interval, %.2f s",
                         boot, seed, r->boot_seconds);
        else
            ent_out_note(o, "se, lo, hi: empty without --bootstrap N");
        if (store)
            ent_out_note(o, "stored in ideal_estimates");
    } else {
        summary(stderr, r, &q);
    }
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("idealpoints", ctx, st);
out:
    if (o)
        ent_out_close(o, 0);
    ent_ideal_result_free(r);
    ent_ideal_data_free(d);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_idealpoints = {
    "idealpoints", "dynamic ordinal ideal points per state-year from the UN votes", usage, run};
