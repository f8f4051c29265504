/*
 * cmd_codebook.c -- `entente codebook`: every panel indicator with its
 * dimension, unit, directedness, source, coverage and definition.
 */
#include "cli.h"
#include "panel/panel.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: entente codebook [--dimension D] [--format table|csv|json] [-o FILE]\n"
    "\n"
    "List every indicator of the dyad-year panel: name, dimension, unit,\n"
    "directedness, source, coverage years, what an absent row means inside the\n"
    "coverage (0 or missing), and its definition.  docs/measures.md holds the\n"
    "same with formulas and citations.\n"
    "\n"
    "examples:\n"
    "  entente codebook\n"
    "  entente codebook --dimension military --format csv\n";

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"dimension", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"indicator", "dimension", "unit", "directed", "source",
                                       "coverage", "absent", "definition"};
    const char *dim = NULL, *outpath = NULL;
    int fmt = ENT_FMT_TABLE, c, rc = 0;
    ent_ctx *ctx;
    ent_out *o = NULL;
    ent_status st;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dim = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_fail("codebook", "--format: '%s' is not table, csv or json", optarg) + 1;
            break;
        case 'o': outpath = optarg; break;
        default: return cli_usage(&ent_verb_codebook);
        }
    }
    if (optind != argc)
        return cli_usage(&ent_verb_codebook);
    if (!(ctx = ent_ctx_new()))
        return cli_fail("codebook", "out of memory");
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, 8, &o)) != ENT_OK) {
        rc = cli_status("codebook", ctx, st);
        goto out;
    }
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        char cov[64];
        if (dim && strcmp(dim, ind->dimension))
            continue;
        if (ind->lo)
            snprintf(cov, sizeof cov, "%d-%d", ind->lo, ind->hi);
        else
            snprintf(cov, sizeof cov, "%s", "years in the source");
        ent_out_str(o, ind->name);
        ent_out_str(o, ind->dimension);
        ent_out_str(o, ind->unit);
        ent_out_str(o, ind->directed);
        ent_out_str(o, ind->source);
        ent_out_str(o, cov);
        ent_out_str(o, ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
        ent_out_str(o, fmt == ENT_FMT_TABLE ? "" : ind->definition);
        ent_out_row(o);
    }
    if (fmt == ENT_FMT_TABLE)
        ent_out_note(o, "definitions: --format csv or json, or docs/measures.md");
    st = ent_out_close(o, 1);
    if (st != ENT_OK)
        rc = cli_status("codebook", ctx, st);
out:
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_codebook = {"codebook", "list every panel indicator and its definition",
                                    usage, run};
