/*
 * db.c -- opening the warehouse, and the SQL helpers every module uses.
 */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ent_status ent_db_open(ent_ctx *ctx, const char *path, int create, ent_db **out)
{
    ent_db *db;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (!create && access(path, F_OK) != 0)
        return ent_err(ctx, ENT_ENOTFOUND,
                       "%s: no warehouse here; run `entente build --data DIR --db %s` first",
                       path, path);
    db = ent_calloc(ctx, 1, sizeof *db);
    if (!db)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    db->ctx = ctx;
    db->path = ent_strdup(ctx, path);
    if (sqlite3_open_v2(path, &db->db, flags, NULL) != SQLITE_OK) {
        ent_status st = ent_err(ctx, ENT_EDB, "%s: %s", path,
                                db->db ? sqlite3_errmsg(db->db) : "cannot open");
        ent_db_close(db);
        return st;
    }
    sqlite3_busy_timeout(db->db, 5000);
    sqlite3_exec(db->db, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=4294967296;", NULL, NULL,
                 NULL);
    *out = db;
    return ENT_OK;
}

void ent_db_close(ent_db *db)
{
    if (!db)
        return;
    if (db->db)
        sqlite3_close(db->db);
    ent_registry_free(db->reg);
    ent_free(db->ctx, db->path);
    ent_free(db->ctx, db);
}

sqlite3 *ent_db_sqlite(ent_db *db)
{
    return db->db;
}

ent_status ent_db_registry(ent_db *db, const ent_registry **out)
{
    if (!db->reg) {
        ent_status st = ent_registry_load_db(db->ctx, db->db, &db->reg);
        if (st != ENT_OK)
            return st;
    }
    *out = db->reg;
    return ENT_OK;
}

ent_status ent_sql_exec(ent_ctx *ctx, sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        ent_status st = ent_err(ctx, ENT_EDB, "sqlite: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return st;
    }
    return ENT_OK;
}

ent_status ent_sql_prepare(ent_ctx *ctx, sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s (in: %.120s)", sqlite3_errmsg(db), sql);
    return ENT_OK;
}

ent_status ent_sql_step_reset(ent_ctx *ctx, sqlite3 *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    return ENT_OK;
}

void ent_sql_bind_f64(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

void ent_sql_bind_i64(sqlite3_stmt *st, int i, int64_t v)
{
    if (v == ENT_NA)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}
