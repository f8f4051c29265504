/*
 * verify.c -- `entente fetch --verify`: a data folder against the manifest,
 * offline.  Every listed file is checked by size and sha256; a missing file
 * is forgiven (COVERED) when the other form of the same data is complete: the
 * prepared file for a missing original, or every original for a missing
 * prepared file.  Files the manifest does not know are listed as EXTRA.
 */
#define _POSIX_C_SOURCE 200809L
#include "fetch.h"
#include "../core/dynbuf.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define VF_MAXITEMS ((size_t)1 << 24) /* files listed and found (the manifest lists about 470) */

const char *ent_vf_state_name(ent_vf_state s)
{
    static const char *const n[] = {"ok", "missing", "covered", "changed", "extra", "absent"};
    return (unsigned)s < 6 ? n[s] : "?";
}

void ent_vf_report_free(ent_vf_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        ent_free(r->ctx, r->items[i].path);
        ent_free(r->ctx, r->items[i].why);
    }
    ent_free(r->ctx, r->items);
    ent_free(r->ctx, r);
}

static ent_status add(ent_vf_report *r, const char *path, ent_vf_state s, const char *why)
{
    if (ent_grow(r->ctx, &r->items, &r->cap, r->n + 1, sizeof *r->items, VF_MAXITEMS,
                 "fetch: files verified") != ENT_OK)
        return ENT_ENOMEM;
    ent_vf_item *it = &r->items[r->n];
    it->state = s;
    it->path = ent_strdup(r->ctx, path);
    it->why = why ? ent_strdup(r->ctx, why) : NULL;
    if (!it->path || (why && !it->why)) {
        ent_free(r->ctx, it->path);
        ent_free(r->ctx, it->why);
        return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
    }
    r->n++;
    r->count[s]++;
    return ENT_OK;
}

/* check fills state[i]: OK, MISSING or CHANGED (with why) */
static ent_status check(ent_ctx *ctx, const char *datadir, const ent_mf_entry *e,
                        ent_vf_state *state, char *why, size_t nwhy)
{
    struct stat sb;
    char hex[65];
    char *p = ent_path_join(ctx, datadir, e->path);
    ent_status st = ENT_OK;
    why[0] = '\0';
    if (!p)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    if (stat(p, &sb) != 0) {
        *state = ENT_VF_MISSING;
    } else if (!S_ISREG(sb.st_mode)) {
        *state = ENT_VF_CHANGED;
        snprintf(why, nwhy, "not a regular file");
    } else if ((int64_t)sb.st_size != e->size) {
        *state = ENT_VF_CHANGED;
        snprintf(why, nwhy, "%lld bytes, expected %lld", (long long)sb.st_size,
                 (long long)e->size);
    } else if ((st = ent_sha256_file(ctx, p, hex)) != ENT_OK) {
        *state = ENT_VF_CHANGED;
        snprintf(why, nwhy, "%s", ent_errmsg(ctx));
        st = ENT_OK;
    } else if (strcmp(hex, e->sha256)) {
        *state = ENT_VF_CHANGED;
        snprintf(why, nwhy, "sha256 %.16s..., expected %.16s...", hex, e->sha256);
    } else {
        *state = ENT_VF_OK;
    }
    ent_free(ctx, p);
    return st;
}

/* from_has is 1 when the prepared entry p lists original path o */
static int from_has(const ent_mf_entry *p, const char *o)
{
    size_t n = strlen(o);
    for (const char *s = p->from; s && *s;) {
        const char *e = strchr(s, ';');
        size_t k = e ? (size_t)(e - s) : strlen(s);
        /* "archive:member" names a member of an archive */
        const char *colon = memchr(s, ':', k);
        size_t base = colon ? (size_t)(colon - s) : k;
        if (base == n && !memcmp(s, o, n))
            return 1;
        s += k + (e ? 1 : 0);
    }
    return 0;
}

static ent_status walk(ent_vf_report *r, const ent_manifest *m, const unsigned char *sel,
                       const char *root, const char *rel)
{
    char *dir = rel[0] ? ent_path_join(r->ctx, root, rel) : ent_strdup(r->ctx, root);
    DIR *d;
    struct dirent *de;
    ent_status st = ENT_OK;
    if (!dir)
        return ent_err(r->ctx, ENT_ENOMEM, "out of memory");
    if (!(d = opendir(dir))) {
        st = errno == ENOENT && rel[0] ? ENT_OK
                                       : ent_err(r->ctx, ENT_EIO, "%s: %s", dir, strerror(errno));
        ent_free(r->ctx, dir);
        return st;
    }
    while (st == ENT_OK && (de = readdir(d))) {
        struct stat sb;
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char *sub = rel[0] ? ent_path_join(r->ctx, rel, de->d_name) : ent_strdup(r->ctx, de->d_name);
        char *full = sub ? ent_path_join(r->ctx, root, sub) : NULL;
        if (!sub || !full) {
            st = ent_err(r->ctx, ENT_ENOMEM, "out of memory");
        } else if (lstat(full, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            /* with --only, walk only the selected folders */
            int want = 1;
            if (!rel[0] && sel) {
                want = 0;
                for (size_t i = 0; i < m->n && !want; i++)
                    want = sel[i] && !strcmp(m->e[i].source, sub);
            }
            if (want)
                st = walk(r, m, sel, root, sub);
        } else {
            const ent_mf_entry *e = ent_manifest_find(m, sub);
            int top_selected = !sel;
            if (sel && rel[0]) {
                const char *slash = strchr(sub, '/');
                for (size_t i = 0; i < m->n && !top_selected; i++)
                    top_selected = sel[i] && slash &&
                                   strlen(m->e[i].source) == (size_t)(slash - sub) &&
                                   !strncmp(m->e[i].source, sub, (size_t)(slash - sub));
            }
            if (!e && top_selected)
                st = add(r, sub, ENT_VF_EXTRA, NULL);
        }
        ent_free(r->ctx, sub);
        ent_free(r->ctx, full);
    }
    closedir(d);
    ent_free(r->ctx, dir);
    return st;
}

static int cmp_item(const void *a, const void *b)
{
    return strcmp(((const ent_vf_item *)a)->path, ((const ent_vf_item *)b)->path);
}

ent_status ent_fetch_verify(ent_ctx *ctx, const char *datadir, const char *manifest,
                            const char *only, ent_mf_folder_fn folder_of, ent_vf_report **out)
{
    ent_manifest *m = NULL;
    ent_vf_report *r = NULL;
    unsigned char *sel = NULL;
    ent_vf_state *state = NULL;
    char (*why)[200] = NULL;
    ent_status st;
    struct stat sb;

    *out = NULL;
    if (stat(datadir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return ent_err(ctx, ENT_EIO, "%s: no such data folder", datadir);
    if ((st = ent_manifest_load(ctx, manifest, &m)) != ENT_OK)
        return st;
    size_t n = m->n ? m->n : 1;
    if (!(r = ent_calloc(ctx, 1, sizeof *r)) || !(sel = ent_calloc(ctx, n, 1)) ||
        !(state = ent_calloc(ctx, n, sizeof *state)) || !(why = ent_calloc(ctx, n, sizeof *why))) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    r->ctx = ctx;
    if ((st = ent_manifest_select(m, only, folder_of, sel)) != ENT_OK)
        goto out;
    for (size_t i = 0; i < m->n && st == ENT_OK; i++)
        if (sel[i])
            st = check(ctx, datadir, &m->e[i], &state[i], why[i], sizeof why[i]);
    for (size_t i = 0; i < m->n && st == ENT_OK; i++) {
        const ent_mf_entry *e = &m->e[i];
        ent_vf_state s = state[i];
        char msg[300] = "";
        if (!sel[i])
            continue;
        if (s == ENT_VF_MISSING && e->kind == ENT_MF_PREPARED) {
            /* covered when it has originals and every one is right */
            int any = 0, all = 1;
            for (size_t j = 0; j < m->n; j++) {
                if (m->e[j].kind == ENT_MF_PREPARED || !from_has(e, m->e[j].path))
                    continue;
                any = 1;
                all &= state[j] == ENT_VF_OK;
            }
            if (any && all) {
                s = ENT_VF_COVERED;
                snprintf(msg, sizeof msg, "its originals are present (%s)", e->from);
            } else if (!any) {
                s = ENT_VF_UNAVAILABLE;
                snprintf(msg, sizeof msg, "prepared file whose upstream cannot be fetched "
                         "(copy it from a prepared data folder; see its SOURCE.txt)");
            } else {
                snprintf(msg, sizeof msg, "prepared file; originals incomplete (%s)", e->from);
            }
        } else if (s == ENT_VF_MISSING) {
            /* an original: covered when every prepared file it yields is right */
            int any = 0, all = 1;
            for (size_t j = 0; j < m->n; j++) {
                if (m->e[j].kind != ENT_MF_PREPARED || !from_has(&m->e[j], e->path))
                    continue;
                if (!any)
                    snprintf(msg, sizeof msg, "its prepared form %s is present", m->e[j].path);
                any = 1;
                all &= state[j] == ENT_VF_OK;
            }
            if (any && all)
                s = ENT_VF_COVERED;
            else
                snprintf(msg, sizeof msg, "%s; `entente fetch` downloads it",
                         ent_manifest_kind_name(e->kind));
        } else if (s == ENT_VF_CHANGED) {
            snprintf(msg, sizeof msg, "%s", why[i]);
        }
        st = add(r, e->path, s, msg[0] ? msg : NULL);
    }
    if (st == ENT_OK)
        st = walk(r, m, only ? sel : NULL, datadir, "");
    if (st == ENT_OK && r->n)
        qsort(r->items, r->n, sizeof *r->items, cmp_item);
out:
    ent_free(ctx, why);
    ent_free(ctx, state);
    ent_free(ctx, sel);
    ent_manifest_free(m);
    if (st != ENT_OK) {
        ent_vf_report_free(r);
        return st;
    }
    *out = r;
    return ENT_OK;
}
