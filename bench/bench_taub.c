/*
 * bench_taub.c -- Kendall's tau-b as `entente similarity` computes it, by
 * Knight's O(n log n) method (ent_agree_taub), against the O(n^2) loop it
 * replaced (ent_agree_taub_naive).
 *
 * Input shape: the items of `entente similarity`: n pairs of integer ratings
 * on a small scale (0..3, as alliance ties are: most pairs tied), the two
 * ratings correlated (y = x for half the items), plus one run with
 * continuous ratings (few ties).  n = 2,000,000 for Knight; the O(n^2) loop
 * is timed at 20,000 and extrapolated (x n^2).
 * Target (issue 10 #13): 2 M rows in seconds.
 *
 * usage: bench_taub [N]
 */
#include "measures/agreement.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void fill(double *x, double *y, size_t n, int levels)
{
    for (size_t i = 0; i < n; i++) {
        x[i] = levels ? (double)(next() % (uint64_t)levels) : (double)(next() >> 11);
        y[i] = (i % 2) ? x[i] : levels ? (double)(next() % (uint64_t)levels) : (double)(next() >> 11);
    }
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 2000000, small = 20000;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y), *w = malloc(4 * n * sizeof *w);
    double t0, t, tn, v;
    if (!x || !y || !w || n < small) {
        fprintf(stderr, "bench_taub: out of memory or N < %zu\n", small);
        return 1;
    }
    for (int levels = 4; levels >= 0; levels -= 4) {
        const char *shape = levels ? "ratings 0..3" : "continuous";
        fill(x, y, n, levels);
        t0 = ent_now();
        v = ent_agree_taub(x, y, n, w);
        t = ent_now() - t0;
        printf("tau-b Knight  %-12s n=%zu: %.3f s (tau-b %.6f)\n", shape, n, t, v);
        t0 = ent_now();
        v = ent_agree_taub_naive(x, y, small);
        tn = ent_now() - t0;
        printf("tau-b O(n^2)  %-12s n=%zu: %.3f s (tau-b %.6f); at n=%zu: ~%.0f s\n", shape,
               small, tn, v, n, tn * ((double)n / (double)small) * ((double)n / (double)small));
    }
    free(x);
    free(y);
    free(w);
    return 0;
}
