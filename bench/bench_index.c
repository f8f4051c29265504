/*
 * bench_index.c -- the consequentiality index on the real panel, through the
 * library (no process start-up, no printing of rows):
 *
 *   rank:    load year Y (default 2014) of the panel with the default config,
 *            normalise every term three ways among all its dyads, score and
 *            rank every dyad on the four dimensions and the composite
 *            (what `entente rank --year Y` does; target <= 1 s);
 *   compare: CHN-RUS against allies:USA in its latest complete year, with
 *            1000 robustness draws, seed 1 (`entente compare CHN-RUS --with
 *            allies:USA --draws 1000`; target <= 10 s);
 *   and, as a stress case beyond the targets, the same with --with all and
 *            100 draws (every dyad of the year re-scored per draw).
 *
 * usage: bench_index [WAREHOUSE.db [YEAR]]
 * Without a warehouse ($ENTENTE_DB or the argument), one is built from $DATA
 * (default ../shared/data) into a temporary file first; that build is timed
 * apart and is not part of the targets.
 */
#include "entente.h"
#include "index/index.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int fail(ent_ctx *ctx, const char *what)
{
    fprintf(stderr, "bench_index: %s: %s\n", what, ent_errmsg(ctx));
    return 1;
}

/* score and rank every dyad of y, as `entente rank` does */
static size_t score_all(const ent_ix_config *cfg, const ent_ix_year *y, ent_ix_score *sc,
                        double *v, int *rk)
{
    size_t complete = 0;
    for (size_t r = 0; r < y->n; r++) {
        ent_ix_score_row(cfg, y, r, ENT_NORM_PCT, NULL, NULL, NULL, &sc[r]);
        complete += (size_t)sc[r].complete;
    }
    for (int d = 0; d <= ENT_NDIM; d++) {
        for (size_t r = 0; r < y->n; r++)
            v[r] = d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite;
        ent_ix_rank_values(v, y->n, rk + (size_t)d * y->n);
    }
    return complete;
}

static int draws_case(ent_ctx *ctx, ent_db *db, const ent_registry *reg,
                      const ent_ix_config *cfg, const char *group, int draws, double target)
{
    sqlite3 *sq = ent_db_sqlite(db);
    ent_ix_year y;
    ent_ix_robust rb;
    long *rows = NULL, subj;
    size_t n = 0, subject = 0, i;
    int a, b, year;
    double t0 = now(), t1;
    if (ent_ix_pair(ctx, reg, "CHN-RUS", 0, &a, &b) != ENT_OK)
        return fail(ctx, "CHN-RUS");
    if (ent_ix_latest_complete(ctx, sq, cfg, a, b, &year) != ENT_OK)
        return fail(ctx, "latest complete year");
    if (ent_ix_load_year(ctx, sq, cfg, year, &y) != ENT_OK)
        return fail(ctx, "load year");
    subj = ent_ix_find(&y, a, b);
    if (subj < 0 || ent_ix_group(ctx, sq, reg, &y, group, &rows, &n) != ENT_OK) {
        ent_ix_year_free(ctx, &y);
        return fail(ctx, group);
    }
    for (i = 0; i < n && rows[i] != subj; i++)
        ;
    if (i == n) {
        long *p = ent_realloc(ctx, rows, (n + 1) * sizeof *p);
        if (!p) {
            ent_free(ctx, rows);
            ent_ix_year_free(ctx, &y);
            return fail(ctx, "memory");
        }
        rows = p;
        rows[n++] = subj;
    }
    subject = i;
    {
        double d0 = now(), d1;
        ent_ix_draws(cfg, &y, rows, n, subject, draws, 1, &rb);
        t1 = d1 = now();
        /* the cost per draw, for docs/measures.md and ENT_IX_MAX_DRAWS */
        printf("    draws alone: %.3f s, %.2f us per draw (%.3f us per dyad-draw)\n", d1 - d0,
               1e6 * (d1 - d0) / draws, 1e6 * (d1 - d0) / draws / (double)n);
    }
    printf("compare CHN-RUS --with %-10s %d draws, %d, group of %5zu   %7.3f s  (target %g s)%s\n",
           group, draws, year, n, t1 - t0, target, t1 - t0 <= target ? "" : "  OVER");
    printf("    above the group median: composite %.0f%%, personal %.0f%%, economic %.0f%%, "
           "military %.0f%%, diplomatic %.0f%%\n",
           100 * rb.above_median[ENT_NDIM], 100 * rb.above_median[0], 100 * rb.above_median[1],
           100 * rb.above_median[2], 100 * rb.above_median[3]);
    ent_free(ctx, rows);
    ent_ix_year_free(ctx, &y);
    return t1 - t0 <= target ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : getenv("ENTENTE_DB");
    const char *data = getenv("DATA") ? getenv("DATA") : "../shared/data";
    int year = argc > 2 ? atoi(argv[2]) : 2014, rc = 0;
    char tmp[] = "/tmp/bench_index_XXXXXX";
    ent_ctx *ctx = ent_ctx_new();
    ent_db *db = NULL;
    const ent_registry *reg;
    ent_ix_config cfg;
    int made = 0;
    if (!ctx)
        return 1;
    if (!path || access(path, R_OK) != 0) {
        ent_build_opts bo = {.datadir = data};
        double t0;
        int fd = mkstemp(tmp);
        if (fd < 0) {
            perror("bench_index: mkstemp");
            return 1;
        }
        close(fd);
        unlink(tmp);
        path = tmp;
        made = 1;
        t0 = now();
        if (ent_db_open(ctx, path, 1, &db) != ENT_OK || ent_build(db, &bo) != ENT_OK) {
            rc = fail(ctx, "build");
            goto out;
        }
        printf("%-64s %7.3f s  (not a target)\n", "entente build (a warehouse for the bench)",
               now() - t0);
    } else if (ent_db_open(ctx, path, 0, &db) != ENT_OK) {
        rc = fail(ctx, path);
        goto out;
    }
    if (ent_db_registry(db, &reg) != ENT_OK || ent_ix_config_load(ctx, NULL, &cfg) != ENT_OK ||
        ent_ix_config_check(ctx, "index-default.conf", &cfg, ent_db_sqlite(db)) != ENT_OK) {
        rc = fail(ctx, "config");
        goto out;
    }
    {
        ent_ix_year y;
        double t0 = now(), t1;
        ent_ix_score *sc;
        double *v;
        int *rk;
        size_t complete;
        if (ent_ix_load_year(ctx, ent_db_sqlite(db), &cfg, year, &y) != ENT_OK) {
            rc = fail(ctx, "rank: load year");
            goto out;
        }
        sc = malloc(y.n * sizeof *sc);
        v = malloc(y.n * sizeof *v);
        rk = malloc((ENT_NDIM + 1) * y.n * sizeof *rk);
        if (!sc || !v || !rk) {
            free(sc);
            free(v);
            free(rk);
            ent_ix_year_free(ctx, &y);
            rc = 1;
            goto out;
        }
        complete = score_all(&cfg, &y, sc, v, rk);
        t1 = now();
        printf("rank --year %d: %zu dyads x %d terms, 3 normalisations%*s %7.3f s  (target 1 s)%s\n",
               year, y.n, cfg.nterms, 11, "", t1 - t0, t1 - t0 <= 1.0 ? "" : "  OVER");
        printf("    %zu dyads have all four dimensions\n", complete);
        rc |= t1 - t0 <= 1.0 ? 0 : 1;
        free(sc);
        free(v);
        free(rk);
        ent_ix_year_free(ctx, &y);
    }
    rc |= draws_case(ctx, db, reg, &cfg, "allies:USA", 1000, 10.0);
    (void)draws_case(ctx, db, reg, &cfg, "all", 100, 10.0);
out:
    ent_db_close(db);
    if (made)
        unlink(tmp);
    ent_ctx_free(ctx);
    return rc;
}
