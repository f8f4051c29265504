/*
 * engine.c -- ent_ev_run: plans the work (plan.c), runs the units on
 * threads (plain files through their mapping, compressed ones streamed
 * through the byte source into a buffer), and gathers the threads' row
 * accounting, reasons and groups into one sorted result.  The layout of the
 * engine's files is in engine.h.
 */
#include "engine.h"
#include "../core/dynbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the default cap on the groups of one table (ent_ev_opts.max_groups) */
#define EV_MAX_GROUPS_DEFAULT ((size_t)1 << 26)

/* ------------------------------------------------------------- units */

static void run_plain(worker *w, const ev_unit *u)
{
    ev_file *f = &w->run->files[u->file];
    const char *map = f->map, *end = map + f->size;
    uint64_t lo = u->lo;
    uint64_t line = 0;
    if (lo <= f->hdr_end) {
        lo = f->hdr_end;
        line = f->hdr_lines + 1;
    } else if (map[lo - 1] != '\n') {
        const char *q = memchr(map + lo, '\n', f->size - lo);
        lo = q ? (uint64_t)(q - map) + 1 : f->size;
    }
    if (lo >= u->hi)
        return;
    w->bytes += u->hi - lo;
    const char *stop = map + u->hi;
    ev_scan(w, &f->spec, u->file, map + lo, stop, end, lo, &line, 1);
    ev_pend_flush(w);
    /* the pages stay in the page cache; they leave this process's resident
     * set, so memory is bounded by the groups, not by the input */
    ent_bytesrc_drop(f->src, u->lo, u->hi);
}

static void run_stream(worker *w, const ev_unit *u)
{
    ev_file *f = &w->run->files[u->file];
    char msg[600];
    ent_bytesrc *s = NULL;
    if (!w->buf) {
        w->bufcap = 8u << 20;
        w->buf = ent_malloc(w->ctx, w->bufcap);
        if (!w->buf) {
            ev_wfail(w, ENT_ENOMEM, "out of memory for the decompression buffer");
            return;
        }
    }
    ent_status st = ent_bytesrc_open(w->ctx, f->path, ENT_BS_ALLOW_ZIP, &s, msg, sizeof msg);
    if (st != ENT_OK) {
        ev_wfail(w, st, msg);
        return;
    }
    int gz = ent_bytesrc_kind(s) == ENT_BS_GZ;
    size_t have = 0;
    uint64_t off = 0, line = 1;
    int first_chunk = 1, eof = 0, trunc = 0;
    char gzmsg[200] = "";
    while (!eof) {
        size_t k = 0;
        st = ent_bytesrc_read(s, w->buf + have, w->bufcap - have, &k);
        if (st != ENT_OK && gz) {
            snprintf(gzmsg, sizeof gzmsg, "%s", ent_bytesrc_error(s));
            trunc = 1;
        } else if (st != ENT_OK) {
            snprintf(msg, sizeof msg, "%s:%llu: truncated or corrupt zip data (%s)", f->path,
                     (unsigned long long)line, ent_bytesrc_error(s));
            ev_wfail(w, ENT_EPARSE, msg);
            goto out;
        }
        if (k == 0)
            eof = 1;
        have += k;
        const char *p = w->buf, *end = w->buf + have;
        if (first_chunk) {
            first_chunk = 0;
            if (f->hdr_end > have) {
                ev_wfail(w, ENT_EPARSE, "header line longer than the buffer");
                goto out;
            }
            p += f->hdr_end;
            off = f->hdr_end;
            line = f->hdr_lines + 1;
        }
        const char *q = ev_scan(w, &f->spec, u->file, p, end, end, off, &line, eof);
        if (!q)
            goto out;
        if (trunc) {
            snprintf(msg, sizeof msg,
                     "%s:%llu: truncated or corrupt gzip stream (%s): the data ends in this line",
                     f->path, (unsigned long long)line, gzmsg);
            ev_wfail(w, ENT_EPARSE, msg);
            goto out;
        }
        w->bytes += (uint64_t)(q - w->buf) - (uint64_t)(p - w->buf);
        off += (uint64_t)(q - p);
        size_t rest = (size_t)(end - q);
        if (!eof && rest == w->bufcap) {
            snprintf(msg, sizeof msg, "%s:%llu: a row longer than %zu bytes", f->path,
                     (unsigned long long)line, w->bufcap);
            ev_wfail(w, ENT_EPARSE, msg);
            goto out;
        }
        memmove(w->buf, q, rest);
        have = rest;
    }
out:
    ev_pend_flush(w);
    ent_bytesrc_close(s);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    ev_run *run = w->run;
    if (run->map->tls_new)
        w->tls = run->map->tls_new(run->map->ud);
    for (;;) {
        size_t i = atomic_fetch_add(&run->next_unit, 1);
        if (i >= run->nunits || w->failed)
            break;
        const ev_unit *u = &run->units[i];
        if (!run->opts->lenient) {
            pthread_mutex_lock(&run->err_mu);
            int skip = run->any_err && (run->first_err.file < u->file ||
                                        (run->first_err.file == u->file && run->first_err.off < u->lo));
            pthread_mutex_unlock(&run->err_mu);
            if (skip)
                continue;
        }
        if (run->files[u->file].kind == ENT_BS_PLAIN)
            run_plain(w, u);
        else
            run_stream(w, u);
    }
    if (run->map->tls_free && w->tls)
        run->map->tls_free(run->map->ud, w->tls);
    /* sorted here, in parallel, for gather_groups' merge */
    if (!w->failed) {
        ev_tab_sorted(&w->fgroups);
        ev_tab_sorted(&w->groups);
    }
    return NULL;
}

/* ------------------------------------------------------------- results */

static const char *reason_fmt(uint32_t id)
{
    switch (id) {
    case RS_BLANK: return "blank line";
    case RS_RANGE: return "event date outside --from/--to";
    case RS_A1MISS: return "actor1 country missing";
    case RS_A2MISS: return "actor2 country missing";
    case RS_BOTHMISS: return "both actor countries missing";
    case RS_COUNTRIES: return "dyad outside --countries";
    case RS_DUP: return "duplicate event id (--dedupe)";
    case RS_UNMAP_CODE: return "unmappable country code";
    case RS_UNMAP_NAME: return "unmappable country name";
    case RS_SHORT: return "malformed: short row";
    case RS_EXTRA: return "malformed: extra field";
    case RS_BADDATE: return "malformed: bad date";
    case RS_BADGS: return "malformed: non-numeric Goldstein value";
    case RS_BADCODE: return "malformed: unknown CAMEO code";
    case RS_BADQUAD: return "malformed: QuadClass not 1..4";
    case RS_BADCOUNT: return "malformed: bad count or id";
    case RS_BADCSV: return "malformed: bad quoting";
    default: return "?";
    }
}

static void result_add_reason(ent_ev_result *r, const char *text, int kind, uint64_t count,
                              const ent_ev_where *ex, int nex)
{
    ent_ev_reason *rs = NULL;
    for (size_t i = 0; i < r->nreasons; i++)
        if (!strcmp(r->reasons[i].text, text)) {
            rs = &r->reasons[i];
            break;
        }
    if (!rs) {
        if (r->nreasons == EV_MAXREASONS) {
            r->other_reasons += count;
            return;
        }
        rs = &r->reasons[r->nreasons++];
        memset(rs, 0, sizeof *rs);
        snprintf(rs->text, sizeof rs->text, "%s", text);
        rs->kind = kind;
    }
    rs->count += count;
    for (int i = 0; i < nex; i++) {
        const ent_ev_where *wh = &ex[i];
        if (rs->nex < EV_MAXEX || where_lt(wh, &rs->ex[rs->nex - 1])) {
            int j = rs->nex < EV_MAXEX ? rs->nex++ : EV_MAXEX - 1;
            while (j > 0 && where_lt(wh, &rs->ex[j - 1])) {
                rs->ex[j] = rs->ex[j - 1];
                j--;
            }
            rs->ex[j] = *wh;
        }
    }
}

static void reason_text(const worker *w, const wreason *wr, char text[96])
{
    if (wr->id == RS_UNMAP_CODE) {
        if (wr->arg >= 26 * 26 * 26)
            snprintf(text, 96, "unmappable country code (not 3 letters)");
        else
            snprintf(text, 96, "unmappable country code '%c%c%c'", 'A' + wr->arg / 676,
                     'A' + wr->arg / 26 % 26, 'A' + wr->arg % 26);
    } else if (wr->id == RS_UNMAP_NAME) {
        snprintf(text, 96, "unmappable country name '%.60s'", w->name_by_id[wr->arg]);
    } else {
        snprintf(text, 96, "%s", reason_fmt(wr->id));
    }
}

typedef struct wref {
    const worker *w;
    const wreason *wr;
} wref;

static int cmp_wref(const void *a, const void *b)
{
    const ent_ev_where *x = &((const wref *)a)->wr->ex[0], *y = &((const wref *)b)->wr->ex[0];
    return where_lt(x, y) ? -1 : where_lt(y, x);
}

/* gather_reasons adds the threads' reasons to the result in the order of
 * their first example in the input, so that when the result's table of
 * reasons fills up, which reasons it holds does not depend on how the units
 * fell to the threads (with one thread this is the order they were met). */
static ent_status gather_reasons(ent_ctx *ctx, const worker *ws, int nthreads, ent_ev_result *r)
{
    size_t n = 0;
    for (int t = 0; t < nthreads; t++)
        n += (size_t)ws[t].nreasons;
    wref *v = ent_malloc(ctx, (n ? n : 1) * sizeof *v);
    if (!v)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    n = 0;
    for (int t = 0; t < nthreads; t++) {
        for (int i = 0; i < ws[t].nreasons; i++)
            v[n++] = (wref){ &ws[t], &ws[t].reasons[i] };
        r->other_reasons += ws[t].reason_overflow;
    }
    qsort(v, n, sizeof *v, cmp_wref);
    for (size_t i = 0; i < n; i++) {
        char text[96];
        reason_text(v[i].w, v[i].wr, text);
        result_add_reason(r, text, v[i].wr->id < RS_UNMAP_CODE ? 1 : 2, v[i].wr->count,
                          v[i].wr->ex, v[i].wr->nex);
    }
    ent_free(ctx, v);
    return ENT_OK;
}

static int cmp_where(const void *a, const void *b)
{
    const ent_ev_where *x = *(ent_ev_where *const *)a, *y = *(ent_ev_where *const *)b;
    return where_lt(x, y) ? -1 : where_lt(y, x);
}

/* resolve the line numbers of examples and of the error that lack one */
static ent_status resolve_lines(ent_ctx *ctx, ent_ev_result *r, ev_file *files)
{
    size_t n = 0, cap = (size_t)r->nreasons * EV_MAXEX + 1;
    ent_ev_where **v = ent_malloc(ctx, cap * sizeof *v);
    if (!v)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->nreasons; i++)
        for (int j = 0; j < r->reasons[i].nex; j++)
            if (!r->reasons[i].ex[j].line)
                v[n++] = &r->reasons[i].ex[j];
    if (r->has_error && !r->err_where.line)
        v[n++] = &r->err_where;
    qsort(v, n, sizeof *v, cmp_where);
    size_t i = 0;
    while (i < n) {
        ev_file *f = &files[v[i]->file];
        if (f->kind != ENT_BS_PLAIN || !f->map) {
            i++;
            continue;
        }
        uint64_t pos = 0, line = 1;
        for (; i < n && &files[v[i]->file] == f; i++) {
            uint64_t to = v[i]->off;
            while (pos < to) {
                const char *q = memchr(f->map + pos, '\n', to - pos);
                if (!q)
                    break;
                line++;
                pos = (uint64_t)(q - f->map) + 1;
            }
            pos = to;
            v[i]->line = line;
        }
    }
    ent_free(ctx, v);
    return ENT_OK;
}

void ent_ev_result_free(ent_ctx *ctx, ent_ev_result *r)
{
    if (!r)
        return;
    ent_free(ctx, r->groups);
    ent_free(ctx, r);
}

static void worker_free(worker *w)
{
    ent_ctx *ctx = w->ctx;
    ev_tab_free(ctx, &w->groups);
    ev_tab_free(ctx, &w->fgroups);
    ev_row_free(w);
    ent_free(ctx, w->buf);
}

/* ------------------------------------------------------------ gathering */

static void group_add(ent_ev_group *d, const ent_ev_group *s)
{
    d->events += s->events;
    d->gold100 += s->gold100;
    d->n_gold += s->n_gold;
    d->mentions += s->mentions;
    d->sources += s->sources;
    d->articles += s->articles;
    d->n_ment += s->n_ment;
    d->n_src += s->n_src;
    d->n_art += s->n_art;
}

/* one sorted source of groups for the merge: a thread's table of full
 * slots or of ent_ev_group slots, made an array by ev_tab_sorted */
typedef struct gsrc {
    const ev_tab *t;
    size_t i;
    int full;
} gsrc;

static uint64_t gsrc_key(const gsrc *s) { return ev_tab_key(s->t, s->i); }

static void gsrc_take(const gsrc *s, ent_ev_group *g)
{
    if (s->full) {
        const fslot *f = ev_tab_at(s->t, s->i);
        g->key = f->key;
        g->events = g->n_gold = g->n_ment = g->n_src = g->n_art = f->events;
        g->gold100 = f->gold100;
        g->mentions = f->mentions;
        g->sources = f->sources;
        g->articles = f->articles;
    } else {
        *g = *(const ent_ev_group *)ev_tab_at(s->t, s->i);
    }
}

static void heap_down(gsrc *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && gsrc_key(&h[l]) < gsrc_key(&h[m]))
            m = l;
        if (l + 1 < n && gsrc_key(&h[l + 1]) < gsrc_key(&h[m]))
            m = l + 1;
        if (m == i)
            return;
        gsrc tmp = h[i];
        h[i] = h[m];
        h[m] = tmp;
        i = m;
    }
}

/* gather_groups merges the threads' groups into one array sorted by key.
 * Each thread sorted its two tables in place when it finished (in
 * parallel); here they are merged through a heap of their heads, and equal
 * keys (the same group in several threads, or rows with and without all
 * four values) add up.  Each table is freed once merged past. */
static ent_status gather_groups(ent_ctx *ctx, worker *ws, int nthreads, ent_ev_result *r)
{
    size_t total = 0, nh = 0;
    gsrc *h = ent_malloc(ctx, (size_t)nthreads * 2 * sizeof *h);
    if (!h)
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (int t = 0; t < nthreads; t++) {
        ev_tab *tabs[2] = { &ws[t].fgroups, &ws[t].groups };
        for (int k = 0; k < 2; k++) {
            ev_tab_sorted(tabs[k]);
            total += tabs[k]->n;
            if (tabs[k]->n)
                h[nh++] = (gsrc){ tabs[k], 0, k == 0 };
        }
    }
    /* the output's untouched tail stays out of the resident set */
    r->groups = ent_malloc(ctx, (total ? total : 1) * sizeof *r->groups);
    if (!r->groups) {
        ent_free(ctx, h);
        return ent_err(ctx, ENT_ENOMEM, "out of memory merging groups");
    }
    for (size_t i = nh; i-- > 0;)
        heap_down(h, nh, i);
    size_t m = 0;
    while (nh) {
        ent_ev_group g;
        gsrc_take(&h[0], &g);
        if (m && r->groups[m - 1].key == g.key)
            group_add(&r->groups[m - 1], &g);
        else
            r->groups[m++] = g;
        if (++h[0].i == h[0].t->n) {
            ev_tab_free(ctx, (ev_tab *)(uintptr_t)h[0].t);
            h[0] = h[--nh];
        }
        heap_down(h, nh, 0);
    }
    ent_free(ctx, h);
    r->ngroups = m;
    if (m < total)
        ent_shrink(ctx, &r->groups, m, sizeof *r->groups);
    return ENT_OK;
}

ent_status ent_ev_run(ent_ctx *ctx, const ent_cameo *cameo, const ent_ev_mapper *map,
                      const char *const *paths, size_t nfiles, const ent_ev_opts *opts,
                      ent_ev_result **out)
{
    ent_status st = ENT_OK;
    ev_run run;
    memset(&run, 0, sizeof run);
    worker *ws = NULL;
    int nthreads = 0;
    ent_ev_result *r = NULL;
    *out = NULL;
    run.ctx = ctx;
    run.cameo = cameo;
    run.map = map;
    run.opts = opts;
    if (nfiles == 0)
        return ent_err(ctx, ENT_EINVAL, "no input files");
    pthread_mutex_init(&run.err_mu, NULL);
    pthread_mutex_init(&run.cc_mu, NULL);
    for (int i = 0; i < EV_FILL_LOCKS; i++)
        pthread_mutex_init(&run.fill_mu[i], NULL);
    r = ent_calloc(ctx, 1, sizeof *r);
    run.iso_cc = ent_calloc(ctx, 26 * 26 * 26, sizeof *run.iso_cc);
    if (!r || !run.iso_cc) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    r->by = opts->by;
    r->key = opts->key;
    run.max_groups = opts->max_groups ? opts->max_groups : EV_MAX_GROUPS_DEFAULT;
    if ((st = ev_plan(ctx, &run, paths, nfiles, &r->format_seen)) != ENT_OK)
        goto out;
    size_t nunits = run.nunits;
    nthreads = opts->threads > 0 ? opts->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (nthreads < 1)
        nthreads = 1;
    if (opts->dedupe)
        nthreads = 1; /* the first occurrence in input order is kept */
    if ((size_t)nthreads > nunits)
        nthreads = nunits ? (int)nunits : 1;
    ws = ent_calloc(ctx, (size_t)nthreads, sizeof *ws);
    if (!ws) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    for (int t = 0; t < nthreads; t++) {
        ws[t].run = &run;
        ws[t].ctx = ctx;
        ws[t].ectx.alloc = ctx->alloc;
        ws[t].ectx.alloc_ud = ctx->alloc_ud;
        if (!ev_tab_init(ctx, &ws[t].groups, sizeof(ent_ev_group), 1 << 12, run.max_groups) ||
            !ev_tab_init(ctx, &ws[t].fgroups, sizeof(fslot), 1 << 12, run.max_groups)) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
    }
    if (opts->dedupe && !ev_tab_init(ctx, &run.ids, sizeof(uint64_t), 1 << 16, SIZE_MAX / 64)) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto out;
    }
    atomic_init(&run.next_unit, 0);
    if (nthreads == 1) {
        worker_main(&ws[0]);
    } else {
        pthread_t *tid = ent_malloc(ctx, (size_t)nthreads * sizeof *tid);
        if (!tid) {
            st = ent_err(ctx, ENT_ENOMEM, "out of memory");
            goto out;
        }
        int started = 0;
        for (int t = 0; t < nthreads; t++, started++)
            if (pthread_create(&tid[t], NULL, worker_main, &ws[t]) != 0)
                break;
        if (started == 0)
            worker_main(&ws[0]);
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        if (started < nthreads && started > 0) {
            /* leftover units are picked up by a last run on this thread */
            worker_main(&ws[started]);
        }
        ent_free(ctx, tid);
    }
    /* gather */
    for (int t = 0; t < nthreads; t++) {
        worker *w = &ws[t];
        if (w->failed) {
            st = ent_err(ctx, w->fail_st, "%s", w->fail_msg);
            goto out;
        }
        r->read += w->read;
        r->aggregated += w->aggregated;
        r->filtered += w->filtered;
        r->rejected += w->rejected;
        r->bytes += w->bytes;
        if (w->has_err && (!r->has_error || where_lt(&w->err_where, &r->err_where))) {
            r->has_error = 1;
            r->err_where = w->err_where;
            snprintf(r->err_msg, sizeof r->err_msg, "%s", w->err_msg);
        }
    }
    if ((st = gather_reasons(ctx, ws, nthreads, r)) != ENT_OK ||
        (st = gather_groups(ctx, ws, nthreads, r)) != ENT_OK)
        goto out;
    if ((st = resolve_lines(ctx, r, run.files)) != ENT_OK)
        goto out;
    if (r->has_error) {
        char full[2048];
        snprintf(full, sizeof full, "%s:%llu: %s", run.files[r->err_where.file].path,
                 (unsigned long long)r->err_where.line, r->err_msg);
        static const char hint[] = " (--lenient counts such rows and goes on)";
        size_t fl = strlen(full);
        if (fl > sizeof r->err_msg - sizeof hint)
            fl = sizeof r->err_msg - sizeof hint;
        memcpy(r->err_msg, full, fl);
        memcpy(r->err_msg + fl, hint, sizeof hint);
        st = ent_err(ctx, ENT_EPARSE, "%s", r->err_msg);
    }
out:
    if (ws) {
        for (int t = 0; t < nthreads; t++)
            worker_free(&ws[t]);
        ent_free(ctx, ws);
    }
    ev_plan_free(&run);
    ev_tab_free(ctx, &run.ids);
    ev_cc_free_shared(&run);
    pthread_mutex_destroy(&run.err_mu);
    pthread_mutex_destroy(&run.cc_mu);
    for (int i = 0; i < EV_FILL_LOCKS; i++)
        pthread_mutex_destroy(&run.fill_mu[i]);
    if (st != ENT_OK && st != ENT_EPARSE) {
        ent_ev_result_free(ctx, r);
        r = NULL;
    }
    if (st == ENT_EPARSE && r && !r->has_error) {
        /* a file-level error (empty, truncated, wrong format) */
        r->has_error = 1;
        snprintf(r->err_msg, sizeof r->err_msg, "%s", ent_errmsg(ctx));
    }
    *out = r;
    return st;
}
