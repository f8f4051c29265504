/*
 * format.c -- the one formatter of query results: an ent_result through the
 * table / CSV / JSON writers of src/report.  Warnings (notes of kind
 * "coverage" or "warning") may go to a stream of their own, before the rows
 * (ent_result_print); tables leave out table-hidden columns.
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

static int is_warning(const char *kind)
{
    return !strcmp(kind, "coverage") || !strcmp(kind, "warning");
}

/* Columns hidden by the query (ent_result_hide; in a table also
 * ent_result_hide_in_table) are left out, and a cell the query gave a shown
 * text (ent_result_show) prints that text.  Notes of a kind in skip are left
 * out; with o->warn, the warnings go there first, and a table ends with
 * o->footer. */
static ent_status print(ent_ctx *ctx, const ent_result *r, const ent_print_opts *o,
                        const char *skip)
{
    const char *format = o->format, *path = o->path;
    int fmt = ent_fmt_parse(format ? format : "table");
    size_t nc = ent_result_ncols(r), nr = ent_result_nrows(r), nshown = 0;
    int where = fmt == ENT_FMT_TABLE ? ENT_SHOW_TABLE : ENT_SHOW_DATA, num;
    const char **cols;
    const char *sh;
    ent_out *out;
    ent_status st;

    if (fmt < 0)
        return ent_err(ctx, ENT_EINVAL, "unknown format '%s' (table, csv or json)", format);
    if (!(cols = ent_calloc(ctx, nc ? nc : 1, sizeof *cols)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
#define LEFT_OUT(j) (ent_result_hidden(r, j) || (fmt == ENT_FMT_TABLE && ent_result_col_hidden(r, j)))
    for (size_t j = 0; j < nc; j++)
        if (!LEFT_OUT(j))
            cols[nshown++] = ent_result_colname(r, j);
    if (o->warn)
        for (size_t k = 0; k < ent_result_nnotes(r); k++)
            if (is_warning(ent_result_note_kind(r, k)))
                fprintf(o->warn, "%s%s\n", o->warn_prefix ? o->warn_prefix : "",
                        ent_result_note_text(r, k));
    st = ent_out_open(ctx, path, (ent_fmt)fmt, cols, nshown, &out);
    ent_free(ctx, cols);
    if (st != ENT_OK)
        return st;
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            if (LEFT_OUT(j))
                continue;
            if ((sh = ent_result_shown(r, i, j, where, &num))) {
                if (num)
                    ent_out_numstr(out, sh);
                else
                    ent_out_str(out, sh);
                continue;
            }
            switch (ent_result_coltype(r, j)) {
            case ENT_COL_INT: ent_out_i64(out, ent_result_int(r, i, j)); break;
            case ENT_COL_REAL:
                ent_out_f64(out, ent_result_real(r, i, j), ent_result_decimals(r, j));
                break;
            default: ent_out_str(out, ent_result_text(r, i, j)); break;
            }
        }
        ent_out_row(out);
    }
    for (size_t k = 0; k < ent_result_nnotes(r); k++)
        if (!kind_in(ent_result_note_kind(r, k), skip) &&
            !(o->warn && is_warning(ent_result_note_kind(r, k))))
            ent_out_note(out, "%s", ent_result_note_text(r, k));
    if (o->footer)
        ent_out_note(out, "%s", o->footer);
    return ent_out_close(out, 1);
}

ent_status ent_result_write(ent_ctx *ctx, const ent_result *r, const char *format,
                            const char *path)
{
    return ent_result_write_except(ctx, r, format, path, NULL);
}

ent_status ent_result_write_except(ent_ctx *ctx, const ent_result *r, const char *format,
                                   const char *path, const char *skip)
{
    ent_print_opts o = {0};
    o.format = format;
    o.path = path;
    return print(ctx, r, &o, skip);
}

ent_status ent_result_print(ent_ctx *ctx, const ent_result *r, const ent_print_opts *o)
{
    static const ent_print_opts defaults = {0};
    return print(ctx, r, o ? o : &defaults, NULL);
}
