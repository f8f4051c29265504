/*
 * agreement.c -- the agreement measures (Signorino-Ritter S, Scott's pi,
 * Cohen's kappa per Hage 2011, Kendall's tau-b) and the bit-packed kernel
 * that computes them for every pair of states in one year of roll calls.
 * Contracts and formulas are in agreement.h.
 */
#include "agreement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define POPCNT64(x) ((uint32_t)__builtin_popcountll(x))
#else
static uint32_t popcnt64_portable(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
}
#define POPCNT64(x) popcnt64_portable(x)
#endif

static const char *const wt_names[] = {"nominal", "linear", "quadratic"};

int ent_agree_wt_parse(const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, wt_names[i]))
            return i;
    return -1;
}

const char *ent_agree_wt_name(ent_agree_wt w)
{
    return (unsigned)w < 3 ? wt_names[w] : "?";
}

/* Shared by S and S-squared: power 1 or 2 of the distance. */
static double s_generic(const double *x, const double *y, const double *w, size_t n,
                        double dmax, int squared)
{
    double num = 0, den = 0;
    if (n == 0 || !(dmax > 0))
        return NAN;
    for (size_t k = 0; k < n; k++) {
        double wk = w ? w[k] : 1.0;
        double d = fabs(x[k] - y[k]);
        num += wk * (squared ? d * d : d);
        den += wk;
    }
    if (!(den > 0))
        return NAN;
    return 1.0 - 2.0 * num / ((squared ? dmax * dmax : dmax) * den);
}

double ent_agree_s(const double *x, const double *y, const double *w, size_t n, double dmax)
{
    return s_generic(x, y, w, n, dmax, 0);
}

double ent_agree_s_squared(const double *x, const double *y, const double *w, size_t n,
                           double dmax)
{
    return s_generic(x, y, w, n, dmax, 1);
}

static double disagreement(size_t i, size_t j, size_t k, ent_agree_wt wt)
{
    double d = fabs((double)i - (double)j) / (double)(k - 1);
    switch (wt) {
    case ENT_AGREE_NOMINAL:
        return i != j;
    case ENT_AGREE_LINEAR:
        return d;
    case ENT_AGREE_QUADRATIC:
        return d * d;
    }
    return NAN;
}

/* table_sum returns the sum of the k x k table, or NAN for a negative or
 * non-finite cell or k < 2. */
static double table_sum(const double *tab, size_t k)
{
    double t = 0;
    if (k < 2)
        return NAN;
    for (size_t i = 0; i < k * k; i++) {
        if (!(tab[i] >= 0) || !isfinite(tab[i]))
            return NAN;
        t += tab[i];
    }
    return t > 0 ? t : NAN;
}

double ent_agree_s_table(const double *tab, size_t k)
{
    double t = table_sum(tab, k), d = 0;
    if (isnan(t))
        return NAN;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            d += tab[i * k + j] / t * disagreement(i, j, k, ENT_AGREE_LINEAR);
    return 1.0 - 2.0 * d;
}

/* chance_corrected computes 1 - D_o / D_e; pooled = 1 for Scott's pi. */
static double chance_corrected(const double *tab, size_t k, ent_agree_wt wt, int pooled)
{
    double t = table_sum(tab, k), dobs = 0, dexp = 0;
    double row[64], col[64];
    if (isnan(t) || k > 64 || (unsigned)wt > 2)
        return NAN;
    for (size_t i = 0; i < k; i++)
        row[i] = col[i] = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            double p = tab[i * k + j] / t;
            row[i] += p;
            col[j] += p;
            dobs += p * disagreement(i, j, k, wt);
        }
    if (pooled)
        for (size_t i = 0; i < k; i++)
            row[i] = col[i] = (row[i] + col[i]) / 2;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            dexp += row[i] * col[j] * disagreement(i, j, k, wt);
    if (!(dexp > 1e-15))
        return NAN;
    return 1.0 - dobs / dexp;
}

double ent_agree_kappa(const double *tab, size_t k, ent_agree_wt wt)
{
    return chance_corrected(tab, k, wt, 0);
}

double ent_agree_pi(const double *tab, size_t k, ent_agree_wt wt)
{
    return chance_corrected(tab, k, wt, 1);
}

double ent_agree_taub_naive(const double *x, const double *y, size_t n)
{
    double conc = 0, disc = 0, tx = 0, ty = 0, pairs;
    if (n < 2)
        return NAN;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            if (dx == 0)
                tx++;
            if (dy == 0)
                ty++;
            if (dx * dy > 0)
                conc++;
            else if (dx * dy < 0)
                disc++;
        }
    pairs = (double)n * (double)(n - 1) / 2;
    if (!((pairs - tx) > 0 && (pairs - ty) > 0))
        return NAN;
    return (conc - disc) / sqrt((pairs - tx) * (pairs - ty));
}

static int cmp_pair(const void *a, const void *b)
{
    const double *p = a, *q = b;
    if (p[0] != q[0])
        return p[0] < q[0] ? -1 : 1;
    return (p[1] > q[1]) - (p[1] < q[1]);
}

/* merge_count sorts v[0..n) ascending with tmp (n doubles) as scratch, bottom
 * up, and returns the number of pairs i < j with v[i] > v[j] (ties are not
 * inversions). */
static uint64_t merge_count(double *v, double *tmp, size_t n)
{
    uint64_t inv = 0;
    double *src = v, *dst = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (src[j] < src[i]) {
                    inv += mid - i; /* src[j] jumps over every left element still waiting */
                    dst[k++] = src[j++];
                } else {
                    dst[k++] = src[i++];
                }
            }
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        double *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
    return inv;
}

double ent_agree_taub(const double *x, const double *y, size_t n, double *work)
{
    double *pr = work, *ys = work + 2 * n, *tmp = work + 3 * n;
    uint64_t n0, n1 = 0, n2 = 0, n3 = 0, swaps, run, runxy;
    double num, den;
    if (n < 2)
        return NAN;
    for (size_t i = 0; i < n; i++) {
        pr[2 * i] = x[i];
        pr[2 * i + 1] = y[i];
    }
    qsort(pr, n, 2 * sizeof *pr, cmp_pair); /* by x, then y */
    run = runxy = 1;
    for (size_t i = 1; i <= n; i++) { /* ties in x (n1) and in both (n3) */
        int samex = i < n && pr[2 * i] == pr[2 * i - 2];
        int samexy = samex && pr[2 * i + 1] == pr[2 * i - 1];
        if (samexy) {
            runxy++;
        } else {
            n3 += runxy * (runxy - 1) / 2;
            runxy = 1;
        }
        if (samex) {
            run++;
        } else {
            n1 += run * (run - 1) / 2;
            run = 1;
        }
    }
    for (size_t i = 0; i < n; i++)
        ys[i] = pr[2 * i + 1];
    swaps = merge_count(ys, tmp, n); /* the discordant pairs */
    run = 1;
    for (size_t i = 1; i <= n; i++) { /* ties in y (n2), now that y is sorted */
        if (i < n && ys[i] == ys[i - 1]) {
            run++;
        } else {
            n2 += run * (run - 1) / 2;
            run = 1;
        }
    }
    n0 = (uint64_t)n * (uint64_t)(n - 1) / 2;
    if (n0 <= n1 || n0 <= n2)
        return NAN;
    /* C - D = n0 - n1 - n2 + n3 - 2 * swaps (Knight 1966) */
    num = (double)n0 - (double)n1 - (double)n2 + (double)n3 - 2.0 * (double)swaps;
    den = sqrt((double)(n0 - n1) * (double)(n0 - n2));
    return num / den;
}

/* ------------------------------------------------------------- roll calls */

size_t ent_votes_words(size_t nrc)
{
    return (nrc + 63) / 64;
}

void ent_votes_pack(const uint8_t *votes, size_t nstates, size_t nrc, uint64_t *bits)
{
    size_t nw = ent_votes_words(nrc);
    memset(bits, 0, 3 * nstates * nw * sizeof *bits);
    for (size_t i = 0; i < nstates; i++) {
        const uint8_t *v = votes + i * nrc;
        uint64_t *b = bits + 3 * i * nw;
        for (size_t r = 0; r < nrc; r++)
            if (v[r] >= ENT_VOTE_YES && v[r] <= ENT_VOTE_NO)
                b[(size_t)(v[r] - 1) * nw + r / 64] |= (uint64_t)1 << (r % 64);
    }
}

void ent_votes_counts(const uint64_t *a, const uint64_t *b, size_t nwords, uint32_t c[9])
{
    for (int i = 0; i < 9; i++)
        c[i] = 0;
    for (size_t w = 0; w < nwords; w++) {
        uint64_t ay = a[w], aa = a[nwords + w], an = a[2 * nwords + w];
        uint64_t by = b[w], ba = b[nwords + w], bn = b[2 * nwords + w];
        c[0] += POPCNT64(ay & by);
        c[1] += POPCNT64(ay & ba);
        c[2] += POPCNT64(ay & bn);
        c[3] += POPCNT64(aa & by);
        c[4] += POPCNT64(aa & ba);
        c[5] += POPCNT64(aa & bn);
        c[6] += POPCNT64(an & by);
        c[7] += POPCNT64(an & ba);
        c[8] += POPCNT64(an & bn);
    }
}

/* The 3 x 3 disagreement weights for each weighting, precomputed. */
static const double dw3[3][9] = {
    {0, 1, 1, 1, 0, 1, 1, 1, 0},
    {0, .5, 1, .5, 0, .5, 1, .5, 0},
    {0, .25, 1, .25, 0, .25, 1, .25, 0},
};

void ent_agree_from_counts(const uint32_t c[9], ent_agree_wt wt, ent_agree_row *out)
{
    double n = 0, row[3] = {0, 0, 0}, col[3] = {0, 0, 0}, m[3];
    double dlin = 0, dobs = 0, dk = 0, dp = 0;
    const double *d = dw3[(unsigned)wt < 3 ? wt : ENT_AGREE_QUADRATIC];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double x = c[3 * i + j];
            n += x;
            row[i] += x;
            col[j] += x;
        }
    out->n = (int64_t)n;
    if (n == 0) {
        out->agree = out->s = out->pi = out->kappa = NAN;
        return;
    }
    for (int i = 0; i < 3; i++) {
        row[i] /= n;
        col[i] /= n;
        m[i] = (row[i] + col[i]) / 2;
    }
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double p = c[3 * i + j] / n;
            dlin += p * dw3[ENT_AGREE_LINEAR][3 * i + j];
            dobs += p * d[3 * i + j];
            dk += row[i] * col[j] * d[3 * i + j];
            dp += m[i] * m[j] * d[3 * i + j];
        }
    out->agree = (c[0] + c[4] + c[8]) / n;
    out->s = 1.0 - 2.0 * dlin;
    out->kappa = dk > 1e-15 ? 1.0 - dobs / dk : NAN;
    out->pi = dp > 1e-15 ? 1.0 - dobs / dp : NAN;
}

size_t ent_agree_pair_index(size_t i, size_t j, size_t nstates)
{
    /* rows before i hold (n-1) + (n-2) + ... + (n-i) pairs */
    return i * nstates - i * (i + 1) / 2 + (j - i - 1);
}

void ent_agree_allpairs(const uint64_t *bits, size_t nstates, size_t nwords, ent_agree_wt wt,
                        ent_agree_row *out)
{
    uint32_t c[9];
    size_t p = 0;
    for (size_t i = 0; i < nstates; i++)
        for (size_t j = i + 1; j < nstates; j++) {
            ent_votes_counts(bits + 3 * i * nwords, bits + 3 * j * nwords, nwords, c);
            ent_agree_from_counts(c, wt, &out[p++]);
        }
}
