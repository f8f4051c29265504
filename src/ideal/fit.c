/*
 * fit.c -- the variational EM of the dynamic ordinal ideal-point model (the
 * derivation is in docs/measures.md, "Ideal points of our own").  One
 * iteration:
 *   1. for every roll call j, over its votes: the latent utilities' means
 *      E[y*] under the current items and positions (truncated normals; the
 *      yes and no votes through the table of lambda, tnorm.c), the
 *      gradient and curvature of the log-likelihood in the cutpoint gap;
 *      then the intercept and discrimination by ridge regression of E[y*] on
 *      (1, E[x]) with E[x^2], one Newton step for the gap at the new
 *      intercept and discrimination, and each vote's contribution to its
 *      state-year's Gaussian "data" term;
 *   2. for every state, the Kalman filter and RTS smoother over its years
 *      (random-walk prior) give the posterior mean and variance of x_it;
 *   3. SQUAREM extrapolation around the steps; convergence when one EM step
 *      moves no state-year estimate more than tol.
 * Step 1 splits the roll calls among threads, each with its own cell sums.
 */
#include "ideal_int.h"

#include <math.h>
#include <pthread.h>
#include <string.h>


void ent_ideal_opts_default(ent_ideal_opts *o)
{
    o->omega2 = 0.1;
    o->prior_x0 = 1;
    o->prior_x = 1;
    o->prior_item = 25;
    o->tol = 1e-4;
    o->max_step = 64;
    o->max_iter = 3000;
    o->threads = 2;
}

void ent_ideal_item_update(const double *z, const double *m, const double *v, size_t n,
                           double pv, double *a, double *b)
{
    double s1 = 1 / pv, sx = 0, sxx = 1 / pv, sz = 0, szx = 0;
    for (size_t i = 0; i < n; i++) {
        s1 += 1;
        sx += m[i];
        sxx += m[i] * m[i] + v[i];
        sz += z[i];
        szx += z[i] * m[i];
    }
    double det = s1 * sxx - sx * sx;
    *a = (sxx * sz - sx * szx) / det;
    *b = (s1 * szx - sx * sz) / det;
}

void ent_ideal_smooth(const double *P, const double *H, int T, double omega2, double s0,
                      double *m, double *v)
{
    /* forward: filtered moments into m, v */
    double mp = 0, vp = s0;
    for (int t = 0; t < T; t++) {
        if (t > 0) {
            mp = m[t - 1];
            vp = v[t - 1] + omega2;
        }
        double vf = 1 / (1 / vp + P[t]);
        m[t] = vf * (mp / vp + H[t]);
        v[t] = vf;
    }
    /* backward (Rauch-Tung-Striebel) */
    for (int t = T - 2; t >= 0; t--) {
        double vpred = v[t] + omega2, j = v[t] / vpred;
        m[t] = m[t] + j * (m[t + 1] - m[t]);
        v[t] = v[t] + j * j * (v[t + 1] - vpred);
    }
}

static size_t vec_len(const ideal_model *md);

ent_status ideal_work_new(const ideal_model *md, int nthreads, ideal_work *w)
{
    ent_ctx *ctx = md->ctx;
    size_t nr = (size_t)md->nrc, nc = md->ncells, nt = (size_t)(nthreads < 1 ? 1 : nthreads);
    memset(w, 0, sizeof *w);
    w->nthreads = (int)nt;
    w->a = ent_malloc(ctx, nr * sizeof *w->a);
    w->b = ent_malloc(ctx, nr * sizeof *w->b);
    w->tau = ent_malloc(ctx, nr * sizeof *w->tau);
    w->m = ent_malloc(ctx, nc * sizeof *w->m);
    w->v = ent_malloc(ctx, nc * sizeof *w->v);
    w->mold = ent_malloc(ctx, nc * sizeof *w->mold);
    w->P = ent_malloc(ctx, nt * nc * sizeof *w->P);
    w->H = ent_malloc(ctx, nt * nc * sizeof *w->H);
    w->ez = ent_malloc(ctx, nt * (size_t)(md->max_rc_votes + 1) * sizeof *w->ez);
    w->sq = ent_malloc(ctx, (4 * vec_len(md)) * sizeof *w->sq);
    if (!w->sq ||!w->a || !w->b || !w->tau || !w->m || !w->v || !w->mold || !w->P || !w->H || !w->ez) {
        ideal_work_free(md, w);
        return ent_err(ctx, ENT_ENOMEM, "out of memory for the ideal-point fit");
    }
    w->cat = md->vcat;
    return ENT_OK;
}

void ideal_work_free(const ideal_model *md, ideal_work *w)
{
    ent_ctx *ctx = md->ctx;
    ent_free(ctx, w->a);
    ent_free(ctx, w->b);
    ent_free(ctx, w->tau);
    ent_free(ctx, w->m);
    ent_free(ctx, w->v);
    ent_free(ctx, w->mold);
    ent_free(ctx, w->P);
    ent_free(ctx, w->H);
    ent_free(ctx, w->ez);
    ent_free(ctx, w->sq);
    memset(w, 0, sizeof *w);
}

/* One thread's share of step 1: roll calls lo..hi-1, cell sums into P, H. */
typedef struct pass_arg {
    const ideal_model *md;
    ideal_work *w;
    int lo, hi;
    double *P, *H, *ez;
} pass_arg;

static void *pass(void *vp)
{
    pass_arg *pa = vp;
    const ideal_model *md = pa->md;
    ideal_work *w = pa->w;
    const double *m = w->m, *v = w->v, pv = md->opts.prior_item;
    const uint8_t *cat = w->cat;
    double *P = pa->P, *H = pa->H, *ez = pa->ez;

    memset(P, 0, md->ncells * sizeof *P);
    memset(H, 0, md->ncells * sizeof *H);
    for (int r = pa->lo; r < pa->hi; r++) {
        uint32_t k0 = md->rc_off[r], k1 = md->rc_off[r + 1];
        double a = w->a[r], b = w->b[r], tau = w->tau[r];
        /* g, h: the gap's log-likelihood gradient and curvature; ga, gb: the
         * gradient's derivatives in alpha and beta (for the ECM order below) */
        double g = 0, h = 0, ga = 0, gb = 0;
        double s1 = 1 / pv, sx = 0, sxx = 1 / pv, sz = 0, szx = 0;
        int free_tau = md->rc_hasab[r];
        for (uint32_t k = k0; k < k1; k++) {
            int32_t c = md->vcell[k];
            double mc = m[c], mu = a + b * mc, e;
            ideal_vterm t;
            ideal_vote(mu, tau, cat[k], &t);
            e = t.e;
            if (free_tau) {
                g += t.g;
                h += t.h;
                ga += t.c;
                gb += t.c * mc;
            }
            ez[k - k0] = e;
            s1 += 1;
            sx += mc;
            sxx += mc * mc + v[c];
            sz += e;
            szx += e * mc;
        }
        /* M-step: ridge regression of E[y*] on (1, E[x]) */
        double det = s1 * sxx - sx * sx;
        double an = (sxx * sz - sx * szx) / det, bn = (s1 * szx - sx * sz) / det;
        /* then one Newton step for the cutpoint gap at the new alpha and
         * beta (an ECM order: the gap's gradient carried to them to first
         * order; the log-likelihood is concave in the gap) */
        g += ga * (an - a) + gb * (bn - b);
        a = an;
        b = bn;
        w->a[r] = a;
        w->b[r] = b;
        if (free_tau && h < 0) {
            double t = tau - g / h;
            if (t < IDEAL_TAU_MIN)
                t = tau / 2 > IDEAL_TAU_MIN ? tau / 2 : IDEAL_TAU_MIN;
            if (t > tau + 2)
                t = tau + 2;
            w->tau[r] = t;
        }
        /* the votes' Gaussian terms for their state-years */
        for (uint32_t k = k0; k < k1; k++) {
            int32_t c = md->vcell[k];
            P[c] += b * b;
            H[c] += b * (ez[k - k0] - a);
        }
    }
    return NULL;
}

static void step(const ideal_model *md, ideal_work *w)
{
    pass_arg pa[8];
    pthread_t th[8];
    int nt = w->nthreads > 8 ? 8 : w->nthreads, started[8] = {0};
    size_t nc = md->ncells;
    for (int t = 0; t < nt; t++) {
        /* split by votes, not roll calls: later years have more voters */
        pa[t] = (pass_arg){md, w, 0, 0, w->P + (size_t)t * nc, w->H + (size_t)t * nc,
                           w->ez + (size_t)t * (size_t)(md->max_rc_votes + 1)};
    }
    {
        int r = 0;
        for (int t = 0; t < nt; t++) {
            pa[t].lo = r;
            size_t goal = md->nv * (size_t)(t + 1) / (size_t)nt;
            while (r < md->nrc && (t == nt - 1 || md->rc_off[r] < goal))
                r++;
            pa[t].hi = r;
        }
    }
    for (int t = 1; t < nt; t++)
        started[t] = pthread_create(&th[t], NULL, pass, &pa[t]) == 0;
    pass(&pa[0]);
    for (int t = 1; t < nt; t++) {
        if (started[t])
            pthread_join(th[t], NULL);
        else
            pass(&pa[t]); /* no thread: do it here */
    }
    for (int t = 1; t < nt; t++)
        for (size_t c = 0; c < nc; c++) {
            w->P[c] += pa[t].P[c];
            w->H[c] += pa[t].H[c];
        }
    if (md->opts.prior_x > 0) /* each year's N(0, prior_x) factor */
        for (size_t c = 0; c < nc; c++)
            w->P[c] += 1 / md->opts.prior_x;
    memcpy(w->mold, w->m, nc * sizeof *w->m);
    for (int s = 0; s < md->nstates; s++) {
        size_t o = md->st_off[s];
        ent_ideal_smooth(w->P + o, w->H + o, (int)(md->st_off[s + 1] - o), md->opts.omega2,
                         md->opts.prior_x0, w->m + o, w->v + o);
    }
}

/* The parameter vector (a, b, tau, m) packed for the extrapolation. */
static size_t vec_len(const ideal_model *md)
{
    return 3 * (size_t)md->nrc + md->ncells;
}

static void pack(const ideal_model *md, const ideal_work *w, double *t)
{
    size_t nr = (size_t)md->nrc;
    memcpy(t, w->a, nr * sizeof *t);
    memcpy(t + nr, w->b, nr * sizeof *t);
    memcpy(t + 2 * nr, w->tau, nr * sizeof *t);
    memcpy(t + 3 * nr, w->m, md->ncells * sizeof *t);
}

static void unpack(const ideal_model *md, ideal_work *w, const double *t)
{
    size_t nr = (size_t)md->nrc;
    memcpy(w->a, t, nr * sizeof *t);
    memcpy(w->b, t + nr, nr * sizeof *t);
    for (size_t r = 0; r < nr; r++)
        w->tau[r] = md->rc_hasab[r] ? (t[2 * nr + r] > IDEAL_TAU_MIN ? t[2 * nr + r] : IDEAL_TAU_MIN) : 0;
    memcpy(w->m, t + 3 * nr, md->ncells * sizeof *t);
}

static double maxabs(const ideal_model *md, const double *x, const double *y)
{
    double d = 0;
    for (size_t c = 0; c < md->ncells; c++)
        if (md->cell_nv[c] && fabs(x[c] - y[c]) > d)
            d = fabs(x[c] - y[c]);
    return d;
}

/* SQUAREM (Varadhan & Roland 2008, scheme S3): two EM steps from t0 give
 * r = t1 - t0 and q = t2 - 2 t1 + t0; the extrapolated point
 * t0 - 2 alpha r + alpha^2 q, alpha = -|r|/|q| (at least 1 and at most
 * max_step in magnitude: never shorter than the plain EM step), is followed
 * by one EM step that stabilises it.  A non-finite extrapolation falls back
 * to t2.  Convergence is judged on the EM map's own residual: the first EM
 * step of a cycle moves no state-year estimate more than tol (an
 * extrapolated jump is not a measure of distance to the fixed point). */
int ideal_em(const ideal_model *md, ideal_work *w)
{
    size_t n = vec_len(md), nr3 = 3 * (size_t)md->nrc;
    double *t0 = w->sq, *t1 = t0 + n, *t2 = t1 + n;
    int evals = 0;
    w->converged = 0;
    w->change = NAN;
    while (evals < md->opts.max_iter) {
        double rr = 0, qq = 0, alpha;
        pack(md, w, t0);
        step(md, w);
        evals++;
        pack(md, w, t1);
        w->change = maxabs(md, t0 + nr3, t1 + nr3); /* the m block */
        if (w->change < md->opts.tol) {
            w->converged = 1;
            break;
        }
        if (evals + 2 > md->opts.max_iter)
            break;
        step(md, w);
        pack(md, w, t2);
        evals++;
        for (size_t i = 0; i < n; i++) {
            double r = t1[i] - t0[i], q = t2[i] - 2 * t1[i] + t0[i];
            rr += r * r;
            qq += q * q;
        }
        alpha = qq > 0 ? -sqrt(rr / qq) : -1;
        if (alpha > -1)
            alpha = -1;
        if (alpha < -md->opts.max_step)
            alpha = -md->opts.max_step;
        int ok = 1;
        for (size_t i = 0; i < n; i++) {
            double r = t1[i] - t0[i], q = t2[i] - 2 * t1[i] + t0[i];
            t1[i] = t0[i] - 2 * alpha * r + alpha * alpha * q;
            if (!isfinite(t1[i]))
                ok = 0;
        }
        unpack(md, w, ok ? t1 : t2);
        step(md, w);
        evals++;
    }
    w->iterations = evals;
    /* orientation: the reference state on the positive side */
    double s = 0;
    for (size_t c = md->st_off[md->ref]; c < md->st_off[md->ref + 1]; c++)
        if (md->cell_nv[c])
            s += w->m[c];
    int flip = s < 0;
    if (flip) {
        for (size_t c = 0; c < md->ncells; c++)
            w->m[c] = -w->m[c];
        for (int r = 0; r < md->nrc; r++)
            w->b[r] = -w->b[r];
    }
    /* the log-likelihood at the estimates, plug-in positions */
    double ll = 0;
    for (int r = 0; r < md->nrc; r++)
        for (uint32_t k = md->rc_off[r]; k < md->rc_off[r + 1]; k++)
            ll += ent_ideal_logp(w->a[r] + w->b[r] * w->m[md->vcell[k]], w->tau[r], w->cat[k]);
    w->loglik = ll;
    return flip;
}

/* Start values: each state-year's mean agreement with the reference's yes/no
 * (yes +1, abstain 0, no -1 times the reference's +-1), standardised; the
 * items from one regression of pseudo-utilities on them. */
static void start(const ideal_model *md, ideal_work *w)
{
    size_t nc = md->ncells;
    double *num = w->P, *den = w->H, mean = 0, sd = 0, n = 0;
    memset(num, 0, nc * sizeof *num);
    memset(den, 0, nc * sizeof *den);
    for (int r = 0; r < md->nrc; r++) {
        int ref = -1;
        for (uint32_t k = md->rc_off[r]; k < md->rc_off[r + 1]; k++) {
            size_t c = (size_t)md->vcell[k];
            if (c >= md->st_off[md->ref] && c < md->st_off[md->ref + 1])
                ref = md->vcat[k];
        }
        if (ref != ENT_IDEAL_YES && ref != ENT_IDEAL_NO)
            continue;
        for (uint32_t k = md->rc_off[r]; k < md->rc_off[r + 1]; k++) {
            int y = md->vcat[k];
            num[md->vcell[k]] += (y == ref) ? 1 : y == ENT_IDEAL_ABSTAIN ? 0 : -1;
            den[md->vcell[k]] += 1;
        }
    }
    for (size_t c = 0; c < nc; c++) {
        w->m[c] = den[c] > 0 ? num[c] / den[c] : 0;
        w->v[c] = 0.1;
        if (md->cell_nv[c]) {
            mean += w->m[c];
            n += 1;
        }
    }
    mean /= n;
    for (size_t c = 0; c < nc; c++)
        if (md->cell_nv[c])
            sd += (w->m[c] - mean) * (w->m[c] - mean);
    sd = sqrt(sd / n);
    if (!(sd > 0))
        sd = 1;
    for (size_t c = 0; c < nc; c++)
        w->m[c] = (w->m[c] - mean) / sd;
    for (int r = 0; r < md->nrc; r++) {
        uint32_t k0 = md->rc_off[r], k1 = md->rc_off[r + 1];
        double s1 = 1 / md->opts.prior_item, sx = 0, sxx = s1, sz = 0, szx = 0;
        for (uint32_t k = k0; k < k1; k++) {
            int y = md->vcat[k];
            double x = w->m[md->vcell[k]];
            double e = y == ENT_IDEAL_NO ? -1 : y == ENT_IDEAL_ABSTAIN ? 0.25 : 1.5;
            s1 += 1;
            sx += x;
            sxx += x * x + 0.1;
            sz += e;
            szx += e * x;
        }
        double det = s1 * sxx - sx * sx;
        w->a[r] = (sxx * sz - sx * szx) / det;
        w->b[r] = (s1 * szx - sx * sz) / det;
        w->tau[r] = md->rc_hasab[r] ? 0.5 : 0;
    }
}

ent_status ent_ideal_fit(ent_ctx *ctx, const ent_ideal_data *d, const ent_ideal_opts *o,
                         ent_ideal_result **out)
{
    ent_ideal_result *r = NULL;
    ideal_model *md = NULL;
    ideal_work w;
    ent_status st;
    double t0 = ent_now();

    *out = NULL;
    memset(&w, 0, sizeof w);
    if (!(r = ent_calloc(ctx, 1, sizeof *r)) || !(md = ent_calloc(ctx, 1, sizeof *md))) {
        ent_free(ctx, r);
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    }
    r->ctx = ctx;
    if ((st = ideal_prepare(ctx, d, md)) != ENT_OK)
        goto fail;
    if (o)
        md->opts = *o;
    else
        ent_ideal_opts_default(&md->opts);
    if ((st = ideal_work_new(md, md->opts.threads, &w)) != ENT_OK)
        goto fail;
    ent_ideal_lambda_init();
    start(md, &w);
    r->flipped = ideal_em(md, &w);
    r->iterations = w.iterations;
    r->converged = w.converged;
    r->change = w.change;
    r->loglik = w.loglik;
    r->nstates = md->nstates;
    r->nrc = md->nrc;
    r->nrc_dropped = md->nrc_dropped;
    r->nvotes = md->nv;
    r->ref_ccode = md->st_code[md->ref];
    r->ncells = md->ncells;
    r->threads = md->opts.threads;
    r->cells = ent_malloc(ctx, md->ncells * sizeof *r->cells);
    if (!r->cells) {
        st = ent_err(ctx, ENT_ENOMEM, "out of memory");
        goto fail;
    }
    for (int s = 0; s < md->nstates; s++)
        for (size_t c = md->st_off[s]; c < md->st_off[s + 1]; c++) {
            ent_ideal_cell *e = &r->cells[c];
            e->ccode = md->st_code[s];
            e->year = md->st_y0[s] + (int)(c - md->st_off[s]);
            e->nvotes = md->cell_nv[c];
            e->est = w.m[c];
            e->psd = sqrt(w.v[c]);
            e->se = e->lo = e->hi = NAN;
        }
    /* keep the fitted parameters for the bootstrap */
    md->a = w.a;
    md->b = w.b;
    md->tau = w.tau;
    md->m = w.m;
    md->v = w.v;
    w.a = w.b = w.tau = w.m = w.v = NULL;
    ideal_work_free(md, &w);
    r->model = md;
    r->seconds = ent_now() - t0;
    *out = r;
    return ENT_OK;
fail:
    ideal_work_free(md, &w);
    ideal_model_free(md);
    ent_free(ctx, md);
    ent_free(ctx, r ? r->cells : NULL);
    ent_free(ctx, r);
    return st;
}

void ent_ideal_result_free(ent_ideal_result *r)
{
    if (!r)
        return;
    if (r->model) {
        ideal_model_free(r->model);
        ent_free(r->ctx, r->model);
    }
    ent_free(r->ctx, r->cells);
    ent_free(r->ctx, r);
}

const ent_ideal_cell *ent_ideal_find(const ent_ideal_result *r, int ccode, int year)
{
    for (size_t i = 0; i < r->ncells; i++)
        if (r->cells[i].ccode == ccode && r->cells[i].year == year)
            return &r->cells[i];
    return NULL;
}

void ent_ideal_vote_terms(double mu, double tau, int cat, double out[4])
{
    ideal_vterm t;
    ideal_vote(mu, tau, cat, &t);
    out[0] = t.e;
    out[1] = t.g;
    out[2] = t.h;
    out[3] = t.c;
}
