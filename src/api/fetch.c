/*
 * fetch.c -- the public ent_fetch and ent_fetch_check (a data folder checked
 * against the manifest, as a result: the library form of `entente fetch
 * --verify`).  The work is src/fetch/'s (ent_fetch_run, ent_fetch_verify;
 * ent_fetch_upstream lives there too); this layer, which knows both fetch
 * and the build, hands it the build's source table so that --only may name
 * a build source ("archigos") for its data folder ("archigos_leaders").
 * src/fetch does not include src/store: the build calls fetch, not the
 * other way round (tests/sh/layers.sh).
 */
#include "entente/fetch.h"
#include "result.h"
#include "fetch/fetch.h"
#include "store/store.h"

/* source_folder is the data folder of build source name (NULL: none). */
static const char *source_folder(const char *name)
{
    const ent_source *src = ent_source_find(name);
    return src ? src->dir : NULL;
}

ent_status ent_fetch(ent_ctx *ctx, const ent_fetch_opts *o, ent_fetch_result *res)
{
    return ent_fetch_run(ctx, o, source_folder, res);
}

ent_status ent_fetch_check(ent_ctx *ctx, const char *datadir, const char *manifest,
                           const char *only, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"path", ENT_COL_TEXT, 0}, {"state", ENT_COL_TEXT, 0}, {"why", ENT_COL_TEXT, 0}};
    ent_vf_report *v = NULL;
    ent_result *r = NULL;
    ent_status st;

    *out = NULL;
    if (!datadir)
        return ent_err(ctx, ENT_EINVAL, "no data folder given");
    if ((st = ent_fetch_verify(ctx, datadir, manifest, only, source_folder, &v)) != ENT_OK)
        return st;
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK) {
        ent_vf_report_free(v);
        return st;
    }
    for (size_t i = 0; i < v->n; i++) {
        ent_result_row(r);
        ent_result_set_text(r, 0, v->items[i].path);
        ent_result_set_text(r, 1, ent_vf_state_name(v->items[i].state));
        ent_result_set_text(r, 2, v->items[i].why);
    }
    ent_result_add_note(r, "summary",
                        "%zu ok, %zu missing, %zu covered by their other form, %zu changed, "
                        "%zu extra, %zu not obtainable",
                        v->count[ENT_VF_OK], v->count[ENT_VF_MISSING], v->count[ENT_VF_COVERED],
                        v->count[ENT_VF_CHANGED], v->count[ENT_VF_EXTRA],
                        v->count[ENT_VF_UNAVAILABLE]);
    ent_result_add_note(r, "verdict", "%s",
                        v->count[ENT_VF_MISSING] || v->count[ENT_VF_CHANGED] ? "incomplete"
                                                                              : "complete");
    ent_vf_report_free(v);
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
