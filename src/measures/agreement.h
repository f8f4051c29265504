/*
 * agreement.h -- the agreement measure family: Signorino-Ritter S, Scott's pi
 * and Cohen's kappa (distance-weighted, per Hage 2011), Kendall's tau-b, and
 * the bit-packed all-pairs kernel for one year of UN General Assembly votes.
 *
 * Every function here is pure: no context, no allocation, no I/O (scratch
 * memory, where one needs it, is the caller's).  Inputs are
 * borrowed for the duration of the call; outputs go to caller-owned memory.
 * A measure that is undefined for its input (no items, zero total weight, no
 * expected disagreement) is NAN, never 0.
 */
#ifndef ENT_AGREEMENT_H
#define ENT_AGREEMENT_H

#include <stddef.h>
#include <stdint.h>

/* The disagreement weights d_ij of pi and kappa for K ordered categories. */
typedef enum ent_agree_wt {
    ENT_AGREE_NOMINAL = 0, /* d_ij = 1[i != j] */
    ENT_AGREE_LINEAR,      /* d_ij = |i - j| / (K - 1) */
    ENT_AGREE_QUADRATIC    /* d_ij = ((i - j) / (K - 1))^2 */
} ent_agree_wt;

/* ent_agree_wt_parse maps "nominal", "linear", "quadratic" to a weight; -1
 * when s is anything else (or NULL). */
int ent_agree_wt_parse(const char *s);
/* ent_agree_wt_name returns the static name of w. */
const char *ent_agree_wt_name(ent_agree_wt w);

/* ent_agree_s is Signorino-Ritter's S for two vectors x, y of n items with
 * weights w (NULL = every weight 1) and the largest possible distance dmax:
 *   S = 1 - 2 * sum_k w_k |x_k - y_k| / (dmax * sum_k w_k)
 * (Signorino & Ritter 1999).  1 is identical, -1 maximally apart.
 * NAN when n = 0, sum w = 0, or dmax <= 0. */
double ent_agree_s(const double *x, const double *y, const double *w, size_t n, double dmax);
/* ent_agree_s_squared is S with squared distances:
 *   S2 = 1 - 2 * sum_k w_k (x_k - y_k)^2 / (dmax^2 * sum_k w_k)
 * (Signorino & Ritter 1999).  NAN as for ent_agree_s. */
double ent_agree_s_squared(const double *x, const double *y, const double *w, size_t n,
                           double dmax);

/* Contingency tables: tab is a k x k row-major table of counts or
 * proportions (they are normalised by their sum), tab[i*k + j] the items on
 * which the first vector took category i and the second category j.  Rows
 * are the first coder's (state's) categories.  k >= 2.  NAN when the table
 * sums to 0 or holds a negative cell. */

/* ent_agree_s_table is S from a table with linear distance and dmax = k - 1:
 *   S = 1 - 2 * sum_ij p_ij |i - j| / (k - 1)      (Hage 2011). */
double ent_agree_s_table(const double *tab, size_t k);
/* ent_agree_kappa is Cohen's kappa with disagreement weights wt:
 *   kappa = 1 - D_o / D_e,  D_o = sum_ij p_ij d_ij,  D_e = sum_ij p_i. p_.j d_ij
 * (Hage 2011; Cohen 1968).  NAN when D_e = 0 (both vectors put
 * every item in one and the same category). */
double ent_agree_kappa(const double *tab, size_t k, ent_agree_wt wt);
/* ent_agree_pi is Scott's pi: as kappa, but the expected disagreement uses
 * the averaged marginals m_i = (p_i. + p_.i) / 2:  D_e = sum_ij m_i m_j d_ij
 * (Hage 2011; Scott 1955).  NAN when D_e = 0. */
double ent_agree_pi(const double *tab, size_t k, ent_agree_wt wt);

/* ent_agree_taub is Kendall's tau-b of x and y over n items:
 *   tau_b = (C - D) / sqrt((P - T_x) (P - T_y)),  P = n(n-1)/2,
 * C/D the concordant/discordant pairs, T_x/T_y the pairs tied in x / in y
 * (Kendall 1945), computed in O(n log n) by Knight's (1966) method: sort the
 * items by (x, y), count the ties in x and in (x, y), merge-sort y counting
 * the swaps (the discordant pairs), count the ties in y; then
 *   C - D = P - T_x - T_y + T_xy - 2 swaps.
 * work is caller scratch of 4n doubles (the one exception to "no
 * allocation": the caller's).  NAN when n < 2 or either vector is constant.
 * x and y hold no NAN. */
double ent_agree_taub(const double *x, const double *y, size_t n, double *work);
/* ent_agree_taub_naive is the same by the O(n^2) loop over all pairs: the
 * reference the tests check ent_agree_taub against. */
double ent_agree_taub_naive(const double *x, const double *y, size_t n);

/* ------------------------------------------------------------- roll calls */

/* Vote values in a states x roll-calls matrix. */
enum { ENT_VOTE_NONE = 0, ENT_VOTE_YES = 1, ENT_VOTE_ABSTAIN = 2, ENT_VOTE_NO = 3 };

/* The measures of one pair of states over the roll calls on which both voted. */
typedef struct ent_agree_row {
    int64_t n;    /* roll calls on which both voted yes, abstain or no */
    double agree; /* share of those with the identical vote */
    double s;     /* Signorino-Ritter S, yes=1 abstain=2 no=3, dmax=2, linear */
    double pi;    /* Scott's pi with the chosen weights */
    double kappa; /* Cohen's kappa with the chosen weights */
} ent_agree_row;

/* ent_votes_words is the number of 64-bit words per bitset for nrc roll calls. */
size_t ent_votes_words(size_t nrc);
/* ent_votes_pack turns votes (nstates x nrc, row-major, values ENT_VOTE_*;
 * any other value counts as not voting) into bits: for state i, the three
 * bitsets yes, abstain, no at bits + (3*i + v-1) * nwords, where nwords =
 * ent_votes_words(nrc).  bits must hold 3 * nstates * nwords words. */
void ent_votes_pack(const uint8_t *votes, size_t nstates, size_t nrc, uint64_t *bits);
/* ent_votes_counts fills c[3*i + j] with the roll calls on which a cast vote
 * i+1 and b cast vote j+1 (a, b: one state's three bitsets each). */
void ent_votes_counts(const uint64_t *a, const uint64_t *b, size_t nwords, uint32_t c[9]);
/* ent_agree_from_counts computes n, agree, s, pi and kappa (weights wt) from
 * a 3 x 3 table of counts; every measure is NAN when n = 0. */
void ent_agree_from_counts(const uint32_t c[9], ent_agree_wt wt, ent_agree_row *out);
/* ent_agree_allpairs computes every pair i < j of nstates packed states into
 * out[ent_agree_pair_index(i, j, nstates)] (nstates*(nstates-1)/2 rows, in
 * the order (0,1), (0,2) ... (0,n-1), (1,2) ...). */
void ent_agree_allpairs(const uint64_t *bits, size_t nstates, size_t nwords, ent_agree_wt wt,
                        ent_agree_row *out);
/* ent_agree_pair_index is the position of pair (i, j), i < j < nstates. */
size_t ent_agree_pair_index(size_t i, size_t j, size_t nstates);

#endif
