/*
 * cmd_dyad.c -- `entente dyad A B`: every panel indicator of one relationship,
 * grouped by dimension, each with its source: one ent_dyad call, printed by
 * the shared formatter.
 */
#include "cli.h"
#include "entente/query.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente dyad A B [--year Y | --from Y --to Y] [--format table|csv|json]\n"
    "                    [-o FILE] [--db FILE]\n"
    "\n"
    "Print every indicator of the dyad-year panel for the pair A-B, grouped by\n"
    "dimension (personal, economic, military, diplomatic, context), with the\n"
    "source of each value (`entente codebook` defines them).  Directed\n"
    "indicators read from A's side: trade_1to2 is A's exports to B and cinc_1\n"
    "is A's CINC, whichever order the panel stores.  An empty value is missing\n"
    "(outside the source's coverage, or a level the source does not report),\n"
    "never 0; inside the coverage a count with no source row is 0.  The CSV form\n"
    "is long, with header a,b,year,dimension,indicator,value,source.  A and B\n"
    "must both be COW system members in --year; in a range, the years where\n"
    "they are.  Default: the latest year in which the dyad has at least half\n"
    "the indicators present of its best year (said on stderr), not the\n"
    "panel's last year; sources that ended before the year asked are named\n"
    "on stderr.\n"
    "\n"
    "options:\n"
    "  --year Y             one year (1816-2022)\n"
    "  --from Y, --to Y     a range of years\n"
    "  --format F           table (default), csv or json;  -o FILE  write atomically\n"
    "  --db FILE            the warehouse (default entente.db)\n"
    "\n"
    "examples:\n"
    "  entente dyad CHN RUS --year 2014\n"
    "  entente dyad USA JPN --from 2010 --to 2012 --format csv\n"
    "  entente dyad \"United Kingdom\" USA --year 1914 --format json\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'}, {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},   {"format", required_argument, NULL, 'F'},
        {"output", required_argument, NULL, 'o'}, {"db", required_argument, NULL, 'b'},
        {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = "table";
    int year = 0, from = 0, to = 0, c, rc = 0, range = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *res = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'y': if (!cli_int("dyad", "--year", optarg, &year)) return 2; break;
        case 'f': if (!cli_int("dyad", "--from", optarg, &from)) return 2; range = 1; break;
        case 't': if (!cli_int("dyad", "--to", optarg, &to)) return 2; range = 1; break;
        case 'F':
            if (strcmp(optarg, "table") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return cli_fail("dyad", "--format: '%s' is not table, csv or json", optarg) + 1;
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'b': dbpath = optarg; break;
        default: return cli_usage(&ent_verb_dyad);
        }
    }
    if (argc - optind != 2)
        return cli_usage(&ent_verb_dyad);
    if (year && range)
        return cli_bad(&ent_verb_dyad, "--year and --from/--to: give one year or a range");
    if (year)
        from = to = year;
    if (from && !to)
        to = ENT_PANEL_LAST;
    if (to && !from)
        from = ENT_PANEL_FIRST;
    if (from > to)
        return cli_fail("dyad", "--from %d is after --to %d", from, to) + 1;
    if (from && (to < ENT_PANEL_FIRST || from > ENT_PANEL_LAST))
        return cli_fail("dyad", "the panel covers %d-%d", ENT_PANEL_FIRST, ENT_PANEL_LAST) + 1;
    if (!(ctx = ent_ctx_new()))
        return cli_fail("dyad", "out of memory");
    if ((rc = cli_open_db("dyad", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_dyad(db, argv[optind], argv[optind + 1], 0, from, to, &res)) != ENT_OK) {
        rc = cli_status("dyad", ctx, st);
        goto out;
    }
    /* the chosen year and the sources that ended go to stderr, ahead of the rows */
    for (size_t k = 0; k < ent_result_nnotes(res); k++) {
        const char *kind = ent_result_note_kind(res, k);
        if (!strcmp(kind, "year"))
            fprintf(stderr, "entente: dyad: %s; give --year for another\n",
                    ent_result_note_text(res, k));
        else if (!strcmp(kind, "coverage"))
            fprintf(stderr, "entente: dyad: coverage: %s\n", ent_result_note_text(res, k));
    }
    if ((st = ent_result_write_except(ctx, res, format, outpath, "year,coverage")) != ENT_OK)
        rc = cli_status("dyad", ctx, st);
out:
    ent_result_free(res);
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_dyad = {"dyad", "every panel indicator of one relationship, by dimension",
                                usage, run};
