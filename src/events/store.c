/*
 * store.c -- the events result as the warehouse table events_dyad_year, the
 * source of the panel's ev_* indicators (schema: docs/internals/events.md).
 */
#include "events.h"
#include "../store/store.h"

#include <math.h>
#include <time.h>

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS events_dyad_year("
    " ccode1 INTEGER NOT NULL, ccode2 INTEGER NOT NULL, year INTEGER NOT NULL,"
    " quad INTEGER NOT NULL CHECK (quad BETWEEN 1 AND 4),"
    " events INTEGER NOT NULL, goldstein_sum REAL, goldstein_n INTEGER NOT NULL,"
    " goldstein_mean REAL, mentions INTEGER, sources INTEGER, articles INTEGER,"
    " PRIMARY KEY (ccode1, ccode2, year, quad)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events_runs("
    " stored TEXT NOT NULL, files TEXT NOT NULL, rows_read INTEGER NOT NULL,"
    " aggregated INTEGER NOT NULL, filtered INTEGER NOT NULL, rejected INTEGER NOT NULL,"
    " groups INTEGER NOT NULL);";

ent_status ent_ev_write_db(ent_ctx *ctx, struct sqlite3 *db, const ent_ev_result *r,
                           const char *files_desc)
{
    sqlite3_stmt *ins = NULL, *run = NULL;
    ent_status st;
    if (r->by != EV_BY_YEAR || r->key != EV_KEY_QUAD)
        return ent_err(ctx, ENT_EINVAL, "events_dyad_year holds --by year --key quad results");
    if ((st = ent_sql_exec(ctx, db, "BEGIN IMMEDIATE")) != ENT_OK)
        return st;
    if ((st = ent_sql_exec(ctx, db, schema)) != ENT_OK ||
        (st = ent_sql_exec(ctx, db, "DELETE FROM events_dyad_year; DELETE FROM events_runs")) !=
            ENT_OK ||
        (st = ent_sql_prepare(ctx, db,
                              "INSERT INTO events_dyad_year VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                              &ins)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, db, "INSERT INTO events_runs VALUES(?,?,?,?,?,?,?)", &run)) !=
            ENT_OK)
        goto out;
    for (size_t i = 0; i < r->ngroups; i++) {
        const ent_ev_group *g = &r->groups[i];
        sqlite3_bind_int(ins, 1, EV_KEY_A1(g->key));
        sqlite3_bind_int(ins, 2, EV_KEY_A2(g->key));
        sqlite3_bind_int(ins, 3, EV_KEY_PER(g->key));
        sqlite3_bind_int(ins, 4, EV_KEY_K(g->key));
        sqlite3_bind_int64(ins, 5, g->events);
        ent_sql_bind_f64(ins, 6, g->n_gold ? (double)g->gold100 / 100.0 : NAN);
        sqlite3_bind_int64(ins, 7, g->n_gold);
        ent_sql_bind_f64(ins, 8, g->n_gold ? (double)g->gold100 / 100.0 / (double)g->n_gold : NAN);
        ent_sql_bind_i64(ins, 9, g->n_ment ? g->mentions : ENT_NA);
        ent_sql_bind_i64(ins, 10, g->n_src ? g->sources : ENT_NA);
        ent_sql_bind_i64(ins, 11, g->n_art ? g->articles : ENT_NA);
        if ((st = ent_sql_step_reset(ctx, db, ins)) != ENT_OK)
            goto out;
    }
    char when[32];
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    sqlite3_bind_text(run, 1, when, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(run, 2, files_desc ? files_desc : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(run, 3, (sqlite3_int64)r->read);
    sqlite3_bind_int64(run, 4, (sqlite3_int64)r->aggregated);
    sqlite3_bind_int64(run, 5, (sqlite3_int64)r->filtered);
    sqlite3_bind_int64(run, 6, (sqlite3_int64)r->rejected);
    sqlite3_bind_int64(run, 7, (sqlite3_int64)r->ngroups);
    if ((st = ent_sql_step_reset(ctx, db, run)) != ENT_OK)
        goto out;
    /* the panel's ev_* columns now lag: mark the derived panel stale so that
     * the next `entente build` rebuilds it (the sources table may not exist
     * in a warehouse made only for events) */
    sqlite3_exec(db, "UPDATE sources SET sha256 = 'stale: events stored' WHERE name = 'panel'",
                 NULL, NULL, NULL);
    st = ent_sql_exec(ctx, db, "COMMIT");
out:
    sqlite3_finalize(ins);
    sqlite3_finalize(run);
    if (st != ENT_OK)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}
