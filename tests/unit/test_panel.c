/*
 * test_panel.c -- the panel's codebook and the alliance-portfolio measures:
 * a hand-worked three-state example, and the sparse algorithm against the
 * plain formula (ent_agree_s, ent_agree_kappa) on random portfolios.
 */
#include "testutil.h"
#include "panel/panel.h"
#include "measures/agreement.h"

#include <stdlib.h>
#include <string.h>

static void test_codebook(void **s)
{
    (void)s;
    static const char *const required[] = {
        "trade_total", "trade_1to2", "trade_2to1", "trade_share_1", "trade_share_2",
        "exports_itpd_1to2", "exports_itpd_2to1", "atop_defense", "atop_offense",
        "atop_neutral", "atop_nonagg", "atop_consul", "atop_level", "cow_defense",
        "cow_neutral", "cow_nonagg", "cow_entente", "arms_tiv_1to2", "arms_tiv_2to1",
        "arms_share_1to2", "alliance_s", "alliance_kappa", "un_agree", "un_s", "un_pi",
        "un_kappa", "un_n", "ideal_point_distance", "unsc_joint_vetoes", "shared_igos",
        "contiguity", "min_distance", "cinc_1", "cinc_2", "cinc_ratio", "mid_onset",
        "mid_ongoing", "rivalry", "polyarchy_1", "polyarchy_2", "gdp_1", "gdp_2",
        "meet_episodes", "meet_days", "meet_calls", "meet_coverage", "ev_verbal_coop",
        "ev_material_coop", "ev_verbal_conf", "ev_material_conf", "ev_goldstein_mean"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (ent_panel_find(required[i]) < 0)
            fail_msg("indicator %s missing from the codebook", required[i]);
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        assert_true(ind->lo <= ind->hi);
        if (ind->pair) { /* directed pairs point at each other */
            int p = ent_panel_find(ind->pair);
            assert_true(p >= 0);
            assert_string_equal(ent_panel_indicators[p].pair, ind->name);
        }
    }
    assert_int_equal(ent_panel_find("nosuch"), -1);
}

static void test_portfolio_hand(void **s)
{
    (void)s;
    /* levels: 0-1 defense (3), 0-2 none, 1-2 non-aggression (1); CINC .5 .3 .2 */
    double lev[9] = {0, 3, 0, 0, 0, 1, 0, 0, 0}, w[3] = {.5, .3, .2};
    double so[9], ko[9];
    int deg[3], nz[9];
    double work[12];
    ent_panel_portfolio(3, lev, w, deg, nz, work, so, ko);
    assert_near(so[0 * 3 + 1], 1 - 0.4 / 3, 1e-12);  /* 0.8667 */
    assert_near(so[0 * 3 + 2], -0.8, 1e-12);
    assert_near(so[1 * 3 + 2], 1 - 5.0 / 3, 1e-12);   /* -0.6667 */
    assert_near(ko[0 * 3 + 1], 0.4, 1e-12);
    /* no weight at all: S is missing, never 0 */
    {
        double w0[3] = {NAN, 0, NAN};
        ent_panel_portfolio(3, lev, w0, deg, nz, work, so, ko);
        assert_nan(so[1]);
    }
}

static void test_portfolio_random(void **s)
{
    (void)s;
    enum { N = 40 };
    static double lev[N * N], w[N], so[N * N], ko[N * N];
    static int deg[N], nz[N * N];
    static double work[4 * N];
    unsigned x = 12345;
    for (int i = 0; i < N; i++) {
        w[i] = (double)(x = x * 1103515245u + 12345u) / 4294967296.0;
        if (i % 7 == 3)
            w[i] = NAN;
        for (int j = 0; j < N; j++) {
            x = x * 1103515245u + 12345u;
            lev[i * N + j] = (x >> 16) % 5 < 3 ? 0 : (double)((x >> 20) % 4);
        }
    }
    ent_panel_portfolio(N, lev, w, deg, nz, work, so, ko);
    for (int i = 0; i < N; i++) {
        for (int j = i + 1; j < N; j++) {
            double a[N], b[N], ww[N], tab[16] = {0};
            for (int k = 0; k < N; k++) {
                a[k] = k == i ? 3 : i < k ? lev[i * N + k] : lev[k * N + i];
                b[k] = k == j ? 3 : j < k ? lev[j * N + k] : lev[k * N + j];
                ww[k] = isnan(w[k]) ? 0 : w[k];
                tab[(int)a[k] * 4 + (int)b[k]] += 1;
            }
            assert_near(so[i * N + j], ent_agree_s(a, b, ww, N, 3.0), 1e-12);
            double kk = ent_agree_kappa(tab, 4, ENT_AGREE_NOMINAL);
            if (isnan(kk))
                assert_nan(ko[i * N + j]);
            else
                assert_near(ko[i * N + j], kk, 1e-12);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codebook),
        cmocka_unit_test(test_portfolio_hand),
        cmocka_unit_test(test_portfolio_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
