/*
 * index.c -- the consequentiality index (see index.h and docs/measures.md).
 */
#include "index.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ent_ix_dims[ENT_NDIM] = {"personal", "economic", "military", "diplomatic"};

const char ent_ix_default_conf[] =
#include "default_conf.inc"
    ;

int ent_norm_parse(const char *s)
{
    if (!strcmp(s, "percentile"))
        return ENT_NORM_PCT;
    if (!strcmp(s, "zlog"))
        return ENT_NORM_ZLOG;
    if (!strcmp(s, "minmax"))
        return ENT_NORM_MINMAX;
    return -1;
}

const char *ent_norm_name(ent_norm m)
{
    static const char *const n[] = {"percentile", "zlog", "minmax"};
    return (unsigned)m < ENT_NORM_COUNT ? n[m] : "?";
}

/* ------------------------------------------------------------ config */

static int dim_index(const char *s)
{
    for (int d = 0; d < ENT_NDIM; d++)
        if (!strcmp(s, ent_ix_dims[d]))
            return d;
    return -1;
}

static ent_status parse_expr(ent_ctx *ctx, const char *label, int line, const char *e,
                             ent_ix_term *t)
{
    const char *open = strchr(e, '(');
    snprintf(t->expr, sizeof t->expr, "%.159s", e);
    if (!open) {
        snprintf(t->col[0], sizeof t->col[0], "%.63s", e);
        t->op = 0;
        return ENT_OK;
    }
    {
        size_t fl = (size_t)(open - e);
        const char *comma = strchr(open, ',');
        const char *close = strchr(open, ')');
        if (fl == 3 && !strncmp(e, "max", 3))
            t->op = 'M';
        else if (fl == 3 && !strncmp(e, "sum", 3))
            t->op = 'S';
        else if (fl == 4 && !strncmp(e, "mean", 4))
            t->op = 'A';
        else
            return ent_err(ctx, ENT_EPARSE, "%s:%d: unknown function in '%s' (max, sum, mean)",
                           label, line, e);
        if (!comma || !close || comma > close || close[1])
            return ent_err(ctx, ENT_EPARSE, "%s:%d: '%s' is not FUNCTION(a,b)", label, line, e);
        snprintf(t->col[0], sizeof t->col[0], "%.*s", (int)(comma - open - 1), open + 1);
        snprintf(t->col[1], sizeof t->col[1], "%.*s", (int)(close - comma - 1), comma + 1);
    }
    return ENT_OK;
}

ent_status ent_ix_config_parse(ent_ctx *ctx, const char *label, const char *text,
                               ent_ix_config *cfg)
{
    const char *p = text;
    int line = 0, seen_dim[ENT_NDIM] = {0};
    memset(cfg, 0, sizeof *cfg);
    while (*p) {
        char buf[512], w[5][200];
        const char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        int nw;
        char *hash;
        line++;
        if (k >= sizeof buf)
            return ent_err(ctx, ENT_EPARSE, "%s:%d: line longer than %zu characters", label, line,
                           sizeof buf - 1);
        snprintf(buf, sizeof buf, "%.*s", (int)(k < sizeof buf ? k : sizeof buf - 1), p);
        p = e ? e + 1 : p + k;
        if ((hash = strchr(buf, '#')))
            *hash = '\0';
        nw = sscanf(buf, "%199s %199s %199s %199s %199s", w[0], w[1], w[2], w[3], w[4]);
        if (nw <= 0)
            continue;
        if (nw == 5 || (nw == 4 && !strcmp(w[0], "dimension")))
            return ent_err(ctx, ENT_EPARSE, "%s:%d: unexpected '%s' at the end of the line", label,
                           line, w[nw - 1]);
        if (!strcmp(w[0], "dimension")) {
            int d;
            char *end;
            double v;
            if (nw != 3 || (d = dim_index(w[1])) < 0)
                return ent_err(ctx, ENT_EPARSE,
                               "%s:%d: expected 'dimension personal|economic|military|diplomatic "
                               "WEIGHT'", label, line);
            v = strtod(w[2], &end);
            if (*end || !isfinite(v))
                return ent_err(ctx, ENT_EPARSE, "%s:%d: weight '%s' is not a number", label, line,
                               w[2]);
            if (v < 0)
                return ent_err(ctx, ENT_EPARSE, "%s:%d: negative weight %s for dimension %s",
                               label, line, w[2], w[1]);
            cfg->dimw[d] = v;
            seen_dim[d] = 1;
            continue;
        }
        {
            int d = dim_index(w[0]);
            ent_ix_term *t;
            char *end;
            ent_status st;
            if (d < 0)
                return ent_err(ctx, ENT_EPARSE,
                               "%s:%d: '%s' is not a dimension (personal, economic, military, "
                               "diplomatic) nor 'dimension'", label, line, w[0]);
            if (nw < 3)
                return ent_err(ctx, ENT_EPARSE, "%s:%d: expected 'DIMENSION INDICATOR WEIGHT'",
                               label, line);
            if (cfg->nterms == ENT_IX_MAXTERMS)
                return ent_err(ctx, ENT_EPARSE, "%s:%d: more than %d indicators", label, line,
                               ENT_IX_MAXTERMS);
            t = &cfg->terms[cfg->nterms];
            memset(t, 0, sizeof *t);
            t->dim = d;
            t->line = line;
            if ((st = parse_expr(ctx, label, line, w[1], t)) != ENT_OK)
                return st;
            t->weight = strtod(w[2], &end);
            if (*end || !isfinite(t->weight))
                return ent_err(ctx, ENT_EPARSE, "%s:%d: weight '%s' is not a number", label, line,
                               w[2]);
            if (t->weight < 0)
                return ent_err(ctx, ENT_EPARSE, "%s:%d: negative weight %s for %s", label, line,
                               w[2], w[1]);
            if (nw == 4) {
                if (strcmp(w[3], "reverse"))
                    return ent_err(ctx, ENT_EPARSE, "%s:%d: unknown option '%s' (reverse)", label,
                                   line, w[3]);
                t->reverse = 1;
            }
            if (t->weight > 0)
                cfg->nterms++;
        }
    }
    {
        double sum = 0;
        for (int d = 0; d < ENT_NDIM; d++) {
            double tw = 0;
            if (!seen_dim[d])
                cfg->dimw[d] = 1;
            sum += cfg->dimw[d];
            for (int i = 0; i < cfg->nterms; i++)
                if (cfg->terms[i].dim == d)
                    tw += cfg->terms[i].weight;
            if (tw <= 0 && cfg->dimw[d] > 0)
                return ent_err(ctx, ENT_EPARSE,
                               "%s: the weights of dimension %s sum to 0 (give it an indicator, "
                               "or 'dimension %s 0')", label, ent_ix_dims[d], ent_ix_dims[d]);
        }
        if (sum <= 0)
            return ent_err(ctx, ENT_EPARSE, "%s: the dimension weights sum to 0", label);
    }
    return ENT_OK;
}

ent_status ent_ix_config_check(ent_ctx *ctx, const char *label, const ent_ix_config *cfg,
                               sqlite3 *db)
{
    /* table_info, not a trial SELECT: SQLite reads an unknown "name" as a string */
    sqlite3_stmt *q = NULL;
    char cols[256][64];
    int ncols = 0;
    if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('panel')", -1, &q, NULL) !=
        SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    while (sqlite3_step(q) == SQLITE_ROW && ncols < 256)
        snprintf(cols[ncols++], sizeof cols[0], "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    if (ncols == 0)
        return ent_err(ctx, ENT_ENODATA, "the warehouse has no panel; run `entente build` first");
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        for (int c = 0; c < (t->op ? 2 : 1); c++) {
            int k;
            for (k = 0; k < ncols && strcmp(cols[k], t->col[c]); k++)
                ;
            if (k == ncols)
                return ent_err(ctx, ENT_EPARSE,
                               "%s:%d: unknown indicator '%s' (see `entente codebook`)", label,
                               t->line, t->col[c]);
        }
    }
    return ENT_OK;
}

/* ------------------------------------------------------------ normalisation */

typedef struct vi {
    double v;
    size_t i;
} vi;

static int cmp_vi(const void *a, const void *b)
{
    double x = ((const vi *)a)->v, y = ((const vi *)b)->v;
    return (x > y) - (x < y);
}

void ent_ix_normalize(const double *x, size_t n, ent_norm m, int reverse, double *out)
{
    size_t np = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        out[i] = NAN;
        if (!isnan(x[i])) {
            np++;
            if (x[i] < lo)
                lo = x[i];
            if (x[i] > hi)
                hi = x[i];
        }
    }
    if (np == 0)
        return;
    if (lo == hi) {
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i]))
                out[i] = 50;
        return;
    }
    if (m == ENT_NORM_PCT) {
        vi *s = malloc(np * sizeof *s);
        size_t k = 0;
        if (!s)
            return;
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                s[k].v = x[i];
                s[k++].i = i;
            }
        qsort(s, np, sizeof *s, cmp_vi);
        for (size_t a = 0; a < np;) {
            size_t b = a;
            while (b < np && s[b].v == s[a].v)
                b++;
            for (size_t t = a; t < b; t++)
                out[s[t].i] = 100.0 * ((double)a + (double)(b - a) / 2.0) / (double)np;
            a = b;
        }
        free(s);
    } else if (m == ENT_NORM_ZLOG) {
        double sum = 0, ss = 0, mean, sd;
        int use_log = lo > -1;
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                double y = use_log ? log1p(x[i]) : x[i];
                sum += y;
                ss += y * y;
            }
        mean = sum / (double)np;
        sd = sqrt(fmax(ss / (double)np - mean * mean, 0));
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i])) {
                double y = use_log ? log1p(x[i]) : x[i];
                out[i] = sd > 0 ? 50.0 * erfc(-((y - mean) / sd) / sqrt(2.0)) : 50;
            }
    } else {
        for (size_t i = 0; i < n; i++)
            if (!isnan(x[i]))
                out[i] = 100.0 * (x[i] - lo) / (hi - lo);
    }
    if (reverse)
        for (size_t i = 0; i < n; i++)
            if (!isnan(out[i]))
                out[i] = 100.0 - out[i];
}

/* ------------------------------------------------------------ one year */

static double combine(char op, double a, double b)
{
    switch (op) {
    case 'M': return isnan(a) ? b : isnan(b) ? a : fmax(a, b);
    case 'S': return isnan(a) || isnan(b) ? NAN : a + b;
    case 'A': return isnan(a) || isnan(b) ? NAN : (a + b) / 2;
    default: return a;
    }
}

/* row_terms combines the config's columns, from column k of q on, into
 * the terms' raw values out[0..nterms). */
static void row_terms(sqlite3_stmt *q, int k, const ent_ix_config *cfg, double *out)
{
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        double a = sqlite3_column_type(q, k) == SQLITE_NULL ? NAN : sqlite3_column_double(q, k);
        double b = NAN;
        k++;
        if (t->op) {
            b = sqlite3_column_type(q, k) == SQLITE_NULL ? NAN : sqlite3_column_double(q, k);
            k++;
        }
        out[i] = combine(t->op, a, b);
    }
}

/* select_sql writes "SELECT <lead>, <the config's columns> FROM panel <tail>". */
static void select_sql(char *sql, size_t cap, const char *lead, const ent_ix_config *cfg,
                       const char *tail)
{
    size_t o = (size_t)snprintf(sql, cap, "SELECT %s", lead);
    for (int i = 0; i < cfg->nterms && o < cap; i++)
        for (int c = 0; c < (cfg->terms[i].op ? 2 : 1) && o < cap; c++)
            o += (size_t)snprintf(sql + o, cap - o, ", \"%s\"", cfg->terms[i].col[c]);
    if (o < cap)
        snprintf(sql + o, cap - o, " FROM panel %s", tail);
}

ent_status ent_ix_latest_complete(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int a,
                                  int b, int *year)
{
    char sql[256 + 2 * ENT_IX_MAXTERMS * 72];
    sqlite3_stmt *q = NULL;
    double raw[ENT_IX_MAXTERMS];
    int rc;
    *year = 0;
    select_sql(sql, sizeof sql, "year", cfg, "WHERE ccode1 = ?1 AND ccode2 = ?2 ORDER BY year DESC");
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, a < b ? a : b);
    sqlite3_bind_int(q, 2, a < b ? b : a);
    while (!*year && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        int ok = 1;
        row_terms(q, 1, cfg, raw);
        for (int d = 0; d < ENT_NDIM && ok; d++) {
            int present = 0;
            if (cfg->dimw[d] <= 0)
                continue;
            for (int i = 0; i < cfg->nterms; i++)
                if (cfg->terms[i].dim == d && cfg->terms[i].weight > 0 && !isnan(raw[i]))
                    present = 1;
            ok = present;
        }
        if (ok)
            *year = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    if (!*year)
        return ent_err(ctx, ENT_ENODATA, "no year has data on all four dimensions for this dyad");
    return ENT_OK;
}

ent_status ent_ix_load_year(ent_ctx *ctx, sqlite3 *db, const ent_ix_config *cfg, int year,
                            ent_ix_year *y)
{
    /* 2 + 2 * ENT_IX_MAXTERMS columns of at most 63 characters, quoted */
    char sql[256 + 2 * ENT_IX_MAXTERMS * 72];
    size_t cap = 0;
    sqlite3_stmt *q = NULL;
    ent_status st = ENT_OK;
    int rc, nomem;
    double *col = NULL;

    memset(y, 0, sizeof *y);
    y->year = year;
    y->nterms = cfg->nterms;
    select_sql(sql, sizeof sql, "ccode1, ccode2", cfg, "WHERE year = ?1 ORDER BY ccode1, ccode2");
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
    sqlite3_bind_int(q, 1, year);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (y->n == cap) {
            size_t nc = cap ? cap * 2 : 4096;
            int *a = ent_realloc(ctx, y->c1, nc * sizeof *a);
            int *b = a ? ent_realloc(ctx, y->c2, nc * sizeof *b) : NULL;
            double *r;
            if (a)
                y->c1 = a;
            if (b)
                y->c2 = b;
            r = b ? ent_realloc(ctx, y->raw, nc * (size_t)(cfg->nterms ? cfg->nterms : 1) * sizeof *r)
                  : NULL;
            if (!r) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
            y->raw = r;
            cap = nc;
        }
        y->c1[y->n] = sqlite3_column_int(q, 0);
        y->c2[y->n] = sqlite3_column_int(q, 1);
        row_terms(q, 2, cfg, y->raw + y->n * (size_t)cfg->nterms);
        y->n++;
    }
    if (rc != SQLITE_DONE) {
        st = ent_err(ctx, ENT_EDB, "sqlite: %s", sqlite3_errmsg(db));
        goto out;
    }
    if (y->n == 0) {
        st = ent_err(ctx, ENT_ENODATA, "no dyads in the panel for %d (the panel spans 1816-2022)",
                     year);
        goto out;
    }
    col = ent_malloc(ctx, 2 * y->n * sizeof *col);
    nomem = !col;
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        if (!(y->norm[m] = ent_malloc(ctx, y->n * (size_t)(cfg->nterms ? cfg->nterms : 1) *
                                               sizeof(double))))
            nomem = 1; /* (col is kept, to be freed) */
    if (nomem) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int i = 0; i < cfg->nterms; i++) {
        double *in = col, *res = col + y->n;
        for (size_t r = 0; r < y->n; r++)
            in[r] = y->raw[r * (size_t)cfg->nterms + (size_t)i];
        for (int m = 0; m < ENT_NORM_COUNT; m++) {
            ent_ix_normalize(in, y->n, (ent_norm)m, cfg->terms[i].reverse, res);
            for (size_t r = 0; r < y->n; r++)
                y->norm[m][r * (size_t)cfg->nterms + (size_t)i] = res[r];
        }
    }
out:
    ent_free(ctx, col);
    sqlite3_finalize(q);
    if (st != ENT_OK)
        ent_ix_year_free(ctx, y);
    return st;
}

void ent_ix_year_free(ent_ctx *ctx, ent_ix_year *y)
{
    ent_free(ctx, y->c1);
    ent_free(ctx, y->c2);
    ent_free(ctx, y->raw);
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        ent_free(ctx, y->norm[m]);
    memset(y, 0, sizeof *y);
}

long ent_ix_find(const ent_ix_year *y, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    size_t l = 0, h = y->n;
    while (l < h) { /* rows are sorted by (ccode1, ccode2) */
        size_t mid = (l + h) / 2;
        if (y->c1[mid] < lo || (y->c1[mid] == lo && y->c2[mid] < hi))
            l = mid + 1;
        else
            h = mid;
    }
    return l < y->n && y->c1[l] == lo && y->c2[l] == hi ? (long)l : -1;
}

/* ------------------------------------------------------------ scores */

void ent_ix_score_row(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, ent_norm m,
                      const double *tw, const double *dw, const unsigned char *drop,
                      ent_ix_score *out)
{
    double num[ENT_NDIM] = {0}, den[ENT_NDIM] = {0}, cn = 0, cd = 0;
    const double *row = y->norm[m] + r * (size_t)cfg->nterms;
    memset(out, 0, sizeof *out);
    for (int i = 0; i < cfg->nterms; i++) {
        const ent_ix_term *t = &cfg->terms[i];
        double w = tw ? tw[i] : t->weight;
        if ((drop && drop[i]) || w <= 0)
            continue;
        out->total[t->dim]++;
        if (isnan(row[i]))
            continue;
        out->present[t->dim]++;
        num[t->dim] += w * row[i];
        den[t->dim] += w;
    }
    out->complete = 1;
    for (int d = 0; d < ENT_NDIM; d++) {
        double w = dw ? dw[d] : cfg->dimw[d];
        out->dim[d] = den[d] > 0 ? num[d] / den[d] : NAN;
        if (w <= 0)
            continue;
        if (isnan(out->dim[d])) {
            out->complete = 0;
            continue;
        }
        cn += w * out->dim[d];
        cd += w;
    }
    out->composite = cd > 0 ? cn / cd : NAN;
}

static int cmp_vi_desc(const void *a, const void *b)
{
    double x = ((const vi *)a)->v, y = ((const vi *)b)->v;
    return (x < y) - (x > y);
}

void ent_ix_rank_values(const double *v, size_t n, int *rank)
{
    vi *s = malloc((n ? n : 1) * sizeof *s);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        rank[i] = 0;
        if (!isnan(v[i]) && s) {
            s[k].v = v[i];
            s[k++].i = i;
        }
    }
    if (!s)
        return;
    qsort(s, k, sizeof *s, cmp_vi_desc);
    for (size_t a = 0; a < k;) {
        size_t b = a;
        while (b < k && s[b].v == s[a].v)
            b++;
        for (size_t t = a; t < b; t++)
            rank[s[t].i] = (int)a + 1; /* ties share the best rank */
        a = b;
    }
    free(s);
}

/* ------------------------------------------------------------ randomness */

static unsigned long long splitmix(ent_rng *r)
{
    unsigned long long z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double ent_rng_uniform(ent_rng *r)
{
    return ((double)(splitmix(r) >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(ent_rng *r)
{
    double u = ent_rng_uniform(r), v = ent_rng_uniform(r);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Marsaglia & Tsang (2000); shape < 1 by the boost U^(1/shape). */
double ent_rng_gamma(ent_rng *r, double shape)
{
    double d, c;
    if (shape < 1)
        return ent_rng_gamma(r, shape + 1) * pow(ent_rng_uniform(r), 1.0 / shape);
    d = shape - 1.0 / 3.0;
    c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = normal(r), v = 1 + c * x, u;
        if (v <= 0)
            continue;
        v = v * v * v;
        u = ent_rng_uniform(r);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

void ent_rng_dirichlet(ent_rng *r, const double *alpha, size_t k, double *out)
{
    double sum = 0;
    for (size_t i = 0; i < k; i++) {
        out[i] = alpha[i] > 0 ? ent_rng_gamma(r, alpha[i]) : 0;
        sum += out[i];
    }
    for (size_t i = 0; i < k; i++)
        out[i] = sum > 0 ? out[i] / sum : 0;
}

#define CONCENTRATION 20.0

/* kth_smallest: Wirth's selection, expected O(n).  Afterwards v[k] is the
 * k-th smallest, v[0..k) are <= it and v(k..n) >= it. */
static double kth_smallest(double *v, size_t n, size_t k)
{
    long l = 0, m = (long)n - 1, kk = (long)k;
    while (l < m) {
        double x = v[kk];
        long i = l, j = m;
        do {
            while (v[i] < x)
                i++;
            while (x < v[j])
                j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            m = j;
    }
    return v[kk];
}

double ent_ix_median(double *v, size_t n)
{
    double hi = kth_smallest(v, n, n / 2);
    if (n % 2)
        return hi;
    {   /* the lower middle is the largest of the elements left of n/2 */
        double lo = v[0];
        for (size_t i = 1; i < n / 2; i++)
            if (v[i] > lo)
                lo = v[i];
        return (lo + hi) / 2;
    }
}

static void draws_run(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                      size_t nrows, size_t subject, int draws, unsigned long long seed,
                      ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud, int *ranks);

void ent_ix_draws(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows, size_t nrows,
                  size_t subject, int draws, unsigned long long seed, ent_ix_robust *out)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, NULL, NULL, NULL);
}

void ent_ix_draws_cb(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                     size_t nrows, size_t subject, int draws, unsigned long long seed,
                     ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, tick, ud, NULL);
}

void ent_ix_draws_ranks(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                        size_t nrows, size_t subject, int draws, unsigned long long seed,
                        ent_ix_robust *out, int *ranks)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, NULL, NULL, ranks);
}

static void draws_run(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                      size_t nrows, size_t subject, int draws, unsigned long long seed,
                      ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud, int *ranks)
{
    ent_rng rng = {seed};
    int above[ENT_NDIM + 1] = {0};
    ent_ix_score *sc = malloc(nrows * sizeof *sc);
    double *vals = malloc(nrows * sizeof *vals);
    memset(out, 0, sizeof *out);
    out->draws = draws;
    if (!sc || !vals)
        goto done;
    for (int t = 0; t < draws; t++) {
        double tw[ENT_IX_MAXTERMS] = {0}, dw[ENT_NDIM], alpha[ENT_IX_MAXTERMS], w[ENT_IX_MAXTERMS];
        unsigned char drop[ENT_IX_MAXTERMS] = {0};
        ent_norm m = (ent_norm)(splitmix(&rng) % ENT_NORM_COUNT);
        double dsum = 0;
        if (tick && t && t % 4096 == 0)
            tick(ud, t);
        for (int d = 0; d < ENT_NDIM; d++)
            dsum += cfg->dimw[d];
        for (int d = 0; d < ENT_NDIM; d++)
            alpha[d] = CONCENTRATION * cfg->dimw[d] / dsum;
        ent_rng_dirichlet(&rng, alpha, ENT_NDIM, dw);
        for (int d = 0; d < ENT_NDIM; d++) {
            int idx[ENT_IX_MAXTERMS], k = 0;
            double tsum = 0;
            for (int i = 0; i < cfg->nterms; i++)
                if (cfg->terms[i].dim == d) {
                    idx[k++] = i;
                    tsum += cfg->terms[i].weight;
                }
            if (k == 0)
                continue;
            for (int j = 0; j < k; j++)
                alpha[j] = CONCENTRATION * cfg->terms[idx[j]].weight / tsum;
            ent_rng_dirichlet(&rng, alpha, (size_t)k, w);
            for (int j = 0; j < k; j++)
                tw[idx[j]] = w[j];
            if (k > 1)
                drop[idx[splitmix(&rng) % (unsigned)k]] = 1;
        }
        for (size_t r = 0; r < nrows; r++)
            ent_ix_score_row(cfg, y, (size_t)rows[r], m, tw, dw, drop, &sc[r]);
        if (ranks) { /* the subject's composite rank in the group; ties share the best */
            ranks[t] = 0;
            if (!isnan(sc[subject].composite)) {
                ranks[t] = 1;
                for (size_t r = 0; r < nrows; r++)
                    ranks[t] += r != subject && sc[r].composite > sc[subject].composite;
            }
        }
        for (int d = 0; d <= ENT_NDIM; d++) {
            double subj = d < ENT_NDIM ? sc[subject].dim[d] : sc[subject].composite, med;
            size_t k = 0;
            for (size_t r = 0; r < nrows; r++) {
                double v = d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite;
                if (r != subject && !isnan(v))
                    vals[k++] = v;
            }
            if (isnan(subj) || k == 0)
                continue;
            med = ent_ix_median(vals, k);
            out->defined[d]++;
            if (subj > med)
                above[d]++;
        }
    }
done:
    for (int d = 0; d <= ENT_NDIM; d++)
        out->above_median[d] = out->defined[d] ? (double)above[d] / out->defined[d] : NAN;
    free(sc);
    free(vals);
}

/* ------------------------------------------------------------ verdict */

void ent_ix_verdict_count(const ent_ix_score *sc, size_t n, size_t subject, ent_ix_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->complete = sc[subject].complete;
    for (int d = 0; d <= ENT_NDIM; d++) {
        double s = d < ENT_NDIM ? sc[subject].dim[d] : sc[subject].composite;
        if (isnan(s)) {
            v->missing[d] = 1;
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            double x = d < ENT_NDIM ? sc[i].dim[d] : sc[i].composite;
            if (i == subject || isnan(x))
                continue;
            v->others[d]++;
            if (s > x)
                v->above[d]++;
        }
    }
}

void ent_ix_verdict_text(const ent_ix_verdict *v, const char *subject, char *buf, size_t cap)
{
    size_t o = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        if (o < cap)                                                                               \
            o += (size_t)snprintf(buf + o, cap - o, __VA_ARGS__);                                  \
    } while (0)
    if (cap)
        buf[0] = '\0';
    if (v->missing[ENT_NDIM])
        PUT("%s has no composite (no dimension present);", subject);
    else if (!v->others[ENT_NDIM])
        PUT("%s ranks above 0 of 0 (n/a: no other dyad has a composite);", subject);
    else
        PUT("%s ranks above %d of %d (%.0f%%) on the composite%s;", subject, v->above[ENT_NDIM],
            v->others[ENT_NDIM], 100.0 * v->above[ENT_NDIM] / v->others[ENT_NDIM],
            v->complete ? "" : " (flagged: the subject lacks a dimension)");
    for (int d = 0; d < ENT_NDIM; d++) {
        if (v->missing[d])
            PUT("%s %s missing", d ? "," : " on", ent_ix_dims[d]);
        else
            PUT("%s %s %d of %d", d ? "," : " on", ent_ix_dims[d], v->above[d], v->others[d]);
    }
#undef PUT
}

int ent_ix_missing_text(const ent_ix_config *cfg, const ent_ix_year *y, size_t r, char *buf,
                        size_t cap)
{
    size_t o = 0;
    int nm = 0;
    if (cap)
        buf[0] = '\0';
    for (int t = 0; t < cfg->nterms; t++) {
        if (!isnan(y->raw[r * (size_t)cfg->nterms + (size_t)t]))
            continue;
        nm++;
        if (o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", nm > 1 ? ", " : "",
                                  cfg->terms[t].expr);
    }
    if (!nm && cap)
        snprintf(buf, cap, "none");
    return nm;
}

void ent_ix_robust_text(const ent_ix_robust *rb, const char *subject, long long seed, char *buf,
                        size_t cap)
{
    size_t o = 0;
    if (cap)
        buf[0] = '\0';
    for (int k = 0; k <= ENT_NDIM; k++) {
        int d = k == 0 ? ENT_NDIM : k - 1; /* the composite first */
        char share[64];
        if (!rb->defined[d] || isnan(rb->above_median[d]))
            snprintf(share, sizeof share, "n/a");
        else if (rb->defined[d] < rb->draws)
            snprintf(share, sizeof share, "%.0f%% (of %d draws)", 100.0 * rb->above_median[d],
                     rb->defined[d]);
        else
            snprintf(share, sizeof share, "%.0f%%", 100.0 * rb->above_median[d]);
        if (o >= cap)
            break;
        if (k == 0)
            o += (size_t)snprintf(buf + o, cap - o,
                                  "robustness (%d draws, seed %lld): %s ranks above the group "
                                  "median in %s of draws on the composite",
                                  rb->draws, seed, subject, share);
        else
            o += (size_t)snprintf(buf + o, cap - o, "%s %s %s", k == 1 ? "; on" : ",",
                                  ent_ix_dims[d], share);
    }
}
