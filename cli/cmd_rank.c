/*
 * cmd_rank.c -- `entente rank`: the most consequential relationships of a
 * year, in the world or of one state, by the composite or one dimension:
 * one ent_rank call.
 */
#include "ix_common.h"

#include <getopt.h>

static const char usage[] =
    "usage: entente rank [--year Y] [--state S] [--dimension D] [--top N] [--complete]\n"
    "                    [--config FILE] [--normalize M] [--format table|csv|json] [-o FILE]\n"
    "                    [--db FILE]\n"
    "\n"
    "List the most consequential relationships of year Y among all dyads of the\n"
    "world (or only those of state S, keeping their world ranks), by the\n"
    "composite or by one dimension D (personal, economic, military,\n"
    "diplomatic).  Dyads whose score is missing are not ranked.  Default year:\n"
    "the latest in which some dyad has data on all four dimensions; default\n"
    "--top 20.  A composite lacking a dimension is flagged (complete = 0);\n"
    "--complete lists only dyads with all four dimensions (ranks stay world\n"
    "ranks among all composites).\n"
    "\n"
    "examples:\n"
    "  entente rank --year 2014 --top 10\n"
    "  entente rank --year 2014 --state RUS --top 5\n"
    "  entente rank --year 2014 --complete --top 10\n"
    "  entente rank --year 2010 --dimension economic --top 5 --format csv\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'},      {"state", required_argument, NULL, 's'},
        {"dimension", required_argument, NULL, 'D'}, {"top", required_argument, NULL, 't'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {"complete", no_argument, NULL, 'C'},
        {"from", required_argument, NULL, 'F'},      {"to", required_argument, NULL, 'T'},
        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = "table";
    int c, range = 0, dummy;
    ent_index_opts o = ENT_INDEX_OPTS_INIT;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'y': if (!cli_int("rank", "--year", optarg, &o.year)) return 2; break;
        case 's': o.state = optarg; break;
        case 'D': o.dimension = optarg; break;
        case 't':
            if (!cli_int("rank", "--top", optarg, &o.top))
                return 2;
            if (o.top < 1)
                return cli_bad(&ent_verb_rank, "--top %s: give at least 1 row", optarg);
            break;
        case 'c': o.config = optarg; break;
        case 'n': o.normalize = optarg; break;
        case 'f':
            if (!ix_format(optarg))
                return cli_fail("rank", "--format: '%s' is not table, csv or json", optarg) + 1;
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        case 'C': o.complete = 1; break;
        case 'F': case 'T':
            if (!cli_int("rank", c == 'F' ? "--from" : "--to", optarg, &dummy))
                return 2;
            range = 1;
            break;
        default: return cli_usage(&ent_verb_rank);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_rank, "unexpected argument '%s' (rank takes options only; "
                                       "--state S for one state's dyads)", argv[optind]);
    if (range)
        return cli_bad(&ent_verb_rank, o.year ? "--year and --from/--to: rank takes one --year"
                                              : "rank takes one --year, not --from/--to");
    return ix_run(&ent_verb_rank, dbpath, &o, ent_rank, format, outpath, 0);
}

const ent_verb ent_verb_rank = {"rank", "the most consequential relationships of a year", usage,
                                run};
