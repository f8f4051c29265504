/*
 * sql.c -- the SQL helpers every module that talks to SQLite uses (see sql.h).
 */
#include "sql.h"

#include <math.h>

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
