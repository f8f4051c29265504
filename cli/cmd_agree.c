/*
 * cmd_agree.c -- `entente agree A B`: UN General Assembly vote agreement of
 * a dyad, one row per year; `entente agree --with A --year Y`: the states
 * that voted most like A.
 */
#include "cli.h"
#include "measures/agree_db.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: entente agree A B [--from Y] [--to Y] [options]\n"
    "       entente agree --with A --year Y [--top N] [options]\n"
    "\n"
    "Agreement of two states in the UN General Assembly, per year, over the roll\n"
    "calls on which both voted yes, abstain or no (Voeten's data; the year of a\n"
    "roll call is its session + 1945).  Columns:\n"
    "  n      roll calls both voted on\n"
    "  agree  share of them with the identical vote\n"
    "  s      Signorino-Ritter S (yes=1, abstain=2, no=3, linear, dmax 2)\n"
    "  pi     Scott's pi, kappa  Cohen's kappa (Hage 2011; --weights, default quadratic)\n"
    "  partial 1 when the year's roll calls are incomplete (its session was still\n"
    "         open when the data end), 0 when complete, empty without data\n"
    "A year where one of them was not a COW system member has every column empty;\n"
    "where they shared no vote n is 0 and the measures are empty, never 0.  Sessions\n"
    "1-74 (1946-2019) come from unvotes, 75 on from unga_votes_voeten; a year beyond\n"
    "the votes has every column empty and stderr says where the votes end.  Without\n"
    "--from/--to, the years the dyad exists; with them, every year of the range.\n"
    "With --with, the states forming a dyad with A in --year, best first by the first\n"
    "measure of --measure (pairs with no shared vote are left out).\n"
    "\n"
    "options:\n"
    "  --from Y, --to Y     year range (default: the years with votes, 1946-2023)\n"
    "  --measure LIST       comma list of agree,s,pi,kappa (default: all)\n"
    "  --weights W          nominal, linear or quadratic (default) for pi and kappa\n"
    "  --issue CODE         only roll calls on an issue: me (Palestinian conflict),\n"
    "                       nu (nuclear weapons), di (arms control), hr (human rights),\n"
    "                       co (colonialism), ec (economic development)\n"
    "  --important          only important votes (US State Department list; unvotes\n"
    "                       only, so to 2019)\n"
    "  --calendar-year      group roll calls by the year of their date\n"
    "  --with A --year Y    the states that voted most like A in Y\n"
    "  --top N              rows for --with (default 10; 0 = all)\n"
    "  --format F           table (default), csv or json;  -o FILE  write atomically\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente agree CHN RUS --from 2018 --to 2024\n"
    "  entente agree USA GBR --from 1980 --to 1989 --format csv\n"
    "  entente agree USA Israel --issue me --weights nominal --measure kappa,s\n"
    "  entente agree --with USA --year 2019 --top 5\n";

static int run(int argc, char **argv);

const ent_verb ent_verb_agree = {"agree", "UN General Assembly vote agreement of two states",
                                 usage_text, run};

enum { MEAS_AGREE, MEAS_S, MEAS_PI, MEAS_KAPPA, NMEASURES };
static const char *const mnames[NMEASURES] = {"agree", "s", "pi", "kappa"};

static double mval(const ent_agree_row *r, int m)
{
    switch (m) {
    case MEAS_AGREE:
        return r->agree;
    case MEAS_S:
        return r->s;
    case MEAS_PI:
        return r->pi;
    default:
        return r->kappa;
    }
}

/* parse_measures fills sel with indices of LIST; returns the count, 0 when bad. */
static int parse_measures(const char *list, int *sel)
{
    int k = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int found = -1;
        for (int m = 0; m < NMEASURES; m++)
            if (strlen(mnames[m]) == len && !strncmp(p, mnames[m], len))
                found = m;
        if (found < 0 || k == NMEASURES)
            return 0;
        for (int i = 0; i < k; i++)
            if (sel[i] == found)
                return 0;
        sel[k++] = found;
        p = e ? e + 1 : p + len;
    }
    return k;
}

static void put_row(ent_out *o, const ent_registry *reg, const ent_agree_year *y, const int *sel,
                    int nsel, int partial_year)
{
    ent_out_str(o, ent_state_abb(reg, y->a));
    ent_out_str(o, ent_state_abb(reg, y->b));
    ent_out_i64(o, y->year);
    ent_out_i64(o, y->m.n);
    for (int i = 0; i < nsel; i++)
        ent_out_f64(o, mval(&y->m, sel[i]), 4);
    ent_out_i64(o, y->m.n == ENT_NA ? ENT_NA : y->year == partial_year);
    ent_out_row(o);
}

static int sort_measure; /* the measure --with sorts by */

static int by_measure(const void *pa, const void *pb)
{
    const ent_agree_year *a = pa, *b = pb;
    double x = mval(&a->m, sort_measure), y = mval(&b->m, sort_measure);
    if (x != y)
        return x < y ? 1 : -1;
    if (a->m.n != b->m.n)
        return a->m.n < b->m.n ? 1 : -1;
    return (a->b > b->b) - (a->b < b->b);
}

/* years writes "2024 has" or "2020-2024 have". */
static void years(char *b, size_t n, int lo, int hi)
{
    if (lo == hi)
        snprintf(b, n, "%d has", lo);
    else
        snprintf(b, n, "%d-%d have", lo, hi);
}

/* say_coverage tells stderr where the votes end in [from, to], and whether a
 * row shown is of the partial year. */
static void say_coverage(const ent_agree_opts *ao, const ent_agree_cover *c, int from, int to,
                         int partial_shown)
{
    const char *what = ao->important ? "the important-vote flags" : "the UN votes";
    if (!c->year_hi) {
        fprintf(stderr, "entente: agree: %s cover no year\n", what);
        return;
    }
    char span[32];
    if (from < c->year_lo) {
        years(span, sizeof span, from, to < c->year_lo - 1 ? to : c->year_lo - 1);
        fprintf(stderr, "entente: agree: %s begin in %d: %s no data\n", what, c->year_lo, span);
    }
    if (to > c->year_hi) {
        years(span, sizeof span, from > c->year_hi + 1 ? from : c->year_hi + 1, to);
        fprintf(stderr, "entente: agree: %s end in %d (%s, last roll call %s): %s no data\n",
                what, c->year_hi, c->source_hi, c->last_date, span);
    }
    if (partial_shown) {
        if (ao->calendar)
            fprintf(stderr, "entente: agree: calendar year %d is partial: the votes end on %s "
                    "(%s)\n", c->partial, c->last_date, c->source_hi);
        else
            fprintf(stderr, "entente: agree: %d is partial: session %d was still open when %s "
                    "ends (last roll call %s)\n", c->partial, c->partial_session, c->source_hi,
                    c->last_date);
    }
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'F'},    {"to", required_argument, NULL, 'T'},
        {"measure", required_argument, NULL, 'm'}, {"weights", required_argument, NULL, 'w'},
        {"issue", required_argument, NULL, 'i'},   {"important", no_argument, NULL, 'I'},
        {"calendar-year", no_argument, NULL, 'c'}, {"with", required_argument, NULL, 'W'},
        {"year", required_argument, NULL, 'y'},    {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},  {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},      {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *with = NULL;
    int from = 0, to = 0, year = 0, top = 10, fmt = ENT_FMT_TABLE, c, rc = 1, w;
    int sel[NMEASURES] = {MEAS_AGREE, MEAS_S, MEAS_PI, MEAS_KAPPA}, nsel = NMEASURES, explicit_range = 0;
    ent_agree_opts ao = {ENT_AGREE_QUADRATIC, NULL, 0, 0};
    const char *cols[5 + NMEASURES] = {"a", "b", "year", "n"};
    ent_agree_cover cov;
    ent_agree_year *rows = NULL;
    size_t nrows = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_out *o = NULL;
    ent_status st;
    int ca = 0, cb = 0;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'F':
            if (!cli_int("agree", "--from", optarg, &from))
                return 2;
            explicit_range = 1;
            break;
        case 'T':
            if (!cli_int("agree", "--to", optarg, &to))
                return 2;
            explicit_range = 1;
            break;
        case 'y':
            if (!cli_int("agree", "--year", optarg, &year))
                return 2;
            break;
        case 'n':
            if (!cli_int("agree", "--top", optarg, &top) || top < 0)
                return cli_fail("agree", "--top: '%s' is not a count >= 0", optarg) + 1;
            break;
        case 'm':
            nsel = parse_measures(optarg, sel);
            if (!nsel)
                return cli_fail("agree",
                                "--measure: '%s' is not a comma list of agree, s, pi, kappa",
                                optarg) + 1;
            break;
        case 'w':
            w = ent_agree_wt_parse(optarg);
            if (w < 0)
                return cli_fail("agree", "--weights: '%s' is not nominal, linear or quadratic",
                                optarg) + 1;
            ao.wt = (ent_agree_wt)w;
            break;
        case 'i':
            ao.issue = optarg;
            break;
        case 'I':
            ao.important = 1;
            break;
        case 'c':
            ao.calendar = 1;
            break;
        case 'W':
            with = optarg;
            break;
        case 'f':
            fmt = ent_fmt_parse(optarg);
            if (fmt < 0)
                return cli_fail("agree", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o':
            outpath = optarg;
            break;
        case 'b':
            dbpath = optarg;
            break;
        default:
            return cli_usage(&ent_verb_agree);
        }
    }
    if (with ? (optind != argc || !year) : (optind != argc - 2 || year)) {
        fprintf(stderr, "entente: agree: %s\n",
                with ? "--with A needs --year Y and no other state"
                     : "two states are needed (or --with A --year Y)");
        return cli_usage(&ent_verb_agree);
    }
    if (from && to && (from > to || to - from > 500))
        return cli_fail("agree", "--from %d --to %d is not a year range", from, to) + 1;
    for (int i = 0; i < nsel; i++)
        cols[4 + i] = mnames[sel[i]];
    cols[4 + nsel] = "partial";

    if (!(ctx = ent_ctx_new()))
        return cli_fail("agree", "out of memory");
    if ((rc = cli_open_db("agree", ctx, dbpath, &db)))
        goto out;
    rc = 1;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK || (st = ent_agree_check(db, &ao)) != ENT_OK)
        goto fail;
    if ((st = ent_agree_coverage(db, &ao, &cov)) != ENT_OK)
        goto fail;
    if (!from)
        from = cov.year_lo ? cov.year_lo : ENT_UN_YEAR_LO;
    if (!to)
        to = cov.year_hi ? cov.year_hi : from;
    if (from > to || to - from > 500) {
        rc = cli_fail("agree", "--from %d --to %d is not a year range", from, to) + 1;
        goto out;
    }
    if ((st = ent_state_resolve(ctx, reg, with ? with : argv[optind], with ? year : 0, &ca)) !=
            ENT_OK ||
        (!with && (st = ent_state_resolve(ctx, reg, argv[optind + 1], 0, &cb)) != ENT_OK))
        goto fail;

    if (with) {
        size_t cap;
        (void)ent_state_codes(reg, &cap);
        rows = ent_calloc(ctx, cap ? cap : 1, sizeof *rows);
        if (!rows) {
            rc = cli_fail("agree", "out of memory");
            goto out;
        }
        if ((st = ent_agree_with(db, ca, year, &ao, rows, cap, &nrows)) != ENT_OK)
            goto fail;
        /* keep the pairs with a value of the sort measure, best first */
        size_t k = 0;
        sort_measure = sel[0];
        for (size_t i = 0; i < nrows; i++)
            if (!isnan(mval(&rows[i].m, sort_measure)))
                rows[k++] = rows[i];
        nrows = k;
        qsort(rows, nrows, sizeof *rows, by_measure);
        if (top && (size_t)top < nrows)
            nrows = (size_t)top;
    } else {
        size_t ny = (size_t)(to - from + 1), k = 0;
        rows = ent_calloc(ctx, ny, sizeof *rows);
        if (!rows) {
            rc = cli_fail("agree", "out of memory");
            goto out;
        }
        if ((st = ent_agree_dyad(db, ca, cb, from, to, &ao, rows)) != ENT_OK)
            goto fail;
        for (size_t i = 0; i < ny; i++)
            if (explicit_range || rows[i].dyad)
                rows[k++] = rows[i];
        nrows = k;
    }

    {
        int shown = 0;
        for (size_t i = 0; i < nrows; i++)
            shown |= cov.partial && rows[i].year == cov.partial && rows[i].m.n != ENT_NA;
        say_coverage(&ao, &cov, with ? year : from, with ? year : to, shown);
    }
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, (size_t)(5 + nsel), &o)) != ENT_OK)
        goto fail;
    for (size_t i = 0; i < nrows; i++)
        put_row(o, reg, &rows[i], sel, nsel, cov.partial);
    if (!with && nrows == 0)
        ent_out_note(o, "%s and %s are never both COW system members in %d-%d",
                     ent_state_abb(reg, ca), ent_state_abb(reg, cb), from, to);
    ent_out_note(o, "pi and kappa with %s weights%s%s%s; year = %s", ent_agree_wt_name(ao.wt),
                 ao.issue ? "; issue " : "", ao.issue ? ao.issue : "",
                 ao.important ? "; important votes only" : "",
                 ao.calendar ? "calendar year of the vote" : "session + 1945");
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        goto fail;
    rc = 0;
    goto out;
fail:
    rc = cli_status("agree", ctx, st);
out:
    if (o)
        ent_out_close(o, 0);
    ent_free(ctx, rows);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}
