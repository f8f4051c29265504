/*
 * tnorm.c -- the normal-distribution pieces of the ordinal probit: tail
 * probabilities, log-probabilities of a vote, and the means of the normal
 * truncated to a vote's interval (the E-step of the latent utilities).
 * Written for the tails: a vote against a confident prediction lies many
 * standard deviations out, where 1 - Phi(x) computed naively is 0.
 */
#include "ideal.h"

#include <math.h>

#define SQRT1_2 0.70710678118654752440
#define INV_SQRT_2PI 0.39894228040143267794
#define LOG_SQRT_2PI 0.91893853320467274178

double ent_ideal_q(double x)
{
    return 0.5 * erfc(x * SQRT1_2);
}

double ent_ideal_logq(double x)
{
    if (x < 30)
        return log(0.5 * erfc(x * SQRT1_2));
    /* Q(x) ~ phi(x)/x (1 - 1/x^2 + 3/x^4) */
    double r = 1 / (x * x);
    return -0.5 * x * x - LOG_SQRT_2PI - log(x) + log1p(-r + 3 * r * r);
}

static double phi(double x)
{
    return INV_SQRT_2PI * exp(-0.5 * x * x);
}

/* hazard(t) = phi(t) / Q(t): the mean excess of N(0,1) above t. */
static double hazard(double t)
{
    if (t < 30)
        return phi(t) / (0.5 * erfc(t * SQRT1_2));
    double r = 1 / (t * t);
    return t * (1 + r - 2 * r * r); /* t + 1/t - 2/t^3 */
}

/* P(l <= Z < u) for Z ~ N(0,1), l < u, computed in the tail that keeps it
 * accurate. */
static double interval(double l, double u)
{
    if (l >= 0)
        return ent_ideal_q(l) - ent_ideal_q(u);
    if (u <= 0)
        return ent_ideal_q(-u) - ent_ideal_q(-l);
    return 1 - ent_ideal_q(u) - ent_ideal_q(-l);
}

double ent_ideal_tmean(double mu, double tau, int cat)
{
    if (cat == ENT_IDEAL_NO)
        return mu - hazard(mu); /* y* < 0: mu - phi(-mu)/Phi(-mu) */
    if (cat == ENT_IDEAL_YES)
        return mu + hazard(tau - mu);
    /* abstain: 0 <= y* < tau */
    double l = -mu, u = tau - mu, d = interval(l, u), e;
    if (!(d > 1e-250))
        return l >= 0 ? 0 : tau; /* far outside: the nearer end */
    e = mu + (phi(l) - phi(u)) / d;
    return e < 0 ? 0 : e > tau ? tau : e;
}

double ent_ideal_logp(double mu, double tau, int cat)
{
    if (cat == ENT_IDEAL_NO)
        return ent_ideal_logq(mu);
    if (cat == ENT_IDEAL_YES)
        return ent_ideal_logq(tau - mu);
    double l = -mu, u = tau - mu, d = interval(l, u);
    if (d > 1e-300)
        return log(d);
    /* both ends in one far tail: log Q(near) + log(1 - Q(far)/Q(near)) */
    if (l >= 0)
        return ent_ideal_logq(l) + log1p(-exp(ent_ideal_logq(u) - ent_ideal_logq(l)));
    return ent_ideal_logq(-u) + log1p(-exp(ent_ideal_logq(-l) - ent_ideal_logq(-u)));
}
