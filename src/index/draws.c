/*
 * draws.c -- robustness draws: the PRNG (splitmix64) and its samplers, the
 * median, and the repeated scoring under Dirichlet weights, a random
 * normalisation and a dropped indicator per dimension (see index.h).
 */
#include "index.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ randomness */

static unsigned long long splitmix(ent_rng *r)
{
    unsigned long long z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double ent_rng_uniform(ent_rng *r)
{
    return ((double)(splitmix(r) >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(ent_rng *r)
{
    double u = ent_rng_uniform(r), v = ent_rng_uniform(r);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Marsaglia & Tsang (2000); shape < 1 by the boost U^(1/shape). */
double ent_rng_gamma(ent_rng *r, double shape)
{
    double d, c;
    if (shape < 1)
        return ent_rng_gamma(r, shape + 1) * pow(ent_rng_uniform(r), 1.0 / shape);
    d = shape - 1.0 / 3.0;
    c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = normal(r), v = 1 + c * x, u;
        if (v <= 0)
            continue;
        v = v * v * v;
        u = ent_rng_uniform(r);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

void ent_rng_dirichlet(ent_rng *r, const double *alpha, size_t k, double *out)
{
    double sum = 0;
    for (size_t i = 0; i < k; i++) {
        out[i] = alpha[i] > 0 ? ent_rng_gamma(r, alpha[i]) : 0;
        sum += out[i];
    }
    for (size_t i = 0; i < k; i++)
        out[i] = sum > 0 ? out[i] / sum : 0;
}

#define CONCENTRATION 20.0

/* kth_smallest: Wirth's selection, expected O(n).  Afterwards v[k] is the
 * k-th smallest, v[0..k) are <= it and v(k..n) >= it. */
static double kth_smallest(double *v, size_t n, size_t k)
{
    long l = 0, m = (long)n - 1, kk = (long)k;
    while (l < m) {
        double x = v[kk];
        long i = l, j = m;
        do {
            while (v[i] < x)
                i++;
            while (x < v[j])
                j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            m = j;
    }
    return v[kk];
}

double ent_ix_median(double *v, size_t n)
{
    double hi = kth_smallest(v, n, n / 2);
    if (n % 2)
        return hi;
    {   /* the lower middle is the largest of the elements left of n/2 */
        double lo = v[0];
        for (size_t i = 1; i < n / 2; i++)
            if (v[i] > lo)
                lo = v[i];
        return (lo + hi) / 2;
    }
}

static void draws_run(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                      size_t nrows, size_t subject, int draws, unsigned long long seed,
                      ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud, int *ranks);

void ent_ix_draws(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows, size_t nrows,
                  size_t subject, int draws, unsigned long long seed, ent_ix_robust *out)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, NULL, NULL, NULL);
}

void ent_ix_draws_cb(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                     size_t nrows, size_t subject, int draws, unsigned long long seed,
                     ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, tick, ud, NULL);
}

void ent_ix_draws_ranks(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                        size_t nrows, size_t subject, int draws, unsigned long long seed,
                        ent_ix_robust *out, int *ranks)
{
    draws_run(cfg, y, rows, nrows, subject, draws, seed, out, NULL, NULL, ranks);
}

static void draws_run(const ent_ix_config *cfg, const ent_ix_year *y, const long *rows,
                      size_t nrows, size_t subject, int draws, unsigned long long seed,
                      ent_ix_robust *out, void (*tick)(void *ud, int done), void *ud, int *ranks)
{
    ent_rng rng = {seed};
    int above[ENT_NDIM + 1] = {0};
    ent_ix_score *sc = malloc(nrows * sizeof *sc);
    double *vals = malloc(nrows * sizeof *vals);
    memset(out, 0, sizeof *out);
    out->draws = draws;
    if (!sc || !vals)
        goto done;
    for (int t = 0; t < draws; t++) {
        double tw[ENT_IX_MAXTERMS] = {0}, dw[ENT_NDIM], alpha[ENT_IX_MAXTERMS], w[ENT_IX_MAXTERMS];
        unsigned char drop[ENT_IX_MAXTERMS] = {0};
        ent_norm m = (ent_norm)(splitmix(&rng) % ENT_NORM_COUNT);
        double dsum = 0;
        if (tick && t && t % 4096 == 0)
            tick(ud, t);
        for (int d = 0; d < ENT_NDIM; d++)
            dsum += cfg->dimw[d];
        for (int d = 0; d < ENT_NDIM; d++)
            alpha[d] = CONCENTRATION * cfg->dimw[d] / dsum;
        ent_rng_dirichlet(&rng, alpha, ENT_NDIM, dw);
        for (int d = 0; d < ENT_NDIM; d++) {
            int idx[ENT_IX_MAXTERMS], k = 0;
            double tsum = 0;
            for (int i = 0; i < cfg->nterms; i++)
                if (cfg->terms[i].dim == d) {
                    idx[k++] = i;
                    tsum += cfg->terms[i].weight;
                }
            if (k == 0)
                continue;
            for (int j = 0; j < k; j++)
                alpha[j] = CONCENTRATION * cfg->terms[idx[j]].weight / tsum;
            ent_rng_dirichlet(&rng, alpha, (size_t)k, w);
            for (int j = 0; j < k; j++)
                tw[idx[j]] = w[j];
            if (k > 1)
                drop[idx[splitmix(&rng) % (unsigned)k]] = 1;
        }
        for (size_t r = 0; r < nrows; r++)
            ent_ix_score_row(cfg, y, (size_t)rows[r], m, tw, dw, drop, &sc[r]);
        if (ranks) { /* the subject's composite rank in the group; ties share the best */
            ranks[t] = 0;
            if (!isnan(sc[subject].composite)) {
                ranks[t] = 1;
                for (size_t r = 0; r < nrows; r++)
                    ranks[t] += r != subject && sc[r].composite > sc[subject].composite;
            }
        }
        for (int d = 0; d <= ENT_NDIM; d++) {
            double subj = d < ENT_NDIM ? sc[subject].dim[d] : sc[subject].composite, med;
            size_t k = 0;
            for (size_t r = 0; r < nrows; r++) {
                double v = d < ENT_NDIM ? sc[r].dim[d] : sc[r].composite;
                if (r != subject && !isnan(v))
                    vals[k++] = v;
            }
            if (isnan(subj) || k == 0)
                continue;
            med = ent_ix_median(vals, k);
            out->defined[d]++;
            if (subj > med)
                above[d]++;
        }
    }
done:
    for (int d = 0; d <= ENT_NDIM; d++)
        out->above_median[d] = out->defined[d] ? (double)above[d] / out->defined[d] : NAN;
    free(sc);
    free(vals);
}
