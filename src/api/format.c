/*
 * format.c -- the one formatter of query results: an ent_result through the
 * table / CSV / JSON writers of src/report.
 */
#include "result.h"
#include "report/report.h"

#include <string.h>

/* kind_in is 1 when kind is an item of the comma list list */
static int kind_in(const char *kind, const char *list)
{
    size_t k = strlen(kind);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == k && !strncmp(p, kind, k))
            return 1;
        p = e ? e + 1 : p + n;
    }
    return 0;
}

ent_status ent_result_write(ent_ctx *ctx, const ent_result *r, const char *format,
                            const char *path)
{
    return ent_result_write_except(ctx, r, format, path, NULL);
}

/* Columns hidden by the query (ent_result_hide) are left out, and a cell the
 * query gave a shown text (ent_result_show) prints that text. */
ent_status ent_result_write_except(ent_ctx *ctx, const ent_result *r, const char *format,
                                   const char *path, const char *skip)
{
    int fmt = ent_fmt_parse(format ? format : "table");
    size_t nc = ent_result_ncols(r), nr = ent_result_nrows(r), nshown = 0;
    int where = fmt == ENT_FMT_TABLE ? ENT_SHOW_TABLE : ENT_SHOW_DATA, num;
    const char **cols;
    const char *sh;
    ent_out *o;
    ent_status st;

    if (fmt < 0)
        return ent_err(ctx, ENT_EINVAL, "unknown format '%s' (table, csv or json)", format);
    if (!(cols = ent_calloc(ctx, nc ? nc : 1, sizeof *cols)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t j = 0; j < nc; j++)
        if (!ent_result_hidden(r, j))
            cols[nshown++] = ent_result_colname(r, j);
    st = ent_out_open(ctx, path, (ent_fmt)fmt, cols, nshown, &o);
    ent_free(ctx, cols);
    if (st != ENT_OK)
        return st;
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            if (ent_result_hidden(r, j))
                continue;
            if ((sh = ent_result_shown(r, i, j, where, &num))) {
                if (num)
                    ent_out_numstr(o, sh);
                else
                    ent_out_str(o, sh);
                continue;
            }
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
        if (!kind_in(ent_result_note_kind(r, k), skip))
            ent_out_note(o, "%s", ent_result_note_text(r, k));
    return ent_out_close(o, 1);
}
