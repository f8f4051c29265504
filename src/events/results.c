/*
 * results.c -- what the engine produces: merging results, the partial
 * aggregate format read back by --merge (and sent between MPI ranks), the
 * row-accounting report and the formatting of output cells.
 */
#include "events.h"
#include "../core/dynbuf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARTIAL_MAGIC "entente-events-partial 1"

/* ent_ev_put_u writes v in decimal, zero-padded to at least width digits;
 * returns the end.  The formatters below (and output.c) print one group per
 * output row, in the serial part of a run: snprintf's parsing of a format is
 * too slow there. */
char *ent_ev_put_u(char *p, uint64_t v, int width)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}

void ent_ev_period_str(int per, ent_ev_by by, char buf[16])
{
    char *p = buf;
    unsigned v = (unsigned)per;
    if (by == EV_BY_DAY) {
        p = ent_ev_put_u(p, v / 10000, 4);
        *p++ = '-';
        p = ent_ev_put_u(p, v / 100 % 100, 2);
        *p++ = '-';
        p = ent_ev_put_u(p, v % 100, 2);
    } else if (by == EV_BY_MONTH) {
        p = ent_ev_put_u(p, v / 100, 4);
        *p++ = '-';
        p = ent_ev_put_u(p, v % 100, 2);
    } else {
        p = ent_ev_put_u(p, v, 4);
    }
    *p = 0;
}

void ent_ev_key_str(int k, ent_ev_key key, char buf[8])
{
    if (key == EV_KEY_CODE) {
        ent_cameo_unpack(k, buf);
        return;
    }
    char *p = ent_ev_put_u(buf, (unsigned)k & 0xffff, key == EV_KEY_ROOT ? 2 : 1);
    *p = 0;
}

void ent_ev_gold_str(int64_t v, char buf[32])
{
    char *p = buf;
    uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    if (v < 0)
        *p++ = '-';
    p = ent_ev_put_u(p, a / 100, 1);
    *p++ = '.';
    p = a % 10 == 0 ? ent_ev_put_u(p, a / 10 % 10, 1) : ent_ev_put_u(p, a % 100, 2);
    *p = 0;
}

static int where_lt(const ent_ev_where *a, const ent_ev_where *b)
{
    return a->file < b->file || (a->file == b->file && a->off < b->off);
}

static void add_reason(ent_ev_result *r, const ent_ev_reason *s, const int *remap)
{
    ent_ev_reason *d = NULL;
    for (size_t i = 0; i < r->nreasons; i++)
        if (!strcmp(r->reasons[i].text, s->text)) {
            d = &r->reasons[i];
            break;
        }
    if (!d) {
        if (r->nreasons == EV_MAXREASONS) {
            r->other_reasons += s->count;
            return;
        }
        d = &r->reasons[r->nreasons++];
        memset(d, 0, sizeof *d);
        memcpy(d->text, s->text, sizeof d->text);
        d->kind = s->kind;
    }
    d->count += s->count;
    for (int i = 0; i < s->nex; i++) {
        ent_ev_where wh = s->ex[i];
        if (remap && wh.file >= 0)
            wh.file = remap[wh.file];
        if (d->nex < EV_MAXEX || where_lt(&wh, &d->ex[d->nex - 1])) {
            int j = d->nex < EV_MAXEX ? d->nex++ : EV_MAXEX - 1;
            while (j > 0 && where_lt(&wh, &d->ex[j - 1])) {
                d->ex[j] = d->ex[j - 1];
                j--;
            }
            d->ex[j] = wh;
        }
    }
}

static ent_status merge_remap(ent_ctx *ctx, ent_ev_result *dst, const ent_ev_result *src,
                              const int *remap)
{
    if (dst->by != src->by || dst->key != src->key)
        return ent_err(ctx, ENT_EINVAL,
                       "cannot merge partials made with different --by or --key");
    dst->format_seen |= src->format_seen;
    dst->read += src->read;
    dst->aggregated += src->aggregated;
    dst->filtered += src->filtered;
    dst->rejected += src->rejected;
    dst->bytes += src->bytes;
    dst->other_reasons += src->other_reasons;
    for (size_t i = 0; i < src->nreasons; i++)
        add_reason(dst, &src->reasons[i], remap);
    if (src->has_error) {
        ent_ev_where wh = src->err_where;
        if (remap && wh.file >= 0)
            wh.file = remap[wh.file];
        if (!dst->has_error || where_lt(&wh, &dst->err_where)) {
            dst->has_error = 1;
            dst->err_where = wh;
            memcpy(dst->err_msg, src->err_msg, sizeof dst->err_msg);
        }
    }
    /* merge two sorted group arrays */
    size_t n = dst->ngroups + src->ngroups;
    ent_ev_group *g = ent_malloc(ctx, (n ? n : 1) * sizeof *g);
    if (!g)
        return ent_err(ctx, ENT_ENOMEM, "out of memory merging groups");
    size_t i = 0, j = 0, k = 0;
    while (i < dst->ngroups || j < src->ngroups) {
        if (j == src->ngroups || (i < dst->ngroups && dst->groups[i].key < src->groups[j].key)) {
            g[k++] = dst->groups[i++];
        } else if (i == dst->ngroups || src->groups[j].key < dst->groups[i].key) {
            g[k++] = src->groups[j++];
        } else {
            ent_ev_group x = dst->groups[i++];
            const ent_ev_group *s = &src->groups[j++];
            x.events += s->events;
            x.gold100 += s->gold100;
            x.n_gold += s->n_gold;
            x.mentions += s->mentions;
            x.sources += s->sources;
            x.articles += s->articles;
            x.n_ment += s->n_ment;
            x.n_src += s->n_src;
            x.n_art += s->n_art;
            g[k++] = x;
        }
    }
    ent_free(ctx, dst->groups);
    dst->groups = g;
    dst->ngroups = k;
    return ENT_OK;
}

ent_status ent_ev_merge(ent_ctx *ctx, ent_ev_result *dst, const ent_ev_result *src)
{
    return merge_remap(ctx, dst, src, NULL);
}

/* ------------------------------------------------------------- partials */

static int cmp_reason(const void *a, const void *b)
{
    const ent_ev_reason *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

ent_status ent_ev_partial_write(ent_ctx *ctx, const ent_ev_result *r, const char *const *files,
                                size_t nfiles, FILE *fp)
{
    static const char *const byn[] = { "day", "month", "year" };
    static const char *const keyn[] = { "quad", "root", "code" };
    fprintf(fp, "%s\nby %s\nkey %s\nformats %d\n", PARTIAL_MAGIC, byn[r->by], keyn[r->key],
            r->format_seen);
    fprintf(fp, "count %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
            r->read, r->aggregated, r->filtered, r->rejected, r->bytes, r->other_reasons);
    for (size_t i = 0; i < nfiles; i++)
        fprintf(fp, "file %zu\t%s\n", i, files[i]);
    ent_ev_reason rs[EV_MAXREASONS];
    memcpy(rs, r->reasons, r->nreasons * sizeof *rs);
    qsort(rs, r->nreasons, sizeof *rs, cmp_reason);
    for (size_t i = 0; i < r->nreasons; i++) {
        fprintf(fp, "reason %d %" PRIu64 " %d", rs[i].kind, rs[i].count, rs[i].nex);
        for (int j = 0; j < rs[i].nex; j++)
            fprintf(fp, " %d %" PRIu64 " %" PRIu64, rs[i].ex[j].file, rs[i].ex[j].off,
                    rs[i].ex[j].line);
        fprintf(fp, "\t%s\n", rs[i].text);
    }
    if (r->has_error)
        fprintf(fp, "error %d %" PRIu64 " %" PRIu64 "\t%s\n", r->err_where.file, r->err_where.off,
                r->err_where.line, r->err_msg);
    fprintf(fp, "groups %zu\n", r->ngroups);
    for (size_t i = 0; i < r->ngroups; i++) {
        const ent_ev_group *g = &r->groups[i];
        fprintf(fp,
                "%" PRIu64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64
                " %" PRId64 " %" PRId64 " %" PRId64 "\n",
                g->key, g->events, g->gold100, g->n_gold, g->mentions, g->sources, g->articles,
                g->n_ment, g->n_src, g->n_art);
    }
    fprintf(fp, "end\n");
    if (ferror(fp))
        return ent_err(ctx, ENT_EIO, "write error: %s", strerror(errno));
    return ENT_OK;
}

ent_status ent_ev_partial_buf(ent_ctx *ctx, const ent_ev_result *r, char **buf, size_t *len)
{
    char *b = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&b, &n);
    if (!fp)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    ent_status st = ent_ev_partial_write(ctx, r, NULL, 0, fp);
    if (fclose(fp) != 0 && st == ENT_OK)
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
    if (st != ENT_OK) {
        free(b);
        return st;
    }
    *buf = b;
    *len = n;
    return ENT_OK;
}

/* next_line returns the next line (NUL-terminated in a copy) or NULL */
static char *next_line(const char **p, const char *end, char *line, size_t cap)
{
    if (*p >= end)
        return NULL;
    const char *q = memchr(*p, '\n', (size_t)(end - *p));
    size_t n = q ? (size_t)(q - *p) : (size_t)(end - *p);
    if (n >= cap)
        n = cap - 1;
    memcpy(line, *p, n);
    line[n] = 0;
    *p = q ? q + 1 : end;
    return line;
}

ent_status ent_ev_partial_parse(ent_ctx *ctx, const char *label, const char *buf, size_t len,
                                ent_ev_result **out, char ***names, size_t *nnames)
{
    ent_status st = ENT_OK;
    const char *p = buf, *end = buf + len;
    char line[1024];
    int lineno = 0;
    int *remap = NULL;
    size_t nremap = 0, capremap = 0;
    /* the caller keeps no capacity for *names: it holds at least *nnames */
    size_t capnames = names ? *nnames : 0;
    ent_ev_result *r = ent_calloc(ctx, 1, sizeof *r);
    ent_ev_result *tmp = ent_calloc(ctx, 1, sizeof *tmp);
    *out = NULL;
    if (!r || !tmp) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
#define BAD(what)                                                                        \
    do {                                                                                 \
        st = ent_err(ctx, ENT_EPARSE, "%s:%d: not a partial aggregate file: %s", label,  \
                     lineno, what);                                                      \
        goto out;                                                                        \
    } while (0)
    lineno++;
    if (!next_line(&p, end, line, sizeof line) || strcmp(line, PARTIAL_MAGIC))
        BAD("expected '" PARTIAL_MAGIC "' (write partials with --partial)");
    char w[32];
    lineno++;
    if (!next_line(&p, end, line, sizeof line) || sscanf(line, "by %31s", w) != 1)
        BAD("expected 'by'");
    if (!strcmp(w, "day"))
        tmp->by = EV_BY_DAY;
    else if (!strcmp(w, "month"))
        tmp->by = EV_BY_MONTH;
    else if (!strcmp(w, "year"))
        tmp->by = EV_BY_YEAR;
    else
        BAD("bad 'by'");
    lineno++;
    if (!next_line(&p, end, line, sizeof line) || sscanf(line, "key %31s", w) != 1)
        BAD("expected 'key'");
    if (!strcmp(w, "quad"))
        tmp->key = EV_KEY_QUAD;
    else if (!strcmp(w, "root"))
        tmp->key = EV_KEY_ROOT;
    else if (!strcmp(w, "code"))
        tmp->key = EV_KEY_CODE;
    else
        BAD("bad 'key'");
    lineno++;
    if (!next_line(&p, end, line, sizeof line) || sscanf(line, "formats %d", &tmp->format_seen) != 1)
        BAD("expected 'formats'");
    lineno++;
    if (!next_line(&p, end, line, sizeof line) ||
        sscanf(line, "count %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64,
               &tmp->read, &tmp->aggregated, &tmp->filtered, &tmp->rejected, &tmp->bytes,
               &tmp->other_reasons) != 6)
        BAD("expected 'count'");
    if (tmp->read != tmp->aggregated + tmp->filtered + tmp->rejected)
        BAD("its row accounting does not add up");
    r->by = tmp->by;
    r->key = tmp->key;
    for (;;) {
        lineno++;
        if (!next_line(&p, end, line, sizeof line))
            BAD("unexpected end (truncated?)");
        if (!strncmp(line, "file ", 5)) {
            char *tab = strchr(line, '\t');
            if (!tab || !names)
                continue;
            if (ent_grow(ctx, names, &capnames, *nnames + 1, sizeof **names, EV_MAXFILES,
                         "events: input files") != ENT_OK ||
                ent_grow(ctx, &remap, &capremap, nremap + 1, sizeof *remap, EV_MAXFILES,
                         "events: input files") != ENT_OK) {
                st = ENT_ENOMEM;
                goto out;
            }
            if (!((*names)[*nnames] = ent_strdup(ctx, tab + 1))) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
            remap[nremap++] = (int)(*nnames)++;
        } else if (!strncmp(line, "reason ", 7)) {
            if (tmp->nreasons == EV_MAXREASONS)
                BAD("too many reasons");
            ent_ev_reason *rs = &tmp->reasons[tmp->nreasons];
            memset(rs, 0, sizeof *rs);
            int used = 0;
            char *tab = strchr(line, '\t');
            if (!tab || sscanf(line, "reason %d %" SCNu64 " %d%n", &rs->kind, &rs->count, &rs->nex,
                               &used) != 3 ||
                rs->nex < 0 || rs->nex > EV_MAXEX)
                BAD("bad 'reason' line");
            const char *q = line + used;
            for (int j = 0; j < rs->nex; j++) {
                int u2 = 0;
                if (sscanf(q, " %d %" SCNu64 " %" SCNu64 "%n", &rs->ex[j].file, &rs->ex[j].off,
                           &rs->ex[j].line, &u2) != 3)
                    BAD("bad example in 'reason'");
                if (rs->ex[j].file >= (int)nremap && names)
                    BAD("example names an unknown file");
                q += u2;
            }
            snprintf(rs->text, sizeof rs->text, "%s", tab + 1);
            tmp->nreasons++;
        } else if (!strncmp(line, "error ", 6)) {
            char *tab = strchr(line, '\t');
            if (!tab || sscanf(line, "error %d %" SCNu64 " %" SCNu64, &tmp->err_where.file,
                               &tmp->err_where.off, &tmp->err_where.line) != 3)
                BAD("bad 'error' line");
            tmp->has_error = 1;
            snprintf(tmp->err_msg, sizeof tmp->err_msg, "%s", tab + 1);
        } else if (!strncmp(line, "groups ", 7)) {
            unsigned long long ng;
            if (sscanf(line, "groups %llu", &ng) != 1 || ng > (1ull << 40))
                BAD("bad 'groups' line");
            tmp->groups = ent_malloc(ctx, (ng ? ng : 1) * sizeof *tmp->groups);
            if (!tmp->groups) {
                st = ent_err(ctx, ENT_ENOMEM, "out of memory");
                goto out;
            }
            for (size_t i = 0; i < ng; i++) {
                ent_ev_group *g = &tmp->groups[i];
                lineno++;
                if (!next_line(&p, end, line, sizeof line) ||
                    sscanf(line,
                           "%" SCNu64 " %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64
                           " %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64,
                           &g->key, &g->events, &g->gold100, &g->n_gold, &g->mentions,
                           &g->sources, &g->articles, &g->n_ment, &g->n_src, &g->n_art) != 10)
                    BAD("bad group line");
                if (!g->key || (i > 0 && g->key <= tmp->groups[i - 1].key))
                    BAD("groups out of order");
                tmp->ngroups = i + 1;
            }
            lineno++;
            if (!next_line(&p, end, line, sizeof line) || strcmp(line, "end"))
                BAD("expected 'end' (truncated?)");
            break;
        } else {
            BAD("unknown line");
        }
    }
#undef BAD
    st = merge_remap(ctx, r, tmp, names ? remap : NULL);
out:
    if (tmp)
        ent_free(ctx, tmp->groups);
    ent_free(ctx, tmp);
    ent_free(ctx, remap);
    if (st != ENT_OK) {
        ent_ev_result_free(ctx, r);
        r = NULL;
    }
    *out = r;
    return st;
}

ent_status ent_ev_partial_read(ent_ctx *ctx, const char *path, ent_ev_result **out,
                               char ***names, size_t *nnames)
{
    FILE *fp = fopen(path, "rb");
    *out = NULL;
    if (!fp)
        return ent_err(ctx, ENT_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *b = NULL;
    size_t n = 0;
    ent_status st = ent_fread_all(ctx, fp, path, EV_MAXREAD, &b, &n);
    fclose(fp);
    if (st != ENT_OK)
        return st;
    if (n == 0)
        st = ent_err(ctx, ENT_EPARSE, "%s:1: empty file (not a partial aggregate)", path);
    else
        st = ent_ev_partial_parse(ctx, path, b, n, out, names, nnames);
    ent_free(ctx, b);
    return st;
}

/* --------------------------------------------------------------- report */

void ent_ev_report(const ent_ev_result *r, const char *const *files, size_t nfiles, FILE *fp)
{
    fprintf(fp,
            "events: %" PRIu64 " rows read = %" PRIu64 " aggregated + %" PRIu64 " filtered + %" PRIu64
            " rejected; %zu groups\n",
            r->read, r->aggregated, r->filtered, r->rejected, r->ngroups);
    ent_ev_reason rs[EV_MAXREASONS];
    memcpy(rs, r->reasons, r->nreasons * sizeof *rs);
    qsort(rs, r->nreasons, sizeof *rs, cmp_reason);
    for (size_t i = 0; i < r->nreasons; i++) {
        fprintf(fp, "  %-8s %10" PRIu64 "  %s", rs[i].kind == 1 ? "filtered" : "rejected",
                rs[i].count, rs[i].text);
        for (int j = 0; j < rs[i].nex; j++) {
            const ent_ev_where *w = &rs[i].ex[j];
            const char *f = w->file >= 0 && (size_t)w->file < nfiles ? files[w->file] : "?";
            const char *base = strrchr(f, '/');
            fprintf(fp, "%s%s:%" PRIu64, j ? ", " : " (first: ", base ? base + 1 : f, w->line);
        }
        fprintf(fp, "%s\n", rs[i].nex ? ")" : "");
    }
    if (r->other_reasons)
        fprintf(fp, "  %-8s %10" PRIu64 "  rows under further reasons (the table of reasons is full)\n",
                "other", r->other_reasons);
}
