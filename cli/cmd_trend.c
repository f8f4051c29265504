/*
 * cmd_trend.c -- `entente trend A-B`: the dimension scores and the composite
 * year by year, with their world ranks: since when is it consequential?
 */
#include "ix_common.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente trend A-B --from Y --to Y [--config FILE] [--normalize M]\n"
    "                     [--format table|csv|json] [-o FILE] [--db FILE]\n"
    "\n"
    "For each year, the four dimension scores and the composite of A-B (0-100,\n"
    "among all dyads of that year) with their world ranks, and the number of\n"
    "dyads ranked.  Years in which A-B was not a dyad are skipped with a note.\n"
    "\n"
    "examples:\n"
    "  entente trend CHN-RUS --from 2005 --to 2016\n"
    "  entente trend USA-JPN --from 2010 --to 2014 --format csv\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'F'},   {"to", required_argument, NULL, 'T'},
        {"config", required_argument, NULL, 'c'}, {"normalize", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},     {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"a", "b", "year", "personal", "personal_rank", "economic",
                                       "economic_rank", "military", "military_rank", "diplomatic",
                                       "diplomatic_rank", "composite", "rank", "dyads"};
    const char *dbpath = cli_default_db(), *outpath = NULL, *config = NULL, *normalize = NULL;
    int from = 0, to = 0, fmt = ENT_FMT_TABLE, c, rc = 0, a, b, shown = 0;
    ix_env e = {0};
    ent_out *o = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': if (!cli_int("trend", "--from", optarg, &from)) return 2; break;
        case 'T': if (!cli_int("trend", "--to", optarg, &to)) return 2; break;
        case 'c': config = optarg; break;
        case 'n': normalize = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("trend", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_trend);
        }
    }
    if (argc - optind != 1 || !from || !to)
        return cli_usage(&ent_verb_trend);
    if (from > to)
        return cli_fail("trend", "--from %d is after --to %d", from, to) + 1;
    if ((rc = ix_open("trend", &e, dbpath, config, normalize)))
        goto out;
    if ((st = ent_ix_pair(e.ctx, e.reg, argv[optind], to, &a, &b)) != ENT_OK) {
        rc = cli_status("trend", e.ctx, st);
        goto out;
    }
    if ((st = ent_out_open(e.ctx, outpath, (ent_fmt)fmt, cols, 14, &o)) != ENT_OK) {
        rc = cli_status("trend", e.ctx, st);
        goto out;
    }
    for (int t = from; t <= to; t++) {
        ent_ix_year y;
        ent_ix_score *sc = NULL;
        int *rk = NULL;
        long r;
        if (!ent_state_member(e.reg, a, t) || !ent_state_member(e.reg, b, t)) {
            ent_out_note(o, "%d: %s-%s not a dyad (not both system members)", t,
                         ent_state_abb(e.reg, a), ent_state_abb(e.reg, b));
            continue;
        }
        if ((st = ent_ix_load_year(e.ctx, ent_db_sqlite(e.db), &e.cfg, t, &y)) != ENT_OK) {
            rc = cli_status("trend", e.ctx, st);
            goto out;
        }
        r = ent_ix_find(&y, a, b);
        if (r >= 0 && !(rc = ix_score_year("trend", &e, &y, &sc, &rk))) {
            ent_out_str(o, ent_state_abb(e.reg, a));
            ent_out_str(o, ent_state_abb(e.reg, b));
            ent_out_i64(o, t);
            for (int d = 0; d <= ENT_NDIM; d++) {
                ix_put_score(o, d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite);
                ent_out_i64(o, rk[(size_t)d * y.n + (size_t)r] ? rk[(size_t)d * y.n + (size_t)r]
                                                                : ENT_NA);
            }
            ent_out_i64(o, (int64_t)y.n);
            ent_out_row(o);
            shown++;
        }
        ent_free(e.ctx, sc);
        ent_free(e.ctx, rk);
        ent_ix_year_free(e.ctx, &y);
        if (rc)
            goto out;
    }
    if (!shown) {
        rc = cli_fail("trend", "%s-%s was not a dyad in %d-%d", ent_state_abb(e.reg, a),
                      ent_state_abb(e.reg, b), from, to);
        goto out;
    }
    ent_out_note(o, "scores 0-100 among all dyads of each year (%s); ranks are world ranks",
                 ent_norm_name(e.norm));
    st = ent_out_close(o, 1);
    o = NULL;
    if (st != ENT_OK)
        rc = cli_status("trend", e.ctx, st);
out:
    if (o)
        ent_out_close(o, 0);
    ix_close(&e);
    return rc;
}

const ent_verb ent_verb_trend = {"trend", "a relationship's scores and world ranks year by year",
                                 usage, run};
