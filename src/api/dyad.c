/*
 * dyad.c -- ent_dyad: every panel indicator of one dyad, long, as a result
 * (the library form of `entente dyad`).  The rows come from the panel row
 * accessor (src/panel/row.c), which reads them from a's side; each value
 * also carries the text `entente dyad` prints for it (ent_result_show).
 */
#include "entente/query.h"
#include "result.h"
#include "index/compare.h"
#include "panel/panel.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

_Static_assert(ENT_PANEL_FIRST == ENT_PANEL_YEAR_LO && ENT_PANEL_LAST == ENT_PANEL_YEAR_HI,
               "entente/query.h states the panel's years");

static const char *const dims[] = {"personal", "economic", "military", "diplomatic", "context"};

/* pick_year sets *from = *to to the dyad's default year: the latest in which
 * it has at least half the indicators of its best year, else the latest in
 * which both are members */
static ent_status pick_year(ent_db *db, const ent_registry *reg, int a, int b, int *from,
                            int *to, ent_result *r)
{
    int y = 0, present = 0, best = 0;
    if (ent_panel_dyad_latest(db->ctx, db->db, a, b, &y, &present, &best) == ENT_OK && y) {
        *from = *to = y;
        ent_result_add_note(r, "year", "%d, the latest year in which %s-%s has at least half "
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

/* table_text is a value as a table shows it: integers bare, large values
 * with no decimals, others with four decimals */
static void table_text(double v, char *b, size_t n)
{
    if ((v == floor(v) && fabs(v) < 1e15) || fabs(v) >= 1000)
        snprintf(b, n, "%.0f", v);
    else if (fabs(v) >= 0.001)
        snprintf(b, n, "%.4f", v);
    else
        snprintf(b, n, "%.4g", v);
}

/* show_value sets the texts of value cell j: the table's, and CSV's and
 * JSON's (integers bare, others with every significant digit the warehouse
 * holds) */
static void show_value(ent_result *r, size_t j, const ent_panel_rows *pr, int k)
{
    double v = ent_panel_rows_real(pr, k);
    char b[64];
    table_text(v, b, sizeof b);
    ent_result_show(r, j, b, ENT_SHOW_TABLE);
    if (ent_panel_rows_type(pr, k) == ENT_PV_INT || (v == floor(v) && fabs(v) < 1e15))
        snprintf(b, sizeof b, "%lld", (long long)v);
    else
        snprintf(b, sizeof b, "%.15g", v);
    ent_result_show(r, j, b, ENT_SHOW_DATA | ENT_SHOW_NUM);
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
    ent_panel_rows *pr = NULL;
    int a = 0, b = 0, found = 0;
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
    ent_result_hide(r, 6); /* a text indicator is shown in the value column */
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
    if ((st = ent_panel_rows_open(ctx, db->db, a, b, from, to, 0, &pr)) != ENT_OK)
        goto fail;
    while ((st = ent_panel_rows_next(pr)) == ENT_OK) {
        int y = ent_panel_rows_year(pr);
        found++;
        for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
            for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++) {
                const ent_indicator *ind = &ent_panel_indicators[k];
                if (strcmp(ind->dimension, dims[d]))
                    continue;
                ent_result_row(r);
                ent_result_set_text(r, 0, ent_state_abb(reg, a));
                ent_result_set_text(r, 1, ent_state_abb(reg, b));
                ent_result_set_int(r, 2, y);
                ent_result_set_text(r, 3, ind->dimension);
                ent_result_set_text(r, 4, ind->name);
                if (ent_panel_rows_type(pr, (int)k) == ENT_PV_NULL) {
                    ;
                } else if (ind->is_text) {
                    const char *t = ent_panel_rows_text(pr, (int)k);
                    ent_result_set_text(r, 6, t);
                    ent_result_show(r, 5, t, ENT_SHOW_TABLE | ENT_SHOW_DATA);
                } else {
                    ent_result_set_real(r, 5, ent_panel_rows_real(pr, (int)k));
                    show_value(r, 5, pr, (int)k);
                }
                ent_result_set_text(r, 7, ind->source);
            }
        }
    }
    ent_panel_rows_close(pr);
    if (st != ENT_DONE)
        goto fail;
    if (!found) {
        st = ent_err(ctx, ENT_ENOTFOUND, "no panel rows for %s-%s in %d-%d (not both system "
                     "members)", ent_state_abb(reg, a), ent_state_abb(reg, b), from, to);
        goto fail;
    }
    ent_result_add_note(r, "info", "empty = missing (outside the source's coverage or not "
                                   "reported), never 0; directed indicators read from %s's side",
                        ent_state_abb(reg, a));
    if ((st = ent_result_ok(r)) != ENT_OK)
        goto fail;
    *out = r;
    return ENT_OK;
fail:
    ent_result_free(r);
    return st;
}
