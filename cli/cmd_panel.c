/*
 * cmd_panel.c -- `entente panel`: export the dyad-year panel as one wide
 * table, non-directed (ccode1 < ccode2) or directed (both orders, with the
 * directed columns swapped for the reversed row), as peacesciencer users
 * expect: one ent_panel_write call, which streams the rows to the file (the
 * panel is too large for a result in memory) and replaces it atomically.
 */
#include "cli.h"
#include "entente/query.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente panel [--from Y --to Y] [--directed] [--indicators LIST]\n"
    "                     [--format csv|json] -o FILE [--db FILE]\n"
    "\n"
    "Export the dyad-year panel as one wide table: ccode1, ccode2, abb1, abb2,\n"
    "year, then one column per indicator (all, or the comma LIST), in the\n"
    "codebook's order (`entente codebook`).  Rows are every pair of COW system\n"
    "members in each year (default 1816-2024), ccode1 < ccode2; empty cells are\n"
    "missing (outside the source's coverage), never 0.  --directed writes both\n"
    "orders of each pair, with the _1to2/_2to1 and _1/_2 columns swapped on the\n"
    "reversed row.  The warehouse view panel_directed holds the same rows.\n"
    "\n"
    "options:\n"
    "  --from Y, --to Y     years (default 1816-2024)\n"
    "  --directed           both orders of every pair\n"
    "  --indicators LIST    comma list of indicator names (default: all)\n"
    "  --format F           csv (default) or json\n"
    "  -o FILE              the output, replaced atomically; - for standard output\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente panel --from 1946 --to 2019 -o panel.csv\n"
    "  entente panel --from 2014 --to 2014 --directed --indicators trade_1to2,trade_2to1,atop_level -o d.csv\n"
    "  entente panel --from 2000 --to 2000 --indicators alliance_s,un_agree --format json -o s.json\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'f'},      {"to", required_argument, NULL, 't'},
        {"directed", no_argument, NULL, 'd'},        {"indicators", required_argument, NULL, 'i'},
        {"format", required_argument, NULL, 'F'},    {"output", required_argument, NULL, 'o'},
        {"db", required_argument, NULL, 'b'},        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *list = NULL, *format = "csv";
    int from = ENT_PANEL_FIRST, to = ENT_PANEL_LAST, directed = 0, c, rc = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_parse_int(optarg, &from))
                return cli_bad(&ent_verb_panel, "--from: '%s' is not a year", optarg);
            break;
        case 't':
            if (!cli_parse_int(optarg, &to))
                return cli_bad(&ent_verb_panel, "--to: '%s' is not a year", optarg);
            break;
        case 'd': directed = 1; break;
        case 'i': list = optarg; break;
        case 'F':
            if (strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return cli_bad(&ent_verb_panel, "--format: '%s' is not csv or json", optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_optbad(&ent_verb_panel, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_panel, "unexpected argument '%s'", argv[optind]);
    if (!outpath)
        return cli_bad(&ent_verb_panel, "-o FILE is required (- for standard output): the panel "
                       "is large");
    if (from > to)
        return cli_bad(&ent_verb_panel, "--from %d is after --to %d", from, to);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("panel", "out of memory");
    if ((rc = cli_open_db("panel", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_panel_write(db, from, to, list, directed, format, outpath)) != ENT_OK)
        rc = cli_status("panel", ctx, st) + (st == ENT_ENOTFOUND || st == ENT_EINVAL);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_panel = {"panel", "export the dyad-year panel as one wide table", usage,
                                 run};
