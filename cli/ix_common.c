/*
 * ix_common.c -- shared by cmd_compare.c, cmd_rank.c and cmd_trend.c.
 */
#include "ix_common.h"

#include <math.h>
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

int ix_score_year(const char *verb, ix_env *e, const ent_ix_year *y, ent_ix_score **scp, int **rkp)
{
    ent_ix_score *sc = ent_malloc(e->ctx, y->n * sizeof *sc);
    int *rk = ent_malloc(e->ctx, (ENT_NDIM + 1) * y->n * sizeof *rk);
    double *v = ent_malloc(e->ctx, y->n * sizeof *v);
    if (!sc || !rk || !v) {
        ent_free(e->ctx, sc);
        ent_free(e->ctx, rk);
        ent_free(e->ctx, v);
        return cli_fail(verb, "out of memory");
    }
    for (size_t r = 0; r < y->n; r++)
        ent_ix_score_row(&e->cfg, y, r, e->norm, NULL, NULL, NULL, &sc[r]);
    for (int d = 0; d <= ENT_NDIM; d++) {
        for (size_t r = 0; r < y->n; r++)
            v[r] = d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite;
        ent_ix_rank(v, y->n, rk + (size_t)d * y->n);
    }
    ent_free(e->ctx, v);
    *scp = sc;
    *rkp = rk;
    return 0;
}

void ix_put_score(ent_out *o, double v)
{
    ent_out_f64(o, v, 1);
}

int ix_latest_year(ix_env *e, int a, int b, ent_ix_year *y)
{
    if (a) { /* only the dyad's own rows are read (ent_ix_latest_complete) */
        int t;
        if (ent_ix_latest_complete(e->ctx, ent_db_sqlite(e->db), &e->cfg, a, b, &t) != ENT_OK ||
            ent_ix_load_year(e->ctx, ent_db_sqlite(e->db), &e->cfg, t, y) != ENT_OK)
            return 0;
        return t;
    }
    for (int t = 2022; t >= 1816; t--) {
        int found = 0;
        if (a && (!ent_state_member(e->reg, a, t) || !ent_state_member(e->reg, b, t)))
            continue;
        if (ent_ix_load_year(e->ctx, ent_db_sqlite(e->db), &e->cfg, t, y) != ENT_OK)
            continue;
        for (size_t r = 0; r < y->n && !found; r++) {
            ent_ix_score s;
            if (a && (long)r != ent_ix_find(y, a, b))
                continue;
            ent_ix_score_row(&e->cfg, y, r, e->norm, NULL, NULL, NULL, &s);
            found = s.complete;
        }
        if (found)
            return t;
        ent_ix_year_free(e->ctx, y);
    }
    return 0;
}
