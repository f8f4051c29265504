/*
 * manifest.c -- data/manifest.tsv: parsing, lookup and selection.  The
 * manifest is compiled in (build/gen/manifest.inc, made from data/manifest.tsv
 * by the Makefile), so an installed entente knows what to fetch; --manifest
 * FILE reads another (tests, a private mirror with different pins).
 */
#include "fetch.h"
#include "../core/dynbuf.h"

#include <errno.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const unsigned char builtin[] = {
#include "manifest.inc"
};

const char *ent_manifest_builtin(size_t *len)
{
    *len = sizeof builtin;
    return (const char *)builtin;
}

static const char *const COLS[] = {"path", "source", "kind", "url", "mirror_path", "size",
                                   "sha256", "format", "from", "licence", "citation", "recipe"};
#define NCOLS (sizeof COLS / sizeof COLS[0])
#define MF_MAXENTRIES ((size_t)1 << 24) /* files a manifest lists (the shipped one: ~470) */
#define MF_MAXBYTES ((size_t)1 << 30)   /* bytes of a manifest file (the shipped one: ~150 KB) */

const char *ent_manifest_kind_name(ent_mf_kind k)
{
    static const char *const names[] = {"verbatim", "original", "archive", "prepared"};
    return (unsigned)k < 4 ? names[k] : "?";
}

static int parse_kind(const char *s, ent_mf_kind *k)
{
    for (int i = 0; i < 4; i++) {
        if (!strcmp(s, ent_manifest_kind_name((ent_mf_kind)i))) {
            *k = (ent_mf_kind)i;
            return 1;
        }
    }
    return 0;
}

static int is_hex64(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == 64;
}

/* a path inside the data folder: relative, no "..", no empty component */
static int safe_path(const char *p)
{
    if (!*p || *p == '/')
        return 0;
    for (const char *s = p; *s;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
            return 0;
        s += n + (e ? 1 : 0);
        if (e && !*s)
            return 0;
    }
    return 1;
}

void ent_manifest_free(ent_manifest *m)
{
    if (!m)
        return;
    ent_free(m->ctx, m->e);
    ent_free(m->ctx, m->text);
    ent_free(m->ctx, m);
}

static const char *dash_null(const char *s)
{
    return strcmp(s, "-") ? s : NULL;
}

ent_status ent_manifest_parse(ent_ctx *ctx, const char *label, const char *text, size_t len,
                              ent_manifest **out)
{
    ent_manifest *m = ent_calloc(ctx, 1, sizeof *m);
    size_t cap = 0;
    int line = 0, header = 0;
    char *p, *end;
    ent_status st = ENT_OK;

    *out = NULL;
    if (!m || !(m->text = ent_malloc(ctx, len + 1))) {
        ent_free(ctx, m);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    m->ctx = ctx;
    memcpy(m->text, text, len);
    m->text[len] = '\0';
    if (memchr(m->text, '\0', len)) {
        st = ent_err(ctx, ENT_EPARSE, "%s: a NUL byte in the manifest", label);
        goto fail;
    }
    end = m->text + len;
    for (p = m->text; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p)), *f[NCOLS];
        size_t nf = 0;
        char *s = p;
        line++;
        if (nl)
            *nl = '\0';
        p = nl ? nl + 1 : end;
        if (*s == '#' || *s == '\0')
            continue;
        for (;;) {
            char *t = strchr(s, '\t');
            if (nf == NCOLS) {
                st = ent_err(ctx, ENT_EPARSE, "%s:%d: more than %zu fields", label, line, NCOLS);
                goto fail;
            }
            f[nf++] = s;
            if (!t)
                break;
            *t = '\0';
            s = t + 1;
        }
        if (nf != NCOLS) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: %zu fields, expected %zu", label, line, nf,
                         NCOLS);
            goto fail;
        }
        if (!header) {
            for (size_t i = 0; i < NCOLS; i++) {
                if (strcmp(f[i], COLS[i])) {
                    st = ent_err(ctx, ENT_EPARSE, "%s:%d: column %zu is '%s', expected '%s'",
                                 label, line, i + 1, f[i], COLS[i]);
                    goto fail;
                }
            }
            header = 1;
            continue;
        }
        if (m->n == cap && (st = ent_grow_for(ctx, label, &m->e, &cap, m->n + 1, sizeof *m->e,
                                              MF_MAXENTRIES, "manifest entries")) != ENT_OK)
            goto fail;
        ent_mf_entry *e = &m->e[m->n];
        char *ep;
        memset(e, 0, sizeof *e);
        e->line = line;
        e->path = f[0];
        e->source = f[1];
        e->url = dash_null(f[3]);
        e->mirror_path = dash_null(f[4]);
        e->sha256 = f[6];
        e->format = f[7];
        e->from = f[8];
        e->licence = f[9];
        e->citation = f[10];
        e->recipe = f[11];
        errno = 0;
        e->size = strtoll(f[5], &ep, 10);
        if (!safe_path(e->path))
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 1 (path): '%s' is not a relative path "
                         "inside the data folder", label, line, e->path);
        else if (strncmp(e->path, e->source, strlen(e->source)) ||
                 e->path[strlen(e->source)] != '/')
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 2 (source): '%s' is not the folder of '%s'",
                         label, line, e->source, e->path);
        else if (!parse_kind(f[2], &e->kind))
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 3 (kind): '%s' is not verbatim, "
                         "original, archive or prepared", label, line, f[2]);
        else if (e->kind != ENT_MF_PREPARED && (!e->url || !e->mirror_path ||
                                                !safe_path(e->mirror_path)))
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 4/5 (url, mirror_path): a downloaded "
                         "file needs a URL and a relative mirror path", label, line);
        else if (ep == f[5] || *ep || errno || e->size < 0)
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 6 (size): '%s' is not a size", label,
                         line, f[5]);
        else if (!is_hex64(e->sha256))
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 7 (sha256): not 64 lowercase hex digits",
                         label, line);
        else if (ent_manifest_find(m, e->path))
            st = ent_err(ctx, ENT_EPARSE, "%s:%d: column 1 (path): '%s' listed twice", label,
                         line, e->path);
        if (st != ENT_OK)
            goto fail;
        m->n++;
    }
    if (!header) {
        st = ent_err(ctx, ENT_EPARSE, "%s: no header line", label);
        goto fail;
    }
    *out = m;
    return ENT_OK;
fail:
    ent_manifest_free(m);
    return st;
}

ent_status ent_manifest_load(ent_ctx *ctx, const char *path, ent_manifest **out)
{
    FILE *fp;
    char *buf = NULL;
    size_t len = 0;
    ent_status st;

    if (!path) {
        size_t blen;
        const char *b = ent_manifest_builtin(&blen);
        return ent_manifest_parse(ctx, "manifest.tsv (built in)", b, blen, out);
    }
    if (!(fp = fopen(path, "rb")))
        return ent_err(ctx, ENT_EIO, "%s: %s", path, strerror(errno));
    if (ent_fread_all(ctx, fp, path, MF_MAXBYTES, &buf, &len) != ENT_OK) {
        fclose(fp);
        return ENT_ENOMEM;
    }
    if (ferror(fp)) {
        ent_free(ctx, buf);
        fclose(fp);
        return ent_err(ctx, ENT_EIO, "%s: read error", path);
    }
    fclose(fp);
    st = ent_manifest_parse(ctx, path, buf, len, out);
    ent_free(ctx, buf);
    return st;
}

const ent_mf_entry *ent_manifest_find(const ent_manifest *m, const char *path)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->e[i].path, path))
            return &m->e[i];
    return NULL;
}

ent_status ent_manifest_select(const ent_manifest *m, const char *only,
                               ent_mf_folder_fn folder_of, unsigned char *sel)
{
    const char *s = only;
    for (size_t i = 0; i < m->n; i++)
        sel[i] = only == NULL;
    if (!only)
        return ENT_OK;
    while (*s) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char name[128];
        int hit = 0;
        if (n == 0 || n >= sizeof name)
            return ent_err(m->ctx, ENT_EINVAL, "--only: '%.*s' is not a data set name", (int)n, s);
        memcpy(name, s, n);
        name[n] = '\0';
        /* a build source name stands for its folder */
        const char *dir = folder_of ? folder_of(name) : NULL;
        const char *folder = dir ? dir : name;
        for (size_t i = 0; i < m->n; i++) {
            if (!strcmp(m->e[i].source, folder)) {
                sel[i] = 1;
                hit = 1;
            }
        }
        if (!hit) {
            char known[4096] = "";
            size_t k = 0;
            for (size_t i = 0; i < m->n && k + 80 < sizeof known; i++)
                if (i == 0 || strcmp(m->e[i].source, m->e[i - 1].source))
                    k += (size_t)snprintf(known + k, sizeof known - k, "%s%s", k ? " " : "",
                                          m->e[i].source);
            return ent_err(m->ctx, ENT_EINVAL, "--only: no data set '%s' in the manifest; "
                           "known: %s", name, known);
        }
        s += n + (e ? 1 : 0);
    }
    return ENT_OK;
}

/* recipe_of names the reader recipe (rd.h) that renders prepared entry p from
 * its originals, or NULL when no backend reads them (then the build wants the
 * prepared file).  Single .rda/.dta originals are read as they are. */
static const char *recipe_of(const ent_manifest *m, const ent_mf_entry *p, size_t *nfrom)
{
    const ent_mf_entry *o;
    char first[512];
    const char *semi = strchr(p->from, ';');
    size_t k = semi ? (size_t)(semi - p->from) : strlen(p->from);
    *nfrom = 1;
    for (const char *f = p->from; (f = strchr(f, ';')); f++)
        (*nfrom)++;
    if (k >= sizeof first || strchr(p->from, ':'))
        return NULL;
    memcpy(first, p->from, k);
    first[k] = '\0';
    if (!(o = ent_manifest_find(m, first)) || o->kind != ENT_MF_ORIGINAL)
        return NULL;
    if (!strcmp(o->format, "xml"))
        return "xml";
    if (!strcmp(o->format, "xlsx"))
        return "xlsx-dots";
    if (!strcmp(o->format, "json"))
        return "json-schema";
    if (!strcmp(o->format, "rds"))
        return *nfrom > 1 ? "rds-matrices" : !strcmp(p->format, "tsv") ? "rds-tsv" : NULL;
    /* an .rda that librdata refuses (list columns) was prepared by unserializing */
    if (*nfrom == 1 && !strcmp(o->format, "rda") && p->recipe &&
        !strncmp(p->recipe, "R unserialize", 13))
        return "rda-listcols";
    if (*nfrom == 1 && (!strcmp(o->format, "rda") || !strcmp(o->format, "dta")))
        return ""; /* the original itself */
    return NULL;
}

char *ent_fetch_original(ent_ctx *ctx, const char *datadir, const char *relpath)
{
    ent_manifest *m = NULL;
    const ent_mf_entry *p;
    const char *recipe;
    char *out = NULL;
    size_t nfrom, cap, len;
    ent_status st;
    char msg[ENT_ERRMAX];

    /* keep the caller's message: a miss here is not an error */
    memcpy(msg, ctx->errmsg, sizeof msg);
    st = ent_manifest_load(ctx, NULL, &m);
    memcpy(ctx->errmsg, msg, sizeof msg);
    if (st != ENT_OK)
        return NULL;
    if (!(p = ent_manifest_find(m, relpath)) || p->kind != ENT_MF_PREPARED ||
        !(recipe = recipe_of(m, p, &nfrom)))
        goto out;
    /* "recipe=NAME\nPATH\nPATH..." (rd.h), or the one original's path */
    cap = strlen(recipe) + 16 + nfrom * (strlen(datadir) + 2) + strlen(p->from);
    if (!(out = ent_malloc(ctx, cap)))
        goto out;
    len = *recipe ? (size_t)snprintf(out, cap, "recipe=%s", recipe) : 0;
    for (const char *f = p->from; *f;) {
        const char *e = strchr(f, ';');
        size_t k = e ? (size_t)(e - f) : strlen(f);
        struct stat sb;
        len += (size_t)snprintf(out + len, cap - len, "%s%s/%.*s", len ? "\n" : "", datadir,
                                (int)k, f);
        if (stat(strrchr(out, '\n') ? strrchr(out, '\n') + 1 : out, &sb) != 0 ||
            !S_ISREG(sb.st_mode)) { /* every original must be here */
            ent_free(ctx, out);
            out = NULL;
            goto out;
        }
        f += k + (e ? 1 : 0);
    }
out:
    ent_manifest_free(m);
    return out;
}

int ent_fetch_unread(ent_ctx *ctx, const char *datadir, const char *relpath, char *fmt, size_t n)
{
    ent_manifest *m = NULL;
    const ent_mf_entry *p;
    char msg[ENT_ERRMAX];
    int found = 0;
    ent_status st;

    memcpy(msg, ctx->errmsg, sizeof msg);
    st = ent_manifest_load(ctx, NULL, &m);
    memcpy(ctx->errmsg, msg, sizeof msg);
    if (st != ENT_OK)
        return 0;
    size_t nfrom;
    /* a format some backend reads is never "unread": a missing original of
     * such a set is a missing file */
    if ((p = ent_manifest_find(m, relpath)) && p->kind == ENT_MF_PREPARED &&
        !recipe_of(m, p, &nfrom)) {
        for (size_t i = 0; i < m->n && !found; i++) {
            const ent_mf_entry *o = &m->e[i];
            size_t k = strlen(o->path);
            const char *hit = o->kind == ENT_MF_PREPARED ? NULL : strstr(p->from, o->path);
            struct stat sb;
            if (!hit || (hit != p->from && hit[-1] != ';') ||
                (hit[k] && hit[k] != ';' && hit[k] != ':'))
                continue;
            char *path = ent_path_join(ctx, datadir, o->path);
            if (path && stat(path, &sb) == 0) {
                snprintf(fmt, n, "%s", o->format);
                found = 1;
            }
            ent_free(ctx, path);
        }
    }
    ent_manifest_free(m);
    return found;
}

/* upstream_of writes "owner/repo@commit7" (GitHub raw URLs) or the tarball
 * name (npm) of url into b. */
static void upstream_of(const char *url, char *b, size_t n)
{
    static const char gh[] = "https://raw.githubusercontent.com/";
    if (!strncmp(url, gh, sizeof gh - 1)) {
        const char *s = url + sizeof gh - 1, *p1 = strchr(s, '/');
        const char *p2 = p1 ? strchr(p1 + 1, '/') : NULL;
        if (p2) {
            snprintf(b, n, "%.*s@%.7s", (int)(p2 - s), s, p2 + 1);
            return;
        }
    }
    const char *slash = strrchr(url, '/');
    snprintf(b, n, "%s%s", strstr(url, "registry.npmjs.org") ? "npm:" : "", slash ? slash + 1 : url);
}

static void add_unique(char *buf, size_t n, const char *item)
{
    size_t k = strlen(item), len = strlen(buf);
    for (const char *s = buf; (s = strstr(s, item)); s += k)
        if ((s == buf || s[-1] == ' ') && (s[k] == ',' || s[k] == '\0'))
            return;
    snprintf(buf + len, n - len, "%s%s", len ? ", " : "", item);
}

/* set_digest_is: is d (k hex digits) the digest of p's originals as a set
 * (ent_rd_sha256: the sha256 of their digests in `from` order)? */
static int set_digest_is(const ent_manifest *m, const ent_mf_entry *p, const char *d, size_t k)
{
    char hex[65], cat[64 * 256];
    unsigned char md[SHA256_DIGEST_LENGTH];
    size_t nc = 0;
    if (k != 64 || !strchr(p->from, ';'))
        return 0;
    for (const char *f = p->from; *f;) {
        const char *e = strchr(f, ';');
        size_t fk = e ? (size_t)(e - f) : strlen(f);
        char path[512];
        const ent_mf_entry *o;
        snprintf(path, sizeof path, "%.*s", (int)fk, f);
        if (!(o = ent_manifest_find(m, path)) || nc + 64 > sizeof cat)
            return 0;
        memcpy(cat + nc, o->sha256, 64);
        nc += 64;
        f += fk + (e ? 1 : 0);
    }
    SHA256((const unsigned char *)cat, nc, md);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return !strncmp(hex, d, 64);
}

ent_status ent_fetch_upstream(ent_ctx *ctx, const char *digests, char *buf, size_t n)
{
    ent_manifest *m = NULL;
    ent_status st;
    if (!buf || !n || !digests)
        return ent_err(ctx, ENT_EINVAL, "ent_fetch_upstream: NULL digests or buffer");
    buf[0] = '\0';
    if (!*digests)
        return ENT_OK;
    if ((st = ent_manifest_load(ctx, NULL, &m)) != ENT_OK)
        return st;
    for (const char *s = digests; *s;) {
        const char *e = strchr(s, ',');
        size_t k = e ? (size_t)(e - s) : strlen(s);
        const ent_mf_entry *hit = NULL;
        char item[160];
        for (size_t i = 0; i < m->n && !hit; i++)
            if (strlen(m->e[i].sha256) == k && !strncmp(m->e[i].sha256, s, k))
                hit = &m->e[i];
        for (size_t i = 0; i < m->n && !hit; i++) /* the digest of a set of originals */
            if (m->e[i].kind == ENT_MF_PREPARED && set_digest_is(m, &m->e[i], s, k))
                hit = &m->e[i];
        if (!hit) {
            add_unique(buf, n, "unlisted file");
        } else if (hit->kind != ENT_MF_PREPARED) {
            upstream_of(hit->url, item, sizeof item);
            add_unique(buf, n, item);
        } else if (!strcmp(hit->from, "-")) {
            add_unique(buf, n, "extract (upstream not fetchable)");
        } else {
            for (const char *f = hit->from; *f;) {
                const char *fe = strchr(f, ';'), *colon;
                size_t fk = fe ? (size_t)(fe - f) : strlen(f);
                char path[512];
                snprintf(path, sizeof path, "%.*s", (int)fk, f);
                if ((colon = strchr(path, ':')))
                    path[colon - path] = '\0';
                const ent_mf_entry *o = ent_manifest_find(m, path);
                if (o && o->url) {
                    upstream_of(o->url, item, sizeof item);
                    add_unique(buf, n, item);
                }
                f += fk + (fe ? 1 : 0);
            }
        }
        s += k + (e ? 1 : 0);
    }
    ent_manifest_free(m);
    return ENT_OK;
}
