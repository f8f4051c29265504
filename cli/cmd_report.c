/*
 * cmd_report.c -- `entente report A-B --with GROUP -o report.html`: the claim
 * as a self-contained HTML page with SVG charts: one ent_report call, which
 * writes the page.
 */
#include "cli.h"
#include "entente/index.h"
#include "entente/report.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente report A-B --with GROUP -o FILE.html [--from Y1 --to Y2] [--year Y]\n"
    "                      [--draws N] [--seed S] [--config FILE] [--normalize M]\n"
    "                      [--svg DIR] [--db FILE]\n"
    "\n"
    "Write one self-contained HTML page (inline CSS and SVG: no network, no\n"
    "scripts, fonts or images to fetch; it prints cleanly) that answers the\n"
    "question `compare` answers, in pictures, in this order:\n"
    "  1. the answer: compare's verdict and robustness lines for the latest year\n"
    "     of the span with all four dimensions, and for the span's last year;\n"
    "  2. over time: the composite and each dimension, A-B against the group's\n"
    "     median and middle half by year; missing years are gaps, and each chart\n"
    "     marks where a source ends;\n"
    "  3. the comparison in --year: every dyad of the group, sorted, A-B\n"
    "     highlighted, the group median marked, and the four dimensions;\n"
    "  4. robustness: A-B's rank over the --draws (default 1000, seed 1);\n"
    "  5. coverage: A-B's indicator x year grid, present / zero / missing;\n"
    "  6. method and sources: weights, normalisation, indicators, every source's\n"
    "     version, coverage and citation, and the command that makes the page.\n"
    "Default span: the 15 years ending in A-B's latest year with all four\n"
    "dimensions; default --year: the latest year of the span with all four.\n"
    "--svg DIR also writes each chart as DIR/NAME.svg.  Files are replaced\n"
    "atomically, all or none.  GROUP as in `entente compare`.\n"
    "\n"
    "examples:\n"
    "  entente report CHN-RUS --with allies:USA --from 2000 --to 2018 -o report.html\n"
    "  entente report CHN-RUS --with allies:USA --draws 200 --seed 7 --svg charts -o r.html\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"with", required_argument, NULL, 'w'},      {"from", required_argument, NULL, 'F'},
        {"to", required_argument, NULL, 'T'},        {"year", required_argument, NULL, 'y'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"draws", required_argument, NULL, 'd'},     {"seed", required_argument, NULL, 's'},
        {"svg", required_argument, NULL, 'S'},       {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL;
    ent_report_opts ro = ENT_REPORT_OPTS_INIT;
    int c, rc = 0, seed = 1;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *res = NULL;
    ent_status st;

    ro.draws = 1000;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'w': ro.group = optarg; break;
        case 'F': if (!cli_int("report", "--from", optarg, &ro.from)) return 2; break;
        case 'T': if (!cli_int("report", "--to", optarg, &ro.to)) return 2; break;
        case 'y': if (!cli_int("report", "--year", optarg, &ro.year)) return 2; break;
        case 'c': ro.config = optarg; break;
        case 'n': ro.normalize = optarg; break;
        case 'd':
            if (!cli_int("report", "--draws", optarg, &ro.draws))
                return 2;
            if (ro.draws < 1 || ro.draws > ENT_INDEX_MAX_DRAWS)
                return cli_bad(&ent_verb_report, "--draws %d: give 1 to %d", ro.draws,
                               ENT_INDEX_MAX_DRAWS);
            break;
        case 's': if (!cli_int("report", "--seed", optarg, &seed)) return 2; break;
        case 'S': ro.svgdir = optarg; break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = ro.dbname = optarg; break;
        default: return cli_usage(&ent_verb_report);
        }
    }
    if (argc - optind != 1)
        return cli_bad(&ent_verb_report, "give one dyad A-B");
    if (!ro.group)
        return cli_bad(&ent_verb_report, "--with GROUP is required");
    if (!outpath || !strcmp(outpath, "-"))
        return cli_bad(&ent_verb_report, "-o FILE.html is required");
    if (!ro.from != !ro.to)
        return cli_bad(&ent_verb_report, "give --from and --to together");
    if (ro.from > ro.to)
        return cli_bad(&ent_verb_report, "--from %d is after --to %d", ro.from, ro.to);
    if (ro.to && ro.to - ro.from > 250)
        return cli_bad(&ent_verb_report, "--from %d --to %d: at most 250 years", ro.from, ro.to);
    ro.subject = argv[optind];
    ro.seed = (unsigned long long)seed;
    if (!(ctx = ent_ctx_new()))
        return cli_fail("report", "out of memory");
    if (ent_report_check(ctx, &ro) != ENT_OK) {
        rc = cli_bad(&ent_verb_report, "%s", ent_errmsg(ctx));
        goto out;
    }
    if ((rc = cli_open_db("report", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_report(db, &ro, outpath, &res)) != ENT_OK) {
        rc = cli_status("report", ctx, st);
        goto out;
    }
    fprintf(stderr, "report: %s against %s, %d-%d, comparison in %d: wrote %s",
            ent_result_text(res, 0, 0), ent_result_text(res, 0, 1), (int)ent_result_int(res, 0, 2),
            (int)ent_result_int(res, 0, 3), (int)ent_result_int(res, 0, 4), outpath);
    if (ro.svgdir)
        fprintf(stderr, " and %d charts in %s/", (int)ent_result_int(res, 0, 5), ro.svgdir);
    fputc('\n', stderr);
out:
    ent_result_free(res);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_report = {"report",
                                  "the claim as an HTML page with SVG charts (offline, printable)",
                                  usage, run};
