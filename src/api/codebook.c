/*
 * codebook.c -- ent_codebook: the panel's indicator table as a result.
 */
#include "entente/query.h"
#include "result.h"
#include "panel/panel.h"

#include <stdio.h>
#include <string.h>

static const char *const dims[] = {"personal", "economic", "military", "diplomatic", "context"};

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
        for (d = 0; d < sizeof dims / sizeof dims[0] && strcmp(dimension, dims[d]); d++)
            ;
        if (d == sizeof dims / sizeof dims[0])
            return ent_err(ctx, ENT_EINVAL, "dimension '%s' is not personal, economic, "
                                            "military, diplomatic or context", dimension);
    }
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        return st;
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        char cov[512];
        if (dimension && strcmp(dimension, ind->dimension))
            continue;
        if (ind->lo)
            snprintf(cov, sizeof cov, "%d-%d", ind->lo, ind->hi);
        else
            snprintf(cov, sizeof cov, "%s", ind->coverage_note ? ind->coverage_note : "partial");
        ent_result_row(r);
        ent_result_set_text(r, 0, ind->name);
        ent_result_set_text(r, 1, ind->dimension);
        ent_result_set_text(r, 2, ind->unit);
        ent_result_set_text(r, 3, ind->directed);
        ent_result_set_text(r, 4, ind->source);
        ent_result_set_text(r, 5, cov);
        ent_result_set_text(r, 6, ind->absent == ENT_ABSENT_ZERO ? "0" : "missing");
        ent_result_set_text(r, 7, ind->definition);
    }
    ent_result_add_note(r, "absent", "absent: the value inside the coverage when the source "
                                     "has no row for the dyad-year; outside the coverage "
                                     "every indicator is missing");
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
