/*
 * test_panel.c -- the panel's codebook and the alliance-portfolio measures:
 * a hand-worked three-state example, and the sparse algorithm against the
 * plain formula (ent_agree_s, ent_agree_kappa) on random portfolios.
 */
#include "testutil.h"
#include "panel/panel.h"
#include "panel/family.h"
#include "store/store.h"
#include "measures/agreement.h"

#include <sqlite3.h>
#include <stdio.h>
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
        "ev_material_coop", "ev_verbal_conf", "ev_material_conf", "ev_goldstein_mean",
        /* issue 9 */
        "arms_deliv_1to2", "arms_deliv_2to1", "arms_deliv_share_1to2", "arms_deliv_share_2to1",
        "imf_exports_1to2", "imf_exports_2to1", "imf_imports_1to2", "imf_imports_2to1",
        "imf_trade_total", "imf_trade_share_1", "imf_trade_share_2", "imf_estimated",
        "mme_joint", "mme_bilateral", "us_troops"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (ent_panel_find(required[i]) < 0)
            fail_msg("indicator %s missing from the codebook", required[i]);
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const ent_indicator *ind = &ent_panel_indicators[k];
        assert_true(ind->lo <= ind->hi);
        assert_true(ind->hi <= ENT_PANEL_YEAR_HI);
        /* the codebook prints notes whole: they fit its buffer */
        if (ind->coverage_note && strlen(ind->coverage_note) >= ENT_PANEL_MAXNOTE)
            fail_msg("%s: coverage note of %zu bytes, ENT_PANEL_MAXNOTE %d", ind->name,
                     strlen(ind->coverage_note), ENT_PANEL_MAXNOTE);
        if (ind->pair) { /* directed pairs point at each other */
            int p = ent_panel_find(ind->pair);
            assert_true(p >= 0);
            assert_string_equal(ent_panel_indicators[p].pair, ind->name);
        }
    }
    assert_int_equal(ent_panel_find("nosuch"), -1);
    assert_int_equal(ent_panel_find("agree"), ent_panel_find("un_agree"));
    assert_int_equal(ent_panel_find("n"), ent_panel_find("un_n"));
}

/* the families cover the codebook exactly once, in order: every column is
 * filled by one family, and a family's count matches its codebook run */
static void test_families(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    int base[256], owner[ENT_PANEL_MAXIND];
    assert_true(ent_panel_nfamilies <= 256);
    assert_true(ent_panel_nindicators <= ENT_PANEL_MAXIND);
    assert_int_equal(ent_panel_families_check(ctx, base), ENT_OK);
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        owner[k] = -1;
    for (size_t f = 0; f < ent_panel_nfamilies; f++) {
        const ent_pfamily *fam = &ent_panel_families[f];
        assert_string_equal(ent_panel_indicators[base[f]].name, fam->first);
        assert_string_equal(ent_panel_indicators[base[f] + fam->ncols - 1].name, fam->last);
        for (int i = 0; i < fam->ncols; i++) {
            assert_int_equal(owner[base[f] + i], -1);
            owner[base[f] + i] = (int)f;
        }
        /* a family reads its tables or derives from others' (portfolio) */
        assert_true(fam->q[0].sql || (fam->derive && fam->needs));
        for (int i = 0; i < ENT_PFAM_MAXQ && fam->q[i].sql; i++) {
            assert_non_null(fam->q[i].table);
            assert_non_null(fam->q[i].fill);
            assert_non_null(strstr(fam->q[i].sql, fam->q[i].table));
        }
    }
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        if (owner[k] < 0)
            fail_msg("codebook column %s belongs to no family", ent_panel_indicators[k].name);
    ent_ctx_free(ctx);
}

extern const ent_source ent_src_panel;

/* in_list: name is an item of the comma list */
static int in_list(const char *list, const char *name, size_t len)
{
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, ",");
        if (k == len && !strncmp(p, name, len))
            return 1;
        p += k + (p[k] == ',');
    }
    return 0;
}

/* depends: source src's deps hold name, directly or through a source they
 * hold (a reload of un_agree's unga_votes_voeten reloads un_agree, which
 * reloads the panel) */
static int depends(const ent_source *src, const char *name, size_t len, int depth)
{
    if (!src || depth > 8)
        return 0;
    if (in_list(src->deps, name, len))
        return 1;
    for (const char *p = src->deps; p && *p;) {
        size_t k = strcspn(p, ",");
        char dep[64];
        snprintf(dep, sizeof dep, "%.*s", (int)k, p);
        if (depends(ent_source_find(dep), name, len, depth + 1))
            return 1;
        p += k + (p[k] == ',');
    }
    return 0;
}

/* every build source a codebook row names (its source, split at '+') is a
 * dependency of the panel, so reloading it rebuilds the panel; sources the
 * build does not load (events, ideal_estimates: stored by verbs) are not */
static void test_panel_deps(void **s)
{
    (void)s;
    for (size_t k = 0; k < ent_panel_nindicators; k++) {
        const char *src = ent_panel_indicators[k].source;
        for (const char *p = src; *p;) {
            size_t len = strcspn(p, "+");
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)len, p);
            if (ent_source_find(name) && !depends(&ent_src_panel, name, len, 0))
                fail_msg("%s: source %s is not in the panel's deps (assemble.c)",
                         ent_panel_indicators[k].name, name);
            p += len + (p[len] == '+');
        }
    }
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
    /* kappa 0-2: [3,3,0] vs [0,1,3]: no agreement; p_e = (2/3)(1/3) for 3 + (1/3)(1/3)
     * for 0 = 1/3 -> (0 - 1/3) / (2/3) = -0.5.  1-2: [3,3,1] vs [0,1,3]: none;
     * p_e = 2/9 (3) + 1/9 (1) = 1/3 -> -0.5 */
    assert_near(ko[0 * 3 + 2], -0.5, 1e-12);
    assert_near(ko[1 * 3 + 2], -0.5, 1e-12);
    /* no weight at all: S is missing, never 0 */
    {
        double w0[3] = {NAN, 0, NAN};
        ent_panel_portfolio(3, lev, w0, deg, nz, work, so, ko);
        assert_nan(so[1]);
    }
}

static void test_portfolio_four(void **s)
{
    (void)s;
    /* four states, an ATOP-like year: 0-1 defense (3), 0-2 neutrality (2),
     * 1-2 defense (3), 3 alone; CINC .4 .3 .2, state 3 has none (weight 0).
     * Portfolios (k = 0..3):  0: 3 3 2 0   1: 3 3 3 0   2: 2 3 3 0   3: 0 0 0 3
     * S_01 = 1 - 2 (.2 * 1/3) / .9             = 0.851851...
     * S_02 = 1 - 2 (.4 * 1/3 + .2 * 1/3) / .9  = 0.555555...
     * S_03 = 1 - 2 (.4 + .3 + .2 * 2/3) / .9   = -0.851851...  (state 3's own tie weighs 0)
     * kappa_01: agree on k = 0, 1, 3 (3/4); p_e = (2/4)(3/4) + (1/4)(1/4) = 7/16
     *           -> (3/4 - 7/16) / (9/16) = 5/9 */
    double lev[16] = {0, 3, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    double w[4] = {.4, .3, .2, NAN}, so[16], ko[16], work[16];
    int deg[4], nz[16];
    ent_panel_portfolio(4, lev, w, deg, nz, work, so, ko);
    assert_near(so[0 * 4 + 1], 1 - 2 * (.2 / 3) / .9, 1e-12);
    assert_near(so[0 * 4 + 2], 1 - 2 * (.4 / 3 + .2 / 3) / .9, 1e-12);
    assert_near(so[0 * 4 + 3], 1 - 2 * (.4 + .3 + .2 * 2 / 3) / .9, 1e-12);
    assert_near(ko[0 * 4 + 1], 5.0 / 9, 1e-12);
    /* two states tied at 3: identical constant portfolios, no disagreement
     * expected: kappa is missing; S is 1 */
    {
        double l2[4] = {0, 3, 0, 0}, w2[2] = {.5, .5}, s2[4], k2[4], wk[8];
        int d2[2], n2[4];
        ent_panel_portfolio(2, l2, w2, d2, n2, wk, s2, k2);
        assert_near(s2[1], 1.0, 1e-12);
        assert_nan(k2[1]);
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

/* a panel table with every codebook column, two dyads in 2014 */
static sqlite3 *fake_panel(void)
{
    sqlite3 *db = NULL;
    char sql[8192];
    size_t o = 0;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    o += (size_t)snprintf(sql + o, sizeof sql - o, "CREATE TABLE panel(ccode1, ccode2, year");
    for (size_t k = 0; k < ent_panel_nindicators; k++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s", ent_panel_indicators[k].name);
    snprintf(sql + o, sizeof sql - o, ")");
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO panel(ccode1, ccode2, year, trade_1to2, trade_2to1,"
                                  " cinc_1, cinc_2, atop_level, meet_coverage) VALUES"
                                  " (2, 740, 2014, 67000, 134000.5, 0.14, 0.04, 3, 'state_dept'),"
                                  " (365, 710, 2014, NULL, 0, 0.000001234, 0.22, 1, NULL),"
                                  " (2, 740, 2015, 1, 2, 3, 4, 5, NULL)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static void test_export(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    ent_registry *reg = NULL;
    sqlite3 *db = fake_panel();
    int sel[ENT_PANEL_MAXIND], nsel = 0;
    char *buf = NULL;
    size_t len = 0, rows = 0;
    FILE *fp;
    assert_int_equal(ent_registry_load(ctx, "tests/fixtures/panel", &reg), ENT_OK);
    assert_int_equal(ent_panel_select(ctx, "trade_1to2,trade_2to1,cinc_1,cinc_2,atop_level,"
                                           "meet_coverage", sel, &nsel), ENT_OK);
    assert_int_equal(nsel, 6);
    {
        ent_panel_export_opts opt = {2014, 2014, 1, sel, nsel};
        fp = open_memstream(&buf, &len);
        assert_int_equal(ent_panel_export_csv(ctx, db, reg, &opt, fp, &rows), ENT_OK);
        fclose(fp);
    }
    assert_int_equal(rows, 4);
    /* the reversed row swaps the states and each directed pair, keeps the
     * rest; NULL is an empty cell; numbers keep nine decimals at most */
    assert_string_equal(buf,
                        "ccode1,ccode2,abb1,abb2,year,trade_1to2,trade_2to1,cinc_1,cinc_2,"
                        "atop_level,meet_coverage\n"
                        "2,740,USA,JPN,2014,67000,134000.5,0.14,0.04,3,state_dept\n"
                        "740,2,JPN,USA,2014,134000.5,67000,0.04,0.14,3,state_dept\n"
                        "365,710,RUS,CHN,2014,,0,0.000001234,0.22,1,\n"
                        "710,365,CHN,RUS,2014,0,,0.22,0.000001234,1,\n");
    free(buf);
    assert_int_equal(ent_panel_select(ctx, "trade_1to2,nosuch", sel, &nsel), ENT_ENOTFOUND);
    assert_non_null(strstr(ent_errmsg(ctx), "nosuch"));
    assert_int_equal(ent_panel_select(ctx, "", sel, &nsel), ENT_EINVAL);
    sqlite3_close(db);
    ent_registry_free(reg);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codebook),
        cmocka_unit_test(test_families),
        cmocka_unit_test(test_panel_deps),
        cmocka_unit_test(test_portfolio_hand),
        cmocka_unit_test(test_portfolio_four),
        cmocka_unit_test(test_portfolio_random),
        cmocka_unit_test(test_export),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
