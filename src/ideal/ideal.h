/*
 * ideal.h -- a dynamic ordinal item-response estimator for UN General
 * Assembly votes: one-dimensional ideal points per state-year from yes /
 * abstain / no, an ordered-probit item model (two cutpoints and a
 * discrimination per roll call) and a Gaussian random walk linking each
 * state's position across years (as in Bailey, Strezhnev & Voeten 2017),
 * fitted by variational EM in the manner of emIRT (Imai, Lo & Olmsted 2016)
 * with a Kalman filter / RTS smoother for each state's trajectory.  The
 * model, the updates, identification and the convergence criterion are
 * written up in docs/measures.md ("Ideal points of our own").
 *
 * Use: collect votes into an ent_ideal_data (ent_ideal_data_add, or
 * ent_ideal_load from the warehouse), call ent_ideal_fit, optionally
 * ent_ideal_bootstrap, read the cells of the result, ent_ideal_result_free.
 *
 * Ownership: data and result own their arrays; nothing is shared.
 */
#ifndef ENT_IDEAL_H
#define ENT_IDEAL_H

#include "core/core.h"

#include <stdint.h>

/* Vote categories in the model's order (low to high latent utility). */
enum { ENT_IDEAL_NO = 0, ENT_IDEAL_ABSTAIN = 1, ENT_IDEAL_YES = 2 };

typedef struct ent_ideal_data ent_ideal_data;

ent_ideal_data *ent_ideal_data_new(ent_ctx *ctx);
void ent_ideal_data_free(ent_ideal_data *d);
/* ent_ideal_data_add records that ccode (1..999) cast vote (ENT_VOTE_YES,
 * _ABSTAIN or _NO, i.e. 1, 2, 3) on roll call rcid (>= 0) of year.  A roll
 * call keeps the year of its first vote.  ENT_EINVAL for anything else
 * (absent and non-member are not votes: leave them out). */
ent_status ent_ideal_data_add(ent_ideal_data *d, int64_t rcid, int year, int ccode, int vote);
size_t ent_ideal_data_votes(const ent_ideal_data *d);

typedef struct ent_ideal_opts {
    double omega2;   /* random-walk variance per year (default 0.1) */
    double prior_x0; /* prior variance of a state's first year (default 1) */
    double prior_x;  /* variance of every year's N(0, .) prior factor; 0: none (default 1) */
    double prior_item; /* prior variance of intercept and discrimination (default 25) */
    double tol;      /* convergence: max |x_new - x_old| over one EM step (default 1e-4) */
    double max_step; /* the extrapolation's longest step, in EM steps (default 64; 1 = plain EM) */
    int max_iter;    /* EM steps at most (default 3000) */
    int threads;     /* worker threads for the fit's vote pass and the bootstrap (default 2) */
} ent_ideal_opts;

/* ent_ideal_opts_default fills the defaults above. */
void ent_ideal_opts_default(ent_ideal_opts *o);

/* One state-year. */
typedef struct ent_ideal_cell {
    int ccode, year;
    int nvotes;      /* votes used (0: a year inside the state's span without a vote) */
    double est;      /* posterior mean of x_it, oriented */
    double psd;      /* variational posterior sd (underestimates: use se) */
    double se;       /* bootstrap standard error; NAN without a bootstrap */
    double lo, hi;   /* bootstrap 2.5% and 97.5% quantiles; NAN without */
} ent_ideal_cell;

typedef struct ent_ideal_result {
    ent_ctx *ctx;
    ent_ideal_cell *cells; /* grouped by state (ascending COW code), years ascending */
    size_t ncells;
    int nstates, nrc, nrc_dropped; /* roll calls used, unanimous ones dropped */
    size_t nvotes;
    int iterations, converged;
    double change;   /* final max |x_new - x_old| over one EM step */
    double loglik;   /* log-likelihood of the votes at the estimates (plug-in x) */
    double seconds;  /* wall time of the fit */
    int flipped;     /* 1 when the sign was flipped to put the reference positive */
    int ref_ccode;   /* the orientation reference: 2 (USA) when it voted */
    int threads;     /* the bootstrap's worker threads (from the options; may be changed) */
    int boot_n;      /* bootstrap replicates (0: none) */
    double boot_seconds;
    double boot_iter_mean; /* mean EM iterations per replicate */
    int boot_threads;      /* the workers the replicates were spread over */
    double boot_cpu[16];   /* each worker's CPU seconds (the wall time on free cores) */
    /* internal: the fitted model, kept for the bootstrap */
    void *model;
} ent_ideal_result;

/* ent_ideal_fit estimates the model on d (which it does not modify) and
 * returns a fresh result in *out.  ENT_ENODATA when no roll call has two
 * different votes.  The result must be freed with ent_ideal_result_free. */
ent_status ent_ideal_fit(ent_ctx *ctx, const ent_ideal_data *d, const ent_ideal_opts *o,
                         ent_ideal_result **out);
/* ent_ideal_bootstrap draws n parametric-bootstrap vote sets from the fitted
 * model (same voters, same roll calls, votes drawn from the fitted ordered
 * probit), refits each from the estimates, and fills se, lo and hi of every
 * cell.  Replicate r uses its own stream seeded by (seed, r), so the result
 * does not depend on the number of threads. */
ent_status ent_ideal_bootstrap(ent_ideal_result *r, int n, uint64_t seed);
void ent_ideal_result_free(ent_ideal_result *r);

/* ent_ideal_find returns the cell of (ccode, year) or NULL. */
const ent_ideal_cell *ent_ideal_find(const ent_ideal_result *r, int ccode, int year);

/* ---- simulation (tests, bench): votes drawn from the model with known
 * positions.  States 1..nstates (as COW codes 2, 3, ...; state 0 is code 2 =
 * the reference), years y0..y0+nyears-1, rc_per_year roll calls a year; x_i0
 * ~ N(0,1), steps N(0, omega2); discrimination ~ N(0,1) with |b| >= .3,
 * intercept ~ N(0,1), cutpoint gap ~ U(0.2, 1).  truth[i * nyears + t] gets
 * the true x (oriented so that state 0's mean is positive). */
ent_status ent_ideal_simulate(ent_ctx *ctx, int nstates, int nyears, int y0, int rc_per_year,
                              double omega2, uint64_t seed, ent_ideal_data **out,
                              double *truth);

/* ---- the pieces of the updates, exposed for the unit tests */
/* Phi(x) upper tail Q(x) = 1 - Phi(x), accurate in the tail; log Q. */
double ent_ideal_q(double x);
double ent_ideal_logq(double x);
/* The inverse Mills ratio lambda(x) = phi(x) / Q(x) (the mean excess of
 * N(0,1) above x) from a table; absolute error below 1e-11 everywhere.
 * ent_ideal_lambda_init builds the table (thread-safe, once); call it
 * before ent_ideal_lambda (ent_ideal_fit does). */
void ent_ideal_lambda_init(void);
double ent_ideal_lambda(double x);
/* E[y*] for y* ~ N(mu, 1) restricted to category cat with cutpoints 0 and
 * tau (no: y* < 0, abstain: 0 <= y* < tau, yes: y* >= tau). */
double ent_ideal_tmean(double mu, double tau, int cat);
/* One vote's terms in the EM step (fit.c): out[0] = E[y*], out[1] = dl/dtau,
 * out[2] = d2l/dtau2, out[3] = d2l/dtau dmu, l = log P(cat | mu, tau). */
void ent_ideal_vote_terms(double mu, double tau, int cat, double out[4]);
/* log P(cat | mu, tau). */
double ent_ideal_logp(double mu, double tau, int cat);
/* The intercept/discrimination update: ridge regression of z on (1, x)
 * with E[x] = m, Var[x] = v, prior variance pv: fills a, b. */
void ent_ideal_item_update(const double *z, const double *m, const double *v, size_t n,
                           double pv, double *a, double *b);
/* The smoother: a state's years 0..T-1 with data information P[t] and
 * information-mean H[t] (so the data alone say x_t ~ N(H/P, 1/P)), the
 * random walk of variance omega2 from x_0 ~ N(0, s0): fills the posterior
 * mean m[t] and variance v[t]. */
void ent_ideal_smooth(const double *P, const double *H, int T, double omega2, double s0,
                      double *m, double *v);

/* ---- the warehouse */
typedef struct ent_ideal_query {
    int from, to;          /* session years */
    const char *const *issues; /* issue codes; roll calls with any of them */
    size_t nissues;
    int important;
    int partial;           /* the partial session year among from..to, or 0 (ideal_runs) */
} ent_ideal_query;
/* ent_ideal_load reads the votes of q from the warehouse (through the votes
 * module's accessor). */
ent_status ent_ideal_load(ent_db *db, const ent_ideal_query *q, ent_ideal_data **out);
/* ent_ideal_store replaces table ideal_estimates (and ideal_runs) with r, in
 * one transaction: the panel's ideal_distance_own reads it. */
ent_status ent_ideal_store(ent_db *db, const ent_ideal_result *r, const ent_ideal_query *q);

#endif
