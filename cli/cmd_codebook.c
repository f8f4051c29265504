/*
 * cmd_codebook.c -- `entente codebook`: every panel indicator with its
 * dimension, unit, directedness, source, coverage and definition, from the
 * one table in src/panel/indicators.c.  --markdown prints the tables of
 * docs/measures.md ("Panel indicators"), which a golden test keeps in step.
 * One call, ent_codebook or ent_codebook_markdown (include/entente/query.h).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static const char usage[] =
    "usage: entente codebook [--dimension D] [--format table|csv|json] [-o FILE]\n"
    "       entente codebook --markdown\n"
    "\n"
    "List every indicator of the dyad-year panel: name, dimension (personal,\n"
    "economic, military, diplomatic, context), unit, directedness, source,\n"
    "coverage years, what an absent row means inside the coverage (0, or\n"
    "missing), and its definition (csv and json; the table leaves it out).\n"
    "Outside its coverage every indicator is missing, never 0.  --markdown\n"
    "prints the codebook as the markdown tables of docs/measures.md.\n"
    "\n"
    "examples:\n"
    "  entente codebook\n"
    "  entente codebook --dimension military --format csv\n"
    "  entente codebook --format json -o codebook.json\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"dimension", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"markdown", no_argument, NULL, 'm'},
                                         {NULL, 0, NULL, 0}};
    const char *dim = NULL, *outpath = NULL, *format = NULL;
    int c, rc, md = 0;
    ent_ctx *ctx;
    ent_result *r;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dim = optarg; break;
        case 'f':
            if (!cli_format_ok(optarg))
                return cli_bad(&ent_verb_codebook, "--format: '%s' is not table, csv or json", optarg);
            format = optarg;
            break;
        case 'o': outpath = optarg; break;
        case 'm': md = 1; break;
        default: return cli_optbad(&ent_verb_codebook, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_codebook, "unexpected argument '%s'", argv[optind]);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("codebook", "out of memory");
    if (md) {
        rc = (st = ent_codebook_markdown(ctx, stdout)) != ENT_OK ? cli_status("codebook", ctx, st) : 0;
    } else if ((st = ent_codebook(ctx, dim, &r)) != ENT_OK) {
        /* a bad --dimension is a usage error */
        rc = st == ENT_EINVAL ? cli_bad(&ent_verb_codebook, "%s", ent_errmsg(ctx))
                              : cli_status("codebook", ctx, st);
    } else {
        rc = cli_print("codebook", ctx, r, format, outpath,
                       "definitions and partial coverage: --format csv or json, or "
                       "docs/measures.md");
    }
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_codebook = {"codebook", "list every panel indicator and its definition",
                                    usage, run};
