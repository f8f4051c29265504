/*
 * cmd_report.c -- `entente report A-B --with GROUP -o report.html`: the claim
 * as a self-contained HTML page with SVG charts.
 */
#include "cli.h"
#include "report/html.h"
#include "report/svg.h"

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

/* append s to b as one shell word */
static void shell_word(ent_sb *b, const char *s)
{
    if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                        "-_./:@,=+%") == strlen(s)) {
        ent_sb_puts(b, s);
        return;
    }
    ent_sb_puts(b, "'");
    for (; *s; s++) {
        if (*s == '\'')
            ent_sb_puts(b, "'\\''");
        else
            ent_sb_put(b, s, 1);
    }
    ent_sb_puts(b, "'");
}

static void opt_word(ent_sb *b, const char *opt, const char *val)
{
    if (!val)
        return;
    ent_sb_printf(b, " %s ", opt);
    shell_word(b, val);
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"with", required_argument, NULL, 'w'},      {"from", required_argument, NULL, 'F'},
        {"to", required_argument, NULL, 'T'},        {"year", required_argument, NULL, 'y'},
        {"config", required_argument, NULL, 'c'},    {"normalize", required_argument, NULL, 'n'},
        {"draws", required_argument, NULL, 'd'},     {"seed", required_argument, NULL, 's'},
        {"svg", required_argument, NULL, 'S'},       {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *svgdir = NULL, *normalize = NULL;
    ent_rp_opts ro = {0};
    int c, rc = 0, seed = 1, m, dbset = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_rp rp = {0};
    ent_rp_page pg = {0};
    ent_sb cmd;
    ent_status st;
    char num[32];

    ro.draws = 1000;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'w': ro.group = optarg; break;
        case 'F': if (!cli_int("report", "--from", optarg, &ro.from)) return 2; break;
        case 'T': if (!cli_int("report", "--to", optarg, &ro.to)) return 2; break;
        case 'y': if (!cli_int("report", "--year", optarg, &ro.year)) return 2; break;
        case 'c': ro.config = optarg; break;
        case 'n': normalize = optarg; break;
        case 'd':
            if (!cli_int("report", "--draws", optarg, &ro.draws))
                return 2;
            if (ro.draws < 1 || ro.draws > 1000000)
                return cli_bad(&ent_verb_report, "--draws %d: give 1 to 1000000", ro.draws);
            break;
        case 's': if (!cli_int("report", "--seed", optarg, &seed)) return 2; break;
        case 'S': svgdir = optarg; break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; dbset = 1; break;
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
    ro.norm = ENT_NORM_PCT;
    if (normalize) {
        if ((m = ent_norm_parse(normalize)) < 0)
            return cli_bad(&ent_verb_report, "--normalize: '%s' is not percentile, zlog or "
                                             "minmax", normalize);
        ro.norm = (ent_norm)m;
    }
    ro.pair = argv[optind];
    ro.seed = seed;
    if (!(ctx = ent_ctx_new()))
        return cli_fail("report", "out of memory");
    if ((rc = cli_open_db("report", ctx, dbpath, &db)))
        goto out;
    ent_sb_init(&cmd, ctx);
    if ((st = ent_rp_gather(ctx, db, &ro, &rp)) != ENT_OK) {
        rc = cli_status("report", ctx, st);
        goto out;
    }
    /* the command that reproduces the page, with the span and draws spelled out */
    ent_sb_puts(&cmd, "entente report ");
    shell_word(&cmd, ro.pair);
    opt_word(&cmd, "--with", ro.group);
    snprintf(num, sizeof num, "%d", rp.from);
    opt_word(&cmd, "--from", num);
    snprintf(num, sizeof num, "%d", rp.to);
    opt_word(&cmd, "--to", num);
    if (ro.year) {
        snprintf(num, sizeof num, "%d", ro.year);
        opt_word(&cmd, "--year", num);
    }
    snprintf(num, sizeof num, "%d", ro.draws);
    opt_word(&cmd, "--draws", num);
    snprintf(num, sizeof num, "%d", seed);
    opt_word(&cmd, "--seed", num);
    opt_word(&cmd, "--config", ro.config);
    opt_word(&cmd, "--normalize", normalize);
    opt_word(&cmd, "--db", dbset ? dbpath : NULL);
    opt_word(&cmd, "--svg", svgdir);
    opt_word(&cmd, "-o", outpath);
    snprintf(rp.command, sizeof rp.command, "%s", cmd.p ? cmd.p : "");
    ent_sb_free(&cmd);
    if ((st = ent_rp_render(ctx, &rp, &pg)) != ENT_OK ||
        (st = ent_rp_write(ctx, &pg, outpath, svgdir)) != ENT_OK) {
        rc = cli_status("report", ctx, st);
        goto out;
    }
    fprintf(stderr, "report: %s against %s, %d-%d, comparison in %d: wrote %s", rp.subject,
            rp.group, rp.from, rp.to, rp.year, outpath);
    if (svgdir)
        fprintf(stderr, " and %d charts in %s/", pg.ncharts, svgdir);
    fputc('\n', stderr);
out:
    ent_rp_page_free(&pg);
    ent_rp_free(&rp);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_report = {"report",
                                  "the claim as an HTML page with SVG charts (offline, printable)",
                                  usage, run};
