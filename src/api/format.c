/*
 * format.c -- the one formatter of query results: an ent_result through the
 * table / CSV / JSON writers of src/report.  Warnings (notes of kind
 * "coverage" or "warning") may go to a stream of their own, before the rows;
 * tables leave out hidden columns and show a cell's short form.
 */
#include "result.h"
#include "report/report.h"

#include <string.h>

static int is_warning(const char *kind)
{
    return !strcmp(kind, "coverage") || !strcmp(kind, "warning");
}

ent_status ent_result_print(ent_ctx *ctx, const ent_result *r, const ent_print_opts *po)
{
    static const ent_print_opts defaults = {0};
    const ent_print_opts *o = po ? po : &defaults;
    const char *format = o->format ? o->format : "table";
    int fmt = ent_fmt_parse(format);
    size_t nc = ent_result_ncols(r), nr = ent_result_nrows(r), ns = 0;
    const char **cols;
    size_t *shown; /* the columns written, in order */
    ent_out *out;
    ent_status st;

    if (fmt < 0)
        return ent_err(ctx, ENT_EINVAL, "unknown format '%s' (table, csv or json)", format);
    cols = ent_calloc(ctx, nc ? nc : 1, sizeof *cols);
    shown = ent_calloc(ctx, nc ? nc : 1, sizeof *shown);
    if (!cols || !shown) {
        ent_free(ctx, cols);
        ent_free(ctx, shown);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    for (size_t j = 0; j < nc; j++)
        if (fmt != ENT_FMT_TABLE || !ent_result_col_hidden(r, j)) {
            cols[ns] = ent_result_colname(r, j);
            shown[ns++] = j;
        }
    if (o->warn)
        for (size_t k = 0; k < ent_result_nnotes(r); k++)
            if (is_warning(ent_result_note_kind(r, k)))
                fprintf(o->warn, "%s%s\n", o->warn_prefix ? o->warn_prefix : "",
                        ent_result_note_text(r, k));
    st = ent_out_open(ctx, o->path, (ent_fmt)fmt, cols, ns, &out);
    ent_free(ctx, cols);
    if (st != ENT_OK) {
        ent_free(ctx, shown);
        return st;
    }
    for (size_t i = 0; i < nr; i++) {
        for (size_t c = 0; c < ns; c++) {
            size_t j = shown[c];
            switch (ent_result_coltype(r, j)) {
            case ENT_COL_INT: ent_out_i64(out, ent_result_int(r, i, j)); break;
            case ENT_COL_REAL:
                ent_out_f64(out, ent_result_real(r, i, j), ent_result_decimals(r, j));
                break;
            default:
                ent_out_str(out, fmt == ENT_FMT_TABLE ? ent_result_shown(r, i, j)
                                                      : ent_result_text(r, i, j));
                break;
            }
        }
        ent_out_row(out);
    }
    ent_free(ctx, shown);
    for (size_t k = 0; k < ent_result_nnotes(r); k++)
        if (!o->warn || !is_warning(ent_result_note_kind(r, k)))
            ent_out_note(out, "%s", ent_result_note_text(r, k));
    if (o->footer)
        ent_out_note(out, "%s", o->footer);
    return ent_out_close(out, 1);
}

ent_status ent_result_write(ent_ctx *ctx, const ent_result *r, const char *format,
                            const char *path)
{
    ent_print_opts o = {0};
    o.format = format;
    o.path = path;
    return ent_result_print(ctx, r, &o);
}
