/*
 * sources.c -- ent_loaded_sources: what the warehouse holds per source (row
 * accounting, years found and stated, coverage, load time, upstream
 * versions) as a result (the library form of `entente sources`), over the
 * build's table (src/store/srclist.c) and the data manifest (src/fetch).
 */
#include "entente/query.h"
#include "result.h"
#include "fetch/fetch.h"
#include "store/store.h"

#include <stdio.h>

typedef struct listing {
    ent_ctx *ctx;
    ent_result *r;
    int rejects;
} listing;

/* span sets column j to "lo-hi", or missing when lo is 0 */
static void span(ent_result *r, size_t j, int lo, int hi)
{
    char b[32];
    snprintf(b, sizeof b, "%d-%d", lo, hi);
    ent_result_set_text(r, j, lo ? b : NULL);
}

static ent_status one(void *ud, const ent_srcrow *s)
{
    listing *l = ud;
    char up[512]; /* the upstream versions of the files read (data/manifest.tsv) */
    ent_result_row(l->r);
    ent_result_set_text(l->r, 0, s->name);
    ent_result_set_int(l->r, 1, s->read);
    ent_result_set_int(l->r, 2, s->loaded);
    ent_result_set_int(l->r, 3, s->rejected);
    span(l->r, 4, s->year_lo, s->year_hi);
    span(l->r, 5, s->stated_lo, s->stated_hi);
    ent_result_set_text(l->r, 6, s->coverage);
    ent_result_set_real(l->r, 7, s->seconds);
    if (ent_fetch_upstream(l->ctx, s->sha256, up, sizeof up) != ENT_OK)
        snprintf(up, sizeof up, "?");
    ent_result_set_text(l->r, 8, *up ? up : NULL);
    if (l->rejects)
        ent_result_set_text(l->r, 9, s->rejects);
    return ent_result_ok(l->r);
}

ent_status ent_loaded_sources(ent_db *db, int rejects, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"source", ENT_COL_TEXT, 0},   {"read", ENT_COL_INT, 0},     {"loaded", ENT_COL_INT, 0},
        {"rejected", ENT_COL_INT, 0},  {"years", ENT_COL_TEXT, 0},   {"stated", ENT_COL_TEXT, 0},
        {"coverage", ENT_COL_TEXT, 0}, {"seconds", ENT_COL_REAL, 2}, {"upstream", ENT_COL_TEXT, 0},
        {"rejects", ENT_COL_TEXT, 0}};
    listing l = {db->ctx, NULL, rejects != 0};
    ent_status st;

    *out = NULL;
    if ((st = ent_result_new(db->ctx, cols, rejects ? 10 : 9, &l.r)) != ENT_OK)
        return st;
    if ((st = ent_store_sources(db, one, &l)) != ENT_OK) {
        ent_result_free(l.r);
        return st;
    }
    *out = l.r;
    return ENT_OK;
}
