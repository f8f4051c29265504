/*
 * registry_db.c -- storing the registry in the warehouse and loading it back,
 * so that commands reading the warehouse need no data folder (registry_db.h).
 * Below the store: it uses only the SQL helpers of src/core/sql.h.
 */
#include "registry_db.h"
#include "registry.h"
#include "../core/sql.h"

#include <string.h>

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS states(ccode INTEGER PRIMARY KEY, abb TEXT, name TEXT,"
    " iso3 TEXT, iso2 TEXT, gwcode INTEGER);"
    "CREATE TABLE IF NOT EXISTS state_spells(ccode INTEGER, start INTEGER, end INTEGER);"
    "CREATE TABLE IF NOT EXISTS state_names(name TEXT, ccode INTEGER);"
    "DELETE FROM states; DELETE FROM state_spells; DELETE FROM state_names;";

ent_status ent_registry_save(ent_ctx *ctx, const ent_registry *r, sqlite3 *db)
{
    sqlite3_stmt *a = NULL, *b = NULL, *c = NULL;
    ent_status st;
    if ((st = ent_sql_exec(ctx, db, SCHEMA)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, db, "INSERT INTO states VALUES(?,?,?,?,?,?)", &a)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, db, "INSERT INTO state_spells VALUES(?,?,?)", &b)) != ENT_OK ||
        (st = ent_sql_prepare(ctx, db, "INSERT INTO state_names VALUES(?,?)", &c)) != ENT_OK)
        goto out;
    for (size_t i = 0; i < r->nstates; i++) {
        const ent_reg_state *s = &r->states[i];
        sqlite3_bind_int(a, 1, s->ccode);
        sqlite3_bind_text(a, 2, s->abb, -1, SQLITE_STATIC);
        sqlite3_bind_text(a, 3, s->name ? s->name : "", -1, SQLITE_STATIC);
        if (s->iso3[0])
            sqlite3_bind_text(a, 4, s->iso3, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(a, 4);
        if (s->iso2[0])
            sqlite3_bind_text(a, 5, s->iso2, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(a, 5);
        if (s->gw >= 0)
            sqlite3_bind_int(a, 6, s->gw);
        else
            sqlite3_bind_null(a, 6);
        if ((st = ent_sql_step_reset(ctx, db, a)) != ENT_OK)
            goto out;
        for (int k = 0; k < s->nspells; k++) {
            sqlite3_bind_int(b, 1, s->ccode);
            sqlite3_bind_int(b, 2, s->spell_start[k]);
            sqlite3_bind_int(b, 3, s->spell_end[k]);
            if ((st = ent_sql_step_reset(ctx, db, b)) != ENT_OK)
                goto out;
        }
    }
    for (size_t i = 0; i < r->nnames; i++) {
        sqlite3_bind_text(c, 1, r->names[i].key, -1, SQLITE_STATIC);
        sqlite3_bind_int(c, 2, r->names[i].ccode);
        if ((st = ent_sql_step_reset(ctx, db, c)) != ENT_OK)
            goto out;
    }
out:
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    sqlite3_finalize(c);
    return st;
}

ent_status ent_registry_load_db(ent_ctx *ctx, sqlite3 *db, ent_registry **out)
{
    ent_registry *r = NULL;
    sqlite3_stmt *q = NULL;
    ent_status st = ent_reg_new(ctx, &r);
    int rc;
    if (st != ENT_OK)
        return st;
    if (sqlite3_prepare_v2(db, "SELECT ccode, abb, name, iso3, iso2, gwcode FROM states", -1, &q,
                           NULL) != SQLITE_OK) {
        st = ent_err(ctx, ENT_ENODATA,
                     "the warehouse has no state registry; run `entente build` first");
        goto out;
    }
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        ent_reg_state *s = ent_reg_state_get(r, sqlite3_column_int(q, 0), 1);
        const char *t;
        if (!s) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        snprintf(s->abb, sizeof s->abb, "%s", (const char *)sqlite3_column_text(q, 1));
        t = (const char *)sqlite3_column_text(q, 2);
        if (!(s->name = ent_strdup(ctx, t ? t : ""))) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        if ((t = (const char *)sqlite3_column_text(q, 3)))
            snprintf(s->iso3, sizeof s->iso3, "%s", t);
        if ((t = (const char *)sqlite3_column_text(q, 4)))
            snprintf(s->iso2, sizeof s->iso2, "%s", t);
        s->gw = sqlite3_column_type(q, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(q, 5);
    }
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT ccode, start, end FROM state_spells", -1, &q, NULL) !=
        SQLITE_OK) {
        st = ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
        goto out;
    }
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if ((st = ent_reg_add_spell(r, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1),
                                    sqlite3_column_int(q, 2))) != ENT_OK)
            goto out;
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name, ccode FROM state_names", -1, &q, NULL) != SQLITE_OK) {
        st = ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
        goto out;
    }
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if ((st = ent_reg_add_name(r, (const char *)sqlite3_column_text(q, 0),
                                   sqlite3_column_int(q, 1))) != ENT_OK)
            goto out;
    if (r->nstates == 0) {
        st = ent_err(ctx, ENT_ENODATA, "the warehouse's state registry is empty; run `entente build`");
        goto out;
    }
    st = ent_reg_finish(r);
out:
    sqlite3_finalize(q);
    if (st != ENT_OK)
        ent_registry_free(r);
    else
        *out = r;
    return st;
}
