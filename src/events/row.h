/*
 * row.h -- one row of event data, the hot path (inlined into the scanners
 * of scan.c): field parsing (date, CAMEO code, QuadClass, Goldstein value,
 * counts), validation, the filters in their order (--from/--to, a missing
 * actor country, the country lookup, --countries, --dedupe), and the queued,
 * prefetched update of the row's group.  The cold parts (reasons, errors,
 * filling the country lookup tables) are in row.c.
 */
#ifndef ENT_EV_ROW_H
#define ENT_EV_ROW_H

#include "engine.h"

#include <string.h>

static inline int days_in(int y, int m)
{
    static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static inline int day_of_year(int y, int m, int d)
{
    int n = d - 1;
    for (int i = 1; i < m; i++)
        n += days_in(y, i);
    return n;
}


static inline int cc_get(worker *w, ccache *c, const char *key, int isname, int y, int m, int d)
{
    int yi = y - YEAR_LO;
    int v = atomic_load_explicit(&c->year[yi], memory_order_acquire);
    if (v == CC_UNSET) {
        if (ev_cc_fill(w, c, yi, y, key, isname) < 0)
            return -2;
        v = atomic_load_explicit(&c->year[yi], memory_order_acquire);
    }
    if (v == CC_VARIES)
        v = c->day[yi][day_of_year(y, m, d)];
    return v;
}

/* map_iso3: a 3-letter code -> ccode; -1 unmappable, -2 no memory; *arg = code index */
static inline int map_iso3(worker *w, const char *s, uint32_t n, int y, int m, int d,
                           uint32_t *arg)
{
    if (n != 3 || (unsigned)(s[0] - 'A') > 25 || (unsigned)(s[1] - 'A') > 25 ||
        (unsigned)(s[2] - 'A') > 25) {
        *arg = 26 * 26 * 26; /* "not a 3-letter code": examples show it */
        return -1;
    }
    uint32_t idx = (uint32_t)((s[0] - 'A') * 676 + (s[1] - 'A') * 26 + (s[2] - 'A'));
    *arg = idx;
    char key[4] = { s[0], s[1], s[2], 0 };
    ccache *c = atomic_load_explicit(&w->run->iso_cc[idx], memory_order_acquire);
    if (!c && !(c = ev_cc_iso3(w, idx, key)))
        return -2;
    return cc_get(w, c, key, 0, y, m, d);
}

/* ---------------------------------------------------------- field parsing */

static inline int is_missing(const char *p, uint32_t n)
{
    return n == 0 || (n == 2 && p[0] == 'N' && p[1] == 'A');
}

/* parse_date: YYYYMMDD or YYYY-MM-DD -> 1, else 0 */
static inline int parse_date(const char *p, uint32_t n, int *y, int *m, int *d)
{
    unsigned v[8];
    if (n == 8) {
        for (int i = 0; i < 8; i++) {
            v[i] = (unsigned)(p[i] - '0');
            if (v[i] > 9)
                return 0;
        }
    } else if (n == 10 && p[4] == '-' && p[7] == '-') {
        static const int pos[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
        for (int i = 0; i < 8; i++) {
            v[i] = (unsigned)(p[pos[i]] - '0');
            if (v[i] > 9)
                return 0;
        }
    } else {
        return 0;
    }
    *y = (int)(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
    *m = (int)(v[4] * 10 + v[5]);
    *d = (int)(v[6] * 10 + v[7]);
    if (*y < YEAR_LO || *y >= YEAR_LO + YEAR_N || *m < 1 || *m > 12 || *d < 1 ||
        *d > days_in(*y, *m))
        return 0;
    return 1;
}

/* parse_gold: a decimal with at most two decimals -> hundredths; 1 ok,
 * 0 missing, -1 bad */
static inline int parse_gold(const char *p, uint32_t n, int64_t *out)
{
    if (is_missing(p, n))
        return 0;
    uint32_t i = 0;
    int neg = 0;
    if (p[0] == '-' || p[0] == '+') {
        neg = p[0] == '-';
        i = 1;
    }
    int64_t v = 0;
    int digits = 0, dec = -1;
    for (; i < n; i++) {
        char c = p[i];
        if (c >= '0' && c <= '9') {
            if (dec >= 0) {
                if (dec >= 2) {
                    if (c != '0')
                        return -1;
                    continue;
                }
                dec++;
            }
            v = v * 10 + (c - '0');
            if (++digits > 9)
                return -1;
        } else if (c == '.' && dec < 0) {
            dec = 0;
        } else {
            return -1;
        }
    }
    if (!digits)
        return -1;
    if (dec < 0)
        dec = 0;
    for (; dec < 2; dec++)
        v *= 10;
    if (v > 1000 * 100)
        return -1; /* far off the -10..10 scale: not a Goldstein value */
    *out = neg ? -v : v;
    return 1;
}

static inline int parse_count(const char *p, uint32_t n, int64_t *out)
{
    if (is_missing(p, n))
        return 0;
    if (n > 15)
        return -1;
    int64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned c = (unsigned)(p[i] - '0');
        if (c > 9)
            return -1;
        v = v * 10 + c;
    }
    *out = v;
    return 1;
}

/* ------------------------------------------------------------ row logic */

/* ------------------------------------------------------------ row logic */

static inline int has_countries(const ent_ev_opts *o, int c)
{
    size_t lo = 0, hi = o->ncountries;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (o->countries[mid] == c)
            return 1;
        if (o->countries[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}


static inline void filtered(worker *w, rowctx *rc, int reason, uint32_t arg)
{
    ent_ev_where wh = { rc->file, rc->off, rc->line };
    w->filtered++;
    ev_reason_hit(w, (uint32_t)reason, arg, &wh);
}

static inline int pend_apply(worker *w, const struct pend *pe)
{
    if (pe->full) {
        fslot *f = ev_tab_get(w->ctx, &w->fgroups, pe->key);
        if (!f)
            return ev_group_fail(w, &w->fgroups);
        f->events++;
        f->gold100 += pe->gold;
        f->mentions += pe->ment;
        f->sources += pe->src;
        f->articles += pe->art;
        return 1;
    }
    ent_ev_group *g = ev_tab_get(w->ctx, &w->groups, pe->key);
    if (!g)
        return ev_group_fail(w, &w->groups);
    g->events++;
    if (pe->hg) {
        g->gold100 += pe->gold;
        g->n_gold++;
    }
    if (pe->hm) {
        g->mentions += pe->ment;
        g->n_ment++;
    }
    if (pe->hs) {
        g->sources += pe->src;
        g->n_src++;
    }
    if (pe->ha) {
        g->articles += pe->art;
        g->n_art++;
    }
    return 1;
}

/* process one row given its fields by role; returns 1 to stop the unit */
static inline int process_row(rowctx *rc, const ent_ev_field *fr, int nf)
{
    worker *w = rc->w;
    const ev_spec *sp = rc->spec;
    const ent_ev_opts *o = w->run->opts;
    const ent_cameo *cm = w->run->cameo;
    w->read++;
    if (nf < sp->nf_min || nf > sp->nf_max) {
        char msg[96];
        if (sp->nf_min == sp->nf_max)
            snprintf(msg, sizeof msg, "%s: %d fields, expected %d", nf < sp->nf_min ? "short row" : "extra field",
                     nf - sp->rownames, sp->nf_min - sp->rownames);
        else
            snprintf(msg, sizeof msg, "%s: %d fields, expected %d or %d",
                     nf < sp->nf_min ? "short row" : "extra field", nf - sp->rownames,
                     sp->nf_min - sp->rownames, sp->nf_max - sp->rownames);
        return ev_malformed(rc, nf < sp->nf_min ? RS_SHORT : RS_EXTRA, -1, msg, NULL, 0);
    }
    int y, m, d;
    if (!parse_date(fr[R_DATE].p, fr[R_DATE].n, &y, &m, &d))
        return ev_malformed(rc, RS_BADDATE, R_DATE, "bad date '%s'", fr[R_DATE].p, fr[R_DATE].n);
    int code = ent_cameo_pack(fr[R_CODE].p, fr[R_CODE].n);
    if (code < 0 || !(sp->icews_codes ? cm->icews[code] : cm->gdelt[code]))
        return ev_malformed(rc, RS_BADCODE, R_CODE, "unknown CAMEO code '%s'", fr[R_CODE].p,
                         fr[R_CODE].n);
    int quad;
    if (sp->icews_codes) {
        quad = cm->quad[code];
    } else {
        if (fr[R_QUAD].n != 1 || fr[R_QUAD].p[0] < '1' || fr[R_QUAD].p[0] > '4')
            return ev_malformed(rc, RS_BADQUAD, R_QUAD, "QuadClass '%s' is not 1..4", fr[R_QUAD].p,
                             fr[R_QUAD].n);
        quad = fr[R_QUAD].p[0] - '0';
    }
    int64_t gold = 0, ment = 0, src = 0, art = 0;
    int hg = parse_gold(fr[R_GS].p, fr[R_GS].n, &gold);
    if (hg < 0)
        return ev_malformed(rc, RS_BADGS, R_GS, "Goldstein value '%s' is not a number on the -10..10 scale",
                         fr[R_GS].p, fr[R_GS].n);
    int hm = 0, hs = 0, ha = 0;
    if (sp->idx[R_MENT] >= 0 && (hm = parse_count(fr[R_MENT].p, fr[R_MENT].n, &ment)) < 0)
        return ev_malformed(rc, RS_BADCOUNT, R_MENT, "'%s' is not a count", fr[R_MENT].p, fr[R_MENT].n);
    if (sp->idx[R_SRC] >= 0 && (hs = parse_count(fr[R_SRC].p, fr[R_SRC].n, &src)) < 0)
        return ev_malformed(rc, RS_BADCOUNT, R_SRC, "'%s' is not a count", fr[R_SRC].p, fr[R_SRC].n);
    if (sp->idx[R_ART] >= 0 && (ha = parse_count(fr[R_ART].p, fr[R_ART].n, &art)) < 0)
        return ev_malformed(rc, RS_BADCOUNT, R_ART, "'%s' is not a count", fr[R_ART].p, fr[R_ART].n);
    int ymd = y * 10000 + m * 100 + d;
    if ((o->from && ymd < o->from) || (o->to && ymd > o->to)) {
        filtered(w, rc, RS_RANGE, 0);
        return 0;
    }
    int m1 = is_missing(fr[R_A1].p, fr[R_A1].n), m2 = is_missing(fr[R_A2].p, fr[R_A2].n);
    if (m1 || m2) {
        filtered(w, rc, m1 && m2 ? RS_BOTHMISS : m1 ? RS_A1MISS : RS_A2MISS, 0);
        return 0;
    }
    uint32_t arg1, arg2;
    int c1, c2;
    if (sp->names) {
        c1 = ev_map_name(w, fr[R_A1].p, fr[R_A1].n, y, m, d, &arg1);
        c2 = c1 < -1 ? c1 : ev_map_name(w, fr[R_A2].p, fr[R_A2].n, y, m, d, &arg2);
    } else {
        c1 = map_iso3(w, fr[R_A1].p, fr[R_A1].n, y, m, d, &arg1);
        c2 = c1 < -1 ? c1 : map_iso3(w, fr[R_A2].p, fr[R_A2].n, y, m, d, &arg2);
    }
    if (c1 < -1 || c2 < -1) {
        ev_wfail(w, ENT_ENOMEM, "out of memory in the country lookup");
        return 1;
    }
    if (c1 < 0 || c2 < 0) {
        ent_ev_where wh = { rc->file, rc->off, rc->line };
        w->rejected++;
        ev_reason_hit(w, sp->names ? RS_UNMAP_NAME : RS_UNMAP_CODE, c1 < 0 ? arg1 : arg2, &wh);
        return 0;
    }
    if (o->countries && (!has_countries(o, c1) || !has_countries(o, c2))) {
        filtered(w, rc, RS_COUNTRIES, 0);
        return 0;
    }
    if (o->dedupe) {
        int64_t id;
        int dup = 0;
        if (parse_count(fr[R_ID].p, fr[R_ID].n, &id) <= 0)
            return ev_malformed(rc, RS_BADCOUNT, R_ID, "event id '%s' is not a number", fr[R_ID].p,
                             fr[R_ID].n);
        size_t n0 = w->run->ids.n;
        if (!ev_tab_get(w->ctx, &w->run->ids, (uint64_t)id + 1)) { /* 0 marks an empty slot */
            ev_wfail(w, ENT_ENOMEM, w->run->ids.over_cap ? "too many event ids for --dedupe"
                                                         : "out of memory in the --dedupe id set");
            return 1;
        }
        dup = w->run->ids.n == n0;
        if (dup) {
            filtered(w, rc, RS_DUP, 0);
            return 0;
        }
    }
    int per = o->by == EV_BY_DAY ? ymd : o->by == EV_BY_MONTH ? y * 100 + m : y;
    int k = o->key == EV_KEY_QUAD ? quad : o->key == EV_KEY_ROOT ? (code % 10000) / (code >= 40000 ? 100 : code >= 30000 ? 10 : 1) : code;
    uint64_t key = EV_KEY_PACK(c1, c2, per, k);
    /* queue the update and prefetch its slot: the group table is larger
     * than the caches, and this hides the miss behind the next rows */
    int full = hg & hm & hs & ha;
    ev_tab_prefetch(full ? &w->fgroups : &w->groups, key);
    if (w->pq_n == PEND_N) {
        if (!pend_apply(w, &w->pq[w->pq_head]))
            return 1;
        w->pq_head = (w->pq_head + 1) & (PEND_N - 1);
        w->pq_n--;
    }
    struct pend *pe = &w->pq[(w->pq_head + w->pq_n) & (PEND_N - 1)];
    w->pq_n++;
    pe->key = key;
    pe->gold = gold;
    pe->ment = ment;
    pe->src = src;
    pe->art = art;
    pe->hg = (uint8_t)hg;
    pe->hm = (uint8_t)hm;
    pe->hs = (uint8_t)hs;
    pe->ha = (uint8_t)ha;
    pe->full = (uint8_t)full;
    w->aggregated++;
    return 0;
}

#endif
