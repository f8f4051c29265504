/*
 * test_row.c -- the panel row accessor (src/panel/row.c): one dyad read from
 * either side (the directed swap both ways), the directed read of every
 * pair, missing values staying missing on both sides, reading by name, a
 * panel lacking a column, and the default year of a dyad; a read of named
 * columns only (the index's): its slots, the directed swap through a pair it
 * did not ask for, the rows of one state, a column outside the codebook, and
 * the check of a panel's columns.  The panel is a hand-made table in memory;
 * the values are the table's.
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

/* a read of named columns: slots in the order asked, codebook getters for
 * what was asked, the rest missing; the directed swap reads a pair's column
 * the read did not name */
static void test_named_read(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    ent_panel_rows *r;
    static const char *const cols[] = {"trade_1to2", "atop_level", "trade_1to2", "meet_coverage"};
    ent_panel_read rd = {.a = 2, .b = 740, .from = 2014, .to = 2015, .cols = cols, .ncols = 4};

    assert_int_equal(ent_panel_rows_read(ctx, db, &rd, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_near(ent_panel_rows_at(r, 0), 67000, 0);
    assert_near(ent_panel_rows_at(r, 1), 3, 0);
    assert_near(ent_panel_rows_at(r, 2), 67000, 0); /* a column asked twice */
    assert_nan(ent_panel_rows_at(r, 3));            /* text is no number */
    assert_nan(ent_panel_rows_at(r, 4));            /* no such slot */
    assert_near(ent_panel_rows_get(r, "atop_level"), 3, 0);
    assert_string_equal(ent_panel_rows_text(r, K("meet_coverage")), "state_dept");
    assert_nan(ent_panel_rows_get(r, "cinc_1")); /* not asked: missing */
    assert_int_equal(ent_panel_rows_present(r), 3);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK); /* 2015 */
    assert_near(ent_panel_rows_at(r, 0), 1, 0);
    assert_nan(ent_panel_rows_at(r, 1));
    assert_int_equal(ent_panel_rows_next(r), ENT_DONE);
    assert_nan(ent_panel_rows_at(r, 0)); /* past the last row */
    ent_panel_rows_close(r);

    /* JPN's side: trade_1to2 reads trade_2to1, which was not asked */
    rd.a = 740;
    rd.b = 2;
    rd.to = 2014;
    assert_int_equal(ent_panel_rows_read(ctx, db, &rd, &r), ENT_OK);
    assert_int_equal(ent_panel_rows_next(r), ENT_OK);
    assert_int_equal(ent_panel_rows_ccode1(r), 740);
    assert_near(ent_panel_rows_at(r, 0), 134000.5, 0);
    assert_near(ent_panel_rows_get(r, "trade_1to2"), 134000.5, 0);
    assert_near(ent_panel_rows_at(r, 1), 3, 0);
    ent_panel_rows_close(r);

    /* every pair, directed: the reversed copy swaps too */
    {
        static const char *const one[] = {"trade_1to2"};
        ent_panel_read dr = {.from = 2014, .to = 2014, .directed = 1, .cols = one, .ncols = 1};
        static const double want[] = {67000, 134000.5, NAN, 0};
        int n = 0;
        assert_int_equal(ent_panel_rows_read(ctx, db, &dr, &r), ENT_OK);
        while (ent_panel_rows_next(r) == ENT_OK) {
            assert_true(n < 4);
            if (isnan(want[n]))
                assert_nan(ent_panel_rows_at(r, 0));
            else
                assert_near(ent_panel_rows_at(r, 0), want[n], 0);
            n++;
        }
        assert_int_equal(n, 4);
        ent_panel_rows_close(r);
    }
    sqlite3_close(db);
    ent_ctx_free(ctx);
}

/* the rows of one state (either side), and a read of a column the panel
 * lacks or outside the codebook */
static void test_read_with_state(void **s)
{
    (void)s;
    ent_ctx *ctx = ent_ctx_new();
    sqlite3 *db = make_panel(NULL);
    ent_panel_rows *r = NULL;
    static const char *const lev[] = {"atop_level"};
    ent_panel_read rd = {.with = 710, .from = 2014, .to = 2015, .cols = lev, .ncols = 1};
    int n = 0;

    assert_int_equal(ent_panel_rows_read(ctx, db, &rd, &r), ENT_OK);
    while (ent_panel_rows_next(r) == ENT_OK) {
        assert_int_equal(ent_panel_rows_ccode1(r), 365);
        assert_int_equal(ent_panel_rows_ccode2(r), 710);
        assert_near(ent_panel_rows_at(r, 0), 1, 0);
        n++;
    }
    assert_int_equal(n, 1);
    ent_panel_rows_close(r);
    rd.with = 2; /* USA: first in both its rows, 2014 then 2015 */
    n = 0;
    assert_int_equal(ent_panel_rows_read(ctx, db, &rd, &r), ENT_OK);
    while (ent_panel_rows_next(r) == ENT_OK)
        assert_int_equal(ent_panel_rows_year(r), 2014 + n++);
    assert_int_equal(n, 2);
    ent_panel_rows_close(r);
    sqlite3_close(db);

    /* a hand-made panel: a column outside the codebook is read as stored */
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE panel(ccode1, ccode2, year, a, trade_1to2);"
                                      "INSERT INTO panel VALUES (2, 20, 2000, 5, 7);",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    {
        static const char *const ab[] = {"a", "trade_1to2"};
        static const char *const missing[] = {"a", "trade_2to1", "nosuch"};
        ent_panel_read hr = {.a = 2, .b = 20, .from = 2000, .to = 2000, .cols = ab, .ncols = 2};
        int miss;
        assert_int_equal(ent_panel_rows_read(ctx, db, &hr, &r), ENT_OK);
        assert_int_equal(ent_panel_rows_next(r), ENT_OK);
        assert_near(ent_panel_rows_at(r, 0), 5, 0);
        assert_near(ent_panel_rows_at(r, 1), 7, 0);
        ent_panel_rows_close(r);
        /* from the other side the pair's column is needed, and lacking */
        hr.a = 20;
        hr.b = 2;
        assert_int_equal(ent_panel_rows_read(ctx, db, &hr, &r), ENT_ENODATA);
        assert_non_null(strstr(ent_errmsg(ctx), "trade_2to1"));
        assert_null(r);
        /* the column check names the first the panel lacks */
        assert_int_equal(ent_panel_columns_missing(ctx, db, missing, 3, &miss), ENT_OK);
        assert_int_equal(miss, 1);
        assert_int_equal(ent_panel_columns_missing(ctx, db, ab, 2, &miss), ENT_OK);
        assert_int_equal(miss, -1);
        assert_int_equal(sqlite3_exec(db, "DROP TABLE panel", NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(ent_panel_columns_missing(ctx, db, ab, 2, &miss), ENT_ENODATA);
        assert_non_null(strstr(ent_errmsg(ctx), "the warehouse has no panel"));
    }
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
        cmocka_unit_test(test_named_read),
        cmocka_unit_test(test_read_with_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
