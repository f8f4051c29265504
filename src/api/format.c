/*
 * format.c -- the one formatter of query results: an ent_result through the
 * table / CSV / JSON writers of src/report.
 */
#include "result.h"
#include "report/report.h"

ent_status ent_result_write(ent_ctx *ctx, const ent_result *r, const char *format,
                            const char *path)
{
    int fmt = ent_fmt_parse(format ? format : "table");
    size_t nc = ent_result_ncols(r), nr = ent_result_nrows(r);
    const char **cols;
    ent_out *o;
    ent_status st;

    if (fmt < 0)
        return ent_err(ctx, ENT_EINVAL, "unknown format '%s' (table, csv or json)", format);
    if (!(cols = ent_calloc(ctx, nc ? nc : 1, sizeof *cols)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t j = 0; j < nc; j++)
        cols[j] = ent_result_colname(r, j);
    st = ent_out_open(ctx, path, (ent_fmt)fmt, cols, nc, &o);
    ent_free(ctx, cols);
    if (st != ENT_OK)
        return st;
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            switch (ent_result_coltype(r, j)) {
            case ENT_COL_INT: ent_out_i64(o, ent_result_int(r, i, j)); break;
            case ENT_COL_REAL:
                ent_out_f64(o, ent_result_real(r, i, j), ent_result_decimals(r, j));
                break;
            default: ent_out_str(o, ent_result_text(r, i, j)); break;
            }
        }
        ent_out_row(o);
    }
    for (size_t k = 0; k < ent_result_nnotes(r); k++)
        ent_out_note(o, "%s", ent_result_note_text(r, k));
    return ent_out_close(o, 1);
}
