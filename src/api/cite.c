/*
 * cite.c -- ent_cite: what to cite for each data folder a warehouse was
 * built from (the library form of `entente sources --cite`).
 */
#include "entente/query.h"
#include "result.h"
#include "sources/citations.h"
#include "store/store.h"

#include <sqlite3.h>

ent_status ent_cite(ent_db *db, ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"source", ENT_COL_TEXT, 0},  {"folder", ENT_COL_TEXT, 0}, {"release", ENT_COL_TEXT, 0},
        {"licence", ENT_COL_TEXT, 0}, {"citation", ENT_COL_TEXT, 0}};
    ent_result *r;
    sqlite3_stmt *q = NULL;
    ent_status st;

    *out = NULL;
    if (sqlite3_prepare_v2(db->db, "SELECT name FROM sources ORDER BY rowid", -1, &q, NULL) !=
        SQLITE_OK)
        return ent_err(db->ctx, ENT_ENODATA, "%s: not a warehouse (no sources table); run "
                                             "`entente build`", db->path);
    if ((st = ent_result_new(db->ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK) {
        sqlite3_finalize(q);
        return st;
    }
    while (sqlite3_step(q) == SQLITE_ROW) { /* derived sources cite nothing */
        const char *name = (const char *)sqlite3_column_text(q, 0);
        const ent_citation *ct[8];
        size_t nc = ent_citation_source(name, ct, 8);
        for (size_t i = 0; i < nc; i++) {
            ent_result_row(r);
            ent_result_set_text(r, 0, name);
            ent_result_set_text(r, 1, ct[i]->folder);
            ent_result_set_text(r, 2, ct[i]->release);
            ent_result_set_text(r, 3, ct[i]->licence);
            ent_result_set_text(r, 4, ct[i]->citation);
        }
    }
    sqlite3_finalize(q);
    ent_result_add_note(r, "info", "where each folder came from (repository and commit): "
                                   "docs/data.md");
    if ((st = ent_result_ok(r)) != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
