/*
 * sources.c -- ent_loaded_sources: what the warehouse holds per source (row
 * accounting, years found and stated, coverage, load time, upstream
 * versions) as a result (the library form of `entente sources`), over the
 * build's table (src/store/srclist.c) and the data manifest (src/fetch);
 * and ent_known_sources: the sources a build knows, from the store's
 * source table (`entente build --list`).
 */
#include "entente/query.h"
#include "result.h"
#include "fetch/fetch.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

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

/* join writes the n strings of v into b separated by ';', skipping a string
 * already written (folders shared by two files). */
static void join(char *b, size_t cap, const char *const *v, size_t n)
{
    size_t o = 0;
    *b = 0;
    for (size_t i = 0; i < n; i++) {
        int dup = 0;
        for (size_t k = 0; k < i && !dup; k++)
            dup = !strcmp(v[k], v[i]);
        if (!dup && o < cap)
            o += (size_t)snprintf(b + o, cap - o, "%s%s", o ? ";" : "", v[i]);
    }
}

ent_status ent_known_sources(ent_ctx *ctx, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"source", ENT_COL_TEXT, 0}, {"kind", ENT_COL_TEXT, 0}, {"folders", ENT_COL_TEXT, 0},
        {"files", ENT_COL_TEXT, 0},  {"from", ENT_COL_INT, 0},  {"to", ENT_COL_INT, 0},
        {"coverage", ENT_COL_TEXT, 0}};
    ent_result *r;
    ent_status st;

    *out = NULL;
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof *cols, &r)) != ENT_OK)
        return st;
    for (size_t i = 0; i < ent_nsources; i++) {
        const ent_source *s = ent_sources[i];
        const char *dirs[ENT_SRC_MAXFILES];
        char folder[ENT_SRC_MAXFILES][128], fb[1024], db[1024];
        size_t nf = 0;
        ent_result_row(r);
        ent_result_set_text(r, 0, s->name);
        ent_result_set_text(r, 1, s->dir ? "data" : "derived");
        for (; s->dir && nf < ENT_SRC_MAXFILES && s->files[nf]; nf++) {
            /* a source of several folders names each file as FOLDER/FILE */
            const char *f = s->files[nf], *slash = strchr(f, '/');
            if (*s->dir || !slash)
                snprintf(folder[nf], sizeof folder[nf], "%s", s->dir);
            else
                snprintf(folder[nf], sizeof folder[nf], "%.*s", (int)(slash - f), f);
            dirs[nf] = folder[nf];
        }
        join(db, sizeof db, dirs, nf);
        join(fb, sizeof fb, s->files, nf);
        ent_result_set_text(r, 2, s->dir ? db : NULL);
        ent_result_set_text(r, 3, s->dir ? fb : NULL);
        ent_result_set_int(r, 4, s->year_lo ? s->year_lo : ENT_NA);
        ent_result_set_int(r, 5, s->year_lo ? s->year_hi : ENT_NA);
        ent_result_set_text(r, 6, s->coverage ? s->coverage : "full");
    }
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
