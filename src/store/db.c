/*
 * db.c -- opening the warehouse (the SQL helpers are src/core/sql.c).
 *
 * A warehouse is stamped with PRAGMA application_id (ENT_APPLICATION_ID) and
 * PRAGMA user_version (ENT_SCHEMA_VERSION).  Opening checks both, and that
 * every source recorded in the `sources` table was loaded by this binary's
 * loader version: a warehouse of another version is refused with a message
 * that says to rebuild, and another program's SQLite file is refused.
 */
#include "store.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* sql_int runs a one-value query (a PRAGMA); -1 and SQLite's code in *rc on failure. */
static long long sql_int(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *q = NULL;
    long long v = -1;
    *rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
    if (*rc == SQLITE_OK) {
        *rc = sqlite3_step(q);
        if (*rc == SQLITE_ROW) {
            v = sqlite3_column_int64(q, 0);
            *rc = SQLITE_OK;
        } else if (*rc == SQLITE_DONE) {
            *rc = SQLITE_OK;
            v = 0;
        }
    }
    sqlite3_finalize(q);
    return v;
}

/* db_error reports what SQLite said about path: locked, corrupt, not a
 * database, I/O error, full disk. */
static ent_status db_error(ent_ctx *ctx, sqlite3 *db, const char *path, int rc)
{
    const char *hint = "";
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: hint = " (another process, such as a running `entente build`, holds it)"; break;
    case SQLITE_NOTADB: hint = " (not a SQLite file: not an entente warehouse)"; break;
    case SQLITE_CORRUPT: hint = " (the file is damaged or truncated; rebuild it with `entente build`)"; break;
    case SQLITE_FULL: hint = " (no space left on the device)"; break;
    default: break;
    }
    return ent_err(ctx, ENT_EDB, "%s: sqlite: %s%s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
                   hint);
}

/* check_identity tells an entente warehouse (ours, of this schema version,
 * every recorded loader version this binary's) from anything else.  A new,
 * empty database is accepted when create is set, and stamped as ours.  A
 * warehouse of another version is accepted only for a build (create), which
 * reloads the sources whose loader changed. */
static ent_status check_identity(ent_ctx *ctx, ent_db *db, int create)
{
    sqlite3 *sq = db->db;
    int rc;
    long long app = sql_int(sq, "PRAGMA application_id", &rc), ver, ntab, oldent;
    if (rc != SQLITE_OK)
        return db_error(ctx, sq, db->path, rc);
    ver = sql_int(sq, "PRAGMA user_version", &rc);
    if (rc == SQLITE_OK)
        ntab = sql_int(sq, "SELECT count(*) FROM sqlite_master", &rc);
    if (rc != SQLITE_OK)
        return db_error(ctx, sq, db->path, rc);
    if (app != ENT_APPLICATION_ID) {
        if (ntab == 0) { /* empty: a new warehouse */
            char sql[128];
            if (!create)
                return ent_err(ctx, ENT_ENODATA, "%s: the warehouse is empty; run `entente build "
                               "--data DIR --db %s` first", db->path, db->path);
            snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
                     ENT_APPLICATION_ID, ENT_SCHEMA_VERSION);
            rc = sqlite3_exec(sq, sql, NULL, NULL, NULL);
            return rc == SQLITE_OK ? ENT_OK : db_error(ctx, sq, db->path, rc);
        }
        /* an entente warehouse from before the schema was stamped */
        oldent = sql_int(sq, "SELECT count(*) FROM pragma_table_info('sources') "
                             "WHERE name IN ('sha256', 'rows_loaded', 'coverage')", &rc);
        if (rc != SQLITE_OK || oldent != 3)
            return ent_err(ctx, ENT_EINVAL,
                           "%s: not an entente warehouse (a SQLite database of another program, "
                           "application_id %lld, %lld objects); refusing to %s it",
                           db->path, app, ntab, create ? "build into" : "read");
        if (!create)
            return ent_err(ctx, ENT_EINVAL,
                           "%s: warehouse built by an older entente (no schema version; this "
                           "entente reads version %d); rebuild it: entente build --data DIR --db %s",
                           db->path, ENT_SCHEMA_VERSION, db->path);
        return ENT_OK;
    }
    if (ver != ENT_SCHEMA_VERSION) {
        if (create && ver < ENT_SCHEMA_VERSION)
            return ENT_OK;
        return ent_err(ctx, ENT_EINVAL,
                       "%s: warehouse schema version %lld, this entente reads version %d; "
                       "rebuild it: %sentente build --data DIR --db %s", db->path, ver,
                       ENT_SCHEMA_VERSION, ver > ENT_SCHEMA_VERSION ? "rm it, then " : "",
                       db->path);
    }
    if (!create) { /* every loaded source must be of this binary's loader version */
        sqlite3_stmt *q = NULL;
        ent_status st = ENT_OK;
        rc = sqlite3_prepare_v2(sq, "SELECT name, version FROM sources", -1, &q, NULL);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(q);
            return db_error(ctx, sq, db->path, rc);
        }
        while (st == ENT_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(q, 0);
            const ent_source *src = name ? ent_source_find(name) : NULL;
            int v = sqlite3_column_int(q, 1);
            if (src && src->version != v)
                st = ent_err(ctx, ENT_EINVAL,
                             "%s: warehouse built by another version of entente (source '%s' "
                             "has loader version %d, this entente %d); rebuild it: entente "
                             "build --data DIR --db %s", db->path, name, v, src->version,
                             db->path);
        }
        if (st == ENT_OK && rc != SQLITE_DONE)
            st = db_error(ctx, sq, db->path, rc);
        sqlite3_finalize(q);
        return st;
    }
    return ENT_OK;
}

/* clear_stale_journal removes a "-journal" left by a build killed before it
 * wrote any page to the warehouse: its header was never synced, so SQLite
 * rightly ignores it, but nothing would remove it (it can be 100 MB).  Under
 * an EXCLUSIVE lock no writer is active, and a hot journal has been rolled
 * back by the time the lock is granted, so what remains is stale.  When
 * another process holds the warehouse, nothing is done. */
static void clear_stale_journal(ent_db *db)
{
    struct stat sb;
    size_t n = strlen(db->path) + 9;
    char *j = ent_malloc(db->ctx, n);
    if (!j)
        return;
    snprintf(j, n, "%s-journal", db->path);
    if (stat(j, &sb) == 0) {
        sqlite3_busy_timeout(db->db, 0);
        if (sqlite3_exec(db->db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK) {
            if (stat(j, &sb) == 0 && unlink(j) == 0)
                ent_log(db->ctx, "%s: removed the stale journal of an interrupted build",
                        db->path);
            sqlite3_exec(db->db, "COMMIT", NULL, NULL, NULL);
        }
        sqlite3_busy_timeout(db->db, ent_db_busy_ms());
    }
    ent_free(db->ctx, j);
}

ent_status ent_db_open(ent_ctx *ctx, const char *path, int create, ent_db **out)
{
    ent_db *db;
    ent_status st;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (!create && access(path, F_OK) != 0)
        return ent_err(ctx, ENT_ENOTFOUND,
                       "%s: no warehouse here; run `entente build --data DIR --db %s` first",
                       path, path);
    db = ent_calloc(ctx, 1, sizeof *db);
    if (!db)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    db->ctx = ctx;
    if (!(db->path = ent_strdup(ctx, path))) {
        ent_db_close(db);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    if (sqlite3_open_v2(path, &db->db, flags, NULL) != SQLITE_OK) {
        st = ent_err(ctx, ENT_EDB, "%s: sqlite: %s", path,
                     db->db ? sqlite3_errmsg(db->db) : "cannot open");
        ent_db_close(db);
        return st;
    }
    sqlite3_busy_timeout(db->db, ent_db_busy_ms());
    if ((st = check_identity(ctx, db, create)) != ENT_OK) {
        ent_db_close(db);
        return st;
    }
    clear_stale_journal(db);
    sqlite3_exec(db->db, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=4294967296;", NULL, NULL,
                 NULL);
    *out = db;
    return ENT_OK;
}

ent_status ent_db_annotate(ent_db *db, ent_status st)
{
    const char *m = ent_errmsg(db->ctx), *hint = "";
    char copy[ENT_ERRMAX];
    size_t n = strlen(db->path);
    if (st != ENT_EDB || (!strncmp(m, db->path, n) && m[n] == ':'))
        return st;
    /* by SQLite's text: a ROLLBACK has reset its error code by now */
    if (strstr(m, sqlite3_errstr(SQLITE_FULL)))
        hint = " (no space left on the device, or the file size limit reached)";
    else if (strstr(m, sqlite3_errstr(SQLITE_IOERR)))
        hint = " (the device failed to read or write the warehouse, or the file size limit was reached)";
    else if (strstr(m, sqlite3_errstr(SQLITE_BUSY)))
        hint = " (another process holds the warehouse)";
    else if (strstr(m, sqlite3_errstr(SQLITE_CORRUPT)))
        hint = " (the file is damaged; rebuild it)";
    snprintf(copy, sizeof copy, "%s", m);
    if (*hint && sqlite3_system_errno(db->db)) { /* what the system said, when SQLite kept it */
        char sys[160];
        snprintf(sys, sizeof sys, " (%s)", strerror(sqlite3_system_errno(db->db)));
        return ent_err(db->ctx, st, "%s: %s%s", db->path, copy, strstr(copy, sys) ? "" : sys);
    }
    return ent_err(db->ctx, st, "%s: %s%s", db->path, copy, strstr(copy, hint) ? "" : hint);
}

const char *ent_db_path(const ent_db *db)
{
    return db->path;
}

int ent_db_busy_ms(void)
{
    const char *e = getenv("ENTENTE_BUSY_TIMEOUT_MS");
    return e && *e ? atoi(e) : 5000;
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
        if (st == ENT_EDB) { /* say which file SQLite failed on */
            char m[ENT_ERRMAX];
            snprintf(m, sizeof m, "%s", ent_errmsg(db->ctx));
            return ent_err(db->ctx, st, "%s: %s", db->path, m);
        }
        if (st != ENT_OK)
            return st;
    }
    *out = db->reg;
    return ENT_OK;
}
