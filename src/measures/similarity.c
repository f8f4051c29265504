/*
 * similarity.c -- the items of `entente similarity` and their battery of
 * agreement measures (S, weighted S, squared S, pi and kappa with three
 * weightings, tau-b) over agreement.c's pure functions.
 */
#include "similarity.h"
#include "agreement.h"
#include "../core/reader.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <string.h>

#define SIM_MAX ((size_t)1 << 28) /* item pairs of one comparison */

/* grow makes room for one more item in the parallel arrays x, y (and w) */
static int grow(ent_ctx *ctx, ent_sim_items *it)
{
    size_t cx = it->cap, cy = it->cap, cw = it->cap;
    if (ent_grow(ctx, &it->x, &cx, it->n + 1, sizeof *it->x, SIM_MAX, "similarity: items") ||
        ent_grow(ctx, &it->y, &cy, it->n + 1, sizeof *it->y, SIM_MAX, "similarity: items") ||
        (it->weighted &&
         ent_grow(ctx, &it->w, &cw, it->n + 1, sizeof *it->w, SIM_MAX, "similarity: items")))
        return 0;
    it->cap = cx;
    return 1;
}

ent_status ent_sim_add(ent_ctx *ctx, ent_sim_items *it, double x, double y, double w)
{
    if (it->n == it->cap && !grow(ctx, it))
        return ENT_ENOMEM; /* the message names the cap or the memory */
    it->x[it->n] = x;
    it->y[it->n] = y;
    if (it->weighted)
        it->w[it->n] = w;
    it->n++;
    return ENT_OK;
}

void ent_sim_items_free(ent_ctx *ctx, ent_sim_items *it)
{
    ent_free(ctx, it->x);
    ent_free(ctx, it->y);
    ent_free(ctx, it->w);
    memset(it, 0, sizeof *it);
}

/* level_cell parses an integer rating in [lo, hi] from column col. */
static ent_status level_cell(ent_reader *r, ent_cell *cells, int col, int lo, int hi, double *v)
{
    int x;
    int rc = ent_cell_int(cells[col], &x);
    if (rc == 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "missing value");
    if (rc < 0)
        return ent_reader_fail(r, ENT_EPARSE, col, "'%s' is not an integer", cells[col].p);
    if (x < lo || x > hi)
        return ent_reader_fail(r, ENT_EPARSE, col, "%d is outside the levels %d:%d", x, lo, hi);
    *v = x;
    return ENT_OK;
}

ent_status ent_sim_read_csv(ent_ctx *ctx, const char *path, const char *wcol, int lo, int hi,
                            ent_sim_items *it)
{
    static const char *const names[] = {"x", "y"};
    ent_reader *r = NULL;
    ent_reader_opts opts = {0};
    ent_cell *cells;
    size_t nc;
    int idx[2], wi = -1;
    ent_status st;
    opts.delim = ',';
    if ((st = ent_reader_open(ctx, path, &opts, &r)) != ENT_OK ||
        (st = ent_reader_cols(r, names, idx, 2)) != ENT_OK)
        goto out;
    if (wcol) {
        if ((wi = ent_reader_col(r, wcol)) < 0) {
            st = ent_err(ctx, ENT_EPARSE, "%s:1: missing column '%s'", path, wcol);
            goto out;
        }
    } else if ((wi = ent_reader_col(r, "w")) < 0) {
        wi = ent_reader_col(r, "weight");
    }
    it->weighted = wi >= 0;
    while ((st = ent_reader_next(r, &cells, &nc)) == ENT_OK) {
        double x, y, w = 1;
        if ((st = level_cell(r, cells, idx[0], lo, hi, &x)) != ENT_OK ||
            (st = level_cell(r, cells, idx[1], lo, hi, &y)) != ENT_OK)
            goto out;
        if (wi >= 0) {
            int rc = ent_cell_f64(cells[wi], &w);
            if (rc <= 0 || !(w >= 0) || !isfinite(w)) {
                st = ent_reader_fail(r, ENT_EPARSE, wi, "'%s' is not a weight (a number >= 0)",
                                     cells[wi].p);
                goto out;
            }
        }
        if ((st = ent_sim_add(ctx, it, x, y, w)) != ENT_OK)
            goto out;
    }
    if (st == ENT_DONE)
        st = ENT_OK;
out:
    ent_reader_close(r);
    return st;
}

ent_status ent_sim_battery(ent_ctx *ctx, const ent_sim_items *it, int lo, int hi,
                           ent_sim_measure out[ENT_SIM_NMEASURES])
{
    static const char *const pin[] = {"pi_nominal", "pi_linear", "pi_quadratic"};
    static const char *const kan[] = {"kappa_nominal", "kappa_linear", "kappa_quadratic"};
    size_t k = (size_t)(hi - lo + 1);
    double dmax = hi - lo, *tab, *work;
    if (hi <= lo || k > ENT_SIM_MAXLEVELS)
        return ent_err(ctx, ENT_EINVAL, "levels %d:%d: need LO < HI and at most %d levels", lo,
                       hi, ENT_SIM_MAXLEVELS);
    if (!(tab = ent_calloc(ctx, k * k, sizeof *tab)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if (!(work = ent_malloc(ctx, (it->n ? it->n : 1) * 4 * sizeof *work))) {
        ent_free(ctx, tab);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < it->n; i++) /* the contingency table of the two ratings */
        tab[(size_t)(it->x[i] - lo) * k + (size_t)(it->y[i] - lo)] += 1;
    out[0].name = "s";
    out[0].v = ent_agree_s(it->x, it->y, NULL, it->n, dmax);
    out[1].name = "s_weighted";
    out[1].v = it->weighted ? ent_agree_s(it->x, it->y, it->w, it->n, dmax) : NAN;
    out[2].name = "s_squared";
    out[2].v = ent_agree_s_squared(it->x, it->y, NULL, it->n, dmax);
    for (int w = 0; w < 3; w++) {
        out[3 + w].name = pin[w];
        out[3 + w].v = ent_agree_pi(tab, k, (ent_agree_wt)w);
        out[6 + w].name = kan[w];
        out[6 + w].v = ent_agree_kappa(tab, k, (ent_agree_wt)w);
    }
    out[9].name = "taub";
    out[9].v = ent_agree_taub(it->x, it->y, it->n, work);
    ent_free(ctx, tab);
    ent_free(ctx, work);
    return ENT_OK;
}
