/*
 * sql.h -- thin SQLite helpers: run, prepare and step with the error in
 * ctx's message, bind a missing value as NULL.  Below the store and the
 * registry, which both use them; nothing here knows a table.
 */
#ifndef ENT_SQL_H
#define ENT_SQL_H

#include "core.h"
#include <sqlite3.h>

/* On failure they set ctx's message with SQLite's text and return ENT_EDB. */
ent_status ent_sql_exec(ent_ctx *ctx, sqlite3 *db, const char *sql);
ent_status ent_sql_prepare(ent_ctx *ctx, sqlite3 *db, const char *sql, sqlite3_stmt **st);
/* ent_sql_step_reset steps an INSERT/UPDATE to completion and resets it. */
ent_status ent_sql_step_reset(ent_ctx *ctx, sqlite3 *db, sqlite3_stmt *st);
/* Bind a double or NULL when NAN; an int64 or NULL when ENT_NA. */
void ent_sql_bind_f64(sqlite3_stmt *st, int i, double v);
void ent_sql_bind_i64(sqlite3_stmt *st, int i, int64_t v);

#endif
