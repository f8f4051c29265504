/*
 * test_row.c -- the panel row accessor (src/panel/row.c): one dyad read from
 * either side (the directed swap both ways), the directed read of every
 * pair, missing values staying missing on both sides, reading by name, a
 * panel lacking a column, and the default year of a dyad.  The panel is a
 * hand-made table in memory; the values are the table's.
 */
#include "testutil.h"
#include "panel/panel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* make_panel creates the table `panel` with every codebook column (but the
 * one named skip, and then no rows) and three rows */
static sqlite3 *make_panel(const char *skip)
{
    sqlite3 *db = NULL;
    char sql[8192];
    size_t o = 0;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    o += (size_t)snprintf(sql + o, sizeof sql - o, "CREATE TABLE panel(year, ccode2, ccode1");
    for (size_t k = ent_panel_nindicators; k-- > 0;) /* any column order */
        if (!skip || strcmp(skip, ent_panel_indicators[k].name))
            o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s", ent_panel_indicators[k].name);
    snprintf(sql + o, sizeof sql - o, ")");
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    if (skip)
        return db;
    /* USA-JPN 2014: USA exports 67000, JPN 134000.5; CINC .14 and .04;
     * RUS-CHN 2014: RUS's exports missing, CHN's 0; arms RUS->CHN 195 */
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO panel(ccode1, ccode2, year, trade_1to2, trade_2to1,"
                                  " cinc_1, cinc_2, atop_level, arms_tiv_1to2, meet_coverage)"
                                  " VALUES (2, 740, 2014, 67000, 134000.5, 0.14, 0.04, 3, NULL,"
                                  " 'state_dept'),"
                                  " (365, 710, 2014, NULL, 0, 0.04, 0.22, 1, 195, NULL),"
                                  " (2, 740, 2015, 1, 2, 3, 4, NULL, NULL, NULL)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

#define K(name) ent_panel_find(name)

static void test_dyad_both_sides(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    ent_panel_rows *r;

    /* stored order: USA first */
    assert_int_equal(ent_panel_rows_open(ctx, db, 2, 740, 2014, 2014, 0, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_int_equal(ent_panel_rows_ccode1(r), 2);
    assert_int_equal(ent_panel_rows_ccode2(r), 740);
    assert_int_equal(ent_panel_rows_year(r), 2014);
    assert_near(ent_panel_rows_get(r, "trade_1to2"), 67000, 0);
    assert_near(ent_panel_rows_get(r, "trade_2to1"), 134000.5, 0);
    assert_near(ent_panel_rows_get(r, "cinc_1"), 0.14, 0);
    assert_int_equal(ent_panel_rows_int(r, K("trade_1to2")), 67000);
    assert_string_equal(ent_panel_rows_text(r, K("meet_coverage")), "state_dept");
    assert_int_equal(ent_panel_rows_next(r), ENT_DONE);
    ent_panel_rows_close(r);

    /* JPN first: the states and every directed pair swap, the rest stays */
    assert_int_equal(ent_panel_rows_open(ctx, db, 740, 2, 2014, 2014, 0, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_int_equal(ent_panel_rows_ccode1(r), 740);
    assert_int_equal(ent_panel_rows_ccode2(r), 2);
    assert_near(ent_panel_rows_get(r, "trade_1to2"), 134000.5, 0);
    assert_near(ent_panel_rows_get(r, "trade_2to1"), 67000, 0);
    assert_int_equal(ent_panel_rows_type(r, K("trade_1to2")), ENT_PV_REAL);
    assert_int_equal(ent_panel_rows_type(r, K("trade_2to1")), ENT_PV_INT);
    assert_near(ent_panel_rows_get(r, "cinc_1"), 0.04, 0);
    assert_near(ent_panel_rows_get(r, "cinc_2"), 0.14, 0);
    assert_near(ent_panel_rows_get(r, "atop_level"), 3, 0);
    assert_string_equal(ent_panel_rows_text(r, K("meet_coverage")), "state_dept");
    assert_nan(ent_panel_rows_get(r, "nosuch"));
    { /* the same through the one-call getter of the export's loop */
        double v;
        const char *t;
        assert_int_equal(ent_panel_rows_cell(r, K("trade_1to2"), &v, &t), ENT_PV_REAL);
        assert_near(v, 134000.5, 0);
        assert_null(t);
        assert_int_equal(ent_panel_rows_cell(r, K("cinc_2"), &v, &t), ENT_PV_REAL);
        assert_near(v, 0.14, 0);
        assert_int_equal(ent_panel_rows_cell(r, K("meet_coverage"), &v, &t), ENT_PV_TEXT);
        assert_string_equal(t, "state_dept");
        assert_nan(v);
        assert_int_equal(ent_panel_rows_cell(r, K("arms_tiv_1to2"), &v, &t), ENT_PV_NULL);
        assert_nan(v);
    }
    ent_panel_rows_close(r);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

static void test_missing_stays_missing(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    ent_panel_rows *r;

    /* RUS first (stored): RUS's exports missing, CHN's 0 */
    assert_int_equal(ent_panel_rows_open(ctx, db, 365, 710, 2014, 2014, 0, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_int_equal(ent_panel_rows_type(r, K("trade_1to2")), ENT_PV_NULL);
    assert_nan(ent_panel_rows_get(r, "trade_1to2"));
    assert_int_equal(ent_panel_rows_int(r, K("trade_1to2")), ENT_NA);
    assert_near(ent_panel_rows_get(r, "trade_2to1"), 0, 0);
    assert_near(ent_panel_rows_get(r, "arms_tiv_1to2"), 195, 0);
    assert_nan(ent_panel_rows_get(r, "arms_tiv_2to1"));
    assert_null(ent_panel_rows_text(r, K("meet_coverage")));
    ent_panel_rows_close(r);
    /* CHN first: the missing value moves to the other side, still missing;
     * the zero stays a zero */
    assert_int_equal(ent_panel_rows_open(ctx, db, 710, 365, 2014, 2014, 0, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_near(ent_panel_rows_get(r, "trade_1to2"), 0, 0);
    assert_int_equal(ent_panel_rows_type(r, K("trade_2to1")), ENT_PV_NULL);
    assert_nan(ent_panel_rows_get(r, "trade_2to1"));
    assert_nan(ent_panel_rows_get(r, "arms_tiv_1to2"));
    assert_near(ent_panel_rows_get(r, "arms_tiv_2to1"), 195, 0);
    assert_near(ent_panel_rows_get(r, "cinc_1"), 0.22, 0);
    ent_panel_rows_close(r);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

static void test_directed_read(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    ent_panel_rows *r;
    static const int want[][2] = {{2, 740}, {740, 2}, {365, 710}, {710, 365}};
    static const double t12[] = {67000, 134000.5, NAN, 0};
    int n = 0;
    ent_status st;

    assert_int_equal(ent_panel_rows_open(ctx, db, 0, 0, 2014, 2014, 1, &r), ENT_OK);
    while ((st = ent_panel_rows_next(r)) == ENT_OK) {
        assert_true(n < 4);
        assert_int_equal(ent_panel_rows_ccode1(r), want[n][0]);
        assert_int_equal(ent_panel_rows_ccode2(r), want[n][1]);
        if (isnan(t12[n]))
            assert_nan(ent_panel_rows_get(r, "trade_1to2"));
        else
            assert_near(ent_panel_rows_get(r, "trade_1to2"), t12[n], 0);
        n++;
    }
    assert_int_equal(st, ENT_DONE);
    assert_int_equal(n, 4);
    ent_panel_rows_close(r);
    /* non-directed: the stored rows only, by year */
    n = 0;
    assert_int_equal(ent_panel_rows_open(ctx, db, 0, 0, 2014, 2015, 0, &r), ENT_OK);
    while (ent_panel_rows_next(r) == ENT_OK)
        n++;
    assert_int_equal(n, 3);
    ent_panel_rows_close(r);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

static void test_present_and_latest(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    int year, present, best;
    /* USA-JPN: 2014 has 6 indicators present (trade x2, cinc x2, atop_level,
     * meet_coverage), 2015 has 4: 2 * 4 >= 6, so 2015 */
    assert_int_equal(ent_panel_dyad_latest(ctx, db, 740, 2, &year, &present, &best), ENT_OK);
    assert_int_equal(year, 2015);
    assert_int_equal(present, 4);
    assert_int_equal(best, 6);
    assert_int_equal(ent_panel_dyad_latest(ctx, db, 2, 200, &year, &present, &best),
                     ENT_ENODATA);
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

static void test_missing_column(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel("cinc_2");
    ent_panel_rows *r = NULL;
    assert_int_equal(ent_panel_rows_open(ctx, db, 2, 740, 2014, 2014, 0, &r), ENT_ENODATA);
    assert_null(r);
    assert_non_null(strstr(ent_errmsg(ctx), "cinc_2"));
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dyad_both_sides),
        cmocka_unit_test(test_missing_stays_missing),
        cmocka_unit_test(test_directed_read),
        cmocka_unit_test(test_present_and_latest),
        cmocka_unit_test(test_missing_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
