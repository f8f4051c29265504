/*
 * test_api.c -- the public queries of entente/query.h that read a warehouse
 * (ent_dyad, ent_panel, ent_agree, ent_cite) on a warehouse built from the panel
 * fixture (tests/fixtures/panel) plus the UN votes of sessions 75-78
 * (tests/fixtures/srcdata/unga_votes_voeten), and ent_meetings on one
 * built from tests/fixtures/meetings.  Values worked by hand in
 * tests/cli/panel_fixture/cmd and tests/cli/agree_voeten_fixture/cmd;
 * the meetings as `entente meetings` prints them on that fixture.
 */
#include "testutil.h"
#include "entente/index.h"
#include "entente/query.h"
#include "panel/panel.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ent_ctx *ctx;
static ent_db *db, *mdb;
static char dir[64];

static int setup(void **s)
{
    static const char *const folders[] = {
        "atop_alliance", "country_codes", "cow_nmc", "cow_states", "cow_trade",
        "itpd_bilateral_trade", "sipri_arms_transfers_tiv", "unga_ideal_points"};
    char src[128];
    (void)s;
    if (tu_scratch(dir, sizeof dir, "test_api"))
        return -1;
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
        snprintf(src, sizeof src, "tests/fixtures/panel/%s", folders[i]);
        if (tu_link_in(dir, src))
            return -1;
    }
    if (tu_link_in(dir, "tests/fixtures/srcdata/unga_votes_voeten") || !(ctx = ent_ctx_new()))
        return -1;
    if (tu_warehouse(ctx, dir, "w.db", NULL, NULL, &db))
        return -1;
    return tu_warehouse(ctx, dir, "m.db", "tests/fixtures/meetings", NULL, &mdb);
}

static int teardown(void **s)
{
    (void)s;
    ent_db_close(db);
    ent_db_close(mdb);
    ent_ctx_free(ctx);
    return tu_scratch_rm(dir);
}

/* find returns the row of (year, indicator) in a dyad result, or -1 */
static long find(const ent_result *r, int year, const char *ind)
{
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        if (ent_result_int(r, i, 2) == year && !strcmp(ent_result_text(r, i, 4), ind))
            return (long)i;
    return -1;
}

static void test_dyad(void **s)
{
    ent_result *r;
    long i;
    (void)s;
    assert_int_equal(ent_dyad(db, "USA", "JPN", 2014, 0, 0, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 8);
    assert_string_equal(ent_result_colname(r, 5), "value");
    assert_int_equal(ent_result_coltype(r, 5), ENT_COL_REAL);
    assert_string_equal(ent_result_text(r, 0, 0), "USA");
    assert_string_equal(ent_result_text(r, 0, 3), "personal"); /* grouped by dimension */
    assert_true((i = find(r, 2014, "alliance_s")) >= 0);
    assert_near(ent_result_real(r, (size_t)i, 5), 0.913043478, 1e-8);
    assert_true((i = find(r, 2014, "arms_share_1to2")) >= 0);
    assert_near(ent_result_real(r, (size_t)i, 5), 0.75, 1e-12);
    assert_string_equal(ent_result_text(r, (size_t)i, 7), "sipri_arms_transfers_tiv");
    assert_true((i = find(r, 2014, "trade_share_1")) >= 0);
    assert_near(ent_result_real(r, (size_t)i, 5), 201000.0 / 4000000.0, 1e-12);
    /* a source not built is missing, never 0; a text indicator stays in text */
    assert_true((i = find(r, 2014, "meet_coverage")) >= 0);
    assert_nan(ent_result_real(r, (size_t)i, 5));
    assert_null(ent_result_text(r, (size_t)i, 6));
    assert_non_null(ent_result_note(r, "coverage"));
    assert_non_null(strstr(ent_result_note(r, "coverage"), "cow_alliance (2012)"));
    ent_result_free(r);

    /* from JPN's side the directed pair swaps */
    assert_int_equal(ent_dyad(db, "JPN", "USA", 2014, 0, 0, &r), ENT_OK);
    assert_true((i = find(r, 2014, "arms_share_1to2")) >= 0);
    assert_false(fabs(ent_result_real(r, (size_t)i, 5) - 0.75) < 1e-12);
    assert_true((i = find(r, 2014, "trade_share_2")) >= 0);
    assert_near(ent_result_real(r, (size_t)i, 5), 201000.0 / 4000000.0, 1e-12);
    ent_result_free(r);

    /* a range: ATOP 2018 covered (0), 2019 missing */
    assert_int_equal(ent_dyad(db, "USA", "JPN", 0, 2017, 2019, &r), ENT_OK);
    assert_true((i = find(r, 2018, "atop_level")) >= 0);
    assert_near(ent_result_real(r, (size_t)i, 5), 0, 0);
    assert_true((i = find(r, 2019, "atop_level")) >= 0);
    assert_nan(ent_result_real(r, (size_t)i, 5));
    ent_result_free(r);

    /* the default year is said in a note */
    assert_int_equal(ent_dyad(db, "RUS", "CHN", 0, 0, 0, &r), ENT_OK);
    assert_true(ent_result_nrows(r) > 0);
    assert_non_null(ent_result_note(r, "info"));
    ent_result_free(r);

    /* refusals, with the message on the warehouse's context */
    assert_int_equal(ent_dyad(db, "USA", "USA", 2014, 0, 0, &r), ENT_EINVAL);
    assert_null(r);
    assert_non_null(strstr(ent_errmsg(ent_db_ctx(db)), "same state"));
    assert_int_equal(ent_dyad(db, "USA", "JPN", 2014, 2010, 2012, &r), ENT_EINVAL);
    assert_int_equal(ent_dyad(db, "USA", "XXX", 2014, 0, 0, &r), ENT_ENOTFOUND);
}

static void test_agree(void **s)
{
    ent_result *r;
    (void)s;
    assert_int_equal(ent_agree(db, "CHN", "RUS", 2019, 2024, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 6);
    assert_string_equal(ent_result_colname(r, 8), "partial");
    /* 2019: before the votes, missing */
    assert_true(ent_result_isna(r, 0, 3));
    assert_nan(ent_result_real(r, 0, 4));
    /* 2020: n 2, agree 0.5, S 0.5, kappa 1 - .125/.375 */
    assert_int_equal(ent_result_int(r, 1, 2), 2020);
    assert_int_equal(ent_result_int(r, 1, 3), 2);
    assert_near(ent_result_real(r, 1, 4), 0.5, 1e-12);
    assert_near(ent_result_real(r, 1, 5), 0.5, 1e-12);
    assert_near(ent_result_real(r, 1, 7), 1 - 0.125 / 0.375, 1e-12);
    assert_int_equal(ent_result_int(r, 1, 8), 0);
    /* 2021: both no once: agree 1, pi undefined */
    assert_near(ent_result_real(r, 2, 4), 1, 1e-12);
    assert_nan(ent_result_real(r, 2, 6));
    /* 2023 partial */
    assert_int_equal(ent_result_int(r, 4, 8), 1);
    assert_non_null(strstr(ent_result_note(r, "coverage"), "begin in 2020"));
    {
        int partial = 0;
        for (size_t k = 0; k < ent_result_nnotes(r); k++)
            partial |= !strcmp(ent_result_note_kind(r, k), "coverage") &&
                       strstr(ent_result_note_text(r, k), "2023 is partial") != NULL;
        assert_true(partial);
    }
    ent_result_free(r);
    assert_int_equal(ent_agree(db, "CHN", "RUS", 2024, 2019, &r), ENT_EINVAL);
    assert_null(r);
}

static void test_cite(void **s)
{
    ent_result *r;
    int atop = 0;
    (void)s;
    assert_int_equal(ent_cite(db, &r), ENT_OK);
    assert_int_equal(ent_result_ncols(r), 5);
    for (size_t i = 0; i < ent_result_nrows(r); i++) {
        assert_non_null(ent_result_text(r, i, 4));
        atop |= !strcmp(ent_result_text(r, i, 1), "atop_alliance");
    }
    assert_true(atop);
    ent_result_free(r);
}

static void test_panel(void **s)
{
    ent_result *r;
    size_t nall;
    (void)s;
    assert_int_equal(ent_panel(db, 2014, 2014, "alliance_s,arms_share_1to2,trade_share_1", 1, &r),
                     ENT_OK);
    assert_int_equal(ent_result_ncols(r), 8);
    assert_string_equal(ent_result_colname(r, 5), "alliance_s");
    /* directed: USA-UKG then UKG-USA, the directed columns swapped */
    assert_int_equal(ent_result_int(r, 0, 0), 2);
    assert_int_equal(ent_result_int(r, 0, 1), 200);
    assert_string_equal(ent_result_text(r, 0, 3), "UKG");
    assert_near(ent_result_real(r, 0, 5), 1 - 2 * 0.04 / 0.46, 1e-12);
    assert_near(ent_result_real(r, 0, 6), 1, 1e-12);
    assert_near(ent_result_real(r, 0, 7), 0.02725, 1e-12);
    assert_int_equal(ent_result_int(r, 1, 0), 200);
    assert_near(ent_result_real(r, 1, 5), ent_result_real(r, 0, 5), 0);
    assert_nan(ent_result_real(r, 1, 6));
    assert_false(fabs(ent_result_real(r, 1, 7) - 0.02725) < 1e-9);
    ent_result_free(r);

    assert_int_equal(ent_panel(db, 2014, 2014, NULL, 0, &r), ENT_OK);
    nall = ent_result_nrows(r);
    assert_int_equal(ent_result_ncols(r), 5 + ent_panel_nindicators);
    assert_int_equal(nall, 10); /* the 10 pairs of the fixture's 5 states */
    assert_true(ent_result_col(r, "meet_coverage") > 0);
    assert_int_equal(ent_result_coltype(r, (size_t)ent_result_col(r, "meet_coverage")),
                     ENT_COL_TEXT);
    assert_int_equal(ent_result_coltype(r, (size_t)ent_result_col(r, "atop_level")),
                     ENT_COL_REAL);
    ent_result_free(r);
    assert_int_equal(ent_panel(db, 2014, 2014, NULL, 1, &r), ENT_OK);
    assert_int_equal(ent_result_nrows(r), 2 * nall);
    ent_result_free(r);
    assert_int_equal(ent_panel(db, 2014, 2014, "nope", 0, &r), ENT_ENOTFOUND);
    assert_null(r);
    assert_int_equal(ent_panel(db, 2015, 2014, NULL, 0, &r), ENT_EINVAL);
}

static void test_meetings(void **s)
{
    ent_result *r;
    (void)s;
    assert_int_equal(ent_meetings(mdb, "xi jinping", NULL, NULL, 1, &r), ENT_OK);
    assert_true(ent_result_nrows(r) >= 2);
    assert_string_equal(ent_result_text(r, 0, 0), "Xi Jinping"); /* the canonical name */
    assert_string_equal(ent_result_text(r, 0, 1), "Vladimir Putin");
    assert_string_equal(ent_result_text(r, 0, 2), "RUS");
    assert_int_equal(ent_result_int(r, 0, 3), 4); /* episodes */
    assert_int_equal(ent_result_int(r, 0, 4), 2); /* bilateral */
    assert_int_equal(ent_result_int(r, 0, 5), 2); /* group */
    assert_int_equal(ent_result_int(r, 0, 6), 2); /* calls */
    assert_int_equal(ent_result_int(r, 0, 7), 7); /* days */
    assert_int_equal(ent_result_int(r, 0, 8), 1);
    assert_int_equal(ent_result_int(r, 1, 8), 2);
    assert_non_null(strstr(ent_result_note(r, "ratio"), "4 / "));
    ent_result_free(r);

    assert_int_equal(ent_meetings(mdb, "Xi Jinping", "2013-01-01", "2014-12-31", 0, &r), ENT_OK);
    assert_string_equal(ent_result_colname(r, 9), "source_row");
    assert_string_equal(ent_result_text(r, 0, 0), "2013-03-22");
    assert_string_equal(ent_result_text(r, 0, 3), "Vladimir Putin");
    assert_string_equal(ent_result_text(r, 0, 8), "china_vitae");
    assert_int_equal(ent_result_int(r, 0, 9), 17);
    for (size_t i = 0; i < ent_result_nrows(r); i++)
        assert_true(strcmp(ent_result_text(r, i, 0), "2015") < 0);
    ent_result_free(r);

    assert_int_equal(ent_meetings(mdb, "Nobody Atall", NULL, NULL, 1, &r), ENT_ENOTFOUND);
    assert_null(r);
    assert_int_equal(ent_meetings(mdb, "Xi Jinping", "2013-13-01", NULL, 1, &r), ENT_EINVAL);
    assert_non_null(strstr(ent_errmsg(ent_db_ctx(mdb)), "not a date"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dyad),
        cmocka_unit_test(test_agree),
        cmocka_unit_test(test_cite),
        cmocka_unit_test(test_meetings),
        cmocka_unit_test(test_panel),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
