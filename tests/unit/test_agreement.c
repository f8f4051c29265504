/*
 * test_agreement.c -- the agreement measures against published and
 * hand-worked values (Signorino & Ritter 1999; Hage 2011), and the bit-packed
 * all-pairs kernel against the naive formulas on random vote matrices.
 * Tolerances: published values are given to two decimals (tol .005) or four
 * (tol .00005); the kernel must match the naive path to 1e-12.
 */
#include "testutil.h"
#include "measures/agreement.h"
#include "measures/votepanel.h"

#include <stdlib.h>
#include <string.h>

static void test_s_published(void **state)
{
    (void)state;
    const double x1[] = {3, 3, 2, 2}, y1[] = {2, 2, 3, 3}, w1[] = {.5, .3, .1, .1};
    assert_near(ent_agree_s(x1, y1, w1, 4, 3), .33, .005);
    assert_near(ent_agree_s(x1, y1, w1, 4, 3), 1.0 / 3, 1e-12);
    const double x2[] = {3, 3, 1, 2}, y2[] = {3, 3, 1, 3};
    assert_near(ent_agree_s(x2, y2, NULL, 4, 2), .75, 1e-12);
    const double x3[] = {0, 1, 2, 3}, y3[] = {3, 2, 1, 0};
    assert_near(ent_agree_s(x3, y3, NULL, 4, 3), -.33, .005);
    assert_near(ent_agree_s(x3, x3, NULL, 4, 3), 1, 1e-12);
    assert_near(ent_agree_s(x1, x1, w1, 4, 3), 1, 1e-12);
    assert_near(ent_agree_s_squared(x3, x3, NULL, 4, 3), 1, 1e-12);
    /* squared: (9+1+1+9)/4 = 5; 1 - 2*5/9 */
    assert_near(ent_agree_s_squared(x3, y3, NULL, 4, 3), 1 - 10.0 / 9, 1e-12);
    /* maximal disagreement is -1 */
    const double lo[] = {0, 0}, hi[] = {3, 3};
    assert_near(ent_agree_s(lo, hi, NULL, 2, 3), -1, 1e-12);
}

static void test_s_missing(void **state)
{
    (void)state;
    const double x[] = {1, 2}, w0[] = {0, 0};
    assert_nan(ent_agree_s(x, x, NULL, 0, 2));
    assert_nan(ent_agree_s(x, x, w0, 2, 2));
    assert_nan(ent_agree_s(x, x, NULL, 2, 0));
    assert_nan(ent_agree_s_squared(x, x, NULL, 0, 2));
}

static void test_hage_tables(void **state)
{
    (void)state;
    static const struct {
        double t[4], s, pi, kappa, tol;
    } cases[] = {
        {{.3, .2, .2, .3}, .2, .2, .2, 1e-9},
        {{.6, .2, .2, 0}, .2, -.25, -.25, 1e-9},
        {{.3, .4, 0, .3}, .2, .2, .3103, .00005},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_near(ent_agree_s_table(cases[i].t, 2), cases[i].s, 1e-9);
        for (int w = 0; w < 3; w++) { /* with two categories every weighting agrees */
            assert_near(ent_agree_pi(cases[i].t, 2, (ent_agree_wt)w), cases[i].pi, cases[i].tol);
            assert_near(ent_agree_kappa(cases[i].t, 2, (ent_agree_wt)w), cases[i].kappa,
                        cases[i].tol);
        }
    }
    /* counts give the same as proportions */
    const double counts[] = {3, 4, 0, 3};
    assert_near(ent_agree_kappa(counts, 2, ENT_AGREE_NOMINAL), .3103, .00005);
}

static void test_weighted_3x3(void **state)
{
    (void)state;
    /* Hand-worked (Cohen 1968 agreement-weight form, computed independently):
     * nominal: Po = .7, Pe = 312/900 -> kappa = .540816 */
    const double t[] = {10, 3, 1, 2, 5, 2, 0, 1, 6};
    assert_near(ent_agree_kappa(t, 3, ENT_AGREE_NOMINAL), .540816, 1e-6);
    assert_near(ent_agree_pi(t, 3, ENT_AGREE_NOMINAL), .539249, 1e-6);
    assert_near(ent_agree_kappa(t, 3, ENT_AGREE_LINEAR), .624060, 1e-6);
    assert_near(ent_agree_pi(t, 3, ENT_AGREE_LINEAR), .622166, 1e-6);
    assert_near(ent_agree_kappa(t, 3, ENT_AGREE_QUADRATIC), .704433, 1e-6);
    assert_near(ent_agree_pi(t, 3, ENT_AGREE_QUADRATIC), .702479, 1e-6);
}

static void test_table_missing(void **state)
{
    (void)state;
    const double zero[] = {0, 0, 0, 0}, neg[] = {1, -1, 0, 1}, one[] = {5, 0, 0, 0};
    assert_nan(ent_agree_kappa(zero, 2, ENT_AGREE_NOMINAL));
    assert_nan(ent_agree_pi(neg, 2, ENT_AGREE_NOMINAL));
    assert_nan(ent_agree_s_table(zero, 2));
    /* all items in one category: no expected disagreement, kappa undefined */
    assert_nan(ent_agree_kappa(one, 2, ENT_AGREE_QUADRATIC));
    assert_near(ent_agree_s_table(one, 2), 1, 1e-12);
}

static double taub4(const double *x, const double *y, size_t n)
{
    double work[4 * 16];
    double a = ent_agree_taub(x, y, n, work), b = ent_agree_taub_naive(x, y, n);
    if (!(isnan(a) && isnan(b)) && !(fabs(a - b) < 1e-12))
        fail_msg("Knight %.15g != naive %.15g", a, b);
    return a;
}
#define ent_agree_taub(x, y, n) taub4(x, y, n)

static void test_taub(void **state)
{
    (void)state;
    const double a[] = {1, 2, 3, 4}, r[] = {4, 3, 2, 1};
    assert_near(ent_agree_taub(a, a, 4), 1, 1e-12);
    assert_near(ent_agree_taub(a, r, 4), -1, 1e-12);
    /* hand-worked with ties: C = 4, D = 0, P = 6, Tx = Ty = 1 -> 4 / 5 */
    const double x[] = {1, 1, 2, 3}, y[] = {1, 2, 2, 3};
    assert_near(ent_agree_taub(x, y, 4), .8, 1e-12);
    /* C = 3, D = 3 -> 0 */
    const double p[] = {1, 2, 3, 4}, q[] = {2, 4, 1, 3};
    assert_near(ent_agree_taub(p, q, 4), 0, 1e-12);
    const double c[] = {2, 2, 2};
    assert_nan(ent_agree_taub(c, a, 3));
    assert_nan(ent_agree_taub(a, a, 1));
    /* published: scipy.stats.kendalltau's documented example */
    const double sx[] = {12, 2, 1, 12, 2}, sy[] = {1, 4, 7, 1, 0};
    assert_near(ent_agree_taub(sx, sy, 5), -0.47140452079103173, 1e-12);
}
#undef ent_agree_taub

/* Knight's O(n log n) tau-b equals the O(n^2) definition on random data with
 * many ties (ratings on 0..3) and with few (continuous), sizes 2..600. */
static void test_taub_knight_random(void **state)
{
    (void)state;
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    static double x[600], y[600], work[4 * 600];
    for (int round = 0; round < 200; round++) {
        size_t n = 2 + (size_t)(round * 3 % 599);
        int levels = round % 3 == 0 ? 0 : 1 + round % 7; /* 0: continuous */
        for (size_t i = 0; i < n; i++) {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            x[i] = levels ? (double)(s % (uint64_t)levels) : (double)(s >> 11) / 9007199254740992.0;
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            y[i] = levels ? (double)(s % (uint64_t)levels) : (double)(s >> 11) / 9007199254740992.0;
            if (round % 5 == 0 && i % 2) /* correlated */
                y[i] = x[i];
        }
        double a = ent_agree_taub(x, y, n, work), b = ent_agree_taub_naive(x, y, n);
        if (isnan(b))
            assert_nan(a);
        else
            assert_near(a, b, 1e-12);
    }
}

static void test_weights_names(void **state)
{
    (void)state;
    assert_int_equal(ent_agree_wt_parse("nominal"), ENT_AGREE_NOMINAL);
    assert_int_equal(ent_agree_wt_parse("linear"), ENT_AGREE_LINEAR);
    assert_int_equal(ent_agree_wt_parse("quadratic"), ENT_AGREE_QUADRATIC);
    assert_int_equal(ent_agree_wt_parse("cubic"), -1);
    assert_int_equal(ent_agree_wt_parse(NULL), -1);
    assert_string_equal(ent_agree_wt_name(ENT_AGREE_LINEAR), "linear");
}

static void test_kernel_empty(void **state)
{
    (void)state;
    /* state 0 never votes: every measure with it is missing, n = 0 */
    const uint8_t v[] = {0, 0, 0, 1, 2, 3};
    uint64_t bits[6];
    ent_agree_row rows[1];
    ent_votes_pack(v, 2, 3, bits);
    ent_agree_allpairs(bits, 2, 1, ENT_AGREE_QUADRATIC, rows);
    assert_int_equal(rows[0].n, 0);
    assert_nan(rows[0].agree);
    assert_nan(rows[0].s);
    assert_nan(rows[0].pi);
    assert_nan(rows[0].kappa);
}

static void test_kernel_hand(void **state)
{
    (void)state;
    /* a: yes yes no abstain -, b: yes no no - yes: shared rc 0..2, 2 agree,
     * one yes/no (distance 2 of dmax 2): S = 1 - 2 * (2/2) / 3 = 1/3 */
    const uint8_t v[] = {1, 1, 3, 2, 0, 1, 3, 3, 0, 1};
    uint64_t bits[6];
    ent_agree_row r;
    ent_votes_pack(v, 2, 5, bits);
    ent_agree_allpairs(bits, 2, 1, ENT_AGREE_NOMINAL, &r);
    assert_int_equal(r.n, 3);
    assert_near(r.agree, 2.0 / 3, 1e-12);
    assert_near(r.s, 1.0 / 3, 1e-12);
}

/* The naive path: vectors of shared votes, ent_agree_s, and a double table. */
static void naive(const uint8_t *a, const uint8_t *b, size_t nrc, ent_agree_wt wt,
                  ent_agree_row *out)
{
    double *x = malloc(nrc * sizeof *x), *y = malloc(nrc * sizeof *y), tab[9] = {0};
    size_t n = 0, same = 0;
    for (size_t r = 0; r < nrc; r++) {
        if (!a[r] || !b[r])
            continue;
        x[n] = a[r];
        y[n] = b[r];
        same += a[r] == b[r];
        tab[(a[r] - 1) * 3 + (b[r] - 1)] += 1;
        n++;
    }
    out->n = (int64_t)n;
    out->agree = n ? (double)same / (double)n : NAN;
    out->s = ent_agree_s(x, y, NULL, n, 2);
    out->pi = n ? ent_agree_pi(tab, 3, wt) : NAN;
    out->kappa = n ? ent_agree_kappa(tab, 3, wt) : NAN;
    free(x);
    free(y);
}

static void same_or_both_nan(double a, double b)
{
    if (isnan(a) || isnan(b)) {
        assert_true(isnan(a) && isnan(b));
        return;
    }
    assert_near(a, b, 1e-12);
}

static void test_kernel_random(void **state)
{
    (void)state;
    srand(12345);
    static const size_t sizes[][2] = {{2, 1}, {7, 63}, {12, 64}, {30, 65}, {25, 200}, {5, 0}};
    for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
        size_t ns = sizes[t][0], nrc = sizes[t][1], nw = ent_votes_words(nrc);
        uint8_t *v = malloc(ns * nrc + 1);
        uint64_t *bits = malloc(3 * ns * (nw ? nw : 1) * sizeof *bits);
        ent_agree_row *rows = malloc(ns * (ns - 1) / 2 * sizeof *rows);
        for (size_t i = 0; i < ns * nrc; i++) {
            int u = rand() % 10; /* skewed: mostly yes, some missing */
            v[i] = (uint8_t)(u < 5 ? 1 : u < 6 ? 2 : u < 8 ? 3 : 0);
        }
        for (size_t r = 0; r < nrc; r++) /* one state that only ever votes yes */
            v[r] = nrc > 1 ? 1 : v[r];
        for (int wt = 0; wt < 3; wt++) {
            ent_votes_pack(v, ns, nrc, bits);
            ent_agree_allpairs(bits, ns, nw, (ent_agree_wt)wt, rows);
            for (size_t i = 0; i < ns; i++)
                for (size_t j = i + 1; j < ns; j++) {
                    ent_agree_row want, got = rows[ent_agree_pair_index(i, j, ns)];
                    naive(v + i * nrc, v + j * nrc, nrc, (ent_agree_wt)wt, &want);
                    assert_int_equal(got.n, want.n);
                    same_or_both_nan(got.agree, want.agree);
                    same_or_both_nan(got.s, want.s);
                    same_or_both_nan(got.pi, want.pi);
                    same_or_both_nan(got.kappa, want.kappa);
                }
        }
        free(v);
        free(bits);
        free(rows);
    }
}

static void test_pair_index(void **state)
{
    (void)state;
    size_t p = 0;
    for (size_t i = 0; i < 9; i++)
        for (size_t j = i + 1; j < 9; j++)
            assert_int_equal(ent_agree_pair_index(i, j, 9), p++);
}

/* The panel: members 2, 20, 200 in 2000; 2 and 200 only in 2001. */
static int members(void *ud, int year, int *codes, int max)
{
    (void)ud;
    (void)max;
    codes[0] = 2;
    if (year == 2000) {
        codes[1] = 20;
        codes[2] = 200;
        return 3;
    }
    codes[1] = 200;
    return 2;
}

typedef struct got_rows {
    int a[8], b[8], year[8];
    ent_agree_row r[8];
    int n;
} got_rows;

static ent_status collect(void *ud, int a, int b, int year, const ent_agree_row *row)
{
    got_rows *g = ud;
    if (g->n == 8)
        return ENT_EINVAL;
    g->a[g->n] = a;
    g->b[g->n] = b;
    g->year[g->n] = year;
    g->r[g->n++] = *row;
    return ENT_OK;
}

static void test_panel(void **state)
{
    (void)state;
    ent_ctx *ctx = ent_ctx_new();
    ent_vpanel *p = ent_vpanel_new(ctx);
    got_rows g = {0};
    assert_non_null(p);
    assert_int_equal(ent_vpanel_add_rc(p, 10, 2000), ENT_OK);
    assert_int_equal(ent_vpanel_add_rc(p, 11, 2000), ENT_OK);
    assert_int_equal(ent_vpanel_add_rc(p, 5000, 2001), ENT_OK);
    assert_int_equal(ent_vpanel_add_vote(p, 99, 2, ENT_VOTE_YES), ENT_EINVAL); /* no such rc */
    assert_int_equal(ent_vpanel_add_vote(p, 10, 2, 4), ENT_EINVAL);
    /* 2000: 2 and 200 agree on 10, disagree (yes/no) on 11; 20 votes only on 10 */
    ent_vpanel_add_vote(p, 10, 200, ENT_VOTE_YES);
    ent_vpanel_add_vote(p, 10, 2, ENT_VOTE_YES);
    ent_vpanel_add_vote(p, 11, 2, ENT_VOTE_YES);
    ent_vpanel_add_vote(p, 11, 200, ENT_VOTE_NO);
    ent_vpanel_add_vote(p, 10, 20, ENT_VOTE_ABSTAIN);
    /* 2001: 20 is no member, its vote is not used */
    ent_vpanel_add_vote(p, 5000, 20, ENT_VOTE_YES);
    ent_vpanel_add_vote(p, 5000, 2, ENT_VOTE_YES);
    assert_int_equal(ent_vpanel_run(p, 2000, 2001, ENT_AGREE_QUADRATIC, members, NULL, collect,
                                    &g),
                     ENT_OK);
    /* (a, b, year) ascending: 2-20 2000, 2-200 2000, 2-200 2001, 20-200 2000 */
    assert_int_equal(g.n, 4);
    assert_int_equal(g.a[0], 2);
    assert_int_equal(g.b[0], 20);
    assert_int_equal(g.r[0].n, 1);
    assert_near(g.r[0].s, 0, 1e-12); /* yes vs abstain: distance 1 of 2 */
    assert_int_equal(g.b[1], 200);
    assert_int_equal(g.year[1], 2000);
    assert_int_equal(g.r[1].n, 2);
    assert_near(g.r[1].agree, .5, 1e-12);
    assert_near(g.r[1].s, 0, 1e-12);
    assert_int_equal(g.year[2], 2001);
    assert_int_equal(g.r[2].n, 0); /* 200 did not vote in 2001 */
    assert_nan(g.r[2].s);
    assert_int_equal(g.a[3], 20);
    assert_int_equal(g.b[3], 200);
    assert_int_equal(g.r[3].n, 1);
    ent_vpanel_free(p);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_s_published),   cmocka_unit_test(test_s_missing),
        cmocka_unit_test(test_hage_tables),   cmocka_unit_test(test_weighted_3x3),
        cmocka_unit_test(test_table_missing), cmocka_unit_test(test_taub),
        cmocka_unit_test(test_taub_knight_random),
        cmocka_unit_test(test_weights_names), cmocka_unit_test(test_kernel_empty),
        cmocka_unit_test(test_kernel_hand),   cmocka_unit_test(test_kernel_random),
        cmocka_unit_test(test_pair_index),   cmocka_unit_test(test_panel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
