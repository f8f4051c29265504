/*
 * portfolio.c -- the alliance-portfolio kernel: Signorino-Ritter S (CINC
 * weighted) and Cohen's kappa of every pair of members' atop_level ties in
 * one year, in O(n^2 + sum_k deg_k^2) (see panel.h and docs/internals/panel.md).
 */
#include "panel.h"

#include <math.h>

void ent_panel_portfolio(int n, const double *lev, const double *w, int *deg, int *nz,
                         double *work, double *s_out, double *k_out)
{
    /* L: the symmetric level matrix with 3 on the diagonal.  For a pair i, j
     *   sum_k w_k |L_ik - L_jk| = R_i + R_j - 2 G_ij,
     *   R_i = sum_k w_k L_ik,  G_ij = sum_k w_k min(L_ik, L_jk)
     * (|a - b| = a + b - 2 min(a, b)).  G is a product over the states k tied
     * to both i and j, so it is accumulated k by k over the pairs of k's
     * neighbours: sum_k deg_k^2 / 2 steps instead of n^3 / 2.  Kappa needs
     * the number of states on which the two agree,
     *   n - deg_i - deg_j + |N_i & N_j| + #{k: L_ik = L_jk > 0},
     * accumulated the same way, and the level counts of each state. */
    double *R = work, *cnt = work + n; /* cnt[i*3 + a-1]: states i ties at level a */
    double wsum = 0;
#define LEV(i, k) ((i) == (k) ? 3.0 : (i) < (k) ? lev[(long)(i) * n + (k)] : lev[(long)(k) * n + (i)])
#define WT(k) (!isnan(w[k]) && w[k] > 0 ? w[k] : 0.0)
    for (int i = 0; i < n; i++) {
        wsum += WT(i);
        R[i] = 0;
        cnt[i * 3] = cnt[i * 3 + 1] = cnt[i * 3 + 2] = 0;
        deg[i] = 0;
        for (int k = 0; k < n; k++) {
            double l = LEV(i, k);
            if (l > 0) {
                nz[(long)i * n + deg[i]++] = k; /* ascending */
                R[i] += WT(k) * l;
                cnt[i * 3 + (int)l - 1] += 1;
            }
        }
        for (int j = i + 1; j < n; j++)
            s_out[(long)i * n + j] = k_out[(long)i * n + j] = 0;
    }
    for (int k = 0; k < n; k++) { /* the pairs of k's neighbours */
        const int *nb = &nz[(long)k * n];
        const double wk = WT(k);
        for (int a = 0; a < deg[k]; a++) {
            const int i = nb[a];
            const double li = LEV(i, k);
            double *srow = &s_out[(long)i * n], *krow = &k_out[(long)i * n];
            for (int b = a + 1; b < deg[k]; b++) {
                const int j = nb[b];
                const double lj = LEV(j, k);
                srow[j] += wk * (li < lj ? li : lj);
                krow[j] += li == lj ? 2 : 1;
            }
        }
    }
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            const long c = (long)i * n + j;
            double d = R[i] + R[j] - 2 * s_out[c];
            double agree = n - deg[i] - deg[j] + k_out[c], dobs, dexp, pe;
            s_out[c] = wsum > 0 ? 1.0 - 2.0 * (d / 3.0) / wsum : NAN;
            pe = (double)(n - deg[i]) * (double)(n - deg[j]);
            for (int a = 0; a < 3; a++)
                pe += cnt[i * 3 + a] * cnt[j * 3 + a];
            pe /= (double)n * (double)n;
            dobs = 1.0 - agree / n;
            dexp = 1.0 - pe;
            k_out[c] = dexp > 1e-15 ? 1.0 - dobs / dexp : NAN;
        }
    }
#undef LEV
#undef WT
}

