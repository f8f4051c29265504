/*
 * index.c -- the public index queries (entente/index.h): the options
 * checked, the config loaded and checked against the panel, the index
 * module's query run, and its result turned into an ent_result.
 */
#include "entente/index.h"
#include "result.h"
#include "index/compare.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

_Static_assert(ENT_INDEX_MAX_DRAWS == ENT_IX_MAX_DRAWS, "entente/index.h states the cap");

ent_ctx *ent_db_ctx(ent_db *db) { return db ? db->ctx : NULL; }

static const char *note_kind(ent_ix_note_kind k)
{
    switch (k) {
    case ENT_IX_NOTE_INFO: return "info";
    case ENT_IX_NOTE_VERDICT: return "verdict";
    case ENT_IX_NOTE_MISSING: return "missing";
    case ENT_IX_NOTE_ROBUST: return "robustness";
    case ENT_IX_NOTE_DIMS: return "dims";
    case ENT_IX_NOTE_CARRIED: return "carried";
    case ENT_IX_NOTE_SKIP: return "skip";
    case ENT_IX_NOTE_INCOMPLETE: return "incomplete";
    case ENT_IX_NOTE_COVERAGE: return "coverage";
    }
    return "note";
}

/* convert fills an ent_result from an index result, column by column name */
static ent_status convert(ent_ctx *ctx, const ent_ix_result *x, ent_result **out)
{
    ent_result_coldef defs[32];
    ent_result *r;
    ent_status st;
    size_t nc = x->ncols < 32 ? x->ncols : 32;

    for (size_t j = 0; j < nc; j++) {
        const char *c = x->cols[j];
        int real = !strcmp(c, "composite");
        for (int d = 0; d < ENT_NDIM; d++)
            real |= !strcmp(c, ent_ix_dims[d]);
        defs[j].name = c;
        defs[j].type = !strcmp(c, "a") || !strcmp(c, "b") ? ENT_COL_TEXT
                       : real                             ? ENT_COL_REAL
                                                          : ENT_COL_INT;
        defs[j].decimals = 1;
    }
    if ((st = ent_result_new(ctx, defs, nc, &r)) != ENT_OK)
        return st;
    for (size_t i = 0; i < x->nrows; i++) {
        const ent_ix_row *w = &x->rows[i];
        ent_result_row(r);
        for (size_t j = 0; j < nc; j++) {
            const char *c = x->cols[j];
            int d;
            for (d = 0; d < ENT_NDIM && strcmp(c, ent_ix_dims[d]); d++)
                ;
            if (d < ENT_NDIM) {
                ent_result_set_real(r, j, w->dim[d]);
            } else if (strlen(c) > 5 && !strcmp(c + strlen(c) - 5, "_rank")) {
                /* trend: a dimension's world rank */
                for (d = 0; d < ENT_NDIM && strncmp(c, ent_ix_dims[d], strlen(c) - 5); d++)
                    ;
                if (d < ENT_NDIM)
                    ent_result_set_int(r, j, w->dim_rank[d] ? w->dim_rank[d] : ENT_NA);
            } else if (!strcmp(c, "a")) {
                ent_result_set_text(r, j, w->abb1);
            } else if (!strcmp(c, "b")) {
                ent_result_set_text(r, j, w->abb2);
            } else if (!strcmp(c, "year")) {
                ent_result_set_int(r, j, w->year);
            } else if (!strcmp(c, "composite")) {
                ent_result_set_real(r, j, w->composite);
                if (!isnan(w->composite) && !w->complete) { /* a table marks it */
                    char b[32];
                    snprintf(b, sizeof b, "%.1f*", w->composite);
                    ent_result_show(r, j, b, ENT_SHOW_TABLE);
                }
            } else if (!strcmp(c, "rank")) {
                ent_result_set_int(r, j, w->rank ? w->rank : ENT_NA);
            } else if (!strcmp(c, "group_size") || !strcmp(c, "dyads")) {
                ent_result_set_int(r, j, w->n);
            } else if (!strcmp(c, "is_subject")) {
                ent_result_set_int(r, j, w->is_subject);
                ent_result_show(r, j, w->is_subject ? "<== subject" : "", ENT_SHOW_TABLE);
            } else if (!strcmp(c, "complete")) {
                ent_result_set_int(r, j, w->complete);
                if (!w->complete) { /* a table says what it lacks: "0 (no personal)" */
                    char lacks[128], b[160];
                    ent_ix_lacks_text(w, lacks, sizeof lacks);
                    snprintf(b, sizeof b, "0 (no %s)", lacks);
                    ent_result_show(r, j, b, ENT_SHOW_TABLE);
                }
            }
        }
    }
    for (size_t k = 0; k < x->nnotes; k++)
        ent_result_add_note(r, note_kind(x->notes[k].kind), "%s", x->notes[k].text);
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

ent_status ent_index_check(ent_ctx *ctx, const ent_index_opts *po)
{
    int d;
    if (po->normalize && ent_norm_parse(po->normalize) < 0)
        return ent_err(ctx, ENT_EINVAL, "normalize: '%s' is not percentile, zlog or minmax",
                       po->normalize);
    for (d = 0; po->dimension && d < ENT_NDIM && strcmp(po->dimension, ent_ix_dims[d]); d++)
        ;
    if (po->dimension && d == ENT_NDIM && strcmp(po->dimension, "composite"))
        return ent_err(ctx, ENT_EINVAL, "dimension: '%s' is not personal, economic, military, "
                                        "diplomatic or composite", po->dimension);
    if (po->top < 0)
        return ent_err(ctx, ENT_EINVAL, "top: %d is not a count of rows (1 or more)", po->top);
    if (po->draws < 0 || po->draws > ENT_INDEX_MAX_DRAWS)
        return ent_err(ctx, ENT_EINVAL, "draws: %d is not 0 to %d", po->draws,
                       ENT_INDEX_MAX_DRAWS);
    if (po->year && (po->from || po->to))
        return ent_err(ctx, ENT_EINVAL, "year and from/to: give one year or a range");
    if (po->to && po->from > po->to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", po->from, po->to);
    return ENT_OK;
}

typedef ent_status (*ix_query)(ent_ctx *, ent_db *, const ent_ix_opts *, ent_ix_result **);

static ent_status run(ent_db *db, const ent_index_opts *po, ix_query q, ent_result **out)
{
    ent_ctx *ctx = db->ctx;
    ent_ix_opts o = ENT_IX_OPTS_INIT;
    ent_ix_config cfg;
    ent_ix_result *x = NULL;
    ent_status st;

    *out = NULL;
    if ((st = ent_index_check(ctx, po)) != ENT_OK)
        return st;
    o.norm = po->normalize ? (ent_norm)ent_norm_parse(po->normalize) : ENT_NORM_PCT;
    o.dim = ENT_NDIM;
    for (int d = 0; po->dimension && d < ENT_NDIM; d++)
        if (!strcmp(po->dimension, ent_ix_dims[d]))
            o.dim = d;
    if ((st = ent_ix_config_load(ctx, po->config, &cfg)) != ENT_OK ||
        (st = ent_ix_config_check(ctx, po->config ? po->config : "index-default.conf", &cfg,
                                  db->db)) != ENT_OK)
        return st;
    o.cfg = &cfg;
    o.subject = po->subject;
    o.group = po->group;
    o.state = po->state;
    o.year = po->year;
    o.from = po->from;
    o.to = po->to;
    o.top = po->top ? po->top : 20;
    o.complete_only = po->complete;
    o.draws = po->draws;
    o.seed = po->seed;
    o.progress = po->progress;
    o.progress_ud = po->progress_ud;
    if ((st = q(ctx, db, &o, &x)) != ENT_OK)
        return st;
    st = convert(ctx, x, out);
    ent_ix_result_free(ctx, x);
    return st;
}

ent_status ent_compare(ent_db *db, const ent_index_opts *o, ent_result **out)
{
    return run(db, o, ent_ix_compare, out);
}

ent_status ent_rank(ent_db *db, const ent_index_opts *o, ent_result **out)
{
    return run(db, o, ent_ix_rank, out);
}

ent_status ent_trend(ent_db *db, const ent_index_opts *o, ent_result **out)
{
    return run(db, o, ent_ix_trend, out);
}
