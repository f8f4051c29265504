/*
 * store.c -- the ideal-point module and the warehouse: reading the votes
 * (through the votes module's accessor, ent_votes_scan) and writing the
 * estimates into the module's own tables, replaced in one transaction:
 *
 *   ideal_estimates(ccode, year, estimate, se, lo, hi, psd, nvotes)
 *       one row per state-year with at least one vote; se/lo/hi NULL
 *       without a bootstrap
 *   ideal_runs(key, value)   how they were made (years, the partial session
 *       year, filters, options, iterations, convergence, bootstrap)
 */
#include "ideal_int.h"
#include "measures/agree_db.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static ent_status add_vote(void *ud, int64_t rcid, int year, int ccode, int vote)
{
    ent_ideal_data *d = ud;
    if (vote < 1 || vote > 3)
        return ENT_OK; /* not a vote (absent / non-member codes): missing */
    return ent_ideal_data_add(d, rcid, year, ccode, vote);
}

ent_status ent_ideal_load(ent_db *db, const ent_ideal_query *q, ent_ideal_data **out)
{
    ent_agree_opts ao = {0};
    ent_status st;
    ent_ideal_data *d;
    *out = NULL;
    ao.wt = ENT_AGREE_QUADRATIC;
    if ((st = ent_agree_check(db, &ao)) != ENT_OK)
        return st;
    for (size_t i = 0; i < q->nissues; i++) {
        ao.issue = q->issues[i];
        if ((st = ent_agree_check(db, &ao)) != ENT_OK)
            return st;
    }
    if (!(d = ent_ideal_data_new(db->ctx)))
        return ent_err(db->ctx, ENT_ENOMEM, "out of memory");
    st = ent_votes_scan(db, q->from, q->to, q->issues, q->nissues, q->important, add_vote, d);
    if (st == ENT_ENOMEM)
        st = ent_err(db->ctx, ENT_ENOMEM, "out of memory reading the votes");
    if (st != ENT_OK) {
        ent_ideal_data_free(d);
        return st;
    }
    *out = d;
    return ENT_OK;
}

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS ideal_estimates("
    " ccode INTEGER NOT NULL, year INTEGER NOT NULL,"
    " estimate REAL NOT NULL, se REAL, lo REAL, hi REAL, psd REAL,"
    " nvotes INTEGER NOT NULL,"
    " PRIMARY KEY (ccode, year)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS ideal_runs(key TEXT PRIMARY KEY, value TEXT);";

static ent_status put(ent_ctx *ctx, sqlite3 *sq, sqlite3_stmt *ins, const char *k, const char *v)
{
    sqlite3_bind_text(ins, 1, k, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, v, -1, SQLITE_TRANSIENT);
    return ent_sql_step_reset(ctx, sq, ins);
}

ent_status ent_ideal_store(ent_db *db, const ent_ideal_result *r, const ent_ideal_query *q)
{
    ent_ctx *ctx = db->ctx;
    sqlite3 *sq = ent_db_sqlite(db);
    sqlite3_stmt *ins = NULL, *kv = NULL;
    const ideal_model *md = r->model;
    char buf[512];
    ent_status st;

    if ((st = ent_sql_exec(ctx, sq, "BEGIN IMMEDIATE")) != ENT_OK)
        return st;
    if ((st = ent_sql_exec(ctx, sq, SCHEMA)) != ENT_OK ||
        (st = ent_sql_exec(ctx, sq, "DELETE FROM ideal_estimates; DELETE FROM ideal_runs"))
            != ENT_OK ||
        (st = ent_sql_prepare(ctx, sq, "INSERT INTO ideal_estimates VALUES(?,?,?,?,?,?,?,?)",
                              &ins)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, sq, "INSERT INTO ideal_runs VALUES(?,?)", &kv)) != ENT_OK)
        goto out;
    for (size_t i = 0; i < r->ncells; i++) {
        const ent_ideal_cell *c = &r->cells[i];
        if (!c->nvotes)
            continue;
        sqlite3_bind_int(ins, 1, c->ccode);
        sqlite3_bind_int(ins, 2, c->year);
        sqlite3_bind_double(ins, 3, c->est);
        ent_sql_bind_f64(ins, 4, c->se);
        ent_sql_bind_f64(ins, 5, c->lo);
        ent_sql_bind_f64(ins, 6, c->hi);
        ent_sql_bind_f64(ins, 7, c->psd);
        sqlite3_bind_int(ins, 8, c->nvotes);
        if ((st = ent_sql_step_reset(ctx, sq, ins)) != ENT_OK)
            goto out;
    }
    {
        size_t len = 0;
        buf[0] = 0;
        for (size_t i = 0; i < q->nissues && len < sizeof buf - 8; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "," : "",
                                    q->issues[i]);
    }
    if ((st = put(ctx, sq, kv, "issues", q->nissues ? buf : "all")) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "%d-%d", q->from, q->to);
    if ((st = put(ctx, sq, kv, "years", buf)) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "%d", q->partial);
    if ((st = put(ctx, sq, kv, "partial", q->partial ? buf : "none")) != ENT_OK ||
        (st = put(ctx, sq, kv, "important", q->important ? "1" : "0")) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "omega2=%g prior_x0=%g prior_item=%g tol=%g", md->opts.omega2,
             md->opts.prior_x0, md->opts.prior_item, md->opts.tol);
    if ((st = put(ctx, sq, kv, "options", buf)) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "iterations=%d converged=%d change=%.3g loglik=%.6g", r->iterations,
             r->converged, r->change, r->loglik);
    if ((st = put(ctx, sq, kv, "convergence", buf)) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "%d", r->boot_n);
    if ((st = put(ctx, sq, kv, "bootstrap", buf)) != ENT_OK)
        goto out;
    snprintf(buf, sizeof buf, "roll_calls=%d dropped_unanimous=%d votes=%zu states=%d", r->nrc,
             r->nrc_dropped, r->nvotes, r->nstates);
    if ((st = put(ctx, sq, kv, "data", buf)) != ENT_OK)
        goto out;
    /* the panel's ideal_distance_own now lags: the next `entente build`
     * rebuilds the panel (no sources table in a warehouse without a build) */
    sqlite3_exec(sq, "UPDATE sources SET sha256 = 'stale: ideal points stored' WHERE name = "
                     "'panel'", NULL, NULL, NULL);
out:
    sqlite3_finalize(ins);
    sqlite3_finalize(kv);
    if (st == ENT_OK)
        st = ent_sql_exec(ctx, sq, "COMMIT");
    if (st != ENT_OK)
        sqlite3_exec(sq, "ROLLBACK", NULL, NULL, NULL);
    return st;
}
