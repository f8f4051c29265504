/*
 * tnorm.c -- the normal-distribution pieces of the ordinal probit: tail
 * probabilities, log-probabilities of a vote, and the means of the normal
 * truncated to a vote's interval (the E-step of the latent utilities).
 * Written for the tails: a vote against a confident prediction lies many
 * standard deviations out, where 1 - Phi(x) computed naively is 0.
 *
 * The EM step's hot path, the inverse Mills ratio lambda(x) = phi(x) / Q(x)
 * of the yes and no votes, is read from a table made once per process:
 * on [-10, 37) one degree-5 polynomial per interval of width 1/8,
 * interpolating lambda at the interval's six Chebyshev nodes (error below
 * 1e-12, checked by tests/unit/test_ideal.c); below -10 lambda < 1e-22 is
 * taken as 0, from 37 on the asymptotic series x + 1/x - 2/x^3 + 10/x^5 -
 * 74/x^7 (error below 1e-11).  It replaces an erfc, an exp and a division
 * per vote.
 */
#include "ideal_int.h"

#include <math.h>
#include <pthread.h>

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

/* ---- the table of lambda */

double ideal_lt_coef[IDEAL_LT_N][IDEAL_LT_DEG + 1];
static pthread_once_t lt_once = PTHREAD_ONCE_INIT;

/* lambda the slow way: erfc, exp and a division (accurate to 37). */
static double lambda_ref(double x)
{
    return phi(x) / (0.5 * erfc(x * SQRT1_2));
}

static void lt_build(void)
{
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < IDEAL_LT_N; i++) {
        double lo = IDEAL_LT_LO + (double)i / IDEAL_LT_PER, half = 0.5 / IDEAL_LT_PER, mid = lo + half;
        double f[IDEAL_LT_DEG + 1], cheb[IDEAL_LT_DEG + 1], tk[IDEAL_LT_DEG + 1][IDEAL_LT_DEG + 1];
        for (int k = 0; k <= IDEAL_LT_DEG; k++)
            f[k] = lambda_ref(mid + half * cos(pi * (k + 0.5) / (IDEAL_LT_DEG + 1)));
        /* Chebyshev coefficients of the interpolant */
        for (int j = 0; j <= IDEAL_LT_DEG; j++) {
            double s = 0;
            for (int k = 0; k <= IDEAL_LT_DEG; k++)
                s += f[k] * cos(pi * j * (k + 0.5) / (IDEAL_LT_DEG + 1));
            cheb[j] = s * (j ? 2.0 : 1.0) / (IDEAL_LT_DEG + 1);
        }
        /* T_j as monomials: T_0 = 1, T_1 = s, T_j = 2 s T_j-1 - T_j-2 */
        for (int j = 0; j <= IDEAL_LT_DEG; j++)
            for (int p = 0; p <= IDEAL_LT_DEG; p++)
                tk[j][p] = 0;
        tk[0][0] = 1;
        tk[1][1] = 1;
        for (int j = 2; j <= IDEAL_LT_DEG; j++)
            for (int p = 0; p <= IDEAL_LT_DEG; p++)
                tk[j][p] = (p ? 2 * tk[j - 1][p - 1] : 0) - tk[j - 2][p];
        for (int p = 0; p <= IDEAL_LT_DEG; p++) {
            double c = 0;
            for (int j = 0; j <= IDEAL_LT_DEG; j++)
                c += cheb[j] * tk[j][p];
            ideal_lt_coef[i][p] = c;
        }
    }
}

void ent_ideal_lambda_init(void)
{
    pthread_once(&lt_once, lt_build);
}

double ent_ideal_lambda(double x)
{
    return ideal_lambda(x);
}
