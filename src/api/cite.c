/*
 * cite.c -- ent_cite: what to cite for each data folder a warehouse was
 * built from (the library form of `entente sources --cite`), over the
 * build's table of sources (src/store/srclist.c).
 */
#include "entente/query.h"
#include "result.h"
#include "sources/citations.h"
#include "store/store.h"

static ent_status one(void *ud, const ent_srcrow *s)
{
    ent_result *r = ud;
    const ent_citation *ct[8];
    size_t nc = ent_citation_source(s->name, ct, 8); /* derived sources cite nothing */
    for (size_t i = 0; i < nc; i++) {
        ent_result_row(r);
        ent_result_set_text(r, 0, s->name);
        ent_result_set_text(r, 1, ct[i]->folder);
        ent_result_set_text(r, 2, ct[i]->release);
        ent_result_set_text(r, 3, ct[i]->licence);
        ent_result_set_text(r, 4, ct[i]->citation);
    }
    return ent_result_ok(r);
}

ent_status ent_cite(ent_db *db, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"source", ENT_COL_TEXT, 0},  {"folder", ENT_COL_TEXT, 0}, {"release", ENT_COL_TEXT, 0},
        {"licence", ENT_COL_TEXT, 0}, {"citation", ENT_COL_TEXT, 0}};
    ent_result *r;
    ent_status st;

    *out = NULL;
    if ((st = ent_result_new(db->ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        return st;
    if ((st = ent_store_sources(db, one, r)) == ENT_OK) {
        ent_result_add_note(r, "info", "where each folder came from (repository and commit): "
                                       "docs/data.md");
        st = ent_result_ok(r);
    }
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
