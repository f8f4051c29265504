/*
 * dyad.c -- ent_dyad: every panel indicator of one dyad, long, as a result
 * (the library form of `entente dyad`).
 */
#include "entente/query.h"
#include "result.h"
#include "index/compare.h"
#include "panel/panel.h"
#include "store/store.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

static const char *const dims[] = {"personal", "economic", "military", "diplomatic", "context"};

/* pick_year sets *from = *to to the dyad's default year (cmd_dyad's rule) */
static ent_status pick_year(ent_db *db, const ent_registry *reg, int a, int b, int *from,
                            int *to, ent_result *r)
{
    int y = 0, present = 0, best = 0;
    if (ent_ix_dyad_latest(db->ctx, db->db, a, b, &y, &present, &best) == ENT_OK && y) {
        *from = *to = y;
        ent_result_add_note(r, "info", "%d, the latest year in which %s-%s has at least half "
                                       "the indicators of its best year (%d present, %d at best)",
                            y, ent_state_abb(reg, a), ent_state_abb(reg, b), present, best);
    }
    for (y = ENT_PANEL_YEAR_HI; y >= ENT_PANEL_YEAR_LO && !*from; y--)
        if (ent_state_member(reg, a, y) && ent_state_member(reg, b, y))
            *from = *to = y;
    if (!*from)
        return ent_err(db->ctx, ENT_ENODATA, "%s and %s were never both system members",
                       ent_state_abb(reg, a), ent_state_abb(reg, b));
    return ENT_OK;
}

ent_status ent_dyad(ent_db *db, const char *sa, const char *sb, int year, int from, int to,
                    ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"a", ENT_COL_TEXT, 0},         {"b", ENT_COL_TEXT, 0},     {"year", ENT_COL_INT, 0},
        {"dimension", ENT_COL_TEXT, 0}, {"indicator", ENT_COL_TEXT, 0},
        {"value", ENT_COL_REAL, 4},     {"text", ENT_COL_TEXT, 0},  {"source", ENT_COL_TEXT, 0}};
    ent_ctx *ctx = db->ctx;
    const ent_registry *reg;
    ent_result *r = NULL;
    sqlite3_stmt *q = NULL;
    int a = 0, b = 0, swapped, found = 0, ycol = -1, pcol[ENT_PANEL_MAXIND];
    ent_status st;
    char ended[2048];

    *out = NULL;
    if (year && (from || to))
        return ent_err(ctx, ENT_EINVAL, "year and from/to: give one year or a range");
    if (year)
        from = to = year;
    if (from && !to)
        to = ENT_PANEL_YEAR_HI;
    if (to && !from)
        from = ENT_PANEL_YEAR_LO;
    if (from > to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", from, to);
    if (from && (to < ENT_PANEL_YEAR_LO || from > ENT_PANEL_YEAR_HI))
        return ent_err(ctx, ENT_EINVAL, "the panel covers %d-%d", ENT_PANEL_YEAR_LO,
                       ENT_PANEL_YEAR_HI);
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, sa, to, &a)) != ENT_OK ||
        (st = ent_state_resolve(ctx, reg, sb, to, &b)) != ENT_OK)
        return st;
    if (a == b)
        return ent_err(ctx, ENT_EINVAL, "%s and %s are the same state", sa, sb);
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof cols[0], &r)) != ENT_OK)
        return st;
    if (!from && (st = pick_year(db, reg, a, b, &from, &to, r)) != ENT_OK)
        goto fail;
    if (from == to && (!ent_state_member(reg, a, from) || !ent_state_member(reg, b, from))) {
        st = ent_err(ctx, ENT_EINVAL, "%s-%s is not a dyad in %d: %s was not a COW system member",
                     ent_state_abb(reg, a), ent_state_abb(reg, b), from,
                     ent_state_abb(reg, ent_state_member(reg, a, from) ? b : a));
        goto fail;
    }
    if (ent_ix_ended_text(to, ended, sizeof ended))
        ent_result_add_note(r, "coverage", "by %d these sources have ended (last year): %s; "
                                           "their indicators are empty after that", to, ended);
    swapped = a > b;
    if (sqlite3_prepare_v2(db->db,
                           "SELECT * FROM panel WHERE ccode1 = ?1 AND ccode2 = ?2 AND year BETWEEN "
                           "?3 AND ?4 ORDER BY year", -1, &q, NULL) != SQLITE_OK) {
        st = ent_err(ctx, ENT_ENODATA, "%s: the warehouse has no panel; run `entente build`",
                     db->path);
        goto fail;
    }
    for (int i = 0; i < sqlite3_column_count(q); i++)
        if (!strcmp(sqlite3_column_name(q, i), "year"))
            ycol = i;
    for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++) {
        pcol[k] = -1;
        for (int i = 0; i < sqlite3_column_count(q); i++)
            if (!strcmp(sqlite3_column_name(q, i), ent_panel_indicators[k].name))
                pcol[k] = i;
        if (pcol[k] < 0 || ycol < 0) {
            st = ent_err(ctx, ENT_ENODATA, "%s: the panel has no column %s; rebuild the "
                         "warehouse with `entente build`", db->path,
                         ycol < 0 ? "year" : ent_panel_indicators[k].name);
            goto fail;
        }
    }
    sqlite3_bind_int(q, 1, swapped ? b : a);
    sqlite3_bind_int(q, 2, swapped ? a : b);
    sqlite3_bind_int(q, 3, from);
    sqlite3_bind_int(q, 4, to);
    while (sqlite3_step(q) == SQLITE_ROW) {
        int y = sqlite3_column_int(q, ycol);
        found++;
        for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
            for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++) {
                const ent_indicator *ind = &ent_panel_indicators[k];
                int col = pcol[k];
                if (strcmp(ind->dimension, dims[d]))
                    continue;
                if (swapped && ind->pair)
                    col = pcol[ent_panel_find(ind->pair)];
                ent_result_row(r);
                ent_result_set_text(r, 0, ent_state_abb(reg, a));
                ent_result_set_text(r, 1, ent_state_abb(reg, b));
                ent_result_set_int(r, 2, y);
                ent_result_set_text(r, 3, ind->dimension);
                ent_result_set_text(r, 4, ind->name);
                if (sqlite3_column_type(q, col) != SQLITE_NULL) {
                    if (ind->is_text)
                        ent_result_set_text(r, 6, (const char *)sqlite3_column_text(q, col));
                    else
                        ent_result_set_real(r, 5, sqlite3_column_double(q, col));
                }
                ent_result_set_text(r, 7, ind->source);
            }
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    if (!found) {
        st = ent_err(ctx, ENT_ENOTFOUND, "no panel rows for %s-%s in %d-%d (not both system "
                     "members)", ent_state_abb(reg, a), ent_state_abb(reg, b), from, to);
        goto fail;
    }
    ent_result_add_note(r, "info", "missing = outside the source's coverage or not reported, "
                                   "never 0; directed indicators read from %s's side",
                        ent_state_abb(reg, a));
    if ((st = ent_result_ok(r)) != ENT_OK)
        goto fail;
    *out = r;
    return ENT_OK;
fail:
    sqlite3_finalize(q);
    ent_result_free(r);
    return st;
}
