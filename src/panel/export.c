/*
 * export.c -- the panel as one wide CSV table (`entente panel`, bench_panel):
 * non-directed (ccode1 < ccode2, the stored rows) or directed (each stored
 * row written twice, the second time with the two states and the two columns
 * of every directed pair swapped).  A buffered writer and a printf-free
 * number formatter: the non-directed panel 1946-2019 is ~900,000 rows of ~70
 * columns.  The rows, and the swap of the reversed copy, come from the row
 * accessor (row.c).
 */
#include "panel.h"
#include "../core/core.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct wbuf {
    FILE *fp;
    char *b;
    size_t n, cap;
    int err;
} wbuf;

static void wflush(wbuf *w)
{
    if (w->n && fwrite(w->b, 1, w->n, w->fp) != w->n)
        w->err = errno ? errno : EIO;
    w->n = 0;
}

static inline void wput(wbuf *w, const char *s, size_t k)
{
    if (w->n + k > w->cap)
        wflush(w);
    memcpy(w->b + w->n, s, k);
    w->n += k;
}

static void put_uint(wbuf *w, unsigned long long u)
{
    char r[24];
    int m = 0;
    do {
        r[sizeof r - 1 - m++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    wput(w, r + sizeof r - m, (size_t)m);
}

/* put_num writes integers bare (the common case, printf-free), and other
 * values as the shortest text that reads back as exactly v (ent_fmt_num). */
static void put_num(wbuf *w, double v)
{
    if (v == floor(v) && fabs(v) < 9e15) {
        if (v < 0)
            wput(w, "-", 1);
        put_uint(w, (unsigned long long)fabs(v));
    } else {
        char t[48];
        int k = ent_fmt_num(t, sizeof t, v);
        wput(w, t, (size_t)k);
    }
}

ent_status ent_panel_export_csv(ent_ctx *ctx, struct sqlite3 *db, const ent_registry *reg,
                                const ent_panel_export_opts *opt, FILE *fp, size_t *rows)
{
    ent_panel_rows *r = NULL;
    wbuf w = {fp, NULL, 0, 1 << 20, 0};
    int all[ENT_PANEL_MAXIND];
    const int *sel = opt->sel;
    int nsel = opt->nsel;
    size_t nrows = 0;
    ent_status st = ENT_OK;

    if (!sel) {
        for (size_t k = 0; k < ent_panel_nindicators && k < ENT_PANEL_MAXIND; k++)
            all[k] = (int)k;
        sel = all;
        nsel = (int)ent_panel_nindicators;
    }
    if (nsel > ENT_PANEL_MAXIND)
        return ent_err(ctx, ENT_EINVAL, "panel: more than %d indicators", ENT_PANEL_MAXIND);
    /* the rows and the directed swap come from the row accessor (row.c) */
    if ((st = ent_panel_rows_open(ctx, db, 0, 0, opt->from, opt->to, opt->directed, &r)) != ENT_OK)
        return st;
    if (!(w.b = malloc(w.cap))) {
        st = ent_err(ctx, ENT_ENOMEM, "panel: out of memory");
        goto out;
    }
    wput(&w, "ccode1,ccode2,abb1,abb2,year", 28);
    for (int s = 0; s < nsel; s++) {
        const char *name = ent_panel_indicators[sel[s]].name;
        wput(&w, ",", 1);
        wput(&w, name, strlen(name));
    }
    wput(&w, "\n", 1);
    while ((st = ent_panel_rows_next(r)) == ENT_OK) {
        int c1 = ent_panel_rows_ccode1(r), c2 = ent_panel_rows_ccode2(r);
        const char *a1 = ent_state_abb(reg, c1), *a2 = ent_state_abb(reg, c2);
        a1 = a1 ? a1 : "";
        a2 = a2 ? a2 : "";
        put_uint(&w, (unsigned)c1);
        wput(&w, ",", 1);
        put_uint(&w, (unsigned)c2);
        wput(&w, ",", 1);
        wput(&w, a1, strlen(a1));
        wput(&w, ",", 1);
        wput(&w, a2, strlen(a2));
        wput(&w, ",", 1);
        put_uint(&w, (unsigned)ent_panel_rows_year(r));
        for (int s = 0; s < nsel; s++) {
            double v;
            const char *t;
            wput(&w, ",", 1);
            switch (ent_panel_rows_cell(r, sel[s], &v, &t)) {
            case ENT_PV_INT: case ENT_PV_REAL: put_num(&w, v); break;
            case ENT_PV_TEXT: wput(&w, t, strlen(t)); break; /* codebook texts: no commas or quotes */
            default: break; /* NULL: empty */
            }
        }
        wput(&w, "\n", 1);
        nrows++;
    }
    if (st != ENT_DONE)
        goto out;
    st = ENT_OK;
    wflush(&w);
    if (!w.err && fflush(fp) != 0)
        w.err = errno ? errno : EIO;
    if (w.err)
        st = ent_err(ctx, ENT_EIO, "write failed: %s", strerror(w.err));
out:
    if (rows)
        *rows = nrows;
    free(w.b);
    ent_panel_rows_close(r);
    return st;
}

ent_status ent_panel_select(ent_ctx *ctx, const char *list, int *sel, int *nsel)
{
    const char *p = list;
    *nsel = 0;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        char name[64];
        int ix;
        snprintf(name, sizeof name, "%.*s", (int)k, p);
        if ((ix = ent_panel_find(name)) < 0)
            return ent_err(ctx, ENT_ENOTFOUND,
                           "--indicators: unknown indicator '%s' (see `entente codebook`)", name);
        if (*nsel >= ENT_PANEL_MAXIND)
            return ent_err(ctx, ENT_EINVAL, "--indicators: more than %d", ENT_PANEL_MAXIND);
        sel[(*nsel)++] = ix;
        p = e ? e + 1 : p + k;
    }
    if (!*nsel)
        return ent_err(ctx, ENT_EINVAL, "--indicators: the list is empty");
    return ENT_OK;
}
