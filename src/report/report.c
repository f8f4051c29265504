/*
 * report.c -- table, CSV and JSON writers with atomic file output.
 *
 * CSV and JSON stream row by row.  A table is buffered to size its columns.
 * Files are written through the project's one atomic writer
 * (src/core/atomic.h): replaced atomically when regular, written in place
 * when a device or FIFO, never half-written.
 */
#include "report.h"
#include "../core/atomic.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a table buffers all its cells: no bound but the address space */
#define OUT_MAXCELLS (SIZE_MAX / sizeof(char *))
#define OUT_MAXNOTES ((size_t)1 << 24) /* lines under one table */

struct ent_out {
    ent_ctx *ctx;
    ent_fmt fmt;
    FILE *fp;
    ent_afile *af;
    char **cols;
    size_t ncols, col; /* col: next cell index in the current row */
    uint64_t rows;
    int err;
    /* table buffering */
    char **cells;      /* rows * ncols strings (NULL = missing) */
    size_t ncells, cap;
    char **notes;
    size_t nnotes, capnotes;
};

int ent_fmt_parse(const char *s)
{
    if (!strcmp(s, "table"))
        return ENT_FMT_TABLE;
    if (!strcmp(s, "csv"))
        return ENT_FMT_CSV;
    if (!strcmp(s, "json"))
        return ENT_FMT_JSON;
    return -1;
}

ent_status ent_out_open(ent_ctx *ctx, const char *path, ent_fmt fmt, const char *const *cols,
                        size_t ncols, ent_out **out)
{
    ent_out *o = ent_calloc(ctx, 1, sizeof *o);
    if (!o)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    o->ctx = ctx;
    o->fmt = fmt;
    o->ncols = ncols;
    o->cols = ent_calloc(ctx, ncols ? ncols : 1, sizeof *o->cols);
    if (!o->cols)
        goto nomem;
    for (size_t i = 0; i < ncols; i++)
        if (!(o->cols[i] = ent_strdup(ctx, cols[i])))
            goto nomem;
    {
        ent_status st = ent_afile_open(ctx, path, &o->af);
        if (st != ENT_OK) {
            ent_out_close(o, 0);
            return st;
        }
        o->fp = ent_afile_fp(o->af);
    }
    if (fmt == ENT_FMT_CSV) {
        for (size_t i = 0; i < ncols; i++)
            fprintf(o->fp, "%s%s", i ? "," : "", cols[i]);
        fputc('\n', o->fp);
    } else if (fmt == ENT_FMT_JSON) {
        fputs("[", o->fp);
    }
    *out = o;
    return ENT_OK;
nomem:
    ent_out_close(o, 0);
    return ent_err(ctx, ENT_ENOMEM, "out of memory");
}

static void csv_put(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

/* utf8_seq is the length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    for (size_t i = 1; i < k; i++)
        if (!s[i])
            return 0;
    return k && ent_utf8_valid(s, k) ? k : 0;
}

/* json_put writes s as a JSON string; a byte that is not UTF-8 becomes
 * U+FFFD, so that the output is always valid JSON. */
static void json_put(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            size_t k = utf8_seq(s);
            if (k) {
                fwrite(s, 1, k, fp);
                s += k - 1;
            } else {
                fputs("\\ufffd", fp);
            }
        } else if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", fp);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

/* cell emits one cell; is_num: JSON prints it bare. */
static void cell(ent_out *o, const char *s, int is_num)
{
    if (o->fmt == ENT_FMT_CSV) {
        if (o->col)
            fputc(',', o->fp);
        if (s)
            csv_put(o->fp, s);
    } else if (o->fmt == ENT_FMT_JSON) {
        fputs(o->col ? ", " : (o->rows ? ",\n {" : "\n {"), o->fp);
        json_put(o->fp, o->col < o->ncols ? o->cols[o->col] : "");
        fputs(": ", o->fp);
        if (!s)
            fputs("null", o->fp);
        else if (is_num)
            fputs(s, o->fp);
        else
            json_put(o->fp, s);
    } else {
        char *d = NULL;
        if (ent_grow(o->ctx, &o->cells, &o->cap, o->ncells + 1, sizeof *o->cells, OUT_MAXCELLS,
                     "output: table cells") != ENT_OK) {
            o->err = 1;
            return;
        }
        if (s && !(d = ent_strdup(o->ctx, s)))
            o->err = 1;
        o->cells[o->ncells++] = d;
    }
    o->col++;
}

void ent_out_str(ent_out *o, const char *s) { cell(o, s, 0); }

void ent_out_i64(ent_out *o, int64_t v)
{
    char b[32];
    if (v == ENT_NA) {
        cell(o, NULL, 1);
        return;
    }
    snprintf(b, sizeof b, "%lld", (long long)v);
    cell(o, b, 1);
}

void ent_out_f64(ent_out *o, double v, int decimals)
{
    char b[64];
    if (isnan(v) || isinf(v)) {
        cell(o, NULL, 1);
        return;
    }
    snprintf(b, sizeof b, "%.*f", decimals, v);
    if (!strncmp(b, "-0", 2) && strspn(b + 2, ".0") == strlen(b + 2))
        memmove(b, b + 1, strlen(b)); /* no "-0.000" */
    cell(o, b, 1);
}

void ent_out_num(ent_out *o, double v)
{
    char b[40];
    if (isnan(v) || isinf(v)) {
        cell(o, NULL, 1);
        return;
    }
    ent_fmt_num(b, sizeof b, v);
    cell(o, b, 1);
}

void ent_out_numstr(ent_out *o, const char *s) { cell(o, s, 1); }

void ent_out_row(ent_out *o)
{
    while (o->col < o->ncols)
        cell(o, NULL, 0);
    if (o->fmt == ENT_FMT_CSV)
        fputc('\n', o->fp);
    else if (o->fmt == ENT_FMT_JSON)
        fputc('}', o->fp);
    o->col = 0;
    o->rows++;
}

void ent_out_note(ent_out *o, const char *fmt, ...)
{
    char b[1024];
    va_list ap;
    if (o->fmt != ENT_FMT_TABLE)
        return;
    va_start(ap, fmt);
    vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    if (ent_grow(o->ctx, &o->notes, &o->capnotes, o->nnotes + 1, sizeof *o->notes, OUT_MAXNOTES,
                 "output: notes") != ENT_OK) {
        o->err = 1;
        return;
    }
    if (!(o->notes[o->nnotes] = ent_strdup(o->ctx, b)))
        o->err = 1;
    else
        o->nnotes++;
}

/* utf8_width counts code points, which is what a terminal shows for our text. */
static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static void flush_table(ent_out *o)
{
    size_t *w = ent_calloc(o->ctx, o->ncols ? o->ncols : 1, sizeof *w);
    size_t nrows = o->ncols ? o->ncells / o->ncols : 0;
    if (!w) {
        o->err = 1;
        return;
    }
    for (size_t c = 0; c < o->ncols; c++)
        w[c] = utf8_width(o->cols[c]);
    for (size_t i = 0; i < o->ncells; i++) {
        const char *s = o->cells[i] ? o->cells[i] : "";
        size_t k = utf8_width(s);
        if (k > w[i % o->ncols])
            w[i % o->ncols] = k;
    }
    for (size_t c = 0; c < o->ncols; c++)
        fprintf(o->fp, "%s%-*s", c ? "  " : "", c + 1 < o->ncols ? (int)w[c] : 0, o->cols[c]);
    fputc('\n', o->fp);
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < o->ncols; c++) {
            const char *s = o->cells[r * o->ncols + c];
            size_t k;
            if (!s)
                s = "";
            k = utf8_width(s);
            fputs(c ? "  " : "", o->fp);
            /* numbers right-aligned, text left-aligned */
            if (*s && (strchr("-0123456789", *s)) && strspn(s, "-0123456789.eE+") == strlen(s)) {
                for (size_t p = k; p < w[c]; p++)
                    fputc(' ', o->fp);
                fputs(s, o->fp);
            } else {
                fputs(s, o->fp);
                if (c + 1 < o->ncols)
                    for (size_t p = k; p < w[c]; p++)
                        fputc(' ', o->fp);
            }
        }
        fputc('\n', o->fp);
    }
    for (size_t i = 0; i < o->nnotes; i++)
        fprintf(o->fp, "%s\n", o->notes[i]);
    ent_free(o->ctx, w);
}

ent_status ent_out_close(ent_out *o, int commit)
{
    ent_status st = ENT_OK;
    ent_ctx *ctx;
    if (!o)
        return ENT_OK;
    ctx = o->ctx;
    if (commit && o->fp) {
        if (o->fmt == ENT_FMT_TABLE)
            flush_table(o);
        else if (o->fmt == ENT_FMT_JSON)
            fputs(o->rows ? "\n]\n" : "]\n", o->fp);
    }
    if (o->err && commit)
        st = ent_err(ctx, ENT_ENOMEM, "out of memory while writing output");
    if (o->af) {
        ent_status st2 = ent_afile_close(o->af, commit && st == ENT_OK);
        if (st == ENT_OK && commit)
            st = st2;
    }
    for (size_t i = 0; i < o->ncells; i++)
        ent_free(ctx, o->cells[i]);
    ent_free(ctx, o->cells);
    for (size_t i = 0; i < o->nnotes; i++)
        ent_free(ctx, o->notes[i]);
    ent_free(ctx, o->notes);
    for (size_t i = 0; o->cols && i < o->ncols; i++)
        ent_free(ctx, o->cols[i]);
    ent_free(ctx, o->cols);
    ent_free(ctx, o);
    return st;
}
