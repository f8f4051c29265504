/*
 * srclist.c -- the reader of the build's table `sources` (written by
 * build.c): what each loaded source read, loaded and rejected, the years
 * found and stated, and the digests of its files.
 */
#include "store.h"

#include <sqlite3.h>

static const char *text(sqlite3_stmt *q, int i)
{
    return (const char *)sqlite3_column_text(q, i);
}

static int year(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? 0 : sqlite3_column_int(q, i);
}

ent_status ent_store_sources(ent_db *db, ent_srcrow_fn fn, void *ud)
{
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc;

    if (sqlite3_prepare_v2(db->db,
                           "SELECT name, rows_read, rows_loaded, rows_rejected, year_lo, year_hi,"
                           " stated_lo, stated_hi, coverage, load_seconds, rejects, sha256"
                           " FROM sources ORDER BY rowid", -1, &q, NULL) != SQLITE_OK)
        return ent_err(db->ctx, ENT_ENODATA, "%s: not a warehouse (no sources table); run "
                                             "`entente build`", db->path);
    while (st == ENT_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        ent_srcrow r;
        r.name = text(q, 0);
        r.read = sqlite3_column_int64(q, 1);
        r.loaded = sqlite3_column_int64(q, 2);
        r.rejected = sqlite3_column_int64(q, 3);
        r.year_lo = year(q, 4);
        r.year_hi = year(q, 5);
        r.stated_lo = year(q, 6);
        r.stated_hi = year(q, 7);
        r.coverage = text(q, 8);
        r.seconds = sqlite3_column_double(q, 9);
        r.rejects = text(q, 10);
        r.sha256 = text(q, 11);
        st = fn(ud, &r);
    }
    if (st == ENT_OK && rc != SQLITE_DONE)
        st = ent_db_annotate(db, ent_err(db->ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db->db)));
    sqlite3_finalize(q);
    return st;
}
