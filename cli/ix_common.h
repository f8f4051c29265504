/*
 * ix_common.h -- what compare, rank and trend share: opening the warehouse
 * with a checked index config, and scoring a whole year.
 */
#ifndef ENT_IX_COMMON_H
#define ENT_IX_COMMON_H

#include "cli.h"
#include "index/index.h"

typedef struct ix_env {
    ent_ctx *ctx;
    ent_db *db;
    const ent_registry *reg;
    ent_ix_config cfg;
    ent_norm norm;
} ix_env;

/* ix_open opens the warehouse and loads the config (NULL = default) and
 * checks it against the panel; prints the error and returns 1 on failure. */
int ix_open(const char *verb, ix_env *e, const char *dbpath, const char *config,
            const char *normalize);
void ix_close(ix_env *e);

/* ix_score_year scores every row of y into sc (y->n entries, a ctx
 * allocation) and fills world ranks: rk[d * n + r] for the four dimensions
 * and rk[4 * n + r] for the composite. */
int ix_score_year(const char *verb, ix_env *e, const ent_ix_year *y, ent_ix_score **sc, int **rk);

/* ix_latest_year finds the latest year (2022 down to 1816) in which the dyad
 * a-b (or, with a = 0, any dyad) has data on all four dimensions, and leaves
 * that year loaded in y.  Returns the year, or 0 (y empty) when none. */
int ix_latest_year(ix_env *e, int a, int b, ent_ix_year *y);

/* ix_fmt_score writes "63.2" or "" for a missing score. */
void ix_put_score(ent_out *o, double v);

#endif
