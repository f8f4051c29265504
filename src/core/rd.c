/*
 * rd.c -- the reader backends' front (rd.h): picking a backend from a path,
 * dispatching to it, and the sets of originals a recipe reads
 * ("recipe=NAME\nPATH\nPATH...").
 */
#include "rd.h"

#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char SET[] = "recipe=";

ent_rd_kind ent_rd_kind_of(const char *path)
{
    if (!strncmp(path, SET, sizeof SET - 1))
        return ENT_RD_SET;
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return ENT_RD_NONE;
    if (!strcasecmp(dot, ".rda") || !strcasecmp(dot, ".rdata") || !strcasecmp(dot, ".rds"))
        return ENT_RD_RDATA;
    if (!strcasecmp(dot, ".dta"))
        return ENT_RD_DTA;
    return ENT_RD_NONE;
}

/* split_set copies a set's text and points paths[] at its members. */
static ent_status split_set(ent_ctx *ctx, const char *set, char **copy, char *recipe, size_t rn,
                            const char ***paths, size_t *n)
{
    size_t k = 0, cap = 1;
    char *s, *nl;
    *paths = NULL;
    *n = 0;
    if (!(*copy = ent_strdup(ctx, set + sizeof SET - 1)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (const char *p = *copy; (p = strchr(p, '\n')); p++)
        cap++;
    if (!(*paths = ent_calloc(ctx, cap, sizeof **paths))) {
        ent_free(ctx, *copy);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    s = *copy;
    nl = strchr(s, '\n');
    snprintf(recipe, rn, "%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
    while (nl) {
        s = nl + 1;
        nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        (*paths)[k++] = s;
    }
    *n = k;
    return ENT_OK;
}

ent_status ent_rd_render(ent_ctx *ctx, const char *path, ent_rd_kind k, char delim, char **out,
                         size_t *len)
{
    unsigned char *data;
    size_t n;
    const char *base = strrchr(path, '/');
    ent_status st;
    if (k == ENT_RD_DTA)
        return ent_rd_dta(ctx, path, delim, out, len);
    if (k == ENT_RD_RDATA) {
        if ((st = ent_rd_slurp(ctx, path, &data, &n)) != ENT_OK)
            return st;
        st = ent_rd_rdata_mem(ctx, base ? base + 1 : path, data, n, delim, out, len);
        ent_free(ctx, data);
        return st;
    }
    if (k != ENT_RD_SET)
        return ent_err(ctx, ENT_EINVAL, "%s: no reader backend for this format", path);
    char *copy, recipe[32];
    const char **paths;
    size_t np;
    if ((st = split_set(ctx, path, &copy, recipe, sizeof recipe, &paths, &np)) != ENT_OK)
        return st;
    if (np == 0)
        st = ent_err(ctx, ENT_EINVAL, "recipe %s: no original given", recipe);
    else if (!strcmp(recipe, "xml"))
        st = ent_rd_xml(ctx, paths, np, delim, out, len);
    else if (!strcmp(recipe, "xlsx-dots"))
        st = ent_rd_xlsx_dots(ctx, paths, np, out, len);
    else if (!strcmp(recipe, "json-schema"))
        st = ent_rd_json_schema(ctx, paths, np, out, len);
    else if (!strcmp(recipe, "rds-matrices"))
        st = ent_rd_rds_matrices(ctx, paths, np, out, len);
    else if (!strcmp(recipe, "rds-tsv") && np == 1) {
        base = strrchr(paths[0], '/');
        if ((st = ent_rd_slurp(ctx, paths[0], &data, &n)) == ENT_OK) {
            st = ent_rd_rdata_tsv_mem(ctx, base ? base + 1 : paths[0], data, n, out, len);
            ent_free(ctx, data);
        }
    } else
        st = ent_err(ctx, ENT_EINVAL, "%s: unknown reader recipe '%s'", paths[0], recipe);
    ent_free(ctx, paths);
    ent_free(ctx, copy);
    return st;
}

int ent_rd_exists(const char *path)
{
    struct stat sb;
    char one[4096];
    if (strncmp(path, SET, sizeof SET - 1))
        return stat(path, &sb) == 0;
    const char *p = strchr(path, '\n');
    if (!p)
        return 0;
    while (p) {
        const char *e = strchr(++p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k >= sizeof one)
            return 0;
        memcpy(one, p, k);
        one[k] = '\0';
        if (stat(one, &sb) != 0 || !S_ISREG(sb.st_mode))
            return 0;
        p = e;
    }
    return 1;
}

ent_status ent_rd_sha256(ent_ctx *ctx, const char *path, char hex[65])
{
    char *copy, recipe[32], *cat;
    const char **paths;
    size_t np;
    ent_status st;
    if (strncmp(path, SET, sizeof SET - 1))
        return ent_sha256_file(ctx, path, hex);
    if ((st = split_set(ctx, path, &copy, recipe, sizeof recipe, &paths, &np)) != ENT_OK)
        return st;
    if (!(cat = ent_malloc(ctx, np * 64 + 1)))
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t i = 0; i < np && st == ENT_OK; i++) {
        char h[65];
        if ((st = ent_sha256_file(ctx, paths[i], h)) == ENT_OK)
            memcpy(cat + 64 * i, h, 64);
    }
    if (st == ENT_OK) {
        unsigned char md[SHA256_DIGEST_LENGTH];
        SHA256((const unsigned char *)cat, np * 64, md);
        for (int i = 0; i < SHA256_DIGEST_LENGTH; i++)
            snprintf(hex + 2 * i, 3, "%02x", md[i]);
    }
    ent_free(ctx, cat);
    ent_free(ctx, paths);
    ent_free(ctx, copy);
    return st;
}

void ent_rd_shown(const char *path, const char *datadir, char *buf, size_t n)
{
    size_t dl = strlen(datadir);
    const char *first, *last, *e;
    size_t count = 0;
    char recipe[32];
    if (strncmp(path, SET, sizeof SET - 1)) {
        snprintf(buf, n, "%s", !strncmp(path, datadir, dl) && path[dl] == '/' ? path + dl + 1 : path);
        return;
    }
    e = strchr(path, '\n');
    snprintf(recipe, sizeof recipe, "%.*s", e ? (int)(e - path) - (int)(sizeof SET - 1) : 0,
             path + sizeof SET - 1);
    first = last = e ? e + 1 : "";
    for (const char *p = first; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        last = p;
        count++;
    }
    if (!strncmp(first, datadir, dl) && first[dl] == '/')
        first += dl + 1;
    const char *lb = strrchr(last, '/');
    e = strchr(first, '\n');
    if (count == 1)
        snprintf(buf, n, "%.*s (recipe %s)", e ? (int)(e - first) : (int)strlen(first), first,
                 recipe);
    else
        snprintf(buf, n, "%.*s ... %s (%zu originals, recipe %s)", e ? (int)(e - first) : 0,
                 first, lb ? lb + 1 : last, count, recipe);
}

void ent_rdbuf_put(ent_rdbuf *b, const char *s, size_t k)
{
    if (b->oom)
        return;
    if (b->n + k + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 1 << 16;
        while (nc < b->n + k + 1)
            nc *= 2;
        char *np = ent_realloc(b->ctx, b->p, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, k);
    b->n += k;
    b->p[b->n] = '\0';
}

void ent_rdbuf_field(ent_rdbuf *b, const char *s, size_t k, char delim)
{
    int quote = 0;
    for (size_t i = 0; i < k && !quote; i++)
        quote = s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        ent_rdbuf_put(b, s, k);
        return;
    }
    ent_rdbuf_put(b, "\"", 1);
    for (size_t i = 0, j = 0; i <= k; i++) {
        if (i == k || s[i] == '"') {
            ent_rdbuf_put(b, s + j, i - j);
            if (i < k)
                ent_rdbuf_put(b, "\"\"", 2);
            j = i + 1;
        }
    }
    ent_rdbuf_put(b, "\"", 1);
}

ent_status ent_rdbuf_done(ent_rdbuf *b, const char *label, char **out, size_t *len)
{
    if (b->oom || !b->p) {
        if (!b->oom && !b->p) {
            ent_rdbuf_put(b, "", 0);
            if (!b->oom)
                return ent_rdbuf_done(b, label, out, len);
        }
        ent_free(b->ctx, b->p);
        b->p = NULL;
        return ent_err(b->ctx, ENT_ENOMEM, "%s: out of memory", label);
    }
    *out = b->p;
    *len = b->n;
    b->p = NULL;
    return ENT_OK;
}
