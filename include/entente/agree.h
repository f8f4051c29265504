/*
 * entente/agree.h -- agreement: UN General Assembly vote agreement of a
 * dyad or of one state with every other (from the warehouse votes), and the
 * battery of agreement measures of two rated vectors (S, pi, kappa, tau-b).
 * Each call returns an ent_result (entente/result.h).
 *
 * Ownership: the caller owns the result it receives (*out) and frees it with
 * ent_result_free; on failure *out is NULL and the message is on ctx.  The
 * library keeps nothing of the query or input structs after a call returns.
 */
#ifndef ENTENTE_AGREE_H
#define ENTENTE_AGREE_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What to compute: zero-initialise, then set what differs from the default. */
typedef struct ent_agree_query {
    int from, to;         /* year range; 0: the first / last year the votes cover.
                             ent_agreement with both 0 lists only the years in
                             which the two states form a dyad; with either set,
                             every year of the range */
    const char *measures; /* comma list of agree, s, pi, kappa in the order the
                             columns come; NULL: all four */
    const char *weights;  /* pi and kappa weights: "nominal", "linear" or NULL
                             (quadratic, the stored panel's) */
    const char *issue;    /* only roll calls on an issue (me, nu, di, hr, co,
                             ec), or NULL for all */
    int important;        /* 1: only the US State Department's important votes
                             (unvotes only, so to 2019) */
    int calendar;         /* 1: the year of a vote's date, not session + 1945 */
} ent_agree_query;

/* ent_agree_query_check validates q without a warehouse: the measures and
 * weights named, and from <= to (when both are set) within 500 years.
 * ENT_EINVAL with a message naming the option ("--measure: 's,tau' is not a
 * comma list of agree, s, pi, kappa").  The issue code is checked against
 * the warehouse by the calls below. */
ent_status ent_agree_query_check(ent_ctx *ctx, const ent_agree_query *q);

/* ent_agreement gives the vote agreement of states a and b (any name the
 * registry knows) per year, as `entente agree A B`: columns a, b, year, n
 * (roll calls both voted yes, abstain or no on), then one REAL column per
 * measure of q (agree, s, pi, kappa; NAN when missing, never 0), then
 * partial (1 for a year whose session was still open when the data end, 0
 * when complete, ENT_NA without data).  A year in which one of them was not
 * a system member has n and every measure missing.  Notes: "coverage" where
 * the votes begin or end inside the range and when a partial year is shown;
 * "info" on the weights and filters (and when the two never form a dyad).
 * ENT_EINVAL for a bad q or a = b; ENT_ENOTFOUND / ENT_EAMBIG for a name;
 * ENT_ENODATA when the warehouse holds no votes. */
ent_status ent_agreement(ent_db *db, const char *a, const char *b, const ent_agree_query *q,
                         ent_result **out);

/* ent_agreement_with lists the states that voted most like a in year (q's
 * from and to are ignored), as `entente agree --with A --year Y`: the same
 * columns as ent_agreement, one row per state forming a dyad with a that
 * year and having a value of q's first measure, best first by it (then by
 * n, then COW code); top > 0 keeps the first top rows, 0 all.  Notes and
 * failures as ent_agreement's; ENT_EINVAL for top < 0. */
ent_status ent_agreement_with(ent_db *db, const char *a, int year, int top,
                              const ent_agree_query *q, ent_result **out);

/* Two rated vectors: from a CSV file (path set) with columns x and y and an
 * optional weight column, or (path NULL) n items given as arrays. */
typedef struct ent_similarity_input {
    const char *path;          /* CSV: columns x, y (integers in lo..hi) */
    const char *weight_column; /* its weight column; NULL: one named w or
                                  weight when present, else unweighted */
    const double *x, *y;       /* without path: n ratings each */
    const double *w;           /* without path: n weights >= 0, or NULL */
    size_t n;
    int lo, hi;                /* the scale: integers, lo < hi, at most 64
                                  levels */
} ent_similarity_input;

/* ent_similarity computes the battery of `entente similarity`: one row per
 * measure (columns measure, value), in the order s, s_weighted, s_squared,
 * pi_nominal, pi_linear, pi_quadratic, kappa_nominal, kappa_linear,
 * kappa_quadratic, taub; a value undefined for the input (no items, no
 * expected disagreement, no weights for s_weighted) is NAN, never 0.
 * Note "info": the number of items and the levels.  ENT_EINVAL for bad
 * levels or an item outside them or a negative weight; ENT_EPARSE with
 * file:line and column for a bad CSV; ENT_EIO when it cannot be read. */
ent_status ent_similarity(ent_ctx *ctx, const ent_similarity_input *in, ent_result **out);

#ifdef __cplusplus
}
#endif
#endif
