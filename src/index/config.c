/*
 * config.c -- the index's config: the built-in default, parsing a config
 * text (terms, weights, dimensions), loading one from a file, checking its
 * columns against the warehouse's panel, and the names of the
 * normalisations (see index.h).
 */
#include "index.h"
#include "panel/panel.h"

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
    const char *cols[2 * ENT_IX_MAXTERMS];
    int line[2 * ENT_IX_MAXTERMS], n = 0, miss;
    ent_status st;
    for (int i = 0; i < cfg->nterms; i++)
        for (int c = 0; c < (cfg->terms[i].op ? 2 : 1); c++) {
            line[n] = cfg->terms[i].line;
            cols[n++] = cfg->terms[i].col[c];
        }
    if ((st = ent_panel_columns_missing(ctx, db, cols, n, &miss)) != ENT_OK)
        return st;
    if (miss >= 0)
        return ent_err(ctx, ENT_EPARSE, "%s:%d: unknown indicator '%s' (see `entente codebook`)",
                       label, line[miss], cols[miss]);
    return ENT_OK;
}

ent_status ent_ix_config_load(ent_ctx *ctx, const char *path, ent_ix_config *cfg)
{
    FILE *f;
    char *text;
    long len;
    ent_status st;
    const char *base;
    if (!path)
        return ent_ix_config_parse(ctx, "index-default.conf", ent_ix_default_conf, cfg);
    if (!(f = fopen(path, "rb")))
        return ent_err(ctx, ENT_EIO, "%s: cannot open", path);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (len < 0 || len > (1 << 20)) {
        fclose(f);
        return ent_err(ctx, ENT_EIO, "%s: cannot read%s", path, len < 0 ? "" : " (over 1 MB)");
    }
    if (!(text = ent_malloc(ctx, (size_t)len + 1))) {
        fclose(f);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    text[fread(text, 1, (size_t)len, f)] = '\0';
    fclose(f);
    base = strrchr(path, '/');
    st = ent_ix_config_parse(ctx, base ? base + 1 : path, text, cfg);
    ent_free(ctx, text);
    return st;
}
