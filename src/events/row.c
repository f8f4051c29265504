/*
 * row.c -- the cold parts of the row logic (row.h): the tally of reasons
 * with their first examples, malformed rows (counted under --lenient, else
 * the first one in input order is the error), the country lookup tables
 * filled on first sight of a (code, year), and the ICEWS name table.
 */
#include "row.h"
#include "../core/dynbuf.h"

#include <stdio.h>

void ev_reason_hit(worker *w, uint32_t id, uint32_t arg, const ent_ev_where *wh)
{
    wreason *r = NULL;
    /* most rows that are not aggregated carry a reason without argument or
     * an unmappable ISO code: those are found by index, the rest by a scan */
    uint16_t *ix = id == RS_UNMAP_CODE && arg <= 26 * 26 * 26 ? &w->rix_code[arg]
                   : arg == 0 && id < RS_N                  ? &w->rix[id]
                                                            : NULL;
    if (ix && *ix) {
        r = &w->reasons[*ix - 1];
    } else if (!ix) {
        for (int i = 0; i < w->nreasons; i++)
            if (w->reasons[i].id == id && w->reasons[i].arg == arg) {
                r = &w->reasons[i];
                break;
            }
    }
    if (!r) {
        if (w->nreasons == WR_MAX) {
            w->reason_overflow++;
            return;
        }
        if (ix)
            *ix = (uint16_t)(w->nreasons + 1);
        r = &w->reasons[w->nreasons++];
        memset(r, 0, sizeof *r);
        r->id = id;
        r->arg = arg;
    }
    r->count++;
    /* keep the first examples in input order */
    if (r->nex < EV_MAXEX || where_lt(wh, &r->ex[r->nex - 1])) {
        int i = r->nex < EV_MAXEX ? r->nex++ : EV_MAXEX - 1;
        while (i > 0 && where_lt(wh, &r->ex[i - 1])) {
            r->ex[i] = r->ex[i - 1];
            i--;
        }
        r->ex[i] = *wh;
    }
}

void ev_wfail(worker *w, ent_status st, const char *msg)
{
    if (!w->failed) {
        w->failed = 1;
        w->fail_st = st;
        snprintf(w->fail_msg, sizeof w->fail_msg, "%s", msg);
    }
}

/* ----------------------------------------------------- country lookups */

/* fill_year asks the mapper about year y of key on the 1st and last day of
 * every month; if all agree the year holds one code, else every day is
 * asked.  Returns the year's entry, or CC_UNSET on no memory. */
static int fill_year(worker *w, ccache *c, int yi, int y, const char *key, int isname)
{
    const ent_ev_mapper *mp = w->run->map;
#define MAPCALL(mm, dd)                                                               \
    (isname ? mp->name(mp->ud, w->tls, key, y, (mm), (dd)) : mp->iso3(mp->ud, key, y, (mm), (dd)))
    int v0 = MAPCALL(1, 1), same = 1;
    for (int m = 1; m <= 12 && same; m++) {
        if (MAPCALL(m, 1) != v0 || MAPCALL(m, days_in(y, m)) != v0)
            same = 0;
    }
    if (same)
        return v0 < 0 ? -1 : v0;
    int16_t *dd = ent_malloc(w->ctx, 366 * sizeof *dd);
    if (!dd)
        return CC_UNSET;
    int k = 0;
    for (int m = 1; m <= 12; m++)
        for (int d = 1; d <= days_in(y, m); d++) {
            int v = MAPCALL(m, d);
            dd[k++] = (int16_t)(v < 0 ? -1 : v);
        }
#undef MAPCALL
    c->day[yi] = dd;
    return CC_VARIES;
}

int ev_cc_fill(worker *w, ccache *c, int yi, int y, const char *key, int isname)
{
    pthread_mutex_t *mu = &w->run->fill_mu[((uintptr_t)c >> 6) % EV_FILL_LOCKS];
    pthread_mutex_lock(mu);
    int v = atomic_load_explicit(&c->year[yi], memory_order_relaxed);
    if (v == CC_UNSET) /* not filled by another thread meanwhile */
        v = fill_year(w, c, yi, y, key, isname);
    if (v != CC_UNSET) /* publishes c->day[yi] with it */
        atomic_store_explicit(&c->year[yi], (int16_t)v, memory_order_release);
    pthread_mutex_unlock(mu);
    return v == CC_UNSET ? -2 : 0;
}

static ccache *cc_alloc(ent_ctx *ctx, int16_t fill)
{
    ccache *c = ent_malloc(ctx, sizeof *c);
    if (!c)
        return NULL;
    for (int i = 0; i < YEAR_N; i++) {
        atomic_init(&c->year[i], fill);
        c->day[i] = NULL;
    }
    return c;
}

#define EV_NAMES_WHAT "events: ICEWS country names"

ccache *ev_cc_new(worker *w)
{
    /* slot 0 unused: ids are 1-based */
    if (ent_grow(&w->ectx, &w->cc, &w->capcc, (size_t)w->ncc + 2, sizeof *w->cc, EV_MAXNAMES + 1,
                 EV_NAMES_WHAT) != ENT_OK) {
        ev_wfail(w, ENT_ENOMEM, w->ectx.errmsg);
        return NULL;
    }
    ccache *c = cc_alloc(w->ctx, CC_UNSET);
    if (c)
        w->cc[++w->ncc] = c;
    return c;
}

ccache *ev_cc_iso3(worker *w, uint32_t idx, const char *iso3)
{
    ev_run *run = w->run;
    const ent_ev_mapper *mp = run->map;
    pthread_mutex_lock(&run->cc_mu);
    ccache *c = atomic_load_explicit(&run->iso_cc[idx], memory_order_relaxed);
    if (!c) {
        c = cc_alloc(w->ctx, mp->iso3_any && !mp->iso3_any(mp->ud, iso3) ? -1 : CC_UNSET);
        if (c)
            atomic_store_explicit(&run->iso_cc[idx], c, memory_order_release);
    }
    pthread_mutex_unlock(&run->cc_mu);
    return c;
}

static void cc_free(ent_ctx *ctx, ccache *c)
{
    for (int y = 0; y < YEAR_N; y++)
        ent_free(ctx, c->day[y]);
    ent_free(ctx, c);
}

void ev_cc_free_shared(ev_run *run)
{
    if (!run->iso_cc)
        return;
    for (size_t i = 0; i < 26 * 26 * 26; i++) {
        ccache *c = atomic_load_explicit(&run->iso_cc[i], memory_order_relaxed);
        if (c)
            cc_free(run->ctx, c);
    }
    ent_free(run->ctx, run->iso_cc);
    run->iso_cc = NULL;
}

static uint64_t strhash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

int ev_map_name(worker *w, const char *s, uint32_t n, int y, int m, int d, uint32_t *arg)
{
    if (w->nnames * 2 + 2 > w->namecap) {
        size_t ncap = w->namecap ? w->namecap * 2 : 256;
        nameent *nt = ent_calloc(w->ctx, ncap, sizeof *nt);
        if (!nt)
            return -2;
        for (size_t i = 0; i < w->namecap; i++)
            if (w->names[i].name) {
                size_t h = strhash(w->names[i].name, w->names[i].len) & (ncap - 1);
                while (nt[h].name)
                    h = (h + 1) & (ncap - 1);
                nt[h] = w->names[i];
            }
        ent_free(w->ctx, w->names);
        w->names = nt;
        w->namecap = ncap;
    }
    size_t h = strhash(s, n) & (w->namecap - 1);
    while (w->names[h].name) {
        if (w->names[h].len == n && !memcmp(w->names[h].name, s, n))
            break;
        h = (h + 1) & (w->namecap - 1);
    }
    nameent *e = &w->names[h];
    if (!e->name) {
        e->name = ent_malloc(w->ctx, n + 1);
        if (!e->name || !ev_cc_new(w))
            return -2;
        memcpy(e->name, s, n);
        e->name[n] = 0;
        e->len = n;
        e->id = w->ncc;
        w->nnames++;
        if (ent_grow(&w->ectx, &w->name_by_id, &w->capbyid, (size_t)w->ncc + 1,
                     sizeof *w->name_by_id, EV_MAXNAMES + 1, EV_NAMES_WHAT) != ENT_OK) {
            ev_wfail(w, ENT_ENOMEM, w->ectx.errmsg);
            return -2;
        }
        w->name_by_id[w->ncc] = e->name;
    }
    *arg = (uint32_t)e->id;
    return cc_get(w, w->cc[e->id], e->name, 1, y, m, d);
}

/* ---------------------------------------------------------- field parsing */

int ev_malformed(rowctx *rc, int reason, int role, const char *fmt, const char *val,
                     uint32_t vn)
{
    worker *w = rc->w;
    ent_ev_where wh = { rc->file, rc->off, rc->line };
    w->rejected++;
    if (w->run->opts->lenient) {
        ev_reason_hit(w, (uint32_t)reason, 0, &wh);
        return 0;
    }
    if (!w->has_err || where_lt(&wh, &w->err_where)) {
        w->has_err = 1;
        w->err_where = wh;
        char col[96] = "";
        if (role >= 0)
            snprintf(col, sizeof col, "column %d (%s): ", rc->spec->idx[role] + 1 - rc->spec->rownames,
                     rc->spec->colname[role]);
        char v[64];
        snprintf(v, sizeof v, "%.*s", (int)(vn > 40 ? 40 : vn), val ? val : "");
        /* fmt is a constant with at most one %s, for the value */
        char tmp[256];
        snprintf(tmp, sizeof tmp, fmt, v);
        snprintf(w->err_msg, sizeof w->err_msg, "%s%s", col, tmp);
        pthread_mutex_lock(&w->run->err_mu);
        if (!w->run->any_err || where_lt(&wh, &w->run->first_err)) {
            w->run->any_err = 1;
            w->run->first_err = wh;
        }
        pthread_mutex_unlock(&w->run->err_mu);
    }
    return 1;
}

int ev_group_fail(worker *w, const ev_tab *t)
{
    if (t->over_cap) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "too many groups: more than %zu in one table (the cap; aggregate with a coarser "
                 "--by or --key, or split the input and --merge)",
                 t->max);
        ev_wfail(w, ENT_ENOMEM, msg);
    } else {
        ev_wfail(w, ENT_ENOMEM, "out of memory: too many groups");
    }
    return 0;
}

int ev_pend_flush(worker *w)
{
    while (w->pq_n) {
        if (!pend_apply(w, &w->pq[w->pq_head]))
            return 0;
        w->pq_head = (w->pq_head + 1) & (PEND_N - 1);
        w->pq_n--;
    }
    return 1;
}


void ev_row_free(worker *w)
{
    ent_ctx *ctx = w->ctx;
    for (int i = 1; i <= w->ncc; i++)
        cc_free(ctx, w->cc[i]);
    ent_free(ctx, w->cc);
    for (size_t i = 0; i < w->namecap; i++)
        ent_free(ctx, w->names[i].name);
    ent_free(ctx, w->names);
    ent_free(ctx, w->name_by_id);
}
