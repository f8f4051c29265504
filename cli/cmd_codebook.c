/*
 * cmd_codebook.c -- `entente codebook`: every panel indicator with its
 * dimension, unit, directedness, source, coverage and definition, from the
 * one table in src/panel/indicators.c.  --markdown prints the tables of
 * docs/measures.md ("Panel indicators"), which a golden test keeps in step.
 */
#include "cli.h"
#include "panel/panel.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

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

static const char *const dims[] = {"personal", "economic", "military", "diplomatic", "context"};

/* coverage returns the indicator's coverage text: "lo-hi", with its note
 * when full ("1950-2024; dyads of the USA only") or "(partial)" when not, or
 * the note alone when the coverage is by rows (lo = 0).  A note is never cut:
 * b holds "lo-hi; " and the longest note (tests/unit/test_panel.c checks). */
static const char *coverage(const ent_indicator *ind, int full, char *b, size_t n)
{
    if (ind->lo && ind->coverage_note)
        snprintf(b, n, full ? "%d-%d; %s" : "%d-%d (partial)", ind->lo, ind->hi,
                 ind->coverage_note);
    else if (ind->lo)
        snprintf(b, n, "%d-%d", ind->lo, ind->hi);
    else
        return full && ind->coverage_note ? ind->coverage_note : "partial";
    return b;
}

/* md_cell writes s with | escaped. */
static void md_cell(const char *s)
{
    fputs("| ", stdout);
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', stdout);
        fputc(*s, stdout);
    }
    fputc(' ', stdout);
}

static void markdown(void)
{
    for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
        printf("### %c%s\n\n", dims[d][0] - 'a' + 'A', dims[d] + 1);
        printf("| indicator | unit | directed | source | coverage | no row | definition |\n");
        printf("|---|---|---|---|---|---|---|\n");
        for (size_t k = 0; k < ent_panel_nindicators; k++) {
            const ent_indicator *ind = &ent_panel_indicators[k];
            char cov[ENT_PANEL_MAXNOTE + 16], name[80];
            if (strcmp(ind->dimension, dims[d]))
                continue;
            snprintf(name, sizeof name, "`%s`", ind->name);
            md_cell(name);
            md_cell(ind->unit);
            md_cell(ind->directed);
            md_cell(ind->source);
            md_cell(coverage(ind, 1, cov, sizeof cov));
            md_cell(ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
            md_cell(ind->definition);
            puts("|");
        }
        puts("");
    }
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {{"dimension", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"markdown", no_argument, NULL, 'm'},
                                         {NULL, 0, NULL, 0}};
    static const char *const cols[] = {"indicator", "dimension", "unit", "directed", "source",
                                       "coverage", "absent", "definition"};
    const char *dim = NULL, *outpath = NULL;
    int fmt = ENT_FMT_TABLE, c, rc = 0, md = 0;
    ent_ctx *ctx;
    ent_out *o = NULL;
    ent_status st;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dim = optarg; break;
        case 'f':
            if ((fmt = ent_fmt_parse(optarg)) < 0)
                return cli_bad(&ent_verb_codebook, "--format: '%s' is not table, csv or json", optarg);
            break;
        case 'o': outpath = optarg; break;
        case 'm': md = 1; break;
        default: return cli_optbad(&ent_verb_codebook, c, argv);
        }
    }
    if (optind != argc)
        return cli_bad(&ent_verb_codebook, "unexpected argument '%s'", argv[optind]);
    if (dim) {
        size_t d;
        for (d = 0; d < sizeof dims / sizeof dims[0] && strcmp(dim, dims[d]); d++)
            ;
        if (d == sizeof dims / sizeof dims[0])
            return cli_bad(&ent_verb_codebook, "--dimension: '%s' is not personal, economic, military, "
                                        "diplomatic or context", dim);
    }
    if (md) {
        markdown();
        return 0;
    }
    if (!(ctx = ent_ctx_new()))
        return cli_fail("codebook", "out of memory");
    /* the table leaves out the definitions (long text): csv and json have them */
    if ((st = ent_out_open(ctx, outpath, (ent_fmt)fmt, cols, fmt == ENT_FMT_TABLE ? 7 : 8,
                           &o)) != ENT_OK) {
        rc = cli_status("codebook", ctx, st);
        goto out;
    }
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        char cov[ENT_PANEL_MAXNOTE + 16];
        if (dim && strcmp(dim, ind->dimension))
            continue;
        ent_out_str(o, ind->name);
        ent_out_str(o, ind->dimension);
        ent_out_str(o, ind->unit);
        ent_out_str(o, ind->directed);
        ent_out_str(o, ind->source);
        ent_out_str(o, coverage(ind, fmt != ENT_FMT_TABLE, cov, sizeof cov));
        ent_out_str(o, ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
        if (fmt != ENT_FMT_TABLE)
            ent_out_str(o, ind->definition);
        ent_out_row(o);
    }
    if (fmt == ENT_FMT_TABLE)
        ent_out_note(o, "absent: the value inside the coverage when the source has no row for "
                        "the dyad-year; outside the coverage every indicator is missing.\n"
                        "definitions and partial coverage: --format csv or json, or "
                        "docs/measures.md");
    st = ent_out_close(o, 1);
    if (st != ENT_OK)
        rc = cli_status("codebook", ctx, st);
out:
    ent_ctx_free(ctx);
    return rc;
}

const ent_verb ent_verb_codebook = {"codebook", "list every panel indicator and its definition",
                                    usage, run};
