/*
 * cmd_states.c -- `entente states`: resolve state names and codes, list the
 * system members of a year: one call, ent_states (include/entente/query.h).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente states [NAME...] [--year Y] [--db FILE] [--format table|csv|json] [-o FILE]\n"
    "\n"
    "With names, resolve each (COW abbreviation, ISO3, ISO2, COW number, or a\n"
    "name matched case- and accent-blind) to its COW code; --year resolves names\n"
    "that denote different states at different dates (Germany, Yemen).  Without\n"
    "names, list the COW system members of --year (default: every state).\n"
    "\n"
    "options:\n"
    "  --year Y             the year names resolve for; the members listed\n"
    "  --format F           table (default), csv or json\n"
    "  -o FILE              write to FILE (replaced atomically; devices and FIFOs\n"
    "                       written in place; - for standard output)\n"
    "  --db FILE            the warehouse (default $ENTENTE_DB or entente.db)\n"
    "\n"
    "examples:\n"
    "  entente states Russia \"Russian Federation\" 365 RU\n"
    "  entente states Germany --year 1970\n"
    "  entente states --year 1990 --format csv\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
                                         {"db", required_argument, NULL, 'b'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = NULL;
    int year = 0, c, rc;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *r;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'y':
            if (!cli_parse_int(optarg, &year))
                return cli_bad(&ent_verb_states, "--year: '%s' is not a year", optarg);
            break;
        case 'b': dbpath = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_bad(&ent_verb_states, "--format: '%s' is not table, csv or json", optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        default: return cli_optbad(&ent_verb_states, c, argv);
        }
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("states", "out of memory");
    if ((rc = cli_open_db("states", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_states(db, (const char *const *)argv + optind, (size_t)(argc - optind), year,
                         &r)) != ENT_OK)
        rc = cli_status("states", ctx, st);
    else
        rc = cli_print("states", ctx, r, format, outpath, NULL);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_states = {"states", "resolve state names and codes; list system members",
                                  usage, run};
