/*
 * ix_common.c -- shared by cmd_compare.c, cmd_rank.c and cmd_trend.c: the
 * warehouse and config they open, and the printer of their results.
 */
#include "ix_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int ix_open(const char *verb, ix_env *e, const char *dbpath, const char *config,
            const char *normalize)
{
    ent_status st;
    int rc;
    e->norm = ENT_NORM_PCT;
    if (normalize) {
        int m = ent_norm_parse(normalize);
        if (m < 0)
            return cli_fail(verb, "--normalize: '%s' is not percentile, zlog or minmax",
                            normalize);
        e->norm = (ent_norm)m;
    }
    if (!(e->ctx = ent_ctx_new()))
        return cli_fail(verb, "out of memory");
    if ((st = ent_ix_config_load(e->ctx, config, &e->cfg)) != ENT_OK)
        return cli_status(verb, e->ctx, st);
    if ((rc = cli_open_db(verb, e->ctx, dbpath, &e->db)))
        return rc;
    if ((st = ent_db_registry(e->db, &e->reg)) != ENT_OK ||
        (st = ent_ix_config_check(e->ctx, config ? config : "index-default.conf", &e->cfg,
                                  ent_db_sqlite(e->db))) != ENT_OK)
        return cli_status(verb, e->ctx, st);
    return 0;
}

void ix_close(ix_env *e)
{
    ent_db_close(e->db);
    ent_ctx_free(e->ctx);
}

static void put_rank(ent_out *o, int r)
{
    ent_out_i64(o, r ? r : ENT_NA);
}

/* put_complete writes 1, or 0 with the missing dimensions in a table:
 * "0 (no personal)". */
static void put_complete(ent_out *o, const ent_ix_row *w, int table)
{
    char lacks[128], buf[160];
    if (!table || w->complete) {
        ent_out_i64(o, w->complete);
        return;
    }
    ent_ix_lacks_text(w, lacks, sizeof lacks);
    snprintf(buf, sizeof buf, "0 (no %s)", lacks);
    ent_out_str(o, buf);
}

static void put_row(ent_out *o, const ent_ix_result *res, const ent_ix_row *w, int fmt)
{
    int table = fmt == ENT_FMT_TABLE;
    if (res->kind == ENT_IX_RANK)
        put_rank(o, w->rank);
    ent_out_str(o, w->abb1);
    ent_out_str(o, w->abb2);
    ent_out_i64(o, w->year);
    for (int d = 0; d < ENT_NDIM; d++) {
        ent_out_f64(o, w->dim[d], 1);
        if (res->kind == ENT_IX_TREND)
            put_rank(o, w->dim_rank[d]);
    }
    /* a table marks an incomplete composite on its own line (and its rank) */
    if (table && !isnan(w->composite) && !w->complete) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.1f*", w->composite);
        ent_out_str(o, buf);
    } else {
        ent_out_f64(o, w->composite, 1);
    }
    switch (res->kind) {
    case ENT_IX_COMPARE:
        put_rank(o, w->rank);
        ent_out_i64(o, w->n);
        if (table)
            ent_out_str(o, w->is_subject ? "<== subject" : "");
        else
            ent_out_i64(o, w->is_subject);
        break;
    case ENT_IX_RANK:
        put_complete(o, w, table);
        break;
    case ENT_IX_TREND:
        put_rank(o, w->rank);
        ent_out_i64(o, w->n);
        put_complete(o, w, table);
        break;
    }
    ent_out_row(o);
}

int ix_print(const char *verb, ix_env *e, const ent_ix_result *res, int fmt, const char *outpath)
{
    ent_out *o = NULL;
    ent_status st;
    if ((st = ent_out_open(e->ctx, outpath, (ent_fmt)fmt, res->cols, res->ncols, &o)) != ENT_OK)
        return cli_status(verb, e->ctx, st);
    for (size_t i = 0; i < res->nrows; i++)
        put_row(o, res, &res->rows[i], fmt);
    for (size_t i = 0; i < res->nnotes; i++) {
        const ent_ix_note *n = &res->notes[i];
        if (n->kind == ENT_IX_NOTE_COVERAGE)
            fprintf(stderr, "entente: %s: %s\n", verb, n->text);
        else if (fmt == ENT_FMT_TABLE || res->kind != ENT_IX_COMPARE)
            ent_out_note(o, "%s", n->text);
        else if (n->kind != ENT_IX_NOTE_INFO)
            fprintf(stderr, "%s\n", n->text);
    }
    if ((st = ent_out_close(o, 1)) != ENT_OK)
        return cli_status(verb, e->ctx, st);
    return 0;
}
