/*
 * ideal_int.h -- the ideal-point module's internal state: the prepared
 * votes (immutable once built) and one fit's working arrays, shared by
 * data.c, fit.c and boot.c.
 */
#ifndef ENT_IDEAL_INT_H
#define ENT_IDEAL_INT_H

#include "ideal.h"

#include <math.h>

#define IDEAL_MAXCODE 1000

/* The table of lambda(x) = phi(x) / Q(x) (tnorm.c): on [LO, HI) a degree-5
 * polynomial per interval of width 1/PER in s = 2 (position in it) - 1;
 * built by ent_ideal_lambda_init. */
#define IDEAL_LT_LO (-10.0)
#define IDEAL_LT_HI 37.0
#define IDEAL_LT_PER 8
#define IDEAL_LT_N 376 /* (HI - LO) * PER */
#define IDEAL_LT_DEG 5
extern double ideal_lt_coef[IDEAL_LT_N][IDEAL_LT_DEG + 1];

/* ideal_lambda is ent_ideal_lambda inlined into the EM step. */
static inline double ideal_lambda(double x)
{
    if (x < IDEAL_LT_LO)
        return 0; /* lambda < 1e-22 */
    if (!(x < IDEAL_LT_HI)) {
        if (x != x)
            return x;
        double r = 1 / (x * x); /* x + 1/x - 2/x^3 + 10/x^5 - 74/x^7 */
        return x + (1 / x) * (1 + r * (-2 + r * (10 - 74 * r)));
    }
    double u = (x - IDEAL_LT_LO) * IDEAL_LT_PER;
    int i = (int)u;
    if (i >= IDEAL_LT_N)
        i = IDEAL_LT_N - 1;
    double s = 2 * (u - i) - 1;
    const double *c = ideal_lt_coef[i];
    return c[0] + s * (c[1] + s * (c[2] + s * (c[3] + s * (c[4] + s * c[5]))));
}

#define IDEAL_TAU_MIN 1e-3

/* One vote's terms in the EM step at mu = alpha + beta m and gap tau: the
 * latent utility's mean e = E[y*], and the vote's log-likelihood's
 * derivatives in the gap, g = dl/dtau, h = d2l/dtau2, and c = d2l/dtau dmu
 * (the gap's gradient moved by alpha and beta).  A no vote does not depend
 * on the gap (g = h = c = 0). */
typedef struct ideal_vterm {
    double e, g, h, c;
} ideal_vterm;

static inline void ideal_vote(double mu, double tau, int y, ideal_vterm *t)
{
    const double inv_sqrt_2pi = 0.39894228040143267794, sqrt1_2 = 0.70710678118654752440;
    if (y == ENT_IDEAL_YES) { /* log Q(u), u = tau - mu */
        double u = tau - mu, lam = ideal_lambda(u), d = lam * (lam - u); /* lambda'(u) */
        t->e = mu + lam;
        t->g = -lam;
        t->h = -d;
        t->c = d;
    } else if (y == ENT_IDEAL_NO) { /* log Q(mu) */
        t->e = mu - ideal_lambda(mu);
        t->g = t->h = t->c = 0;
    } else { /* log D, D = Phi(u) - Phi(l), l = -mu, u = tau - mu */
        double l = -mu, u = tau - mu;
        double d = l >= 0 ? 0.5 * erfc(l * sqrt1_2) - 0.5 * erfc(u * sqrt1_2)
                   : u <= 0 ? 0.5 * erfc(-u * sqrt1_2) - 0.5 * erfc(-l * sqrt1_2)
                            : 1 - 0.5 * erfc(u * sqrt1_2) - 0.5 * erfc(-l * sqrt1_2);
        if (d > 1e-250) {
            double fl = inv_sqrt_2pi * exp(-0.5 * l * l), fu = inv_sqrt_2pi * exp(-0.5 * u * u),
                   id = 1 / d, e = mu + (fl - fu) * id;
            t->e = e < 0 ? 0 : e > tau ? tau : e;
            t->g = fu * id;
            t->h = (-u * fu - fu * fu * id) * id;
            t->c = (u * fu - fu * (fl - fu) * id) * id;
        } else { /* far outside: the nearer end */
            t->e = l >= 0 ? 0 : tau;
            t->g = l >= 0 ? 1 / (tau > IDEAL_TAU_MIN ? tau : IDEAL_TAU_MIN) : 0;
            t->h = t->c = 0;
        }
    }
}

/* The prepared votes and, after a fit, the fitted parameters. */
typedef struct ideal_model {
    ent_ctx *ctx;
    int nrc, nrc_dropped, max_rc_votes;
    size_t nv;
    uint32_t *rc_off;  /* votes of roll call r: rc_off[r] .. rc_off[r+1]-1 */
    int *rc_year;
    uint8_t *rc_hasab; /* 1 when the roll call has an abstention: its cutpoint gap is free */
    int32_t *vcell;    /* vote k: its state-year cell */
    uint8_t *vcat;     /* vote k: ENT_IDEAL_NO / _ABSTAIN / _YES */
    int nstates;
    size_t *st_off;    /* cells of state s: st_off[s] .. st_off[s+1]-1, one per year */
    int *st_code, *st_y0;
    size_t ncells;
    int *cell_nv;      /* votes in each cell */
    int ref;           /* the state put on the positive side */
    ent_ideal_opts opts;
    /* fitted (oriented) */
    double *a, *b, *tau, *m, *v;
} ideal_model;

/* One fit's parameters and scratch. */
typedef struct ideal_work {
    double *a, *b, *tau; /* per roll call */
    double *m, *v;       /* per cell */
    double *P, *H;       /* per cell, per thread: nthreads blocks */
    double *mold;
    double *ez;          /* per thread: max_rc_votes */
    double *sq;          /* the extrapolation's vectors */
    const uint8_t *cat;  /* the votes being fitted */
    int nthreads;
    int iterations, converged;
    double change, loglik;
} ideal_work;

ent_status ideal_prepare(ent_ctx *ctx, const ent_ideal_data *d, ideal_model *md);
void ideal_model_free(ideal_model *md);

ent_status ideal_work_new(const ideal_model *md, int nthreads, ideal_work *w);
void ideal_work_free(const ideal_model *md, ideal_work *w);
/* ideal_em iterates from w's current parameters to convergence (or
 * max_iter); the final log-likelihood in w->loglik.  Flips the sign when the
 * reference state's mean is negative; returns 1 when it flipped. */
int ideal_em(const ideal_model *md, ideal_work *w);

#endif
