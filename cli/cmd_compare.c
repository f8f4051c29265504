/*
 * cmd_compare.c -- `entente compare A-B --with GROUP`: the claim tester, one
 * ent_compare call; the draws' progress is shown here, on stderr.
 */
#include "ix_common.h"

#include <getopt.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: entente compare A-B --with GROUP [--year Y | --from Y1 --to Y2] [--config FILE]\n"
    "                       [--normalize percentile|zlog|minmax] [--draws N --seed S]\n"
    "                       [--format table|csv|json] [-o FILE] [--db FILE]\n"
    "\n"
    "Score the relationship A-B and every dyad of GROUP on the four dimensions\n"
    "(personal, economic, military, diplomatic; 0-100, normalised among all\n"
    "dyads of the year) and the composite, rank them, and end with a verdict:\n"
    "how many of the group A-B ranks above, on the composite and on each\n"
    "dimension, and which of A-B's indicators were missing.  A dimension with\n"
    "no indicator present is missing, never 0; a composite that lacks a whole\n"
    "dimension is flagged with * (and in the verdict, for A-B).  \"Above\" is\n"
    "strictly above: ties do not count.\n"
    "\n"
    "GROUP: allies:S (ATOP defense obligation with S that year), allies:S:any\n"
    "(any ATOP obligation), partners:S (every dyad containing S), all, or a\n"
    "list A-B,C-D.  ATOP ends in 2018: after that, allies:S is an error and\n"
    "allies:S@2018 takes the allies of 2018 for every year scored.  Default\n"
    "year: the latest in which all four dimensions have data for A-B.\n"
    "--from Y1 --to Y2 makes the claim year by year: the rows of each year in\n"
    "turn (CSV: the same header, the year varies), then one verdict line per\n"
    "year and one naming the dimensions missing for A-B or for most of the group.\n"
    "A dimension resting on part of its indicators is named with those that\n"
    "carried it; a year past a source's coverage is said on stderr.\n"
    "--draws N repeats the comparison N times with Dirichlet\n"
    "weights around the defaults, a random normalisation and one indicator per\n"
    "dimension dropped, and reports the share of draws in which A-B ranks above\n"
    "the group median (the same --seed gives the same result).  A draw costs\n"
    "about 0.13-0.25 us per dyad of the group (8 us for the 67 of allies:USA);\n"
    "N is at most 1000000 a year, and N times the group size at most 2e8;\n"
    "runs longer than 2 s show progress on stderr.\n"
    "CSV header: a,b,year,personal,economic,military,diplomatic,composite,rank,group_size,is_subject\n"
    "\n"
    "examples:\n"
    "  entente compare CHN-RUS --with allies:USA\n"
    "  entente compare CHN-RUS --with allies:USA --year 2014 --draws 200 --seed 7\n"
    "  entente compare CHN-RUS --with allies:USA@2018 --from 2014 --to 2023\n"
    "  entente compare USA-GBR --with USA-JPN,USA-FRN,USA-GMY --format csv\n";

/* Progress on stderr for long draws: on a terminal, or once a run has taken
 * more than 2 s; at most one update per half second on a terminal, one line
 * per 5 s otherwise. */
typedef struct progress {
    struct timespec start, last;
    int tty, shown;
} progress;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void on_progress(void *ud, long long done, long long total)
{
    progress *p = ud;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (done < total && (since(&p->last, &now) < (p->tty ? 0.5 : 5) ||
                         since(&p->start, &now) < 2))
        return;
    if (done >= total && !p->shown)
        return;
    p->last = now;
    p->shown = 1;
    fprintf(stderr, "%sentente: compare: draws %lld of %lld (%.0f%%, %.1f s)%s",
            p->tty ? "\r" : "", done, total, 100.0 * (double)done / (double)total,
            since(&p->start, &now), p->tty && done < total ? "" : "\n");
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"with", required_argument, NULL, 'w'},      {"year", required_argument, NULL, 'y'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"draws", required_argument, NULL, 'd'},     {"seed", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {"from", required_argument, NULL, 'F'},
        {"to", required_argument, NULL, 'T'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = "table";
    int c, seed = 1, seeded = 0;
    ent_index_opts o = ENT_INDEX_OPTS_INIT;
    progress pg = {0};

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'w': o.group = optarg; break;
        case 'y': if (!cli_int("compare", "--year", optarg, &o.year)) return 2; break;
        case 'F': if (!cli_int("compare", "--from", optarg, &o.from)) return 2; break;
        case 'T': if (!cli_int("compare", "--to", optarg, &o.to)) return 2; break;
        case 'c': o.config = optarg; break;
        case 'n': o.normalize = optarg; break;
        case 'd':
            if (!cli_int("compare", "--draws", optarg, &o.draws))
                return 2;
            if (o.draws < 0 || o.draws > ENT_INDEX_MAX_DRAWS)
                return cli_bad(&ent_verb_compare, "--draws %s: give 0 to %d draws (per year)",
                               optarg, ENT_INDEX_MAX_DRAWS);
            break;
        case 's': if (!cli_int("compare", "--seed", optarg, &seed)) return 2; seeded = 1; break;
        case 'f':
            if (!ix_format(optarg))
                return cli_fail("compare", "--format: '%s' is not table, csv or json", optarg) + 1;
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_compare);
        }
    }
    if (argc - optind != 1)
        return cli_bad(&ent_verb_compare, argc - optind ? "give one dyad, written A-B (e.g. CHN-RUS), "
                                                          "not %d words" : "give the dyad A-B to compare",
                       argc - optind);
    if (!o.group)
        return cli_bad(&ent_verb_compare, "--with GROUP is required (e.g. --with allies:USA)");
    if (o.year && (o.from || o.to))
        return cli_bad(&ent_verb_compare, "--year and --from/--to: give one year or a range");
    if (!o.from != !o.to)
        return cli_bad(&ent_verb_compare, "a range needs both --from and --to");
    if (o.from > o.to)
        return cli_bad(&ent_verb_compare, "--from %d is after --to %d", o.from, o.to);
    if (seeded && !o.draws)
        return cli_bad(&ent_verb_compare, "--seed without --draws: the seed is for the draws");
    o.subject = argv[optind];
    o.seed = (unsigned long long)seed;
    if (o.draws) {
        clock_gettime(CLOCK_MONOTONIC, &pg.start);
        pg.last = pg.start;
        pg.tty = isatty(2);
        o.progress = on_progress;
        o.progress_ud = &pg;
    }
    return ix_run(&ent_verb_compare, dbpath, &o, ent_compare, format, outpath, 1);
}

const ent_verb ent_verb_compare = {"compare",
                                   "score a relationship against a group: the claim tester", usage,
                                   run};
