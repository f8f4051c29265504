/*
 * events.c -- the public event-data API (entente/events.h) over the engine
 * in src/events/: options by name, a run bound to the state registry, the
 * merge of partial aggregates, and every output (CSV, JSON, table, partial,
 * warehouse table) written atomically.
 */
#include "entente/events.h"
#include "core/atomic.h"
#include "events/events.h"
#include "result.h"
#include "report/report.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ent_events_opts {
    ent_ev_opts eo;
    char *countries; /* the text; resolved by a run */
};

struct ent_events {
    ent_ctx *ctx;
    ent_ev_result *r;
    char **names; /* the input files (a run) or those the partials name */
    size_t nnames;
};

/* ------------------------------------------------------------- options */

ent_events_opts *ent_events_opts_new(void)
{
    ent_events_opts *o = calloc(1, sizeof *o);
    if (o) {
        o->eo.by = EV_BY_YEAR;
        o->eo.key = EV_KEY_QUAD;
        o->eo.nranks = 1;
    }
    return o;
}

void ent_events_opts_free(ent_events_opts *o)
{
    if (!o)
        return;
    free(o->countries);
    free(o);
}

/* parse_date: YYYY, YYYY-MM or YYYY-MM-DD -> yyyymmdd, the first (hi = 0)
 * or last (hi = 1) day of a year or month */
static int parse_date(const char *s, int hi, int *out)
{
    int y = 0, m = 0, d = 0;
    char tail;
    int n = sscanf(s, "%d-%d-%d%c", &y, &m, &d, &tail);
    if (n < 1 || n > 3 || y < 1800 || y > 2199 || (n >= 2 && (m < 1 || m > 12)) ||
        (n == 3 && (d < 1 || d > 31)))
        return 0;
    size_t len = strlen(s);
    if ((n == 1 && len != 4) || (n == 2 && len != 7) || (n == 3 && len != 10))
        return 0;
    if (n == 1)
        m = hi ? 12 : 1;
    if (n <= 2)
        d = hi ? 31 : 1;
    *out = y * 10000 + m * 100 + d;
    return 1;
}

/* parse_pos: a decimal integer in 1..max */
static int parse_pos(const char *s, long long max, long long *out)
{
    char *end;
    if (!*s)
        return 0;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 1 || v > max)
        return 0;
    *out = v;
    return 1;
}

static int parse_flag(const char *s, int *out)
{
    if (!strcmp(s, "1") || !strcmp(s, "0")) {
        *out = s[0] == '1';
        return 1;
    }
    return 0;
}

ent_status ent_events_opts_set(ent_ctx *ctx, ent_events_opts *o, const char *name,
                               const char *value)
{
    ent_ev_opts *e = &o->eo;
    long long v;
    if (!name || !value)
        return ent_err(ctx, ENT_EINVAL, "an option needs a name and a value");
    if (!strcmp(name, "input-format")) {
        int f = ent_ev_format_parse(value);
        if (f < 0)
            return ent_err(ctx, ENT_EINVAL, "'%s' is not gdelt1, gdelt2, gdelt1-csv, icews or auto",
                           value);
        e->format = (ent_ev_format)f;
    } else if (!strcmp(name, "by")) {
        if (!strcmp(value, "day")) e->by = EV_BY_DAY;
        else if (!strcmp(value, "month")) e->by = EV_BY_MONTH;
        else if (!strcmp(value, "year")) e->by = EV_BY_YEAR;
        else return ent_err(ctx, ENT_EINVAL, "'%s' is not day, month or year", value);
    } else if (!strcmp(name, "key")) {
        if (!strcmp(value, "quad")) e->key = EV_KEY_QUAD;
        else if (!strcmp(value, "root")) e->key = EV_KEY_ROOT;
        else if (!strcmp(value, "code")) e->key = EV_KEY_CODE;
        else return ent_err(ctx, ENT_EINVAL, "'%s' is not quad, root or code", value);
    } else if (!strcmp(name, "from") || !strcmp(name, "to")) {
        int hi = name[0] == 't';
        if (!parse_date(value, hi, hi ? &e->to : &e->from))
            return ent_err(ctx, ENT_EINVAL, "'%s' is not YYYY, YYYY-MM or YYYY-MM-DD", value);
    } else if (!strcmp(name, "countries")) {
        char *c = strdup(value);
        if (!c)
            return ent_err(ctx, ENT_ENOMEM, "out of memory");
        free(o->countries);
        o->countries = c;
    } else if (!strcmp(name, "threads")) {
        if (!parse_pos(value, 256, &v))
            return ent_err(ctx, ENT_EINVAL, "'%s' is not 1..256", value);
        e->threads = (int)v;
    } else if (!strcmp(name, "split-bytes")) {
        if (!parse_pos(value, (long long)(SIZE_MAX >> 1), &v))
            return ent_err(ctx, ENT_EINVAL, "'%s' is not a positive size", value);
        e->split_bytes = (size_t)v;
    } else if (!strcmp(name, "max-groups")) {
        if (!parse_pos(value, (long long)(SIZE_MAX >> 8), &v))
            return ent_err(ctx, ENT_EINVAL, "'%s' is not a positive number", value);
        e->max_groups = (size_t)v;
    } else if (!strcmp(name, "dedupe") || !strcmp(name, "lenient")) {
        if (!parse_flag(value, name[0] == 'd' ? &e->dedupe : &e->lenient))
            return ent_err(ctx, ENT_EINVAL, "'%s' is not 0 or 1", value);
    } else {
        return ent_err(ctx, ENT_EINVAL, "'%s' is not an option of events", name);
    }
    return ENT_OK;
}

ent_status ent_events_opts_check(ent_ctx *ctx, const ent_events_opts *o)
{
    if (o->eo.from && o->eo.to && o->eo.from > o->eo.to)
        return ent_err(ctx, ENT_EINVAL, "--from is after --to");
    return ENT_OK;
}

ent_status ent_events_opts_share(ent_ctx *ctx, ent_events_opts *o, int rank, int n)
{
    if (n < 1 || rank < 0 || rank >= n)
        return ent_err(ctx, ENT_EINVAL, "rank %d of %d is not a share", rank, n);
    o->eo.rank = rank;
    o->eo.nranks = n;
    return ENT_OK;
}

int ent_events_opts_dedupe(const ent_events_opts *o) { return o->eo.dedupe; }

/* ----------------------------------------------------------------- runs */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* resolve_countries turns the comma list into sorted COW codes (*out, ctx's) */
static ent_status resolve_countries(ent_ctx *ctx, const ent_registry *reg, const char *list,
                                    int **out, size_t *n)
{
    size_t cap = 1;
    for (const char *p = list; *p; p++)
        cap += *p == ',';
    int *cc = ent_calloc(ctx, cap, sizeof *cc);
    char *dup = ent_strdup(ctx, list);
    if (!cc || !dup) {
        ent_free(ctx, cc);
        ent_free(ctx, dup);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    size_t k = 0;
    char *save = NULL;
    for (char *tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        ent_status st = ent_state_resolve(ctx, reg, tok, 0, &cc[k]);
        if (st != ENT_OK) {
            ent_free(ctx, cc);
            ent_free(ctx, dup);
            return st;
        }
        k++;
    }
    ent_free(ctx, dup);
    qsort(cc, k, sizeof *cc, cmp_int);
    *out = cc;
    *n = k;
    return ENT_OK;
}

static ent_events *events_new(ent_ctx *ctx)
{
    ent_events *ev = ent_calloc(ctx, 1, sizeof *ev);
    if (ev)
        ev->ctx = ctx;
    return ev;
}

ent_status ent_events_run(ent_ctx *ctx, const ent_registry *reg, const char *datadir,
                          const char *const *files, size_t nfiles, const ent_events_opts *o,
                          ent_events **out)
{
    ent_events_opts def;
    ent_ev_mapper map;
    ent_cameo *cameo = NULL;
    int *cc = NULL;
    ent_status st;
    *out = NULL;
    if (!o) {
        memset(&def, 0, sizeof def);
        def.eo.by = EV_BY_YEAR;
        def.eo.nranks = 1;
        o = &def;
    }
    if (!reg)
        return ent_err(ctx, ENT_EINVAL, "events: no state registry");
    ent_ev_opts eo = o->eo;
    if ((st = ent_events_opts_check(ctx, o)) != ENT_OK)
        return st;
    if (o->countries) {
        if ((st = resolve_countries(ctx, reg, o->countries, &cc, &eo.ncountries)) != ENT_OK)
            return st;
        eo.countries = cc;
    }
    ent_events *ev = events_new(ctx);
    if (!ev) {
        ent_free(ctx, cc);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    ev->names = ent_calloc(ctx, nfiles ? nfiles : 1, sizeof *ev->names);
    if (!ev->names) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < nfiles; i++, ev->nnames++)
        if (!(ev->names[i] = ent_strdup(ctx, files[i]))) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto fail;
        }
    if ((st = ent_cameo_load(ctx, datadir, &cameo)) != ENT_OK)
        goto fail;
    ent_ev_mapper_registry(&map, reg);
    st = ent_ev_run(ctx, cameo, &map, files, nfiles, &eo, &ev->r);
    ent_free(ctx, cameo);
    ent_free(ctx, cc);
    if (st == ENT_OK || (st == ENT_EPARSE && ev->r)) {
        *out = ev; /* with EPARSE: the error travels with the accounting */
        return st;
    }
    ent_events_free(ev);
    return st;
fail:
    ent_free(ctx, cc);
    ent_events_free(ev);
    return st;
}

ent_status ent_events_merge_files(ent_ctx *ctx, const char *const *paths, size_t n,
                                  ent_events **out)
{
    ent_status st = ENT_OK;
    *out = NULL;
    if (n == 0)
        return ent_err(ctx, ENT_EINVAL, "no partial aggregates to merge");
    ent_events *ev = events_new(ctx);
    if (!ev)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t i = 0; i < n && st == ENT_OK; i++) {
        ent_ev_result *p = NULL;
        if ((st = ent_ev_partial_read(ctx, paths[i], &p, &ev->names, &ev->nnames)) != ENT_OK)
            break;
        if (!ev->r) {
            ev->r = p;
        } else {
            st = ent_ev_merge(ctx, ev->r, p);
            ent_ev_result_free(ctx, p);
        }
    }
    if (st != ENT_OK) {
        ent_events_free(ev);
        return st;
    }
    *out = ev;
    return ENT_OK;
}

void ent_events_free(ent_events *ev)
{
    if (!ev)
        return;
    ent_ctx *ctx = ev->ctx;
    ent_ev_result_free(ctx, ev->r);
    for (size_t i = 0; i < ev->nnames; i++)
        ent_free(ctx, ev->names[i]);
    ent_free(ctx, ev->names);
    ent_free(ctx, ev);
}

const char *ent_events_error(const ent_events *ev)
{
    return ev->r->has_error ? ev->r->err_msg : NULL;
}

uint64_t ent_events_read(const ent_events *ev) { return ev->r->read; }
uint64_t ent_events_aggregated(const ent_events *ev) { return ev->r->aggregated; }
uint64_t ent_events_filtered(const ent_events *ev) { return ev->r->filtered; }
uint64_t ent_events_rejected(const ent_events *ev) { return ev->r->rejected; }
size_t ent_events_ngroups(const ent_events *ev) { return ev->r->ngroups; }

void ent_events_report(const ent_events *ev, FILE *fp)
{
    ent_ev_report(ev->r, (const char *const *)ev->names, ev->nnames, fp);
}

/* --------------------------------------------------------------- output */

static const char *reg_abb(void *ud, int ccode)
{
    return ud ? ent_state_abb((const ent_registry *)ud, ccode) : NULL;
}

/* group_text is the text of a group's cells, which group_names fills for
 * group g: its two actors (COW abbreviations from reg, else COW numbers
 * written into num), period and key. */
typedef struct group_text {
    const char *actor[2];
    char num[2][16], per[16], key[8];
} group_text;

static void group_names(const ent_ev_result *r, const ent_ev_group *g, const ent_registry *reg,
                        group_text *t)
{
    for (int k = 0; k < 2; k++) {
        int code = k ? EV_KEY_A2(g->key) : EV_KEY_A1(g->key);
        if (!(t->actor[k] = reg_abb((void *)(uintptr_t)reg, code))) {
            snprintf(t->num[k], sizeof t->num[k], "%d", code);
            t->actor[k] = t->num[k];
        }
    }
    ent_ev_period_str(EV_KEY_PER(g->key), r->by, t->per);
    ent_ev_key_str(EV_KEY_K(g->key), r->key, t->key);
}

/* write_cells: JSON and table through the generic writer */
static ent_status write_cells(ent_ctx *ctx, const ent_ev_result *r, const ent_registry *reg,
                              ent_fmt fmt, const char *path)
{
    static const char *const cols[] = {"actor1", "actor2", "period", "key", "events",
                                       "goldstein_sum", "goldstein_mean", "mentions",
                                       "sources", "articles"};
    ent_out *o = NULL;
    ent_status st = ent_out_open(ctx, path, fmt, cols, 10, &o);
    if (st != ENT_OK)
        return st;
    for (size_t i = 0; i < r->ngroups; i++) {
        const ent_ev_group *g = &r->groups[i];
        char gs[32], num[24];
        group_text t;
        group_names(r, g, reg, &t);
        ent_out_str(o, t.actor[0]);
        ent_out_str(o, t.actor[1]);
        ent_out_str(o, t.per);
        ent_out_str(o, t.key);
        ent_out_i64(o, g->events);
        if (g->n_gold) {
            ent_ev_gold_str(g->gold100, gs);
            ent_out_numstr(o, gs);
            snprintf(num, sizeof num, "%.4f", (double)g->gold100 / 100.0 / (double)g->n_gold);
            ent_out_numstr(o, num);
        } else {
            ent_out_str(o, NULL);
            ent_out_str(o, NULL);
        }
        ent_out_i64(o, g->n_ment ? g->mentions : ENT_NA);
        ent_out_i64(o, g->n_src ? g->sources : ENT_NA);
        ent_out_i64(o, g->n_art ? g->articles : ENT_NA);
        ent_out_row(o);
    }
    return ent_out_close(o, 1);
}

ent_status ent_events_groups(ent_ctx *ctx, const ent_events *ev, const ent_registry *reg,
                             ent_result **out)
{
    static const ent_result_coldef cols[] = {
        {"actor1", ENT_COL_TEXT, 0},        {"actor2", ENT_COL_TEXT, 0},
        {"period", ENT_COL_TEXT, 0},        {"key", ENT_COL_TEXT, 0},
        {"events", ENT_COL_INT, 0},         {"goldstein_sum", ENT_COL_REAL, 2},
        {"goldstein_mean", ENT_COL_REAL, 4}, {"mentions", ENT_COL_INT, 0},
        {"sources", ENT_COL_INT, 0},        {"articles", ENT_COL_INT, 0}};
    const ent_ev_result *r = ev->r;
    ent_result *res;
    ent_status st;

    *out = NULL;
    if ((st = ent_result_new(ctx, cols, sizeof cols / sizeof *cols, &res)) != ENT_OK)
        return st;
    for (size_t i = 0; i < r->ngroups; i++) {
        const ent_ev_group *g = &r->groups[i];
        group_text t;
        group_names(r, g, reg, &t);
        ent_result_row(res);
        ent_result_set_text(res, 0, t.actor[0]);
        ent_result_set_text(res, 1, t.actor[1]);
        ent_result_set_text(res, 2, t.per);
        ent_result_set_text(res, 3, t.key);
        ent_result_set_int(res, 4, g->events);
        ent_result_set_real(res, 5, g->n_gold ? (double)g->gold100 / 100.0 : NAN);
        ent_result_set_real(res, 6, g->n_gold ? (double)g->gold100 / 100.0 / (double)g->n_gold
                                              : NAN);
        ent_result_set_int(res, 7, g->n_ment ? g->mentions : ENT_NA);
        ent_result_set_int(res, 8, g->n_src ? g->sources : ENT_NA);
        ent_result_set_int(res, 9, g->n_art ? g->articles : ENT_NA);
    }
    if ((st = ent_result_ok(res)) != ENT_OK) {
        ent_result_free(res);
        return st;
    }
    *out = res;
    return ENT_OK;
}

ent_status ent_events_write(ent_ctx *ctx, const ent_events *ev, const ent_registry *reg,
                            const char *format, const char *path)
{
    int fmt = format ? ent_fmt_parse(format) : ENT_FMT_CSV;
    if (fmt < 0)
        return ent_err(ctx, ENT_EINVAL, "'%s' is not csv, json or table", format);
    if (fmt != ENT_FMT_CSV)
        return write_cells(ctx, ev->r, reg, (ent_fmt)fmt, path);
    ent_afile *f = NULL;
    ent_status st = ent_afile_open(ctx, path, &f);
    if (st != ENT_OK)
        return st;
    st = ent_ev_write_csv(ctx, ev->r, reg_abb, (void *)(uintptr_t)reg, ent_afile_fp(f));
    if (st != ENT_OK) {
        ent_afile_close(f, 0);
        return st;
    }
    return ent_afile_close(f, 1);
}

ent_status ent_events_write_partial(ent_ctx *ctx, const ent_events *ev, const char *path)
{
    ent_afile *f = NULL;
    ent_status st = ent_afile_open(ctx, path, &f);
    if (st != ENT_OK)
        return st;
    st = ent_ev_partial_write(ctx, ev->r, (const char *const *)ev->names, ev->nnames,
                              ent_afile_fp(f));
    if (st != ENT_OK) {
        ent_afile_close(f, 0);
        return st;
    }
    return ent_afile_close(f, 1);
}

ent_status ent_events_store(ent_ctx *ctx, const ent_events *ev, const char *dbpath)
{
    if (ev->r->by != EV_BY_YEAR || ev->r->key != EV_KEY_QUAD)
        return ent_err(ctx, ENT_EINVAL,
                       "--store writes dyad-years by quad class: use --by year --key quad");
    ent_db *db = NULL;
    ent_status st = ent_db_open(ctx, dbpath, 1, &db);
    if (st != ENT_OK)
        return st;
    char desc[1024] = "";
    size_t at = 0;
    for (size_t i = 0; i < ev->nnames && at < sizeof desc - 1; i++)
        at += (size_t)snprintf(desc + at, sizeof desc - at, "%s%s", i ? " " : "", ev->names[i]);
    st = ent_ev_write_db(ctx, ent_db_sqlite(db), ev->r, desc);
    ent_db_close(db);
    return st;
}

ent_status ent_events_partial_buf(ent_ctx *ctx, const ent_events *ev, char **buf, size_t *len)
{
    return ent_ev_partial_buf(ctx, ev->r, buf, len);
}

ent_status ent_events_merge_buf(ent_ctx *ctx, ent_events *dst, const char *label,
                                const char *buf, size_t len)
{
    ent_ev_result *p = NULL;
    ent_status st = ent_ev_partial_parse(ctx, label, buf, len, &p, NULL, NULL);
    if (st == ENT_OK)
        st = ent_ev_merge(ctx, dst->r, p);
    ent_ev_result_free(ctx, p);
    return st;
}
