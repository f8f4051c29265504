/*
 * test_index.c -- the consequentiality index on small hand-worked panels:
 * normalisations, the missing-data policy, ranks, config errors, and the
 * determinism of the robustness draws.
 */
#include "testutil.h"
#include "index/index.h"

#include <stdlib.h>
#include <string.h>

static ent_ctx *ctx;

static int setup(void **s)
{
    (void)s;
    ctx = ent_ctx_new();
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    ent_ctx_free(ctx);
    return 0;
}

static void test_percentile(void **s)
{
    (void)s;
    double x[5] = {1, 2, 2, 4, NAN}, o[5];
    /* mid-rank: 100 * (below + equal / 2) / present, present = 4 */
    ent_ix_normalize(x, 5, ENT_NORM_PCT, 0, o);
    assert_near(o[0], 12.5, 1e-12);
    assert_near(o[1], 50.0, 1e-12);
    assert_near(o[2], 50.0, 1e-12);
    assert_near(o[3], 87.5, 1e-12);
    assert_nan(o[4]); /* missing stays missing */
    ent_ix_normalize(x, 5, ENT_NORM_PCT, 1, o);
    assert_near(o[0], 87.5, 1e-12);
    assert_near(o[3], 12.5, 1e-12);
}

static void test_minmax_zlog(void **s)
{
    (void)s;
    double x[5] = {1, 2, 2, 4, NAN}, o[5];
    ent_ix_normalize(x, 5, ENT_NORM_MINMAX, 0, o);
    assert_near(o[0], 0.0, 1e-12);
    assert_near(o[1], 100.0 / 3, 1e-12);
    assert_near(o[3], 100.0, 1e-12);
    assert_nan(o[4]);
    /* zlog by hand: y = log1p(x) = .693147, 1.098612, 1.098612, 1.609438;
     * mean 1.124952, population sd .325024; z(1) = -1.328545; Phi = .092002 */
    ent_ix_normalize(x, 5, ENT_NORM_ZLOG, 0, o);
    assert_near(o[0], 9.2002, 1e-3);
    assert_near(o[1] , 100 * 0.5 * erfc(-((log(3) - 1.124952) / 0.325024) / sqrt(2)), 1e-3);
    assert_nan(o[4]);
    /* all equal: 50, whatever the method */
    {
        double e[3] = {7, 7, NAN};
        for (int m = 0; m < ENT_NORM_COUNT; m++) {
            ent_ix_normalize(e, 3, (ent_norm)m, 0, o);
            assert_near(o[0], 50, 0);
            assert_nan(o[2]);
        }
    }
}

static const char small_conf[] =
    "dimension personal 1\n"
    "dimension economic 1\n"
    "dimension military 2\n"
    "dimension diplomatic 0\n"
    "personal   meet_episodes 1\n"
    "economic   trade_total   1\n"
    "economic   max(a,b)      3\n"
    "military   atop_level    1\n"
    "diplomatic ideal_point_distance 1 reverse\n";

/* A year of three dyads and five terms, normalised by hand. */
static void make_year(ent_ix_year *y, const ent_ix_config *cfg)
{
    static int c1[3] = {2, 2, 365}, c2[3] = {200, 365, 710};
    /* raw: meet, trade, max(a,b), atop, ideal */
    static double raw[15] = {NAN, 10, 1, 3, 0.1,
                             NAN, 20, 2, 0, 2.0,
                             NAN, 30, NAN, 1, 0.5};
    memset(y, 0, sizeof *y);
    y->year = 2000;
    y->n = 3;
    y->nterms = cfg->nterms;
    y->c1 = c1;
    y->c2 = c2;
    y->raw = raw;
    for (int m = 0; m < ENT_NORM_COUNT; m++) {
        y->norm[m] = calloc(15, sizeof(double));
        for (int t = 0; t < 5; t++) {
            double in[3], out[3];
            for (int r = 0; r < 3; r++)
                in[r] = raw[r * 5 + t];
            ent_ix_normalize(in, 3, (ent_norm)m, cfg->terms[t].reverse, out);
            for (int r = 0; r < 3; r++)
                y->norm[m][r * 5 + t] = out[r];
        }
    }
}

static void test_missing_policy(void **s)
{
    (void)s;
    ent_ix_config cfg;
    ent_ix_year y;
    ent_ix_score sc;
    assert_int_equal(ent_ix_config_parse(ctx, "small.conf", small_conf, &cfg), ENT_OK);
    assert_int_equal(cfg.nterms, 5);
    assert_int_equal(cfg.terms[2].op, 'M');
    assert_string_equal(cfg.terms[2].col[1], "b");
    assert_true(cfg.terms[4].reverse);
    make_year(&y, &cfg);
    /* row 0 (USA-UKG), percentile among 3 dyads:
     *  trade 10 -> 16.667; max(a,b) 1 -> 25 (of two present); atop 3 -> 83.333
     *  economic = (1*16.667 + 3*25) / 4 = 22.9167; personal: none present -> missing
     *  composite over present dimensions, weights economic 1, military 2:
     *  (22.9167 + 2*83.333) / 3 = 63.194; flagged incomplete */
    ent_ix_score_row(&cfg, &y, 0, ENT_NORM_PCT, NULL, NULL, NULL, &sc);
    assert_nan(sc.dim[0]);
    assert_int_equal(sc.present[0], 0);
    assert_int_equal(sc.total[0], 1);
    assert_near(sc.dim[1], (100.0 / 6 + 3 * 25.0) / 4, 1e-9);
    assert_int_equal(sc.present[1], 2);
    assert_near(sc.dim[2], 100.0 * 2.5 / 3, 1e-9);
    assert_near(sc.composite, ((100.0 / 6 + 75.0) / 4 + 2 * 100.0 * 2.5 / 3) / 3, 1e-9);
    assert_false(sc.complete);
    /* row 2: max(a,b) missing -> economic uses trade alone (weights renormalised) */
    ent_ix_score_row(&cfg, &y, 2, ENT_NORM_PCT, NULL, NULL, NULL, &sc);
    assert_int_equal(sc.present[1], 1);
    assert_near(sc.dim[1], 100.0 * 2.5 / 3, 1e-9);
    /* dropping every economic term makes the dimension missing, never 0 */
    {
        unsigned char drop[5] = {0, 1, 1, 0, 0};
        ent_ix_score_row(&cfg, &y, 2, ENT_NORM_PCT, NULL, NULL, drop, &sc);
        assert_nan(sc.dim[1]);
        assert_int_equal(sc.total[1], 0);
    }
    /* the reversed distance: the smallest distance scores highest */
    ent_ix_score_row(&cfg, &y, 0, ENT_NORM_PCT, NULL, NULL, NULL, &sc);
    assert_near(sc.dim[3], 100.0 - 100.0 / 6, 1e-9);
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        free(y.norm[m]);
}

static void test_rank(void **s)
{
    (void)s;
    double v[6] = {5, NAN, 9, 5, 1, 9};
    int r[6];
    ent_ix_rank(v, 6, r);
    assert_int_equal(r[2], 1);
    assert_int_equal(r[5], 1);
    assert_int_equal(r[0], 3);
    assert_int_equal(r[3], 3);
    assert_int_equal(r[4], 5);
    assert_int_equal(r[1], 0); /* missing: no rank */
}

static void expect_conf_error(const char *text, const char *want)
{
    ent_ix_config cfg;
    assert_int_equal(ent_ix_config_parse(ctx, "bad.conf", text, &cfg), ENT_EPARSE);
    if (!strstr(ent_errmsg(ctx), want))
        fail_msg("message '%s' lacks '%s'", ent_errmsg(ctx), want);
}

static void test_config_errors(void **s)
{
    (void)s;
    ent_ix_config cfg;
    assert_int_equal(ent_ix_config_parse(ctx, "index-default.conf", ent_ix_default_conf, &cfg),
                     ENT_OK);
    assert_true(cfg.nterms >= 12);
    expect_conf_error("economic trade_total -1\n", "bad.conf:1: negative weight -1");
    expect_conf_error("# c\n\ndimension economic -2\n", "bad.conf:3: negative weight");
    expect_conf_error("personal meet_episodes 1\neconomic trade_total 0\nmilitary atop_level 1\n"
                      "diplomatic un_kappa 1\n", "weights of dimension economic sum to 0");
    expect_conf_error("dimension personal 0\ndimension economic 0\ndimension military 0\n"
                      "dimension diplomatic 0\n", "dimension weights sum to 0");
    expect_conf_error("economics trade_total 1\n", "bad.conf:1: 'economics' is not a dimension");
    expect_conf_error("economic median(a,b) 1\n", "bad.conf:1: unknown function");
    expect_conf_error("economic trade_total x\n", "bad.conf:1: weight 'x' is not a number");
    expect_conf_error("economic trade_total 1 backwards\n", "unknown option 'backwards'");
}

static void test_rng(void **s)
{
    (void)s;
    ent_rng a = {42}, b = {42};
    double sum = 0, alpha[3] = {2, 5, 13}, d[3];
    for (int i = 0; i < 100; i++)
        assert_true(ent_rng_uniform(&a) == ent_rng_uniform(&b));
    for (int i = 0; i < 20000; i++)
        sum += ent_rng_gamma(&a, 3.0);
    assert_near(sum / 20000, 3.0, 0.05); /* E[Gamma(k)] = k */
    ent_rng_dirichlet(&a, alpha, 3, d);
    assert_near(d[0] + d[1] + d[2], 1.0, 1e-12);
}

static void test_draws_deterministic(void **s)
{
    (void)s;
    ent_ix_config cfg;
    ent_ix_year y;
    ent_ix_robust r1, r2;
    long rows[3] = {0, 1, 2};
    assert_int_equal(ent_ix_config_parse(ctx, "small.conf", small_conf, &cfg), ENT_OK);
    make_year(&y, &cfg);
    ent_ix_draws(&cfg, &y, rows, 3, 1, 300, 7, &r1);
    ent_ix_draws(&cfg, &y, rows, 3, 1, 300, 7, &r2);
    assert_int_equal(r1.draws, 300);
    for (int d = 0; d <= ENT_NDIM; d++) {
        if (isnan(r1.above_median[d]))
            assert_nan(r2.above_median[d]);
        else
            assert_true(r1.above_median[d] == r2.above_median[d]);
        assert_int_equal(r1.defined[d], r2.defined[d]);
    }
    assert_int_equal(r1.defined[0], 0); /* personal is never present */
    assert_true(r1.defined[4] > 0);
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        free(y.norm[m]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentile),     cmocka_unit_test(test_minmax_zlog),
        cmocka_unit_test(test_missing_policy), cmocka_unit_test(test_rank),
        cmocka_unit_test(test_config_errors),  cmocka_unit_test(test_rng),
        cmocka_unit_test(test_draws_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
