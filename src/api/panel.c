/*
 * panel.c -- ent_panel: the dyad-year panel, wide, as a result (the library
 * form of `entente panel`), through the panel module's row export.
 */
#include "entente/query.h"
#include "result.h"
#include "panel/panel.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>

typedef struct panel_fill {
    ent_result *r;
    const ent_registry *reg;
} panel_fill;

static ent_status add_row(void *ud, int c1, int c2, int year, sqlite3_stmt *q, const int *col,
                          int nsel)
{
    panel_fill *f = ud;
    ent_result_row(f->r);
    ent_result_set_int(f->r, 0, c1);
    ent_result_set_int(f->r, 1, c2);
    ent_result_set_text(f->r, 2, ent_state_abb(f->reg, c1));
    ent_result_set_text(f->r, 3, ent_state_abb(f->reg, c2));
    ent_result_set_int(f->r, 4, year);
    for (int s = 0; s < nsel; s++) {
        int t = sqlite3_column_type(q, col[s]);
        if (t == SQLITE_TEXT)
            ent_result_set_text(f->r, (size_t)s + 5, (const char *)sqlite3_column_text(q, col[s]));
        else if (t != SQLITE_NULL)
            ent_result_set_real(f->r, (size_t)s + 5, sqlite3_column_double(q, col[s]));
    }
    return ent_result_ok(f->r);
}

ent_status ent_panel(ent_db *db, int from, int to, const char *indicators, int directed,
                     ent_result **out)
{
    ent_ctx *ctx = db->ctx;
    int sel[ENT_PANEL_MAXIND];
    ent_panel_export_opts opt = {from ? from : ENT_PANEL_YEAR_LO, to ? to : ENT_PANEL_YEAR_HI,
                                 directed, sel, 0};
    ent_result_coldef defs[5 + ENT_PANEL_MAXIND] = {
        {"ccode1", ENT_COL_INT, 0}, {"ccode2", ENT_COL_INT, 0}, {"abb1", ENT_COL_TEXT, 0},
        {"abb2", ENT_COL_TEXT, 0},  {"year", ENT_COL_INT, 0}};
    panel_fill f = {NULL, NULL};
    ent_status st;

    *out = NULL;
    if (opt.from > opt.to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", opt.from, opt.to);
    if (indicators) {
        if ((st = ent_panel_select(ctx, indicators, sel, &opt.nsel)) != ENT_OK)
            return st;
    } else {
        for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++)
            sel[opt.nsel++] = (int)k;
    }
    for (int s = 0; s < opt.nsel; s++) {
        const ent_indicator *ind = &ent_panel_indicators[sel[s]];
        defs[5 + s].name = ind->name;
        defs[5 + s].type = ind->is_text ? ENT_COL_TEXT : ENT_COL_REAL;
        defs[5 + s].decimals = 4;
    }
    if ((st = ent_db_registry(db, &f.reg)) != ENT_OK ||
        (st = ent_result_new(ctx, defs, (size_t)(5 + opt.nsel), &f.r)) != ENT_OK)
        return st;
    st = ent_panel_export_rows(ctx, db->db, &opt, add_row, &f);
    if (st == ENT_OK)
        ent_result_add_note(f.r, "info", "missing = outside the source's coverage, never 0%s",
                            directed ? "; each pair twice, directed columns read from the "
                                       "first state's side" : "");
    if (st == ENT_OK)
        st = ent_result_ok(f.r);
    if (st != ENT_OK) {
        ent_result_free(f.r);
        return st;
    }
    *out = f.r;
    return ENT_OK;
}
