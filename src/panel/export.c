/*
 * export.c -- the panel as one wide CSV table (`entente panel`, bench_panel):
 * non-directed (ccode1 < ccode2, the stored rows) or directed (each stored
 * row written twice, the second time with the two states and the two columns
 * of every directed pair swapped).  A buffered writer and a printf-free
 * number formatter: the non-directed panel 1946-2019 is ~900,000 rows of ~70
 * columns.  The rows, and the swap of the reversed copy, come from the row
 * accessor (row.c).
 *
 * Two stages run side by side, on the two cores a panel export is measured
 * on: the caller's thread reads rows from SQLite into a block of cells (type,
 * number, and the text cells copied), and a writer thread turns the other
 * block into CSV text and writes it; the blocks change hands in turn, so
 * rows leave in the order they were read.  Without a thread (pthread_create
 * failing) the caller writes each block itself.  Only the reader touches
 * ctx and SQLite; the writer's one failure, a write error, is its errno.
 */
#include "panel.h"
#include "../core/core.h"
#include "../core/dynbuf.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
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

#define BLK_ROWS 4096                     /* rows of one block */
#define BLK_TEXT_MAX ((size_t)1 << 30)     /* bytes of one block's text cells */

/* block is BLK_ROWS rows of cells as read: per row its two states and year,
 * and per selected indicator a type and a number (for a text cell, the
 * offset of its NUL-ended copy in text). */
typedef struct block {
    size_t n;
    int key[BLK_ROWS][3];
    unsigned char *ty; /* BLK_ROWS * nsel */
    double *v;         /* BLK_ROWS * nsel */
    char *text;
    size_t tlen, tcap;
} block;

typedef struct pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    block blk[2];
    int full[2]; /* block i holds rows to write */
    int done;    /* the reader has no more rows */
    wbuf *w;
    const ent_registry *reg;
    int nsel;
} pipe_t;

/* write_block formats the rows of b into w */
static void write_block(wbuf *w, const ent_registry *reg, const block *b, int nsel)
{
    for (size_t i = 0; i < b->n; i++) {
        const unsigned char *ty = b->ty + i * (size_t)nsel;
        const double *v = b->v + i * (size_t)nsel;
        int c1 = b->key[i][0], c2 = b->key[i][1];
        const char *a1 = ent_state_abb(reg, c1), *a2 = ent_state_abb(reg, c2);
        a1 = a1 ? a1 : "";
        a2 = a2 ? a2 : "";
        put_uint(w, (unsigned)c1);
        wput(w, ",", 1);
        put_uint(w, (unsigned)c2);
        wput(w, ",", 1);
        wput(w, a1, strlen(a1));
        wput(w, ",", 1);
        wput(w, a2, strlen(a2));
        wput(w, ",", 1);
        put_uint(w, (unsigned)b->key[i][2]);
        for (int s = 0; s < nsel; s++) {
            wput(w, ",", 1);
            switch (ty[s]) {
            case ENT_PV_INT: case ENT_PV_REAL: put_num(w, v[s]); break;
            case ENT_PV_TEXT: { /* codebook texts: no commas or quotes */
                const char *t = b->text + (size_t)v[s];
                wput(w, t, strlen(t));
                break;
            }
            default: break; /* NULL: empty */
            }
        }
        wput(w, "\n", 1);
    }
}

/* writer is the writer thread: each full block in turn, until done */
static void *writer(void *arg)
{
    pipe_t *p = arg;
    for (int i = 0;; i ^= 1) {
        pthread_mutex_lock(&p->mu);
        while (!p->full[i] && !p->done)
            pthread_cond_wait(&p->cv, &p->mu);
        if (!p->full[i]) { /* done, and nothing left in this block */
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        pthread_mutex_unlock(&p->mu);
        write_block(p->w, p->reg, &p->blk[i], p->nsel);
        pthread_mutex_lock(&p->mu);
        p->full[i] = 0;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
}

/* read_row appends the accessor's current row to b; ENT_ENOMEM when its
 * text cells do not fit */
static ent_status read_row(ent_ctx *ctx, const ent_panel_rows *r, block *b, const int *sel,
                           int nsel)
{
    unsigned char *ty = b->ty + b->n * (size_t)nsel;
    double *v = b->v + b->n * (size_t)nsel;
    b->key[b->n][0] = ent_panel_rows_ccode1(r);
    b->key[b->n][1] = ent_panel_rows_ccode2(r);
    b->key[b->n][2] = ent_panel_rows_year(r);
    for (int s = 0; s < nsel; s++) {
        const char *t;
        ty[s] = (unsigned char)ent_panel_rows_cell(r, sel[s], &v[s], &t);
        if (ty[s] == ENT_PV_TEXT) {
            size_t k = strlen(t) + 1;
            if (b->tlen + k > b->tcap &&
                ent_grow(ctx, &b->text, &b->tcap, b->tlen + k, 1, BLK_TEXT_MAX,
                         "panel: text cells of a block") != ENT_OK)
                return ENT_ENOMEM;
            memcpy(b->text + b->tlen, t, k);
            v[s] = (double)b->tlen;
            b->tlen += k;
        }
    }
    b->n++;
    return ENT_OK;
}

ent_status ent_panel_export_csv(ent_ctx *ctx, struct sqlite3 *db, const ent_registry *reg,
                                const ent_panel_export_opts *opt, FILE *fp, size_t *rows)
{
    ent_panel_rows *r = NULL;
    wbuf w = {fp, NULL, 0, 1 << 20, 0};
    pipe_t p;
    pthread_t th;
    int all[ENT_PANEL_MAXIND], threaded = 0, cur = 0;
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
    memset(&p, 0, sizeof p);
    p.w = &w;
    p.reg = reg;
    p.nsel = nsel;
    /* the rows and the directed swap come from the row accessor (row.c) */
    if ((st = ent_panel_rows_open(ctx, db, 0, 0, opt->from, opt->to, opt->directed, &r)) != ENT_OK)
        return st;
    w.b = malloc(w.cap);
    for (int i = 0; i < 2; i++) {
        p.blk[i].ty = malloc((size_t)BLK_ROWS * (size_t)(nsel ? nsel : 1));
        p.blk[i].v = malloc((size_t)BLK_ROWS * (size_t)(nsel ? nsel : 1) * sizeof(double));
    }
    if (!w.b || !p.blk[0].ty || !p.blk[0].v || !p.blk[1].ty || !p.blk[1].v) {
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
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    threaded = pthread_create(&th, NULL, writer, &p) == 0;
    for (;;) {
        block *b = &p.blk[cur];
        if (threaded) { /* wait until the writer is done with this block */
            pthread_mutex_lock(&p.mu);
            while (p.full[cur])
                pthread_cond_wait(&p.cv, &p.mu);
            pthread_mutex_unlock(&p.mu);
        }
        b->n = b->tlen = 0;
        while (b->n < BLK_ROWS && (st = ent_panel_rows_next(r)) == ENT_OK &&
               (st = read_row(ctx, r, b, sel, nsel)) == ENT_OK)
            ;
        nrows += b->n;
        if (b->n && (st == ENT_OK || st == ENT_DONE)) {
            if (threaded) {
                pthread_mutex_lock(&p.mu);
                p.full[cur] = 1;
                pthread_cond_broadcast(&p.cv);
                pthread_mutex_unlock(&p.mu);
            } else {
                write_block(&w, reg, b, nsel);
            }
            cur ^= 1;
        }
        if (st != ENT_OK)
            break;
    }
    if (threaded) {
        pthread_mutex_lock(&p.mu);
        p.done = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        pthread_join(th, NULL);
    }
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
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
    for (int i = 0; i < 2; i++) {
        free(p.blk[i].ty);
        free(p.blk[i].v);
        ent_free(ctx, p.blk[i].text);
    }
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
