/*
 * rd.c -- the reader backends' front (rd.h): picking a backend from a path,
 * dispatching to it, and the sets of originals a recipe reads
 * ("recipe=NAME\nPATH\nPATH...").
 */
#include "rd.h"
#include "dynbuf.h"

#include <openssl/sha.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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
    else if (!strcmp(recipe, "rda-listcols"))
        st = ent_rd_rda_frame(ctx, paths, np, out, len);
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
    if (np == 1) { /* a set of one is that file */
        st = ent_sha256_file(ctx, paths[0], hex);
        ent_free(ctx, paths);
        ent_free(ctx, copy);
        return st;
    }
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
    size_t need = b->n + k + 1;
    if (b->oom)
        return;
    if (need > b->cap) {
        if (k > ENT_RD_TEXT_MAX || need > ENT_RD_TEXT_MAX) {
            b->oom = 2;
            return;
        }
        /* the first allocation is 64 KiB: most tables are larger */
        if (ent_grow(b->ctx, &b->p, &b->cap, need < (1 << 16) ? (1 << 16) : need, 1,
                     ENT_RD_TEXT_MAX, "rendered table") != ENT_OK) {
            b->oom = 1;
            return;
        }
    }
    memcpy(b->p + b->n, s, k);
    b->n += k;
    b->p[b->n] = '\0';
}

ent_status ent_rdbuf_oom(const ent_rdbuf *b, const char *label)
{
    if (b->oom == 2)
        return ent_err(b->ctx, ENT_ENOMEM, "%s: rendered table over %zu bytes (the cap)", label,
                       ENT_RD_TEXT_MAX);
    return ent_err(b->ctx, ENT_ENOMEM, "%s: out of memory", label);
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
        return ent_rdbuf_oom(b, label);
    }
    *out = b->p;
    *len = b->n;
    b->p = NULL;
    return ENT_OK;
}

/* ent_rdbuf_real prints a double as R's as.character/write.csv does: the
 * fewest significant digits (at most 15) that give the value back at 15
 * digits, in fixed notation unless scientific is shorter (R's scipen = 0);
 * NaN (R's NA) prints nothing. */
void ent_rdbuf_real(ent_rdbuf *t, double v)
{
    char e[48], b[400];
    int k, nsig, expo, neg = v < 0;
    if (isnan(v))
        return;
    if (isinf(v)) {
        ent_rdbuf_put(t, v > 0 ? "Inf" : "-Inf", v > 0 ? 3 : 4);
        return;
    }
    if (v == 0) {
        ent_rdbuf_put(t, "0", 1);
        return;
    }
    snprintf(e, sizeof e, "%.14e", v); /* d.dddddddddddddde+XX */
    char *m = e + neg, *x = strchr(m, 'e');
    expo = atoi(x + 1);
    nsig = 15;
    while (nsig > 1 && m[nsig] == '0') /* m[0] digit, m[1] '.', m[2..15] decimals */
        nsig--;
    int rgt = nsig - expo - 1 > 0 ? nsig - expo - 1 : 0;
    int wfix = neg + (expo >= 0 ? expo + 1 : 1) + (rgt ? rgt + 1 : 0);
    int wsci = neg + (nsig > 1 ? nsig + 1 : 1) + (abs(expo) >= 100 ? 5 : 4);
    if (wfix <= wsci)
        k = snprintf(b, sizeof b, "%.*f", rgt, v);
    else
        k = snprintf(b, sizeof b, "%.*e", nsig - 1, v);
    ent_rdbuf_put(t, b, (size_t)k);
}

/* r_scientific is R's scientific() (src/main/format.c, long double build)
 * for 15 digits: the exponent and the significant digits of |x| as R finds
 * them, scaling |x| to 15 integer digits in long double by an exact power of
 * ten and rounding that to an integer (ties to even), so that values whose
 * 16th digit is near 5 get R's digits, not those of correct rounding
 * (77926.106526731949998 prints as 77926.106526732). */
static void r_scientific(double x, int *kpower, int *nsig)
{
    static const long double tbl[] = {
        1e-1, 1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26,
        1e27};
    const int R = 15, KP_MAX = 27;
    double r = fabs(x), alpha;
    int kp = (int)floor(log10(r)) - R + 1;
    long double rp = r;
    if (abs(kp) < KP_MAX) {
        if (kp > 0)
            rp /= tbl[kp + 1];
        else if (kp < 0)
            rp *= tbl[-kp + 1];
    } else if (kp <= -308)
        rp = (rp * 1e+303L) / powl(10, kp + 303);
    else
        rp /= powl(10, (long double)kp);
    if (rp < tbl[R]) {
        rp *= 10.0L;
        kp--;
    }
    alpha = (double)nearbyintl(rp);
    *nsig = R;
    for (int j = 1; j <= R; j++) {
        alpha /= 10.0;
        if (alpha == floor(alpha))
            (*nsig)--;
        else
            break;
    }
    if (*nsig == 0) {
        *nsig = 1;
        kp += 1;
    }
    *kpower = kp + R - 1;
}

void ent_rdbuf_real_r(ent_rdbuf *t, double v)
{
    char b[400];
    int k, nsig, expo, neg = v < 0;
    if (isnan(v) || isinf(v) || v == 0) {
        ent_rdbuf_real(t, v);
        return;
    }
    r_scientific(v, &expo, &nsig);
    int rgt = nsig - expo - 1 > 0 ? nsig - expo - 1 : 0;
    int wfix = neg + (expo >= 0 ? expo + 1 : 1) + (rgt ? rgt + 1 : 0);
    int wsci = neg + (nsig > 1 ? nsig + 1 : 1) + (abs(expo) >= 100 ? 5 : 4);
    if (wfix <= wsci)
        k = snprintf(b, sizeof b, "%.*f", rgt, v);
    else
        k = snprintf(b, sizeof b, "%.*e", nsig - 1, v);
    ent_rdbuf_put(t, b, (size_t)k);
}
