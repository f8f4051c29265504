/*
 * similarity.c -- ent_similarity: the battery of agreement measures of two
 * rated vectors (from a CSV or from arrays) as a result (the library form
 * of `entente similarity`), over src/measures/similarity.c.
 */
#include "entente/agree.h"
#include "result.h"
#include "measures/similarity.h"

/* add_arrays checks the n items of in and adds them to it. */
static ent_status add_arrays(ent_ctx *ctx, const ent_similarity_input *in, ent_sim_items *it)
{
    ent_status st;
    if (in->n && (!in->x || !in->y))
        return ent_err(ctx, ENT_EINVAL, "similarity: x and y are needed for %zu items", in->n);
    it->weighted = in->w != NULL;
    for (size_t i = 0; i < in->n; i++) {
        const double v[2] = {in->x[i], in->y[i]};
        for (int k = 0; k < 2; k++)
            if (v[k] != (int)v[k] || v[k] < in->lo || v[k] > in->hi)
                return ent_err(ctx, ENT_EINVAL, "item %zu: %s = %g is not an integer in the "
                               "levels %d:%d", i + 1, k ? "y" : "x", v[k], in->lo, in->hi);
        if (in->w && !(in->w[i] >= 0))
            return ent_err(ctx, ENT_EINVAL, "item %zu: w = %g is not a weight (a number >= 0)",
                           i + 1, in->w[i]);
        if ((st = ent_sim_add(ctx, it, v[0], v[1], in->w ? in->w[i] : 1)) != ENT_OK)
            return st;
    }
    return ENT_OK;
}

ent_status ent_similarity(ent_ctx *ctx, const ent_similarity_input *in, ent_result **out)
{
    static const ent_result_coldef cols[] = {{"measure", ENT_COL_TEXT, 0},
                                             {"value", ENT_COL_REAL, 4}};
    ent_sim_items it = {0};
    ent_sim_measure m[ENT_SIM_NMEASURES];
    ent_result *r = NULL;
    ent_status st;

    *out = NULL;
    if (in->lo >= in->hi || in->lo < -1000000 || in->hi > 1000000 ||
        in->hi - in->lo + 1 > ENT_SIM_MAXLEVELS)
        return ent_err(ctx, ENT_EINVAL, "levels %d:%d: not LO < HI with at most %d levels",
                       in->lo, in->hi, ENT_SIM_MAXLEVELS);
    st = in->path ? ent_sim_read_csv(ctx, in->path, in->weight_column, in->lo, in->hi, &it)
                  : add_arrays(ctx, in, &it);
    if (st == ENT_OK && (st = ent_sim_battery(ctx, &it, in->lo, in->hi, m)) == ENT_OK &&
        (st = ent_result_new(ctx, cols, 2, &r)) == ENT_OK) {
        for (int i = 0; i < ENT_SIM_NMEASURES; i++) {
            ent_result_row(r);
            ent_result_set_text(r, 0, m[i].name);
            ent_result_set_real(r, 1, m[i].v);
        }
        ent_result_add_note(r, "info", "%zu items, levels %d:%d", it.n, in->lo, in->hi);
        st = ent_result_ok(r);
    }
    ent_sim_items_free(ctx, &it);
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
