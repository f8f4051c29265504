/*
 * entente/ideal.h -- ideal points of entente's own: one-dimensional
 * positions per state and session year estimated from the UN General
 * Assembly votes in the warehouse (yes / abstain / no; absent and
 * non-member are missing) by a dynamic ordinal item-response model (an
 * ordered probit per roll call, a random walk linking each state's years)
 * fitted by variational EM, with parametric-bootstrap uncertainty.  The
 * library form of `entente idealpoints`; the model, its updates,
 * identification, convergence and validation are in docs/measures.md
 * ("Ideal points of our own").
 *
 * Ownership: the options are read, never kept.  The caller owns the result
 * it receives (*out) and frees it with ent_result_free; on failure *out is
 * NULL and the message is on the warehouse's context (ent_errmsg).
 */
#ifndef ENTENTE_IDEAL_H
#define ENTENTE_IDEAL_H

#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What to estimate and how.  A 0 (or NULL) field takes its default. */
typedef struct ent_idealpoints_opts {
    int from, to;           /* session years (year = session + 1945); 0: the first / last
                               year the votes cover */
    const char *issues;     /* comma list of issue codes (me, nu, di, hr, co, ec): the roll
                               calls with any of them; NULL: every roll call */
    int important;          /* 1: important votes only (US State Department list; to 2019) */
    int bootstrap;          /* parametric-bootstrap replicates: 0 none, else 2..100000 */
    unsigned long long seed; /* the bootstrap's seed (replicate r draws from (seed, r)) */
    int store;              /* 1: replace the warehouse's ideal_estimates and ideal_runs
                               with the estimates (the panel's ideal_distance_own) */
    double omega2;          /* random-walk variance per year (default 0.1) */
    double tol;             /* convergence: one EM step moves no estimate more (1e-4) */
    double prior_item;      /* prior variance of intercepts and discriminations (25) */
    double prior_x;         /* variance of each year's N(0, .) prior factor (1) */
    double max_step;        /* SQUAREM's longest step in EM steps (64; 1 = plain EM) */
    int threads;            /* worker threads of the fit and the bootstrap (2; 1..16) */
} ent_idealpoints_opts;

#define ENT_IDEALPOINTS_OPTS_INIT {0, 0, NULL, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}

/* ent_idealpoints fits the model to the votes opts asks for and returns one
 * row per state-year with at least one vote, grouped by state (ascending
 * COW code), years ascending.  Columns: state (COW abbreviation), ccode,
 * year, estimate (the posterior mean; the USA positive), se, lo, hi (the
 * bootstrap's standard error and 2.5% / 97.5% quantiles; NAN without a
 * bootstrap), nvotes (votes used), partial (1 for the year whose session was
 * still open when the votes end, else 0).  Notes, in this order: "data"
 * (years, roll calls used and dropped as unanimous, votes, states),
 * "convergence" (converged or not, EM steps, final change, log-likelihood,
 * seconds), "bootstrap" or "info" (without one), "identification",
 * "coverage" (the partial year; where the votes begin or end inside an
 * asked range), "store" (with opts->store).  With opts->store the tables
 * are replaced in one transaction, or not at all, and the panel is marked
 * stale for the next `entente build`.
 * Failure: ENT_EINVAL for a bad option (from > to, bootstrap 1 or above
 * 100000, threads outside 1..16, a negative or non-finite number, an unknown
 * issue code); ENT_ENODATA when the warehouse has no votes or none in the
 * range has two different votes; ENT_ENOMEM, ENT_EDB. */
ent_status ent_idealpoints(ent_db *db, const ent_idealpoints_opts *opts, ent_result **out);

#ifdef __cplusplus
}
#endif
#endif
