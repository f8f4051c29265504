/*
 * cmd_states.c -- `entente states`: resolve state names and codes, list the
 * system members of a year.
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
    static const char *const cols[] = {"input", "ccode", "abb", "name", "member"};
    const char *dbpath = cli_default_db(), *outpath = NULL;
    int year = 0, fmt = ENT_FMT_TABLE, c, rc = 0;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_out *o = NULL;
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
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_states, "--format: '%s' is not table, csv or json", optarg);
            break;
        case 'o': outpath = optarg; break;
        default: return cli_optbad(&ent_verb_states, c, argv);
        }
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("states", "out of memory");
    if ((rc = cli_open_db("states", ctx, dbpath, &db)))
        goto out;
    if ((st = ent_db_registry(db, &reg)) != ENT_OK) {
        rc = cli_status("states", ctx, st);
        goto out;
    }
    for (int i = optind; i < argc; i++) { /* every name resolves before any output */
        int cc;
        if ((st = ent_state_resolve(ctx, reg, argv[i], year, &cc)) != ENT_OK) {
            rc = cli_status("states", ctx, st);
            goto out;
        }
    }
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 5, &o)) != ENT_OK) {
        rc = cli_status("states", ctx, st);
        goto out;
    }
    if (optind < argc) {
        for (int i = optind; i < argc; i++) {
            int cc;
            ent_state_resolve(ctx, reg, argv[i], year, &cc);
            ent_out_str(o, argv[i]);
            ent_out_i64(o, cc);
            ent_out_str(o, ent_state_abb(reg, cc));
            ent_out_str(o, ent_state_name(reg, cc));
            if (year)
                ent_out_str(o, ent_state_member(reg, cc, year) ? "yes" : "no");
            else
                ent_out_str(o, NULL);
            ent_out_row(o);
        }
    } else {
        size_t n;
        const int *codes = ent_state_codes(reg, &n);
        for (size_t i = 0; i < n; i++) {
            if (year && !ent_state_member(reg, codes[i], year))
                continue;
            ent_out_str(o, ent_state_abb(reg, codes[i]));
            ent_out_i64(o, codes[i]);
            ent_out_str(o, ent_state_abb(reg, codes[i]));
            ent_out_str(o, ent_state_name(reg, codes[i]));
            ent_out_str(o, year ? "yes" : NULL);
            ent_out_row(o);
        }
    }
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        rc = cli_status("states", ctx, st);
    o = NULL;
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_states = {"states", "resolve state names and codes; list system members",
                                  usage, run};
