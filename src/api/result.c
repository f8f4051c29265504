/*
 * result.c -- ent_result: a row-major array of cells, each a tagged value,
 * and a list of notes.  Strings are copied in and freed with the result.
 */
#include "result.h"
#include "../core/dynbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define RESULT_MAXROWS ((size_t)1 << 30)  /* rows of one result */
#define RESULT_MAXNOTES ((size_t)1 << 20) /* notes of one result */

typedef struct cell {
    union {
        int64_t i;
        double d;
        char *s;
    } v;
    unsigned char set; /* 0 = missing */
    unsigned char num;   /* shown[1] is a number (bare in JSON) */
    char *shown[2];      /* the formatter's text for a table / CSV and JSON
                            (ent_result_show), or NULL */
} cell;

typedef struct note {
    char *kind, *text;
} note;

struct ent_result {
    ent_ctx *ctx;
    ent_result_coldef *cols; /* names owned */
    size_t ncols;
    cell *cells;          /* nrows * ncols */
    size_t nrows, caprows;
    note *notes;
    size_t nnotes, capnotes;
    ent_status st;        /* ENT_ENOMEM after a failed allocation */
    unsigned char *hide;  /* ncols flags (ent_result_hide), or NULL: none hidden */
};

static void oom(ent_result *r)
{
    if (r->st == ENT_OK)
        r->st = ent_err(r->ctx, ENT_ENOMEM, "out of memory while making a result");
}

/* grow is ent_grow for r's arrays: 0 (r failed) when out of memory or over
 * the cap, with ent_grow's message for the cap */
static int grow(ent_result *r, void *pp, size_t *cap, size_t need, size_t size, size_t max,
                const char *what)
{
    if (ent_grow(r->ctx, pp, cap, need, size, max, what) == ENT_OK)
        return 1;
    if (need > max)
        r->st = ENT_ENOMEM;
    else
        oom(r);
    return 0;
}

ent_status ent_result_new(ent_ctx *ctx, const ent_result_coldef *cols, size_t ncols,
                          ent_result **out)
{
    ent_result *r = ent_calloc(ctx, 1, sizeof *r);
    *out = NULL;
    if (!r || !(r->cols = ent_calloc(ctx, ncols ? ncols : 1, sizeof *r->cols))) {
        ent_free(ctx, r);
        return ent_err(ctx, ENT_ENOMEM, "out of memory while making a result");
    }
    r->ctx = ctx;
    r->ncols = ncols;
    for (size_t j = 0; j < ncols; j++) {
        r->cols[j] = cols[j];
        if (!(r->cols[j].name = ent_strdup(ctx, cols[j].name))) {
            ent_result_free(r);
            return ent_err(ctx, ENT_ENOMEM, "out of memory while making a result");
        }
    }
    *out = r;
    return ENT_OK;
}

void ent_result_free(ent_result *r)
{
    if (!r)
        return;
    ent_ctx *ctx = r->ctx;
    for (size_t i = 0; i < r->nrows * r->ncols; i++) {
        if (r->cells[i].set && r->cols[i % r->ncols].type == ENT_COL_TEXT)
            ent_free(ctx, r->cells[i].v.s);
        ent_free(ctx, r->cells[i].shown[0]);
        ent_free(ctx, r->cells[i].shown[1]);
    }
    for (size_t k = 0; k < r->nnotes; k++) {
        ent_free(ctx, r->notes[k].kind);
        ent_free(ctx, r->notes[k].text);
    }
    for (size_t j = 0; j < r->ncols; j++)
        ent_free(ctx, (char *)r->cols[j].name);
    ent_free(ctx, r->cols);
    ent_free(ctx, r->hide);
    ent_free(ctx, r->cells);
    ent_free(ctx, r->notes);
    ent_free(ctx, r);
}

void ent_result_row(ent_result *r)
{
    if (r->st != ENT_OK)
        return;
    if (r->nrows == r->caprows &&
        !grow(r, &r->cells, &r->caprows, r->nrows + 1, (r->ncols ? r->ncols : 1) * sizeof *r->cells,
              RESULT_MAXROWS, "result rows"))
        return;
    memset(r->cells + r->nrows * r->ncols, 0, r->ncols * sizeof *r->cells);
    r->nrows++;
}

/* the cell (last row, column j) when it may be set to type t, else NULL */
static cell *cur(ent_result *r, size_t j, ent_coltype t)
{
    if (r->st != ENT_OK || !r->nrows || j >= r->ncols || r->cols[j].type != t)
        return NULL;
    return r->cells + (r->nrows - 1) * r->ncols + j;
}

void ent_result_set_int(ent_result *r, size_t j, int64_t v)
{
    cell *c = cur(r, j, ENT_COL_INT);
    if (c) {
        c->v.i = v;
        c->set = v != ENT_NA;
    }
}

void ent_result_set_real(ent_result *r, size_t j, double v)
{
    cell *c = cur(r, j, ENT_COL_REAL);
    if (c) {
        c->v.d = v;
        c->set = !isnan(v);
    }
}

void ent_result_set_text(ent_result *r, size_t j, const char *s)
{
    cell *c = cur(r, j, ENT_COL_TEXT);
    if (!c)
        return;
    if (c->set)
        ent_free(r->ctx, c->v.s);
    c->set = 0;
    if (!s)
        return;
    if (!(c->v.s = ent_strdup(r->ctx, s))) {
        oom(r);
        return;
    }
    c->set = 1;
}

void ent_result_show(ent_result *r, size_t j, const char *text, int where)
{
    cell *c;
    if (r->st != ENT_OK || !r->nrows || j >= r->ncols)
        return;
    c = r->cells + (r->nrows - 1) * r->ncols + j;
    for (int f = 0; f < 2; f++) {
        if (!(where & (f ? ENT_SHOW_DATA : ENT_SHOW_TABLE)))
            continue;
        ent_free(r->ctx, c->shown[f]);
        c->shown[f] = NULL;
        if (text && !(c->shown[f] = ent_strdup(r->ctx, text))) {
            oom(r);
            return;
        }
        if (f)
            c->num = (where & ENT_SHOW_NUM) != 0;
    }
}

const char *ent_result_shown(const ent_result *r, size_t i, size_t j, int fmt, int *num)
{
    const cell *c;
    *num = 0;
    if (!r || i >= r->nrows || j >= r->ncols)
        return NULL;
    c = r->cells + i * r->ncols + j;
    if (fmt == ENT_SHOW_TABLE)
        return c->shown[0];
    *num = c->num;
    return c->shown[1];
}

/* hide sets column j's flag: 1 every format leaves it out, 2 tables only */
static void hide(ent_result *r, size_t j, unsigned char how)
{
    if (r->st != ENT_OK || j >= r->ncols)
        return;
    if (!r->hide && !(r->hide = ent_calloc(r->ctx, r->ncols, 1))) {
        oom(r);
        return;
    }
    r->hide[j] = how;
}

void ent_result_hide(ent_result *r, size_t j) { hide(r, j, 1); }
void ent_result_hide_in_table(ent_result *r, size_t j) { hide(r, j, 2); }

int ent_result_hidden(const ent_result *r, size_t j) { return r && r->hide && j < r->ncols && r->hide[j] == 1; }

int ent_result_col_hidden(const ent_result *r, size_t j)
{
    return r && r->hide && j < r->ncols && r->hide[j] == 2;
}

void ent_result_add_note(ent_result *r, const char *kind, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    if (r->st != ENT_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (r->nnotes == r->capnotes &&
        !grow(r, &r->notes, &r->capnotes, r->nnotes + 1, sizeof *r->notes, RESULT_MAXNOTES,
              "result notes"))
        return;
    note *n = &r->notes[r->nnotes];
    n->kind = ent_strdup(r->ctx, kind);
    n->text = ent_strdup(r->ctx, buf);
    if (!n->kind || !n->text) {
        ent_free(r->ctx, n->kind);
        ent_free(r->ctx, n->text);
        oom(r);
        return;
    }
    r->nnotes++;
}

ent_status ent_result_ok(const ent_result *r) { return r->st; }

size_t ent_result_ncols(const ent_result *r) { return r ? r->ncols : 0; }
size_t ent_result_nrows(const ent_result *r) { return r ? r->nrows : 0; }

const char *ent_result_colname(const ent_result *r, size_t j)
{
    return r && j < r->ncols ? r->cols[j].name : NULL;
}

ent_coltype ent_result_coltype(const ent_result *r, size_t j)
{
    return r && j < r->ncols ? r->cols[j].type : (ent_coltype)0;
}

long ent_result_col(const ent_result *r, const char *name)
{
    for (size_t j = 0; r && name && j < r->ncols; j++)
        if (!strcmp(r->cols[j].name, name))
            return (long)j;
    return -1;
}

int ent_result_decimals(const ent_result *r, size_t j)
{
    return r && j < r->ncols ? r->cols[j].decimals : 0;
}

static const cell *at(const ent_result *r, size_t i, size_t j)
{
    if (!r || i >= r->nrows || j >= r->ncols)
        return NULL;
    const cell *c = r->cells + i * r->ncols + j;
    return c->set ? c : NULL;
}

int ent_result_isna(const ent_result *r, size_t i, size_t j) { return at(r, i, j) == NULL; }

int64_t ent_result_int(const ent_result *r, size_t i, size_t j)
{
    const cell *c = at(r, i, j);
    return c && r->cols[j].type == ENT_COL_INT ? c->v.i : ENT_NA;
}

double ent_result_real(const ent_result *r, size_t i, size_t j)
{
    const cell *c = at(r, i, j);
    if (!c)
        return NAN;
    if (r->cols[j].type == ENT_COL_REAL)
        return c->v.d;
    if (r->cols[j].type == ENT_COL_INT)
        return (double)c->v.i;
    return NAN;
}

const char *ent_result_text(const ent_result *r, size_t i, size_t j)
{
    const cell *c = at(r, i, j);
    return c && r->cols[j].type == ENT_COL_TEXT ? c->v.s : NULL;
}

size_t ent_result_nnotes(const ent_result *r) { return r ? r->nnotes : 0; }

const char *ent_result_note_kind(const ent_result *r, size_t k)
{
    return r && k < r->nnotes ? r->notes[k].kind : NULL;
}

const char *ent_result_note_text(const ent_result *r, size_t k)
{
    return r && k < r->nnotes ? r->notes[k].text : NULL;
}

const char *ent_result_note(const ent_result *r, const char *kind)
{
    for (size_t k = 0; r && kind && k < r->nnotes; k++)
        if (!strcmp(r->notes[k].kind, kind))
            return r->notes[k].text;
    return NULL;
}

ent_status ent_result_reals(const ent_result *r, size_t j, double *out)
{
    if (!r || j >= r->ncols || r->cols[j].type == ENT_COL_TEXT)
        return ENT_EINVAL;
    for (size_t i = 0; i < r->nrows; i++)
        out[i] = ent_result_real(r, i, j);
    return ENT_OK;
}

ent_status ent_result_ints(const ent_result *r, size_t j, int64_t *out)
{
    if (!r || j >= r->ncols || r->cols[j].type != ENT_COL_INT)
        return ENT_EINVAL;
    for (size_t i = 0; i < r->nrows; i++)
        out[i] = ent_result_int(r, i, j);
    return ENT_OK;
}
