/*
 * boot.c -- uncertainty of the ideal points by parametric bootstrap, and
 * the simulator of votes with known positions.  A replicate keeps every
 * observed (state, roll call) cell, draws its vote from the fitted ordered
 * probit at the estimates, and refits from the estimates; the standard
 * error of x_it is the standard deviation of its replicates and the
 * interval their 2.5% and 97.5% quantiles.  Replicates are spread over
 * worker threads (pthreads); replicate r draws from its own stream
 * seeded by (seed, r), so results do not depend on the thread count.
 */
#include "ideal_int.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double unif(rng *r)
{
    return ((double)(next(r) >> 11) + 0.5) / 9007199254740992.0;
}

static double gauss(rng *r)
{
    double u = unif(r), v = unif(r);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static rng stream(uint64_t seed, uint64_t r)
{
    rng g = {seed ^ (0xD1B54A32D192ED03ULL * (r + 1))};
    next(&g);
    return g;
}

/* A vote drawn from the ordered probit at mu, tau. */
static uint8_t draw(rng *g, double mu, double tau)
{
    double u = unif(g);
    if (u < ent_ideal_q(mu)) /* P(y* < 0) = Phi(-mu) */
        return ENT_IDEAL_NO;
    if (u < 1 - ent_ideal_q(tau - mu))
        return ENT_IDEAL_ABSTAIN;
    return ENT_IDEAL_YES;
}

typedef struct boot_job {
    const ideal_model *md;
    int n, nthreads, tid;
    uint64_t seed;
    float *draws;   /* n x ncells */
    ideal_work w;
    uint8_t *cat;
    long iters;
    double cpu;     /* this worker's CPU seconds */
} boot_job;

static double thread_cpu(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
        return NAN;
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *worker(void *vp)
{
    boot_job *j = vp;
    const ideal_model *md = j->md;
    double c0 = thread_cpu();
    for (int r = j->tid; r < j->n; r += j->nthreads) {
        rng g = stream(j->seed, (uint64_t)r);
        for (int rc = 0; rc < md->nrc; rc++)
            for (uint32_t k = md->rc_off[rc]; k < md->rc_off[rc + 1]; k++)
                j->cat[k] = draw(&g, md->a[rc] + md->b[rc] * md->m[md->vcell[k]], md->tau[rc]);
        memcpy(j->w.a, md->a, (size_t)md->nrc * sizeof *md->a);
        memcpy(j->w.b, md->b, (size_t)md->nrc * sizeof *md->b);
        memcpy(j->w.tau, md->tau, (size_t)md->nrc * sizeof *md->tau);
        memcpy(j->w.m, md->m, md->ncells * sizeof *md->m);
        memcpy(j->w.v, md->v, md->ncells * sizeof *md->v);
        ideal_em(md, &j->w);
        j->iters += j->w.iterations;
        float *row = j->draws + (size_t)r * md->ncells;
        for (size_t c = 0; c < md->ncells; c++)
            row[c] = (float)j->w.m[c];
    }
    j->cpu = thread_cpu() - c0;
    return NULL;
}

static int by_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* The p-quantile of sorted v[0..n) (linear between order statistics). */
static double quantile(const float *v, int n, double p)
{
    double h = p * (n - 1);
    int i = (int)floor(h);
    if (i >= n - 1)
        return v[n - 1];
    return v[i] + (h - i) * (v[i + 1] - v[i]);
}

ent_status ent_ideal_bootstrap(ent_ideal_result *res, int n, uint64_t seed)
{
    ideal_model *md = res->model;
    ent_ctx *ctx = res->ctx;
    int nt = res->threads < 1 ? 1 : res->threads > 16 ? 16 : res->threads;
    boot_job jobs[16];
    pthread_t th[16];
    int started[16] = {0};
    float *draws = NULL, *col = NULL;
    ent_status st = ENT_OK;
    double t0 = ent_now();
    long iters = 0;

    if (n < 2)
        return ent_err(ctx, ENT_EINVAL, "--bootstrap: at least 2 replicates");
    if (nt > n)
        nt = n;
    memset(jobs, 0, sizeof jobs);
    draws = ent_malloc(ctx, (size_t)n * md->ncells * sizeof *draws);
    col = ent_malloc(ctx, (size_t)n * sizeof *col);
    if (!draws || !col)
        goto nomem;
    for (int t = 0; t < nt; t++) {
        jobs[t] = (boot_job){md, n, nt, t, seed, draws, {0}, NULL, 0, 0};
        if (ideal_work_new(md, 1, &jobs[t].w) != ENT_OK ||
            !(jobs[t].cat = ent_malloc(ctx, md->nv ? md->nv : 1)))
            goto nomem;
        jobs[t].w.cat = jobs[t].cat;
    }
    for (int t = 1; t < nt; t++)
        started[t] = pthread_create(&th[t], NULL, worker, &jobs[t]) == 0;
    worker(&jobs[0]);
    for (int t = 1; t < nt; t++) {
        if (started[t])
            pthread_join(th[t], NULL);
        else
            worker(&jobs[t]);
    }
    res->boot_threads = nt;
    for (int t = 0; t < nt; t++) {
        iters += jobs[t].iters;
        res->boot_cpu[t] = jobs[t].cpu;
    }
    for (size_t c = 0; c < md->ncells; c++) {
        double s = 0, ss = 0;
        for (int r = 0; r < n; r++) {
            col[r] = draws[(size_t)r * md->ncells + c];
            s += col[r];
        }
        s /= n;
        for (int r = 0; r < n; r++)
            ss += (col[r] - s) * (col[r] - s);
        qsort(col, (size_t)n, sizeof *col, by_float);
        res->cells[c].se = sqrt(ss / (n - 1));
        res->cells[c].lo = quantile(col, n, 0.025);
        res->cells[c].hi = quantile(col, n, 0.975);
    }
    res->boot_n = n;
    res->boot_iter_mean = (double)iters / n;
    res->boot_seconds = ent_now() - t0;
    goto out;
nomem:
    st = ent_err(ctx, ENT_ENOMEM, "out of memory for the bootstrap");
out:
    for (int t = 0; t < nt; t++) {
        ideal_work_free(md, &jobs[t].w);
        ent_free(ctx, jobs[t].cat);
    }
    ent_free(ctx, draws);
    ent_free(ctx, col);
    return st;
}

ent_status ent_ideal_simulate(ent_ctx *ctx, int nstates, int nyears, int y0, int rc_per_year,
                              double omega2, uint64_t seed, ent_ideal_data **out,
                              double *truth)
{
    rng g = stream(seed, 0);
    ent_ideal_data *d;
    ent_status st = ENT_OK;
    double s = 0;
    int64_t rcid = 0;

    *out = NULL;
    if (nstates < 2 || nstates > 900 || nyears < 1 || rc_per_year < 1)
        return ent_err(ctx, ENT_EINVAL, "simulate: bad sizes");
    if (!(d = ent_ideal_data_new(ctx)))
        return ent_err(ctx, ENT_ENOMEM, "out of memory");
    for (int i = 0; i < nstates; i++)
        for (int t = 0; t < nyears; t++)
            truth[i * nyears + t] =
                t ? truth[i * nyears + t - 1] + sqrt(omega2) * gauss(&g) : gauss(&g);
    for (int t = 0; t < nyears; t++)
        s += truth[t];
    if (s < 0) /* the fit puts state 0 (code 2) on the positive side */
        for (int i = 0; i < nstates * nyears; i++)
            truth[i] = -truth[i];
    for (int t = 0; t < nyears && st == ENT_OK; t++)
        for (int j = 0; j < rc_per_year && st == ENT_OK; j++, rcid++) {
            double b, a = gauss(&g), gap = 0.2 + 0.8 * unif(&g);
            do
                b = gauss(&g);
            while (fabs(b) < 0.3);
            for (int i = 0; i < nstates && st == ENT_OK; i++) {
                if (unif(&g) < 0.1)
                    continue; /* absent */
                double y = a + b * truth[i * nyears + t] + gauss(&g);
                int v = y < 0 ? 3 : y < gap ? 2 : 1;
                st = ent_ideal_data_add(d, rcid, y0 + t, 2 + i, v);
            }
        }
    if (st != ENT_OK) {
        ent_ideal_data_free(d);
        return ent_err(ctx, st, "simulate: out of memory");
    }
    *out = d;
    return ENT_OK;
}
