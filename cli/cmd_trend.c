/*
 * cmd_trend.c -- `entente trend A-B`: the dimension scores and the composite
 * year by year, with their world ranks: since when is it consequential?  One
 * ent_trend call.
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
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = "table";
    int c, year = 0;
    ent_index_opts o = ENT_INDEX_OPTS_INIT;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'F': if (!cli_int("trend", "--from", optarg, &o.from)) return 2; break;
        case 'T': if (!cli_int("trend", "--to", optarg, &o.to)) return 2; break;
        case 'y': if (!cli_int("trend", "--year", optarg, &year)) return 2; break;
        case 'c': o.config = optarg; break;
        case 'n': o.normalize = optarg; break;
        case 'f':
            if (!ix_format(optarg))
                return cli_fail("trend", "--format: '%s' is not table, csv or json", optarg) + 1;
            format = optarg;
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
    o.subject = argv[optind];
    return ix_run(&ent_verb_trend, dbpath, &o, ent_trend, format, outpath, 0);
}

const ent_verb ent_verb_trend = {"trend", "a relationship's scores and world ranks year by year",
                                 usage, run};
