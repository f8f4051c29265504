/*
 * test_ideal.c -- the dynamic ordinal ideal-point estimator (src/ideal/):
 * the pieces of the updates on hand-worked cases (tail probabilities,
 * truncated-normal means, the ridge regression of the items, the Kalman/RTS
 * smoother), input checks, and on simulated votes with known positions the
 * recovery of the positions and the coverage of the bootstrap intervals.
 */
#include "testutil.h"
#include "ideal/ideal.h"

#include <stdlib.h>
#include <string.h>

static void test_tails(void **state)
{
    (void)state;
    assert_near(ent_ideal_q(0), 0.5, 1e-15);
    assert_near(ent_ideal_q(1.959963984540054), 0.025, 1e-12);
    assert_near(ent_ideal_q(-1.959963984540054), 0.975, 1e-12);
    /* log Q(10) = -53.23128515051247 (R: pnorm(10, lower = FALSE, log = TRUE)) */
    assert_near(ent_ideal_logq(10), -53.23128515051247, 1e-9);
    /* the asymptotic branch joins the direct one: log Q(40) = -804.6084420137538 */
    assert_near(ent_ideal_logq(40), -804.6084420137538, 1e-6);
    assert_true(isfinite(ent_ideal_logq(60)));
}

/* The table of lambda(x) = phi(x) / Q(x) against the direct formula (and
 * published values), across its intervals, its ends and the asymptotic
 * branch. */
static void test_lambda_table(void **state)
{
    (void)state;
    ent_ideal_lambda_init();
    /* lambda(0) = sqrt(2/pi); lambda(1) = phi(1)/Q(1) = .2419707245191434 /
     * .1586552539314571 (R: dnorm(1) / pnorm(1, lower = FALSE)) */
    assert_near(ent_ideal_lambda(0), 0.7978845608028654, 1e-11);
    assert_near(ent_ideal_lambda(1), 1.525135276160981, 1e-11);
    assert_near(ent_ideal_lambda(-2), 0.05524786267898997, 1e-11);
    double worst = 0;
    for (double x = -12; x < 36; x += 0.0123) {
        double direct = 0.3989422804014327 * exp(-0.5 * x * x) / ent_ideal_q(x);
        double e = fabs(ent_ideal_lambda(x) - direct);
        if (e > worst)
            worst = e;
    }
    print_message("lambda table: max |error| %.2g on [-12, 36)\n", worst);
    assert_true(worst < 1e-10);
    /* the asymptotic branch: lambda(40) = 40.02492... (x + 1/x - 2/x^3 ...) */
    assert_near(ent_ideal_lambda(40), 40 + 1.0 / 40 - 2 / 64000.0 + 10 / 1.024e8 - 74 / 1.6384e11, 1e-11);
    /* continuity across the table's upper end and the tail below it */
    assert_near(ent_ideal_lambda(36.9999999), ent_ideal_lambda(37) - 1e-7, 3e-10); /* slope ~1 */
    assert_true(ent_ideal_lambda(-10.5) == 0);
    assert_true(ent_ideal_lambda(-9.99) > 0 && ent_ideal_lambda(-9.99) < 1e-20);
    assert_true(isnan(ent_ideal_lambda(NAN)));
    /* tmean agrees: yes is mu + lambda(tau - mu), no is mu - lambda(mu) */
    assert_near(ent_ideal_tmean(0.3, 0.8, ENT_IDEAL_YES), 0.3 + ent_ideal_lambda(0.5), 1e-10);
    assert_near(ent_ideal_tmean(-1.2, 0.8, ENT_IDEAL_NO), -1.2 - ent_ideal_lambda(-1.2), 1e-10);
}

static void test_truncated_means(void **state)
{
    (void)state;
    const double h0 = 0.7978845608028654; /* phi(0) / Phi(0) = sqrt(2/pi) */
    /* no: E[y* | y* < 0] for mu = 0 */
    assert_near(ent_ideal_tmean(0, 1, ENT_IDEAL_NO), -h0, 1e-12);
    /* yes with tau = 0 is the mirror image */
    assert_near(ent_ideal_tmean(0, 0, ENT_IDEAL_YES), h0, 1e-12);
    /* yes, mu = 1, tau = 1: the half-normal above 1 */
    assert_near(ent_ideal_tmean(1, 1, ENT_IDEAL_YES), 1 + h0, 1e-12);
    /* abstain on [0, 1) centred at mu = .5: the midpoint */
    assert_near(ent_ideal_tmean(0.5, 1, ENT_IDEAL_ABSTAIN), 0.5, 1e-12);
    /* abstain, mu = 0, tau = 1: phi(0) - phi(1) over Phi(1) - 1/2 */
    assert_near(ent_ideal_tmean(0, 1, ENT_IDEAL_ABSTAIN),
                (0.3989422804014327 - 0.2419707245191434) / 0.3413447460685429, 1e-12);
    /* far in the tails the means stay on the right side of the cutpoints */
    assert_true(ent_ideal_tmean(50, 1, ENT_IDEAL_NO) < 0);
    assert_true(ent_ideal_tmean(50, 1, ENT_IDEAL_NO) > -0.1);
    assert_true(ent_ideal_tmean(-50, 1, ENT_IDEAL_YES) > 1);
    double e = ent_ideal_tmean(-60, 0.5, ENT_IDEAL_ABSTAIN);
    assert_true(e >= 0 && e < 0.05);
    /* probabilities of the three votes sum to 1 */
    for (double mu = -3; mu <= 3; mu += 0.75) {
        double s = exp(ent_ideal_logp(mu, 0.7, 0)) + exp(ent_ideal_logp(mu, 0.7, 1)) +
                   exp(ent_ideal_logp(mu, 0.7, 2));
        assert_near(s, 1, 1e-12);
    }
    assert_true(isfinite(ent_ideal_logp(45, 0.2, ENT_IDEAL_ABSTAIN)));
}

/* The vote terms of the EM step against finite differences of the vote's
 * log-likelihood: g = dl/dtau, h = d2l/dtau2, c = d2l/dtau dmu (the
 * gradient the gap's Newton step carries to the new items), and E[y*]. */
static void test_vote_terms(void **state)
{
    (void)state;
    const double cases[][3] = {{0.3, 0.8, ENT_IDEAL_YES},     {2.5, 0.4, ENT_IDEAL_YES},
                               {-1.5, 1.2, ENT_IDEAL_YES},    {0.4, 0.9, ENT_IDEAL_ABSTAIN},
                               {-0.7, 0.5, ENT_IDEAL_ABSTAIN}, {1.8, 0.6, ENT_IDEAL_ABSTAIN},
                               {0.2, 0.7, ENT_IDEAL_NO}};
    const double e = 1e-4;
    ent_ideal_lambda_init();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double mu = cases[i][0], tau = cases[i][1], t[4];
        int y = (int)cases[i][2];
#define L(m, g) ent_ideal_logp((m), (g), y)
        double g = (L(mu, tau + e) - L(mu, tau - e)) / (2 * e);
        double h = (L(mu, tau + e) - 2 * L(mu, tau) + L(mu, tau - e)) / (e * e);
        double c = (L(mu + e, tau + e) - L(mu + e, tau - e) - L(mu - e, tau + e) +
                    L(mu - e, tau - e)) / (4 * e * e);
#undef L
        ent_ideal_vote_terms(mu, tau, y, t);
        assert_near(t[0], ent_ideal_tmean(mu, tau, y), 1e-10);
        assert_near(t[1], g, 1e-6);
        assert_near(t[2], h, 1e-5);
        assert_near(t[3], c, 1e-5);
    }
    /* by hand: yes at mu = tau, u = 0: g = -lambda(0) = -sqrt(2/pi),
     * c = -h = lambda(0)^2 = 2/pi */
    double t[4];
    ent_ideal_vote_terms(0.5, 0.5, ENT_IDEAL_YES, t);
    assert_near(t[1], -0.7978845608028654, 1e-11);
    assert_near(t[3], 0.6366197723675814, 1e-10);
    assert_near(t[2], -0.6366197723675814, 1e-10);
}

static void test_item_update(void **state)
{
    (void)state;
    double a, b;
    /* exact line z = 1 + x, no prior, no variance */
    const double z1[] = {1, 2, 3}, m1[] = {0, 1, 2}, v0[] = {0, 0, 0};
    ent_ideal_item_update(z1, m1, v0, 3, 1e300, &a, &b);
    assert_near(a, 1, 1e-12);
    assert_near(b, 1, 1e-12);
    /* by hand: z = (0,1), m = (0,1), v = .5 each: sums n 2, sx 1, sxx 2, sz 1,
     * szx 1; det 3; a = (2 - 1)/3, b = (2 - 1)/3 */
    const double z2[] = {0, 1}, m2[] = {0, 1}, v2[] = {0.5, 0.5};
    ent_ideal_item_update(z2, m2, v2, 2, 1e300, &a, &b);
    assert_near(a, 1.0 / 3, 1e-12);
    assert_near(b, 1.0 / 3, 1e-12);
    /* the prior (variance 1) adds 1 to n and to sxx: det 3*3 - 1 = 8,
     * a = (3*1 - 1*1)/8, b = (3*1 - 1*1)/8 */
    ent_ideal_item_update(z2, m2, v2, 2, 1, &a, &b);
    assert_near(a, 0.25, 1e-12);
    assert_near(b, 0.25, 1e-12);
}

static void test_smoother(void **state)
{
    (void)state;
    double m[3], v[3];
    /* one year: prior N(0,1), data N(2,1): N(1, 1/2) */
    const double P1[] = {1}, H1[] = {2};
    ent_ideal_smooth(P1, H1, 1, 0.1, 1, m, v);
    assert_near(m[0], 1, 1e-12);
    assert_near(v[0], 0.5, 1e-12);
    /* two years, data in the second only: x1 ~ N(0, 2) a priori, so
     * x1 | y ~ N(4/3, 2/3); cov(x0, y) = 1, var(y) = 3: x0 | y ~ N(2/3, 2/3) */
    const double P2[] = {0, 1}, H2[] = {0, 2};
    ent_ideal_smooth(P2, H2, 2, 1, 1, m, v);
    assert_near(m[1], 4.0 / 3, 1e-12);
    assert_near(v[1], 2.0 / 3, 1e-12);
    assert_near(m[0], 2.0 / 3, 1e-12);
    assert_near(v[0], 2.0 / 3, 1e-12);
    /* a year without votes between two with: the middle is the average */
    const double P3[] = {100, 0, 100}, H3[] = {100, 0, -100};
    ent_ideal_smooth(P3, H3, 3, 0.5, 1, m, v);
    assert_near(m[1], (m[0] + m[2]) / 2, 1e-12);
    assert_true(v[1] > v[0] && v[1] > v[2]);
}

static void test_inputs(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_ideal_data *d = ent_ideal_data_new(ctx);
    ent_ideal_result *r = NULL;
    assert_int_equal(ent_ideal_data_add(d, 1, 2000, 2, 0), ENT_EINVAL);  /* not a vote */
    assert_int_equal(ent_ideal_data_add(d, 1, 2000, 2, 8), ENT_EINVAL);  /* absent code */
    assert_int_equal(ent_ideal_data_add(d, 1, 2000, 0, 1), ENT_EINVAL);  /* bad code */
    assert_int_equal(ent_ideal_data_add(d, -1, 2000, 2, 1), ENT_EINVAL); /* bad rcid */
    assert_int_equal(ent_ideal_fit(ctx, d, NULL, &r), ENT_ENODATA);
    /* unanimous roll calls only: nothing to scale */
    for (int c = 2; c < 10; c++)
        assert_int_equal(ent_ideal_data_add(d, 7, 2000, c, 1), ENT_OK);
    assert_int_equal(ent_ideal_fit(ctx, d, NULL, &r), ENT_ENODATA);
    assert_null(r);
    ent_ideal_data_free(d);
    ent_ctx_free(ctx);
}

/* A tiny Assembly: the USA (2) and two friends vote no, three others yes,
 * over three years; the USA's side must be positive, its opponents'
 * negative, whatever the start. */
static void test_orientation(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_ideal_data *d = ent_ideal_data_new(ctx);
    ent_ideal_result *r = NULL;
    const int codes[] = {2, 20, 200, 365, 710, 750};
    int64_t rc = 0;
    for (int y = 2000; y < 2003; y++)
        for (int j = 0; j < 6; j++, rc++)
            for (int i = 0; i < 6; i++) {
                int v = i < 3 ? 3 : 1;
                if (j == i) /* some noise: each state once on the other side or abstains */
                    v = (j % 2) ? 2 : 4 - v;
                assert_int_equal(ent_ideal_data_add(d, rc, y, codes[i], v), ENT_OK);
            }
    assert_int_equal(ent_ideal_fit(ctx, d, NULL, &r), ENT_OK);
    assert_int_equal(r->ref_ccode, 2);
    assert_int_equal(r->nstates, 6);
    assert_int_equal((int)r->ncells, 18);
    for (int y = 2000; y < 2003; y++) {
        assert_true(ent_ideal_find(r, 2, y)->est > 0);
        assert_true(ent_ideal_find(r, 20, y)->est > 0);
        assert_true(ent_ideal_find(r, 365, y)->est < 0);
        assert_true(ent_ideal_find(r, 710, y)->est < 0);
        assert_int_equal(ent_ideal_find(r, 2, y)->nvotes, 6);
    }
    assert_null(ent_ideal_find(r, 2, 1999));
    assert_true(isnan(ent_ideal_find(r, 2, 2000)->se));
    ent_ideal_result_free(r);
    ent_ideal_data_free(d);
    ent_ctx_free(ctx);
}

static double cor(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxy / sqrt(sxx * syy);
}

/* Simulated Assembly: 40 states, 8 years, 30 roll calls a year, drawn from
 * the model itself.  The estimates must recover the true positions (the
 * correlation across all state-years, and within each year), and the
 * bootstrap's 95% intervals must cover most of them. */
static void test_simulated(void **state)
{
    (void)state;
    enum { NS = 40, NY = 8, RC = 30 };
    ent_ctx *ctx = ent_ctx_new();
    ent_ideal_data *d = NULL;
    ent_ideal_result *r = NULL, *r1 = NULL;
    ent_ideal_opts o;
    static double truth[NS * NY], est[NS * NY], tt[NS], ee[NS];
    int covered = 0;

    assert_int_equal(ent_ideal_simulate(ctx, NS, NY, 1990, RC, 0.1, 42, &d, truth), ENT_OK);
    ent_ideal_opts_default(&o);
    o.tol = 1e-5;
    assert_int_equal(ent_ideal_fit(ctx, d, &o, &r), ENT_OK);
    assert_true(r->converged);
    assert_int_equal((int)r->ncells, NS * NY);
    for (int i = 0; i < NS; i++)
        for (int t = 0; t < NY; t++)
            est[i * NY + t] = ent_ideal_find(r, 2 + i, 1990 + t)->est;
    double c = cor(est, truth, NS * NY);
    print_message("simulated: cor(estimate, truth) = %.4f over %d state-years\n", c, NS * NY);
    assert_true(c > 0.95);
    for (int t = 0; t < NY; t++) {
        for (int i = 0; i < NS; i++) {
            tt[i] = truth[i * NY + t];
            ee[i] = est[i * NY + t];
        }
        assert_true(cor(ee, tt, NS) > 0.9);
    }
    assert_int_equal(ent_ideal_bootstrap(r, 40, 7), ENT_OK);
    /* location and scale are set by the prior, not the data: the truth is
     * put on each year's scale of the estimates (least squares) first */
    int covered2 = 0, covered_se = 0, covered_psd = 0;
    for (int t = 0; t < NY; t++) {
        double mt = 0, me = 0, stt = 0, ste = 0;
        for (int i = 0; i < NS; i++) {
            mt += truth[i * NY + t] / NS;
            me += est[i * NY + t] / NS;
        }
        for (int i = 0; i < NS; i++) {
            stt += (truth[i * NY + t] - mt) * (truth[i * NY + t] - mt);
            ste += (truth[i * NY + t] - mt) * (est[i * NY + t] - me);
        }
        for (int i = 0; i < NS; i++) {
            const ent_ideal_cell *e = ent_ideal_find(r, 2 + i, 1990 + t);
            double x = me + ste / stt * (truth[i * NY + t] - mt);
            assert_true(e->se > 0 && e->lo <= e->hi);
            covered += x >= e->lo && x <= e->hi;
            covered2 += x >= 2 * e->est - e->hi && x <= 2 * e->est - e->lo;
            covered_se += fabs(x - e->est) <= 1.96 * e->se;
            covered_psd += fabs(x - e->est) <= 1.96 * e->psd;
        }
    }
    print_message("simulated: 95%% bootstrap intervals cover %d of %d true positions (basic "
                  "intervals: %d; estimate +- 1.96 se: %d; +- 1.96 variational sd: %d)\n",
                  covered, NS * NY, covered2, covered_se, covered_psd);
    /* 40 replicates: the percentile interval's ends are the interpolated
     * 2nd and 39th of 40 draws, whose expected coverage is ~90% even for a
     * perfect bootstrap (docs/measures.md, "Uncertainty"); the normal
     * interval with the bootstrap se is close to nominal; the variational
     * sd is too small */
    assert_true(covered >= (int)(0.80 * NS * NY));
    assert_true(covered_se >= (int)(0.90 * NS * NY));
    assert_true(covered_psd < covered_se);
    /* the bootstrap does not depend on the number of threads */
    double se2[NS * NY];
    assert_int_equal(ent_ideal_bootstrap(r, 6, 11), ENT_OK);
    for (size_t k = 0; k < r->ncells; k++)
        se2[k] = r->cells[k].se;
    r->threads = 1;
    assert_int_equal(ent_ideal_bootstrap(r, 6, 11), ENT_OK);
    for (size_t k = 0; k < r->ncells; k++)
        assert_true(r->cells[k].se == se2[k]);
    /* and a fit on one thread agrees with one on two to the tolerance */
    o.threads = 1;
    assert_int_equal(ent_ideal_fit(ctx, d, &o, &r1), ENT_OK);
    for (size_t k = 0; k < r->ncells; k++)
        assert_near(r->cells[k].est, r1->cells[k].est, 1e-3);
    ent_ideal_result_free(r);
    ent_ideal_result_free(r1);
    ent_ideal_data_free(d);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tails),        cmocka_unit_test(test_lambda_table),
        cmocka_unit_test(test_truncated_means), cmocka_unit_test(test_vote_terms),
        cmocka_unit_test(test_item_update),  cmocka_unit_test(test_smoother),
        cmocka_unit_test(test_inputs),       cmocka_unit_test(test_orientation),
        cmocka_unit_test(test_simulated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
