/*
 * data.c -- the votes an ideal-point fit reads: (roll call, year, state,
 * vote) tuples as collected, and their preparation into the model's arrays
 * (roll calls in rcid order, each with its votes; state-year cells grouped
 * by state, one per year of the state's span).
 */
#include "ideal_int.h"
#include "measures/agreement.h"
#include "core/dynbuf.h"

#include <stdlib.h>
#include <string.h>

#define IDEAL_MAXVOTES ((size_t)1 << 31) /* country-votes of one estimation (UN: ~1.1 million) */
#define IDEAL_WHAT "ideal points: votes"

struct ent_ideal_data {
    ent_ctx *ctx;
    int64_t *rcid;
    int32_t *year;
    int16_t *ccode;
    uint8_t *cat;
    size_t n, cap;
};

ent_ideal_data *ent_ideal_data_new(ent_ctx *ctx)
{
    ent_ideal_data *d = ent_calloc(ctx, 1, sizeof *d);
    if (d)
        d->ctx = ctx;
    return d;
}

void ent_ideal_data_free(ent_ideal_data *d)
{
    if (!d)
        return;
    ent_free(d->ctx, d->rcid);
    ent_free(d->ctx, d->year);
    ent_free(d->ctx, d->ccode);
    ent_free(d->ctx, d->cat);
    ent_free(d->ctx, d);
}

size_t ent_ideal_data_votes(const ent_ideal_data *d)
{
    return d->n;
}

ent_status ent_ideal_data_add(ent_ideal_data *d, int64_t rcid, int year, int ccode, int vote)
{
    if (rcid < 0 || ccode <= 0 || ccode >= IDEAL_MAXCODE || vote < ENT_VOTE_YES ||
        vote > ENT_VOTE_NO)
        return ENT_EINVAL;
    if (d->n == d->cap) { /* four parallel arrays: one capacity from one start */
        size_t need = d->n ? d->n + 1 : 65536, cr = d->cap, cy = d->cap, cc = d->cap,
               cv = d->cap;
        if (ent_grow(d->ctx, &d->rcid, &cr, need, sizeof *d->rcid, IDEAL_MAXVOTES, IDEAL_WHAT) ||
            ent_grow(d->ctx, &d->year, &cy, need, sizeof *d->year, IDEAL_MAXVOTES, IDEAL_WHAT) ||
            ent_grow(d->ctx, &d->ccode, &cc, need, sizeof *d->ccode, IDEAL_MAXVOTES,
                     IDEAL_WHAT) ||
            ent_grow(d->ctx, &d->cat, &cv, need, sizeof *d->cat, IDEAL_MAXVOTES, IDEAL_WHAT))
            return ENT_ENOMEM; /* the message names the cap or the memory */
        d->cap = cr;
    }
    d->rcid[d->n] = rcid;
    d->year[d->n] = year;
    d->ccode[d->n] = (int16_t)ccode;
    /* 1 yes, 2 abstain, 3 no -> the model's order no < abstain < yes */
    d->cat[d->n] = (uint8_t)(vote == ENT_VOTE_YES ? ENT_IDEAL_YES
                             : vote == ENT_VOTE_NO ? ENT_IDEAL_NO : ENT_IDEAL_ABSTAIN);
    d->n++;
    return ENT_OK;
}

static const ent_ideal_data *sort_d;

static int by_rc(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const ent_ideal_data *d = sort_d;
    if (d->rcid[a] != d->rcid[b])
        return d->rcid[a] < d->rcid[b] ? -1 : 1;
    if (d->ccode[a] != d->ccode[b])
        return d->ccode[a] < d->ccode[b] ? -1 : 1;
    return a < b ? -1 : a > b; /* later duplicate last */
}

ent_status ideal_prepare(ent_ctx *ctx, const ent_ideal_data *d, ideal_model *md)
{
    size_t n = d->n, *ix = NULL, nk = 0;
    int ylo[IDEAL_MAXCODE], yhi[IDEAL_MAXCODE], sidx[IDEAL_MAXCODE];
    ent_status st = ENT_ENOMEM;

    memset(md, 0, sizeof *md);
    md->ctx = ctx;
    if (!n)
        return ent_err(ctx, ENT_ENODATA, "no votes to scale");
    ix = ent_malloc(ctx, n * sizeof *ix);
    md->vcell = ent_malloc(ctx, n * sizeof *md->vcell);
    md->vcat = ent_malloc(ctx, n);
    md->rc_off = ent_malloc(ctx, (n + 1) * sizeof *md->rc_off);
    md->rc_year = ent_malloc(ctx, n * sizeof *md->rc_year);
    md->rc_hasab = ent_malloc(ctx, n);
    if (!ix || !md->vcell || !md->vcat || !md->rc_off || !md->rc_year || !md->rc_hasab)
        goto fail;
    for (size_t i = 0; i < n; i++)
        ix[i] = i;
    /* not reentrant across threads; preparation runs before any worker */
    sort_d = d;
    qsort(ix, n, sizeof *ix, by_rc);
    sort_d = NULL;
    for (int c = 0; c < IDEAL_MAXCODE; c++)
        ylo[c] = yhi[c] = sidx[c] = -1;
    /* pass 1: roll calls with two different votes, their votes (the last of
     * a duplicated state), state spans */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int seen[3] = {0, 0, 0};
        int year = d->year[ix[i]];
        while (j < n && d->rcid[ix[j]] == d->rcid[ix[i]])
            j++;
        for (size_t k = i; k < j; k++)
            if (k + 1 == j || d->ccode[ix[k + 1]] != d->ccode[ix[k]])
                seen[d->cat[ix[k]]] = 1;
        if (seen[0] + seen[1] + seen[2] < 2) {
            md->nrc_dropped++;
        } else {
            size_t r = (size_t)md->nrc++;
            md->rc_off[r] = (uint32_t)nk;
            md->rc_year[r] = year;
            md->rc_hasab[r] = (uint8_t)seen[ENT_IDEAL_ABSTAIN];
            for (size_t k = i; k < j; k++) {
                size_t v = ix[k];
                int c = d->ccode[v];
                if (k + 1 < j && d->ccode[ix[k + 1]] == c)
                    continue;
                md->vcell[nk] = c; /* the code for now; the cell below */
                md->vcat[nk] = d->cat[v];
                nk++;
                if (ylo[c] < 0 || year < ylo[c])
                    ylo[c] = year;
                if (year > yhi[c])
                    yhi[c] = year;
            }
            if (j - i > (size_t)md->max_rc_votes)
                md->max_rc_votes = (int)(j - i);
        }
        i = j;
    }
    md->rc_off[md->nrc] = (uint32_t)nk;
    md->nv = nk;
    if (!md->nrc) {
        st = ent_err(ctx, ENT_ENODATA, "no roll call with two different votes to scale");
        goto fail;
    }
    /* states and cells */
    for (int c = 1; c < IDEAL_MAXCODE; c++)
        if (ylo[c] >= 0) {
            md->ncells += (size_t)(yhi[c] - ylo[c] + 1);
            md->nstates++;
        }
    md->st_off = ent_malloc(ctx, ((size_t)md->nstates + 1) * sizeof *md->st_off);
    md->st_code = ent_malloc(ctx, (size_t)md->nstates * sizeof *md->st_code);
    md->st_y0 = ent_malloc(ctx, (size_t)md->nstates * sizeof *md->st_y0);
    md->cell_nv = ent_calloc(ctx, md->ncells, sizeof *md->cell_nv);
    if (!md->st_off || !md->st_code || !md->st_y0 || !md->cell_nv)
        goto fail;
    {
        int s = 0;
        size_t off = 0;
        md->ref = -1;
        for (int c = 1; c < IDEAL_MAXCODE; c++)
            if (ylo[c] >= 0) {
                sidx[c] = s;
                md->st_code[s] = c;
                md->st_y0[s] = ylo[c];
                md->st_off[s] = off;
                off += (size_t)(yhi[c] - ylo[c] + 1);
                if (c == 2)
                    md->ref = s;
                s++;
            }
        md->st_off[s] = off;
    }
    for (int r = 0; r < md->nrc; r++)
        for (uint32_t k = md->rc_off[r]; k < md->rc_off[r + 1]; k++) {
            int c = md->vcell[k], s = sidx[c];
            size_t cell = md->st_off[s] + (size_t)(md->rc_year[r] - md->st_y0[s]);
            md->vcell[k] = (int32_t)cell;
            md->cell_nv[cell]++;
        }
    /* each roll call's votes grouped by category (yes, no, abstain), keeping
     * the state order inside a group: the EM step's branches then run in
     * long predictable stretches */
    {
        int32_t *tc = ent_malloc(ctx, ((size_t)md->max_rc_votes + 1) * sizeof *tc);
        if (!tc)
            goto fail;
        for (int r = 0; r < md->nrc; r++) {
            uint32_t k0 = md->rc_off[r], k1 = md->rc_off[r + 1], o = k0;
            static const uint8_t order[3] = {ENT_IDEAL_YES, ENT_IDEAL_NO, ENT_IDEAL_ABSTAIN};
            for (int g = 0; g < 3; g++)
                for (uint32_t k = k0; k < k1; k++)
                    if (md->vcat[k] == order[g])
                        tc[o++ - k0] = md->vcell[k];
            uint32_t cnt[3] = {0, 0, 0};
            for (uint32_t k = k0; k < k1; k++)
                cnt[md->vcat[k]]++;
            o = k0;
            for (int g = 0; g < 3; g++) {
                memset(md->vcat + o, order[g], cnt[order[g]]);
                o += cnt[order[g]];
            }
            memcpy(md->vcell + k0, tc, (size_t)(k1 - k0) * sizeof *tc);
        }
        ent_free(ctx, tc);
    }
    if (md->ref < 0) { /* no USA: the state with the most votes */
        int best = 0;
        for (int s = 0; s < md->nstates; s++) {
            int t = 0;
            for (size_t c = md->st_off[s]; c < md->st_off[s + 1]; c++)
                t += md->cell_nv[c];
            if (t > best) {
                best = t;
                md->ref = s;
            }
        }
    }
    ent_free(ctx, ix);
    return ENT_OK;
fail:
    ent_free(ctx, ix);
    ideal_model_free(md);
    return st == ENT_ENOMEM ? ent_err(ctx, ENT_ENOMEM, "out of memory preparing the votes") : st;
}

void ideal_model_free(ideal_model *md)
{
    ent_ctx *ctx = md->ctx;
    if (!ctx)
        return;
    ent_free(ctx, md->vcell);
    ent_free(ctx, md->vcat);
    ent_free(ctx, md->rc_off);
    ent_free(ctx, md->rc_year);
    ent_free(ctx, md->rc_hasab);
    ent_free(ctx, md->st_off);
    ent_free(ctx, md->st_code);
    ent_free(ctx, md->st_y0);
    ent_free(ctx, md->cell_nv);
    ent_free(ctx, md->a);
    ent_free(ctx, md->b);
    ent_free(ctx, md->tau);
    ent_free(ctx, md->m);
    ent_free(ctx, md->v);
    memset(md, 0, sizeof *md);
}
