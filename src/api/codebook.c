/*
 * codebook.c -- ent_codebook: the panel's indicator table as a result, and
 * ent_codebook_markdown: the same as the markdown tables of
 * docs/measures.md (the library form of `entente codebook [--markdown]`),
 * from the one table in src/panel/indicators.c.
 */
#include "entente/query.h"
#include "result.h"
#include "panel/panel.h"

#include <stdio.h>
#include <string.h>

static const char *const dims[] = {"personal", "economic", "military", "diplomatic", "context"};
#define NDIMS (sizeof dims / sizeof dims[0])

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

ent_status ent_codebook(ent_ctx *ctx, const char *dimension, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"indicator", ENT_COL_TEXT, 0}, {"dimension", ENT_COL_TEXT, 0},
        {"unit", ENT_COL_TEXT, 0},      {"directed", ENT_COL_TEXT, 0},
        {"source", ENT_COL_TEXT, 0},    {"coverage", ENT_COL_TEXT, 0},
        {"absent", ENT_COL_TEXT, 0},    {"definition", ENT_COL_TEXT, 0}};
    ent_result *r;
    ent_status st;
    size_t d;

    *out = NULL;
    if (dimension) {
        for (d = 0; d < NDIMS && strcmp(dimension, dims[d]); d++)
            ;
        if (d == NDIMS)
            return ent_err(ctx, ENT_EINVAL, "--dimension: '%s' is not personal, economic, "
                                            "military, diplomatic or context", dimension);
    }
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        return st;
    ent_result_hide_in_table(r, 7); /* long text: CSV and JSON have it */
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        char full[ENT_PANEL_MAXNOTE + 16], brief[32];
        if (dimension && strcmp(dimension, ind->dimension))
            continue;
        ent_result_row(r);
        ent_result_set_text(r, 0, ind->name);
        ent_result_set_text(r, 1, ind->dimension);
        ent_result_set_text(r, 2, ind->unit);
        ent_result_set_text(r, 3, ind->directed);
        ent_result_set_text(r, 4, ind->source);
        ent_result_set_text(r, 5, coverage(ind, 1, full, sizeof full));
        ent_result_show(r, 5, coverage(ind, 0, brief, sizeof brief), ENT_SHOW_TABLE);
        ent_result_set_text(r, 6, ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
        ent_result_set_text(r, 7, ind->definition);
    }
    ent_result_add_note(r, "absent", "absent: the value inside the coverage when the source "
                                     "has no row for the dyad-year; outside the coverage "
                                     "every indicator is missing.");
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

/* md_cell writes s with | escaped. */
static void md_cell(FILE *fp, const char *s)
{
    fputs("| ", fp);
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', fp);
        fputc(*s, fp);
    }
    fputc(' ', fp);
}

ent_status ent_codebook_markdown(ent_ctx *ctx, FILE *fp)
{
    for (size_t d = 0; d < NDIMS; d++) {
        fprintf(fp, "### %c%s\n\n", dims[d][0] - 'a' + 'A', dims[d] + 1);
        fprintf(fp, "| indicator | unit | directed | source | coverage | no row | definition |\n");
        fprintf(fp, "|---|---|---|---|---|---|---|\n");
        for (size_t k = 0; k < ent_panel_nindicators; k++) {
            const ent_indicator *ind = &ent_panel_indicators[k];
            char cov[ENT_PANEL_MAXNOTE + 16], name[80];
            if (strcmp(ind->dimension, dims[d]))
                continue;
            snprintf(name, sizeof name, "`%s`", ind->name);
            md_cell(fp, name);
            md_cell(fp, ind->unit);
            md_cell(fp, ind->directed);
            md_cell(fp, ind->source);
            md_cell(fp, coverage(ind, 1, cov, sizeof cov));
            md_cell(fp, ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
            md_cell(fp, ind->definition);
            fputs("|\n", fp);
        }
        fputc('\n', fp);
    }
    if (fflush(fp) || ferror(fp))
        return ent_err(ctx, ENT_EIO, "codebook: write failed");
    return ENT_OK;
}
