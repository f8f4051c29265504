/*
 * ideal_int.h -- the ideal-point module's internal state: the prepared
 * votes (immutable once built) and one fit's working arrays, shared by
 * data.c, fit.c and boot.c.
 */
#ifndef ENT_IDEAL_INT_H
#define ENT_IDEAL_INT_H

#include "ideal.h"

#define IDEAL_MAXCODE 1000

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
