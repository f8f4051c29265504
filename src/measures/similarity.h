/*
 * similarity.h -- the battery of agreement measures of two rated vectors
 * (`entente similarity`): the items (x, y and an optional weight), read from
 * a CSV or added one by one, their contingency table, and the ten measures
 * of agreement.h computed from them.
 *
 * Ownership: an ent_sim_items is the caller's struct; its arrays are
 * allocated through ctx and released with ent_sim_items_free.
 */
#ifndef ENT_SIMILARITY_H
#define ENT_SIMILARITY_H

#include "../core/core.h"

#define ENT_SIM_MAXLEVELS 64
#define ENT_SIM_NMEASURES 10

typedef struct ent_sim_items {
    double *x, *y, *w; /* n ratings each; w NULL when unweighted */
    size_t n, cap;
    int weighted;      /* 1 when every item has a weight */
} ent_sim_items;

typedef struct ent_sim_measure {
    const char *name; /* static: s, s_weighted, s_squared, pi_nominal ... taub */
    double v;         /* NAN when undefined for the input */
} ent_sim_measure;

/* ent_sim_read_csv reads a CSV with columns x and y (integer ratings in
 * lo..hi) and a weight column (wcol, else one named w or weight, numbers
 * >= 0) into it (zeroed by the caller).  ENT_EPARSE names file:line:column. */
ent_status ent_sim_read_csv(ent_ctx *ctx, const char *path, const char *wcol, int lo, int hi,
                            ent_sim_items *it);
/* ent_sim_add appends one item (w ignored unless it->weighted is set first). */
ent_status ent_sim_add(ent_ctx *ctx, ent_sim_items *it, double x, double y, double w);
void ent_sim_items_free(ent_ctx *ctx, ent_sim_items *it);

/* ent_sim_battery computes the ten measures (in the order of `entente
 * similarity --help`) of it on the scale lo..hi (lo < hi, at most
 * ENT_SIM_MAXLEVELS levels; every rating inside it) into out. */
ent_status ent_sim_battery(ent_ctx *ctx, const ent_sim_items *it, int lo, int hi,
                           ent_sim_measure out[ENT_SIM_NMEASURES]);

#endif
