/*
 * test_index.c -- the consequentiality index on small hand-worked panels:
 * normalisations, the missing-data policy, ranks, config errors, and the
 * determinism of the robustness draws.
 */
#include "testutil.h"
#include "index/index.h"

#include <sqlite3.h>
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
    ent_ix_rank_values(v, 6, r);
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
    expect_conf_error("economic trade_total 1 reverse extra\n", "bad.conf:1: unexpected 'extra'");
    expect_conf_error("dimension economic 1 2\n", "bad.conf:1: unexpected '2'");
    expect_conf_error("economic max(a,b 1\n", "bad.conf:1: 'max(a,b' is not FUNCTION(a,b)");
    {
        char longl[700];
        memset(longl, 'x', sizeof longl - 1);
        longl[sizeof longl - 1] = '\0';
        expect_conf_error(longl, "bad.conf:1: line longer than 511");
    }
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
    /* a different seed draws differently (weights, methods and drops) */
    {
        ent_ix_robust r3;
        int differ = 0;
        for (unsigned long long seed = 8; seed < 40 && !differ; seed++) {
            ent_ix_draws(&cfg, &y, rows, 3, 1, 300, seed, &r3);
            for (int d = 0; d <= ENT_NDIM; d++)
                differ |= r3.defined[d] == r1.defined[d] && !isnan(r1.above_median[d]) &&
                          r3.above_median[d] != r1.above_median[d];
        }
        assert_true(differ);
    }
    {
        char buf[512];
        ent_ix_robust rb = {.draws = 10,
                            .above_median = {NAN, 0.5, 1, 0.25, 0.9},
                            .defined = {0, 10, 10, 8, 10}};
        ent_ix_robust_text(&rb, "A-B", 7, buf, sizeof buf);
        assert_string_equal(buf, "robustness (10 draws, seed 7): A-B ranks above the group median "
                                 "in 90% of draws on the composite; on personal n/a, economic 50%, "
                                 "military 100%, diplomatic 25% (of 8 draws)");
    }
    for (int m = 0; m < ENT_NORM_COUNT; m++)
        free(y.norm[m]);
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* the selection-based median agrees with sorting, with ties, odd and even n */
static void test_median(void **s)
{
    (void)s;
    ent_rng r = {5};
    double a[1] = {3}, b[4] = {4, 1, 3, 2}, c[5] = {2, 2, 2, 1, 2};
    assert_near(ent_ix_median(a, 1), 3, 0);
    assert_near(ent_ix_median(b, 4), 2.5, 0);
    assert_near(ent_ix_median(c, 5), 2, 0);
    for (int trial = 0; trial < 200; trial++) {
        double v[64], w[64], want;
        size_t n = 1 + (size_t)(ent_rng_uniform(&r) * 63);
        for (size_t i = 0; i < n; i++) /* few distinct values: many ties */
            v[i] = w[i] = (double)(int)(ent_rng_uniform(&r) * 6);
        qsort(w, n, sizeof *w, cmp_d);
        want = n % 2 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
        assert_near(ent_ix_median(v, n), want, 0);
    }
}

static ent_ix_score mk(double p, double e, double m, double d, double c, int complete)
{
    ent_ix_score x;
    memset(&x, 0, sizeof x);
    x.dim[0] = p;
    x.dim[1] = e;
    x.dim[2] = m;
    x.dim[3] = d;
    x.composite = c;
    x.complete = complete;
    return x;
}

/* The verdict's arithmetic on a hand-made group of five, the subject at 1:
 *   composite: subject 60; others 70, 60 (tie: not above), 40, NAN -> above 1 of 3
 *   personal: subject NAN -> missing
 *   economic: subject 50; others 10, 20, 30, 40 -> 4 of 4
 *   military: subject 0; others 0, 0, 0, 0 -> 0 of 4 (zero is a score, not missing)
 *   diplomatic: subject 80; others NAN, 90, NAN, 10 -> 1 of 2 */
static void test_verdict(void **s)
{
    (void)s;
    ent_ix_score g[5] = {
        mk(10, 10, 0, NAN, 70, 0),  mk(NAN, 50, 0, 80, 60, 0), mk(20, 20, 0, 90, 60, 1),
        mk(30, 30, 0, NAN, 40, 0),  mk(40, 40, 0, 10, NAN, 0),
    };
    ent_ix_verdict v;
    char buf[512];
    ent_ix_verdict_count(g, 5, 1, &v);
    assert_int_equal(v.above[4], 1);
    assert_int_equal(v.others[4], 3);
    assert_int_equal(v.missing[0], 1);
    assert_int_equal(v.others[0], 0);
    assert_int_equal(v.above[1], 4);
    assert_int_equal(v.others[1], 4);
    assert_int_equal(v.above[2], 0);
    assert_int_equal(v.others[2], 4);
    assert_int_equal(v.above[3], 1);
    assert_int_equal(v.others[3], 2);
    ent_ix_verdict_text(&v, "CHN-RUS", buf, sizeof buf);
    assert_string_equal(buf, "CHN-RUS ranks above 1 of 3 (33%) on the composite (flagged: the "
                             "subject lacks a dimension); on personal missing, economic 4 of 4, "
                             "military 0 of 4, diplomatic 1 of 2");
    /* a complete subject that beats everyone; the percentage rounds */
    g[1] = mk(50, 50, 0, 80, 99, 1);
    ent_ix_verdict_count(g, 4, 1, &v);
    ent_ix_verdict_text(&v, "A-B", buf, sizeof buf);
    assert_string_equal(buf, "A-B ranks above 3 of 3 (100%) on the composite; on personal 3 of 3, "
                             "economic 3 of 3, military 0 of 3, diplomatic 0 of 1");
    /* no other composite: no percentage; no own composite: said so */
    g[0].composite = g[2].composite = g[3].composite = NAN;
    ent_ix_verdict_count(g, 4, 1, &v);
    ent_ix_verdict_text(&v, "A-B", buf, sizeof buf);
    assert_non_null(strstr(buf, "above 0 of 0 (n/a"));
    g[1].composite = NAN;
    ent_ix_verdict_count(g, 4, 1, &v);
    ent_ix_verdict_text(&v, "A-B", buf, sizeof buf);
    assert_non_null(strstr(buf, "A-B has no composite"));
    /* a tiny buffer is never overrun */
    ent_ix_verdict_text(&v, "A-B", buf, 8);
    assert_int_equal(strlen(buf), 7);
}

static sqlite3 *fixture_db(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db,
                     "CREATE TABLE panel(ccode1 INT, ccode2 INT, year INT, meet_episodes INT,"
                     " trade_total REAL, a REAL, b REAL, atop_level INT, ideal_point_distance REAL);"
                     /* 2000: three dyads; 2001: (2,365) lacks personal; 2002: not complete */
                     "INSERT INTO panel VALUES"
                     " (2,200,2000,NULL,10,1,NULL,3,0.1), (2,365,2000,4,20,NULL,2,0,2.0),"
                     " (365,710,2000,NULL,30,NULL,NULL,1,0.5),"
                     " (2,365,2001,NULL,25,1,1,0,1.5), (2,365,2002,NULL,NULL,NULL,NULL,NULL,1);",
                     NULL, NULL, NULL),
        SQLITE_OK);
    return db;
}

/* loading a year from a wide table by column name, and the subject's latest
 * complete year */
static void test_load_year(void **s)
{
    (void)s;
    ent_ix_config cfg;
    ent_ix_year y;
    ent_ix_score sc;
    char miss[256];
    int year;
    sqlite3 *db = fixture_db();
    assert_int_equal(ent_ix_config_parse(ctx, "small.conf", small_conf, &cfg), ENT_OK);
    assert_int_equal(ent_ix_config_check(ctx, "small.conf", &cfg, db), ENT_OK);
    assert_int_equal(ent_ix_load_year(ctx, db, &cfg, 2000, &y), ENT_OK);
    assert_int_equal(y.n, 3);
    assert_int_equal(ent_ix_find(&y, 365, 2), 1);
    assert_int_equal(ent_ix_find(&y, 2, 710), -1);
    /* max(a,b) takes the present side when the other is missing */
    assert_near(y.raw[0 * 5 + 2], 1, 0);
    assert_near(y.raw[1 * 5 + 2], 2, 0);
    assert_nan(y.raw[2 * 5 + 2]);
    /* (2,365): personal is its own (only present value -> 50), economic:
     * trade 20 -> 50, max 2 -> 75, (50 + 3*75)/4 = 68.75 */
    ent_ix_score_row(&cfg, &y, 1, ENT_NORM_PCT, NULL, NULL, NULL, &sc);
    assert_near(sc.dim[0], 50, 1e-12);
    assert_near(sc.dim[1], 68.75, 1e-12);
    assert_true(sc.complete);
    assert_int_equal(ent_ix_missing_text(&cfg, &y, 1, miss, sizeof miss), 0);
    assert_string_equal(miss, "none");
    assert_int_equal(ent_ix_missing_text(&cfg, &y, 2, miss, sizeof miss), 2);
    assert_string_equal(miss, "meet_episodes, max(a,b)");
    ent_ix_year_free(ctx, &y);
    /* 2002 lacks economic and military for (2,365), 2001 personal: 2000 */
    assert_int_equal(ent_ix_latest_complete(ctx, db, &cfg, 365, 2, &year), ENT_OK);
    assert_int_equal(year, 2000);
    assert_int_equal(ent_ix_latest_complete(ctx, db, &cfg, 2, 200, &year), ENT_ENODATA);
    assert_int_equal(ent_ix_load_year(ctx, db, &cfg, 1999, &y), ENT_ENODATA);
    /* an unknown column is named with its config line */
    {
        ent_ix_config bad;
        assert_int_equal(ent_ix_config_parse(ctx, "u.conf", "personal meet_episodes 1\n"
                                             "economic max(a,c) 1\nmilitary atop_level 1\n"
                                             "diplomatic ideal_point_distance 1\n", &bad),
                         ENT_OK);
        assert_int_equal(ent_ix_config_check(ctx, "u.conf", &bad, db), ENT_EPARSE);
        assert_non_null(strstr(ent_errmsg(ctx), "u.conf:2: unknown indicator 'c'"));
    }
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percentile),     cmocka_unit_test(test_minmax_zlog),
        cmocka_unit_test(test_missing_policy), cmocka_unit_test(test_rank),
        cmocka_unit_test(test_config_errors),  cmocka_unit_test(test_rng),
        cmocka_unit_test(test_draws_deterministic), cmocka_unit_test(test_median),
        cmocka_unit_test(test_verdict),        cmocka_unit_test(test_load_year),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
