/*
 * cmd_trend.c -- `entente trend A-B`: the dimension scores and the composite
 * year by year, with their world ranks: since when is it consequential?
 */
#include "ix_common.h"

#include <getopt.h>

static const char usage[] =
    "usage: entente trend A-B --from Y --to Y [--config FILE] [--normalize M]\n"
    "                     [--format table|csv|json] [-o FILE] [--db FILE]\n"
    "\n"
    "For each year, the four dimension scores and the composite of A-B (0-100,\n"
    "among all dyads of that year) with their world ranks, and the number of\n"
    "dyads that year.  complete = 0 flags a composite that lacks a whole\n"
    "dimension (its missing dimension is an empty cell).  Years in which A-B\n"
    "was not a dyad are skipped with a note.\n"
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
        {"db", required_argument, NULL, 'b'},     {"year", required_argument, NULL, 'y'},
        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *config = NULL, *normalize = NULL;
    int fmt = ENT_FMT_TABLE, c, rc = 0, year = 0;
    ix_env e = {0};
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_result *res = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': if (!cli_int("trend", "--from", optarg, &o.from)) return 2; break;
        case 'T': if (!cli_int("trend", "--to", optarg, &o.to)) return 2; break;
        case 'y': if (!cli_int("trend", "--year", optarg, &year)) return 2; break;
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
    if (year)
        return cli_bad(&ent_verb_trend, (o.from || o.to) ? "--year and --from/--to: trend takes "
                                                           "a range, --from Y1 --to Y2"
                                                         : "trend takes a range, --from Y1 --to "
                                                           "Y2, not --year");
    if (argc - optind != 1)
        return cli_bad(&ent_verb_trend, argc - optind ? "give one dyad, written A-B (e.g. CHN-RUS), "
                                                        "not %d words" : "give the dyad A-B",
                       argc - optind);
    if (!o.from || !o.to)
        return cli_bad(&ent_verb_trend, "--from Y1 and --to Y2 are required");
    if (o.from > o.to)
        return cli_fail("trend", "--from %d is after --to %d", o.from, o.to) + 1;
    if ((rc = ix_open("trend", &e, dbpath, config, normalize)))
        goto out;
    o.cfg = &e.cfg;
    o.norm = e.norm;
    o.subject = argv[optind];
    if ((st = ent_ix_trend(e.ctx, e.db, &o, &res)) != ENT_OK) {
        rc = cli_status("trend", e.ctx, st);
        goto out;
    }
    rc = ix_print("trend", &e, res, fmt, outpath);
out:
    if (e.ctx)
        ent_ix_result_free(e.ctx, res);
    ix_close(&e);
    return rc;
}

const ent_verb ent_verb_trend = {"trend", "a relationship's scores and world ranks year by year",
                                 usage, run};
