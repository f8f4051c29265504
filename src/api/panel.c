/*
 * panel.c -- ent_panel: the dyad-year panel, wide, as a result (the library
 * form of `entente panel`), and ent_panel_write, which streams the same rows
 * to a CSV or JSON file.  Rows come from the panel row accessor
 * (src/panel/row.c), which does the directed swap.
 */
#include "entente/query.h"
#include "result.h"
#include "core/atomic.h"
#include "panel/panel.h"
#include "report/report.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* select_ind fills sel from a comma list of names, or with every indicator */
static ent_status select_ind(ent_ctx *ctx, const char *indicators, int *sel, int *nsel)
{
    *nsel = 0;
    if (indicators)
        return ent_panel_select(ctx, indicators, sel, nsel);
    for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++)
        sel[(*nsel)++] = (int)k;
    return ENT_OK;
}

ent_status ent_panel(ent_db *db, int from, int to, const char *indicators, int directed,
                     ent_result **out)
{
    ent_ctx *ctx = db->ctx;
    int sel[ENT_PANEL_MAXIND], nsel = 0;
    ent_result_coldef defs[5 + ENT_PANEL_MAXIND] = {
        {"ccode1", ENT_COL_INT, 0}, {"ccode2", ENT_COL_INT, 0}, {"abb1", ENT_COL_TEXT, 0},
        {"abb2", ENT_COL_TEXT, 0},  {"year", ENT_COL_INT, 0}};
    const ent_registry *reg;
    ent_result *r = NULL;
    ent_panel_rows *pr = NULL;
    ent_status st;

    *out = NULL;
    from = from ? from : ENT_PANEL_YEAR_LO;
    to = to ? to : ENT_PANEL_YEAR_HI;
    if (from > to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", from, to);
    if ((st = select_ind(ctx, indicators, sel, &nsel)) != ENT_OK)
        return st;
    for (int s = 0; s < nsel; s++) {
        const ent_indicator *ind = &ent_panel_indicators[sel[s]];
        defs[5 + s].name = ind->name;
        defs[5 + s].type = ind->is_text ? ENT_COL_TEXT : ENT_COL_REAL;
        defs[5 + s].decimals = 4;
    }
    if ((st = ent_db_registry(db, &reg)) != ENT_OK ||
        (st = ent_result_new(ctx, defs, (size_t)(5 + nsel), &r)) != ENT_OK ||
        (st = ent_panel_rows_open(ctx, db->db, 0, 0, from, to, directed, &pr)) != ENT_OK)
        goto out;
    while ((st = ent_panel_rows_next(pr)) == ENT_OK && ent_result_ok(r) == ENT_OK) {
        int c1 = ent_panel_rows_ccode1(pr), c2 = ent_panel_rows_ccode2(pr);
        ent_result_row(r);
        ent_result_set_int(r, 0, c1);
        ent_result_set_int(r, 1, c2);
        ent_result_set_text(r, 2, ent_state_abb(reg, c1));
        ent_result_set_text(r, 3, ent_state_abb(reg, c2));
        ent_result_set_int(r, 4, ent_panel_rows_year(pr));
        for (int s = 0; s < nsel; s++) {
            if (ent_panel_rows_type(pr, sel[s]) == ENT_PV_TEXT)
                ent_result_set_text(r, (size_t)s + 5, ent_panel_rows_text(pr, sel[s]));
            else
                ent_result_set_real(r, (size_t)s + 5, ent_panel_rows_real(pr, sel[s]));
        }
    }
    if (st == ENT_DONE)
        st = ent_result_ok(r);
    if (st == ENT_OK)
        ent_result_add_note(r, "info", "missing = outside the source's coverage, never 0%s",
                            directed ? "; each pair twice, directed columns read from the "
                                       "first state's side" : "");
    if (st == ENT_OK)
        st = ent_result_ok(r);
out:
    ent_panel_rows_close(pr);
    if (st != ENT_OK) {
        ent_result_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}

/* write_json streams the rows as an array of objects: missing null, whole
 * numbers bare, others the shortest text that reads back as the value */
static ent_status write_json(ent_ctx *ctx, ent_db *db, const ent_registry *reg, int from, int to,
                             int directed, const int *sel, int nsel, const char *path)
{
    const char *cols[5 + ENT_PANEL_MAXIND] = {"ccode1", "ccode2", "abb1", "abb2", "year"};
    ent_panel_rows *pr = NULL;
    ent_out *o = NULL;
    ent_status st;

    for (int s = 0; s < nsel; s++)
        cols[5 + s] = ent_panel_indicators[sel[s]].name;
    if ((st = ent_panel_rows_open(ctx, db->db, 0, 0, from, to, directed, &pr)) != ENT_OK)
        return st;
    if ((st = ent_out_open(ctx, path, ENT_FMT_JSON, cols, (size_t)(5 + nsel), &o)) != ENT_OK) {
        ent_panel_rows_close(pr);
        return st;
    }
    while ((st = ent_panel_rows_next(pr)) == ENT_OK) {
        int c1 = ent_panel_rows_ccode1(pr), c2 = ent_panel_rows_ccode2(pr);
        ent_out_i64(o, c1);
        ent_out_i64(o, c2);
        ent_out_str(o, ent_state_abb(reg, c1));
        ent_out_str(o, ent_state_abb(reg, c2));
        ent_out_i64(o, ent_panel_rows_year(pr));
        for (int s = 0; s < nsel; s++) {
            double v = ent_panel_rows_real(pr, sel[s]);
            switch (ent_panel_rows_type(pr, sel[s])) {
            case ENT_PV_NULL: ent_out_str(o, NULL); break;
            case ENT_PV_TEXT: ent_out_str(o, ent_panel_rows_text(pr, sel[s])); break;
            case ENT_PV_INT: ent_out_i64(o, ent_panel_rows_int(pr, sel[s])); break;
            default:
                if (v == floor(v) && fabs(v) < 1e15)
                    ent_out_i64(o, (int64_t)v); /* REAL columns hold whole numbers too */
                else
                    ent_out_num(o, v);
                break;
            }
        }
        ent_out_row(o);
    }
    ent_panel_rows_close(pr);
    if (st != ENT_DONE) {
        ent_out_close(o, 0);
        return st;
    }
    return ent_out_close(o, 1);
}

ent_status ent_panel_write(ent_db *db, int from, int to, const char *indicators, int directed,
                           const char *format, const char *path)
{
    ent_ctx *ctx = db->ctx;
    int sel[ENT_PANEL_MAXIND], nsel = 0, json;
    ent_panel_export_opts opt;
    const ent_registry *reg;
    ent_afile *f = NULL;
    ent_status st;

    from = from ? from : ENT_PANEL_YEAR_LO;
    to = to ? to : ENT_PANEL_YEAR_HI;
    format = format ? format : "csv";
    if (strcmp(format, "csv") && strcmp(format, "json"))
        return ent_err(ctx, ENT_EINVAL, "format: '%s' is not csv or json", format);
    json = !strcmp(format, "json");
    if (from > to)
        return ent_err(ctx, ENT_EINVAL, "from %d is after to %d", from, to);
    if ((st = select_ind(ctx, indicators, sel, &nsel)) != ENT_OK ||
        (st = ent_db_registry(db, &reg)) != ENT_OK)
        return st;
    if (json)
        return write_json(ctx, db, reg, from, to, directed, sel, nsel, path);
    opt.from = from;
    opt.to = to;
    opt.directed = directed;
    opt.sel = sel;
    opt.nsel = nsel;
    if ((st = ent_afile_open(ctx, path, &f)) != ENT_OK)
        return st;
    if ((st = ent_panel_export_csv(ctx, db->db, reg, &opt, ent_afile_fp(f), NULL)) != ENT_OK) {
        ent_afile_close(f, 0);
        if (st == ENT_EIO) { /* say which file */
            char msg[512];
            snprintf(msg, sizeof msg, "%s", ent_errmsg(ctx));
            return ent_err(ctx, ENT_EIO, "%s: %s", path ? path : "-", msg);
        }
        return st;
    }
    return ent_afile_close(f, 1);
}
