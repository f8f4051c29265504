/*
 * rd_dta.c -- reader backend for Stata .dta files through libreadstat.  The
 * table is rendered row by row as values arrive, in the style of pandas'
 * read_stata().to_csv() (the recipe of the prepared ideal-point file): bare
 * numbers in their shortest round-trip form (float32 columns at float32
 * precision, floats with a ".0" when integral), strings quoted only when they
 * hold the delimiter, a quote or a line break, missing values (system and
 * tagged) empty, %td dates as YYYY-MM-DD.
 */
#define _POSIX_C_SOURCE 200809L
#include "rd.h"

#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct dta {
    ent_ctx *ctx;
    char delim;
    ent_rdbuf t;    /* the rendered table */
    int oom;        /* an allocation failed (t's, or another) */
    int nvars;
    char **names;
    int *isdate;    /* %td-formatted variable */
    int *hasmiss;   /* the variable has a missing value (first pass) */
    int scan;       /* 1 during the first pass */
    int header_done;
    int last_obs;
    char err[256];
} dta;

static void put(dta *d, const char *s, size_t k)
{
    ent_rdbuf_put(&d->t, s, k);
    if (d->t.oom)
        d->oom = 1;
}

static void put_text(dta *d, const char *s)
{
    if (!strchr(s, d->delim) && !strchr(s, '"') && !strchr(s, '\n') && !strchr(s, '\r')) {
        put(d, s, strlen(s));
        return;
    }
    put(d, "\"", 1);
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        put(d, s, (size_t)(q - s) + 1);
        put(d, "\"", 1);
    }
    put(d, s, strlen(s));
    put(d, "\"", 1);
}

/* put_float writes v as Python's repr does: the shortest digits that read back
 * as v (at float32 precision for float32 columns, as numpy prints them), fixed
 * notation for exponents -4..15 with ".0" when integral, else d.ddde+XX. */
static void put_float(dta *d, double v, int single)
{
    char e[48], b[400];
    int prec = 1;
    if (isnan(v))
        return;
    if (isinf(v)) {
        put(d, v > 0 ? "inf" : "-inf", v > 0 ? 3 : 4);
        return;
    }
    for (; prec < 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec - 1, v);
        if (single ? strtof(e, NULL) == (float)v : strtod(e, NULL) == v)
            break;
    }
    snprintf(e, sizeof e, "%.*e", prec - 1, v);
    int expo = atoi(strchr(e, 'e') + 1);
    if (expo >= -4 && expo < 16) {
        int dec = prec - 1 - expo > 0 ? prec - 1 - expo : 0;
        snprintf(b, sizeof b, dec ? "%.*f" : "%.*f.0", dec, v);
    } else {
        snprintf(b, sizeof b, "%s", e); /* mantissa digits as found; Python drops a lone ".0" */
    }
    put(d, b, strlen(b));
}

static int on_metadata(readstat_metadata_t *m, void *u)
{
    dta *d = u;
    d->nvars = readstat_get_var_count(m);
    if (d->nvars <= 0 || d->nvars > 100000) {
        snprintf(d->err, sizeof d->err, "%d variables", d->nvars);
        return READSTAT_HANDLER_ABORT;
    }
    if (!d->names)
        d->names = ent_calloc(d->ctx, (size_t)d->nvars, sizeof *d->names);
    if (!d->isdate)
        d->isdate = ent_calloc(d->ctx, (size_t)d->nvars, sizeof *d->isdate);
    if (!d->hasmiss)
        d->hasmiss = ent_calloc(d->ctx, (size_t)d->nvars, sizeof *d->hasmiss);
    if (!d->names || !d->isdate || !d->hasmiss) {
        d->oom = 1;
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int on_variable(int index, readstat_variable_t *v, const char *labels, void *u)
{
    dta *d = u;
    const char *fmt = readstat_variable_get_format(v);
    (void)labels;
    if (!d->names || index < 0 || index >= d->nvars)
        return READSTAT_HANDLER_ABORT;
    const char *name = readstat_variable_get_name(v); /* NULL in a damaged file */
    if (!d->names[index] && !(d->names[index] = ent_strdup(d->ctx, name ? name : ""))) {
        d->oom = 1;
        return READSTAT_HANDLER_ABORT;
    }
    d->isdate[index] = fmt && !strncmp(fmt, "%td", 3);
    return READSTAT_HANDLER_OK;
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t val, void *u)
{
    dta *d = u;
    int i = readstat_variable_get_index(v);
    char b[32];
    if (!d->names || i < 0 || i >= d->nvars)
        return READSTAT_HANDLER_ABORT;
    if (d->scan) {
        if (readstat_value_is_system_missing(val) || readstat_value_is_tagged_missing(val))
            d->hasmiss[i] = 1;
        return READSTAT_HANDLER_OK;
    }
    if (!d->header_done) {
        for (int k = 0; k < d->nvars; k++) {
            if (k)
                put(d, &d->delim, 1);
            put_text(d, d->names[k] ? d->names[k] : "");
        }
        put(d, "\n", 1);
        d->header_done = 1;
        d->last_obs = obs;
    }
    if (i == 0 && obs != d->last_obs) {
        put(d, "\n", 1);
        d->last_obs = obs;
    } else if (i > 0) {
        put(d, &d->delim, 1);
    }
    if (readstat_value_is_system_missing(val) || readstat_value_is_tagged_missing(val))
        return d->oom ? READSTAT_HANDLER_ABORT : READSTAT_HANDLER_OK;
    switch (readstat_value_type(val)) {
    case READSTAT_TYPE_STRING:
    case READSTAT_TYPE_STRING_REF: {
        const char *s = readstat_string_value(val);
        if (s && *s)
            put_text(d, s);
        break;
    }
    case READSTAT_TYPE_INT8:
    case READSTAT_TYPE_INT16:
    case READSTAT_TYPE_INT32:
        if (d->hasmiss[i]) /* pandas turns an integer column with a gap into floats */
            put(d, b, (size_t)snprintf(b, sizeof b, "%d.0", readstat_int32_value(val)));
        else
            put(d, b, (size_t)snprintf(b, sizeof b, "%d", readstat_int32_value(val)));
        break;
    case READSTAT_TYPE_FLOAT:
    case READSTAT_TYPE_DOUBLE: {
        double x = readstat_double_value(val);
        if (d->isdate[i]) { /* days since 1960-01-01 */
            time_t s = (time_t)((x - 3653.0) * 86400.0);
            struct tm tm;
            if (gmtime_r(&s, &tm))
                put(d, b, strftime(b, sizeof b, "%Y-%m-%d", &tm));
        } else {
            put_float(d, x, readstat_value_type(val) == READSTAT_TYPE_FLOAT);
        }
        break;
    }
    }
    return d->oom ? READSTAT_HANDLER_ABORT : READSTAT_HANDLER_OK;
}

static void on_error(const char *msg, void *u)
{
    dta *d = u;
    if (!d->err[0])
        snprintf(d->err, sizeof d->err, "%s", msg);
    size_t k = strlen(d->err);
    while (k && (d->err[k - 1] == '\n' || d->err[k - 1] == ' '))
        d->err[--k] = '\0';
}

ent_status ent_rd_dta(ent_ctx *ctx, const char *path, char delim, char **out, size_t *len)
{
    dta d = {.ctx = ctx, .delim = delim, .t = {.ctx = ctx}};
    readstat_parser_t *p = readstat_parser_init();
    readstat_error_t rc;
    ent_status st = ENT_OK;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;

    *out = NULL;
    *len = 0;
    if (!p)
        return ent_err(ctx, ENT_ENOMEM, "%s: cannot start libreadstat", base);
    readstat_set_metadata_handler(p, on_metadata);
    readstat_set_variable_handler(p, on_variable);
    readstat_set_value_handler(p, on_value);
    readstat_set_error_handler(p, on_error);
    d.scan = 1;
    rc = readstat_parse_dta(p, path, &d);
    d.scan = 0;
    if (rc == READSTAT_OK && !d.oom)
        rc = readstat_parse_dta(p, path, &d);
    readstat_parser_free(p);
    if (d.oom)
        st = d.t.oom ? ent_rdbuf_oom(&d.t, base)
                     : ent_err(ctx, ENT_ENOMEM, "%s: out of memory", base);
    else if (rc != READSTAT_OK)
        st = ent_err(ctx, rc == READSTAT_ERROR_OPEN ? ENT_EIO : ENT_EPARSE,
                     "%s: not a readable Stata file: %s%s%s", base, readstat_error_message(rc),
                     d.err[0] ? ": " : "", d.err);
    else if (!d.header_done)
        st = ent_err(ctx, ENT_EPARSE, "%s: no observations", base);
    if (st == ENT_OK) {
        put(&d, "\n", 1);
        if (d.oom)
            st = ent_rdbuf_oom(&d.t, base);
    }
    for (int i = 0; d.names && i < d.nvars; i++)
        ent_free(ctx, d.names[i]);
    ent_free(ctx, d.names);
    ent_free(ctx, d.isdate);
    ent_free(ctx, d.hasmiss);
    if (st != ENT_OK) {
        ent_free(ctx, d.t.p);
        return st;
    }
    return ent_rdbuf_done(&d.t, base, out, len);
}
