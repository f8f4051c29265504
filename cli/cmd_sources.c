/*
 * cmd_sources.c -- `entente sources`: what the warehouse holds, per source:
 * files, digests, row accounting with rejection reasons, and coverage; or
 * what to cite.  One call, ent_loaded_sources or ent_cite (include/entente/query.h).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static const char usage[] =
    "usage: entente sources [--db FILE] [--format table|csv|json] [-o FILE] [--rejects | --cite]\n"
    "\n"
    "List the sources loaded into the warehouse with their row accounting\n"
    "(rows read = loaded + rejected), the years found in the data, the coverage\n"
    "stated by each codebook, and load times.  --rejects adds the reasons for\n"
    "rejected rows, with the first example of each as file:line.  --cite lists\n"
    "instead what to cite for each data folder the warehouse was built from:\n"
    "source, folder, release, licence and citation (docs/data.md has them too,\n"
    "with where each folder came from).\n"
    "\n"
    "examples:\n"
    "  entente sources --db entente.db\n"
    "  entente sources --rejects --format csv\n"
    "  entente sources --cite\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'b'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"rejects", no_argument, NULL, 'r'},
                                         {"cite", no_argument, NULL, 'C'},
                                         {NULL, 0, NULL, 0}};
    const char *dbpath = cli_default_db(), *outpath = NULL, *format = NULL;
    int rejects = 0, cite = 0, c, rc;
    ent_ctx *ctx = NULL;
    ent_db *db = NULL;
    ent_result *r;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'b': dbpath = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_bad(&ent_verb_sources, "--format: '%s' is not table, csv or json", optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'r': rejects = 1; break;
        case 'C': cite = 1; break;
        default: return cli_optbad(&ent_verb_sources, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_sources, "unexpected argument '%s'", argv[optind]);
    if (cite && rejects)
        return cli_bad(&ent_verb_sources, "--cite and --rejects: give one");
    if (!(ctx = ent_ctx_new()))
        return cli_fail("sources", "out of memory");
    if ((rc = cli_open_db("sources", ctx, dbpath, &db)))
        goto out;
    if ((st = cite ? ent_cite(db, &r) : ent_loaded_sources(db, rejects, &r)) != ENT_OK)
        rc = cli_status("sources", ctx, st);
    else
        rc = cli_print("sources", ctx, r, format, outpath, NULL);
out:
    ent_db_close(db);
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_sources = {"sources", "list loaded sources with row accounting and coverage",
                                   usage, run};
