/*
 * votepanel.c -- roll-call votes in memory and the all-pairs x all-years
 * agreement panel.  Each year's votes become a members x roll-calls matrix,
 * packed into three bitsets per state; the kernel in agreement.c does the
 * pairs.  Rows are emitted pair-major, (a, b, year) ascending, which is the
 * primary-key order of un_agree, so inserts append to the B-tree.
 */
#include "votepanel.h"
#include "../core/dynbuf.h"

#include <limits.h>
#include <string.h>

#define NOYEAR INT_MIN
#define VP_MAXVOTES ((size_t)1 << 31) /* country-votes of one panel */
#define VP_WHAT "vote panel: votes"

struct ent_vpanel {
    ent_ctx *ctx;
    int *rc_year;     /* year of roll call rcid, NOYEAR when unregistered */
    size_t rc_cap;    /* entries in rc_year */
    int32_t *v_rc;    /* vote i: roll call */
    int16_t *v_cc;    /* vote i: COW code */
    uint8_t *v_val;   /* vote i: ENT_VOTE_* */
    size_t nv, v_cap; /* votes stored, allocated */
};

ent_vpanel *ent_vpanel_new(ent_ctx *ctx)
{
    ent_vpanel *p = ent_calloc(ctx, 1, sizeof *p);
    if (p)
        p->ctx = ctx;
    return p;
}

void ent_vpanel_free(ent_vpanel *p)
{
    if (!p)
        return;
    ent_free(p->ctx, p->rc_year);
    ent_free(p->ctx, p->v_rc);
    ent_free(p->ctx, p->v_cc);
    ent_free(p->ctx, p->v_val);
    ent_free(p->ctx, p);
}

ent_status ent_vpanel_add_rc(ent_vpanel *p, int64_t rcid, int year)
{
    if (rcid < 0 || rcid > INT32_MAX)
        return ENT_EINVAL;
    if ((size_t)rcid >= p->rc_cap) { /* indexed by rcid: the new slots have no year */
        size_t old = p->rc_cap;
        if (ent_grow(p->ctx, &p->rc_year, &p->rc_cap, (size_t)rcid + 1, sizeof *p->rc_year,
                     (size_t)INT32_MAX + 1, "vote panel: roll calls") != ENT_OK)
            return ENT_ENOMEM;
        for (size_t i = old; i < p->rc_cap; i++)
            p->rc_year[i] = NOYEAR;
    }
    p->rc_year[rcid] = year;
    return ENT_OK;
}

int ent_vpanel_has_rc(const ent_vpanel *p, int64_t rcid)
{
    return rcid >= 0 && (size_t)rcid < p->rc_cap && p->rc_year[rcid] != NOYEAR;
}

ent_status ent_vpanel_add_vote(ent_vpanel *p, int64_t rcid, int ccode, int vote)
{
    if (!ent_vpanel_has_rc(p, rcid) || ccode <= 0 || ccode >= ENT_VPANEL_MAXCODE ||
        vote < ENT_VOTE_YES || vote > ENT_VOTE_NO)
        return ENT_EINVAL;
    if (p->nv == p->v_cap) { /* three parallel arrays: the same capacity from the same start */
        size_t cr = p->v_cap, cc = p->v_cap, cv = p->v_cap, need = p->nv + 1;
        if (ent_grow(p->ctx, &p->v_rc, &cr, need, sizeof *p->v_rc, VP_MAXVOTES, VP_WHAT) ||
            ent_grow(p->ctx, &p->v_cc, &cc, need, sizeof *p->v_cc, VP_MAXVOTES, VP_WHAT) ||
            ent_grow(p->ctx, &p->v_val, &cv, need, sizeof *p->v_val, VP_MAXVOTES, VP_WHAT))
            return ENT_ENOMEM;
        p->v_cap = cr;
    }
    p->v_rc[p->nv] = (int32_t)rcid;
    p->v_cc[p->nv] = (int16_t)ccode;
    p->v_val[p->nv] = (uint8_t)vote;
    p->nv++;
    return ENT_OK;
}

int ent_vpanel_members_registry(void *ud, int year, int *codes, int max)
{
    const ent_registry *reg = ud;
    size_t n = 0;
    const int *all = ent_state_codes(reg, &n);
    int k = 0;
    for (size_t i = 0; i < n && k < max; i++)
        if (all[i] > 0 && all[i] < ENT_VPANEL_MAXCODE && ent_state_member(reg, all[i], year))
            codes[k++] = all[i];
    return k;
}

/* One year of the computation. */
typedef struct year_part {
    int nm;             /* members */
    int nrc;            /* roll calls */
    int16_t *idx;       /* COW code -> member index, -1 when not a member */
    uint8_t *mat;       /* nm x nrc votes */
    ent_agree_row *rows;/* nm(nm-1)/2 pairs */
} year_part;

ent_status ent_vpanel_run(ent_vpanel *p, int ylo, int yhi, ent_agree_wt wt,
                          ent_vpanel_members_fn members, void *mud, ent_vpanel_row_fn fn,
                          void *ud)
{
    ent_ctx *ctx = p->ctx;
    ent_status st = ENT_OK;
    int ny = yhi - ylo + 1, codes[ENT_VPANEL_MAXCODE], any[ENT_VPANEL_MAXCODE];
    year_part *yp = NULL;
    int32_t *col = NULL;
    uint64_t *bits = NULL;
    size_t bits_cap = 0;

    if (ny <= 0)
        return ENT_OK;
    memset(any, 0, sizeof any);
    yp = ent_calloc(ctx, (size_t)ny, sizeof *yp);
    col = ent_malloc(ctx, (p->rc_cap ? p->rc_cap : 1) * sizeof *col);
    if (!yp || !col)
        goto nomem;
    /* members and their indices */
    for (int y = 0; y < ny; y++) {
        int nm = members(mud, ylo + y, codes, ENT_VPANEL_MAXCODE);
        yp[y].nm = nm;
        yp[y].idx = ent_malloc(ctx, ENT_VPANEL_MAXCODE * sizeof *yp[y].idx);
        if (!yp[y].idx)
            goto nomem;
        for (int c = 0; c < ENT_VPANEL_MAXCODE; c++)
            yp[y].idx[c] = -1;
        for (int i = 0; i < nm; i++)
            if (codes[i] > 0 && codes[i] < ENT_VPANEL_MAXCODE) {
                yp[y].idx[codes[i]] = (int16_t)i;
                any[codes[i]] = 1;
            }
    }
    /* roll-call columns within their year */
    for (size_t r = 0; r < p->rc_cap; r++) {
        int y = p->rc_year[r];
        col[r] = -1;
        if (y != NOYEAR && y >= ylo && y <= yhi)
            col[r] = yp[y - ylo].nrc++;
    }
    for (int y = 0; y < ny; y++) {
        size_t cells = (size_t)yp[y].nm * (size_t)yp[y].nrc;
        yp[y].mat = ent_calloc(ctx, cells ? cells : 1, 1);
        if (!yp[y].mat)
            goto nomem;
    }
    for (size_t i = 0; i < p->nv; i++) {
        int32_t r = p->v_rc[i];
        int c = col[r];
        if (c < 0)
            continue;
        year_part *t = &yp[p->rc_year[r] - ylo];
        int m = t->idx[p->v_cc[i]];
        if (m >= 0)
            t->mat[(size_t)m * (size_t)t->nrc + (size_t)c] = p->v_val[i];
    }
    /* the kernel, year by year */
    for (int y = 0; y < ny; y++) {
        size_t nm = (size_t)yp[y].nm, nw = ent_votes_words((size_t)yp[y].nrc);
        size_t need = 3 * nm * (nw ? nw : 1), npairs = nm > 1 ? nm * (nm - 1) / 2 : 0;
        if (ent_grow(ctx, &bits, &bits_cap, need, sizeof *bits, (size_t)1 << 32,
                     "vote panel: packed votes") != ENT_OK)
            goto nomem;
        yp[y].rows = ent_malloc(ctx, (npairs ? npairs : 1) * sizeof *yp[y].rows);
        if (!yp[y].rows)
            goto nomem;
        ent_votes_pack(yp[y].mat, nm, (size_t)yp[y].nrc, bits);
        ent_agree_allpairs(bits, nm, nw, wt, yp[y].rows);
        ent_free(ctx, yp[y].mat);
        yp[y].mat = NULL;
    }
    /* emit pair-major */
    for (int a = 1; a < ENT_VPANEL_MAXCODE; a++) {
        if (!any[a])
            continue;
        for (int b = a + 1; b < ENT_VPANEL_MAXCODE; b++) {
            if (!any[b])
                continue;
            for (int y = 0; y < ny; y++) {
                int ia = yp[y].idx[a], ib = yp[y].idx[b];
                if (ia < 0 || ib < 0)
                    continue;
                if (ia > ib) { /* members out of order: the measures are symmetric */
                    int t = ia;
                    ia = ib;
                    ib = t;
                }
                st = fn(ud, a, b, ylo + y,
                        &yp[y].rows[ent_agree_pair_index((size_t)ia, (size_t)ib,
                                                         (size_t)yp[y].nm)]);
                if (st != ENT_OK)
                    goto out;
            }
        }
    }
    goto out;
nomem:
    st = ent_err(ctx, ENT_ENOMEM, "out of memory computing the agreement panel");
out:
    if (yp)
        for (int y = 0; y < ny; y++) {
            ent_free(ctx, yp[y].idx);
            ent_free(ctx, yp[y].mat);
            ent_free(ctx, yp[y].rows);
        }
    ent_free(ctx, yp);
    ent_free(ctx, col);
    ent_free(ctx, bits);
    return st;
}
